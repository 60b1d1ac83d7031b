/*
 * api_hasher.c - the threads of `serve` that run Argon2id (issue 13). A password check or a
 * new hash costs about 0.1 s of CPU and 64 MiB; run on an HTTP thread, it kept that thread
 * from every other connection it serves (a thread page waited up to 1.7 s behind log-ins).
 * The handler hands its password work to these threads and suspends its request
 * (http_suspend), as replies do with the writer thread; the threads run the work and resume
 * the request, whose handler is called again and finds the result in r->async.
 * There are as many threads as cores (at most HASHER_THREADS_MAX): that also bounds the
 * memory Argon2id takes at once, whatever the number of log-ins in flight. Past
 * HASHER_QUEUE_MAX waiting jobs a new one is refused with ENT_EBUSY (503, Retry-After).
 * Not responsible for: the log-in rate limits (the handlers check them before handing work
 * here and count the result after).
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"

#define HASHER_THREADS_MAX 4
#define HASHER_QUEUE_MAX 256

/* One request's password work, owned by the request (r->async) from submission on. The
 * passwords are copied into locked memory that is wiped when the job is freed. */
struct pw_job {
	struct pw_job *next;
	struct http_req *r;
	bool check, dummy, done;
	char check_hash[AUTH_PWHASH_MAX];
	char *pw;     /* sodium_malloc'd copies, or NULL */
	size_t pw_len;
	char *new_pw;
	size_t new_len;
	struct api_pw_result res;
};

struct api_hasher {
	pthread_t threads[HASHER_THREADS_MAX];
	unsigned n_threads;
	pthread_mutex_t mu;
	pthread_cond_t wake;
	struct pw_job *head, **tail;
	size_t n;
	bool stop, joined;
};

static void job_free(void *p)
{
	struct pw_job *j = p;
	if (!j)
		return;
	sodium_free(j->pw);
	sodium_free(j->new_pw);
	sodium_memzero(j, sizeof *j);
	free(j);
}

static char *secret_copy(const char *s, size_t len)
{
	char *c = sodium_malloc(len + 1);
	if (c) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

/* The work itself, on whichever thread runs it. */
static void run_job(struct pw_job *j)
{
	j->res.check_err = ENT_OK;
	j->res.hash_err = ENT_OK;
	if (j->check) {
		if (j->dummy) {
			auth_password_dummy(j->pw, j->pw_len);
			j->res.check_err = ENT_EAUTH;
		} else {
			j->res.check_err = auth_password_verify(j->check_hash, j->pw, j->pw_len);
		}
	}
	if (j->new_pw && !j->res.check_err)
		j->res.hash_err = auth_password_hash(j->new_pw, j->new_len, j->res.new_hash);
}

static void *run(void *arg)
{
	struct api_hasher *h = arg;
	pthread_mutex_lock(&h->mu);
	for (;;) {
		while (!h->head && !h->stop)
			pthread_cond_wait(&h->wake, &h->mu);
		struct pw_job *j = h->head;
		if (!j)
			break; /* stopping, nothing left */
		h->head = j->next;
		if (!h->head)
			h->tail = &h->head;
		h->n--;
		pthread_mutex_unlock(&h->mu);
		run_job(j);
		j->done = true;
		http_resume(j->r); /* the request owns j from here: do not touch it */
		pthread_mutex_lock(&h->mu);
	}
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

enum ent_err api_hasher_start(struct api_app *app)
{
	struct api_hasher *h = calloc(1, sizeof *h);
	if (!h)
		return ENT_ENOMEM;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned want = cores < 1 ? 1 : cores > HASHER_THREADS_MAX ? HASHER_THREADS_MAX : (unsigned)cores;
	h->tail = &h->head;
	pthread_mutex_init(&h->mu, NULL);
	pthread_cond_init(&h->wake, NULL);
	while (h->n_threads < want && !pthread_create(&h->threads[h->n_threads], NULL, run, h))
		h->n_threads++;
	if (!h->n_threads) {
		pthread_cond_destroy(&h->wake);
		pthread_mutex_destroy(&h->mu);
		free(h);
		return ENT_EINTERNAL;
	}
	app->hasher = h;
	return ENT_OK;
}

void api_hasher_stop(struct api_app *app)
{
	struct api_hasher *h = app->hasher;
	if (!h || h->joined)
		return;
	pthread_mutex_lock(&h->mu);
	h->stop = true; /* the jobs already queued still run */
	pthread_cond_broadcast(&h->wake);
	pthread_mutex_unlock(&h->mu);
	for (unsigned i = 0; i < h->n_threads; i++)
		pthread_join(h->threads[i], NULL);
	h->joined = true;
}

void api_hasher_free(struct api_app *app)
{
	struct api_hasher *h = app->hasher;
	if (!h)
		return;
	if (!h->joined)
		api_hasher_stop(app);
	pthread_cond_destroy(&h->wake);
	pthread_mutex_destroy(&h->mu);
	free(h);
	app->hasher = NULL;
}

enum submitted { QUEUED, QUEUE_FULL, STOPPING };

/* Queues j, unless the queue is full or the threads stop (then the caller runs it itself). */
static enum submitted submit(struct api_hasher *h, struct pw_job *j)
{
	enum submitted err = QUEUED;
	pthread_mutex_lock(&h->mu);
	if (h->stop) {
		err = STOPPING;
	} else if (h->n >= HASHER_QUEUE_MAX) {
		err = QUEUE_FULL;
	} else {
		j->next = NULL;
		*h->tail = j;
		h->tail = &j->next;
		h->n++;
		pthread_cond_signal(&h->wake);
	}
	pthread_mutex_unlock(&h->mu);
	return err;
}

enum ent_err api_password_work(struct api_req *q, const struct api_pw_work *w,
			       struct api_pw_result *res, bool *pending)
{
	struct http_req *r = q->http;
	*pending = false;
	if (r->async) { /* called again: the work is done */
		struct pw_job *j = r->async;
		*res = j->res;
		return ENT_OK;
	}
	struct pw_job *j = calloc(1, sizeof *j);
	if (!j)
		return ENT_ENOMEM;
	j->check = w->check;
	j->dummy = w->check && !w->check_hash;
	if (w->check_hash)
		snprintf(j->check_hash, sizeof j->check_hash, "%s", w->check_hash);
	j->pw_len = w->pw_len;
	j->new_len = w->new_len;
	if ((w->check && !(j->pw = secret_copy(w->pw, w->pw_len))) ||
	    (w->new_pw && !(j->new_pw = secret_copy(w->new_pw, w->new_len)))) {
		job_free(j);
		return ENT_ENOMEM;
	}
	j->r = r;
	enum submitted how = q->app->hasher ? submit(q->app->hasher, j) : STOPPING;
	if (how == STOPPING) { /* no threads (tools, tests) or stopping: run it here */
		run_job(j);
		*res = j->res;
		job_free(j);
		return ENT_OK;
	}
	if (how == QUEUE_FULL) {
		job_free(j);
		return ENT_EBUSY;
	}
	r->async = j;
	r->async_free = job_free;
	http_suspend(r);
	*pending = true;
	return ENT_OK;
}
