/* test_comm_store.c - the communities' threads, posts and notifications on a real SQLite
 * store (comm_thread_store.h, comm_post_store.h, comm_notify_store.h): a thread and its first
 * post in one transaction, a reply notifying the followers, the read marker that never moves
 * back nor past the last post, reactions and a member's own part of a page, editing with its
 * history, deleting (the title goes with the first post, an empty thread goes), the
 * moderators' queue for an emergency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"
#include "community/comm_notify_store.h"
#include "community/comm_post_store.h"
#include "community/comm_retention.h"
#include "community/comm_space_store.h"
#include "community/comm_store.h"
#include "core/clock.h"
#include "store/store_account.h"
#include "unit/testdb.h"

/* The notifications page's unread total (one walk of the follows, comm_notifications_page)
 * equals comm_unread_count's, and its followed list's counts are part of it. */
static void add_unread(const struct comm_followed *f, void *arg)
{
	*(int64_t *)arg += f->unread;
}

static void assert_unread_parts(struct store_conn *c, int64_t account, int64_t total)
{
	int64_t followed = 0;
	struct comm_notification_page p = {.unread = -1, .followed = add_unread, .arg = &followed};
	assert_int_equal(comm_notifications_page(c, account, INT64_MAX, 20, &p), ENT_OK);
	assert_int_equal(p.unread, total);
	assert_true(followed >= 0 && followed <= total);
}

static struct testdb db;
static struct store_conn *c;
static int64_t alice, bob, modo, space;
static const int64_t NOW = 1767960000;

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&db, "comm", TESTDB_RUN))
		return -1;
	c = db.c;
	alice = testdb_account(c, "alice", 1);
	bob = testdb_account(c, "bob", 2);
	modo = testdb_account(c, "modo", 3);
	if (!alice || !bob || !modo || store_role_grant(c, modo, "moderator", NULL))
		return -1;
	struct comm_space_row row = {.slug = "entraide", .name = "Entraide", .language = "fr",
				     .visibility = "public", .indexable = true};
	return comm_space_add(c, &row, NOW, &space) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	return testdb_close(&db);
}

static int64_t new_thread(int64_t author, const char *title, const char *body, int64_t *post)
{
	struct comm_new_post p = {.title = title, .body = body, .len = strlen(body)};
	struct comm_emergency e = {0};
	assert_int_equal(comm_thread_create(c, space, author, "fr", strlen(title), &p, &e), ENT_OK);
	assert_true(p.thread_id > 0 && p.id > 0);
	if (post)
		*post = p.id;
	return p.thread_id;
}

static int64_t reply(int64_t thread, int64_t author, const char *body, int64_t quote)
{
	struct comm_new_post p = {.thread_id = thread, .body = body, .len = strlen(body),
				  .quote_id = quote};
	struct comm_emergency e = {0};
	assert_int_equal(store_tx_begin(c), ENT_OK);
	assert_int_equal(comm_reply_add(c, author, "fr", &p, &e), ENT_OK);
	assert_int_equal(store_tx_commit(c), ENT_OK);
	return p.id;
}

static void mark(int64_t account, int64_t thread, int64_t last)
{
	assert_int_equal(store_tx_begin(c), ENT_OK);
	assert_int_equal(comm_read_mark(c, account, thread, last, NOW), ENT_OK);
	assert_int_equal(store_tx_commit(c), ENT_OK);
}

struct seen {
	int64_t n, ids[8], authors[8], reactions[8][COMM_N_REACTIONS];
	char bodies[8][64];
	char excerpt[64];
};

static enum ent_err see_post(const struct comm_post_view *p, void *arg)
{
	struct seen *s = arg;
	s->ids[s->n] = p->id;
	s->authors[s->n] = p->author_id;
	memcpy(s->reactions[s->n], p->reactions, sizeof p->reactions);
	snprintf(s->bodies[s->n++], 64, "%s", p->body);
	if (p->quote_excerpt)
		snprintf(s->excerpt, sizeof s->excerpt, "%s", p->quote_excerpt);
	return ENT_OK;
}

static void count_notification(const struct comm_notification *n, void *arg)
{
	assert_string_equal(n->kind, "reply");
	(*(int64_t *)arg)++;
}

