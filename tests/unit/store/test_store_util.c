/* test_store_util.c - the helpers every store module shares (store_util.c): the one-row reader,
 * running statements, binding booleans and texts, copying a column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "unit/testdb.h"

static const struct store_stmt T_MAKE = {
	"test.make", "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, name TEXT, flag INTEGER NOT NULL)"};
static const struct store_stmt T_ADD = {"test.add",
					"INSERT INTO t (id, name, flag) VALUES (?1, ?2, ?3)"};
static const struct store_stmt T_GET = {"test.get", "SELECT name, flag FROM t WHERE id = ?1"};
static const struct store_stmt T_FLAG = {"test.flag", "UPDATE t SET flag = ?2 WHERE id = ?1"};
static const struct store_stmt T_DROP = {"test.drop", "DELETE FROM t WHERE name = ?1"};
static const struct store_stmt T_NAMELESS = {
	"test.nameless", "SELECT name IS NULL, flag FROM t WHERE id = ?1"};
static const struct store_stmt T_COUNT = {"test.count", "SELECT count(*) FROM t WHERE flag = ?1"};

static void add(struct store_conn *c, int64_t id, const char *name, bool flag)
{
	struct store_q *q;
	assert_int_equal(store_q_open_int(c, &T_ADD, id, &q), ENT_OK);
	assert_int_equal(store_q_bind_cstr(q, 2, name), ENT_OK);
	assert_int_equal(store_q_bind_bool(q, 3, flag), ENT_OK);
	assert_int_equal(store_q_run(q), ENT_OK);
}

static void helpers(void **state)
{
	(void)state;
	struct testdb db;
	assert_int_equal(testdb_open(&db, "store-util", TESTDB_SQLITE), 0);
	struct store_conn *c = db.c;
	assert_int_equal(store_exec_ints(c, &T_MAKE, 0, NULL), ENT_OK);
	add(c, 1, "Camille", true);
	add(c, 2, NULL, false);

	struct store_q *q;
	char name[4];
	assert_int_equal(store_q_first_int(c, &T_GET, 1, &q), ENT_OK);
	store_q_text_copy(q, 0, name, sizeof name); /* cut to fit */
	assert_string_equal(name, "Cam");
	assert_int_equal(store_q_int(q, 1), 1);
	store_q_close(q);
	assert_int_equal(store_q_first_int(c, &T_GET, 2, &q), ENT_OK);
	store_q_text_copy(q, 0, name, sizeof name); /* NULL */
	assert_string_equal(name, "");
	assert_int_equal(store_q_int(q, 1), 0);
	store_q_close(q);
	assert_int_equal(store_q_first_int(c, &T_GET, 3, &q), ENT_ENOTFOUND);

	assert_int_equal(store_exec_ints(c, &T_FLAG, 2, (const int64_t[]){2, 1}), ENT_OK);
	assert_int_equal(store_q_first_int(c, &T_GET, 2, &q), ENT_OK);
	assert_int_equal(store_q_int(q, 1), 1);
	store_q_close(q);
	/* booleans read back: a flag column and the value of `x IS NULL` */
	assert_int_equal(store_q_first_int(c, &T_NAMELESS, 2, &q), ENT_OK);
	assert_true(store_q_bool(q, 0));
	assert_true(store_q_bool(q, 1));
	store_q_close(q);
	assert_int_equal(store_q_first_int(c, &T_NAMELESS, 1, &q), ENT_OK);
	assert_false(store_q_bool(q, 0));
	assert_true(store_q_bool(q, 1));
	store_q_close(q);
	/* one value: the row's first column, then closed; no row: ENT_ENOTFOUND */
	int64_t n = -1;
	assert_int_equal(store_q_open_int(c, &T_COUNT, 1, &q), ENT_OK);
	assert_int_equal(store_q_row_int(q, &n), ENT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_q_open_int(c, &T_GET, 7, &q), ENT_OK);
	assert_int_equal(store_q_row_int(q, &n), ENT_ENOTFOUND);
	assert_int_equal(n, 2);
	assert_int_equal(store_q_open_int(c, &T_FLAG, 9, &q), ENT_OK);
	store_q_bind_bool(q, 2, false);
	assert_int_equal(store_q_exec_changed(c, q), ENT_ENOTFOUND);

	assert_int_equal(store_exec_text(c, &T_DROP, "Camille"), ENT_OK);
	assert_int_equal(store_changes(c), 1);
	assert_int_equal(store_q_first_int(c, &T_GET, 1, &q), ENT_ENOTFOUND);
	assert_int_equal(testdb_close(&db), 0);
}

