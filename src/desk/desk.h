/*
 * desk.h - the relation desk of an institution: requests, the community managers' queue,
 * canned replies, live-update events, public criticism and the dashboard's figures.
 *
 * Responsible for: the desk's tables (desk_store.c), sealing conversations at rest
 * (desk_seal.c), what the sender is shown at once for urgent and consultation messages and
 * the ready reply community managers get (desk_guard.c), the dashboard's SVG charts
 * (desk_chart.c). Not responsible for: classifying text (entraide/intent.h), who may call
 * what (the route table and api_desk*.c), HTTP.
 * Every function takes the calling thread's connection; text in and out is borrowed.
 */
#ifndef ENT_DESK_H
#define ENT_DESK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "entraide/intent.h"
#include "store/store.h"

#define DESK_TEXT_MAX 8000        /* bytes of one message */
#define DESK_SEALED_MAX (64 * 1024) /* a request's sealed details */
#define DESK_URL_MAX 300
#define DESK_FILE_MAX (2 * 1024 * 1024) /* bytes of a delivered document */
#define DESK_FILE_NAME_MAX 120
#define DESK_LIST_MAX 200         /* rows one listing returns */
/* The forms a desk may offer (desk_requests.form), in the order they are shown. */
#define DESK_FORMS "appointment,document,question,complaint,thanks,free"
#define DESK_FORMS_MAX 64

struct desk_inst {
	int64_t id;
	char slug[64];
	char name[128];
	char teleconsult_url[DESK_URL_MAX + 1];
	char forms[DESK_FORMS_MAX]; /* offered forms, comma-separated, in DESK_FORMS order */
};

struct desk_request {
	int64_t id, institution_id, requester_id, assignee_id;
	char inst_slug[64];
	char requester[33];   /* handle */
	char assignee[33];    /* handle, "" when unassigned */
	char form[20], type[20], intent[20], flag[16], status[16], lang[3];
	int confidence;       /* per mille */
	int priority;
	bool identity_checked;
	int64_t created_at, first_response_at, resolved_at, updated_at; /* 0 = not yet */
};

/* --- sealing (desk_seal.c) --- */

/* Derives the desk key from DATA_DIR/keys/master.key (once per process; later calls with any
 * directory reuse it). */
enum ent_err desk_seal_init(const char *data_dir);
/* Appends nonce || secretbox(plain) to out. */
enum ent_err desk_seal(const char *plain, size_t len, struct buf *out);
/* Appends the opened text to out; ENT_ECRYPTO when it does not authenticate. */
enum ent_err desk_open(const void *sealed, size_t len, struct buf *out);

/* --- store (desk_store.c) --- */

/* ENT_ENOTFOUND for an unknown institution. */
enum ent_err desk_inst_find(struct store_conn *c, const char *slug, struct desk_inst *out);
enum ent_err desk_inst_set_teleconsult(struct store_conn *c, int64_t inst_id, const char *url,
				       int64_t now);
/* The forms the desk offers from now on: a comma-separated list of DESK_FORMS's names, in
 * that order (the caller checks them). */
enum ent_err desk_inst_set_forms(struct store_conn *c, int64_t inst_id, const char *forms,
				 int64_t now);
/* Whether the desk offers form. */
bool desk_form_offered(const struct desk_inst *inst, const char *form);

struct desk_request_new {
	int64_t institution_id, requester_id;
	const char *form, *type, *intent, *flag, *lang;
	int confidence; /* per mille */
	int priority;
	const void *details_enc;
	size_t details_len;
	int64_t now;
};
enum ent_err desk_request_insert(struct store_conn *c, const struct desk_request_new *r, int64_t *id);
/* The request and (when sealed is not NULL) its sealed details appended to sealed. */
enum ent_err desk_request_get(struct store_conn *c, int64_t id, struct desk_request *out,
			      struct buf *sealed);

struct desk_filter {
	int64_t institution_id;   /* 0 = any */
	int64_t requester_id;     /* 0 = any */
	const char *type;         /* NULL = any */
	const char *status;       /* NULL = any; "open" = every status but resolved */
};
/* Calls fn for each matching request: urgent first, then flagged, then oldest first for a
 * queue; newest first for a requester's list. At most DESK_LIST_MAX. */
enum ent_err desk_request_each(struct store_conn *c, const struct desk_filter *f,
			       void (*fn)(const struct desk_request *r, void *arg), void *arg);

/* Changes what is not NULL / negative. A status of resolved sets resolved_at once. */
enum ent_err desk_request_update(struct store_conn *c, int64_t id, const char *status,
				 int64_t assignee_id, int identity_checked, int64_t now);

/* Raises a request to type (its flag and priority follow) when that is more pressing than
 * what it is now; does nothing otherwise. */
enum ent_err desk_request_escalate(struct store_conn *c, int64_t id, const char *type);

/* Adds a message (sealed body). A reply or document sets first_response_at once. */
enum ent_err desk_message_insert(struct store_conn *c, int64_t request_id, int64_t author_id,
				 const char *kind, const void *body_enc, size_t len, int64_t now);
struct desk_message {
	int64_t id;
	char author[33]; /* "" when the account is gone */
	char kind[12];
	const void *body_enc;
	size_t body_len;
	int64_t created_at;
	char file_name[DESK_FILE_NAME_MAX + 1]; /* a document's file: "" when none */
	char file_type[24];
	int64_t file_size;
};
/* Messages in order; notes only when with_notes. */
/* Attaches a sealed file to the request's last message (call in the transaction that
 * inserted it). */