static void thread_reply_and_read_marker(void **state)
{
	(void)state;
	int64_t first, n = 0, unread = -1;
	int64_t t = new_thread(alice, "Fatigue le soir", "Comment faites-vous ?", &first);
	struct comm_space s;
	char title[64];
	assert_int_equal(comm_thread_space(c, t, &s, title, sizeof title), ENT_OK);
	assert_int_equal(s.id, space);
	assert_string_equal(title, "Fatigue le soir");
	assert_int_equal(comm_thread_space(c, t + 1000, &s, NULL, 0), ENT_ENOTFOUND);

	int64_t r = reply(t, bob, "Je me repose.", first);
	assert_int_equal(comm_thread_n_posts(c, t, &n), ENT_OK);
	assert_int_equal(n, 2);
	struct seen seen = {0};
	assert_int_equal(comm_thread_page(c, t, 0, 50, false, see_post, &seen), ENT_OK);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.ids[1], r);
	assert_int_equal(seen.authors[0], alice);
	assert_string_equal(seen.bodies[1], "Je me repose.");
	assert_string_equal(seen.excerpt, "Comment faites-vous ?");

	/* The author follows their own thread: bob's reply notifies alice, not bob. */
	assert_int_equal(comm_unread_count(c, alice, &unread), ENT_OK);
	assert_unread_parts(c, alice, unread);
	assert_int_equal(unread, 1);
	n = 0;
	assert_int_equal(comm_notifications_each(c, alice, INT64_MAX, 50, count_notification, &n),
			 ENT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, 0);

	/* The marker stops at the thread's last post, and never moves back. */
	mark(alice, t, r + 1000);
	struct comm_thread_me *me = malloc(sizeof *me);
	assert_non_null(me);
	assert_int_equal(comm_thread_me(c, alice, t, first, r, me), ENT_OK);
	assert_true(me->following);
	assert_int_equal(me->last_read, r);
	mark(alice, t, first);
	assert_int_equal(comm_thread_me(c, alice, t, first, r, me), ENT_OK);
	assert_int_equal(me->last_read, r);
	assert_int_equal(comm_unread_count(c, alice, &unread), ENT_OK);
	assert_unread_parts(c, alice, unread);
	assert_int_equal(unread, 0);

	/* Reactions: idempotent, counted, and listed in the member's own part. */
	int64_t counts[COMM_N_REACTIONS];
	assert_int_equal(comm_reaction_set(c, r, alice, COMM_REACT_MERCI, true, NOW), ENT_OK);
	assert_int_equal(comm_reaction_set(c, r, alice, COMM_REACT_MERCI, true, NOW), ENT_OK);
	assert_int_equal(comm_reaction_set(c, r, alice, COMM_REACT_SOUTIEN, true, NOW), ENT_OK);
	assert_int_equal(comm_reaction_counts(c, r, counts), ENT_OK);
	assert_int_equal(counts[COMM_REACT_MERCI], 1);
	assert_int_equal(counts[COMM_REACT_SOUTIEN], 1);
	assert_int_equal(counts[COMM_REACT_UTILE], 0);
	assert_int_equal(comm_thread_me(c, alice, t, first, r, me), ENT_OK);
	assert_int_equal(me->n, 1);
	assert_int_equal(me->given[0].post, r);
	assert_int_equal(me->given[0].n_kinds, 2);
	assert_int_equal(comm_reaction_set(c, r, alice, COMM_REACT_MERCI, false, NOW), ENT_OK);
	assert_int_equal(comm_reaction_counts(c, r, counts), ENT_OK);
	assert_int_equal(counts[COMM_REACT_MERCI], 0);
	/* The page counts each kind apart (packed in one value by the page's statement). */
	assert_int_equal(comm_reaction_set(c, r, bob, COMM_REACT_SOUTIEN, true, NOW), ENT_OK);
	assert_int_equal(comm_reaction_set(c, r, bob, COMM_REACT_UTILE, true, NOW), ENT_OK);
	assert_int_equal(comm_reaction_set(c, first, bob, COMM_REACT_MERCI, true, NOW), ENT_OK);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(comm_thread_page(c, t, 0, 50, false, see_post, &seen), ENT_OK);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.reactions[0][COMM_REACT_SOUTIEN], 0);
	assert_int_equal(seen.reactions[0][COMM_REACT_MERCI], 1);
	assert_int_equal(seen.reactions[0][COMM_REACT_UTILE], 0);
	assert_int_equal(seen.reactions[1][COMM_REACT_SOUTIEN], 2);
	assert_int_equal(seen.reactions[1][COMM_REACT_MERCI], 0);
	assert_int_equal(seen.reactions[1][COMM_REACT_UTILE], 1);

	/* Unfollowed: bob is not told of alice's next reply. */
	assert_int_equal(comm_follow_remove(c, bob, t), ENT_OK);
	reply(t, alice, "Merci.", 0);
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, 0);
	free(me);
}

