/*
 * comm_store.h - moderation's reads and writes in the store (issue 17, the findings of the
 * probe as an attacker): the space a post lives in, for the read check before a moderator
 * acts on it, whether an account moderates a space, and one report per member per post.
 * Not responsible for: who may call (the route table, policy), rendering (api_moderation.c,
 * api_post.c).
 */
#ifndef ENT_COMM_STORE_H
#define ENT_COMM_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/policy_space.h"
#include "store/store.h"

/* The visibility of the space of post `post`; ENT_ENOTFOUND for an unknown post. */
enum ent_err comm_post_visibility(struct store_conn *c, int64_t post, enum space_visibility *out);
/* The same, with the space's id (space may be NULL). */
enum ent_err comm_post_space(struct store_conn *c, int64_t post, enum space_visibility *vis,
			     int64_t *space);

/* Space moderators (0512, assigned by the administrator: comm_space_store.h). */
/* Whether account moderates at least one space (the ROLE_SPACE_MODERATOR bit of a session). */
enum ent_err comm_moderates_any(struct store_conn *c, int64_t account, bool *out);
/* Whether account is assigned to space. */
enum ent_err comm_moderates_space(struct store_conn *c, int64_t account, int64_t space, bool *out);

/* A member's report of a post: added when the member has none on that post (*created), else
 * the one they made is found (id, and whether it was resolved). Call inside a transaction. */
struct comm_report {
	int64_t id;
	bool created;
	bool resolved;
};
enum ent_err comm_report_add(struct store_conn *c, int64_t post, int64_t reporter, const char *why,
			     size_t len, int64_t now, struct comm_report *out);

#endif
