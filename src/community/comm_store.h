/*
 * comm_store.h - moderation's reads and writes in the store (issue 17, the findings of the
 * probe as an attacker): the space a post lives in, for the read check before a moderator
 * acts on it, whether an account moderates a space, one report per member per post, the queue
 * of open reports, the moderators' actions on posts (each in one transaction with its entry in
 * moderation_log) and the log itself.
 * Not responsible for: who may call (the route table, policy), whether a moderator may act on
 * a given post or account (api_moderation.c asks policy), rendering (api_moderation.c,
 * api_post.c), suspensions themselves (store_account_suspend).
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

/* The queue of open reports, by queue_key (emergencies first: migration 0106). Strings are
 * borrowed for the duration of the call; NULL where the column is NULL (the reporter or the
 * author of a deleted account, the rule of a member's report). */
struct comm_report_row {
	int64_t queue_key, id, post, thread, space;
	const char *reason, *source, *rule, *reporter, *author, *title, *excerpt, *visibility;
	int64_t created_at;
	int64_t confidence; /* the classifier's, in thousandths */
	bool hidden;
};
typedef enum ent_err (*comm_report_fn)(void *arg, const struct comm_report_row *r);
/* The open reports with queue_key > after, at most limit. */
enum ent_err comm_reports_open(struct store_conn *c, int64_t after, int64_t limit,
			       comm_report_fn fn, void *arg);

/* What a moderator does to a reported post: hide or restore it, or mark its reports handled
 * or dismissed. */
enum comm_mod_action { COMM_MOD_HIDE, COMM_MOD_RESTORE, COMM_MOD_RESOLVE, COMM_MOD_DISMISS };
/* What the post's open reports become ("hidden", "restored", "handled", "dismissed"). */
const char *comm_mod_resolution(enum comm_mod_action a);
/* Does a to post, closes its open reports and logs it (moderator, note: may be NULL) in one
 * transaction. */
enum ent_err comm_mod_post_act(struct store_conn *c, int64_t post, enum comm_mod_action a,
			       int64_t moderator, const char *note, int64_t now);
/* Logs a suspension ("suspend") or its lifting ("lift") of account with the moderator's
 * reason (comm_audit_add) and, when post is not 0, closes that post's open reports as "suspended", in one
 * transaction (after store_account_suspend's own). */
enum ent_err comm_mod_account_logged(struct store_conn *c, int64_t moderator, const char *action,
				     int64_t account, int64_t post, const char *reason, int64_t now);
/* The moderation log, newest first: id < before, at most limit. moderator NULL for a
 * deleted account; strings borrowed for the duration of the call. */
struct comm_modlog_row {
	int64_t id, target, at;
	const char *moderator, *action, *kind, *note;
};
typedef enum ent_err (*comm_modlog_fn)(void *arg, const struct comm_modlog_row *r);
enum ent_err comm_modlog_page(struct store_conn *c, int64_t before, int64_t limit,
			      comm_modlog_fn fn, void *arg);

#endif