static void count_revision(const struct comm_revision *r, void *arg)
{
	assert_string_equal(r->body, "Premier jet.");
	(*(int64_t *)arg)++;
}

static void edit_and_delete(void **state)
{
	(void)state;
	int64_t first, n = 0, quotable = -1;
	int64_t t = new_thread(bob, "Une question", "Premier jet.", &first);
	int64_t r = reply(t, alice, "Une réponse.", 0);
	struct comm_post_ref p;
	assert_int_equal(comm_post_get(c, first, &p), ENT_OK);
	assert_int_equal(p.author_id, bob);
	assert_false(p.deleted);
	assert_int_equal(comm_post_edit(c, &p, "Second jet.", 11, false, "fr", NOW + 60), ENT_OK);
	assert_int_equal(comm_post_history_each(c, first, INT64_MAX, 50, count_revision, &n), ENT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(comm_post_quotable(c, first, &quotable), ENT_OK);
	assert_int_equal(quotable, t);

	/* The first post takes the title with it; the thread stays for its reply. */
	assert_int_equal(comm_post_delete(c, &p, NOW + 120), ENT_OK);
	assert_int_equal(comm_post_get(c, first, &p), ENT_OK);
	assert_true(p.deleted);
	assert_int_equal(comm_post_quotable(c, first, &quotable), ENT_OK);
	assert_int_equal(quotable, 0);
	struct comm_space s;
	char title[64];
	assert_int_equal(comm_thread_space(c, t, &s, title, sizeof title), ENT_OK);
	assert_string_equal(title, "");
	n = 0;
	assert_int_equal(comm_post_history_each(c, first, INT64_MAX, 50, count_revision, &n), ENT_OK);
	assert_int_equal(n, 0);
	/* The last one takes the thread. */
	assert_int_equal(comm_post_get(c, r, &p), ENT_OK);
	assert_int_equal(comm_post_delete(c, &p, NOW + 180), ENT_OK);
	assert_int_equal(comm_thread_space(c, t, &s, NULL, 0), ENT_ENOTFOUND);
}

static void count_moderation(const struct comm_notification *n, void *arg)
{
	if (!strcmp(n->kind, "moderation"))
		(*(int64_t *)arg)++;
}

static void emergency_and_reports(void **state)
{
	(void)state;
	int64_t first, n = 0;
	struct comm_new_post p = {.title = "Aidez-moi", .body = "Je n'en peux plus.", .len = 18};
	struct comm_emergency e = {.urgent = true, .rule = ENT_INTENT_RULE_NONE, .confidence = 700};
	assert_int_equal(comm_thread_create(c, space, alice, "fr", 9, &p, &e), ENT_OK);
	assert_int_equal(comm_notifications_each(c, modo, INT64_MAX, 50, count_moderation, &n),
			 ENT_OK);
	assert_int_equal(n, 1);
	/* A danger report is at the top tier, any other one below the classifier's alerts. */
	assert_int_equal(comm_report_queue_key("danger", 7), 7);
	assert_true(comm_report_queue_key("spam", 7) > ((int64_t)1 << 50));
	new_thread(bob, "Sujet", "Texte.", &first);
	struct comm_post_ref ref;
	struct comm_report rep;
	assert_int_equal(comm_post_get(c, first, &ref), ENT_OK);
	assert_int_equal(comm_post_report(c, &ref, alice, "danger", "danger", 6, NOW, &rep), ENT_OK);
	assert_true(rep.created);
	assert_int_equal(comm_post_report(c, &ref, alice, "danger", "danger", 6, NOW, &rep), ENT_OK);
	assert_false(rep.created);
	n = 0;
	assert_int_equal(comm_notifications_each(c, modo, INT64_MAX, 50, count_moderation, &n),
			 ENT_OK);
	assert_int_equal(n, 2);
}

struct listed {
	int64_t n, keys[8], posts[8];
	bool read[8];
};

static void list_reply(const struct comm_notification *n, void *arg)
{
	struct listed *l = arg;
	assert_string_equal(n->kind, "reply");
	if (l->n < 8) {
		l->keys[l->n] = n->id;
		l->posts[l->n] = n->post;
		l->read[l->n] = n->read;
	}
	l->n++;
}

/* Reply notifications are read from the followed threads (0104): a reply writes no row per
 * follower, the list pages by post, the author's own posts are neither unread nor listed,
 * and the retention purge ends them without touching later ones. */
static void replies_read_from_follows(void **state)
{
	(void)state;
	int64_t first, before = 0, unread = -1, purged = 0;
	int64_t t = new_thread(alice, "Le sommeil", "Vous dormez bien ?", &first);
	assert_int_equal(comm_follow_add(c, bob, t), ENT_OK);
	assert_int_equal(comm_unread_count(c, bob, &before), ENT_OK);
	assert_unread_parts(c, bob, before);
	int64_t r1 = reply(t, alice, "Moi non.", 0), r2 = reply(t, alice, "Toujours pas.", 0);
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, before + 2);
	struct listed l = {0};
	assert_int_equal(comm_notifications_each(c, bob, INT64_MAX, 1, list_reply, &l), ENT_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.posts[0], r2);
	assert_int_equal(l.keys[0], r2 * 2);
	assert_false(l.read[0]);
	struct listed next = {0};
	assert_int_equal(comm_notifications_each(c, bob, l.keys[0], 50, list_reply, &next), ENT_OK);
	assert_true(next.n >= 1);
	assert_int_equal(next.posts[0], r1);
	/* bob writes: read up to his own post, which notifies alice but not him */
	int64_t r3 = reply(t, bob, "Une tisane ?", 0);
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, before);
	l = (struct listed){0};
	assert_int_equal(comm_notifications_each(c, bob, INT64_MAX, 2, list_reply, &l), ENT_OK);
	assert_int_equal(l.posts[0], r2);
	assert_true(l.read[0]);
	(void)r3;
	/* the purge: everything written so far is past a cutoff in the future */
	assert_int_equal(comm_notify_purge(c, clock_now() + 60, &purged), ENT_OK);
	assert_true(purged >= 3); /* r1 and r2 for bob, r3 for alice */
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, 0);
	l = (struct listed){0};
	assert_int_equal(comm_notifications_each(c, bob, INT64_MAX, 50, list_reply, &l), ENT_OK);
	assert_int_equal(l.n, 0);
	int64_t r4 = reply(t, alice, "Bonne nuit.", 0);
	assert_int_equal(comm_unread_count(c, bob, &unread), ENT_OK);
	assert_unread_parts(c, bob, unread);
	assert_int_equal(unread, 1);
	assert_int_equal(comm_notifications_each(c, bob, INT64_MAX, 50, list_reply, &l), ENT_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.posts[0], r4);
}

