/* desk_store.c - the desk's tables: requests, messages, canned replies, events, public
 * criticism and the dashboard's figures; see desk.h. Bodies arrive and leave sealed. */
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"

#define REQ_COLS                                                                                   \
	"r.id, r.institution_id, r.requester_id, coalesce(r.assignee_id, 0), i.slug, "             \
	"coalesce(a.handle, ''), coalesce(b.handle, ''), r.form, r.type, r.intent, r.flag, "       \
	"r.status, r.lang, r.confidence, r.priority, r.identity_checked, r.created_at, "           \
	"coalesce(r.first_response_at, 0), coalesce(r.resolved_at, 0), r.updated_at, "            \
	"r.details_enc"
#define REQ_FROM                                                                                   \
	" FROM desk_requests r JOIN institutions i ON i.id = r.institution_id "                   \
	"LEFT JOIN accounts a ON a.id = r.requester_id LEFT JOIN accounts b ON b.id = r.assignee_id "

/* A desk whose managers never chose offers every form: the list is DESK_FORMS (desk.h), written
 * out because the statement lister reads plain literals (tests/api/desk checks the default). */
/* Only ever raises: the new priority is above the current one (portable, no scalar max()). */
static const struct store_stmt Q_ESCALATE = {
	"desk.escalate",
	"UPDATE desk_requests SET type = ?2, flag = ?3, priority = ?4 WHERE id = ?1 AND priority < ?4"};
static const struct store_stmt Q_INST = {
	"desk.inst",
	"SELECT i.id, i.slug, i.name, coalesce(s.teleconsult_url, ''), "
	"coalesce(s.forms, 'appointment,document,question,complaint,thanks,free') FROM institutions i "
	"LEFT JOIN desk_settings s ON s.institution_id = i.id WHERE i.slug = ?1"};
static const struct store_stmt Q_SET_TELE = {
	"desk.set_teleconsult",
	"INSERT INTO desk_settings (institution_id, teleconsult_url, updated_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (institution_id) DO UPDATE SET teleconsult_url = ?2, updated_at = ?3"};
static const struct store_stmt Q_SET_FORMS = {
	"desk.set_forms",
	"INSERT INTO desk_settings (institution_id, forms, updated_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (institution_id) DO UPDATE SET forms = ?2, updated_at = ?3"};
static const struct store_stmt Q_REQ_INSERT = {
	"desk.request_insert",
	"INSERT INTO desk_requests (institution_id, requester_id, form, type, intent, confidence, "
	"flag, priority, lang, details_enc, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id"};
static const struct store_stmt Q_REQ_GET = {
	"desk.request_get", "SELECT " REQ_COLS REQ_FROM "WHERE r.id = ?1"};
/* The queue: among urgent requests, the surest first (a safety rule is 1000 per mille), so a
 * doubtful alarm of the model never pushes a real one down the queue (R3). */
static const struct store_stmt Q_REQ_EACH = {
	"desk.request_each",
	"SELECT " REQ_COLS REQ_FROM
	"WHERE (?1 = 0 OR r.institution_id = ?1) AND (?2 = 0 OR r.requester_id = ?2) "
	"AND (CAST(?3 AS TEXT) IS NULL OR r.type = ?3) "
	"AND (CAST(?4 AS TEXT) IS NULL OR r.status = ?4 OR (?4 = 'open' AND r.status <> 'resolved')) "
	"ORDER BY CASE WHEN ?2 = 0 AND r.status = 'resolved' THEN 1 ELSE 0 END, "
	"CASE WHEN ?2 = 0 THEN -r.priority ELSE 0 END, "
	"CASE WHEN ?2 = 0 AND r.type = 'urgent' THEN -r.confidence ELSE 0 END, "
	"CASE WHEN ?2 = 0 THEN r.created_at ELSE -r.created_at END, r.id LIMIT 200"};
