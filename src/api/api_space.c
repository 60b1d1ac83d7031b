/*
 * api_space.c - spaces, threads and replies (issue 5): the lists a reader may see, starting a
 * thread and replying through the publishing check (R1, R4). The thread page is api_thread.c.
 * Lists are paginated by keyset (never OFFSET) and bounded. Visibility is decided only by
 * policy_space_can_read/write (policy_space.h); a space the caller may not read is "not found".
 * Not responsible for: the rows (comm_thread_store.h, comm_post_store.h).
 */
#include <stdio.h>
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

struct space_list {
	struct buf *b;
	int64_t n;
	char last[72];
};

static void write_space(const struct comm_space_item *s, void *arg)
{
	struct space_list *l = arg;
	struct buf *b = l->b;
	snprintf(l->last, sizeof l->last, "%s", s->slug);
	buf_puts(b, l->n++ ? ",{\"slug\":" : "{\"slug\":");
	buf_json_cstr(b, s->slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, s->name);
	buf_puts(b, ",\"description\":");
	buf_json_cstr(b, s->description);
	buf_puts(b, ",\"language\":");
	buf_json_cstr(b, s->language);
	buf_puts(b, ",\"visibility\":");
	buf_json_cstr(b, s->visibility);
	buf_puts(b, ",\"kind\":");
	buf_json_cstr(b, s->kind);
	buf_printf(b, ",\"indexed\":%s,\"retention_days\":%lld,\"threads\":%lld,\"institution\":",
		   s->indexable ? "true" : "false", (long long)s->retention_days,
		   (long long)s->threads);
	buf_json_cstr(b, s->institution);
	buf_putc(b, '}');
}

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
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"spaces\":[");
	struct space_list l = {.b = &b};
	err = comm_spaces_each(q->db, after, policy_space_can_read(SPACE_MEMBERS, roles),
			       policy_space_can_read(SPACE_PROFESSIONALS, roles), limit, write_space,
			       &l);
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_puts(&b, "],\"next\":");
	if (l.n == limit)
		buf_json_cstr(&b, l.last);
	else
		buf_puts(&b, "null");
	buf_putc(&b, '}');
	api_reply(q, 200, &b);
	return ENT_OK;
}

static void write_about(const char *description, const char *kind, void *arg)
{
	struct buf *b = arg;
	buf_puts(b, ",\"description\":");
	buf_json_cstr(b, description);
	buf_puts(b, ",\"kind\":");
	buf_json_cstr(b, kind);
}

static void write_thread(const struct comm_thread_item *t, void *arg)
{
	struct comm_list *l = arg;
	char c[CLOCK_ISO_LEN], lp[CLOCK_ISO_LEN];
	clock_iso(t->created_at, c);
	clock_iso(t->last_post_at, lp);
	comm_list_item(l, t->id);
	l->last = t->last_post_id; /* the list's cursor */
	buf_puts(l->b, ",\"title\":");
	buf_json_cstr(l->b, t->title);
	/* pieces, not buf_printf: its format walk was a sixth of a row's rendering (issue 13) */
	buf_puts(l->b, ",\"posts\":");
	buf_put_int(l->b, t->n_posts);
	buf_puts(l->b, ",\"created_at\":\"");
	buf_puts(l->b, c);
	buf_puts(l->b, "\",\"last_post_at\":\"");
	buf_puts(l->b, lp);
	buf_puts(l->b, "\",\"author\":");
	buf_json_cstr(l->b, t->author);
	buf_putc(l->b, '}');
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
	err = comm_space_about(q->db, s.id, write_about, &b);
	buf_puts(&b, ",\"threads\":[");
	struct comm_list l = {.b = &b};
	if (!err)
		err = comm_space_threads_each(q->db, s.id, before, limit, write_thread, &l);
	return api_page_end(q, &b, err, l.n == limit, l.last);
}

/* --- writing --- */

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
	if (!err) {
		p.title = ftitle;
		p.body = fbody;
		p.len = fb_len;
		p.redacted = red_t || red_b;
		err = comm_thread_create(q->db, s.id, q->s.account.id, s.language, ft_len, &p, &e);
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
	struct comm_emergency e;
	char *body;       /* the text after the publishing check */
	char *html;       /* body rendered (comm_md_render) */
	struct buf terms; /* body's index terms (comm_terms) */
};

static void reply_job_free(void *job)
{
	struct reply_job *j = job;
	free(j->body);
	free(j->html);
	buf_clear(&j->terms);
	free(j);
}

static enum ent_err reply_write(struct store_conn *db, struct api_write *w)
{
	struct reply_job *j = (struct reply_job *)w;
	return comm_reply_add_rows(db, j->author, j->html, &j->p, &j->e);
}

static enum ent_err reply_index(struct store_conn *db, struct api_write *w)
{
	struct reply_job *j = (struct reply_job *)w;
	return comm_index_new_post(db, j->p.id, j->terms.p, j->terms.len);
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
		int64_t of = 0;
		err = comm_post_quotable(q->db, quote, &of);
		if (err)
			return err;
		if (of != thread_id)
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
	/* Markdown and index terms made here, on this HTTP thread, not on the one writer thread
	 * every reply waits for (issue 13). */
	buf_init(&j->terms, 4 * COMM_BODY_MAX);
	err = comm_md_render(j->body, flen, &j->html);
	if (!err)
		err = comm_terms(j->body, flen, s.language, &j->terms);
	if (err) {
		reply_job_free(j);
		return err;
	}
	j->w.fn = reply_write;
	j->w.last = reply_index;
	j->w.after = reply_written;
	j->author = q->s.account.id;
	j->p = (struct comm_new_post){.thread_id = thread_id, .quote_id = quote, .body = j->body,
				      .len = flen, .redacted = redacted};
	comm_emergency_read(NULL, 0, j->body, flen, &j->e);
	bool pending;
	err = api_write(q, &j->w, reply_job_free, &pending);
	return pending ? ENT_OK : reply_answer(q, j);
}
