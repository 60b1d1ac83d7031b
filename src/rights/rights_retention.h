/*
 * rights_retention.h - the retention purge: what "kept N days, then deleted" promises, done,
 * one domain after the other (each step its own transaction, in its domain's store).
 *
 *   spaces      posts older than their space's retention_days (0 = kept), with their history,
 *               reactions, reports and notifications; a thread whose first post went loses its
 *               title; a thread left with no post is deleted (comm_retention.h)
 *   desk        requests resolved more than their institution's retention_days ago (default
 *               365, 0 = kept until the requester deletes their account), with their messages
 *               (desk_retention.h)
 *   sessions    expired sessions (store_session_purge)
 *   notifications  older than notification_days (default 90), and the followed threads'
 *               reply cursors moved past the same age (comm_notify_purge)
 *   moderation  log entries and resolved reports older than moderation_log_days (default 365)
 *   e-mail      queued messages older than MAIL_KEEP_DAYS (7; their address and link were
 *               already erased once sent or given up), expired e-mail tokens (a parent's
 *               confirmation of an under-15 account too: learn_parent.c)
 *   messages    direct messages whose conversation's disappearing period is over (issue 20)
 *
 * docs/privacy-register.md and the administrator's register page state the same.
 * Not responsible for: erasing the traces the deletions leave in files (search index, WAL:
 * api_erase_traces), the thread pages cached in memory, when it runs (api_upkeep.c, `entraide
 * admin purge`), account deletion (store_account_delete).
 */
#ifndef ENT_RIGHTS_RETENTION_H
#define ENT_RIGHTS_RETENTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The instance's periods, in days (config: notification_days, moderation_log_days). */
struct rights_keep {
	int64_t notification_days, moderation_log_days;
};

/* What one purge deleted, by kind. */
struct rights_purge_report {
	int64_t posts, threads, desk_requests, sessions, notifications, moderation_log, reports;
	int64_t email_queue;  /* queued e-mails older than MAIL_KEEP_DAYS */
	int64_t email_tokens; /* expired e-mail tokens: confirmation, reset, parent's */
	int64_t messages;     /* direct messages whose disappearing time came (issue 20) */
};

/* Applies every retention period as of now, in the order above; stops at the first failure
 * (what the steps before it deleted stays deleted and counted in *r). */
enum ent_err rights_purge(struct store_conn *db, const struct rights_keep *keep, int64_t now,
			  struct rights_purge_report *r);
/* True when the purge deleted what leaves traces in the files or the caches (posts, threads,
 * desk requests, notifications, moderation entries, reports, messages). */
bool rights_purge_erased(const struct rights_purge_report *r);
/* The counts as JSON members ("posts":N,...), without braces, into out (cap bytes). */
void rights_purge_members(const struct rights_purge_report *r, char *out, size_t cap);

#endif
