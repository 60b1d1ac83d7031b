/*
 * msg_report.c - reported messages: opening a stored message with the key its reporter
 * revealed, checking its signature, and the tables of 0701. See msg_report.h.
 */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "message/msg_report.h"

#define B64URL sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* Decodes base64url text into a new buffer (*out, *n); false when it is not base64url. */
static bool unb64(const char *s, unsigned char **out, size_t *n)
{
	size_t len = strlen(s), cap = len / 4 * 3 + 3;
	*out = malloc(cap);
	if (!*out)
		return false;
	if (sodium_base642bin(*out, cap, s, len, NULL, n, NULL, B64URL)) {
		free(*out);
		*out = NULL;
		return false;
	}
	return true;
}

void msg_opened_clear(struct msg_opened *o)
{
	free(o->text);
	free(o->signed_doc);
	memset(o, 0, sizeof *o);
}

/* Reads the signed document (JSON {c?, t, img?, mime?}) into out. */
static const char *read_doc(const unsigned char *doc, size_t n, int64_t conv,
			    struct msg_opened *out, bool *oom)
{
	json_t *j = json_loadb((const char *)doc, n, JSON_REJECT_DUPLICATES, NULL);
	json_t *t = json_object_get(j, "t"), *c = json_object_get(j, "c");
	const char *why = NULL;
	if (!json_is_object(j) || !json_is_string(t))
		why = MSG_OPEN_NOT_A_MESSAGE;
	else if (c && (!json_is_integer(c) || json_integer_value(c) != conv))
		why = MSG_OPEN_OTHER_CONVERSATION;
	if (!why) {
		out->photo = json_object_get(j, "img") != NULL;
		out->text = strdup(json_string_value(t));
		if (!out->photo && n <= MSG_REPORT_SIGNED_MAX) {
			out->signed_doc = malloc(n + 1);
			if (out->signed_doc) {
				memcpy(out->signed_doc, doc, n);
				out->signed_doc[n] = '\0';
			}
		}
		*oom = !out->text || (!out->photo && n <= MSG_REPORT_SIGNED_MAX && !out->signed_doc);
	}
	json_decref(j);
	return why;
}

const char *msg_report_open(const char *nonce, const char *body, const char *key,
			    const char *sign_pk, int64_t conv, struct msg_opened *out, bool *oom)
{
	memset(out, 0, sizeof *out);
	*oom = false;
	unsigned char *n = NULL, *c = NULL, *k = NULL, *pk = NULL, *plain = NULL;
	size_t nn = 0, cn = 0, kn = 0, pkn = 0;
	const char *why = MSG_OPEN_BAD_KEY;
	if (!unb64(nonce, &n, &nn) || !unb64(body, &c, &cn) || !unb64(key, &k, &kn) ||
	    !unb64(sign_pk, &pk, &pkn))
		goto out;
	if (nn != crypto_secretbox_NONCEBYTES || kn != crypto_secretbox_KEYBYTES ||
	    pkn != crypto_sign_PUBLICKEYBYTES || cn < crypto_secretbox_MACBYTES)
		goto out;
	size_t pn = cn - crypto_secretbox_MACBYTES;
	plain = malloc(pn + 1);
	if (!plain) {
		*oom = true;
		goto out;
	}
	if (crypto_secretbox_open_easy(plain, c, cn, n, k))
		goto out;
	why = MSG_OPEN_BAD_SIGNATURE;
	if (pn < crypto_sign_BYTES ||
	    crypto_sign_verify_detached(plain, plain + crypto_sign_BYTES, pn - crypto_sign_BYTES, pk))
		goto out;
	sodium_bin2base64(out->signature, sizeof out->signature, plain, crypto_sign_BYTES, B64URL);
	why = read_doc(plain + crypto_sign_BYTES, pn - crypto_sign_BYTES, conv, out, oom);
out:
	if (plain) {
		sodium_memzero(plain, cn - crypto_secretbox_MACBYTES);
		free(plain);
	}
	if (k)
		sodium_memzero(k, kn);
	free(n), free(c), free(k), free(pk);
	if (why || *oom)
		msg_opened_clear(out);
	return *oom ? NULL : why;
}

/* --- tables --- */

static const struct store_stmt Q_MESSAGE_GET = {
	"msg.message_get",
	"SELECT sender_id, sender_key, created_at, nonce, body FROM msg_messages WHERE id = ?1 "
	"AND conversation_id = ?2 AND (expires_at IS NULL OR expires_at > ?3)"};
