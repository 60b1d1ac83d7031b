/* test_mail.c - the e-mail queue, tokens and messages (src/mail/): words without health content,
 * no header injection, single-use tokens that expire, addresses and links erased once sent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mail/mail.h"
#include "mail/mail_store.h"
#include "mail/mail_token.h"
#include "store/store_account.h"
#include "unit/testdb.h"

static struct testdb db;
static struct store_conn *c;
static struct auth_keys *keys;
static int64_t account;

static bool contains(const unsigned char *p, size_t len, const char *w)
{
	size_t n = strlen(w);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(p + i, w, n))
			return true;
	return false;
}

static int setup(void **state)
{
	assert_int_equal(auth_init(), ENT_OK);
	unsigned char master[32] = {7};
	assert_int_equal(auth_keys_from(master, &keys), ENT_OK);
	assert_int_equal(testdb_open(&db, "mail", TESTDB_RUN), 0);
	c = db.c;
	char norm[] = "member@example.org";
	unsigned char eh[32] = {1}, sealed[AUTH_SEALED_MAX];
	size_t sl;
	assert_int_equal(auth_email_seal(keys, norm, sealed, sizeof sealed, &sl), ENT_OK);
	struct store_account_new a = {.handle = "mailer", .handle_key = "mailer", .email_hash = eh,
				      .email_hash_len = sizeof eh, .email_enc = sealed,
				      .email_enc_len = sl, .password_hash = "x", .locale = "en"};
	assert_int_equal(store_account_insert(c, &a, &account), ENT_OK);
	return 0;
}

static int teardown(void **state)
{
	auth_keys_free(keys);
	return testdb_close(&db);
}

static void compose_words_and_headers(void **state)
{
	char out[4096];
	const char *from = "entraide <noreply@example.org>";
	for (int t = 0; t < MAIL_N_TEMPLATES; t++)
		for (int l = 0; l < 2; l++) {
			assert_int_equal(mail_compose((enum mail_template)t, l ? "en" : "fr", from,
						      "a@example.org", "https://e.example/x/TOKEN", 0,
						      out, sizeof out),
					 ENT_OK);
			assert_non_null(strstr(out, "\r\n\r\n"));
			assert_non_null(strstr(out, "https://e.example/x/TOKEN\r\n"));
			assert_non_null(strstr(out, "Subject: =?UTF-8?B?"));
			assert_non_null(strstr(out, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
			assert_non_null(strstr(out, "Content-Type: text/plain; charset=UTF-8\r\n"));
			assert_non_null(strstr(out, "Message-ID: <"));
			assert_non_null(strstr(out, "@example.org>\r\n"));
		}
	/* a line break anywhere in a header value is refused (no header injection) */
	assert_int_equal(mail_compose(MAIL_DIGEST, "fr", from, "a@example.org\r\nBcc: b@x.org",
				      "https://e", 0, out, sizeof out), ENT_EINVAL);
	assert_int_equal(mail_compose(MAIL_DIGEST, "fr", "x\n@y", "a@example.org", "https://e", 0,
				      out, sizeof out), ENT_EINVAL);
	assert_int_equal(mail_compose(MAIL_DIGEST, "fr", from, "a@example.org", "https://e x", 0,
				      out, sizeof out), ENT_EINVAL);
	assert_int_equal(mail_compose(MAIL_N_TEMPLATES, "fr", from, "a@example.org", "https://e", 0,
				      out, sizeof out), ENT_EINVAL);
	assert_int_equal(mail_compose(MAIL_DIGEST, "fr", from, "a@example.org", "https://e", 0, out,
				      64), ENT_ETOOBIG);
}

static void backoff_doubles_and_stops(void **state)
{
	assert_int_equal(mail_backoff(0), 30);
	assert_int_equal(mail_backoff(1), 60);
	assert_int_equal(mail_backoff(3), 240);
	assert_int_equal(mail_backoff(20), 6 * 3600);
	assert_int_equal(mail_backoff(1000), 6 * 3600);
}

