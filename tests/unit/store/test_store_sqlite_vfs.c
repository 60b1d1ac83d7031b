/* test_store_sqlite_vfs.c - the shared page cache under SQLite (store_sqlite_vfs.c): every read
 * through it matches the truth while another connection writes, checkpoints and restarts the
 * log, in this process (threads) and in another (fork); nothing is cached outside WAL mode.
 *
 * The truth: transaction T of the writer sets v = T and a padding of bytes derived from (id, T)
 * on the rows touched(id, T) selects, and meta.tx = T, so a reader that reads meta.tx = T in its
 * transaction knows every row's value (expect). A stale page, from the log or the database file,
 * shows as a row whose v or padding belongs to another transaction. A connection on SQLite's
 * plain VFS checks the same truth beside, and at the end both see the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store_sqlite_vfs.h"

#define N_ROWS 1500
#define PAD 400
#define N_TX 240
#define N_READERS 3

static char dir[256];

/* By blocks of 40 rows (a few pages): a transaction leaves most pages alone, so pages read from
 * the database file before a checkpoint are read from it again after one. */
static bool touched(int id, int t)
{
	uint32_t h = (uint32_t)(id / 40) * 2654435761u ^ (uint32_t)t * 2246822519u;
	h ^= h >> 15;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	return h % 4 == 0;
}

static int expect(int id, int t)
{
	for (; t > 0; t--)
		if (touched(id, t))
			return t;
	return 0;
}

static unsigned char pad_byte(int id, int v)
{
	return (unsigned char)(id * 31 + v * 7 + 1);
}

static sqlite3 *open_db(const char *path, bool shared, int cache_pages)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
						    SQLITE_OPEN_NOMUTEX,
				 shared ? sq_vfs_name() : NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode=WAL; PRAGMA cache_size=%d;", cache_pages);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Creates the database at path (WAL mode) with every row at v = 0. */
