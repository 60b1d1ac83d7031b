/*
 * store_search.c - store_search.h for any back end: binds, runs and reads the statements of
 * full-text search. The statements that write the index are the same SQL on every engine and
 * live here; those that match and rank differ (FTS5 MATCH and bm25 on SQLite, a tsvector, @@
 * and ts_rank on PostgreSQL) and come from the back end (store_ops.search: the same names,
 * parameters and columns in store_sqlite_search.c and store_pg_search.c).
 *
 * Posts are ranked with a bounded cost (issue 13): ranking every match would cost a pass over
 * all of them (a common word matches tens of thousands of posts), so the ranked read takes the
 * window of the newest matches (store_search_posts_window) and scores each by
 * -rank / (1 + age / 30 days). Older matches follow newest first by id.
 * Not responsible for: the engines' own SQL (store_sqlite_search.c, store_pg_search.c).
 */
#include <string.h>

#include "store/store_backend.h"
#include "store/store_search.h"

static const struct store_stmt Q_POST_ADD = {
	"comm.fts_add", "INSERT INTO posts_fts (rowid, terms) VALUES (?1, ?2)"};
static const struct store_stmt Q_POST_DEL = {
	"comm.fts_del", "DELETE FROM posts_fts WHERE rowid = ?1"};
static const struct store_stmt Q_UNINDEX_AUTHOR = {
	"community.unindex_author",
	"DELETE FROM posts_fts WHERE rowid IN (SELECT id FROM posts WHERE author_id = ?1)"};
static const struct store_stmt Q_UNINDEX_SPACE = {
	"purge.unindex",
	"DELETE FROM posts_fts WHERE rowid IN (SELECT p.id FROM posts p JOIN threads t ON "
	"t.id = p.thread_id WHERE t.space_id = ?1 AND p.created_at < ?2)"};
static const struct store_stmt Q_ARTICLE_ADD = {
	"comm.article_fts", "INSERT INTO articles_fts (rowid, terms) VALUES (?1, ?2)"};

/* Runs st with ?1 = a, and ?2 = b when has_b. */
static enum ent_err run(struct store_conn *c, const struct store_stmt *st, int64_t a, bool has_b,
			int64_t b)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, a);
	if (has_b)
		store_q_bind_int(q, 2, b);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

static enum ent_err add(struct store_conn *c, const struct store_stmt *st, int64_t id,
			const char *terms, size_t len)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_text(q, 2, terms ? terms : "", terms ? len : 0);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_search_post_index(struct store_conn *c, int64_t post, const char *terms,
				     size_t len)
{
	return add(c, &Q_POST_ADD, post, terms, len);
}

enum ent_err store_search_post_unindex(struct store_conn *c, int64_t post)
{
	return run(c, &Q_POST_DEL, post, false, 0);
}

enum ent_err store_search_post_unindex_author(struct store_conn *c, int64_t author)
{
	return run(c, &Q_UNINDEX_AUTHOR, author, false, 0);
}

enum ent_err store_search_post_unindex_space(struct store_conn *c, int64_t space, int64_t before)
{
	return run(c, &Q_UNINDEX_SPACE, space, true, before);
}

enum ent_err store_search_article_index(struct store_conn *c, int64_t article, const char *terms,
					size_t len)
{
	return add(c, &Q_ARTICLE_ADD, article, terms, len);
}

