/*
 * api_course_edit.c - writing courses (issue 21): the shipped courses (content/courses/,
 * embedded at build time) reach the database at start when missing; editors create and edit
 * courses as course documents (learn_load.c) and may edit the shipped ones afterwards (a
 * later start leaves an edited course alone); professionals receive a signed certificate once
 * every lesson of a course is passed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_community.h"
#include "api/api_learn.h"
#include "community/comm.h"
#include "core/clock.h"
#include "core/log.h"
#include "learn/learn.h"

extern const struct http_embedded learn_content_files[];

/* Renders each lesson of d (html[i], free them with free_html). */
static enum ent_err render(const struct learn_doc *d, char **html)
{
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < d->n_lessons; i++)
		err = comm_md_render(d->lessons[i].body, strlen(d->lessons[i].body), &html[i]);
	return err;
}

static void free_html(char **html)
{
	for (size_t i = 0; i < LEARN_LESSONS_MAX; i++)
		free(html[i]);
}

enum ent_err api_learn_ship(struct api_app *app, struct store_conn *db, int *added)
{
	enum ent_err err = ENT_OK;
	*added = 0;
	for (const struct http_embedded *f = learn_content_files; !err && f->path; f++) {
		size_t n = strlen(f->path);
		if (n < 9 || (strcmp(f->path + n - 8, ".fr.json") && strcmp(f->path + n - 8, ".en.json")))
			continue;
		struct learn_doc d;
		const char *field, *reason;
		char where[80];
		bool exists = false;
		err = learn_doc_parse(f->data, f->len, &d, &field, where, sizeof where, &reason);
		if (err) {
			log_err("a shipped course does not parse", err, f->path);
			err = ENT_OK; /* the others are added all the same */
		} else if (!(err = learn_course_exists(db, d.key, d.language, &exists)) && !exists) {
			char *html[LEARN_LESSONS_MAX] = {0};
			int64_t id;
			err = render(&d, html);
			if (!err)
				err = learn_course_save(db, &d, html, NULL, true, clock_now(), &id);
			free_html(html);
			*added += !err;
		}
		learn_doc_clear(&d);
	}
	(void)app;
	return err;
}

/* Parses the body's document; a problem is a 422 naming the document's field. */
static enum ent_err parse_body(struct api_req *q, struct learn_doc *d)
{
	size_t len;
	const char *text = api_str(q, "document", &len);
	const char *field = NULL, *reason = NULL;
	char where[80], msg[120];
	enum ent_err err = learn_doc_parse(text, len, d, &field, where, sizeof where, &reason);
	if (err == ENT_EJSON)
		return api_invalid(q, "document", "not-json");
	if (err == ENT_EINVAL) {
		snprintf(msg, sizeof msg, "%s", field);
		return api_invalid_found(q, "document", reason, msg, strlen(msg));
	}
	return err;
}

static enum ent_err save(struct api_req *q, const struct learn_doc *d, const char *inst,
			 int status)
{
	char *html[LEARN_LESSONS_MAX] = {0};
	int64_t id;
	enum ent_err err = render(d, html);
	if (!err)
		err = learn_course_save(q->db, d, html, inst, false, clock_now(), &id);
	free_html(html);
	if (err == ENT_EEXIST)
		q->slug = "conflict";
	if (err)
		return err;
	struct learn_course k;
	err = learn_course_get(q->db, d->slug, &k);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"slug\":");
	buf_json_cstr(&b, k.slug);
	buf_printf(&b, ",\"language\":\"%s\",\"lessons_count\":%d,\"minutes\":%d}", k.language,
		   k.n_lessons, k.minutes);
	api_reply(q, status, &b);
	return ENT_OK;
}

enum ent_err api_course_create(struct api_req *q)
{
	struct learn_doc d;
	enum ent_err err = parse_body(q, &d);
	bool exists = false;
	if (!err)
		err = learn_course_exists(q->db, d.key, d.language, &exists);
	if (!err && exists)
		err = ENT_EEXIST;
	if (!err)
		err = save(q, &d, api_learn_editor_institution(q, NULL), 201);
	learn_doc_clear(&d);
	return err;
}

enum ent_err api_course_put(struct api_req *q)
{
	struct learn_course k;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err && !api_learn_may_edit(q, k.institution))
		err = ENT_EPERM;
	struct learn_doc d = {0};
	if (!err)
		err = parse_body(q, &d);
	/* the key and language name the course: they cannot change here */
	if (!err && (strcmp(d.key, k.key) || strcmp(d.language, k.language)))
		err = api_invalid(q, "document", "key-or-language-changed");
	if (!err)
		err = save(q, &d, NULL, 200);
	learn_doc_clear(&d);
	return err;
}

