/*
 * api_article.c - validated information (R5): editors publish articles signed with their
 * institution's Ed25519 key; anyone reads them, exports them with their signature, and
 * checks them offline (`entraide verify`) against the public key published at
 * /.well-known/entraide/institutions/{slug}.json.
 *
 * Each institution's key pair is made on first use; the secret key is stored sealed with a
 * key derived (crypto_kdf, context "entsign1") from the instance's e-mail sealing key, itself
 * derived from the master key (auth.h), so a stolen database alone does not let anyone sign.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_community.h"
#include "auth/auth_keys.h"
#include "community/comm.h"
#include "core/clock.h"

static const char *const langs[] = {"fr", "en", NULL};

const struct json_field api_article_create_fields[] = {
	{"title", JF_STRING, true, 3, COMM_TITLE_MAX, NULL},
	{"body", JF_STRING, true, 1, COMM_ARTICLE_MAX, NULL},
	{"language", JF_STRING, false, 0, 0, langs},
	{"institution", JF_STRING, false, 1, 63, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static void seal_key(const struct auth_keys *k, unsigned char out[32])
{
	crypto_kdf_derive_from_key(out, 32, 1, "entsign1", k->email_seal);
}

static const struct store_stmt Q_INST = {
	"comm.inst", "SELECT i.id, i.name, k.public_key, k.secret_sealed FROM institutions i "
		     "LEFT JOIN institution_keys k ON k.institution_id = i.id WHERE i.slug = ?1"};
static const struct store_stmt Q_KEY_INSERT = {
	"comm.key_insert",
	"INSERT INTO institution_keys (institution_id, public_key, secret_sealed, created_at) "
	"VALUES (?1, ?2, ?3, ?4)"};
static const struct store_stmt Q_ARTICLE_INSERT = {
	"comm.article_insert",
	"INSERT INTO articles (institution_id, author_id, author_role, language, title, body, html, "
	"version, date, reviewed, signature, created_at) "
	"VALUES (?1, ?2, 'editor', ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8, ?9) RETURNING id"};
static const struct store_stmt Q_ARTICLE_FTS = {
	"comm.article_fts", "INSERT INTO articles_fts (rowid, terms) VALUES (?1, ?2)"};

struct inst_key {
	int64_t id;
	char name[128];
	unsigned char pk[COMM_PK_BYTES];
	unsigned char sealed[COMM_SEALED_BYTES];
};

/* The institution and its key pair, made and stored when it has none yet. */
static enum ent_err inst_key(struct api_app *app, struct store_conn *db, const char *slug,
			     bool create, struct inst_key *out)
{
	struct store_q *st;
	bool row = false, has_key = false;
	enum ent_err err = store_q_open(db, &Q_INST, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, slug, strlen(slug));
	err = store_q_step(st, &row);
	if (!err && row) {
		size_t pl = 0, sl = 0;
		const void *pk = store_q_blob(st, 2, &pl), *sk = store_q_blob(st, 3, &sl);
		out->id = store_q_int(st, 0);
		snprintf(out->name, sizeof out->name, "%s", store_q_text(st, 1, NULL));
		if (pk && pl == COMM_PK_BYTES && sk && sl == COMM_SEALED_BYTES) {
			memcpy(out->pk, pk, pl);
			memcpy(out->sealed, sk, sl);
			has_key = true;
		}
	}
	store_q_close(st);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (err || has_key)
		return err;
	if (!create)
		return ENT_ENOTFOUND;
	unsigned char k[32];
	seal_key(app->keys, k);
	err = comm_key_new(k, out->pk, out->sealed);
	sodium_memzero(k, sizeof k);
	if (!err)
		err = store_q_open(db, &Q_KEY_INSERT, &st);
	if (!err) {
		store_q_bind_int(st, 1, out->id);
		store_q_bind_blob(st, 2, out->pk, COMM_PK_BYTES);
		store_q_bind_blob(st, 3, out->sealed, COMM_SEALED_BYTES);
		store_q_bind_int(st, 4, clock_now());
		err = store_q_exec(st);
		store_q_close(st);
	}
	return err;
}

enum ent_err api_institution_sign(struct api_app *app, struct store_conn *db, const char *slug,
				  const struct comm_article *a, unsigned char pk[COMM_PK_BYTES],
				  unsigned char sig[COMM_SIG_BYTES])
{
	struct inst_key ik;
	unsigned char k[32];
	enum ent_err err = inst_key(app, db, slug, true, &ik);
	if (err)
		return err;
	seal_key(app->keys, k);
	err = comm_sign(k, ik.sealed, sizeof ik.sealed, a, sig);
	sodium_memzero(k, sizeof k);
	memcpy(pk, ik.pk, COMM_PK_BYTES);
	return err;
}

