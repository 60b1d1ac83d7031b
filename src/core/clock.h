/* clock.h - wall-clock seconds (for stored timestamps) and a monotonic clock (for durations). */
#ifndef ENT_CORE_CLOCK_H
#define ENT_CORE_CLOCK_H

#include <stdint.h>

/* Seconds since the Unix epoch. */
int64_t clock_now(void);
/* Monotonic nanoseconds, only meaningful as a difference. */
uint64_t clock_mono_ns(void);

/* The one ISO-8601 formatter: t (Unix seconds) in UTC as "2026-12-05T09:55:18Z". */
#define CLOCK_ISO_LEN 24
void clock_iso(int64_t t, char out[CLOCK_ISO_LEN]);
/* The day of t in UTC as "2026-12-05". */
#define CLOCK_DAY_LEN 11
void clock_day(int64_t t, char out[CLOCK_DAY_LEN]);

#endif
