/*
 * pro_case.c - cases, consent records and answers in the store (see pro_case.h); their photos
 * are in pro_photo.c.
 */
#include <stdlib.h>
#include <string.h>

#include "pro/pro.h"
#include "pro/pro_case.h"
#include "pro/pro_store.h"

#define CASE_COLS                                                                                \
	"k.id, coalesce(k.author_id, 0), coalesce(a.handle, ''), k.title, k.status, "            \
	"coalesce(k.helpful_id, 0), (SELECT count(*) FROM pro_case_answers x WHERE x.case_id = k.id), " \
	"k.created_at, coalesce(k.first_answer_at, 0), coalesce(k.closed_at, 0), k.space, k.body "        \
	"FROM pro_cases k LEFT JOIN accounts a ON a.id = k.author_id "
static const struct store_stmt Q_CASE_INSERT = {
	"pro.case_insert",
	"INSERT INTO pro_cases (author_id, title, body, created_at, space) VALUES (?1, ?2, ?3, ?4, ?5) "
	"RETURNING id"};
/* The communities' spaces (issue 5): a case may belong to one whose visibility is professionals. */
static const struct store_stmt Q_SPACE = {
	"pro.space", "SELECT 1 FROM spaces WHERE slug = ?1 AND visibility = 'professionals'"};