enum ent_err api_article_publish(struct api_app *app, struct store_conn *db, const char *inst,
				 int64_t author_id, const char *lang, const char *title,
				 const char *body, int64_t *id)
{
	struct inst_key ik;
	char date[CLOCK_DAY_LEN];
	clock_day(clock_now(), date);
	struct comm_article a = {inst, "editor", 1, date, date, lang, title, body};
	unsigned char sig[COMM_SIG_BYTES], k[32];
	char *html = NULL;
	struct buf terms;
	buf_init(&terms, 4 * COMM_ARTICLE_MAX);
	enum ent_err err = store_tx_begin(db);
	if (err)
		return err;
	err = inst_key(app, db, inst, true, &ik);
	if (!err) {
		seal_key(app->keys, k);
		err = comm_sign(k, ik.sealed, sizeof ik.sealed, &a, sig);
		sodium_memzero(k, sizeof k);
	}
	if (!err)
		err = comm_md_render(body, strlen(body), &html);
	struct store_q *st;
	bool row = false;
	if (!err)
		err = store_q_open(db, &Q_ARTICLE_INSERT, &st);
	if (!err) {
		store_q_bind_int(st, 1, ik.id);
		if (author_id)
			store_q_bind_int(st, 2, author_id);
		else
			store_q_bind_null(st, 2);
		store_q_bind_text(st, 3, lang, strlen(lang));
		store_q_bind_text(st, 4, title, strlen(title));
		store_q_bind_text(st, 5, body, strlen(body));
		store_q_bind_text(st, 6, html, strlen(html));
		store_q_bind_text(st, 7, date, strlen(date));
		store_q_bind_blob(st, 8, sig, sizeof sig);
		store_q_bind_int(st, 9, clock_now());
		err = store_q_step(st, &row);
		*id = !err && row ? store_q_int(st, 0) : 0;
		store_q_close(st);
	}
	if (!err)
		err = comm_terms(title, strlen(title), lang, &terms);
	if (!err) {
		buf_putc(&terms, ' ');
		err = comm_terms(body, strlen(body), lang, &terms);
	}
	if (!err)
		err = store_q_open(db, &Q_ARTICLE_FTS, &st);
	if (!err) {
		store_q_bind_int(st, 1, *id);
		store_q_bind_text(st, 2, terms.p ? terms.p : "", terms.len);
		err = store_q_exec(st);
		store_q_close(st);
	}
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	if (!err)
		comm_changed(); /* related panels */
	free(html);
	buf_clear(&terms);
	return err;
}

enum ent_err api_article_create(struct api_req *q)
{
	const char *inst = api_str(q, "institution", NULL);
	const char *chosen = NULL;
	for (size_t i = 0; i < q->s.n_granted; i++) {
		const struct store_role *r = &q->s.granted[i];
		if (strcmp(r->role, "editor") || !r->institution[0])
			continue;
		if (!inst || !strcmp(inst, r->institution)) {
			chosen = r->institution;
			break;
		}
	}
	if (!chosen)
		return inst ? ENT_EPERM : api_invalid(q, "institution", JSON_REASON_REQUIRED);
	const char *lang = api_str(q, "language", NULL);
	int64_t id = 0;
	enum ent_err err = api_article_publish(q->app, q->db, chosen, q->s.account.id, lang ? lang : "fr",
					       api_str(q, "title", NULL), api_str(q, "body", NULL), &id);
	if (err == ENT_EUTF8)
		err = api_invalid(q, "body", "invalid-utf8");
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 128);
	buf_printf(&b, "{\"id\":%lld,\"label\":\"validated\"}", (long long)id);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static const struct store_stmt Q_ARTICLES = {
	"comm.articles",
	"SELECT a.id, a.title, i.slug, i.name, a.language, a.version, a.date, a.reviewed "
	"FROM articles a JOIN institutions i ON i.id = a.institution_id "
	"WHERE a.id < ?1 ORDER BY a.id DESC LIMIT ?2"};

enum ent_err api_articles_list(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, &Q_ARTICLES, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, before);
	store_q_bind_int(st, 2, limit);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"articles\":[");
	bool row;
	int64_t n = 0, last = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		last = store_q_int(st, 0);
		buf_printf(&b, "%s{\"id\":%lld,\"title\":", n++ ? "," : "", (long long)last);
		buf_json_cstr(&b, store_q_text(st, 1, NULL));
		buf_puts(&b, ",\"institution\":{\"slug\":");
		buf_json_cstr(&b, store_q_text(st, 2, NULL));
		buf_puts(&b, ",\"name\":");
		buf_json_cstr(&b, store_q_text(st, 3, NULL));
		buf_printf(&b, "},\"language\":\"%s\",\"version\":%lld,\"date\":",
			   store_q_text(st, 4, NULL), (long long)store_q_int(st, 5));
		buf_json_cstr(&b, store_q_text(st, 6, NULL));
		buf_puts(&b, ",\"reviewed\":");
		buf_json_cstr(&b, store_q_text(st, 7, NULL));
		buf_puts(&b, ",\"label\":\"validated\"}");
	}
	store_q_close(st);
	return api_page_end(q, &b, err, n == limit, last);
}

