/*
 * api_moderation.c - the moderators' side: the queue of open reports (with the reporter's
 * handle, which only moderators see), hiding and restoring a post, marking its reports handled,
 * dismissing them, suspending an account (with a reason and a number of days, or until
 * lifted) and lifting it. Staff act only on accounts of a rank below theirs
 * (policy_account_action), and only on posts of spaces they can read. The queue puts first, marked "danger" with the steps to follow, the
 * "someone may be in danger" reports and the posts the classifier read as an emergency (R3,
 * api_emergency.c gives the order).
 * Every action is appended to moderation_log in the same transaction as the action itself.
 */
#include <string.h>

#include "api/api_community.h"
#include "api/api_emergency.h"
#include "community/comm_store.h"
#include "core/clock.h"
#include "policy/policy_space.h"

const struct json_field api_moderation_note_fields[] = {
	{"note", JF_STRING, false, 0, 1000, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

const struct json_field api_moderation_suspend_fields[] = {
	{"reason", JF_STRING, true, 1, 500, NULL},
	{"days", JF_INT, false, 0, 0, NULL},
	{"post", JF_INT, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* Longest suspension with an end, in days; longer is "until lifted" (no days). */
#define SUSPEND_DAYS_MAX 365

static void str_or_null(struct buf *b, const char *s)
{
	if (!s)
		buf_puts(b, "null");
	else
		buf_json_cstr(b, s);
}

struct queue {
	struct api_req *q;
	struct buf *b;
	int64_t n, seen, last;
};

static enum ent_err write_report(void *arg, const struct comm_report_row *r)
{
	struct queue *w = arg;
	struct api_req *q = w->q;
	struct buf *b = w->b;
	enum ent_err err;
	w->seen++;
	w->last = r->queue_key;
	/* a post of a space the moderator cannot read, or (space moderators) of a space not
	 * assigned to them, is not theirs to see or act on */
	enum space_visibility vis;
	bool assigned = false;
	if (!policy_space_visibility_parse(r->visibility, &vis))
		return ENT_OK;
	if (!(q->s.roles & ROLE_MODERATOR) &&
	    (err = comm_moderates_space(q->db, q->s.account.id, r->space, &assigned)))
		return err;
	if (!policy_space_can_moderate(vis, q->s.roles, assigned))
		return ENT_OK;
	char c[24];
	clock_iso(r->created_at, c);
	bool classifier = !strcmp(r->source, "classifier");
	bool danger = classifier || !strncmp(r->reason, "danger", 6);
	buf_printf(b, "%s{\"id\":%lld,\"post\":%lld,\"reason\":", w->n++ ? "," : "",
		   (long long)r->id, (long long)r->post);
	buf_json_cstr(b, r->reason);
	buf_printf(b, ",\"source\":\"%s\",\"priority\":\"%s\"", classifier ? "classifier" : "member",
		   danger ? "danger" : "normal");
	if (classifier) {
		buf_puts(b, ",\"rule\":");
		str_or_null(b, r->rule);
		buf_printf(b, ",\"confidence\":%.3f", r->confidence / 1000.0);
	}
	if (danger) {
		buf_puts(b, ",\"steps\":");
		comm_emergency_steps_json(b, q->lang == HTTP_LANG_EN);
	}
	buf_printf(b, ",\"created_at\":\"%s\",\"reporter\":", c);
	str_or_null(b, r->reporter);
	buf_printf(b, ",\"thread\":{\"id\":%lld,\"title\":", (long long)r->thread);
	buf_json_cstr(b, r->title);
	buf_puts(b, "},\"excerpt\":");
	buf_json_cstr(b, r->excerpt);
	buf_puts(b, ",\"author\":");
	str_or_null(b, r->author);
	buf_printf(b, ",\"hidden\":%s}", r->hidden ? "true" : "false");
	return ENT_OK;
}

enum ent_err api_moderation_reports(struct api_req *q)
{
	int64_t after, limit;
	enum ent_err err = api_page(q, "after", &after, &limit);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"reports\":[");
	struct queue w = {q, &b, 0, 0, 0};
	err = comm_reports_open(q->db, after, limit, write_report, &w);
	return api_page_end(q, &b, err, w.seen == limit, w.last);
}

static enum ent_err act_on_post(struct api_req *q, enum comm_mod_action action)
{
	bool hide = action == COMM_MOD_HIDE;
	bool touches_post = action == COMM_MOD_HIDE || action == COMM_MOD_RESTORE;
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	enum space_visibility vis;
	int64_t space = 0;
	bool assigned = false;
	if (!err)
		err = comm_post_space(q->db, id, &vis, &space);
	/* a moderator acts only where they can read: a post of a professionals-only space is
	 * "not found" for a moderator who is not a verified professional; a space moderator acts
	 * only in the spaces assigned to them (403 elsewhere) */
	if (!err && !policy_space_can_read(vis, q->s.roles))
		err = ENT_ENOTFOUND;
	if (!err && !(q->s.roles & ROLE_MODERATOR))
		err = comm_moderates_space(q->db, q->s.account.id, space, &assigned);
	if (!err && !policy_space_can_moderate(vis, q->s.roles, assigned))
		err = ENT_EPERM;
	if (!err)
		err = comm_mod_post_act(q->db, id, action, q->s.account.id, api_str(q, "note", NULL),
					clock_now());
	if (err)
		return err;
	comm_changed();
	struct buf b;
	buf_init(&b, 64);
	if (!touches_post)
		buf_printf(&b, "{\"post\":%lld,\"resolved\":true,\"resolution\":\"%s\"}", (long long)id,
			   comm_mod_resolution(action));
	else
		buf_printf(&b, "{\"post\":%lld,\"hidden\":%s}", (long long)id, hide ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_moderation_hide(struct api_req *q)
{
	return act_on_post(q, COMM_MOD_HIDE);
}

enum ent_err api_moderation_restore(struct api_req *q)
{
	return act_on_post(q, COMM_MOD_RESTORE);
}

enum ent_err api_moderation_resolve(struct api_req *q)
{
	return act_on_post(q, COMM_MOD_RESOLVE);
}

enum ent_err api_moderation_dismiss(struct api_req *q)
{
	return act_on_post(q, COMM_MOD_DISMISS);
}

/* The account a moderator or an administrator acts on: not themselves (409), and only of a
 * rank below theirs (403): policy_account_action, as on the administrator's page. */
static enum ent_err find_target(struct api_req *q, const char *key, struct store_account *a)
{
	enum ent_err err = store_account_by_handle(q->db, key, a);
	return err ? err : api_may_act_on_account(q, a->id);
}

/* Suspends (until: 0 = until lifted) or lifts, then logs it with the request's reason and
 * closes the open reports of `post` (0: none) as "suspended". store_account_suspend runs its
 * own transaction (it also ends the sessions); the log entry and the reports' closing follow
 * it, so a crash in between leaves a suspension without its entry, never an entry without
 * the suspension. */
static enum ent_err apply_suspension(struct api_req *q, const struct store_account *a, bool suspend,
				     int64_t until, int64_t post, int64_t now)
{
	enum ent_err err = store_account_suspend(q->db, a->id, suspend, until);
	if (!err)
		err = comm_mod_account_logged(q->db, q->s.account.id, suspend ? "suspend" : "lift",
					      a->id, post, api_str(q, "reason", NULL), now);
	if (!err)
		comm_changed();
	return err;
}

enum ent_err api_moderation_suspend(struct api_req *q)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	json_t *jd = json_object_get(q->body, "days"), *jp = json_object_get(q->body, "post");
	json_int_t days = jd ? json_integer_value(jd) : 0;
	if (jd && (days < 1 || days > SUSPEND_DAYS_MAX))
		return api_invalid(q, "days", "out-of-range");
	enum ent_err err = api_handle_key(q->http->params.value[0], key);
	if (err)
		return ENT_ENOTFOUND;
	err = find_target(q, key, &a);
	int64_t now = clock_now(), until = days ? now + (int64_t)days * 86400 : 0;
	if (!err)
		err = apply_suspension(q, &a, true, until, jp ? json_integer_value(jp) : 0, now);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 256);
	buf_puts(&b, "{\"handle\":");
	buf_json_cstr(&b, a.handle);
	buf_puts(&b, ",\"suspended\":true,\"until\":");
	if (until) {
		char iso[24];
		clock_iso(until, iso);
		buf_printf(&b, "\"%s\"}", iso);
	} else {
		buf_puts(&b, "null}");
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}

const struct json_field api_moderation_lift_fields[] = {
	{"reason", JF_STRING, true, 1, 500, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* Lifts a suspension, by someone of a rank above the account's (a moderator lifts a
 * member's, an administrator a moderator's). Lifting an account that is not suspended is
 * not an error: it is not suspended afterwards either. */
enum ent_err api_moderation_lift(struct api_req *q)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	if (api_handle_key(q->http->params.value[0], key))
		return ENT_ENOTFOUND;
	enum ent_err err = find_target(q, key, &a);
	if (!err)
		err = apply_suspension(q, &a, false, 0, 0, clock_now());
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 128);
	buf_puts(&b, "{\"handle\":");
	buf_json_cstr(&b, a.handle);
	buf_puts(&b, ",\"suspended\":false}");
	api_reply(q, 200, &b);
	return ENT_OK;
}

struct log_page {
	struct buf *b;
	int64_t n, last;
};

static enum ent_err write_entry(void *arg, const struct comm_modlog_row *r)
{
	struct log_page *w = arg;
	struct buf *b = w->b;
	char c[24];
	clock_iso(r->at, c);
	w->last = r->id;
	buf_printf(b, "%s{\"id\":%lld,\"moderator\":", w->n++ ? "," : "", (long long)r->id);
	str_or_null(b, r->moderator);
	buf_puts(b, ",\"action\":");
	buf_json_cstr(b, r->action);
	buf_puts(b, ",\"target\":{\"kind\":");
	buf_json_cstr(b, r->kind);
	buf_printf(b, ",\"id\":%lld},\"note\":", (long long)r->target);
	buf_json_cstr(b, r->note);
	buf_printf(b, ",\"at\":\"%s\"}", c);
	return ENT_OK;
}

enum ent_err api_moderation_log(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"actions\":[");
	struct log_page w = {&b, 0, 0};
	err = comm_modlog_page(q->db, before, limit, write_entry, &w);
	return api_page_end(q, &b, err, w.n == limit, w.last);
}
