/*
 * api_purge.c - the retention purge: what "kept N days, then deleted" promises, done. Run
 * hourly by serve's upkeep thread and by `entraide admin purge` (which may move the clock, for
 * tests and to preview). Each step is its own transaction; what it deletes is deleted for real
 * (the search index rewritten and the WAL truncated afterwards, api_erase_traces).
 *
 *   spaces      posts older than their space's retention_days (0 = kept), with their history,
 *               reactions, reports and notifications; a thread whose first post went loses its
 *               title; a thread left with no post is deleted
 *   desk        requests resolved more than their institution's retention_days ago (default
 *               365, 0 = kept until the requester deletes their account), with their messages
 *   sessions    expired sessions
 *   notifications  older than notification_days (default 90)
 *   moderation  log entries and resolved reports older than moderation_log_days (default 365)
 *   e-mail      queued messages older than MAIL_KEEP_DAYS (7; their address and link were
 *               already erased once sent or given up), expired e-mail tokens (a parent's
 *               confirmation of an under-15 account too: learn_parent.c)
 *   messages    direct messages whose conversation's disappearing period is over (issue 20)
 *
 * docs/privacy-register.md and the administrator's register page state the same.
 * Not responsible for: account deletion (store_account_delete), when it runs (api_upkeep.c).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_community.h"
#include "core/log.h"
#include "learn/learn.h"
#include "mail/mail.h"
#include "mail/mail_token.h"
#include "message/msg.h"

#define DAY 86400
#define PURGE_SPACES_MAX 4096

static const struct store_stmt Q_SPACES = {
	"purge.spaces", "SELECT id, retention_days FROM spaces WHERE retention_days > 0 LIMIT ?1"};
static const struct store_stmt Q_UNINDEX = {
	"purge.unindex",
	"DELETE FROM posts_fts WHERE rowid IN (SELECT p.id FROM posts p JOIN threads t ON "
	"t.id = p.thread_id WHERE t.space_id = ?1 AND p.created_at < ?2)"};
static const struct store_stmt Q_UNTITLE = {
	"purge.untitle",
	"UPDATE threads SET title = '' WHERE space_id = ?1 AND created_at < ?2 AND title <> ''"};
static const struct store_stmt Q_POSTS = {
	"purge.posts",
	"DELETE FROM posts WHERE created_at < ?2 AND thread_id IN "
	"(SELECT id FROM threads WHERE space_id = ?1 AND created_at < ?2)"};
static const struct store_stmt Q_THREADS = {
	"purge.threads",
	"DELETE FROM threads WHERE space_id = ?1 AND created_at < ?2 AND NOT EXISTS "
	"(SELECT 1 FROM posts WHERE thread_id = threads.id)"};
static const struct store_stmt Q_RECOUNT = {
	"purge.recount",
	"UPDATE threads SET n_posts = (SELECT count(*) FROM posts WHERE thread_id = threads.id), "
	"last_post_id = coalesce((SELECT max(id) FROM posts WHERE thread_id = threads.id), 0) "
	"WHERE space_id = ?1 AND created_at < ?2"};

static const struct store_stmt Q_DESK = {
	"purge.desk",
	"DELETE FROM desk_requests WHERE status = 'resolved' AND resolved_at IS NOT NULL AND "
	"id IN (SELECT r.id FROM desk_requests r LEFT JOIN desk_settings s ON "
	"s.institution_id = r.institution_id WHERE r.status = 'resolved' AND "
	"coalesce(s.retention_days, 365) > 0 AND "
	"r.resolved_at < ?1 - 86400 * coalesce(s.retention_days, 365))"};
static const struct store_stmt Q_SESSIONS = {
	"purge.sessions", "DELETE FROM sessions WHERE expires_at <= ?1"};
static const struct store_stmt Q_NOTIFICATIONS = {
	"purge.notifications", "DELETE FROM notifications WHERE created_at < ?1"};
static const struct store_stmt Q_MODLOG = {
	"purge.moderation_log", "DELETE FROM moderation_log WHERE created_at < ?1"};
static const struct store_stmt Q_REPORTS = {
	"purge.reports",
	"DELETE FROM reports WHERE resolved_at IS NOT NULL AND resolved_at < ?1"};

/* Runs st with ?1 = a (and ?2 = b when has_b); adds the rows changed to *n when n. */
static enum ent_err run(struct store_conn *db, const struct store_stmt *st, int64_t a, bool has_b,
			int64_t b, int64_t *n)
{
	struct store_q *q;
	enum ent_err err = store_q_open(db, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, a);
	if (has_b)
		store_q_bind_int(q, 2, b);
	err = store_q_exec(q);
	store_q_close(q);
	if (!err && n)
		*n += store_changes(db);
	return err;
}

/* One statement in its own transaction. */
static enum ent_err step(struct store_conn *db, const struct store_stmt *st, int64_t cutoff,
			 int64_t *n)
{
	enum ent_err err = store_tx_begin(db);
	if (!err)
		err = run(db, st, cutoff, false, 0, n);
	if (err) {
		store_tx_rollback(db);
		return err;
	}
	return store_tx_commit(db);
}

