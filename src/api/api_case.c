/*
 * api_case.c - de-identified case discussions between verified professionals (issue 7): a
 * case (title, text, the patient's consent), answers from colleagues, the answer that helped,
 * closing, and the median time to first answer. Every route is for verified professionals
 * only (the route table denies everyone else). Text goes through the de-identification check
 * first: direct identifiers block (422), quasi identifiers are pointed out.
 * The consent record is returned to the case's author only, never to readers.
 * Not responsible for: photos and their review (api_case_photo.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_handlers.h"
#include "core/clock.h"
#include "pro/pro.h"
#include "pro/pro_case.h"

static const char *const consent_who[] = {"patient", "legal-representative", NULL};
static const char *const consent_how[] = {"oral", "written", "electronic", NULL};

const struct json_field api_case_create_fields[] = {
	{"title", JF_STRING, true, 3, PRO_TITLE_MAX, NULL},
	{"body", JF_STRING, true, 10, PRO_BODY_MAX, NULL},
	{"consent_who", JF_STRING, true, 0, 0, consent_who},
	{"consent_how", JF_STRING, true, 0, 0, consent_how},
	{"consent_on", JF_STRING, true, 10, 10, NULL},
	{"space", JF_STRING, false, 1, 63, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_answer_create_fields[] = {
	{"body", JF_STRING, true, 2, PRO_BODY_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_case_helpful_fields[] = {
	{"answer_id", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* The de-identification check of one field: direct identifiers are recorded as errors (and
 * block), quasi identifiers are appended to notes as {"field","type","text"}. */
static enum ent_err check_text(struct api_req *q, const char *field, const char *text,
			       struct buf *notes)
{
	const struct ent_priv_engine *eng;
	struct ent_priv_spans sp = {0};
	size_t len = strlen(text);
	enum ent_err err = pro_text_engine(&eng);
	if (!err)
		err = ent_priv_scan(eng, text, len, ENT_PRIV_AUTO, &sp);
	if (err)
		return err;
	bool blocked = false;
	for (size_t i = 0; i < sp.n; i++) {
		const struct ent_priv_span *s = &sp.v[i];
		if (ent_priv_is_direct(s->type)) {
			blocked = true;
			/* the words themselves go back to the author (never to a log) */
			api_invalid_found(q, field, s->type == ENT_PRIV_NAME ? "contains-name"
					  : s->type == ENT_PRIV_CONTACT ? "contains-contact"
					  : "contains-identifier", text + s->start, s->end - s->start);
			continue;
		}
		if (notes->len > 1)
			buf_putc(notes, ',');
		buf_printf(notes, "{\"field\":\"%s\",\"type\":\"%s\",\"text\":", field,
			   ent_priv_type_name(s->type));
		buf_json_str(notes, text + s->start, s->end - s->start);
		buf_putc(notes, '}');
	}
	ent_priv_spans_clear(&sp);
	return blocked ? ENT_EINVAL : ENT_OK;
}

/* YYYY-MM-DD, a real day, not in the future. */
static bool date_ok(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
	    s[7] != '-')
		return false;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	struct tm tm;
	time_t now = (time_t)clock_now();
	gmtime_r(&now, &tm);
	int today = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
	return y * 10000 + m * 100 + d <= today;
}

