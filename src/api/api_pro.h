/*
 * api_pro.h - the professional network's handlers and field tables (issue 7), for the route
 * table, and the small helpers its API files share.
 */
#ifndef ENT_API_PRO_H
#define ENT_API_PRO_H

#include "api/api.h"

/* api_verification.c */
extern const struct json_field api_verification_create_fields[];
extern const struct json_field api_verification_reason_fields[];
enum ent_err api_verification_create(struct api_req *q);
enum ent_err api_verification_mine(struct api_req *q);
enum ent_err api_verification_list(struct api_req *q);
enum ent_err api_verification_approve(struct api_req *q);
enum ent_err api_verification_refuse(struct api_req *q);
enum ent_err api_verification_revoke(struct api_req *q);
enum ent_err api_badge_get(struct api_req *q);

/* api_conversation.c */
extern const struct json_field api_conversation_create_fields[];
enum ent_err api_conversation_create(struct api_req *q);

/* Helpers. The {id} path parameter as a positive integer (ENT_ENOTFOUND otherwise). */
enum ent_err api_pro_param_id(struct api_req *q, int64_t *id);
/* Appends a quoted UTC date ("2026-11-29") or date-time ("2026-11-29T02:00:00Z"). */
void api_pro_date(struct buf *b, int64_t at, bool with_time);

#endif
