/* test_auth.c - passwords, tokens, CSRF, e-mail sealing, the rate limiter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"

static int setup(void **state)
{
	auth_password_set_cheap(true);
	return auth_init() == ENT_OK ? 0 : -1;
}

static void password_hash_verify(void **state)
{
	char h[AUTH_PWHASH_MAX];
	assert_int_equal(auth_password_hash("correct horse", 13, h), ENT_OK);
	assert_memory_equal(h, "$argon2id$", 10);
	assert_int_equal(auth_password_verify(h, "correct horse", 13), ENT_OK);
	assert_int_equal(auth_password_verify(h, "correct hors", 12), ENT_EAUTH);
	assert_int_equal(auth_password_verify("garbage", "x", 1), ENT_EAUTH);
	auth_password_dummy("whatever", 8); /* must not crash */
}

static void tokens(void **state)
{
	unsigned char raw[AUTH_TOKEN_BYTES], back[AUTH_TOKEN_BYTES], raw2[AUTH_TOKEN_BYTES];
	char text[AUTH_TOKEN_CHARS + 1], text2[AUTH_TOKEN_CHARS + 1];
	auth_token_new(raw, text);
	auth_token_new(raw2, text2);
	assert_int_equal(strlen(text), AUTH_TOKEN_CHARS);
	assert_string_not_equal(text, text2);
	assert_int_equal(auth_token_parse(text, strlen(text), back), ENT_OK);
	assert_memory_equal(raw, back, sizeof raw);
	assert_int_equal(auth_token_parse(text, strlen(text) - 1, back), ENT_EAUTH);
	assert_int_equal(auth_token_parse("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", 43, back), ENT_EAUTH);
	unsigned char h1[AUTH_HASH_BYTES], h2[AUTH_HASH_BYTES];
	auth_token_hash(raw, h1);
	auth_token_hash(raw2, h2);
	assert_memory_not_equal(h1, h2, sizeof h1);
}

static void csrf(void **state)
{
	unsigned char master[32] = {1, 2, 3};
	struct auth_keys *k;
	assert_int_equal(auth_keys_from(master, &k), ENT_OK);
	unsigned char raw[AUTH_TOKEN_BYTES], raw2[AUTH_TOKEN_BYTES];
	char text[AUTH_TOKEN_CHARS + 1], c1[AUTH_TOKEN_CHARS + 1], c2[AUTH_TOKEN_CHARS + 1];
	auth_token_new(raw, text);
	auth_token_new(raw2, text);
	auth_csrf(k, raw, c1);
	auth_csrf(k, raw2, c2);
	assert_true(auth_csrf_ok(k, raw, c1, strlen(c1)));
	assert_false(auth_csrf_ok(k, raw, c2, strlen(c2))); /* bound to its session */
	assert_false(auth_csrf_ok(k, raw, c1, strlen(c1) - 1));
	assert_false(auth_csrf_ok(k, raw, NULL, 0));
	auth_keys_free(k);
}

static void email(void **state)
{
	unsigned char master[32] = {9};
	struct auth_keys *k;
	char norm[AUTH_EMAIL_MAX + 1], back[AUTH_EMAIL_MAX + 1];
	assert_int_equal(auth_keys_from(master, &k), ENT_OK);
	assert_int_equal(auth_email_normalize("  Alice@Example.ORG ", 20, norm), ENT_OK);
	assert_string_equal(norm, "alice@example.org");
	const char *bad[] = {"alice", "@example.org", "alice@", "a@b", "a@@b.c", "a b@c.d", "a@.c", "a@b."};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(auth_email_normalize(bad[i], strlen(bad[i]), norm), ENT_EINVAL);
	unsigned char sealed[AUTH_SEALED_MAX], sealed2[AUTH_SEALED_MAX];
	size_t n, n2;
	auth_email_normalize("alice@example.org", 17, norm);
	assert_int_equal(auth_email_seal(k, norm, sealed, sizeof sealed, &n), ENT_OK);
	assert_int_equal(auth_email_seal(k, norm, sealed2, sizeof sealed2, &n2), ENT_OK);
	assert_memory_not_equal(sealed, sealed2, n); /* random nonce */
	for (size_t i = 0; i + 5 <= n; i++)
		assert_int_not_equal(memcmp(sealed + i, "alice", 5), 0);
	assert_int_equal(auth_email_open(k, sealed, n, back), ENT_OK);
	assert_string_equal(back, "alice@example.org");
	sealed[30] ^= 1;
	assert_int_equal(auth_email_open(k, sealed, n, back), ENT_ECRYPTO);
	unsigned char h1[AUTH_HASH_BYTES], h2[AUTH_HASH_BYTES];
	auth_email_hash(k, "alice@example.org", h1);
	auth_email_hash(k, "alice@example.org", h2);
	assert_memory_equal(h1, h2, sizeof h1);
	auth_keys_free(k);
}

