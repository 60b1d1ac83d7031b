/*
 * store_copy.h - copying an instance between the engines: SQLite to PostgreSQL (`entraide
 * admin migrate-db`, and `entraide backup restore` on PostgreSQL, which replaces the rows),
 * PostgreSQL to SQLite (`entraide backup` on PostgreSQL: a backup is an SQLite file).
 *
 * store_copy_sqlite_to_pg opens the SQLite file read-only (one read transaction: a consistent
 * snapshot even while a server still runs on it), applies the PostgreSQL migrations to the
 * target, refuses a target that holds any row already, then copies every table in the order of
 * its foreign keys (a referenced table before the tables that reference it; rows in id order)
 * inside one transaction of the target (the rows a migration writes itself, such as default
 * settings, are replaced by the source's), in batches of prepared multi-row INSERTs whose values
 * are bound by their type (integers, text, BLOBs as bytea, NULLs). Column lists come from the
 * target's catalog and are checked against the source's. It then sets each identity sequence
 * past the highest id copied, counts each table on both sides (a difference aborts the copy:
 * nothing is committed) and commits. The search tables (posts_fts, articles_fts) are copied as
 * their (rowid, terms): PostgreSQL computes their tsvector column from the terms. The
 * target's own triggers (counters kept up to date on each insert) are switched off during the
 * copy, whose rows carry those counters already, and on again after it, whatever happens.
 * Last, ANALYZE gives the planner the statistics of the filled tables.
 * Tables left out, each for its reason (store_copy_skipped): SQLite's own (sqlite_sequence,
 * sqlite_stat*), FTS5's shadow tables (its index, rebuilt by PostgreSQL from the terms) and
 * schema_migrations (the target's own, written by its migrations; the versions must match).
 * Not responsible for: media and keys (they stay in the data directory, used as they are with
 * --database), making the target database (the operator's createdb).
 */
#ifndef ENT_STORE_COPY_H
#define ENT_STORE_COPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"

#define STORE_COPY_TABLES_MAX 160
#define STORE_COPY_NAME_MAX 64

struct store_copy_table {
	char name[STORE_COPY_NAME_MAX];
	int64_t rows;    /* copied (and counted equal on both sides); source rows when skipped */
	const char *why; /* NULL: copied; else why it was left out (a static string) */
};

struct store_copy_report {
	int version; /* the schema version of both sides */
	size_t n;    /* tables: the skipped ones, then the copied ones in the order of the copy */
	struct store_copy_table t[STORE_COPY_TABLES_MAX];
	int64_t rows;  /* copied in all */
	bool analyzed; /* ANALYZE ran on the target after the copy */
};

/* Copies the SQLite database at sqlite_path into the PostgreSQL database pg_url (see above).
 * Errors: ENT_ENOTFOUND no such SQLite file, ENT_ECONFLICT the target holds rows already or
 * the two schemas differ (versions, tables, columns), ENT_EDB a count differs after copying or
 * the target refused a row; why (cap bytes) then says what, for the operator (names of tables
 * and columns, never values). The target is left as it was (its migrations aside) on error. */
enum ent_err store_copy_sqlite_to_pg(const char *sqlite_path, const char *pg_url,
				     struct store_copy_report *r, char *why, size_t cap);

/* The same copy into a PostgreSQL database that holds an instance already (`entraide backup
 * restore`, every node stopped): inside the one transaction, every row of every table is
 * deleted first (the tables that reference others before those they reference), then the
 * SQLite file's rows are copied as above. Nothing is committed on error: the database keeps
 * its rows. */
enum ent_err store_copy_sqlite_replace_pg(const char *sqlite_path, const char *pg_url,
					  struct store_copy_report *r, char *why, size_t cap);

/* `entraide backup` on PostgreSQL (store_copy_back.c): the database at pg_url copied into a
 * new SQLite file at sqlite_path (made mode 0600, replacing any file there; the SQLite
 * migrations make its schema). PostgreSQL is read inside one REPEATABLE READ READ ONLY
 * transaction of a connection of its own (a snapshot: nodes keep serving, no lock taken but
 * the tables' share locks of a read), each table through a cursor (bounded memory), in the
 * order of its foreign keys. The file is written in one SQLite transaction: its triggers
 * (counters kept on insert) dropped during the copy and made again after it from their SQL,
 * the rows its migrations wrote (default settings) replaced by PostgreSQL's, the search
 * tables written as (rowid, terms) so that FTS5 builds its own index; values by their
 * PostgreSQL type (integers, booleans as 1/0, bytea as BLOBs unless the SQLite column is
 * declared TEXT, text), counts checked on both sides. Both schemas must be at the same
 * migration. On error the file is removed; why says what (names, never values). */
enum ent_err store_copy_pg_to_sqlite(const char *pg_url, const char *sqlite_path,
				     struct store_copy_report *r, char *why, size_t cap);

/* --- private to src/store/ (store_copy.c and the two engines' parts) ------------------------ */

/* A value read from SQLite, borrowed until the next row. */
enum copy_type { COPY_NULL, COPY_INT, COPY_REAL, COPY_TEXT, COPY_BLOB };
struct copy_val {
	enum copy_type type;
	int64_t i;
	double d;
	const void *p; /* text or blob bytes */
	size_t len;
};

/* The SQLite side (store_sqlite_copy.c). */
struct copy_src;
enum ent_err copy_src_open(const char *path, struct copy_src **out, char *why, size_t cap);
void copy_src_close(struct copy_src *s);
int copy_src_version(const struct copy_src *s);
/* Calls fn(name, arg) for each table of the source, by name; stops at fn's first error. */
enum ent_err copy_src_tables(struct copy_src *s, enum ent_err (*fn)(const char *name, void *arg),
			     void *arg);
