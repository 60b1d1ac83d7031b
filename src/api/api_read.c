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
 * Not responsible for: the unread counters (triggers of migration 0101 keep them).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "core/clock.h"

const struct json_field api_read_fields[] = {
	{"last", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

struct mark {
	struct api_write w; /* first */
	int64_t account, thread, last;
};

/* The read marker only moves forward and never past the thread's last post; read_visible is
 * the thread's visible posts up to it (migration 0103: unread = n_visible - read_visible),
 * counted from the posts after the marker (usually none). */
static const struct store_stmt Q_READ_FOLLOW = {
	"comm.read_follow",
	"UPDATE follows SET last_read_id = min(?3, t.last_post_id), read_visible = t.n_visible - "
	"(SELECT count(*) FROM posts p WHERE p.thread_id = ?2 AND p.id > min(?3, t.last_post_id) "
	"AND p.hidden_at IS NULL AND p.deleted_at IS NULL) FROM threads t "
	"WHERE t.id = ?2 AND follows.account_id = ?1 AND follows.thread_id = ?2 "
	"AND follows.last_read_id < ?3"};
static const struct store_stmt Q_READ_NOTIFS = {
	"comm.read_notifications",
	"UPDATE notifications SET read_at = ?4 WHERE account_id = ?1 AND thread_id = ?2 "
	"AND read_at IS NULL AND (post_id IS NULL OR post_id <= ?3)"};

static enum ent_err exec_mark(struct store_conn *db, const struct store_stmt *stmt,
			      const struct mark *m, int64_t now)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, m->account);
	store_q_bind_int(st, 2, m->thread);
	store_q_bind_int(st, 3, m->last);
	if (stmt == &Q_READ_NOTIFS)
		store_q_bind_int(st, 4, now);
	return store_q_run(st);
}

static enum ent_err mark_write(struct store_conn *db, struct api_write *w)
{
	const struct mark *m = (const struct mark *)w;
	enum ent_err err = exec_mark(db, &Q_READ_FOLLOW, m, clock_now());
	return err ? err : exec_mark(db, &Q_READ_NOTIFS, m, clock_now());
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
