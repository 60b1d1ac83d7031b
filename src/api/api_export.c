/*
 * api_export.c - GET /api/v1/me/export: a member's copy of their data (GDPR art. 15, right of
 * access, and art. 20, portability), as a ZIP archive streamed while it is written:
 *
 *   data.json   everything the instance keeps about the account, machine-readable
 *   index.html  the same, readable in a browser (no script, no outside resource)
 *   media/N.ext the member's own pictures, read from disk while they are sent
 *
 * What goes in is what the member wrote or what is about them: account (with the e-mail,
 * opened for its owner), roles, sessions (times only, never tokens), threads, posts and their
 * history, reactions, follows, notifications, reports they made, desk requests and the
 * messages they can read (decrypted; the institution's internal notes are not theirs), public
 * desk messages, professional verification, cases, answers, consents they recorded, picture
 * records, consents. Nothing about other people beyond what the member could already read: the
 * handle of a community manager who answered is there, nobody's e-mail is.
 *
 * data.json and index.html are assembled in memory (bounded by EXPORT_TEXT_MAX each, a
 * member's own text); the pictures, the bulk, are streamed from their files in 64 KiB pieces.
 * The stream holds no database statement between pieces (http.h).
 * Not responsible for: the ZIP records (core/zip.c), who may call (api_routes.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api_community.h"
#include "api/api_desk.h"
#include "api/api_handlers.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/zip.h"
#include "desk/desk.h"

#define EXPORT_TEXT_MAX (64u * 1024 * 1024)
#define EXPORT_MEDIA_MAX 10000

/* --- sections: one statement each, written as a JSON array and an HTML table --- */

struct col {
	const char *name;
	char type; /* i int, n int or null, t text, d date or null, b bool */
};

struct section {
	const char *key;
	const char *title[2]; /* fr, en */
	struct store_stmt stmt; /* ?1 = account id, ?2 = the current session (when used) */
	struct col cols[12];
};

