/*
 * store_sqlite.c - the SQLite back end of store.h (store_backend.h): connections in WAL mode,
 * named statements prepared once per connection, migrations, online backup.
 * Not responsible for: the meaning of tables (store_account.c, ...), choosing the back end
 * and keeping each thread's connection (store.c).
 */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/log.h"
#include "store/store_backend.h"
#include "store/store_sqlite_ckpt.h"
#include "store/store_sqlite_vfs.h"

struct sq_q {
	struct store_q base;
	sqlite3_stmt *st;
	struct sq_conn *c;
};

struct sq_conn {
	struct store_conn base;
	sqlite3 *db;
	/* Read transactions begun and not ended (store_read_begin nests: a request's and its
	 * handler's share one); the statements inside must not write (sq_step checks). */
	int read_depth;
	/* BEGIN DEFERRED and COMMIT of read transactions, prepared once: sqlite3_exec parses
	 * its text on every call, which cost more than the file locks the transaction saves. */
	sqlite3_stmt *read_begin_st, *read_commit_st;
};

struct sq_store {
	struct store base;
	char *path;
	struct sq_ckpt *ckpt; /* the checkpointer thread; NULL: SQLite's automatic checkpoints */
};

/* The back end's own view of the objects store.c hands it (each embeds the neutral one). */
#define SQ_S(x) ((struct sq_store *)(x))
#define SQ_C(x) ((struct sq_conn *)(x))
#define SQ_Q(x) ((struct sq_q *)(x))

static enum ent_err map_rc(sqlite3 *db, int rc, const char *what)
{
	int ext = db ? sqlite3_extended_errcode(db) : rc;
	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return ENT_EEXIST;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return ENT_ECONFLICT;
	if ((rc & 0xff) == SQLITE_NOMEM)
		return ENT_ENOMEM;
	/* The SQLite message may quote values, so only the code and the statement name go out. */
	char m[192];
	snprintf(m, sizeof m, "\"sqlite\":%d,\"stmt\":\"%s\"", ext, what ? what : "");
	log_line(LOG_ERROR, "database error", m);
	return ENT_EDB;
}

/* The page cache of each connection (one per worker thread, the writer and the upkeep
 * thread), in KiB: the pages a request reads more than once. Since the shared cache under every
 * connection (store_sqlite_vfs.c, 2 MiB) holds the pages all requests walk (the tops of
 * posts_notify, follows, sessions, notifications_account), a page this cache lacks costs a copy
 * from there, not a system call; and in WAL mode SQLite empties this cache whenever another
 * connection committed, one request in ten under bench/members' mixed load.
 * Pages are allocated as they are used, so an idle connection holds little. The notifications
 * page walks more pages in one request than 128 or 256 KiB hold: bench/members' notifications
 * mode ran at 7,500 and 9,600 req/s with them against 13,600 on main (768 KiB, no shared
 * cache), and 13,300 at 384 KiB. Peak RSS under the benchmark (the 30 MB bar of issue 13):
 * 28.2-28.5 MB at 128 KiB with a 3 MiB shared cache, 29.9 at 256, 30.1 at 512, 29.0 at 384 KiB
 * with the shared cache at 2 MiB (main: 27.2). */
#define STORE_CACHE_KIB "384"

static enum ent_err sq_conn_open(struct store *base, struct store_conn **out)
{
	struct sq_store *s = SQ_S(base);
	struct sq_conn *c = calloc(1, sizeof *c);
	if (!c)
		return ENT_ENOMEM;
	c->base.ops = &store_sqlite_ops;
	/* The shared page cache under every connection of the process (store_sqlite_vfs.h). */
	int rc = sqlite3_open_v2(s->path, &c->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
				 sq_vfs_name());
	if (rc != SQLITE_OK) {
		enum ent_err err = map_rc(NULL, rc, "open");
		sqlite3_close(c->db);
		free(c);
		return err;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 5000);
	rc = sqlite3_exec(c->db,
			  "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
			  "PRAGMA trusted_schema=OFF; PRAGMA secure_delete=ON;"
			  "PRAGMA cache_size=-" STORE_CACHE_KIB ";",
			  NULL, NULL, NULL);
	if (rc == SQLITE_OK && s->ckpt)
		sq_ckpt_watch(s->ckpt, c->db);
	if (rc != SQLITE_OK) {
		enum ent_err err = map_rc(c->db, rc, "pragmas");
		sqlite3_close(c->db);
		free(c);
		return err;
	}
	*out = &c->base;
	return ENT_OK;
}

