/*
 * comm_retention.h - the communities' side of the retention purge (api_purge.c runs it): posts
 * older than their space's retention_days with their history, reactions, reports and
 * notifications (a thread whose first post went loses its title, a thread left with no post is
 * deleted, and the search index forgets them); notifications; the moderation log and resolved
 * reports. Each purge runs in its own transaction and adds the rows it deleted to *n.
 * Not responsible for: when it runs (api_upkeep.c), the other domains' purges, erasing what
 * the deletions leave in the files (api_erase_traces).
 */
#ifndef ENT_COMM_RETENTION_H
#define ENT_COMM_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* A space with a retention period (days > 0). */
struct comm_space_keep {
	int64_t id, days;
};
/* The spaces with a retention period, at most cap of them into out (*n). */
enum ent_err comm_retention_spaces(struct store_conn *c, struct comm_space_keep *out, size_t cap,
				   size_t *n);
/* Deletes the posts of space created before cutoff (and the threads they leave empty);
 * adds the posts and threads deleted. */
enum ent_err comm_purge_space(struct store_conn *c, int64_t space, int64_t cutoff, int64_t *posts,
			      int64_t *threads);
/* Notifications, moderation log entries and resolved reports older than cutoff. */
enum ent_err comm_purge_notifications(struct store_conn *c, int64_t cutoff, int64_t *n);
enum ent_err comm_purge_moderation_log(struct store_conn *c, int64_t cutoff, int64_t *n);
enum ent_err comm_purge_reports(struct store_conn *c, int64_t cutoff, int64_t *n);

/* Sets the retention of space slug (0: kept; at most 36,500 days: ENT_EINVAL beyond);
 * ENT_ENOTFOUND for an unknown space. */
enum ent_err comm_space_retention_set(struct store_conn *c, const char *slug, int64_t days);

/* Every space with its retention (0: kept), by slug; strings borrowed during the call. */
struct comm_space_retention {
	const char *slug, *name, *visibility;
	int64_t days;
};
typedef enum ent_err (*comm_space_retention_fn)(void *arg, const struct comm_space_retention *s);
enum ent_err comm_space_retention_each(struct store_conn *c, comm_space_retention_fn fn, void *arg);

#endif