static const struct section sections[] = {
	{"roles", {"Rôles", "Roles"}, {"export.roles",
	  "SELECT r.role, coalesce(i.slug, ''), r.granted_at FROM account_roles r "
	  "LEFT JOIN institutions i ON i.id = r.institution_id WHERE r.account_id = ?1 ORDER BY r.role"},
	 {{"role", 't'}, {"institution", 't'}, {"granted_at", 'd'}}},
	{"sessions", {"Sessions ouvertes", "Open sessions"}, {"export.sessions",
	  "SELECT created_at, expires_at, id = ?2 FROM sessions WHERE account_id = ?1 ORDER BY id"},
	 {{"created_at", 'd'}, {"expires_at", 'd'}, {"current", 'b'}}},
	{"threads", {"Fils ouverts", "Threads started"}, {"export.threads",
	  "SELECT t.id, s.slug, t.title, t.created_at FROM threads t JOIN spaces s ON s.id = t.space_id "
	  "WHERE t.author_id = ?1 ORDER BY t.id"},
	 {{"id", 'i'}, {"space", 't'}, {"title", 't'}, {"created_at", 'd'}}},
	{"posts", {"Messages", "Posts"}, {"export.posts",
	  "SELECT p.id, p.thread_id, t.title, s.slug, p.body, p.label, p.redacted, p.created_at, "
	  "p.edited_at, p.deleted_at, p.hidden_at FROM posts p JOIN threads t ON t.id = p.thread_id "
	  "JOIN spaces s ON s.id = t.space_id WHERE p.author_id = ?1 ORDER BY p.id"},
	 {{"id", 'i'}, {"thread", 'i'}, {"thread_title", 't'}, {"space", 't'}, {"body", 't'},
	  {"label", 't'}, {"redacted", 'b'}, {"created_at", 'd'}, {"edited_at", 'd'},
	  {"deleted_at", 'd'}, {"hidden_at", 'd'}}},
	{"post_history", {"Versions précédentes des messages", "Earlier versions of posts"},
	 {"export.post_history",
	  "SELECT r.post_id, r.body, r.created_at FROM post_revisions r JOIN posts p ON p.id = r.post_id "
	  "WHERE p.author_id = ?1 ORDER BY r.id"},
	 {{"post", 'i'}, {"body", 't'}, {"written_at", 'd'}}},
	{"reactions", {"Réactions", "Reactions"}, {"export.reactions",
	  "SELECT post_id, kind, created_at FROM reactions WHERE account_id = ?1 ORDER BY created_at"},
	 {{"post", 'i'}, {"kind", 't'}, {"created_at", 'd'}}},
	{"follows", {"Fils suivis", "Followed threads"}, {"export.follows",
	  "SELECT f.thread_id, t.title, f.last_read_id FROM follows f JOIN threads t ON t.id = f.thread_id "
	  "WHERE f.account_id = ?1 ORDER BY f.thread_id"},
	 {{"thread", 'i'}, {"title", 't'}, {"last_read_post", 'i'}}},
	{"notifications", {"Notifications", "Notifications"}, {"export.notifications",
	  "SELECT id, kind, thread_id, post_id, created_at, read_at FROM notifications "
	  "WHERE account_id = ?1 ORDER BY id"},
	 {{"id", 'i'}, {"kind", 't'}, {"thread", 'n'}, {"post", 'n'}, {"created_at", 'd'},
	  {"read_at", 'd'}}},
	{"reports", {"Signalements faits", "Reports made"}, {"export.reports",
	  "SELECT post_id, reason, created_at, resolved_at, coalesce(resolution, '') FROM reports "
	  "WHERE reporter_id = ?1 ORDER BY id"},
	 {{"post", 'i'}, {"reason", 't'}, {"created_at", 'd'}, {"resolved_at", 'd'},
	  {"resolution", 't'}}},
	{"desk_public", {"Messages publics aux établissements", "Public messages to institutions"},
	 {"export.desk_public",
	  "SELECT i.slug, d.body, coalesce(d.reply, ''), d.created_at, d.replied_at FROM desk_public d "
	  "JOIN institutions i ON i.id = d.institution_id WHERE d.author_id = ?1 ORDER BY d.id"},
	 {{"institution", 't'}, {"body", 't'}, {"reply", 't'}, {"created_at", 'd'},
	  {"replied_at", 'd'}}},
	{"verification", {"Vérification professionnelle", "Professional verification"},
	 {"export.verification",
	  "SELECT profession, specialty, rpps, status, reason, verified_by, created_at, decided_at "
	  "FROM pro_verifications WHERE account_id = ?1 ORDER BY id"},
	 {{"profession", 't'}, {"specialty", 't'}, {"rpps", 't'}, {"status", 't'}, {"reason", 't'},
	  {"verified_by", 't'}, {"created_at", 'd'}, {"decided_at", 'd'}}},
	{"cases", {"Cas cliniques", "Cases"}, {"export.cases",
	  "SELECT id, space, title, body, status, created_at, closed_at FROM pro_cases "
	  "WHERE author_id = ?1 ORDER BY id"},
	 {{"id", 'i'}, {"space", 't'}, {"title", 't'}, {"body", 't'}, {"status", 't'},
	  {"created_at", 'd'}, {"closed_at", 'd'}}},
	{"case_answers", {"Réponses aux cas", "Answers to cases"}, {"export.case_answers",
	  "SELECT case_id, body, created_at FROM pro_case_answers WHERE author_id = ?1 ORDER BY id"},
	 {{"case", 'i'}, {"body", 't'}, {"created_at", 'd'}}},
	{"case_consents", {"Consentements de patients enregistrés", "Patient consents recorded"},
	 {"export.case_consents",
	  "SELECT case_id, who, how, given_on, recorded_at FROM pro_case_consents "
	  "WHERE recorded_by = ?1 ORDER BY case_id"},
	 {{"case", 'i'}, {"who", 't'}, {"how", 't'}, {"given_on", 't'}, {"recorded_at", 'd'}}},
	{"case_photos", {"Photos de cas", "Case photos"}, {"export.case_photos",
	  "SELECT id, case_id, mime, width, height, status, created_at FROM pro_case_photos "
	  "WHERE author_id = ?1 ORDER BY id"},
	 {{"id", 'i'}, {"case", 'i'}, {"mime", 't'}, {"width", 'i'}, {"height", 'i'},
	  {"status", 't'}, {"created_at", 'd'}}},
	{"consents", {"Consentements", "Consents"}, {"export.consents",
	  "SELECT purpose, given_at, withdrawn_at FROM consents WHERE account_id = ?1 ORDER BY id"},
	 {{"purpose", 't'}, {"given_at", 'd'}, {"withdrawn_at", 'd'}}},
	{"media", {"Images envoyées", "Pictures uploaded"}, {"export.media",
	  "SELECT id, format, width, height, bytes, created_at, "
	  "'media/' || id || '.' || format FROM media WHERE account_id = ?1 ORDER BY id"},
	 {{"id", 'i'}, {"format", 't'}, {"width", 'i'}, {"height", 'i'}, {"bytes", 'i'},
	  {"created_at", 'd'}, {"file", 't'}}},
};