struct paged {
	int64_t n, posts[32], threads[32];
	char titles[32][32];
};

static void page_reply(const struct comm_notification *n, void *arg)
{
	struct paged *l = arg;
	assert_string_equal(n->kind, "reply");
	assert_true(l->n < 32);
	assert_int_equal(n->id, n->post * 2);
	l->posts[l->n] = n->post;
	l->threads[l->n] = n->thread;
	snprintf(l->titles[l->n], sizeof l->titles[0], "%s", n->thread_title);
	l->n++;
}

/* A page is a merge over the followed threads (comm_notify_store.c): replies spread over three
 * threads come out newest first across them, with their own thread's title, the member's own
 * reply left out, and paging by key neither skips nor repeats one, whatever the page size. */
static void notifications_merge_threads(void **state)
{
	(void)state;
	int64_t carol = testdb_account(c, "carol", 4);
	assert_true(carol > 0);
	const char *titles[3] = {"Fatigue", "Repas", "Marche"};
	int64_t t[3], want[16], want_thread[16];
	size_t n_want = 0;
	for (int i = 0; i < 3; i++) {
		t[i] = new_thread(alice, titles[i], "Un début.", NULL);
		assert_int_equal(comm_follow_add(c, carol, t[i]), ENT_OK);
	}
	static const int order[] = {0, 1, 2, 0, 2, 2, 1, 0, 0, 1};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		want_thread[n_want] = t[order[i]];
		want[n_want++] = reply(t[order[i]], alice, "Une réponse.", 0);
		if (i == 4)
			(void)reply(t[1], carol, "La mienne.", 0); /* not notified to carol */
	}
	for (int64_t size = 1; size <= 4; size++) {
		struct paged all = {0};
		int64_t before = INT64_MAX;
		for (;;) {
			struct paged l = {0};
			assert_int_equal(comm_notifications_each(c, carol, before, size, page_reply, &l), ENT_OK);
			assert_true(l.n <= size);
			for (int64_t i = 0; i < l.n; i++) {
				all.posts[all.n] = l.posts[i];
				all.threads[all.n] = l.threads[i];
				memcpy(all.titles[all.n++], l.titles[i], sizeof l.titles[0]);
			}
			if (l.n < size)
				break;
			before = l.posts[l.n - 1] * 2;
		}
		assert_int_equal(all.n, (int64_t)n_want);
		for (size_t i = 0; i < n_want; i++) {
			assert_int_equal(all.posts[i], want[n_want - 1 - i]);
			assert_int_equal(all.threads[i], want_thread[n_want - 1 - i]);
			int k = all.threads[i] == t[0] ? 0 : all.threads[i] == t[1] ? 1 : 2;
			assert_string_equal(all.titles[i], titles[k]);
		}
	}
}

