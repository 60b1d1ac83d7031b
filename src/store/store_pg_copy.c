/*
 * store_pg_copy.c - the PostgreSQL side of `entraide admin migrate-db` (store_copy.h): the
 * target's catalog (its tables in the current schema, their columns with type, identity and
 * generated flags, and the tables their foreign keys reference) and the setting of an
 * identity sequence, as named statements run through store.h; and the switching off and on
 * of the tables' own triggers (ALTER TABLE, which PostgreSQL does not prepare: identifiers
 * only, on a connection of its own).
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
