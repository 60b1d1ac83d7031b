/* desk_retention_store.c - the desks' retention: purge, setting and list; see
 * desk_retention.h. */
#include <string.h>

#include "desk/desk_retention.h"

static const struct store_stmt Q_DESK = {
	"purge.desk",
	"DELETE FROM desk_requests WHERE status = 'resolved' AND resolved_at IS NOT NULL AND "
	"id IN (SELECT r.id FROM desk_requests r LEFT JOIN desk_settings s ON "
	"s.institution_id = r.institution_id WHERE r.status = 'resolved' AND "
	"coalesce(s.retention_days, 365) > 0 AND "
	"r.resolved_at < ?1 - 86400 * coalesce(s.retention_days, 365))"};

enum ent_err desk_purge_resolved(struct store_conn *c, int64_t now, int64_t *n)
{
	return store_tx_exec_int(c, &Q_DESK, now, n);
}

static const struct store_stmt Q_DESK_RETENTION = {
	"purge.desk_retention_set",
	"INSERT INTO desk_settings (institution_id, teleconsult_url, updated_at, retention_days) "
	"SELECT id, '', ?3, ?2 FROM institutions WHERE slug = ?1 "
	"ON CONFLICT (institution_id) DO UPDATE SET retention_days = ?2, updated_at = ?3"};

enum ent_err desk_retention_set(struct store_conn *c, const char *slug, int64_t days, int64_t now)
{
	if (days < 0 || days > 36500)
		return ENT_EINVAL;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_DESK_RETENTION, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	store_q_bind_int(q, 2, days);
	store_q_bind_int(q, 3, now);
	return store_q_exec_changed(c, q);
}

static const struct store_stmt Q_DESKS = {
	"register.desks",
	"SELECT i.slug, i.name, coalesce(s.retention_days, 365) "
	"FROM institutions i LEFT JOIN desk_settings s ON s.institution_id = i.id ORDER BY i.slug"};

struct each {
	desk_retention_fn fn;
	void *arg;
};

static enum ent_err retention_row(struct store_q *q, void *arg)
{
	const struct each *e = arg;
	struct desk_retention d = {store_q_text(q, 0, NULL), store_q_text(q, 1, NULL),
				   store_q_int(q, 2)};
	return e->fn(e->arg, &d);
}

enum ent_err desk_retention_each(struct store_conn *c, desk_retention_fn fn, void *arg)
{
	struct store_q *q;
	struct each e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_DESKS, &q);
	return err ? err : store_q_each(q, retention_row, &e);
}