static void html_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, s[i]);
		}
	}
}

static void html_cstr(struct buf *b, const char *s)
{
	html_text(b, s, strlen(s));
}

struct out {
	struct buf json, html;
	enum http_lang lang;
};

static void cell(struct out *o, struct store_q *st, int i, char type)
{
	char iso[24];
	size_t len;
	bool null = store_q_is_null(st, i);
	switch (type) {
	case 'i':
	case 'n':
		if (null && type == 'n') {
			buf_puts(&o->json, "null");
			break;
		}
		buf_printf(&o->json, "%lld", (long long)store_q_int(st, i));
		buf_printf(&o->html, "%lld", (long long)store_q_int(st, i));
		break;
	case 'b':
		buf_puts(&o->json, store_q_int(st, i) ? "true" : "false");
		buf_puts(&o->html, store_q_int(st, i) ? "✓" : "");
		break;
	case 'd':
		if (null) {
			buf_puts(&o->json, "null");
			break;
		}
		comm_iso(store_q_int(st, i), iso);
		buf_printf(&o->json, "\"%s\"", iso);
		buf_puts(&o->html, iso);
		break;
	default: {
		const char *s = store_q_text(st, i, &len);
		buf_json_str(&o->json, s, len);
		html_text(&o->html, s, len);
	}
	}
}

static enum ent_err write_section(struct api_req *q, struct out *o, const struct section *sec)
{
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &sec->stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	if (strstr(sec->stmt.sql, "?2"))
		store_q_bind_int(st, 2, q->s.id);
	buf_printf(&o->json, ",\"%s\":[", sec->key);
	buf_printf(&o->html, "<section><h2 id=\"%s\">", sec->key);
	html_cstr(&o->html, sec->title[o->lang]);
	buf_puts(&o->html, "</h2>\n<table><thead><tr>");
	for (const struct col *c = sec->cols; c->name; c++)
		buf_printf(&o->html, "<th scope=\"col\">%s</th>", c->name);
	buf_puts(&o->html, "</tr></thead><tbody>\n");
	bool row;
	size_t n = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		buf_puts(&o->json, n++ ? ",{" : "{");
		buf_puts(&o->html, "<tr>");
		int i = 0;
		for (const struct col *c = sec->cols; c->name; c++, i++) {
			buf_printf(&o->json, "%s\"%s\":", i ? "," : "", c->name);
			buf_puts(&o->html, "<td>");
			cell(o, st, i, c->type);
			buf_puts(&o->html, "</td>");
		}
		buf_putc(&o->json, '}');
		buf_puts(&o->html, "</tr>\n");
	}
	store_q_close(st);
	buf_putc(&o->json, ']');
	buf_printf(&o->html, "</tbody></table>%s</section>\n",
		   n ? "" : (o->lang == HTTP_LANG_EN ? "<p>None.</p>" : "<p>Aucun élément.</p>"));
	return err;
}

