/*
 * api_thread_cache.h - the thread page's render cache (issues 5 and 13), and the generations
 * that tell the community caches of this process (thread pages, search answers) that
 * community content changed.
 *
 * Why in src/api/ and not in src/community/: what it keeps is rendered JSON, not data. The
 * shared part of a page depends on the caller's roles (what policy lets them see and do) and
 * language (the labels' wording), and is spliced per caller at byte offsets of that JSON; no
 * other code could reuse it, and the domain below stays free of JSON and of roles. The domain
 * is read again on a miss (comm_thread_page), so the cache only saves rendering and reads.
 *
 * An entry is the shared part of one page (thread, after, limit, language, roles): written as
 * JSON straight into a buffer with, for each post that has an author, where its "mine" flag
 * is and the Markdown its author gets for editing ("splices"). A request copies the shared
 * part, turns on "mine" and adds the Markdown for the caller's own posts (api_thread_page_render).
 *
 * Invalidation: every community write bumps a global generation after its commit
 * (comm_changed); replies and reactions bump only their thread's (comm_thread_changed). An
 * entry also expires after API_THREAD_PAGE_TTL seconds, which bounds staleness from writes this
 * process does not see (an account deleted by another subsystem, another application node).
 * Not responsible for: building the page (api_thread.c), the data (comm_thread_store.h).
 */
#ifndef ENT_API_THREAD_CACHE_H
#define ENT_API_THREAD_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "community/comm_thread_store.h"

#define API_THREAD_PAGE_TTL 10

struct api_thread_splice {
	int64_t author;
	size_t mine_at;            /* offset of the "false" after "mine": */
	size_t body_at;            /* where the author's ,"body":... goes; 0 when deleted */
	size_t body_off, body_len; /* its Markdown in page.bodies (raw UTF-8, not escaped) */
};

/* What makes one entry: a page of a thread for one language and set of roles. */
struct api_thread_key {
	int64_t thread, after, limit;
	int lang;
	unsigned roles;
};

struct api_thread_page {
	struct api_thread_key k;
	int64_t at;
	uint64_t gen, tgen;
	struct comm_space s;
	int64_t first, last;  /* post ids on the page (0: none) */
	struct buf json;      /* the shared part, without its closing brace */
	struct buf bodies;    /* the authors' Markdown, raw: escaped when spliced for its author */
	struct api_thread_splice *sp;
	size_t n_sp, cap_sp;
};

/* A new empty page for k, stamped with the generations of now (before it is read, so that
 * a write during the build makes it stale); NULL when out of memory. api_thread_page_free
 * it, or hand it to api_thread_cache_put. */
struct api_thread_page *api_thread_page_new(const struct api_thread_key *k);
void api_thread_page_free(struct api_thread_page *p);
enum ent_err api_thread_page_splice(struct api_thread_page *p, const struct api_thread_splice *s);
/* Copies the shared part into out with account's own posts marked (account 0: nobody). */
void api_thread_page_render(const struct api_thread_page *p, int64_t account, struct buf *out);
/* Renders a fresh cached page of k for account into out, with its space and first and last
 * post ids; false when there is none. A page is cached for the roles it was built for, so
 * the caller may read its space. */
bool api_thread_cache_get(const struct api_thread_key *k, int64_t account, struct buf *out,
			  struct comm_space *s, int64_t *first, int64_t *last);
/* Keeps p (taken) in the cache, or frees it when it does not fit. */
void api_thread_cache_put(struct api_thread_page *p);

/* The "related" part of a thread's first page (validated articles matching its title, an
 * FTS query of every title word: about a quarter of rendering a page not in the cache,
 * issue 13), kept apart and much longer than pages: a few hundred bytes a thread, so it
 * holds the related lists of thousands of threads where the page cache holds fifty pages.
 * An entry is for a thread and the hash of its title (an edited title misses), stamped with
 * the global generation (an article published, changed or withdrawn bumps it: comm_changed)
 * and expires after API_THREAD_RELATED_TTL seconds. Another node's changes of articles and of
 * institutions' names reach this one's generation too (store_watch: the triggers of 0106 and
 * 0109; a node whose watch reconnects drops everything), so the expiry is only a backstop for
 * a watch connection that died unnoticed; it was 60 s, after which a thread read less than once a minute paid the query
 * again (~450 k instructions, FTS5 reading the index of every title word in both languages):
 * bench/members' mixed load began each round with some 1,300 such misses.
 * api_thread_related_get appends the entry's JSON to out and returns true, or returns false
 * with *gen set to the generation to stamp what the caller reads next; put copies json. */
#define API_THREAD_RELATED_TTL 600
bool api_thread_related_get(int64_t thread, const char *title, struct buf *out, uint64_t *gen);
void api_thread_related_put(int64_t thread, const char *title, uint64_t gen, const char *json,
			    size_t len);

#endif