static void queue_seals_then_erases(void **state)
{
	struct mail_msg bad = {.account_id = account, .tmpl = MAIL_DIGEST, .link = "http://x"};
	assert_int_equal(mail_enqueue(c, keys, &bad), ENT_EINVAL); /* a path, not a URL */
	bad.link = "/a b";
	assert_int_equal(mail_enqueue(c, keys, &bad), ENT_EINVAL);
	bad.link = "/a\r\nb";
	assert_int_equal(mail_enqueue(c, keys, &bad), ENT_EINVAL);
	bad.link = "/ok";
	bad.tmpl = MAIL_N_TEMPLATES;
	assert_int_equal(mail_enqueue(c, keys, &bad), ENT_EINVAL);
	struct mail_msg nobody = {.tmpl = MAIL_DIGEST, .link = "/x"};
	assert_int_equal(mail_enqueue(c, keys, &nobody), ENT_EINVAL);
	struct mail_msg parent = {.account_id = account, .tmpl = MAIL_PARENT_CONFIRM,
				  .to = "not an address", .link = "/p/1"};
	assert_int_equal(mail_enqueue(c, keys, &parent), ENT_EINVAL);

	assert_int_equal(mail_enqueue(c, keys, &(struct mail_msg){.account_id = account,
						  .tmpl = MAIL_PASSWORD_RESET,
						  .link = "/password-reset/SECRET1"}), ENT_OK);
	parent.to = "Parent@Example.org";
	parent.locale = "fr";
	assert_int_equal(mail_enqueue(c, keys, &parent), ENT_OK);
	struct mail_due due[4];
	size_t n;
	assert_int_equal(mail_due_list(c, keys, 1, due, 4, &n), ENT_OK);
	assert_int_equal(n, 0); /* not due before it was queued */
	int64_t now = 4102444800; /* 2100 */
	assert_int_equal(mail_due_list(c, keys, now, due, 4, &n), ENT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(due[0].to, "member@example.org"); /* the account's, read when sending */
	assert_string_equal(due[0].locale, "en");               /* the account's language */
	assert_string_equal(due[0].link, "/password-reset/SECRET1");
	assert_int_equal(due[0].tmpl, MAIL_PASSWORD_RESET);
	assert_string_equal(due[1].to, "parent@example.org");
	assert_string_equal(due[1].locale, "fr");
	/* sealed at rest: the database holds neither the address nor the link in clear */
	static const struct store_stmt raw = {"test.raw", "SELECT to_enc, link_enc FROM mail_queue WHERE id = ?1"};
	struct store_q *st;
	bool row;
	assert_int_equal(store_q_open(c, &raw, &st), ENT_OK);
	store_q_bind_int(st, 1, due[1].id);
	assert_int_equal(store_q_step(st, &row), ENT_OK);
	size_t len;
	const unsigned char *p = store_q_blob(st, 0, &len);
	assert_false(contains(p, len, "parent"));
	p = store_q_blob(st, 1, &len);
	assert_false(contains(p, len, "/p/1"));
	store_q_close(st);

	assert_int_equal(mail_mark_retry(c, due[0].id, now + 30, "curl 7, smtp 0"), ENT_OK);
	assert_int_equal(mail_mark_done(c, due[1].id, true, now, NULL), ENT_OK);
	assert_int_equal(mail_due_list(c, keys, now, due, 4, &n), ENT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(mail_due_list(c, keys, now + 30, due, 4, &n), ENT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(due[0].attempts, 1);

	struct mail_row rows[8];
	struct mail_counts k;
	assert_int_equal(mail_queue_list(c, rows, 8, &n, &k), ENT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(k.pending, 1);
	assert_int_equal(k.sent, 1);
	assert_string_equal(rows[0].status, "sent");
	assert_string_equal(rows[0].tmpl, "parent_confirm");
	assert_string_equal(rows[1].last_error, "curl 7, smtp 0");
	/* once sent: address and link gone */
	assert_int_equal(store_q_open(c, &raw, &st), ENT_OK);
	store_q_bind_int(st, 1, rows[0].id);
	assert_int_equal(store_q_step(st, &row), ENT_OK);
	assert_true(row && store_q_is_null(st, 0) && store_q_is_null(st, 1));
	store_q_close(st);
	int64_t purged;
	assert_int_equal(mail_queue_purge(c, 0, &purged), ENT_OK);
	assert_int_equal(purged, 0);
	assert_int_equal(mail_queue_purge(c, now, &purged), ENT_OK);
	assert_int_equal(purged, 2);
}

static void tokens_once_and_expire(void **state)
{
	char t1[AUTH_TOKEN_CHARS + 1], t2[AUTH_TOKEN_CHARS + 1];
	int64_t id = 0, now = 1000;
	assert_int_equal(mail_token_new(c, account, MAIL_TOKEN_RESET, now, t1), ENT_OK);
	assert_int_equal(mail_token_new(c, account, MAIL_TOKEN_RESET, now, t2), ENT_OK);
	/* a newer link replaces the older */
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_RESET, t1, strlen(t1), now, &id), ENT_ENOTFOUND);
	/* a reset token is no confirmation token */
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_CONFIRM, t2, strlen(t2), now, &id), ENT_ENOTFOUND);
	/* expired after 30 minutes */
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_RESET, t2, strlen(t2), now + MAIL_RESET_TTL, &id),
			 ENT_ENOTFOUND);
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_RESET, t2, strlen(t2), now + MAIL_RESET_TTL - 1,
					&id), ENT_OK);
	assert_int_equal(id, account);
	/* once */
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_RESET, t2, strlen(t2), now, &id), ENT_ENOTFOUND);
	assert_int_equal(mail_token_use(c, MAIL_TOKEN_RESET, "garbage", 7, now, &id), ENT_ENOTFOUND);
	/* confirmation: 7 days; the purge takes expired tokens */
	assert_int_equal(mail_token_new(c, account, MAIL_TOKEN_CONFIRM, now, t1), ENT_OK);
	int64_t n;
	assert_int_equal(mail_token_purge(c, now + MAIL_CONFIRM_TTL - 1, &n), ENT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(mail_token_purge(c, now + MAIL_CONFIRM_TTL, &n), ENT_OK);
	assert_int_equal(n, 1);
	bool confirmed = true;
	assert_int_equal(mail_email_confirmed(c, account, &confirmed), ENT_OK);
	assert_false(confirmed);
	assert_int_equal(mail_email_confirm(c, account, now), ENT_OK);
	assert_int_equal(mail_email_confirmed(c, account, &confirmed), ENT_OK);
	assert_true(confirmed);
}

static void seal_round_trip(void **state)
{
	unsigned char box[128];
	char out[64];
	size_t n, m;
	assert_int_equal(auth_seal(keys, "hello", 5, box, sizeof box, &n), ENT_OK);
	assert_int_equal(n, 5 + AUTH_SEAL_OVERHEAD);
	assert_int_equal(auth_unseal(keys, box, n, out, sizeof out, &m), ENT_OK);
	assert_int_equal(m, 5);
	assert_memory_equal(out, "hello", 5);
	assert_int_equal(auth_unseal(keys, box, n, out, 4, &m), ENT_ETOOBIG);
	box[30] ^= 1;
	assert_int_equal(auth_unseal(keys, box, n, out, sizeof out, &m), ENT_ECRYPTO);
	assert_int_equal(auth_seal(keys, "hello", 5, box, 44, &n), ENT_ETOOBIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compose_words_and_headers),
		cmocka_unit_test(backoff_doubles_and_stops),
		cmocka_unit_test(queue_seals_then_erases),
		cmocka_unit_test(tokens_once_and_expire),
		cmocka_unit_test(seal_round_trip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