static const struct store_stmt Q_REQ_UPDATE = {
	"desk.request_update",
	"UPDATE desk_requests SET status = coalesce(?2, status), "
	"assignee_id = CASE WHEN ?3 < 0 THEN assignee_id WHEN ?3 = 0 THEN NULL ELSE ?3 END, "
	"identity_checked = CASE WHEN ?4 < 0 THEN identity_checked ELSE ?4 END, "
	"resolved_at = CASE WHEN ?2 = 'resolved' THEN coalesce(resolved_at, ?5) "
	"WHEN ?2 IS NOT NULL THEN NULL ELSE resolved_at END, updated_at = ?5 WHERE id = ?1"};
static const struct store_stmt Q_MSG_INSERT = {
	"desk.message_insert",
	"INSERT INTO desk_messages (request_id, author_id, kind, body_enc, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)"};
static const struct store_stmt Q_MSG_TOUCH = {
	"desk.message_touch",
	"UPDATE desk_requests SET updated_at = ?3, first_response_at = CASE WHEN ?2 IN ('reply', "
	"'document') THEN coalesce(first_response_at, ?3) ELSE first_response_at END, "
	"status = CASE WHEN ?2 = 'message' AND status IN ('waiting', 'resolved') THEN 'in_progress' "
	"WHEN ?2 IN ('reply', 'document') AND status = 'new' THEN 'in_progress' ELSE status END, "
	"resolved_at = CASE WHEN ?2 = 'message' THEN NULL ELSE resolved_at END "
	"WHERE id = ?1"};
static const struct store_stmt Q_MSG_EACH = {
	"desk.message_each",
	"SELECT m.id, coalesce(a.handle, ''), m.kind, m.body_enc, m.created_at, "
	"coalesce(f.name, ''), coalesce(f.type, ''), coalesce(f.size, 0) FROM desk_messages m "
	"LEFT JOIN accounts a ON a.id = m.author_id LEFT JOIN desk_files f ON f.message_id = m.id "
	"WHERE m.request_id = ?1 AND (?2 OR m.kind <> 'note') ORDER BY m.id LIMIT 500"};
static const struct store_stmt Q_FILE_INSERT = {
	"desk.file_insert",
	"INSERT INTO desk_files (message_id, name, type, size, data_enc) "
	"VALUES ((SELECT max(id) FROM desk_messages WHERE request_id = ?1), ?2, ?3, ?4, ?5)"};
static const struct store_stmt Q_FILE_GET = {
	"desk.file_get",
	"SELECT f.name, f.type, f.data_enc FROM desk_files f JOIN desk_messages m ON m.id = f.message_id "
	"WHERE f.message_id = ?1 AND m.request_id = ?2 AND m.kind = 'document'"};
static const struct store_stmt Q_REQ_DETAILS = {
	"desk.request_details", "SELECT details_enc FROM desk_requests WHERE id = ?1"};
static const struct store_stmt Q_CANNED_INSERT = {
	"desk.canned_insert",
	"INSERT INTO desk_canned (institution_id, title, body, created_at) VALUES (?1, ?2, ?3, ?4) "
	"RETURNING id"};
static const struct store_stmt Q_CANNED_GET = {
	"desk.canned_get", "SELECT body FROM desk_canned WHERE institution_id = ?1 AND id = ?2"};
static const struct store_stmt Q_CANNED_EACH = {
	"desk.canned_each",
	"SELECT id, title, body FROM desk_canned WHERE institution_id = ?1 ORDER BY title LIMIT 200"};
static const struct store_stmt Q_EVENT_ADD = {
	"desk.event_add",
	"INSERT INTO desk_events (institution_id, request_id, what, created_at) VALUES (?1, ?2, ?3, ?4)"};
static const struct store_stmt Q_EVENT_PURGE = {
	"desk.event_purge", "DELETE FROM desk_events WHERE created_at < ?1"};
static const struct store_stmt Q_EVENT_EACH = {
	"desk.event_each",
	"SELECT id, request_id, what FROM desk_events WHERE institution_id = ?1 AND id > ?2 "
	"ORDER BY id LIMIT 200"};
static const struct store_stmt Q_EVENT_LAST = {
	"desk.event_last", "SELECT coalesce(max(id), 0) FROM desk_events WHERE institution_id = ?1"};
static const struct store_stmt Q_PUB_INSERT = {
	"desk.public_insert",
	"INSERT INTO desk_public (institution_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4) "
	"RETURNING id"};
