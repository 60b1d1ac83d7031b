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

static const struct store_stmt Q_REPORTS = {
	"comm.reports",
	"SELECT r.queue_key, r.post_id, r.reason, r.created_at, ra.handle, p.thread_id, t.title, "
	"substr(p.body, 1, 400), pa.handle, p.hidden_at IS NOT NULL, r.id, r.source, r.rule, r.confidence, "
	"s.visibility, s.id FROM reports r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id "
	"JOIN spaces s ON s.id = t.space_id "
	"LEFT JOIN accounts ra ON ra.id = r.reporter_id LEFT JOIN accounts pa ON pa.id = p.author_id "
	"WHERE r.resolved_at IS NULL AND r.queue_key > ?1 ORDER BY r.queue_key LIMIT ?2"};

static void str_or_null(struct buf *b, struct store_q *st, int col)
{
	if (store_q_is_null(st, col))
		buf_puts(b, "null");
	else
		buf_json_cstr(b, store_q_text(st, col, NULL));
}

enum ent_err api_moderation_reports(struct api_req *q)
{
	int64_t after, limit;
	enum ent_err err = api_page(q, "after", &after, &limit);
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, &Q_REPORTS, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, after);
	store_q_bind_int(st, 2, limit);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"reports\":[");
	bool row;
	int64_t n = 0, seen = 0, last = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		seen++;
		char c[24];
		clock_iso(store_q_int(st, 3), c);
		last = store_q_int(st, 0);
		/* a post of a space the moderator cannot read, or (space moderators) of a space not
		 * assigned to them, is not theirs to see or act on */
		enum space_visibility vis;
		bool assigned = false;
		if (!policy_space_visibility_parse(store_q_text(st, 14, NULL), &vis))
			continue;
		if (!(q->s.roles & ROLE_MODERATOR) &&
		    (err = comm_moderates_space(q->db, q->s.account.id, store_q_int(st, 15), &assigned)))
			break;
		if (!policy_space_can_moderate(vis, q->s.roles, assigned))
			continue;
		const char *reason = store_q_text(st, 2, NULL), *source = store_q_text(st, 11, NULL);
		bool classifier = !strcmp(source, "classifier");
		bool danger = classifier || !strncmp(reason, "danger", 6);
		buf_printf(&b, "%s{\"id\":%lld,\"post\":%lld,\"reason\":", n++ ? "," : "",
			   (long long)store_q_int(st, 10), (long long)store_q_int(st, 1));
		buf_json_cstr(&b, reason);
		buf_printf(&b, ",\"source\":\"%s\",\"priority\":\"%s\"", classifier ? "classifier" : "member",
			   danger ? "danger" : "normal");
		if (classifier) {
			buf_puts(&b, ",\"rule\":");
			str_or_null(&b, st, 12);
			buf_printf(&b, ",\"confidence\":%.3f", store_q_int(st, 13) / 1000.0);
		}
		if (danger) {
			buf_puts(&b, ",\"steps\":");
			comm_emergency_steps_json(&b, q->lang == HTTP_LANG_EN);
		}
		buf_printf(&b, ",\"created_at\":\"%s\",\"reporter\":", c);
		str_or_null(&b, st, 4);
		buf_printf(&b, ",\"thread\":{\"id\":%lld,\"title\":", (long long)store_q_int(st, 5));
		buf_json_cstr(&b, store_q_text(st, 6, NULL));
		buf_puts(&b, "},\"excerpt\":");
		buf_json_cstr(&b, store_q_text(st, 7, NULL));
		buf_puts(&b, ",\"author\":");
		str_or_null(&b, st, 8);
		buf_printf(&b, ",\"hidden\":%s}", store_q_int(st, 9) ? "true" : "false");
	}
	store_q_close(st);
	return api_page_end(q, &b, err, seen == limit, last);
}

static const struct store_stmt Q_HIDE = {
	"comm.hide", "UPDATE posts SET hidden_at = ?2 WHERE id = ?1 AND hidden_at IS NULL"};
static const struct store_stmt Q_RESTORE = {
	"comm.restore", "UPDATE posts SET hidden_at = NULL WHERE id = ?1 AND hidden_at IS NOT NULL"};
static const struct store_stmt Q_RESOLVE = {
	"comm.resolve",
	"UPDATE reports SET resolved_at = ?2, resolution = ?3 WHERE post_id = ?1 AND resolved_at IS NULL"};

