/*
 * api_thread.c - the thread page, GET /api/v1/threads/{id} (issues 5 and 13): the posts with
 * their labels (R5), reactions and quotes, the audience, the related validated articles, and
 * for a member their own part (follow state, read marker, reactions given).
 *
 * The handler runs in three steps: load (the space under the policy, then the posts from
 * comm_thread_page), render (the shared part of the page, the same for every caller with the
 * same roles and language, kept in the render cache of api_thread_cache.h), and the reader's
 * own part (their follow and read marker, and the reactions they gave: comm_thread_me).
 * Reading writes nothing: the page posts what was seen, and marking read is
 * POST /api/v1/threads/{id}/read (api_read.c).
 * Not responsible for: who may read a space (policy_space.h), writing posts (api_space.c),
 * the rows (comm_thread_store.h), the cache's keeping and invalidation (api_thread_cache.c).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_thread_cache.h"
#include "community/comm.h"
#include "core/clock.h"
#include "store/store_search.h"

/* Bytes a post takes in a page, about (for the buffer's first size). */
#define PAGE_BYTES_PER_POST 512
#define TESTIMONY_FR "témoignage — ne remplace pas un avis médical"
#define TESTIMONY_EN "testimony — not a substitute for medical advice"
#define VALIDATED_FR "information validée"
#define VALIDATED_EN "validated information"

/* --- the reader's own part --- */

/* ,"me":{...}: the member's follow state and read marker, and the reactions they gave to the
 * posts of this page (at most 3 per post), grouped by post. */
static enum ent_err write_me(struct api_req *q, int64_t thread, int64_t first, int64_t last,
			     struct buf *b)
{
	struct comm_thread_me *me = malloc(sizeof *me);
	if (!me)
		return ENT_ENOMEM;
	enum ent_err err = comm_thread_me(q->db, q->s.account.id, thread, first, last, me);
	buf_printf(b, ",\"me\":{\"following\":%s,\"last_read\":%lld,\"reactions\":{",
		   me->following ? "true" : "false", (long long)me->last_read);
	for (size_t i = 0; i < me->n; i++) {
		buf_printf(b, "%s\"%lld\":[", i ? "," : "", (long long)me->given[i].post);
		for (size_t k = 0; k < me->given[i].n_kinds; k++)
			buf_printf(b, "%s\"%s\"", k ? "," : "",
				   comm_reaction_names[me->given[i].kinds[k]]);
		buf_putc(b, ']');
	}
	buf_puts(b, "}}");
	free(me);
	return err;
}

/* --- the shared part --- */


struct build {
	struct api_thread_page *pg;
	int64_t n;
};

static enum ent_err write_post(const struct comm_post_view *v, void *arg)
{
	struct build *bd = arg;
	struct api_thread_page *pg = bd->pg;
	struct buf *b = &pg->json;
	char c[CLOCK_ISO_LEN];
	if (bd->n++)
		buf_putc(b, ',');
	pg->last = v->id;
	if (!pg->first)
		pg->first = v->id;
	clock_iso(v->created_at, c);
	buf_puts(b, "{\"id\":");
	buf_put_int(b, v->id);
	buf_puts(b, ",\"author\":");
	buf_json_cstr(b, v->author);
	/* the two labels the schema allows (0100's CHECK) written as they are: escaping a
	 * constant word was a tenth of a post's rendering */
	if (v->label && !strcmp(v->label, "testimony"))
		buf_puts(b, ",\"label\":\"testimony\"");
	else if (v->label && !strcmp(v->label, "validated"))
		buf_puts(b, ",\"label\":\"validated\"");
	else {
		buf_puts(b, ",\"label\":");
		buf_json_cstr(b, v->label);
	}
	buf_puts(b, ",\"created_at\":\"");
	buf_puts(b, c);
	buf_puts(b, v->edited ? "\",\"edited\":true" : "\",\"edited\":false");
	buf_puts(b, v->deleted ? ",\"deleted\":true" : ",\"deleted\":false");
	buf_puts(b, v->hidden ? ",\"hidden\":true,\"mine\":" : ",\"hidden\":false,\"mine\":");
	struct api_thread_splice s = {.author = v->author_id, .mine_at = b->len};
	buf_puts(b, "false");
	if (!v->deleted) {
		buf_puts(b, ",\"html\":");
		buf_json_cstr(b, v->html);
		if (s.author) { /* the Markdown, for its author to edit */
			s.body_at = b->len;
			s.body_off = pg->bodies.len;
			buf_puts(&pg->bodies, v->body ? v->body : ""); /* escaped if ever shown */
			s.body_len = pg->bodies.len - s.body_off;
		}
	}
	buf_puts(b, ",\"reactions\":{\"soutien\":");
	buf_put_int(b, v->reactions[COMM_REACT_SOUTIEN]);
	buf_puts(b, ",\"merci\":");
	buf_put_int(b, v->reactions[COMM_REACT_MERCI]);
	buf_puts(b, ",\"utile\":");
	buf_put_int(b, v->reactions[COMM_REACT_UTILE]);
	buf_putc(b, '}');
	if (v->quote_id) {
		buf_printf(b, ",\"quote\":{\"id\":%lld,\"author\":", (long long)v->quote_id);
		buf_json_cstr(b, v->quote_author);
		buf_puts(b, ",\"excerpt\":");
		buf_json_cstr(b, v->quote_excerpt);
		buf_putc(b, '}');
	}
	buf_putc(b, '}');
	return s.author ? api_thread_page_splice(pg, &s) : ENT_OK;
}