enum ent_err desk_file_insert(struct store_conn *c, int64_t request_id, const char *name,
			      const char *type, size_t size, const void *data_enc, size_t len);
/* The file of a document message of that request: name, type and its sealed bytes appended
 * to sealed; ENT_ENOTFOUND when there is none. */
enum ent_err desk_file_get(struct store_conn *c, int64_t request_id, int64_t message_id,
			   char name[DESK_FILE_NAME_MAX + 1], char type[24], struct buf *sealed);
/* Appends the sealed details of a request (what its requester wrote: text, department...) to
 * sealed; ENT_ENOTFOUND for an unknown request. */
enum ent_err desk_request_details(struct store_conn *c, int64_t request_id, struct buf *sealed);
enum ent_err desk_message_each(struct store_conn *c, int64_t request_id, bool with_notes,
			       void (*fn)(const struct desk_message *m, void *arg), void *arg);

enum ent_err desk_canned_insert(struct store_conn *c, int64_t inst_id, const char *title,
				const char *body, int64_t now, int64_t *id);
/* body appended to out; ENT_ENOTFOUND when not a canned reply of this institution. */
enum ent_err desk_canned_get(struct store_conn *c, int64_t inst_id, int64_t id, struct buf *out);
enum ent_err desk_canned_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(int64_t id, const char *title, const char *body, void *arg),
			      void *arg);

enum ent_err desk_event_add(struct store_conn *c, int64_t inst_id, int64_t request_id,
			    const char *what, int64_t now);
enum ent_err desk_event_each(struct store_conn *c, int64_t inst_id, int64_t after,
			     void (*fn)(int64_t id, int64_t request_id, const char *what, void *arg),
			     void *arg);
enum ent_err desk_event_last(struct store_conn *c, int64_t inst_id, int64_t *id);

enum ent_err desk_public_insert(struct store_conn *c, int64_t inst_id, int64_t author_id,
				const char *body, int64_t now, int64_t *id);
enum ent_err desk_public_reply(struct store_conn *c, int64_t inst_id, int64_t id,
			       int64_t by, const char *reply, int64_t now);
struct desk_public {
	int64_t id;
	const char *author, *body, *reply, *replied_by; /* borrowed during the callback */
	int64_t created_at, replied_at;
};
enum ent_err desk_public_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(const struct desk_public *p, void *arg), void *arg);

/* --- dashboard figures (desk_store.c) --- */

#define DESK_WEEKS 8
struct desk_stats {
	int64_t week0;                              /* Monday 00:00 UTC of the oldest week */
	int64_t per_week[DESK_WEEKS][ENT_INTENT__COUNT];
	int64_t total, consultation, redirected, urgent, resolved;
	int64_t n_responded;
	double median_first_response, p90_first_response; /* seconds; -1 when none */
	double median_resolution;                          /* seconds; -1 when none */
};
enum ent_err desk_stats_get(struct store_conn *c, int64_t inst_id, int64_t now, struct desk_stats *out);
/* The p-th percentile (0..100, nearest rank) of v[0..n) (sorted in place); -1 when n is 0. */
double desk_percentile(double *v, size_t n, double p);

/* --- the sender's guidance and the ready reply (desk_guard.c) --- */

/* The type a request is queued as: the classifier's urgent and consultation always win (R3,
 * R2); otherwise the form's own type, or the classifier's label for free text. */
const char *desk_type_of(const char *form, enum ent_intent intent);
/* The queue's flag of a type ("urgent", "consultation" or "") and its priority (2, 1, 0). */
const char *desk_flag_of(const char *type);
int desk_priority_of(const char *type);
/* Appends the JSON object the sender sees at once: {"kind":"urgent","numbers":[...],...} for
 * urgent, {"kind":"consultation","alternatives":[...]} for consultation, {"kind":"received"}
 * otherwise. en selects English numbers and wording. */
enum ent_err desk_guidance_json(struct buf *b, const char *type, enum ent_intent_rule rule, bool en,
				const struct desk_inst *inst);
/* The ready reply offered to community managers for a flagged request (no medical advice),
 * with placeholders; NULL when the type has none. */
const char *desk_ready_reply(const char *type, bool en);
/* Writes the "emergency" object a community author sees first when what they wrote reads as an
 * emergency (rule R3 in communities): kind "suicide" or "urgent", the language, the rule, a
 * supportive heading and message, and the numbers of that language (3114 / 988 first for a
 * suicidal crisis). */
enum ent_err desk_emergency_json(struct buf *b, enum ent_intent_rule rule, bool en);
/* Fills the placeholders {handle}, {institution}, {request}, {teleconsultation} of tmpl. */
enum ent_err desk_fill(const char *tmpl, const char *handle, const struct desk_inst *inst,
		       int64_t request_id, bool en, struct buf *out);

/* --- charts (desk_chart.c) --- */

/* An accessible SVG bar chart (role="img", <title>, <desc>) of requests per type per week. */
enum ent_err desk_chart_weeks(struct buf *b, const struct desk_stats *s, bool en);
/* An accessible SVG of the median and p90 first response times. */
enum ent_err desk_chart_response(struct buf *b, const struct desk_stats *s, bool en);

#endif
