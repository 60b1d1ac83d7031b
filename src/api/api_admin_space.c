/*
 * api_admin_space.c - the administrator's side of the spaces (issue 17): create, edit,
 * archive and bring back a community space, and the list of every space, archived ones
 * included, and the moderators assigned to a space. Every change is written in the audit log
 * (moderation_log). The rows are
 * src/community/comm_space_store.c; who may read a space stays policy_space.h.
 */
#include <string.h>

#include "api/api_admin.h"
#include "api/api_community.h"
#include "community/comm_space_store.h"
#include "core/clock.h"

static const char *const visibilities[] = {"public", "members", "professionals", NULL};
static const char *const languages[] = {"fr", "en", NULL};

const struct json_field api_space_create_fields[] = {
	{"slug", JF_STRING, true, 2, COMM_SPACE_SLUG_MAX, NULL},
	{"name", JF_STRING, true, 2, COMM_SPACE_NAME_MAX, NULL},
	{"description", JF_STRING, false, 0, COMM_SPACE_DESC_MAX, NULL},
	{"visibility", JF_STRING, true, 0, 0, visibilities},
	{"language", JF_STRING, true, 0, 0, languages},
	{"retention_days", JF_INT, false, 0, 0, NULL},
	{"indexable", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_space_patch_fields[] = {
	{"name", JF_STRING, false, 2, COMM_SPACE_NAME_MAX, NULL},
	{"description", JF_STRING, false, 0, COMM_SPACE_DESC_MAX, NULL},
	{"visibility", JF_STRING, false, 0, 0, visibilities},
	{"language", JF_STRING, false, 0, 0, languages},
	{"retention_days", JF_INT, false, 0, 0, NULL},
	{"indexable", JF_BOOL, false, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

bool api_admin_slug_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
		if (!ok || (c == '-' && s[i + 1] == '-'))
			return false;
	}
	return true;
}

enum ent_err api_admin_commit(struct api_req *q, enum ent_err err, const char *action,
			      const char *kind, int64_t id, const char *note)
{
	if (!err)
		err = comm_audit(q, action, kind, id, note);
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	return store_tx_commit(q->db);
}

void api_admin_comma(struct buf *b, bool *first)
{
	if (!*first)
		buf_putc(b, ',');
	*first = false;
}

void api_admin_time(struct buf *b, int64_t t)
{
	if (!t) {
		buf_puts(b, "null");
		return;
	}
	char iso[24];
	clock_iso(t, iso);
	buf_printf(b, "\"%s\"", iso);
}

static void write_moderator(const char *handle, void *arg)
{
	struct buf *b = arg;
	if (b->len && b->p[b->len - 1] != '[')
		buf_putc(b, ',');
	buf_json_cstr(b, handle);
}

static enum ent_err write_space(struct store_conn *db, struct buf *b, const struct comm_space_row *r)
{
	buf_puts(b, "{\"slug\":");
	buf_json_cstr(b, r->slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, r->name);
	buf_puts(b, ",\"description\":");
	buf_json_cstr(b, r->description);
	buf_printf(b, ",\"language\":\"%s\",\"visibility\":\"%s\",\"kind\":\"%s\",\"institution\":",
		   r->language, r->visibility, r->kind);
	buf_json_cstr(b, r->institution[0] ? r->institution : NULL);
	buf_printf(b, ",\"indexable\":%s,\"retention_days\":%lld,\"threads\":%lld,\"created_at\":",
		   r->indexable ? "true" : "false", (long long)r->retention_days,
		   (long long)r->threads);
	api_admin_time(b, r->created_at);
	buf_printf(b, ",\"archived\":%s,\"archived_at\":", r->archived_at ? "true" : "false");
	api_admin_time(b, r->archived_at);
	buf_puts(b, ",\"moderators\":[");
	enum ent_err err = comm_space_moderators_each(db, r->id, write_moderator, b);
	buf_puts(b, "]}");
	return err;
}

static enum ent_err reply_space(struct api_req *q, int status, const char *slug)
{
	struct comm_space_row r;
	enum ent_err err = comm_space_load(q->db, slug, &r);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 16 * 1024);
	err = write_space(q->db, &b, &r);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, status, &b);
	return ENT_OK;
}

/* Reads the optional fields of the body into r; records the errors. */
static enum ent_err take_fields(struct api_req *q, struct comm_space_row *r)
{
	const char *v;
	if ((v = api_str(q, "name", NULL)))
		snprintf(r->name, sizeof r->name, "%s", v);
	if ((v = api_str(q, "description", NULL)))
		snprintf(r->description, sizeof r->description, "%s", v);
	if ((v = api_str(q, "visibility", NULL)))
		snprintf(r->visibility, sizeof r->visibility, "%s", v);
	if ((v = api_str(q, "language", NULL)))
		snprintf(r->language, sizeof r->language, "%s", v);
	json_t *j = json_object_get(q->body, "retention_days");
	if (j) {
		json_int_t days = json_integer_value(j);
		if (days < 0 || days > COMM_SPACE_RETENTION_MAX)
			return api_invalid(q, "retention_days", "out-of-range");
		r->retention_days = days;
	}
	if ((j = json_object_get(q->body, "indexable")))
		r->indexable = json_is_true(j);
	/* Only a public space can be indexed by search engines (R4: the audience says so). */
	if (r->indexable && strcmp(r->visibility, "public") != 0)
		return api_invalid(q, "indexable", "public-only");
	return ENT_OK;
}