/* secure_delete (above; Debian's build has it on by default, other builds may not) zeroes what
 * a deletion frees in the database file; the WAL still holds the frames written before, until
 * a checkpoint copies them back and TRUNCATE cuts the file to zero bytes. It waits
 * (busy_timeout) for readers to finish; ENT_ECONFLICT if one stays. */
static enum ent_err sq_wal_truncate(struct store_conn *base)
{
	struct sq_conn *c = SQ_C(base);
	int n_log = 0, n_ckpt = 0;
	int rc = sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_ckpt);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		log_line(LOG_WARN, "wal not truncated", "\"reason\":\"busy\"");
		return ENT_ECONFLICT;
	}
	return rc == SQLITE_OK ? ENT_OK : map_rc(c->db, rc, "wal_truncate");
}

static void sq_conn_free(struct store_conn *base, bool checkpoint)
{
	struct sq_conn *c = SQ_C(base);
	for (size_t i = 0; i < c->base.n_qs; i++) {
		sqlite3_finalize(SQ_Q(c->base.qs[i])->st);
		free(c->base.qs[i]);
	}
	free(c->base.qs);
	sqlite3_finalize(c->read_begin_st);
	sqlite3_finalize(c->read_commit_st);
	if (checkpoint)
		sqlite3_exec(c->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
	sqlite3_close(c->db);
	free(c);
}

static enum ent_err exec_plain(sqlite3 *db, const char *sql, const char *what)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ENT_OK : map_rc(db, rc, what);
}

/* A write, or a write transaction, asked inside a read transaction (store_read_begin). */
static enum ent_err write_in_read(const char *what)
{
	char m[160];
	snprintf(m, sizeof m, "\"stmt\":\"%s\"", what);
	log_line(LOG_ERROR, "write inside a read transaction", m);
	return ENT_EINTERNAL;
}

static enum ent_err sq_tx_begin(struct store_conn *c)
{
	if (SQ_C(c)->read_depth)
		return write_in_read("begin");
	return exec_plain(SQ_C(c)->db, "BEGIN IMMEDIATE", "begin");
}

static enum ent_err sq_tx_commit(struct store_conn *c)
{
	return exec_plain(SQ_C(c)->db, "COMMIT", "commit");
}

static void sq_tx_rollback(struct store_conn *c)
{
	if (!sqlite3_get_autocommit(SQ_C(c)->db))
		sqlite3_exec(SQ_C(c)->db, "ROLLBACK", NULL, NULL, NULL);
}

static enum ent_err sq_read_begin(struct store_conn *c)
{
	struct sq_conn *sc = SQ_C(c);
	if (sc->read_depth > 0) {
		sc->read_depth++;
		return ENT_OK;
	}
	int rc = SQLITE_OK;
	if (!sc->read_begin_st)
		rc = sqlite3_prepare_v3(sc->db, "BEGIN DEFERRED", -1, SQLITE_PREPARE_PERSISTENT,
					&sc->read_begin_st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(sc->read_begin_st);
		sqlite3_reset(sc->read_begin_st);
	}
	if (rc != SQLITE_OK && rc != SQLITE_DONE)
		return map_rc(sc->db, rc, "read_begin");
	sc->read_depth = 1;
	return ENT_OK;
}

/* A read transaction wrote nothing: COMMIT only releases the read lock (ROLLBACK when it
 * failed, so the connection goes back to its pool outside a transaction). */
