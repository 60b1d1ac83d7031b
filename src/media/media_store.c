/* media_store.c - the rows of uploaded pictures (issue 4); see media_store.h and 0400_media.sql. */
#include "media/media_store.h"

#include <stdio.h>
#include <string.h>

static const struct store_stmt Q_INSERT = {
	"media.insert",
	"INSERT INTO media (account_id, hash, format, width, height, bytes, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"};
static const struct store_stmt Q_GET = {
	"media.get", "SELECT account_id, hash, format, width, height, bytes, created_at FROM media "
		     "WHERE id = ?1"};
static const struct store_stmt Q_GONE = {"media.gone", "SELECT hash FROM media_gone LIMIT ?1"};
static const struct store_stmt Q_REFERENCED = {
	"media.referenced", "SELECT 1 FROM media WHERE hash = ?1 UNION ALL "
			    "SELECT 1 FROM pro_case_photos WHERE hash = ?1 LIMIT 1"};
static const struct store_stmt Q_GONE_DONE = {"media.gone_done",
					      "DELETE FROM media_gone WHERE hash = ?1"};
static const struct store_stmt Q_DEL_ACCOUNT = {"media.delete_account",
						"DELETE FROM media WHERE account_id = ?1"};

enum ent_err store_media_insert(struct store_conn *c, struct store_media *m)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, m->account_id);
	store_q_bind_text(q, 2, m->hash, strlen(m->hash));
	store_q_bind_text(q, 3, m->format, strlen(m->format));
	store_q_bind_int(q, 4, m->width);
	store_q_bind_int(q, 5, m->height);
	store_q_bind_int(q, 6, m->bytes);
	store_q_bind_int(q, 7, m->created_at);
	bool row = false;
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_EDB;
	if (!err)
		m->id = store_q_int(q, 0);
	store_q_close(q);
	return err ? err : store_exec_text(c, &Q_GONE_DONE, m->hash);
}

static void copy_text(struct store_q *q, int col, char *out, size_t cap)
{
	size_t len;
	const char *s = store_q_text(q, col, &len);
	snprintf(out, cap, "%.*s", (int)(len < cap ? len : cap - 1), s);
}

enum ent_err store_media_get(struct store_conn *c, int64_t id, struct store_media *m)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_GET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		memset(m, 0, sizeof *m);
		m->id = id;
		m->account_id = store_q_int(q, 0);
		copy_text(q, 1, m->hash, sizeof m->hash);
		copy_text(q, 2, m->format, sizeof m->format);
		m->width = (int)store_q_int(q, 3);
		m->height = (int)store_q_int(q, 4);
		m->bytes = store_q_int(q, 5);
		m->created_at = store_q_int(q, 6);
	}
	store_q_close(q);
	return err;
}

enum ent_err store_media_gone(struct store_conn *c, char (*out)[STORE_MEDIA_HASH_HEX + 1],
			      size_t cap, size_t *n)
{
	struct store_q *q;
	bool row = true;
	*n = 0;
	enum ent_err err = store_q_open(c, &Q_GONE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, (int64_t)cap);
	while (!err && *n < cap) {
		err = store_q_step(q, &row);
		if (err || !row)
			break;
		copy_text(q, 0, out[*n], sizeof out[*n]);
		(*n)++;
	}
	store_q_close(q);
	return err;
}

enum ent_err store_media_referenced(struct store_conn *c, const char *hash, bool *yes)
{
	struct store_q *q;
	*yes = true; /* on error, keep the file */
	enum ent_err err = store_q_open(c, &Q_REFERENCED, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, hash, strlen(hash));
	err = store_q_step(q, yes);
	store_q_close(q);
	return err;
}

enum ent_err store_media_gone_done(struct store_conn *c, const char *hash)
{
	return store_exec_text(c, &Q_GONE_DONE, hash);
}

enum ent_err store_media_account_delete(struct store_conn *c, int64_t account_id,
					enum store_posts_mode mode)
{
	(void)mode; /* a member's pictures are theirs: they go in both modes */
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_DEL_ACCOUNT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}
