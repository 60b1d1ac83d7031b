/*
 * api_thread.c - the thread page, GET /api/v1/threads/{id} (issues 5 and 13): the posts with
 * their labels (R5), reactions and quotes, the audience, the related validated articles, and
 * for a member their own part (follow state, read marker, reactions given).
 *
 * The page is built in two parts. The shared part is the same for every caller with the same
 * roles and language: it is written as JSON straight into a buffer and kept in a small cache,
 * with, for each post that has an author, where its "mine" flag is and the Markdown its author
 * gets for editing ("splices"). A request copies the shared part, turns on "mine" and adds the
 * Markdown for the caller's own posts, then appends "me" (two indexed reads). Reading writes
 * nothing: the page posts what was seen (api_read.c).
 *
 * Invalidation: every community write bumps a global generation after its commit
 * (comm_changed); replies and reactions bump only their thread's (comm_thread_changed). An
 * entry also expires after PAGE_TTL seconds, which bounds staleness from writes this process
 * does not see (an account deleted by another subsystem, another application node).
 * Not responsible for: who may read a space (policy_space.h), writing posts (api_space.c).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "core/clock.h"

#define TESTIMONY_FR "témoignage — ne remplace pas un avis médical"
#define TESTIMONY_EN "testimony — not a substitute for medical advice"
#define VALIDATED_FR "information validée"
#define VALIDATED_EN "validated information"

/* The cache: PAGE_SLOTS entries (hashed, one per slot), each at most PAGE_MAX_BYTES of JSON
 * and Markdown, PAGE_BUDGET bytes in all (a 50-post page is about 25 KB + 12 KB). */
#define PAGE_SLOTS 128
#define PAGE_TTL 10
#define PAGE_MAX_BYTES (192 * 1024)
#define PAGE_BUDGET (4 * 1024 * 1024)
#define THREAD_GENS 1024

struct splice {
	int64_t author;
	size_t mine_at;            /* offset of the "false" after "mine": */
	size_t body_at;            /* where the author's ,"body":... goes; 0 when deleted */
	size_t body_off, body_len; /* its JSON text in page.bodies */
};

struct page {
	int64_t thread, after, limit, at;
	int lang;
	unsigned roles;
	uint64_t gen, tgen;
	struct comm_space s;
	int64_t first, last;  /* post ids on the page (0: none) */
	struct buf json;      /* the shared part, without its closing brace */
	struct buf bodies;    /* the authors' Markdown, as JSON strings */
	struct splice *sp;
	size_t n_sp, cap_sp;
};

static struct page *pages[PAGE_SLOTS];
static size_t cached_bytes;
static pthread_mutex_t pages_mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_uint_fast64_t generation = 1;
static atomic_uint_fast64_t thread_gens[THREAD_GENS];
static atomic_uint_fast64_t any_change = 1;

void comm_changed(void)
{
	atomic_fetch_add(&generation, 1);
	atomic_fetch_add(&any_change, 1);
}

void comm_thread_changed(int64_t thread_id)
{
	atomic_fetch_add(&thread_gens[(uint64_t)thread_id % THREAD_GENS], 1);
	atomic_fetch_add(&any_change, 1);
}

uint64_t comm_search_generation(void)
{
	return atomic_load(&any_change);
}

static uint64_t thread_gen(int64_t thread_id)
{
	return atomic_load(&thread_gens[(uint64_t)thread_id % THREAD_GENS]);
}

static size_t page_bytes(const struct page *p)
{
	return p->json.len + p->bodies.len + p->n_sp * sizeof *p->sp;
}

static void page_free(struct page *p)
{
	if (!p)
		return;
	buf_clear(&p->json);
	buf_clear(&p->bodies);
	free(p->sp);
	free(p);
}

