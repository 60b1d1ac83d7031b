/*
 * msg_store.c - the tables of direct messages (migration 0700): keys and their changes, the
 * key backup, blocks, conversations with their members, messages with their envelopes.
 * Statements only; the API decides who may call what. See msg.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "message/msg.h"

static const struct store_stmt Q_KEYS_GET = {
	"msg.keys_get",
	"SELECT box_pk, sign_pk, version, changed_at FROM msg_keys WHERE account_id = ?1"};
static const struct store_stmt Q_KEYS_INSERT = {
	"msg.keys_insert",
	"INSERT INTO msg_keys (account_id, box_pk, sign_pk, version, changed_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id) DO UPDATE SET box_pk = ?2, "
	"sign_pk = ?3, version = ?4, changed_at = ?5"};
static const struct store_stmt Q_KEYS_RECORD = {
	"msg.keys_record",
	"INSERT INTO msg_key_changes (account_id, version, box_pk, sign_pk, changed_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)"};
static const struct store_stmt Q_KEYS_HISTORY = {
	"msg.keys_history",
	"SELECT box_pk, sign_pk, version, changed_at FROM msg_key_changes WHERE account_id = ?1 "
	"ORDER BY id DESC LIMIT ?2"};

static const struct store_stmt Q_BACKUP_GET = {
	"msg.backup_get",
	"SELECT salt, nonce, sealed, opslimit, memlimit, updated_at FROM msg_key_backups "
	"WHERE account_id = ?1"};
static const struct store_stmt Q_BACKUP_PUT = {
	"msg.backup_put",
	"INSERT INTO msg_key_backups (account_id, salt, nonce, sealed, opslimit, memlimit, "
	"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (account_id) DO UPDATE SET "
	"salt = ?2, nonce = ?3, sealed = ?4, opslimit = ?5, memlimit = ?6, updated_at = ?7"};
static const struct store_stmt Q_BACKUP_DELETE = {
	"msg.backup_delete", "DELETE FROM msg_key_backups WHERE account_id = ?1"};

static const struct store_stmt Q_BLOCK = {
	"msg.block",
	"INSERT INTO msg_blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_UNBLOCK = {
	"msg.unblock", "DELETE FROM msg_blocks WHERE blocker_id = ?1 AND blocked_id = ?2"};
static const struct store_stmt Q_BLOCKS = {
	"msg.blocks_list",
	"SELECT a.handle, b.created_at FROM msg_blocks b JOIN accounts a ON a.id = b.blocked_id "
	"WHERE b.blocker_id = ?1 ORDER BY b.blocked_id LIMIT 1000"};
static const struct store_stmt Q_BLOCKED = {
	"msg.blocked",
	"SELECT EXISTS (SELECT 1 FROM msg_blocks WHERE blocker_id = ?1 AND blocked_id = ?2) OR "
	"EXISTS (SELECT 1 FROM msg_blocks WHERE blocker_id = ?2 AND blocked_id = ?1)"};
/* The spaces of ?2's followed threads (a list built once), then ?1's followed threads until
 * one is in them: both walks go through follows' primary key (account_id, thread_id). */
static const struct store_stmt Q_SHARE_COMMUNITY = {
	"msg.share_community",
	"SELECT EXISTS (SELECT 1 FROM follows f JOIN threads t ON t.id = f.thread_id "
	"WHERE f.account_id = ?1 AND t.space_id IN (SELECT u.space_id FROM follows g "
	"JOIN threads u ON u.id = g.thread_id WHERE g.account_id = ?2))"};

static const struct store_stmt Q_CONV_PAIR = {
	"msg.conv_pair", "SELECT id FROM msg_conversations WHERE pair_key = ?1"};
static const struct store_stmt Q_CONV_INSERT = {
	"msg.conv_insert",
	"INSERT INTO msg_conversations (pair_key, disappear_s, created_at) VALUES (?1, ?2, ?3) "
	"RETURNING id"};
