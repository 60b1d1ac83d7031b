/*
 * api_learn.h - the routes of learning and prevention (issue 21): prevention campaigns
 * (api_campaign.c), courses, progress and certificates (api_course.c), a parent's
 * confirmation of an under-15 account (api_parent.c). Included by
 * api_handlers.h for the route table. The tables and their rules are in learn/learn.h.
 */
#ifndef ENT_API_LEARN_H
#define ENT_API_LEARN_H

#include "api/api.h"

/* A course document travels as a JSON string: escaped, up to twice its LEARN_DOC_MAX bytes. */
#define LEARN_DOC_BODY_MAX (512u * 1024 + 4096)

/* api_campaign.c */
extern const struct json_field api_campaign_create_fields[];
extern const struct json_field api_campaign_seen_fields[];
enum ent_err api_campaign_create(struct api_req *q);
enum ent_err api_campaign_current(struct api_req *q);
enum ent_err api_campaign_seen(struct api_req *q);
enum ent_err api_campaign_list(struct api_req *q);
enum ent_err api_campaign_reach(struct api_req *q);
enum ent_err api_campaign_reach_csv(struct api_req *q);

/* api_course.c */
extern const struct json_field api_course_doc_fields[];
extern const struct json_field api_course_answer_fields[];
enum ent_err api_courses_list(struct api_req *q);
enum ent_err api_course_get(struct api_req *q);
enum ent_err api_course_answer(struct api_req *q);
enum ent_err api_my_courses(struct api_req *q);
enum ent_err api_my_course_reset(struct api_req *q);
enum ent_err api_course_offers(struct api_req *q);

/* api_course_edit.c */
enum ent_err api_course_create(struct api_req *q);
enum ent_err api_course_put(struct api_req *q);
enum ent_err api_course_document(struct api_req *q);
enum ent_err api_course_certificate_get(struct api_req *q);
enum ent_err api_course_certificate_create(struct api_req *q);
/* api_parent.c: a parent's confirmation of an under-15 account */
extern const struct json_field api_parent_request_fields[];
enum ent_err api_parent_request(struct api_req *q);
enum ent_err api_parent_confirm(struct api_req *q);

/* Adds the shipped courses (content/courses/) that the database does not hold yet (by key
 * and language; an edited course is left alone); *added says how many. Run by serve at start
 * and by the demo. */
enum ent_err api_learn_ship(struct api_app *app, struct store_conn *db, int *added);

/* The institution (slug) an editor acts for: the one named when the caller is its editor,
 * else the caller's first; NULL when the caller edits for none (administrators). */
const char *api_learn_editor_institution(struct api_req *q, const char *named);
/* Whether the caller may see what an institution's editors see (its editor or an
 * administrator). slug "" = the instance's own: administrators and every editor. */
bool api_learn_may_edit(struct api_req *q, const char *slug);

#endif
