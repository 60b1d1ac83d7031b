/*
 * api_space.c - spaces, threads and replies (issue 5): the lists a reader may see, starting a
 * thread and replying through the publishing check (R1, R4). The thread page is api_thread.c.
 * Lists are paginated by keyset (never OFFSET) and bounded. Visibility is decided only by
 * policy_space_can_read/write (policy_space.h); a space the caller may not read is "not found".
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_emergency.h"
#include "community/comm.h"
#include "core/clock.h"


const struct json_field api_space_check_fields[] = {
	{"text", JF_STRING, true, 0, COMM_BODY_MAX + COMM_TITLE_MAX + 1, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* The publishing check on a draft, while it is typed (the compose form asks it, debounced):
 * what would block or be pointed out, and who would read it. Writes nothing, logs nothing of
 * the text; the space's language and audience are the ones the post would get. */
enum ent_err api_space_check(struct api_req *q)
{
	struct comm_space s;
	enum ent_err err = comm_space_by_slug(q, q->http->params.value[0], &s);
	if (err)
		return err;
	if (!policy_space_can_write(s.visibility, comm_roles(q)))
		return ENT_EPERM;
	size_t len;
	const char *text = api_str(q, "text", &len);
	struct comm_check c;
	err = comm_check_run(text, len, s.language, &c);
	if (err == ENT_EUTF8)
		return api_invalid(q, "text", "invalid-utf8");
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_printf(&b, "{\"direct\":%zu,\"quasi\":%zu,", c.n_direct, c.n_quasi);
	comm_check_json(&b, &c, "text", text);
	buf_putc(&b, ',');
	comm_audience_json(&b, &s);
	buf_putc(&b, '}');
	comm_check_clear(&c);
	api_reply(q, 200, &b);
	return ENT_OK;
}

