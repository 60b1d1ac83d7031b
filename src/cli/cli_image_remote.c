/*
 * cli_image_remote.c - the picture sanitizer of the `entraide` program: every call runs in
 * the worker binary (entraide-imaged, through one process-wide picture pool, img_pool.h), so
 * that `entraide` links none of the codecs and face detectors and `serve` maps none of them.
 *
 * It defines the entry points of include/entraide/image.h that decode (ent_img_sanitize, the
 * face detector's new/free, ent_img_set_threads) for this program only: it is linked before
 * libentraide.a, whose img_sanitize.o and img_faces.o are then never pulled in (the linker
 * would report a duplicate if something still needed them). The library keeps the in-process
 * sanitizer for the unit tests, fuzzers and evaluation tools; the worker runs that one.
 *
 * Used where `entraide` used to decode in process: `serve` with image_workers = 0 and the
 * messages' and case photos' pictures, `sanitize`, the demo. `serve`'s own upload pool
 * (api_image.c) is separate and unchanged.
 *
 * A "face detector" here is a token: the workers load their own detectors, and a worker
 * without one refuses a picture that must have its faces covered (never lets one through).
 * A result's reason, on failure, is copied into storage of the calling thread, valid until
 * that thread's next call (the in-process sanitizer's reasons are static).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_image_remote.h"
#include "core/export.h"
#include "entraide/image.h"
#include "privacy/image/img_pool.h"

struct ent_img_faces {
	int token;
};

static struct ent_img_faces detector = {1};
static unsigned n_workers = 1;
static struct img_pool *pool;
static enum ent_err pool_err;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;

void cli_image_workers(unsigned n)
{
	n_workers = n < 1 ? 1 : n > 64 ? 64 : n;
}

static void pool_make(void)
{
	struct img_pool_opts o = {
		.workers = n_workers,
		.memory = (uint64_t)1024 << 20, /* serve's default image_memory */
		/* no deadline of its own in process: the time budget decides; this is the
		 * backstop for a worker that stops answering (slow under ASan) */
		.job_ms = 120000,
		.queue = 1024, /* callers wait for their turn, as they waited for a core */
	};
	pool_err = img_pool_start(&o, &pool);
}

void cli_image_stop(void)
{
	if (!pool)
		return;
	img_pool_stop(pool);
	img_pool_free(pool);
	pool = NULL;
	pool_err = ENT_EBUSY; /* a late call fails cleanly instead of using a freed pool */
}

struct waiter {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool done;
};

static void job_done(void *arg)
{
	struct waiter *w = arg;
	pthread_mutex_lock(&w->mu);
	w->done = true;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

static enum ent_err fail(struct ent_img_result *res, enum ent_err err, const char *reason)
{
	res->reason = reason;
	return err;
}

ENT_EXPORT enum ent_err ent_img_sanitize(const uint8_t *in, size_t len,
					 const struct ent_img_opts *opts,
					 struct ent_img_result *res)
{
	static _Thread_local char reason[120];
	static const struct ent_img_opts defaults;
	const struct ent_img_opts *o = opts ? opts : &defaults;
	if (!res)
		return ENT_EINVAL;
	memset(res, 0, sizeof *res);
	if (o->faces_mode == ENT_IMG_FACES_COVER && !o->faces)
		return fail(res, ENT_EINVAL, "face covering requested without a face detector");
	if (o->faces_mode != ENT_IMG_FACES_COVER && o->faces_mode != ENT_IMG_FACES_KEEP)
		return fail(res, ENT_EINVAL, "unknown face mode");
	if (!in || len == 0)
		return fail(res, ENT_EFORMAT, "empty input");
	res->in_format = ent_img_sniff(in, len);
	pthread_once(&pool_once, pool_make);
	if (pool_err)
		return fail(res, ENT_EINTERNAL, "the picture worker (entraide-imaged) cannot start");
	struct waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
	struct img_job *job = NULL;
	enum ent_err err = img_pool_submit(pool, in, len, o, job_done, &w, &job);
	if (err == ENT_ETOOBIG)
		return fail(res, err, "file is larger than allowed");
	if (err)
		return fail(res, err, "no picture worker is available");
	pthread_mutex_lock(&w.mu);
	while (!w.done)
		pthread_cond_wait(&w.cv, &w.mu);
	pthread_mutex_unlock(&w.mu);
	enum ent_img_format inf = res->in_format;
	err = img_job_result(job, res);
	if (err) {
		snprintf(reason, sizeof reason, "%s", res->reason ? res->reason : ent_strerror(err));
		res->reason = reason;
		if (!res->in_format)
			res->in_format = inf;
	}
	img_job_free(job);
	pthread_cond_destroy(&w.cv);
	pthread_mutex_destroy(&w.mu);
	return err;
}

ENT_EXPORT enum ent_err ent_img_faces_new(struct ent_img_faces **out, const char **why)
{
	if (why)
		*why = NULL;
	*out = &detector;
	return ENT_OK;
}

ENT_EXPORT void ent_img_faces_free(struct ent_img_faces *f)
{
	(void)f;
}

/* The workers run one codec thread each (img_pool.c sets their environment). */
ENT_EXPORT void ent_img_set_threads(int n)
{
	(void)n;
}