static const struct store_stmt Q_CONSENT_INSERT = {
	"pro.consent_insert",
	"INSERT INTO pro_case_consents (case_id, who, how, given_on, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
static const struct store_stmt Q_CONSENT = {
	"pro.consent", "SELECT who, how, given_on FROM pro_case_consents WHERE case_id = ?1"};
static const struct store_stmt Q_CASE_GET = {"pro.case_get", "SELECT " CASE_COLS "WHERE k.id = ?1"};
static const struct store_stmt Q_CASE_EACH = {"pro.case_each",
					      "SELECT " CASE_COLS "ORDER BY k.id DESC LIMIT 200"};
static const struct store_stmt Q_FIRST_ANSWERS = {
	"pro.first_answers",
	"SELECT first_answer_at - created_at FROM pro_cases WHERE first_answer_at IS NOT NULL "
	"ORDER BY id DESC LIMIT 10000"};
static const struct store_stmt Q_CASE_STATUS = {
	"pro.case_status",
	"UPDATE pro_cases SET status = ?2, closed_at = CASE WHEN ?2 = 'closed' THEN CAST(?3 AS BIGINT) END "
	"WHERE id = ?1"};
static const struct store_stmt Q_CASE_HELPFUL = {
	"pro.case_helpful",
	"UPDATE pro_cases SET helpful_id = ?2 WHERE id = ?1 AND EXISTS (SELECT 1 FROM "
	"pro_case_answers WHERE id = ?2 AND case_id = ?1)"};
static const struct store_stmt Q_ANSWER_INSERT = {
	"pro.answer_insert",
	"INSERT INTO pro_case_answers (case_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4) "
	"RETURNING id"};
static const struct store_stmt Q_FIRST_ANSWER = {
	"pro.first_answer",
	"UPDATE pro_cases SET first_answer_at = ?2 WHERE id = ?1 AND first_answer_at IS NULL"};
static const struct store_stmt Q_ANSWER_EACH = {
	"pro.answer_each",
	"SELECT x.id, coalesce(a.handle, ''), x.body, x.created_at FROM pro_case_answers x "
	"LEFT JOIN accounts a ON a.id = x.author_id WHERE x.case_id = ?1 ORDER BY x.id LIMIT 1000"};

void pro_case_clear(struct pro_case *k)
{
	free(k->body);
	k->body = NULL;
}

static enum ent_err case_row(struct store_q *q, struct pro_case *k, bool with_body)
{
	memset(k, 0, sizeof *k);
	k->id = store_q_int(q, 0);
	k->author_id = store_q_int(q, 1);
	pro_col_text(q, 2, k->author, sizeof k->author);
	pro_col_text(q, 3, k->title, sizeof k->title);
	pro_col_text(q, 4, k->status, sizeof k->status);
	k->helpful_id = store_q_int(q, 5);
	k->n_answers = store_q_int(q, 6);
	k->created_at = store_q_int(q, 7);
	k->first_answer_at = store_q_int(q, 8);
	k->closed_at = store_q_int(q, 9);
	pro_col_text(q, 10, k->space, sizeof k->space);
	if (!with_body)
		return ENT_OK;
	size_t n;
	const char *b = store_q_text(q, 11, &n);
	k->body = malloc(n + 1);
	if (!k->body)
		return ENT_ENOMEM;
	memcpy(k->body, b, n);
	k->body[n] = '\0';
	return ENT_OK;
}

enum ent_err pro_space_check(struct store_conn *c, const char *slug)
{
	struct store_q *q;
	bool has;
	enum ent_err err = store_q_open(c, &Q_SPACE, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 1, slug);
	err = store_q_step(q, &has);
	store_q_close(q);
	return !err && !has ? ENT_ENOTFOUND : err;
}

enum ent_err pro_case_insert(struct store_conn *c, const struct pro_case_new *n, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open(c, &Q_CASE_INSERT, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, n->author_id);
	store_q_bind_cstr(q, 2, n->title);
	store_q_bind_cstr(q, 3, n->body);
	store_q_bind_int(q, 4, n->now);
	store_q_bind_cstr(q, 5, n->space ? n->space : "");
	err = pro_q_insert_id(q, id);
	if (!err)
		err = store_q_open(c, &Q_CONSENT_INSERT, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, *id);
	store_q_bind_cstr(q, 2, n->consent_who);
	store_q_bind_cstr(q, 3, n->consent_how);
	store_q_bind_cstr(q, 4, n->consent_on);
	store_q_bind_int(q, 5, n->author_id);
	store_q_bind_int(q, 6, n->now);
	err = store_q_exec(q);
	store_q_close(q);
out:
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err pro_case_get(struct store_conn *c, int64_t id, struct pro_case *out)
{
	struct store_q *q;
	memset(out, 0, sizeof *out);
	enum ent_err err = pro_q_row(c, &Q_CASE_GET, id, &q);
	if (err)
		return err;
	err = case_row(q, out, true);
	store_q_close(q);
	return err;
}

enum ent_err pro_case_each(struct store_conn *c, void (*fn)(const struct pro_case *k, void *arg),
			   void *arg)
{
	struct store_q *q;
	bool has;
	struct pro_case k;
	enum ent_err err = store_q_open(c, &Q_CASE_EACH, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &has)) && has) {
		case_row(q, &k, false);
		fn(&k, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err pro_case_median_first_answer(struct store_conn *c, long long *median, size_t *n)
{
	struct store_q *q;
	bool has;
	long long *v = malloc(10000 * sizeof *v);
	*median = 0;
	*n = 0;
	if (!v)
		return ENT_ENOMEM;
	enum ent_err err = store_q_open(c, &Q_FIRST_ANSWERS, &q);
	if (err) {
		free(v);
		return err;
	}
	while (*n < 10000 && !(err = store_q_step(q, &has)) && has)
		v[(*n)++] = (long long)store_q_int(q, 0);
	store_q_close(q);
	if (!err)
		*median = pro_median(v, *n);
	free(v);
	return err;
}

enum ent_err pro_case_consent(struct store_conn *c, int64_t case_id, char who[24], char how[16],
			      char on[16])
{
	struct store_q *q;
	enum ent_err err = pro_q_row(c, &Q_CONSENT, case_id, &q);
	if (err)
		return err;
	pro_col_text(q, 0, who, 24);
	pro_col_text(q, 1, how, 16);
	pro_col_text(q, 2, on, 16);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err pro_case_set_status(struct store_conn *c, int64_t id, const char *status, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CASE_STATUS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_cstr(q, 2, status);
	store_q_bind_int(q, 3, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err pro_case_set_helpful(struct store_conn *c, int64_t id, int64_t answer_id)
{
	enum ent_err err = store_exec_ints(c, &Q_CASE_HELPFUL, 2, (const int64_t[]){id, answer_id});
	return !err && store_changes(c) == 0 ? ENT_ENOTFOUND : err;
}

enum ent_err pro_answer_insert(struct store_conn *c, int64_t case_id, int64_t author_id,
			       const char *body, int64_t now, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (!err)
		err = store_q_open(c, &Q_ANSWER_INSERT, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, case_id);
	store_q_bind_int(q, 2, author_id);
	store_q_bind_cstr(q, 3, body);
	store_q_bind_int(q, 4, now);
	err = pro_q_insert_id(q, id);
	if (!err)
		err = store_exec_ints(c, &Q_FIRST_ANSWER, 2, (const int64_t[]){case_id, now});
out:
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err pro_answer_each(struct store_conn *c, int64_t case_id,
			     void (*fn)(const struct pro_answer *a, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	struct pro_answer a;
	enum ent_err err = store_q_open(c, &Q_ANSWER_EACH, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, case_id);
	while (!(err = store_q_step(q, &has)) && has) {
		a.id = store_q_int(q, 0);
		pro_col_text(q, 1, a.author, sizeof a.author);
		a.body = store_q_text(q, 2, NULL);
		a.created_at = store_q_int(q, 3);
		fn(&a, arg);
	}
	store_q_close(q);
	return err;
}
