/*
 * store.h - the database, behind an interface that does not name its engine.
 *
 * SQL only ever runs as named, pre-declared statements (struct store_stmt, declared `static
 * const` next to the code that uses them, SQL as a string literal): values are bound by
 * position, never pasted into SQL text. Each thread gets its own connection, opened lazily
 * the first time it asks (store_conn_get), and each connection prepares a statement once, the
 * first time it is used, then reuses it.
 *
 *     static const struct store_stmt Q_BY_HANDLE = {"account.by_handle",
 *         "SELECT id, locale FROM accounts WHERE handle_key = ?1"};
 *     struct store_q *q;
 *     err = store_q_open(conn, &Q_BY_HANDLE, &q); if (err) goto out;
 *     store_q_bind_text(q, 1, key, len);
 *     err = store_q_step(q, &row);  ...  store_q_col_int(q, 0) ...
 *     store_q_close(q);
 *
 * Two back ends implement these functions (store.c picks one in store_open and hands each
 * call to it): SQLite (store_sqlite.c, the default: a file) and PostgreSQL (store_pg.c, over
 * libpq: statements prepared with PQprepare under their name, ?N rewritten to $N once at
 * preparation), which is why nothing here exposes an engine's types. The SQL of a statement
 * runs on both, so it keeps to what both engines accept (RETURNING, ON CONFLICT, CASE, times
 * bound from C); engine-only syntax stays in the back ends and the migrations.
 * Not responsible for: what the tables mean (store_account.c and the other store_*.c files).
 */
#ifndef ENT_STORE_H
#define ENT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"

struct store;      /* one open database, shared by every thread */
struct store_conn; /* a connection, owned by one thread */
struct store_q;    /* a prepared statement of a connection, between open and close */

struct store_stmt {
	const char *name; /* "module.what", for logs */
	const char *sql;  /* a literal; parameters ?1, ?2, ... */
};

/* Opens the database and applies pending migrations. path is a PostgreSQL connection URI
 * (postgresql://... or postgres://...: an existing database) or else an SQLite file, created
 * if needed. */
enum ent_err store_open(struct store **out, const char *path);
/* Closes every connection (checkpointing the WAL) and frees the store. Call once no thread
 * uses it any more. NULL is a no-op. */
void store_close(struct store *s);

/* The calling thread's connection, opened on first use. Borrowed: valid until store_close. */
enum ent_err store_conn_get(struct store *s, struct store_conn **out);

enum ent_err store_q_open(struct store_conn *c, const struct store_stmt *stmt, struct store_q **out);
enum ent_err store_q_bind_text(struct store_q *q, int idx, const char *s, size_t len);
enum ent_err store_q_bind_blob(struct store_q *q, int idx, const void *p, size_t len);
enum ent_err store_q_bind_int(struct store_q *q, int idx, int64_t v);
enum ent_err store_q_bind_null(struct store_q *q, int idx);
/* Runs one step: *row is true when a row is available. Unique-constraint violations return
 * ENT_EEXIST, other constraint failures ENT_ECONFLICT, the rest ENT_EDB. */
enum ent_err store_q_step(struct store_q *q, bool *row);
/* Runs the statement to the end, ignoring rows. */
enum ent_err store_q_exec(struct store_q *q);
int64_t store_q_int(struct store_q *q, int col);
/* Borrowed until the next step or close; "" for NULL. */
const char *store_q_text(struct store_q *q, int col, size_t *len);
const void *store_q_blob(struct store_q *q, int col, size_t *len);
bool store_q_is_null(struct store_q *q, int col);
/* Resets the statement for its next use. NULL is a no-op. */
void store_q_close(struct store_q *q);

/* Rows changed by the last statement of this connection. */
int64_t store_changes(struct store_conn *c);

/* Helpers on top of the functions above, for any back end (store_util.c). */

/* Opens stmt, binds key as ?1 (NULL binds NULL) and steps to its first row, left open for the
 * caller to read and close; ENT_ENOTFOUND (closed) when there is none. */
enum ent_err store_q_first_text(struct store_conn *c, const struct store_stmt *stmt,
				const char *key, struct store_q **q);
/* Runs a bound UPDATE or DELETE to the end and closes it; ENT_ENOTFOUND when it changed no
 * row. */
enum ent_err store_q_exec_changed(struct store_conn *c, struct store_q *q);
/* Steps q (opened and bound) through its rows, calling row(q, arg) on each, until the last
 * one or the first error, which it returns; then closes q. */
typedef enum ent_err (*store_row_fn)(struct store_q *q, void *arg);
enum ent_err store_q_each(struct store_q *q, store_row_fn row, void *arg);
/* Runs stmt with ?1 = v to the end in a transaction of its own; adds the rows it changed to
 * *changed (NULL: not counted). */
enum ent_err store_tx_exec_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			       int64_t *changed);
/* Binds a boolean: a portable true/false (SQLite stores 1/0). */
enum ent_err store_q_bind_bool(struct store_q *q, int idx, bool v);
/* Binds a NUL-terminated text, or NULL when s is NULL. */
enum ent_err store_q_bind_cstr(struct store_q *q, int idx, const char *s);
/* Copies column col as text into dst (cap bytes, cut to fit, always terminated; "" for NULL). */
void store_q_text_copy(struct store_q *q, int col, char *dst, size_t cap);
/* Opens stmt and binds v as ?1; nothing is left open on error. */
enum ent_err store_q_open_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			      struct store_q **q);
/* The one-row reader: steps an opened, bound statement to its first row and leaves it there
 * for the caller to read its columns and close; on ENT_ENOTFOUND (no row) or any error q is
 * closed already. Pattern:
 *	if (!(err = store_q_row(q))) { read columns; store_q_close(q); } return err; */