static size_t slot_of(int64_t thread, int64_t after, int64_t limit, int lang, unsigned roles)
{
	uint64_t h = (uint64_t)thread * 0x9E3779B97F4A7C15u ^ (uint64_t)after * 31u ^
		     (uint64_t)limit * 7u ^ (uint64_t)lang ^ (uint64_t)roles << 17;
	return (size_t)(h % PAGE_SLOTS);
}

/* --- the per-request part --- */

/* One statement (one read transaction: each costs file locks): the follow row first, then
 * the reactions given on the page's posts. */
static const struct store_stmt Q_ME = {
	"comm.me",
	"SELECT 0, last_read_id, '' FROM follows WHERE account_id = ?1 AND thread_id = ?4 "
	"UNION ALL SELECT 1, r.post_id, r.kind FROM reactions r JOIN posts p ON p.id = r.post_id "
	"WHERE r.account_id = ?1 AND r.post_id >= ?2 AND r.post_id <= ?3 AND p.thread_id = ?4"};

/* Copies the shared part into out with the caller's own posts marked (account 0: nobody). */
static void render_shared(const struct page *p, int64_t account, struct buf *out)
{
	size_t pos = 0;
	for (size_t i = 0; account && i < p->n_sp; i++) {
		const struct splice *s = &p->sp[i];
		if (s->author != account)
			continue;
		buf_append(out, p->json.p + pos, s->mine_at - pos);
		buf_puts(out, "true");
		pos = s->mine_at + 5; /* "false" */
		if (s->body_at) {
			buf_append(out, p->json.p + pos, s->body_at - pos);
			buf_puts(out, ",\"body\":");
			buf_append(out, p->bodies.p + s->body_off, s->body_len);
			pos = s->body_at;
		}
	}
	buf_append(out, p->json.p + pos, p->json.len - pos);
}

/* ,"me":{...}: the member's follow state and read marker, and the reactions they gave to the
 * posts of this page (at most 3 per post), grouped by post. */
static enum ent_err write_me(struct api_req *q, int64_t thread, int64_t first, int64_t last,
			     struct buf *b)
{
	struct store_q *st;
	bool row = false, following = false;
	int64_t last_read = 0;
	struct given {
		int64_t post;
		char kinds[40];
	} given[API_PAGE_MAX];
	size_t n = 0;
	enum ent_err err = store_q_open(q->db, &Q_ME, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_int(st, 2, first ? first : 1);
	store_q_bind_int(st, 3, last);
	store_q_bind_int(st, 4, thread);
	while (!(err = store_q_step(st, &row)) && row) {
		if (store_q_int(st, 0) == 0) {
			following = true;
			last_read = store_q_int(st, 1);
			continue;
		}
		int64_t post = store_q_int(st, 1);
		size_t i = 0;
		while (i < n && given[i].post != post)
			i++;
		if (i == n) {
			if (n == API_PAGE_MAX)
				continue;
			given[n].post = post;
			given[n++].kinds[0] = '\0';
		}
		const char *k = store_q_text(st, 2, NULL);
		size_t used = strlen(given[i].kinds);
		snprintf(given[i].kinds + used, sizeof given[i].kinds - used, "%s\"%s\"", used ? "," : "",
			 k);
	}
	store_q_close(st);
	buf_printf(b, ",\"me\":{\"following\":%s,\"last_read\":%lld,\"reactions\":{",
		   following ? "true" : "false", (long long)last_read);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s\"%lld\":[%s]", i ? "," : "", (long long)given[i].post, given[i].kinds);
	buf_puts(b, "}}");
	return err;
}

/* --- the shared part --- */

