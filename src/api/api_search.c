/*
 * api_search.c - full-text search over the posts of the spaces the reader may see, and over
 * validated articles (FTS5; terms folded and stemmed by comm_terms/comm_query).
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

#define POST_COLS "p.id, t.id, t.title, s.slug, s.name, substr(p.body, 1, 240)"
#define VISIBLE                                                                                    \
	"p.hidden_at IS NULL AND p.deleted_at IS NULL AND (s.visibility = 'public' OR (?2 AND "    \
	"s.visibility = 'members') OR (?3 AND s.visibility = 'professionals'))"

/* The window: newest match, oldest match and how many, among the newest SEARCH_WINDOW. */
static const struct store_stmt Q_SEARCH_WINDOW = {
	"comm.search_window",
	"SELECT max(id), min(id), count(*) FROM (SELECT rowid AS id FROM posts_fts "
	"WHERE posts_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)"};
static const struct store_stmt Q_SEARCH_RANKED = {
	"comm.search_ranked",
	"SELECT id, tid, title, slug, name, excerpt, score FROM (SELECT p.id AS id, t.id AS tid, "
	"t.title AS title, s.slug AS slug, s.name AS name, substr(p.body, 1, 240) AS excerpt, "
	"CAST(1e9 * -w.b / (1.0 + max(0, (SELECT created_at FROM posts WHERE id = ?5) - p.created_at) "
	"/ 2592000.0) AS INTEGER) AS score "
	"FROM (SELECT f.rowid AS id, bm25(posts_fts) AS b FROM posts_fts f WHERE posts_fts MATCH ?1 "
	"AND f.rowid <= ?5 AND f.rowid >= ?6) w JOIN posts p ON p.id = w.id "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id WHERE " VISIBLE ") r "
	"WHERE score < ?7 OR (score = ?7 AND id < ?8) ORDER BY score DESC, id DESC LIMIT ?4"};
static const struct store_stmt Q_SEARCH_POSTS = {
	"comm.search_posts",
	"SELECT " POST_COLS " FROM posts_fts f JOIN posts p ON p.id = f.rowid "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id "
	"WHERE posts_fts MATCH ?1 AND f.rowid < ?5 AND " VISIBLE " ORDER BY f.rowid DESC LIMIT ?4"};
static const struct store_stmt Q_SEARCH_ARTICLES = {
	"comm.search_articles",
	"SELECT a.id, a.title, i.slug, i.name FROM articles_fts f JOIN articles a ON a.id = f.rowid "
	"JOIN institutions i ON i.id = a.institution_id WHERE articles_fts MATCH ?1 "
	"ORDER BY bm25(articles_fts) / (1.0 + max(0, ?2 - a.created_at) / 31536000.0), a.id DESC "
	"LIMIT 5"};

struct cursor {
	int64_t top, min, score, id;
};

static bool parse_cursor(const char *s, struct cursor *c)
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
	*c = (struct cursor){v[0], v[1], v[2], v[3]};
	return c->top > 0 && c->min > 0 && c->min <= c->top && c->id > 0;
}

static void write_hit(struct buf *b, struct store_q *st, bool first)
{
	buf_printf(b, "%s{\"post\":%lld,\"thread\":{\"id\":%lld,\"title\":", first ? "" : ",",
		   (long long)store_q_int(st, 0), (long long)store_q_int(st, 1));
	buf_json_cstr(b, store_q_text(st, 2, NULL));
	buf_puts(b, "},\"space\":{\"slug\":");
	buf_json_cstr(b, store_q_text(st, 3, NULL));
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, store_q_text(st, 4, NULL));
	buf_puts(b, "},\"excerpt\":");
	buf_json_cstr(b, store_q_text(st, 5, NULL));
	buf_puts(b, ",\"label\":\"testimony\"}");
}

/* The window of the first page: its newest and oldest matches; full when it holds
 * SEARCH_WINDOW matches (older ones exist beyond it). */
static enum ent_err window(struct api_req *q, const struct buf *m, struct cursor *c, bool *full)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(q->db, &Q_SEARCH_WINDOW, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, m->p, m->len);
	store_q_bind_int(st, 2, SEARCH_WINDOW);
	err = store_q_step(st, &row);
	if (!err && row && !store_q_is_null(st, 0)) {
		*c = (struct cursor){store_q_int(st, 0), store_q_int(st, 1), INT64_MAX, INT64_MAX};
		*full = store_q_int(st, 2) == SEARCH_WINDOW;
	}
	store_q_close(st);
	return err;
}

/* Posts: ranked inside the window (cursor c), then by recency before `before`. Writes the
 * hits and "next". */
static enum ent_err search_posts(struct api_req *q, const struct buf *m, struct cursor *c,
				 bool ranked, bool full, int64_t before, int64_t limit, struct buf *b)
{
	unsigned roles = comm_roles(q);
	struct store_q *st;
	bool row;
	int64_t n = 0, last = 0, score = 0;
	enum ent_err err = store_q_open(q->db, ranked ? &Q_SEARCH_RANKED : &Q_SEARCH_POSTS, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, m->p, m->len);
	store_q_bind_int(st, 2, policy_space_can_read(SPACE_MEMBERS, roles));
	store_q_bind_int(st, 3, policy_space_can_read(SPACE_PROFESSIONALS, roles));
	store_q_bind_int(st, 4, limit);
	store_q_bind_int(st, 5, ranked ? c->top : before);
	if (ranked) {
		store_q_bind_int(st, 6, c->min);
		store_q_bind_int(st, 7, c->score);
		store_q_bind_int(st, 8, c->id);
	}
	while (!(err = store_q_step(st, &row)) && row) {
		write_hit(b, st, n++ == 0);
		last = store_q_int(st, 0);
		if (ranked)
			score = store_q_int(st, 6);
	}
	store_q_close(st);
	buf_puts(b, "],\"next\":");
	if (ranked && n == limit)
		buf_printf(b, "\"%lld_%lld_%lld_%lld\"", (long long)c->top, (long long)c->min,
			   (long long)score, (long long)last);
	else if (ranked && full) /* the window is read: older matches follow by recency */
		buf_printf(b, "%lld", (long long)c->min);
	else if (!ranked && n == limit)
		buf_printf(b, "%lld", (long long)last);
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
	struct cursor c = {0};
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
	struct store_q *st;
	bool row;
	int64_t n = 0;
	if (!err && m.len && first) {
		err = store_q_open(q->db, &Q_SEARCH_ARTICLES, &st);
		if (!err) {
			store_q_bind_text(st, 1, m.p, m.len);
			store_q_bind_int(st, 2, clock_now());
			while (!(err = store_q_step(st, &row)) && row) {
				buf_printf(&b, "%s{\"id\":%lld,\"title\":", n++ ? "," : "",
					   (long long)store_q_int(st, 0));
				buf_json_cstr(&b, store_q_text(st, 1, NULL));
				buf_puts(&b, ",\"institution\":{\"slug\":");
				buf_json_cstr(&b, store_q_text(st, 2, NULL));
				buf_puts(&b, ",\"name\":");
				buf_json_cstr(&b, store_q_text(st, 3, NULL));
				buf_puts(&b, "},\"label\":\"validated\"}");
			}
			store_q_close(st);
		}
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
