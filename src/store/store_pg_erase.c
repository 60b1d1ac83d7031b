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
 * VACUUM is a utility command: PostgreSQL does not prepare it, so it runs as plain SQL on the
 * caller's connection (idle, outside a transaction, as VACUUM requires), with a table name
 * PostgreSQL quoted itself (format('%I')); the list of tables is a named statement.
 * Not responsible for: the WAL, standbys and backups, which keep what they hold (documented);
 * what is deleted (the domain stores).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/log.h"
#include "store/store_backend.h"
#include "store/store_pg_erase.h"

/* How long a rewrite waits for its table's lock; the connections' own setting is put back
 * after (SESSION_SQL of store_pg.c). */
#define LOCK_WAIT "SET lock_timeout = '200ms'"
#define LOCK_BACK "SET lock_timeout = '5s'"

static const struct store_stmt Q_TABLES = {
	"pg.erase_tables",
	"SELECT format('%I', c.relname), pg_total_relation_size(c.oid) FROM pg_class c "
	"JOIN pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname"};

/* What one erase did, table by table. */
struct erase {
	PGconn *pg;
	unsigned rewritten, vacuumed, busy, failed;
	char why[6]; /* the SQLSTATE of the last failure */
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

/* A row of Q_TABLES (its whole result is read already: the connection is free for VACUUM):
 * rewritten when small enough and its lock comes, else vacuumed. */
static enum ent_err erase_table(struct store_q *q, void *arg)
{
	struct erase *e = arg;
	char name[136], sql[160], state[6]; /* a name: 63 bytes, quotes doubled, two around */
	store_q_text_copy(q, 0, name, sizeof name);
	if (store_q_int(q, 1) <= STORE_PG_REWRITE_MAX) {
		snprintf(sql, sizeof sql, "VACUUM (FULL) %s", name);
		if (run(e->pg, sql, state)) {
			e->rewritten++;
			return ENT_OK;
		}
		if (strcmp(state, "55P03")) { /* not a lock that did not come */
			e->failed++;
			memcpy(e->why, state, sizeof e->why);
			return ENT_OK;
		}
		e->busy++;
	}
	snprintf(sql, sizeof sql, "VACUUM %s", name);
	if (run(e->pg, sql, state)) {
		e->vacuumed++;
	} else {
		e->failed++;
		memcpy(e->why, state, sizeof e->why);
	}
	return ENT_OK;
}

enum ent_err store_pg_erase(struct store_conn *c, PGconn *pg)
{
	if (PQtransactionStatus(pg) != PQTRANS_IDLE)
		return ENT_ECONFLICT;
	uint64_t t0 = clock_mono_ns();
	struct erase e = {.pg = pg};
	char state[6];
	struct store_q *q;
	enum ent_err err = run(pg, LOCK_WAIT, state) ? store_q_open(c, &Q_TABLES, &q) : ENT_EDB;
	if (!err)
		err = store_q_each(q, erase_table, &e);
	if (!run(pg, LOCK_BACK, state) && !err)
		err = ENT_EDB;
	char m[192];
	snprintf(m, sizeof m,
		 "\"rewritten\":%u,\"vacuumed\":%u,\"busy\":%u,\"failed\":%u,\"sqlstate\":\"%s\","
		 "\"ms\":%llu",
		 e.rewritten, e.vacuumed, e.busy, e.failed, e.why,
		 (unsigned long long)((clock_mono_ns() - t0) / 1000000));
	log_line(e.failed ? LOG_WARN : LOG_INFO, "deleted rows erased from the tables", m);
	if (err)
		return err;
	return e.failed ? ENT_EDB : e.busy ? ENT_ECONFLICT : ENT_OK;
}
