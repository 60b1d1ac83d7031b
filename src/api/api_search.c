/*
 * api_search.c - full-text search over the posts of the spaces the reader may see, and over
 * validated articles (FTS5; terms folded and stemmed by comm_terms/comm_query). Posts come
 * newest first, by keyset (before=<post id>): FTS5 walks its index in rowid order and stops
 * after a page, where ranking every match by bm25 would cost a pass over all of them (a
 * common word matches tens of thousands of posts). Articles, few, come by relevance.
 * Hidden and deleted posts are never found.
 */
#include <string.h>

#include "api/api_community.h"
#include "community/comm.h"

#define SEARCH_MAX 20

static const struct store_stmt Q_SEARCH_POSTS = {
	"comm.search_posts",
	"SELECT p.id, t.id, t.title, s.slug, s.name, substr(p.body, 1, 240) "
	"FROM posts_fts f JOIN posts p ON p.id = f.rowid JOIN threads t ON t.id = p.thread_id "
	"JOIN spaces s ON s.id = t.space_id "
	"WHERE posts_fts MATCH ?1 AND f.rowid < ?5 AND p.hidden_at IS NULL AND p.deleted_at IS NULL "
	"AND (s.visibility = 'public' OR (?2 AND s.visibility = 'members') "
	"OR (?3 AND s.visibility = 'professionals')) ORDER BY f.rowid DESC LIMIT ?4"};
static const struct store_stmt Q_SEARCH_ARTICLES = {
	"comm.search_articles",
	"SELECT a.id, a.title, i.slug, i.name FROM articles_fts f JOIN articles a ON a.id = f.rowid "
	"JOIN institutions i ON i.id = a.institution_id WHERE articles_fts MATCH ?1 "
	"ORDER BY f.rank LIMIT 5"};

enum ent_err api_search(struct api_req *q)
{
	const char *text = comm_arg(q, "q");
	if (!text || !*text)
		return api_invalid(q, "q", JSON_REASON_REQUIRED);
	size_t tl = strlen(text);
	if (tl > 200)
		return api_invalid(q, "q", JSON_REASON_LONG);
	int64_t before, limit;
	enum ent_err perr = comm_page(q, "before", &before, &limit);
	if (perr)
		return perr;
	if (limit > SEARCH_MAX)
		limit = SEARCH_MAX;
	struct buf m;
	buf_init(&m, 4096);
	enum ent_err err = comm_query(text, tl, false, &m);
	if (err == ENT_EUTF8)
		err = api_invalid(q, "q", "invalid-utf8");
	if (err) {
		buf_clear(&m);
		return err;
	}
	unsigned roles = comm_roles(q);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"posts\":[");
	struct store_q *st;
	bool row;
	int64_t n = 0, last = 0;
	if (m.len) {
		err = store_q_open(q->db, &Q_SEARCH_POSTS, &st);
		if (!err) {
			store_q_bind_text(st, 1, m.p, m.len);
			store_q_bind_int(st, 2, policy_space_can_read(SPACE_MEMBERS, roles));
			store_q_bind_int(st, 3, policy_space_can_read(SPACE_PROFESSIONALS, roles));
			store_q_bind_int(st, 4, limit);
			store_q_bind_int(st, 5, before);
			while (!(err = store_q_step(st, &row)) && row) {
				last = store_q_int(st, 0);
				buf_printf(&b, "%s{\"post\":%lld,\"thread\":{\"id\":%lld,\"title\":", n++ ? "," : "",
					   (long long)last, (long long)store_q_int(st, 1));
				buf_json_cstr(&b, store_q_text(st, 2, NULL));
				buf_puts(&b, "},\"space\":{\"slug\":");
				buf_json_cstr(&b, store_q_text(st, 3, NULL));
				buf_puts(&b, ",\"name\":");
				buf_json_cstr(&b, store_q_text(st, 4, NULL));
				buf_puts(&b, "},\"excerpt\":");
				buf_json_cstr(&b, store_q_text(st, 5, NULL));
				buf_puts(&b, ",\"label\":\"testimony\"}");
			}
			store_q_close(st);
		}
	}
	buf_puts(&b, "],\"next\":");
	if (n == limit)
		buf_printf(&b, "%lld", (long long)last);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\"articles\":[");
	n = 0;
	if (!err && m.len && before == INT64_MAX) {
		err = store_q_open(q->db, &Q_SEARCH_ARTICLES, &st);
		if (!err) {
			store_q_bind_text(st, 1, m.p, m.len);
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
	api_reply(q, 200, &b);
	return ENT_OK;
}