static const struct store_stmt Q_THREAD_POSTS = {
	"comm.thread_posts",
	"SELECT p.id, a.handle, p.html, p.label, p.created_at, p.edited_at, p.deleted_at, "
	"p.hidden_at, p.author_id, "
	"(SELECT count(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'soutien'), "
	"(SELECT count(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'merci'), "
	"(SELECT count(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = 'utile'), "
	"p.quote_id, qa.handle, substr(qp.body, 1, 280), qp.deleted_at IS NULL AND qp.hidden_at IS NULL, "
	"p.body "
	"FROM posts p LEFT JOIN accounts a ON a.id = p.author_id "
	"LEFT JOIN posts qp ON qp.id = p.quote_id LEFT JOIN accounts qa ON qa.id = qp.author_id "
	"WHERE p.thread_id = ?1 AND p.id > ?2 AND (p.hidden_at IS NULL OR ?4) "
	"ORDER BY p.id LIMIT ?3"};
static const struct store_stmt Q_THREAD_COUNT = {
	"comm.thread_count", "SELECT n_posts FROM threads WHERE id = ?1"};
static const struct store_stmt Q_RELATED = {
	"comm.related",
	"SELECT a.id, a.title, i.slug, i.name, a.reviewed FROM articles_fts f "
	"JOIN articles a ON a.id = f.rowid JOIN institutions i ON i.id = a.institution_id "
	"WHERE articles_fts MATCH ?1 ORDER BY f.rank LIMIT 3"};

static void handle_or_null(struct buf *b, struct store_q *st, int col)
{
	if (store_q_is_null(st, col))
		buf_puts(b, "null");
	else
		buf_json_cstr(b, store_q_text(st, col, NULL));
}

static enum ent_err add_splice(struct page *pg, const struct splice *s)
{
	if (pg->n_sp == pg->cap_sp) {
		size_t cap = pg->cap_sp ? 2 * pg->cap_sp : 64;
		struct splice *n = realloc(pg->sp, cap * sizeof *n);
		if (!n)
			return ENT_ENOMEM;
		pg->sp = n;
		pg->cap_sp = cap;
	}
	pg->sp[pg->n_sp++] = *s;
	return ENT_OK;
}

static enum ent_err write_post(struct page *pg, struct store_q *st)
{
	struct buf *b = &pg->json;
	bool deleted = !store_q_is_null(st, 6), hidden = !store_q_is_null(st, 7);
	char c[24];
	clock_iso(store_q_int(st, 4), c);
	buf_printf(b, "{\"id\":%lld,\"author\":", (long long)store_q_int(st, 0));
	handle_or_null(b, st, 1);
	buf_puts(b, ",\"label\":");
	buf_json_cstr(b, store_q_text(st, 3, NULL));
	buf_printf(b, ",\"created_at\":\"%s\",\"edited\":%s,\"deleted\":%s,\"hidden\":%s,\"mine\":",
		   c, store_q_is_null(st, 5) ? "false" : "true", deleted ? "true" : "false",
		   hidden ? "true" : "false");
	struct splice s = {.author = store_q_is_null(st, 8) ? 0 : store_q_int(st, 8), .mine_at = b->len};
	buf_puts(b, "false");
	if (!deleted) {
		buf_puts(b, ",\"html\":");
		buf_json_cstr(b, store_q_text(st, 2, NULL));
		if (s.author) { /* the Markdown, for its author to edit */
			s.body_at = b->len;
			s.body_off = pg->bodies.len;
			buf_json_cstr(&pg->bodies, store_q_text(st, 16, NULL));
			s.body_len = pg->bodies.len - s.body_off;
		}
	}
	buf_printf(b, ",\"reactions\":{\"soutien\":%lld,\"merci\":%lld,\"utile\":%lld}",
		   (long long)store_q_int(st, 9), (long long)store_q_int(st, 10),
		   (long long)store_q_int(st, 11));
	if (!store_q_is_null(st, 12)) {
		buf_printf(b, ",\"quote\":{\"id\":%lld,\"author\":", (long long)store_q_int(st, 12));
		handle_or_null(b, st, 13);
		buf_puts(b, ",\"excerpt\":");
		if (store_q_int(st, 15))
			buf_json_cstr(b, store_q_text(st, 14, NULL));
		else
			buf_puts(b, "null");
		buf_putc(b, '}');
	}
	buf_putc(b, '}');
	return s.author ? add_splice(pg, &s) : ENT_OK;
}

