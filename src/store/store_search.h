/*
 * store_search.h - full-text search of community posts and validated articles, behind the
 * store: the index, its upkeep and its ranked and keyset-paged reads, in a form any back end
 * can implement. The SQLite back end (store_sqlite_search.c) keeps them in FTS5 tables
 * (posts_fts, articles_fts) ranked by FTS5's relevance; a PostgreSQL one would keep a tsvector column
 * with a GIN index and rank with ts_rank, behind these same functions.
 *
 * Terms and queries come already folded and stemmed (comm_terms, comm_query): the index
 * stores space-separated stems; a query is quoted stems joined by AND and OR, with
 * parentheses, and nothing else (comm_query writes no other syntax). FTS5 reads that as is;
 * another back end rewrites it (to_tsquery's & and |).
 *
 * Hits are handed to a callback, one at a time; their strings are borrowed for the duration
 * of the call. A callback's error stops the read and is returned.
 * Not responsible for: who may read what (the caller says which spaces through
 * store_search_scope, from policy), folding and stemming (community/comm_search.c), caching
 * answers (api_search.c).
 */
#ifndef ENT_STORE_SEARCH_H
#define ENT_STORE_SEARCH_H

#include "store/store.h"

/* --- the index --- */

/* Indexes post (terms: its stems, len bytes); the post must not be indexed already
 * (store_search_post_unindex first when it is re-indexed). */
enum ent_err store_search_post_index(struct store_conn *c, int64_t post, const char *terms,
				     size_t len);
/* Removes post from the index (a no-op when it is not there). */
enum ent_err store_search_post_unindex(struct store_conn *c, int64_t post);
/* Removes every post of author (account deletion). */
enum ent_err store_search_post_unindex_author(struct store_conn *c, int64_t author);
/* Removes the posts of space written before `before` (the retention purge). */
enum ent_err store_search_post_unindex_space(struct store_conn *c, int64_t space, int64_t before);
/* Indexes validated article `article`. */
enum ent_err store_search_article_index(struct store_conn *c, int64_t article, const char *terms,
					size_t len);
/* Rewrites the index's storage so the terms of deleted and edited posts, which a deletion
 * only marks, leave the file (FTS5 'optimize'). A pass over the whole index: run after an
 * account deletion and by the upkeep thread, not on every edit. */
enum ent_err store_search_rewrite(struct store_conn *c);

/* --- posts --- */

/* Which spaces the reader may see besides public ones (policy_space_can_read). Hidden and
 * deleted posts are never found. */
struct store_search_scope {
	bool members;
	bool professionals;
};

/* One post found. score: the ranked reads' score (billionths; higher first), else 0. */
struct store_search_post {
	int64_t post, thread;
	const char *title, *space_slug, *space_name;
	const char *excerpt; /* the first 240 characters of the post's Markdown */
	int64_t score;
};
typedef enum ent_err (*store_search_post_fn)(void *arg, const struct store_search_post *hit);

/* The window of a query: the newest `max` matches (every space, before any visibility
 * check), by id. top == 0 when nothing matches. */
struct store_search_window {
	int64_t top, min, count;
};
enum ent_err store_search_posts_window(struct store_conn *c, const char *query, size_t len,
				       int64_t max, struct store_search_window *out);

/* Where a ranked page starts: the window (top, min), then after the row (score, id) last
 * shown (INT64_MAX, INT64_MAX for the first page). */
struct store_search_after {
	int64_t top, min, score, id;
};
/* The matches of the window [min, top] by relevance with recency: relevance / (1 + age / 30
 * days), the age counted from the window's newest match; score then id descending, at most
 * limit, after `after`. */
enum ent_err store_search_posts_ranked(struct store_conn *c, const char *query, size_t len,
				       struct store_search_scope scope,
				       const struct store_search_after *after, int64_t limit,
				       store_search_post_fn fn, void *arg);
/* The matches older than post `before`, newest first, at most limit. */
enum ent_err store_search_posts_recent(struct store_conn *c, const char *query, size_t len,
				       struct store_search_scope scope, int64_t before,
				       int64_t limit, store_search_post_fn fn, void *arg);

/* --- validated articles --- */

struct store_search_article {
	int64_t id;
	const char *title, *inst_slug, *inst_name;
	const char *reviewed; /* YYYY-MM-DD; "" from store_search_articles */
};
typedef enum ent_err (*store_search_article_fn)(void *arg, const struct store_search_article *hit);

/* The 5 articles that match best, relevance with recency (the age as of now, in years). */
enum ent_err store_search_articles(struct store_conn *c, const char *query, size_t len, int64_t now,
				   store_search_article_fn fn, void *arg);
/* The 3 articles most relevant to query (a thread's related articles). */
enum ent_err store_search_related(struct store_conn *c, const char *query, size_t len,
				  store_search_article_fn fn, void *arg);

#endif