const struct json_field api_thread_create_fields[] = {
	{"title", JF_STRING, true, 3, COMM_TITLE_MAX, NULL},
	{"body", JF_STRING, true, 1, COMM_BODY_MAX, NULL},
	{"redact", JF_BOOL, false, 0, 0, NULL},
	{"acknowledge_quasi", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_reply_fields[] = {
	{"body", JF_STRING, true, 1, COMM_BODY_MAX, NULL},
	{"quote", JF_INT, false, 0, 0, NULL},
	{"redact", JF_BOOL, false, 0, 0, NULL},
	{"acknowledge_quasi", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* --- spaces --- */

static const struct store_stmt Q_SPACES = {
	"comm.spaces",
	"SELECT s.slug, s.name, s.description, s.language, s.visibility, s.kind, s.indexable, "
	"s.retention_days, (SELECT count(*) FROM threads t WHERE t.space_id = s.id), i.slug "
	"FROM spaces s LEFT JOIN institutions i ON i.id = s.institution_id "
	"WHERE s.slug > ?1 AND s.archived_at IS NULL AND (s.visibility = 'public' OR (?2 AND s.visibility = 'members') "
	"OR (?3 AND s.visibility = 'professionals')) ORDER BY s.slug LIMIT ?4"};

enum ent_err api_spaces_list(struct api_req *q)
{
	unsigned roles = comm_roles(q);
	const char *after = api_query(q, "after");
	int64_t limit;
	enum ent_err err = api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, &limit);
	if (err)
		return err;
	if (!after || strlen(after) > 64)
		after = "";
	struct store_q *st;
	err = store_q_open(q->db, &Q_SPACES, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, after, strlen(after));
	store_q_bind_int(st, 2, policy_space_can_read(SPACE_MEMBERS, roles));
	store_q_bind_int(st, 3, policy_space_can_read(SPACE_PROFESSIONALS, roles));
	store_q_bind_int(st, 4, limit);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"spaces\":[");
	bool row;
	int64_t n = 0;
	char last[72] = "";
	while (!(err = store_q_step(st, &row)) && row) {
		const char *slug = store_q_text(st, 0, NULL);
		snprintf(last, sizeof last, "%s", slug);
		buf_puts(&b, n++ ? ",{\"slug\":" : "{\"slug\":");
		buf_json_cstr(&b, slug);
		buf_puts(&b, ",\"name\":");
		buf_json_cstr(&b, store_q_text(st, 1, NULL));
		buf_puts(&b, ",\"description\":");
		buf_json_cstr(&b, store_q_text(st, 2, NULL));
		buf_puts(&b, ",\"language\":");
		buf_json_cstr(&b, store_q_text(st, 3, NULL));
		buf_puts(&b, ",\"visibility\":");
		buf_json_cstr(&b, store_q_text(st, 4, NULL));
		buf_puts(&b, ",\"kind\":");
		buf_json_cstr(&b, store_q_text(st, 5, NULL));
		buf_printf(&b, ",\"indexed\":%s,\"retention_days\":%lld,\"threads\":%lld,\"institution\":",
			   store_q_int(st, 6) ? "true" : "false", (long long)store_q_int(st, 7),
			   (long long)store_q_int(st, 8));
		if (store_q_is_null(st, 9))
			buf_puts(&b, "null");
		else
			buf_json_cstr(&b, store_q_text(st, 9, NULL));
		buf_putc(&b, '}');
	}
	store_q_close(st);
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_puts(&b, "],\"next\":");
	if (n == limit)
		buf_json_cstr(&b, last);
	else
		buf_puts(&b, "null");
	buf_putc(&b, '}');
	api_reply(q, 200, &b);
	return ENT_OK;
}

static const struct store_stmt Q_SPACE_THREADS = {
	"comm.space_threads",
	"SELECT t.id, t.title, t.n_posts, t.last_post_id, t.created_at, a.handle, lp.created_at "
	"FROM threads t LEFT JOIN accounts a ON a.id = t.author_id "
	"LEFT JOIN posts lp ON lp.id = t.last_post_id "
	"WHERE t.space_id = ?1 AND t.last_post_id < ?2 ORDER BY t.last_post_id DESC LIMIT ?3"};
static const struct store_stmt Q_SPACE_DESC = {
	"comm.space_desc", "SELECT description, kind FROM spaces WHERE id = ?1"};

static void handle_or_null(struct buf *b, struct store_q *st, int col)
{
	if (store_q_is_null(st, col))
		buf_puts(b, "null");
	else
		buf_json_cstr(b, store_q_text(st, col, NULL));
}

enum ent_err api_space_get(struct api_req *q)
{
	struct comm_space s;
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (!err)
		err = comm_space_by_slug(q, q->http->params.value[0], &s);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"slug\":");
	buf_json_cstr(&b, s.slug);
	buf_puts(&b, ",\"name\":");
	buf_json_cstr(&b, s.name);
	buf_printf(&b, ",\"language\":\"%s\",\"visibility\":\"%s\",\"can_write\":%s,\"archived\":%s,",
		   s.language, policy_space_visibility_name(s.visibility),
		   policy_space_can_write(s.visibility, comm_roles(q)) && !s.archived ? "true" : "false",
		   s.archived ? "true" : "false");
	comm_audience_json(&b, &s);
	struct store_q *st;
	bool row;
	err = store_q_open(q->db, &Q_SPACE_DESC, &st);
	if (!err) {
		store_q_bind_int(st, 1, s.id);
		err = store_q_step(st, &row);
		if (!err && row) {
			buf_puts(&b, ",\"description\":");
			buf_json_cstr(&b, store_q_text(st, 0, NULL));
			buf_puts(&b, ",\"kind\":");
			buf_json_cstr(&b, store_q_text(st, 1, NULL));
		}
		store_q_close(st);
	}
	if (!err)
		err = store_q_open(q->db, &Q_SPACE_THREADS, &st);
	if (err) {
		buf_clear(&b);
		return err;
	}
	store_q_bind_int(st, 1, s.id);
	store_q_bind_int(st, 2, before);
	store_q_bind_int(st, 3, limit);
	buf_puts(&b, ",\"threads\":[");
	int64_t n = 0, last = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		char c[24], l[24];
		clock_iso(store_q_int(st, 4), c);
		clock_iso(store_q_is_null(st, 6) ? store_q_int(st, 4) : store_q_int(st, 6), l);
		last = store_q_int(st, 3);
		buf_printf(&b, "%s{\"id\":%lld,\"title\":", n++ ? "," : "", (long long)store_q_int(st, 0));
		buf_json_cstr(&b, store_q_text(st, 1, NULL));
		buf_printf(&b, ",\"posts\":%lld,\"created_at\":\"%s\",\"last_post_at\":\"%s\",\"author\":",
			   (long long)store_q_int(st, 2), c, l);
		handle_or_null(&b, st, 5);
		buf_putc(&b, '}');
	}
	store_q_close(st);
	return api_page_end(q, &b, err, n == limit, last);
}

