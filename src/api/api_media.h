/* api_media.h - picture uploads (issue 4): POST /api/v1/media, GET /api/v1/media/{id}. */
#ifndef ENT_API_MEDIA_H
#define ENT_API_MEDIA_H

#include "api/api.h"

#define API_MEDIA_BODY_MAX (20u * 1024 * 1024)

enum ent_err api_media_upload(struct api_req *q);
enum ent_err api_media_get(struct api_req *q);

#endif
