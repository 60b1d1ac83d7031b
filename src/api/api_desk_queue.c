/*
 * api_desk_queue.c - what the community managers of an institution work with: the queue
 * (filters by type and status), canned replies, the teleconsultation link, live updates by
 * Server-Sent Events, and the dashboard (SVG charts, a table, CSV export). Every route here
 * first checks that the caller manages this institution (api_desk_managed): default deny.
 *
 * Live updates: GET .../desk/events answers text/event-stream with the events recorded after
 * the client's Last-Event-ID (ids and kinds only, never content), then a `retry:` delay, and
 * ends; EventSource reconnects by itself after that delay with the last id it saw. This keeps
 * the server's small worker pool free (a held-open stream would take a worker per community
 * manager) at the cost of up to two seconds of latency. A callback-driven stream
 * (http_reply_stream) is the next step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_desk.h"
#include "core/clock.h"

#define EVENTS_RETRY_MS 2000

static const char *const types[] = {"appointment", "document_request", "consultation", "urgent",
				    "complaint", "praise", "info", "other", NULL};
static const char *const statuses[] = {"new", "in_progress", "waiting", "resolved", "open", NULL};

const struct json_field api_desk_settings_fields[] = {
	{"teleconsult_url", JF_STRING, false, 0, DESK_URL_MAX, NULL},
	{"forms", JF_STRINGS, false, 1, 6, api_desk_forms},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_desk_canned_fields[] = {
	{"title", JF_STRING, true, 1, 120, NULL},
	{"body", JF_STRING, true, 1, DESK_TEXT_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* value if it is one of allowed, NULL if absent; ENT_EINVAL (field error) otherwise. */
static enum ent_err query_choice(struct api_req *q, const char *name, const char *const *allowed,
				 const char **out)
{
	const char *v = api_query(q, name);
	*out = NULL;
	if (!v || !*v)
		return ENT_OK;
	for (size_t i = 0; allowed[i]; i++)
		if (!strcmp(v, allowed[i])) {
			*out = allowed[i];
			return ENT_OK;
		}
	return api_invalid(q, name, JSON_REASON_VALUE);
}

enum ent_err api_desk_queue(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	struct desk_filter f = {0};
	if (!err)
		err = query_choice(q, "type", types, &f.type);
	if (!err)
		err = query_choice(q, "status", statuses, &f.status);
	if (err)
		return err;
	f.institution_id = inst.id;
	return api_desk_list(q, &f, true);
}

