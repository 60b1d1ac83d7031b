/*
 * api_post.c - what happens to a post after it is published: edit (through the publishing
 * check again, the previous text kept as visible history), delete (the text and its history
 * are really erased, R6), reactions of peer support, reports to the moderators (the
 * reporter's identity is never shown to the author).
 * Not responsible for: the rows and their transactions (comm_post_store.h).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
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
	struct comm_post_ref r;
	struct comm_space space;
};

/* Loads the post named by {id} when the caller may read its space (moderators see hidden
 * posts; nobody else does). */
static enum ent_err load_post(struct api_req *q, struct post_ref *p)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = comm_post_get(q->db, id, &p->r);
	if (!err && p->r.hidden && !(comm_roles(q) & ROLE_MODERATOR))
		err = ENT_ENOTFOUND;
	if (!err)
		err = comm_space_of_thread(q, p->r.thread_id, &p->space, NULL, 0);
	return err;
}

static enum ent_err load_own_post(struct api_req *q, struct post_ref *p)
{
	enum ent_err err = load_post(q, p);
	if (!err && p->r.deleted)
		err = ENT_ENOTFOUND;
	if (!err && p->r.author_id != q->s.account.id)
		err = ENT_EPERM;
	return err;
}

enum ent_err api_post_edit(struct api_req *q)
{
	struct post_ref p;
	enum ent_err err = load_own_post(q, &p);
	if (err)
		return err;
	size_t blen, flen = 0;
	const char *body = api_str(q, "body", &blen);
	char *fbody = NULL;
	bool redacted = false, replied = false;
	err = comm_publish_check(q, &p.space, "body", body, blen, &fbody, &flen, &redacted, &replied);
	if (!err)
		err = comm_post_edit(q->db, &p.r, fbody, flen, redacted, p.space.language, clock_now());
	if (!err) {
		comm_changed();
		api_erase_soon(); /* the index still holds the previous words, marked deleted */
		struct buf b;
		buf_init(&b, 2 * COMM_BODY_MAX + 256);
		buf_printf(&b, "{\"id\":%lld,\"edited\":true,\"redacted\":%s,\"body\":", (long long)p.r.id,
			   redacted ? "true" : "false");
		buf_json_str(&b, fbody, flen);
		buf_putc(&b, '}');
		api_reply(q, 200, &b);
	}
	if (fbody != body)
		free(fbody);
	return replied ? ENT_OK : err;
}

enum ent_err api_post_delete(struct api_req *q)
{
	struct post_ref p;
	enum ent_err err = load_own_post(q, &p);
	if (!err)
		err = comm_post_delete(q->db, &p.r, clock_now());
	if (!err) {
		comm_changed();
		api_erase_soon(); /* the index still holds the words, marked deleted */
		http_reply_empty(q->http, 204);
	}
	return err;
}

static void write_revision(const struct comm_revision *r, void *arg)
{
	struct comm_list *l = arg;
	char c[CLOCK_ISO_LEN];
	clock_iso(r->created_at, c);
	comm_list_item(l, r->id);
	buf_printf(l->b, ",\"written_at\":\"%s\",\"body\":", c);
	buf_json_cstr(l->b, r->body);
	buf_putc(l->b, '}');
}

enum ent_err api_post_history(struct api_req *q)
{
	struct post_ref p;
	int64_t before, limit;
	enum ent_err err = load_post(q, &p);
	if (!err)
		err = api_query_int(q, "before", INT64_MAX, INT64_MAX, &before);
	if (!err)
		err = api_query_int(q, "limit", API_PAGE_DEFAULT, API_PAGE_MAX, &limit);
	if (!err && p.r.deleted)
		err = ENT_ENOTFOUND;
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 8 * 1024 * 1024);
	buf_printf(&b, "{\"post\":%lld,\"revisions\":[", (long long)p.r.id);
	struct comm_list l = {.b = &b};
	err = comm_post_history_each(q->db, p.r.id, before, limit, write_revision, &l);
	return api_page_end(q, &b, err, l.n == limit, l.last);
}

/* --- reactions --- */

static bool reaction_kind(struct api_req *q, enum comm_reaction *out)
{
	const struct http_params *pr = &q->http->params;
	for (size_t i = 0; i < pr->n; i++)
		if (!strncmp(pr->name[i], "kind}", 5))
			for (int k = 0; k < COMM_N_REACTIONS; k++)
				if (!strcmp(pr->value[i], comm_reaction_names[k])) {
					*out = (enum comm_reaction)k;
					return true;
				}
	return false;
}

static enum ent_err react(struct api_req *q, bool on)
{
	struct post_ref p;
	enum comm_reaction kind;
	if (!reaction_kind(q, &kind))
		return ENT_ENOTFOUND;
	enum ent_err err = load_post(q, &p);
	if (!err && p.r.deleted)
		err = ENT_ENOTFOUND;
	if (!err && !policy_space_can_write(p.space.visibility, comm_roles(q)))
		err = ENT_EPERM;
	if (!err)
		err = comm_reaction_set(q->db, p.r.id, q->s.account.id, kind, on, clock_now());
	if (err)
		return err;
	comm_thread_changed(p.r.thread_id);
	int64_t n[COMM_N_REACTIONS];
	err = comm_reaction_counts(q->db, p.r.id, n);
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	struct buf b;
	buf_init(&b, 256);
	buf_printf(&b, "{\"post\":%lld,\"reactions\":{\"soutien\":%lld,\"merci\":%lld,\"utile\":%lld}}",
		   (long long)p.r.id, (long long)n[COMM_REACT_SOUTIEN], (long long)n[COMM_REACT_MERCI],
		   (long long)n[COMM_REACT_UTILE]);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_reaction_put(struct api_req *q)
{
	return react(q, true);
}

enum ent_err api_reaction_delete(struct api_req *q)
{
	return react(q, false);
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
	if (!err && p.r.deleted)
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
	err = comm_post_report(q->db, &p.r, q->s.account.id, reason, why.p ? why.p : "", why.len,
			       clock_now(), &rep);
	if (err)
		goto out;
	struct buf b;
	buf_init(&b, 128);
	buf_printf(&b, "{\"id\":%lld,\"post\":%lld,\"status\":\"%s\"", (long long)rep.id, (long long)p.r.id,
		   rep.resolved ? "resolved" : "open");
	if (rep.created)
		buf_printf(&b, ",\"priority\":\"%s\"", danger ? "danger" : "normal");
	buf_printf(&b, ",\"already_reported\":%s}", rep.created ? "false" : "true");
	api_reply(q, rep.created ? 201 : 200, &b);
out:
	buf_clear(&why);
	return err;
}
