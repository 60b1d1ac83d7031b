/* test_store.c - migrations, accounts, roles, sessions and backup on a temporary directory;
 * the back end's statements, values and transactions; real deletion's part of the engine
 * (store_erase_freed). Also run on PostgreSQL (test_db.h). */
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
#include "store/store_account.h"
#include "test_db.h"
#include "unit/testdb.h"

static struct testdb db;

static int setup(void **state)
{
	return testdb_dir(&db, "store", TESTDB_RUN);
}

static int teardown(void **state)
{
	return testdb_close(&db);
}

static int64_t add(struct store_conn *c, const char *handle, unsigned char tag)
{
	int64_t id = testdb_account(c, handle, tag);
	assert_true(id > 0);
	return id;
}

static void migrations_apply_once(void **state)
{
	struct store *s;
	int v;
	assert_true(store_n_migrations >= 1);
	assert_int_equal(store_migrations[0].version, 1);
	for (size_t i = 1; i < store_n_migrations; i++)
		assert_true(store_migrations[i].version > store_migrations[i - 1].version);
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_schema_version(s, &v), ENT_OK);
	assert_int_equal(v, store_migrations[store_n_migrations - 1].version);
	store_close(s);
	/* reopening applies nothing again and keeps the data */
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_schema_version(s, &v), ENT_OK);
	assert_int_equal(v, store_migrations[store_n_migrations - 1].version);
	store_close(s);
}

