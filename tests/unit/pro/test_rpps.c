/*
 * test_rpps.c - the RPPS number check (11 digits, Luhn key) and the median used for the time
 * to first answer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "pro/pro.h"

static enum ent_err check(const char *s, const char **reason)
{
	return pro_rpps_check(s, s ? strlen(s) : 0, reason);
}

static void valid_numbers(void **state)
{
	(void)state;
	static const char *const ok[] = {"10003123451", "10101010105", "10000000009", "12345678903"};
	const char *reason = "x";
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(check(ok[i], &reason), ENT_OK);
		assert_null(reason);
	}
}

static void wrong_check_digit(void **state)
{
	(void)state;
	const char *reason;
	/* every other last digit of a valid number is wrong */
	char s[] = "10003123451";
	for (char d = '0'; d <= '9'; d++) {
		s[10] = d;
		enum ent_err want = d == '1' ? ENT_OK : ENT_EFORMAT;
		assert_int_equal(check(s, &reason), want);
		if (want)
			assert_string_equal(reason, PRO_RPPS_REASON_CHECK);
	}
	/* two digits swapped next to each other: Luhn catches it */
	assert_int_equal(check("10003123415", &reason), ENT_EFORMAT);
	assert_string_equal(reason, PRO_RPPS_REASON_CHECK);
}

static void malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {"", "1000312345", "100031234511", "1000312345a",
					  " 10003123451", "10003 23451", "+0003123451", "1000312345\xc3\xa9",
					  "١٠٠٠٣١٢٣٤٥١"};
	const char *reason;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(check(bad[i], &reason), ENT_EFORMAT);
		assert_string_equal(reason, PRO_RPPS_REASON_FORMAT);
	}
	assert_int_equal(check(NULL, &reason), ENT_EFORMAT);
	/* not NUL-terminated: the length counts */
	assert_int_equal(pro_rpps_check("100031234519999", 11, &reason), ENT_OK);
	/* an embedded NUL is not a digit */
	assert_int_equal(pro_rpps_check("10003\0" "23451", 11, &reason), ENT_EFORMAT);
}

static void median(void **state)
{
	(void)state;
	long long a[] = {30, 10, 20};
	assert_int_equal(pro_median(a, 3), 20);
	long long b[] = {40, 10, 20, 30};
	assert_int_equal(pro_median(b, 4), 25);
	assert_int_equal(pro_median(NULL, 0), 0);
	long long c[] = {7};
	assert_int_equal(pro_median(c, 1), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_numbers),
		cmocka_unit_test(wrong_check_digit),
		cmocka_unit_test(malformed),
		cmocka_unit_test(median),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
