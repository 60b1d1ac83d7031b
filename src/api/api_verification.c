/*
 * api_verification.c - verification of health professionals (issue 7): a member asks with
 * profession, specialty and RPPS number (checked at once: 11 digits, Luhn key); an
 * administrator approves (which grants the professional role) or refuses with a reason, and
 * may later revoke (logged, role withdrawn). An institution administrator (issue 17) sees and
 * decides only the requests that name their institution, and never their own. The badge says what was verified, by whom and
 * when, never the RPPS number: the public profile stays pseudonymous.
 * Not responsible for: the professional spaces and cases (api_case.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_admin.h"
#include "api/api_handlers.h"
#include "api/api_pro.h"
#include "core/clock.h"
#include "core/log.h"
#include "pro/pro.h"
#include "pro/pro_store.h"

const struct json_field api_verification_create_fields[] = {
	{"profession", JF_STRING, true, 2, PRO_TEXT_MAX, NULL},
	{"specialty", JF_STRING, false, 0, PRO_TEXT_MAX, NULL},
	{"rpps", JF_STRING, true, 0, 32, NULL},
	{"institution", JF_STRING, false, 1, 63, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_verification_reason_fields[] = {
	{"reason", JF_STRING, true, 3, PRO_REASON_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static void key(struct buf *b, const char *k, const char *v)
{
	buf_printf(b, ",\"%s\":", k);
	buf_json_cstr(b, v);
}

/* The badge: "infirmière — RPPS vérifié par CHU X, 2026-11-29" and its English twin. */
static void write_badge(struct buf *b, const struct pro_verification *v)
{
	char day[CLOCK_DAY_LEN], fr[512], en[512];
	clock_day(v->decided_at, day);
	snprintf(fr, sizeof fr, "%s — RPPS vérifié par %s, %s", v->profession, v->verified_by, day);
	snprintf(en, sizeof en, "%s — RPPS verified by %s, %s", v->profession, v->verified_by, day);
	buf_puts(b, "{\"handle\":");
	buf_json_cstr(b, v->handle);
	key(b, "profession", v->profession);
	key(b, "specialty", v->specialty);
	key(b, "verified_by", v->verified_by);
	key(b, "verified_on", day);
	buf_puts(b, ",\"institution\":"); /* its desk, where members ask (R2) */
	buf_json_cstr(b, v->institution[0] ? v->institution : NULL);
	buf_puts(b, ",\"label\":{\"fr\":");
	buf_json_cstr(b, fr);
	buf_puts(b, ",\"en\":");
	buf_json_cstr(b, en);
	buf_puts(b, "}}");
}

/* A request as its author or an administrator sees it (with the RPPS number). */
static void write_verif(struct buf *b, const struct pro_verification *v)
{
	buf_printf(b, "{\"id\":%lld", (long long)v->id);
	key(b, "handle", v->handle);
	key(b, "profession", v->profession);
	key(b, "specialty", v->specialty);
	key(b, "rpps", v->rpps);
	buf_puts(b, ",\"institution\":");
	if (v->institution[0]) {
		buf_puts(b, "{\"slug\":");
		buf_json_cstr(b, v->institution);
		key(b, "name", v->institution_name);
		buf_putc(b, '}');
	} else {
		buf_puts(b, "null");
	}
	key(b, "status", v->status);
	key(b, "reason", v->reason);
	buf_puts(b, ",\"created_at\":");
	api_json_time(b, v->created_at);
	buf_puts(b, ",\"decided_at\":");
	api_json_time(b, v->decided_at);
	buf_puts(b, ",\"badge\":");
	if (!strcmp(v->status, "approved"))
		write_badge(b, v);
	else
		buf_puts(b, "null");
	buf_putc(b, '}');
}

static enum ent_err reply_verif(struct api_req *q, int status, const struct pro_verification *v)
{
	struct buf b;
	buf_init(&b, 16 * 1024);
	write_verif(&b, v);
	api_reply(q, status, &b);
	return ENT_OK;
}