static const struct store_stmt Q_PUB_REPLY = {
	"desk.public_reply",
	"UPDATE desk_public SET reply = ?3, replied_by = ?4, replied_at = ?5 "
	"WHERE institution_id = ?1 AND id = ?2"};
static const struct store_stmt Q_PUB_EACH = {
	"desk.public_each",
	"SELECT p.id, coalesce(a.handle, ''), p.body, coalesce(p.reply, ''), coalesce(b.handle, ''), "
	"p.created_at, coalesce(p.replied_at, 0) FROM desk_public p "
	"LEFT JOIN accounts a ON a.id = p.author_id LEFT JOIN accounts b ON b.id = p.replied_by "
	"WHERE p.institution_id = ?1 ORDER BY p.created_at DESC, p.id DESC LIMIT 200"};
static const struct store_stmt Q_STATS_WEEKS = {
	"desk.stats_weeks",
	"SELECT (created_at - ?2) / 604800, type, count(*) FROM desk_requests "
	"WHERE institution_id = ?1 AND created_at >= ?2 GROUP BY 1, 2"};
static const struct store_stmt Q_STATS_TOTALS = {
	"desk.stats_totals",
	"SELECT count(*), count(CASE WHEN type = 'consultation' THEN 1 END), "
	"count(CASE WHEN flag = 'consultation' THEN 1 END), count(CASE WHEN type = 'urgent' THEN 1 "
	"END), count(CASE WHEN status = 'resolved' THEN 1 END) FROM desk_requests "
	"WHERE institution_id = ?1 AND created_at >= ?2"};
static const struct store_stmt Q_STATS_FIRST = {
	"desk.stats_first",
	"SELECT first_response_at - created_at FROM desk_requests WHERE institution_id = ?1 AND "
	"created_at >= ?2 AND first_response_at IS NOT NULL LIMIT 100000"};
static const struct store_stmt Q_STATS_RESOLVED = {
	"desk.stats_resolved",
	"SELECT resolved_at - created_at FROM desk_requests WHERE institution_id = ?1 AND "
	"created_at >= ?2 AND resolved_at IS NOT NULL LIMIT 100000"};

/* Steps an INSERT ... RETURNING id, reads the id and closes. */
static enum ent_err step_id(struct store_q *q, int64_t *id)
{
	enum ent_err err = store_q_row_int(q, id);
	return err == ENT_ENOTFOUND ? ENT_EINTERNAL : err;
}

/* Appends the blob of column col (a sealed body) to out. */
static enum ent_err blob_append(struct store_q *q, int col, struct buf *out)
{
	size_t n;
	const void *p = store_q_blob(q, col, &n);
	return buf_append(out, p, n);
}

enum ent_err desk_inst_find(struct store_conn *c, const char *slug, struct desk_inst *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_INST, slug, &q);
	if (err)
		return err;
	out->id = store_q_int(q, 0);
	store_q_text_copy(q, 1, out->slug, sizeof out->slug);
	store_q_text_copy(q, 2, out->name, sizeof out->name);
	store_q_text_copy(q, 3, out->teleconsult_url, sizeof out->teleconsult_url);
	store_q_text_copy(q, 4, out->forms, sizeof out->forms);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err desk_inst_set_teleconsult(struct store_conn *c, int64_t inst_id, const char *url,
				       int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_SET_TELE, inst_id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, url);
	store_q_bind_int(q, 3, now);
	return store_q_run(q);
}

enum ent_err desk_inst_set_forms(struct store_conn *c, int64_t inst_id, const char *forms,
				 int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_SET_FORMS, inst_id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, forms);
	store_q_bind_int(q, 3, now);
	return store_q_run(q);
}

bool desk_form_offered(const struct desk_inst *inst, const char *form)
{
	size_t n = strlen(form);
	for (const char *p = inst->forms; n && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, form, n))
			return true;
		p += len + (end != NULL);
	}
	return false;
}

