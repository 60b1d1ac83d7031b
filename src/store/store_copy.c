/*
 * store_copy.c - `entraide admin migrate-db`: an SQLite instance copied into an empty
 * PostgreSQL database (store_copy.h says what is checked and what is left out).
 * The SQL of the copy is made here from the names in the target's catalog, each quoted as an
 * identifier (copy_quote): a count, a max and a multi-row INSERT per table; every value goes
 * as a bound parameter of a prepared statement. Such statements live until the target is
 * closed (store.c finds a connection's statements by their struct store_stmt).
 * Not responsible for: either engine's catalog (store_sqlite_copy.c, store_pg_copy.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_copy.h"

/* Rows per INSERT: fewer when a table has many columns (PostgreSQL takes 65,535 parameters). */
#define BATCH_ROWS 200
#define BATCH_PARAMS 4000

/* What is not copied, and why. */
static const struct {
	const char *name, *why;
} skipped[] = {
	{"schema_migrations", "the target's own, written by its migrations (same version, checked)"},
	{"sqlite_sequence", "SQLite's AUTOINCREMENT counters: the identity sequences are set to "
			    "max(id) instead"},
	{"sqlite_stat1", "SQLite's planner statistics (ANALYZE): PostgreSQL keeps its own"},
	{"sqlite_stat4", "SQLite's planner statistics (ANALYZE): PostgreSQL keeps its own"},
	{"posts_fts_data", "FTS5's index of posts_fts: PostgreSQL's tsvector is computed from the "
			   "terms copied"},
	{"posts_fts_idx", "FTS5's index of posts_fts (see posts_fts_data)"},
	{"posts_fts_content", "FTS5's copy of posts_fts's terms: read through posts_fts"},
	{"posts_fts_docsize", "FTS5's document sizes for bm25: ts_rank needs none"},
	{"posts_fts_config", "FTS5's settings of posts_fts"},
	{"articles_fts_data", "FTS5's index of articles_fts: PostgreSQL's tsvector is computed from "
			      "the terms copied"},
	{"articles_fts_idx", "FTS5's index of articles_fts (see articles_fts_data)"},
	{"articles_fts_content", "FTS5's copy of articles_fts's terms: read through articles_fts"},
	{"articles_fts_docsize", "FTS5's document sizes for bm25: ts_rank needs none"},
	{"articles_fts_config", "FTS5's settings of articles_fts"},
};

const char *copy_skip_reason(const char *name)
{
	for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
		if (!strcmp(skipped[i].name, name))
			return skipped[i].why;
	return NULL;
}

/* Whether a migration writes rows into table itself (INSERT INTO table, defaults such as
 * security_settings): such rows in the target are the migrations', not an instance's. */
static bool seeded(const char *table)
{
	char pat[STORE_COPY_NAME_MAX + 16];
	int n = snprintf(pat, sizeof pat, "INSERT INTO %s", table);
	for (size_t i = 0; i < store_n_migrations; i++) {
		const char *sql = store_migrations[i].pg_sql ? store_migrations[i].pg_sql
							     : store_migrations[i].sql;
		for (const char *p = strstr(sql, pat); p; p = strstr(p + 1, pat))
			if (p[n] == ' ' || p[n] == '(' || p[n] == '\n')
				return true;
	}
	return false;
}

enum ent_err copy_quote(const char *name, char *out, size_t cap)
{
	size_t o = 0;
	if (cap < 3)
		return ENT_EINVAL;
	out[o++] = '"';
	for (const char *p = name; *p; p++) {
		if (o + (*p == '"' ? 2 : 1) + 2 > cap)
			return ENT_EINVAL;
		if (*p == '"')
			out[o++] = '"';
		out[o++] = *p;
	}
	out[o++] = '"';
	out[o] = '\0';
	return ENT_OK;
}

/* The state of one copy. */
struct copy {
	struct copy_src *src;
	struct store *dst;
	struct store_conn *c;
	struct copy_tab *tabs;
	size_t n_tabs;
	struct store_stmt **made; /* dynamic statements, freed after the target is closed */
	size_t n_made, cap_made;
	struct store_copy_report *r;
	char *why;
	size_t cap;
	bool replace; /* the target holds an instance: its rows are deleted first */
	/* the table being copied */
	struct copy_tab *t;
	const char **cols; /* its non-generated columns */
	size_t n_cols;
	const struct store_stmt *full, *tail; /* INSERT of batch rows, of the last tail rows */
	size_t batch, tail_rows;
	int64_t total, done;
	struct store_q *q; /* the INSERT being bound */
	size_t in_q;       /* rows bound into q */
};

