/*
 * test_msg.c - the pure checks of direct messages: the pairing rule (R2 both ways, ages), the
 * disappearing periods, and base64url as the server accepts it for keys, nonces and
 * ciphertexts (libsodium's URLSAFE_NO_PADDING, one encoding per value).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "message/msg.h"

static void pairing_rule(void **state)
{
	(void)state;
	struct msg_party m1 = {.id = 1}, m2 = {.id = 2};
	struct msg_party p1 = {.id = 3, .professional = true}, p2 = {.id = 4, .professional = true};
	assert_null(msg_pair_refusal(&m1, &m2));
	assert_null(msg_pair_refusal(&p1, &p2));
	assert_string_equal(msg_pair_refusal(&m1, &p1), MSG_NO_MEMBER_TO_PRO);
	assert_string_equal(msg_pair_refusal(&p1, &m1), MSG_NO_PRO_TO_MEMBER);
}

static void age_rule(void **state)
{
	(void)state;
	struct msg_party m = {.id = 1}, kid = {.id = 2, .young = true, .limited = true};
	struct msg_party teen = {.id = 3, .young = true};
	assert_string_equal(msg_pair_refusal(&kid, &m), MSG_NO_LIMITED);
	assert_string_equal(msg_pair_refusal(&m, &kid), MSG_NO_UNREACHABLE);
	assert_null(msg_pair_refusal(&teen, &m));
	assert_false(msg_needs_community(&m, &m));
	assert_true(msg_needs_community(&m, &teen));
	assert_true(msg_needs_community(&teen, &m));
	assert_string_equal(msg_community_refusal(&teen), MSG_NO_YOUNG);
	assert_string_equal(msg_community_refusal(&m), MSG_NO_UNREACHABLE);
	assert_true(msg_refusal_is_age(MSG_NO_UNREACHABLE));
	assert_false(msg_refusal_is_age(MSG_NO_BLOCKED));
}

static void periods(void **state)
{
	(void)state;
	assert_int_equal(msg_disappear_parse("off"), 0);
	assert_int_equal(msg_disappear_parse("1d"), 86400);
	assert_int_equal(msg_disappear_parse("7d"), 7 * 86400);
	assert_int_equal(msg_disappear_parse("30d"), 30 * 86400);
	assert_int_equal(msg_disappear_parse("2d"), -1);
	assert_int_equal(msg_disappear_parse(NULL), -1);
	assert_true(msg_disappear_ok(0));
	assert_false(msg_disappear_ok(3600));
	assert_string_equal(msg_disappear_name(30 * 86400), "30d");
	assert_null(msg_disappear_name(5));
}

static void base64url(void **state)
{
	(void)state;
	assert_int_equal(sodium_init() < 0, 0);
	for (size_t n = 0; n < 100; n++) {
		unsigned char bin[100];
		char s[200];
		randombytes_buf(bin, n);
		sodium_bin2base64(s, sizeof s, bin, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		size_t got = 999;
		assert_true(msg_b64_ok(s, strlen(s), n, n, &got));
		assert_int_equal(got, n);
		if (n)
			assert_false(msg_b64_ok(s, strlen(s), n + 1, n + 5, NULL));
	}
	const char *key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; /* 32 zero bytes */
	assert_true(msg_b64_ok(key, strlen(key), 32, 32, NULL));
	assert_false(msg_b64_ok("AAAA+AAA", 8, 0, 10, NULL)); /* standard alphabet */
	assert_false(msg_b64_ok("AAAA====", 8, 0, 10, NULL)); /* padding */
	assert_false(msg_b64_ok("AAAAB", 5, 0, 10, NULL));    /* 1 mod 4 */
	assert_false(msg_b64_ok("AB", 2, 0, 10, NULL));       /* unused bits set */
	assert_true(msg_b64_ok("AA", 2, 1, 1, NULL));
	assert_false(msg_b64_ok("AAA<", 4, 0, 10, NULL));
	assert_false(msg_b64_ok(NULL, 0, 0, 10, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pairing_rule),
		cmocka_unit_test(age_rule),
		cmocka_unit_test(periods),
		cmocka_unit_test(base64url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
