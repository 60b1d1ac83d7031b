/*
 * api_admin.c - the administrator's accounts page (issue 17): accounts found by handle with
 * their roles and state (never an e-mail address), the instance-wide roles (moderator,
 * administrator) granted and withdrawn, suspensions with a reason and a duration, and their
 * lifting with a reason. Every change is in the audit log (moderation_log). Roles bound to an
 * institution are api_institution.c; professionals are verified (api_verification.c).
 */
#include <stdio.h>
#include <string.h>

#include "admin/admin_store.h"
#include "api/api_admin.h"
#include "api/api_community.h"
#include "core/clock.h"

#define SUSPEND_DAYS_MAX 365

const struct json_field api_admin_suspend_fields[] = {
	{"reason", JF_STRING, true, 3, 500, NULL},
	{"days", JF_INT, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_admin_lift_fields[] = {
	{"reason", JF_STRING, true, 3, 500, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

struct list_ctx {
	struct store_conn *db;
	struct buf *b;
	bool first;
	enum ent_err err;
	char last[STORE_HANDLE_MAX + 1];
	int64_t n;
};

static void write_account(struct list_ctx *c, const struct admin_account *r)
{
	const struct store_account *a = &r->a;
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	enum ent_err err = store_roles_of(c->db, a->id, roles, STORE_ROLES_MAX, &n);
	if (err && !c->err)
		c->err = err;
	struct buf *b = c->b;
	buf_puts(b, c->first ? "{\"handle\":" : ",{\"handle\":");
	c->first = false;
	buf_json_cstr(b, a->handle);
	buf_puts(b, ",\"roles\":[\"member\"");
	for (size_t i = 0; i < n; i++) {
		bool seen = false; /* one name per role, however many institutions */
		for (size_t k = 0; k < i; k++)
			seen |= !strcmp(roles[k].role, roles[i].role);
		if (seen)
			continue;
		buf_putc(b, ',');
		buf_json_cstr(b, roles[i].role);
	}
	buf_puts(b, "],\"grants\":[");
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, i ? ",{\"role\":" : "{\"role\":");
		buf_json_cstr(b, roles[i].role);
		buf_puts(b, ",\"institution\":");
		buf_json_cstr(b, roles[i].institution[0] ? roles[i].institution : NULL);
		buf_putc(b, '}');
	}
	buf_printf(b, "],\"locale\":\"%s\",\"suspended\":%s,\"suspended_until\":", a->locale,
		   a->suspended ? "true" : "false");
	api_admin_time(b, a->suspended ? r->suspended_until : 0);
	buf_puts(b, ",\"created_at\":");
	api_admin_time(b, a->created_at);
	buf_putc(b, '}');
}

static void one(const struct admin_account *r, void *arg)
{
	struct list_ctx *c = arg;
	snprintf(c->last, sizeof c->last, "%s", r->a.handle);
	c->n++;
	write_account(c, r);
}

/* GET /api/v1/admin/accounts?q=PREFIX&after=HANDLE: a page of accounts by handle. */
enum ent_err api_admin_accounts(struct api_req *q)
{
	char prefix[STORE_HANDLE_MAX + 1] = "", after[STORE_HANDLE_MAX + 1] = "";
	const char *p = api_query(q, "q"), *a = api_query(q, "after");
	size_t n = p ? strlen(p) : 0;
	if (n > STORE_HANDLE_MAX)
		return api_invalid(q, "q", "too-long");
	for (size_t i = 0; i < n; i++) /* handle keys are lower case */
		prefix[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	prefix[n] = '\0';
	if (a && api_handle_key(a, after))
		return api_invalid(q, "after", "bad-handle");
	struct buf b;
	buf_init(&b, 1024 * 1024);
	struct list_ctx c = {q->db, &b, true, ENT_OK, "", 0};
	buf_puts(&b, "{\"accounts\":[");
	enum ent_err err = admin_account_search(q->db, prefix, after, ADMIN_SEARCH_MAX, one, &c);
	if (!err)
		err = c.err;
	if (!err) {
		buf_puts(&b, "],\"next\":");
		buf_json_cstr(&b, c.n == ADMIN_SEARCH_MAX ? c.last : NULL);
		buf_putc(&b, '}');
	}
	return api_reply_or_drop(q, &b, err);
}

/* The account named by the {handle} parameter. */
static enum ent_err target(struct api_req *q, struct admin_account *out)
{
	char key[STORE_HANDLE_MAX + 1];
	const char *h = api_param(q, "handle");
	memset(out, 0, sizeof *out);
	enum ent_err err = h && !api_handle_key(h, key) ? store_account_by_handle(q->db, key, &out->a)
						       : ENT_ENOTFOUND;
	if (!err && out->a.suspended)
		err = store_account_suspended_until(q->db, out->a.id, &out->suspended_until);
	return err;
}

static enum ent_err reply_account(struct api_req *q)
{
	struct admin_account r;
	enum ent_err err = target(q, &r);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 16 * 1024);
	struct list_ctx c = {q->db, &b, true, ENT_OK, "", 0};
	write_account(&c, &r);
	return api_reply_or_drop(q, &b, c.err);
}

/* Writes the audit entry of an action on account id in its own transaction. */
static enum ent_err audit(struct api_req *q, const char *action, int64_t id, const char *note)
{
	enum ent_err err = store_tx_begin(q->db);
	return err ? err : api_admin_commit(q, ENT_OK, action, "account", id, note);
}

/* Instance-wide roles only: institution roles are granted per institution, the professional
 * role by a verification. */
static const char *instance_role(struct api_req *q)
{
	const char *role = api_param(q, "role");
	return role && (!strcmp(role, "moderator") || !strcmp(role, "administrator")) ? role : NULL;
}

static enum ent_err role_change(struct api_req *q, bool grant)
{
	const char *role = instance_role(q);
	struct admin_account r;
	enum ent_err err = role ? target(q, &r) : ENT_ENOTFOUND;
	if (err)
		return err;
	/* The administrator cannot withdraw their own role: an instance keeps someone able to
	 * run it. */
	if (!grant && r.a.id == q->s.account.id && !strcmp(role, "administrator"))
		return ENT_ECONFLICT;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = grant ? store_role_grant(q->db, r.a.id, role, NULL)
		    : store_role_revoke(q->db, r.a.id, role, NULL);
	err = api_admin_commit(q, err, grant ? "role-grant" : "role-revoke", "account", r.a.id, role);
	return err ? err : reply_account(q);
}

enum ent_err api_admin_role_put(struct api_req *q)
{
	return role_change(q, true);
}

enum ent_err api_admin_role_delete(struct api_req *q)
{
	return role_change(q, false);
}

enum ent_err api_admin_suspend(struct api_req *q)
{
	json_t *jd = json_object_get(q->body, "days");
	json_int_t days = jd ? json_integer_value(jd) : 0;
	if (jd && (days < 1 || days > SUSPEND_DAYS_MAX))
		return api_invalid(q, "days", "out-of-range");
	struct admin_account r;
	enum ent_err err = target(q, &r);
	if (!err)
		err = api_may_act_on_account(q, r.a.id);
	if (err)
		return err;
	int64_t until = days ? clock_now() + (int64_t)days * 86400 : 0;
	/* store_account_suspend runs its own transaction (it also ends the sessions); the audit
	 * entry follows, as in the moderators' suspension (api_moderation.c). */
	err = store_account_suspend(q->db, r.a.id, true, until);
	if (!err)
		err = audit(q, "suspend", r.a.id, api_str(q, "reason", NULL));
	if (err)
		return err;
	comm_changed();
	return reply_account(q);
}

enum ent_err api_admin_lift(struct api_req *q)
{
	struct admin_account r;
	enum ent_err err = target(q, &r);
	if (!err)
		err = api_may_act_on_account(q, r.a.id);
	if (err)
		return err;
	if (!r.a.suspended)
		return ENT_ECONFLICT;
	err = store_account_suspend(q->db, r.a.id, false, 0);
	if (!err)
		err = audit(q, "lift", r.a.id, api_str(q, "reason", NULL));
	if (err)
		return err;
	comm_changed();
	return reply_account(q);
}
