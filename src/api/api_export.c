/*
 * api_export.c - GET /api/v1/me/export: a member's copy of their data (GDPR art. 15, right of
 * access, and art. 20, portability), as a ZIP archive written while it is sent:
 *
 *   data.json          everything the instance keeps about the account, machine-readable
 *   index.html         the same, readable in a browser (no script, no outside resource)
 *   media/N.ext        the member's own pictures
 *   desk/R/M-name      the documents institutions delivered on the member's desk requests,
 *                      opened for their owner (request R, message M)
 *
 * What goes in is what the member wrote or what is about them (rights/rights_export.c lists
 * it). Nothing about other people beyond what the member could already read: the handle of a
 * community manager who answered is there, nobody's e-mail is; internal notes of the
 * institution are not the member's.
 *
 * Nothing is built in memory: the archive is a libmicrohttpd callback response (http.h) that
 * asks for the next bytes when the client has taken the last ones. Each call then produces one
 * bounded piece (core/zip.h, zip_pull): a page of EXPORT_PAGE rows of one section of data.json
 * or index.html (each item dumped with jansson), one desk request with its messages, 64 KiB of
 * a picture, one document (at most DESK_FILE_MAX). Entries carry data descriptors, their CRC
 * counted as they go. Each piece opens and closes its statements on the thread's connection
 * (http.h: nothing is held between calls), reading keyset pages, so the memory an export
 * holds does not grow with the account: the piece being sent and the archive's directory.
 * The export only reads.
 * Not responsible for: what is read (rights/), the ZIP records (core/zip.c), who may call.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/log.h"
#include "core/zip.h"
#include "desk/desk.h"
#include "learn/learn.h"
#include "rights/rights.h"

#define EXPORT_PAGE 32                          /* rows of a section per piece */
#define EXPORT_CHUNK (64u * 1024)               /* bytes of a picture per piece */
#define EXPORT_PIECE_MAX (24u * 1024 * 1024)    /* the largest piece (a page of long posts) */

enum phase { PH_JSON, PH_HTML, PH_MEDIA, PH_DESK_FILES, PH_FINISH };

struct exp {
	struct api_app *app;
	int64_t account, session;
	char handle[40], locale[8];
	enum http_lang lang;
	int64_t now;
	struct zip_pull pull;
	enum phase phase;
	size_t stage;                /* in a text entry: 0 head, 1..n sections, desk, tail */
	struct rights_cursor cur;    /* of the current section */
	bool stage_open;
	int64_t key;                 /* desk request, picture or document walked last */
	size_t count;                /* items of the current walk */
	int fd;                      /* the picture being sent */
	struct buf t;                /* the text of the current piece */
};

/* --- text helpers --- */

static void html_text(struct buf *b, const char *s, size_t n)
{
	size_t run = 0; /* start of the characters that need no escaping */
	for (size_t i = 0; i < n; i++) {
		const char *e;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		buf_append(b, s + run, i - run);
		buf_puts(b, e);
		run = i + 1;
	}
	buf_append(b, s + run, n - run);
}

static void html_cstr(struct buf *b, const char *s)
{
	html_text(b, s, strlen(s));
}

static json_t *jtime(int64_t t)
{
	if (!t)
		return json_null();
	char iso[24];
	clock_iso(t, iso);
	return json_string(iso);
}

static bool en(const struct exp *x)
{
	return x->lang == HTTP_LANG_EN;
}

static const char *none(const struct exp *x)
{
	return en(x) ? "<p>None.</p>" : "<p>Aucun élément.</p>";
}

/* --- the head: the account --- */

