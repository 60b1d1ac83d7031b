/*
 * api_search.c - full-text search over the posts of the spaces the reader may see, and over
 * validated articles (the store's full-text search, store_search.h; terms folded and stemmed
 * by comm_terms/comm_query).
 *
 * Posts are ranked by relevance with recency (issue 13), keeping keyset pagination and
 * a bounded cost: ranking every match would cost a pass over all of them (a common word
 * matches tens of thousands of posts), so the ranked part is the newest SEARCH_WINDOW matches,
 * each scored relevance / (1 + age / 30 days), the age counted from the newest match. Its pages
 * follow an opaque cursor "TOP_MIN_SCORE_ID" (the window's bounds, then the last row's score
 * in billionths and id), so new posts do not shift the pages being read. When the window is
 * exhausted, older matches follow newest first by `before=<post id>`, as before. Articles, few,
 * come by relevance with recency too. Hidden and deleted posts are never found.
 *
 * Answers are kept in a small cache (SEARCH_SLOTS, keyed by the folded query, the caller's
 * roles and the page asked for) until any community write (comm_search_generation) or
 * SEARCH_TTL seconds: a popular query costs one ranking per change, not one per reader.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "core/clock.h"
#include "store/store_search.h"

#define SEARCH_MAX 20
#define SEARCH_WINDOW 500
#define SEARCH_SLOTS 64
#define SEARCH_TTL 10
#define SEARCH_KEY_MAX 512
#define SEARCH_ANSWER_MAX (64 * 1024)

struct answer {
	char key[SEARCH_KEY_MAX];
	uint64_t gen;
	int64_t at;
	char *json;
	size_t len;
};

static struct answer answers[SEARCH_SLOTS];
static pthread_mutex_t answers_mu = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a: which slot a key goes to. */
static size_t answer_slot(const char *key)
{
	uint64_t h = 1469598103934665603u;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211u;
	return (size_t)(h % SEARCH_SLOTS);
}

static bool answer_get(const char *key, struct buf *b)
{
	struct answer *a = &answers[answer_slot(key)];
	bool hit = false;
	pthread_mutex_lock(&answers_mu);
	if (a->json && !strcmp(a->key, key) && a->gen == comm_search_generation() &&
	    clock_now() - a->at < SEARCH_TTL) {
		buf_append(b, a->json, a->len);
		hit = buf_err(b) == ENT_OK;
	}
	pthread_mutex_unlock(&answers_mu);
	return hit;
}

static void answer_put(const char *key, uint64_t gen, const struct buf *b)
{
	if (b->len > SEARCH_ANSWER_MAX || buf_err(b))
		return;
	char *copy = malloc(b->len);
	if (!copy)
		return;
	memcpy(copy, b->p, b->len);
	struct answer *a = &answers[answer_slot(key)];
	pthread_mutex_lock(&answers_mu);
	free(a->json);
	snprintf(a->key, sizeof a->key, "%s", key);
	a->gen = gen;
	a->at = clock_now();
	a->json = copy;
	a->len = b->len;
	pthread_mutex_unlock(&answers_mu);
}

static bool parse_cursor(const char *s, struct store_search_after *c)
{
	int64_t v[4];
	for (int i = 0; i < 4; i++) {
		char *end;
		errno = 0;
		long long x = strtoll(s, &end, 10);
		if (errno || end == s || (i < 3 ? *end != '_' : *end != '\0'))
			return false;
		v[i] = x;
		s = end + 1;
	}
	*c = (struct store_search_after){v[0], v[1], v[2], v[3]};
	return c->top > 0 && c->min > 0 && c->min <= c->top && c->id > 0;
}

/* What the hits of a page write, and where the page ends. */
struct hits {
	struct buf *b;
	int64_t n, last, score;
};

static enum ent_err write_hit(void *arg, const struct store_search_post *h)
{
	struct hits *w = arg;
	struct buf *b = w->b;
	buf_printf(b, "%s{\"post\":%lld,\"thread\":{\"id\":%lld,\"title\":", w->n++ ? "," : "",
		   (long long)h->post, (long long)h->thread);
	buf_json_cstr(b, h->title);
	buf_puts(b, "},\"space\":{\"slug\":");
	buf_json_cstr(b, h->space_slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, h->space_name);
	buf_puts(b, "},\"excerpt\":");
	buf_json_cstr(b, h->excerpt);
	buf_puts(b, ",\"label\":\"testimony\"}");
	w->last = h->post;
	w->score = h->score;
	return ENT_OK;
}

/* The window of the first page: its newest and oldest matches; full when it holds
 * SEARCH_WINDOW matches (older ones exist beyond it). */
static enum ent_err window(struct api_req *q, const struct buf *m, struct store_search_after *c, bool *full)
{
	struct store_search_window w;
	enum ent_err err = store_search_posts_window(q->db, m->p, m->len, SEARCH_WINDOW, &w);
	if (!err && w.top) {
		*c = (struct store_search_after){w.top, w.min, INT64_MAX, INT64_MAX};
		*full = w.count == SEARCH_WINDOW;
	}
	return err;
}