enum ent_err api_space_create(struct api_req *q)
{
	struct comm_space_row r;
	memset(&r, 0, sizeof r);
	const char *slug = api_str(q, "slug", NULL);
	if (!api_admin_slug_ok(slug))
		return api_invalid(q, "slug", "bad-slug");
	snprintf(r.slug, sizeof r.slug, "%s", slug);
	enum ent_err err = take_fields(q, &r);
	if (err)
		return err;
	int64_t id = 0;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = comm_space_add(q->db, &r, clock_now(), &id);
	err = api_admin_commit(q, err, "space-create", "space", id, r.slug);
	if (err == ENT_EEXIST)
		q->slug = "slug-taken";
	if (err)
		return err;
	comm_changed();
	return reply_space(q, 201, r.slug);
}

/* Loads the space of the path, then applies change inside a transaction with its audit
 * entry (action, the space's slug as note). */
static enum ent_err change(struct api_req *q, const char *action,
			   enum ent_err (*fn)(struct api_req *q, struct comm_space_row *r))
{
	struct comm_space_row r;
	const char *slug = api_param(q, "slug");
	enum ent_err err = slug ? comm_space_load(q->db, slug, &r) : ENT_ENOTFOUND;
	if (err)
		return err;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = api_admin_commit(q, fn(q, &r), action, "space", r.id, r.slug);
	if (err)
		return err;
	comm_changed();
	return reply_space(q, 200, r.slug);
}

static enum ent_err edit(struct api_req *q, struct comm_space_row *r)
{
	enum ent_err err = take_fields(q, r);
	return err ? err : comm_space_save(q->db, r);
}

static enum ent_err archive(struct api_req *q, struct comm_space_row *r)
{
	(void)q;
	if (r->archived_at)
		return ENT_ECONFLICT;
	return comm_space_set_archived(q->db, r->id, clock_now());
}

static enum ent_err unarchive(struct api_req *q, struct comm_space_row *r)
{
	if (!r->archived_at)
		return ENT_ECONFLICT;
	return comm_space_set_archived(q->db, r->id, 0);
}

enum ent_err api_space_patch(struct api_req *q)
{
	return change(q, "space-edit", edit);
}

enum ent_err api_space_archive(struct api_req *q)
{
	return change(q, "space-archive", archive);
}

enum ent_err api_space_unarchive(struct api_req *q)
{
	return change(q, "space-unarchive", unarchive);
}

/* PUT and DELETE /api/v1/spaces/{slug}/moderators/{handle}: the administrator assigns a
 * moderator to a space, or takes them off it (0512). The account moderates that space only
 * (policy_space_can_moderate); assigning the same account twice is 409. */
static enum ent_err space_moderator(struct api_req *q, bool add)
{
	struct comm_space_row r;
	struct store_account a;
	char key[STORE_HANDLE_MAX + 1];
	const char *slug = api_param(q, "slug"), *h = api_param(q, "handle");
	enum ent_err err = slug ? comm_space_load(q->db, slug, &r) : ENT_ENOTFOUND;
	if (!err)
		err = h && !api_handle_key(h, key) ? store_account_by_handle(q->db, key, &a) : ENT_ENOTFOUND;
	if (!err)
		err = store_tx_begin(q->db);
	if (err)
		return err;
	err = add ? comm_space_moderator_add(q->db, r.id, a.id, clock_now())
		  : comm_space_moderator_remove(q->db, r.id, a.id);
	err = api_admin_commit(q, err, add ? "space-moderator-add" : "space-moderator-remove",
			       "account", a.id, r.slug);
	return err ? err : reply_space(q, 200, r.slug);
}

enum ent_err api_space_moderator_put(struct api_req *q)
{
	return space_moderator(q, true);
}

enum ent_err api_space_moderator_delete(struct api_req *q)
{
	return space_moderator(q, false);
}

struct list_ctx {
	struct store_conn *db;
	struct buf *b;
	bool first;
	enum ent_err err;
};

static void list_one(const struct comm_space_row *r, void *arg)
{
	struct list_ctx *c = arg;
	api_admin_comma(c->b, &c->first);
	enum ent_err err = write_space(c->db, c->b, r);
	if (err && !c->err)
		c->err = err;
}

enum ent_err api_admin_spaces(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	struct list_ctx c = {q->db, &b, true, ENT_OK};
	buf_puts(&b, "{\"spaces\":[");
	enum ent_err err = comm_space_each(q->db, list_one, &c);
	if (!err)
		err = c.err;
	if (!err)
		buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}
