/* comm_mod_store.c - moderation's statements; see comm_store.h. */
#include "community/comm_store.h"

#include <string.h>

#include "community/comm_notify_store.h"

static const struct store_stmt Q_POST_SPACE = {
	"comm.post_space",
	"SELECT s.visibility, s.id FROM posts p JOIN threads t ON t.id = p.thread_id "
	"JOIN spaces s ON s.id = t.space_id WHERE p.id = ?1"};

enum ent_err comm_post_space(struct store_conn *c, int64_t post, enum space_visibility *vis,
			     int64_t *space)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_POST_SPACE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err && !policy_space_visibility_parse(store_q_text(q, 0, NULL), vis))
		err = ENT_EINTERNAL;
	if (!err && space)
		*space = store_q_int(q, 1);
	store_q_close(q);
	return err;
}

enum ent_err comm_post_visibility(struct store_conn *c, int64_t post, enum space_visibility *out)
{
	return comm_post_space(c, post, out, NULL);
}

static const struct store_stmt Q_MODERATES_ANY = {
	"comm.moderates_any", "SELECT 1 FROM space_moderators WHERE account_id = ?1 LIMIT 1"};
static const struct store_stmt Q_MODERATES_SPACE = {
	"comm.moderates_space",
	"SELECT 1 FROM space_moderators WHERE account_id = ?1 AND space_id = ?2"};

static enum ent_err exists(struct store_conn *c, const struct store_stmt *st, int64_t a, int64_t b,
			   bool *out)
{
	struct store_q *q;
	*out = false;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, a);
	if (b)
		store_q_bind_int(q, 2, b);
	err = store_q_step(q, out);
	store_q_close(q);
	return err;
}

enum ent_err comm_moderates_any(struct store_conn *c, int64_t account, bool *out)
{
	return exists(c, &Q_MODERATES_ANY, account, 0, out);
}

enum ent_err comm_moderates_space(struct store_conn *c, int64_t account, int64_t space, bool *out)
{
	return exists(c, &Q_MODERATES_SPACE, account, space, out);
}

/* report_marks (migration 0040): a member's report of a post, found by (post, reporter). The
 * caller's transaction is BEGIN IMMEDIATE: nobody adds a mark between the look and the add. */
static const struct store_stmt Q_REPORT_MINE = {
	"comm.report_mine",
	"SELECT m.report_id, r.resolved_at IS NOT NULL FROM report_marks m "
	"JOIN reports r ON r.id = m.report_id WHERE m.post_id = ?1 AND m.reporter_id = ?2"};
static const struct store_stmt Q_REPORT_ADD = {
	"comm.report",
	"INSERT INTO reports (post_id, reporter_id, reason, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id"};
static const struct store_stmt Q_REPORT_MARK = {
	"comm.report_mark",
	"INSERT INTO report_marks (post_id, reporter_id, report_id) VALUES (?1, ?2, ?3)"};