enum mod_action { MOD_HIDE, MOD_RESTORE, MOD_RESOLVE, MOD_DISMISS };

/* What the reports become, and the log's action name, per action. */
static const char *const resolution[] = {"hidden", "restored", "handled", "dismissed"};
static const char *const logged[] = {"hide", "restore", "resolve", "dismiss"};

static enum ent_err act_on_post(struct api_req *q, enum mod_action action)
{
	bool hide = action == MOD_HIDE;
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	struct store_q *st;
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
		err = store_tx_begin(q->db);
	if (err)
		return err;
	int64_t now = clock_now();
	bool touches_post = action == MOD_HIDE || action == MOD_RESTORE;
	err = !touches_post ? ENT_OK : store_q_open(q->db, hide ? &Q_HIDE : &Q_RESTORE, &st);
	if (!err && touches_post) {
		store_q_bind_int(st, 1, id);
		if (hide)
			store_q_bind_int(st, 2, now);
		err = store_q_exec(st);
		store_q_close(st);
	}
	if (!err) {
		const char *res = resolution[action];
		err = store_q_open(q->db, &Q_RESOLVE, &st);
		if (!err) {
			store_q_bind_int(st, 1, id);
			store_q_bind_int(st, 2, now);
			store_q_bind_text(st, 3, res, strlen(res));
			err = store_q_exec(st);
			store_q_close(st);
		}
	}
	if (!err)
		err = comm_audit(q, logged[action], "post", id, api_str(q, "note", NULL));
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
	if (err)
		return err;
	comm_changed();
	struct buf b;
	buf_init(&b, 64);
	if (!touches_post)
		buf_printf(&b, "{\"post\":%lld,\"resolved\":true,\"resolution\":\"%s\"}", (long long)id,
			   resolution[action]);
	else
		buf_printf(&b, "{\"post\":%lld,\"hidden\":%s}", (long long)id, hide ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_moderation_hide(struct api_req *q)
{
	return act_on_post(q, MOD_HIDE);
}

enum ent_err api_moderation_restore(struct api_req *q)
{
	return act_on_post(q, MOD_RESTORE);
}

enum ent_err api_moderation_resolve(struct api_req *q)
{
	return act_on_post(q, MOD_RESOLVE);
}

enum ent_err api_moderation_dismiss(struct api_req *q)
{
	return act_on_post(q, MOD_DISMISS);
}

/* Closes the open reports of a post as "suspended" (the author was suspended for it). */
static enum ent_err close_reports(struct api_req *q, int64_t post, int64_t now)
{
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &Q_RESOLVE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, post);
	store_q_bind_int(st, 2, now);
	store_q_bind_text(st, 3, "suspended", 9);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
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
		err = store_tx_begin(q->db);
	if (err)
		return err;
	if (post)
		err = close_reports(q, post, now);
	if (!err)
		err = comm_audit(q, suspend ? "suspend" : "lift", "account", a->id, api_str(q, "reason", NULL));
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
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

static const struct store_stmt Q_LOG = {
	"comm.modlog",
	"SELECT l.id, m.handle, l.action, l.target_kind, l.target_id, l.note, l.created_at "
	"FROM moderation_log l LEFT JOIN accounts m ON m.id = l.moderator_id "
	"WHERE l.id < ?1 ORDER BY l.id DESC LIMIT ?2"};

enum ent_err api_moderation_log(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, &Q_LOG, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, before);
	store_q_bind_int(st, 2, limit);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"actions\":[");
	bool row;
	int64_t n = 0, last = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		char c[24];
		clock_iso(store_q_int(st, 6), c);
		last = store_q_int(st, 0);
		buf_printf(&b, "%s{\"id\":%lld,\"moderator\":", n++ ? "," : "", (long long)last);
		str_or_null(&b, st, 1);
		buf_puts(&b, ",\"action\":");
		buf_json_cstr(&b, store_q_text(st, 2, NULL));
		buf_puts(&b, ",\"target\":{\"kind\":");
		buf_json_cstr(&b, store_q_text(st, 3, NULL));
		buf_printf(&b, ",\"id\":%lld},\"note\":", (long long)store_q_int(st, 4));
		buf_json_cstr(&b, store_q_text(st, 5, NULL));
		buf_printf(&b, ",\"at\":\"%s\"}", c);
	}
	store_q_close(st);
	return api_page_end(q, &b, err, n == limit, last);
}
