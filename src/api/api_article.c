/*
 * api_article.c - validated information (R5): editors publish articles signed with their
 * institution's Ed25519 key; anyone reads them, exports them with their signature, and
 * checks them offline (`entraide verify`) against the public key published at
 * /.well-known/entraide/institutions/{slug}.json.
 *
 * Signing, key sealing and storage: community/comm_article.h.
 */
#include <stdio.h>
#include <string.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "community/comm_article.h"
#include "core/clock.h"
#include "store/store_search.h"

static const char *const langs[] = {"fr", "en", NULL};

const struct json_field api_article_create_fields[] = {
	{"title", JF_STRING, true, 3, COMM_TITLE_MAX, NULL},
	{"body", JF_STRING, true, 1, COMM_ARTICLE_MAX, NULL},
	{"language", JF_STRING, false, 0, 0, langs},
	{"institution", JF_STRING, false, 1, 63, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

enum ent_err api_institution_sign(struct api_app *app, struct store_conn *db, const char *slug,
				  const struct comm_article *a, unsigned char pk[COMM_PK_BYTES],
				  unsigned char sig[COMM_SIG_BYTES])
{
	return comm_inst_sign(db, app->keys, slug, a, pk, sig);
}

enum ent_err api_article_publish(struct api_app *app, struct store_conn *db, const char *inst,
				 int64_t author_id, const char *lang, const char *title,
				 const char *body, int64_t *id)
{
	struct comm_article_new n = {inst, author_id, lang, title, body, clock_now()};
	enum ent_err err = comm_article_publish(db, app->keys, &n, id);
	if (!err)
		comm_changed(); /* related panels */
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

struct list {
	struct buf *b;
	int64_t n, last;
};

static enum ent_err write_item(void *arg, const struct comm_article_row *r)
{
	struct list *l = arg;
	struct buf *b = l->b;
	l->last = r->id;
	buf_printf(b, "%s{\"id\":%lld,\"title\":", l->n++ ? "," : "", (long long)r->id);
	buf_json_cstr(b, r->a.title);
	buf_puts(b, ",\"institution\":{\"slug\":");
	buf_json_cstr(b, r->a.institution);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, r->inst_name);
	buf_printf(b, "},\"language\":\"%s\",\"version\":%lld,\"date\":", r->a.language,
		   (long long)r->a.version);
	buf_json_cstr(b, r->a.date);
	buf_puts(b, ",\"reviewed\":");
	buf_json_cstr(b, r->a.reviewed);
	buf_puts(b, ",\"label\":\"validated\"}");
	return ENT_OK;
}

enum ent_err api_article_hit(void *arg, const struct store_search_article *a)
{
	struct api_article_list *l = arg;
	struct buf *b = l->b;
	buf_printf(b, "%s{\"id\":%lld,\"title\":", l->n++ ? "," : "", (long long)a->id);
	buf_json_cstr(b, a->title);
	buf_puts(b, ",\"institution\":{\"slug\":");
	buf_json_cstr(b, a->inst_slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, a->inst_name);
	buf_putc(b, '}');
	if (l->reviewed) {
		buf_puts(b, ",\"reviewed\":");
		buf_json_cstr(b, a->reviewed);
	}
	buf_puts(b, ",\"label\":\"validated\"}");
	return ENT_OK;
}

enum ent_err api_articles_list(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"articles\":[");
	struct list l = {&b, 0, 0};
	err = comm_articles_page(q->db, before, limit, write_item, &l);
	return api_page_end(q, &b, err, l.n == limit, l.last);
}

/* Writes the article; export: the portable form, else the page's form with the server's own
 * check of the signature. */
struct page {
	struct api_req *q;
	bool export;
};

static enum ent_err write_page(void *arg, const struct comm_article_row *r)
{
	struct page *p = arg;
	const struct comm_article *a = &r->a;
	char sig64[128], pk64[64], key_url[160];
	snprintf(key_url, sizeof key_url, "/.well-known/entraide/institutions/%s.json", a->institution);
	comm_b64_encode(r->sig, COMM_SIG_BYTES, sig64, sizeof sig64);
	comm_b64_encode(r->pk, COMM_PK_BYTES, pk64, sizeof pk64);
	struct buf b;
	buf_init(&b, 4 * COMM_ARTICLE_MAX + 4096);
	if (p->export)
		buf_puts(&b, "{\"format\":\"" COMM_EXPORT_FORMAT "\",\"id\":");
	else
		buf_puts(&b, "{\"id\":");
	buf_printf(&b, "%lld,\"institution\":", (long long)r->id);
	buf_json_cstr(&b, a->institution);
	buf_puts(&b, ",\"institution_name\":");
	buf_json_cstr(&b, r->inst_name);
	buf_puts(&b, ",\"author_role\":");
	buf_json_cstr(&b, a->author_role);
	buf_printf(&b, ",\"version\":%lld,\"date\":", (long long)a->version);
	buf_json_cstr(&b, a->date);
	buf_puts(&b, ",\"reviewed\":");
	buf_json_cstr(&b, a->reviewed);
	buf_puts(&b, ",\"language\":");
	buf_json_cstr(&b, a->language);
	buf_puts(&b, ",\"title\":");
	buf_json_cstr(&b, a->title);
	buf_puts(&b, ",\"body\":");
	buf_json_cstr(&b, a->body);
	if (p->export) {
		buf_printf(&b, ",\"signature\":\"%s\",\"public_key\":\"%s\",\"public_key_url\":", sig64,
			   pk64);
		buf_json_cstr(&b, key_url);
		buf_putc(&b, '}');
	} else {
		bool ok = comm_verify(r->pk, a, r->sig) == ENT_OK;
		buf_puts(&b, ",\"html\":");
		buf_json_cstr(&b, r->html);
		buf_printf(&b, ",\"label\":\"validated\",\"signature\":{\"algorithm\":\"Ed25519\","
			       "\"value\":\"%s\",\"verified\":%s,\"public_key_url\":", sig64,
			   ok ? "true" : "false");
		buf_json_cstr(&b, key_url);
		buf_puts(&b, "}}");
	}
	api_reply(p->q, 200, &b);
	if (p->export)
		http_add_header(p->q->http, "Content-Disposition", "attachment; filename=\"article.json\"");
	return ENT_OK;
}

static enum ent_err write_article(struct api_req *q, bool export)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	struct page p = {q, export};
	return err ? err : comm_article_get(q->db, id, write_page, &p);
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
	struct comm_inst_key ik;
	enum ent_err err = comm_inst_key(q->db, q->app->keys, slug, false, &ik);
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
