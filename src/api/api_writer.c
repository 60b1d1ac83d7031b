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
#include <pthread.h>
#include <stdlib.h>

#include "api/api.h"
#include "core/log.h"

/* Jobs waiting beyond this many make new ones wait for room (each holds one request). */
#define WRITER_QUEUE_MAX 4096

struct api_writer {
	struct api_app *app;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t wake, room;
	struct api_write *head, **tail;
	size_t n;
	bool stop, joined;
};

static enum ent_err run_one(struct store_conn *db, struct api_write *w)
{
	enum ent_err err = store_tx_begin(db);
	if (err)
		return err;
	err = w->fn(db, w);
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	return err;
}

/* Writes the jobs of list in one transaction, or one by one when that fails; then lets each
 * request answer. No job is touched after its request is resumed (the request owns it). */
static void write_batch(struct store_conn *db, struct api_write *list)
{
	enum ent_err err = db ? store_tx_begin(db) : ENT_EDB;
	bool tx = !err;
	for (struct api_write *w = list; !err && w; w = w->next)
		err = w->fn(db, w);
	if (tx && !err)
		err = store_tx_commit(db);
	else if (tx)
		store_tx_rollback(db);
	for (struct api_write *w = list; w; w = w->next)
		w->err = !err ? ENT_OK : db ? run_one(db, w) : ENT_EDB;
	while (list) {
		struct api_write *w = list;
		list = w->next;
		if (!w->err && w->after)
			w->after(w);
		w->done = true;
		http_resume(w->r);
	}
}

static void *run(void *arg)
{
	struct api_writer *wr = arg;
	struct store_conn *db = NULL;
	pthread_mutex_lock(&wr->mu);
	for (;;) {
		while (!wr->head && !wr->stop)
			pthread_cond_wait(&wr->wake, &wr->mu);
		if (!wr->head)
			break; /* stopping, nothing left */
		struct api_write *list = wr->head;
		wr->head = NULL;
		wr->tail = &wr->head;
		wr->n = 0;
		pthread_cond_broadcast(&wr->room);
		pthread_mutex_unlock(&wr->mu);
		if (!db && store_conn_get(wr->app->store, &db)) {
			db = NULL;
			log_line(LOG_ERROR, "writer has no database connection", NULL);
		}
		write_batch(db, list);
		pthread_mutex_lock(&wr->mu);
	}
	pthread_mutex_unlock(&wr->mu);
	return NULL;
}

enum ent_err api_writer_start(struct api_app *app)
{
	struct api_writer *wr = calloc(1, sizeof *wr);
	if (!wr)
		return ENT_ENOMEM;
	wr->app = app;
	wr->tail = &wr->head;
	pthread_mutex_init(&wr->mu, NULL);
	pthread_cond_init(&wr->wake, NULL);
	pthread_cond_init(&wr->room, NULL);
	if (pthread_create(&wr->thread, NULL, run, wr)) {
		pthread_cond_destroy(&wr->room);
		pthread_cond_destroy(&wr->wake);
		pthread_mutex_destroy(&wr->mu);
		free(wr);
		return ENT_EINTERNAL;
	}
	app->writer = wr;
	return ENT_OK;
}

void api_writer_stop(struct api_app *app)
{
	struct api_writer *wr = app->writer;
	if (!wr || wr->joined)
		return;
	pthread_mutex_lock(&wr->mu);
	wr->stop = true; /* the jobs already queued are still written */
	pthread_cond_signal(&wr->wake);
	pthread_cond_broadcast(&wr->room);
	pthread_mutex_unlock(&wr->mu);
	pthread_join(wr->thread, NULL);
	wr->joined = true;
}

void api_writer_free(struct api_app *app)
{
	struct api_writer *wr = app->writer;
	if (!wr)
		return;
	if (!wr->joined)
		api_writer_stop(app);
	pthread_cond_destroy(&wr->room);
	pthread_cond_destroy(&wr->wake);
	pthread_mutex_destroy(&wr->mu);
	free(wr);
	app->writer = NULL;
}

/* Queues w; false when the writer stops (the caller writes it itself). */
static bool submit(struct api_writer *wr, struct api_write *w)
{
	pthread_mutex_lock(&wr->mu);
	while (wr->n >= WRITER_QUEUE_MAX && !wr->stop)
		pthread_cond_wait(&wr->room, &wr->mu);
	bool ok = !wr->stop;
	if (ok) {
		w->next = NULL;
		*wr->tail = w;
		wr->tail = &w->next;
		wr->n++;
		pthread_cond_signal(&wr->wake);
	}
	pthread_mutex_unlock(&wr->mu);
	return ok;
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
	if (q->app->writer && submit(q->app->writer, w)) {
		http_suspend(r);
		*pending = true;
		return ENT_OK;
	}
	w->err = run_one(q->db, w);
	if (!w->err && w->after)
		w->after(w);
	w->done = true;
	return w->err;
}
