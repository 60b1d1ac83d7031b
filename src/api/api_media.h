/* api_media.h - picture uploads (issue 4): POST /api/v1/media, GET /api/v1/media/{id}. */
#ifndef ENT_API_MEDIA_H
#define ENT_API_MEDIA_H

#include "api/api.h"

#include "media/media.h"

#define API_MEDIA_BODY_MAX MEDIA_UPLOAD_MAX

enum ent_err api_media_upload(struct api_req *q);
enum ent_err api_media_get(struct api_req *q);
/* media_purge() under the app's data directory. Runs at the start of each media request;
 * call it after deleting an account to remove the files at once. */
void api_media_purge(const struct api_app *app, struct store_conn *db);

#endif