/* An https:// address without spaces, quotes or angle brackets (it becomes a link). */
bool api_desk_url_ok(const char *u)
{
	if (!*u)
		return true;
	if (strncmp(u, "https://", 8) || !u[8])
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\' || *p == '`' ||
		    *p >= 0x7f)
			return false;
	return true;
}

enum ent_err api_desk_settings_put(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	if (err)
		return err;
	const char *url = api_str(q, "teleconsult_url", NULL);
	json_t *forms = json_object_get(q->body, "forms");
	if (!url && !forms)
		return api_invalid(q, "teleconsult_url", JSON_REASON_REQUIRED);
	if (url && !api_desk_url_ok(url))
		return api_invalid(q, "teleconsult_url", "not-https");
	/* the offered forms, kept in DESK_FORMS order (the field table checked each name) */
	char offered[DESK_FORMS_MAX] = "";
	for (size_t i = 0, n = 0; forms && api_desk_forms[i]; i++) {
		bool chosen = false;
		for (size_t k = 0; k < json_array_size(forms); k++)
			chosen |= !strcmp(json_string_value(json_array_get(forms, k)), api_desk_forms[i]);
		if (chosen)
			n += (size_t)snprintf(offered + n, sizeof offered - n, "%s%s", n ? "," : "",
					      api_desk_forms[i]);
	}
	int64_t now = clock_now();
	err = store_tx_begin(q->db);
	if (err)
		return err;
	if (url)
		err = desk_inst_set_teleconsult(q->db, inst.id, url, now);
	if (!err && forms)
		err = desk_inst_set_forms(q->db, inst.id, offered, now);
	err = err ? err : store_tx_commit(q->db);
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	err = api_desk_inst(q, &inst);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"teleconsult_url\":");
	buf_json_cstr(&b, inst.teleconsult_url[0] ? inst.teleconsult_url : NULL);
	buf_puts(&b, ",\"forms\":");
	api_desk_forms_json(&b, &inst);
	buf_putc(&b, '}');
	api_reply(q, 200, &b);
	return ENT_OK;
}

struct canned_ctx {
	struct buf *b;
	bool first;
};

static void write_canned(int64_t id, const char *title, const char *body, void *arg)
{
	struct canned_ctx *c = arg;
	buf_printf(c->b, "%s{\"id\":%lld,\"title\":", c->first ? "" : ",", (long long)id);
	c->first = false;
	buf_json_cstr(c->b, title);
	buf_puts(c->b, ",\"body\":");
	buf_json_cstr(c->b, body);
	buf_putc(c->b, '}');
}

enum ent_err api_desk_canned_list(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 2 * 1024 * 1024);
	struct canned_ctx c = {&b, true};
	buf_puts(&b, "{\"placeholders\":[\"{handle}\",\"{institution}\",\"{request}\","
		     "\"{teleconsultation}\"],\"canned\":[");
	err = desk_canned_each(q->db, inst.id, write_canned, &c);
	buf_puts(&b, "]}");
	if (!err)
		api_reply(q, 200, &b);
	buf_clear(&b);
	return err;
}

enum ent_err api_desk_canned_create(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	if (err)
		return err;
	int64_t id;
	const char *title = api_str(q, "title", NULL), *body = api_str(q, "body", NULL);
	err = desk_canned_insert(q->db, inst.id, title, body, clock_now(), &id);
	if (err == ENT_EEXIST)
		return api_invalid(q, "title", "taken");
	if (err)
		return err;
	struct buf b;
	buf_init(&b, DESK_TEXT_MAX * 2);
	struct canned_ctx c = {&b, true};
	write_canned(id, title, body, &c);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static void write_event(int64_t id, int64_t request_id, const char *what, void *arg)
{
	struct buf *b = arg;
	buf_printf(b, "id: %lld\nevent: desk\ndata: {\"request\":%lld,\"what\":", (long long)id,
		   (long long)request_id);
	buf_json_cstr(b, what);
	buf_puts(b, "}\n\n");
}

enum ent_err api_desk_events(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	if (err)
		return err;
	const char *last = http_header(q->http, "Last-Event-ID");
	if (!last)
		last = api_query(q, "after");
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_printf(&b, "retry: %d\n\n", EVENTS_RETRY_MS);
	char *end = NULL;
	long long after = last ? strtoll(last, &end, 10) : -1;
	if (!last || *end || after < 0) {
		/* A first connection starts from now: only the id, no event. */
		int64_t id;
		err = desk_event_last(q->db, inst.id, &id);
		if (!err)
			buf_printf(&b, "id: %lld\n\n", (long long)id);
	} else {
		err = desk_event_each(q->db, inst.id, after, write_event, &b);
	}
	if (!err) {
		api_desk_reply_as(q, 200, "text/event-stream; charset=utf-8", &b);
		http_add_header(q->http, "X-Accel-Buffering", "no");
	}
	buf_clear(&b);
	return err;
}

static void write_duration(struct buf *b, const char *name, double v)
{
	buf_printf(b, ",\"%s\":", name);
	if (v < 0)
		buf_puts(b, "null");
	else
		buf_printf(b, "%.0f", v);
}

enum ent_err api_desk_dashboard(struct api_req *q)
{
	struct desk_inst inst;
	struct desk_stats s;
	enum ent_err err = api_desk_managed(q, &inst);
	if (!err)
		err = desk_stats_get(q->db, inst.id, clock_now(), &s);
	if (err)
		return err;
	bool en = q->lang == HTTP_LANG_EN;
	struct buf b, svg;
	buf_init(&b, 1024 * 1024);
	buf_init(&svg, 256 * 1024);
	buf_puts(&b, "{\"weeks\":[");
	for (int w = 0; w < DESK_WEEKS; w++) {
		buf_puts(&b, w ? ",{\"week\":" : "{\"week\":");
		api_json_time(&b, s.week0 + (int64_t)w * 604800);
		buf_puts(&b, ",\"counts\":{");
		for (int t = 0; t < ENT_INTENT__COUNT; t++)
			buf_printf(&b, "%s\"%s\":%lld", t ? "," : "", ent_intent_name((enum ent_intent)t),
				   (long long)s.per_week[w][t]);
		buf_puts(&b, "}}");
	}
	buf_printf(&b, "],\"total\":%lld,\"consultation\":%lld,\"redirected\":%lld,\"urgent\":%lld,"
		       "\"resolved\":%lld,\"responded\":%lld,\"redirected_share\":%.3f",
		   (long long)s.total, (long long)s.consultation, (long long)s.redirected,
		   (long long)s.urgent, (long long)s.resolved, (long long)s.n_responded,
		   s.total ? (double)s.redirected / (double)s.total : 0.0);
	write_duration(&b, "median_first_response_seconds", s.median_first_response);
	write_duration(&b, "p90_first_response_seconds", s.p90_first_response);
	write_duration(&b, "median_resolution_seconds", s.median_resolution);
	buf_puts(&b, ",\"charts\":{\"weeks\":");
	desk_chart_weeks(&svg, &s, en);
	buf_json_str(&b, svg.p ? svg.p : "", svg.len);
	buf_clear(&svg);
	buf_puts(&b, ",\"response\":");
	desk_chart_response(&svg, &s, en);
	buf_json_str(&b, svg.p ? svg.p : "", svg.len);
	buf_puts(&b, "}}");
	err = buf_err(&svg);
	if (!err)
		api_reply(q, 200, &b);
	buf_clear(&svg);
	buf_clear(&b);
	return err;
}

enum ent_err api_desk_dashboard_csv(struct api_req *q)
{
	struct desk_inst inst;
	struct desk_stats s;
	enum ent_err err = api_desk_managed(q, &inst);
	if (!err)
		err = desk_stats_get(q->db, inst.id, clock_now(), &s);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64 * 1024);
	buf_puts(&b, "week");
	for (int t = 0; t < ENT_INTENT__COUNT; t++)
		buf_printf(&b, ",%s", ent_intent_name((enum ent_intent)t));
	buf_puts(&b, ",total\r\n");
	for (int w = 0; w < DESK_WEEKS; w++) {
		struct buf day;
		buf_init(&day, 64);
		api_json_time(&day, s.week0 + (int64_t)w * 604800);
		buf_append(&b, day.p + 1, 10); /* "YYYY-MM-DD" */
		buf_clear(&day);
		int64_t total = 0;
		for (int t = 0; t < ENT_INTENT__COUNT; t++) {
			buf_printf(&b, ",%lld", (long long)s.per_week[w][t]);
			total += s.per_week[w][t];
		}
		buf_printf(&b, ",%lld\r\n", (long long)total);
	}
	buf_printf(&b, "\r\nmetric,value\r\nrequests,%lld\r\nconsultation_redirected,%lld\r\n"
		       "redirected_share,%.3f\r\nurgent,%lld\r\nresolved,%lld\r\n",
		   (long long)s.total, (long long)s.redirected,
		   s.total ? (double)s.redirected / (double)s.total : 0.0, (long long)s.urgent,
		   (long long)s.resolved);
	buf_printf(&b, "median_first_response_seconds,%.0f\r\np90_first_response_seconds,%.0f\r\n"
		       "median_resolution_seconds,%.0f\r\n",
		   s.median_first_response, s.p90_first_response, s.median_resolution);
	api_desk_reply_as(q, 200, "text/csv; charset=utf-8", &b);
	char disp[160];
	snprintf(disp, sizeof disp, "attachment; filename=\"desk-%s.csv\"", inst.slug);
	http_add_header(q->http, "Content-Disposition", disp);
	buf_clear(&b);
	return ENT_OK;
}
