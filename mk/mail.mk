# mail.mk - e-mail over SMTP (src/mail/, issue 17): libcurl (Debian libcurl4-openssl-dev).
PKGS += libcurl