/* --- the desk: requests and the messages the member can read, opened --- */

static const struct store_stmt Q_DESK_IDS = {
	"export.desk_ids", "SELECT id FROM desk_requests WHERE requester_id = ?1 ORDER BY id"};

/* The readable form of a message (data.json gets api_desk_message_json's). */
struct html_ctx {
	struct out *o;
	enum ent_err err;
};

static void html_msg(const struct desk_message *m, void *arg)
{
	struct html_ctx *x = arg;
	struct buf plain;
	buf_init(&plain, DESK_SEALED_MAX);
	enum ent_err err = desk_open(m->body_enc, m->body_len, &plain);
	if (err) {
		x->err = err;
		buf_clear(&plain);
		return;
	}
	struct out *o = x->o;
	char iso[24];
	comm_iso(m->created_at, iso);
	buf_printf(&o->html, "<li><p class=\"meta\">%s · %s · ", iso, m->kind);
	html_cstr(&o->html, m->author[0] ? m->author : "-");
	buf_puts(&o->html, "</p><p>");
	/* The sealed body is JSON written by the desk: {"text":...,"title":...}. */
	json_t *j = json_loadb(plain.p ? plain.p : "{}", plain.len ? plain.len : 2, 0, NULL);
	const char *text = j ? json_string_value(json_object_get(j, "text")) : NULL;
	html_cstr(&o->html, text ? text : "");
	json_decref(j);
	buf_puts(&o->html, "</p></li>\n");
	buf_clear(&plain);
}

static enum ent_err write_one_request(struct api_req *q, struct out *o, int64_t id, bool first)
{
	struct desk_request r;
	struct buf sealed, plain;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	buf_init(&plain, DESK_SEALED_MAX);
	enum ent_err err = desk_request_get(q->db, id, &r, &sealed);
	if (!err)
		err = desk_open(sealed.p, sealed.len, &plain);
	if (!err && r.requester_id != q->s.account.id)
		err = ENT_EINTERNAL;
	if (err)
		goto out;
	buf_printf(&o->json, "%s{\"id\":%lld,\"institution\":", first ? "" : ",", (long long)r.id);
	buf_json_cstr(&o->json, r.inst_slug);
	buf_printf(&o->json, ",\"form\":\"%s\",\"type\":\"%s\",\"status\":\"%s\",\"created_at\":",
		   r.form, r.type, r.status);
	api_desk_time(&o->json, r.created_at);
	buf_puts(&o->json, ",\"resolved_at\":");
	api_desk_time(&o->json, r.resolved_at);
	buf_puts(&o->json, ",\"details\":");
	buf_append(&o->json, plain.p ? plain.p : "{}", plain.len ? plain.len : 2);
	buf_puts(&o->json, ",\"messages\":[");
	buf_printf(&o->html, "<article><h3>#%lld · ", (long long)r.id);
	html_cstr(&o->html, r.inst_slug);
	buf_printf(&o->html, " · %s · %s</h3>\n<pre>", r.type, r.status);
	html_text(&o->html, plain.p ? plain.p : "", plain.len);
	buf_puts(&o->html, "</pre>\n<ol>\n");
	/* The requester's view: the institution's internal notes are not theirs. */
	struct api_desk_msg_ctx x = {&o->json, true, ENT_OK, 0};
	err = desk_message_each(q->db, r.id, false, api_desk_message_json, &x);
	if (!err)
		err = x.err;
	struct html_ctx hx = {o, ENT_OK};
	if (!err)
		err = desk_message_each(q->db, r.id, false, html_msg, &hx);
	if (!err)
		err = hx.err;
	buf_puts(&o->json, "]}");
	buf_puts(&o->html, "</ol></article>\n");
out:
	buf_clear(&sealed);
	buf_clear(&plain);
	return err;
}

