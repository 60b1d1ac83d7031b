/*
 * api_writer.c - the one thread of `serve` that writes members' hot writes (issue 13):
 * replies and read marks. A handler does its checks and its CPU work (the publishing check,
 * the intent classifier, Markdown) on its HTTP thread, hands a job to this thread and
 * suspends its request (http_suspend), so the HTTP threads go on serving reads instead of
 * waiting on SQLite's single writer. This thread takes every job queued so far and writes
 * them in one transaction (group commit), then resumes each request, which answers from its
 * job. If the batch fails, each job is written again in its own transaction, so one bad job
 * (a thread deleted meanwhile) fails alone. One writer also means no two of these writes
 * wait on each other's locks (SQLite's busy handler sleeps).
 * Not responsible for: what a job writes (its fn, next to its handler).
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include "api/api.h"
#include "core/log.h"
#include "core/workq.h"

/* Jobs waiting beyond this many make new ones wait for room (each holds one request). */
#define WRITER_QUEUE_MAX 4096
/* A job waits for its write on its HTTP thread (instead of suspending) only when fewer jobs
 * than this are ahead of it: beyond, its write is unlikely to end within the grace. */
#define WRITER_WAIT_AHEAD 4
/* The recent requests of an HTTP thread: counts halved when reqs reaches this. */
#define WRITER_MIX_WINDOW 512

/* What the calling HTTP thread has served lately: requests, and writes among them. */
static _Thread_local struct {
	unsigned reqs, writes;
} mix;

struct api_writer {
	struct api_app *app;
	struct workq *q;
	struct store_conn *db; /* the writer thread's own, opened on its first batch */
	/* Jobs handed over and not yet written. A job waits for its write on its HTTP thread
	 * (http_suspend_short: about a group commit, 0.3 ms, blocking that thread's other
	 * connections) when none is before it (the writer idle), or when a few are and writes
	 * are at most a quarter of what its thread serves lately (most requests are reads, as
	 * in a community). A suspended request is answered only after its thread's next pass
	 * over its ready connections and one more: 10-25 ms under load, which in bench/members'
	 * mixed load (10 % replies) was the reply of one in seven and set the load's p99.
	 * Otherwise (writes arriving faster than the writer ends them, e.g. a burst of replies)
	 * the request suspends at once and its thread serves others meanwhile: waiting there
	 * would hand the writer one job per HTTP thread a batch and lose the group commit
	 * (replies alone fell from 5,300 to 2,950 a second in bench/members). */
	atomic_int inflight;
};

static enum ent_err run_one(struct store_conn *db, struct api_write *w)
{
	enum ent_err err = store_tx_begin(db);
	if (err)
		return err;
	err = w->fn(db, w);
	if (!err && w->last)
		err = w->last(db, w);
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	return err;
}

static struct api_write *write_of(struct workq_item *it)
{
	return it ? WORKQ_JOB(it, struct api_write, link) : NULL;
}

/* Writes the jobs of list in one transaction, or one by one when that fails; then lets each
 * request answer. No job is touched after its request is resumed (the request owns it). */
static void write_batch(struct workq_item *list, void *ctx)
{
	struct api_writer *wr = ctx;
	if (!wr->db && store_conn_get(wr->app->store, &wr->db)) {
		wr->db = NULL;
		log_line(LOG_ERROR, "writer has no database connection", NULL);
	}
	struct store_conn *db = wr->db;
	enum ent_err err = db ? store_tx_begin(db) : ENT_EDB;
	bool tx = !err;
	for (struct api_write *w = write_of(list); !err && w; w = write_of(w->link.next))
		err = w->fn(db, w);
	for (struct api_write *w = write_of(list); !err && w; w = write_of(w->link.next))
		if (w->last)
			err = w->last(db, w);
	if (tx && !err)
		err = store_tx_commit(db);
	else if (tx)
		store_tx_rollback(db);
	for (struct api_write *w = write_of(list); w; w = write_of(w->link.next))
		w->err = !err ? ENT_OK : db ? run_one(db, w) : ENT_EDB;
	int n = 0;
	for (struct workq_item *x = list; x; x = x->next)
		n++;
	atomic_fetch_sub(&wr->inflight, n);
	while (list) {
		struct api_write *w = write_of(list);
		list = list->next;
		if (!w->err && w->after)
			w->after(w);
		w->done = true;
		http_resume(w->r);
	}
}

enum ent_err api_writer_start(struct api_app *app)
{
	struct api_writer *wr = calloc(1, sizeof *wr);
	if (!wr)
		return ENT_ENOMEM;
	wr->app = app;
	atomic_init(&wr->inflight, 0);
	enum ent_err err = workq_start(&wr->q, 1, true, write_batch, wr);
	if (err) {
		free(wr);
		return err;
	}
	app->writer = wr;
	return ENT_OK;
}

void api_writer_stop(struct api_app *app)
{
	if (app->writer)
		workq_stop(app->writer->q); /* the jobs already queued are still written */
}

void api_writer_free(struct api_app *app)
{
	struct api_writer *wr = app->writer;
	if (!wr)
		return;
	workq_free(wr->q);
	free(wr);
	app->writer = NULL;
}

enum ent_err api_write(struct api_req *q, struct api_write *w, void (*job_free)(void *job),
		       bool *pending)
{
	struct http_req *r = q->http;
	*pending = false;
	r->async = w;
	r->async_free = job_free;
	w->r = r;
	w->done = false;
	struct api_writer *wr = q->app->writer;
	if (wr) {
		int ahead = atomic_fetch_add(&wr->inflight, 1);
		mix.writes++;
		bool wait = ahead == 0 || (ahead < WRITER_WAIT_AHEAD && mix.writes * 4 <= mix.reqs);
		if (workq_push(wr->q, &w->link, WRITER_QUEUE_MAX, true) == WORKQ_QUEUED) {
			if (wait)
				http_suspend_short(r); /* the next group commit is ours alone */
			else
				http_suspend(r);
			*pending = true;
			return ENT_OK;
		}
		atomic_fetch_sub(&wr->inflight, 1);
	}
	w->err = run_one(q->db, w);
	if (!w->err && w->after)
		w->after(w);
	w->done = true;
	return w->err;
}

void api_writer_count_request(void)
{
	if (++mix.reqs >= WRITER_MIX_WINDOW) {
		mix.reqs /= 2;
		mix.writes /= 2;
	}
}
