/*
 * api_message_keys.c - the public keys of direct messages, the key backup, and blocks
 * (issue 20).
 *
 *   PUT /api/v1/me/keys             publish one's X25519 and Ed25519 public keys (made in the
 *                                   browser); a change is recorded (a new version) so contacts
 *                                   are told
 *   GET /api/v1/accounts/{h}/keys   someone's current keys and their recorded versions
 *   PUT/GET/DELETE /api/v1/me/keys/backup
 *                                   the private keys sealed in the browser under a passphrase
 *                                   (Argon2id salt and limits kept beside): ciphertext only
 *   GET /api/v1/me/blocks, PUT/DELETE /api/v1/me/blocks/{handle}
 *
 * The server checks sizes and encodings, never what a key or a backup holds.
 */
#include <string.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "core/clock.h"

#define HISTORY_MAX 16

/* Argon2id limits a backup may declare: libsodium's interactive .. sensitive range. */
#define OPS_MIN 2
#define OPS_MAX 8
#define MEM_MIN (64ll * 1024 * 1024)
#define MEM_MAX (1024ll * 1024 * 1024)

const struct json_field api_keys_put_fields[] = {
	{"box", JF_STRING, true, MSG_KEY_B64, MSG_KEY_B64, NULL},
	{"sign", JF_STRING, true, MSG_KEY_B64, MSG_KEY_B64, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

const struct json_field api_key_backup_fields[] = {
	{"salt", JF_STRING, true, 22, 22, NULL},
	{"nonce", JF_STRING, true, 32, 32, NULL},
	{"sealed", JF_STRING, true, 22, MSG_BACKUP_MAX / 3 * 4 + 4, NULL},
	{"opslimit", JF_INT, true, 0, 0, NULL},
	{"memlimit", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static void keys_json(struct buf *b, const struct msg_keys *k)
{
	char iso[24];
	clock_iso(k->changed_at, iso);
	buf_printf(b, "{\"box\":\"%s\",\"sign\":\"%s\",\"version\":%lld,\"changed_at\":\"%s\"}",
		   k->box_pk, k->sign_pk, (long long)k->version, iso);
}

enum ent_err api_keys_put(struct api_req *q)
{
	size_t bl = 0, sl = 0;
	const char *box = api_str(q, "box", &bl);
	const char *sign = api_str(q, "sign", &sl);
	if (!msg_b64_ok(box, bl, MSG_KEY_BYTES, MSG_KEY_BYTES, NULL))
		return api_invalid(q, "box", "not-a-key");
	if (!msg_b64_ok(sign, sl, MSG_KEY_BYTES, MSG_KEY_BYTES, NULL))
		return api_invalid(q, "sign", "not-a-key");
	bool changed;
	struct msg_keys k;
	enum ent_err err = msg_keys_put(q->db, q->s.account.id, box, sign, clock_now(), &changed, &k);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 512);
	buf_printf(&b, "{\"changed\":%s,\"keys\":", changed ? "true" : "false");
	keys_json(&b, &k);
	buf_putc(&b, '}');
	api_reply(q, 200, &b);
	return ENT_OK;
}

struct hist {
	struct buf *b;
	size_t n;
};

static void hist_one(void *arg, const struct msg_keys *k)
{
	struct hist *h = arg;
	if (h->n++)
		buf_putc(h->b, ',');
	keys_json(h->b, k);
}

static enum ent_err reply_keys(struct api_req *q, int64_t account, const char *handle)
{
	struct msg_keys k;
	enum ent_err err = msg_keys_get(q->db, account, &k);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 16 * 1024);
	buf_puts(&b, "{\"handle\":");
	buf_json_cstr(&b, handle);
	buf_puts(&b, ",\"keys\":");
	keys_json(&b, &k);
	buf_puts(&b, ",\"history\":[");
	struct hist h = {.b = &b};
	err = msg_keys_history(q->db, account, HISTORY_MAX, hist_one, &h);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

enum ent_err api_keys_mine(struct api_req *q)
{
	return reply_keys(q, q->s.account.id, q->s.account.handle);
}

enum ent_err api_keys_get(struct api_req *q)
{
	struct msg_party p;
	struct store_account a;
	enum ent_err err = api_msg_party(q, api_param(q, "handle"), &p, &a);
	return err ? err : reply_keys(q, a.id, a.handle);
}

enum ent_err api_key_backup_put(struct api_req *q)
{
	struct msg_backup k = {0};
	size_t sl = 0, nl = 0, bl = 0;
	const char *salt = api_str(q, "salt", &sl), *nonce = api_str(q, "nonce", &nl);
	const char *sealed = api_str(q, "sealed", &bl);
	json_int_t ops = json_integer_value(json_object_get(q->body, "opslimit"));
	json_int_t mem = json_integer_value(json_object_get(q->body, "memlimit"));
	if (!msg_b64_ok(salt, sl, MSG_SALT_BYTES, MSG_SALT_BYTES, NULL))
		return api_invalid(q, "salt", "not-a-salt");
	if (!msg_b64_ok(nonce, nl, MSG_NONCE_BYTES, MSG_NONCE_BYTES, NULL))
		return api_invalid(q, "nonce", "not-a-nonce");
	if (!msg_b64_ok(sealed, bl, MSG_MAC_BYTES + 1, MSG_BACKUP_MAX, NULL))
		return api_invalid(q, "sealed", "not-a-ciphertext");
	if (ops < OPS_MIN || ops > OPS_MAX)
		return api_invalid(q, "opslimit", "out-of-range");
	if (mem < MEM_MIN || mem > MEM_MAX)
		return api_invalid(q, "memlimit", "out-of-range");
	snprintf(k.salt, sizeof k.salt, "%s", salt);
	snprintf(k.nonce, sizeof k.nonce, "%s", nonce);
	k.sealed = (char *)sealed;
	k.opslimit = ops;
	k.memlimit = mem;
	k.updated_at = clock_now();
	enum ent_err err = msg_backup_put(q->db, q->s.account.id, &k);
	if (err)
		return err;
	return api_key_backup_get(q);
}

enum ent_err api_key_backup_get(struct api_req *q)
{
	struct msg_backup k;
	enum ent_err err = msg_backup_get(q->db, q->s.account.id, &k);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 4096);
	char iso[24];
	clock_iso(k.updated_at, iso);
	buf_printf(&b, "{\"salt\":\"%s\",\"nonce\":\"%s\",\"sealed\":\"%s\",\"opslimit\":%lld,"
		      "\"memlimit\":%lld,\"updated_at\":\"%s\"}",
		   k.salt, k.nonce, k.sealed, (long long)k.opslimit, (long long)k.memlimit, iso);
	msg_backup_clear(&k);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_key_backup_delete(struct api_req *q)
{
	enum ent_err err = msg_backup_delete(q->db, q->s.account.id);
	if (err)
		return err;
	http_reply_empty(q->http, 204);
	return ENT_OK;
}

struct blocks {
	struct buf *b;
	size_t n;
};

static enum ent_err write_block(void *arg, const struct msg_block_row *r)
{
	struct blocks *l = arg;
	char iso[24];
	clock_iso(r->since, iso);
	buf_puts(l->b, l->n++ ? ",{\"handle\":" : "{\"handle\":");
	buf_json_cstr(l->b, r->handle);
	buf_printf(l->b, ",\"since\":\"%s\"}", iso);
	return ENT_OK;
}

enum ent_err api_blocks_list(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_puts(&b, "{\"blocked\":[");
	struct blocks l = {&b, 0};
	enum ent_err err = msg_blocks_each(q->db, q->s.account.id, write_block, &l);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

static enum ent_err block_change(struct api_req *q, bool block)
{
	struct msg_party p;
	struct store_account a;
	enum ent_err err = api_msg_party(q, api_param(q, "handle"), &p, &a);
	if (err)
		return err;
	if (a.id == q->s.account.id)
		return api_invalid(q, "handle", "yourself");
	err = block ? msg_block(q->db, q->s.account.id, a.id, clock_now())
		    : msg_unblock(q->db, q->s.account.id, a.id);
	return err ? err : api_blocks_list(q);
}

enum ent_err api_block_put(struct api_req *q)
{
	return block_change(q, true);
}

enum ent_err api_block_delete(struct api_req *q)
{
	return block_change(q, false);
}