static enum ent_err write_desk(struct api_req *q, struct out *o)
{
	/* Ids first: the statement is closed before each request opens its own. */
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &Q_DESK_IDS, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	bool row;
	while (!(err = store_q_step(st, &row)) && row) {
		if (n == cap) {
			size_t c = cap ? cap * 2 : 16;
			int64_t *p = realloc(ids, c * sizeof *p);
			if (!p) {
				err = ENT_ENOMEM;
				break;
			}
			ids = p;
			cap = c;
		}
		ids[n++] = store_q_int(st, 0);
	}
	store_q_close(st);
	buf_puts(&o->json, ",\"desk_requests\":[");
	buf_printf(&o->html, "<section><h2 id=\"desk_requests\">%s</h2>\n",
		   o->lang == HTTP_LANG_EN ? "Requests to institutions" : "Demandes aux établissements");
	for (size_t i = 0; !err && i < n; i++)
		err = write_one_request(q, o, ids[i], i == 0);
	buf_putc(&o->json, ']');
	if (!n)
		buf_puts(&o->html, o->lang == HTTP_LANG_EN ? "<p>None.</p>" : "<p>Aucun élément.</p>");
	buf_puts(&o->html, "</section>\n");
	free(ids);
	return err;
}

static const struct store_stmt Q_EMAIL = {
	"export.email", "SELECT email_enc, created_at FROM accounts WHERE id = ?1"};

