/*
 * store_pg.c - the PostgreSQL back end of store.h (store_backend.h), over libpq.
 *
 * A store is a connection URI (postgresql://... or postgres://...) to an existing database;
 * each thread gets its own connection (store.c keeps it). A named statement is prepared once
 * per connection (PQprepare, under the statement's name and a number), its ?N parameters
 * rewritten to $N when it is first opened. SQLite types a value by what is bound, PostgreSQL
 * a parameter when the statement is prepared: so preparing waits for the first run, and
 * declares the types of that run's values (an integer is bigint, a blob bytea, text and NULL
 * are left for the server to infer from the SQL, as in `col = ?1`, with fallbacks: prepare);
 * a later run that binds another type to a parameter prepares the statement again (rare: a
 * NULL first, a number after). Values go as text, BLOBs in binary, and rows come back as
 * text: integers and booleans are read as numbers, bytea decoded from its hex form.
 * A step runs the statement on its first call and then walks the rows of the whole result,
 * so several statements may be open at once on a connection, as with SQLite.
 * Errors: unique violation (SQLSTATE 23505) is ENT_EEXIST, another integrity constraint
 * (class 23) ENT_ECONFLICT, out of memory ENT_ENOMEM, the rest ENT_EDB (logged with the
 * SQLSTATE and the statement's name, never the message, which may quote values).
 * Migrations: the NNNN_name.pg.sql text of each migration when there is one, else the
 * NNNN_name.sql text, each in its own transaction under an advisory lock, so that several
 * nodes starting at once apply each migration once.
 * Differences from SQLite that callers must know: store_tx_begin is a READ COMMITTED BEGIN
 * that takes one advisory lock at once (TX_LOCK: one write transaction at a time, as SQLite's
 * BEGIN IMMEDIATE); a failed statement inside a transaction aborts it (only a rollback
 * follows); store_backup (SQLite's file copy) is not this engine's: `entraide backup`
 * copies PostgreSQL into an SQLite file (store_copy_back.c); store_erase_freed rewrites
 * tables (store_pg_erase.c).
 * Not responsible for: choosing the back end (store.c), the SQL of the domain stores.
 */
#include <libpq-fe.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/log.h"
#include "store/store_backend.h"
#include "store/store_pg_erase.h"

#define BOOL_OID 16
#define BYTEA_OID 17
#define INT8_OID 20
#define TEXT_OID 25

struct pg_q {
	struct store_q base;
	struct pg_conn *c;
	char name[64];   /* of the prepared statement on this connection */
	char *sql;       /* with $N for ?N */
	int n_params;    /* the highest ?N of the SQL */
	char **vals;     /* bound values (owned), NULL for SQL NULL */
	int *lens, *fmts;
	Oid *types;      /* of the bound values (0: text or NULL, inferred by the server) */
	Oid *prepared;   /* the types it was prepared with */
	bool is_prepared;
	unsigned version; /* how many times it was prepared (a suffix of its name) */
	PGresult *res;   /* the result, from the first step to close */
	int row, n_rows; /* the current row (-1 before the first) */
	unsigned char **dec; /* bytea columns of the current row, decoded (PQfreemem) */
	size_t *dec_len;
	int n_dec;
};

struct pg_conn {
	struct store_conn base;
	PGconn *pg;
	int64_t changes;
	bool in_tx; /* between store_tx_begin and its commit or rollback */
};

struct pg_store {
	struct store base;
	char *url;
	/* store_watch: a thread of the store's own that listens on entraide_change */
	void (*watch_fn)(int64_t thread, void *arg);
	void *watch_arg;
	pthread_t watcher;
	bool watching;
	atomic_bool watch_stop;
};

#define PG_S(x) ((struct pg_store *)(x))
#define PG_C(x) ((struct pg_conn *)(x))
#define PG_Q(x) ((struct pg_q *)(x))

