# mail.mk - e-mail over SMTP (src/mail/, issue 17): libcurl (Debian libcurl4-openssl-dev);
# two-factor codes (src/auth/auth_totp.c, RFC 6238): liboath (Debian liboath-dev).
PKGS += libcurl liboath