static const struct store_stmt *make_stmt(struct copy *k, const char *name, char *sql)
{
	if (!sql)
		return NULL;
	struct store_stmt *s = malloc(sizeof *s);
	if (s && k->n_made == k->cap_made) {
		size_t cap = k->cap_made ? k->cap_made * 2 : 64;
		struct store_stmt **m = realloc(k->made, cap * sizeof *m);
		if (m)
			k->made = m, k->cap_made = cap;
	}
	if (!s || k->n_made == k->cap_made) {
		free(s);
		free(sql);
		return NULL;
	}
	s->name = name;
	s->sql = sql;
	k->made[k->n_made++] = s;
	return s;
}

/* "SELECT <what> FROM "table"" as a statement of the copy. */
static const struct store_stmt *select_stmt(struct copy *k, const char *name, const char *what,
					    const char *table)
{
	char q[STORE_COPY_NAME_MAX * 2 + 3];
	if (copy_quote(table, q, sizeof q))
		return NULL;
	size_t len = strlen(what) + strlen(q) + 16;
	char *sql = malloc(len);
	if (sql)
		snprintf(sql, len, "SELECT %s FROM %s", what, q);
	return make_stmt(k, name, sql);
}

/* INSERT INTO "t" ("a", "b") VALUES (?1, ?2), (?3, ?4)... for rows rows. */
static const struct store_stmt *insert_stmt(struct copy *k, size_t rows)
{
	char q[STORE_COPY_NAME_MAX * 2 + 3];
	size_t cap = 64 + (k->n_cols + 1) * sizeof q + rows * k->n_cols * 10;
	char *sql = malloc(cap);
	if (!sql || copy_quote(k->t->name, q, sizeof q)) {
		free(sql);
		return NULL;
	}
	size_t o = (size_t)snprintf(sql, cap, "INSERT INTO %s (", q);
	for (size_t i = 0; i < k->n_cols; i++) {
		if (copy_quote(k->cols[i], q, sizeof q)) {
			free(sql);
			return NULL;
		}
		o += (size_t)snprintf(sql + o, cap - o, "%s%s", i ? ", " : "", q);
	}
	o += (size_t)snprintf(sql + o, cap - o, ") VALUES ");
	size_t p = 1;
	for (size_t r = 0; r < rows; r++)
		for (size_t i = 0; i < k->n_cols; i++)
			o += (size_t)snprintf(sql + o, cap - o, "%s?%zu%s", i ? "" : r ? ", (" : "(",
					      p++, i + 1 == k->n_cols ? ")" : ", ");
	return make_stmt(k, "copy.insert", sql);
}

enum ent_err copy_fail(char *why, size_t cap, enum ent_err err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, cap, fmt, ap);
	va_end(ap);
	return err;
}
#define fail(k, err, ...) copy_fail((k)->why, (k)->cap, (err), __VA_ARGS__)

const struct copy_col *copy_col_of(const struct copy_tab *t, const char *name)
{
	for (size_t i = 0; i < t->n_cols; i++)
		if (!strcmp(t->cols[i].name, name))
			return &t->cols[i];
	return NULL;
}

/* Binds v as parameter idx, by its type and the target column's. */
static enum ent_err bind_val(struct copy *k, int idx, const struct copy_val *v,
			     const struct copy_col *col)
{
	bool bytea = !strcmp(col->type, "bytea"), text = !strcmp(col->type, "text");
	char num[40];
	switch (v->type) {
	case COPY_NULL:
		return store_q_bind_null(k->q, idx);
	case COPY_INT:
		if (bytea || text)
			break;
		if (!strcmp(col->type, "boolean"))
			return store_q_bind_bool(k->q, idx, v->i != 0);
		return store_q_bind_int(k->q, idx, v->i);
	case COPY_REAL:
		if (bytea || text)
			break;
		snprintf(num, sizeof num, "%.17g", v->d);
		return store_q_bind_text(k->q, idx, num, strlen(num));
	case COPY_TEXT:
		return bytea ? store_q_bind_blob(k->q, idx, v->p, v->len)
			     : store_q_bind_text(k->q, idx, v->p, v->len);
	case COPY_BLOB:
		if (bytea)
			return store_q_bind_blob(k->q, idx, v->p, v->len);
		if (text)
			return store_q_bind_text(k->q, idx, v->p, v->len);
		break;
	}
	return fail(k, ENT_ECONFLICT, "a value of %s.%s does not fit its column's type in "
		    "PostgreSQL", k->t->name, col->name);
}

