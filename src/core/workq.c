/* workq.c - jobs handed to threads of their own; see workq.h. */
#include <pthread.h>
#include <stdlib.h>

#include "core/workq.h"

#define WORKQ_THREADS_MAX 8

struct workq {
	pthread_t threads[WORKQ_THREADS_MAX];
	unsigned n_threads;
	bool batch;
	workq_run_fn run;
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t wake, room;
	struct workq_item *head, **tail;
	size_t n;
	bool stop, joined;
};

/* Takes what this thread runs next: one job, or all of them in batch mode. Under q->mu. */
static struct workq_item *take(struct workq *q)
{
	struct workq_item *list = q->head;
	if (q->batch) {
		q->head = NULL;
		q->n = 0;
	} else {
		q->head = list->next;
		list->next = NULL;
		q->n--;
	}
	if (!q->head)
		q->tail = &q->head;
	pthread_cond_broadcast(&q->room);
	return list;
}

static void *run(void *arg)
{
	struct workq *q = arg;
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->head && !q->stop)
			pthread_cond_wait(&q->wake, &q->mu);
		if (!q->head)
			break; /* stopping, nothing left */
		struct workq_item *list = take(q);
		pthread_mutex_unlock(&q->mu);
		q->run(list, q->ctx);
		pthread_mutex_lock(&q->mu);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

enum ent_err workq_start(struct workq **out, unsigned n, bool batch, workq_run_fn fn, void *ctx)
{
	*out = NULL;
	struct workq *q = calloc(1, sizeof *q);
	if (!q)
		return ENT_ENOMEM;
	q->batch = batch;
	q->run = fn;
	q->ctx = ctx;
	q->tail = &q->head;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->wake, NULL);
	pthread_cond_init(&q->room, NULL);
	if (n > WORKQ_THREADS_MAX)
		n = WORKQ_THREADS_MAX;
	while (q->n_threads < n && !pthread_create(&q->threads[q->n_threads], NULL, run, q))
		q->n_threads++;
	if (!q->n_threads) {
		q->joined = true;
		workq_free(q);
		return ENT_EINTERNAL;
	}
	*out = q;
	return ENT_OK;
}

enum workq_pushed workq_push(struct workq *q, struct workq_item *it, size_t max, bool wait)
{
	enum workq_pushed how = WORKQ_QUEUED;
	pthread_mutex_lock(&q->mu);
	while (wait && q->n >= max && !q->stop)
		pthread_cond_wait(&q->room, &q->mu);
	if (q->stop) {
		how = WORKQ_STOPPING;
	} else if (q->n >= max) {
		how = WORKQ_FULL;
	} else {
		it->next = NULL;
		*q->tail = it;
		q->tail = &it->next;
		q->n++;
		pthread_cond_signal(&q->wake);
	}
	pthread_mutex_unlock(&q->mu);
	return how;
}

void workq_stop(struct workq *q)
{
	if (!q || q->joined)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = true; /* the jobs already queued still run */
	pthread_cond_broadcast(&q->wake);
	pthread_cond_broadcast(&q->room);
	pthread_mutex_unlock(&q->mu);
	for (unsigned i = 0; i < q->n_threads; i++)
		pthread_join(q->threads[i], NULL);
	q->joined = true;
}

void workq_free(struct workq *q)
{
	if (!q)
		return;
	workq_stop(q);
	pthread_cond_destroy(&q->room);
	pthread_cond_destroy(&q->wake);
	pthread_mutex_destroy(&q->mu);
	free(q);
}