enum ent_err store_q_row(struct store_q *q);
/* store_q_row, then column 0 as an integer into *v, and closes q: the id an INSERT ...
 * RETURNING gives, one count, one value. ENT_ENOTFOUND (q closed) when there is no row. */
enum ent_err store_q_row_int(struct store_q *q, int64_t *v);
/* A column read as a boolean, whichever way the engine gives it: 1/0 on SQLite, true/false on
 * PostgreSQL (the value of `x IS NULL`, EXISTS (...), a flag column); false for NULL. */
bool store_q_bool(struct store_q *q, int col);
/* store_q_open_int then store_q_row: the row of stmt whose ?1 is v, left open. */
enum ent_err store_q_first_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			       struct store_q **q);
/* Runs an opened, bound statement to the end (rows ignored) and closes it. */
enum ent_err store_q_run(struct store_q *q);
/* Opens stmt, binds text as ?1, runs it and closes it. */
enum ent_err store_exec_text(struct store_conn *c, const struct store_stmt *stmt, const char *text);
/* Opens stmt, binds v[0..n) as ?1..?n, runs it and closes it. */
enum ent_err store_exec_ints(struct store_conn *c, const struct store_stmt *stmt, int n,
			     const int64_t *v);

/* Transactions (BEGIN IMMEDIATE on SQLite): commit or roll back, never leave one open. */
enum ent_err store_tx_begin(struct store_conn *c);
enum ent_err store_tx_commit(struct store_conn *c);
void store_tx_rollback(struct store_conn *c);

/* A read transaction, for a page read by many statements: they see one snapshot and take the
 * database's read lock once. On SQLite a statement outside a transaction locks and unlocks
 * the file itself (fcntl and fstat calls: about a fifth of a notifications page's CPU time,
 * issue 13); this is a deferred BEGIN, which writes nothing. It nests (an inner begin and
 * end keep the outer snapshot). No statement inside may write or begin a transaction: the
 * SQLite store refuses both with ENT_EINTERNAL. PostgreSQL: nothing (each statement has its own snapshot, as
 * without), so that a page read holds no snapshot back (store_pg_erase.c). store_read_end
 * ends it, on every path (it ends nothing when begin failed). */
enum ent_err store_read_begin(struct store_conn *c);
void store_read_end(struct store_conn *c);

/* Real deletion (R6), the engine's part once the rows are deleted (outside a transaction):
 * SQLite: every connection has secure_delete on, so what a deletion frees is overwritten with
 * zeros; this then checkpoints the write-ahead log and truncates it to zero bytes, so no frame
 * written before the deletion stays on disk. Waits for readers (up to the busy timeout).
 * PostgreSQL (store_pg_erase.c): a deleted row stays in its table's pages until the table is
 * rewritten; this rewrites each table of the schema up to a size (VACUUM (FULL), a short
 * exclusive lock) and vacuums the larger ones (docs/operations.md, "Real deletion").
 * ENT_ECONFLICT when a reader or a lock kept it from finishing: call again later. */
enum ent_err store_erase_freed(struct store_conn *c);

/* Copies the database to path with the online backup API (works while others write). */
enum ent_err store_backup(struct store *s, const char *path);

/* Calls fn(thread, arg), from a thread of the store's own until store_close, each time
 * community posts or threads change through any connection of any node (PostgreSQL:
 * LISTEN/NOTIFY, migration 0106; thread: the thread whose page changed, 0 when any page may
 * have), so that every node drops its cached pages. SQLite: nothing to watch (one process
 * writes the file), ENT_OK. Once per store. */
enum ent_err store_watch(struct store *s, void (*fn)(int64_t thread, void *arg), void *arg);

/* True when several processes may use the database at once (PostgreSQL: the nodes of one
 * instance), so that what one process would keep in memory for everyone (rate limits:
 * store_limit.h) must live in the database; false for SQLite (one serving process). */
bool store_shared(const struct store *s);

/* Seconds spent inside the database by every connection since start (for /metrics). */
double store_db_seconds(void);

/* Migrations: embedded at build time from src/store/migrations/NNNN_name.sql (mk/store.mk),
 * with NNNN_name.pg.sql beside it where PostgreSQL needs other SQL (pg_sql; NULL when the
 * one file serves both engines).
 * Ranges: 0001-0099 foundation, 0100-0199 communities, 0200-0299 desk, 0300-0399
 * professionals, 0400-0499 media. Applied in number order, each in its own transaction,
 * recorded in schema_migrations(version, name, applied_at). */
struct store_migration {
	int version;
	const char *name;
	const char *sql;
	const char *pg_sql;
};
extern const struct store_migration store_migrations[];
extern const size_t store_n_migrations;

/* The highest migration version applied to the database (0 if none). */
enum ent_err store_schema_version(struct store *s, int *version);

#endif
