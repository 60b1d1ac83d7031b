/*
 * api_space_util.c - helpers shared by the communities routes: query parameters, loading a
 * space under the visibility policy, the publishing check's answer (R1, R4), the moderators'
 * audit log.
 * Not responsible for: the rows (src/community/comm_*_store.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "community/comm.h"
#include "core/clock.h"

void comm_list_item(struct comm_list *l, int64_t id)
{
	buf_puts(l->b, l->n++ ? ",{\"id\":" : "{\"id\":");
	buf_put_int(l->b, id);
	l->last = id;
}

unsigned comm_roles(const struct api_req *q)
{
	return q->has_session ? q->s.roles : ROLE_ANON;
}

/* The visibility policy on a loaded space. */
static enum ent_err may_read(struct api_req *q, const struct comm_space *s)
{
	if (policy_space_can_read(s->visibility, comm_roles(q)))
		return ENT_OK;
	/* Any visitor may sign up and read a members-only space: hiding it from visitors protects
	 * nothing, and "log in to read this" is more use to them than "not found". Professional
	 * spaces stay unseen (404) to everyone who may not read them. */
	return s->visibility == SPACE_MEMBERS && !q->has_session ? ENT_EAUTH : ENT_ENOTFOUND;
}

enum ent_err comm_space_by_slug(struct api_req *q, const char *slug, struct comm_space *out)
{
	enum ent_err err = comm_space_find(q->db, slug, out);
	return err ? err : may_read(q, out);
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
	enum ent_err err = comm_thread_space(q->db, thread_id, out, title, title_cap);
	return err ? err : may_read(q, out);
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

enum ent_err comm_audit(struct api_req *q, const char *action, const char *kind, int64_t id,
			const char *note)
{
	return comm_audit_add(q->db, q->s.account.id, action, kind, id, note, clock_now());
}
