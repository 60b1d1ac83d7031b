/*
 * store_pg_erase.c - real deletion (R6) on PostgreSQL: what store_erase_freed does there.
 *
 * A deleted (or updated) row stays in its table's pages as a dead tuple until VACUUM. Measured
 * on the test cluster (docs/operations.md, "Real deletion"): a plain VACUUM frees the space
 * but leaves the bytes wherever the page's live rows did not move over them (the last rows
 * written to a page, the most recent ones, stay whole in its free space), and the keys of
 * B-tree and GIN indexes (a handle, a searched word) stay in the index pages; only rewriting
 * the table and its indexes, VACUUM (FULL), takes them out of the files of base/. A rewrite
 * holds an ACCESS EXCLUSIVE lock on its table while it runs: every node waits to read it.
 * So, after a deletion, each table of the current schema of up to STORE_PG_REWRITE_MAX bytes
 * (heap, TOAST and indexes: tens of milliseconds, 1.5 s for 56 MB on a loaded test machine)
 * is rewritten, waiting at most LOCK_WAIT for its lock; a larger table is only vacuumed (a
 * lock that blocks neither reads nor writes), and so is one whose lock did not come, which
 * makes the answer ENT_ECONFLICT (the caller tries again later). The files change on disk at
 * the next checkpoint (the old file of a rewritten table is removed then).
 * A rewrite copies the rows some transaction may still see: a snapshot older than the
 * deletion (another node's transaction, an autovacuum ANALYZE, a pg_dump) keeps the deleted
 * rows in the new files, and the rewrite still succeeds; so does a transaction of any database
 * of the cluster that began before the deletion and still runs (every new snapshot's horizon
 * is the oldest running transaction's). So the erase first waits, at most HORIZON_WAIT_MS,
 * until no other session of the database holds such a snapshot (pg_stat_activity.backend_xmin;
 * a role sees other roles' sessions there only with pg_read_all_stats, docs/operations.md)
 * and no such transaction runs (the current snapshot's xmin), else answers ENT_ECONFLICT.
 * Tables whose lock did not come are tried again, at most RETRIES times, PAUSE_MS apart: an
 * autovacuum of a small table holds its lock for milliseconds (a test under load met one),
 * and waiting longer for a lock would stall every reader queued behind the rewrite's.
 * VACUUM is a utility command: PostgreSQL does not prepare it, so it runs as plain SQL on the
 * caller's connection (idle, outside a transaction, as VACUUM requires), with a table name
 * PostgreSQL quoted itself (format('%I')); the list of tables is a named statement.
 * Statistics: ANALYZE copies sampled values into the catalog pg_statistic, which no rewrite of
 * the tables touches; the columns of who a member is and what they wrote are kept out of it
 * (migration 0702). posts_fts.tsv keeps its most common elements (they choose the search's
 * plan): the erase does not rewrite pg_statistic (a VACUUM (FULL) of a catalog locks every
 * node's planning out of it, and keeps the rows an older snapshot may see: the session's
 * second review); docs/operations.md says what that leaves.
 * Not responsible for: the WAL, standbys and backups, which keep what they hold (documented);
 * what is deleted (the domain stores).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/log.h"
#include "store/store_backend.h"
#include "store/store_pg_erase.h"

/* How long a rewrite waits for its table's lock; the connections' own setting is put back
 * after (SESSION_SQL of store_pg.c). */
#define LOCK_WAIT "SET lock_timeout = '200ms'"
#define LOCK_BACK "SET lock_timeout = '5s'"
#define HORIZON_WAIT_MS 2000
#define POLL_MS 50
#define RETRIES 4
#define PAUSE_MS 250

/* The next transaction id when the erase starts (modulo 2^32, as backend_xmin is): every
 * deletion committed before has a smaller one. */
static const struct store_stmt Q_NEXT_XID = {
	"pg.erase_next_xid",
	"SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296"};

/* Sessions of this database (this one aside) whose snapshot is older than ?1, plus one while
 * a transaction of any database that began before ?1 still runs: xids compare modulo 2^32,
 * the older one less than 2^31 behind. The second term: every new snapshot, the rewrite's
 * own included, takes as its horizon the oldest transaction still running in the whole
 * cluster (another node's database, a CREATE DATABASE from a template): while one older than
 * the deletion runs, the deleted rows are only "recently dead" and VACUUM (FULL) copies them
 * (a CI run met it: the erase said done, the handle stayed). */
static const struct store_stmt Q_OLD_SNAPSHOTS = {
	"pg.erase_old_snapshots",
	"SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
	"AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL "
	"AND (?1 - backend_xmin::text::bigint + 4294967296) % 4294967296 BETWEEN 1 AND 2147483647) "
	"+ CASE WHEN (?1 - pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296 "
	"+ 4294967296) % 4294967296 BETWEEN 1 AND 2147483647 THEN 1 ELSE 0 END"};

static const struct store_stmt Q_TABLES = {
	"pg.erase_tables",
	"SELECT format('%I', c.relname), pg_total_relation_size(c.oid) FROM pg_class c "
	"JOIN pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname"};

/* What one erase did, table by table; the tables whose lock did not come, to try again. */
#define BUSY_MAX 32
struct erase {
	PGconn *pg;
	unsigned rewritten, vacuumed, busy, failed, retries;
	char why[6]; /* the SQLSTATE of the last failure */
	unsigned nbusy;
	char busy_names[BUSY_MAX][136]; /* a name: 63 bytes, quotes doubled, two around */
};

