/*
 * pro_store.h - the tables of the professional network (migrations 0300-0399): verification
 * requests and their decisions.
 *
 * Plain data in, plain data out; the API decides who may call what. Every function takes the
 * calling thread's connection. Not responsible for: the professional role itself
 * (store_account.h grants and revokes it).
 */
#ifndef ENT_PRO_STORE_H
#define ENT_PRO_STORE_H

#include "store/store.h"
#include "store/store_account.h"

#define PRO_TEXT_MAX 64    /* profession, specialty: bytes */
#define PRO_REASON_MAX 500 /* decision reasons: bytes */

struct pro_verification {
	int64_t id;
	int64_t account_id;
	char handle[STORE_HANDLE_MAX + 1];
	char profession[PRO_TEXT_MAX + 1];
	char specialty[PRO_TEXT_MAX + 1];
	char rpps[12];
	char institution[64];       /* slug, "" when none */
	char institution_name[128];
	char status[12];            /* pending, approved, refused, revoked */
	char reason[PRO_REASON_MAX + 1];
	char verified_by[128];      /* frozen at approval */
	int64_t created_at;
	int64_t decided_at;         /* 0 while pending */
};

struct pro_verification_new {
	int64_t account_id;
	const char *profession, *specialty, *rpps;
	const char *institution; /* slug or NULL */
	int64_t now;
};

/* ENT_EEXIST when the account already has a pending or approved request; ENT_ENOTFOUND for
 * an unknown institution. Records the "request" event. */
enum ent_err pro_verif_insert(struct store_conn *c, const struct pro_verification_new *v,
			      int64_t *id);
/* ENT_ENOTFOUND when there is no such request. */
enum ent_err pro_verif_get(struct store_conn *c, int64_t id, struct pro_verification *out);
/* The account's most recent request, or ENT_ENOTFOUND. */
enum ent_err pro_verif_latest(struct store_conn *c, int64_t account_id,
			      struct pro_verification *out);
/* The account's approved request (its badge), or ENT_ENOTFOUND. */
enum ent_err pro_verif_approved(struct store_conn *c, int64_t account_id,
				struct pro_verification *out);
/* Calls fn for each request, pending first then the newest. */
enum ent_err pro_verif_each(struct store_conn *c,
			    void (*fn)(const struct pro_verification *v, void *arg), void *arg);

/* Moves request id from status `from` to `to` and records the event (action, reason, actor).
 * verified_by is stored with an approval (NULL keeps the current value). ENT_ECONFLICT when
 * the request is not in `from`, ENT_ENOTFOUND when there is no such request. */
struct pro_verif_decision {
	int64_t id;
	const char *from, *to, *action;
	const char *reason;       /* "" allowed */
	const char *verified_by;  /* NULL: unchanged */
	int64_t actor_id;
	int64_t now;
};
enum ent_err pro_verif_decide(struct store_conn *c, const struct pro_verif_decision *d);

/* --- helpers shared by the pro_*.c store files --- */

/* Copies text column col into dst (cap bytes, truncated, NUL-terminated). */
void pro_col_text(struct store_q *q, int col, char *dst, size_t cap);
/* Opens st, binds key to ?1 and steps once: ENT_OK with the row ready (store_q_close() *q),
 * ENT_ENOTFOUND without a row (nothing to close). */
enum ent_err pro_q_row(struct store_conn *c, const struct store_stmt *st, int64_t key,
		       struct store_q **q);
/* Steps q, an INSERT ... RETURNING id, and closes it: *id the new row's (0 on error). */
enum ent_err pro_q_insert_id(struct store_q *q, int64_t *id);

#endif