static void limiter(void **state)
{
	struct auth_limiter *l;
	assert_int_equal(auth_limiter_new(64, 3, 900, &l), ENT_OK);
	int64_t t = 1000000;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(auth_limiter_check(l, "a", 1, t), 0);
		auth_limiter_hit(l, "a", 1, t);
	}
	assert_int_equal(auth_limiter_check(l, "a", 1, t), 900);
	assert_int_equal(auth_limiter_check(l, "a", 1, t + 100), 800);
	assert_int_equal(auth_limiter_check(l, "b", 1, t), 0);
	assert_int_equal(auth_limiter_check(l, "a", 1, t + 900), 0); /* window over */
	auth_limiter_hit(l, "b", 1, t);
	auth_limiter_reset(l, "b", 1);
	assert_int_equal(auth_limiter_check(l, "b", 1, t), 0);
	/* bounded: many keys do not grow memory and do not crash */
	char key[32];
	for (int i = 0; i < 10000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		auth_limiter_hit(l, key, (size_t)n, t);
	}
	auth_limiter_free(l);
}

/* A shared limiter (issue 16) asks its callbacks, with a hash that is the same for every
 * limiter made from the same keys; when they fail, it counts in memory. */
struct fake_shared {
	unsigned takes, resets, last_n, last_max;
	unsigned char h[16];
	enum ent_err fail;
};

static enum ent_err fake_take(void *ctx, const char *name, const unsigned char h[16], int64_t now,
			      unsigned window, unsigned max, unsigned n, unsigned *wait)
{
	struct fake_shared *f = ctx;
	(void)now;
	assert_string_equal(name, "login.account");
	assert_int_equal(window, 900);
	f->takes++;
	f->last_n = n;
	f->last_max = max;
	memcpy(f->h, h, 16);
	*wait = 7;
	return f->fail;
}

static enum ent_err fake_reset(void *ctx, const char *name, const unsigned char h[16])
{
	struct fake_shared *f = ctx;
	(void)name;
	(void)h;
	f->resets++;
	return f->fail;
}

static void limiter_shared(void **state)
{
	unsigned char master[32] = {5};
	struct auth_keys *k;
	assert_int_equal(auth_keys_from(master, &k), ENT_OK);
	struct fake_shared f = {0};
	struct auth_limiter_shared sh = {fake_take, fake_reset, &f};
	struct auth_limiter *l, *l2;
	assert_int_equal(auth_limiter_new(64, 3, 900, &l), ENT_OK);
	assert_int_equal(auth_limiter_new(64, 3, 900, &l2), ENT_OK);
	auth_limiter_share(l, "login.account", &sh, k);
	auth_limiter_share(l2, "login.account", &sh, k);
	assert_int_equal(auth_limiter_check(l, "a", 1, 1000), 7);
	assert_int_equal(f.last_n, 0);
	unsigned char h[16];
	memcpy(h, f.h, 16);
	assert_int_equal(auth_limiter_check(l2, "a", 1, 1000), 7); /* another node: the same hash */
	assert_memory_equal(h, f.h, 16);
	auth_limiter_hit(l, "a", 1, 1000);
	assert_int_equal(f.last_n, 1);
	assert_true(f.last_max > 1000000); /* a hit always counts */
	assert_int_equal(auth_limiter_take(l, "a", 1, 1000, 2), 7);
	assert_int_equal(f.last_n, 2);
	assert_int_equal(f.last_max, 3);
	auth_limiter_reset(l, "a", 1);
	assert_int_equal(f.resets, 1);
	/* the database fails: in memory, as before */
	f.fail = ENT_EDB;
	for (int i = 0; i < 3; i++)
		auth_limiter_hit(l, "b", 1, 1000);
	assert_int_equal(auth_limiter_check(l, "b", 1, 1000), 900);
	assert_int_equal(f.takes, 8);
	auth_limiter_free(l);
	auth_limiter_free(l2);
	auth_keys_free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_hash_verify),
		cmocka_unit_test(tokens),
		cmocka_unit_test(csrf),
		cmocka_unit_test(email),
		cmocka_unit_test(limiter),
		cmocka_unit_test(limiter_shared),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
