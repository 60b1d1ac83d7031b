/* admin_store.c - institutions, staff and the account search (see admin_store.h). */
#include <string.h>

#include "admin/admin_store.h"

#define INST_COLS                                                                               \
	"i.id, i.slug, i.name, coalesce(d.teleconsult_url, ''), "                               \
	"(SELECT count(DISTINCT r.account_id) FROM account_roles r WHERE r.institution_id = i.id), " \
	"(SELECT count(*) FROM pro_verifications v WHERE v.institution_id = i.id AND "            \
	"v.status = 'pending'), i.created_at "                                                   \
	"FROM institutions i LEFT JOIN desk_settings d ON d.institution_id = i.id "

static const struct store_stmt Q_INST_ADD = {
	"admin.inst_add",
	"INSERT INTO institutions (slug, name, created_at) VALUES (?1, ?2, ?3) RETURNING id"};
static const struct store_stmt Q_INST_LOAD = {"admin.inst_load",
					      "SELECT " INST_COLS "WHERE i.slug = ?1"};
static const struct store_stmt Q_INST_EACH = {"admin.inst_each",
					      "SELECT " INST_COLS "ORDER BY i.slug LIMIT 1000"};
static const struct store_stmt Q_INST_RENAME = {
	"admin.inst_rename", "UPDATE institutions SET name = ?2 WHERE id = ?1"};
static const struct store_stmt Q_STAFF = {
	"admin.staff",
	"SELECT a.handle, r.role, r.granted_at FROM account_roles r "
	"JOIN accounts a ON a.id = r.account_id WHERE r.institution_id = ?1 "
	"ORDER BY a.handle_key, r.role LIMIT 1000"};
static const struct store_stmt Q_SEARCH = {
	"admin.account_search",
	"SELECT id, handle, locale, suspended_at IS NOT NULL, created_at, "
	"coalesce(suspended_until, 0) FROM accounts "
	"WHERE handle_key >= ?1 AND handle_key < ?1 || '~' AND handle_key > ?2 "
	"ORDER BY handle_key LIMIT ?3"};

static void read_inst(struct store_q *q, struct admin_inst *i)
{
	memset(i, 0, sizeof *i);
	i->id = store_q_int(q, 0);
	store_q_text_copy(q, 1, i->slug, sizeof i->slug);
	store_q_text_copy(q, 2, i->name, sizeof i->name);
	store_q_text_copy(q, 3, i->teleconsult_url, sizeof i->teleconsult_url);
	i->staff = store_q_int(q, 4);
	i->pending = store_q_int(q, 5);
	i->created_at = store_q_int(q, 6);
}

enum ent_err admin_inst_add(struct store_conn *c, const char *slug, const char *name, int64_t now,
			    int64_t *id)
{
	struct store_q *q;
	int64_t got;
	enum ent_err err = store_q_open(c, &Q_INST_ADD, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	store_q_bind_text(q, 2, name, strlen(name));
	store_q_bind_int(q, 3, now);
	err = store_q_row_int(q, &got);
	if (!err && id)
		*id = got;
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

enum ent_err admin_inst_load(struct store_conn *c, const char *slug, struct admin_inst *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_INST_LOAD, slug, &q);
	if (err)
		return err;
	read_inst(q, out);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err admin_inst_rename(struct store_conn *c, int64_t id, const char *name)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INST_RENAME, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_text(q, 2, name, strlen(name));
	return store_q_exec_changed(c, q);
}

enum ent_err admin_inst_each(struct store_conn *c,
			     void (*fn)(const struct admin_inst *i, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	enum ent_err err = store_q_open(c, &Q_INST_EACH, &q);
	if (err)
		return err;
	struct admin_inst i;
	while (!(err = store_q_step(q, &has)) && has) {
		read_inst(q, &i);
		fn(&i, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err admin_staff_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(const struct admin_staff *s, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	enum ent_err err = store_q_open(c, &Q_STAFF, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, inst_id);
	struct admin_staff s;
	while (!(err = store_q_step(q, &has)) && has) {
		store_q_text_copy(q, 0, s.handle, sizeof s.handle);
		store_q_text_copy(q, 1, s.role, sizeof s.role);
		s.granted_at = store_q_int(q, 2);
		fn(&s, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err admin_account_search(struct store_conn *c, const char *prefix, const char *after,
				  int64_t limit,
				  void (*fn)(const struct admin_account *a, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	if (limit < 1 || limit > ADMIN_SEARCH_MAX)
		limit = ADMIN_SEARCH_MAX;
	enum ent_err err = store_q_open(c, &Q_SEARCH, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, prefix, strlen(prefix));
	store_q_bind_text(q, 2, after, strlen(after));
	store_q_bind_int(q, 3, limit);
	struct admin_account r;
	while (!(err = store_q_step(q, &has)) && has) {
		memset(&r, 0, sizeof r);
		r.a.id = store_q_int(q, 0);
		store_q_text_copy(q, 1, r.a.handle, sizeof r.a.handle);
		store_q_text_copy(q, 2, r.a.locale, sizeof r.a.locale);
		r.a.suspended = store_q_bool(q, 3);
		r.a.created_at = store_q_int(q, 4);
		r.suspended_until = store_q_int(q, 5);
		fn(&r, arg);
	}
	store_q_close(q);
	return err;
}
