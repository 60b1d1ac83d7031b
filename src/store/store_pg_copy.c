/*
 * store_pg_copy.c - the PostgreSQL side of `entraide admin migrate-db`, `entraide backup` and
 * its restore (store_copy.h). As a target: the
 * target's catalog (its tables in the current schema, their columns with type, identity and
 * generated flags, and the tables their foreign keys reference) and the setting of an
 * identity sequence, as named statements run through store.h; and the switching off and on
 * of the tables' own triggers (ALTER TABLE, which PostgreSQL does not prepare: identifiers
 * only, on a connection of its own). As a source (a backup): a connection of its own in one
 * REPEATABLE READ READ ONLY transaction (BEGIN with options, which PostgreSQL does not
 * prepare), each table read through a cursor declared on SQL made from the catalog's names,
 * quoted, and fetched in batches; values read by their column's type.
 * Not responsible for: the copy itself (store_copy.c), the SQLite side (store_sqlite_copy.c).
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_copy.h"

static const struct store_stmt Q_COLUMNS = {
	"copy.dst_columns",
	"SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> '', "
	"a.attgenerated <> '' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_attribute a ON a.attrelid = c.oid WHERE n.nspname = current_schema() "
	"AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
	"ORDER BY c.relname, a.attnum"};
static const struct store_stmt Q_REFS = {
	"copy.dst_refs",
	"SELECT DISTINCT c.relname, p.relname FROM pg_constraint k "
	"JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
	"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' "
	"AND n.nspname = current_schema() AND c.oid <> p.oid ORDER BY 1, 2"};
/* ?4 false: the next value is ?3 itself (an empty table starts at 1). */
static const struct store_stmt Q_SETVAL = {
	"copy.dst_setval", "SELECT setval(pg_get_serial_sequence(?1, ?2), ?3, ?4)"};

/* Tables with triggers of the schema's own (not those of foreign keys). */
static const struct store_stmt Q_TRIGGERED = {
	"copy.dst_triggered",
	"SELECT DISTINCT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
	"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT g.tgisinternal "
	"AND n.nspname = current_schema() ORDER BY 1"};

struct triggers {
	PGconn *pg;
	bool enable;
	char *why;
	size_t cap;
};

static enum ent_err switch_triggers(struct store_q *q, void *arg)
{
	struct triggers *tr = arg;
	char name[STORE_COPY_NAME_MAX], qt[STORE_COPY_NAME_MAX * 2 + 3], sql[sizeof qt + 48];
	store_q_text_copy(q, 0, name, sizeof name);
	if (copy_quote(name, qt, sizeof qt))
		return ENT_EINVAL;
	snprintf(sql, sizeof sql, "ALTER TABLE %s %s TRIGGER USER", qt,
		 tr->enable ? "ENABLE" : "DISABLE");
	PGresult *res = PQexec(tr->pg, sql);
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
	if (!ok) {
		snprintf(tr->why, tr->cap, "cannot %s the triggers of %s (the copy needs the "
			 "tables' owner)", tr->enable ? "enable" : "disable", name);
		return ENT_EDB;
	}
	return ENT_OK;
}

enum ent_err copy_dst_triggers(struct store_conn *c, const char *url, bool enable, char *why,
			       size_t cap)
{
	struct triggers tr = {PQconnectdb(url), enable, why, cap};
	enum ent_err err = ENT_OK;
	struct store_q *q;
	if (PQstatus(tr.pg) != CONNECTION_OK)
		err = ENT_EDB;
	else if (!(err = store_q_open(c, &Q_TRIGGERED, &q)))
		err = store_q_each(q, switch_triggers, &tr);
	PQfinish(tr.pg);
	return err;
}

bool copy_dst_analyze(const char *url)
{
	PGconn *pg = PQconnectdb(url);
	bool ok = false;
	if (PQstatus(pg) == CONNECTION_OK) {
		PGresult *res = PQexec(pg, "ANALYZE");
		ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		PQclear(res);
	}
	PQfinish(pg);
	return ok;
}

void copy_tabs_free(struct copy_tab *tabs, size_t n)
{
	for (size_t i = 0; tabs && i < n; i++)
		free(tabs[i].cols);
	free(tabs);
}

static struct copy_tab *find(struct copy_tab *tabs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(tabs[i].name, name))
			return &tabs[i];
	return NULL;
}

struct gather {
	struct copy_tab *tabs;
	size_t n, cap;
};

