/*
 * api_desk.c - requests to an institution's desk and their conversation: a member writes
 * (typed form or free text), every message is classified, urgent and consultation messages
 * get their guidance at once (R3, R2); community managers reply, keep internal notes, check
 * the requester's identity and then deliver documents privately. See api_desk.h for who sees
 * what. Conversations are sealed at rest (desk_seal.c); logs get no content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "api/api_desk.h"
#include "core/clock.h"
#include "core/log.h"

const char *const api_desk_forms[] = {"appointment", "document", "question", "complaint", "thanks",
				     "free", NULL};
static const char *const actions[] = {"book", "move", "cancel", NULL};
static const char *const documents[] = {"prescription", "results", "record", "certificate",
					"invoice", NULL};
static const char *const msg_kinds[] = {"message", "reply", "note", "document", NULL};
static const char *const statuses[] = {"new", "in_progress", "waiting", "resolved", NULL};

const struct json_field api_desk_request_fields[] = {
	{"form", JF_STRING, true, 0, 0, api_desk_forms},
	{"text", JF_STRING, false, 0, DESK_TEXT_MAX, NULL},
	{"action", JF_STRING, false, 0, 0, actions},
	{"department", JF_STRING, false, 0, 100, NULL},
	{"preferred_times", JF_STRING, false, 0, 200, NULL},
	{"document", JF_STRING, false, 0, 0, documents},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_desk_message_fields[] = {
	{"kind", JF_STRING, false, 0, 0, msg_kinds},
	{"text", JF_STRING, false, 0, DESK_TEXT_MAX, NULL},
	{"canned", JF_INT, false, 0, 0, NULL},
	{"title", JF_STRING, false, 0, 120, NULL},
	{"file", JF_STRING, false, 0, API_DESK_FILE_B64_MAX, NULL},
	{"file_name", JF_STRING, false, 1, DESK_FILE_NAME_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_desk_patch_fields[] = {
	{"status", JF_STRING, false, 0, 0, statuses},
	{"assignee", JF_STRING, false, 0, 64, NULL},
	{"identity_checked", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* --- shared helpers --- */

enum ent_err api_desk_inst(struct api_req *q, struct desk_inst *inst)
{
	enum ent_err err = desk_seal_init(q->app->cfg.data);
	if (err)
		return err;
	const char *slug = api_param(q, "slug");
	return slug ? desk_inst_find(q->db, slug, inst) : ENT_ENOTFOUND;
}

bool api_desk_is_manager(const struct api_req *q, const char *slug)
{
	if (!q->has_session || !(q->s.roles & ROLE_COMMUNITY_MANAGER))
		return false;
	for (size_t i = 0; i < q->s.n_granted; i++)
		if (!strcmp(q->s.granted[i].role, "community_manager") &&
		    !strcmp(q->s.granted[i].institution, slug))
			return true;
	return false;
}

enum ent_err api_desk_managed(struct api_req *q, struct desk_inst *inst)
{
	enum ent_err err = api_desk_inst(q, inst);
	if (!err && !api_desk_is_manager(q, inst->slug))
		err = ENT_EPERM;
	return err;
}

void api_desk_reply_as(struct api_req *q, int status, const char *content_type, struct buf *b)
{
	api_reply(q, status, b);
	if (q->http->status == status)
		q->http->content_type = content_type;
}

void api_desk_event(struct api_req *q, int64_t inst_id, int64_t request_id, const char *what)
{
	enum ent_err err = desk_event_add(q->db, inst_id, request_id, what, clock_now());
	if (err)
		log_err("desk event not recorded", err, NULL);
}

enum ent_err api_desk_classify(struct api_req *q, const char *text, size_t len,
			       struct ent_intent_result *out)
{
	const char *lang = q->lang == HTTP_LANG_EN ? "en" : "fr";
	return ent_intent_classify(text ? text : "", text ? len : 0, lang, out);
}

