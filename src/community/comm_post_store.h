/*
 * comm_post_store.h - posts in the store (issue 14): a new thread with its first post, a
 * reply, editing (the previous text kept as visible history), deleting (the text, its history
 * and its index entry erased, R6), a post's history, reactions of peer support, members'
 * reports, and the search index entries of posts.
 *
 * Plain data in and out; every function returns enum ent_err. The text handed in has already
 * been through the publishing check (R1, R4: src/api/ runs it and asks its author). Functions
 * that own their transaction say so; the others are "inside the caller's transaction" (a
 * function here, the writer thread's batch of api_writer.c, or the demo). Structs handed to a
 * callback are borrowed for that call only.
 * Not responsible for: who may call (policy_space.h and the route table), rendering and the
 * thread page's cache (src/api/), the Markdown (comm.h), notifications and the moderators'
 * queue (comm_notify_store.h, called from here in the same transaction).
 */
#ifndef ENT_COMM_POST_STORE_H
#define ENT_COMM_POST_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "community/comm_notify_store.h"
#include "community/comm_thread_store.h"
#include "store/store.h"

struct comm_new_post {
	int64_t thread_id;
	int64_t quote_id;  /* 0 = none */
	const char *title; /* the thread's title, for the first post's index entry; else NULL */
	const char *body;  /* already through the publishing check; borrowed */
	size_t len;
	bool redacted;
	int64_t id;        /* out */
};
/* Inside the caller's transaction: the post (Markdown rendered once), the thread's counters,
 * the search index, the followers' notifications and the author's follow. */
enum ent_err comm_post_insert(struct store_conn *c, int64_t author_id, const char *lang,
			      struct comm_new_post *p);
/* Owns its transaction: a thread in space (language lang) titled p->title (tlen bytes), its
 * first post p, and the moderators' alert when e->urgent (R3). Sets p->thread_id and p->id. */
enum ent_err comm_thread_create(struct store_conn *c, int64_t space, int64_t author,
				const char *lang, size_t tlen, struct comm_new_post *p,
				const struct comm_emergency *e);
/* Inside the caller's transaction: a reply p and the moderators' alert when e->urgent. */
enum ent_err comm_reply_add(struct store_conn *c, int64_t author, const char *lang,
			    struct comm_new_post *p, const struct comm_emergency *e);
/* The same in two steps, for the writer thread's batches (api_space.c), with the Markdown
 * rendered and the index terms made by the caller beforehand (comm_md_render, comm_terms: CPU
 * work taken off the one writer thread). comm_reply_add_rows writes the post, its thread's
 * counters, its author's follow and the moderators' alert (e->urgent), and removes any index
 * entry of its id; comm_index_new_post, called after the rows of every reply of the batch,
 * adds its index entry. FTS5 writes the terms it holds at the next statement that opens a
 * statement journal (a post's insert does: its trigger), so indexing a batch's replies after
 * all their rows makes one index segment per batch instead of one per reply (issue 13).
 * Both inside the caller's transaction; html and terms are borrowed. */
enum ent_err comm_reply_add_rows(struct store_conn *c, int64_t author, const char *html,
				 struct comm_new_post *p, const struct comm_emergency *e);
enum ent_err comm_index_new_post(struct store_conn *c, int64_t post_id, const char *terms,
				 size_t len);
/* The thread of a post that may be quoted (neither deleted nor hidden); 0 when there is none. */
enum ent_err comm_post_quotable(struct store_conn *c, int64_t post, int64_t *thread);

/* --- a post after it is written --- */

struct comm_post_ref {
	int64_t id;
	int64_t thread_id;
	int64_t author_id; /* 0 when the account is gone */
	bool deleted, hidden;
};
/* The post id; ENT_ENOTFOUND. */
enum ent_err comm_post_get(struct store_conn *c, int64_t id, struct comm_post_ref *out);
/* Owns its transaction: keeps the current text of post p as a revision, then writes body
 * (len bytes, rendered here) at now, marks it redacted when redacted (never unmarks), and
 * re-indexes it in lang (with the thread's title when it is the first post). */
enum ent_err comm_post_edit(struct store_conn *c, const struct comm_post_ref *p, const char *body,
			    size_t len, bool redacted, const char *lang, int64_t now);
/* Owns its transaction: erases post p's text, revisions and index entry (R6) at now; the
 * thread's title goes with its first post, and a thread left with no post goes entirely. */
enum ent_err comm_post_delete(struct store_conn *c, const struct comm_post_ref *p, int64_t now);

struct comm_revision {
	int64_t id;
	const char *body;
	int64_t created_at;
};
/* The revisions of post with id < before, newest first, at most limit. */
enum ent_err comm_post_history_each(struct store_conn *c, int64_t post, int64_t before,
				    int64_t limit,
				    void (*fn)(const struct comm_revision *r, void *arg), void *arg);

/* --- reactions --- */

/* Adds (on) or removes account's reaction kind on post (idempotent), at now. */
enum ent_err comm_reaction_set(struct store_conn *c, int64_t post, int64_t account,
			       enum comm_reaction kind, bool on, int64_t now);
/* The post's reactions, by kind. */
enum ent_err comm_reaction_counts(struct store_conn *c, int64_t post,
				  int64_t out[COMM_N_REACTIONS]);

/* --- reports --- */

struct comm_report;
/* Owns its transaction: reporter's report of post p (reason, then why[0..len): the reason and
 * the note) at now, once per member and post (comm_report_add, comm_store.h); a new one gets
 * its place in the moderators' queue, and reason "danger" notifies the moderators on duty. */
enum ent_err comm_post_report(struct store_conn *c, const struct comm_post_ref *p,
			      int64_t reporter, const char *reason, const char *why, size_t len,
			      int64_t now, struct comm_report *out);

/* --- the search index of posts --- */

/* Indexes (or re-indexes) a post's text in lang: the thread title goes with the first post.
 * Inside the caller's transaction. */
enum ent_err comm_index_post(struct store_conn *c, int64_t post_id, const char *title,
			     const char *body, size_t len, const char *lang);
enum ent_err comm_unindex_post(struct store_conn *c, int64_t post_id);

#endif
