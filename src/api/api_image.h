/*
 * api_image.h - the one way handlers sanitize a picture: in the worker pool when the server
 * has one (the request is suspended while a worker decodes, so HTTP threads stay free), else
 * through ent_img_sanitize(), which in `entraide` waits for a worker of its own pool
 * (src/cli/cli_image_remote.c; image_workers = 0). Used by POST /api/v1/media and the case
 * photos (api_case_photo.c).
 */
#ifndef ENT_API_IMAGE_H
#define ENT_API_IMAGE_H

#include <stdbool.h>

#include "api/api.h"
#include "entraide/image.h"

/* Sanitizes len bytes at in with o (o->faces is filled here when faces are covered in
 * process). The first call on a request submits the job, suspends the request and sets
 * *pending: the handler then returns ENT_OK at once without answering, and is called again
 * when the job has ended, where the same call gives the result (*pending false, res filled,
 * res->reason valid until the request ends). An upload (is_upload) counts against the
 * account's hourly budgets first: ENT_ERATE with q->retry_after beyond them. A full pool is
 * ENT_EBUSY (503, Retry-After). Other errors are the sanitizer's. */
enum ent_err api_image_sanitize(struct api_req *q, const uint8_t *in, size_t len,
				struct ent_img_opts *o, bool is_upload, struct ent_img_result *res,
				bool *pending);

#endif