enum ent_err store_search_rewrite(struct store_conn *c)
{
	const struct store_stmt *st = c->ops->search->rewrite;
	if (!st) /* nothing to rewrite on this engine */
		return ENT_OK;
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

/* --- posts --- */

enum ent_err store_search_posts_window(struct store_conn *c, const char *query, size_t len,
				       int64_t max, struct store_search_window *out)
{
	struct store_q *q;
	bool row = false;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_open(c, c->ops->search->window, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, query, len);
	store_q_bind_int(q, 2, max);
	err = store_q_step(q, &row);
	if (!err && row && !store_q_is_null(q, 0))
		*out = (struct store_search_window){store_q_int(q, 0), store_q_int(q, 1),
						    store_q_int(q, 2)};
	store_q_close(q);
	return err;
}

/* Binds what both post reads share: ?1 query, ?2 ?3 scope, ?4 limit, ?5 upper bound. */
static enum ent_err posts_open(struct store_conn *c, const struct store_stmt *st, const char *query,
			       size_t len, struct store_search_scope scope, int64_t limit,
			       int64_t upper, struct store_q **q)
{
	enum ent_err err = store_q_open(c, st, q);
	if (err)
		return err;
	store_q_bind_text(*q, 1, query, len);
	store_q_bind_bool(*q, 2, scope.members);
	store_q_bind_bool(*q, 3, scope.professionals);
	store_q_bind_int(*q, 4, limit);
	store_q_bind_int(*q, 5, upper);
	return ENT_OK;
}

struct posts {
	store_search_post_fn fn;
	void *arg;
	bool ranked;
};

static enum ent_err post_row(struct store_q *q, void *arg)
{
	const struct posts *e = arg;
	struct store_search_post hit = {
		store_q_int(q, 0),	  store_q_int(q, 1),	    store_q_text(q, 2, NULL),
		store_q_text(q, 3, NULL), store_q_text(q, 4, NULL), store_q_text(q, 5, NULL),
		e->ranked ? store_q_int(q, 6) : 0};
	return e->fn(e->arg, &hit);
}

enum ent_err store_search_posts_ranked(struct store_conn *c, const char *query, size_t len,
				       struct store_search_scope scope,
				       const struct store_search_after *after, int64_t limit,
				       store_search_post_fn fn, void *arg)
{
	struct store_q *q;
	enum ent_err err =
		posts_open(c, c->ops->search->ranked, query, len, scope, limit, after->top, &q);
	if (err)
		return err;
	store_q_bind_int(q, 6, after->min);
	store_q_bind_int(q, 7, after->score);
	store_q_bind_int(q, 8, after->id);
	struct posts e = {fn, arg, true};
	return store_q_each(q, post_row, &e);
}

enum ent_err store_search_posts_recent(struct store_conn *c, const char *query, size_t len,
				       struct store_search_scope scope, int64_t before,
				       int64_t limit, store_search_post_fn fn, void *arg)
{
	struct store_q *q;
	struct posts e = {fn, arg, false};
	enum ent_err err = posts_open(c, c->ops->search->recent, query, len, scope, limit, before, &q);
	return err ? err : store_q_each(q, post_row, &e);
}

/* --- validated articles --- */

struct articles {
	store_search_article_fn fn;
	void *arg;
	bool reviewed;
};

static enum ent_err article_row(struct store_q *q, void *arg)
{
	const struct articles *e = arg;
	struct store_search_article hit = {store_q_int(q, 0), store_q_text(q, 1, NULL),
					   store_q_text(q, 2, NULL), store_q_text(q, 3, NULL),
					   e->reviewed ? store_q_text(q, 4, NULL) : ""};
	return e->fn(e->arg, &hit);
}

static enum ent_err articles_read(struct store_conn *c, const struct store_stmt *st,
				  const char *query, size_t len, bool with_now, int64_t now,
				  store_search_article_fn fn, void *arg)
{
	struct store_q *q;
	struct articles e = {fn, arg, !with_now};
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, query, len);
	if (with_now)
		store_q_bind_int(q, 2, now);
	return store_q_each(q, article_row, &e);
}

enum ent_err store_search_articles(struct store_conn *c, const char *query, size_t len, int64_t now,
				   store_search_article_fn fn, void *arg)
{
	return articles_read(c, c->ops->search->articles, query, len, true, now, fn, arg);
}

enum ent_err store_search_related(struct store_conn *c, const char *query, size_t len,
				  store_search_article_fn fn, void *arg)
{
	return articles_read(c, c->ops->search->related, query, len, false, 0, fn, arg);
}