void api_desk_forms_json(struct buf *b, const struct desk_inst *inst)
{
	buf_putc(b, '[');
	for (size_t i = 0, n = 0; api_desk_forms[i]; i++)
		if (desk_form_offered(inst, api_desk_forms[i]))
			buf_printf(b, "%s\"%s\"", n++ ? "," : "", api_desk_forms[i]);
	buf_putc(b, ']');
}

enum ent_err api_desk_info(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_inst(q, &inst);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 4096);
	buf_puts(&b, "{\"slug\":");
	buf_json_cstr(&b, inst.slug);
	buf_puts(&b, ",\"name\":");
	buf_json_cstr(&b, inst.name);
	buf_puts(&b, ",\"teleconsult_url\":");
	buf_json_cstr(&b, inst.teleconsult_url[0] ? inst.teleconsult_url : NULL);
	buf_puts(&b, ",\"forms\":");
	api_desk_forms_json(&b, &inst);
	buf_puts(&b, ",\"documents\":[\"prescription\",\"results\",\"record\",\"certificate\","
		     "\"invoice\"]");
	buf_printf(&b, ",\"is_manager\":%s}", api_desk_is_manager(q, inst.slug) ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

/* --- a new request --- */

/* The form's own checks, beyond the field table. */
static enum ent_err check_form(struct api_req *q, const char *form, size_t text_len)
{
	bool needs_text = !strcmp(form, "free") || !strcmp(form, "question") ||
			  !strcmp(form, "complaint") || !strcmp(form, "thanks");
	if (needs_text && text_len == 0)
		api_invalid(q, "text", JSON_REASON_REQUIRED);
	if (!strcmp(form, "appointment") && !api_str(q, "action", NULL))
		api_invalid(q, "action", JSON_REASON_REQUIRED);
	if (!strcmp(form, "document") && !api_str(q, "document", NULL))
		api_invalid(q, "document", JSON_REASON_REQUIRED);
	return q->n_errors ? ENT_EINVAL : ENT_OK;
}

/* The request's details as the JSON that is sealed: only the fields that were given. */
static void details_json(struct api_req *q, struct buf *b)
{
	static const char *const names[] = {"text", "action", "department", "preferred_times",
					    "document"};
	buf_putc(b, '{');
	bool first = true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n;
		const char *v = api_str(q, names[i], &n);
		if (!v)
			continue;
		buf_printf(b, "%s\"%s\":", first ? "" : ",", names[i]);
		buf_json_str(b, v, n);
		first = false;
	}
	buf_putc(b, '}');
}

enum ent_err api_desk_submit(struct api_req *q, const struct desk_inst *inst, const char *form,
			     const char *text, size_t text_len, const struct buf *details,
			     struct buf *out)
{
	struct ent_intent_result res;
	enum ent_err err = api_desk_classify(q, text, text_len, &res);
	if (err == ENT_EUTF8)
		return api_invalid(q, "text", "invalid");
	if (err)
		return err;
	const char *type = desk_type_of(form, text_len ? res.intent : ENT_INTENT_OTHER);
	struct buf sealed;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	err = buf_err(details);
	if (!err)
		err = desk_seal(details->p, details->len, &sealed);
	int64_t id = 0;
	if (!err) {
		struct desk_request_new r = {
			.institution_id = inst->id,
			.requester_id = q->s.account.id,
			.form = form,
			.type = type,
			.intent = ent_intent_name(res.intent),
			.flag = desk_flag_of(type),
			.lang = q->lang == HTTP_LANG_EN ? "en" : "fr",
			.confidence = (int)(res.confidence * 1000),
			.priority = desk_priority_of(type),
			.details_enc = sealed.p,
			.details_len = sealed.len,
			.now = clock_now(),
		};
		err = desk_request_insert(q->db, &r, &id);
	}
	buf_clear(&sealed);
	if (err)
		return err;
	api_desk_event(q, inst->id, id, "created");
	buf_printf(out, "{\"id\":%lld,\"type\":\"%s\",\"flag\":\"%s\",\"status\":\"new\","
			"\"guidance\":", (long long)id, type, desk_flag_of(type));
	err = desk_guidance_json(out, type, res.rule, q->lang == HTTP_LANG_EN, inst);
	buf_putc(out, '}');
	return err ? err : buf_err(out);
}