/* The error of a result (NULL: libpq could not make one) as an enum ent_err; logs the rest. */
static enum ent_err map_res(const PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (state && !strcmp(state, "23505"))
		return ENT_EEXIST;
	if (state && !strncmp(state, "23", 2))
		return ENT_ECONFLICT;
	if (!res || (state && !strcmp(state, "53200")))
		return ENT_ENOMEM;
	char m[192];
	snprintf(m, sizeof m, "\"sqlstate\":\"%.5s\",\"stmt\":\"%s\"", state ? state : "",
		 what ? what : "");
	log_line(LOG_ERROR, "database error", m);
	return ENT_EDB;
}

/* Runs SQL without parameters (several statements allowed) and clears the result. */
static enum ent_err exec_plain(struct pg_conn *c, const char *sql, const char *what)
{
	uint64_t t0 = clock_mono_ns();
	PGresult *res = PQexec(c->pg, sql);
	store_time_add(clock_mono_ns() - t0);
	ExecStatusType st = PQresultStatus(res);
	enum ent_err err = ENT_OK;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		err = map_res(res, what);
	PQclear(res);
	return err;
}

/* Notices (a CREATE ... IF NOT EXISTS that skipped, say) are not errors; their text may quote
 * values, so only their existence is logged, at debug level. */
static void on_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
	log_line(LOG_DEBUG, "database notice", NULL);
}

/* Times are integers bound from C; the session settings keep the server's own messages quiet
 * and its clock in UTC, and give up a lock after 5 s as SQLite's busy timeout does (the
 * statement fails with ENT_EDB rather than wait for ever). */
#define SESSION_SQL                                                                                \
	"SET client_min_messages TO warning; SET TIME ZONE 'UTC'; SET lock_timeout = '5s'"

static enum ent_err pg_conn_open(struct store *base, struct store_conn **out)
{
	struct pg_store *s = PG_S(base);
	struct pg_conn *c = calloc(1, sizeof *c);
	if (!c)
		return ENT_ENOMEM;
	c->base.ops = &store_pg_ops;
	c->pg = PQconnectdb(s->url);
	if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
		/* libpq's message names the server and the user, not personal data, but it is
		 * free text: the operator reproduces it with psql and the same URI. */
		log_line(LOG_ERROR, "database connection failed", "\"engine\":\"postgresql\"");
		PQfinish(c->pg);
		free(c);
		return ENT_EDB;
	}
	PQsetNoticeProcessor(c->pg, on_notice, NULL);
	enum ent_err err = exec_plain(c, SESSION_SQL, "session");
	if (err) {
		PQfinish(c->pg);
		free(c);
		return err;
	}
	*out = &c->base;
	return ENT_OK;
}

/* A connection the server dropped (a restart, a failover, a timeout) is opened again before
 * the next statement, its statements to be prepared again; not inside a transaction, whose
 * work is lost: that statement fails, the caller's rollback ends the transaction, and the
 * next statement reconnects. */
static enum ent_err conn_alive(struct pg_conn *c)
{
	if (PQstatus(c->pg) == CONNECTION_OK)
		return ENT_OK;
	if (c->in_tx)
		return ENT_EDB;
	PQreset(c->pg);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		log_line(LOG_ERROR, "database connection failed", "\"engine\":\"postgresql\"");
		return ENT_EDB;
	}
	log_line(LOG_WARN, "database connection opened again", "\"engine\":\"postgresql\"");
	for (size_t i = 0; i < c->base.n_qs; i++)
		PG_Q(c->base.qs[i])->is_prepared = false;
	return exec_plain(c, SESSION_SQL, "session");
}

static void q_clear_row(struct pg_q *q)
{
	for (int i = 0; i < q->n_dec; i++)
		if (q->dec[i])
			PQfreemem(q->dec[i]), q->dec[i] = NULL;
}

static void q_free(struct pg_q *q)
{
	q_clear_row(q);
	PQclear(q->res);
	for (int i = 0; i < q->n_params; i++)
		free(q->vals[i]);
	free(q->vals);
	free(q->lens);
	free(q->fmts);
	free(q->types);
	free(q->prepared);
	free(q->sql);
	free(q->dec);
	free(q->dec_len);
	free(q);
}