/* A member may follow thousands of threads: the walk reads every follow, but titles only for
 * the threads of the page (they filled a 1 MiB buffer once: 1,400 titles of 200 characters
 * of 4 bytes each). */
struct followed_list {
	int n;
	int64_t threads[COMM_FOLLOWED_MAX];
	char prefix[COMM_FOLLOWED_MAX][8];
};

static void list_followed(const struct comm_followed *f, void *arg)
{
	struct followed_list *l = arg;
	assert_true(l->n < COMM_FOLLOWED_MAX);
	l->threads[l->n] = f->thread;
	snprintf(l->prefix[l->n], sizeof l->prefix[0], "%.6s", f->title);
	l->n++;
}

static void notifications_many_follows(void **state)
{
	(void)state;
	int64_t dora = testdb_account(c, "dora", 5);
	assert_true(dora > 0);
	enum { N = 1400 };
	char title[4 * COMM_TITLE_MAX + 1];
	int64_t threads[N];
	for (int i = 0; i < N; i++) {
		int at = snprintf(title, sizeof title, "%05d ", i);
		for (int k = at; k < COMM_TITLE_MAX; k++)
			at += snprintf(title + at, sizeof title - (size_t)at, "%s", "\xf0\x9d\x94\xb8");
		threads[i] = new_thread(alice, title, "Un début.", NULL);
	}
	/* every followed thread has news: the walk reads all 1,400 follows */
	int64_t last = 0;
	assert_int_equal(store_tx_begin(c), ENT_OK);
	for (int i = 0; i < N; i++) {
		assert_int_equal(comm_follow_add(c, dora, threads[i]), ENT_OK);
		struct comm_new_post p = {.thread_id = threads[i], .body = "Une réponse.",
					  .len = strlen("Une réponse.")};
		struct comm_emergency e = {0};
		assert_int_equal(comm_reply_add(c, alice, "fr", &p, &e), ENT_OK);
		last = p.id;
	}
	assert_int_equal(store_tx_commit(c), ENT_OK);
	struct paged l = {0};
	assert_int_equal(comm_notifications_each(c, dora, INT64_MAX, 20, page_reply, &l), ENT_OK);
	assert_int_equal(l.n, 20);
	assert_int_equal(l.posts[0], last);
	for (int i = 0; i < 20; i++) {
		assert_int_equal(l.threads[i], threads[N - 1 - i]);
		char want[8];
		snprintf(want, sizeof want, "%05d ", N - 1 - i);
		assert_true(strncmp(l.titles[i], want, 6) == 0);
	}
	/* the followed list: the most active first, with their titles, though the walk (in the
	 * follows' order, the newest threads last) kept only the first ~300 KiB of titles */
	struct followed_list f = {0};
	struct comm_notification_page pg = {.followed = list_followed, .arg = &f};
	assert_int_equal(comm_notifications_page(c, dora, INT64_MAX, 20, &pg), ENT_OK);
	assert_int_equal(f.n, COMM_FOLLOWED_MAX);
	for (int i = 0; i < COMM_FOLLOWED_MAX; i++) {
		char want[8];
		snprintf(want, sizeof want, "%05d ", N - 1 - i);
		assert_int_equal(f.threads[i], threads[N - 1 - i]);
		assert_string_equal(f.prefix[i], want);
	}
}

