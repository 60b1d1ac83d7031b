/*
 * api_emergency.h - rule R3 in communities (issue 12): what a thread or a reply reads as when it
 * is written (the desk's intent classifier), the "emergency" object its author sees first, and
 * the place of such posts, and of "someone may be in danger" reports, at the top of the
 * moderators' queue with a notification to the moderators on duty.
 * Not responsible for: publishing (api_space.c), the numbers and wording (desk_guard.c), the
 * queue itself (comm_notify_store.h).
 */
#ifndef ENT_API_EMERGENCY_H
#define ENT_API_EMERGENCY_H

#include "api/api_community.h"
#include "community/comm_notify_store.h"

/* Classifies title (may be NULL) and body together. Never fails the request on a classifier
 * error: the post is published anyway and *e says nothing urgent. */
void comm_emergency_read(const char *title, size_t tlen, const char *body, size_t blen,
			 struct comm_emergency *e);
/* Appends ,"emergency":{...} to an answer when e->urgent; nothing otherwise. */
enum ent_err comm_emergency_json(struct buf *b, const struct comm_emergency *e);
/* The steps a moderator follows for an emergency post or a danger report, as a JSON array. */
void comm_emergency_steps_json(struct buf *b, bool en);

#endif
