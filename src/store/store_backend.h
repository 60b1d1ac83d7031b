/*
 * store_backend.h - what a database back end gives store.c (private to src/store/).
 *
 * store.c holds the public functions of store.h and hands each call to the back end that
 * made the object: every struct store, store_conn and store_q begins with a pointer to its
 * back end's table of operations (the back end's own struct embeds the one below as its first
 * member). store.c also keeps each store's connections (one per thread) and each
 * connection's statements (made once, found again by their struct store_stmt), so a back end
 * only makes and frees them.
 * Back ends: store_sqlite.c (a file path, the default) and store_pg.c (postgresql://...).
 * Not responsible for: SQL (the domain stores), migrations' contents (src/store/migrations/).
 */
#ifndef ENT_STORE_BACKEND_H
#define ENT_STORE_BACKEND_H

#include <pthread.h>

#include "store/store.h"

struct store_ops;

struct store {
	const struct store_ops *ops;
	uint64_t id;              /* keys the per-thread connection slots (store.c) */
	pthread_mutex_t lock;     /* guards conns */
	struct store_conn *conns; /* every connection of the store, closed with it */
};
struct store_conn {
	const struct store_ops *ops;
	struct store_conn *next;
	struct store_q **qs; /* the statements made on this connection */
	size_t n_qs, cap_qs;
};
struct store_q {
	const struct store_ops *ops;
	const struct store_stmt *def;
};

/* The statements of full-text search that differ between engines, with the same names,
 * parameters and columns on each (store_search.c binds and runs them; store_search.h). */
struct store_search_sql {
	const struct store_stmt *rewrite; /* NULL: the engine has nothing to rewrite */
	const struct store_stmt *window, *ranked, *recent, *articles, *related;
};
extern const struct store_search_sql store_sqlite_search; /* store_sqlite_search.c */
extern const struct store_search_sql store_pg_search;     /* store_pg_search.c */

struct store_ops {
	const char *name; /* "sqlite", "postgresql" */
	bool shared;      /* several processes may use one database (store_shared) */
	const struct store_search_sql *search;
	enum ent_err (*open)(struct store **out, const char *path);
	void (*close)(struct store *s);
	enum ent_err (*conn_open)(struct store *s, struct store_conn **out);
	/* Frees a connection and its statements; last: the store's last one. */
	void (*conn_free)(struct store_conn *c, bool last);
	/* Makes the statement stmt on c (store.c keeps it in c->qs, then finds it there). */
	enum ent_err (*q_new)(struct store_conn *c, const struct store_stmt *stmt,
			      struct store_q **out);
	enum ent_err (*bind_text)(struct store_q *q, int idx, const char *s, size_t len);
	enum ent_err (*bind_blob)(struct store_q *q, int idx, const void *p, size_t len);
	enum ent_err (*bind_int)(struct store_q *q, int idx, int64_t v);
	enum ent_err (*bind_null)(struct store_q *q, int idx);
	/* NULL: bound as the integer 1 or 0 (SQLite). */
	enum ent_err (*bind_bool)(struct store_q *q, int idx, bool v);
	enum ent_err (*step)(struct store_q *q, bool *row);
	int64_t (*col_int)(struct store_q *q, int col);
	const char *(*col_text)(struct store_q *q, int col, size_t *len);
	const void *(*col_blob)(struct store_q *q, int col, size_t *len);
	bool (*col_is_null)(struct store_q *q, int col);
	void (*q_close)(struct store_q *q);
	int64_t (*changes)(struct store_conn *c);
	enum ent_err (*tx_begin)(struct store_conn *c);
	enum ent_err (*tx_commit)(struct store_conn *c);
	void (*tx_rollback)(struct store_conn *c);
	/* store_read_begin and store_read_end; NULL: nothing to do */
	enum ent_err (*read_begin)(struct store_conn *c);
	void (*read_end)(struct store_conn *c);
	enum ent_err (*erase_freed)(struct store_conn *c); /* store_erase_freed */
	enum ent_err (*backup)(struct store *s, const char *path);
	enum ent_err (*schema_version)(struct store *s, int *version);
	/* NULL: nothing to watch (one process writes the database) */
	enum ent_err (*watch)(struct store *s, void (*fn)(int64_t thread, void *arg), void *arg);
};

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* Gives s its back end, a process-unique id and an empty list of connections; a back end's
 * open calls it first. */
void store_base_init(struct store *s, const struct store_ops *ops);
/* Frees every connection of s (ops->conn_free) and what store_base_init made; the back end
 * then frees the rest of s. */
void store_base_close(struct store *s);
/* Adds ns to the time spent inside the database (store_db_seconds). */
void store_time_add(uint64_t ns);

/* True when path names a PostgreSQL database (postgresql:// or postgres://). */
bool store_path_is_pg(const char *path);

/* PostgreSQL's text of a statement's SQL: ?N (and a bare ?) become $N outside quotes and
 * comments; *n_params is the highest N. malloc'd; NULL when out of memory (store_pg.c). */
char *store_pg_sql(const char *sql, int *n_params);

#endif
