/*
 * desk_retention.h - how long an institution's desk keeps resolved requests (desk_settings
 * retention_days, 365 by default, 0: until the requester deletes their account), the purge
 * that applies it, and the list the register of processing shows.
 * Not responsible for: when the purge runs (api_purge.c, api_upkeep.c), the requests
 * themselves (desk_store.c).
 */
#ifndef ENT_DESK_RETENTION_H
#define ENT_DESK_RETENTION_H

#include <stdint.h>

#include "store/store.h"

/* Deletes (in a transaction of its own) the requests resolved longer ago than their
 * institution's retention, with their messages; adds how many to *n. */
enum ent_err desk_purge_resolved(struct store_conn *c, int64_t now, int64_t *n);
/* Sets the retention of institution slug's desk (0..36,500 days, else ENT_EINVAL);
 * ENT_ENOTFOUND for an unknown institution. */
enum ent_err desk_retention_set(struct store_conn *c, const char *slug, int64_t days, int64_t now);

/* Every institution with its desk's retention, by slug; strings borrowed during the call. */
struct desk_retention {
	const char *slug, *name;
	int64_t days;
};
typedef enum ent_err (*desk_retention_fn)(void *arg, const struct desk_retention *d);
enum ent_err desk_retention_each(struct store_conn *c, desk_retention_fn fn, void *arg);

#endif