enum ent_err api_course_document(struct api_req *q)
{
	struct learn_course k;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err && !api_learn_may_edit(q, k.institution))
		err = ENT_EPERM;
	if (err)
		return err;
	struct buf doc, b;
	buf_init(&doc, 4 * LEARN_DOC_MAX);
	buf_init(&b, 8 * LEARN_DOC_MAX);
	err = learn_doc_write(q->db, &k, &doc);
	buf_puts(&b, "{\"document\":");
	if (!err)
		buf_json_str(&b, doc.p, doc.len);
	buf_putc(&b, '}');
	buf_clear(&doc);
	return api_reply_or_drop(q, &b, err);
}

/* The signed form of a certificate: the canonical form of exported articles, so that
 * `entraide verify` checks it (author_role "course-certificate"). */
static void cert_article(const struct learn_course *k, const struct learn_certificate *c,
			 char *body, size_t cap, struct comm_article *a)
{
	bool en = !strcmp(k->language, "en");
	snprintf(body, cap, "%s\n\n%s: %s\n%s: %s (%s)\n%s: %d\n%s: %s\n",
		 en ? "Certificate of completion" : "Certificat de réussite",
		 en ? "Holder" : "Titulaire", c->holder, en ? "Course" : "Formation", k->title, k->slug,
		 en ? "Minutes" : "Durée (minutes)", k->minutes, en ? "Lessons passed" : "Leçons réussies",
		 en ? "all" : "toutes");
	*a = (struct comm_article){c->institution, "course-certificate", 1, c->date, c->date,
				   k->language, k->title, body};
}

static enum ent_err write_cert(struct api_req *q, const struct learn_course *k,
			       const struct learn_certificate *c, int status)
{
	char body[1024], sig64[128], pk64[64];
	struct comm_article a;
	unsigned char pk[COMM_PK_BYTES], sig[COMM_SIG_BYTES];
	cert_article(k, c, body, sizeof body, &a);
	/* the public key, from the signing institution (the signature is the stored one) */
	enum ent_err err = api_institution_sign(q->app, q->db, c->institution, &a, pk, sig);
	if (err)
		return err;
	comm_b64_encode(c->signature, sizeof c->signature, sig64, sizeof sig64);
	comm_b64_encode(pk, sizeof pk, pk64, sizeof pk64);
	struct buf b;
	buf_init(&b, 8192);
	buf_puts(&b, "{\"format\":\"" COMM_EXPORT_FORMAT "\",\"institution\":");
	buf_json_cstr(&b, a.institution);
	buf_puts(&b, ",\"author_role\":\"course-certificate\",\"version\":1,\"date\":");
	buf_json_cstr(&b, a.date);
	buf_puts(&b, ",\"reviewed\":");
	buf_json_cstr(&b, a.reviewed);
	buf_printf(&b, ",\"language\":\"%s\",\"title\":", a.language);
	buf_json_cstr(&b, a.title);
	buf_puts(&b, ",\"body\":");
	buf_json_cstr(&b, a.body);
	buf_printf(&b, ",\"course\":");
	buf_json_cstr(&b, k->slug);
	buf_puts(&b, ",\"holder\":");
	buf_json_cstr(&b, c->holder);
	buf_printf(&b, ",\"signature\":\"%s\",\"public_key\":\"%s\",\"public_key_url\":"
		       "\"/.well-known/entraide/institutions/%s.json\"}", sig64, pk64, c->institution);
	api_reply(q, status, &b);
	return ENT_OK;
}

enum ent_err api_course_certificate_get(struct api_req *q)
{
	struct learn_course k;
	struct learn_certificate c;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err)
		err = learn_certificate_get(q->db, q->s.account.id, k.id, &c);
	return err ? err : write_cert(q, &k, &c, 200);
}

enum ent_err api_course_certificate_create(struct api_req *q)
{
	struct learn_course k;
	struct learn_certificate c = {0};
	int passed = 0;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err)
		err = learn_certificate_get(q->db, q->s.account.id, k.id, &c);
	if (!err)
		return write_cert(q, &k, &c, 200); /* made before: the same one */
	if (err != ENT_ENOTFOUND)
		return err;
	err = learn_progress_of(q->db, q->s.account.id, k.id, &passed, NULL, NULL);
	if (!err && (passed < k.n_lessons || !k.n_lessons)) {
		snprintf(q->problem_more, sizeof q->problem_more, "\"passed\":%d,\"lessons\":%d", passed,
			 k.n_lessons);
		err = ENT_ECONFLICT;
	}
	if (!err)
		err = learn_signing_institution(q->db, k.institution_id, c.institution);
	if (err)
		return err;
	snprintf(c.holder, sizeof c.holder, "%s", q->s.account.handle);
	clock_day(clock_now(), c.date);
	char body[1024];
	struct comm_article a;
	unsigned char pk[COMM_PK_BYTES];
	cert_article(&k, &c, body, sizeof body, &a);
	err = api_institution_sign(q->app, q->db, c.institution, &a, pk, c.signature);
	if (!err)
		err = learn_certificate_insert(q->db, q->s.account.id, k.id, &c, clock_now());
	return err ? err : write_cert(q, &k, &c, 201);
}