static const struct store_stmt Q_MEMBER_INSERT = {
	"msg.member_insert",
	"INSERT INTO msg_members (conversation_id, account_id, sort_key, joined_at) "
	"VALUES (?1, ?2, -?1, ?3)"};
static const struct store_stmt Q_CONV_GET = {
	"msg.conv_get",
	"SELECT c.disappear_s, c.created_at, m.read_id, m.sort_key FROM msg_members m "
	"JOIN msg_conversations c ON c.id = m.conversation_id "
	"WHERE m.conversation_id = ?1 AND m.account_id = ?2"};
static const struct store_stmt Q_CONV_MEMBERS = {
	"msg.conv_members",
	"SELECT m.account_id, a.handle FROM msg_members m JOIN accounts a ON a.id = m.account_id "
	"WHERE m.conversation_id = ?1 ORDER BY m.account_id LIMIT 8"};
static const struct store_stmt Q_CONV_LAST = {
	"msg.conv_last",
	"SELECT coalesce(max(id), 0) FROM msg_messages WHERE conversation_id = ?1"};
static const struct store_stmt Q_CONV_DISAPPEAR = {
	"msg.conv_disappear", "UPDATE msg_conversations SET disappear_s = ?2 WHERE id = ?1"};
static const struct store_stmt Q_CONV_READ = {
	"msg.conv_read",
	"UPDATE msg_members SET read_id = ?3 WHERE conversation_id = ?1 AND account_id = ?2 "
	"AND read_id < ?3"};
static const struct store_stmt Q_CONV_UNREAD = {
	"msg.conv_unread",
	"SELECT count(*) FROM msg_messages x JOIN msg_members m ON m.conversation_id = "
	"x.conversation_id AND m.account_id = ?2 WHERE x.conversation_id = ?1 AND x.id > m.read_id "
	"AND x.sender_id <> ?2 AND (x.expires_at IS NULL OR x.expires_at > ?3)"};
static const struct store_stmt Q_UNREAD_TOTAL = {
	"msg.unread_total",
	"SELECT count(*) FROM msg_members m JOIN msg_messages x ON x.conversation_id = "
	"m.conversation_id AND x.id > m.read_id WHERE m.account_id = ?1 AND x.sender_id <> ?1 "
	"AND (x.expires_at IS NULL OR x.expires_at > ?2)"};
/* The header's count: stops at ?3 rows (the page shows "99+" past it). */
static const struct store_stmt Q_UNREAD_CAPPED = {
	"msg.unread_capped",
	"SELECT count(*) FROM (SELECT 1 FROM msg_members m JOIN msg_messages x ON "
	"x.conversation_id = m.conversation_id AND x.id > m.read_id WHERE m.account_id = ?1 "
	"AND x.sender_id <> ?1 AND (x.expires_at IS NULL OR x.expires_at > ?2) LIMIT ?3) AS u"};
static const struct store_stmt Q_CONV_LIST = {
	"msg.conv_list",
	"SELECT m.conversation_id, m.sort_key, m.read_id, c.disappear_s, c.created_at "
	"FROM msg_members m JOIN msg_conversations c ON c.id = m.conversation_id "
	"WHERE m.account_id = ?1 AND m.sort_key < ?2 ORDER BY m.sort_key DESC LIMIT ?3"};

static const struct store_stmt Q_MSG_INSERT = {
	"msg.message_insert",
	"INSERT INTO msg_messages (conversation_id, sender_id, sender_key, nonce, body, created_at, "
	"expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"};
static const struct store_stmt Q_ENV_INSERT = {
	"msg.envelope_insert",
	"INSERT INTO msg_envelopes (message_id, account_id, sealed) VALUES (?1, ?2, ?3)"};
static const struct store_stmt Q_MSG_SORT = {
	"msg.message_sort",
	"UPDATE msg_members SET sort_key = ?2 WHERE conversation_id = ?1"};
static const struct store_stmt Q_MSG_READ_OWN = {
	"msg.message_read_own",
	"UPDATE msg_members SET read_id = ?3 WHERE conversation_id = ?1 AND account_id = ?2"};
