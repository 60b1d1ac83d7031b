/* test_totp.c - TOTP against the test vectors of RFC 6238 (appendix B: SHA-1, SHA-256,
 * SHA-512, 8 digits, 30-second steps), the check's window and replay refusal, base32. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "auth/auth.h"

static const char seed20[] = "12345678901234567890";
static const char seed32[] = "12345678901234567890123456789012";
static const char seed64[] = "1234567890123456789012345678901234567890123456789012345678901234";

static const struct {
	int64_t t;
	const char *sha1, *sha256, *sha512;
} vectors[] = {
	{59, "94287082", "46119246", "90693936"},
	{1111111109, "07081804", "68084774", "25091201"},
	{1111111111, "14050471", "67062674", "99943326"},
	{1234567890, "89005924", "91819424", "93441116"},
	{2000000000, "69279037", "90698825", "38618901"},
	{20000000000, "65353130", "77737706", "47863826"},
};

static void rfc6238_vectors(void **state)
{
	assert_int_equal(auth_init(), ENT_OK);
	char out[9];
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		assert_int_equal(auth_totp_code((const unsigned char *)seed20, 20, vectors[i].t, 8,
						AUTH_TOTP_SHA1, out), ENT_OK);
		assert_string_equal(out, vectors[i].sha1);
		assert_int_equal(auth_totp_code((const unsigned char *)seed32, 32, vectors[i].t, 8,
						AUTH_TOTP_SHA256, out), ENT_OK);
		assert_string_equal(out, vectors[i].sha256);
		assert_int_equal(auth_totp_code((const unsigned char *)seed64, 64, vectors[i].t, 8,
						AUTH_TOTP_SHA512, out), ENT_OK);
		assert_string_equal(out, vectors[i].sha512);
	}
	assert_int_equal(auth_totp_code((const unsigned char *)seed20, 20, 59, 5, AUTH_TOTP_SHA1, out),
			 ENT_EINVAL);
}

static void check_window_and_replay(void **state)
{
	const unsigned char *k = (const unsigned char *)seed20;
	char code[9];
	int64_t now = 1111111111, step = 0;
	/* six digits: the last six of the eight-digit vector */
	assert_int_equal(auth_totp_code(k, 20, now, 6, AUTH_TOTP_SHA1, code), ENT_OK);
	assert_string_equal(code, "050471");
	assert_int_equal(auth_totp_check(k, 20, now, 0, code, &step), ENT_OK);
	assert_int_equal(step, now / 30);
	/* accepted once: the step is now used */
	assert_int_equal(auth_totp_check(k, 20, now, step, code, &step), ENT_EAUTH);
	/* one step of drift either side, not two */
	assert_int_equal(auth_totp_check(k, 20, now + 30, 0, code, &step), ENT_OK);
	assert_int_equal(auth_totp_check(k, 20, now - 30, 0, code, &step), ENT_OK);
	assert_int_equal(auth_totp_check(k, 20, now + 90, 0, code, &step), ENT_EAUTH);
	assert_int_equal(auth_totp_check(k, 20, now, 0, "12345", &step), ENT_EAUTH);
	assert_int_equal(auth_totp_check(k, 20, now, 0, "05047a", &step), ENT_EAUTH);
	code[5] = code[5] == '9' ? '0' : (char)(code[5] + 1);
	assert_int_equal(auth_totp_check(k, 20, now, 0, code, &step), ENT_EAUTH);
}

static void base32(void **state)
{
	char out[64];
	assert_int_equal(auth_base32((const unsigned char *)seed20, 20, out, sizeof out), ENT_OK);
	assert_string_equal(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_int_equal(auth_base32((const unsigned char *)"f", 1, out, sizeof out), ENT_OK);
	assert_string_equal(out, "MY"); /* no padding */
	assert_int_equal(auth_base32((const unsigned char *)seed20, 20, out, 10), ENT_ETOOBIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc6238_vectors),
		cmocka_unit_test(check_window_and_replay),
		cmocka_unit_test(base32),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