enum ent_err api_desk_request_create(struct api_req *q)
{
	struct desk_inst inst;
	enum ent_err err = api_desk_inst(q, &inst);
	if (err)
		return err;
	size_t text_len = 0;
	const char *form = api_str(q, "form", NULL);
	const char *text = api_str(q, "text", &text_len);
	/* a form the institution does not offer (its managers chose: /desk/:slug/settings) */
	if (!desk_form_offered(&inst, form))
		return api_invalid(q, "form", "not-offered");
	err = check_form(q, form, text_len);
	if (err)
		return err;
	struct buf plain, b;
	buf_init(&plain, DESK_SEALED_MAX);
	buf_init(&b, 8192);
	details_json(q, &plain);
	err = api_desk_submit(q, &inst, form, text, text_len, &plain, &b);
	if (!err)
		api_reply(q, 201, &b);
	if (plain.p)
		sodium_memzero(plain.p, plain.len);
	buf_clear(&plain);
	buf_clear(&b);
	return err;
}

/* --- listings --- */

struct list_ctx {
	struct buf *b;
	bool first, manager;
	struct api_req *q; /* set for the managers' queue: each item gets an excerpt */
};

/* Characters of the requester's first message shown on a queue card. */
#define EXCERPT_CHARS 140

/* The text an excerpt starts from: what the requester wrote, else the form's other answers
 * joined by " · " (an appointment's department and times). */
static void excerpt_source(json_t *doc, struct buf *out)
{
	static const char *const names[] = {"text", "department", "preferred_times", "document", "action"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = json_string_value(json_object_get(doc, names[i]));
		if (!v || !*v)
			continue;
		if (out->len)
			buf_puts(out, " \xC2\xB7 ");
		buf_puts(out, v);
		if (i == 0)
			return;
	}
}

/* Writes ,"excerpt":"..." - the start of what the requester wrote (opened here, never stored
 * in clear), on one line, cut at a word within EXCERPT_CHARS characters, "…" when cut; null
 * when there is nothing to show. */
