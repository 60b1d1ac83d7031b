/* comm_retention_store.c - the communities' retention purge and settings; see
 * comm_retention.h. */
#include <string.h>

#include "community/comm_retention.h"
#include "store/store_search.h"

static const struct store_stmt Q_SPACES = {
	"purge.spaces", "SELECT id, retention_days FROM spaces WHERE retention_days > 0 LIMIT ?1"};
static const struct store_stmt Q_UNTITLE = {
	"purge.untitle",
	"UPDATE threads SET title = '' WHERE space_id = ?1 AND created_at < ?2 AND title <> ''"};
static const struct store_stmt Q_POSTS = {
	"purge.posts",
	"DELETE FROM posts WHERE created_at < ?2 AND thread_id IN "
	"(SELECT id FROM threads WHERE space_id = ?1 AND created_at < ?2)"};
static const struct store_stmt Q_THREADS = {
	"purge.threads",
	"DELETE FROM threads WHERE space_id = ?1 AND created_at < ?2 AND NOT EXISTS "
	"(SELECT 1 FROM posts WHERE thread_id = threads.id)"};
static const struct store_stmt Q_RECOUNT = {
	"purge.recount",
	"UPDATE threads SET n_posts = (SELECT count(*) FROM posts WHERE thread_id = threads.id), "
	"last_post_id = coalesce((SELECT max(id) FROM posts WHERE thread_id = threads.id), 0), "
	"last_post_at = (SELECT created_at FROM posts WHERE thread_id = threads.id ORDER BY id DESC LIMIT 1) "
	"WHERE space_id = ?1 AND created_at < ?2"};

static const struct store_stmt Q_NOTIFICATIONS = {
	"purge.notifications", "DELETE FROM notifications WHERE created_at < ?1"};
static const struct store_stmt Q_MODLOG = {
	"purge.moderation_log", "DELETE FROM moderation_log WHERE created_at < ?1"};
static const struct store_stmt Q_REPORTS = {
	"purge.reports",
	"DELETE FROM reports WHERE resolved_at IS NOT NULL AND resolved_at < ?1"};

enum ent_err comm_retention_spaces(struct store_conn *c, struct comm_space_keep *out, size_t cap,
				   size_t *n)
{
	struct store_q *q;
	*n = 0;
	enum ent_err err = store_q_open(c, &Q_SPACES, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, (int64_t)cap);
	bool row;
	while (*n < cap && !(err = store_q_step(q, &row)) && row) {
		out[*n] = (struct comm_space_keep){store_q_int(q, 0), store_q_int(q, 1)};
		(*n)++;
	}
	store_q_close(q);
	return err;
}

/* Runs st with ?1 = space, ?2 = cutoff; adds the rows changed to *n when n. */
static enum ent_err run(struct store_conn *c, const struct store_stmt *st, int64_t space,
			int64_t cutoff, int64_t *n)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space);
	store_q_bind_int(q, 2, cutoff);
	err = store_q_exec(q);
	store_q_close(q);
	if (!err && n)
		*n += store_changes(c);
	return err;
}

enum ent_err comm_purge_space(struct store_conn *c, int64_t space, int64_t cutoff, int64_t *posts,
			      int64_t *threads)
{
	enum ent_err err = store_tx_begin(c);
	if (!err)
		err = store_search_post_unindex_space(c, space, cutoff);
	if (!err)
		err = run(c, &Q_UNTITLE, space, cutoff, NULL);
	if (!err)
		err = run(c, &Q_POSTS, space, cutoff, posts);
	if (!err)
		err = run(c, &Q_THREADS, space, cutoff, threads);
	if (!err)
		err = run(c, &Q_RECOUNT, space, cutoff, NULL);
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err comm_purge_notifications(struct store_conn *c, int64_t cutoff, int64_t *n)
{
	return store_tx_exec_int(c, &Q_NOTIFICATIONS, cutoff, n);
}

enum ent_err comm_purge_moderation_log(struct store_conn *c, int64_t cutoff, int64_t *n)
{
	return store_tx_exec_int(c, &Q_MODLOG, cutoff, n);
}

enum ent_err comm_purge_reports(struct store_conn *c, int64_t cutoff, int64_t *n)
{
	return store_tx_exec_int(c, &Q_REPORTS, cutoff, n);
}

static const struct store_stmt Q_SPACE_RETENTION = {
	"purge.space_retention_set", "UPDATE spaces SET retention_days = ?2 WHERE slug = ?1"};

enum ent_err comm_space_retention_set(struct store_conn *c, const char *slug, int64_t days)
{
	if (days < 0 || days > 36500)
		return ENT_EINVAL;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SPACE_RETENTION, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	store_q_bind_int(q, 2, days);
	return store_q_exec_changed(c, q);
}

static const struct store_stmt Q_RETENTIONS = {
	"register.spaces", "SELECT slug, name, visibility, retention_days FROM spaces ORDER BY slug"};

struct each {
	comm_space_retention_fn fn;
	void *arg;
};

static enum ent_err retention_row(struct store_q *q, void *arg)
{
	const struct each *e = arg;
	struct comm_space_retention s = {store_q_text(q, 0, NULL), store_q_text(q, 1, NULL),
					 store_q_text(q, 2, NULL), store_q_int(q, 3)};
	return e->fn(e->arg, &s);
}

enum ent_err comm_space_retention_each(struct store_conn *c, comm_space_retention_fn fn, void *arg)
{
	struct store_q *q;
	struct each e = {fn, arg};
	enum ent_err err = store_q_open(c, &Q_RETENTIONS, &q);
	return err ? err : store_q_each(q, retention_row, &e);
}
