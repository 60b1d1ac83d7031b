/* store_tombstone.c - deleted accounts' tombstones and backup expiry; see store_tombstone.h. */
#include "store/store_tombstone.h"

#include <string.h>

static const struct store_stmt Q_SOURCE = {
	"tomb.source", "SELECT id, email_hash, created_at FROM accounts WHERE id = ?1"};
static const struct store_stmt Q_SOURCES = {
	"tomb.sources", "SELECT id, email_hash, created_at FROM accounts ORDER BY id"};
static const struct store_stmt Q_ADD = {
	"tomb.add",
	"INSERT INTO account_tombstones (hash, mode, deleted_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_EACH = {
	"tomb.each", "SELECT hash, mode, deleted_at FROM account_tombstones ORDER BY deleted_at"};
static const struct store_stmt Q_INFO_SET = {
	"backup_info.set", "INSERT INTO backup_info (created_at, expires_at) VALUES (?1, ?2)"};
static const struct store_stmt Q_INFO_GET = {
	"backup_info.get", "SELECT created_at, expires_at FROM backup_info ORDER BY created_at DESC LIMIT 1"};
static const struct store_stmt Q_INFO_CLEAR = {"backup_info.clear", "DELETE FROM backup_info"};

static void read_source(struct store_q *q, struct store_tomb_source *s)
{
	size_t len;
	const void *p = store_q_blob(q, 1, &len);
	memset(s, 0, sizeof *s);
	s->account_id = store_q_int(q, 0);
	s->created_at = store_q_int(q, 2);
	s->email_hash_len = len < sizeof s->email_hash ? len : sizeof s->email_hash;
	if (p)
		memcpy(s->email_hash, p, s->email_hash_len);
}

enum ent_err store_tomb_source_get(struct store_conn *c, int64_t account_id,
				   struct store_tomb_source *out)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_SOURCE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		read_source(q, out);
	store_q_close(q);
	return err;
}

enum ent_err store_tomb_source_each(struct store_conn *c,
				    void (*fn)(const struct store_tomb_source *s, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SOURCES, &q);
	if (err)
		return err;
	bool row;
	struct store_tomb_source s;
	while (!(err = store_q_step(q, &row)) && row) {
		read_source(q, &s);
		fn(&s, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err store_tombstone_add(struct store_conn *c, const struct store_tombstone *t)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_ADD, &q);
	if (err)
		return err;
	const char *mode = t->mode == STORE_POSTS_DELETE ? "delete" : "anonymise";
	store_q_bind_blob(q, 1, t->hash, sizeof t->hash);
	store_q_bind_text(q, 2, mode, strlen(mode));
	store_q_bind_int(q, 3, t->deleted_at);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_tombstone_each(struct store_conn *c,
				  void (*fn)(const struct store_tombstone *t, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_EACH, &q);
	if (err)
		return err;
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct store_tombstone t = {0};
		size_t len;
		const void *p = store_q_blob(q, 0, &len);
		if (!p || len != sizeof t.hash)
			continue;
		memcpy(t.hash, p, sizeof t.hash);
		t.mode = strcmp(store_q_text(q, 1, NULL), "delete") == 0 ? STORE_POSTS_DELETE
									  : STORE_POSTS_ANONYMISE;
		t.deleted_at = store_q_int(q, 2);
		fn(&t, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err store_backup_info_set(struct store_conn *c, int64_t created_at, int64_t expires_at)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INFO_SET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, created_at);
	store_q_bind_int(q, 2, expires_at);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_backup_info_get(struct store_conn *c, int64_t *created_at, int64_t *expires_at)
{
	struct store_q *q;
	bool row = false;
	*created_at = *expires_at = 0;
	enum ent_err err = store_q_open(c, &Q_INFO_GET, &q);
	if (err)
		return err;
	err = store_q_step(q, &row);
	if (!err && row) {
		*created_at = store_q_int(q, 0);
		*expires_at = store_q_int(q, 1);
	}
	store_q_close(q);
	return err;
}

enum ent_err store_backup_info_clear(struct store_conn *c)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INFO_CLEAR, &q);
	if (err)
		return err;
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}
