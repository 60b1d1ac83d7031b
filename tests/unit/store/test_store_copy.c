/* test_store_copy.c - a backup of PostgreSQL is an SQLite file (store_copy_pg_to_sqlite), and
 * that file's rows replace a PostgreSQL database's (store_copy_sqlite_replace_pg, restore):
 * bytes stay bytes, identity sequences move past the ids copied, a copy at another schema
 * version is refused with nothing changed. PostgreSQL only (`make pg-unit`): skipped on
 * SQLite, whose backups are SQLite's own (tests/api/backup.test.mjs runs both). */
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
#include <unistd.h>

#include "store/store_copy.h"
#include "store/store_tombstone.h"
#include "test_db.h"
#include "unit/testdb.h"

static int64_t add_account(struct store_conn *c, const char *handle, unsigned char mark)
{
	unsigned char eh[32] = {mark, 0, 0xff, 0x27}; /* a NUL and a quote: bytes, not text */
	struct store_account_new a = {.handle = handle, .handle_key = handle, .email_hash = eh,
				      .email_hash_len = sizeof eh, .email_enc = eh,
				      .email_enc_len = sizeof eh, .password_hash = "x",
				      .locale = "fr"};
	int64_t id = 0;
	assert_int_equal(store_account_insert(c, &a, &id), ENT_OK);
	return id;
}

static void n_accounts(struct store_conn *c, int64_t want)
{
	int64_t n = -1;
	assert_int_equal(store_account_count(c, &n), ENT_OK);
	assert_int_equal(n, want);
}

static void pg_to_sqlite_and_back(void **state)
{
	(void)state;
	if (!test_db_pg())
		skip();
	struct testdb db;
	assert_int_equal(testdb_open(&db, "copy", TESTDB_RUN), 0);
	int64_t id = add_account(db.c, "copie", 7);
	struct store_tombstone t = {.mode = STORE_POSTS_ANONYMISE, .deleted_at = 5};
	memset(t.hash, 0x5a, sizeof t.hash);
	assert_int_equal(store_tombstone_add(db.c, &t), ENT_OK);

	char file[128], why[256];
	static struct store_copy_report r;
	snprintf(file, sizeof file, "%s/backup.db", db.dir);
	assert_int_equal(store_copy_pg_to_sqlite(db.path, file, &r, why, sizeof why), ENT_OK);
	assert_true(r.rows >= 2);
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* the file is an entraide SQLite database holding the rows, bytes as bytes */
	struct store *b;
	struct store_conn *bc;
	assert_int_equal(store_open(&b, file), ENT_OK);
	assert_int_equal(store_conn_get(b, &bc), ENT_OK);
	n_accounts(bc, 1);
	struct store_tomb_source src;
	assert_int_equal(store_tomb_source_get(bc, id, &src), ENT_OK);
	assert_int_equal(src.email_hash_len, 32);
	assert_int_equal(src.email_hash[0], 7);
	assert_int_equal(src.email_hash[2], 0xff);
	store_close(b);

	/* restore: the database's rows replaced by the file's; the next id past the copied ones */
	int64_t later = add_account(db.c, "plus.tard", 8);
	n_accounts(db.c, 2);
	assert_int_equal(store_copy_sqlite_replace_pg(file, db.path, &r, why, sizeof why), ENT_OK);
	n_accounts(db.c, 1);
	assert_int_equal(store_tomb_source_get(db.c, later, &src), ENT_ENOTFOUND);
	assert_int_equal(store_tomb_source_get(db.c, id, &src), ENT_OK);
	assert_true(add_account(db.c, "apres", 9) > id);

	/* a copy at another schema version: refused, the database keeps its rows */
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(file, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO schema_migrations (version, name, applied_at) "
					   "VALUES (99999, 'later', 0)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(store_copy_sqlite_replace_pg(file, db.path, &r, why, sizeof why),
			 ENT_ECONFLICT);
	assert_non_null(strstr(why, "99999"));
	n_accounts(db.c, 2);

	/* a file that cannot be made: an error, nothing left */
	snprintf(file, sizeof file, "%s/no/such/dir.db", db.dir);
	assert_int_not_equal(store_copy_pg_to_sqlite(db.path, file, &r, why, sizeof why), ENT_OK);
	assert_int_not_equal(access(file, F_OK), 0);
	assert_int_equal(testdb_close(&db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pg_to_sqlite_and_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