static const struct store_stmt Q_MSG_PAGE = {
	"msg.message_page",
	"SELECT x.id, x.sender_id, a.handle, x.sender_key, x.nonce, x.body, e.sealed, "
	"x.created_at, coalesce(x.expires_at, 0) FROM msg_messages x "
	"JOIN accounts a ON a.id = x.sender_id "
	"LEFT JOIN msg_envelopes e ON e.message_id = x.id AND e.account_id = ?2 "
	"WHERE x.conversation_id = ?1 AND x.id < ?3 AND (x.expires_at IS NULL OR x.expires_at > ?4) "
	"ORDER BY x.id DESC LIMIT ?5"};
static const struct store_stmt Q_MSG_PURGE = {
	"msg.message_purge",
	"DELETE FROM msg_messages WHERE expires_at IS NOT NULL AND expires_at <= ?1"};

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

/* Steps q once, reads its first column into *out (ENT_ENOTFOUND without a row), closes q. */
static enum ent_err first_int(struct store_q *q, int64_t *out)
{
	bool row;
	enum ent_err err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		*out = store_q_int(q, 0);
	store_q_close(q);
	return err;
}

/* Runs a statement of integer parameters that returns one integer. */
static enum ent_err one_int(struct store_conn *c, const struct store_stmt *st, const int64_t *p,
			    int n, int64_t *out)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	for (int i = 0; i < n; i++)
		store_q_bind_int(q, i + 1, p[i]);
	return first_int(q, out);
}

static void keys_row(struct store_q *q, struct msg_keys *k)
{
	copy(k->box_pk, sizeof k->box_pk, store_q_text(q, 0, NULL));
	copy(k->sign_pk, sizeof k->sign_pk, store_q_text(q, 1, NULL));
	k->version = store_q_int(q, 2);
	k->changed_at = store_q_int(q, 3);
}

enum ent_err msg_keys_get(struct store_conn *c, int64_t account, struct msg_keys *out)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_KEYS_GET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	bool row;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		keys_row(q, out);
	store_q_close(q);
	return err;
}

static enum ent_err keys_write(struct store_conn *c, const struct store_stmt *st, int64_t account,
			       const struct msg_keys *k, bool record)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	if (record) {
		store_q_bind_int(q, 2, k->version);
		store_q_bind_text(q, 3, k->box_pk, strlen(k->box_pk));
		store_q_bind_text(q, 4, k->sign_pk, strlen(k->sign_pk));
	} else {
		store_q_bind_text(q, 2, k->box_pk, strlen(k->box_pk));
		store_q_bind_text(q, 3, k->sign_pk, strlen(k->sign_pk));
		store_q_bind_int(q, 4, k->version);
	}
	store_q_bind_int(q, 5, k->changed_at);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err msg_keys_put(struct store_conn *c, int64_t account, const char *box_pk,
			  const char *sign_pk, int64_t now, bool *changed, struct msg_keys *out)
{
	struct msg_keys old;
	*changed = false;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = msg_keys_get(c, account, &old);
	if (!err && !strcmp(old.box_pk, box_pk) && !strcmp(old.sign_pk, sign_pk)) {
		*out = old;
		store_tx_rollback(c);
		return ENT_OK;
	}
	if (err && err != ENT_ENOTFOUND)
		goto out;
	*changed = err == ENT_OK;
	copy(out->box_pk, sizeof out->box_pk, box_pk);
	copy(out->sign_pk, sizeof out->sign_pk, sign_pk);
	out->version = err ? 1 : old.version + 1;
	out->changed_at = now;
	err = keys_write(c, &Q_KEYS_INSERT, account, out, false);
	if (!err)
		err = keys_write(c, &Q_KEYS_RECORD, account, out, true);
out:
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err msg_keys_history(struct store_conn *c, int64_t account, size_t cap,
			      void (*fn)(void *arg, const struct msg_keys *k), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_KEYS_HISTORY, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_int(q, 2, (int64_t)cap);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct msg_keys k;
		keys_row(q, &k);
		fn(arg, &k);
	}
	store_q_close(q);
	return err;
}

