/* test_clock.c - the one ISO-8601 formatter (clock_iso, clock_day). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
		cmocka_unit_test(clocks_move),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
