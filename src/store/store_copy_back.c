/*
 * store_copy_back.c - `entraide backup` on PostgreSQL: the database copied into a new SQLite
 * file, the one format of a backup whatever the engine (store_copy.h says what is checked).
 * The order comes from PostgreSQL's catalog (copy_dst_tables, copy_order); the rows are read
 * in one snapshot (copy_pg_*) and written in one SQLite transaction (copy_sqlite_*).
 * Not responsible for: the backup's expiry (api_backup.c), either engine's SQL (the engine
 * files store_pg_copy.c and store_sqlite_copy.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_copy.h"

struct back {
	struct copy_pg *pg;
	struct copy_src *dst;
	struct copy_tab *tabs;
	size_t n_tabs;
	struct store_copy_report *r;
	char *why;
	size_t cap;
	const struct copy_tab *t; /* the table being checked or copied */
	int64_t total, done;
};

#define fail(b, err, ...) copy_fail((b)->why, (b)->cap, (err), __VA_ARGS__)

static const struct copy_tab *tab_of(const struct back *b, const char *name)
{
	for (size_t i = 0; i < b->n_tabs; i++)
		if (!strcmp(b->tabs[i].name, name))
			return &b->tabs[i];
	return NULL;
}

static struct store_copy_table *report_add(struct back *b, const char *name)
{
	if (b->r->n >= STORE_COPY_TABLES_MAX)
		return NULL;
	struct store_copy_table *rt = &b->r->t[b->r->n++];
	memset(rt, 0, sizeof *rt);
	snprintf(rt->name, sizeof rt->name, "%s", name);
	return rt;
}

/* A table of the SQLite file: skipped for a reason (FTS5's own), else one of PostgreSQL's
 * with the same columns. */
static enum ent_err check_column(const char *col, void *arg)
{
	struct back *b = arg;
	if (copy_col_of(b->t, col))
		return ENT_OK;
	return fail(b, ENT_ECONFLICT, "column %s.%s of SQLite has no counterpart in PostgreSQL",
		    b->t->name, col);
}

static enum ent_err check_table(const char *name, void *arg)
{
	struct back *b = arg;
	const char *why = copy_skip_reason(name);
	if (!why && !strncmp(name, "sqlite_", 7))
		why = "SQLite's own";
	if (why) {
		struct store_copy_table *rt = report_add(b, name);
		if (!rt)
			return ENT_EINTERNAL;
		rt->why = why;
		return ENT_OK;
	}
	if (!(b->t = tab_of(b, name)))
		return fail(b, ENT_ECONFLICT, "table %s of SQLite has no counterpart in PostgreSQL",
			    name);
	return copy_src_columns(b->dst, name, check_column, b);
}

/* Both schemas at the same migration, with the same tables and columns. */
static enum ent_err check_schemas(struct back *b)
{
	int want = store_n_migrations ? store_migrations[store_n_migrations - 1].version : 0;
	int pg = 0;
	enum ent_err err = copy_pg_version(b->pg, &pg);
	if (err)
		return fail(b, err, "cannot read the PostgreSQL database's schema version");
	b->r->version = pg;
	if (pg != want || copy_src_version(b->dst) != want)
		return fail(b, ENT_ECONFLICT, "the PostgreSQL database's schema is at migration %d, "
			    "this entraide's %d: back it up with the entraide its nodes run", pg,
			    want);
	if ((err = copy_src_tables(b->dst, check_table, b)))
		return err;
	for (size_t i = 0; i < b->n_tabs; i++) {
		const struct copy_tab *t = &b->tabs[i];
		if (!strcmp(t->name, "schema_migrations"))
			continue;
		for (size_t j = 0; j < t->n_cols; j++) {
			bool has = false;
			if (t->cols[j].generated)
				continue;
			if ((err = copy_src_has_column(b->dst, t->name, t->cols[j].name, &has)))
				return fail(b, err, "cannot read the columns of %s in SQLite", t->name);
			if (!has)
				return fail(b, ENT_ECONFLICT, "column %s.%s of PostgreSQL is not in "
					    "SQLite", t->name, t->cols[j].name);
		}
	}
	return ENT_OK;
}

static enum ent_err put_row(const struct copy_val *vals, void *arg)
{
	struct back *b = arg;
	if (b->done >= b->total)
		return fail(b, ENT_EDB, "%s has more rows than counted", b->t->name);
	b->done++;
	enum ent_err err = copy_sqlite_insert(b->dst, vals);
	if (err)
		return fail(b, err, "SQLite refused a row of %s", b->t->name);
	return ENT_OK;
}

