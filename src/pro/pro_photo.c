/*
 * pro_photo.c - case photos in the store (see pro_case.h): their rows, and their pictures as
 * content-addressed files like every picture (media/media.h, 0401_case_photo_files.sql). A
 * photo stored before 0401 keeps its bytes in the row until pro_photo_move_files() writes
 * its file; pro_photo_data() reads either.
 */
#include <stdlib.h>
#include <string.h>

#include "media/media.h"
#include "pro/pro_case.h"
#include "pro/pro_store.h"

#define PHOTO_COLS                                                                               \
	"p.id, p.case_id, coalesce(p.author_id, 0), p.mime, p.width, p.height, p.n_faces, "      \
	"p.n_masks, p.status, p.reason, k.title, p.created_at "                                   \
	"FROM pro_case_photos p JOIN pro_cases k ON k.id = p.case_id "
#define MOVE_BATCH 16

static const struct store_stmt Q_PHOTO_INSERT = {
	"pro.photo_insert",
	"INSERT INTO pro_case_photos (case_id, author_id, mime, data, hash, bytes, width, height, "
	"n_faces, n_masks, created_at) VALUES (?1, ?2, ?3, ?11, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
	"RETURNING id"};
static const struct store_stmt Q_PHOTO_GET = {"pro.photo_get",
					      "SELECT " PHOTO_COLS "WHERE p.id = ?1"};
static const struct store_stmt Q_PHOTO_DATA = {
	"pro.photo_data", "SELECT hash, bytes, data FROM pro_case_photos WHERE id = ?1"};
static const struct store_stmt Q_PHOTO_OF_CASE = {
	"pro.photo_of_case", "SELECT " PHOTO_COLS "WHERE p.case_id = ?1 ORDER BY p.id LIMIT 100"};
static const struct store_stmt Q_PHOTO_PENDING = {
	"pro.photo_pending",
	"SELECT " PHOTO_COLS "WHERE p.status = 'pending' AND ?1 = 0 ORDER BY p.id LIMIT 200"};
static const struct store_stmt Q_PHOTO_REVIEW = {
	"pro.photo_review",
	"UPDATE pro_case_photos SET status = ?2, reason = ?3, reviewer_id = ?4, reviewed_at = ?5, "
	"hash = coalesce(?6, hash), bytes = coalesce(?7, bytes), data = ?9, "
	"n_masks = n_masks + ?8 WHERE id = ?1 AND status = 'pending'"};
static const struct store_stmt Q_PHOTO_UNMOVED = {
	"pro.photo_unmoved",
	"SELECT id, data FROM pro_case_photos WHERE hash IS NULL ORDER BY id LIMIT ?1"};
static const struct store_stmt Q_PHOTO_MOVED = {
	"pro.photo_moved",
	"UPDATE pro_case_photos SET hash = ?2, bytes = ?3, data = ?4 WHERE id = ?1 AND hash IS NULL"};

static void bind_str(struct store_q *q, int i, const char *s)
{
	store_q_bind_text(q, i, s, strlen(s));
}

struct insert {
	const struct pro_photo_new *n;
	const char *hash;
	int64_t *id;
};

static enum ent_err insert_row(struct store_conn *c, void *arg)
{
	const struct insert *x = arg;
	const struct pro_photo_new *n = x->n;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_PHOTO_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, n->case_id);
	store_q_bind_int(q, 2, n->author_id);
	bind_str(q, 3, n->mime);
	bind_str(q, 4, x->hash);
	store_q_bind_int(q, 5, (int64_t)n->len);
	store_q_bind_int(q, 6, n->width);
	store_q_bind_int(q, 7, n->height);
	store_q_bind_int(q, 8, n->n_faces);
	store_q_bind_int(q, 9, n->n_masks);
	store_q_bind_int(q, 10, n->now);
	store_q_bind_blob(q, 11, "", 0); /* the bytes are in a file (media/) */
	return pro_q_insert_id(q, x->id);
}

enum ent_err pro_photo_insert(struct store_conn *c, const char *data_dir,
			      const struct pro_photo_new *n, int64_t *id)
{
	char hash[MEDIA_HASH_HEX + 1];
	media_hash(n->data, n->len, hash);
	struct insert x = {n, hash, id};
	return media_store(c, data_dir, hash, n->data, n->len, insert_row, &x);
}

static void photo_row(struct store_q *q, struct pro_photo *p)
{
	memset(p, 0, sizeof *p);
	p->id = store_q_int(q, 0);
	p->case_id = store_q_int(q, 1);
	p->author_id = store_q_int(q, 2);
	pro_col_text(q, 3, p->mime, sizeof p->mime);
	p->width = (int)store_q_int(q, 4);
	p->height = (int)store_q_int(q, 5);
	p->n_faces = (int)store_q_int(q, 6);
	p->n_masks = (int)store_q_int(q, 7);
	pro_col_text(q, 8, p->status, sizeof p->status);
	pro_col_text(q, 9, p->reason, sizeof p->reason);
	pro_col_text(q, 10, p->case_title, sizeof p->case_title);
	p->created_at = store_q_int(q, 11);
}