static enum ent_err write_head(struct exp *x, struct store_conn *db, bool json)
{
	struct buf enc;
	char email[AUTH_EMAIL_MAX + 1] = "";
	int64_t created = 0;
	buf_init(&enc, 4096);
	enum ent_err err = rights_account(db, x->account, &enc, &created);
	if (!err)
		err = auth_email_open(x->app->keys, (const unsigned char *)enc.p, enc.len, email);
	buf_clear(&enc);
	if (err)
		return err;
	char iso[24], now[24];
	clock_iso(created, iso);
	clock_iso(x->now, now);
	struct buf *b = &x->t;
	if (json) {
		json_t *head = json_pack("{s:s,s:s,s:o}", "format", "entraide-export/1", "exported_at", now,
					 "instance", json_text(x->app->cfg.name, strlen(x->app->cfg.name)));
		json_t *acc = json_pack("{s:o,s:o,s:s,s:s}", "handle", json_text(x->handle, strlen(x->handle)),
					"email", json_text(email, strlen(email)), "locale", x->locale,
					"created_at", iso);
		/* issue 21: the age band only, never a birth date (null: not given) */
		char band[LEARN_BAND_MAX];
		err = learn_age_band_get(db, x->account, band, NULL);
		if (!err && acc)
			json_object_set_new(acc, "age_band", band[0] ? json_string(band) : json_null());
		if (err) {
			json_decref(acc);
			json_decref(head);
		} else if (!head || !acc || json_object_set_new(head, "account", acc)) {
			json_decref(head);
			err = ENT_ENOMEM;
		} else {
			/* the document stays open: sections follow as members of the same object */
			err = json_dump_buf(head, b);
			json_decref(head);
			if (!err && b->len && b->p[b->len - 1] == '}')
				b->p[--b->len] = '\0';
		}
		sodium_memzero(email, sizeof email);
		return err;
	}
	buf_printf(b, "<!doctype html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width\"><title>%s</title>"
		   "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
		   "padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%%}"
		   "th,td{border:1px solid #888;padding:.25rem;text-align:left;vertical-align:top;"
		   "white-space:pre-wrap}pre{white-space:pre-wrap}.meta{color:#444}</style>"
		   "</head><body><main><h1>%s</h1>\n<p>",
		   en(x) ? "en" : "fr", en(x) ? "Your data" : "Vos données", en(x) ? "Your data" : "Vos données");
	html_cstr(b, x->app->cfg.name);
	buf_printf(b, " · %s %s</p>\n<p>%s</p>\n<dl><dt>%s</dt><dd>", en(x) ? "exported" : "export du", now,
		   en(x) ? "Everything this instance keeps about your account. data.json holds the same "
			   "in a form other programs can read; media/ holds your pictures, desk/ the "
			   "documents institutions sent you."
			 : "Tout ce que cette instance garde sur votre compte. data.json contient la même "
			   "chose sous une forme lisible par d’autres programmes ; media/ contient vos "
			   "images, desk/ les documents que des établissements vous ont envoyés.",
		   en(x) ? "Handle" : "Pseudonyme");
	html_cstr(b, x->handle);
	buf_printf(b, "</dd><dt>%s</dt><dd>", en(x) ? "E-mail" : "Adresse e-mail");
	html_cstr(b, email);
	buf_printf(b, "</dd><dt>%s</dt><dd>%s</dd></dl>\n", en(x) ? "Member since" : "Membre depuis", iso);
	sodium_memzero(email, sizeof email);
	return buf_err(b);
}

/* --- sections, a page at a time --- */

struct page_ctx {
	struct exp *x;
	const struct rights_section *sec;
	bool json;
	size_t n;          /* items of the section so far */
	enum ent_err err;
};

static json_t *json_cell(const struct rights_col *c, const struct rights_row *r, size_t k)
{
	switch (c->type) {
	case 'i':
		return json_integer(r->v[k].i);
	case 'n':
		return r->v[k].null ? json_null() : json_integer(r->v[k].i);
	case 'b':
		return json_boolean(r->v[k].i);
	case 'd':
		return r->v[k].null ? json_null() : jtime(r->v[k].i);
	default:
		return json_text(r->v[k].s, r->v[k].len);
	}
}

static void html_cell(struct buf *b, const struct rights_col *c, const struct rights_row *r, size_t k)
{
	char iso[24];
	switch (c->type) {
	case 'i':
	case 'n':
		if (!r->v[k].null || c->type == 'i')
			buf_printf(b, "%lld", (long long)r->v[k].i);
		break;
	case 'b':
		buf_puts(b, r->v[k].i ? "✓" : "");
		break;
	case 'd':
		if (!r->v[k].null) {
			clock_iso(r->v[k].i, iso);
			buf_puts(b, iso);
		}
		break;
	case 'f':
		buf_puts(b, "<a href=\"");
		html_text(b, r->v[k].s, r->v[k].len);
		buf_puts(b, "\">");
		html_text(b, r->v[k].s, r->v[k].len);
		buf_puts(b, "</a>");
		break;
	default:
		html_text(b, r->v[k].s, r->v[k].len);
	}
}