static enum ent_err copy_row(const struct copy_val *vals, void *arg)
{
	struct copy *k = arg;
	if (k->done >= k->total)
		return fail(k, ENT_EDB, "%s has more rows than counted", k->t->name);
	enum ent_err err;
	if (!k->q) {
		const struct store_stmt *st = k->total - k->done >= (int64_t)k->batch ? k->full
										  : k->tail;
		if ((err = store_q_open(k->c, st, &k->q)))
			return err;
		k->in_q = 0;
	}
	for (size_t i = 0; i < k->n_cols; i++) {
		int idx = (int)(k->in_q * k->n_cols + i + 1);
		if ((err = bind_val(k, idx, &vals[i], copy_col_of(k->t, k->cols[i])))) {
			store_q_close(k->q);
			k->q = NULL;
			return err;
		}
	}
	k->done++;
	k->in_q++;
	bool full = k->in_q == k->batch || k->done == k->total;
	if (full) {
		err = store_q_run(k->q);
		k->q = NULL;
		if (err)
			return fail(k, err, "PostgreSQL refused a row of %s (a foreign key, a "
				    "constraint or a type: see the log)", k->t->name);
	}
	return ENT_OK;
}

/* DELETE FROM "t" on the target. */
static enum ent_err delete_rows(struct copy *k, const struct copy_tab *t)
{
	char qt[STORE_COPY_NAME_MAX * 2 + 3], *sql = malloc(sizeof qt + 16);
	const struct store_stmt *del;
	struct store_q *q;
	if (sql && !copy_quote(t->name, qt, sizeof qt))
		snprintf(sql, sizeof qt + 16, "DELETE FROM %s", qt);
	else
		free(sql), sql = NULL;
	if (!(del = make_stmt(k, "copy.delete", sql)))
		return ENT_ENOMEM;
	enum ent_err err = store_q_open(k->c, del, &q);
	return err ? err : store_q_run(q);
}

/* Copies table t, then checks its count on the target and moves its identity sequences. */
static enum ent_err copy_table(struct copy *k, struct copy_tab *t)
{
	k->t = t;
	k->n_cols = 0;
	for (size_t i = 0; i < t->n_cols; i++)
		if (!t->cols[i].generated)
			k->cols[k->n_cols++] = t->cols[i].name;
	enum ent_err err = ENT_OK;
	struct store_q *q;
	if (t->clear && (err = delete_rows(k, t)))
		return fail(k, err, "cannot replace the default rows of %s", t->name);
	err = copy_src_count(k->src, t->name, &k->total);
	if (err)
		return fail(k, err, "cannot count the rows of %s in SQLite", t->name);
	k->done = 0;
	k->q = NULL;
	k->batch = BATCH_PARAMS / (k->n_cols ? k->n_cols : 1);
	if (k->batch > BATCH_ROWS)
		k->batch = BATCH_ROWS;
	if (k->batch < 1)
		k->batch = 1;
	k->full = k->total >= (int64_t)k->batch ? insert_stmt(k, k->batch) : NULL;
	k->tail_rows = (size_t)(k->total % (int64_t)k->batch);
	k->tail = k->tail_rows ? insert_stmt(k, k->tail_rows) : NULL;
	if ((k->total >= (int64_t)k->batch && !k->full) || (k->tail_rows && !k->tail))
		return ENT_ENOMEM;
	if (k->total)
		err = copy_src_rows(k->src, t->name, k->cols, k->n_cols, copy_row, k);
	if (k->q) {
		store_q_close(k->q);
		k->q = NULL;
	}
	if (err)
		return err;
	if (k->done != k->total)
		return fail(k, ENT_EDB, "%s gave fewer rows than counted", t->name);
	int64_t n = -1;
	const struct store_stmt *cnt = select_stmt(k, "copy.count", "count(*)", t->name);
	if (!cnt)
		return ENT_ENOMEM;
	if (!(err = store_q_open(k->c, cnt, &q)))
		err = store_q_row_int(q, &n);
	if (err || n != k->total) {
		char m[80];
		snprintf(m, sizeof m, "%lld in SQLite, %lld", (long long)k->total, (long long)n);
		return fail(k, err ? err : ENT_EDB, "count mismatch on %s: %s in PostgreSQL", t->name,
			    m);
	}
	for (size_t i = 0; i < t->n_cols && !err; i++) {
		if (!t->cols[i].identity)
			continue;
		char qt[STORE_COPY_NAME_MAX * 2 + 3], what[STORE_COPY_NAME_MAX * 2 + 32];
		int64_t max = 0;
		if (copy_quote(t->cols[i].name, qt, sizeof qt))
			return ENT_EINVAL;
		snprintf(what, sizeof what, "coalesce(max(%s), 0)", qt);
		const struct store_stmt *mx = select_stmt(k, "copy.max", what, t->name);
		if (!mx)
			return ENT_ENOMEM;
		if (!(err = store_q_open(k->c, mx, &q)) && !(err = store_q_row_int(q, &max)) &&
		    !(err = copy_quote(t->name, qt, sizeof qt)))
			err = copy_dst_setval(k->c, qt, t->cols[i].name, max);
	}
	if (err)
		return fail(k, err, "cannot set the identity sequence of %s", t->name);
	if (k->r->n >= STORE_COPY_TABLES_MAX)
		return ENT_EINTERNAL;
	struct store_copy_table *rt = &k->r->t[k->r->n++];
	snprintf(rt->name, sizeof rt->name, "%s", t->name);
	rt->rows = k->total;
	rt->why = NULL;
	k->r->rows += k->total;
	return ENT_OK;
}

