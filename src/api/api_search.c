/*
 * api_search.c - full-text search over the posts of the spaces the reader may see, and over
 * validated articles (the store's full-text search, store_search.h; terms folded and stemmed
 * by comm_terms/comm_query).
 *
 * Posts are ranked by relevance (bm25) with recency (issue 13), keeping keyset pagination and
 * a bounded cost: ranking every match would cost a pass over all of them (a common word
 * matches tens of thousands of posts), so the ranked part is the newest SEARCH_WINDOW matches,
 * each scored -bm25 / (1 + age / 30 days), the age counted from the newest match. Its pages
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

enum ent_err api_search(struct api_req *q)
{
	const char *text = api_query(q, "q");
	if (!text || !*text)
		return api_invalid(q, "q", JSON_REASON_REQUIRED);
	size_t tl = strlen(text);
	if (tl > 200)
		return api_invalid(q, "q", JSON_REASON_LONG);
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (err)
		return err;
	if (limit > SEARCH_MAX)
		limit = SEARCH_MAX;
	const char *cur = api_query(q, "cursor");
	struct store_search_after c = {0};
	if (cur && (api_query(q, "before") || !parse_cursor(cur, &c)))
		return api_invalid(q, "cursor", "malformed");
	struct buf m;
	buf_init(&m, 4096);
	err = comm_query(text, tl, false, &m);
	if (err == ENT_EUTF8)
		err = api_invalid(q, "q", "invalid-utf8");
	if (err) {
		buf_clear(&m);
		return err;
	}
	unsigned roles = comm_roles(q);
	char key[SEARCH_KEY_MAX];
	int kl = snprintf(key, sizeof key, "%u|%lld|%lld|%s|%.*s", roles, (long long)limit,
			  (long long)before, cur ? cur : "", (int)m.len, m.p);
	bool keyed = kl > 0 && (size_t)kl < sizeof key;
	uint64_t gen = comm_search_generation();
	struct buf b;
	buf_init(&b, 1024 * 1024);
	if (keyed && answer_get(key, &b)) {
		buf_clear(&m);
		api_reply(q, 200, &b);
		return ENT_OK;
	}
	bool first = !cur && before == INT64_MAX, ranked = cur != NULL, full = true;
	if (first && m.len) {
		err = window(q, &m, &c, &full);
		ranked = c.top != 0;
	}
	buf_puts(&b, "{\"posts\":[");
	if (!err && m.len && (ranked || !first))
		err = search_posts(q, &m, &c, ranked, full, before, limit, &b);
	else
		buf_puts(&b, "],\"next\":null");
	buf_puts(&b, ",\"articles\":[");
	if (!err && m.len && first) {
		struct api_article_list w = {&b, 0, false};
		err = store_search_articles(q->db, m.p, m.len, clock_now(), api_article_hit, &w);
	}
	buf_puts(&b, "]}");
	buf_clear(&m);
	if (err) {
		buf_clear(&b);
		return err;
	}
	if (keyed)
		answer_put(key, gen, &b);
	api_reply(q, 200, &b);
	return ENT_OK;
}