enum ent_err msg_backup_get(struct store_conn *c, int64_t account, struct msg_backup *out)
{
	struct store_q *q;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_open(c, &Q_BACKUP_GET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	bool row;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		copy(out->salt, sizeof out->salt, store_q_text(q, 0, NULL));
		copy(out->nonce, sizeof out->nonce, store_q_text(q, 1, NULL));
		const char *s = store_q_text(q, 2, NULL);
		out->sealed = strdup(s ? s : "");
		out->opslimit = store_q_int(q, 3);
		out->memlimit = store_q_int(q, 4);
		out->updated_at = store_q_int(q, 5);
		if (!out->sealed)
			err = ENT_ENOMEM;
	}
	store_q_close(q);
	return err;
}

enum ent_err msg_backup_put(struct store_conn *c, int64_t account, const struct msg_backup *b)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_BACKUP_PUT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_text(q, 2, b->salt, strlen(b->salt));
	store_q_bind_text(q, 3, b->nonce, strlen(b->nonce));
	store_q_bind_text(q, 4, b->sealed, strlen(b->sealed));
	store_q_bind_int(q, 5, b->opslimit);
	store_q_bind_int(q, 6, b->memlimit);
	store_q_bind_int(q, 7, b->updated_at);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err msg_backup_delete(struct store_conn *c, int64_t account)
{
	return store_exec_ints(c, &Q_BACKUP_DELETE, 1, &account);
}

void msg_backup_clear(struct msg_backup *b)
{
	free(b->sealed);
	b->sealed = NULL;
}

enum ent_err msg_block(struct store_conn *c, int64_t blocker, int64_t blocked, int64_t now)
{
	int64_t p[3] = {blocker, blocked, now};
	return store_exec_ints(c, &Q_BLOCK, 3, p);
}

enum ent_err msg_unblock(struct store_conn *c, int64_t blocker, int64_t blocked)
{
	int64_t p[2] = {blocker, blocked};
	return store_exec_ints(c, &Q_UNBLOCK, 2, p);
}

struct blocks {
	msg_block_fn fn;
	void *arg;
};

static enum ent_err block_row(struct store_q *q, void *arg)
{
	const struct blocks *e = arg;
	struct msg_block_row r = {store_q_text(q, 0, NULL), store_q_int(q, 1)};
	return e->fn(e->arg, &r);
}

enum ent_err msg_blocks_each(struct store_conn *c, int64_t blocker, msg_block_fn fn, void *arg)
{
	struct store_q *q;
	struct blocks e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_BLOCKS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, blocker);
	return store_q_each(q, block_row, &e);
}

enum ent_err msg_blocked(struct store_conn *c, int64_t a, int64_t b, bool *yes)
{
	int64_t p[2] = {a, b}, v = 0;
	enum ent_err err = one_int(c, &Q_BLOCKED, p, 2, &v);
	*yes = v != 0;
	return err;
}

enum ent_err msg_share_community(struct store_conn *c, int64_t a, int64_t b, bool *yes)
{
	int64_t p[2] = {a, b}, v = 0;
	enum ent_err err = one_int(c, &Q_SHARE_COMMUNITY, p, 2, &v);
	*yes = v != 0;
	return err;
}

static void pair_key(int64_t a, int64_t b, char out[48])
{
	snprintf(out, 48, "%lld:%lld", (long long)(a < b ? a : b), (long long)(a < b ? b : a));
}

enum ent_err msg_conv_find_pair(struct store_conn *c, int64_t a, int64_t b, int64_t *id)
{
	char k[48];
	pair_key(a, b, k);
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CONV_PAIR, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, k, strlen(k));
	return first_int(q, id);
}

