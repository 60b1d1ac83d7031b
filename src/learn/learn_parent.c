/* learn_parent.c - a parent's confirmation of an under-15 account (issue 21; loi
 * Informatique et Libertés, art. 45): single-use tokens kept as their hash only; see learn.h.
 * Not responsible for: sending the link (the API queues it with mail_enqueue), who may ask. */
#include <string.h>

#include "auth/auth.h"
#include "learn/learn.h"

_Static_assert(LEARN_TOKEN_CHARS == AUTH_TOKEN_CHARS, "a parent's token is an auth token");

static const struct store_stmt Q_SET = {
	"learn.parent_set",
	"INSERT INTO parent_tokens (account_id, token_hash, created_at, expires_at) "
	"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id) DO UPDATE SET "
	"token_hash = excluded.token_hash, created_at = excluded.created_at, "
	"expires_at = excluded.expires_at"};
static const struct store_stmt Q_USE = {
	"learn.parent_use",
	"DELETE FROM parent_tokens WHERE token_hash = ?1 AND expires_at > ?2 RETURNING account_id"};
static const struct store_stmt Q_PURGE = {
	"learn.parent_purge", "DELETE FROM parent_tokens WHERE expires_at <= ?1"};

enum ent_err learn_parent_token_new(struct store_conn *c, int64_t account_id, int64_t now,
				    char text[LEARN_TOKEN_CHARS + 1])
{
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	enum ent_err err = auth_token_new(raw, text);
	if (err)
		return err;
	auth_token_hash(raw, hash);
	struct store_q *q;
	err = store_q_open(c, &Q_SET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	store_q_bind_blob(q, 2, hash, sizeof hash);
	store_q_bind_int(q, 3, now);
	store_q_bind_int(q, 4, now + LEARN_PARENT_TTL);
	return store_q_run(q);
}

enum ent_err learn_parent_token_use(struct store_conn *c, const char *text, size_t len,
				    int64_t now, int64_t *account_id)
{
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	if (auth_token_parse(text, len, raw))
		return ENT_ENOTFOUND;
	auth_token_hash(raw, hash);
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_USE, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, sizeof hash);
	store_q_bind_int(q, 2, now);
	err = store_q_row_int(q, account_id);
	return err ? err : learn_age_confirm(c, *account_id);
}

enum ent_err learn_parent_token_purge(struct store_conn *c, int64_t now, int64_t *n)
{
	struct store_q *q;
	*n = 0;
	enum ent_err err = store_q_open(c, &Q_PURGE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, now);
	err = store_q_exec(q);
	store_q_close(q);
	if (!err)
		*n = store_changes(c);
	return err;
}