static const struct store_stmt T_MAKE_R = {
	"test.make_r", "CREATE TABLE r (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"};
static const struct store_stmt T_ADD_R = {"test.add_r", "INSERT INTO r (id, n) VALUES (?1, 1)"};
static const struct store_stmt T_COUNT_R = {"test.count_r", "SELECT count(*) FROM r"};

static int64_t count_r(struct store_conn *c)
{
	struct store_q *q;
	int64_t n = -1;
	assert_int_equal(store_q_open(c, &T_COUNT_R, &q), ENT_OK);
	assert_int_equal(store_q_row_int(q, &n), ENT_OK);
	return n;
}

/* SQLite: a read transaction sees one snapshot (another connection's commit shows after its
 * end), nests, refuses writes, and the connection is outside any transaction after it (a write
 * transaction begins). */
static void read_transaction(void **state)
{
	(void)state;
	struct testdb db;
	assert_int_equal(testdb_open(&db, "store-read", TESTDB_SQLITE), 0);
	struct store_conn *c = db.c, *other;
	struct store *st2; /* a second store: a connection of its own (one per thread and store) */
	assert_int_equal(store_exec_ints(c, &T_MAKE_R, 0, NULL), ENT_OK);
	assert_int_equal(store_open(&st2, db.path), ENT_OK);
	assert_int_equal(store_conn_get(st2, &other), ENT_OK);
	assert_int_equal(store_read_begin(c), ENT_OK);
	assert_int_equal(count_r(c), 0);
	assert_int_equal(store_exec_ints(other, &T_ADD_R, 1, (const int64_t[]){1}), ENT_OK);
	assert_int_equal(count_r(c), 0);
	/* nested (a request's and its handler's): the inner end keeps the snapshot */
	assert_int_equal(store_read_begin(c), ENT_OK);
	assert_int_equal(count_r(c), 0);
	store_read_end(c);
	assert_int_equal(count_r(c), 0);
	/* no write inside, neither a statement nor a write transaction */
	assert_int_equal(store_exec_ints(c, &T_ADD_R, 1, (const int64_t[]){9}), ENT_EINTERNAL);
	assert_int_equal(store_tx_begin(c), ENT_EINTERNAL);
	store_read_end(c);
	assert_int_equal(count_r(c), 1);
	assert_int_equal(store_tx_begin(c), ENT_OK);
	assert_int_equal(store_exec_ints(c, &T_ADD_R, 1, (const int64_t[]){2}), ENT_OK);
	assert_int_equal(store_tx_commit(c), ENT_OK);
	assert_int_equal(count_r(other), 2);
	store_close(st2);
	assert_int_equal(testdb_close(&db), 0);
}

static const struct store_stmt T_MAKE_B = {
	"test.make_b", "CREATE TABLE b (id INTEGER PRIMARY KEY, v BLOB NOT NULL)"};
static const struct store_stmt T_ADD_B = {"test.add_b", "INSERT INTO b (v) VALUES (?1)"};

/* SQLite: the log is copied back into the database file by the store's checkpointer thread
 * (store_sqlite_ckpt.c; the connections' own automatic checkpoint is off): 2,500 commits of
 * 4 KB reach the database file, which only a checkpoint writes, within seconds. */
static void wal_checkpointed(void **state)
{
	(void)state;
	struct testdb db;
	assert_int_equal(testdb_open(&db, "store-ckpt", TESTDB_SQLITE), 0);
	struct store_conn *c = db.c;
	assert_int_equal(store_exec_ints(c, &T_MAKE_B, 0, NULL), ENT_OK);
	static unsigned char blob[4096];
	for (int i = 0; i < 2500; i++) {
		blob[i % sizeof blob] = (unsigned char)i;
		struct store_q *q;
		assert_int_equal(store_q_open(c, &T_ADD_B, &q), ENT_OK);
		assert_int_equal(store_q_bind_blob(q, 1, blob, sizeof blob), ENT_OK);
		assert_int_equal(store_q_run(q), ENT_OK);
	}
	struct stat st = {0};
	for (int i = 0; i < 200 && (stat(db.path, &st) || st.st_size < 8 * 1024 * 1024); i++)
		usleep(50 * 1000);
	assert_true(st.st_size >= 8 * 1024 * 1024);
	assert_int_equal(testdb_close(&db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(helpers),
		cmocka_unit_test(read_transaction),
		cmocka_unit_test(wal_checkpointed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
