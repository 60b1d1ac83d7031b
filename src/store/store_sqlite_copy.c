/*
 * store_sqlite_copy.c - the SQLite side of `entraide admin migrate-db` and of `entraide backup`
 * (store_copy.h). As a source: the database opened read-only (query_only too), all of it
 * read inside one read transaction (a snapshot: the counts and the rows agree even if a
 * server writes meanwhile). As a target (a backup of PostgreSQL): a new file, mode 0600,
 * migrated by store_open, then written in one transaction with its triggers dropped (their
 * SQL kept and run again before the commit).
 * Its catalog (sqlite_schema, pragma_table_list, pragma_table_info) is read through the named
 * statements below; the count and the rows of a table through SQL made here from the names
 * of the target's catalog, quoted (copy_quote), never with a value in it.
 * Not responsible for: the order, the checks and the writes (store_copy.c, store_pg_copy.c).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_copy.h"

struct copy_src {
	sqlite3 *db;
	int version;
	/* as a target */
	char **trig; /* the SQL of each trigger dropped, made again by copy_sqlite_finish */
	size_t n_trig;
	sqlite3_stmt *ins; /* the INSERT of the table being written */
	bool *as_text;     /* its columns declared TEXT: bytes go in as text */
	size_t n_cols;
};

static const struct store_stmt Q_VERSION = {
	"copy.src_version", "SELECT coalesce(max(version), 0) FROM schema_migrations"};
static const struct store_stmt Q_TABLES = {
	"copy.src_tables", "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"};
static const struct store_stmt Q_COLUMNS = {
	"copy.src_columns", "SELECT name FROM pragma_table_info(?1) ORDER BY cid"};
/* wr: a WITHOUT ROWID table; a virtual table (FTS5) has a rowid. */
static const struct store_stmt Q_TRIGGERS = {
	"copy.sink_triggers", "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name"};
static const struct store_stmt Q_DECL = {
	"copy.sink_decl", "SELECT upper(type) FROM pragma_table_info(?1) WHERE name = ?2"};
static const struct store_stmt Q_ROWID = {
	"copy.src_rowid", "SELECT wr FROM pragma_table_list(?1) WHERE type IN ('table', 'virtual')"};

static enum ent_err prep(struct copy_src *s, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? ENT_OK : ENT_EDB;
}

static enum ent_err step_done(int rc)
{
	return rc == SQLITE_DONE ? ENT_OK : rc == SQLITE_NOMEM ? ENT_ENOMEM : ENT_EDB;
}

enum ent_err copy_src_open(const char *path, struct copy_src **out, char *why, size_t cap)
{
	*out = NULL;
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(why, cap, "no SQLite database at %s", path);
		return ENT_ENOTFOUND;
	}
	struct copy_src *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	enum ent_err err = ENT_EDB;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "PRAGMA query_only=ON; BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    prep(s, Q_VERSION.sql, &st) != ENT_OK || sqlite3_step(st) != SQLITE_ROW) {
		snprintf(why, cap, "%s is not an entraide SQLite database (%s)", path,
			 s->db ? sqlite3_errmsg(s->db) : "cannot open");
	} else {
		s->version = sqlite3_column_int(st, 0);
		err = ENT_OK;
	}
	sqlite3_finalize(st);
	if (err) {
		copy_src_close(s);
		return err;
	}
	*out = s;
	return ENT_OK;
}

void copy_src_close(struct copy_src *s)
{
	if (!s)
		return;
	copy_sqlite_insert_end(s);
	if (s->db) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* ends the transaction */
		sqlite3_close(s->db);
	}
	for (size_t i = 0; i < s->n_trig; i++)
		free(s->trig[i]);
	free(s->trig);
	free(s);
}

int copy_src_version(const struct copy_src *s)
{
	return s->version;
}