static void pg_conn_free(struct store_conn *base, bool last)
{
	(void)last;
	struct pg_conn *c = PG_C(base);
	for (size_t i = 0; i < c->base.n_qs; i++)
		q_free(PG_Q(c->base.qs[i]));
	free(c->base.qs);
	PQfinish(c->pg);
	free(c);
}

/* SQLite's ?N (and a bare ?, the next number) become PostgreSQL's $N, outside quoted text,
 * quoted names and comments (store_backend.h). */
char *store_pg_sql(const char *sql, int *n_params)
{
	size_t n = strlen(sql), marks = 0;
	for (const char *p = strchr(sql, '?'); p; p = strchr(p + 1, '?'))
		marks++;
	char *out = malloc(n + marks * 8 + 1); /* a bare ? becomes $ and at most 7 digits */
	if (!out)
		return NULL;
	size_t o = 0;
	int max = 0;
	for (size_t i = 0; i < n;) {
		char ch = sql[i];
		if (ch == '\'' || ch == '"') { /* quoted, '' or "" inside */
			size_t j = i + 1;
			while (j < n && !(sql[j] == ch && sql[j + 1] != ch))
				j += sql[j] == ch ? 2 : 1;
			j = j < n ? j + 1 : n;
			memcpy(out + o, sql + i, j - i), o += j - i, i = j;
		} else if (ch == '-' && sql[i + 1] == '-') {
			size_t j = i;
			while (j < n && sql[j] != '\n')
				j++;
			memcpy(out + o, sql + i, j - i), o += j - i, i = j;
		} else if (ch == '/' && sql[i + 1] == '*') {
			const char *end = strstr(sql + i + 2, "*/");
			size_t j = end ? (size_t)(end - sql) + 2 : n;
			memcpy(out + o, sql + i, j - i), o += j - i, i = j;
		} else if (ch == '?') {
			int v = 0;
			size_t j = i + 1;
			while (j < n && sql[j] >= '0' && sql[j] <= '9' && v < 1000000)
				v = v * 10 + (sql[j++] - '0');
			if (j == i + 1)
				v = max + 1;
			if (v > max)
				max = v;
			o += (size_t)sprintf(out + o, "$%d", v);
			i = j;
		} else {
			out[o++] = sql[i++];
		}
	}
	out[o] = '\0';
	*n_params = max;
	return out;
}

static enum ent_err pg_q_new(struct store_conn *base, const struct store_stmt *stmt,
			     struct store_q **out)
{
	struct pg_q *q = calloc(1, sizeof *q);
	if (!q)
		return ENT_ENOMEM;
	q->c = PG_C(base);
	q->row = -1;
	q->sql = store_pg_sql(stmt->sql, &q->n_params);
	if (!q->sql) {
		free(q);
		return ENT_ENOMEM;
	}
	if (q->n_params) {
		size_t n = (size_t)q->n_params;
		q->vals = calloc(n, sizeof *q->vals);
		q->lens = calloc(n, sizeof *q->lens);
		q->fmts = calloc(n, sizeof *q->fmts);
		q->types = calloc(n, sizeof *q->types);
		q->prepared = calloc(n, sizeof *q->prepared);
		if (!q->vals || !q->lens || !q->fmts || !q->types || !q->prepared) {
			q_free(q);
			return ENT_ENOMEM;
		}
	}
	*out = &q->base;
	return ENT_OK;
}

/* PostgreSQL's answer when it could not type a parameter or an expression of one. */
static bool type_error(const PGresult *res)
{
	static const char *const states[] = {"42804", "42883", "42P08", "42P18", "42725"};
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	for (size_t i = 0; state && i < sizeof states / sizeof states[0]; i++)
		if (!strcmp(state, states[i]))
			return true;
	return false;
}

/* Prepares q, declaring the parameters bound as text or NULL (type 0) as: left to the server
 * (attempt 0), bigint for the NULLs (1), text (2). */