static void page_row(const struct rights_row *r, void *arg)
{
	struct page_ctx *p = arg;
	struct buf *b = &p->x->t;
	if (p->err)
		return;
	if (!p->json) {
		buf_puts(b, "<tr>");
		for (size_t k = 0; p->sec->cols[k].name; k++) {
			buf_puts(b, "<td>");
			html_cell(b, &p->sec->cols[k], r, k);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
		return;
	}
	json_t *o = json_object();
	for (size_t k = 0; o && p->sec->cols[k].name; k++)
		if (json_object_set_new(o, p->sec->cols[k].name, json_cell(&p->sec->cols[k], r, k))) {
			json_decref(o);
			o = NULL;
		}
	if (!o) {
		p->err = ENT_ENOMEM;
		return;
	}
	if (p->n++)
		buf_putc(b, ',');
	p->err = json_dump_buf(o, b);
	json_decref(o);
}

static enum ent_err write_section_page(struct exp *x, struct store_conn *db, size_t i, bool json)
{
	const struct rights_section *sec = &rights_sections[i];
	struct buf *b = &x->t;
	if (!x->stage_open) {
		x->stage_open = true;
		memset(&x->cur, 0, sizeof x->cur);
		if (json) {
			buf_printf(b, ",\"%s\":[", sec->key);
		} else {
			buf_printf(b, "<section><h2 id=\"%s\">", sec->key);
			html_cstr(b, sec->title[x->lang]);
			buf_puts(b, "</h2>\n<table><thead><tr>");
			for (const struct rights_col *c = sec->cols; c->name; c++)
				buf_printf(b, "<th scope=\"col\">%s</th>", c->name);
			buf_puts(b, "</tr></thead><tbody>\n");
		}
	}
	struct page_ctx p = {x, sec, json, x->cur.rows, ENT_OK};
	enum ent_err err = rights_section_page(db, i, x->account, x->session, &x->cur, EXPORT_PAGE,
					       page_row, &p);
	if (!err)
		err = p.err;
	if (!err && x->cur.done) {
		if (json)
			buf_putc(b, ']');
		else
			buf_printf(b, "</tbody></table>%s</section>\n", x->cur.rows ? "" : none(x));
		x->stage_open = false;
		x->stage++;
	}
	return err;
}

/* --- the desk: one request with the messages the member can read, opened --- */

struct msg_ctx {
	struct exp *x;
	int64_t request;
	json_t *list;      /* data.json */
	struct buf *html;  /* index.html */
	enum ent_err err;
};

static void doc_path(int64_t request, int64_t message, const char *name, char out[ZIP_NAME_MAX + 1])
{
	snprintf(out, ZIP_NAME_MAX + 1, "desk/%lld/%lld-%s", (long long)request, (long long)message, name);
	zip_safe_name(out);
}

static void one_msg(const struct desk_message *m, void *arg)
{
	struct msg_ctx *c = arg;
	if (c->err)
		return;
	struct buf plain;
	buf_init(&plain, DESK_SEALED_MAX);
	c->err = desk_open(m->body_enc, m->body_len, &plain);
	/* The sealed body is JSON written by the desk: {"text":...,"title":...}. */
	json_t *body = c->err ? NULL : json_loadb(plain.p ? plain.p : "{}", plain.len ? plain.len : 2, 0, NULL);
	if (plain.p)
		sodium_memzero(plain.p, plain.len);
	buf_clear(&plain);
	if (c->err)
		return;
	if (!body)
		body = json_object();
	char path[ZIP_NAME_MAX + 1] = "";
	if (m->file_name[0])
		doc_path(c->request, m->id, m->file_name, path);
	if (c->list) {
		json_t *o = json_pack("{s:I,s:s,s:o,s:O}", "id", (json_int_t)m->id, "kind", m->kind, "author",
				      m->author[0] ? json_text(m->author, strlen(m->author)) : json_null(),
				      "body", body);
		if (o && m->file_name[0])
			json_object_set_new(o, "file", json_pack("{s:o,s:s,s:I,s:o}", "name",
								 json_text(m->file_name, strlen(m->file_name)),
								 "type", m->file_type, "size",
								 (json_int_t)m->file_size, "path",
								 json_text(path, strlen(path))));
		if (o)
			json_object_set_new(o, "created_at", jtime(m->created_at));
		if (!o || json_array_append_new(c->list, o))
			c->err = ENT_ENOMEM;
	} else {
		struct buf *b = c->html;
		char iso[24];
		clock_iso(m->created_at, iso);
		buf_printf(b, "<li><p class=\"meta\">%s · %s · ", iso, m->kind);
		html_cstr(b, m->author[0] ? m->author : "-");
		buf_puts(b, "</p><p>");
		const char *text = json_string_value(json_object_get(body, "text"));
		html_cstr(b, text ? text : "");
		buf_puts(b, "</p>");
		if (path[0]) {
			buf_puts(b, "<p><a href=\"");
			html_cstr(b, path);
			buf_puts(b, "\">");
			html_cstr(b, m->file_name);
			buf_puts(b, "</a></p>");
		}
		buf_puts(b, "</li>\n");
	}
	json_decref(body);
}

static enum ent_err write_request(struct exp *x, struct store_conn *db, int64_t id, bool json)
{
	struct desk_request r;
	struct buf sealed, plain;
	struct buf *b = &x->t;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	buf_init(&plain, DESK_SEALED_MAX);
	enum ent_err err = desk_request_get(db, id, &r, &sealed);
	if (!err)
		err = desk_open(sealed.p, sealed.len, &plain);
	if (!err && r.requester_id != x->account)
		err = ENT_EINTERNAL;
	buf_clear(&sealed);
	if (err)
		goto out;
	struct msg_ctx c = {x, r.id, NULL, b, ENT_OK};
	if (json) {
		json_t *details = json_loadb(plain.p ? plain.p : "{}", plain.len ? plain.len : 2, 0, NULL);
		json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:[]}", "id", (json_int_t)r.id,
				      "institution", r.inst_slug, "form", r.form, "type", r.type, "status",
				      r.status, "created_at", jtime(r.created_at), "resolved_at",
				      jtime(r.resolved_at), "details", details ? details : json_object(),
				      "messages");
		c.list = o ? json_object_get(o, "messages") : NULL;
		/* The requester's view: the institution's internal notes are not theirs. */
		err = o ? desk_message_each(db, r.id, false, one_msg, &c) : ENT_ENOMEM;
		if (!err)
			err = c.err;
		if (!err) {
			if (x->count)
				buf_putc(b, ',');
			err = json_dump_buf(o, b);
		}
		json_decref(o);
	} else {
		buf_printf(b, "<article><h3>#%lld · ", (long long)r.id);
		html_cstr(b, r.inst_slug);
		buf_printf(b, " · %s · %s</h3>\n<pre>", r.type, r.status);
		html_text(b, plain.p ? plain.p : "", plain.len);
		buf_puts(b, "</pre>\n<ol>\n");
		err = desk_message_each(db, r.id, false, one_msg, &c);
		if (!err)
			err = c.err;
		buf_puts(b, "</ol></article>\n");
	}
