/*
 * api_emergency.h - rule R3 in communities (issue 12): what a thread or a reply reads as when it
 * is written (the desk's intent classifier), the "emergency" object its author sees first, and
 * the place of such posts, and of "someone may be in danger" reports, at the top of the
 * moderators' queue with a notification to the moderators on duty.
 * Not responsible for: publishing (api_space.c), the numbers and wording (desk_guard.c).
 */
#ifndef ENT_API_EMERGENCY_H
#define ENT_API_EMERGENCY_H

#include "api/api_community.h"
#include "entraide/intent.h"

struct comm_emergency {
	bool urgent;               /* the text reads as an emergency or a suicidal crisis */
	enum ent_intent_rule rule; /* the safety rule that decided, or NONE (the model did) */
	int confidence;            /* per mille */
	bool en;                   /* the message's language is English (else French) */
};

/* Classifies title (may be NULL) and body together. Never fails the request on a classifier
 * error: the post is published anyway and *e says nothing urgent. */
void comm_emergency_read(const char *title, size_t tlen, const char *body, size_t blen,
			 struct comm_emergency *e);
/* Inside the caller's transaction: queues post_id for the moderators (tier by e) and notifies
 * the moderators on duty. Does nothing unless e->urgent. */
enum ent_err comm_emergency_queue(struct store_conn *db, int64_t thread_id, int64_t post_id,
				  const struct comm_emergency *e);
/* Appends ,"emergency":{...} to an answer when e->urgent; nothing otherwise. */
enum ent_err comm_emergency_json(struct buf *b, const struct comm_emergency *e);
/* The queue key of a member's report: reason "danger" goes to the top (tier 0). */
int64_t comm_report_queue_key(const char *reason, int64_t report_id);
/* Sets the queue key of report id. */
enum ent_err comm_report_set_key(struct store_conn *db, int64_t id, int64_t key);
/* Notifies the moderators on duty (moderator role, account not suspended) about post_id. */
enum ent_err comm_notify_moderators(struct store_conn *db, int64_t thread_id, int64_t post_id);
/* The steps a moderator follows for an emergency post or a danger report, as a JSON array. */
void comm_emergency_steps_json(struct buf *b, bool en);

#endif
