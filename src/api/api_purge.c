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
 * The statements live with their domains (comm_retention.h, desk_retention.h,
 * store_session_purge, mail, learn, msg); this file runs them in order and reports.
 * Not responsible for: account deletion (store_account_delete), when it runs (api_upkeep.c).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_community.h"
#include "community/comm_notify_store.h"
#include "community/comm_retention.h"
#include "core/log.h"
#include "desk/desk_retention.h"
#include "learn/learn.h"
#include "mail/mail.h"
#include "mail/mail_token.h"
#include "message/msg.h"

#define DAY 86400
#define PURGE_SPACES_MAX 4096

static enum ent_err purge_spaces(struct store_conn *db, int64_t now, struct api_purge_report *r)
{
	struct comm_space_keep *sp = malloc(PURGE_SPACES_MAX * sizeof *sp);
	size_t n = 0;
	if (!sp)
		return ENT_ENOMEM;
	enum ent_err err = comm_retention_spaces(db, sp, PURGE_SPACES_MAX, &n);
	for (size_t i = 0; !err && i < n; i++)
		err = comm_purge_space(db, sp[i].id, now - sp[i].days * DAY, &r->posts, &r->threads);
	free(sp);
	return err;
}

enum ent_err api_purge(struct api_app *app, struct store_conn *db, int64_t now,
		       struct api_purge_report *r)
{
	memset(r, 0, sizeof *r);
	enum ent_err err = purge_spaces(db, now, r);
	if (!err)
		err = desk_purge_resolved(db, now, &r->desk_requests);
	if (!err)
		err = store_session_purge(db, now, &r->sessions);
	if (!err)
		err = comm_purge_notifications(db, now - (int64_t)app->cfg.notification_days * DAY,
					       &r->notifications);
	if (!err)
		err = comm_notify_purge(db, now - (int64_t)app->cfg.notification_days * DAY,
					&r->notifications);
	if (!err)
		err = comm_purge_moderation_log(db, now - (int64_t)app->cfg.moderation_log_days * DAY,
						&r->moderation_log);
	if (!err)
		err = comm_purge_reports(db, now - (int64_t)app->cfg.moderation_log_days * DAY,
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
