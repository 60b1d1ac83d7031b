/* api_media.h - picture uploads (issue 4): POST /api/v1/media, GET /api/v1/media/{id}. */
#ifndef ENT_API_MEDIA_H
#define ENT_API_MEDIA_H

#include "api/api.h"

#define API_MEDIA_BODY_MAX (20u * 1024 * 1024)
#define API_MEDIA_PATH_MAX (CONFIG_PATH_MAX + 96)

enum ent_err api_media_upload(struct api_req *q);
enum ent_err api_media_get(struct api_req *q);
/* Removes the files whose last row went (their owners' accounts were deleted), under the
 * write lock so an upload of the same picture cannot slip in between the check and the
 * unlink. Best effort, a few files per call: a failure leaves the hash listed for the next
 * call. Runs at the start of each media request; call it after deleting an account to
 * remove the files at once. */
void api_media_purge(const struct api_app *app, struct store_conn *db);
/* The file of a stored picture: DATA/media/ab/cdef... */
void api_media_file(const struct api_app *app, const char *hash, char out[API_MEDIA_PATH_MAX]);

#endif
