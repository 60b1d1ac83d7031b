/* test_store_limit.c - rate limiters' counts in the database (issue 16): a window, its
 * maximum, n at once, a window that ends, reset, purge, two connections counting one key.
 * Also run on PostgreSQL (test_db.h), where the nodes of an instance use it. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_limit.h"
#include "test_db.h"
#include "unit/testdb.h"

static const unsigned char KA[STORE_LIMIT_KEY] = {1, 2, 3}, KB[STORE_LIMIT_KEY] = {9};

static void window_max_and_reset(void **state)
{
	struct testdb db;
	assert_int_equal(testdb_open(&db, "limit", TESTDB_RUN), 0);
	struct store_conn *c = db.c;
	const int64_t t = 1000000;
	unsigned w = 99;
	/* nothing counted yet: a read answers 0 */
	assert_int_equal(store_limit_take(c, "login", KA, t, 900, 3, 0, &w), ENT_OK);
	assert_int_equal(w, 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_limit_take(c, "login", KA, t + i, 900, 3, 1, &w), ENT_OK);
		assert_int_equal(w, 0);
	}
	/* full: refused with what is left of the window, counting nothing */
	assert_int_equal(store_limit_take(c, "login", KA, t + 100, 900, 3, 1, &w), ENT_OK);
	assert_int_equal(w, 800);
	assert_int_equal(store_limit_take(c, "login", KA, t + 100, 900, 3, 0, &w), ENT_OK);
	assert_int_equal(w, 800);
	/* another key, another limiter: their own counts */
	assert_int_equal(store_limit_take(c, "login", KB, t, 900, 3, 0, &w), ENT_OK);
	assert_int_equal(w, 0);
	assert_int_equal(store_limit_take(c, "upload", KA, t, 900, 3, 2, &w), ENT_OK);
	assert_int_equal(w, 0);
	/* n at once: 2 more do not fit under 3, 1 does */
	assert_int_equal(store_limit_take(c, "upload", KA, t, 900, 3, 2, &w), ENT_OK);
	assert_int_equal(w, 900);
	assert_int_equal(store_limit_take(c, "upload", KA, t, 900, 3, 1, &w), ENT_OK);
	assert_int_equal(w, 0);
	/* the window ended: it starts again at now */
	assert_int_equal(store_limit_take(c, "login", KA, t + 900, 900, 3, 1, &w), ENT_OK);
	assert_int_equal(w, 0);
	assert_int_equal(store_limit_take(c, "login", KA, t + 901, 900, 3, 2, &w), ENT_OK);
	assert_int_equal(w, 0);
	assert_int_equal(store_limit_take(c, "login", KA, t + 902, 900, 3, 0, &w), ENT_OK);
	assert_int_equal(w, 898);
	/* reset forgets the key */
	assert_int_equal(store_limit_reset(c, "login", KA), ENT_OK);
	assert_int_equal(store_limit_take(c, "login", KA, t + 902, 900, 3, 0, &w), ENT_OK);
	assert_int_equal(w, 0);
	/* purge: the rows whose window started at or before the time given */
	int64_t n = 0;
	assert_int_equal(store_limit_purge(c, t, &n), ENT_OK);
	assert_int_equal(n, 1); /* upload's; login's started again at t + 900 */
	assert_int_equal(store_limit_take(c, "upload", KA, t + 1, 900, 3, 3, &w), ENT_OK);
	assert_int_equal(w, 0);
	assert_int_equal(testdb_close(&db), 0);
}

/* Two connections (two nodes) counting one key at once: each event counted once. */
struct counter {
	struct store *st;
	int taken;
};

static void *count_many(void *arg)
{
	struct counter *k = arg;
	struct store_conn *c;
	if (store_conn_get(k->st, &c))
		return NULL;
	for (int i = 0; i < 50; i++) {
		unsigned w = 0;
		if (!store_limit_take(c, "write", KA, 2000000, 600, 60, 1, &w) && !w)
			k->taken++;
	}
	return NULL;
}

static void two_connections(void **state)
{
	struct testdb db;
	assert_int_equal(testdb_open(&db, "limit2", TESTDB_RUN), 0);
	struct counter a = {db.st, 0}, b = {db.st, 0};
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, count_many, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, count_many, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(a.taken + b.taken, 60); /* of 100 tries, exactly the maximum */
	unsigned w = 0;
	assert_int_equal(store_limit_take(db.c, "write", KA, 2000010, 600, 60, 0, &w), ENT_OK);
	assert_int_equal(w, 590);
	assert_int_equal(testdb_close(&db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(window_max_and_reset),
		cmocka_unit_test(two_connections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
