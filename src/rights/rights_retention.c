/* rights_retention.c - the retention purge, step by step (see rights_retention.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm_notify_store.h"
#include "community/comm_retention.h"
#include "desk/desk_retention.h"
#include "learn/learn.h"
#include "mail/mail.h"
#include "mail/mail_token.h"
#include "message/msg.h"
#include "rights/rights_retention.h"
#include "store/store_account.h"

#define DAY 86400
#define PURGE_SPACES_MAX 4096

static enum ent_err purge_spaces(struct store_conn *db, int64_t now,
				 struct rights_purge_report *r)
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

enum ent_err rights_purge(struct store_conn *db, const struct rights_keep *keep, int64_t now,
			  struct rights_purge_report *r)
{
	memset(r, 0, sizeof *r);
	int64_t tokens = 0;
	enum ent_err err = purge_spaces(db, now, r);
	if (!err)
		err = desk_purge_resolved(db, now, &r->desk_requests);
	if (!err)
		err = store_session_purge(db, now, &r->sessions);
	if (!err)
		err = comm_purge_notifications(db, now - keep->notification_days * DAY,
					       &r->notifications);
	if (!err) /* the followed threads' reply cursors move past the same age */
		err = comm_notify_purge(db, now - keep->notification_days * DAY, &r->notifications);
	if (!err)
		err = comm_purge_moderation_log(db, now - keep->moderation_log_days * DAY,
						&r->moderation_log);
	if (!err)
		err = comm_purge_reports(db, now - keep->moderation_log_days * DAY, &r->reports);
	if (!err)
		err = mail_queue_purge(db, now - MAIL_KEEP_DAYS * DAY, &r->email_queue);
	if (!err)
		err = mail_token_purge(db, now, &r->email_tokens);
	if (!err)
		err = learn_parent_token_purge(db, now, &tokens);
	r->email_tokens += tokens;
	if (!err)
		err = msg_purge_expired(db, now, &r->messages);
	return err;
}

bool rights_purge_erased(const struct rights_purge_report *r)
{
	return r->posts || r->threads || r->desk_requests || r->notifications ||
	       r->moderation_log || r->reports || r->messages;
}

void rights_purge_members(const struct rights_purge_report *r, char *out, size_t cap)
{
	snprintf(out, cap,
		 "\"posts\":%lld,\"threads\":%lld,\"desk_requests\":%lld,\"sessions\":%lld,"
		 "\"notifications\":%lld,\"moderation_log\":%lld,\"reports\":%lld,"
		 "\"email_queue\":%lld,\"email_tokens\":%lld,\"messages\":%lld",
		 (long long)r->posts, (long long)r->threads, (long long)r->desk_requests,
		 (long long)r->sessions, (long long)r->notifications, (long long)r->moderation_log,
		 (long long)r->reports, (long long)r->email_queue, (long long)r->email_tokens,
		 (long long)r->messages);
}
