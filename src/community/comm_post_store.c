/* comm_post_store.c - posts: written, edited, deleted, reacted to, reported, indexed; see
 * comm_post_store.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"
#include "community/comm_post_store.h"
#include "community/comm_q.h"
#include "community/comm_store.h"
#include "core/clock.h"
#include "store/store_search.h"

/* --- writing --- */

static const struct store_stmt Q_POST_INSERT = {
	"comm.post_insert",
	"INSERT INTO posts (thread_id, author_id, body, html, quote_id, redacted, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"};
static const struct store_stmt Q_THREAD_BUMP = {
	"comm.thread_bump",
	"UPDATE threads SET n_posts = n_posts + 1, last_post_id = ?2, last_post_at = ?3 WHERE id = ?1"};
static const struct store_stmt Q_QUOTE_THREAD = {
	"comm.quote_thread",
	"SELECT thread_id FROM posts WHERE id = ?1 AND deleted_at IS NULL AND hidden_at IS NULL"};

static enum ent_err insert_row(struct store_conn *c, int64_t author_id, const char *html,
			       int64_t now, struct comm_new_post *p)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_POST_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, p->thread_id);
	store_q_bind_int(q, 2, author_id);
	store_q_bind_text(q, 3, p->body, p->len);
	store_q_bind_text(q, 4, html, strlen(html));
	if (p->quote_id)
		store_q_bind_int(q, 5, p->quote_id);
	else
		store_q_bind_null(q, 5);
	store_q_bind_bool(q, 6, p->redacted);
	store_q_bind_int(q, 7, now);
	err = store_q_step(q, &row);
	if (!err)
		p->id = row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return !err && !p->id ? ENT_EDB : err;
}

/* The post's row, its thread's counters and its author's follow. */
static enum ent_err post_rows(struct store_conn *c, int64_t author_id, const char *html,
			      struct comm_new_post *p)
{
	int64_t now = clock_now();
	enum ent_err err = insert_row(c, author_id, html, now, p);
	if (!err)
		err = store_exec_ints(c, &Q_THREAD_BUMP, 3, (int64_t[]){p->thread_id, p->id, now});
	if (!err)
		err = comm_follow_own_post(c, author_id, p->thread_id, p->id);
	return err;
}

enum ent_err comm_post_insert(struct store_conn *c, int64_t author_id, const char *lang,
			      struct comm_new_post *p)
{
	char *html = NULL;
	enum ent_err err = comm_md_render(p->body, p->len, &html);
	if (!err)
		err = post_rows(c, author_id, html, p);
	free(html);
	if (!err)
		err = comm_index_post(c, p->id, p->title, p->body, p->len, lang);
	return err;
}

enum ent_err comm_reply_add(struct store_conn *c, int64_t author, const char *lang,
			    struct comm_new_post *p, const struct comm_emergency *e)
{
	enum ent_err err = comm_post_insert(c, author, lang, p);
	return err ? err : comm_emergency_queue(c, p->thread_id, p->id, e);
}

enum ent_err comm_reply_add_rows(struct store_conn *c, int64_t author, const char *html,
				 struct comm_new_post *p, const struct comm_emergency *e)
{
	enum ent_err err = post_rows(c, author, html, p);
	if (!err) /* an entry a deleted post of the same id may have left (ids can be reused) */
		err = comm_unindex_post(c, p->id);
	return err ? err : comm_emergency_queue(c, p->thread_id, p->id, e);
}

enum ent_err comm_index_new_post(struct store_conn *c, int64_t post_id, const char *terms,
				 size_t len)
{
	return store_search_post_index(c, post_id, terms, len);
}

enum ent_err comm_thread_create(struct store_conn *c, int64_t space, int64_t author,
				const char *lang, size_t tlen, struct comm_new_post *p,
				const struct comm_emergency *e)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = comm_thread_insert(c, space, author, p->title, tlen, &p->thread_id);
	if (!err)
		err = comm_reply_add(c, author, lang, p, e);
	if (!err)
		err = store_tx_commit(c);
	else
		store_tx_rollback(c);
	return err;
}

enum ent_err comm_post_quotable(struct store_conn *c, int64_t post, int64_t *thread)
{
	return comm_q_int(c, &Q_QUOTE_THREAD, 1, &post, thread);
}

/* --- a post after it is written --- */

static const struct store_stmt Q_POST = {
	"comm.post", "SELECT thread_id, coalesce(author_id, 0), deleted_at IS NOT NULL, "
		     "hidden_at IS NOT NULL FROM posts WHERE id = ?1"};

enum ent_err comm_post_get(struct store_conn *c, int64_t id, struct comm_post_ref *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_POST, id, &q);
	if (err)
		return err;
	*out = (struct comm_post_ref){.id = id, .thread_id = store_q_int(q, 0),
				      .author_id = store_q_int(q, 1),
				      .deleted = store_q_bool(q, 2),
				      .hidden = store_q_bool(q, 3)};
	store_q_close(q);
	return ENT_OK;
}

static const struct store_stmt Q_REVISION = {
	"comm.revision",
	"INSERT INTO post_revisions (post_id, body, created_at) "
	"SELECT id, body, coalesce(edited_at, created_at) FROM posts WHERE id = ?1"};
static const struct store_stmt Q_EDIT = {
	"comm.edit",
	"UPDATE posts SET body = ?2, html = ?3, edited_at = ?4, "
	"redacted = CASE WHEN ?5 THEN 1 ELSE redacted END WHERE id = ?1"};
static const struct store_stmt Q_FIRST_POST = {
	"comm.first_post",
	"SELECT t.title FROM threads t WHERE t.id = ?1 AND (SELECT min(id) FROM posts WHERE thread_id = t.id) = ?2"};

