/*
 * api_desk.h - the relation desk's routes (issue 6): requests to an institution's desk, the
 * community managers' queue, live updates, the dashboard, public criticism.
 *
 * Who may do what, on top of the route table's roles: a request is visible to its requester
 * and to the community managers of its institution, and to nobody else (ENT_ENOTFOUND, so its
 * existence does not leak); the queue, canned replies, events, dashboard and settings of an
 * institution are for its own community managers only (ENT_EPERM for anyone else, default
 * deny). Internal notes never reach the requester.
 */
#ifndef ENT_API_DESK_H
#define ENT_API_DESK_H

#include "api/api.h"
#include "desk/desk.h"

/* api_desk.c */
extern const struct json_field api_desk_request_fields[];
extern const struct json_field api_desk_message_fields[];
extern const struct json_field api_desk_patch_fields[];
enum ent_err api_desk_info(struct api_req *q);
enum ent_err api_desk_request_create(struct api_req *q);
enum ent_err api_desk_mine(struct api_req *q);
enum ent_err api_desk_request_get(struct api_req *q);
enum ent_err api_desk_message_post(struct api_req *q);
enum ent_err api_desk_request_patch(struct api_req *q);

/* api_desk_queue.c */
extern const struct json_field api_desk_settings_fields[];
extern const struct json_field api_desk_canned_fields[];
enum ent_err api_desk_queue(struct api_req *q);
enum ent_err api_desk_settings_put(struct api_req *q);
/* A teleconsultation link: empty (none) or https:// with no space, quote or angle bracket. */
bool api_desk_url_ok(const char *u);
/* The forms a desk may offer, in DESK_FORMS order, NULL-terminated. */
extern const char *const api_desk_forms[];
/* The forms inst offers, as a JSON array. */
void api_desk_forms_json(struct buf *b, const struct desk_inst *inst);
enum ent_err api_desk_canned_list(struct api_req *q);
enum ent_err api_desk_canned_create(struct api_req *q);
enum ent_err api_desk_events(struct api_req *q);
enum ent_err api_desk_dashboard(struct api_req *q);
enum ent_err api_desk_dashboard_csv(struct api_req *q);

/* api_desk_public.c */
extern const struct json_field api_desk_complaint_fields[];
extern const struct json_field api_desk_complaint_reply_fields[];
enum ent_err api_desk_complaints(struct api_req *q);
enum ent_err api_desk_complaint_post(struct api_req *q);
enum ent_err api_desk_complaint_reply(struct api_req *q);

/* Shared by the files above (api_desk.c). */

/* The institution named by the {slug} parameter; ENT_ENOTFOUND when unknown. Also makes sure
 * the desk key is loaded. */
enum ent_err api_desk_inst(struct api_req *q, struct desk_inst *inst);
/* True when the caller is a community manager of the institution with this slug. */
bool api_desk_is_manager(const struct api_req *q, const char *slug);
/* api_desk_inst, then ENT_EPERM unless the caller manages it. */
enum ent_err api_desk_managed(struct api_req *q, struct desk_inst *inst);
/* desk_message_each callback: appends one message, opened, as JSON to x->b ("," before all but
 * the first); a message that does not open sets x->err. */
struct api_desk_msg_ctx {
	struct buf *b;
	bool first;
	enum ent_err err;
	int64_t request_id; /* set: a document's file gets its download address */
};
/* Longest base64 "file" of a document message (DESK_FILE_MAX bytes), and the route's body. */
#define API_DESK_FILE_B64_MAX ((DESK_FILE_MAX + 2) / 3 * 4)
#define API_DESK_MESSAGE_BODY_MAX (API_DESK_FILE_B64_MAX + 64 * 1024)
enum ent_err api_desk_file_get(struct api_req *q);
struct desk_message;
void api_desk_message_json(const struct desk_message *m, void *arg);
/* Sets a response of another type than JSON (body taken from b). */
void api_desk_reply_as(struct api_req *q, int status, const char *content_type, struct buf *b);
/* Records an event for the live updates of the institution's queue (failures are logged
 * and ignored: an update missed is caught by the next reload). */
void api_desk_event(struct api_req *q, int64_t inst_id, int64_t request_id, const char *what);
/* Replies {"requests":[...]} for filter f (manager: with the queue's columns). */
enum ent_err api_desk_list(struct api_req *q, const struct desk_filter *f, bool manager);
/* Classifies text, seals details (the request's JSON) and queues a request of the caller;
 * appends {"id","type","flag","status","guidance"} to out. */
enum ent_err api_desk_submit(struct api_req *q, const struct desk_inst *inst, const char *form,
			     const char *text, size_t text_len, const struct buf *details,
			     struct buf *out);
/* Classifies text in the caller's language. */
enum ent_err api_desk_classify(struct api_req *q, const char *text, size_t len,
			       struct ent_intent_result *out);

#endif