enum ent_err desk_request_insert(struct store_conn *c, const struct desk_request_new *r, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_REQ_INSERT, r->institution_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, r->requester_id);
	store_q_bind_cstr(q, 3, r->form);
	store_q_bind_cstr(q, 4, r->type);
	store_q_bind_cstr(q, 5, r->intent);
	store_q_bind_int(q, 6, r->confidence);
	store_q_bind_cstr(q, 7, r->flag);
	store_q_bind_int(q, 8, r->priority);
	store_q_bind_cstr(q, 9, r->lang);
	store_q_bind_blob(q, 10, r->details_enc, r->details_len);
	store_q_bind_int(q, 11, r->now);
	return step_id(q, id);
}

static void read_request(struct store_q *q, struct desk_request *r)
{
	r->id = store_q_int(q, 0);
	r->institution_id = store_q_int(q, 1);
	r->requester_id = store_q_int(q, 2);
	r->assignee_id = store_q_int(q, 3);
	store_q_text_copy(q, 4, r->inst_slug, sizeof r->inst_slug);
	store_q_text_copy(q, 5, r->requester, sizeof r->requester);
	store_q_text_copy(q, 6, r->assignee, sizeof r->assignee);
	store_q_text_copy(q, 7, r->form, sizeof r->form);
	store_q_text_copy(q, 8, r->type, sizeof r->type);
	store_q_text_copy(q, 9, r->intent, sizeof r->intent);
	store_q_text_copy(q, 10, r->flag, sizeof r->flag);
	store_q_text_copy(q, 11, r->status, sizeof r->status);
	store_q_text_copy(q, 12, r->lang, sizeof r->lang);
	r->confidence = (int)store_q_int(q, 13);
	r->priority = (int)store_q_int(q, 14);
	r->identity_checked = store_q_bool(q, 15);
	r->created_at = store_q_int(q, 16);
	r->first_response_at = store_q_int(q, 17);
	r->resolved_at = store_q_int(q, 18);
	r->updated_at = store_q_int(q, 19);
}

enum ent_err desk_request_get(struct store_conn *c, int64_t id, struct desk_request *out,
			      struct buf *sealed)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_REQ_GET, id, &q);
	if (err)
		return err;
	read_request(q, out);
	if (sealed)
		err = blob_append(q, 20, sealed);
	store_q_close(q);
	return err;
}

enum ent_err desk_request_each(struct store_conn *c, const struct desk_filter *f,
			       void (*fn)(const struct desk_request *r, void *arg), void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_REQ_EACH, f->institution_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, f->requester_id);
	store_q_bind_cstr(q, 3, f->type);
	store_q_bind_cstr(q, 4, f->status);
	while (!(err = store_q_step(q, &row)) && row) {
		struct desk_request r;
		read_request(q, &r);
		fn(&r, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err desk_request_update(struct store_conn *c, int64_t id, const char *status,
				 int64_t assignee_id, int identity_checked, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_REQ_UPDATE, id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, status);
	store_q_bind_int(q, 3, assignee_id);
	store_q_bind_int(q, 4, identity_checked);
	store_q_bind_int(q, 5, now);
	return store_q_run(q);
}

enum ent_err desk_request_escalate(struct store_conn *c, int64_t id, const char *type)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_ESCALATE, id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, type);
	store_q_bind_cstr(q, 3, desk_flag_of(type));
	store_q_bind_int(q, 4, desk_priority_of(type));
	return store_q_run(q);
}

enum ent_err desk_message_insert(struct store_conn *c, int64_t request_id, int64_t author_id,
				 const char *kind, const void *body_enc, size_t len, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_MSG_INSERT, request_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, author_id);
	store_q_bind_cstr(q, 3, kind);
	store_q_bind_blob(q, 4, body_enc, len);
	store_q_bind_int(q, 5, now);
	err = store_q_run(q);
	if (err)
		return err;
	err = store_q_open(c, &Q_MSG_TOUCH, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, request_id);
	store_q_bind_cstr(q, 2, kind);
	store_q_bind_int(q, 3, now);
	return store_q_run(q);
}

enum ent_err desk_request_details(struct store_conn *c, int64_t request_id, struct buf *sealed)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_REQ_DETAILS, request_id, &q);
	if (err)
		return err;
	err = blob_append(q, 0, sealed);
	store_q_close(q);
	return err;
}

