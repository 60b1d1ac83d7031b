/* test_clock.c - the one ISO-8601 formatter (clock_iso, clock_day). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"

static void iso_utc(void **state)
{
	(void)state;
	char iso[CLOCK_ISO_LEN], day[CLOCK_DAY_LEN];
	clock_iso(0, iso);
	assert_string_equal(iso, "1970-01-01T00:00:00Z");
	clock_iso(1796464518, iso); /* 2026-12-05T09:55:18Z */
	assert_string_equal(iso, "2026-12-05T09:55:18Z");
	clock_day(1796464518, day);
	assert_string_equal(day, "2026-12-05");
	clock_day(951782400, day); /* a leap day */
	assert_string_equal(day, "2000-02-29");
}

/* The formatter against glibc's gmtime_r + strftime (what it replaced): every day from 1900
 * to 2400 at a second that moves through the day, the seconds around midnight, and times
 * before the epoch. */
static void same_as_gmtime(void **state)
{
	(void)state;
	char want[64], iso[CLOCK_ISO_LEN], day[CLOCK_DAY_LEN];
	int n = 0;
	for (int64_t d = -25567; d <= 157000; d++) {
		int64_t ts[] = {d * 86400, d * 86400 + (d * 7919) % 86400, d * 86400 + 86399};
		for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
			struct tm tm;
			time_t tt = (time_t)ts[i];
			assert_non_null(gmtime_r(&tt, &tm));
			strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
			clock_iso(ts[i], iso);
			if (strcmp(iso, want))
				fail_msg("%lld: %s, gmtime %s", (long long)ts[i], iso, want);
			clock_day(ts[i], day);
			assert_memory_equal(day, want, 10);
			assert_int_equal(day[10], '\0');
			n++;
		}
	}
	assert_true(n > 500000);
	clock_iso(-1, iso); /* the second before the epoch */
	assert_string_equal(iso, "1969-12-31T23:59:59Z");
	clock_iso(253402300800, iso); /* year 10000: refused, not mangled */
	assert_string_equal(iso, "");
}

static void clocks_move(void **state)
{
	(void)state;
	assert_true(clock_now() > 1700000000);
	uint64_t a = clock_mono_ns(), b = clock_mono_ns();
	assert_true(b >= a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_utc),
		cmocka_unit_test(same_as_gmtime),
		cmocka_unit_test(clocks_move),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
