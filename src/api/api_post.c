/*
 * api_post.c - what happens to a post after it is published: edit (through the publishing
 * check again, the previous text kept as visible history), delete (the text and its history
 * are really erased, R6), reactions of peer support, reports to the moderators (the
 * reporter's identity is never shown to the author).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_emergency.h"
#include "community/comm.h"
#include "community/comm_store.h"
#include "core/clock.h"

/* "danger": someone may be in danger (R3) - top of the moderators' queue, moderators notified. */
static const char *const report_reasons[] = {"danger", "identifying", "harmful", "spam",
					     "medical-misinformation", "other", NULL};

const struct json_field api_post_edit_fields[] = {
	{"body", JF_STRING, true, 1, COMM_BODY_MAX, NULL},
	{"redact", JF_BOOL, false, 0, 0, NULL},
	{"acknowledge_quasi", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_report_fields[] = {
	{"reason", JF_STRING, true, 0, 0, report_reasons},
	{"note", JF_STRING, false, 0, 1000, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

struct post_ref {
	int64_t id, thread_id, author_id;
	bool deleted, hidden;
	struct comm_space space;
};

static const struct store_stmt Q_POST = {
	"comm.post", "SELECT thread_id, coalesce(author_id, 0), deleted_at IS NOT NULL, "
		     "hidden_at IS NOT NULL FROM posts WHERE id = ?1"};

/* Loads the post named by {id} when the caller may read its space (moderators see hidden
 * posts; nobody else does). */
static enum ent_err load_post(struct api_req *q, struct post_ref *p)
{
	enum ent_err err = api_path_id(q, "id", &p->id);
	struct store_q *st;
	bool row = false;
	if (!err)
		err = store_q_open(q->db, &Q_POST, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p->id);
	err = store_q_step(st, &row);
	if (!err && row) {
		p->thread_id = store_q_int(st, 0);
		p->author_id = store_q_int(st, 1);
		p->deleted = store_q_int(st, 2) != 0;
		p->hidden = store_q_int(st, 3) != 0;
	}
	store_q_close(st);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err && p->hidden && !(comm_roles(q) & ROLE_MODERATOR))
		err = ENT_ENOTFOUND;
	if (!err)
		err = comm_space_of_thread(q, p->thread_id, &p->space, NULL, 0);
	return err;
}

static enum ent_err load_own_post(struct api_req *q, struct post_ref *p)
{
	enum ent_err err = load_post(q, p);
	if (!err && p->deleted)
		err = ENT_ENOTFOUND;
	if (!err && p->author_id != q->s.account.id)
		err = ENT_EPERM;
	return err;
}

static const struct store_stmt Q_REVISION = {
	"comm.revision",
	"INSERT INTO post_revisions (post_id, body, created_at) "
	"SELECT id, body, coalesce(edited_at, created_at) FROM posts WHERE id = ?1"};
static const struct store_stmt Q_EDIT = {
	"comm.edit",
	"UPDATE posts SET body = ?2, html = ?3, edited_at = ?4, redacted = redacted OR ?5 WHERE id = ?1"};
static const struct store_stmt Q_FIRST_POST = {
	"comm.first_post",
	"SELECT t.title FROM threads t WHERE t.id = ?1 AND (SELECT min(id) FROM posts WHERE thread_id = t.id) = ?2"};

static enum ent_err reindex(struct api_req *q, const struct post_ref *p, const char *body, size_t len)
{
	char title[COMM_TITLE_MAX * 4 + 8] = "";
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(q->db, &Q_FIRST_POST, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p->thread_id);
	store_q_bind_int(st, 2, p->id);
	err = store_q_step(st, &row);
	if (!err && row)
		snprintf(title, sizeof title, "%s", store_q_text(st, 0, NULL));
	store_q_close(st);
	return err ? err : comm_index_post(q->db, p->id, row ? title : NULL, body, len, p->space.language);
}

enum ent_err api_post_edit(struct api_req *q)
{
	struct post_ref p;
	enum ent_err err = load_own_post(q, &p);
	if (err)
		return err;
	size_t blen, flen = 0;
	const char *body = api_str(q, "body", &blen);
	char *fbody = NULL, *html = NULL;
	bool redacted = false, replied = false;
	err = comm_publish_check(q, &p.space, "body", body, blen, &fbody, &flen, &redacted, &replied);
	if (!err)
		err = comm_md_render(fbody, flen, &html);
	if (!err)
		err = store_tx_begin(q->db);
	if (!err) {
		err = store_exec_ints(q->db, &Q_REVISION, 1, &p.id);
		struct store_q *st;
		if (!err)
			err = store_q_open(q->db, &Q_EDIT, &st);
		if (!err) {
			store_q_bind_int(st, 1, p.id);
			store_q_bind_text(st, 2, fbody, flen);
			store_q_bind_text(st, 3, html, strlen(html));
			store_q_bind_int(st, 4, clock_now());
			store_q_bind_int(st, 5, redacted);
			err = store_q_exec(st);
			store_q_close(st);
		}
		if (!err)
			err = reindex(q, &p, fbody, flen);
		if (!err)
			err = store_tx_commit(q->db);
		else
			store_tx_rollback(q->db);
	}
	if (!err) {
		comm_changed();
		api_erase_soon(); /* the index still holds the previous words, marked deleted */
		struct buf b;
		buf_init(&b, 2 * COMM_BODY_MAX + 256);
		buf_printf(&b, "{\"id\":%lld,\"edited\":true,\"redacted\":%s,\"body\":", (long long)p.id,
			   redacted ? "true" : "false");
		buf_json_str(&b, fbody, flen);
		buf_putc(&b, '}');
		api_reply(q, 200, &b);
	}
	free(html);
	if (fbody != body)
		free(fbody);
	return replied ? ENT_OK : err;
}

static const struct store_stmt Q_DELETE = {
	"comm.delete", "UPDATE posts SET body = '', html = '', deleted_at = ?2 WHERE id = ?1"};
static const struct store_stmt Q_DELETE_REVS = {
	"comm.delete_revs", "DELETE FROM post_revisions WHERE post_id = ?1"};
/* The title is the first post's words: it goes with it (R6), and a thread left with no post
 * goes entirely. */
static const struct store_stmt Q_UNTITLE = {
	"comm.untitle",
	"UPDATE threads SET title = '' WHERE id = ?1 AND "
	"(SELECT min(id) FROM posts WHERE thread_id = ?1) = ?2"};
static const struct store_stmt Q_DROP_EMPTY = {
	"comm.drop_empty_thread",
	"DELETE FROM threads WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM posts "
	"WHERE thread_id = ?1 AND deleted_at IS NULL)"};

static enum ent_err untitle(struct store_conn *db, const struct post_ref *p)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_UNTITLE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p->thread_id);
	store_q_bind_int(st, 2, p->id);
	err = store_q_exec(st);
	store_q_close(st);
	return err ? err : store_exec_ints(db, &Q_DROP_EMPTY, 1, &p->thread_id);
}

enum ent_err api_post_delete(struct api_req *q)
{
	struct post_ref p;
	enum ent_err err = load_own_post(q, &p);
	if (!err)
		err = store_tx_begin(q->db);
	if (err)
		return err;
	struct store_q *st;
	err = store_q_open(q->db, &Q_DELETE, &st);
	if (!err) {
		store_q_bind_int(st, 1, p.id);
		store_q_bind_int(st, 2, clock_now());
		err = store_q_exec(st);
		store_q_close(st);
	}
	if (!err)
		err = store_exec_ints(q->db, &Q_DELETE_REVS, 1, &p.id);
	if (!err)
		err = comm_unindex_post(q->db, p.id);
	if (!err)
		err = untitle(q->db, &p);
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
	if (!err) {
		comm_changed();
		api_erase_soon(); /* the index still holds the words, marked deleted */
		http_reply_empty(q->http, 204);
	}
	return err;
}

static const struct store_stmt Q_HISTORY = {
	"comm.history",
	"SELECT id, body, created_at FROM post_revisions WHERE post_id = ?1 AND id < ?2 "
	"ORDER BY id DESC LIMIT ?3"};

enum ent_err api_post_history(struct api_req *q)
{
	struct post_ref p;
	int64_t before, limit;
	enum ent_err err = load_post(q, &p);
	if (!err)
		err = api_query_int(q, "before", INT64_MAX, INT64_MAX, &before);
	if (!err)
		err = api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, &limit);
	if (!err && p.deleted)
		err = ENT_ENOTFOUND;
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, &Q_HISTORY, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p.id);
	store_q_bind_int(st, 2, before);
	store_q_bind_int(st, 3, limit);
	struct buf b;
	buf_init(&b, 8 * 1024 * 1024);
	buf_printf(&b, "{\"post\":%lld,\"revisions\":[", (long long)p.id);
	bool row;
	int64_t n = 0, last = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		char c[24];
		clock_iso(store_q_int(st, 2), c);
		last = store_q_int(st, 0);
		buf_printf(&b, "%s{\"id\":%lld,\"written_at\":\"%s\",\"body\":", n++ ? "," : "",
			   (long long)last, c);
		buf_json_cstr(&b, store_q_text(st, 1, NULL));
		buf_putc(&b, '}');
	}
	store_q_close(st);
	return api_page_end(q, &b, err, n == limit, last);
}