/* Runs a utility command; its SQLSTATE into state (empty when it succeeded). */
static bool run(PGconn *pg, const char *sql, char state[6])
{
	uint64_t t0 = clock_mono_ns();
	PGresult *res = PQexec(pg, sql);
	store_time_add(clock_mono_ns() - t0);
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	const char *s = ok ? NULL : PQresultErrorField(res, PG_DIAG_SQLSTATE);
	snprintf(state, 6, "%s", s ? s : "");
	PQclear(res);
	return ok;
}

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Rewrites one table; false when its lock did not come within LOCK_WAIT. */
static bool rewrite(struct erase *e, const char *name)
{
	char sql[160], state[6];
	snprintf(sql, sizeof sql, "VACUUM (FULL) %s", name);
	if (run(e->pg, sql, state)) {
		e->rewritten++;
		return true;
	}
	if (!strcmp(state, "55P03")) /* a lock that did not come */
		return false;
	e->failed++;
	memcpy(e->why, state, sizeof e->why);
	return true;
}

/* A plain VACUUM: what a table too large to rewrite, or still locked, gets. */
static void vacuum(struct erase *e, const char *name)
{
	char sql[160], state[6];
	snprintf(sql, sizeof sql, "VACUUM %s", name);
	if (run(e->pg, sql, state)) {
		e->vacuumed++;
	} else {
		e->failed++;
		memcpy(e->why, state, sizeof e->why);
	}
}

/* A row of Q_TABLES (its whole result is read already: the connection is free for VACUUM):
 * rewritten when small enough; kept for another try when its lock did not come (vacuumed
 * at once when the list of those is full); larger tables vacuumed. */
static enum ent_err erase_table(struct store_q *q, void *arg)
{
	struct erase *e = arg;
	char name[136];
	store_q_text_copy(q, 0, name, sizeof name);
	if (store_q_int(q, 1) > STORE_PG_REWRITE_MAX) {
		vacuum(e, name);
	} else if (!rewrite(e, name)) {
		if (e->nbusy < BUSY_MAX) {
			memcpy(e->busy_names[e->nbusy++], name, sizeof name);
		} else {
			e->busy++;
			vacuum(e, name);
		}
	}
	return ENT_OK;
}

/* The tables whose lock did not come, tried again RETRIES times; those still locked are
 * vacuumed and counted busy. */
static void retry_busy(struct erase *e)
{
	for (unsigned t = 0; t < RETRIES && e->nbusy; t++) {
		pause_ms(PAUSE_MS);
		e->retries++;
		unsigned left = 0;
		for (unsigned i = 0; i < e->nbusy; i++)
			if (!rewrite(e, e->busy_names[i]))
				memmove(e->busy_names[left++], e->busy_names[i], sizeof e->busy_names[i]);
		e->nbusy = left;
	}
	for (unsigned i = 0; i < e->nbusy; i++) {
		e->busy++;
		vacuum(e, e->busy_names[i]);
	}
	e->nbusy = 0;
}

/* Waits, at most HORIZON_WAIT_MS, until no other session holds a snapshot older than the
 * erase's start and no transaction older than it runs. ENT_ECONFLICT when one still does. */
static enum ent_err wait_horizon(struct store_conn *c)
{
	int64_t next = 0, old = 0;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_NEXT_XID, &q);
	if (!err)
		err = store_q_row_int(q, &next);
	for (long waited = 0; !err; waited += POLL_MS) {
		err = store_q_open_int(c, &Q_OLD_SNAPSHOTS, next, &q);
		if (!err)
			err = store_q_row_int(q, &old);
		if (err || !old)
			break;
		if (waited >= HORIZON_WAIT_MS)
			return ENT_ECONFLICT;
		pause_ms(POLL_MS);
	}
	return err;
}

enum ent_err store_pg_erase(struct store_conn *c, PGconn *pg)
{
	if (PQtransactionStatus(pg) != PQTRANS_IDLE) {
		/* said, so that a deletion whose erase never ran shows in the log (the caller tries
		 * again later on the upkeep's connection) */
		log_line(LOG_WARN, "deleted rows not erased yet: the connection is in a transaction", NULL);
		return ENT_ECONFLICT;
	}
	uint64_t t0 = clock_mono_ns();
	struct erase *e = calloc(1, sizeof *e);
	if (!e)
		return ENT_ENOMEM;
	e->pg = pg;
	char state[6];
	struct store_q *q;
	enum ent_err err = wait_horizon(c);
	bool snapshot = err == ENT_ECONFLICT;
	if (!err)
		err = run(pg, LOCK_WAIT, state) ? store_q_open(c, &Q_TABLES, &q) : ENT_EDB;
	if (!err)
		err = store_q_each(q, erase_table, e);
	if (!err)
		retry_busy(e);
	if (!snapshot && !run(pg, LOCK_BACK, state) && !err)
		err = ENT_EDB;
	char m[224];
	snprintf(m, sizeof m,
		 "\"rewritten\":%u,\"vacuumed\":%u,\"busy\":%u,\"retries\":%u,\"failed\":%u,"
		 "\"old_snapshot\":%s,\"sqlstate\":\"%s\",\"ms\":%llu",
		 e->rewritten, e->vacuumed, e->busy, e->retries, e->failed,
		 snapshot ? "true" : "false", e->why,
		 (unsigned long long)((clock_mono_ns() - t0) / 1000000));
	log_line(e->failed || snapshot ? LOG_WARN : LOG_INFO, "deleted rows erased from the tables",
		 m);
	if (!err)
		err = e->failed ? ENT_EDB : e->busy ? ENT_ECONFLICT : ENT_OK;
	free(e);
	return err;
}