/* --- writing --- */

static const struct store_stmt Q_THREAD_INSERT = {
	"comm.thread_insert",
	"INSERT INTO threads (space_id, author_id, title, created_at) VALUES (?1, ?2, ?3, ?4) "
	"RETURNING id"};
static const struct store_stmt Q_POST_INSERT = {
	"comm.post_insert",
	"INSERT INTO posts (thread_id, author_id, body, html, quote_id, redacted, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"};
static const struct store_stmt Q_THREAD_BUMP = {
	"comm.thread_bump",
	"UPDATE threads SET n_posts = n_posts + 1, last_post_id = ?2 WHERE id = ?1"};
static const struct store_stmt Q_FOLLOW_SELF = {
	"comm.follow_self",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible) "
	"SELECT ?1, ?2, ?3, n_visible FROM threads WHERE id = ?2 ON CONFLICT (account_id, thread_id) "
	"DO UPDATE SET last_read_id = excluded.last_read_id, read_visible = excluded.read_visible"};
static const struct store_stmt Q_NOTIFY = {
	"comm.notify",
	"INSERT INTO notifications (account_id, kind, thread_id, post_id, created_at) "
	"SELECT account_id, 'reply', ?1, ?2, ?3 FROM follows WHERE thread_id = ?1 AND account_id != ?4"};
static const struct store_stmt Q_QUOTE_THREAD = {
	"comm.quote_thread",
	"SELECT thread_id FROM posts WHERE id = ?1 AND deleted_at IS NULL AND hidden_at IS NULL"};

enum ent_err comm_thread_insert(struct store_conn *db, int64_t space_id, int64_t author_id,
				const char *title, size_t len, int64_t *id)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(db, &Q_THREAD_INSERT, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, space_id);
	store_q_bind_int(st, 2, author_id);
	store_q_bind_text(st, 3, title, len);
	store_q_bind_int(st, 4, clock_now());
	err = store_q_step(st, &row);
	*id = !err && row ? store_q_int(st, 0) : 0;
	store_q_close(st);
	return !err && !*id ? ENT_EDB : err;
}