/* --- reactions --- */

static const struct store_stmt Q_REACT_ADD = {
	"comm.react_add",
	"INSERT INTO reactions (post_id, account_id, kind, created_at) VALUES (?1, ?2, ?3, ?4) "
	"ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_REACT_DEL = {
	"comm.react_del", "DELETE FROM reactions WHERE post_id = ?1 AND account_id = ?2 AND kind = ?3"};
static const struct store_stmt Q_REACT_COUNTS = {
	"comm.react_counts",
	"SELECT (SELECT count(*) FROM reactions WHERE post_id = ?1 AND kind = 'soutien'), "
	"(SELECT count(*) FROM reactions WHERE post_id = ?1 AND kind = 'merci'), "
	"(SELECT count(*) FROM reactions WHERE post_id = ?1 AND kind = 'utile')"};

static const char *reaction_kind(struct api_req *q)
{
	static const char *const kinds[] = {"soutien", "merci", "utile"};
	const struct http_params *pr = &q->http->params;
	for (size_t i = 0; i < pr->n; i++)
		if (!strncmp(pr->name[i], "kind}", 5))
			for (size_t k = 0; k < 3; k++)
				if (!strcmp(pr->value[i], kinds[k]))
					return kinds[k];
	return NULL;
}

static enum ent_err react(struct api_req *q, const struct store_stmt *stmt)
{
	struct post_ref p;
	const char *kind = reaction_kind(q);
	if (!kind)
		return ENT_ENOTFOUND;
	enum ent_err err = load_post(q, &p);
	if (!err && p.deleted)
		err = ENT_ENOTFOUND;
	if (!err && !policy_space_can_write(p.space.visibility, comm_roles(q)))
		err = ENT_EPERM;
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p.id);
	store_q_bind_int(st, 2, q->s.account.id);
	store_q_bind_text(st, 3, kind, strlen(kind));
	if (stmt == &Q_REACT_ADD)
		store_q_bind_int(st, 4, clock_now());
	err = store_q_exec(st);
	store_q_close(st);
	if (!err)
		comm_thread_changed(p.thread_id);
	bool row = false;
	if (!err)
		err = store_q_open(q->db, &Q_REACT_COUNTS, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, p.id);
	err = store_q_step(st, &row);
	if (!err && row) {
		struct buf b;
		buf_init(&b, 256);
		buf_printf(&b, "{\"post\":%lld,\"reactions\":{\"soutien\":%lld,\"merci\":%lld,\"utile\":%lld}}",
			   (long long)p.id, (long long)store_q_int(st, 0), (long long)store_q_int(st, 1),
			   (long long)store_q_int(st, 2));
		api_reply(q, 200, &b);
	}
	store_q_close(st);
	return err;
}