static enum ent_err reindex(struct store_conn *c, const struct comm_post_ref *p, const char *body,
			    size_t len, const char *lang)
{
	char title[4 * COMM_TITLE_MAX + 8] = "";
	struct store_q *q;
	enum ent_err err = comm_q_first(c, &Q_FIRST_POST, 2, (int64_t[]){p->thread_id, p->id}, &q);
	bool first = !err;
	if (first) {
		snprintf(title, sizeof title, "%s", store_q_text(q, 0, NULL));
		store_q_close(q);
	} else if (err != ENT_ENOTFOUND) {
		return err;
	}
	return comm_index_post(c, p->id, first ? title : NULL, body, len, lang);
}

static enum ent_err write_edit(struct store_conn *c, const struct comm_post_ref *p,
			       const char *body, size_t len, const char *html, bool redacted,
			       int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_exec_ints(c, &Q_REVISION, 1, &p->id);
	if (!err)
		err = store_q_open(c, &Q_EDIT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, p->id);
	store_q_bind_text(q, 2, body, len);
	store_q_bind_text(q, 3, html, strlen(html));
	store_q_bind_int(q, 4, now);
	store_q_bind_bool(q, 5, redacted);
	return store_q_run(q);
}

enum ent_err comm_post_edit(struct store_conn *c, const struct comm_post_ref *p, const char *body,
			    size_t len, bool redacted, const char *lang, int64_t now)
{
	char *html = NULL;
	enum ent_err err = comm_md_render(body, len, &html);
	if (!err)
		err = store_tx_begin(c);
	if (!err) {
		err = write_edit(c, p, body, len, html, redacted, now);
		if (!err)
			err = reindex(c, p, body, len, lang);
		if (!err)
			err = store_tx_commit(c);
		else
			store_tx_rollback(c);
	}
	free(html);
	return err;
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

enum ent_err comm_post_delete(struct store_conn *c, const struct comm_post_ref *p, int64_t now)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_exec_ints(c, &Q_DELETE, 2, (int64_t[]){p->id, now});
	if (!err)
		err = store_exec_ints(c, &Q_DELETE_REVS, 1, &p->id);
	if (!err)
		err = comm_unindex_post(c, p->id);
	if (!err)
		err = store_exec_ints(c, &Q_UNTITLE, 2, (int64_t[]){p->thread_id, p->id});
	if (!err)
		err = store_exec_ints(c, &Q_DROP_EMPTY, 1, &p->thread_id);
	if (!err)
		err = store_tx_commit(c);
	else
		store_tx_rollback(c);
	return err;
}

static const struct store_stmt Q_HISTORY = {
	"comm.history",
	"SELECT id, body, created_at FROM post_revisions WHERE post_id = ?1 AND id < ?2 "
	"ORDER BY id DESC LIMIT ?3"};

struct revision_cb {
	void (*fn)(const struct comm_revision *r, void *arg);
	void *arg;
};

static enum ent_err revision_row(struct store_q *q, void *arg)
{
	const struct revision_cb *cb = arg;
	struct comm_revision r = {.id = store_q_int(q, 0), .body = store_q_text(q, 1, NULL),
				  .created_at = store_q_int(q, 2)};
	cb->fn(&r, cb->arg);
	return ENT_OK;
}

enum ent_err comm_post_history_each(struct store_conn *c, int64_t post, int64_t before,
				    int64_t limit,
				    void (*fn)(const struct comm_revision *r, void *arg), void *arg)
{
	struct revision_cb cb = {fn, arg};
	return comm_q_each(c, &Q_HISTORY, 3, (int64_t[]){post, before, limit}, revision_row, &cb);
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

enum ent_err comm_reaction_set(struct store_conn *c, int64_t post, int64_t account,
			       enum comm_reaction kind, bool on, int64_t now)
{
	const char *name = comm_reaction_names[kind];
	struct store_q *q;
	enum ent_err err = store_q_open(c, on ? &Q_REACT_ADD : &Q_REACT_DEL, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, account);
	store_q_bind_text(q, 3, name, strlen(name));
	if (on)
		store_q_bind_int(q, 4, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err comm_reaction_counts(struct store_conn *c, int64_t post,
				  int64_t out[COMM_N_REACTIONS])
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_REACT_COUNTS, post, &q);
	if (err)
		return err;
	for (int i = 0; i < COMM_N_REACTIONS; i++)
		out[i] = store_q_int(q, i);
	store_q_close(q);
	return ENT_OK;
}

/* --- reports --- */

enum ent_err comm_post_report(struct store_conn *c, const struct comm_post_ref *p,
			      int64_t reporter, const char *reason, const char *why, size_t len,
			      int64_t now, struct comm_report *out)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = comm_report_add(c, p->id, reporter, why, len, now, out);
	if (!err && out->created)
		err = comm_report_set_key(c, out->id, comm_report_queue_key(reason, out->id));
	if (!err && out->created && !strcmp(reason, "danger"))
		err = comm_notify_moderators(c, p->thread_id, p->id);
	if (!err)
		err = store_tx_commit(c);
	else
		store_tx_rollback(c);
	return err;
}

/* --- the search index of posts --- */

/* The index itself is the store's (store_search.h). */

enum ent_err comm_unindex_post(struct store_conn *c, int64_t post_id)
{
	return store_search_post_unindex(c, post_id);
}

enum ent_err comm_index_post(struct store_conn *c, int64_t post_id, const char *title,
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
		err = comm_unindex_post(c, post_id);
	if (!err)
		err = store_search_post_index(c, post_id, t.p, t.len);
	buf_clear(&t);
	return err;
}