static PGresult *prepare_as(struct pg_q *q, int attempt)
{
	for (int i = 0; i < q->n_params; i++) {
		Oid t = q->types[i];
		if (!t && attempt == 1 && !q->vals[i])
			t = INT8_OID;
		else if (!t && attempt == 2)
			t = TEXT_OID;
		q->prepared[i] = t;
	}
	uint64_t t0 = clock_mono_ns();
	PGresult *res = PQprepare(q->c->pg, q->name, q->sql, q->n_params, q->prepared);
	store_time_add(clock_mono_ns() - t0);
	return res;
}

/* Prepares q with the types of the values bound now, unless it already was with types these
 * values fit (a NULL fits any type, text a text parameter).
 * SQLite types a value, PostgreSQL a parameter, from the SQL around it; where the SQL does not
 * pin one down (CASE WHEN ... THEN ?4 END assigned to a bigint column, `?1 IS NULL OR col =
 * ?1`, a ?N the SQL does not use), it fails with a type error, and the parameters bound as
 * text or NULL are tried again as bigint (the NULLs), then as text. A failed PREPARE inside a
 * transaction would end it, so there it runs under a savepoint. */
static enum ent_err prepare(struct pg_q *q)
{
	bool fits = q->is_prepared, untyped = false;
	for (int i = 0; fits && i < q->n_params; i++)
		fits = q->vals[i] == NULL || q->types[i] == q->prepared[i] ||
		       (q->types[i] == 0 && q->prepared[i] == TEXT_OID);
	if (fits)
		return ENT_OK;
	PGconn *pg = q->c->pg;
	if (q->is_prepared) {
		char sql[96];
		snprintf(sql, sizeof sql, "DEALLOCATE \"%s\"", q->name);
		PQclear(PQexec(pg, sql));
		q->is_prepared = false;
	}
	/* The statement's own name (what pg_prepared_statements shows), made unique on this
	 * connection by its place in the connection's list and its version. */
	size_t idx = 0;
	while (idx < q->c->base.n_qs && q->c->base.qs[idx] != &q->base)
		idx++;
	snprintf(q->name, sizeof q->name, "%.40s/%zu/%u", q->base.def->name, idx, q->version++);
	for (int i = 0; i < q->n_params; i++)
		untyped |= q->types[i] == 0;
	bool in_tx = PQtransactionStatus(pg) == PQTRANS_INTRANS;
	if (in_tx)
		PQclear(PQexec(pg, "SAVEPOINT entraide_prepare"));
	PGresult *res = prepare_as(q, 0);
	for (int attempt = 1; attempt < 3 && untyped && type_error(res); attempt++) {
		PQclear(res);
		if (in_tx)
			PQclear(PQexec(pg, "ROLLBACK TO SAVEPOINT entraide_prepare"));
		res = prepare_as(q, attempt);
	}
	enum ent_err err = ENT_OK;
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		err = map_res(res, q->base.def->name);
	else
		q->is_prepared = true;
	PQclear(res);
	if (in_tx) {
		if (err) /* the transaction goes on, as after a statement SQLite could not prepare */
			PQclear(PQexec(pg, "ROLLBACK TO SAVEPOINT entraide_prepare"));
		PQclear(PQexec(pg, "RELEASE SAVEPOINT entraide_prepare"));
	}
	return err;
}

/* Keeps a copy of a value for parameter idx (1-based); fmt 0 is text, 1 binary; type is
 * what the value is declared as when the statement is prepared (0: left to the server). */
static enum ent_err bind(struct store_q *base, int idx, const void *p, size_t len, int fmt,
			 Oid type)
{
	struct pg_q *q = PG_Q(base);
	if (idx < 1 || idx > q->n_params || len > INT32_MAX) {
		char m[128];
		snprintf(m, sizeof m, "\"stmt\":\"%s\",\"param\":%d", q->base.def->name, idx);
		log_line(LOG_ERROR, "database parameter out of range", m);
		return ENT_EDB;
	}
	char *v = NULL;
	if (p) {
		v = malloc(len + 1);
		if (!v)
			return ENT_ENOMEM;
		memcpy(v, p, len);
		v[len] = '\0';
	}
	free(q->vals[idx - 1]);
	q->vals[idx - 1] = v;
	q->lens[idx - 1] = (int)len;
	q->fmts[idx - 1] = fmt;
	q->types[idx - 1] = type;
	return ENT_OK;
}

