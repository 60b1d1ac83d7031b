/*
 * store_pg_search.c - the statements of store_search.h on PostgreSQL: posts_fts and
 * articles_fts are plain tables (migration 0100's .pg.sql: rowid, terms, and a tsvector of the
 * terms in the 'simple' configuration with a GIN index), matched with @@ and ranked by
 * ts_rank where SQLite uses FTS5's MATCH and bm25 (store_sqlite_search.c): same names,
 * parameters and columns. A query (comm_query: quoted stems joined by AND and OR, with
 * parentheses) becomes a tsquery in SQL ('stem' & ('a' | 'b')); the stems are words, so they
 * hold no quote, space or backslash. The rank is -ts_rank where SQLite has bm25 (lower is
 * better on both), so the scores have the same shape and order, not the same values.
 * Not responsible for: running them and writing the index (store_search.c), anything else on
 * PostgreSQL (store_pg.c).
 */
#include "store/store_backend.h"

/* ?1 as a tsquery (a FROM item named q). */
#define TSQ                                                                                        \
	"to_tsquery('simple', replace(replace(replace(?1, '\"', ''''), ' AND ', ' & '), ' OR ', "  \
	"' | ')) AS q"
#define VISIBLE                                                                                    \
	"p.hidden_at IS NULL AND p.deleted_at IS NULL AND (s.visibility = 'public' OR (?2 AND "    \
	"s.visibility = 'members') OR (?3 AND s.visibility = 'professionals'))"

static const struct store_stmt Q_WINDOW = {
	"comm.search_window",
	"SELECT max(id), min(id), count(*) FROM (SELECT f.rowid AS id FROM posts_fts f, " TSQ
	" WHERE f.tsv @@ q ORDER BY f.rowid DESC LIMIT ?2) AS w"};
static const struct store_stmt Q_RANKED = {
	"comm.search_ranked",
	"SELECT id, tid, title, slug, name, excerpt, score FROM (SELECT p.id AS id, t.id AS tid, "
	"t.title AS title, s.slug AS slug, s.name AS name, substr(p.body, 1, 240) AS excerpt, "
	"CAST(1e9 * -w.b / (1.0 + (CASE WHEN (SELECT created_at FROM posts WHERE id = ?5) - "
	"p.created_at < 0 THEN 0 ELSE (SELECT created_at FROM posts WHERE id = ?5) - p.created_at "
	"END) / 2592000.0) AS BIGINT) AS score "
	"FROM (SELECT f.rowid AS id, -ts_rank(f.tsv, q) AS b FROM posts_fts f, " TSQ
	" WHERE f.tsv @@ q AND f.rowid <= ?5 AND f.rowid >= ?6) w JOIN posts p ON p.id = w.id "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id WHERE " VISIBLE ") r "
	"WHERE score < ?7 OR (score = ?7 AND id < ?8) ORDER BY score DESC, id DESC LIMIT ?4"};
static const struct store_stmt Q_RECENT = {
	"comm.search_posts",
	"SELECT p.id, t.id, t.title, s.slug, s.name, substr(p.body, 1, 240) FROM posts_fts f "
	"CROSS JOIN " TSQ " JOIN posts p ON p.id = f.rowid "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id "
	"WHERE f.tsv @@ q AND f.rowid < ?5 AND " VISIBLE " ORDER BY f.rowid DESC LIMIT ?4"};
static const struct store_stmt Q_ARTICLES = {
	"comm.search_articles",
	"SELECT a.id, a.title, i.slug, i.name FROM articles_fts f CROSS JOIN " TSQ
	" JOIN articles a ON a.id = f.rowid JOIN institutions i ON i.id = a.institution_id "
	"WHERE f.tsv @@ q ORDER BY -ts_rank(f.tsv, q) / (1.0 + (CASE WHEN ?2 - a.created_at < 0 "
	"THEN 0 ELSE ?2 - a.created_at END) / 31536000.0), a.id DESC LIMIT 5"};
static const struct store_stmt Q_RELATED = {
	"comm.related",
	"SELECT a.id, a.title, i.slug, i.name, a.reviewed FROM articles_fts f CROSS JOIN " TSQ
	" JOIN articles a ON a.id = f.rowid JOIN institutions i ON i.id = a.institution_id "
	"WHERE f.tsv @@ q ORDER BY ts_rank(f.tsv, q) DESC, a.id LIMIT 3"};

/* No rewrite: a deleted row's terms stay in a dead tuple until VACUUM (autovacuum, or the
 * operator: docs/operations.md), which cannot run inside a transaction. */
const struct store_search_sql store_pg_search = {
	NULL, &Q_WINDOW, &Q_RANKED, &Q_RECENT, &Q_ARTICLES, &Q_RELATED,
};