static const struct store_stmt Q_SIGN_KEY_AT = {
	"msg.sign_key_at",
	"SELECT sign_pk FROM msg_key_changes WHERE account_id = ?1 AND version = ?2 "
	"ORDER BY id DESC LIMIT 1"};
static const struct store_stmt Q_REPORT_ADD = {
	"msg.report_add",
	"INSERT INTO msg_reports (conversation_id, reporter_id, reason, note, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id"};
static const struct store_stmt Q_REPORT_KEY = {
	"msg.report_key", "UPDATE msg_reports SET queue_key = ?2 WHERE id = ?1"};
static const struct store_stmt Q_ITEM_ADD = {
	"msg.report_item_add",
	"INSERT INTO msg_report_items (report_id, message_id, sender_id, sender_key, sign_pk, "
	"signature, signed, text, photo, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"};
static const struct store_stmt Q_REPORTS = {
	"msg.reports",
	"SELECT r.id, r.conversation_id, r.queue_key, r.created_at, r.reason, r.note, a.handle "
	"FROM msg_reports r LEFT JOIN accounts a ON a.id = r.reporter_id "
	"WHERE r.resolved_at IS NULL AND r.queue_key > ?1 ORDER BY r.queue_key LIMIT ?2"};
static const struct store_stmt Q_ITEMS = {
	"msg.report_items",
	"SELECT i.message_id, i.sender_key, i.sent_at, i.photo, a.handle, i.sign_pk, i.signature, "
	"i.signed, i.text FROM msg_report_items i JOIN accounts a ON a.id = i.sender_id "
	"WHERE i.report_id = ?1 ORDER BY i.message_id"};
static const struct store_stmt Q_RESOLVE = {
	"msg.report_resolve",
	"UPDATE msg_reports SET resolved_at = ?2, resolution = ?3, note = '' WHERE id = ?1 "
	"AND resolved_at IS NULL"};
static const struct store_stmt Q_FORGET = {
	"msg.report_forget", "DELETE FROM msg_report_items WHERE report_id = ?1"};

/* Reports whose reason is "danger" come first, each tier oldest first. */
#define QUEUE_TIER2 ((int64_t)1 << 40)

static char *dup_col(struct store_q *q, int col)
{
	const char *s = store_q_text(q, col, NULL);
	return strdup(s ? s : "");
}

void msg_stored_clear(struct msg_stored *m)
{
	free(m->nonce);
	free(m->body);
	memset(m, 0, sizeof *m);
}

enum ent_err msg_message_get(struct store_conn *c, int64_t conv, int64_t id, int64_t now,
			     struct msg_stored *out)
{
	memset(out, 0, sizeof *out);
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_MESSAGE_GET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_int(q, 2, conv);
	store_q_bind_int(q, 3, now);
	bool row = false;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		*out = (struct msg_stored){.id = id, .sender_id = store_q_int(q, 0),
					   .sender_key = store_q_int(q, 1),
					   .created_at = store_q_int(q, 2),
					   .nonce = dup_col(q, 3), .body = dup_col(q, 4)};
		if (!out->nonce || !out->body)
			err = ENT_ENOMEM;
	}
	store_q_close(q);
	if (err)
		msg_stored_clear(out);
	return err;
}

enum ent_err msg_sign_key_at(struct store_conn *c, int64_t account, int64_t version,
			     char out[MSG_KEY_B64 + 1])
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SIGN_KEY_AT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_int(q, 2, version);
	bool row = false;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		const char *s = store_q_text(q, 0, NULL);
		snprintf(out, MSG_KEY_B64 + 1, "%s", s ? s : "");
	}
	store_q_close(q);
	return err;
}

