/*
 * store_copy.h - moving an instance from SQLite to PostgreSQL (`entraide admin migrate-db`).
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

/* "name" with inner quotes doubled, into out (cap bytes); ENT_EINVAL when it does not fit. */
enum ent_err copy_quote(const char *name, char *out, size_t cap);

#endif
