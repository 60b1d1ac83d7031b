/*
 * api_notification.c - following a thread, unread counts, and the notifications of replies
 * inside entraide (nothing is sent out by e-mail or push: R6).
 * Unread counts are counters kept by triggers on write (migration 0101): reading them is one
 * row. Reading a thread writes nothing: the page tells the server what was read (POST
 * /api/v1/threads/{id}/read), and those marks are written in batches (api_read.c, api_writer.c).
 */
#include <string.h>

#include "api/api_community.h"
#include "core/clock.h"

static const struct store_stmt Q_FOLLOW = {
	"comm.follow",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible) "
	"SELECT ?1, ?2, last_post_id, n_visible FROM threads WHERE id = ?2 ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_UNFOLLOW = {
	"comm.unfollow", "DELETE FROM follows WHERE account_id = ?1 AND thread_id = ?2"};

static enum ent_err follow(struct api_req *q, const struct store_stmt *stmt, int status)
{
	struct comm_space s;
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = comm_space_of_thread(q, id, &s, NULL, 0);
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_int(st, 2, id);
	err = store_q_exec(st);
	store_q_close(st);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"thread\":%lld,\"following\":%s}", (long long)id, status ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_follow_put(struct api_req *q)
{
	return follow(q, &Q_FOLLOW, 1);
}

enum ent_err api_follow_delete(struct api_req *q)
{
	return follow(q, &Q_UNFOLLOW, 0);
}

static const struct store_stmt Q_UNREAD = {
	"comm.unread",
	"SELECT unread FROM notification_counts WHERE account_id = ?1"};
static const struct store_stmt Q_NOTIFS = {
	"comm.notifications",
	"SELECT n.id, n.kind, n.thread_id, t.title, n.post_id, n.created_at, n.read_at IS NOT NULL "
	"FROM notifications n LEFT JOIN threads t ON t.id = n.thread_id "
	"WHERE n.account_id = ?1 AND n.id < ?2 ORDER BY n.id DESC LIMIT ?3"};
static const struct store_stmt Q_FOLLOWED = {
	"comm.followed",
	"SELECT t.id, t.title, t.n_visible - f.read_visible FROM follows f "
	"JOIN threads t ON t.id = f.thread_id WHERE f.account_id = ?1 ORDER BY t.last_post_id DESC LIMIT 50"};

enum ent_err api_notifications_list(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	struct store_q *st;
	bool row = false;
	if (!err)
		err = store_q_open(q->db, &Q_UNREAD, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	err = store_q_step(st, &row);
	int64_t unread = row ? store_q_int(st, 0) : 0;
	store_q_close(st);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_printf(&b, "{\"unread\":%lld,\"notifications\":[", (long long)unread);
	if (!err)
		err = store_q_open(q->db, &Q_NOTIFS, &st);
	int64_t n = 0, last = 0;
	if (!err) {
		store_q_bind_int(st, 1, q->s.account.id);
		store_q_bind_int(st, 2, before);
		store_q_bind_int(st, 3, limit);
		while (!(err = store_q_step(st, &row)) && row) {
			char c[24];
			clock_iso(store_q_int(st, 5), c);
			last = store_q_int(st, 0);
			buf_printf(&b, "%s{\"id\":%lld,\"kind\":", n++ ? "," : "", (long long)last);
			buf_json_cstr(&b, store_q_text(st, 1, NULL));
			buf_printf(&b, ",\"thread\":{\"id\":%lld,\"title\":", (long long)store_q_int(st, 2));
			buf_json_cstr(&b, store_q_text(st, 3, NULL));
			buf_printf(&b, "},\"post\":%lld,\"created_at\":\"%s\",\"read\":%s}",
				   (long long)store_q_int(st, 4), c, store_q_int(st, 6) ? "true" : "false");
		}
		store_q_close(st);
	}
	buf_puts(&b, "],\"next\":");
	if (n == limit)
		buf_printf(&b, "%lld", (long long)last);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\"following\":[");
	if (!err)
		err = store_q_open(q->db, &Q_FOLLOWED, &st);
	if (!err) {
		store_q_bind_int(st, 1, q->s.account.id);
		n = 0;
		while (!(err = store_q_step(st, &row)) && row) {
			buf_printf(&b, "%s{\"thread\":%lld,\"title\":", n++ ? "," : "",
				   (long long)store_q_int(st, 0));
			buf_json_cstr(&b, store_q_text(st, 1, NULL));
			buf_printf(&b, ",\"unread\":%lld}", (long long)store_q_int(st, 2));
		}
		store_q_close(st);
	}
	buf_puts(&b, "]}");
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}