enum ent_err comm_post_insert(struct store_conn *db, int64_t author_id, const char *lang,
			      struct comm_new_post *p)
{
	char *html = NULL;
	enum ent_err err = comm_md_render(p->body, p->len, &html);
	struct store_q *st;
	bool row = false;
	int64_t now = clock_now();
	if (!err)
		err = store_q_open(db, &Q_POST_INSERT, &st);
	if (!err) {
		store_q_bind_int(st, 1, p->thread_id);
		store_q_bind_int(st, 2, author_id);
		store_q_bind_text(st, 3, p->body, p->len);
		store_q_bind_text(st, 4, html, strlen(html));
		if (p->quote_id)
			store_q_bind_int(st, 5, p->quote_id);
		else
			store_q_bind_null(st, 5);
		store_q_bind_int(st, 6, p->redacted);
		store_q_bind_int(st, 7, now);
		err = store_q_step(st, &row);
		if (!err)
			p->id = row ? store_q_int(st, 0) : 0;
		store_q_close(st);
		if (!err && !p->id)
			err = ENT_EDB;
	}
	free(html);
	if (!err)
		err = store_exec_ints(db, &Q_THREAD_BUMP, 2, (const int64_t[]){p->thread_id, p->id});
	if (!err)
		err = comm_index_post(db, p->id, p->title, p->body, p->len, lang);
	if (!err) {
		err = store_q_open(db, &Q_NOTIFY, &st);
		if (!err) {
			store_q_bind_int(st, 1, p->thread_id);
			store_q_bind_int(st, 2, p->id);
			store_q_bind_int(st, 3, now);
			store_q_bind_int(st, 4, author_id);
			err = store_q_exec(st);
			store_q_close(st);
		}
	}
	if (!err) {
		err = store_q_open(db, &Q_FOLLOW_SELF, &st);
		if (!err) {
			store_q_bind_int(st, 1, author_id);
			store_q_bind_int(st, 2, p->thread_id);
			store_q_bind_int(st, 3, p->id);
			err = store_q_exec(st);
			store_q_close(st);
		}
	}
	return err;
}

/* The 201 answer; "emergency" (R3) comes with it when the text reads as an emergency. */
static void reply_created(struct api_req *q, int64_t thread_id, int64_t post_id, bool redacted,
			  const char *body, size_t len, const struct comm_emergency *e)
{
	struct buf b;
	buf_init(&b, 2 * COMM_BODY_MAX + 8192);
	buf_printf(&b, "{\"thread\":%lld,\"id\":%lld,\"redacted\":%s,\"label\":\"testimony\",\"body\":",
		   (long long)thread_id, (long long)post_id, redacted ? "true" : "false");
	buf_json_str(&b, body, len);
	comm_emergency_json(&b, e);
	buf_putc(&b, '}');
	api_reply(q, 201, &b);
}

enum ent_err api_thread_create(struct api_req *q)
{
	struct comm_space s;
	enum ent_err err = comm_space_by_slug(q, q->http->params.value[0], &s);
	if (err)
		return err;
	if (!policy_space_can_write(s.visibility, comm_roles(q)))
		return ENT_EPERM;
	if ((err = comm_space_open_for_posts(q, &s)))
		return err;
	size_t tlen, blen, ft_len = 0, fb_len = 0;
	const char *title = api_str(q, "title", &tlen), *body = api_str(q, "body", &blen);
	char *ftitle = NULL, *fbody = NULL;
	bool red_t = false, red_b = false, replied = false;
	err = comm_publish_check(q, &s, "title", title, tlen, &ftitle, &ft_len, &red_t, &replied);
	if (!err)
		err = comm_publish_check(q, &s, "body", body, blen, &fbody, &fb_len, &red_b, &replied);
	struct comm_new_post p = {0};
	struct comm_emergency e = {0};
	if (!err)
		comm_emergency_read(ftitle, ft_len, fbody, fb_len, &e);
	if (!err)
		err = store_tx_begin(q->db);
	if (!err) {
		err = comm_thread_insert(q->db, s.id, q->s.account.id, ftitle, ft_len, &p.thread_id);
		p.title = ftitle;
		p.body = fbody;
		p.len = fb_len;
		p.redacted = red_t || red_b;
		if (!err)
			err = comm_post_insert(q->db, q->s.account.id, s.language, &p);
		if (!err)
			err = comm_emergency_queue(q->db, p.thread_id, p.id, &e);
		if (!err)
			err = store_tx_commit(q->db);
		else
			store_tx_rollback(q->db);
	}
	if (!err) {
		comm_thread_changed(p.thread_id);
		reply_created(q, p.thread_id, p.id, p.redacted, fbody, fb_len, &e);
	}
	if (ftitle != title)
		free(ftitle);
	if (fbody != body)
		free(fbody);
	return replied ? ENT_OK : err;
}

