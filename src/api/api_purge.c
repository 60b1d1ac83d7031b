/*
 * api_purge.c - the retention purge as the server and `entraide admin purge` run it: the
 * instance's periods from its settings, the purge itself (rights_purge, rights_retention.h:
 * what goes, step by step, in the domains' stores), then, when anything went, the cached
 * thread pages of this process dropped and the traces erased (the search index rewritten and
 * the WAL truncated, api_erase_traces); one log line with the counts.
 * Not responsible for: what each step deletes (rights_retention.c and the domains), when it
 * runs (api_upkeep.c), account deletion (store_account_delete).
 */
#include "api/api.h"
#include "api/api_community.h"
#include "core/log.h"

enum ent_err api_purge(struct api_app *app, struct store_conn *db, int64_t now,
		       struct rights_purge_report *r)
{
	const struct rights_keep keep = {app->cfg.notification_days, app->cfg.moderation_log_days};
	enum ent_err err = rights_purge(db, &keep, now, r);
	if (err) {
		log_err("purge failed", err, NULL);
		return err;
	}
	if (rights_purge_erased(r)) {
		/* Cached thread pages of this process go now; another process's (a purge run by
		 * `entraide admin purge` while serve runs) expire within their TTL (api_thread.c). */
		comm_changed();
		err = api_erase_traces(app, db);
	}
	char m[512];
	rights_purge_members(r, m, sizeof m);
	log_line(LOG_INFO, "purge", m);
	return err;
}