static const struct store_stmt Q_ARTICLE = {
	"comm.article",
	"SELECT a.id, i.slug, i.name, a.author_role, a.version, a.date, a.reviewed, a.language, "
	"a.title, a.body, a.html, a.signature, k.public_key FROM articles a "
	"JOIN institutions i ON i.id = a.institution_id "
	"LEFT JOIN institution_keys k ON k.institution_id = i.id WHERE a.id = ?1"};

/* Writes the article; export: the portable form, else the page's form with the server's own
 * check of the signature. */
static enum ent_err write_article(struct api_req *q, bool export)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	struct store_q *st;
	bool row = false;
	if (!err)
		err = store_q_open(q->db, &Q_ARTICLE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	err = store_q_step(st, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	size_t sl = 0, pl = 0;
	const unsigned char *sig = err ? NULL : store_q_blob(st, 11, &sl);
	const unsigned char *pk = err ? NULL : store_q_blob(st, 12, &pl);
	if (!err && (sl != COMM_SIG_BYTES || pl != COMM_PK_BYTES))
		err = ENT_EINTERNAL;
	if (err) {
		store_q_close(st);
		return err;
	}
	const char *slug = store_q_text(st, 1, NULL);
	struct comm_article a = {slug, store_q_text(st, 3, NULL), store_q_int(st, 4),
				 store_q_text(st, 5, NULL), store_q_text(st, 6, NULL),
				 store_q_text(st, 7, NULL), store_q_text(st, 8, NULL),
				 store_q_text(st, 9, NULL)};
	char sig64[128], pk64[64], key_url[160];
	snprintf(key_url, sizeof key_url, "/.well-known/entraide/institutions/%s.json", slug);
	comm_b64_encode(sig, sl, sig64, sizeof sig64);
	comm_b64_encode(pk, pl, pk64, sizeof pk64);
	struct buf b;
	buf_init(&b, 4 * COMM_ARTICLE_MAX + 4096);
	if (export)
		buf_puts(&b, "{\"format\":\"" COMM_EXPORT_FORMAT "\",\"id\":");
	else
		buf_puts(&b, "{\"id\":");
	buf_printf(&b, "%lld,\"institution\":", (long long)id);
	buf_json_cstr(&b, slug);
	buf_puts(&b, ",\"institution_name\":");
	buf_json_cstr(&b, store_q_text(st, 2, NULL));
	buf_puts(&b, ",\"author_role\":");
	buf_json_cstr(&b, a.author_role);
	buf_printf(&b, ",\"version\":%lld,\"date\":", (long long)a.version);
	buf_json_cstr(&b, a.date);
	buf_puts(&b, ",\"reviewed\":");
	buf_json_cstr(&b, a.reviewed);
	buf_puts(&b, ",\"language\":");
	buf_json_cstr(&b, a.language);
	buf_puts(&b, ",\"title\":");
	buf_json_cstr(&b, a.title);
	buf_puts(&b, ",\"body\":");
	buf_json_cstr(&b, a.body);
	if (export) {
		buf_printf(&b, ",\"signature\":\"%s\",\"public_key\":\"%s\",\"public_key_url\":", sig64,
			   pk64);
		buf_json_cstr(&b, key_url);
		buf_putc(&b, '}');
	} else {
		bool ok = comm_verify(pk, &a, sig) == ENT_OK;
		buf_puts(&b, ",\"html\":");
		buf_json_cstr(&b, store_q_text(st, 10, NULL));
		buf_printf(&b, ",\"label\":\"validated\",\"signature\":{\"algorithm\":\"Ed25519\","
			       "\"value\":\"%s\",\"verified\":%s,\"public_key_url\":", sig64,
			   ok ? "true" : "false");
		buf_json_cstr(&b, key_url);
		buf_puts(&b, "}}");
	}
	store_q_close(st);
	api_reply(q, 200, &b);
	if (export)
		http_add_header(q->http, "Content-Disposition", "attachment; filename=\"article.json\"");
	return ENT_OK;
}

enum ent_err api_article_get(struct api_req *q)
{
	return write_article(q, false);
}

enum ent_err api_article_export(struct api_req *q)
{
	return write_article(q, true);
}

enum ent_err api_institution_key(struct api_req *q)
{
	const char *file = q->http->params.value[0];
	size_t n = strlen(file);
	char slug[64];
	if (n <= 5 || n - 5 >= sizeof slug || strcmp(file + n - 5, ".json"))
		return ENT_ENOTFOUND;
	memcpy(slug, file, n - 5);
	slug[n - 5] = '\0';
	struct inst_key ik;
	enum ent_err err = inst_key(q->app, q->db, slug, false, &ik);
	if (err)
		return err;
	char pk64[64];
	comm_b64_encode(ik.pk, sizeof ik.pk, pk64, sizeof pk64);
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"institution\":");
	buf_json_cstr(&b, slug);
	buf_puts(&b, ",\"name\":");
	buf_json_cstr(&b, ik.name);
	buf_printf(&b, ",\"algorithm\":\"Ed25519\",\"public_key\":\"%s\",\"format\":\"" COMM_EXPORT_FORMAT
		       "\"}", pk64);
	api_reply(q, 200, &b);
	return ENT_OK;
}
