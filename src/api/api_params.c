/*
 * api_params.c - the shared handler layer: what every handler reads from a request (path
 * parameters, path ids, query arguments, keyset pages) and how it writes times. Handlers call
 * these instead of reading libmicrohttpd or parsing numbers themselves.
 */
#include <string.h>

#include "api/api.h"
#include "core/clock.h"

const char *api_param(const struct api_req *q, const char *name)
{
	/* A parameter's name points into the route pattern: it ends at '}'. */
	const struct http_params *p = &q->http->params;
	size_t n = strlen(name);
	for (size_t i = 0; i < p->n; i++)
		if (strncmp(p->name[i], name, n) == 0 && p->name[i][n] == '}')
			return p->value[i];
	return NULL;
}

/* s as a decimal integer in 1..max (digits only, at most 18 of them). */
static bool positive(const char *s, int64_t max, int64_t *out)
{
	if (!s || !*s || strlen(s) > 18)
		return false;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v <= 0 || v > max)
		return false;
	*out = v;
	return true;
}

enum ent_err api_path_id(const struct api_req *q, const char *name, int64_t *out)
{
	return positive(api_param(q, name), API_ID_MAX, out) ? ENT_OK : ENT_ENOTFOUND;
}

const char *api_query(struct api_req *q, const char *name)
{
	return http_query(q->http, name);
}

enum ent_err api_query_int(struct api_req *q, const char *name, int64_t def, int64_t max, int64_t *out)
{
	const char *s = api_query(q, name);
	*out = def;
	if (!s)
		return ENT_OK;
	return positive(s, max, out) ? ENT_OK : api_invalid(q, name, "not-a-positive-integer");
}

enum ent_err api_page(struct api_req *q, const char *key, int64_t *cursor, int64_t *limit)
{
	enum ent_err err = api_query_int(q, key, strcmp(key, "after") ? INT64_MAX : 0, INT64_MAX, cursor);
	return err ? err : api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, limit);
}

enum ent_err api_page_end(struct api_req *q, struct buf *b, enum ent_err err, bool more, int64_t last)
{
	if (err) {
		buf_clear(b);
		return err;
	}
	buf_puts(b, "],\"next\":");
	if (more)
		buf_printf(b, "%lld", (long long)last);
	else
		buf_puts(b, "null");
	buf_putc(b, '}');
	api_reply(q, 200, b);
	return ENT_OK;
}

void api_json_time(struct buf *b, int64_t t)
{
	if (!t) {
		buf_puts(b, "null");
		return;
	}
	char iso[CLOCK_ISO_LEN];
	clock_iso(t, iso);
	buf_printf(b, "\"%s\"", iso);
}