/* Runs sql (with ?1 = key unless NULL) and calls fn on column 0 of each row. */
static enum ent_err each_name(struct copy_src *s, const char *sql, const char *key,
			      enum ent_err (*fn)(const char *name, void *arg), void *arg)
{
	sqlite3_stmt *st;
	enum ent_err err = prep(s, sql, &st);
	if (err)
		return err;
	if (key)
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = SQLITE_DONE;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = fn((const char *)sqlite3_column_text(st, 0), arg);
	if (!err)
		err = step_done(rc);
	sqlite3_finalize(st);
	return err;
}

enum ent_err copy_src_tables(struct copy_src *s, enum ent_err (*fn)(const char *name, void *arg),
			     void *arg)
{
	return each_name(s, Q_TABLES.sql, NULL, fn, arg);
}

enum ent_err copy_src_columns(struct copy_src *s, const char *table,
			      enum ent_err (*fn)(const char *col, void *arg), void *arg)
{
	return each_name(s, Q_COLUMNS.sql, table, fn, arg);
}

/* Whether table has a rowid (an ordinary or a virtual table). */
static enum ent_err has_rowid(struct copy_src *s, const char *table, bool *has)
{
	sqlite3_stmt *st;
	enum ent_err err = prep(s, Q_ROWID.sql, &st);
	if (err)
		return err;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*has = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
	if (rc != SQLITE_ROW)
		err = step_done(rc);
	sqlite3_finalize(st);
	return err;
}

struct find_col {
	const char *col;
	bool found;
};

static enum ent_err find_col(const char *col, void *arg)
{
	struct find_col *f = arg;
	f->found |= !strcmp(col, f->col);
	return ENT_OK;
}

enum ent_err copy_src_has_column(struct copy_src *s, const char *table, const char *col,
				 bool *has)
{
	struct find_col f = {col, false};
	enum ent_err err = copy_src_columns(s, table, find_col, &f);
	if (!err && !f.found && !strcmp(col, "rowid"))
		err = has_rowid(s, table, &f.found);
	*has = f.found;
	return err;
}

enum ent_err copy_src_count(struct copy_src *s, const char *table, int64_t *n)
{
	char q[STORE_COPY_NAME_MAX * 2 + 3], sql[256];
	enum ent_err err = copy_quote(table, q, sizeof q);
	if (err)
		return err;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", q);
	sqlite3_stmt *st;
	if ((err = prep(s, sql, &st)))
		return err;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW)
		err = step_done(rc);
	sqlite3_finalize(st);
	return err;
}

/* "SELECT "a", "b" FROM "t" ORDER BY rowid", malloc'd; NULL when out of memory or too long. */
static char *select_sql(const char *table, const char *const *cols, size_t n, bool rowid)
{
	size_t cap = 64 + (n + 1) * (STORE_COPY_NAME_MAX * 2 + 4);
	char *sql = malloc(cap), q[STORE_COPY_NAME_MAX * 2 + 3];
	if (!sql)
		return NULL;
	size_t o = (size_t)snprintf(sql, cap, "SELECT ");
	for (size_t i = 0; i < n; i++) {
		if (copy_quote(cols[i], q, sizeof q)) {
			free(sql);
			return NULL;
		}
		o += (size_t)snprintf(sql + o, cap - o, "%s%s", i ? ", " : "", q);
	}
	if (copy_quote(table, q, sizeof q)) {
		free(sql);
		return NULL;
	}
	snprintf(sql + o, cap - o, " FROM %s%s", q, rowid ? " ORDER BY rowid" : "");
	return sql;
}