enum ent_err api_case_create(struct api_req *q)
{
	const char *title = api_str(q, "title", NULL), *body = api_str(q, "body", NULL);
	const char *on = api_str(q, "consent_on", NULL);
	struct buf notes;
	buf_init(&notes, 256 * 1024);
	buf_putc(&notes, '[');
	const char *space = api_str(q, "space", NULL);
	if (!date_ok(on))
		api_invalid(q, "consent_on", "not-a-past-date");
	if (space) { /* only a professional space: a case is never shown to members */
		enum ent_err e = pro_space_check(q->db, space);
		if (e == ENT_ENOTFOUND)
			api_invalid(q, "space", "not-a-professional-space");
		else if (e)
			return e;
	}
	enum ent_err e1 = check_text(q, "title", title, &notes);
	enum ent_err e2 = check_text(q, "body", body, &notes);
	enum ent_err err = q->n_errors ? ENT_EINVAL : e1 ? e1 : e2;
	int64_t id = 0;
	if (!err) {
		struct pro_case_new n = {q->s.account.id, title, body, space,
					 api_str(q, "consent_who", NULL), api_str(q, "consent_how", NULL),
					 on, clock_now()};
		err = pro_case_insert(q->db, &n, &id);
	}
	if (err) {
		buf_clear(&notes);
		return err;
	}
	buf_putc(&notes, ']');
	struct buf b;
	buf_init(&b, 512 * 1024);
	buf_printf(&b, "{\"id\":%lld,\"status\":\"open\",\"pointed_out\":%s}", (long long)id,
		   notes.p);
	buf_clear(&notes);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static void write_case_head(struct buf *b, const struct pro_case *k)
{
	buf_printf(b, "{\"id\":%lld,\"title\":", (long long)k->id);
	buf_json_cstr(b, k->title);
	buf_puts(b, ",\"author\":");
	buf_json_cstr(b, k->author[0] ? k->author : NULL);
	buf_puts(b, ",\"space\":");
	buf_json_cstr(b, k->space[0] ? k->space : NULL);
	buf_printf(b, ",\"status\":\"%s\",\"n_answers\":%lld,\"helpful_answer_id\":", k->status,
		   (long long)k->n_answers);
	if (k->helpful_id)
		buf_printf(b, "%lld", (long long)k->helpful_id);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"created_at\":");
	api_json_time(b, k->created_at);
	buf_puts(b, ",\"closed_at\":");
	api_json_time(b, k->closed_at);
}

struct list_ctx {
	struct buf *b;
	bool first;
	int64_t helpful_id;
	int64_t viewer;
	bool viewer_is_author;
};

static void list_one(const struct pro_case *k, void *arg)
{
	struct list_ctx *c = arg;
	if (!c->first)
		buf_putc(c->b, ',');
	c->first = false;
	write_case_head(c->b, k);
	buf_putc(c->b, '}');
}

enum ent_err api_cases_list(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	struct list_ctx c = {&b, true, 0, 0, false};
	long long median;
	size_t n;
	buf_puts(&b, "{\"cases\":[");
	enum ent_err err = pro_case_each(q->db, list_one, &c);
	if (!err)
		err = pro_case_median_first_answer(q->db, &median, &n);
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_printf(&b, "],\"n_answered\":%zu,\"median_first_answer_seconds\":", n);
	if (n)
		buf_printf(&b, "%lld}", median);
	else
		buf_puts(&b, "null}");
	api_reply(q, 200, &b);
	return ENT_OK;
}

static void answer_one(const struct pro_answer *a, void *arg)
{
	struct list_ctx *c = arg;
	if (!c->first)
		buf_putc(c->b, ',');
	c->first = false;
	buf_printf(c->b, "{\"id\":%lld,\"author\":", (long long)a->id);
	buf_json_cstr(c->b, a->author[0] ? a->author : NULL);
	buf_puts(c->b, ",\"body\":");
	buf_json_cstr(c->b, a->body);
	buf_printf(c->b, ",\"helpful\":%s,\"created_at\":",
		   a->id == c->helpful_id ? "true" : "false");
	api_json_time(c->b, a->created_at);
	buf_putc(c->b, '}');
}

/* Photos: approved ones for every professional; pending or refused ones for the author. */
static void photo_one(const struct pro_photo *p, void *arg)
{
	struct list_ctx *c = arg;
	bool mine = c->viewer_is_author;
	if (strcmp(p->status, "approved") != 0 && !mine)
		return;
	if (!c->first)
		buf_putc(c->b, ',');
	c->first = false;
	buf_printf(c->b, "{\"id\":%lld,\"status\":\"%s\",\"width\":%d,\"height\":%d,\"faces\":%d,"
			 "\"masks\":%d,\"url\":\"/api/v1/photos/%lld\"",
		   (long long)p->id, p->status, p->width, p->height, p->n_faces, p->n_masks,
		   (long long)p->id);
	if (mine) {
		buf_puts(c->b, ",\"reason\":");
		buf_json_cstr(c->b, p->reason);
	}
	buf_putc(c->b, '}');
}

