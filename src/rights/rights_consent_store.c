/* rights_consent_store.c - a member's consents; see rights_consent.h. */
#include <string.h>

#include "rights/rights_consent.h"

static const struct store_stmt Q_LIST = {
	"consent.list",
	"SELECT id, purpose, given_at, withdrawn_at FROM consents WHERE account_id = ?1 ORDER BY id"};
static const struct store_stmt Q_GIVE = {
	"consent.give",
	"INSERT INTO consents (account_id, purpose, given_at) SELECT ?1, ?2, ?3 WHERE NOT EXISTS "
	"(SELECT 1 FROM consents WHERE account_id = ?1 AND purpose = ?2 AND withdrawn_at IS NULL)"};
static const struct store_stmt Q_WITHDRAW = {
	"consent.withdraw",
	"UPDATE consents SET withdrawn_at = ?3 WHERE account_id = ?1 AND purpose = ?2 "
	"AND withdrawn_at IS NULL"};

struct each {
	rights_consent_fn fn;
	void *arg;
};

static enum ent_err consent_row(struct store_q *q, void *arg)
{
	const struct each *e = arg;
	struct rights_consent r = {store_q_int(q, 0),	  store_q_text(q, 1, NULL),
				   !store_q_is_null(q, 2), !store_q_is_null(q, 3),
				   store_q_int(q, 2),	  store_q_int(q, 3)};
	return e->fn(e->arg, &r);
}

enum ent_err rights_consents_each(struct store_conn *c, int64_t account, rights_consent_fn fn,
				  void *arg)
{
	struct store_q *q;
	struct each e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_LIST, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	return store_q_each(q, consent_row, &e);
}

static enum ent_err change(struct store_conn *c, const struct store_stmt *st, int64_t account,
			   const char *purpose, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_text(q, 2, purpose, strlen(purpose));
	store_q_bind_int(q, 3, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err rights_consent_give(struct store_conn *c, int64_t account, const char *purpose,
				 int64_t now)
{
	return change(c, &Q_GIVE, account, purpose, now);
}

enum ent_err rights_consent_withdraw(struct store_conn *c, int64_t account, const char *purpose,
				     int64_t now)
{
	return change(c, &Q_WITHDRAW, account, purpose, now);
}
