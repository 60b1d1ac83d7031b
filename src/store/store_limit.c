/* store_limit.c - rate limiters' counts in the database (issue 16); see store_limit.h. */
#include "store/store_limit.h"

#include <string.h>

/* One statement, so that two nodes counting the same key at once both count: a new key's
 * row, or the key's window started again when it ended (start <= ?5 = now - window), or n
 * more when they fit under ?6; no row comes back when they do not. */
static const struct store_stmt Q_TAKE = {
	"limit.take",
	"INSERT INTO rate_limits (kind, key, count, start) VALUES (?1, ?2, ?3, ?4) "
	"ON CONFLICT (kind, key) DO UPDATE SET "
	"count = CASE WHEN rate_limits.start <= ?5 THEN excluded.count "
	"ELSE rate_limits.count + excluded.count END, "
	"start = CASE WHEN rate_limits.start <= ?5 THEN excluded.start ELSE rate_limits.start END "
	"WHERE rate_limits.start <= ?5 OR rate_limits.count + excluded.count <= ?6 "
	"RETURNING start"};
static const struct store_stmt Q_GET = {
	"limit.get", "SELECT count, start FROM rate_limits WHERE kind = ?1 AND key = ?2"};
static const struct store_stmt Q_RESET = {
	"limit.reset", "DELETE FROM rate_limits WHERE kind = ?1 AND key = ?2"};
static const struct store_stmt Q_PURGE = {
	"limit.purge", "DELETE FROM rate_limits WHERE start <= ?1"};

static enum ent_err open_key(struct store_conn *c, const struct store_stmt *stmt, const char *kind,
			     const unsigned char *key, struct store_q **q)
{
	enum ent_err err = store_q_open(c, stmt, q);
	if (err)
		return err;
	store_q_bind_text(*q, 1, kind, strlen(kind));
	store_q_bind_blob(*q, 2, key, STORE_LIMIT_KEY);
	return ENT_OK;
}

/* *wait: what is left of key's window when its count reached max (0 otherwise, or none). */
static enum ent_err window_left(struct store_conn *c, const char *kind, const unsigned char *key,
				int64_t now, unsigned window, unsigned max, unsigned *wait)
{
	struct store_q *q;
	*wait = 0;
	enum ent_err err = open_key(c, &Q_GET, kind, key, &q);
	if (err || (err = store_q_row(q)))
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	int64_t count = store_q_int(q, 0), left = store_q_int(q, 1) + (int64_t)window - now;
	store_q_close(q);
	if (left > 0 && count >= (int64_t)max)
		*wait = left > (int64_t)window ? window : (unsigned)left;
	return ENT_OK;
}

enum ent_err store_limit_take(struct store_conn *c, const char *kind,
			      const unsigned char key[STORE_LIMIT_KEY], int64_t now, unsigned window,
			      unsigned max, unsigned n, unsigned *wait)
{
	*wait = 0;
	if (!n)
		return window_left(c, kind, key, now, window, max, wait);
	struct store_q *q;
	enum ent_err err = open_key(c, &Q_TAKE, kind, key, &q);
	if (err)
		return err;
	store_q_bind_int(q, 3, n);
	store_q_bind_int(q, 4, now);
	store_q_bind_int(q, 5, now - (int64_t)window);
	store_q_bind_int(q, 6, max);
	err = store_q_row(q);
	if (!err) {
		store_q_close(q);
		return ENT_OK;
	}
	if (err != ENT_ENOTFOUND)
		return err;
	/* refused: the window's count is too high for n more */
	err = window_left(c, kind, key, now, window, 0, wait);
	if (!err && !*wait)
		*wait = 1; /* the window ended in between */
	return err;
}

enum ent_err store_limit_reset(struct store_conn *c, const char *kind,
			       const unsigned char key[STORE_LIMIT_KEY])
{
	struct store_q *q;
	enum ent_err err = open_key(c, &Q_RESET, kind, key, &q);
	return err ? err : store_q_run(q);
}

enum ent_err store_limit_purge(struct store_conn *c, int64_t before, int64_t *n)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_PURGE, before, &q);
	if (!err)
		err = store_q_run(q);
	if (!err && n)
		*n = store_changes(c);
	return err;
}
