/*
 * store_limit.h - the counts of rate limiters kept in the database (issue 16), so that a
 * limit holds across the nodes of an instance: the log-in limits, sign-ups, upload quotas and
 * per-account write budgets (auth_limiter_share; api_limits.c wires them when the store is
 * shared). A limiter counts events per key (a 16-byte keyed hash made by auth_limiter) in a
 * fixed window that opens at the key's first event. Table: rate_limits (0041).
 * Not responsible for: hashing keys, choosing limits (auth_limiter.c, api/).
 */
#ifndef ENT_STORE_LIMIT_H
#define ENT_STORE_LIMIT_H

#include "store/store.h"

#define STORE_LIMIT_KEY 16

/* Counts n events of key under limiter kind at now when they fit under max in key's window
 * (window seconds; a window that ended starts again at now) and sets *wait to 0; otherwise
 * counts nothing and sets *wait to the seconds left in the window (at least 1). n = 0 only
 * reads: *wait is nonzero when the window's count already reached max. Atomic across
 * connections (one statement). */
enum ent_err store_limit_take(struct store_conn *c, const char *kind,
			      const unsigned char key[STORE_LIMIT_KEY], int64_t now, unsigned window,
			      unsigned max, unsigned n, unsigned *wait);
/* Forgets key under kind (a successful log-in). */
enum ent_err store_limit_reset(struct store_conn *c, const char *kind,
			       const unsigned char key[STORE_LIMIT_KEY]);
/* Deletes the rows whose window started at or before `before`; *n how many (NULL: not told). */
enum ent_err store_limit_purge(struct store_conn *c, int64_t before, int64_t *n);

#endif
