/* config.c - defaults, config file, environment; see config.h. */
#include "core/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const config_keys[] = {
	"data", "listen", "web", "threads", "connection_limit", "timeout", "trust_proxy_tls",
	"log_requests", "signup_limit", "image_workers", "image_memory", "image_timeout",
	"upload_limit", "upload_mb", "name", "description", "description_en", "registration_open",
	"notification_days", "moderation_log_days", "smtp", "smtp_user", "smtp_password_file",
	"smtp_starttls", "mail_from", "public_url", "write_limits", "database", NULL,
};

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	strcpy(c->data, "./var");
	strcpy(c->host, "127.0.0.1");
	c->port = 8080;
	c->connection_limit = 1024;
	c->timeout = 30;
	c->log_requests = true;
	c->signup_limit = 20;
	c->image_workers = 2;
	c->image_memory = 1024;
	c->image_timeout = 20;
	c->upload_limit = 60;
	c->upload_mb = 300;
	c->write_limits = 1;
	strcpy(c->name, "entraide");
	strcpy(c->description, CONFIG_DESCRIPTION_FR);
	c->registration_open = true;
	c->notification_days = 90;
	c->moderation_log_days = 365;
}

const char *config_description_en(const struct config *c)
{
	if (c->description_en[0])
		return c->description_en;
	return strcmp(c->description, CONFIG_DESCRIPTION_FR) == 0 ? CONFIG_DESCRIPTION_EN : c->description;
}

static enum ent_err set_str(char *dst, size_t cap, const char *v)
{
	size_t n = strlen(v);
	if (n >= cap)
		return ENT_ETOOBIG;
	memcpy(dst, v, n + 1);
	return ENT_OK;
}

static enum ent_err set_uint(unsigned *dst, const char *v, unsigned lo, unsigned hi)
{
	char *end;
	errno = 0;
	if (!isdigit((unsigned char)v[0]))
		return ENT_EINVAL;
	unsigned long n = strtoul(v, &end, 10);
	if (errno || *end || n < lo || n > hi)
		return ENT_EINVAL;
	*dst = (unsigned)n;
	return ENT_OK;
}

static enum ent_err set_bool(bool *dst, const char *v)
{
	if (!strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes") || !strcasecmp(v, "on"))
		*dst = true;
	else if (!strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "no") ||
		 !strcasecmp(v, "off"))
		*dst = false;
	else
		return ENT_EINVAL;
	return ENT_OK;
}

/* HOST:PORT, [IPv6]:PORT or :PORT. */
static enum ent_err set_listen(struct config *c, const char *v)
{
	const char *colon = strrchr(v, ':');
	if (!colon)
		return ENT_EINVAL;
	unsigned port;
	enum ent_err err = set_uint(&port, colon + 1, 1, 65535);
	if (err)
		return err;
	const char *h = v;
	size_t n = (size_t)(colon - v);
	if (n >= 2 && h[0] == '[' && h[n - 1] == ']')
		h++, n -= 2;
	if (n == 0)
		h = "127.0.0.1", n = strlen(h);
	if (n >= sizeof c->host)
		return ENT_ETOOBIG;
	memcpy(c->host, h, n);
	c->host[n] = '\0';
	c->port = port;
	return ENT_OK;
}