/* Posts: ranked inside the window (cursor c), then by recency before `before`. Writes the
 * hits and "next". */
static enum ent_err search_posts(struct api_req *q, const struct buf *m, struct store_search_after *c,
				 bool ranked, bool full, int64_t before, int64_t limit, struct buf *b)
{
	unsigned roles = comm_roles(q);
	struct store_search_scope scope = {policy_space_can_read(SPACE_MEMBERS, roles),
					   policy_space_can_read(SPACE_PROFESSIONALS, roles)};
	struct hits w = {.b = b};
	enum ent_err err =
		ranked ? store_search_posts_ranked(q->db, m->p, m->len, scope, c, limit, write_hit, &w)
		       : store_search_posts_recent(q->db, m->p, m->len, scope, before, limit, write_hit, &w);
	buf_puts(b, "],\"next\":");
	if (ranked && w.n == limit)
		buf_printf(b, "\"%lld_%lld_%lld_%lld\"", (long long)c->top, (long long)c->min,
			   (long long)w.score, (long long)w.last);
	else if (ranked && full) /* the window is read: older matches follow by recency */
		buf_printf(b, "%lld", (long long)c->min);
	else if (!ranked && w.n == limit)
		buf_printf(b, "%lld", (long long)w.last);
	else
		buf_puts(b, "null");
	return err;
}

/* What a search asks, from the query string. */
struct ask {
	const char *text, *cursor; /* cursor: NULL on a first or a `before` page */
	size_t len;
	int64_t before, limit;
	struct store_search_after c; /* the cursor, parsed */
};

static enum ent_err parse_ask(struct api_req *q, struct ask *a)
{
	*a = (struct ask){.text = api_query(q, "q")};
	if (!a->text || !*a->text)
		return api_invalid(q, "q", JSON_REASON_REQUIRED);
	a->len = strlen(a->text);
	if (a->len > 200)
		return api_invalid(q, "q", JSON_REASON_LONG);
	enum ent_err err = api_page(q, "before", &a->before, &a->limit);
	if (err)
		return err;
	if (a->limit > SEARCH_MAX)
		a->limit = SEARCH_MAX;
	a->cursor = api_query(q, "cursor");
	if (a->cursor && (api_query(q, "before") || !parse_cursor(a->cursor, &a->c)))
		return api_invalid(q, "cursor", "malformed");
	return ENT_OK;
}

/* The answers' cache key: the caller's roles, the page asked for and the folded query m;
 * false when it does not fit (the answer is then not kept). */
static bool answer_key(struct api_req *q, const struct ask *a, const struct buf *m,
		       char key[SEARCH_KEY_MAX])
{
	int kl = snprintf(key, SEARCH_KEY_MAX, "%u|%lld|%lld|%s|%.*s", comm_roles(q),
			  (long long)a->limit, (long long)a->before, a->cursor ? a->cursor : "",
			  (int)m->len, m->p);
	return kl > 0 && kl < SEARCH_KEY_MAX;
}

/* Writes the whole answer for the folded query m: the posts' page and its "next", then, on a
 * first page, the articles. */
static enum ent_err write_answer(struct api_req *q, const struct buf *m, struct ask *a,
				 struct buf *b)
{
	enum ent_err err = ENT_OK;
	bool first = !a->cursor && a->before == INT64_MAX, ranked = a->cursor != NULL, full = true;
	if (first && m->len) {
		err = window(q, m, &a->c, &full);
		ranked = a->c.top != 0;
	}
	buf_puts(b, "{\"posts\":[");
	if (!err && m->len && (ranked || !first))
		err = search_posts(q, m, &a->c, ranked, full, a->before, a->limit, b);
	else
		buf_puts(b, "],\"next\":null");
	buf_puts(b, ",\"articles\":[");
	if (!err && m->len && first) {
		struct api_article_list w = {b, 0, false};
		err = store_search_articles(q->db, m->p, m->len, clock_now(), api_article_hit, &w);
	}
	buf_puts(b, "]}");
	return err;
}

enum ent_err api_search(struct api_req *q)
{
	struct ask a;
	enum ent_err err = parse_ask(q, &a);
	if (err)
		return err;
	struct buf m, b;
	buf_init(&m, 4096);
	buf_init(&b, 1024 * 1024);
	err = comm_query(a.text, a.len, false, &m);
	if (err == ENT_EUTF8)
		err = api_invalid(q, "q", "invalid-utf8");
	char key[SEARCH_KEY_MAX];
	bool keyed = !err && answer_key(q, &a, &m, key);
	uint64_t gen = comm_search_generation();
	if (!err && !(keyed && answer_get(key, &b))) {
		err = write_answer(q, &m, &a, &b);
		if (!err && keyed)
			answer_put(key, gen, &b);
	}
	buf_clear(&m);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}
