/* test_media_store.c - the media rows (issue 4): insert and read back, the CHECKs, and the
 * files to remove when an account is deleted (only those no other row references). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "media/media_store.h"
#include "unit/testdb.h"

static struct testdb db;

static int setup(void **state)
{
	(void)state;
	return testdb_dir(&db, "media", TESTDB_RUN);
}

static int teardown(void **state)
{
	(void)state;
	return testdb_close(&db);
}

/* Two accounts, ids in ids[0..1]. */
static void two_accounts(struct store_conn *c, int64_t ids[2])
{
	static const char *const handles[2] = {"alice", "bob"};
	for (int i = 0; i < 2; i++) {
		unsigned char email_hash[32], email_enc[48];
		memset(email_hash, 'a' + i, sizeof email_hash);
		memset(email_enc, 'k' + i, sizeof email_enc);
		struct store_account_new n = {.handle = handles[i], .handle_key = handles[i],
					      .email_hash = email_hash,
					      .email_hash_len = sizeof email_hash,
					      .email_enc = email_enc, .email_enc_len = sizeof email_enc,
					      .password_hash = "$argon2id$test", .locale = "fr"};
		assert_int_equal(store_account_insert(c, &n, &ids[i]), ENT_OK);
	}
}

static int64_t put(struct store_conn *c, int64_t owner, char hex)
{
	struct store_media m = {.account_id = owner, .width = 3, .height = 2, .bytes = 100,
				.created_at = 1700000000};
	memset(m.hash, hex, STORE_MEDIA_HASH_HEX);
	strcpy(m.format, "png");
	assert_int_equal(store_media_insert(c, &m), ENT_OK);
	assert_true(m.id > 0);
	return m.id;
}

static size_t gone(struct store_conn *c, char (*out)[STORE_MEDIA_HASH_HEX + 1])
{
	size_t n = 99;
	assert_int_equal(store_media_gone(c, out, 4, &n), ENT_OK);
	return n;
}

static void rows_and_deletion(void **state)
{
	(void)state;
	struct store *s;
	struct store_conn *c;
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	int64_t acc[2];
	two_accounts(c, acc);

	int64_t a1 = put(c, acc[0], 'a'); /* alice and bob uploaded the same picture */
	put(c, acc[1], 'a');
	int64_t a2 = put(c, acc[0], 'b'); /* alice's alone */
	struct store_media m;
	assert_int_equal(store_media_get(c, a1, &m), ENT_OK);
	assert_int_equal(m.account_id, acc[0]);
	assert_string_equal(m.format, "png");
	assert_int_equal(strlen(m.hash), STORE_MEDIA_HASH_HEX);
	assert_int_equal(m.width, 3);
	assert_int_equal(m.bytes, 100);
	assert_int_equal(store_media_get(c, a2 + 100, &m), ENT_ENOTFOUND);

	/* the CHECKs: a short hash, an unknown format */
	struct store_media bad = {.account_id = acc[0], .width = 1, .height = 1, .bytes = 1};
	strcpy(bad.hash, "abc");
	strcpy(bad.format, "png");
	assert_int_equal(store_media_insert(c, &bad), ENT_ECONFLICT);
	memset(bad.hash, 'c', STORE_MEDIA_HASH_HEX);
	strcpy(bad.format, "gif");
	assert_int_equal(store_media_insert(c, &bad), ENT_ECONFLICT);

	char list[4][STORE_MEDIA_HASH_HEX + 1];
	assert_int_equal(gone(c, list), 0);
	assert_int_equal(store_account_delete(c, acc[0], STORE_POSTS_ANONYMISE), ENT_OK);
	assert_int_equal(store_media_get(c, a1, &m), ENT_ENOTFOUND);
	/* only the file nobody else uploaded is to be removed */
	assert_int_equal(gone(c, list), 1);
	assert_int_equal(list[0][0], 'b');
	bool used = true;
	assert_int_equal(store_media_referenced(c, list[0], &used), ENT_OK);
	assert_false(used);
	char same[STORE_MEDIA_HASH_HEX + 1];
	memset(same, 'a', STORE_MEDIA_HASH_HEX);
	same[STORE_MEDIA_HASH_HEX] = '\0';
	assert_int_equal(store_media_referenced(c, same, &used), ENT_OK);
	assert_true(used);

	/* a new upload of that picture takes it off the list; done removes an entry */
	put(c, acc[1], 'b');
	assert_int_equal(gone(c, list), 0);
	assert_int_equal(store_account_delete(c, acc[1], STORE_POSTS_DELETE), ENT_OK);
	assert_int_equal(gone(c, list), 2);
	assert_int_equal(store_media_gone_done(c, list[0]), ENT_OK);
	assert_int_equal(gone(c, list), 1);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rows_and_deletion, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