out:
	if (plain.p)
		sodium_memzero(plain.p, plain.len);
	buf_clear(&plain);
	return err;
}

static enum ent_err write_desk_step(struct exp *x, struct store_conn *db, bool json)
{
	struct buf *b = &x->t;
	if (!x->stage_open) {
		x->stage_open = true;
		x->key = 0;
		x->count = 0;
		if (json)
			buf_puts(b, ",\"desk_requests\":[");
		else
			buf_printf(b, "<section><h2 id=\"desk_requests\">%s</h2>\n",
				   en(x) ? "Requests to institutions" : "Demandes aux établissements");
	}
	enum ent_err err = rights_next_desk_request(db, x->account, &x->key);
	if (err)
		return err;
	if (x->key) {
		err = write_request(x, db, x->key, json);
		x->count++;
		return err;
	}
	if (json)
		buf_putc(b, ']');
	else
		buf_printf(b, "%s</section>\n", x->count ? "" : none(x));
	x->stage_open = false;
	x->stage++;
	return ENT_OK;
}

/* One piece of data.json or index.html. */
static enum ent_err text_step(struct exp *x, struct store_conn *db, struct zip_writer *w)
{
	bool json = x->phase == PH_JSON;
	enum ent_err err = ENT_OK;
	if (x->stage == 0) {
		err = zip_begin(w, json ? "data.json" : "index.html");
		if (!err)
			err = write_head(x, db, json);
		x->stage = 1;
	} else if (x->stage <= rights_n_sections) {
		err = write_section_page(x, db, x->stage - 1, json);
	} else if (x->stage == rights_n_sections + 1) {
		err = write_desk_step(x, db, json);
	} else {
		buf_puts(&x->t, json ? "}" : "</main></body></html>\n");
		x->phase++;
		x->stage = 0;
	}
	if (!err)
		err = buf_err(&x->t);
	if (!err)
		err = zip_write(w, x->t.p, x->t.len);
	if (!err && x->stage == 0)
		err = zip_end(w);
	buf_clear(&x->t);
	return err;
}

/* --- files --- */