static enum ent_err add_column(struct store_q *q, void *arg)
{
	struct gather *g = arg;
	const char *table = store_q_text(q, 0, NULL);
	struct copy_tab *t = g->n ? &g->tabs[g->n - 1] : NULL;
	if (!t || strcmp(t->name, table)) {
		if (g->n == g->cap) {
			size_t cap = g->cap ? g->cap * 2 : 64;
			struct copy_tab *tabs = realloc(g->tabs, cap * sizeof *tabs);
			if (!tabs)
				return ENT_ENOMEM;
			g->tabs = tabs, g->cap = cap;
		}
		t = &g->tabs[g->n++];
		memset(t, 0, sizeof *t);
		store_q_text_copy(q, 0, t->name, sizeof t->name);
	}
	struct copy_col *cols = realloc(t->cols, (t->n_cols + 1) * sizeof *cols);
	if (!cols)
		return ENT_ENOMEM;
	t->cols = cols;
	struct copy_col *col = &cols[t->n_cols++];
	store_q_text_copy(q, 1, col->name, sizeof col->name);
	store_q_text_copy(q, 2, col->type, sizeof col->type);
	col->identity = store_q_bool(q, 3);
	col->generated = store_q_bool(q, 4);
	return ENT_OK;
}

static enum ent_err add_ref(struct store_q *q, void *arg)
{
	struct gather *g = arg;
	struct copy_tab *t = find(g->tabs, g->n, store_q_text(q, 0, NULL));
	if (!t)
		return ENT_OK; /* a table of another kind (partition): nothing copied into it */
	if (t->n_refs == sizeof t->refs / sizeof t->refs[0])
		return ENT_EINTERNAL;
	store_q_text_copy(q, 1, t->refs[t->n_refs], sizeof t->refs[0]);
	t->n_refs++;
	return ENT_OK;
}

enum ent_err copy_dst_tables(struct store_conn *c, struct copy_tab **tabs, size_t *n)
{
	struct gather g = {0};
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_COLUMNS, &q);
	if (!err)
		err = store_q_each(q, add_column, &g);
	if (!err && !(err = store_q_open(c, &Q_REFS, &q)))
		err = store_q_each(q, add_ref, &g);
	if (err) {
		copy_tabs_free(g.tabs, g.n);
		return err;
	}
	*tabs = g.tabs;
	*n = g.n;
	return ENT_OK;
}

enum ent_err copy_dst_setval(struct store_conn *c, const char *qtable, const char *col,
			     int64_t max)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SETVAL, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 1, qtable);
	store_q_bind_cstr(q, 2, col);
	store_q_bind_int(q, 3, max > 0 ? max : 1);
	store_q_bind_bool(q, 4, max > 0);
	return store_q_run(q);
}

/* --- as a source (a backup) --- */

#define FETCH_ROWS "500"

struct copy_pg {
	PGconn *pg;
};

/* Runs sql (no parameter); ENT_EDB unless it gives tuples (want_rows) or is a command. */
static PGresult *run(struct copy_pg *p, const char *sql, bool want_rows)
{
	PGresult *res = PQexec(p->pg, sql);
	if (PQresultStatus(res) != (want_rows ? PGRES_TUPLES_OK : PGRES_COMMAND_OK)) {
		PQclear(res);
		return NULL;
	}
	return res;
}

