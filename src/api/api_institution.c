/*
 * api_institution.c - institutions and their staff in the browser (issue 17). The
 * administrator creates institutions, renames them, sets their teleconsultation link and
 * names their staff; an institution administrator sees their own institution and names or
 * removes its editors and community managers, nobody else's. Rows: src/admin/admin_store.c;
 * roles: store_account.c. Every change is in the audit log.
 */
#include <stdio.h>
#include <string.h>

#include "admin/admin_store.h"
#include "api/api_admin.h"
#include "api/api_community.h"
#include "api/api_desk.h"
#include "core/clock.h"

static const char *const staff_roles[] = {"editor", "community_manager", "institution_admin",
					  NULL};

const struct json_field api_institution_create_fields[] = {
	{"slug", JF_STRING, true, 2, 63, NULL},
	{"name", JF_STRING, true, 2, ADMIN_INST_NAME_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_institution_patch_fields[] = {
	{"name", JF_STRING, false, 2, ADMIN_INST_NAME_MAX, NULL},
	{"teleconsult_url", JF_STRING, false, 0, DESK_URL_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_staff_add_fields[] = {
	{"handle", JF_STRING, true, 1, STORE_HANDLE_MAX, NULL},
	{"role", JF_STRING, true, 0, 0, staff_roles},
	{NULL, 0, false, 0, 0, NULL},
};

bool api_admin_of_institution(const struct api_req *q, const char *slug)
{
	if (!q->has_session)
		return false;
	if (q->s.roles & ROLE_ADMINISTRATOR)
		return true;
	for (size_t i = 0; i < q->s.n_granted; i++)
		if (!strcmp(q->s.granted[i].role, "institution_admin") &&
		    !strcmp(q->s.granted[i].institution, slug))
			return true;
	return false;
}

/* The institution's members, without the closing brace. */
static void write_inst_open(struct buf *b, const struct admin_inst *i)
{
	buf_puts(b, "{\"slug\":");
	buf_json_cstr(b, i->slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, i->name);
	buf_puts(b, ",\"teleconsult_url\":");
	buf_json_cstr(b, i->teleconsult_url[0] ? i->teleconsult_url : NULL);
	buf_printf(b, ",\"staff\":%lld,\"pending_verifications\":%lld,\"created_at\":",
		   (long long)i->staff, (long long)i->pending);
	api_admin_time(b, i->created_at);
}

static void write_inst(struct buf *b, const struct admin_inst *i)
{
	write_inst_open(b, i);
	buf_putc(b, '}');
}

struct list_ctx {
	struct api_req *q;
	struct buf *b;
	bool first;
};

static void list_one(const struct admin_inst *i, void *arg)
{
	struct list_ctx *c = arg;
	if (!api_admin_of_institution(c->q, i->slug))
		return;
	api_admin_comma(c->b, &c->first);
	write_inst(c->b, i);
}

enum ent_err api_institutions_list(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 2 * 1024 * 1024);
	struct list_ctx c = {q, &b, true};
	buf_puts(&b, "{\"institutions\":[");
	enum ent_err err = admin_inst_each(q->db, list_one, &c);
	if (!err)
		buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

static void staff_one(const struct admin_staff *s, void *arg)
{
	struct list_ctx *c = arg;
	api_admin_comma(c->b, &c->first);
	buf_puts(c->b, "{\"handle\":");
	buf_json_cstr(c->b, s->handle);
	buf_puts(c->b, ",\"role\":");
	buf_json_cstr(c->b, s->role);
	buf_puts(c->b, ",\"since\":");
	api_admin_time(c->b, s->granted_at);
	buf_putc(c->b, '}');
}

/* The institution of the {slug} parameter, when the caller may manage it: ENT_ENOTFOUND for
 * an unknown one, ENT_EPERM for another institution's administrator. */
static enum ent_err managed(struct api_req *q, struct admin_inst *i)
{
	const char *slug = api_param(q, "slug");
	enum ent_err err = slug ? admin_inst_load(q->db, slug, i) : ENT_ENOTFOUND;
	if (!err && !api_admin_of_institution(q, i->slug))
		err = ENT_EPERM;
	return err;
}

static enum ent_err reply_inst(struct api_req *q, int status, const char *slug)
{
	struct admin_inst i;
	enum ent_err err = admin_inst_load(q->db, slug, &i);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 512 * 1024);
	write_inst_open(&b, &i);
	buf_puts(&b, ",\"members\":[");
	struct list_ctx c = {q, &b, true};
	err = admin_staff_each(q->db, i.id, staff_one, &c);
	if (!err)
		buf_puts(&b, "]}");
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, status, &b);
	return ENT_OK;
}

enum ent_err api_institution_get(struct api_req *q)
{
	struct admin_inst i;
	enum ent_err err = managed(q, &i);
	return err ? err : reply_inst(q, 200, i.slug);
}

enum ent_err api_institution_create(struct api_req *q)
{
	const char *slug = api_str(q, "slug", NULL), *name = api_str(q, "name", NULL);
	if (!api_admin_slug_ok(slug))
		return api_invalid(q, "slug", "bad-slug");
	int64_t id = 0;
	enum ent_err err = store_tx_begin(q->db);
	if (err)
		return err;
	err = admin_inst_add(q->db, slug, name, clock_now(), &id);
	err = api_admin_commit(q, err, "institution-create", "institution", id, slug);
	if (err == ENT_EEXIST)
		q->slug = "slug-taken";
	return err ? err : reply_inst(q, 201, slug);
}

enum ent_err api_institution_patch(struct api_req *q)
{
	struct admin_inst i;
	enum ent_err err = managed(q, &i);
	if (err)
		return err;
	const char *name = api_str(q, "name", NULL), *url = api_str(q, "teleconsult_url", NULL);
	if (url && !api_desk_url_ok(url))
		return api_invalid(q, "teleconsult_url", "not-https");
	err = store_tx_begin(q->db);
	if (err)
		return err;
	if (name)
		err = admin_inst_rename(q->db, i.id, name);
	if (!err && url)
		err = desk_inst_set_teleconsult(q->db, i.id, url, clock_now());
	err = api_admin_commit(q, err, "institution-edit", "institution", i.id, i.slug);
	if (!err && name)
		comm_changed(); /* the related panels cached with the old name (api_thread_cache.h) */
	return err ? err : reply_inst(q, 200, i.slug);
}

/* Only the administrator names or removes institution administrators; an institution
 * administrator manages the editors and community managers of their own institution. */
static enum ent_err may_touch(struct api_req *q, const char *role)
{
	if (!strcmp(role, "institution_admin") && !(q->s.roles & ROLE_ADMINISTRATOR))
		return ENT_EPERM;
	return ENT_OK;
}

static enum ent_err staff_change(struct api_req *q, const char *handle, const char *role,
				 bool grant)
{
	struct admin_inst i;
	enum ent_err err = managed(q, &i);
	if (!err)
		err = may_touch(q, role);
	if (err)
		return err;
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	err = api_handle_key(handle, key);
	if (!err)
		err = store_account_by_handle(q->db, key, &a);
	if (err) /* an unknown handle in the body is a field error, in the path a 404 */
		return grant ? api_invalid(q, "handle", "unknown-account") : ENT_ENOTFOUND;
	char note[160];
	snprintf(note, sizeof note, "%s %s", role, i.slug);
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = grant ? store_role_grant(q->db, a.id, role, i.slug)
		    : store_role_revoke(q->db, a.id, role, i.slug);
	err = api_admin_commit(q, err, grant ? "role-grant" : "role-revoke", "account", a.id, note);
	return err ? err : reply_inst(q, grant ? 201 : 200, i.slug);
}

enum ent_err api_staff_add(struct api_req *q)
{
	return staff_change(q, api_str(q, "handle", NULL), api_str(q, "role", NULL), true);
}

enum ent_err api_staff_remove(struct api_req *q)
{
	const char *handle = api_param(q, "handle"), *role = api_param(q, "role");
	bool known = false;
	for (size_t k = 0; role && staff_roles[k]; k++)
		known |= !strcmp(role, staff_roles[k]);
	if (!handle || !known)
		return ENT_ENOTFOUND;
	return staff_change(q, handle, role, false);
}