static void write_excerpt(struct api_req *q, int64_t request_id, struct buf *b)
{
	struct buf sealed, plain, src;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	buf_init(&plain, DESK_SEALED_MAX);
	buf_init(&src, DESK_SEALED_MAX);
	json_t *doc = NULL;
	if (!desk_seal_init(q->app->cfg.data) && !desk_request_details(q->db, request_id, &sealed) &&
	    !desk_open(sealed.p, sealed.len, &plain) && plain.len &&
	    (doc = json_loadb(plain.p, plain.len, 0, NULL)))
		excerpt_source(doc, &src);
	buf_puts(b, ",\"excerpt\":");
	if (!src.len || buf_err(&src)) {
		buf_puts(b, "null");
	} else {
		char *text = src.p;
		size_t n = 0, chars = 0, last_space = 0, len = src.len;
		while (n < len && chars < EXCERPT_CHARS) {
			if (text[n] == '\n' || text[n] == '\r' || text[n] == '\t')
				text[n] = ' ';
			if (text[n] == ' ')
				last_space = n;
			n++;
			while (n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
				n++;
			chars++;
		}
		bool cut = n < len;
		if (cut && last_space > EXCERPT_CHARS / 2)
			n = last_space;
		src.len = n;
		if (cut)
			buf_puts(&src, "\xE2\x80\xA6");
		buf_json_str(b, src.p, src.len);
	}
	json_decref(doc);
	if (plain.p)
		sodium_memzero(plain.p, plain.len);
	if (src.p)
		sodium_memzero(src.p, src.len);
	buf_clear(&plain);
	buf_clear(&src);
	buf_clear(&sealed);
}

static void write_summary(const struct desk_request *r, void *arg)
{
	struct list_ctx *l = arg;
	struct buf *b = l->b;
	buf_printf(b, "%s{\"id\":%lld,\"institution\":", l->first ? "" : ",", (long long)r->id);
	l->first = false;
	buf_json_cstr(b, r->inst_slug);
	buf_printf(b, ",\"form\":\"%s\",\"type\":\"%s\",\"flag\":\"%s\",\"status\":\"%s\"", r->form,
		   r->type, r->flag, r->status);
	if (l->manager) {
		buf_puts(b, ",\"requester\":");
		buf_json_cstr(b, r->requester);
		buf_puts(b, ",\"assignee\":");
		buf_json_cstr(b, r->assignee[0] ? r->assignee : NULL);
		buf_printf(b, ",\"intent\":\"%s\",\"confidence\":%.3f,\"identity_checked\":%s", r->intent,
			   r->confidence / 1000.0, r->identity_checked ? "true" : "false");
		buf_printf(b, ",\"first_response_seconds\":");
		if (r->first_response_at)
			buf_printf(b, "%lld", (long long)(r->first_response_at - r->created_at));
		else
			buf_puts(b, "null");
		buf_printf(b, ",\"resolution_seconds\":");
		if (r->resolved_at)
			buf_printf(b, "%lld", (long long)(r->resolved_at - r->created_at));
		else
			buf_puts(b, "null");
		if (l->q)
			write_excerpt(l->q, r->id, b);
	}
	buf_puts(b, ",\"created_at\":");
	api_json_time(b, r->created_at);
	buf_puts(b, ",\"updated_at\":");
	api_json_time(b, r->updated_at);
	buf_putc(b, '}');
}

/* Writes {"requests":[...]} for filter f. */
enum ent_err api_desk_list(struct api_req *q, const struct desk_filter *f, bool manager)
{
	struct buf b;
	buf_init(&b, 1024 * 1024);
	struct list_ctx l = {&b, true, manager, manager ? q : NULL};
	buf_puts(&b, "{\"requests\":[");
	enum ent_err err = desk_request_each(q->db, f, write_summary, &l);
	buf_puts(&b, "]}");
	if (!err)
		api_reply(q, 200, &b);
	buf_clear(&b);
	return err;
}

enum ent_err api_desk_mine(struct api_req *q)
{
	struct desk_filter f = {.requester_id = q->s.account.id};
	return api_desk_list(q, &f, false);
}

/* --- one request --- */

/* Loads the request named by {id} if the caller may see it: its requester or a community
 * manager of its institution. *manager tells which. */
static enum ent_err load_visible(struct api_req *q, struct desk_request *r, struct buf *sealed,
				 bool *manager)
{
	enum ent_err err = desk_seal_init(q->app->cfg.data);
	int64_t id;
	if (err)
		return err;
	if (api_path_id(q, "id", &id))
		return ENT_ENOTFOUND;
	err = desk_request_get(q->db, id, r, sealed);
	if (err)
		return err;
	*manager = api_desk_is_manager(q, r->inst_slug);
	if (!*manager && r->requester_id != q->s.account.id)
		return ENT_ENOTFOUND;
	return ENT_OK;
}

void api_desk_message_json(const struct desk_message *m, void *arg)
{
	struct api_desk_msg_ctx *x = arg;
	struct buf plain;
	buf_init(&plain, DESK_SEALED_MAX);
	enum ent_err err = desk_open(m->body_enc, m->body_len, &plain);
	if (err) {
		x->err = err;
		buf_clear(&plain);
		return;
	}
	buf_printf(x->b, "%s{\"id\":%lld,\"kind\":\"%s\",\"author\":", x->first ? "" : ",",
		   (long long)m->id, m->kind);
	x->first = false;
	buf_json_cstr(x->b, m->author[0] ? m->author : NULL);
	buf_puts(x->b, ",\"body\":");
	/* The sealed body is JSON written by post_message: {"text":...,"title":...}. */
	buf_append(x->b, plain.p ? plain.p : "{}", plain.len ? plain.len : 2);
	if (m->file_name[0]) {
		buf_puts(x->b, ",\"file\":{\"name\":");
		buf_json_cstr(x->b, m->file_name);
		buf_printf(x->b, ",\"type\":\"%s\",\"size\":%lld", m->file_type, (long long)m->file_size);
		if (x->request_id)
			buf_printf(x->b, ",\"href\":\"/api/v1/desk/requests/%lld/messages/%lld/file\"",
				   (long long)x->request_id, (long long)m->id);
		buf_putc(x->b, '}');
	}
	buf_puts(x->b, ",\"created_at\":");
	api_json_time(x->b, m->created_at);
	buf_putc(x->b, '}');
	buf_clear(&plain);
}

/* --- documents' files --- */

/* The type of a document from its first bytes: PDF, JPEG or PNG; NULL for anything else. */
static const char *file_type_of(const unsigned char *p, size_t n)
{
	if (n >= 5 && !memcmp(p, "%PDF-", 5))
		return "application/pdf";
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return "image/jpeg";
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
		return "image/png";
	return NULL;
}

/* A file name safe in a header and on any disk: printable, no path, no quote; the type's
 * extension when none was given. */
static void file_name_of(const char *given, const char *type, char out[DESK_FILE_NAME_MAX + 1])
{
	size_t o = 0;
	const char *base = given ? given : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	const unsigned char *p = (const unsigned char *)base;
	for (; *p && o < DESK_FILE_NAME_MAX; p++)
		out[o++] = *p < 0x20 || *p == 0x7f || *p == '"' ? '_' : (char)*p;
	if (*p && (*p & 0xC0) == 0x80) { /* cut inside a character: drop its first bytes */
		while (o && (out[o - 1] & 0xC0) == 0x80)
			o--;
		if (o)
			o--;
	}
	out[o] = '\0';
	if (!o)
		snprintf(out, DESK_FILE_NAME_MAX + 1, "document.%s",
			 !strcmp(type, "application/pdf") ? "pdf" : !strcmp(type, "image/png") ? "png" : "jpg");
}

/* Reads, checks and seals the "file" of a document message (base64, DESK_FILE_MAX bytes at
 * most, PDF, JPEG or PNG). A field error when it is not acceptable. */
static enum ent_err document_file(struct api_req *q, const char **type, char name[DESK_FILE_NAME_MAX + 1],
				  size_t *size, struct buf *sealed)
{
	size_t b64_len;
	const char *b64 = api_str(q, "file", &b64_len);
	unsigned char *bytes = malloc(DESK_FILE_MAX);
	if (!bytes)
		return ENT_ENOMEM;
	size_t n = 0;
	enum ent_err err = ENT_OK;
	if (sodium_base642bin(bytes, DESK_FILE_MAX, b64, b64_len, " \r\n", &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL))
		err = api_invalid(q, "file", b64_len * 3 / 4 > DESK_FILE_MAX ? JSON_REASON_LONG : "not-base64");
	else if (n == 0)
		err = api_invalid(q, "file", JSON_REASON_REQUIRED);
	else if (!(*type = file_type_of(bytes, n)))
		err = api_invalid(q, "file", "not-a-document-type");
	if (!err) {
		file_name_of(api_str(q, "file_name", NULL), *type, name);
		*size = n;
		err = desk_seal((const char *)bytes, n, sealed);
	}
	sodium_memzero(bytes, n);
	free(bytes);
	return err;
}

enum ent_err api_desk_file_get(struct api_req *q)
{
	struct desk_request r;
	bool manager;
	char name[DESK_FILE_NAME_MAX + 1], type[24];
	int64_t mid;
	if (api_path_id(q, "message", &mid))
		return ENT_ENOTFOUND;
	struct buf sealed, plain;
	buf_init(&sealed, DESK_FILE_MAX + 64);
	buf_init(&plain, DESK_FILE_MAX);
	enum ent_err err = load_visible(q, &r, NULL, &manager);
	if (!err)
		err = desk_file_get(q->db, r.id, mid, name, type, &sealed);
	if (!err)
		err = desk_open(sealed.p, sealed.len, &plain);
	buf_clear(&sealed);
	if (err) {
		buf_clear(&plain);
		return err;
	}
	api_reply(q, 200, &plain);
	q->http->is_api = false; /* our own Cache-Control below */
	q->http->content_type = !strcmp(type, "application/pdf") ? "application/pdf"
				: !strcmp(type, "image/png")     ? "image/png"
								 : "image/jpeg";
	/* an ASCII name for old clients, the UTF-8 one (RFC 6266, 5987) for the others */
	char disp[DESK_FILE_NAME_MAX * 4 + 96];
	size_t o = (size_t)snprintf(disp, sizeof disp, "attachment; filename=\"");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		disp[o++] = *p < 0x80 && *p != '\\' ? (char)*p : '_';
	o += (size_t)snprintf(disp + o, sizeof disp - o, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 4 < sizeof disp; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_')
			disp[o++] = (char)*p;
		else
			o += (size_t)snprintf(disp + o, sizeof disp - o, "%%%02X", *p);
	}
	disp[o] = '\0';
	err = http_add_header(q->http, "Cache-Control", "private, no-store");
	if (!err)
		err = http_add_header(q->http, "Content-Disposition", disp);
	return err;
}

enum ent_err api_desk_request_get(struct api_req *q)
{
	struct desk_request r;
	struct desk_inst inst;
	bool manager;
	struct buf sealed, plain, b;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	buf_init(&plain, DESK_SEALED_MAX);
	buf_init(&b, 4 * 1024 * 1024);
	enum ent_err err = load_visible(q, &r, &sealed, &manager);
	if (!err)
		err = desk_inst_find(q->db, r.inst_slug, &inst);
	if (!err)
		err = desk_open(sealed.p, sealed.len, &plain);
	if (err)
		goto out;
	struct list_ctx l = {&b, true, manager, NULL};
	write_summary(&r, &l);
	b.len--; /* reopen the object */
	buf_puts(&b, ",\"institution_name\":");
	buf_json_cstr(&b, inst.name);
	buf_puts(&b, ",\"details\":");
	buf_append(&b, plain.p, plain.len);
	bool en = !strcmp(r.lang, "en");
	if (!manager || r.flag[0]) {
		buf_puts(&b, ",\"guidance\":");
		/* The rule is not kept; the numbers come in their usual order on a reload. */
		desk_guidance_json(&b, r.type, ENT_INTENT_RULE_NONE, q->lang == HTTP_LANG_EN, &inst);
	}
	const char *ready = manager ? desk_ready_reply(r.type, en) : NULL;
	if (ready) {
		struct buf filled;
		buf_init(&filled, 4096);
		desk_fill(ready, r.requester, &inst, r.id, en, &filled);
		buf_puts(&b, ",\"ready_reply\":");
		buf_json_str(&b, filled.p ? filled.p : "", filled.len);
		buf_clear(&filled);
	}
	buf_puts(&b, ",\"messages\":[");
	struct api_desk_msg_ctx x = {&b, true, ENT_OK, r.id};
	err = desk_message_each(q->db, r.id, manager, api_desk_message_json, &x);
	if (!err)
		err = x.err;
	buf_puts(&b, "]}");
	if (!err)
		api_reply(q, 200, &b);
out:
	buf_clear(&sealed);
	buf_clear(&plain);
	buf_clear(&b);
	return err;
}

/* --- the conversation --- */

/* The text a community manager sends: a canned reply or their own words, placeholders
 * filled. */
static enum ent_err manager_text(struct api_req *q, const struct desk_request *r,
				 const struct desk_inst *inst, struct buf *out)
{
	json_t *canned = json_object_get(q->body, "canned");
	const char *text = api_str(q, "text", NULL);
	struct buf tmpl;
	buf_init(&tmpl, DESK_TEXT_MAX * 2);
	enum ent_err err = ENT_OK;
	if (canned) {
		err = desk_canned_get(q->db, inst->id, (int64_t)json_integer_value(canned), &tmpl);
		if (err == ENT_ENOTFOUND)
			err = api_invalid(q, "canned", "not-found");
	} else if (text && *text) {
		buf_puts(&tmpl, text);
	} else {
		err = api_invalid(q, "text", JSON_REASON_REQUIRED);
	}
	if (!err)
		err = desk_fill(tmpl.p, r->requester, inst, r->id, !strcmp(r->lang, "en"), out);
	buf_clear(&tmpl);
	return err;
}

/* The kind of message the caller may post on r (default: "message" for its requester, "reply"
 * for a manager) and whether it must carry a file: a document comes with its file ("document
 * available below" without one was a dead end), and goes only to a requester whose identity
 * was checked first; no other message carries one. */
static enum ent_err message_kind(struct api_req *q, const struct desk_request *r, bool manager,
				 const char **kind)
{
	bool own = r->requester_id == q->s.account.id;
	if (!*kind)
		*kind = own ? "message" : "reply";
	if (!strcmp(*kind, "message") ? !own : !manager)
		return api_invalid(q, "kind", JSON_REASON_VALUE);
	bool document = !strcmp(*kind, "document");
	if (document && !r->identity_checked)
		return api_invalid(q, "kind", "identity-not-checked");
	bool has_file = api_str(q, "file", NULL) != NULL;
	if (document != has_file)
		return api_invalid(q, "file", has_file ? "only-with-document" : JSON_REASON_REQUIRED);
	return ENT_OK;
}

/* The requester's own message: classified, and the request escalated when it is more pressing
 * than before (R2, R3). *type and *rule for the guidance. */
static enum ent_err requester_text(struct api_req *q, const struct desk_request *r, struct buf *out,
				   const char **type, enum ent_intent_rule *rule)
{
	size_t n;
	const char *t = api_str(q, "text", &n);
	if (!t || !n)
		return api_invalid(q, "text", JSON_REASON_REQUIRED);
	struct ent_intent_result res;
	enum ent_err err = api_desk_classify(q, t, n, &res);
	if (err)
		return err;
	*type = desk_type_of("free", res.intent);
	*rule = res.rule;
	buf_append(out, t, n);
	if (desk_priority_of(*type) > r->priority)
		err = desk_request_escalate(q->db, r->id, *type);
	return err;
}

/* A message sealed as {"text", "title"?} and stored with its file, in one transaction. */
struct desk_outgoing {
	const char *kind;
	struct buf *text;
	const char *file_type; /* NULL without a file */
	const char *file_name;
	size_t file_size;
	struct buf *file_sealed;
};

static enum ent_err message_store(struct api_req *q, const struct desk_request *r,
				  const struct desk_outgoing *m)
{
	struct buf plain, sealed;
	buf_init(&plain, DESK_SEALED_MAX);
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	buf_puts(&plain, "{\"text\":");
	buf_json_str(&plain, m->text->p ? m->text->p : "", m->text->len);
	const char *title = api_str(q, "title", NULL);
	if (title && !strcmp(m->kind, "document")) {
		buf_puts(&plain, ",\"title\":");
		buf_json_cstr(&plain, title);
	}
	buf_putc(&plain, '}');
	enum ent_err err = buf_err(&plain);
	if (!err)
		err = desk_seal(plain.p, plain.len, &sealed);
	if (!err)
		err = store_tx_begin(q->db);
	if (!err) {
		err = desk_message_insert(q->db, r->id, q->s.account.id, m->kind, sealed.p,
					  sealed.len, clock_now());
		if (!err && m->file_type)
			err = desk_file_insert(q->db, r->id, m->file_name, m->file_type,
					       m->file_size, m->file_sealed->p, m->file_sealed->len);
		if (!err)
			err = store_tx_commit(q->db);
		else
			store_tx_rollback(q->db);
	}
	buf_clear(&plain);
	buf_clear(&sealed);
	return err;
}

enum ent_err api_desk_message_post(struct api_req *q)
{
	struct desk_request r;
	struct desk_inst inst;
	bool manager;
	struct buf text, b, file_sealed;
	buf_init(&text, DESK_TEXT_MAX * 4);
	buf_init(&b, 8192);
	buf_init(&file_sealed, DESK_FILE_MAX + 64);
	char file_name[DESK_FILE_NAME_MAX + 1] = "";
	struct desk_outgoing m = {api_str(q, "kind", NULL), &text, NULL, file_name, 0, &file_sealed};
	const char *type = NULL;
	enum ent_intent_rule rule = ENT_INTENT_RULE_NONE;
	enum ent_err err = load_visible(q, &r, NULL, &manager);
	if (!err)
		err = desk_inst_find(q->db, r.inst_slug, &inst);
	if (!err)
		err = message_kind(q, &r, manager, &m.kind);
	if (!err && api_str(q, "file", NULL))
		err = document_file(q, &m.file_type, file_name, &m.file_size, &file_sealed);
	if (!err)
		err = !strcmp(m.kind, "message") ? requester_text(q, &r, &text, &type, &rule)
						 : manager_text(q, &r, &inst, &text);
	if (!err)
		err = message_store(q, &r, &m);
	if (!err) {
		api_desk_event(q, r.institution_id, r.id, m.kind);
		buf_printf(&b, "{\"request\":%lld,\"kind\":\"%s\"", (long long)r.id, m.kind);
		if (type) {
			buf_printf(&b, ",\"type\":\"%s\",\"guidance\":", type);
			desk_guidance_json(&b, type, rule, q->lang == HTTP_LANG_EN, &inst);
		}
		buf_putc(&b, '}');
		api_reply(q, 201, &b);
	}
	buf_clear(&text);
	buf_clear(&b);
	buf_clear(&file_sealed);
	return err;
}

/* The account of a handle if it manages the institution: ENT_OK with *id, else a field
 * error. "" unassigns (id 0), "me" is the caller. */
static enum ent_err assignee_of(struct api_req *q, const char *handle, const char *slug, int64_t *id)
{
	if (!*handle) {
		*id = 0;
		return ENT_OK;
	}
	if (!strcmp(handle, "me")) {
		*id = q->s.account.id;
		return ENT_OK;
	}
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	enum ent_err err = api_handle_key(handle, key);
	if (!err)
		err = store_account_by_handle(q->db, key, &a);
	if (!err)
		err = store_roles_of(q->db, a.id, roles, STORE_ROLES_MAX, &n);
	if (err == ENT_ENOTFOUND || err == ENT_EINVAL)
		return api_invalid(q, "assignee", "not-a-manager");
	for (size_t i = 0; !err && i < n; i++)
		if (!strcmp(roles[i].role, "community_manager") && !strcmp(roles[i].institution, slug)) {
			*id = a.id;
			return ENT_OK;
		}
	return err ? err : api_invalid(q, "assignee", "not-a-manager");
}

enum ent_err api_desk_request_patch(struct api_req *q)
{
	struct desk_request r;
	bool manager;
	enum ent_err err = load_visible(q, &r, NULL, &manager);
	if (err)
		return err;
	if (!manager)
		return ENT_ENOTFOUND;
	const char *status = api_str(q, "status", NULL);
	const char *assignee = api_str(q, "assignee", NULL);
	json_t *idc = json_object_get(q->body, "identity_checked");
	int64_t assignee_id = -1;
	if (assignee) {
		err = assignee_of(q, assignee, r.inst_slug, &assignee_id);
		if (err)
			return err;
	}
	err = desk_request_update(q->db, r.id, status, assignee_id, idc ? json_is_true(idc) : -1,
				  clock_now());
	if (err)
		return err;
	api_desk_event(q, r.institution_id, r.id, "updated");
	err = desk_request_get(q->db, r.id, &r, NULL);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 8192);
	struct list_ctx l = {&b, true, true, NULL};
	write_summary(&r, &l);
	api_reply(q, 200, &b);
	return ENT_OK;
}