enum ent_err copy_src_rows(struct copy_src *s, const char *table, const char *const *cols,
			   size_t n, enum ent_err (*row)(const struct copy_val *vals, void *arg),
			   void *arg)
{
	bool rowid;
	enum ent_err err = has_rowid(s, table, &rowid);
	if (err)
		return err;
	char *sql = select_sql(table, cols, n, rowid);
	struct copy_val *v = calloc(n ? n : 1, sizeof *v);
	sqlite3_stmt *st = NULL;
	if (!sql || !v)
		err = ENT_ENOMEM;
	if (!err)
		err = prep(s, sql, &st);
	int rc = SQLITE_DONE;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++) {
			int c = (int)i;
			switch (sqlite3_column_type(st, c)) {
			case SQLITE_INTEGER:
				v[i] = (struct copy_val){.type = COPY_INT, .i = sqlite3_column_int64(st, c)};
				break;
			case SQLITE_FLOAT:
				v[i] = (struct copy_val){.type = COPY_REAL, .d = sqlite3_column_double(st, c)};
				break;
			case SQLITE_TEXT:
				v[i] = (struct copy_val){.type = COPY_TEXT, .p = sqlite3_column_text(st, c)};
				v[i].len = (size_t)sqlite3_column_bytes(st, c);
				break;
			case SQLITE_BLOB:
				v[i] = (struct copy_val){.type = COPY_BLOB, .p = sqlite3_column_blob(st, c)};
				v[i].len = (size_t)sqlite3_column_bytes(st, c);
				if (!v[i].p)
					v[i].p = "";
				break;
			default:
				v[i] = (struct copy_val){.type = COPY_NULL};
			}
		}
		err = row(v, arg);
	}
	if (!err)
		err = step_done(rc);
	sqlite3_finalize(st);
	free(v);
	free(sql);
	return err;
}

/* --- as a target --- */

/* Drops every trigger, keeping its SQL in s->trig. */
static enum ent_err drop_triggers(struct copy_src *s)
{
	sqlite3_stmt *st;
	enum ent_err err = prep(s, Q_TRIGGERS.sql, &st);
	char **names = NULL;
	int rc = SQLITE_DONE;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		char **t = realloc(s->trig, (s->n_trig + 1) * sizeof *t);
		if (t)
			s->trig = t;
		char **nm = realloc(names, (s->n_trig + 1) * sizeof *nm);
		if (nm)
			names = nm;
		if (!t || !nm || !name || !sql) {
			err = ENT_ENOMEM;
			break;
		}
		names[s->n_trig] = strdup(name);
		s->trig[s->n_trig] = strdup(sql);
		s->n_trig++;
		if (!names[s->n_trig - 1] || !s->trig[s->n_trig - 1])
			err = ENT_ENOMEM;
	}
	if (!err)
		err = step_done(rc);
	sqlite3_finalize(st);
	char q[STORE_COPY_NAME_MAX * 2 + 3], sql[sizeof q + 32];
	for (size_t i = 0; !err && i < s->n_trig; i++) {
		if (copy_quote(names[i], q, sizeof q))
			err = ENT_EINVAL;
		else if (snprintf(sql, sizeof sql, "DROP TRIGGER %s", q) > 0 &&
			 sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			err = ENT_EDB;
	}
	for (size_t i = 0; names && i < s->n_trig; i++)
		free(names[i]);
	free(names);
	return err;
}

enum ent_err copy_sqlite_create(const char *path, struct copy_src **out, char *why, size_t cap)
{
	*out = NULL;
	(void)unlink(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(why, cap, "cannot make the file %s", path);
		return ENT_EIO;
	}
	close(fd);
	struct store *st = NULL;
	enum ent_err err = store_open(&st, path); /* the SQLite migrations */
	store_close(st);
	if (err) {
		snprintf(why, cap, "cannot make an SQLite database at %s", path);
		return err;
	}
	struct copy_src *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	sqlite3_stmt *v = NULL;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "PRAGMA secure_delete=ON; BEGIN IMMEDIATE", NULL, NULL, NULL) !=
		    SQLITE_OK ||
	    prep(s, Q_VERSION.sql, &v) != ENT_OK || sqlite3_step(v) != SQLITE_ROW)
		err = ENT_EDB;
	else
		s->version = sqlite3_column_int(v, 0);
	sqlite3_finalize(v);
	if (!err && (err = drop_triggers(s)))
		snprintf(why, cap, "cannot set the triggers of %s aside", path);
	else if (err)
		snprintf(why, cap, "cannot write %s", path);
	if (err) {
		copy_src_close(s);
		return err;
	}
	*out = s;
	return ENT_OK;
}

