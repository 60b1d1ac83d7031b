/*
 * mail_text.c - the words of every message, in French and in English, and the message around
 * them (RFC 5322 headers, a plain-text UTF-8 body).
 *
 * R6: a message says only that there is something to do or to see on entraide, and gives a
 * link. No post, condition, space or institution name, desk message or handle can reach it:
 * the templates take no text from the caller, only a link path (checked: one word).
 * Not responsible for: queueing (mail_store.c), sending (mail_smtp.c).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail/mail.h"

struct text {
	const char *subject;
	const char *before; /* the lines before the link */
	const char *after;  /* the lines after it */
};

static const struct text texts[MAIL_N_TEMPLATES][2] = {
	[MAIL_CONFIRM_EMAIL] = {
		{"Confirmez votre adresse e-mail",
		 "Bonjour,\r\n\r\nPour confirmer l'adresse e-mail de votre compte entraide, ouvrez ce lien :",
		 "Il est valable 7 jours. Si vous n'avez pas créé de compte sur entraide, ignorez ce "
		 "message."},
		{"Confirm your e-mail address",
		 "Hello,\r\n\r\nTo confirm the e-mail address of your entraide account, open this link:",
		 "It is valid for 7 days. If you did not create an account on entraide, ignore this "
		 "message."},
	},
	[MAIL_PASSWORD_RESET] = {
		{"Choisir un nouveau mot de passe",
		 "Bonjour,\r\n\r\nPour choisir un nouveau mot de passe sur entraide, ouvrez ce lien :",
		 "Il est valable 30 minutes, une seule fois. Si vous n'avez rien demandé, ignorez ce "
		 "message : votre mot de passe ne change pas."},
		{"Choose a new password",
		 "Hello,\r\n\r\nTo choose a new password on entraide, open this link:",
		 "It is valid for 30 minutes, once. If you did not ask for it, ignore this message: "
		 "your password does not change."},
	},
	[MAIL_PARENT_CONFIRM] = {
		{"Confirmez le compte de votre enfant",
		 "Bonjour,\r\n\r\nVotre enfant a créé un compte sur entraide et a donné votre adresse. "
		 "Pour confirmer ce compte, ouvrez ce lien :",
		 "Il est valable 7 jours, une seule fois. Si vous ne connaissez pas cette demande, "
		 "ignorez ce message : le compte ne sera pas confirmé. Nous ne gardons pas votre "
		 "adresse."},
		{"Confirm your child's account",
		 "Hello,\r\n\r\nYour child created an account on entraide and gave your address. "
		 "To confirm this account, open this link:",
		 "It is valid for 7 days, once. If you do not know about this request, ignore this "
		 "message: the account will not be confirmed. We do not keep your address."},
	},
	[MAIL_DIGEST] = {
		{"Du nouveau sur entraide",
		 "Bonjour,\r\n\r\nVous avez du nouveau sur entraide. Pour le voir, connectez-vous :",
		 "Vous recevez ce message parce que vous l'avez demandé. Pour ne plus le recevoir, "
		 "retirez ce consentement sur la page « Mes données » de votre compte."},
		{"Something new on entraide",
		 "Hello,\r\n\r\nYou have something new on entraide. To see it, log in:",
		 "You receive this message because you asked for it. To stop it, withdraw this "
		 "consent on the \"My data\" page of your account."},
	},
};

/* Whether s may go in a header: printable, no line break. */
static bool header_safe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < ' ' || *p == 0x7f)
			return false;
	return *s != '\0';
}

enum ent_err mail_compose(enum mail_template t, const char *locale, const char *from,
			  const char *to, const char *url, int64_t now, char *out, size_t cap)
{
	if ((unsigned)t >= MAIL_N_TEMPLATES || !header_safe(from) || !header_safe(to) ||
	    !header_safe(url) || strchr(url, ' '))
		return ENT_EINVAL;
	const struct text *x = &texts[t][locale && !strcmp(locale, "en")];
	/* the subject is UTF-8: RFC 2047 encoded-word, base64 */
	char subject[256];
	if (strlen(x->subject) * 4 / 3 + 4 >= sizeof subject)
		return ENT_ETOOBIG;
	sodium_bin2base64(subject, sizeof subject, (const unsigned char *)x->subject,
			  strlen(x->subject), sodium_base64_VARIANT_ORIGINAL);
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	time_t tt = (time_t)now;
	gmtime_r(&tt, &tm);
	unsigned char rnd[12];
	char id[25];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(id, sizeof id, rnd, sizeof rnd);
	const char *domain = strrchr(from, '@');
	char dom[128];
	snprintf(dom, sizeof dom, "%s", domain ? domain + 1 : "entraide.invalid");
	char *gt = strchr(dom, '>');
	if (gt)
		*gt = '\0';
	int n = snprintf(out, cap,
			 "From: %s\r\n"
			 "To: <%s>\r\n"
			 "Subject: =?UTF-8?B?%s?=\r\n"
			 "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n"
			 "Message-ID: <%s@%s>\r\n"
			 "MIME-Version: 1.0\r\n"
			 "Content-Type: text/plain; charset=UTF-8\r\n"
			 "Content-Transfer-Encoding: 8bit\r\n"
			 "Auto-Submitted: auto-generated\r\n"
			 "\r\n"
			 "%s\r\n\r\n%s\r\n\r\n%s\r\n\r\n-- \r\nentraide\r\n",
			 from, to, subject, days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
			 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, id, dom, x->before, url,
			 x->after);
	if (n < 0 || (size_t)n >= cap)
		return ENT_ETOOBIG;
	return ENT_OK;
}