enum ent_err pro_photo_get(struct store_conn *c, int64_t id, struct pro_photo *out)
{
	struct store_q *q;
	enum ent_err err = pro_q_row(c, &Q_PHOTO_GET, id, &q);
	if (err)
		return err;
	photo_row(q, out);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err pro_photo_data(struct store_conn *c, const char *data_dir, int64_t id,
			    struct buf *out)
{
	struct store_q *q;
	enum ent_err err = pro_q_row(c, &Q_PHOTO_DATA, id, &q);
	if (err)
		return err;
	char hash[MEDIA_HASH_HEX + 1];
	pro_col_text(q, 0, hash, sizeof hash);
	int64_t bytes = store_q_int(q, 1);
	if (hash[0]) {
		store_q_close(q);
		return media_file_read(data_dir, hash, bytes, out);
	}
	size_t len; /* not moved yet (a photo stored before 0401) */
	const void *p = store_q_blob(q, 2, &len);
	err = len ? buf_append(out, p, len) : ENT_OK;
	store_q_close(q);
	return err;
}

enum ent_err pro_photo_each(struct store_conn *c, int64_t case_id,
			    void (*fn)(const struct pro_photo *p, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	struct pro_photo p;
	enum ent_err err = store_q_open(c, case_id ? &Q_PHOTO_OF_CASE : &Q_PHOTO_PENDING, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, case_id);
	while (!(err = store_q_step(q, &has)) && has) {
		photo_row(q, &p);
		fn(&p, arg);
	}
	store_q_close(q);
	return err;
}

struct review {
	const struct pro_photo_review *r;
	const char *hash; /* NULL: the picture stays */
};

static enum ent_err review_row(struct store_conn *c, void *arg)
{
	const struct review *x = arg;
	const struct pro_photo_review *r = x->r;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_PHOTO_REVIEW, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, r->id);
	bind_str(q, 2, r->status);
	bind_str(q, 3, r->reason);
	store_q_bind_int(q, 4, r->reviewer_id);
	store_q_bind_int(q, 5, r->now);
	if (x->hash) {
		bind_str(q, 6, x->hash);
		store_q_bind_int(q, 7, (int64_t)r->len);
	} else {
		store_q_bind_null(q, 6);
		store_q_bind_null(q, 7);
	}
	store_q_bind_int(q, 8, r->n_masks);
	store_q_bind_blob(q, 9, "", 0);
	err = store_q_exec(q);
	store_q_close(q);
	return !err && store_changes(c) == 0 ? ENT_ECONFLICT : err;
}

enum ent_err pro_photo_review(struct store_conn *c, const char *data_dir,
			      const struct pro_photo_review *r)
{
	struct review x = {r, NULL};
	if (!r->data)
		return review_row(c, &x);
	char hash[MEDIA_HASH_HEX + 1];
	media_hash(r->data, r->len, hash);
	x.hash = hash;
	return media_store(c, data_dir, hash, r->data, r->len, review_row, &x);
}

struct unmoved {
	int64_t id;
	uint8_t *data;
	size_t len;
	char hash[MEDIA_HASH_HEX + 1];
};

static enum ent_err moved_row(struct store_conn *c, void *arg)
{
	const struct unmoved *u = arg;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_PHOTO_MOVED, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, u->id);
	bind_str(q, 2, u->hash);
	store_q_bind_int(q, 3, (int64_t)u->len);
	store_q_bind_blob(q, 4, "", 0);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

/* Up to MOVE_BATCH photos still in the database, copied out (the caller frees their data). */
static enum ent_err unmoved(struct store_conn *c, struct unmoved *out, size_t *n)
{
	struct store_q *q;
	bool has;
	*n = 0;
	enum ent_err err = store_q_open(c, &Q_PHOTO_UNMOVED, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, MOVE_BATCH);
	while (!(err = store_q_step(q, &has)) && has && *n < MOVE_BATCH) {
		struct unmoved *u = &out[*n];
		const void *p = store_q_blob(q, 1, &u->len);
		u->id = store_q_int(q, 0);
		u->data = malloc(u->len ? u->len : 1);
		if (!u->data) {
			err = ENT_ENOMEM;
			break;
		}
		if (u->len)
			memcpy(u->data, p, u->len);
		(*n)++;
	}
	store_q_close(q);
	return err;
}

enum ent_err pro_photo_move_files(struct store_conn *c, const char *data_dir, size_t *moved)
{
	struct unmoved batch[MOVE_BATCH];
	size_t n = 0;
	enum ent_err err = ENT_OK;
	*moved = 0;
	do {
		err = unmoved(c, batch, &n);
		for (size_t i = 0; !err && i < n; i++) {
			media_hash(batch[i].data, batch[i].len, batch[i].hash);
			err = media_store(c, data_dir, batch[i].hash, batch[i].data, batch[i].len,
					  moved_row, &batch[i]);
			if (!err)
				(*moved)++;
		}
		for (size_t i = 0; i < n; i++)
			free(batch[i].data);
	} while (!err && n == MOVE_BATCH);
	return err;
}
