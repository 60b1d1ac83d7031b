/*
 * config.h - the settings of a running instance and where they come from.
 *
 * Sources, later ones winning: built-in defaults, a config file of `key = value` lines
 * (`#` starts a comment), environment variables ENTRAIDE_<KEY> (upper case), command-line
 * flags. Every source goes through config_set(), which validates the value.
 * Not responsible for: acting on the settings (cmd_serve.c does).
 */
#ifndef ENT_CORE_CONFIG_H
#define ENT_CORE_CONFIG_H

#include <stdbool.h>

#include "entraide/err.h"

#define CONFIG_PATH_MAX 1024

struct config {
	char data[CONFIG_PATH_MAX];  /* data directory (default ./var) */
	char database[CONFIG_PATH_MAX]; /* postgresql://... (issue 16); empty: SQLite, the file
	                                 * entraide.db in data. Never logged (it may hold a
	                                 * password: prefer ~/.pgpass or PGPASSFILE) */
	char host[256];              /* listen address (default 127.0.0.1) */
	unsigned port;               /* listen port (default 8080) */
	char web[CONFIG_PATH_MAX];   /* web files directory; empty = the files built in */
	unsigned threads;            /* HTTP worker threads; 0 = 2..4 from the CPU count */
	unsigned connection_limit;   /* simultaneous connections (default 1024) */
	unsigned timeout;            /* idle connection timeout, seconds (default 30) */
	bool trust_proxy_tls;        /* behind a TLS-terminating proxy: Secure cookies, and the
	                              * client address from X-Forwarded-For (rate limits) */
	bool log_requests;           /* one log line per request (default true) */
	unsigned signup_limit;       /* sign-ups per client address per hour (default 20) */
	unsigned image_workers;      /* sandboxed picture decoders (default 2; 0 = in process) */
	unsigned image_memory;       /* MB the picture workers may grow by, in all (default 1024) */
	unsigned image_timeout;      /* seconds one picture may take (default 20) */
	unsigned upload_limit;       /* picture uploads per account per hour (default 60) */
	unsigned upload_mb;          /* MB of pictures per account per hour (default 300) */
	unsigned write_limits;       /* scales every per-account write budget (api_limits.c):
	                              * 1 = as documented (default), 0 = no write budget */
	char name[128];              /* instance name shown on the home page */
	char description[512];       /* what the instance is, in French (default below) */
	char description_en[512];    /* in English; empty: the built-in English text while the
	                              * French one is the default, else the French one */
	bool registration_open;
	unsigned notification_days;  /* notifications are purged after this many days (90) */
	unsigned moderation_log_days; /* moderation log and resolved reports, days (365) */
	/* e-mail (src/mail/): no smtp URL = nothing is sent (messages wait in the queue). The
	 * SMTP password is never a setting: a file (smtp_password_file) or the environment
	 * variable ENTRAIDE_SMTP_PASSWORD, read by serve. */
	char smtp[256];              /* smtp://host:port or smtps://host:port */
	char smtp_user[128];
	char smtp_password_file[CONFIG_PATH_MAX];
	bool smtp_starttls;          /* require STARTTLS on smtp:// */
	char mail_from[256];         /* From; default "entraide <noreply@HOST of public_url>" */
	char public_url[256];        /* links in e-mails start with it; default http://LISTEN */
};

#define CONFIG_DESCRIPTION_FR \
	"Réseau d'entraide en santé : communautés de pairs, informations validées."
#define CONFIG_DESCRIPTION_EN "Health mutual-aid network: peer communities, validated information."

void config_defaults(struct config *c);
/* The instance description in English (see description_en). */
const char *config_description_en(const struct config *c);

/* Sets key (a name of struct config; `listen` sets host and port) from text. ENT_EINVAL for an
 * unknown key or a bad value, ENT_ETOOBIG for a value that does not fit. */
enum ent_err config_set(struct config *c, const char *key, const char *value);

/* Reads a config file. On error *line (if not NULL) gets the 1-based line at fault (0 when the
 * file cannot be read: ENT_EIO). */
enum ent_err config_load_file(struct config *c, const char *path, int *line);

/* Applies every ENTRAIDE_<KEY> variable of the environment. *bad_key names the first
 * offending key on error. */
enum ent_err config_load_env(struct config *c, const char **bad_key);

/* Names of the keys, NULL-terminated (for --help and tests). */
extern const char *const config_keys[];

#endif
