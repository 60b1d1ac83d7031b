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

/* api_case.c */
struct pro_case;
extern const struct json_field api_case_create_fields[];
extern const struct json_field api_answer_create_fields[];
extern const struct json_field api_case_helpful_fields[];
enum ent_err api_cases_list(struct api_req *q);
enum ent_err api_case_create(struct api_req *q);
enum ent_err api_case_get(struct api_req *q);
enum ent_err api_answer_create(struct api_req *q);
enum ent_err api_case_helpful(struct api_req *q);
enum ent_err api_case_close(struct api_req *q);
/* The case of the {id} parameter (pro_case_clear() it); with author_only, ENT_EPERM for
 * anyone but its author. */
enum ent_err api_case_load(struct api_req *q, bool author_only, struct pro_case *k);

/* api_case_photo.c */
#define API_PHOTO_BODY_MAX (15u * 1024 * 1024)
extern const struct json_field api_photo_create_fields[];
extern const struct json_field api_photo_review_fields[];
enum ent_err api_photo_create(struct api_req *q);
enum ent_err api_photo_get(struct api_req *q);
enum ent_err api_reviews_list(struct api_req *q);
enum ent_err api_review_image(struct api_req *q);
enum ent_err api_review_decide(struct api_req *q);

#endif
