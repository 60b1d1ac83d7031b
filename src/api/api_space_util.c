/*
 * api_space_util.c - helpers shared by the communities routes: query parameters, loading a
 * space under the visibility policy, the publishing check's answer (R1, R4), search indexing,
 * the moderators' audit log.
 */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "core/clock.h"

const char *comm_arg(struct api_req *q, const char *name)
{
	if (!q->http->conn)
		return NULL;
	return MHD_lookup_connection_value((struct MHD_Connection *)q->http->conn,
					   MHD_GET_ARGUMENT_KIND, name);
}

static bool parse_id(const char *s, int64_t max, int64_t *out)
{
	if (!s || !*s || strlen(s) > 18)
		return false;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v <= 0 || v > max)
		return false;
	*out = v;
	return true;
}

enum ent_err comm_arg_int(struct api_req *q, const char *name, int64_t def, int64_t max, int64_t *out)
{
	const char *s = comm_arg(q, name);
	*out = def;
	if (!s)
		return ENT_OK;
	return parse_id(s, max, out) ? ENT_OK : api_invalid(q, name, "not-a-positive-integer");
}

enum ent_err comm_page(struct api_req *q, const char *key, int64_t *cursor, int64_t *limit)
{
	enum ent_err err = comm_arg_int(q, key, strcmp(key, "after") ? INT64_MAX : 0, INT64_MAX, cursor);
	return err ? err : comm_arg_int(q, "limit", COMM_PAGE_DEFAULT, COMM_PAGE_MAX, limit);
}

enum ent_err comm_list_end(struct api_req *q, struct buf *b, enum ent_err err, bool more, int64_t last)
{
	if (err) {
		buf_clear(b);
		return err;
	}
	buf_puts(b, "],\"next\":");
	if (more)
		buf_printf(b, "%lld", (long long)last);
	else
		buf_puts(b, "null");
	buf_putc(b, '}');
	api_reply(q, 200, b);
	return ENT_OK;
}

enum ent_err comm_path_id(struct api_req *q, const char *name, int64_t *out)
{
	const struct http_params *p = &q->http->params;
	for (size_t i = 0; i < p->n; i++) {
		size_t n = strlen(name);
		if (!strncmp(p->name[i], name, n) && p->name[i][n] == '}')
			return parse_id(p->value[i], INT64_MAX / 16, out) ? ENT_OK : ENT_ENOTFOUND;
	}
	return ENT_ENOTFOUND;
}

unsigned comm_roles(const struct api_req *q)
{
	return q->has_session ? q->s.roles : ROLE_ANON;
}

#define SPACE_COLS \
	"s.id, s.slug, s.name, s.language, s.visibility, s.indexable, s.retention_days, " \
	"s.archived_at IS NOT NULL"

static const struct store_stmt Q_SPACE_BY_SLUG = {
	"comm.space_by_slug", "SELECT " SPACE_COLS " FROM spaces s WHERE s.slug = ?1"};
static const struct store_stmt Q_SPACE_OF_THREAD = {
	"comm.space_of_thread",
	"SELECT " SPACE_COLS ", t.title FROM threads t JOIN spaces s ON s.id = t.space_id WHERE t.id = ?1"};

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

static enum ent_err read_space(struct api_req *q, struct store_q *st, struct comm_space *out)
{
	out->id = store_q_int(st, 0);
	copy(out->slug, sizeof out->slug, store_q_text(st, 1, NULL));
	copy(out->name, sizeof out->name, store_q_text(st, 2, NULL));
	copy(out->language, sizeof out->language, store_q_text(st, 3, NULL));
	if (!policy_space_visibility_parse(store_q_text(st, 4, NULL), &out->visibility))
		out->visibility = SPACE_PROFESSIONALS; /* unknown: the narrowest */
	out->indexable = store_q_int(st, 5) != 0;
	out->retention_days = store_q_int(st, 6);
	out->archived = store_q_int(st, 7) != 0;
	if (policy_space_can_read(out->visibility, comm_roles(q)))
		return ENT_OK;
	/* Any visitor may sign up and read a members-only space: hiding it from visitors protects
	 * nothing, and "log in to read this" is more use to them than "not found". Professional
	 * spaces stay unseen (404) to everyone who may not read them. */
	return out->visibility == SPACE_MEMBERS && !q->has_session ? ENT_EAUTH : ENT_ENOTFOUND;
}