enum ent_err msg_conv_create(struct store_conn *c, const int64_t *ids, int n, int64_t disappear_s,
			     int64_t now, int64_t *id)
{
	if (n < MSG_MEMBERS_MIN || n > MSG_MEMBERS_MAX || !msg_disappear_ok(disappear_s))
		return ENT_EINVAL;
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open(c, &Q_CONV_INSERT, &q);
	if (err)
		goto out;
	char k[48];
	if (n == 2) {
		pair_key(ids[0], ids[1], k);
		store_q_bind_text(q, 1, k, strlen(k));
	} else {
		store_q_bind_null(q, 1);
	}
	store_q_bind_int(q, 2, disappear_s);
	store_q_bind_int(q, 3, now);
	err = first_int(q, id);
	for (int i = 0; !err && i < n; i++) {
		int64_t p[3] = {*id, ids[i], now};
		err = store_exec_ints(c, &Q_MEMBER_INSERT, 3, p);
	}
out:
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err msg_conv_get(struct store_conn *c, int64_t id, int64_t account, struct msg_conv *out)
{
	memset(out, 0, sizeof *out);
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CONV_GET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_int(q, 2, account);
	bool row;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		out->id = id;
		out->disappear_s = store_q_int(q, 0);
		out->created_at = store_q_int(q, 1);
		out->read_id = store_q_int(q, 2);
		out->sort_key = store_q_int(q, 3);
	}
	store_q_close(q);
	if (err)
		return err;
	err = store_q_open(c, &Q_CONV_MEMBERS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	while (!(err = store_q_step(q, &row)) && row && out->n_members < MSG_MEMBERS_MAX) {
		out->members[out->n_members] = store_q_int(q, 0);
		copy(out->handles[out->n_members], sizeof out->handles[0], store_q_text(q, 1, NULL));
		out->n_members++;
	}
	store_q_close(q);
	if (!err)
		err = one_int(c, &Q_CONV_LAST, &id, 1, &out->last_id);
	return err;
}

enum ent_err msg_conv_set_disappear(struct store_conn *c, int64_t id, int64_t seconds)
{
	if (!msg_disappear_ok(seconds))
		return ENT_EINVAL;
	int64_t p[2] = {id, seconds};
	return store_exec_ints(c, &Q_CONV_DISAPPEAR, 2, p);
}

enum ent_err msg_conv_read(struct store_conn *c, int64_t id, int64_t account, int64_t last)
{
	int64_t max = 0;
	enum ent_err err = one_int(c, &Q_CONV_LAST, &id, 1, &max);
	if (err)
		return err;
	int64_t p[3] = {id, account, last < max ? last : max};
	return store_exec_ints(c, &Q_CONV_READ, 3, p);
}

enum ent_err msg_conv_unread(struct store_conn *c, int64_t id, int64_t account, int64_t now,
			     int64_t *n)
{
	int64_t p[3] = {id, account, now};
	return one_int(c, &Q_CONV_UNREAD, p, 3, n);
}

enum ent_err msg_unread_total(struct store_conn *c, int64_t account, int64_t now, int64_t *n)
{
	int64_t p[2] = {account, now};
	return one_int(c, &Q_UNREAD_TOTAL, p, 2, n);
}

enum ent_err msg_unread_capped(struct store_conn *c, int64_t account, int64_t now, int64_t cap,
			       int64_t *n)
{
	int64_t p[3] = {account, now, cap};
	return one_int(c, &Q_UNREAD_CAPPED, p, 3, n);
}

enum ent_err msg_conv_list(struct store_conn *c, int64_t account, int64_t before, size_t cap,
			   struct msg_conv *out, size_t *n)
{
	*n = 0;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CONV_LIST, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_int(q, 2, before);
	store_q_bind_int(q, 3, (int64_t)cap);
	bool row;
	while (*n < cap && !(err = store_q_step(q, &row)) && row) {
		struct msg_conv *v = &out[*n];
		memset(v, 0, sizeof *v);
		v->id = store_q_int(q, 0);
		v->sort_key = store_q_int(q, 1);
		v->read_id = store_q_int(q, 2);
		v->disappear_s = store_q_int(q, 3);
		v->created_at = store_q_int(q, 4);
		v->last_id = v->sort_key > 0 ? v->sort_key : 0;
		(*n)++;
	}
	store_q_close(q); /* closed before the member statements */
	for (size_t i = 0; !err && i < *n; i++) {
		err = store_q_open(c, &Q_CONV_MEMBERS, &q);
		if (err)
			break;
		store_q_bind_int(q, 1, out[i].id);
		while (!(err = store_q_step(q, &row)) && row && out[i].n_members < MSG_MEMBERS_MAX) {
			int k = out[i].n_members++;
			out[i].members[k] = store_q_int(q, 0);
			copy(out[i].handles[k], sizeof out[i].handles[0], store_q_text(q, 1, NULL));
		}
		store_q_close(q);
	}
	return err;
}

enum ent_err msg_message_add(struct store_conn *c, int64_t conv, int64_t sender,
			     int64_t sender_key, const char *nonce, const char *body,
			     const struct msg_envelope *env, int n_env, int64_t now,
			     int64_t expires_at, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_MSG_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, conv);
	store_q_bind_int(q, 2, sender);
	store_q_bind_int(q, 3, sender_key);
	store_q_bind_text(q, 4, nonce, strlen(nonce));
	store_q_bind_text(q, 5, body, strlen(body));
	store_q_bind_int(q, 6, now);
	if (expires_at)
		store_q_bind_int(q, 7, expires_at);
	else
		store_q_bind_null(q, 7);
	err = first_int(q, id);
	for (int i = 0; !err && i < n_env; i++) {
		err = store_q_open(c, &Q_ENV_INSERT, &q);
		if (err)
			break;
		store_q_bind_int(q, 1, *id);
		store_q_bind_int(q, 2, env[i].account);
		store_q_bind_text(q, 3, env[i].sealed, strlen(env[i].sealed));
		err = store_q_exec(q);
		store_q_close(q);
	}
	if (!err) {
		int64_t p[2] = {conv, *id};
		err = store_exec_ints(c, &Q_MSG_SORT, 2, p);
	}
	if (!err) { /* one's own message is read */
		int64_t p[3] = {conv, sender, *id};
		err = store_exec_ints(c, &Q_MSG_READ_OWN, 3, p);
	}
	return err;
}