enum ent_err msg_report_add(struct store_conn *c, int64_t conv, int64_t reporter,
			    const char *reason, const char *note, int64_t now, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_REPORT_ADD, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, conv);
	store_q_bind_int(q, 2, reporter);
	store_q_bind_text(q, 3, reason, strlen(reason));
	store_q_bind_text(q, 4, note ? note : "", note ? strlen(note) : 0);
	store_q_bind_int(q, 5, now);
	bool row = false;
	err = store_q_step(q, &row);
	*id = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	if (!err && !*id)
		err = ENT_EDB;
	if (err)
		return err;
	err = store_q_open(c, &Q_REPORT_KEY, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, *id);
	store_q_bind_int(q, 2, (strcmp(reason, "danger") ? QUEUE_TIER2 : 0) + *id);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err msg_report_item_add(struct store_conn *c, int64_t report, const struct msg_stored *m,
				 const char *sign_pk, const struct msg_opened *o)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_ITEM_ADD, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, report);
	store_q_bind_int(q, 2, m->id);
	store_q_bind_int(q, 3, m->sender_id);
	store_q_bind_int(q, 4, m->sender_key);
	store_q_bind_text(q, 5, sign_pk, strlen(sign_pk));
	store_q_bind_text(q, 6, o->signature, strlen(o->signature));
	if (o->signed_doc)
		store_q_bind_text(q, 7, o->signed_doc, strlen(o->signed_doc));
	else
		store_q_bind_null(q, 7);
	store_q_bind_text(q, 8, o->text, strlen(o->text));
	store_q_bind_int(q, 9, o->photo);
	store_q_bind_int(q, 10, m->created_at);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

static const char *text_or_null(struct store_q *q, int col)
{
	return store_q_is_null(q, col) ? NULL : store_q_text(q, col, NULL);
}

static enum ent_err items_of(struct store_conn *c, int64_t report,
			     void (*on_item)(void *arg, const struct msg_report_item *i), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_ITEMS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, report);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct msg_report_item i = {
			.message = store_q_int(q, 0), .sender_key = store_q_int(q, 1),
			.sent_at = store_q_int(q, 2), .photo = store_q_bool(q, 3),
			.sender = store_q_text(q, 4, NULL), .sign_pk = store_q_text(q, 5, NULL),
			.signature = store_q_text(q, 6, NULL), .signed_doc = text_or_null(q, 7),
			.text = store_q_text(q, 8, NULL)};
		on_item(arg, &i);
	}
	store_q_close(q);
	return err;
}

/* One report of a page, with copies of its strings (the statement is closed before the
 * items are read). */
struct held {
	struct msg_report r;
	char reason[32], note[MSG_REPORT_NOTE_MAX + 1], reporter[STORE_HANDLE_MAX + 1];
};

enum ent_err msg_report_page(struct store_conn *c, int64_t after, int64_t limit,
			     void (*on_report)(void *arg, const struct msg_report *r),
			     void (*on_item)(void *arg, const struct msg_report_item *i), void *arg,
			     int64_t *n)
{
	*n = 0;
	if (limit < 1 || limit > MSG_REPORT_PAGE_MAX)
		limit = MSG_REPORT_PAGE_MAX;
	struct held *h = calloc((size_t)limit, sizeof *h);
	if (!h)
		return ENT_ENOMEM;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_REPORTS, &q);
	if (err) {
		free(h);
		return err;
	}
	store_q_bind_int(q, 1, after);
	store_q_bind_int(q, 2, limit);
	bool row;
	while (*n < limit && !(err = store_q_step(q, &row)) && row) {
		struct held *x = &h[(*n)++];
		snprintf(x->reason, sizeof x->reason, "%s", store_q_text(q, 4, NULL));
		snprintf(x->note, sizeof x->note, "%s", store_q_text(q, 5, NULL));
		bool gone = store_q_is_null(q, 6);
		if (!gone)
			snprintf(x->reporter, sizeof x->reporter, "%s", store_q_text(q, 6, NULL));
		x->r = (struct msg_report){.id = store_q_int(q, 0), .conversation = store_q_int(q, 1),
					   .queue_key = store_q_int(q, 2),
					   .created_at = store_q_int(q, 3), .reason = x->reason,
					   .note = x->note, .reporter = gone ? NULL : x->reporter};
	}
	store_q_close(q);
	for (int64_t k = 0; !err && k < *n; k++) {
		on_report(arg, &h[k].r);
		err = items_of(c, h[k].r.id, on_item, arg);
	}
	free(h);
	return err;
}

enum ent_err msg_report_resolve(struct store_conn *c, int64_t id, const char *resolution,
				int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_RESOLVE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_int(q, 2, now);
	store_q_bind_text(q, 3, resolution, strlen(resolution));
	err = store_q_exec_changed(c, q);
	if (err)
		return err;
	err = store_q_open(c, &Q_FORGET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}