enum ent_err api_verification_create(struct api_req *q)
{
	size_t rlen;
	const char *reason;
	const char *rpps = api_str(q, "rpps", &rlen);
	if (pro_rpps_check(rpps, rlen, &reason))
		return api_invalid(q, "rpps", reason);
	if (q->s.roles & ROLE_PROFESSIONAL) {
		q->slug = "conflict";
		return ENT_ECONFLICT;
	}
	const char *specialty = api_str(q, "specialty", NULL);
	struct pro_verification_new n = {
		.account_id = q->s.account.id,
		.profession = api_str(q, "profession", NULL),
		.specialty = specialty ? specialty : "",
		.rpps = rpps,
		.institution = api_str(q, "institution", NULL),
		.now = clock_now(),
	};
	int64_t id;
	enum ent_err err = pro_verif_insert(q->db, &n, &id);
	if (err == ENT_ENOTFOUND)
		return api_invalid(q, "institution", "unknown-institution");
	if (err)
		return err;
	struct pro_verification v;
	err = pro_verif_get(q->db, id, &v);
	return err ? err : reply_verif(q, 201, &v);
}

enum ent_err api_verification_mine(struct api_req *q)
{
	struct pro_verification v;
	enum ent_err err = pro_verif_latest(q->db, q->s.account.id, &v);
	return err ? err : reply_verif(q, 200, &v);
}

struct list_ctx {
	struct api_req *q;
	struct buf *b;
	bool first;
};

/* The administrator decides every request; an institution administrator those naming their
 * institution, except their own. */
static bool may_decide(const struct api_req *q, const struct pro_verification *v)
{
	if (q->s.roles & ROLE_ADMINISTRATOR)
		return true;
	return v->institution[0] && v->account_id != q->s.account.id &&
	       api_admin_of_institution(q, v->institution);
}

static void list_one(const struct pro_verification *v, void *arg)
{
	struct list_ctx *c = arg;
	if (!may_decide(c->q, v))
		return;
	if (!c->first)
		buf_putc(c->b, ',');
	c->first = false;
	write_verif(c->b, v);
}

enum ent_err api_verification_list(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	struct list_ctx c = {q, &b, true};
	buf_puts(&b, "{\"verifications\":[");
	enum ent_err err = pro_verif_each(q->db, list_one, &c);
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_puts(&b, "]}");
	api_reply(q, 200, &b);
	return ENT_OK;
}

/* Applies one decision and the role change it implies in one transaction. */
static enum ent_err decide(struct api_req *q, const char *from, const char *to, const char *action)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (err)
		return err;
	struct pro_verification v;
	err = pro_verif_get(q->db, id, &v);
	if (err)
		return err;
	if (!may_decide(q, &v))
		return ENT_EPERM;
	const char *reason = api_str(q, "reason", NULL);
	struct pro_verif_decision d = {
		.id = id, .from = from, .to = to, .action = action,
		.reason = reason ? reason : "",
		.actor_id = q->s.account.id, .now = clock_now(),
	};
	/* Who verified: the institution the person works for, else this instance. */
	if (!strcmp(to, "approved"))
		d.verified_by = v.institution_name[0] ? v.institution_name
			      : q->app->cfg.name[0] ? q->app->cfg.name : "entraide";
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = pro_verif_decide(q->db, &d);
	if (!err && !strcmp(to, "approved"))
		err = store_role_grant(q->db, v.account_id, "professional", NULL);
	if (!err && !strcmp(to, "revoked")) {
		err = store_role_revoke(q->db, v.account_id, "professional", NULL);
		if (err == ENT_ENOTFOUND)
			err = ENT_OK; /* the role was withdrawn by other means already */
	}
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	err = store_tx_commit(q->db);
	if (err)
		return err;
	/* The audit trail is the events table; the operator log gets the fact, no identity. */
	char m[96];
	snprintf(m, sizeof m, "\"verification\":%lld,\"action\":\"%s\"", (long long)id, action);
	log_line(LOG_INFO, "professional verification decided", m);
	err = pro_verif_get(q->db, id, &v);
	return err ? err : reply_verif(q, 200, &v);
}

enum ent_err api_verification_approve(struct api_req *q)
{
	return decide(q, "pending", "approved", "approve");
}

enum ent_err api_verification_refuse(struct api_req *q)
{
	return decide(q, "pending", "refused", "refuse");
}

enum ent_err api_verification_revoke(struct api_req *q)
{
	return decide(q, "approved", "revoked", "revoke");
}

enum ent_err api_badge_get(struct api_req *q)
{
	const struct http_params *p = &q->http->params;
	char k[STORE_HANDLE_MAX + 1];
	struct store_account a;
	struct pro_verification v;
	if (p->n < 1 || api_handle_key(p->value[0], k))
		return ENT_ENOTFOUND;
	enum ent_err err = store_account_by_handle(q->db, k, &a);
	if (!err)
		err = pro_verif_approved(q->db, a.id, &v);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 4096);
	write_badge(&b, &v);
	api_reply(q, 200, &b);
	return ENT_OK;
}