enum ent_err msg_message_page(struct store_conn *c, int64_t conv, int64_t account, int64_t before,
			      int64_t now, size_t limit,
			      void (*fn)(void *arg, const struct msg_message *m), void *arg,
			      bool *more)
{
	*more = false;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_MSG_PAGE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, conv);
	store_q_bind_int(q, 2, account);
	store_q_bind_int(q, 3, before);
	store_q_bind_int(q, 4, now);
	store_q_bind_int(q, 5, (int64_t)limit + 1);
	bool row;
	size_t n = 0;
	while (!(err = store_q_step(q, &row)) && row) {
		if (n++ == limit) {
			*more = true;
			break;
		}
		struct msg_message m = {
			.id = store_q_int(q, 0),
			.sender_id = store_q_int(q, 1),
			.sender = store_q_text(q, 2, NULL),
			.sender_key = store_q_int(q, 3),
			.nonce = store_q_text(q, 4, NULL),
			.body = store_q_text(q, 5, NULL),
			.sealed = store_q_is_null(q, 6) ? NULL : store_q_text(q, 6, NULL),
			.created_at = store_q_int(q, 7),
			.expires_at = store_q_int(q, 8),
		};
		fn(arg, &m);
	}
	store_q_close(q);
	return err;
}

enum ent_err msg_purge_expired(struct store_conn *c, int64_t now, int64_t *n)
{
	enum ent_err err = store_tx_begin(c);
	if (!err)
		err = store_exec_ints(c, &Q_MSG_PURGE, 1, &now);
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	*n += store_changes(c);
	return store_tx_commit(c);
}