static enum ent_err write_related(struct api_req *q, struct buf *b, const char *title)
{
	struct buf m;
	buf_init(&m, 4096);
	enum ent_err err = comm_query(title, strlen(title), true, &m);
	buf_puts(b, ",\"related\":[");
	if (!err && m.len) {
		struct store_q *st;
		bool row;
		int n = 0;
		err = store_q_open(q->db, &Q_RELATED, &st);
		if (!err) {
			store_q_bind_text(st, 1, m.p, m.len);
			while (!(err = store_q_step(st, &row)) && row) {
				buf_printf(b, "%s{\"id\":%lld,\"title\":", n++ ? "," : "",
					   (long long)store_q_int(st, 0));
				buf_json_cstr(b, store_q_text(st, 1, NULL));
				buf_puts(b, ",\"institution\":{\"slug\":");
				buf_json_cstr(b, store_q_text(st, 2, NULL));
				buf_puts(b, ",\"name\":");
				buf_json_cstr(b, store_q_text(st, 3, NULL));
				buf_puts(b, "},\"reviewed\":");
				buf_json_cstr(b, store_q_text(st, 4, NULL));
				buf_puts(b, ",\"label\":\"validated\"}");
			}
			store_q_close(st);
		}
	}
	buf_putc(b, ']');
	buf_clear(&m);
	return err;
}

/* Builds the shared part of the page for the caller's roles and language. */
static enum ent_err build(struct api_req *q, struct page *pg, const char *title)
{
	unsigned roles = pg->roles;
	bool mod = (roles & ROLE_MODERATOR) != 0;
	struct buf *b = &pg->json;
	const struct comm_space *s = &pg->s;
	buf_init(b, 4 * 1024 * 1024);
	buf_init(&pg->bodies, 4 * 1024 * 1024);
	buf_printf(b, "{\"id\":%lld,\"title\":", (long long)pg->thread);
	buf_json_cstr(b, title);
	buf_puts(b, ",\"space\":{\"slug\":");
	buf_json_cstr(b, s->slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, s->name);
	buf_printf(b, ",\"visibility\":\"%s\",\"indexed\":%s},\"can_write\":%s,",
		   policy_space_visibility_name(s->visibility),
		   s->visibility == SPACE_PUBLIC && s->indexable ? "true" : "false",
		   policy_space_can_write(s->visibility, roles) ? "true" : "false");
	comm_audience_json(b, s);
	bool en = pg->lang == HTTP_LANG_EN;
	buf_puts(b, ",\"labels\":{\"testimony\":");
	buf_json_cstr(b, en ? TESTIMONY_EN : TESTIMONY_FR);
	buf_puts(b, ",\"validated\":");
	buf_json_cstr(b, en ? VALIDATED_EN : VALIDATED_FR);
	buf_putc(b, '}');
	struct store_q *st;
	bool row;
	enum ent_err err = store_q_open(q->db, &Q_THREAD_COUNT, &st);
	if (!err) {
		store_q_bind_int(st, 1, pg->thread);
		err = store_q_step(st, &row);
		buf_printf(b, ",\"n_posts\":%lld", (long long)(!err && row ? store_q_int(st, 0) : 0));
		store_q_close(st);
	}
	if (!err)
		err = store_q_open(q->db, &Q_THREAD_POSTS, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, pg->thread);
	store_q_bind_int(st, 2, pg->after);
	store_q_bind_int(st, 3, pg->limit);
	store_q_bind_int(st, 4, mod);
	buf_puts(b, ",\"posts\":[");
	int64_t n = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		if (n++)
			buf_putc(b, ',');
		pg->last = store_q_int(st, 0);
		if (!pg->first)
			pg->first = pg->last;
		err = write_post(pg, st);
		if (err)
			break;
	}
	store_q_close(st);
	if (err)
		return err;
	buf_puts(b, "],\"next\":");
	if (n == pg->limit)
		buf_printf(b, "%lld", (long long)pg->last);
	else
		buf_puts(b, "null");
	if (pg->after == 0)
		err = write_related(q, b, title);
	if (!err)
		err = buf_err(b);
	return err ? err : buf_err(&pg->bodies);
}

