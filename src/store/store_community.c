/* store_community.c - the communities' account deletion hook; see store_community.h. */
#include <string.h>

#include "store/store_community.h"

#include "core/clock.h"
#include "store/store_search.h"

static const struct store_stmt Q_REVISIONS = {
	"community.revisions_author",
	"DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?1)"};
static const struct store_stmt Q_ERASE = {
	"community.erase_author",
	"UPDATE posts SET body = '', html = '', deleted_at = ?2 "
	"WHERE author_id = ?1 AND deleted_at IS NULL"};

/* A thread's title is its author's words: when the author's posts go, a thread nobody else
 * still writes in goes with them, and the others keep their replies under an empty title. */
static const struct store_stmt Q_DROP_THREADS = {
	"community.drop_author_threads",
	"DELETE FROM threads WHERE author_id = ?1 AND NOT EXISTS (SELECT 1 FROM posts p "
	"WHERE p.thread_id = threads.id AND p.deleted_at IS NULL)"};
static const struct store_stmt Q_UNTITLE = {
	"community.untitle_author", "UPDATE threads SET title = '' WHERE author_id = ?1"};

enum ent_err store_community_account_delete(struct store_conn *c, int64_t account_id,
					    enum store_posts_mode mode)
{
	if (mode != STORE_POSTS_DELETE)
		return ENT_OK;
	const struct store_stmt *steps[] = {&Q_REVISIONS, &Q_ERASE, &Q_DROP_THREADS, &Q_UNTITLE};
	int64_t now = clock_now();
	enum ent_err err = store_search_post_unindex_author(c, account_id);
	for (size_t i = 0; !err && i < sizeof steps / sizeof steps[0]; i++) {
		struct store_q *q;
		err = store_q_open(c, steps[i], &q);
		if (err)
			break;
		store_q_bind_int(q, 1, account_id);
		if (steps[i] == &Q_ERASE)
			store_q_bind_int(q, 2, now);
		err = store_q_exec(q);
		store_q_close(q);
	}
	return err;
}

static const struct store_stmt Q_ARTICLE_COUNT = {
	"community.article_count",
	"SELECT count(*) FROM articles a JOIN institutions i ON i.id = a.institution_id WHERE i.slug = ?1"};

enum ent_err store_community_article_count(struct store_conn *c, const char *inst_slug, int64_t *n)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_ARTICLE_COUNT, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, inst_slug, strlen(inst_slug));
	err = store_q_step(q, &row);
	*n = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return err;
}
