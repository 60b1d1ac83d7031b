/* clock.h - wall-clock seconds (for stored timestamps) and a monotonic clock (for durations). */
#ifndef ENT_CORE_CLOCK_H
#define ENT_CORE_CLOCK_H

#include <stdint.h>

/* Seconds since the Unix epoch. */
int64_t clock_now(void);
/* Monotonic nanoseconds, only meaningful as a difference. */
uint64_t clock_mono_ns(void);

#endif