/* A table of the source: skipped for a reason, else it must be one of the target's. */
static enum ent_err check_src_table(const char *name, void *arg)
{
	struct copy *k = arg;
	const char *why = copy_skip_reason(name);
	if (!why && !strncmp(name, "sqlite_", 7))
		why = "SQLite's own";
	if (why) {
		if (k->r->n >= STORE_COPY_TABLES_MAX)
			return ENT_EINTERNAL;
		struct store_copy_table *rt = &k->r->t[k->r->n++];
		snprintf(rt->name, sizeof rt->name, "%s", name);
		rt->why = why;
		return copy_src_count(k->src, name, &rt->rows);
	}
	for (size_t i = 0; i < k->n_tabs; i++)
		if (!strcmp(k->tabs[i].name, name))
			return ENT_OK;
	return fail(k, ENT_ECONFLICT, "table %s of the SQLite instance has no counterpart in "
		    "PostgreSQL", name);
}

static enum ent_err check_src_column(const char *col, void *arg)
{
	struct copy *k = arg;
	if (!copy_col_of(k->t, col))
		return fail(k, ENT_ECONFLICT, "column %s.%s of the SQLite instance has no "
			    "counterpart in PostgreSQL", k->t->name, col);
	return ENT_OK;
}

/* Both schemas hold the same tables and columns, and the target no row. */
static enum ent_err check_schemas(struct copy *k)
{
	enum ent_err err = copy_src_tables(k->src, check_src_table, k);
	for (size_t i = 0; !err && i < k->n_tabs; i++) {
		struct copy_tab *t = &k->tabs[i];
		if (!strcmp(t->name, "schema_migrations")) {
			t->done = true;
			continue;
		}
		k->t = t;
		err = copy_src_columns(k->src, t->name, check_src_column, k);
		for (size_t j = 0; !err && j < t->n_cols; j++) {
			bool has = false;
			if (t->cols[j].generated)
				continue;
			if ((err = copy_src_has_column(k->src, t->name, t->cols[j].name, &has)))
				break;
			if (!has)
				return fail(k, ENT_ECONFLICT, "column %s.%s of PostgreSQL is not in the "
					    "SQLite instance", t->name, t->cols[j].name);
		}
		int64_t n = 0;
		struct store_q *q;
		const struct store_stmt *cnt = select_stmt(k, "copy.count", "count(*)", t->name);
		if (!err && !cnt)
			err = ENT_ENOMEM;
		if (!err && !(err = store_q_open(k->c, cnt, &q)))
			err = store_q_row_int(q, &n);
		if (!err && n && (k->replace || seeded(t->name)))
			t->clear = !k->replace; /* replace: every table emptied before the copy */
		else if (!err && n)
			return fail(k, ENT_ECONFLICT, "the PostgreSQL database is not empty (table %s "
				    "has rows): migrate-db copies into an empty database only",
				    t->name);
	}
	return err;
}

enum ent_err copy_order(const struct copy_tab *tabs, size_t n, size_t *order, char *why,
			size_t cap)
{
	bool *done = calloc(n ? n : 1, sizeof *done);
	size_t m = 0;
	if (!done)
		return ENT_ENOMEM;
	for (bool progress = true; progress;) {
		progress = false;
		for (size_t i = 0; i < n; i++) {
			bool ready = !done[i];
			for (size_t j = 0; ready && j < tabs[i].n_refs; j++)
				for (size_t r = 0; r < n; r++)
					if (!strcmp(tabs[r].name, tabs[i].refs[j]))
						ready = done[r];
			if (ready)
				order[m++] = i, done[i] = progress = true;
		}
	}
	for (size_t i = 0; i < n && m < n; i++)
		if (!done[i]) {
			snprintf(why, cap, "table %s is part of a cycle of foreign keys", tabs[i].name);
			break;
		}
	free(done);
	return m == n ? ENT_OK : ENT_ECONFLICT;
}