enum ent_err desk_message_each(struct store_conn *c, int64_t request_id, bool with_notes,
			       void (*fn)(const struct desk_message *m, void *arg), void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_MSG_EACH, request_id, &q);
	if (err)
		return err;
	store_q_bind_bool(q, 2, with_notes);
	while (!(err = store_q_step(q, &row)) && row) {
		struct desk_message m;
		m.id = store_q_int(q, 0);
		store_q_text_copy(q, 1, m.author, sizeof m.author);
		store_q_text_copy(q, 2, m.kind, sizeof m.kind);
		m.body_enc = store_q_blob(q, 3, &m.body_len);
		m.created_at = store_q_int(q, 4);
		store_q_text_copy(q, 5, m.file_name, sizeof m.file_name);
		store_q_text_copy(q, 6, m.file_type, sizeof m.file_type);
		m.file_size = store_q_int(q, 7);
		fn(&m, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err desk_file_insert(struct store_conn *c, int64_t request_id, const char *name,
			      const char *type, size_t size, const void *data_enc, size_t len)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_FILE_INSERT, request_id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, name);
	store_q_bind_cstr(q, 3, type);
	store_q_bind_int(q, 4, (int64_t)size);
	store_q_bind_blob(q, 5, data_enc, len);
	return store_q_run(q);
}

enum ent_err desk_file_get(struct store_conn *c, int64_t request_id, int64_t message_id,
			   char name[DESK_FILE_NAME_MAX + 1], char type[24], struct buf *sealed)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_FILE_GET, message_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, request_id);
	if ((err = store_q_row(q)))
		return err;
	store_q_text_copy(q, 0, name, DESK_FILE_NAME_MAX + 1);
	store_q_text_copy(q, 1, type, 24);
	err = blob_append(q, 2, sealed);
	store_q_close(q);
	return err;
}

enum ent_err desk_canned_insert(struct store_conn *c, int64_t inst_id, const char *title,
				const char *body, int64_t now, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_CANNED_INSERT, inst_id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, title);
	store_q_bind_cstr(q, 3, body);
	store_q_bind_int(q, 4, now);
	return step_id(q, id);
}

enum ent_err desk_canned_get(struct store_conn *c, int64_t inst_id, int64_t id, struct buf *out)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_CANNED_GET, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, id);
	if ((err = store_q_row(q)))
		return err;
	size_t n;
	const char *s = store_q_text(q, 0, &n);
	err = buf_append(out, s, n);
	store_q_close(q);
	return err;
}

enum ent_err desk_canned_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(int64_t id, const char *title, const char *body, void *arg),
			      void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_CANNED_EACH, inst_id, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &row)) && row)
		fn(store_q_int(q, 0), store_q_text(q, 1, NULL), store_q_text(q, 2, NULL), arg);
	store_q_close(q);
	return err;
}

enum ent_err desk_event_add(struct store_conn *c, int64_t inst_id, int64_t request_id,
			    const char *what, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_EVENT_ADD, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, request_id);
	store_q_bind_cstr(q, 3, what);
	store_q_bind_int(q, 4, now);
	err = store_q_run(q);
	/* Events are only for clients that are connected now: a day is plenty. */
	if (!err && !(now % 16)) {
		err = store_q_open(c, &Q_EVENT_PURGE, &q);
		if (!err) {
			store_q_bind_int(q, 1, now - 86400);
			err = store_q_run(q);
		}
	}
	return err;
}

enum ent_err desk_event_each(struct store_conn *c, int64_t inst_id, int64_t after,
			     void (*fn)(int64_t id, int64_t request_id, const char *what, void *arg),
			     void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_EVENT_EACH, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, after);
	while (!(err = store_q_step(q, &row)) && row)
		fn(store_q_int(q, 0), store_q_int(q, 1), store_q_text(q, 2, NULL), arg);
	store_q_close(q);
	return err;
}

enum ent_err desk_event_last(struct store_conn *c, int64_t inst_id, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_EVENT_LAST, inst_id, &q);
	*id = 0;
	if (!err)
		err = store_q_row_int(q, id);
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

