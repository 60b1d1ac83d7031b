/* comm_mod_store.c - moderation's statements; see comm_store.h. */
#include "community/comm_store.h"

#include <string.h>

static const struct store_stmt Q_POST_SPACE = {
	"comm.post_space",
	"SELECT s.visibility, s.id FROM posts p JOIN threads t ON t.id = p.thread_id "
	"JOIN spaces s ON s.id = t.space_id WHERE p.id = ?1"};

enum ent_err comm_post_space(struct store_conn *c, int64_t post, enum space_visibility *vis,
			     int64_t *space)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_POST_SPACE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err && !policy_space_visibility_parse(store_q_text(q, 0, NULL), vis))
		err = ENT_EINTERNAL;
	if (!err && space)
		*space = store_q_int(q, 1);
	store_q_close(q);
	return err;
}

enum ent_err comm_post_visibility(struct store_conn *c, int64_t post, enum space_visibility *out)
{
	return comm_post_space(c, post, out, NULL);
}

static const struct store_stmt Q_MODERATES_ANY = {
	"comm.moderates_any", "SELECT 1 FROM space_moderators WHERE account_id = ?1 LIMIT 1"};
static const struct store_stmt Q_MODERATES_SPACE = {
	"comm.moderates_space",
	"SELECT 1 FROM space_moderators WHERE account_id = ?1 AND space_id = ?2"};

static enum ent_err exists(struct store_conn *c, const struct store_stmt *st, int64_t a, int64_t b,
			   bool *out)
{
	struct store_q *q;
	*out = false;
	enum ent_err err = store_q_open(c, st, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, a);
	if (b)
		store_q_bind_int(q, 2, b);
	err = store_q_step(q, out);
	store_q_close(q);
	return err;
}

enum ent_err comm_moderates_any(struct store_conn *c, int64_t account, bool *out)
{
	return exists(c, &Q_MODERATES_ANY, account, 0, out);
}

enum ent_err comm_moderates_space(struct store_conn *c, int64_t account, int64_t space, bool *out)
{
	return exists(c, &Q_MODERATES_SPACE, account, space, out);
}

/* report_marks (migration 0040): a member's report of a post, found by (post, reporter). The
 * caller's transaction is BEGIN IMMEDIATE: nobody adds a mark between the look and the add. */
static const struct store_stmt Q_REPORT_MINE = {
	"comm.report_mine",
	"SELECT m.report_id, r.resolved_at IS NOT NULL FROM report_marks m "
	"JOIN reports r ON r.id = m.report_id WHERE m.post_id = ?1 AND m.reporter_id = ?2"};
static const struct store_stmt Q_REPORT_ADD = {
	"comm.report",
	"INSERT INTO reports (post_id, reporter_id, reason, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id"};
static const struct store_stmt Q_REPORT_MARK = {
	"comm.report_mark",
	"INSERT INTO report_marks (post_id, reporter_id, report_id) VALUES (?1, ?2, ?3)"};

enum ent_err comm_report_add(struct store_conn *c, int64_t post, int64_t reporter, const char *why,
			     size_t len, int64_t now, struct comm_report *out)
{
	struct store_q *q;
	bool row = false;
	memset(out, 0, sizeof *out);
	enum ent_err err = store_q_open(c, &Q_REPORT_MINE, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	err = store_q_step(q, &row);
	if (!err && row) {
		out->id = store_q_int(q, 0);
		out->resolved = store_q_int(q, 1) != 0;
	}
	store_q_close(q);
	if (err || row)
		return err;
	err = store_q_open(c, &Q_REPORT_ADD, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	store_q_bind_text(q, 3, why, len);
	store_q_bind_int(q, 4, now);
	err = store_q_step(q, &row);
	out->id = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	if (!err && !out->id)
		err = ENT_EDB;
	if (err)
		return err;
	err = store_q_open(c, &Q_REPORT_MARK, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, reporter);
	store_q_bind_int(q, 3, out->id);
	err = store_q_exec(q);
	store_q_close(q);
	out->created = !err;
	return err;
}