/* Deletes every row of the target (replace): the tables that reference others first. */
static enum ent_err empty_all(struct copy *k, const size_t *order)
{
	for (size_t i = k->n_tabs; i-- > 0;) {
		struct copy_tab *t = &k->tabs[order[i]];
		enum ent_err err = t->done ? ENT_OK : delete_rows(k, t); /* done: schema_migrations */
		if (err)
			return fail(k, err, "cannot delete the rows of %s", t->name);
	}
	return ENT_OK;
}

/* Copies every table once those its foreign keys reference are copied. */
static enum ent_err copy_all(struct copy *k)
{
	size_t max_cols = 1;
	for (size_t i = 0; i < k->n_tabs; i++)
		if (k->tabs[i].n_cols > max_cols)
			max_cols = k->tabs[i].n_cols;
	k->cols = calloc(max_cols, sizeof *k->cols);
	size_t *order = calloc(k->n_tabs + 1, sizeof *order);
	enum ent_err err = k->cols && order ? ENT_OK : ENT_ENOMEM;
	if (!err)
		err = copy_order(k->tabs, k->n_tabs, order, k->why, k->cap);
	if (!err && k->replace)
		err = empty_all(k, order);
	for (size_t i = 0; i < k->n_tabs && !err; i++) {
		struct copy_tab *t = &k->tabs[order[i]];
		if (!t->done)
			err = copy_table(k, t);
		t->done = true;
	}
	free(order);
	return err;
}

static enum ent_err sqlite_to_pg(const char *sqlite_path, const char *pg_url, bool replace,
				 struct store_copy_report *r, char *why, size_t cap)
{
	memset(r, 0, sizeof *r);
	snprintf(why, cap, "%s", "");
	struct copy k = {.r = r, .why = why, .cap = cap, .replace = replace};
	enum ent_err err = copy_src_open(sqlite_path, &k.src, why, cap);
	if (err)
		return err;
	int want = store_n_migrations ? store_migrations[store_n_migrations - 1].version : 0;
	r->version = copy_src_version(k.src);
	if (r->version != want) {
		char m[96];
		snprintf(m, sizeof m, "%d, this entraide's %d", r->version, want);
		err = fail(&k, ENT_ECONFLICT, "the SQLite instance's schema is at migration %s: run "
			   "this version of entraide on it once (serve or admin list: it upgrades the "
			   "schema) and move it then", m);
		copy_src_close(k.src);
		return err;
	}
	err = store_open(&k.dst, pg_url);
	if (err)
		fail(&k, err, "cannot open or migrate the PostgreSQL database");
	if (!err)
		err = store_conn_get(k.dst, &k.c);
	if (!err && (err = copy_dst_tables(k.c, &k.tabs, &k.n_tabs)) && !why[0])
		fail(&k, err, "cannot read the PostgreSQL catalog");
	if (!err)
		err = check_schemas(&k);
	if (!err && !(err = copy_dst_triggers(k.c, pg_url, false, why, cap))) {
		if (!(err = store_tx_begin(k.c))) {
			err = copy_all(&k);
			if (err)
				store_tx_rollback(k.c);
			else if ((err = store_tx_commit(k.c)))
				fail(&k, err, "the commit failed");
		}
		char why2[160] = "";
		enum ent_err err2 = copy_dst_triggers(k.c, pg_url, true, why2, sizeof why2);
		if (err2 && !err) {
			snprintf(why, cap, "%s", why2[0] ? why2 : "cannot enable the triggers again");
			err = err2;
		}
		if (!err)
			r->analyzed = copy_dst_analyze(pg_url);
	}
	if (err && !why[0])
		snprintf(why, cap, "%s", ent_strerror(err));
	copy_tabs_free(k.tabs, k.n_tabs);
	free(k.cols);
	store_close(k.dst);
	for (size_t i = 0; i < k.n_made; i++) {
		free((char *)k.made[i]->sql);
		free(k.made[i]);
	}
	free(k.made);
	copy_src_close(k.src);
	return err;
}

enum ent_err store_copy_sqlite_to_pg(const char *sqlite_path, const char *pg_url,
				     struct store_copy_report *r, char *why, size_t cap)
{
	return sqlite_to_pg(sqlite_path, pg_url, false, r, why, cap);
}

enum ent_err store_copy_sqlite_replace_pg(const char *sqlite_path, const char *pg_url,
					  struct store_copy_report *r, char *why, size_t cap)
{
	return sqlite_to_pg(sqlite_path, pg_url, true, r, why, cap);
}