static void make_db(const char *path)
{
	unlink(path);
	sqlite3 *db = open_db(path, false, 2000);
	assert_non_null(db);
	assert_int_equal(exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL,"
				  " pad BLOB NOT NULL);"
				  "CREATE INDEX t_v ON t (v);"
				  "CREATE TABLE meta (k INTEGER PRIMARY KEY, tx INTEGER NOT NULL);"
				  "INSERT INTO meta VALUES (1, 0); BEGIN"),
			 SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, 0, ?2)", -1, &st, NULL),
			 SQLITE_OK);
	unsigned char pad[PAD];
	for (int id = 1; id <= N_ROWS; id++) {
		memset(pad, pad_byte(id, 0), sizeof pad);
		sqlite3_bind_int(st, 1, id);
		sqlite3_bind_blob(st, 2, pad, sizeof pad, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
	sqlite3_close(db);
}

/* Transaction t of the writer. SQLITE_OK or the failing code. */
static int write_tx(sqlite3 *db, int t)
{
	int rc = exec(db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(db, "UPDATE t SET v = ?2, pad = ?3 WHERE id = ?1", -1, &st, NULL);
	unsigned char pad[PAD];
	for (int id = 1; rc == SQLITE_OK && id <= N_ROWS; id++) {
		if (!touched(id, t))
			continue;
		memset(pad, pad_byte(id, t), sizeof pad);
		sqlite3_bind_int(st, 1, id);
		sqlite3_bind_int(st, 2, t);
		sqlite3_bind_blob(st, 3, pad, sizeof pad, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK) {
		char sql[64];
		snprintf(sql, sizeof sql, "UPDATE meta SET tx = %d WHERE k = 1", t);
		rc = exec(db, sql);
	}
	if (rc == SQLITE_OK)
		rc = exec(db, "COMMIT");
	else
		exec(db, "ROLLBACK");
	return rc;
}

/* One read transaction checked against the truth: 0 when every row is right, else the number
 * of wrong rows (or -1: SQLite failed). *tx_out: the transaction seen; *sum: a digest of the
 * rows, to compare two connections. */
static int check_read(sqlite3 *db, int *tx_out, uint64_t *sum)
{
	int bad = 0, tx = -1;
	uint64_t h = 1469598103934665603ull;
	sqlite3_stmt *st = NULL;
	if (exec(db, "BEGIN") != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT tx FROM meta WHERE k = 1", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		exec(db, "ROLLBACK");
		return -1;
	}
	tx = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	int n = 0;
	if (sqlite3_prepare_v2(db, "SELECT id, v, pad FROM t ORDER BY id", -1, &st, NULL) !=
	    SQLITE_OK) {
		exec(db, "ROLLBACK");
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		int id = sqlite3_column_int(st, 0), v = sqlite3_column_int(st, 1);
		const unsigned char *pad = sqlite3_column_blob(st, 2);
		int len = sqlite3_column_bytes(st, 2);
		bool ok = v == expect(id, tx) && len == PAD;
		for (int i = 0; ok && i < len; i++)
			ok = pad[i] == pad_byte(id, v);
		bad += !ok;
		n++;
		h = (h ^ (uint64_t)id) * 1099511628211ull;
		h = (h ^ (uint64_t)v) * 1099511628211ull;
	}
	sqlite3_finalize(st);
	bad += n != N_ROWS;
	/* The index too: its entries for v must agree with the table's rows. */
	if (sqlite3_prepare_v2(db, "SELECT count(*), total(v) FROM t INDEXED BY t_v WHERE v >= 0",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		double want = 0;
		for (int id = 1; id <= N_ROWS; id++)
			want += expect(id, tx);
		bad += sqlite3_column_int(st, 0) != N_ROWS || sqlite3_column_double(st, 1) != want;
	} else {
		bad = -1;
	}
	sqlite3_finalize(st);
	exec(db, "COMMIT");
	if (tx_out)
		*tx_out = tx;
	if (sum)
		*sum = h;
	return bad;
}

/* --- threads: a writer, a checkpointer, readers on the cache and one on the plain VFS --------- */

struct run {
	char path[300];
	int done; /* atomic */
	int errors; /* atomic */
	int reads;  /* atomic */
};

struct reader {
	struct run *r;
	bool shared;
};

static void *writer_main(void *arg)
{
	struct run *r = arg;
	/* A small cache: the writer spills, so it also writes and reads back frames not yet
	 * committed, which must never be cached. No automatic checkpoint: the checkpointer's. */
	sqlite3 *db = open_db(r->path, true, 8);
	if (!db || exec(db, "PRAGMA wal_autocheckpoint=0") != SQLITE_OK)
		__atomic_add_fetch(&r->errors, 1000, __ATOMIC_RELAXED);
	for (int t = 1; db && t <= N_TX; t++) {
		if (write_tx(db, t) != SQLITE_OK) {
			__atomic_add_fetch(&r->errors, 1000, __ATOMIC_RELAXED);
			break;
		}
		/* Now and then a transaction that spills and is rolled back: its frames lie past
		 * mxFrame and are overwritten by the next transaction's. */
		if (t % 17 == 0) {
			exec(db, "BEGIN IMMEDIATE; UPDATE t SET v = -1, pad = zeroblob(400) WHERE id % 3 = 0;"
				 "SELECT sum(v) FROM t");
			exec(db, "ROLLBACK");
		}
	}
	sqlite3_close(db);
	__atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void *ckpt_main(void *arg)
{
	struct run *r = arg;
	sqlite3 *db = open_db(r->path, true, 100);
	for (int i = 0; db && !__atomic_load_n(&r->done, __ATOMIC_ACQUIRE); i++) {
		/* PASSIVE mostly (backfills behind live readers); RESTART and TRUNCATE now and
		 * then (new salts; they may give up while readers stay: BUSY is fine). */
		int mode = i % 7 == 6 ? SQLITE_CHECKPOINT_TRUNCATE
			 : i % 7 == 3 ? SQLITE_CHECKPOINT_RESTART
				      : SQLITE_CHECKPOINT_PASSIVE;
		sqlite3_busy_timeout(db, mode == SQLITE_CHECKPOINT_PASSIVE ? 10000 : 20);
		int rc = sqlite3_wal_checkpoint_v2(db, NULL, mode, NULL, NULL);
		if (rc != SQLITE_OK && rc != SQLITE_BUSY)
			__atomic_add_fetch(&r->errors, 1000, __ATOMIC_RELAXED);
		usleep(2000);
	}
	sqlite3_close(db);
	return NULL;
}

static void *reader_main(void *arg)
{
	struct reader *rd = arg;
	struct run *r = rd->r;
	sqlite3 *db = open_db(r->path, rd->shared, 16);
	if (!db)
		__atomic_add_fetch(&r->errors, 1000, __ATOMIC_RELAXED);
	while (db && !__atomic_load_n(&r->done, __ATOMIC_ACQUIRE)) {
		int bad = check_read(db, NULL, NULL);
		if (bad) {
			fprintf(stderr, "reader (%s): %d wrong rows\n", rd->shared ? "cache" : "plain",
				bad);
			__atomic_add_fetch(&r->errors, bad < 0 ? 1000 : bad, __ATOMIC_RELAXED);
		}
		__atomic_add_fetch(&r->reads, 1, __ATOMIC_RELAXED);
	}
	sqlite3_close(db);
	return NULL;
}

static void test_threads_see_the_truth(void **state)
{
	(void)state;
	if (!sq_vfs_name())
		skip(); /* not registered on this processor (store_sqlite_vfs.c) */
	struct run r = {0};
	snprintf(r.path, sizeof r.path, "%s/threads.db", dir);
	make_db(r.path);
	struct sq_vfs_stats s0, s1;
	sq_vfs_stats_get(&s0);
	pthread_t w, k, rt[N_READERS + 1];
	struct reader rd[N_READERS + 1];
	for (int i = 0; i <= N_READERS; i++) {
		rd[i] = (struct reader){&r, i < N_READERS};
		assert_int_equal(pthread_create(&rt[i], NULL, reader_main, &rd[i]), 0);
	}
	assert_int_equal(pthread_create(&k, NULL, ckpt_main, &r), 0);
	assert_int_equal(pthread_create(&w, NULL, writer_main, &r), 0);
	pthread_join(w, NULL);
	pthread_join(k, NULL);
	for (int i = 0; i <= N_READERS; i++)
		pthread_join(rt[i], NULL);
	assert_int_equal(r.errors, 0);
	assert_true(r.reads > N_READERS);

	/* At rest, the cache and the plain VFS read the same bytes, the last transaction's. */
	sqlite3 *a = open_db(r.path, true, 16), *b = open_db(r.path, false, 16);
	assert_non_null(a);
	assert_non_null(b);
	int ta, tb;
	uint64_t ha, hb;
	assert_int_equal(check_read(a, &ta, &ha), 0);
	assert_int_equal(check_read(a, &ta, &ha), 0);
	assert_int_equal(check_read(b, &tb, &hb), 0);
	assert_int_equal(ta, N_TX);
	assert_int_equal(tb, N_TX);
	assert_true(ha == hb);
	sqlite3_close(a);
	sqlite3_close(b);
	sq_vfs_stats_get(&s1);
	fprintf(stderr, "threads: %d reads; cache hits %llu, misses %llu, passed %llu\n", r.reads,
		(unsigned long long)(s1.hits - s0.hits), (unsigned long long)(s1.misses - s0.misses),
		(unsigned long long)(s1.passed - s0.passed));
	assert_true(s1.hits > s0.hits);
}

/* --- another process writes, checkpoints and restarts the log --------------------------------- */

/* The other process's steps, one per byte on the pipe: transactions, then checkpoints of
 * each kind between them. Returns the last transaction written after each step. */
static const struct step {
	int first_tx, last_tx; /* transactions written (0: none) */
	int ckpt;              /* -1: none, else the mode, before the transactions */
} steps[] = {
	{1, 3, -1},
	{0, 0, SQLITE_CHECKPOINT_PASSIVE},
	{4, 5, -1},
	{0, 0, SQLITE_CHECKPOINT_TRUNCATE},
	{6, 8, -1}, /* the log restarts: new salts, frames at the offsets of the old ones */
	{9, 9, SQLITE_CHECKPOINT_PASSIVE},
	{10, 11, SQLITE_CHECKPOINT_RESTART},
	{12, 12, SQLITE_CHECKPOINT_TRUNCATE},
	{13, 20, -1},
	{21, 21, SQLITE_CHECKPOINT_PASSIVE}, /* a complete checkpoint, then a write: a restart */
	{22, 23, -1},
	{24, 25, -1},
	/* Without a write after it the log stays: the same salts, the file changed under pages
	 * read from it before (only nBackfill tells). */
	{0, 0, SQLITE_CHECKPOINT_PASSIVE},
	{26, 26, -1},
};
#define N_STEPS (sizeof steps / sizeof steps[0])

static int child_main(const char *path, int in, int out)
{
	sqlite3 *db = open_db(path, false, 2000);
	if (!db || exec(db, "PRAGMA wal_autocheckpoint=0") != SQLITE_OK)
		return 2;
	for (size_t i = 0; i < N_STEPS; i++) {
		char c;
		if (read(in, &c, 1) != 1)
			return 3;
		if (steps[i].ckpt >= 0 &&
		    sqlite3_wal_checkpoint_v2(db, NULL, steps[i].ckpt, NULL, NULL) != SQLITE_OK)
			return 4;
		for (int t = steps[i].first_tx; t && t <= steps[i].last_tx; t++)
			if (write_tx(db, t) != SQLITE_OK)
				return 5;
		if (write(out, "k", 1) != 1)
			return 6;
	}
	sqlite3_close(db);
	return 0;
}

static void test_other_process_writes(void **state)
{
	(void)state;
	if (!sq_vfs_name())
		skip(); /* not registered on this processor (store_sqlite_vfs.c) */
	char path[300];
	snprintf(path, sizeof path, "%s/fork.db", dir);
	make_db(path);
	int to_child[2], to_parent[2];
	assert_int_equal(pipe(to_child), 0);
	assert_int_equal(pipe(to_parent), 0);
	/* Forked while this process has no connection open (make_db closed its own). */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		_exit(child_main(path, to_child[0], to_parent[1]));
	}
	close(to_child[0]);
	close(to_parent[1]);
	struct sq_vfs_stats s0, s1;
	sq_vfs_stats_get(&s0);
	sqlite3 *a = open_db(path, true, 16), *b = open_db(path, false, 16);
	assert_non_null(a);
	assert_non_null(b);
	int tx;
	uint64_t ha, hb;
	assert_int_equal(check_read(a, &tx, &ha), 0);
	assert_int_equal(tx, 0);
	for (size_t i = 0; i < N_STEPS; i++) {
		char c;
		assert_int_equal(write(to_child[1], "g", 1), 1);
		assert_int_equal(read(to_parent[0], &c, 1), 1);
		int want = steps[i].last_tx ? steps[i].last_tx : tx;
		/* Twice on the cache (the second read is answered by it), once on the plain VFS. */
		for (int j = 0; j < 2; j++) {
			assert_int_equal(check_read(a, &tx, &ha), 0);
			assert_int_equal(tx, want);
		}
		assert_int_equal(check_read(b, &tx, &hb), 0);
		assert_int_equal(tx, want);
		assert_true(ha == hb);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	sqlite3_close(a);
	sqlite3_close(b);
	close(to_child[1]);
	close(to_parent[0]);
	sq_vfs_stats_get(&s1);
	fprintf(stderr, "fork: cache hits %llu, misses %llu\n",
		(unsigned long long)(s1.hits - s0.hits), (unsigned long long)(s1.misses - s0.misses));
	assert_true(s1.hits > s0.hits);
}

/* Without a wal-index (rollback journal) every read passes through. */
static void test_rollback_journal_passes_through(void **state)
{
	(void)state;
	if (!sq_vfs_name())
		skip(); /* not registered on this processor (store_sqlite_vfs.c) */
	char path[300];
	snprintf(path, sizeof path, "%s/rollback.db", dir);
	unlink(path);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
					 sq_vfs_name()),
			 SQLITE_OK);
	assert_int_equal(exec(db, "PRAGMA journal_mode=DELETE; PRAGMA cache_size=2;"
				  "CREATE TABLE t (x BLOB); INSERT INTO t VALUES (zeroblob(20000));"),
			 SQLITE_OK);
	struct sq_vfs_stats s0, s1;
	sq_vfs_stats_get(&s0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(exec(db, "UPDATE t SET x = zeroblob(20000 + length(x) % 7);"
					  "SELECT length(x) FROM t"),
				 SQLITE_OK);
	sq_vfs_stats_get(&s1);
	assert_int_equal(s1.hits, s0.hits);
	assert_int_equal(s1.stored, s0.stored);
	assert_true(s1.passed > s0.passed);
	sqlite3_close(db);
}

/* A wal-index header as SQLite 3.40 writes it (walformat.html): two equal 48-byte copies, then
 * nBackfill at +96. */
static void make_header(uint32_t w[34], uint32_t mx, uint32_t nb)
{
	memset(w, 0, 34 * sizeof *w);
	w[0] = 3007000;                     /* iVersion */
	unsigned char *b = (unsigned char *)w;
	b[12] = 1;                          /* isInit */
	uint16_t sz = 4096;
	memcpy(b + 14, &sz, sizeof sz);     /* szPage */
	w[4] = mx;                          /* mxFrame */
	w[8] = 0x11111111u;                 /* aSalt */
	w[9] = 0x22222222u;
	memcpy(w + 12, w, 48);              /* the second copy */
	w[24] = nb;                         /* nBackfill */
}

/* Each condition under which the VFS must not trust the header (and so cache nothing). */
static void test_generation_trusted_only_when_whole(void **state)
{
	(void)state;
	uint32_t w[34];
	struct sq_vfs_gen g;
	make_header(w, 10, 4);
	assert_true(sq_vfs_generation(w, &g));
	assert_int_equal(g.salt1, 0x11111111u);
	assert_int_equal(g.salt2, 0x22222222u);
	assert_int_equal(g.mx_frame, 10);
	assert_int_equal(g.n_backfill, 4);
	make_header(w, 10, 4);
	w[12 + 4] = 11; /* copies differ: a committer between its two writes */
	assert_false(sq_vfs_generation(w, &g));
	make_header(w, 10, 4);
	w[12 + 8] ^= 1; /* salts differ between the copies */
	assert_false(sq_vfs_generation(w, &g));
	make_header(w, 10, 11); /* nBackfill past mxFrame: a restart half seen */
	assert_false(sq_vfs_generation(w, &g));
	make_header(w, 10, 4);
	((unsigned char *)w)[12] = 0;
	((unsigned char *)w)[48 + 12] = 0; /* not initialised */
	assert_false(sq_vfs_generation(w, &g));
	make_header(w, 10, 4);
	w[0] = w[12] = 3007001; /* another wal-index format */
	assert_false(sq_vfs_generation(w, &g));
	make_header(w, 10, 4);
	uint16_t sz = 8192; /* another page size */
	memcpy((unsigned char *)w + 14, &sz, sizeof sz);
	memcpy((unsigned char *)w + 48 + 14, &sz, sizeof sz);
	assert_false(sq_vfs_generation(w, &g));
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ent-vfs-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generation_trusted_only_when_whole),
		cmocka_unit_test(test_rollback_journal_passes_through),
		cmocka_unit_test(test_other_process_writes),
		cmocka_unit_test(test_threads_see_the_truth),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