/* The validated articles whose words the title has (R5), from their own cache when it has
 * them (api_thread_cache.h). */
static enum ent_err write_related(struct api_req *q, struct buf *b, int64_t thread,
				  const char *title)
{
	uint64_t gen;
	if (api_thread_related_get(thread, title, b, &gen))
		return ENT_OK;
	size_t at = b->len;
	struct buf m;
	buf_init(&m, 4096);
	enum ent_err err = comm_query(title, strlen(title), true, &m);
	buf_puts(b, ",\"related\":[");
	struct api_article_list r = {b, 0, true};
	if (!err && m.len)
		err = store_search_related(q->db, m.p, m.len, api_article_hit, &r);
	buf_putc(b, ']');
	buf_clear(&m);
	if (!err && !buf_err(b))
		api_thread_related_put(thread, title, gen, b->p + at, b->len - at);
	return err;
}

/* Renders the shared part of the page for the caller's roles and language: the thread and
 * its space, then its posts as comm_thread_page loads them. */
static enum ent_err build(struct api_req *q, struct api_thread_page *pg, const char *title)
{
	unsigned roles = pg->k.roles;
	bool mod = (roles & ROLE_MODERATOR) != 0;
	struct buf *b = &pg->json;
	const struct comm_space *s = &pg->s;
	buf_init(b, 4 * 1024 * 1024);
	buf_init(&pg->bodies, 4 * 1024 * 1024);
	/* About what a page of posts takes (the benchmark's: 22 KB for 50), so that the page
	 * grows by one allocation and not by ten doublings, each a copy (issue 13). */
	buf_reserve(b, 1024 + (size_t)pg->k.limit * PAGE_BYTES_PER_POST);
	buf_printf(b, "{\"id\":%lld,\"title\":", (long long)pg->k.thread);
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
	bool en = pg->k.lang == HTTP_LANG_EN;
	buf_puts(b, ",\"labels\":{\"testimony\":");
	buf_json_cstr(b, en ? TESTIMONY_EN : TESTIMONY_FR);
	buf_puts(b, ",\"validated\":");
	buf_json_cstr(b, en ? VALIDATED_EN : VALIDATED_FR);
	buf_putc(b, '}');
	struct build bd = {.pg = pg};
	int64_t n_posts = 0;
	enum ent_err err = comm_thread_n_posts(q->db, pg->k.thread, &n_posts);
	if (!err) {
		buf_printf(b, ",\"n_posts\":%lld,\"posts\":[", (long long)n_posts);
		err = comm_thread_page(q->db, pg->k.thread, pg->k.after, pg->k.limit, mod, write_post,
				       &bd);
	}
	if (err)
		return err;
	buf_puts(b, "],\"next\":");
	if (bd.n == pg->k.limit)
		buf_printf(b, "%lld", (long long)pg->last);
	else
		buf_puts(b, "null");
	if (pg->k.after == 0)
		err = write_related(q, b, pg->k.thread, title);
	if (!err)
		err = buf_err(b);
	return err ? err : buf_err(&pg->bodies);
}

/* The shared part for this caller into b: from the render cache, or loaded (the space under
 * the policy, then the posts) and rendered, then kept. */
static enum ent_err shared_part(struct api_req *q, const struct api_thread_key *k, int64_t account,
				struct buf *b, struct comm_space *s, int64_t *first, int64_t *last)
{
	if (api_thread_cache_get(k, account, b, s, first, last))
		return ENT_OK;
	buf_clear(b);
	buf_init(b, 4 * 1024 * 1024);
	char title[COMM_TITLE_MAX * 4 + 8];
	struct api_thread_page *pg = api_thread_page_new(k);
	if (!pg)
		return ENT_ENOMEM;
	enum ent_err err = comm_space_of_thread(q, k->thread, &pg->s, title, sizeof title);
	if (!err)
		err = build(q, pg, title);
	if (err) {
		api_thread_page_free(pg);
		return err;
	}
	api_thread_page_render(pg, account, b);
	*s = pg->s;
	*first = pg->first;
	*last = pg->last;
	api_thread_cache_put(pg);
	return ENT_OK;
}

enum ent_err api_thread_get(struct api_req *q)
{
	struct api_thread_key k = {.lang = (int)q->lang, .roles = comm_roles(q)};
	enum ent_err err = api_path_id(q, "id", &k.thread);
	if (!err)
		err = api_query_int(q, "after", 0, INT64_MAX, &k.after);
	if (!err)
		err = api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, &k.limit);
	if (err)
		return err;
	int64_t account = q->has_session ? q->s.account.id : 0, first = 0, last = 0;
	struct comm_space s;
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	err = shared_part(q, &k, account, &b, &s, &first, &last);
	if (!err && q->has_session)
		err = write_me(q, k.thread, first, last, &b);
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
