/* test_tombstone.c - tombstones recorded with the deletion, listed once; backup expiry.
 * Also run on PostgreSQL (test_db.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_tombstone.h"
#include "test_db.h"
#include "unit/testdb.h"

static void count(const struct store_tombstone *t, void *arg)
{
	int *n = arg;
	(*n)++;
	assert_int_equal(t->mode, STORE_POSTS_DELETE);
	assert_int_equal(t->hash[0], 0xab);
}

static void tombstones_and_expiry(void **state)
{
	struct testdb db;
	assert_int_equal(testdb_open(&db, "tomb", TESTDB_RUN), 0);
	struct store_conn *c = db.c;
	unsigned char eh[32] = {1, 2, 3};
	struct store_account_new a = {.handle = "tomb", .handle_key = "tomb", .email_hash = eh,
				      .email_hash_len = sizeof eh, .email_enc = eh,
				      .email_enc_len = sizeof eh, .password_hash = "x",
				      .locale = "fr"};
	int64_t id;
	assert_int_equal(store_account_insert(c, &a, &id), ENT_OK);
	struct store_tomb_source src;
	assert_int_equal(store_tomb_source_get(c, id, &src), ENT_OK);
	assert_true(src.created_at > 0);
	assert_int_equal(src.email_hash_len, 32);
	assert_memory_equal(src.email_hash, eh, 32);
	struct store_tombstone t = {.mode = STORE_POSTS_DELETE, .deleted_at = 99};
	memset(t.hash, 0xab, sizeof t.hash);
	assert_int_equal(store_account_delete_recorded(c, id, STORE_POSTS_DELETE, &t), ENT_OK);
	assert_int_equal(store_tomb_source_get(c, id, &src), ENT_ENOTFOUND);
	/* a deletion that fails records nothing */
	assert_int_equal(store_account_delete_recorded(c, id, STORE_POSTS_DELETE, &t), ENT_ENOTFOUND);
	assert_int_equal(store_tombstone_add(c, &t), ENT_OK); /* the same hash twice: once */
	int n = 0;
	assert_int_equal(store_tombstone_each(c, count, &n), ENT_OK);
	assert_int_equal(n, 1);
	int64_t made, expires;
	assert_int_equal(store_backup_info_get(c, &made, &expires), ENT_OK);
	assert_int_equal(expires, 0);
	assert_int_equal(store_backup_info_set(c, 10, 20), ENT_OK);
	assert_int_equal(store_backup_info_get(c, &made, &expires), ENT_OK);
	assert_int_equal(made, 10);
	assert_int_equal(expires, 20);
	assert_int_equal(store_backup_info_clear(c), ENT_OK);
	assert_int_equal(store_backup_info_get(c, &made, &expires), ENT_OK);
	assert_int_equal(expires, 0);
	assert_int_equal(testdb_close(&db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tombstones_and_expiry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