enum ent_err desk_public_insert(struct store_conn *c, int64_t inst_id, int64_t author_id,
				const char *body, int64_t now, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_PUB_INSERT, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, author_id);
	store_q_bind_cstr(q, 3, body);
	store_q_bind_int(q, 4, now);
	return step_id(q, id);
}

enum ent_err desk_public_reply(struct store_conn *c, int64_t inst_id, int64_t id, int64_t by,
			       const char *reply, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_PUB_REPLY, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, id);
	store_q_bind_cstr(q, 3, reply);
	store_q_bind_int(q, 4, by);
	store_q_bind_int(q, 5, now);
	return store_q_exec_changed(c, q);
}

enum ent_err desk_public_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(const struct desk_public *p, void *arg), void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_PUB_EACH, inst_id, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &row)) && row) {
		struct desk_public p = {
			.id = store_q_int(q, 0),
			.author = store_q_text(q, 1, NULL),
			.body = store_q_text(q, 2, NULL),
			.reply = store_q_text(q, 3, NULL),
			.replied_by = store_q_text(q, 4, NULL),
			.created_at = store_q_int(q, 5),
			.replied_at = store_q_int(q, 6),
		};
		fn(&p, arg);
	}
	store_q_close(q);
	return err;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double desk_percentile(double *v, size_t n, double p)
{
	if (!n)
		return -1;
	qsort(v, n, sizeof *v, cmp_double);
	size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

/* Reads a column of durations and gives their median and p90 (p90 NULL: median only). */
static enum ent_err durations(struct store_conn *c, const struct store_stmt *st, int64_t inst,
			      int64_t since, double *median, double *p90, int64_t *count)
{
	struct store_q *q;
	bool row;
	size_t n = 0, cap = 0;
	double *v = NULL;
	enum ent_err err = store_q_open_int(c, st, inst, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, since);
	while (!(err = store_q_step(q, &row)) && row) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			double *nv = realloc(v, ncap * sizeof *nv);
			if (!nv) {
				err = ENT_ENOMEM;
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[n++] = (double)store_q_int(q, 0);
	}
	store_q_close(q);
	if (!err) {
		*median = desk_percentile(v, n, 50);
		if (p90)
			*p90 = desk_percentile(v, n, 90);
		if (count)
			*count = (int64_t)n;
	}
	free(v);
	return err;
}

enum ent_err desk_stats_get(struct store_conn *c, int64_t inst_id, int64_t now, struct desk_stats *out)
{
	memset(out, 0, sizeof *out);
	const int64_t week = 604800, monday = 4 * 86400; /* 1970-01-05 was a Monday */
	int64_t this_week = (now - monday) / week * week + monday;
	out->week0 = this_week - (DESK_WEEKS - 1) * week;
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open_int(c, &Q_STATS_WEEKS, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, out->week0);
	while (!(err = store_q_step(q, &row)) && row) {
		int64_t w = store_q_int(q, 0);
		enum ent_intent t;
		if (w >= 0 && w < DESK_WEEKS && !ent_intent_from_name(store_q_text(q, 1, NULL), &t))
			out->per_week[w][t] = store_q_int(q, 2);
	}
	store_q_close(q);
	if (err)
		return err;
	err = store_q_open_int(c, &Q_STATS_TOTALS, inst_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, out->week0);
	if (!(err = store_q_row(q))) {
		out->total = store_q_int(q, 0);
		out->consultation = store_q_int(q, 1);
		out->redirected = store_q_int(q, 2);
		out->urgent = store_q_int(q, 3);
		out->resolved = store_q_int(q, 4);
		store_q_close(q);
	}
	if (err == ENT_ENOTFOUND) /* an aggregate has its one row: cannot happen */
		err = ENT_OK;
	if (!err)
		err = durations(c, &Q_STATS_FIRST, inst_id, out->week0, &out->median_first_response,
				&out->p90_first_response, &out->n_responded);
	if (!err)
		err = durations(c, &Q_STATS_RESOLVED, inst_id, out->week0, &out->median_resolution,
				NULL, NULL);
	return err;
}
