/*
 * api_space_util.c - helpers shared by the communities routes: query parameters, loading a
 * space under the visibility policy, the publishing check's answer (R1, R4), search indexing,
 * the moderators' audit log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "core/clock.h"


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

static void reply_findings(struct api_req *q, const struct comm_space *s, const struct comm_check *c,
			   const char *field, const char *body)
{
	struct buf b;
	buf_init(&b, HTTP_PROBLEM_MAX);
	buf_printf(&b, "\"direct\":%zu,\"quasi\":%zu,", c->n_direct, c->n_quasi);
	comm_check_json(&b, c, field, body);
	buf_putc(&b, ',');
	comm_audience_json(&b, s);
	buf_printf(&b, ",\"accepted_with\":%s",
		   c->n_direct ? "[\"redact\"]" : "[\"redact\",\"acknowledge_quasi\"]");
	if (buf_err(&b) || !b.p)
		http_problem(q->http, "internal", q->lang, NULL);
	else
		http_problem_detail(q->http, "identifiers-found", q->lang, NULL, b.p);
	buf_clear(&b);
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

enum ent_err comm_unindex_post(struct store_conn *db, int64_t post_id)
{
	return store_exec_ints(db, &Q_FTS_DEL, 1, &post_id);
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
