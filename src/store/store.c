/*
 * store.c - the public functions of store.h: picks the back end from the path given to
 * store_open (postgresql://... or postgres://... is PostgreSQL, anything else an SQLite
 * file) and hands every later call to the back end that made the object. Keeps each
 * thread's connection to each open store and each connection's statements.
 * Not responsible for: talking to an engine (store_sqlite.c, store_pg.c).
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_backend.h"

static atomic_uint_fast64_t next_store_id = 1;
static atomic_uint_fast64_t db_ns;

/* Each thread remembers its connection to the last few stores it used (one in the server;
 * tests open several). */
#define TL_SLOTS 4
static _Thread_local struct {
	uint64_t store_id;
	struct store_conn *c;
} tl[TL_SLOTS];

double store_db_seconds(void)
{
	return (double)atomic_load(&db_ns) / 1e9;
}

void store_time_add(uint64_t ns)
{
	atomic_fetch_add(&db_ns, ns);
}

void store_base_init(struct store *s, const struct store_ops *ops)
{
	s->ops = ops;
	s->id = atomic_fetch_add(&next_store_id, 1);
	pthread_mutex_init(&s->lock, NULL);
	s->conns = NULL;
}

void store_base_close(struct store *s)
{
	pthread_mutex_lock(&s->lock);
	struct store_conn *c = s->conns;
	s->conns = NULL;
	pthread_mutex_unlock(&s->lock);
	while (c) {
		struct store_conn *next = c->next;
		s->ops->conn_free(c, next == NULL);
		c = next;
	}
	/* The calling thread forgets its connection; other threads' slots keep an id that no
	 * store will have again. */
	for (int i = 0; i < TL_SLOTS; i++)
		if (tl[i].store_id == s->id)
			tl[i].store_id = 0, tl[i].c = NULL;
	pthread_mutex_destroy(&s->lock);
}

bool store_path_is_pg(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

enum ent_err store_open(struct store **out, const char *path)
{
	*out = NULL;
	if (!path)
		return ENT_EINVAL;
	return store_path_is_pg(path) ? store_pg_ops.open(out, path)
				      : store_sqlite_ops.open(out, path);
}

void store_close(struct store *s)
{
	if (s)
		s->ops->close(s);
}

enum ent_err store_conn_get(struct store *s, struct store_conn **out)
{
	int free_slot = -1;
	for (int i = 0; i < TL_SLOTS; i++) {
		if (tl[i].store_id == s->id) {
			*out = tl[i].c;
			return ENT_OK;
		}
		if (free_slot < 0 && tl[i].store_id == 0)
			free_slot = i;
	}
	enum ent_err err = s->ops->conn_open(s, out);
	if (err)
		return err;
	pthread_mutex_lock(&s->lock);
	(*out)->next = s->conns;
	s->conns = *out;
	pthread_mutex_unlock(&s->lock);
	/* With more stores than slots in one thread (tests only), the oldest slot is reused;
	 * its connection stays owned by its store and is closed with it. */
	int slot = free_slot >= 0 ? free_slot : 0;
	tl[slot].store_id = s->id;
	tl[slot].c = *out;
	return ENT_OK;
}

enum ent_err store_q_open(struct store_conn *c, const struct store_stmt *stmt, struct store_q **out)
{
	for (size_t i = 0; i < c->n_qs; i++) {
		if (c->qs[i]->def == stmt) {
			*out = c->qs[i];
			return ENT_OK;
		}
	}
	if (c->n_qs == c->cap_qs) {
		size_t cap = c->cap_qs ? c->cap_qs * 2 : 32;
		struct store_q **qs = realloc(c->qs, cap * sizeof *qs);
		if (!qs)
			return ENT_ENOMEM;
		c->qs = qs;
		c->cap_qs = cap;
	}
	enum ent_err err = c->ops->q_new(c, stmt, out);
	if (err)
		return err;
	(*out)->ops = c->ops;
	(*out)->def = stmt;
	c->qs[c->n_qs++] = *out;
	return ENT_OK;
}

enum ent_err store_q_bind_text(struct store_q *q, int idx, const char *s, size_t len)
{
	return q->ops->bind_text(q, idx, s, len);
}

enum ent_err store_q_bind_blob(struct store_q *q, int idx, const void *p, size_t len)
{
	return q->ops->bind_blob(q, idx, p, len);
}

enum ent_err store_q_bind_int(struct store_q *q, int idx, int64_t v)
{
	return q->ops->bind_int(q, idx, v);
}

enum ent_err store_q_bind_null(struct store_q *q, int idx)
{
	return q->ops->bind_null(q, idx);
}

enum ent_err store_q_bind_bool(struct store_q *q, int idx, bool v)
{
	return q->ops->bind_bool ? q->ops->bind_bool(q, idx, v) : q->ops->bind_int(q, idx, v ? 1 : 0);
}

enum ent_err store_q_step(struct store_q *q, bool *row)
{
	return q->ops->step(q, row);
}

enum ent_err store_q_exec(struct store_q *q)
{
	bool row;
	enum ent_err err;
	do
		err = store_q_step(q, &row);
	while (!err && row);
	return err;
}

int64_t store_q_int(struct store_q *q, int col)
{
	return q->ops->col_int(q, col);
}

const char *store_q_text(struct store_q *q, int col, size_t *len)
{
	return q->ops->col_text(q, col, len);
}

const void *store_q_blob(struct store_q *q, int col, size_t *len)
{
	return q->ops->col_blob(q, col, len);
}

bool store_q_is_null(struct store_q *q, int col)
{
	return q->ops->col_is_null(q, col);
}

void store_q_close(struct store_q *q)
{
	if (q)
		q->ops->q_close(q);
}

int64_t store_changes(struct store_conn *c)
{
	return c->ops->changes(c);
}

enum ent_err store_tx_begin(struct store_conn *c)
{
	return c->ops->tx_begin(c);
}

enum ent_err store_tx_commit(struct store_conn *c)
{
	return c->ops->tx_commit(c);
}

enum ent_err store_read_begin(struct store_conn *c)
{
	return c->ops->read_begin ? c->ops->read_begin(c) : ENT_OK;
}

void store_read_end(struct store_conn *c)
{
	if (c->ops->read_end)
		c->ops->read_end(c);
}

void store_tx_rollback(struct store_conn *c)
{
	c->ops->tx_rollback(c);
}

enum ent_err store_erase_freed(struct store_conn *c)
{
	return c->ops->erase_freed(c);
}

enum ent_err store_backup(struct store *s, const char *path)
{
	return s->ops->backup(s, path);
}

enum ent_err store_watch(struct store *s, void (*fn)(int64_t thread, void *arg), void *arg)
{
	return s->ops->watch ? s->ops->watch(s, fn, arg) : ENT_OK;
}

bool store_shared(const struct store *s)
{
	return s->ops->shared;
}

enum ent_err store_schema_version(struct store *s, int *version)
{
	return s->ops->schema_version(s, version);
}