/* Renders a fresh cached page for this caller into out; false when there is none. */
static bool page_get(int64_t thread, int64_t after, int64_t limit, int lang, unsigned roles,
		     int64_t account, struct buf *out, struct comm_space *s, int64_t *first,
		     int64_t *last)
{
	size_t i = slot_of(thread, after, limit, lang, roles);
	bool hit = false;
	pthread_mutex_lock(&pages_mu);
	const struct page *p = pages[i];
	if (p && p->thread == thread && p->after == after && p->limit == limit && p->lang == lang &&
	    p->roles == roles && p->gen == atomic_load(&generation) && p->tgen == thread_gen(thread) &&
	    clock_now() - p->at < PAGE_TTL) {
		render_shared(p, account, out);
		*s = p->s;
		*first = p->first;
		*last = p->last;
		hit = buf_err(out) == ENT_OK;
	}
	pthread_mutex_unlock(&pages_mu);
	return hit;
}

/* Keeps pg (taken) in the cache, or frees it when it does not fit. */
static void page_put(struct page *pg)
{
	size_t n = page_bytes(pg);
	size_t i = slot_of(pg->thread, pg->after, pg->limit, pg->lang, pg->roles);
	struct page *old = NULL;
	pthread_mutex_lock(&pages_mu);
	size_t after_put = cached_bytes - (pages[i] ? page_bytes(pages[i]) : 0) + n;
	if (n <= PAGE_MAX_BYTES && after_put <= PAGE_BUDGET) {
		old = pages[i];
		pages[i] = pg;
		cached_bytes = after_put;
		pg = NULL;
	}
	pthread_mutex_unlock(&pages_mu);
	page_free(old);
	page_free(pg);
}

enum ent_err api_thread_get(struct api_req *q)
{
	int64_t id, after, limit;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = api_query_int(q, "after", 0, INT64_MAX, &after);
	if (!err)
		err = api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, &limit);
	if (err)
		return err;
	unsigned roles = comm_roles(q);
	int64_t account = q->has_session ? q->s.account.id : 0, first = 0, last = 0;
	struct comm_space s;
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	/* A cached page was built for these roles, so the caller may read its space. */
	if (!page_get(id, after, limit, (int)q->lang, roles, account, &b, &s, &first, &last)) {
		buf_clear(&b);
		buf_init(&b, 4 * 1024 * 1024);
		char title[COMM_TITLE_MAX * 4 + 8];
		struct page *pg = calloc(1, sizeof *pg);
		if (!pg)
			return ENT_ENOMEM;
		*pg = (struct page){.thread = id, .after = after, .limit = limit, .at = clock_now(),
				    .lang = (int)q->lang, .roles = roles,
				    .gen = atomic_load(&generation), .tgen = thread_gen(id)};
		err = comm_space_of_thread(q, id, &pg->s, title, sizeof title);
		if (!err)
			err = build(q, pg, title);
		if (err) {
			page_free(pg);
			return err;
		}
		render_shared(pg, account, &b);
		s = pg->s;
		first = pg->first;
		last = pg->last;
		page_put(pg);
	}
	if (q->has_session)
		err = write_me(q, id, first, last, &b);
	buf_putc(&b, '}');
	if (!err)
		err = buf_err(&b);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	bool indexed = s.visibility == SPACE_PUBLIC && s.indexable;
	return indexed ? ENT_OK : http_add_header(q->http, "X-Robots-Tag", "noindex");
}