static enum ent_err pg_bind_text(struct store_q *q, int idx, const char *s, size_t len)
{
	return bind(q, idx, s ? s : "", s ? len : 0, 0, 0);
}

static enum ent_err pg_bind_blob(struct store_q *q, int idx, const void *p, size_t len)
{
	return bind(q, idx, p ? p : "", p ? len : 0, 1, BYTEA_OID);
}

static enum ent_err pg_bind_int(struct store_q *q, int idx, int64_t v)
{
	char t[24];
	int n = snprintf(t, sizeof t, "%lld", (long long)v);
	return bind(q, idx, t, (size_t)n, 0, INT8_OID);
}

static enum ent_err pg_bind_null(struct store_q *q, int idx)
{
	return bind(q, idx, NULL, 0, 0, 0);
}

/* "1" or "0" of a type left to the server: a boolean where the SQL wants one (`?2 AND ...`,
 * `CASE WHEN ?5`), an integer beside an integer column (`flag = ?1`), as SQLite's 1 and 0. */
static enum ent_err pg_bind_bool(struct store_q *q, int idx, bool v)
{
	return bind(q, idx, v ? "1" : "0", 1, 0, 0);
}

/* Rows a command changed, as sqlite3_changes counts them: INSERT, UPDATE and DELETE only. */
static void note_changes(struct pg_conn *c, PGresult *res)
{
	const char *tag = PQcmdStatus(res);
	if (!strncmp(tag, "INSERT", 6) || !strncmp(tag, "UPDATE", 6) ||
	    !strncmp(tag, "DELETE", 6) || !strncmp(tag, "MERGE", 5))
		c->changes = strtoll(PQcmdTuples(res), NULL, 10);
}

static enum ent_err pg_step(struct store_q *base, bool *row)
{
	struct pg_q *q = PG_Q(base);
	*row = false;
	if (!q->res) {
		enum ent_err perr = conn_alive(q->c);
		if (!perr)
			perr = prepare(q);
		if (perr)
			return perr;
		uint64_t t0 = clock_mono_ns();
		PGresult *res = PQexecPrepared(q->c->pg, q->name, q->n_params,
					       (const char *const *)q->vals, q->lens, q->fmts, 0);
		store_time_add(clock_mono_ns() - t0);
		ExecStatusType st = PQresultStatus(res);
		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			enum ent_err err = map_res(res, q->base.def->name);
			PQclear(res);
			return err;
		}
		note_changes(q->c, res);
		q->res = res;
		q->n_rows = PQntuples(res);
		q->row = -1;
		int cols = PQnfields(res);
		if (cols > q->n_dec) {
			unsigned char **dec = realloc(q->dec, (size_t)cols * sizeof *dec);
			if (dec)
				q->dec = dec;
			size_t *dl = realloc(q->dec_len, (size_t)cols * sizeof *dl);
			if (dl)
				q->dec_len = dl;
			if (!dec || !dl)
				return ENT_ENOMEM;
			memset(q->dec + q->n_dec, 0, (size_t)(cols - q->n_dec) * sizeof *dec);
			q->n_dec = cols;
		}
	}
	q_clear_row(q);
	if (q->row < q->n_rows)
		q->row++;
	*row = q->row < q->n_rows;
	return ENT_OK;
}

/* The text of a column of the current row, NULL when there is none or it is NULL. */
static const char *cell(struct pg_q *q, int col)
{
	if (!q->res || q->row < 0 || q->row >= q->n_rows || col < 0 || col >= PQnfields(q->res) ||
	    PQgetisnull(q->res, q->row, col))
		return NULL;
	return PQgetvalue(q->res, q->row, col);
}