enum ent_err comm_space_by_slug(struct api_req *q, const char *slug, struct comm_space *out)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(q->db, &Q_SPACE_BY_SLUG, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, slug, strlen(slug));
	err = store_q_step(st, &row);
	if (!err)
		err = row ? read_space(q, st, out) : ENT_ENOTFOUND;
	store_q_close(st);
	return err;
}

enum ent_err comm_space_open_for_posts(struct api_req *q, const struct comm_space *s)
{
	if (!s->archived)
		return ENT_OK;
	q->slug = "space-archived";
	return ENT_ECONFLICT;
}

enum ent_err comm_space_of_thread(struct api_req *q, int64_t thread_id, struct comm_space *out,
				  char *title, size_t title_cap)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(q->db, &Q_SPACE_OF_THREAD, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, thread_id);
	err = store_q_step(st, &row);
	if (!err)
		err = row ? read_space(q, st, out) : ENT_ENOTFOUND;
	if (!err && title)
		copy(title, title_cap, store_q_text(st, 8, NULL));
	store_q_close(st);
	return err;
}

void comm_iso(int64_t t, char out[24])
{
	struct tm tm;
	time_t tt = (time_t)t;
	gmtime_r(&tt, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void comm_audience_json(struct buf *b, const struct comm_space *s)
{
	buf_printf(b, "\"audience\":{\"visibility\":\"%s\",\"indexed\":%s,\"retention_days\":%lld}",
		   policy_space_visibility_name(s->visibility),
		   s->visibility == SPACE_PUBLIC && s->indexable ? "true" : "false",
		   (long long)s->retention_days);
}

static bool body_flag(struct api_req *q, const char *name)
{
	return q->body && json_is_true(json_object_get(q->body, name));
}

static const char *const found_title[2] = {"Identifiants détectés", "Identifiers found"};
static const char *const found_detail[2] = {
	"Le texte contient des éléments qui permettent de reconnaître quelqu'un. Retirez-les, "
	"acceptez le masquage proposé (\"redact\": true) ou, s'il ne reste que des indices "
	"indirects, confirmez (\"acknowledge_quasi\": true).",
	"The text holds details that could identify someone. Remove them, accept the proposed "
	"redaction (\"redact\": true) or, when only indirect clues remain, confirm "
	"(\"acknowledge_quasi\": true)."};

static void reply_findings(struct api_req *q, const struct comm_space *s, const struct comm_check *c,
			   const char *field, const char *body)
{
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_puts(&b, "{\"type\":\"/problems/identifiers-found\",\"title\":");
	buf_json_cstr(&b, found_title[q->lang]);
	buf_puts(&b, ",\"status\":422,\"detail\":");
	buf_json_cstr(&b, found_detail[q->lang]);
	buf_printf(&b, ",\"direct\":%zu,\"quasi\":%zu,", c->n_direct, c->n_quasi);
	comm_check_json(&b, c, field, body);
	buf_putc(&b, ',');
	comm_audience_json(&b, s);
	buf_printf(&b, ",\"accepted_with\":%s}",
		   c->n_direct ? "[\"redact\"]" : "[\"redact\",\"acknowledge_quasi\"]");
	if (buf_err(&b)) {
		buf_clear(&b);
		http_problem(q->http, "internal", q->lang, NULL);
		return;
	}
	http_reply_json(q->http, 422, &b);
	q->http->content_type = "application/problem+json";
	q->http->is_api = true;
}

enum ent_err comm_publish_check(struct api_req *q, const struct comm_space *s, const char *field,
				const char *body, size_t len, char **final, size_t *final_len,
				bool *redacted, bool *replied)
{
	*final = NULL;
	*redacted = *replied = false;
	struct comm_check c;
	enum ent_err err = comm_check_run(body, len, s->language, &c);
	if (err == ENT_EUTF8)
		return api_invalid(q, field, "invalid-utf8");
	if (err)
		return err;
	bool want_redact = body_flag(q, "redact"), ack = body_flag(q, "acknowledge_quasi");
	if (c.n_direct + c.n_quasi == 0 || (c.n_direct == 0 && ack && !want_redact)) {
		comm_check_clear(&c);
		*final = (char *)body;
		*final_len = len;
		return ENT_OK;
	}
	if (!want_redact) {
		reply_findings(q, s, &c, field, body);
		comm_check_clear(&c);
		*replied = true;
		return ENT_ECONFLICT;
	}
	comm_check_clear(&c);
	err = comm_check_redact(body, len, s->language, final, final_len);
	*redacted = err == ENT_OK;
	return err;
}

static const struct store_stmt Q_FTS_DEL = {"comm.fts_del", "DELETE FROM posts_fts WHERE rowid = ?1"};
static const struct store_stmt Q_FTS_ADD = {
	"comm.fts_add", "INSERT INTO posts_fts (rowid, terms) VALUES (?1, ?2)"};

enum ent_err comm_exec_id(struct store_conn *db, const struct store_stmt *stmt, int64_t id)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err comm_unindex_post(struct store_conn *db, int64_t post_id)
{
	return comm_exec_id(db, &Q_FTS_DEL, post_id);
}

enum ent_err comm_index_post(struct store_conn *db, int64_t post_id, const char *title,
			     const char *body, size_t len, const char *lang)
{
	struct buf t;
	buf_init(&t, 4 * COMM_BODY_MAX);
	enum ent_err err = title ? comm_terms(title, strlen(title), lang, &t) : ENT_OK;
	if (!err && t.len)
		buf_putc(&t, ' ');
	if (!err)
		err = comm_terms(body, len, lang, &t);
	if (!err)
		err = comm_unindex_post(db, post_id);
	struct store_q *st;
	if (!err)
		err = store_q_open(db, &Q_FTS_ADD, &st);
	if (!err) {
		store_q_bind_int(st, 1, post_id);
		store_q_bind_text(st, 2, t.p ? t.p : "", t.len);
		err = store_q_exec(st);
		store_q_close(st);
	}
	buf_clear(&t);
	return err;
}

static const struct store_stmt Q_AUDIT = {
	"comm.audit",
	"INSERT INTO moderation_log (moderator_id, action, target_kind, target_id, note, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};

enum ent_err comm_audit(struct api_req *q, const char *action, const char *kind, int64_t id,
			const char *note)
{
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &Q_AUDIT, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_text(st, 2, action, strlen(action));
	store_q_bind_text(st, 3, kind, strlen(kind));
	store_q_bind_int(st, 4, id);
	store_q_bind_text(st, 5, note ? note : "", note ? strlen(note) : 0);
	store_q_bind_int(st, 6, clock_now());
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

static const struct store_stmt Q_COUNTS = {
	"comm.counts",
	"SELECT (SELECT count(*) FROM spaces WHERE visibility = 'public'), "
	"(SELECT count(*) FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.visibility = 'public'), "
	"(SELECT count(*) FROM articles)"};

enum ent_err comm_counts(struct store_conn *db, int64_t *spaces, int64_t *threads, int64_t *articles)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(db, &Q_COUNTS, &st);
	if (err)
		return err;
	err = store_q_step(st, &row);
	if (!err && row) {
		*spaces = store_q_int(st, 0);
		*threads = store_q_int(st, 1);
		*articles = store_q_int(st, 2);
	}
	store_q_close(st);
	return err;
}
