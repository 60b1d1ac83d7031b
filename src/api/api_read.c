/*
 * api_read.c - what a member has read (issue 13): POST /api/v1/threads/{id}/read {"last": id},
 * sent by the page once its posts are seen, moves the member's read marker in a followed
 * thread and marks the thread's notifications up to that post read.
 *
 * Reading a thread writes nothing; these marks are the only writes a member's reading causes,
 * and they are coalesced: each mark goes to the writer thread (api_writer.c), which writes
 * every mark and reply queued at that moment in one transaction (group commit). Each request
 * answers once the batch holding its mark is committed, so a member who reads and then lists
 * notifications sees them read.
 * Not responsible for: the unread counters (triggers of migration 0101 keep them), the rows
 * (comm_notify_store.h).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "community/comm_notify_store.h"
#include "core/clock.h"

const struct json_field api_read_fields[] = {
	{"last", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

struct mark {
	struct api_write w; /* first */
	int64_t account, thread, last;
};

static enum ent_err mark_write(struct store_conn *db, struct api_write *w)
{
	const struct mark *m = (const struct mark *)w;
	return comm_read_mark(db, m->account, m->thread, m->last, clock_now());
}

static enum ent_err mark_answer(struct api_req *q, const struct mark *m)
{
	if (m->w.err)
		return m->w.err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"thread\":%lld,\"last\":%lld}", (long long)m->thread, (long long)m->last);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_thread_read(struct api_req *q)
{
	if (q->http->async) /* called again: written */
		return mark_answer(q, q->http->async);
	struct comm_space s;
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = comm_space_of_thread(q, id, &s, NULL, 0);
	if (err)
		return err;
	json_int_t last = json_integer_value(json_object_get(q->body, "last"));
	if (last < 0)
		return api_invalid(q, "last", "negative");
	struct mark *m = calloc(1, sizeof *m);
	if (!m)
		return ENT_ENOMEM;
	m->w.fn = mark_write;
	m->account = q->s.account.id;
	m->thread = id;
	m->last = (int64_t)last;
	bool pending;
	err = api_write(q, &m->w, free, &pending);
	return pending ? ENT_OK : mark_answer(q, m);
}
