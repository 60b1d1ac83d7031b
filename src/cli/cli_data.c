/* cli_data.c - settings from file, environment and flags; see cli_data.h. */
#include "cli/cli_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static bool is_bool_key(const char *k)
{
	return !strcmp(k, "trust_proxy_tls") || !strcmp(k, "log_requests") ||
	       !strcmp(k, "registration_open") || !strcmp(k, "smtp_starttls");
}

/* "--trust-proxy-tls" -> "trust_proxy_tls" if it is a key; NULL otherwise. */
static const char *key_of(const char *arg, char *key, size_t cap, const char **inline_val)
{
	*inline_val = NULL;
	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	size_t n = 0;
	const char *p = arg + 2;
	for (; *p && *p != '=' && n < cap - 1; p++)
		key[n++] = *p == '-' ? '_' : *p;
	key[n] = '\0';
	if (*p == '=')
		*inline_val = p + 1;
	for (const char *const *k = config_keys; *k; k++)
		if (!strcmp(*k, key))
			return *k;
	return strcmp(key, "config") == 0 ? "config" : NULL;
}

int cli_settings(int argc, char **argv, struct config *c, int *n_rest)
{
	config_defaults(c);
	const char *file = getenv("ENTRAIDE_CONFIG");
	char key[64];
	const char *iv;
	for (int i = 1; i < argc; i++) {
		const char *k = key_of(argv[i], key, sizeof key, &iv);
		if (k && !strcmp(k, "config"))
			file = iv ? iv : (i + 1 < argc ? argv[i + 1] : NULL);
	}
	if (file && *file) {
		int line;
		enum ent_err err = config_load_file(c, file, &line);
		if (err) {
			fprintf(stderr, "%s: config file %s: %s (line %d)\n", argv[0], file,
				ent_strerror(err), line);
			return CLI_EXIT_USAGE;
		}
	}
	const char *bad;
	if (config_load_env(c, &bad)) {
		fprintf(stderr, "%s: bad value in environment variable for '%s'\n", argv[0], bad);
		return CLI_EXIT_USAGE;
	}
	int rest = 0;
	for (int i = 1; i < argc; i++) {
		const char *k = key_of(argv[i], key, sizeof key, &iv);
		if (!k) {
			argv[1 + rest++] = argv[i];
			continue;
		}
		const char *v = iv;
		if (!v && is_bool_key(k))
			v = "true";
		if (!v) {
			if (i + 1 >= argc) {
				fprintf(stderr, "%s: %s needs a value\n", argv[0], argv[i]);
				return CLI_EXIT_USAGE;
			}
			v = argv[++i];
		}
		if (!strcmp(k, "config"))
			continue;
		if (config_set(c, k, v)) {
			fprintf(stderr, "%s: bad value for --%s\n", argv[0], key);
			return CLI_EXIT_USAGE;
		}
	}
	*n_rest = rest;
	return 0;
}

void cli_settings_help(void)
{
	printf("settings (flag > environment ENTRAIDE_<KEY> > config file > default):\n"
	       "  --data DIR             data directory (default ./var), created 0700\n"
	       "  --database URI         postgresql://... instead of DIR/entraide.db (SQLite); DIR\n"
	       "                         still holds media and keys\n"
	       "  --config FILE          file of `key = value` lines (keys as below, with _)\n"
	       "  --listen HOST:PORT     (default 127.0.0.1:8080)\n"
	       "  --web DIR              serve the web front end from DIR instead of the built-in copy\n"
	       "  --threads N            HTTP worker threads (default 2-4 from the CPU count)\n"
	       "  --connection-limit N   simultaneous connections (default 1024)\n"
	       "  --timeout S            idle connection timeout in seconds (default 30)\n"
	       "  --trust-proxy-tls      behind a TLS proxy: Secure, __Host- session cookie; client\n"
	       "                         address from the last X-Forwarded-For entry\n"
	       "  --log-requests=false   no log line per request\n"
	       "  --signup-limit N       sign-ups per client address per hour (default 20)\n"
	       "  --image-workers N      sandboxed picture decoders (default 2; 0: on first use)\n"
	       "  --image-memory MB      memory the picture workers may use in all (default 1024)\n"
	       "  --image-timeout S      wall-clock limit of one picture (default 20)\n"
	       "  --upload-limit N       picture uploads per account per hour (default 60)\n"
	       "  --upload-mb MB         megabytes of pictures per account per hour (default 300)\n"
	       "  --write-limits N       scales every per-account write budget (default 1; 0: none)\n"
	       "  --name TEXT, --description TEXT, --description-en TEXT, --registration-open=false\n"
	       "  --notification-days N  notifications are deleted after N days (default 90)\n"
	       "  --moderation-log-days N  moderation log and resolved reports, days (default 365)\n"
	       "  --smtp URL             send e-mail through smtp://HOST:PORT or smtps://HOST:PORT\n"
	       "                         (none: messages wait in the queue, see the admin page)\n"
	       "  --smtp-starttls        require STARTTLS; --smtp-user NAME authenticates, with the\n"
	       "                         password from --smtp-password-file FILE or the environment\n"
	       "                         variable ENTRAIDE_SMTP_PASSWORD (never a flag)\n"
	       "  --mail-from ADDRESS    From of e-mails (default entraide <noreply@HOST>)\n"
	       "  --public-url URL       links in e-mails start with it (default http://LISTEN)\n");
}

int cli_open_data(struct api_app *app, const struct config *c)
{
	memset(app, 0, sizeof *app);
	app->cfg = *c;
	enum ent_err err = api_data_open(app, c->data);
	if (err) {
		fprintf(stderr, "entraide: cannot open data directory %s: %s\n", c->data,
			ent_strerror(err));
		return CLI_EXIT_USAGE;
	}
	return 0;
}

int cli_start(int argc, char **argv, const char *usage, int n_rest_min, int n_rest_max,
	      struct config *c, struct api_app *app, int *n_rest)
{
	int rc = cli_settings(argc, argv, c, n_rest);
	if (rc)
		return rc;
	if (*n_rest < n_rest_min || *n_rest > n_rest_max) {
		fprintf(stderr, "%s", usage);
		return CLI_EXIT_USAGE;
	}
	return cli_open_data(app, c);
}

int64_t cli_parse_when(const char *s)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && !s[n] && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31 && y >= 1970) {
		/* days from civil (Howard Hinnant's algorithm) */
		y -= m <= 2;
		int64_t era = y / 400, yoe = y - era * 400;
		int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
		int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		return (era * 146097 + doe - 719468) * 86400;
	}
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	return *s && !*end && v >= 0 ? (int64_t)v : -1;
}
