/*
 * cli_mail.c - serve's e-mail settings turned into a running sender (src/mail/): the SMTP
 * password read from its file or the environment (never from a flag, so it shows in no
 * process list), the From and public URL defaults.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_data.h"
#include "mail/mail.h"

/* The password into a sodium_malloc'd string (*out NULL when none is given). */
static int read_password(const struct config *c, char **out)
{
	*out = NULL;
	const char *env = getenv("ENTRAIDE_SMTP_PASSWORD");
	char *p = sodium_malloc(1024);
	if (!p)
		return CLI_EXIT_USAGE;
	if (c->smtp_password_file[0]) {
		FILE *f = fopen(c->smtp_password_file, "r");
		size_t n = f ? fread(p, 1, 1023, f) : 0;
		bool ok = f && !ferror(f);
		if (f)
			fclose(f);
		if (!ok) {
			fprintf(stderr, "entraide serve: cannot read --smtp-password-file\n");
			sodium_free(p);
			return CLI_EXIT_USAGE;
		}
		while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
			n--;
		p[n] = '\0';
	} else if (env) {
		snprintf(p, 1024, "%s", env);
	} else {
		sodium_free(p);
		return 0;
	}
	*out = p;
	return 0;
}

static bool loopback(const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	return !strncmp(h, "127.", 4) || !strncmp(h, "localhost", 9) || !strncmp(h, "[::1]", 5);
}

int cli_mail_start(struct api_app *app, struct mail_sender **out)
{
	const struct config *c = &app->cfg;
	*out = NULL;
	if (!c->smtp[0])
		return 0;
	struct mail_smtp o;
	memset(&o, 0, sizeof o);
	snprintf(o.url, sizeof o.url, "%s", c->smtp);
	snprintf(o.user, sizeof o.user, "%s", c->smtp_user);
	o.starttls = c->smtp_starttls;
	if (c->public_url[0])
		snprintf(o.public_url, sizeof o.public_url, "%s", c->public_url);
	else
		snprintf(o.public_url, sizeof o.public_url, "http://%.200s:%u", c->host, c->port);
	if (c->mail_from[0]) {
		snprintf(o.from, sizeof o.from, "%s", c->mail_from);
	} else {
		const char *h = strstr(o.public_url, "://") + 3;
		size_t n = strcspn(h, ":/");
		if (n == 0 || n > 200 || (n > 0 && h[0] >= '0' && h[0] <= '9'))
			snprintf(o.from, sizeof o.from, "entraide <noreply@entraide.invalid>");
		else
			snprintf(o.from, sizeof o.from, "entraide <noreply@%.*s>", (int)n, h);
	}
	if (o.user[0] && !o.starttls && strncmp(o.url, "smtps://", 8) && !loopback(o.url)) {
		fprintf(stderr, "entraide serve: --smtp-user needs --smtp-starttls or an smtps:// URL "
				"(the password would cross the network in clear)\n");
		return CLI_EXIT_USAGE;
	}
	int rc = read_password(c, &o.password);
	if (rc)
		return rc;
	enum ent_err err = mail_sender_start(app->store, app->keys, &o, out);
	if (o.password)
		sodium_free(o.password);
	if (err) {
		fprintf(stderr, "entraide serve: cannot start the e-mail sender: %s\n", ent_strerror(err));
		return CLI_EXIT_USAGE;
	}
	return 0;
}
