/*
 * pro_store.c - verification requests and their events in the store (see pro_store.h).
 */
#include <stdio.h>
#include <string.h>

#include "pro/pro_store.h"

#define COLS                                                                                    \
	"v.id, v.account_id, a.handle, v.profession, v.specialty, v.rpps, coalesce(i.slug, ''), " \
	"coalesce(i.name, ''), v.status, v.reason, v.verified_by, v.created_at, "                  \
	"coalesce(v.decided_at, 0) FROM pro_verifications v JOIN accounts a ON a.id = v.account_id " \
	"LEFT JOIN institutions i ON i.id = v.institution_id "

static const struct store_stmt Q_INSERT = {
	"pro.verif_insert",
	"INSERT INTO pro_verifications (account_id, profession, specialty, rpps, institution_id, "
	"created_at) VALUES (?1, ?2, ?3, ?4, (SELECT id FROM institutions WHERE slug = ?5), ?6) "
	"RETURNING id"};
static const struct store_stmt Q_EVENT = {
	"pro.verif_event",
	"INSERT INTO pro_verification_events (verification_id, actor_id, action, reason, at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)"};
static const struct store_stmt Q_GET = {"pro.verif_get", "SELECT " COLS "WHERE v.id = ?1"};
static const struct store_stmt Q_LATEST = {
	"pro.verif_latest", "SELECT " COLS "WHERE v.account_id = ?1 ORDER BY v.id DESC LIMIT 1"};
static const struct store_stmt Q_APPROVED = {
	"pro.verif_approved",
	"SELECT " COLS "WHERE v.account_id = ?1 AND v.status = 'approved' LIMIT 1"};
static const struct store_stmt Q_EACH = {
	"pro.verif_each",
	"SELECT " COLS "ORDER BY v.status <> 'pending', v.id DESC LIMIT 1000"};
static const struct store_stmt Q_DECIDE = {
	"pro.verif_decide",
	"UPDATE pro_verifications SET status = ?3, reason = ?4, verified_by = "
	"coalesce(?5, verified_by), decided_by = ?6, decided_at = ?7 WHERE id = ?1 AND status = ?2"};

void pro_col_text(struct store_q *q, int col, char *dst, size_t cap)
{
	size_t n;
	const char *s = store_q_text(q, col, &n);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

enum ent_err pro_q_row(struct store_conn *c, const struct store_stmt *st, int64_t key,
		       struct store_q **q)
{
	bool has;
	enum ent_err err = store_q_open(c, st, q);
	if (err)
		return err;
	store_q_bind_int(*q, 1, key);
	err = store_q_step(*q, &has);
	if (!err && !has)
		err = ENT_ENOTFOUND;
	if (err)
		store_q_close(*q);
	return err;
}

enum ent_err pro_q_insert_id(struct store_q *q, int64_t *id)
{
	bool has = false;
	enum ent_err err = store_q_step(q, &has);
	*id = !err && has ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return err;
}

static void row(struct store_q *q, struct pro_verification *v)
{
	memset(v, 0, sizeof *v);
	v->id = store_q_int(q, 0);
	v->account_id = store_q_int(q, 1);
	pro_col_text(q, 2, v->handle, sizeof v->handle);
	pro_col_text(q, 3, v->profession, sizeof v->profession);
	pro_col_text(q, 4, v->specialty, sizeof v->specialty);
	pro_col_text(q, 5, v->rpps, sizeof v->rpps);
	pro_col_text(q, 6, v->institution, sizeof v->institution);
	pro_col_text(q, 7, v->institution_name, sizeof v->institution_name);
	pro_col_text(q, 8, v->status, sizeof v->status);
	pro_col_text(q, 9, v->reason, sizeof v->reason);
	pro_col_text(q, 10, v->verified_by, sizeof v->verified_by);
	v->created_at = store_q_int(q, 11);
	v->decided_at = store_q_int(q, 12);
}

static enum ent_err one(struct store_conn *c, const struct store_stmt *st, int64_t key,
			struct pro_verification *out)
{
	struct store_q *q;
	enum ent_err err = pro_q_row(c, st, key, &q);
	if (err)
		return err;
	row(q, out);
	store_q_close(q);
	return ENT_OK;
}

static enum ent_err event(struct store_conn *c, int64_t id, int64_t actor, const char *action,
			  const char *reason, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_EVENT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	if (actor)
		store_q_bind_int(q, 2, actor);
	else
		store_q_bind_null(q, 2);
	store_q_bind_text(q, 3, action, strlen(action));
	store_q_bind_text(q, 4, reason, strlen(reason));
	store_q_bind_int(q, 5, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err pro_verif_insert(struct store_conn *c, const struct pro_verification_new *v,
			      int64_t *id)
{
	struct store_q *q = NULL;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open(c, &Q_INSERT, &q);
	if (err)
		goto out;
	store_q_bind_int(q, 1, v->account_id);
	store_q_bind_text(q, 2, v->profession, strlen(v->profession));
	store_q_bind_text(q, 3, v->specialty, strlen(v->specialty));
	store_q_bind_text(q, 4, v->rpps, strlen(v->rpps));
	if (v->institution)
		store_q_bind_text(q, 5, v->institution, strlen(v->institution));
	else
		store_q_bind_null(q, 5);
	store_q_bind_int(q, 6, v->now);
	err = pro_q_insert_id(q, id);
	if (!err)
		err = event(c, *id, v->account_id, "request", "", v->now);
	if (!err && v->institution) { /* an unknown slug left the institution empty */
		struct pro_verification got;
		err = pro_verif_get(c, *id, &got);
		if (!err && !got.institution[0])
			err = ENT_ENOTFOUND;
	}
out:
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err pro_verif_get(struct store_conn *c, int64_t id, struct pro_verification *out)
{
	return one(c, &Q_GET, id, out);
}

enum ent_err pro_verif_latest(struct store_conn *c, int64_t account_id,
			      struct pro_verification *out)
{
	return one(c, &Q_LATEST, account_id, out);
}

enum ent_err pro_verif_approved(struct store_conn *c, int64_t account_id,
				struct pro_verification *out)
{
	return one(c, &Q_APPROVED, account_id, out);
}

enum ent_err pro_verif_each(struct store_conn *c,
			    void (*fn)(const struct pro_verification *v, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	struct pro_verification v;
	enum ent_err err = store_q_open(c, &Q_EACH, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &has)) && has) {
		row(q, &v);
		fn(&v, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err pro_verif_decide(struct store_conn *c, const struct pro_verif_decision *d)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_DECIDE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, d->id);
	store_q_bind_text(q, 2, d->from, strlen(d->from));
	store_q_bind_text(q, 3, d->to, strlen(d->to));
	store_q_bind_text(q, 4, d->reason, strlen(d->reason));
	if (d->verified_by)
		store_q_bind_text(q, 5, d->verified_by, strlen(d->verified_by));
	else
		store_q_bind_null(q, 5);
	store_q_bind_int(q, 6, d->actor_id);
	store_q_bind_int(q, 7, d->now);
	err = store_q_exec(q);
	store_q_close(q);
	if (err)
		return err;
	if (store_changes(c) == 0) {
		struct pro_verification v;
		err = pro_verif_get(c, d->id, &v);
		return err ? err : ENT_ECONFLICT;
	}
	return event(c, d->id, d->actor_id, d->action, d->reason, d->now);
}
