/*
 * comm_notify_store.h - who is told what in communities, in the store: following a thread,
 * read marks, a member's notifications and unread counts (counters kept by the triggers of
 * migrations 0101 and 0103), the moderators' queue for emergencies (R3, issue 12) and the
 * moderators' audit log.
 * Reply notifications are read from the followed threads behind each follow's cursors
 * (migration 0104), moderation notifications are rows.
 * Plain data in and out; every function returns enum ent_err. Structs handed to a callback
 * are borrowed for that call only (copy what you keep). Functions marked "inside the caller's
 * transaction" are called by a function that owns one (comm_post_store.h) or by the writer
 * thread's batch (api_writer.c).
 * Not responsible for: who may call (the route table, policy_space.h), rendering (src/api/),
 * how urgent a text is (the desk's intent classifier, api_emergency.c).
 */
#ifndef ENT_COMM_NOTIFY_STORE_H
#define ENT_COMM_NOTIFY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/intent.h"
#include "store/store.h"

/* --- follows and read marks --- */

/* Follows thread from its last post on (nothing when already followed): the visible posts
 * others write after it are the member's "reply" notifications (migration 0104: read from
 * the thread behind the follow's cursors, no row per follower; a reply writes the same rows
 * whatever its audience). Unfollowing ends them. */
enum ent_err comm_follow_add(struct store_conn *c, int64_t account, int64_t thread);
enum ent_err comm_follow_remove(struct store_conn *c, int64_t account, int64_t thread);
/* Inside the caller's transaction, when author writes post in thread: the author follows the
 * thread, read up to their own post (so their own posts are never unread nor notified). */
enum ent_err comm_follow_own_post(struct store_conn *c, int64_t author, int64_t thread,
				  int64_t post);
/* Moves account's read marker in thread to post last (never backwards, never past the
 * thread's last post) and marks the thread's notifications up to it read at now. Inside the
 * caller's transaction (the writer thread's batch). */
enum ent_err comm_read_mark(struct store_conn *c, int64_t account, int64_t thread, int64_t last,
			    int64_t now);

/* --- a member's notifications --- */

/* Unread notifications of account: its unread moderation rows (a counter) plus, per followed
 * thread, the visible posts past its read marker. */
enum ent_err comm_unread_count(struct store_conn *c, int64_t account, int64_t *out);
struct comm_notification {
	int64_t id;
	const char *kind;         /* reply, moderation */
	int64_t thread;
	const char *thread_title; /* "" when the thread is gone */
	int64_t post;
	int64_t created_at;
	bool read;
};
/* account's notifications with id < before, newest first, at most limit. The id is a key
 * by post: post * 2 for a reply, post * 2 + 1 for a moderation notification. */
enum ent_err comm_notifications_each(struct store_conn *c, int64_t account, int64_t before,
				     int64_t limit,
				     void (*fn)(const struct comm_notification *n, void *arg),
				     void *arg);
struct comm_followed {
	int64_t thread;
	const char *title;
	int64_t unread;
};
/* The notifications page, from one walk of account's follows (comm_notifications_page). */
#define COMM_FOLLOWED_MAX 50
struct comm_notification_page {
	int64_t unread; /* out: comm_unread_count's total */
	/* Called for the threads account follows, most recently active first (at most
	 * COMM_FOLLOWED_MAX), then for its notifications as comm_notifications_each gives them;
	 * either may be NULL. The pointers they get live until they return. */
	void (*followed)(const struct comm_followed *f, void *arg);
	void (*notification)(const struct comm_notification *n, void *arg);
	void *arg;
};
enum ent_err comm_notifications_page(struct store_conn *c, int64_t account, int64_t before,
				     int64_t limit, struct comm_notification_page *p);

/* --- retention --- */

/* In a transaction of its own: the reply notifications written before cutoff go (each
 * follow's notify_from and read marker move past them); adds how many to *n. */
enum ent_err comm_notify_purge(struct store_conn *c, int64_t cutoff, int64_t *n);

/* --- the moderators' queue (R3) --- */

/* What a thread or a reply reads as when it is written (api_emergency.c fills it). */
struct comm_emergency {
	bool urgent;               /* the text reads as an emergency or a suicidal crisis */
	enum ent_intent_rule rule; /* the safety rule that decided, or NONE (the model did) */
	int confidence;            /* per mille */
	bool en;                   /* the message's language is English (else French) */
};
/* Inside the caller's transaction: queues post for the moderators (tier by e) and notifies
 * the moderators on duty. Does nothing unless e->urgent.
 * Queue order (reports.queue_key, smallest first): tier 0 - a danger report or a post a
 * safety rule caught (oldest first); tier 1 - a post the model alone called urgent, by
 * falling confidence, so a doubtful alarm never pushes a sure one down; tier 2 - other
 * reports. */
enum ent_err comm_emergency_queue(struct store_conn *c, int64_t thread, int64_t post,
				  const struct comm_emergency *e);
/* The queue key of a member's report: reason "danger" goes to the top (tier 0). */
int64_t comm_report_queue_key(const char *reason, int64_t report_id);
/* Sets the queue key of report id. */
enum ent_err comm_report_set_key(struct store_conn *c, int64_t id, int64_t key);
/* Notifies the moderators on duty (moderator role, account not suspended) about post. */
enum ent_err comm_notify_moderators(struct store_conn *c, int64_t thread, int64_t post);

/* --- the moderators' audit log --- */

/* Appends moderator's action on target (kind, id) with note (NULL: none) at now. */
enum ent_err comm_audit_add(struct store_conn *c, int64_t moderator, const char *action,
			    const char *kind, int64_t id, const char *note, int64_t now);

#endif