static void sq_read_end(struct store_conn *c)
{
	struct sq_conn *sc = SQ_C(c);
	if (sc->read_depth > 1) {
		sc->read_depth--;
		return;
	}
	sc->read_depth = 0;
	sqlite3 *db = sc->db;
	if (sqlite3_get_autocommit(db))
		return;
	int rc = SQLITE_OK;
	if (!sc->read_commit_st)
		rc = sqlite3_prepare_v3(db, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &sc->read_commit_st,
					NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(sc->read_commit_st);
		sqlite3_reset(sc->read_commit_st);
	}
	if (rc != SQLITE_DONE)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

static int64_t sq_changes(struct store_conn *c)
{
	return sqlite3_changes64(SQ_C(c)->db);
}

static enum ent_err sq_q_new(struct store_conn *base, const struct store_stmt *stmt,
			     struct store_q **out)
{
	struct sq_conn *c = SQ_C(base);
	struct sq_q *q = calloc(1, sizeof *q);
	if (!q)
		return ENT_ENOMEM;
	int rc = sqlite3_prepare_v3(c->db, stmt->sql, -1, SQLITE_PREPARE_PERSISTENT, &q->st, NULL);
	if (rc != SQLITE_OK) {
		free(q);
		return map_rc(c->db, rc, stmt->name);
	}
	q->c = c;
	*out = &q->base;
	return ENT_OK;
}

static enum ent_err bind_rc(struct store_q *q, int rc)
{
	return rc == SQLITE_OK ? ENT_OK : map_rc(SQ_Q(q)->c->db, rc, q->def->name);
}

static enum ent_err sq_bind_text(struct store_q *q, int idx, const char *s, size_t len)
{
	return bind_rc(q, sqlite3_bind_text64(SQ_Q(q)->st, idx, s, len, SQLITE_TRANSIENT,
					      SQLITE_UTF8));
}

static enum ent_err sq_bind_blob(struct store_q *q, int idx, const void *p, size_t len)
{
	return bind_rc(q, sqlite3_bind_blob64(SQ_Q(q)->st, idx, p, len, SQLITE_TRANSIENT));
}

static enum ent_err sq_bind_int(struct store_q *q, int idx, int64_t v)
{
	return bind_rc(q, sqlite3_bind_int64(SQ_Q(q)->st, idx, v));
}

static enum ent_err sq_bind_null(struct store_q *q, int idx)
{
	return bind_rc(q, sqlite3_bind_null(SQ_Q(q)->st, idx));
}

static enum ent_err sq_step(struct store_q *base, bool *row)
{
	struct sq_q *q = SQ_Q(base);
	/* A write inside a read transaction would need the write lock on an old snapshot
	 * (SQLITE_BUSY_SNAPSHOT under load) and breaks "a read never writes": refused always. */
	if (q->c->read_depth && !sqlite3_stmt_readonly(q->st))
		return write_in_read(q->base.def->name);
	uint64_t t0 = clock_mono_ns();
	int rc = sqlite3_step(q->st);
	store_time_add(clock_mono_ns() - t0);
	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return ENT_OK;
	return map_rc(q->c->db, rc, q->base.def->name);
}

static int64_t sq_col_int(struct store_q *q, int col)
{
	return sqlite3_column_int64(SQ_Q(q)->st, col);
}

static const char *sq_col_text(struct store_q *q, int col, size_t *len)
{
	sqlite3_stmt *st = SQ_Q(q)->st;
	const unsigned char *t = sqlite3_column_text(st, col);
	if (len)
		*len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	return t ? (const char *)t : "";
}

static const void *sq_col_blob(struct store_q *q, int col, size_t *len)
{
	sqlite3_stmt *st = SQ_Q(q)->st;
	const void *p = sqlite3_column_blob(st, col);
	*len = p ? (size_t)sqlite3_column_bytes(st, col) : 0;
	return p;
}

static bool sq_col_is_null(struct store_q *q, int col)
{
	return sqlite3_column_type(SQ_Q(q)->st, col) == SQLITE_NULL;
}

static void sq_q_close(struct store_q *q)
{
	sqlite3_reset(SQ_Q(q)->st);
	sqlite3_clear_bindings(SQ_Q(q)->st);
}

/* --- migrations -------------------------------------------------------------------------- */

static const struct store_stmt Q_MIG_TABLE = {
	"store.migrations_table",
	"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
	"name TEXT NOT NULL, applied_at INTEGER NOT NULL)"};
static const struct store_stmt Q_MIG_HAS = {
	"store.migration_has", "SELECT 1 FROM schema_migrations WHERE version = ?1"};
static const struct store_stmt Q_MIG_ADD = {
	"store.migration_add",
	"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)"};
static const struct store_stmt Q_MIG_MAX = {
	"store.migration_max", "SELECT coalesce(max(version), 0) FROM schema_migrations"};

static enum ent_err apply_one(struct store_conn *c, const struct store_migration *m)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open(c, &Q_MIG_HAS, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, m->version);
	err = store_q_step(q, &row);
	store_q_close(q);
	if (err || row)
		goto out;
	err = exec_plain(SQ_C(c)->db, m->sql, m->name);
	if (err)
		goto out;
	err = store_q_open(c, &Q_MIG_ADD, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, m->version);
	store_q_bind_text(q, 2, m->name, strlen(m->name));
	store_q_bind_int(q, 3, clock_now());
	err = store_q_exec(q);
	store_q_close(q);
	if (!err) {
		char msg[160];
		snprintf(msg, sizeof msg, "\"version\":%d", m->version);
		log_line(LOG_INFO, "migration applied", msg);
	}
out:
	if (err)
		store_tx_rollback(c);
	else
		err = store_tx_commit(c);
	return err;
}