static enum ent_err write_account(struct api_req *q, struct out *o)
{
	struct store_q *st;
	bool row = false;
	char email[AUTH_EMAIL_MAX + 1] = "";
	int64_t created = 0;
	enum ent_err err = store_q_open(q->db, &Q_EMAIL, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	err = store_q_step(st, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		size_t len;
		const void *p = store_q_blob(st, 0, &len);
		err = auth_email_open(q->app->keys, p, len, email);
		created = store_q_int(st, 1);
	}
	store_q_close(st);
	if (err)
		return err;
	char iso[24], now[24];
	comm_iso(created, iso);
	comm_iso(clock_now(), now);
	buf_printf(&o->json, "{\"format\":\"entraide-export/1\",\"exported_at\":\"%s\",\"instance\":",
		   now);
	buf_json_cstr(&o->json, q->app->cfg.name);
	buf_puts(&o->json, ",\"account\":{\"handle\":");
	buf_json_cstr(&o->json, q->s.account.handle);
	buf_puts(&o->json, ",\"email\":");
	buf_json_cstr(&o->json, email);
	buf_printf(&o->json, ",\"locale\":\"%s\",\"created_at\":\"%s\"}", q->s.account.locale, iso);
	bool en = o->lang == HTTP_LANG_EN;
	buf_printf(&o->html, "<!doctype html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width\"><title>%s</title>"
		   "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
		   "padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%%}"
		   "th,td{border:1px solid #888;padding:.25rem;text-align:left;vertical-align:top;"
		   "white-space:pre-wrap}pre{white-space:pre-wrap}.meta{color:#444}</style>"
		   "</head><body><main><h1>%s</h1>\n<p>",
		   en ? "en" : "fr", en ? "Your data" : "Vos données",
		   en ? "Your data" : "Vos données");
	html_cstr(&o->html, q->app->cfg.name);
	buf_printf(&o->html, " · %s %s</p>\n<p>%s</p>\n<dl><dt>%s</dt><dd>", en ? "exported" : "export du",
		   now,
		   en ? "Everything this instance keeps about your account. data.json holds the same "
			"in a form other programs can read; media/ holds your pictures."
		      : "Tout ce que cette instance garde sur votre compte. data.json contient la même "
			"chose sous une forme lisible par d’autres programmes ; media/ contient vos images.",
		   en ? "Handle" : "Pseudonyme");
	html_cstr(&o->html, q->s.account.handle);
	buf_printf(&o->html, "</dd><dt>%s</dt><dd>", en ? "E-mail" : "Adresse e-mail");
	html_cstr(&o->html, email);
	buf_printf(&o->html, "</dd><dt>%s</dt><dd>%s</dd></dl>\n", en ? "Member since" : "Membre depuis",
		   iso);
	sodium_memzero(email, sizeof email);
	return buf_err(&o->json);
}

/* --- the archive, streamed --- */

struct item {
	struct zip_entry z;
	const char *mem;                 /* data.json, index.html; NULL for a file */
	char path[API_MEDIA_PATH_MAX];
};

struct stream {
	struct out o;
	struct item *items;
	size_t n, cur;
	bool in_data, central_done;
	int fd;
	uint32_t sent;                   /* bytes of the current entry sent */
	uint64_t pos;                    /* archive bytes produced */
	struct buf pend;                 /* records waiting to be sent */
	size_t pend_off;
	int64_t now;
};

static void stream_free(void *cls)
{
	struct stream *x = cls;
	if (x->fd >= 0)
		close(x->fd);
	buf_clear(&x->o.json);
	buf_clear(&x->o.html);
	buf_clear(&x->pend);
	free(x->items);
	free(x);
}

/* Bytes of the current entry into out; -1 on a read failure. */
static ssize_t entry_bytes(struct stream *x, struct item *it, char *out, size_t max)
{
	size_t k = it->z.size - x->sent;
	if (k > max)
		k = max;
	if (it->mem) {
		memcpy(out, it->mem + x->sent, k);
		return (ssize_t)k;
	}
	if (x->fd < 0)
		x->fd = open(it->path, O_RDONLY | O_CLOEXEC);
	if (x->fd < 0)
		return -1;
	ssize_t r;
	do
		r = read(x->fd, out, k);
	while (r < 0 && errno == EINTR);
	return r > 0 ? r : -1; /* a file shorter than when it was measured is an error */
}

static ssize_t produce(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream *x = cls;
	(void)pos;
	size_t w = 0;
	while (w < max) {
		if (x->pend_off < x->pend.len) {
			size_t k = x->pend.len - x->pend_off;
			if (k > max - w)
				k = max - w;
			memcpy(out + w, x->pend.p + x->pend_off, k);
			x->pend_off += k;
			w += k;
			continue;
		}
		buf_clear(&x->pend);
		x->pend_off = 0;
		if (x->cur < x->n) {
			struct item *it = &x->items[x->cur];
			if (!x->in_data) {
				if (zip_local_header(&x->pend, &it->z, x->pos, x->now))
					return HTTP_STREAM_ERROR;
				x->pos += x->pend.len;
				x->in_data = true;
				x->sent = 0;
				continue;
			}
			if (x->sent == it->z.size) {
				if (x->fd >= 0)
					close(x->fd);
				x->fd = -1;
				x->in_data = false;
				x->cur++;
				continue;
			}
			ssize_t r = entry_bytes(x, it, out + w, max - w);
			if (r < 0)
				return HTTP_STREAM_ERROR;
			x->sent += (uint32_t)r;
			x->pos += (uint64_t)r;
			w += (size_t)r;
			continue;
		}
		if (x->central_done)
			break;
		struct zip_entry *z = malloc((x->n ? x->n : 1) * sizeof *z);
		if (!z)
			return HTTP_STREAM_ERROR;
		for (size_t i = 0; i < x->n; i++)
			z[i] = x->items[i].z;
		enum ent_err err = zip_central(&x->pend, z, x->n, x->pos, x->now);
		free(z);
		if (err)
			return HTTP_STREAM_ERROR;
		x->central_done = true;
	}
	return w ? (ssize_t)w : HTTP_STREAM_END;
}

/* The CRC-32 and size of a picture's file, read once before the archive starts (its local
 * header carries them). */
static enum ent_err measure(const char *path, uint32_t *crc, uint32_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ENT_EIO;
	char chunk[65536];
	uint64_t total = 0;
	uint32_t c = 0;
	ssize_t r;
	while ((r = read(fd, chunk, sizeof chunk)) > 0 || (r < 0 && errno == EINTR)) {
		if (r < 0)
			continue;
		c = zip_crc32(c, chunk, (size_t)r);
		total += (uint64_t)r;
	}
	close(fd);
	if (r < 0 || total > ZIP_SIZE_MAX)
		return ENT_EIO;
	*crc = c;
	*size = (uint32_t)total;
	return ENT_OK;
}

static const struct store_stmt Q_MEDIA_FILES = {
	"export.media_files",
	"SELECT id, hash, format FROM media WHERE account_id = ?1 ORDER BY id LIMIT ?2"};

static enum ent_err add_item(struct stream *x, size_t *cap, struct item **it)
{
	if (x->n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		struct item *p = realloc(x->items, c * sizeof *p);
		if (!p)
			return ENT_ENOMEM;
		x->items = p;
		*cap = c;
	}
	*it = &x->items[x->n++];
	memset(*it, 0, sizeof **it);
	return ENT_OK;
}

static enum ent_err add_media(struct api_req *q, struct stream *x, size_t *cap)
{
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &Q_MEDIA_FILES, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_int(st, 2, EXPORT_MEDIA_MAX);
	bool row;
	while (!err && !(err = store_q_step(st, &row)) && row) {
		struct item *it;
		err = add_item(x, cap, &it);
		if (err)
			break;
		snprintf(it->z.name, sizeof it->z.name, "media/%lld.%s", (long long)store_q_int(st, 0),
			 store_q_text(st, 2, NULL));
		api_media_file(q->app, store_q_text(st, 1, NULL), it->path);
	}
	store_q_close(st);
	/* Measured after the statement is closed: no statement stays open during file reads. */
	for (size_t i = 0; !err && i < x->n; i++)
		if (!x->items[i].mem)
			err = measure(x->items[i].path, &x->items[i].z.crc, &x->items[i].z.size);
	return err;
}

static void add_text(struct item *it, const char *name, const struct buf *b)
{
	snprintf(it->z.name, sizeof it->z.name, "%s", name);
	it->mem = b->p ? b->p : "";
	it->z.size = (uint32_t)b->len;
	it->z.crc = zip_crc32(0, it->mem, b->len);
}

enum ent_err api_me_export(struct api_req *q)
{
	struct stream *x = calloc(1, sizeof *x);
	if (!x)
		return ENT_ENOMEM;
	x->fd = -1;
	x->now = clock_now();
	buf_init(&x->pend, 1024 * 1024);
	buf_init(&x->o.json, EXPORT_TEXT_MAX);
	buf_init(&x->o.html, EXPORT_TEXT_MAX);
	x->o.lang = q->lang;
	size_t cap = 0;
	enum ent_err err = write_account(q, &x->o);
	for (size_t i = 0; !err && i < sizeof sections / sizeof sections[0]; i++)
		err = write_section(q, &x->o, &sections[i]);
	if (!err)
		err = write_desk(q, &x->o);
	buf_putc(&x->o.json, '}');
	buf_puts(&x->o.html, "</main></body></html>\n");
	if (!err)
		err = buf_err(&x->o.json) ? buf_err(&x->o.json) : buf_err(&x->o.html);
	if (!err)
		err = add_media(q, x, &cap);
	struct item *it;
	if (!err)
		err = add_item(x, &cap, &it);
	if (!err) {
		add_text(it, "data.json", &x->o.json);
		err = add_item(x, &cap, &it);
	}
	if (!err) {
		add_text(it, "index.html", &x->o.html);
		/* data.json and index.html first: a reader sees them at the top. */
		struct item a = x->items[x->n - 2], b = x->items[x->n - 1];
		memmove(x->items + 2, x->items, (x->n - 2) * sizeof *x->items);
		x->items[0] = a;
		x->items[1] = b;
		err = http_add_header(q->http, "Content-Disposition",
				      "attachment; filename=\"entraide-export.zip\"");
	}
	if (err) {
		stream_free(x);
		return err;
	}
	http_reply_stream(q->http, 200, "application/zip", produce, stream_free, x);
	return ENT_OK;
}
