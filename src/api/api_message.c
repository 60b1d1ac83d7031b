/*
 * api_message.c - the messages of a conversation (issue 20, R6) and photos sanitized for them.
 *
 * A message arrives sealed by the sender's browser: a ciphertext under a random per-message
 * key (crypto_secretbox, random nonce; the plaintext carries the sender's Ed25519 signature),
 * and that key sealed to each member's X25519 key (crypto_box_seal), the sender included. The
 * server checks what it can without reading: sizes, base64url, one envelope per member, the
 * pairing rule and blocks at the time of sending. It stores nothing else: no plaintext, no
 * preview, no search. A conversation's disappearing period gives each message its expiry; an
 * expired message is no longer listed and the purge deletes it (api_purge.c).
 *
 * POST /api/v1/media/sanitize: a photo for a message is sanitized in memory through the
 * worker pool (metadata gone, faces covered) and returned; nothing is stored. The browser
 * then encrypts it like any message.
 */
#include <string.h>
#include <strings.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "api/api_image.h"
#include "api/api_media.h"
#include "core/clock.h"

#define PAGE_BYTES (8u * 1024 * 1024) /* a page stops growing past this (photos) */

const struct json_field api_message_post_fields[] = {
	{"nonce", JF_STRING, true, 32, 32, NULL},
	{"body", JF_STRING, true, 22, MSG_BODY_B64_MAX, NULL},
	{"keys", JF_ARRAY, true, MSG_MEMBERS_MIN, MSG_MEMBERS_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

struct page {
	struct buf *b;
	size_t n;
	int64_t last;
	bool full;
};

static void page_one(void *arg, const struct msg_message *m)
{
	struct page *p = arg;
	if (p->full)
		return;
	if (p->b->len > PAGE_BYTES) {
		p->full = true;
		return;
	}
	char iso[24];
	clock_iso(m->created_at, iso);
	buf_printf(p->b, "%s{\"id\":%lld,\"sender\":", p->n++ ? "," : "", (long long)m->id);
	buf_json_cstr(p->b, m->sender);
	buf_printf(p->b, ",\"sender_key\":%lld,\"created_at\":\"%s\",\"expires_at\":",
		   (long long)m->sender_key, iso);
	if (m->expires_at) {
		clock_iso(m->expires_at, iso);
		buf_printf(p->b, "\"%s\"", iso);
	} else {
		buf_puts(p->b, "null");
	}
	/* nonce, body and sealed were checked as base64url when stored: no escaping needed */
	buf_printf(p->b, ",\"nonce\":\"%s\",\"body\":\"%s\",\"key\":", m->nonce, m->body);
	if (m->sealed)
		buf_printf(p->b, "\"%s\"}", m->sealed);
	else
		buf_puts(p->b, "null}");
	p->last = m->id;
}

enum ent_err api_messages_list(struct api_req *q)
{
	int64_t id, before, limit;
	struct msg_conv v;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = msg_conv_get(q->db, id, q->s.account.id, &v);
	if (!err)
		err = api_query_int(q, "before", INT64_MAX, INT64_MAX, &before);
	if (!err)
		err = api_query_int(q, "limit", MSG_PAGE_DEFAULT, MSG_PAGE_MAX, &limit);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, PAGE_BYTES + 2 * MSG_BODY_B64_MAX);
	struct page p = {.b = &b};
	bool more = false;
	buf_printf(&b, "{\"conversation\":%lld,\"messages\":[", (long long)id);
	err = msg_message_page(q->db, id, q->s.account.id, before, clock_now(), (size_t)limit,
			       page_one, &p, &more);
	return api_page_end(q, &b, err, more || p.full, p.last);
}

/* Reads "keys": exactly one envelope per member of v, each a sealed 32-byte key. */
static enum ent_err read_keys(struct api_req *q, const struct msg_conv *v,
			      struct msg_envelope *env)
{
	json_t *keys = json_object_get(q->body, "keys");
	if (json_array_size(keys) != (size_t)v->n_members)
		return api_invalid(q, "keys", "one-per-member");
	bool seen[MSG_MEMBERS_MAX] = {false};
	size_t i;
	json_t *e;
	json_array_foreach(keys, i, e) {
		const char *to = json_str(e, "to", NULL);
		size_t len = 0;
		const char *key = json_str(e, "key", &len);
		if (!json_is_object(e) || json_object_size(e) != 2 || !to || !key)
			return api_invalid(q, "keys", JSON_REASON_TYPE);
		if (!msg_b64_ok(key, len, MSG_SEALED_BYTES, MSG_SEALED_BYTES, NULL))
			return api_invalid(q, "keys", "not-a-sealed-key");
		int m = -1;
		for (int k = 0; k < v->n_members; k++)
			if (!strcasecmp(v->handles[k], to))
				m = k;
		if (m < 0 || seen[m])
			return api_invalid(q, "keys", "one-per-member");
		seen[m] = true;
		env[i] = (struct msg_envelope){.account = v->members[m], .sealed = key};
	}
	return ENT_OK;
}

/* The pairing rule, ages, communities and blocks, checked again at each message (they change). */
static enum ent_err may_send(struct api_req *q, const struct msg_conv *v, bool *refused)
{
	struct msg_party self;
	*refused = false;
	enum ent_err err0 = api_msg_self(q, &self);
	if (err0)
		return err0;
	for (int i = 0; i < v->n_members; i++) {
		if (v->members[i] == self.id)
			continue;
		struct msg_party o;
		struct store_account a;
		enum ent_err err = api_msg_party(q, v->handles[i], &o, &a);
		if (err == ENT_ENOTFOUND)
			continue; /* gone meanwhile */
		if (!err)
			err = api_msg_may_write(q, &self, &o, true, refused);
		if (err || *refused)
			return err;
	}
	return ENT_OK;
}

enum ent_err api_message_post(struct api_req *q)
{
	int64_t id;
	struct msg_conv v;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = msg_conv_get(q->db, id, q->s.account.id, &v);
	if (err)
		return err;
	size_t nlen = 0, blen = 0;
	const char *nonce = api_str(q, "nonce", &nlen);
	const char *body = api_str(q, "body", &blen);
	if (!msg_b64_ok(nonce, nlen, MSG_NONCE_BYTES, MSG_NONCE_BYTES, NULL))
		return api_invalid(q, "nonce", "not-a-nonce");
	if (!msg_b64_ok(body, blen, MSG_MAC_BYTES + 1, MSG_BODY_MAX, NULL))
		return api_invalid(q, "body", "not-a-ciphertext");
	struct msg_envelope env[MSG_MEMBERS_MAX];
	err = read_keys(q, &v, env);
	if (err)
		return err;
	if (v.n_members < MSG_MEMBERS_MIN) { /* the others deleted their accounts */
		q->slug = "conflict";
		return ENT_ECONFLICT;
	}
	bool refused;
	err = may_send(q, &v, &refused);
	if (err || refused)
		return err;
	struct msg_keys mine;
	err = msg_keys_get(q->db, q->s.account.id, &mine);
	if (err == ENT_ENOTFOUND)
		return api_invalid(q, "keys", "publish-your-keys-first");
	if (err)
		return err;
	int64_t now = clock_now(), mid = 0;
	int64_t expires = v.disappear_s ? now + v.disappear_s : 0;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = msg_message_add(q->db, v.id, q->s.account.id, mine.version, nonce, body, env,
			      v.n_members, now, expires, &mid);
	if (!err)
		err = store_tx_commit(q->db);
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	struct buf b;
	buf_init(&b, 256);
	char iso[24];
	clock_iso(now, iso);
	buf_printf(&b, "{\"id\":%lld,\"conversation\":%lld,\"created_at\":\"%s\",\"expires_at\":",
		   (long long)mid, (long long)v.id, iso);
	if (expires) {
		clock_iso(expires, iso);
		buf_printf(&b, "\"%s\"}", iso);
	} else {
		buf_puts(&b, "null}");
	}
	api_reply(q, 201, &b);
	return ENT_OK;
}

static const char *mime_of(enum ent_img_format f)
{
	const char *n = ent_img_format_name(f);
	return !strcmp(n, "png") ? "image/png" : !strcmp(n, "webp") ? "image/webp" : "image/jpeg";
}

enum ent_err api_media_sanitize(struct api_req *q)
{
	if (!q->http->body.len)
		return api_invalid(q, "body", "empty");
	struct ent_img_result res = {0};
	struct ent_img_opts o = {0};
	o.faces_mode = ENT_IMG_FACES_COVER;
	o.max_bytes = API_MEDIA_BODY_MAX;
	o.max_side = 12000;
	o.max_pixels = 50u * 1000 * 1000;
	o.time_budget_ms = 15000;
	bool pending;
	enum ent_err err = api_image_sanitize(q, (const uint8_t *)q->http->body.p,
					      q->http->body.len, &o, true, &res, &pending);
	if (pending)
		return ENT_OK; /* answered when a worker is done */
	if (err == ENT_EINTERNAL || err == ENT_ENOMEM || err == ENT_ERATE || err == ENT_EBUSY) {
		ent_img_result_clear(&res);
		return err;
	}
	if (err) {
		ent_img_result_clear(&res);
		return api_invalid(q, "body", "not-a-usable-picture");
	}
	struct buf b;
	buf_init(&b, res.len + 1);
	buf_append(&b, res.data, res.len);
	char covered[16];
	snprintf(covered, sizeof covered, "%zu", res.n_regions);
	const char *mime = mime_of(res.format);
	ent_img_result_clear(&res);
	api_reply(q, 200, &b);
	q->http->is_api = false; /* our own Cache-Control below */
	q->http->content_type = mime;
	err = http_add_header(q->http, "Cache-Control", "no-store");
	if (!err)
		err = http_add_header(q->http, "X-Entraide-Covered", covered);
	return err;
}
