/* admin_settings.c - the instance's settings, pages and invitations (see admin_store.h). */
#include <string.h>

#include "admin/admin_store.h"

static const struct store_stmt Q_LOAD = {
	"settings.load",
	"SELECT coalesce(name, ''), coalesce(registration, ''), coalesce(locales, '') "
	"FROM instance_settings WHERE id = 1"};
static const struct store_stmt Q_SAVE = {
	"settings.save",
	"INSERT INTO instance_settings (id, name, registration, locales, updated_at) "
	"VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
	"registration = excluded.registration, locales = excluded.locales, "
	"updated_at = excluded.updated_at"};
static const struct store_stmt Q_PAGE_GET = {
	"settings.page_get", "SELECT body, updated_at FROM instance_pages WHERE page = ?1"};
static const struct store_stmt Q_PAGE_SET = {
	"settings.page_set",
	"INSERT INTO instance_pages (page, body, updated_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (page) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"};
static const struct store_stmt Q_PAGE_DELETE = {
	"settings.page_delete", "DELETE FROM instance_pages WHERE page = ?1"};
static const struct store_stmt Q_PAGES = {"settings.pages", "SELECT page FROM instance_pages"};
static const struct store_stmt Q_INVITE_ADD = {
	"invitation.add",
	"INSERT INTO invitations (code_hash, created_by, created_at, expires_at) "
	"VALUES (?1, ?2, ?3, ?4)"};
static const struct store_stmt Q_INVITE_TAKE = {
	"invitation.take",
	"UPDATE invitations SET used_at = ?2 WHERE code_hash = ?1 AND used_at IS NULL "
	"AND expires_at > ?2"};
static const struct store_stmt Q_INVITE_BACK = {
	"invitation.give_back", "UPDATE invitations SET used_at = NULL WHERE code_hash = ?1"};

enum ent_err admin_settings_load(struct store_conn *c, struct admin_settings *out)
{
	struct store_q *q;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_open(c, &Q_LOAD, &q);
	if (!err && !(err = store_q_row(q))) {
		store_q_text_copy(q, 0, out->name, sizeof out->name);
		store_q_text_copy(q, 1, out->registration, sizeof out->registration);
		store_q_text_copy(q, 2, out->locales, sizeof out->locales);
		store_q_close(q);
	}
	return err == ENT_ENOTFOUND ? ENT_OK : err; /* none saved yet: all empty */
}

static void bind_or_null(struct store_q *q, int idx, const char *s)
{
	if (*s)
		store_q_bind_text(q, idx, s, strlen(s));
	else
		store_q_bind_null(q, idx);
}

enum ent_err admin_settings_save(struct store_conn *c, const struct admin_settings *s, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SAVE, &q);
	if (err)
		return err;
	bind_or_null(q, 1, s->name);
	bind_or_null(q, 2, s->registration);
	bind_or_null(q, 3, s->locales);
	store_q_bind_int(q, 4, now);
	return store_q_run(q);
}

enum ent_err admin_page_get(struct store_conn *c, const char *page, struct buf *out,
			    int64_t *updated_at)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_PAGE_GET, page, &q);
	if (err)
		return err;
	buf_json_cstr(out, store_q_text(q, 0, NULL));
	if (updated_at)
		*updated_at = store_q_int(q, 1);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err admin_page_set(struct store_conn *c, const char *page, const char *body, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, *body ? &Q_PAGE_SET : &Q_PAGE_DELETE, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, page, strlen(page));
	if (*body) {
		store_q_bind_text(q, 2, body, strlen(body));
		store_q_bind_int(q, 3, now);
	}
	return store_q_run(q);
}

enum ent_err admin_invitation_add(struct store_conn *c, const unsigned char *hash, size_t len,
				  int64_t by, int64_t now, int64_t expires_at)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INVITE_ADD, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, len);
	store_q_bind_int(q, 2, by);
	store_q_bind_int(q, 3, now);
	store_q_bind_int(q, 4, expires_at);
	return store_q_run(q);
}

enum ent_err admin_invitation_take(struct store_conn *c, const unsigned char *hash, size_t len,
				   int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INVITE_TAKE, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, len);
	store_q_bind_int(q, 2, now);
	return store_q_exec_changed(c, q);
}

enum ent_err admin_invitation_give_back(struct store_conn *c, const unsigned char *hash,
					size_t len)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INVITE_BACK, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, len);
	return store_q_exec_changed(c, q);
}

enum ent_err admin_pages_present(struct store_conn *c, bool *terms, bool *privacy)
{
	struct store_q *q;
	bool has;
	*terms = *privacy = false;
	enum ent_err err = store_q_open(c, &Q_PAGES, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &has)) && has) {
		const char *p = store_q_text(q, 0, NULL);
		*terms |= !strcmp(p, "terms");
		*privacy |= !strcmp(p, "privacy");
	}
	store_q_close(q);
	return err;
}