static int64_t pg_col_int(struct store_q *base, int col)
{
	struct pg_q *q = PG_Q(base);
	const char *v = cell(q, col);
	if (!v)
		return 0;
	if (PQftype(q->res, col) == BOOL_OID)
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static const void *pg_col_blob(struct store_q *base, int col, size_t *len)
{
	struct pg_q *q = PG_Q(base);
	const char *v = cell(q, col);
	*len = 0;
	if (!v)
		return NULL;
	if (PQftype(q->res, col) != BYTEA_OID) {
		*len = (size_t)PQgetlength(q->res, q->row, col);
		return v;
	}
	if (!q->dec[col]) {
		size_t n = 0;
		q->dec[col] = PQunescapeBytea((const unsigned char *)v, &n);
		if (!q->dec[col])
			return NULL;
		q->dec_len[col] = n;
	}
	*len = q->dec_len[col];
	return q->dec[col];
}

static const char *pg_col_text(struct store_q *base, int col, size_t *len)
{
	struct pg_q *q = PG_Q(base);
	const char *v = cell(q, col); /* a bytea column gives its hex form: read it as a blob */
	if (len)
		*len = v ? (size_t)PQgetlength(q->res, q->row, col) : 0;
	return v ? v : "";
}

static bool pg_col_is_null(struct store_q *base, int col)
{
	return cell(PG_Q(base), col) == NULL;
}

static void pg_q_close(struct store_q *base)
{
	struct pg_q *q = PG_Q(base);
	q_clear_row(q);
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
	q->n_rows = 0;
	for (int i = 0; i < q->n_params; i++) {
		free(q->vals[i]);
		q->vals[i] = NULL;
		q->lens[i] = 0;
		q->fmts[i] = 0;
		q->types[i] = 0;
	}
}

static int64_t pg_changes(struct store_conn *c)
{
	return PG_C(c)->changes;
}

/* The key of the advisory lock every write transaction takes ("ents"): the domain stores were
 * written for SQLite's BEGIN IMMEDIATE, one writer at a time, reading then writing without
 * another writer in between (a count checked before an insert, a next number); READ COMMITTED
 * alone would let two transactions both pass such a check. Taken by every node on the one
 * database, released at commit or rollback; reads outside a transaction never wait for it. */
#define TX_LOCK "SELECT pg_advisory_xact_lock(1701737587)"

static enum ent_err pg_tx_begin(struct store_conn *base)
{
	struct pg_conn *c = PG_C(base);
	enum ent_err err = conn_alive(c);
	if (!err)
		err = exec_plain(c, "BEGIN; " TX_LOCK, "begin");
	if (err && PQtransactionStatus(c->pg) != PQTRANS_IDLE)
		PQclear(PQexec(c->pg, "ROLLBACK"));
	c->in_tx = !err;
	return err;
}

static enum ent_err pg_tx_commit(struct store_conn *base)
{
	struct pg_conn *c = PG_C(base);
	c->in_tx = false;
	uint64_t t0 = clock_mono_ns();
	PGresult *res = PQexec(c->pg, "COMMIT");
	store_time_add(clock_mono_ns() - t0);
	enum ent_err err = ENT_OK;
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		err = map_res(res, "commit");
	else if (!strcmp(PQcmdStatus(res), "ROLLBACK")) /* the transaction had failed */
		err = ENT_ECONFLICT;
	PQclear(res);
	return err;
}

static void pg_tx_rollback(struct store_conn *base)
{
	struct pg_conn *c = PG_C(base);
	c->in_tx = false;
	PGTransactionStatusType st = PQtransactionStatus(c->pg);
	if (st == PQTRANS_INTRANS || st == PQTRANS_INERROR)
		PQclear(PQexec(c->pg, "ROLLBACK"));
}

/* store_erase_freed: the tables rewritten (store_pg_erase.c), never inside a transaction. */
static enum ent_err pg_erase_freed(struct store_conn *c)
{
	return PG_C(c)->in_tx ? ENT_ECONFLICT : store_pg_erase(c, PG_C(c)->pg);
}

static enum ent_err pg_backup(struct store *s, const char *path)
{
	(void)s;
	(void)path;
	log_line(LOG_ERROR, "store_backup is SQLite's; on postgresql use store_copy_pg_to_sqlite",
		 NULL);
	return ENT_EUNSUPPORTED;
}

/* --- migrations -------------------------------------------------------------------------- */

/* The key of the advisory lock that serialises migrations between nodes ("entr"); a node waits
 * for another's migration however long it takes (no lock_timeout). Inside a transaction. */
#define MIGRATE_LOCK "SET LOCAL lock_timeout = 0; SELECT pg_advisory_xact_lock(1701737586)"

/* Runs SQL with text parameters on c and returns its result (NULL after an error). */
static PGresult *exec_params(struct pg_conn *c, const char *sql, int n, const char *const *vals,
			     const char *what, enum ent_err *err)
{
	PGresult *res = PQexecParams(c->pg, sql, n, NULL, vals, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
		return res;
	*err = map_res(res, what);
	PQclear(res);
	return NULL;
}

static enum ent_err apply_one(struct pg_conn *c, const struct store_migration *m)
{
	char ver[16], now[24];
	snprintf(ver, sizeof ver, "%d", m->version);
	snprintf(now, sizeof now, "%lld", (long long)clock_now());
	const char *has_args[] = {ver}, *add_args[] = {ver, m->name, now};
	enum ent_err err = exec_plain(c, "BEGIN", "begin");
	if (!err)
		err = exec_plain(c, MIGRATE_LOCK, "migration_lock");
	PGresult *res = NULL;
	if (!err)
		res = exec_params(c, "SELECT 1 FROM schema_migrations WHERE version = $1::integer", 1,
				  has_args, "migration_has", &err);
	bool done = res && PQntuples(res) > 0;
	PQclear(res);
	if (!err && !done) {
		err = exec_plain(c, m->pg_sql ? m->pg_sql : m->sql, m->name);
		if (!err)
			PQclear(exec_params(c,
					    "INSERT INTO schema_migrations (version, name, applied_at) "
					    "VALUES ($1::integer, $2, $3::bigint)",
					    3, add_args, "migration_add", &err));
		if (!err) {
			char msg[160];
			snprintf(msg, sizeof msg, "\"version\":%d,\"engine\":\"postgresql\"", m->version);
			log_line(LOG_INFO, "migration applied", msg);
		}
	}
	if (err) {
		pg_tx_rollback(&c->base);
		return err;
	}
	return pg_tx_commit(&c->base);
}

static enum ent_err migrate(struct pg_conn *c)
{
	enum ent_err err = exec_plain(c,
				      "BEGIN; " MIGRATE_LOCK "; "
				      "CREATE TABLE IF NOT EXISTS schema_migrations ("
				      "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
				      "applied_at BIGINT NOT NULL); COMMIT",
				      "migrations_table");
	if (err)
		pg_tx_rollback(&c->base);
	for (size_t i = 0; !err && i < store_n_migrations; i++) {
		if (i && store_migrations[i].version <= store_migrations[i - 1].version)
			return ENT_EINTERNAL; /* the generator sorts; two files with one number */
		err = apply_one(c, &store_migrations[i]);
	}
	return err;
}

static enum ent_err pg_schema_version(struct store *s, int *version)
{
	struct store_conn *base;
	enum ent_err err = store_conn_get(s, &base);
	if (err)
		return err;
	PGresult *res = exec_params(PG_C(base), "SELECT coalesce(max(version), 0) "
				    "FROM schema_migrations", 0, NULL, "migration_max", &err);
	*version = res && PQntuples(res) ? atoi(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	return err;
}

/* --- changes made through any node (LISTEN/NOTIFY) ------------------------------------------ */

/* Migration 0106's triggers notify entraide_change at commit when posts or threads change,
 * with the thread's id ("0": any page may have changed); the watcher hands each to watch_fn. */
static PGconn *watch_connect(struct pg_store *s)
{
	PGconn *pg = PQconnectdb(s->url);
	if (pg && PQstatus(pg) == CONNECTION_OK) {
		PGresult *res = PQexec(pg, "LISTEN entraide_change");
		bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		PQclear(res);
		if (ok)
			return pg;
	}
	PQfinish(pg);
	return NULL;
}

/* Listens until pg_close; a lost connection is opened again (every second), and what was
 * missed meanwhile is told as "anything may have changed" (0). */
static void *watch_main(void *arg)
{
	struct pg_store *s = arg;
	PGconn *pg = NULL;
	while (!atomic_load(&s->watch_stop)) {
		if (!pg) {
			pg = watch_connect(s);
			if (!pg) {
				log_line(LOG_WARN, "database watch not connected", "\"engine\":\"postgresql\"");
				for (int i = 0; i < 4 && !atomic_load(&s->watch_stop); i++)
					poll(NULL, 0, 250);
				continue;
			}
			s->watch_fn(0, s->watch_arg);
		}
		struct pollfd p = {.fd = PQsocket(pg), .events = POLLIN};
		if (poll(&p, 1, 250) > 0 && !PQconsumeInput(pg)) {
			PQfinish(pg);
			pg = NULL;
			continue;
		}
		PGnotify *n;
		while ((n = PQnotifies(pg))) {
			s->watch_fn(strtoll(n->extra, NULL, 10), s->watch_arg);
			PQfreemem(n);
		}
	}
	PQfinish(pg);
	return NULL;
}

static enum ent_err pg_watch(struct store *base, void (*fn)(int64_t thread, void *arg), void *arg)
{
	struct pg_store *s = PG_S(base);
	if (s->watching)
		return ENT_EINVAL;
	s->watch_fn = fn;
	s->watch_arg = arg;
	atomic_store(&s->watch_stop, false);
	if (pthread_create(&s->watcher, NULL, watch_main, s))
		return ENT_ENOMEM;
	s->watching = true;
	return ENT_OK;
}

/* --- open, close ------------------------------------------------------------------------- */

static void pg_close(struct store *base)
{
	struct pg_store *s = PG_S(base);
	if (s->watching) {
		atomic_store(&s->watch_stop, true);
		pthread_join(s->watcher, NULL);
	}
	store_base_close(&s->base);
	free(s->url);
	free(s);
}

static enum ent_err pg_open(struct store **out, const char *url)
{
	*out = NULL;
	if (!PQisthreadsafe())
		return ENT_EUNSUPPORTED;
	struct pg_store *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	s->url = strdup(url);
	if (!s->url) {
		free(s);
		return ENT_ENOMEM;
	}
	store_base_init(&s->base, &store_pg_ops);
	struct store_conn *c;
	enum ent_err err = store_conn_get(&s->base, &c);
	if (!err)
		err = migrate(PG_C(c));
	if (err) {
		log_err("store open failed", err, NULL);
		pg_close(&s->base);
		return err;
	}
	*out = &s->base;
	return ENT_OK;
}

const struct store_ops store_pg_ops = {
	.name = "postgresql",
	.shared = true,
	.search = &store_pg_search,
	.open = pg_open,
	.close = pg_close,
	.conn_open = pg_conn_open,
	.conn_free = pg_conn_free,
	.q_new = pg_q_new,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_int = pg_bind_int,
	.bind_null = pg_bind_null,
	.bind_bool = pg_bind_bool,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_is_null = pg_col_is_null,
	.q_close = pg_q_close,
	.changes = pg_changes,
	.tx_begin = pg_tx_begin,
	.tx_commit = pg_tx_commit,
	.tx_rollback = pg_tx_rollback,
	.erase_freed = pg_erase_freed,
	.backup = pg_backup,
	.schema_version = pg_schema_version,
	.watch = pg_watch,
};
