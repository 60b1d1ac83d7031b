/* api_thread_cache.c - the thread page's render cache and the community generations; see
 * api_thread_cache.h. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_thread_cache.h"
#include "core/clock.h"

/* PAGE_SLOTS entries (hashed, one per slot), each at most PAGE_MAX_BYTES of JSON and
 * Markdown, PAGE_BUDGET bytes in all (a 50-post page is about 25 KB + 12 KB: about 40 full
 * pages, the hot threads'). 4 MiB held 3 MB more at peak under bench/members' mixed load,
 * where members read their own followed threads (31.9 -> 28.0-29.0 MB, issue 13), for a hit
 * rate that only helps pages read by many members at once; 2 MiB about 0.6 MB more than
 * 1.5 MiB, with the same server CPU per request. */
#define PAGE_SLOTS 128
#define PAGE_MAX_BYTES (192 * 1024)
#define PAGE_BUDGET (1536 * 1024)
#define THREAD_GENS 1024

static struct api_thread_page *pages[PAGE_SLOTS];
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

static size_t page_bytes(const struct api_thread_page *p)
{
	return p->json.len + p->bodies.len + p->n_sp * sizeof *p->sp;
}

struct api_thread_page *api_thread_page_new(const struct api_thread_key *k)
{
	struct api_thread_page *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->k = *k;
	p->at = clock_now();
	p->gen = atomic_load(&generation);
	p->tgen = thread_gen(k->thread);
	return p;
}

void api_thread_page_free(struct api_thread_page *p)
{
	if (!p)
		return;
	buf_clear(&p->json);
	buf_clear(&p->bodies);
	free(p->sp);
	free(p);
}

enum ent_err api_thread_page_splice(struct api_thread_page *p, const struct api_thread_splice *s)
{
	if (p->n_sp == p->cap_sp) {
		size_t cap = p->cap_sp ? 2 * p->cap_sp : 64;
		struct api_thread_splice *n = realloc(p->sp, cap * sizeof *n);
		if (!n)
			return ENT_ENOMEM;
		p->sp = n;
		p->cap_sp = cap;
	}
	p->sp[p->n_sp++] = *s;
	return ENT_OK;
}

static size_t slot_of(const struct api_thread_key *k)
{
	uint64_t h = (uint64_t)k->thread * 0x9E3779B97F4A7C15u ^ (uint64_t)k->after * 31u ^
		     (uint64_t)k->limit * 7u ^ (uint64_t)k->lang ^ (uint64_t)k->roles << 17;
	return (size_t)(h % PAGE_SLOTS);
}

static bool same_key(const struct api_thread_key *a, const struct api_thread_key *b)
{
	return a->thread == b->thread && a->after == b->after && a->limit == b->limit &&
	       a->lang == b->lang && a->roles == b->roles;
}

void api_thread_page_render(const struct api_thread_page *p, int64_t account, struct buf *out)
{
	size_t pos = 0;
	/* the page, the member's own bodies and their part (api_thread.c's write_me) at once */
	size_t extra = account ? 1024 : 16;
	for (size_t i = 0; account && i < p->n_sp; i++)
		if (p->sp[i].author == account)
			extra += p->sp[i].body_len + p->sp[i].body_len / 8 + 16;
	buf_reserve(out, p->json.len + extra);
	for (size_t i = 0; account && i < p->n_sp; i++) {
		const struct api_thread_splice *s = &p->sp[i];
		if (s->author != account)
			continue;
		buf_append(out, p->json.p + pos, s->mine_at - pos);
		buf_puts(out, "true");
		pos = s->mine_at + 5; /* "false" */
		if (s->body_at) {
			buf_append(out, p->json.p + pos, s->body_at - pos);
			buf_puts(out, ",\"body\":");
			/* escaped here, for the few posts of the reader's own, not for every post
			 * of every page built */
			buf_json_str(out, p->bodies.p + s->body_off, s->body_len);
			pos = s->body_at;
		}
	}
	buf_append(out, p->json.p + pos, p->json.len - pos);
}

bool api_thread_cache_get(const struct api_thread_key *k, int64_t account, struct buf *out,
			  struct comm_space *s, int64_t *first, int64_t *last)
{
	size_t i = slot_of(k);
	bool hit = false;
	pthread_mutex_lock(&pages_mu);
	const struct api_thread_page *p = pages[i];
	if (p && same_key(&p->k, k) && p->gen == atomic_load(&generation) &&
	    p->tgen == thread_gen(k->thread) && clock_now() - p->at < API_THREAD_PAGE_TTL) {
		api_thread_page_render(p, account, out);
		*s = p->s;
		*first = p->first;
		*last = p->last;
		hit = buf_err(out) == ENT_OK;
	}
	pthread_mutex_unlock(&pages_mu);
	return hit;
}

void api_thread_cache_put(struct api_thread_page *pg)
{
	buf_shrink(&pg->json); /* the cache's budget counts what it holds */
	buf_shrink(&pg->bodies);
	size_t n = page_bytes(pg);
	size_t i = slot_of(&pg->k);
	struct api_thread_page *old = NULL;
	pthread_mutex_lock(&pages_mu);
	size_t after_put = cached_bytes - (pages[i] ? page_bytes(pages[i]) : 0) + n;
	if (n <= PAGE_MAX_BYTES && after_put <= PAGE_BUDGET) {
		old = pages[i];
		pages[i] = pg;
		cached_bytes = after_put;
		pg = NULL;
	}
	pthread_mutex_unlock(&pages_mu);
	api_thread_page_free(old);
	api_thread_page_free(pg);
}

/* --- related articles (api_thread_cache.h) --- */

/* RELATED_SLOTS entries, one per slot (thread id modulo), each at most RELATED_MAX_BYTES:
 * 32 KB of slots and a few hundred bytes an entry in use. */
#define RELATED_SLOTS 4096
#define RELATED_MAX_BYTES 2048

struct related {
	int64_t thread, at;
	uint64_t title_hash, gen;
	size_t len;
	char json[];
};

static struct related *related[RELATED_SLOTS];
static pthread_mutex_t related_mu = PTHREAD_MUTEX_INITIALIZER;

static uint64_t title_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

bool api_thread_related_get(int64_t thread, const char *title, struct buf *out, uint64_t *gen)
{
	*gen = atomic_load(&generation);
	uint64_t h = title_hash(title);
	bool hit = false;
	pthread_mutex_lock(&related_mu);
	const struct related *r = related[(uint64_t)thread % RELATED_SLOTS];
	if (r && r->thread == thread && r->title_hash == h && r->gen == *gen &&
	    clock_now() - r->at < API_THREAD_RELATED_TTL) {
		buf_append(out, r->json, r->len);
		hit = buf_err(out) == ENT_OK;
	}
	pthread_mutex_unlock(&related_mu);
	return hit;
}

void api_thread_related_put(int64_t thread, const char *title, uint64_t gen, const char *json,
			    size_t len)
{
	if (len > RELATED_MAX_BYTES)
		return;
	struct related *r = malloc(sizeof *r + len);
	if (!r)
		return; /* not kept: the next read queries again */
	*r = (struct related){.thread = thread, .at = clock_now(), .title_hash = title_hash(title),
			      .gen = gen, .len = len};
	memcpy(r->json, json, len);
	pthread_mutex_lock(&related_mu);
	struct related **slot = &related[(uint64_t)thread % RELATED_SLOTS];
	struct related *old = *slot;
	*slot = r;
	pthread_mutex_unlock(&related_mu);
	free(old);
}