enum ent_err copy_pg_open(const char *url, struct copy_pg **out, char *why, size_t cap)
{
	*out = NULL;
	struct copy_pg *p = calloc(1, sizeof *p);
	if (!p)
		return ENT_ENOMEM;
	p->pg = PQconnectdb(url);
	PGresult *res = NULL;
	if (PQstatus(p->pg) != CONNECTION_OK ||
	    !(res = run(p, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", false))) {
		snprintf(why, cap, "cannot open a read transaction on the PostgreSQL database");
		copy_pg_close(p);
		return ENT_EDB;
	}
	PQclear(res);
	*out = p;
	return ENT_OK;
}

void copy_pg_close(struct copy_pg *p)
{
	if (!p)
		return;
	if (p->pg && PQstatus(p->pg) == CONNECTION_OK)
		PQclear(PQexec(p->pg, "ROLLBACK"));
	PQfinish(p->pg);
	free(p);
}

/* The integer in the one cell of sql's answer. */
static enum ent_err one_int(struct copy_pg *p, const char *sql, int64_t *v)
{
	PGresult *res = run(p, sql, true);
	if (!res)
		return ENT_EDB;
	enum ent_err err = PQntuples(res) == 1 && !PQgetisnull(res, 0, 0) ? ENT_OK : ENT_EDB;
	if (!err)
		*v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return err;
}

enum ent_err copy_pg_version(struct copy_pg *p, int *version)
{
	int64_t v = 0;
	enum ent_err err = one_int(p, "SELECT coalesce(max(version), 0) FROM schema_migrations", &v);
	*version = (int)v;
	return err;
}

enum ent_err copy_pg_count(struct copy_pg *p, const char *table, int64_t *n)
{
	char q[STORE_COPY_NAME_MAX * 2 + 3], sql[sizeof q + 32];
	enum ent_err err = copy_quote(table, q, sizeof q);
	if (err)
		return err;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", q);
	return one_int(p, sql, n);
}

enum copy_kind { K_INT, K_BOOL, K_REAL, K_BYTEA, K_TEXT };

static enum copy_kind kind_of(const char *type)
{
	if (!strcmp(type, "bigint") || !strcmp(type, "integer") || !strcmp(type, "smallint"))
		return K_INT;
	if (!strcmp(type, "boolean"))
		return K_BOOL;
	if (!strcmp(type, "double precision") || !strcmp(type, "real") ||
	    !strncmp(type, "numeric", 7))
		return K_REAL;
	return !strcmp(type, "bytea") ? K_BYTEA : K_TEXT;
}

/* Calls row() on each row of res; bytea decoded into dec (freed here). */
static enum ent_err each_row(PGresult *res, const enum copy_kind *kinds, size_t n,
			     struct copy_val *v, unsigned char **dec,
			     enum ent_err (*row)(const struct copy_val *vals, void *arg), void *arg)
{
	enum ent_err err = ENT_OK;
	for (int r = 0; !err && r < PQntuples(res); r++) {
		for (size_t i = 0; i < n; i++) {
			int c = (int)i;
			const char *s = PQgetvalue(res, r, c);
			size_t len = (size_t)PQgetlength(res, r, c);
			if (PQgetisnull(res, r, c)) {
				v[i] = (struct copy_val){.type = COPY_NULL};
				continue;
			}
			switch (kinds[i]) {
			case K_INT:
				v[i] = (struct copy_val){.type = COPY_INT, .i = strtoll(s, NULL, 10)};
				break;
			case K_BOOL:
				v[i] = (struct copy_val){.type = COPY_INT, .i = s[0] == 't'};
				break;
			case K_REAL:
				v[i] = (struct copy_val){.type = COPY_REAL, .d = strtod(s, NULL)};
				break;
			case K_BYTEA:
				PQfreemem(dec[i]);
				dec[i] = PQunescapeBytea((const unsigned char *)s, &len);
				if (!dec[i])
					return ENT_ENOMEM;
				v[i] = (struct copy_val){.type = COPY_BLOB, .p = dec[i], .len = len};
				break;
			case K_TEXT:
				v[i] = (struct copy_val){.type = COPY_TEXT, .p = s, .len = len};
				break;
			}
		}
		err = row(v, arg);
	}
	return err;
}

enum ent_err copy_pg_rows(struct copy_pg *p, const char *table, const char *const *cols,
			  const char *const *types, size_t n,
			  enum ent_err (*row)(const struct copy_val *vals, void *arg), void *arg)
{
	size_t cap = 96 + (n + 1) * (STORE_COPY_NAME_MAX * 2 + 4);
	char *sql = malloc(cap), q[STORE_COPY_NAME_MAX * 2 + 3];
	struct copy_val *v = calloc(n ? n : 1, sizeof *v);
	enum copy_kind *kinds = calloc(n ? n : 1, sizeof *kinds);
	unsigned char **dec = calloc(n ? n : 1, sizeof *dec);
	enum ent_err err = sql && v && kinds && dec ? ENT_OK : ENT_ENOMEM;
	size_t o = 0;
	if (!err)
		o = (size_t)snprintf(sql, cap, "DECLARE copy_rows NO SCROLL CURSOR FOR SELECT ");
	for (size_t i = 0; !err && i < n; i++) {
		kinds[i] = kind_of(types[i]);
		if (!(err = copy_quote(cols[i], q, sizeof q)))
			o += (size_t)snprintf(sql + o, cap - o, "%s%s", i ? ", " : "", q);
	}
	if (!err && !(err = copy_quote(table, q, sizeof q)))
		snprintf(sql + o, cap - o, " FROM %s", q);
	PGresult *res = NULL;
	if (!err && !(res = run(p, sql, false)))
		err = ENT_EDB;
	PQclear(res);
	bool open = !err;
	while (!err) {
		if (!(res = run(p, "FETCH " FETCH_ROWS " FROM copy_rows", true))) {
			err = ENT_EDB;
			break;
		}
		bool last = PQntuples(res) == 0;
		err = each_row(res, kinds, n, v, dec, row, arg);
		PQclear(res);
		if (last)
			break;
	}
	if (open)
		PQclear(PQexec(p->pg, "CLOSE copy_rows"));
	for (size_t i = 0; dec && i < n; i++)
		PQfreemem(dec[i]);
	free(dec);
	free(kinds);
	free(v);
	free(sql);
	return err;
}