enum ent_err config_set(struct config *c, const char *key, const char *v)
{
	if (!strcmp(key, "data"))
		return v[0] ? set_str(c->data, sizeof c->data, v) : ENT_EINVAL;
	if (!strcmp(key, "listen"))
		return set_listen(c, v);
	if (!strcmp(key, "database")) /* a PostgreSQL URI, or empty for SQLite in data */
		return !v[0] || !strncmp(v, "postgresql://", 13) || !strncmp(v, "postgres://", 11)
			       ? set_str(c->database, sizeof c->database, v)
			       : ENT_EINVAL;
	if (!strcmp(key, "web"))
		return set_str(c->web, sizeof c->web, v);
	if (!strcmp(key, "threads"))
		return set_uint(&c->threads, v, 0, 256);
	if (!strcmp(key, "connection_limit"))
		return set_uint(&c->connection_limit, v, 1, 100000);
	if (!strcmp(key, "timeout"))
		return set_uint(&c->timeout, v, 1, 3600);
	if (!strcmp(key, "trust_proxy_tls"))
		return set_bool(&c->trust_proxy_tls, v);
	if (!strcmp(key, "log_requests"))
		return set_bool(&c->log_requests, v);
	if (!strcmp(key, "signup_limit"))
		return set_uint(&c->signup_limit, v, 0, 1000000);
	if (!strcmp(key, "image_workers"))
		return set_uint(&c->image_workers, v, 0, 64);
	if (!strcmp(key, "image_memory"))
		return set_uint(&c->image_memory, v, 64, 1024 * 1024);
	if (!strcmp(key, "image_timeout"))
		return set_uint(&c->image_timeout, v, 1, 600);
	if (!strcmp(key, "upload_limit"))
		return set_uint(&c->upload_limit, v, 1, 1000000);
	if (!strcmp(key, "upload_mb"))
		return set_uint(&c->upload_mb, v, 1, 1000000);
	if (!strcmp(key, "write_limits"))
		return set_uint(&c->write_limits, v, 0, 1000000);
	if (!strcmp(key, "name"))
		return v[0] ? set_str(c->name, sizeof c->name, v) : ENT_EINVAL;
	if (!strcmp(key, "description"))
		return set_str(c->description, sizeof c->description, v);
	if (!strcmp(key, "description_en"))
		return set_str(c->description_en, sizeof c->description_en, v);
	if (!strcmp(key, "registration_open"))
		return set_bool(&c->registration_open, v);
	if (!strcmp(key, "notification_days"))
		return set_uint(&c->notification_days, v, 1, 36500);
	if (!strcmp(key, "moderation_log_days"))
		return set_uint(&c->moderation_log_days, v, 1, 36500);
	if (!strcmp(key, "smtp"))
		return !v[0] || !strncmp(v, "smtp://", 7) || !strncmp(v, "smtps://", 8)
			       ? set_str(c->smtp, sizeof c->smtp, v)
			       : ENT_EINVAL;
	if (!strcmp(key, "smtp_user"))
		return set_str(c->smtp_user, sizeof c->smtp_user, v);
	if (!strcmp(key, "smtp_password_file"))
		return set_str(c->smtp_password_file, sizeof c->smtp_password_file, v);
	if (!strcmp(key, "smtp_starttls"))
		return set_bool(&c->smtp_starttls, v);
	if (!strcmp(key, "mail_from"))
		return !v[0] || strchr(v, '@') ? set_str(c->mail_from, sizeof c->mail_from, v) : ENT_EINVAL;
	if (!strcmp(key, "public_url"))
		return !v[0] || !strncmp(v, "http://", 7) || !strncmp(v, "https://", 8)
			       ? set_str(c->public_url, sizeof c->public_url, v)
			       : ENT_EINVAL;
	return ENT_EINVAL;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

enum ent_err config_load_file(struct config *c, const char *path, int *line)
{
	if (line)
		*line = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return ENT_EIO;
	char text[2048];
	int n = 0;
	enum ent_err err = ENT_OK;
	while (fgets(text, sizeof text, f)) {
		n++;
		size_t len = strlen(text);
		if (len == sizeof text - 1 && text[len - 1] != '\n') {
			err = ENT_ETOOBIG;
			break;
		}
		char *s = trim(text);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			err = ENT_EINVAL;
			break;
		}
		*eq = '\0';
		char *key = trim(s);
		char *val = trim(eq + 1);
		size_t vl = strlen(val);
		if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
			val[vl - 1] = '\0';
			val++;
		}
		err = config_set(c, key, val);
		if (err)
			break;
	}
	if (!err && ferror(f))
		err = ENT_EIO;
	fclose(f);
	if (err && line)
		*line = n;
	return err;
}

enum ent_err config_load_env(struct config *c, const char **bad_key)
{
	for (const char *const *k = config_keys; *k; k++) {
		char name[64] = "ENTRAIDE_";
		size_t at = strlen(name);
		for (const char *p = *k; *p && at < sizeof name - 1; p++)
			name[at++] = (char)toupper((unsigned char)*p);
		name[at] = '\0';
		const char *v = getenv(name);
		if (!v)
			continue;
		enum ent_err err = config_set(c, *k, v);
		if (err) {
			if (bad_key)
				*bad_key = *k;
			return err;
		}
	}
	return ENT_OK;
}
