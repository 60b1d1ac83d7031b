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
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "core/workq.h"

#define HASHER_THREADS_MAX 4
#define HASHER_QUEUE_MAX 256

/* One request's password work, owned by the request (r->async) from submission on. The
 * passwords are copied into locked memory that is wiped when the job is freed. */
struct pw_job {
	struct workq_item link;
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
	struct workq *q;
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

/* On a hashing thread: one job at a time. */
static void run(struct workq_item *it, void *ctx)
{
	(void)ctx;
	struct pw_job *j = WORKQ_JOB(it, struct pw_job, link);
	run_job(j);
	j->done = true;
	http_resume(j->r); /* the request owns j from here: do not touch it */
}

enum ent_err api_hasher_start(struct api_app *app)
{
	struct api_hasher *h = calloc(1, sizeof *h);
	if (!h)
		return ENT_ENOMEM;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned want = cores < 1 ? 1 : cores > HASHER_THREADS_MAX ? HASHER_THREADS_MAX : (unsigned)cores;
	enum ent_err err = workq_start(&h->q, want, false, run, NULL);
	if (err) {
		free(h);
		return err;
	}
	app->hasher = h;
	return ENT_OK;
}

void api_hasher_stop(struct api_app *app)
{
	if (app->hasher)
		workq_stop(app->hasher->q); /* the jobs already queued still run */
}

void api_hasher_free(struct api_app *app)
{
	struct api_hasher *h = app->hasher;
	if (!h)
		return;
	workq_free(h->q);
	free(h);
	app->hasher = NULL;
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
	enum workq_pushed how = q->app->hasher
		? workq_push(q->app->hasher->q, &j->link, HASHER_QUEUE_MAX, false)
		: WORKQ_STOPPING;
	if (how == WORKQ_STOPPING) { /* no threads (tools, tests) or stopping: run it here */
		run_job(j);
		*res = j->res;
		job_free(j);
		return ENT_OK;
	}
	if (how == WORKQ_FULL) {
		job_free(j);
		return ENT_EBUSY;
	}
	r->async = j;
	r->async_free = job_free;
	http_suspend(r);
	*pending = true;
	return ENT_OK;
}