/* A reply on its way to the writer thread (api_writer.c): what it writes and what its answer
 * says, owned by the request. */
struct reply_job {
	struct api_write w; /* first */
	struct comm_new_post p;
	int64_t author;
	char lang[3];
	struct comm_emergency e;
	char *body; /* the text after the publishing check */
};

static void reply_job_free(void *job)
{
	struct reply_job *j = job;
	free(j->body);
	free(j);
}

static enum ent_err reply_write(struct store_conn *db, struct api_write *w)
{
	struct reply_job *j = (struct reply_job *)w;
	enum ent_err err = comm_post_insert(db, j->author, j->lang, &j->p);
	if (!err)
		err = comm_emergency_queue(db, j->p.thread_id, j->p.id, &j->e);
	return err;
}

static void reply_written(struct api_write *w)
{
	comm_thread_changed(((struct reply_job *)w)->p.thread_id);
}

static enum ent_err reply_answer(struct api_req *q, struct reply_job *j)
{
	if (j->w.err)
		return j->w.err;
	reply_created(q, j->p.thread_id, j->p.id, j->p.redacted, j->body, j->p.len, &j->e);
	return ENT_OK;
}

/* Checks on the request's thread, then the post, its index entry, the followers'
 * notifications and the moderators' alert (R3) written by the writer thread with the replies
 * of the same moment, in one transaction. */
enum ent_err api_reply_create(struct api_req *q)
{
	if (q->http->async) /* called again: written */
		return reply_answer(q, q->http->async);
	struct comm_space s;
	int64_t thread_id, quote = 0;
	enum ent_err err = api_path_id(q, "id", &thread_id);
	if (!err)
		err = comm_space_of_thread(q, thread_id, &s, NULL, 0);
	if (err)
		return err;
	if (!policy_space_can_write(s.visibility, comm_roles(q)))
		return ENT_EPERM;
	if ((err = comm_space_open_for_posts(q, &s)))
		return err;
	json_t *jq = json_object_get(q->body, "quote");
	if (jq) {
		quote = json_integer_value(jq);
		struct store_q *st;
		bool row = false;
		err = store_q_open(q->db, &Q_QUOTE_THREAD, &st);
		if (err)
			return err;
		store_q_bind_int(st, 1, quote);
		err = store_q_step(st, &row);
		bool same = !err && row && store_q_int(st, 0) == thread_id;
		store_q_close(st);
		if (err)
			return err;
		if (!same)
			return api_invalid(q, "quote", "not-in-thread");
	}
	size_t blen, flen = 0;
	const char *body = api_str(q, "body", &blen);
	char *fbody = NULL;
	bool redacted = false, replied = false;
	err = comm_publish_check(q, &s, "body", body, blen, &fbody, &flen, &redacted, &replied);
	if (err)
		return replied ? ENT_OK : err;
	struct reply_job *j = calloc(1, sizeof *j);
	if (j && fbody == body) {
		j->body = malloc(flen + 1);
		if (j->body) {
			memcpy(j->body, body, flen);
			j->body[flen] = '\0';
		}
	} else if (j) {
		j->body = fbody; /* taken */
		fbody = NULL;
	}
	if (fbody != body)
		free(fbody);
	if (!j || !j->body) {
		if (j)
			reply_job_free(j);
		return ENT_ENOMEM;
	}
	j->w.fn = reply_write;
	j->w.after = reply_written;
	j->author = q->s.account.id;
	memcpy(j->lang, s.language, sizeof j->lang);
	j->p = (struct comm_new_post){.thread_id = thread_id, .quote_id = quote, .body = j->body,
				      .len = flen, .redacted = redacted};
	comm_emergency_read(NULL, 0, j->body, flen, &j->e);
	bool pending;
	err = api_write(q, &j->w, reply_job_free, &pending);
	return pending ? ENT_OK : reply_answer(q, j);
}
