/* test_store_search.c - store_search.h on a temporary database: indexing, the window, the
 * ranked and recent reads with their scope, unindexing, and the articles' reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_search.h"
#include "unit/testdb.h"

static struct testdb db;
static struct store_conn *c;

/* Fixtures: spaces 1 (public) and 2 (members), thread n in space n. */
static const struct store_stmt T_SPACE = {
	"test.space",
	"INSERT INTO spaces (id, slug, name, visibility, created_at) VALUES (?1, ?2, ?2, ?3, 0)"};
static const struct store_stmt T_THREAD = {
	"test.thread",
	"INSERT INTO threads (id, space_id, title, created_at) VALUES (?1, ?1, 'titre', 0)"};
static const struct store_stmt T_POST = {
	"test.post",
	"INSERT INTO posts (id, thread_id, body, html, created_at) VALUES (?1, ?2, 'corps', '', ?1)"};
static const struct store_stmt T_HIDE = {"test.hide", "UPDATE posts SET hidden_at = 1 WHERE id = ?1"};

/* Runs st with ?1 = a, then ?2 = b (when b) and ?3 = t (when t). */
static enum ent_err run(const struct store_stmt *st, int64_t a, int64_t b, const char *t)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, a);
	if (b)
		store_q_bind_int(q, 2, b);
	if (t) {
		store_q_bind_text(q, 2, t, strlen(t));
		store_q_bind_text(q, 3, t, strlen(t));
	}
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&db, "search", TESTDB_RUN))
		return -1;
	c = db.c;
	if (run(&T_SPACE, 1, 0, "public") || run(&T_SPACE, 2, 0, "members") ||
	    run(&T_THREAD, 1, 0, NULL) || run(&T_THREAD, 2, 0, NULL))
		return -1;
	/* posts 1..6: odd ones in the public space; "pomp" in all, "insulin" in 2 and 5 */
	for (int64_t id = 1; id <= 6; id++) {
		const char *terms = id == 2 || id == 5 ? "pomp insulin" : "pomp";
		if (run(&T_POST, id, id % 2 ? 1 : 2, NULL) ||
		    store_search_post_index(c, id, terms, strlen(terms)))
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return testdb_close(&db);
}

struct seen {
	int64_t ids[16];
	size_t n;
};

static enum ent_err note(void *arg, const struct store_search_post *h)
{
	struct seen *s = arg;
	if (s->n < 16)
		s->ids[s->n++] = h->post;
	assert_string_equal(h->title, "titre");
	assert_string_equal(h->excerpt, "corps");
	return ENT_OK;
}

static void window_and_reads(void **state)
{
	(void)state;
	struct store_search_window w;
	assert_int_equal(store_search_posts_window(c, "\"pomp\"", 6, 4, &w), ENT_OK);
	assert_int_equal(w.top, 6);
	assert_int_equal(w.min, 3);
	assert_int_equal(w.count, 4);
	assert_int_equal(store_search_posts_window(c, "\"absent\"", 8, 4, &w), ENT_OK);
	assert_int_equal(w.top, 0);

	/* the public only: the members space's posts are not found */
	struct store_search_scope pub = {false, false}, mem = {true, false};
	struct store_search_after first = {6, 3, INT64_MAX, INT64_MAX};
	struct seen s = {0};
	assert_int_equal(store_search_posts_ranked(c, "\"pomp\"", 6, pub, &first, 10, note, &s), ENT_OK);
	assert_int_equal(s.n, 2); /* 3 and 5 */
	s = (struct seen){0};
	assert_int_equal(store_search_posts_ranked(c, "\"pomp\"", 6, mem, &first, 10, note, &s), ENT_OK);
	assert_int_equal(s.n, 4);
	/* keyset: a page of 2, then the rest after its last row */
	s = (struct seen){0};
	assert_int_equal(store_search_posts_recent(c, "\"pomp\"", 6, mem, INT64_MAX, 2, note, &s), ENT_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.ids[0], 6);
	assert_int_equal(s.ids[1], 5);
	s = (struct seen){0};
	assert_int_equal(store_search_posts_recent(c, "\"pomp\"", 6, mem, 5, 10, note, &s), ENT_OK);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.ids[0], 4);

	/* hidden posts and unindexed ones are not found */
	assert_int_equal(run(&T_HIDE, 5, 0, NULL), ENT_OK);
	assert_int_equal(store_search_post_unindex(c, 2), ENT_OK);
	s = (struct seen){0};
	assert_int_equal(store_search_posts_recent(c, "\"insulin\"", 9, mem, INT64_MAX, 10, note, &s),
			 ENT_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(store_search_rewrite(c), ENT_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(window_and_reads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