/* Whether table has column col (rowid counts for every table that has one). */
enum ent_err copy_src_has_column(struct copy_src *s, const char *table, const char *col,
				 bool *has);
/* The names of table's columns, as fn(col, arg) calls in order. */
enum ent_err copy_src_columns(struct copy_src *s, const char *table,
			      enum ent_err (*fn)(const char *col, void *arg), void *arg);
enum ent_err copy_src_count(struct copy_src *s, const char *table, int64_t *n);
/* Reads cols[0..n) of every row of table, in rowid (else primary key) order, calling
 * row(vals, arg) with n values each time. */
enum ent_err copy_src_rows(struct copy_src *s, const char *table, const char *const *cols,
			   size_t n, enum ent_err (*row)(const struct copy_val *vals, void *arg),
			   void *arg);

/* The PostgreSQL catalog (store_pg_copy.c), on a connection of the target. */
struct store_conn;
struct copy_col {
	char name[STORE_COPY_NAME_MAX];
	char type[32]; /* format_type: bigint, text, bytea, ... */
	bool identity, generated;
};
struct copy_tab {
	char name[STORE_COPY_NAME_MAX];
	struct copy_col *cols; /* malloc'd */
	size_t n_cols;
	char refs[16][STORE_COPY_NAME_MAX]; /* the tables its foreign keys reference (not itself) */
	size_t n_refs;
	bool done;
	bool clear; /* holds the rows its migrations wrote: replaced by the source's */
};
/* The tables of the target's schema with their columns and foreign keys; *tabs malloc'd, each
 * with its cols (copy_tabs_free). */
enum ent_err copy_dst_tables(struct store_conn *c, struct copy_tab **tabs, size_t *n);
void copy_tabs_free(struct copy_tab *tabs, size_t n);
/* Sets the identity sequence of table.col so that the next id is max + 1 (1 when max is 0). */
enum ent_err copy_dst_setval(struct store_conn *c, const char *qtable, const char *col,
			     int64_t max);

/* Switches off (enable false) or on again the triggers of the target's tables that have some
 * of their own (the counters PostgreSQL keeps for SQLite's triggers: copied as they are, not
 * counted twice), on a connection of its own to url, each ALTER TABLE committed at once. */
enum ent_err copy_dst_triggers(struct store_conn *c, const char *url, bool enable, char *why,
			       size_t cap);

/* Runs ANALYZE on the target (its own connection): the planner's statistics of the tables just
 * filled, which autovacuum would gather only later. False when it failed. */
bool copy_dst_analyze(const char *url);

/* Why table is not copied (a static string), NULL when it is. */
const char *copy_skip_reason(const char *name);

/* The order of a copy: order[0..n) indexes of tabs, each table after those its foreign keys
 * reference. ENT_ECONFLICT (why says which table) for a cycle. */
enum ent_err copy_order(const struct copy_tab *tabs, size_t n, size_t *order, char *why,
			size_t cap);

/* The SQLite side as a target (store_sqlite_copy.c, struct copy_src opened for writing): the
 * file made (0600) and migrated, one write transaction open, its triggers dropped. */
enum ent_err copy_sqlite_create(const char *path, struct copy_src **out, char *why, size_t cap);
/* Deletes table's rows (those its migrations wrote). */
enum ent_err copy_sqlite_clear(struct copy_src *s, const char *table);
/* Starts the rows of table: cols[0..n) (borrowed until copy_sqlite_insert_end). */
enum ent_err copy_sqlite_insert_begin(struct copy_src *s, const char *table,
				      const char *const *cols, size_t n);
enum ent_err copy_sqlite_insert(struct copy_src *s, const struct copy_val *vals);
void copy_sqlite_insert_end(struct copy_src *s);
/* commit: triggers made again and the transaction committed; else rolled back. Then closes. */
enum ent_err copy_sqlite_finish(struct copy_src *s, bool commit);

/* The PostgreSQL side as a source (store_pg_copy.c): a connection of its own to url inside
 * one REPEATABLE READ READ ONLY transaction. */
struct copy_pg;
enum ent_err copy_pg_open(const char *url, struct copy_pg **out, char *why, size_t cap);
void copy_pg_close(struct copy_pg *p);
enum ent_err copy_pg_version(struct copy_pg *p, int *version);
enum ent_err copy_pg_count(struct copy_pg *p, const char *table, int64_t *n);
/* Reads cols[0..n) (their types from the catalog: types[i]) of every row of table through a
 * cursor, calling row(vals, arg) with n values each time (borrowed until the next row). */
enum ent_err copy_pg_rows(struct copy_pg *p, const char *table, const char *const *cols,
			  const char *const *types, size_t n,
			  enum ent_err (*row)(const struct copy_val *vals, void *arg), void *arg);

/* "name" with inner quotes doubled, into out (cap bytes); ENT_EINVAL when it does not fit. */
enum ent_err copy_quote(const char *name, char *out, size_t cap);

/* Writes the operator's reason for a failed copy into why (cap bytes) and returns err. */
__attribute__((format(printf, 4, 5))) enum ent_err copy_fail(char *why, size_t cap,
							     enum ent_err err, const char *fmt, ...);

/* Column name of t, or NULL. */
const struct copy_col *copy_col_of(const struct copy_tab *t, const char *name);

#endif