enum ent_err api_reaction_put(struct api_req *q)
{
	return react(q, &Q_REACT_ADD);
}

enum ent_err api_reaction_delete(struct api_req *q)
{
	return react(q, &Q_REACT_DEL);
}

/* --- reports --- */

/* A report, with its place in the moderators' queue; "danger" also notifies the moderators on
 * duty (R3), in the same transaction. A member reports a post once: reporting it again is
 * idempotent, 200 with the report they made (open or resolved), nothing added, nobody
 * notified again. */
enum ent_err api_report_create(struct api_req *q)
{
	struct post_ref p;
	enum ent_err err = load_post(q, &p);
	if (!err && p.deleted)
		err = ENT_ENOTFOUND;
	if (err)
		return err;
	size_t rlen, nlen = 0;
	const char *reason = api_str(q, "reason", &rlen), *note = api_str(q, "note", &nlen);
	bool danger = strcmp(reason, "danger") == 0;
	struct buf why;
	buf_init(&why, 1200);
	buf_append(&why, reason, rlen);
	if (note && nlen) {
		buf_puts(&why, ": ");
		buf_append(&why, note, nlen);
	}
	struct comm_report rep;
	err = store_tx_begin(q->db);
	if (err)
		goto out;
	err = comm_report_add(q->db, p.id, q->s.account.id, why.p ? why.p : "", why.len, clock_now(), &rep);
	if (!err && rep.created)
		err = comm_report_set_key(q->db, rep.id, comm_report_queue_key(reason, rep.id));
	if (!err && rep.created && danger)
		err = comm_notify_moderators(q->db, p.thread_id, p.id);
	if (!err)
		err = store_tx_commit(q->db);
	else
		store_tx_rollback(q->db);
	if (err)
		goto out;
	struct buf b;
	buf_init(&b, 128);
	buf_printf(&b, "{\"id\":%lld,\"post\":%lld,\"status\":\"%s\"", (long long)rep.id, (long long)p.id,
		   rep.resolved ? "resolved" : "open");
	if (rep.created)
		buf_printf(&b, ",\"priority\":\"%s\"", danger ? "danger" : "normal");
	buf_printf(&b, ",\"already_reported\":%s}", rep.created ? "false" : "true");
	api_reply(q, rep.created ? 201 : 200, &b);
out:
	buf_clear(&why);
	return err;
}
