/* pro_consent_store.c - the patients' consents of professionals' cases; see pro_consent.h. */
#include "pro/pro_consent.h"

static const struct store_stmt Q_CASES = {
	"consent.cases",
	"SELECT c.case_id, p.title, c.who, c.how, c.given_on, c.recorded_at FROM pro_case_consents c "
	"JOIN pro_cases p ON p.id = c.case_id WHERE c.recorded_by = ?1 ORDER BY c.case_id"};
static const struct store_stmt Q_CASE_DROP = {
	"consent.case_drop",
	"DELETE FROM pro_cases WHERE id = ?2 AND EXISTS (SELECT 1 FROM pro_case_consents c "
	"WHERE c.case_id = ?2 AND c.recorded_by = ?1)"};

struct each {
	pro_consent_fn fn;
	void *arg;
};

static enum ent_err consent_row(struct store_q *q, void *arg)
{
	const struct each *e = arg;
	struct pro_consent r = {store_q_int(q, 0),	 store_q_text(q, 1, NULL),
				store_q_text(q, 2, NULL), store_q_text(q, 3, NULL),
				store_q_text(q, 4, NULL), !store_q_is_null(q, 5),
				store_q_int(q, 5)};
	return e->fn(e->arg, &r);
}

enum ent_err pro_consents_each(struct store_conn *c, int64_t account, pro_consent_fn fn, void *arg)
{
	struct store_q *q;
	struct each e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_CASES, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	return store_q_each(q, consent_row, &e);
}

enum ent_err pro_consent_withdraw(struct store_conn *c, int64_t account, int64_t case_id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CASE_DROP, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_int(q, 2, case_id);
	return store_q_exec_changed(c, q);
}