static void accounts_roles_sessions(void **state)
{
	struct store *s;
	struct store_conn *c;
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	int64_t alice = add(c, "alice", 1);
	int64_t bob = add(c, "bob", 2);
	assert_true(alice > 0 && bob > alice);

	/* unique handle key and e-mail hash */
	unsigned char h[32], enc[4] = {0};
	memset(h, 1, sizeof h);
	struct store_account_new dup = {"ALICE2", "bob", h, sizeof h, enc, sizeof enc, "x", "fr"};
	assert_int_equal(store_account_insert(c, &dup, NULL), ENT_EEXIST);
	dup.handle_key = "carol";
	assert_int_equal(store_account_insert(c, &dup, NULL), ENT_EEXIST);

	struct store_account a;
	assert_int_equal(store_account_by_handle(c, "alice", &a), ENT_OK);
	assert_int_equal(a.id, alice);
	assert_string_equal(a.locale, "fr");
	assert_int_equal(store_account_by_email(c, h, sizeof h, &a), ENT_OK);
	assert_int_equal(store_account_by_handle(c, "nobody", &a), ENT_ENOTFOUND);
	assert_int_equal(store_account_set_locale(c, alice, "en"), ENT_OK);
	assert_int_equal(store_account_set_locale(c, alice, "de"), ENT_ECONFLICT); /* CHECK */

	/* roles */
	struct store_role roles[STORE_ROLES_MAX];
	size_t n;
	assert_int_equal(store_institution_ensure(c, "chu-exemple", "CHU Exemple"), ENT_OK);
	assert_int_equal(store_institution_ensure(c, "chu-exemple", "Other"), ENT_OK);
	assert_int_equal(store_role_grant(c, alice, "editor", "chu-exemple"), ENT_OK);
	assert_int_equal(store_role_grant(c, alice, "editor", "chu-exemple"), ENT_OK);
	assert_int_equal(store_role_grant(c, alice, "moderator", NULL), ENT_OK);
	assert_int_equal(store_role_grant(c, alice, "moderator", NULL), ENT_OK);
	assert_int_equal(store_role_grant(c, alice, "editor", NULL), ENT_ECONFLICT);
	assert_int_equal(store_role_grant(c, alice, "editor", "nowhere"), ENT_ENOTFOUND);
	assert_int_equal(store_role_grant(c, alice, "king", NULL), ENT_ECONFLICT);
	assert_int_equal(store_roles_of(c, alice, roles, STORE_ROLES_MAX, &n), ENT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(roles[0].role, "editor");
	assert_string_equal(roles[0].institution, "chu-exemple");
	assert_string_equal(roles[0].institution_name, "CHU Exemple");
	assert_string_equal(roles[1].role, "moderator");
	assert_int_equal(store_role_revoke(c, alice, "moderator", NULL), ENT_OK);
	assert_int_equal(store_role_revoke(c, alice, "moderator", NULL), ENT_ENOTFOUND);

	/* sessions: expiry, suspension, deletion */
	unsigned char t1[32], t2[32];
	memset(t1, 7, sizeof t1);
	memset(t2, 8, sizeof t2);
	struct store_session ss;
	assert_int_equal(store_session_insert(c, t1, sizeof t1, alice, 1000, 2000), ENT_OK);
	assert_int_equal(store_session_insert(c, t2, sizeof t2, alice, 1000, 2000), ENT_OK);
	assert_int_equal(store_session_find(c, t1, sizeof t1, 1500, &ss), ENT_OK);
	assert_int_equal(ss.account.id, alice);
	assert_string_equal(ss.account.handle, "alice");
	assert_int_equal(store_session_find(c, t1, sizeof t1, 2000, &ss), ENT_ENOTFOUND);
	int64_t open;
	assert_int_equal(store_session_count_open(c, 1500, &open), ENT_OK);
	assert_int_equal(open, 2);
	assert_int_equal(store_session_find(c, t1, sizeof t1, 1500, &ss), ENT_OK);
	assert_int_equal(store_session_delete_others(c, alice, ss.id), ENT_OK);
	assert_int_equal(store_session_find(c, t2, sizeof t2, 1500, &ss), ENT_ENOTFOUND);
	assert_int_equal(store_account_set_suspended(c, alice, true), ENT_OK);
	assert_int_equal(store_session_find(c, t1, sizeof t1, 1500, &ss), ENT_ENOTFOUND);
	assert_int_equal(store_account_by_handle(c, "alice", &a), ENT_OK);
	assert_true(a.suspended);
	assert_int_equal(store_account_set_suspended(c, alice, false), ENT_OK);

	assert_int_equal(store_session_insert(c, t1, sizeof t1, bob, 1000, 2000), ENT_OK);
	assert_int_equal(store_account_delete(c, bob, STORE_POSTS_ANONYMISE), ENT_OK);
	assert_int_equal(store_session_find(c, t1, sizeof t1, 1500, &ss), ENT_ENOTFOUND);
	assert_int_equal(store_account_by_handle(c, "bob", &a), ENT_ENOTFOUND);
	assert_int_equal(store_account_delete(c, bob, STORE_POSTS_DELETE), ENT_ENOTFOUND);
	int64_t count;
	assert_int_equal(store_account_count(c, &count), ENT_OK);
	assert_int_equal(count, 1);

	/* backup while open (PostgreSQL's copies are pg_dump's: not offered) */
	char bpath[160];
	snprintf(bpath, sizeof bpath, "%s/backup.db", db.dir);
	if (test_db_pg()) {
		assert_int_equal(store_backup(s, bpath), ENT_EUNSUPPORTED);
		store_close(s);
		return;
	}
	assert_int_equal(store_backup(s, bpath), ENT_OK);
	store_close(s);
	assert_int_equal(store_open(&s, bpath), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	assert_int_equal(store_account_by_handle(c, "alice", &a), ENT_OK);
	store_close(s);
}

/* Parameters are ?N (PostgreSQL's $N once prepared), never inside quotes or comments; every
 * kind of value comes back as it was bound. */
static const struct store_stmt Q_ECHO = {
	"test.echo", "SELECT '?1 it''s text', ?2 /* ?7 */, ?1 -- ?8\n"};
static const struct store_stmt Q_BLOB = {
	"test.blob", "SELECT token_hash, expires_at, account_id FROM sessions WHERE token_hash = ?1"};
static const struct store_stmt Q_NULL_EXPIRY = {
	"test.update", "UPDATE sessions SET expires_at = ?2 WHERE account_id = ?1"};

static const struct store_stmt Q_DROP_ME = {
	"test.drop_me", "SELECT pg_terminate_backend(pg_backend_pid())"}; /* PostgreSQL only */

static void statements_values_transactions(void **state)
{
	struct store *s;
	struct store_conn *c;
	struct store_q *q;
	bool row;
	size_t n;
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	assert_int_equal(store_q_open(c, &Q_ECHO, &q), ENT_OK);
	assert_int_equal(store_q_bind_text(q, 1, "un", 2), ENT_OK);
	assert_int_equal(store_q_bind_int(q, 2, -4611686018427387904LL), ENT_OK);
	assert_int_equal(store_q_step(q, &row), ENT_OK);
	assert_true(row);
	assert_string_equal(store_q_text(q, 0, &n), "?1 it's text");
	assert_int_equal(n, 12);
	assert_int_equal(store_q_int(q, 1), -4611686018427387904LL);
	assert_string_equal(store_q_text(q, 2, NULL), "un");
	assert_false(store_q_is_null(q, 2));
	assert_int_equal(store_q_step(q, &row), ENT_OK);
	assert_false(row);
	store_q_close(q);

	/* bytes with zeros, NULL, changes, and a transaction rolled back */
	int64_t id = add(c, "dora", 4);
	unsigned char tok[32] = {0, 1, 0, 2, 0xff};
	assert_int_equal(store_session_insert(c, tok, sizeof tok, id, 1000, 2000), ENT_OK);
	assert_int_equal(store_q_open(c, &Q_BLOB, &q), ENT_OK);
	assert_int_equal(store_q_bind_blob(q, 1, tok, sizeof tok), ENT_OK);
	assert_int_equal(store_q_step(q, &row), ENT_OK);
	assert_true(row);
	const unsigned char *b = store_q_blob(q, 0, &n);
	assert_int_equal(n, sizeof tok);
	assert_memory_equal(b, tok, sizeof tok);
	assert_int_equal(store_q_int(q, 1), 2000);
	assert_int_equal(store_q_int(q, 2), id);
	store_q_close(q);
	assert_int_equal(store_tx_begin(c), ENT_OK);
	assert_int_equal(store_q_open(c, &Q_NULL_EXPIRY, &q), ENT_OK);
	store_q_bind_int(q, 1, id);
	store_q_bind_int(q, 2, 3000);
	assert_int_equal(store_q_exec(q), ENT_OK);
	store_q_close(q);
	assert_int_equal(store_changes(c), 1);
	store_tx_rollback(c);
	assert_int_equal(store_q_open(c, &Q_BLOB, &q), ENT_OK);
	store_q_bind_blob(q, 1, tok, sizeof tok);
	assert_int_equal(store_q_step(q, &row), ENT_OK);
	assert_true(row);
	assert_int_equal(store_q_int(q, 1), 2000);
	store_q_close(q);
	/* PostgreSQL: a connection the server dropped is opened again for the next statement */
	if (test_db_pg()) {
		assert_int_equal(store_q_open(c, &Q_DROP_ME, &q), ENT_OK);
		assert_int_equal(store_q_step(q, &row), ENT_EDB);
		store_q_close(q);
		struct store_account a;
		assert_int_equal(store_account_by_handle(c, "dora", &a), ENT_OK);
		assert_int_equal(a.id, id);
	}
	/* NOT NULL: a constraint failure other than uniqueness */
	assert_int_equal(store_q_open(c, &Q_NULL_EXPIRY, &q), ENT_OK);
	store_q_bind_int(q, 1, id);
	store_q_bind_null(q, 2);
	assert_int_equal(store_q_exec(q), ENT_ECONFLICT);
	store_q_close(q);
	store_close(s);
}

static const struct store_stmt Q_SESSIONS_FILE = {
	"test.sessions_file", "SELECT pg_relation_filenode('sessions')"}; /* PostgreSQL only */
static const struct store_stmt Q_SESSIONS_DEL = {"test.sessions_del", "DELETE FROM sessions"};

/* Real deletion: the engine's part runs outside a transaction only; on PostgreSQL it rewrites
 * the (small) tables, so a table's file is a new one after it. */
static void erase_freed(void **state)
{
	struct store *s;
	struct store_conn *c;
	struct store_q *q;
	int64_t before = 0, after = 0;
	assert_int_equal(store_open(&s, db.path), ENT_OK);
	assert_int_equal(store_conn_get(s, &c), ENT_OK);
	int64_t id = add(c, "erin", 5);
	unsigned char tok[32] = {5, 5, 5};
	assert_int_equal(store_session_insert(c, tok, sizeof tok, id, 1000, 2000), ENT_OK);
	assert_int_equal(store_q_open(c, &Q_SESSIONS_DEL, &q), ENT_OK);
	assert_int_equal(store_q_run(q), ENT_OK);
	if (test_db_pg()) {
		assert_int_equal(store_q_open(c, &Q_SESSIONS_FILE, &q), ENT_OK);
		assert_int_equal(store_q_row_int(q, &before), ENT_OK);
		assert_int_equal(store_tx_begin(c), ENT_OK);
		assert_int_equal(store_erase_freed(c), ENT_ECONFLICT);
		store_tx_rollback(c);
	}
	assert_int_equal(store_erase_freed(c), ENT_OK);
	if (test_db_pg()) {
		assert_int_equal(store_q_open(c, &Q_SESSIONS_FILE, &q), ENT_OK);
		assert_int_equal(store_q_row_int(q, &after), ENT_OK);
		assert_true(after != before);
	}
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrations_apply_once),
		cmocka_unit_test(accounts_roles_sessions),
		cmocka_unit_test(statements_values_transactions),
		cmocka_unit_test(erase_freed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
