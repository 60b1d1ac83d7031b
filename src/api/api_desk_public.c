/*
 * api_desk_public.c - public criticism on an institution's page: anyone reads it, members
 * post a complaint, community managers answer it publicly. Before a complaint is published it
 * is checked: direct identifiers (de-identification engine, rule R1) or health details (the
 * intent classifier sees a consultation or an emergency) make the page offer to move it to the
 * private desk instead, where it is sealed and seen only by the desk. An emergency always gets
 * the numbers first (R3). A public reply is checked for identifiers too, and never carries a
 * document (documents go only through the private desk).
 * Issue 5's spaces were not there when this was written, so the complaints live in the desk's
 * own table (desk_public).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_desk.h"
#include "core/clock.h"
#include "entraide/privacy.h"

#define COMPLAINT_MAX 4000

const struct json_field api_desk_complaint_fields[] = {
	{"text", JF_STRING, true, 1, COMPLAINT_MAX, NULL},
	{"move_to_desk", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_desk_complaint_reply_fields[] = {
	{"text", JF_STRING, true, 1, COMPLAINT_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static struct ent_priv_engine *engine;

static void engine_make(void)
{
	if (ent_priv_engine_new(&engine))
		engine = NULL;
}

/* Direct identifiers found in text, written as a JSON array of {type,start,end}; *n counts
 * them. */
static enum ent_err identifiers(struct api_req *q, const char *text, size_t len, struct buf *b,
				size_t *n)
{
	pthread_once(&engine_once, engine_make);
	if (!engine)
		return ENT_ENOMEM;
	struct ent_priv_spans spans = {0};
	enum ent_err err = ent_priv_scan(engine, text, len,
					 q->lang == HTTP_LANG_EN ? ENT_PRIV_EN : ENT_PRIV_FR, &spans);
	if (err)
		return err;
	*n = 0;
	buf_putc(b, '[');
	for (size_t i = 0; i < spans.n; i++) {
		enum ent_priv_type t = spans.v[i].type;
		if (!ent_priv_is_direct(t))
			continue;
		buf_printf(b, "%s{\"type\":\"%s\",\"start\":%zu,\"end\":%zu}", *n ? "," : "",
			   ent_priv_type_name(t), spans.v[i].start, spans.v[i].end);
		(*n)++;
	}
	buf_putc(b, ']');
	ent_priv_spans_clear(&spans);
	return buf_err(b);
}

struct pub_ctx {
	struct buf *b;
	bool first;
};

static void write_public(const struct desk_public *p, void *arg)
{
	struct pub_ctx *c = arg;
	buf_printf(c->b, "%s{\"id\":%lld,\"author\":", c->first ? "" : ",", (long long)p->id);
	c->first = false;
	buf_json_cstr(c->b, p->author[0] ? p->author : NULL);
	buf_puts(c->b, ",\"text\":");
	buf_json_cstr(c->b, p->body);
	buf_puts(c->b, ",\"created_at\":");
	api_json_time(c->b, p->created_at);
	buf_puts(c->b, ",\"reply\":");
	if (p->replied_at) {
		buf_puts(c->b, "{\"text\":");
		buf_json_cstr(c->b, p->reply);
		buf_puts(c->b, ",\"at\":");
		api_json_time(c->b, p->replied_at);
		buf_putc(c->b, '}');
	} else {
		buf_puts(c->b, "null");
	}
	buf_putc(c->b, '}');
}

enum ent_err api_desk_complaints(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_inst(q, &inst);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 2 * 1024 * 1024);
	struct pub_ctx c = {&b, true};
	buf_puts(&b, "{\"institution\":");
	buf_json_cstr(&b, inst.name);
	buf_printf(&b, ",\"can_reply\":%s,\"complaints\":[",
		   api_desk_is_manager(q, inst.slug) ? "true" : "false");
	err = desk_public_each(q->db, inst.id, write_public, &c);
	buf_puts(&b, "]}");
	if (!err)
		api_reply(q, 200, &b);
	buf_clear(&b);
	return err;
}

enum ent_err api_desk_complaint_post(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_inst(q, &inst);
	if (err)
		return err;
	size_t len, n_ids = 0;
	const char *text = api_str(q, "text", &len);
	json_t *move = json_object_get(q->body, "move_to_desk");
	struct buf b, found;
	buf_init(&b, 64 * 1024);
	buf_init(&found, 64 * 1024);
	if (move && json_is_true(move)) {
		struct buf details;
		buf_init(&details, DESK_SEALED_MAX);
		buf_puts(&details, "{\"text\":");
		buf_json_str(&details, text, len);
		buf_putc(&details, '}');
		buf_puts(&b, "{\"moved\":true,\"request\":");
		err = api_desk_submit(q, &inst, "complaint", text, len, &details, &b);
		buf_putc(&b, '}');
		buf_clear(&details);
		if (!err)
			api_reply(q, 201, &b);
		goto out;
	}
	struct ent_intent_result res;
	err = api_desk_classify(q, text, len, &res);
	if (!err)
		err = identifiers(q, text, len, &found, &n_ids);
	if (err == ENT_EUTF8)
		err = api_invalid(q, "text", "invalid");
	if (err)
		goto out;
	bool urgent = res.intent == ENT_INTENT_URGENT;
	bool health = urgent || res.intent == ENT_INTENT_CONSULTATION;
	if (n_ids || health) {
		/* Not published: the page offers the private desk. */
		buf_printf(&b, "{\"published\":false,\"offer\":\"desk\",\"health\":%s,\"identifiers\":",
			   health ? "true" : "false");
		buf_append(&b, found.p, found.len);
		if (urgent) {
			buf_puts(&b, ",\"guidance\":");
			desk_guidance_json(&b, "urgent", res.rule, q->lang == HTTP_LANG_EN, &inst);
		}
		buf_putc(&b, '}');
		api_reply(q, 200, &b);
		goto out;
	}
	int64_t id;
	err = desk_public_insert(q->db, inst.id, q->s.account.id, text, clock_now(), &id);
	if (err)
		goto out;
	buf_printf(&b, "{\"published\":true,\"id\":%lld}", (long long)id);
	api_reply(q, 201, &b);
out:
	buf_clear(&b);
	buf_clear(&found);
	return err;
}

enum ent_err api_desk_complaint_reply(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_managed(q, &inst);
	if (err)
		return err;
	int64_t id = 0;
	(void)api_path_id(q, "id", &id); /* stays 0 when it is not an id: not found, after the checks */
	size_t len, n_ids = 0;
	const char *text = api_str(q, "text", &len);
	struct buf found;
	buf_init(&found, 64 * 1024);
	err = identifiers(q, text, len, &found, &n_ids);
	buf_clear(&found);
	if (err == ENT_EUTF8 || (!err && n_ids))
		return api_invalid(q, "text", "identifiers");
	if (!err)
		err = id > 0 ? desk_public_reply(q->db, inst.id, id, q->s.account.id, text, clock_now())
			     : ENT_ENOTFOUND;
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"id\":%lld,\"replied\":true}", (long long)id);
	api_reply(q, 200, &b);
	return ENT_OK;
}
