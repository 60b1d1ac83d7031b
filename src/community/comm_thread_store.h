/*
 * comm_thread_store.h - spaces as their readers see them, and threads, in the store (issue 14):
 * a space by slug or by thread, the list of spaces a reader's roles open, a space's page of
 * threads, a new thread, the page of a thread (its posts with their counters and quotes) and
 * a member's own part of it (follow, read marker, reactions given), the home page's counts.
 *
 * Plain data in and out; every function returns enum ent_err. Structs handed to a callback
 * are borrowed for that call only: copy what you keep. Reads open no transaction; functions
 * marked "inside the caller's transaction" write and are called by one that owns it
 * (comm_post_store.h) or by the demo.
 * Not responsible for: who may read or write a space (policy_space.h: the callers decide and
 * pass what the roles allow), rendering (src/api/), the spaces' administration
 * (comm_space_store.h), posts after they are written (comm_post_store.h).
 */
#ifndef ENT_COMM_THREAD_STORE_H
#define ENT_COMM_THREAD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/policy_space.h"
#include "store/store.h"

/* A space as threads and posts need it (caller storage). */
struct comm_space {
	int64_t id;
	char slug[64];
	char name[128];
	char language[3];
	enum space_visibility visibility; /* an unknown value reads as SPACE_PROFESSIONALS */
	bool indexable;
	int64_t retention_days;
	bool archived; /* readable, but takes no new thread or reply (issue 17) */
};

/* The space with that slug; ENT_ENOTFOUND. */
enum ent_err comm_space_find(struct store_conn *c, const char *slug, struct comm_space *out);
/* The space of thread, and the thread's title into title[title_cap] when title is not NULL;
 * ENT_ENOTFOUND. */
enum ent_err comm_thread_space(struct store_conn *c, int64_t thread, struct comm_space *out,
			       char *title, size_t title_cap);

struct comm_space_item {
	const char *slug, *name, *description, *language, *visibility, *kind;
	bool indexable;
	int64_t retention_days;
	int64_t threads;
	const char *institution; /* slug, NULL when none */
};
/* The live spaces with slug > after, by slug, at most limit: public ones, members' ones when
 * members, professionals' ones when professionals. */
enum ent_err comm_spaces_each(struct store_conn *c, const char *after, bool members,
			      bool professionals, int64_t limit,
			      void (*fn)(const struct comm_space_item *s, void *arg), void *arg);

/* The description and kind of space id (fn is not called when there is no such space). */
enum ent_err comm_space_about(struct store_conn *c, int64_t id,
			      void (*fn)(const char *description, const char *kind, void *arg),
			      void *arg);

struct comm_thread_item {
	int64_t id;
	const char *title;
	int64_t n_posts;
	int64_t last_post_id;         /* the keyset cursor of the list */
	int64_t created_at;
	int64_t last_post_at;         /* created_at when the last post is gone */
	const char *author;           /* handle, NULL when the account is gone */
};
/* The threads of space whose last post is older than before, most recent first, at most
 * limit. */
enum ent_err comm_space_threads_each(struct store_conn *c, int64_t space, int64_t before,
				     int64_t limit,
				     void (*fn)(const struct comm_thread_item *t, void *arg),
				     void *arg);

/* Inside the caller's transaction: a thread without posts yet (comm_post_insert adds them). */
enum ent_err comm_thread_insert(struct store_conn *c, int64_t space_id, int64_t author_id,
				const char *title, size_t len, int64_t *id);

/* --- the page of a thread --- */

/* The reactions of peer support, in the order pages show them. */
enum comm_reaction { COMM_REACT_SOUTIEN, COMM_REACT_MERCI, COMM_REACT_UTILE, COMM_N_REACTIONS };
/* "soutien", "merci", "utile". */
extern const char *const comm_reaction_names[COMM_N_REACTIONS];

struct comm_post_view {
	int64_t id;
	const char *author;         /* handle, NULL when the account is gone */
	int64_t author_id;          /* 0 when the account is gone */
	const char *html;           /* "" once deleted */
	const char *body;           /* the Markdown, for its author to edit */
	const char *label;          /* testimony, validated */
	int64_t created_at;
	bool edited, deleted, hidden;
	int64_t reactions[COMM_N_REACTIONS];
	int64_t quote_id;           /* 0: quotes nothing */
	const char *quote_author;   /* handle, NULL when the account is gone */
	const char *quote_excerpt;  /* its first 280 bytes, NULL when deleted or hidden */
};
/* The thread's post counter (0 when the thread is gone). */
enum ent_err comm_thread_n_posts(struct store_conn *c, int64_t thread, int64_t *out);
/* Calls fn for the posts of thread after post id `after`, oldest first, at most limit; hidden
 * posts only when with_hidden (moderators). fn returns non-zero to stop (that value is
 * returned). */
enum ent_err comm_thread_page(struct store_conn *c, int64_t thread, int64_t after, int64_t limit,
			      bool with_hidden,
			      enum ent_err (*fn)(const struct comm_post_view *p, void *arg),
			      void *arg);

#define COMM_ME_POSTS_MAX 100
/* A member's own part of a page: whether they follow the thread and their read marker, and
 * the reactions they gave to the page's posts, grouped by post (at most COMM_ME_POSTS_MAX
 * posts). */
struct comm_thread_me {
	bool following;
	int64_t last_read;
	size_t n;
	struct {
		int64_t post;
		size_t n_kinds;
		enum comm_reaction kinds[COMM_N_REACTIONS];
	} given[COMM_ME_POSTS_MAX];
};
/* One statement (one read transaction): account's follow of thread and the reactions they
 * gave to its posts first..last (first 0: from the start). */
enum ent_err comm_thread_me(struct store_conn *c, int64_t account, int64_t thread, int64_t first,
			    int64_t last, struct comm_thread_me *out);

/* What a visitor can read, for the home page: public spaces, their threads, validated
 * articles. */
enum ent_err comm_counts(struct store_conn *c, int64_t *spaces, int64_t *threads,
			 int64_t *articles);

#endif
