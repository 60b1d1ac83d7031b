/*
 * api_read.c - what a member has read (issue 13): POST /api/v1/threads/{id}/read {"last": id},
 * sent by the page once its posts are seen, moves the member's read marker in a followed
 * thread and marks the thread's notifications up to that post read.
 *
 * Reading a thread writes nothing; these marks are the only writes a member's reading causes,
 * and they are coalesced: concurrent requests put their mark in a queue, and the first one
 * that finds no batch being written becomes the writer of every mark queued so far, in one
 * transaction (group commit). Each request answers once the batch holding its mark is
 * committed, so a member who reads and then lists notifications sees them read. Marks of one
 * member in one thread queued together are merged (the furthest post wins).
 * Not responsible for: the unread counters (triggers of migration 0101 keep them).
 */
#include <pthread.h>
#include <string.h>

#include "api/api_community.h"
#include "core/clock.h"

const struct json_field api_read_fields[] = {
	{"last", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* A batch holds at most this many marks (a member reading is one mark): beyond it, requests
 * wait for the batch being written. 2 x 1024 x 24 bytes of static memory. */
#define MARKS_MAX 1024

struct mark {
	int64_t account, thread, last;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct mark buf[2][MARKS_MAX];
	int pending;            /* which buffer takes new marks */
	size_t n;               /* marks in the pending buffer */
	uint64_t queued, done;  /* tickets: marks queued, marks whose batch has ended */
	uint64_t failed_lo, failed_hi; /* tickets of the last batch that failed */
	bool writing;
} rq = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

/* The read marker only moves forward and never past the thread's last post; unread is what
 * is left after it (a count on write, bounded by the posts after the marker). */
static const struct store_stmt Q_READ_FOLLOW = {
	"comm.read_follow",
	"UPDATE follows SET last_read_id = min(?3, last_post_id), unread = (SELECT count(*) FROM posts p "
	"WHERE p.thread_id = ?2 AND p.id > min(?3, follows.last_post_id) AND p.hidden_at IS NULL "
	"AND p.deleted_at IS NULL) WHERE account_id = ?1 AND thread_id = ?2 AND last_read_id < ?3"};
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
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

static enum ent_err write_batch(struct store_conn *db, const struct mark *ms, size_t n)
{
	int64_t now = clock_now();
	enum ent_err err = store_tx_begin(db);
	for (size_t i = 0; !err && i < n; i++) {
		err = exec_mark(db, &Q_READ_FOLLOW, &ms[i], now);
		if (!err)
			err = exec_mark(db, &Q_READ_NOTIFS, &ms[i], now);
	}
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	return err;
}

enum ent_err comm_read_mark(struct store_conn *db, int64_t account, int64_t thread, int64_t last)
{
	enum ent_err err = ENT_OK;
	pthread_mutex_lock(&rq.mu);
	while (rq.n == MARKS_MAX)
		pthread_cond_wait(&rq.cv, &rq.mu);
	struct mark *ms = rq.buf[rq.pending];
	size_t i = 0;
	while (i < rq.n && (ms[i].account != account || ms[i].thread != thread))
		i++;
	if (i == rq.n)
		ms[rq.n++] = (struct mark){account, thread, last};
	else if (ms[i].last < last)
		ms[i].last = last;
	uint64_t ticket = ++rq.queued;
	while (rq.done < ticket) {
		if (rq.writing) {
			pthread_cond_wait(&rq.cv, &rq.mu);
			continue;
		}
		/* No batch is being written: this request writes every mark queued so far. */
		rq.writing = true;
		struct mark *batch = rq.buf[rq.pending];
		size_t n = rq.n;
		uint64_t upto = rq.queued;
		rq.pending ^= 1;
		rq.n = 0;
		pthread_mutex_unlock(&rq.mu);
		enum ent_err werr = write_batch(db, batch, n);
		pthread_mutex_lock(&rq.mu);
		if (werr) {
			rq.failed_lo = rq.done + 1;
			rq.failed_hi = upto;
		}
		rq.done = upto;
		rq.writing = false;
		pthread_cond_broadcast(&rq.cv);
	}
	if (ticket >= rq.failed_lo && ticket <= rq.failed_hi)
		err = ENT_EDB;
	pthread_mutex_unlock(&rq.mu);
	return err;
}

enum ent_err api_thread_read(struct api_req *q)
{
	struct comm_space s;
	int64_t id;
	enum ent_err err = comm_path_id(q, "id", &id);
	if (!err)
		err = comm_space_of_thread(q, id, &s, NULL, 0);
	if (err)
		return err;
	json_int_t last = json_integer_value(json_object_get(q->body, "last"));
	if (last < 0)
		return api_invalid(q, "last", "negative");
	err = comm_read_mark(q->db, q->s.account.id, id, (int64_t)last);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"thread\":%lld,\"last\":%lld}", (long long)id, (long long)last);
	api_reply(q, 200, &b);
	return ENT_OK;
}
