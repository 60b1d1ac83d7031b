/*
 * api_image.c - pictures through the worker pool, for every handler that takes one (see
 * api_image.h). The job lives in the request (r->async) from submission to the request's
 * end, so a client that goes away cannot free it under the pool's feet.
 */
#include <stdio.h>

#include "api/api_image.h"
#include "core/clock.h"
#include "core/log.h"
#include "media/media.h"
#include "privacy/image/img_pool.h"

static void job_done(void *arg)
{
	http_resume(arg);
}

static void job_free(void *job)
{
	img_job_free(job);
}

/* The account's hourly budgets: uploads and kilobytes, both counted before decoding. */
static enum ent_err budget(struct api_req *q, size_t len)
{
	char key[32];
	int n = snprintf(key, sizeof key, "%lld", (long long)q->s.account.id);
	int64_t now = clock_now();
	unsigned kb = (unsigned)(len / 1024 + 1);
	unsigned wait = auth_limiter_check(q->app->upload_count, key, (size_t)n, now);
	if (!wait)
		wait = auth_limiter_take(q->app->upload_kb, key, (size_t)n, now, kb);
	if (!wait)
		wait = auth_limiter_take(q->app->upload_count, key, (size_t)n, now, 1);
	if (wait) {
		q->retry_after = wait;
		return ENT_ERATE;
	}
	return ENT_OK;
}

enum ent_err api_image_sanitize(struct api_req *q, const uint8_t *in, size_t len,
				struct ent_img_opts *o, bool is_upload, struct ent_img_result *res,
				bool *pending)
{
	struct http_req *r = q->http;
	*pending = false;
	if (r->async) /* called again: the job has ended */
		return img_job_result(r->async, res);
	if (is_upload && q->app->upload_count && q->app->upload_kb) {
		enum ent_err err = budget(q, len);
		if (err)
			return err;
	}
	if (!q->app->pool) {
		if (o->faces_mode == ENT_IMG_FACES_COVER) {
			/* one detector for the process, loaded on first use; without it the upload
			 * fails rather than let a face through */
			enum ent_err err = media_face_detector(&o->faces);
			if (err) {
				log_err("face detector unavailable", err, NULL);
				return ENT_EINTERNAL;
			}
		}
		return ent_img_sanitize(in, len, o, res);
	}
	struct img_job *job = NULL;
	enum ent_err err = img_pool_submit(q->app->pool, in, len, o, job_done, r, &job);
	if (err == ENT_EBUSY)
		q->retry_after = 5;
	if (err)
		return err;
	r->async = job;
	r->async_free = job_free;
	http_suspend(r);
	*pending = true;
	return ENT_OK;
}