enum ent_err copy_sqlite_clear(struct copy_src *s, const char *table)
{
	char q[STORE_COPY_NAME_MAX * 2 + 3], sql[sizeof q + 16];
	enum ent_err err = copy_quote(table, q, sizeof q);
	if (err)
		return err;
	snprintf(sql, sizeof sql, "DELETE FROM %s", q);
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? ENT_OK : ENT_EDB;
}

/* Whether table.col is declared with a text type (TEXT, CHAR, CLOB: SQLite's text affinity). */
static bool declared_text(struct copy_src *s, const char *table, const char *col)
{
	sqlite3_stmt *st;
	bool text = false;
	if (prep(s, Q_DECL.sql, &st))
		return false;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		text = t && (strstr(t, "TEXT") || strstr(t, "CHAR") || strstr(t, "CLOB"));
	}
	sqlite3_finalize(st);
	return text;
}

enum ent_err copy_sqlite_insert_begin(struct copy_src *s, const char *table,
				      const char *const *cols, size_t n)
{
	copy_sqlite_insert_end(s);
	size_t cap = 64 + (n + 1) * (STORE_COPY_NAME_MAX * 2 + 8);
	char *sql = malloc(cap), q[STORE_COPY_NAME_MAX * 2 + 3];
	s->as_text = calloc(n ? n : 1, sizeof *s->as_text);
	enum ent_err err = sql && s->as_text ? copy_quote(table, q, sizeof q) : ENT_ENOMEM;
	size_t o = 0;
	if (!err)
		o = (size_t)snprintf(sql, cap, "INSERT INTO %s (", q);
	for (size_t i = 0; !err && i < n; i++) {
		if (!(err = copy_quote(cols[i], q, sizeof q)))
			o += (size_t)snprintf(sql + o, cap - o, "%s%s", i ? ", " : "", q);
		s->as_text[i] = declared_text(s, table, cols[i]);
	}
	for (size_t i = 0; !err && i < n; i++)
		o += (size_t)snprintf(sql + o, cap - o, "%s?%zu", i ? ", " : ") VALUES (", i + 1);
	if (!err) {
		snprintf(sql + o, cap - o, ")");
		err = prep(s, sql, &s->ins);
	}
	s->n_cols = n;
	free(sql);
	return err;
}

enum ent_err copy_sqlite_insert(struct copy_src *s, const struct copy_val *vals)
{
	sqlite3_stmt *st = s->ins;
	int rc = SQLITE_OK;
	for (size_t i = 0; i < s->n_cols && rc == SQLITE_OK; i++) {
		const struct copy_val *v = &vals[i];
		int c = (int)i + 1;
		switch (v->type) {
		case COPY_NULL:
			rc = sqlite3_bind_null(st, c);
			break;
		case COPY_INT:
			rc = sqlite3_bind_int64(st, c, v->i);
			break;
		case COPY_REAL:
			rc = sqlite3_bind_double(st, c, v->d);
			break;
		case COPY_TEXT:
			rc = sqlite3_bind_text64(st, c, v->p, v->len, SQLITE_STATIC, SQLITE_UTF8);
			break;
		case COPY_BLOB:
			rc = s->as_text[i] ? sqlite3_bind_text64(st, c, v->p, v->len, SQLITE_STATIC,
								 SQLITE_UTF8)
					   : sqlite3_bind_blob64(st, c, v->p, v->len, SQLITE_STATIC);
			break;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return step_done(rc);
}

void copy_sqlite_insert_end(struct copy_src *s)
{
	sqlite3_finalize(s->ins);
	s->ins = NULL;
	free(s->as_text);
	s->as_text = NULL;
	s->n_cols = 0;
}

enum ent_err copy_sqlite_finish(struct copy_src *s, bool commit)
{
	enum ent_err err = ENT_OK;
	copy_sqlite_insert_end(s);
	for (size_t i = 0; commit && !err && i < s->n_trig; i++)
		if (sqlite3_exec(s->db, s->trig[i], NULL, NULL, NULL) != SQLITE_OK)
			err = ENT_EDB;
	if (commit && !err && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		err = ENT_EDB;
	copy_src_close(s); /* rolls back what is not committed */
	return err;
}
