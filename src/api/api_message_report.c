/*
 * api_message_report.c - a conversation reported to the moderators (issue 20): the reporter
 * forwards the messages they choose by revealing each one's message key; the server opens its
 * own stored ciphertext and checks the sender's signature (src/message/msg_report.h), and the
 * moderators read the checked words in their queue, then resolve the report (which deletes
 * the words). Every moderator action is logged in the same transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_emergency.h"
#include "api/api_handlers.h"
#include "core/clock.h"
#include "message/msg_report.h"

static const char *const reasons[] = {"danger", "identifying", "harmful", "spam",
				      "medical-misinformation", "other", NULL};
static const char *const resolutions[] = {"handled", "dismissed", NULL};

const struct json_field api_message_report_fields[] = {
	{"reason", JF_STRING, true, 0, 0, reasons},
	{"note", JF_STRING, false, 0, MSG_REPORT_NOTE_MAX, NULL},
	{"messages", JF_ARRAY, true, 1, MSG_REPORT_ITEMS_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

const struct json_field api_message_report_resolve_fields[] = {
	{"resolution", JF_STRING, true, 0, 0, resolutions},
	{"note", JF_STRING, false, 0, 1000, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* The reported messages, opened and checked; their ciphertexts are freed once opened. */
struct forwarded {
	int n;
	struct msg_stored m[MSG_REPORT_ITEMS_MAX];
	struct msg_opened o[MSG_REPORT_ITEMS_MAX];
	char pk[MSG_REPORT_ITEMS_MAX][MSG_KEY_B64 + 1];
};

static void forwarded_clear(struct forwarded *f)
{
	for (int i = 0; i < f->n; i++) {
		msg_stored_clear(&f->m[i]);
		msg_opened_clear(&f->o[i]);
	}
	f->n = 0;
}

/* Opens one {id, key} of "messages" into f (ENT_OK, or a field error recorded). */
static enum ent_err open_one(struct api_req *q, const struct msg_conv *v, json_t *e,
			     struct forwarded *f)
{
	json_t *jid = json_object_get(e, "id");
	const char *key = json_str(e, "key", NULL);
	if (!json_is_object(e) || json_object_size(e) != 2 || !json_is_integer(jid) || !key)
		return api_invalid(q, "messages", JSON_REASON_TYPE);
	int64_t id = json_integer_value(jid);
	for (int i = 0; i < f->n; i++)
		if (f->m[i].id == id)
			return api_invalid(q, "messages", "duplicate");
	struct msg_stored *m = &f->m[f->n];
	enum ent_err err = msg_message_get(q->db, v->id, id, clock_now(), m);
	if (err == ENT_ENOTFOUND)
		return api_invalid(q, "messages", "not-in-this-conversation");
	if (!err)
		err = msg_sign_key_at(q->db, m->sender_id, m->sender_key, f->pk[f->n]);
	if (err == ENT_ENOTFOUND)
		err = api_invalid(q, "messages", MSG_OPEN_BAD_SIGNATURE);
	bool oom = false;
	const char *why = err ? NULL : msg_report_open(m->nonce, m->body, key, f->pk[f->n], v->id,
						      &f->o[f->n], &oom);
	free(m->body); /* the ciphertext is no longer needed (a photo may be large) */
	m->body = NULL;
	if (!err && oom)
		err = ENT_ENOMEM;
	if (!err && why)
		err = api_invalid(q, "messages", why);
	if (err)
		msg_stored_clear(m);
	else
		f->n++;
	return err;
}

static enum ent_err store_report(struct api_req *q, const struct msg_conv *v,
				 const struct forwarded *f, int64_t *id)
{
	enum ent_err err = store_tx_begin(q->db);
	if (err)
		return err;
	err = msg_report_add(q->db, v->id, q->s.account.id, api_str(q, "reason", NULL),
			     api_str(q, "note", NULL), clock_now(), id);
	for (int i = 0; !err && i < f->n; i++)
		err = msg_report_item_add(q->db, *id, &f->m[i], f->pk[i], &f->o[i]);
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
	return err;
}

