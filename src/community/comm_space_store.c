/* comm_space_store.c - the spaces' rows (see comm_space_store.h). */
#include <string.h>

#include "community/comm_space_store.h"

#define COLS                                                                                   \
	"s.id, s.slug, s.name, s.description, s.language, s.visibility, s.kind, "             \
	"coalesce(i.slug, ''), s.indexable, s.retention_days, "                                 \
	"(SELECT count(*) FROM threads t WHERE t.space_id = s.id), s.created_at, "              \
	"coalesce(s.archived_at, 0) FROM spaces s LEFT JOIN institutions i ON i.id = s.institution_id "

static const struct store_stmt Q_ADD = {
	"space.add",
	"INSERT INTO spaces (slug, name, description, language, visibility, kind, indexable, "
	"retention_days, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'community', ?6, ?7, ?8) "
	"RETURNING id"};
static const struct store_stmt Q_ENSURE = {
	"space.ensure",
	"INSERT INTO spaces (slug, name, description, language, visibility, kind, institution_id, "
	"created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	"(SELECT id FROM institutions WHERE slug = ?7), ?8) ON CONFLICT (slug) DO NOTHING RETURNING id"};
static const struct store_stmt Q_LOAD = {"space.load", "SELECT " COLS "WHERE s.slug = ?1"};
static const struct store_stmt Q_EACH = {"space.each",
					 "SELECT " COLS "ORDER BY s.slug LIMIT 1000"};
static const struct store_stmt Q_SAVE = {
	"space.save",
	"UPDATE spaces SET name = ?2, description = ?3, language = ?4, visibility = ?5, "
	"indexable = ?6, retention_days = ?7 WHERE id = ?1"};
static const struct store_stmt Q_ARCHIVE = {
	"space.archive", "UPDATE spaces SET archived_at = ?2 WHERE id = ?1"};

static void read_row(struct store_q *q, struct comm_space_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = store_q_int(q, 0);
	store_q_text_copy(q, 1, r->slug, sizeof r->slug);
	store_q_text_copy(q, 2, r->name, sizeof r->name);
	store_q_text_copy(q, 3, r->description, sizeof r->description);
	store_q_text_copy(q, 4, r->language, sizeof r->language);
	store_q_text_copy(q, 5, r->visibility, sizeof r->visibility);
	store_q_text_copy(q, 6, r->kind, sizeof r->kind);
	store_q_text_copy(q, 7, r->institution, sizeof r->institution);
	r->indexable = store_q_bool(q, 8);
	r->retention_days = store_q_int(q, 9);
	r->threads = store_q_int(q, 10);
	r->created_at = store_q_int(q, 11);
	r->archived_at = store_q_int(q, 12);
}

static void bind_texts(struct store_q *q, const char *const *v, int n)
{
	for (int i = 0; i < n; i++)
		store_q_bind_text(q, i + 2, v[i], strlen(v[i]));
}

/* Q_ADD (the administrator's community space) or Q_ENSURE (any kind, its institution). */
static enum ent_err insert(struct store_conn *c, const struct store_stmt *stmt,
			   const struct comm_space_row *row, int64_t now, int64_t *id)
{
	struct store_q *q;
	bool has = false;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, row->slug, strlen(row->slug));
	const char *v[] = {row->name, row->description, row->language, row->visibility};
	bind_texts(q, v, 4);
	if (stmt == &Q_ENSURE) {
		store_q_bind_text(q, 6, row->kind, strlen(row->kind));
		if (row->institution[0])
			store_q_bind_text(q, 7, row->institution, strlen(row->institution));
		else
			store_q_bind_null(q, 7);
	} else {
		store_q_bind_int(q, 6, row->indexable);
		store_q_bind_int(q, 7, row->retention_days);
	}
	store_q_bind_int(q, 8, now);
	err = store_q_step(q, &has);
	if (id)
		*id = !err && has ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return err;
}

enum ent_err comm_space_add(struct store_conn *c, const struct comm_space_row *row, int64_t now,
			    int64_t *id)
{
	return insert(c, &Q_ADD, row, now, id);
}

enum ent_err comm_space_ensure(struct store_conn *c, const struct comm_space_row *row, int64_t now,
			       int64_t *id)
{
	return insert(c, &Q_ENSURE, row, now, id);
}

enum ent_err comm_space_load(struct store_conn *c, const char *slug, struct comm_space_row *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_LOAD, slug, &q);
	if (err)
		return err;
	read_row(q, out);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err comm_space_save(struct store_conn *c, const struct comm_space_row *row)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SAVE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, row->id);
	const char *v[] = {row->name, row->description, row->language, row->visibility};
	bind_texts(q, v, 4);
	store_q_bind_int(q, 6, row->indexable);
	store_q_bind_int(q, 7, row->retention_days);
	return store_q_exec_changed(c, q);
}

enum ent_err comm_space_set_archived(struct store_conn *c, int64_t id, int64_t at)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_ARCHIVE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	if (at)
		store_q_bind_int(q, 2, at);
	else
		store_q_bind_null(q, 2);
	return store_q_exec_changed(c, q);
}

enum ent_err comm_space_each(struct store_conn *c,
			     void (*fn)(const struct comm_space_row *row, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	enum ent_err err = store_q_open(c, &Q_EACH, &q);
	if (err)
		return err;
	struct comm_space_row r;
	while (!(err = store_q_step(q, &has)) && has) {
		read_row(q, &r);
		fn(&r, arg);
	}
	store_q_close(q);
	return err;
}

static const struct store_stmt Q_MOD_COUNT = {
	"space.moderators_count", "SELECT count(*) FROM space_moderators WHERE space_id = ?1"};
static const struct store_stmt Q_MOD_ADD = {
	"space.moderator_add",
	"INSERT INTO space_moderators (space_id, account_id, granted_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_MOD_REMOVE = {
	"space.moderator_remove", "DELETE FROM space_moderators WHERE space_id = ?1 AND account_id = ?2"};
static const struct store_stmt Q_MOD_EACH = {
	"space.moderators",
	"SELECT a.handle FROM space_moderators m JOIN accounts a ON a.id = m.account_id "
	"WHERE m.space_id = ?1 ORDER BY m.account_id"};

enum ent_err comm_space_moderator_add(struct store_conn *c, int64_t space, int64_t account, int64_t now)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_MOD_COUNT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space);
	err = store_q_step(q, &row);
	int64_t n = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	if (!err && n >= COMM_SPACE_MODERATORS_MAX)
		err = ENT_ECONFLICT;
	if (!err)
		err = store_q_open(c, &Q_MOD_ADD, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space);
	store_q_bind_int(q, 2, account);
	store_q_bind_int(q, 3, now);
	err = store_q_exec_changed(c, q);
	return err == ENT_ENOTFOUND ? ENT_EEXIST : err;
}

enum ent_err comm_space_moderator_remove(struct store_conn *c, int64_t space, int64_t account)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_MOD_REMOVE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space);
	store_q_bind_int(q, 2, account);
	return store_q_exec_changed(c, q);
}

enum ent_err comm_space_moderators_each(struct store_conn *c, int64_t space,
					void (*fn)(const char *handle, void *arg), void *arg)
{
	struct store_q *q;
	bool has;
	enum ent_err err = store_q_open(c, &Q_MOD_EACH, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space);
	while (!(err = store_q_step(q, &has)) && has)
		fn(store_q_text(q, 0, NULL), arg);
	store_q_close(q);
	return err;
}