/* The space page's last post time is kept on the thread's row (0110): a reply writes it, and
 * the retention purge, which deletes a thread's oldest posts, recounts it from what is left.
 * Old dates are written by hand (a reply is dated now). */
static const struct store_stmt Q_TEST_POST_AT = {
	"test.post_at", "UPDATE posts SET created_at = ?2 WHERE id = ?1"};
static const struct store_stmt Q_TEST_THREAD_AT = {
	"test.thread_at", "UPDATE threads SET created_at = ?2, last_post_at = ?2 WHERE id = ?1"};

struct listed_at {
	int64_t thread, last_post_id, last_post_at;
};

static void find_listed(const struct comm_thread_item *t, void *arg)
{
	struct listed_at *l = arg;
	if (t->id == l->thread) {
		l->last_post_id = t->last_post_id;
		l->last_post_at = t->last_post_at;
	}
}

static void last_post_time_kept(void **state)
{
	(void)state;
	int64_t first;
	int64_t t = new_thread(alice, "Vieux fil", "Premier message.", &first);
	int64_t r = reply(t, bob, "Une réponse.", 0);
	struct listed_at l = {.thread = t};
	assert_int_equal(comm_space_threads_each(c, space, INT64_MAX, 50, find_listed, &l), ENT_OK);
	assert_int_equal(l.last_post_id, r);
	assert_true(l.last_post_at >= clock_now() - 60); /* the reply's time, written by it */

	int64_t r2 = reply(t, alice, "Une autre.", 0);
	assert_int_equal(store_tx_begin(c), ENT_OK);
	assert_int_equal(store_exec_ints(c, &Q_TEST_THREAD_AT, 2, (int64_t[]){t, 1000}), ENT_OK);
	assert_int_equal(store_exec_ints(c, &Q_TEST_POST_AT, 2, (int64_t[]){first, 1000}), ENT_OK);
	assert_int_equal(store_exec_ints(c, &Q_TEST_POST_AT, 2, (int64_t[]){r, 2000}), ENT_OK);
	assert_int_equal(store_exec_ints(c, &Q_TEST_POST_AT, 2, (int64_t[]){r2, 3000}), ENT_OK);
	assert_int_equal(store_tx_commit(c), ENT_OK);
	/* the purge takes the first two posts; the thread keeps its last one, and its time */
	int64_t posts = 0, threads = 0;
	assert_int_equal(comm_purge_space(c, space, 2500, &posts, &threads), ENT_OK);
	assert_int_equal(posts, 2);
	assert_int_equal(threads, 0);
	l = (struct listed_at){.thread = t};
	assert_int_equal(comm_space_threads_each(c, space, INT64_MAX, 50, find_listed, &l), ENT_OK);
	assert_int_equal(l.last_post_id, r2);
	assert_int_equal(l.last_post_at, 3000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(thread_reply_and_read_marker),
		cmocka_unit_test(edit_and_delete),
		cmocka_unit_test(emergency_and_reports),
		cmocka_unit_test(replies_read_from_follows),
		cmocka_unit_test(notifications_merge_threads),
		cmocka_unit_test(notifications_many_follows),
		cmocka_unit_test(last_post_time_kept),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
