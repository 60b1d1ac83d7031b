/* comm_article_store.c - the statements of validated articles and institutions' keys; see
 * comm_article.h. */
#include <stdio.h>
#include <string.h>

#include "community/comm_article.h"

static const struct store_stmt Q_INST = {
	"comm.inst", "SELECT i.id, i.name, k.public_key, k.secret_sealed FROM institutions i "
		     "LEFT JOIN institution_keys k ON k.institution_id = i.id WHERE i.slug = ?1"};
static const struct store_stmt Q_KEY_INSERT = {
	"comm.key_insert",
	"INSERT INTO institution_keys (institution_id, public_key, secret_sealed, created_at) "
	"VALUES (?1, ?2, ?3, ?4)"};

enum ent_err comm_inst_get(struct store_conn *c, const char *slug, struct comm_inst_key *out)
{
	struct store_q *q;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_first_text(c, &Q_INST, slug, &q);
	if (err)
		return err;
	size_t pl = 0, sl = 0;
	const void *pk = store_q_blob(q, 2, &pl), *sk = store_q_blob(q, 3, &sl);
	out->id = store_q_int(q, 0);
	snprintf(out->name, sizeof out->name, "%s", store_q_text(q, 1, NULL));
	if (pk && pl == COMM_PK_BYTES && sk && sl == COMM_SEALED_BYTES) {
		memcpy(out->pk, pk, pl);
		memcpy(out->sealed, sk, sl);
		out->has_key = true;
	}
	store_q_close(q);
	return ENT_OK;
}

enum ent_err comm_inst_key_add(struct store_conn *c, const struct comm_inst_key *k, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_KEY_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, k->id);
	store_q_bind_blob(q, 2, k->pk, COMM_PK_BYTES);
	store_q_bind_blob(q, 3, k->sealed, COMM_SEALED_BYTES);
	store_q_bind_int(q, 4, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

static const struct store_stmt Q_ARTICLE_INSERT = {
	"comm.article_insert",
	"INSERT INTO articles (institution_id, author_id, author_role, language, title, body, html, "
	"version, date, reviewed, signature, created_at) "
	"VALUES (?1, ?2, 'editor', ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8, ?9) RETURNING id"};

enum ent_err comm_article_insert(struct store_conn *c, int64_t inst, const struct comm_article_new *n,
				 const char *date, const char *html,
				 const unsigned char sig[COMM_SIG_BYTES], int64_t *id)
{
	struct store_q *q;
	*id = 0;
	enum ent_err err = store_q_open(c, &Q_ARTICLE_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, inst);
	if (n->author)
		store_q_bind_int(q, 2, n->author);
	else
		store_q_bind_null(q, 2);
	store_q_bind_text(q, 3, n->language, strlen(n->language));
	store_q_bind_text(q, 4, n->title, strlen(n->title));
	store_q_bind_text(q, 5, n->body, strlen(n->body));
	store_q_bind_text(q, 6, html, strlen(html));
	store_q_bind_text(q, 7, date, strlen(date));
	store_q_bind_blob(q, 8, sig, COMM_SIG_BYTES);
	store_q_bind_int(q, 9, n->now);
	err = store_q_row_int(q, id);
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

static const struct store_stmt Q_ARTICLES = {
	"comm.articles",
	"SELECT a.id, a.title, i.slug, i.name, a.language, a.version, a.date, a.reviewed "
	"FROM articles a JOIN institutions i ON i.id = a.institution_id "
	"WHERE a.id < ?1 ORDER BY a.id DESC LIMIT ?2"};

struct each {
	comm_article_fn fn;
	void *arg;
};

static enum ent_err list_row(struct store_q *q, void *arg)
{
	const struct each *e = arg;
	struct comm_article_row r = {
		.id = store_q_int(q, 0),
		.a = {store_q_text(q, 2, NULL), "", store_q_int(q, 5), store_q_text(q, 6, NULL),
		      store_q_text(q, 7, NULL), store_q_text(q, 4, NULL), store_q_text(q, 1, NULL),
		      NULL},
		.inst_name = store_q_text(q, 3, NULL),
	};
	return e->fn(e->arg, &r);
}

enum ent_err comm_articles_page(struct store_conn *c, int64_t before, int64_t limit,
				comm_article_fn fn, void *arg)
{
	struct store_q *q;
	struct each e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_ARTICLES, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, before);
	store_q_bind_int(q, 2, limit);
	return store_q_each(q, list_row, &e);
}

static const struct store_stmt Q_ARTICLE = {
	"comm.article",
	"SELECT a.id, i.slug, i.name, a.author_role, a.version, a.date, a.reviewed, a.language, "
	"a.title, a.body, a.html, a.signature, k.public_key FROM articles a "
	"JOIN institutions i ON i.id = a.institution_id "
	"LEFT JOIN institution_keys k ON k.institution_id = i.id WHERE a.id = ?1"};

enum ent_err comm_article_get(struct store_conn *c, int64_t id, comm_article_fn fn, void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_ARTICLE, id, &q);
	if (err)
		return err;
	size_t sl = 0, pl = 0;
	const unsigned char *sig = store_q_blob(q, 11, &sl);
	const unsigned char *pk = store_q_blob(q, 12, &pl);
	if (sl != COMM_SIG_BYTES || pl != COMM_PK_BYTES)
		err = ENT_EINTERNAL;
	if (!err) {
		struct comm_article_row r = {
			.id = id,
			.a = {store_q_text(q, 1, NULL), store_q_text(q, 3, NULL), store_q_int(q, 4),
			      store_q_text(q, 5, NULL), store_q_text(q, 6, NULL),
			      store_q_text(q, 7, NULL), store_q_text(q, 8, NULL),
			      store_q_text(q, 9, NULL)},
			.inst_name = store_q_text(q, 2, NULL),
			.html = store_q_text(q, 10, NULL),
			.sig = sig,
			.pk = pk,
		};
		err = fn(arg, &r);
	}
	store_q_close(q);
	return err;
}