enum ent_err api_message_report(struct api_req *q)
{
	int64_t conv;
	struct msg_conv v;
	enum ent_err err = api_path_id(q, "id", &conv);
	if (!err)
		err = msg_conv_get(q->db, conv, q->s.account.id, &v);
	if (err)
		return err;
	struct forwarded *f = calloc(1, sizeof *f);
	if (!f)
		return ENT_ENOMEM;
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(q->body, "messages"), i, e) {
		err = open_one(q, &v, e, f);
		if (err)
			break;
	}
	bool others = false;
	for (int k = 0; k < f->n; k++)
		others |= f->m[k].sender_id != q->s.account.id;
	if (!err && !others) /* one reports what others wrote; one's own only as context */
		err = api_invalid(q, "messages", "none-from-others");
	int64_t id = 0;
	if (!err)
		err = store_report(q, &v, f, &id);
	int n = f->n;
	forwarded_clear(f);
	free(f);
	if (err)
		return err;
	bool danger = !strcmp(api_str(q, "reason", NULL), "danger");
	struct buf b;
	buf_init(&b, 160);
	buf_printf(&b, "{\"id\":%lld,\"conversation\":%lld,\"messages\":%d,\"status\":\"open\","
		       "\"priority\":\"%s\"}",
		   (long long)id, (long long)v.id, n, danger ? "danger" : "normal");
	api_reply(q, 201, &b);
	return ENT_OK;
}

/* --- the moderators' side --- */

struct queue {
	struct api_req *q;
	struct buf *b;
	int64_t n, last;
	bool item_open, first_item;
};

static void on_report(void *arg, const struct msg_report *r)
{
	struct queue *x = arg;
	struct buf *b = x->b;
	bool danger = !strcmp(r->reason, "danger");
	char iso[24];
	clock_iso(r->created_at, iso);
	if (x->n++)
		buf_puts(b, "]},");
	buf_printf(b, "{\"id\":%lld,\"conversation\":%lld,\"reason\":", (long long)r->id,
		   (long long)r->conversation);
	buf_json_cstr(b, r->reason);
	buf_printf(b, ",\"priority\":\"%s\",\"created_at\":\"%s\",\"reporter\":",
		   danger ? "danger" : "normal", iso);
	buf_json_cstr(b, r->reporter);
	buf_puts(b, ",\"note\":");
	buf_json_cstr(b, r->note);
	if (danger) {
		buf_puts(b, ",\"steps\":");
		comm_emergency_steps_json(b, x->q->lang == HTTP_LANG_EN);
	}
	buf_puts(b, ",\"messages\":[");
	x->first_item = true;
	x->last = r->queue_key;
}

static void on_item(void *arg, const struct msg_report_item *i)
{
	struct queue *x = arg;
	struct buf *b = x->b;
	char iso[24];
	clock_iso(i->sent_at, iso);
	buf_printf(b, "%s{\"id\":%lld,\"sender\":", x->first_item ? "" : ",", (long long)i->message);
	x->first_item = false;
	buf_json_cstr(b, i->sender);
	buf_printf(b, ",\"sent_at\":\"%s\",\"text\":", iso);
	buf_json_cstr(b, i->text);
	/* the signature held when the report was made: key and signature are base64url */
	buf_printf(b, ",\"photo\":%s,\"verified\":true,\"check\":{\"key_version\":%lld,"
		      "\"key\":\"%s\",\"signature\":\"%s\",\"signed\":",
		   i->photo ? "true" : "false", (long long)i->sender_key, i->sign_pk, i->signature);
	buf_json_cstr(b, i->signed_doc);
	buf_puts(b, "}}");
}

enum ent_err api_moderation_message_reports(struct api_req *q)
{
	int64_t after, limit, n = 0;
	enum ent_err err = api_page(q, "after", &after, &limit);
	if (err)
		return err;
	if (limit > MSG_REPORT_PAGE_MAX)
		limit = MSG_REPORT_PAGE_MAX;
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	buf_puts(&b, "{\"reports\":[");
	struct queue x = {.q = q, .b = &b};
	err = msg_report_page(q->db, after, limit, on_report, on_item, &x, &n);
	if (n)
		buf_puts(&b, "]}");
	return api_page_end(q, &b, err, n == limit, x.last);
}

enum ent_err api_moderation_message_report_resolve(struct api_req *q)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = store_tx_begin(q->db);
	if (err)
		return err;
	const char *res = api_str(q, "resolution", NULL);
	err = msg_report_resolve(q->db, id, res, clock_now());
	if (!err)
		err = comm_audit(q, !strcmp(res, "handled") ? "resolve" : "dismiss", "message-report",
				 id, api_str(q, "note", NULL));
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 96);
	buf_printf(&b, "{\"id\":%lld,\"resolved\":true,\"resolution\":\"%s\"}", (long long)id, res);
	api_reply(q, 200, &b);
	return ENT_OK;
}
