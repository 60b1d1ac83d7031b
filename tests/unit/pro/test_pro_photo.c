/*
 * test_pro_photo.c - case photos as content-addressed files (0401): a database made before
 * 0401 with a photo in a BLOB still serves it after the upgrade, the one-time move writes its
 * file and empties the row (a second move changes nothing), new photos and a reviewer's copy
 * go to files, and deleting the case lists the file for the purge, which removes it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "media/media.h"
#include "pro/pro_case.h"
#include "store/store.h"
#include "unit/testdb.h"

static struct testdb tdb;
static const char *const dir = tdb.dir, *const db_path = tdb.path;
static const uint8_t old_bytes[] = "\x89PNG old picture bytes, as a pre-0401 database holds them";

static int setup(void **state)
{
	(void)state;
	if (testdb_dir(&tdb, "photo", TESTDB_SQLITE)) /* a file: the test reads it with sqlite3 */
		return -1;
	char media[96];
	snprintf(media, sizeof media, "%s/media", dir);
	return mkdir(media, 0700);
}

static int teardown(void **state)
{
	(void)state;
	return testdb_close(&tdb);
}

static void sql(sqlite3 *db, const char *s)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, s, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", s, msg ? msg : "?");
}

static int64_t sql_int(const char *s)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, s, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* A database as the last release before 0401 left it: migrations up to 0400, one case with
 * one photo whose bytes are in the row. */
static void old_database(void)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	sql(db, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
		"applied_at INTEGER NOT NULL)");
	for (size_t i = 0; i < store_n_migrations && store_migrations[i].version <= 400; i++) {
		sql(db, store_migrations[i].sql);
		char add[160];
		snprintf(add, sizeof add, "INSERT INTO schema_migrations VALUES (%d, 'old', 1)",
			 store_migrations[i].version);
		sql(db, add);
	}
	sql(db, "INSERT INTO pro_cases (id, title, body, created_at) VALUES (7, 't', 'b', 1)");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO pro_case_photos (id, case_id, mime, "
					    "data, width, height, created_at) VALUES "
					    "(3, 7, 'image/png', ?1, 4, 3, 1)",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_blob(st, 1, old_bytes, sizeof old_bytes, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void assert_data(struct store_conn *c, int64_t id, const void *want, size_t len)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	assert_int_equal(pro_photo_data(c, dir, id, &b), ENT_OK);
	assert_int_equal(b.len, len);
	assert_memory_equal(b.p, want, len);
	buf_clear(&b);
}

static bool file_exists(const char *hash)
{
	char path[MEDIA_PATH_MAX];
	struct stat st;
	media_file_path(dir, hash, path);
	return stat(path, &st) == 0;
}

static int64_t account(struct store_conn *c)
{
	unsigned char email_hash[32], email_enc[48];
	memset(email_hash, 'a', sizeof email_hash);
	memset(email_enc, 'k', sizeof email_enc);
	struct store_account_new n = {.handle = "dr.test", .handle_key = "dr.test",
				      .email_hash = email_hash, .email_hash_len = sizeof email_hash,
				      .email_enc = email_enc, .email_enc_len = sizeof email_enc,
				      .password_hash = "$argon2id$test", .locale = "fr"};
	int64_t id = 0;
	assert_int_equal(store_account_insert(c, &n, &id), ENT_OK);
	return id;
}

static void upgrade_moves_photos(void **state)
{
	(void)state;
	old_database();
	struct store *s;
	struct store_conn *c;
	assert_int_equal(store_open(&s, db_path), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	assert_data(c, 3, old_bytes, sizeof old_bytes); /* served before the move */

	size_t moved = 9;
	assert_int_equal(pro_photo_move_files(c, dir, &moved), ENT_OK);
	assert_int_equal(moved, 1);
	char hash[MEDIA_HASH_HEX + 1];
	media_hash(old_bytes, sizeof old_bytes, hash);
	assert_true(file_exists(hash));
	assert_int_equal(sql_int("SELECT length(data) FROM pro_case_photos WHERE id = 3"), 0);
	assert_int_equal(sql_int("SELECT bytes FROM pro_case_photos WHERE id = 3"), sizeof old_bytes);
	assert_data(c, 3, old_bytes, sizeof old_bytes); /* served after, from the file */
	assert_int_equal(pro_photo_move_files(c, dir, &moved), ENT_OK);
	assert_int_equal(moved, 0);

	/* a new photo and the reviewer's masked copy go to files; the replaced file is listed
	 * for the purge, which removes it */
	static const uint8_t fresh[] = "new sanitized picture", masked[] = "masked by the reviewer";
	int64_t acc = account(c), id = 0;
	struct pro_photo_new n = {7, acc, "image/png", fresh, sizeof fresh, 4, 3, 0, 0, 2};
	assert_int_equal(pro_photo_insert(c, dir, &n, &id), ENT_OK);
	char h_fresh[MEDIA_HASH_HEX + 1], h_masked[MEDIA_HASH_HEX + 1];
	media_hash(fresh, sizeof fresh, h_fresh);
	media_hash(masked, sizeof masked, h_masked);
	assert_true(file_exists(h_fresh));
	assert_data(c, id, fresh, sizeof fresh);
	struct pro_photo_review r = {id, acc, "approved", "", masked, sizeof masked, 1, 3};
	assert_int_equal(pro_photo_review(c, dir, &r), ENT_OK);
	assert_data(c, id, masked, sizeof masked);
	media_purge(dir, c);
	assert_false(file_exists(h_fresh));
	assert_true(file_exists(h_masked));

	/* the case deleted: its photos' rows go (cascade), and so do their files */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	sql(db, "PRAGMA foreign_keys = ON; DELETE FROM pro_cases WHERE id = 7");
	sqlite3_close(db);
	media_purge(dir, c);
	assert_false(file_exists(hash));
	assert_false(file_exists(h_masked));
	assert_int_equal(sql_int("SELECT count(*) FROM media_gone"), 0);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(upgrade_moves_photos, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
