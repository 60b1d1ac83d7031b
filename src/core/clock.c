/* clock.c - see clock.h. */
#include "core/clock.h"

#include <stdbool.h>
#include <time.h>

int64_t clock_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

uint64_t clock_mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Year, month and day of a count of days since 1970-01-01 in the proleptic Gregorian calendar
 * (H. Hinnant's civil_from_days). gmtime_r and strftime would do, but gmtime_r takes glibc's
 * time-zone lock and strftime reads the locale: a thread page formats one date per post, and
 * under load the two showed as 3 to 4 % of the server's time (issue 13). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static void put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

/* "YYYY-MM-DD" into out[0..10) for years 0..9999; false outside them. */
static bool put_day(int64_t days, char *out)
{
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return false;
	put2(out, (unsigned)(y / 100));
	put2(out + 2, (unsigned)(y % 100));
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	return true;
}

/* Floor division: the day of a negative time is the one before the epoch, as in gmtime. */
static int64_t day_of(int64_t t)
{
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

void clock_iso(int64_t t, char out[CLOCK_ISO_LEN])
{
	int64_t days = day_of(t);
	unsigned secs = (unsigned)(t - days * 86400);
	if (!put_day(days, out)) {
		out[0] = '\0';
		return;
	}
	out[10] = 'T';
	put2(out + 11, secs / 3600);
	out[13] = ':';
	put2(out + 14, secs / 60 % 60);
	out[16] = ':';
	put2(out + 17, secs % 60);
	out[19] = 'Z';
	out[20] = '\0';
}

void clock_day(int64_t t, char out[CLOCK_DAY_LEN])
{
	if (!put_day(day_of(t), out))
		out[0] = '\0';
	else
		out[10] = '\0';
}