enum ent_err api_case_get(struct api_req *q)
{
	int64_t id;
	struct pro_case k;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = pro_case_get(q->db, id, &k);
	if (err)
		return err;
	bool mine = k.author_id == q->s.account.id;
	struct buf b;
	buf_init(&b, 8 * 1024 * 1024);
	write_case_head(&b, &k);
	buf_puts(&b, ",\"body\":");
	buf_json_cstr(&b, k.body);
	buf_printf(&b, ",\"is_author\":%s", mine ? "true" : "false");
	if (mine) { /* the consent record: its author only, never readers */
		char who[24], how[16], on[16];
		err = pro_case_consent(q->db, id, who, how, on);
		if (!err)
			buf_printf(&b, ",\"consent\":{\"who\":\"%s\",\"how\":\"%s\",\"given_on\":\"%s\"}",
				   who, how, on);
		else if (err == ENT_ENOTFOUND)
			err = ENT_OK;
	}
	struct list_ctx c = {&b, true, k.helpful_id, q->s.account.id, mine};
	buf_puts(&b, ",\"answers\":[");
	if (!err)
		err = pro_answer_each(q->db, id, answer_one, &c);
	buf_puts(&b, "],\"photos\":[");
	c.first = true;
	if (!err)
		err = pro_photo_each(q->db, id, photo_one, &c);
	buf_puts(&b, "]}");
	pro_case_clear(&k);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}

/* Loads the case of the {id} parameter; with author_only, ENT_EPERM for anyone else. */
enum ent_err api_case_load(struct api_req *q, bool author_only, struct pro_case *k)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = pro_case_get(q->db, id, k);
	if (err)
		return err;
	if (author_only && k->author_id != q->s.account.id) {
		pro_case_clear(k);
		return ENT_EPERM;
	}
	return ENT_OK;
}

enum ent_err api_answer_create(struct api_req *q)
{
	struct pro_case k;
	enum ent_err err = api_case_load(q, false, &k);
	if (err)
		return err;
	bool closed = strcmp(k.status, "open") != 0;
	pro_case_clear(&k);
	if (closed)
		return ENT_ECONFLICT;
	const char *body = api_str(q, "body", NULL);
	struct buf notes;
	buf_init(&notes, 256 * 1024);
	buf_putc(&notes, '[');
	int64_t id = 0;
	err = check_text(q, "body", body, &notes);
	if (!err)
		err = pro_answer_insert(q->db, k.id, q->s.account.id, body, clock_now(), &id);
	if (err) {
		buf_clear(&notes);
		return err;
	}
	buf_putc(&notes, ']');
	struct buf b;
	buf_init(&b, 512 * 1024);
	buf_printf(&b, "{\"id\":%lld,\"case_id\":%lld,\"pointed_out\":%s}", (long long)id,
		   (long long)k.id, notes.p);
	buf_clear(&notes);
	api_reply(q, 201, &b);
	return ENT_OK;
}

enum ent_err api_case_helpful(struct api_req *q)
{
	struct pro_case k;
	enum ent_err err = api_case_load(q, true, &k);
	if (err)
		return err;
	pro_case_clear(&k);
	json_int_t answer = json_integer_value(json_object_get(q->body, "answer_id"));
	err = pro_case_set_helpful(q->db, k.id, (int64_t)answer);
	if (err == ENT_ENOTFOUND)
		return api_invalid(q, "answer_id", "not-an-answer-of-this-case");
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 256);
	buf_printf(&b, "{\"id\":%lld,\"helpful_answer_id\":%lld}", (long long)k.id,
		   (long long)answer);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_case_close(struct api_req *q)
{
	struct pro_case k;
	enum ent_err err = api_case_load(q, true, &k);
	if (err)
		return err;
	pro_case_clear(&k);
	err = pro_case_set_status(q->db, k.id, "closed", clock_now());
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 256);
	buf_printf(&b, "{\"id\":%lld,\"status\":\"closed\"}", (long long)k.id);
	api_reply(q, 200, &b);
	return ENT_OK;
}