/* Copies table t (the rows its migrations wrote in SQLite replaced), counts checked. */
static enum ent_err copy_table(struct back *b, const struct copy_tab *t, const char **cols,
			       const char **types)
{
	size_t n = 0;
	int64_t had = 0, got = -1;
	b->t = t;
	for (size_t i = 0; i < t->n_cols; i++)
		if (!t->cols[i].generated)
			cols[n] = t->cols[i].name, types[n++] = t->cols[i].type;
	enum ent_err err = copy_src_count(b->dst, t->name, &had);
	if (!err && had)
		err = copy_sqlite_clear(b->dst, t->name);
	if (err)
		return fail(b, err, "cannot replace the default rows of %s in SQLite", t->name);
	if ((err = copy_pg_count(b->pg, t->name, &b->total)))
		return fail(b, err, "cannot count the rows of %s in PostgreSQL", t->name);
	b->done = 0;
	if ((err = copy_sqlite_insert_begin(b->dst, t->name, cols, n)))
		return fail(b, err, "cannot write %s in SQLite", t->name);
	if (b->total)
		err = copy_pg_rows(b->pg, t->name, cols, types, n, put_row, b);
	copy_sqlite_insert_end(b->dst);
	if (err && !b->why[0])
		fail(b, err, "cannot read the rows of %s in PostgreSQL", t->name);
	if (err)
		return err;
	if (!(err = copy_src_count(b->dst, t->name, &got)) && got != b->total)
		err = ENT_EDB;
	if (err || b->done != b->total)
		return fail(b, err ? err : ENT_EDB, "count mismatch on %s: %lld in PostgreSQL, %lld "
			    "in SQLite", t->name, (long long)b->total, (long long)got);
	struct store_copy_table *rt = report_add(b, t->name);
	if (!rt)
		return ENT_EINTERNAL;
	rt->rows = b->total;
	b->r->rows += b->total;
	return ENT_OK;
}

static enum ent_err copy_all(struct back *b)
{
	size_t max_cols = 1;
	for (size_t i = 0; i < b->n_tabs; i++)
		if (b->tabs[i].n_cols > max_cols)
			max_cols = b->tabs[i].n_cols;
	const char **cols = calloc(max_cols, sizeof *cols), **types = calloc(max_cols, sizeof *types);
	size_t *order = calloc(b->n_tabs + 1, sizeof *order);
	enum ent_err err = cols && types && order ? ENT_OK : ENT_ENOMEM;
	if (!err)
		err = copy_order(b->tabs, b->n_tabs, order, b->why, b->cap);
	for (size_t i = 0; !err && i < b->n_tabs; i++) {
		const struct copy_tab *t = &b->tabs[order[i]];
		if (strcmp(t->name, "schema_migrations"))
			err = copy_table(b, t, cols, types);
	}
	free(order);
	free(types);
	free(cols);
	return err;
}

static void remove_db(const char *path)
{
	static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
	char p[4096];
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		if (snprintf(p, sizeof p, "%s%s", path, sides[i]) < (int)sizeof p)
			(void)unlink(p);
}

enum ent_err store_copy_pg_to_sqlite(const char *pg_url, const char *sqlite_path,
				     struct store_copy_report *r, char *why, size_t cap)
{
	memset(r, 0, sizeof *r);
	snprintf(why, cap, "%s", "");
	struct back b = {.r = r, .why = why, .cap = cap};
	struct store *cat = NULL;
	struct store_conn *c;
	enum ent_err err = store_open(&cat, pg_url);
	if (!err && !(err = store_conn_get(cat, &c)))
		err = copy_dst_tables(c, &b.tabs, &b.n_tabs);
	store_close(cat);
	if (err) {
		copy_tabs_free(b.tabs, b.n_tabs);
		return fail(&b, err, "cannot read the PostgreSQL catalog");
	}
	if (!(err = copy_pg_open(pg_url, &b.pg, why, cap)) &&
	    !(err = copy_sqlite_create(sqlite_path, &b.dst, why, cap))) {
		err = check_schemas(&b);
		if (!err)
			err = copy_all(&b);
		enum ent_err err2 = copy_sqlite_finish(b.dst, !err);
		if (err2 && !err)
			err = fail(&b, err2, "cannot commit the SQLite file");
	}
	copy_pg_close(b.pg);
	copy_tabs_free(b.tabs, b.n_tabs);
	if (err) {
		remove_db(sqlite_path);
		if (!why[0])
			snprintf(why, cap, "%s", ent_strerror(err));
	}
	return err;
}