/* One piece of a picture: opens the next one, or sends its next 64 KiB, or ends it. */
static enum ent_err media_step(struct exp *x, struct store_conn *db, struct zip_writer *w)
{
	if (x->fd < 0) {
		char hash[RIGHTS_HASH_MAX], path[ZIP_NAME_MAX + 1], file[MEDIA_PATH_MAX];
		enum ent_err err = rights_next_media(db, x->account, &x->key, hash, path);
		if (err)
			return err;
		if (!x->key) {
			x->phase++;
			return ENT_OK;
		}
		media_file_path(x->app->cfg.data, hash, file);
		x->fd = open(file, O_RDONLY | O_CLOEXEC);
		if (x->fd < 0) {
			int e = errno;
			/* removed since data.json listed it (the member deleted it meanwhile) */
			log_line(LOG_WARN, "export: a picture's file is gone", NULL);
			return e == ENOENT ? ENT_OK : ENT_EIO;
		}
		return zip_begin(w, path);
	}
	char *chunk = malloc(EXPORT_CHUNK);
	if (!chunk)
		return ENT_ENOMEM;
	ssize_t r;
	do
		r = read(x->fd, chunk, EXPORT_CHUNK);
	while (r < 0 && errno == EINTR);
	enum ent_err err = r < 0 ? ENT_EIO : r > 0 ? zip_write(w, chunk, (size_t)r) : zip_end(w);
	free(chunk);
	if (r <= 0) {
		close(x->fd);
		x->fd = -1;
	}
	return err;
}

/* One document delivered on a desk request, opened for its owner. */
static enum ent_err desk_file_step(struct exp *x, struct store_conn *db, struct zip_writer *w)
{
	int64_t request = 0;
	char path[ZIP_NAME_MAX + 1], name[DESK_FILE_NAME_MAX + 1], type[24];
	enum ent_err err = rights_next_desk_file(db, x->account, &x->key, &request, path);
	if (err)
		return err;
	if (!x->key) {
		x->phase++;
		return ENT_OK;
	}
	struct buf sealed, plain;
	buf_init(&sealed, DESK_FILE_MAX + 64);
	buf_init(&plain, DESK_FILE_MAX);
	err = desk_file_get(db, request, x->key, name, type, &sealed);
	if (!err)
		err = desk_open(sealed.p, sealed.len, &plain);
	buf_clear(&sealed);
	if (!err)
		err = zip_begin(w, path);
	if (!err)
		err = zip_write(w, plain.p, plain.len);
	if (!err)
		err = zip_end(w);
	if (plain.p)
		sodium_memzero(plain.p, plain.len);
	buf_clear(&plain);
	return err;
}

static int step(void *cls, struct zip_writer *w)
{
	struct exp *x = cls;
	struct store_conn *db;
	enum ent_err err = store_conn_get(x->app->store, &db);
	if (!err) {
		switch (x->phase) {
		case PH_JSON:
		case PH_HTML:
			err = text_step(x, db, w);
			if (!err && x->phase == PH_MEDIA)
				x->key = 0;
			break;
		case PH_MEDIA:
			err = media_step(x, db, w);
			if (!err && x->phase == PH_DESK_FILES)
				x->key = 0;
			break;
		case PH_DESK_FILES:
			err = desk_file_step(x, db, w);
			break;
		case PH_FINISH:
			err = zip_finish(w);
			if (!err)
				return 0;
		}
	}
	if (err) {
		/* the client sees a cut download, never a complete-looking one */
		log_err("export: archive cut", err, "stream");
		return -1;
	}
	return 1;
}

static ssize_t produce(void *cls, uint64_t pos, char *out, size_t max)
{
	struct exp *x = cls;
	(void)pos;
	ssize_t r = zip_pull_read(&x->pull, out, max);
	return r < 0 ? HTTP_STREAM_ERROR : r == 0 ? HTTP_STREAM_END : r;
}

static void exp_free(void *cls)
{
	struct exp *x = cls;
	if (x->fd >= 0)
		close(x->fd);
	zip_pull_free(&x->pull);
	buf_clear(&x->t);
	free(x);
}

enum ent_err api_me_export(struct api_req *q)
{
	enum ent_err err = desk_seal_init(q->app->cfg.data);
	if (err)
		return err;
	struct exp *x = calloc(1, sizeof *x);
	if (!x)
		return ENT_ENOMEM;
	x->app = q->app;
	x->account = q->s.account.id;
	x->session = q->s.id;
	snprintf(x->handle, sizeof x->handle, "%s", q->s.account.handle);
	snprintf(x->locale, sizeof x->locale, "%s", q->s.account.locale);
	x->lang = q->lang;
	x->now = clock_now();
	x->fd = -1;
	buf_init(&x->t, EXPORT_PIECE_MAX);
	zip_pull_init(&x->pull, EXPORT_PIECE_MAX + 1024, x->now, step, x);
	err = http_add_header(q->http, "Content-Disposition", "attachment; filename=\"entraide-export.zip\"");
	if (err) {
		exp_free(x);
		return err;
	}
	http_reply_stream(q->http, 200, "application/zip", produce, exp_free, x);
	return ENT_OK;
}