static enum ent_err migrate(struct store_conn *c)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_MIG_TABLE, &q);
	if (err)
		return err;
	err = store_q_exec(q);
	store_q_close(q);
	for (size_t i = 0; !err && i < store_n_migrations; i++) {
		if (i && store_migrations[i].version <= store_migrations[i - 1].version)
			return ENT_EINTERNAL; /* the generator sorts; two files with one number */
		err = apply_one(c, &store_migrations[i]);
	}
	return err;
}

static enum ent_err sq_schema_version(struct store *s, int *version)
{
	struct store_conn *c;
	struct store_q *q;
	bool row;
	enum ent_err err = store_conn_get(s, &c);
	if (!err)
		err = store_q_open(c, &Q_MIG_MAX, &q);
	if (err)
		return err;
	err = store_q_step(q, &row);
	*version = row ? (int)store_q_int(q, 0) : 0;
	store_q_close(q);
	return err;
}

/* --- open, close, backup ----------------------------------------------------------------- */

/* Process-wide SQLite settings, before its first use: no global memory statistics (they take
 * a global mutex on every allocation, which serialises the worker threads). */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void sq_close(struct store *base);

static enum ent_err sq_open(struct store **out, const char *path)
{
	*out = NULL;
	pthread_once(&config_once, configure);
	struct sq_store *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	s->path = strdup(path);
	if (!s->path) {
		free(s);
		return ENT_ENOMEM;
	}
	store_base_init(&s->base, &store_sqlite_ops);
	if (sq_ckpt_start(path, &s->ckpt))
		s->ckpt = NULL;
	mode_t old = umask(077);
	struct store_conn *c;
	enum ent_err err = store_conn_get(&s->base, &c);
	umask(old);
	if (!err)
		err = migrate(c);
	if (err) {
		log_err("store open failed", err, NULL);
		sq_close(&s->base);
		return err;
	}
	*out = &s->base;
	return ENT_OK;
}

static void sq_close(struct store *base)
{
	struct sq_store *s = SQ_S(base);
	sq_ckpt_stop(s->ckpt); /* before the connections' own TRUNCATE checkpoints */
	store_base_close(&s->base);
	free(s->path);
	free(s);
}

static enum ent_err sq_backup(struct store *base, const char *path)
{
	struct sq_store *s = SQ_S(base);
	sqlite3 *src = NULL, *dst = NULL;
	enum ent_err err = ENT_OK;
	mode_t old = umask(077);
	int rc = sqlite3_open_v2(s->path, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		err = ENT_EIO;
		goto out;
	}
	sqlite3_busy_timeout(src, 5000);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		err = map_rc(dst, sqlite3_errcode(dst), "backup");
		goto out;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		err = map_rc(dst, rc, "backup");
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	return err;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.search = &store_sqlite_search,
	.open = sq_open,
	.close = sq_close,
	.conn_open = sq_conn_open,
	.conn_free = sq_conn_free,
	.q_new = sq_q_new,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_is_null = sq_col_is_null,
	.q_close = sq_q_close,
	.changes = sq_changes,
	.tx_begin = sq_tx_begin,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
	.tx_commit = sq_tx_commit,
	.tx_rollback = sq_tx_rollback,
	.erase_freed = sq_wal_truncate,
	.backup = sq_backup,
	.schema_version = sq_schema_version,
};