enum ent_err comm_report_add(struct store_conn *c, int64_t post, int64_t reporter, const char *why,
			     size_t len, int64_t now, struct comm_report *out)
{
	struct store_q *q;
	bool row = false;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_open(c, &Q_REPORT_MINE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	err = store_q_step(q, &row);
	if (!err && row) {
		out->id = store_q_int(q, 0);
		out->resolved = store_q_bool(q, 1);
	}
	store_q_close(q);
	if (err || row)
		return err;
	err = store_q_open(c, &Q_REPORT_ADD, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	store_q_bind_text(q, 3, why, len);
	store_q_bind_int(q, 4, now);
	err = store_q_step(q, &row);
	out->id = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	if (!err && !out->id)
		err = ENT_EDB;
	if (err)
		return err;
	err = store_q_open(c, &Q_REPORT_MARK, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	store_q_bind_int(q, 3, out->id);
	err = store_q_exec(q);
	store_q_close(q);
	out->created = !err;
	return err;
}

static const struct store_stmt Q_REPORTS = {
	"comm.reports",
	"SELECT r.queue_key, r.post_id, r.reason, r.created_at, ra.handle, p.thread_id, t.title, "
	"substr(p.body, 1, 400), pa.handle, p.hidden_at IS NOT NULL, r.id, r.source, r.rule, r.confidence, "
	"s.visibility, s.id FROM reports r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id "
	"JOIN spaces s ON s.id = t.space_id "
	"LEFT JOIN accounts ra ON ra.id = r.reporter_id LEFT JOIN accounts pa ON pa.id = p.author_id "
	"WHERE r.resolved_at IS NULL AND r.queue_key > ?1 ORDER BY r.queue_key LIMIT ?2"};

static const char *text_or_null(struct store_q *q, int col)
{
	return store_q_is_null(q, col) ? NULL : store_q_text(q, col, NULL);
}

struct reports {
	comm_report_fn fn;
	void *arg;
};

static enum ent_err report_row(struct store_q *q, void *arg)
{
	const struct reports *e = arg;
	struct comm_report_row r = {
		.queue_key = store_q_int(q, 0),
		.id = store_q_int(q, 10),
		.post = store_q_int(q, 1),
		.thread = store_q_int(q, 5),
		.space = store_q_int(q, 15),
		.reason = store_q_text(q, 2, NULL),
		.source = store_q_text(q, 11, NULL),
		.rule = text_or_null(q, 12),
		.reporter = text_or_null(q, 4),
		.author = text_or_null(q, 8),
		.title = store_q_text(q, 6, NULL),
		.excerpt = store_q_text(q, 7, NULL),
		.visibility = store_q_text(q, 14, NULL),
		.created_at = store_q_int(q, 3),
		.confidence = store_q_int(q, 13),
		.hidden = store_q_bool(q, 9),
	};
	return e->fn(e->arg, &r);
}

/* Opens st with ?1 = key, ?2 = limit. */
static enum ent_err open_page(struct store_conn *c, const struct store_stmt *st, int64_t key,
			      int64_t limit, struct store_q **q)
{
	enum ent_err err = store_q_open(c, st, q);
	if (err)
		return err;
	store_q_bind_int(*q, 1, key);
	store_q_bind_int(*q, 2, limit);
	return ENT_OK;
}

enum ent_err comm_reports_open(struct store_conn *c, int64_t after, int64_t limit,
			       comm_report_fn fn, void *arg)
{
	struct store_q *q;
	struct reports e = {fn, arg};
	enum ent_err err = open_page(c, &Q_REPORTS, after, limit, &q);
	return err ? err : store_q_each(q, report_row, &e);
}

static const struct store_stmt Q_HIDE = {
	"comm.hide", "UPDATE posts SET hidden_at = ?2 WHERE id = ?1 AND hidden_at IS NULL"};
static const struct store_stmt Q_RESTORE = {
	"comm.restore", "UPDATE posts SET hidden_at = NULL WHERE id = ?1 AND hidden_at IS NOT NULL"};
static const struct store_stmt Q_RESOLVE = {
	"comm.resolve",
	"UPDATE reports SET resolved_at = ?2, resolution = ?3 WHERE post_id = ?1 AND resolved_at IS NULL"};
/* What the reports become, and the log's action name, per action. */
static const char *const resolution[] = {"hidden", "restored", "handled", "dismissed"};
static const char *const logged[] = {"hide", "restore", "resolve", "dismiss"};

const char *comm_mod_resolution(enum comm_mod_action a)
{
	return resolution[a];
}

/* Closes the open reports of post as res. */
static enum ent_err resolve(struct store_conn *c, int64_t post, const char *res, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_RESOLVE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, now);
	store_q_bind_text(q, 3, res, strlen(res));
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

static enum ent_err end_tx(struct store_conn *c, enum ent_err err)
{
	if (!err)
		return store_tx_commit(c);
	store_tx_rollback(c);
	return err;
}

enum ent_err comm_mod_post_act(struct store_conn *c, int64_t post, enum comm_mod_action a,
			       int64_t moderator, const char *note, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	if (a == COMM_MOD_HIDE || a == COMM_MOD_RESTORE) {
		err = store_q_open(c, a == COMM_MOD_HIDE ? &Q_HIDE : &Q_RESTORE, &q);
		if (!err) {
			store_q_bind_int(q, 1, post);
			if (a == COMM_MOD_HIDE)
				store_q_bind_int(q, 2, now);
			err = store_q_exec(q);
			store_q_close(q);
		}
	}
	if (!err)
		err = resolve(c, post, resolution[a], now);
	if (!err)
		err = comm_audit_add(c, moderator, logged[a], "post", post, note, now);
	return end_tx(c, err);
}

enum ent_err comm_mod_account_logged(struct store_conn *c, int64_t moderator, const char *action,
				     int64_t account, int64_t post, const char *reason, int64_t now)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	if (post)
		err = resolve(c, post, "suspended", now);
	if (!err)
		err = comm_audit_add(c, moderator, action, "account", account, reason, now);
	return end_tx(c, err);
}

static const struct store_stmt Q_LOG = {
	"comm.modlog",
	"SELECT l.id, m.handle, l.action, l.target_kind, l.target_id, l.note, l.created_at "
	"FROM moderation_log l LEFT JOIN accounts m ON m.id = l.moderator_id "
	"WHERE l.id < ?1 ORDER BY l.id DESC LIMIT ?2"};

struct modlog {
	comm_modlog_fn fn;
	void *arg;
};

static enum ent_err modlog_row(struct store_q *q, void *arg)
{
	const struct modlog *e = arg;
	struct comm_modlog_row r = {store_q_int(q, 0),	 store_q_int(q, 4),
				    store_q_int(q, 6),	 text_or_null(q, 1),
				    store_q_text(q, 2, NULL), store_q_text(q, 3, NULL),
				    store_q_text(q, 5, NULL)};
	return e->fn(e->arg, &r);
}

enum ent_err comm_modlog_page(struct store_conn *c, int64_t before, int64_t limit,
			      comm_modlog_fn fn, void *arg)
{
	struct store_q *q;
	struct modlog e = {fn, arg};
	enum ent_err err = open_page(c, &Q_LOG, before, limit, &q);
	return err ? err : store_q_each(q, modlog_row, &e);
}