static enum ent_err purge_space(struct store_conn *db, int64_t space, int64_t cutoff,
				struct api_purge_report *r)
{
	enum ent_err err = store_tx_begin(db);
	if (!err)
		err = run(db, &Q_UNINDEX, space, true, cutoff, NULL);
	if (!err)
		err = run(db, &Q_UNTITLE, space, true, cutoff, NULL);
	if (!err)
		err = run(db, &Q_POSTS, space, true, cutoff, &r->posts);
	if (!err)
		err = run(db, &Q_THREADS, space, true, cutoff, &r->threads);
	if (!err)
		err = run(db, &Q_RECOUNT, space, true, cutoff, NULL);
	if (err) {
		store_tx_rollback(db);
		return err;
	}
	return store_tx_commit(db);
}

static enum ent_err purge_spaces(struct store_conn *db, int64_t now, struct api_purge_report *r)
{
	struct store_q *q;
	enum ent_err err = store_q_open(db, &Q_SPACES, &q);
	if (err)
		return err;
	int64_t(*sp)[2] = malloc(PURGE_SPACES_MAX * sizeof *sp);
	size_t n = 0;
	if (!sp) {
		store_q_close(q);
		return ENT_ENOMEM;
	}
	store_q_bind_int(q, 1, PURGE_SPACES_MAX);
	bool row;
	while (n < PURGE_SPACES_MAX && !(err = store_q_step(q, &row)) && row) {
		sp[n][0] = store_q_int(q, 0);
		sp[n][1] = store_q_int(q, 1);
		n++;
	}
	store_q_close(q); /* closed before the writes */
	for (size_t i = 0; !err && i < n; i++)
		err = purge_space(db, sp[i][0], now - sp[i][1] * DAY, r);
	free(sp);
	return err;
}

enum ent_err api_purge(struct api_app *app, struct store_conn *db, int64_t now,
		       struct api_purge_report *r)
{
	memset(r, 0, sizeof *r);
	enum ent_err err = purge_spaces(db, now, r);
	if (!err)
		err = step(db, &Q_DESK, now, &r->desk_requests);
	if (!err)
		err = step(db, &Q_SESSIONS, now, &r->sessions);
	if (!err)
		err = step(db, &Q_NOTIFICATIONS, now - (int64_t)app->cfg.notification_days * DAY,
			   &r->notifications);
	if (!err)
		err = step(db, &Q_MODLOG, now - (int64_t)app->cfg.moderation_log_days * DAY,
			   &r->moderation_log);
	if (!err)
		err = step(db, &Q_REPORTS, now - (int64_t)app->cfg.moderation_log_days * DAY,
			   &r->reports);
	if (!err)
		err = mail_queue_purge(db, now - MAIL_KEEP_DAYS * DAY, &r->email_queue);
	if (!err)
		err = mail_token_purge(db, now, &r->email_tokens);
	if (!err) {
		int64_t n = 0;
		err = learn_parent_token_purge(db, now, &n);
		r->email_tokens += n;
	}
	if (!err)
		err = msg_purge_expired(db, now, &r->messages);
	if (err) {
		log_err("purge failed", err, NULL);
		return err;
	}
	if (r->posts || r->threads || r->desk_requests || r->notifications || r->moderation_log ||
	    r->reports || r->messages) {
		/* Cached thread pages of this process go now; another process's (a purge run by
		 * `entraide admin purge` while serve runs) expire within their TTL (api_thread.c). */
		comm_changed();
		err = api_erase_traces(app, db);
	}
	char m[512];
	snprintf(m, sizeof m,
		 "\"posts\":%lld,\"threads\":%lld,\"desk_requests\":%lld,\"sessions\":%lld,"
		 "\"notifications\":%lld,\"moderation_log\":%lld,\"reports\":%lld,"
		 "\"email_queue\":%lld,\"email_tokens\":%lld,\"messages\":%lld",
		 (long long)r->posts, (long long)r->threads, (long long)r->desk_requests,
		 (long long)r->sessions, (long long)r->notifications, (long long)r->moderation_log,
		 (long long)r->reports, (long long)r->email_queue, (long long)r->email_tokens,
		 (long long)r->messages);
	log_line(LOG_INFO, "purge", m);
	return err;
}

static const struct store_stmt Q_DESK_RETENTION = {
	"purge.desk_retention_set",
	"INSERT INTO desk_settings (institution_id, teleconsult_url, updated_at, retention_days) "
	"SELECT id, '', ?3, ?2 FROM institutions WHERE slug = ?1 "
	"ON CONFLICT (institution_id) DO UPDATE SET retention_days = ?2, updated_at = ?3"};

static const struct store_stmt Q_SPACE_RETENTION = {
	"purge.space_retention_set", "UPDATE spaces SET retention_days = ?2 WHERE slug = ?1"};

static enum ent_err set_days(struct store_conn *db, const struct store_stmt *st, const char *slug,
			     int64_t days, int64_t now, bool with_now)
{
	if (days < 0 || days > 36500)
		return ENT_EINVAL;
	struct store_q *q;
	enum ent_err err = store_q_open(db, st, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	store_q_bind_int(q, 2, days);
	if (with_now)
		store_q_bind_int(q, 3, now);
	err = store_q_exec(q);
	store_q_close(q);
	if (!err && store_changes(db) == 0)
		err = ENT_ENOTFOUND;
	return err;
}

enum ent_err api_space_retention_set(struct store_conn *db, const char *slug, int64_t days)
{
	return set_days(db, &Q_SPACE_RETENTION, slug, days, 0, false);
}

enum ent_err api_desk_retention_set(struct store_conn *db, const char *slug, int64_t days,
				    int64_t now)
{
	return set_days(db, &Q_DESK_RETENTION, slug, days, now, true);
}
