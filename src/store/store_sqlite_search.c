/*
 * store_sqlite_search.c - the statements of store_search.h that differ on SQLite: FTS5 tables
 * posts_fts and articles_fts (migration 0100), their rowid the post's or the article's id,
 * matched with MATCH and ranked by bm25 (store_search.c runs them; store_pg_search.c has the
 * same names, parameters and columns for PostgreSQL).
 * Not responsible for: anything outside full-text search (store_sqlite.c).
 */
#include "store/store_backend.h"

static const struct store_stmt Q_OPTIMIZE = {
	"community.fts_optimize", "INSERT INTO posts_fts (posts_fts) VALUES ('optimize')"};

#define VISIBLE                                                                                    \
	"p.hidden_at IS NULL AND p.deleted_at IS NULL AND (s.visibility = 'public' OR (?2 AND "    \
	"s.visibility = 'members') OR (?3 AND s.visibility = 'professionals'))"

static const struct store_stmt Q_WINDOW = {
	"comm.search_window",
	"SELECT max(id), min(id), count(*) FROM (SELECT rowid AS id FROM posts_fts "
	"WHERE posts_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)"};
/* The age is never negative (a post newer than the window's top one, edited into it); CASE
 * keeps a NULL age (the top post purged since) NULL, as max(0, age) did. */
static const struct store_stmt Q_RANKED = {
	"comm.search_ranked",
	"SELECT id, tid, title, slug, name, excerpt, score FROM (SELECT p.id AS id, t.id AS tid, "
	"t.title AS title, s.slug AS slug, s.name AS name, substr(p.body, 1, 240) AS excerpt, "
	"CAST(1e9 * -w.b / (1.0 + (CASE WHEN (SELECT created_at FROM posts WHERE id = ?5) - "
	"p.created_at < 0 THEN 0 ELSE (SELECT created_at FROM posts WHERE id = ?5) - p.created_at "
	"END) / 2592000.0) AS INTEGER) AS score "
	"FROM (SELECT f.rowid AS id, bm25(posts_fts) AS b FROM posts_fts f WHERE posts_fts MATCH ?1 "
	"AND f.rowid <= ?5 AND f.rowid >= ?6) w JOIN posts p ON p.id = w.id "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id WHERE " VISIBLE ") r "
	"WHERE score < ?7 OR (score = ?7 AND id < ?8) ORDER BY score DESC, id DESC LIMIT ?4"};
static const struct store_stmt Q_RECENT = {
	"comm.search_posts",
	"SELECT p.id, t.id, t.title, s.slug, s.name, substr(p.body, 1, 240) FROM posts_fts f "
	"JOIN posts p ON p.id = f.rowid "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id "
	"WHERE posts_fts MATCH ?1 AND f.rowid < ?5 AND " VISIBLE " ORDER BY f.rowid DESC LIMIT ?4"};

static const struct store_stmt Q_ARTICLES = {
	"comm.search_articles",
	"SELECT a.id, a.title, i.slug, i.name FROM articles_fts f JOIN articles a ON a.id = f.rowid "
	"JOIN institutions i ON i.id = a.institution_id WHERE articles_fts MATCH ?1 "
	"ORDER BY bm25(articles_fts) / (1.0 + (CASE WHEN ?2 - a.created_at < 0 THEN 0 "
	"ELSE ?2 - a.created_at END) / 31536000.0), a.id DESC LIMIT 5"};
static const struct store_stmt Q_RELATED = {
	"comm.related",
	"SELECT a.id, a.title, i.slug, i.name, a.reviewed FROM articles_fts f "
	"JOIN articles a ON a.id = f.rowid JOIN institutions i ON i.id = a.institution_id "
	"WHERE articles_fts MATCH ?1 ORDER BY f.rank LIMIT 3"};

const struct store_search_sql store_sqlite_search = {
	&Q_OPTIMIZE, &Q_WINDOW, &Q_RANKED, &Q_RECENT, &Q_ARTICLES, &Q_RELATED,
};
