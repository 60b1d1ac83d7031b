/* comm_notify_store.c - follows, read marks, notifications, the moderators' queue and log;
 * see comm_notify_store.h. */
#include <string.h>

#include "community/comm_notify_store.h"
#include "community/comm_q.h"
#include "core/clock.h"

/* --- follows and read marks --- */

static const struct store_stmt Q_FOLLOW = {
	"comm.follow",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible) "
	"SELECT ?1, ?2, last_post_id, n_visible FROM threads WHERE id = ?2 ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_UNFOLLOW = {
	"comm.unfollow", "DELETE FROM follows WHERE account_id = ?1 AND thread_id = ?2"};
static const struct store_stmt Q_FOLLOW_SELF = {
	"comm.follow_self",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible) "
	"SELECT ?1, ?2, ?3, n_visible FROM threads WHERE id = ?2 ON CONFLICT (account_id, thread_id) "
	"DO UPDATE SET last_read_id = excluded.last_read_id, read_visible = excluded.read_visible"};
static const struct store_stmt Q_NOTIFY = {
	"comm.notify",
	"INSERT INTO notifications (account_id, kind, thread_id, post_id, created_at) "
	"SELECT account_id, 'reply', ?1, ?2, ?3 FROM follows WHERE thread_id = ?1 AND account_id != ?4"};

enum ent_err comm_follow_add(struct store_conn *c, int64_t account, int64_t thread)
{
	return store_exec_ints(c, &Q_FOLLOW, 2, (int64_t[]){account, thread});
}

enum ent_err comm_follow_remove(struct store_conn *c, int64_t account, int64_t thread)
{
	return store_exec_ints(c, &Q_UNFOLLOW, 2, (int64_t[]){account, thread});
}

enum ent_err comm_notify_reply(struct store_conn *c, int64_t thread, int64_t post,
			       int64_t author, int64_t now)
{
	return store_exec_ints(c, &Q_NOTIFY, 4, (int64_t[]){thread, post, now, author});
}

enum ent_err comm_follow_own_post(struct store_conn *c, int64_t author, int64_t thread,
				  int64_t post)
{
	return store_exec_ints(c, &Q_FOLLOW_SELF, 3, (int64_t[]){author, thread, post});
}

/* The read marker only moves forward and never past the thread's last post; read_visible is
 * the thread's visible posts up to it (migration 0103: unread = n_visible - read_visible),
 * counted from the posts after the marker (usually none). */
static const struct store_stmt Q_READ_FOLLOW = {
	"comm.read_follow",
	"UPDATE follows SET last_read_id = CASE WHEN ?3 < t.last_post_id THEN ?3 "
	"ELSE t.last_post_id END, read_visible = t.n_visible - "
	"(SELECT count(*) FROM posts p WHERE p.thread_id = ?2 AND p.id > CASE WHEN ?3 < "
	"t.last_post_id THEN ?3 ELSE t.last_post_id END "
	"AND p.hidden_at IS NULL AND p.deleted_at IS NULL) FROM threads t "
	"WHERE t.id = ?2 AND follows.account_id = ?1 AND follows.thread_id = ?2 "
	"AND follows.last_read_id < ?3"};
static const struct store_stmt Q_READ_NOTIFS = {
	"comm.read_notifications",
	"UPDATE notifications SET read_at = ?4 WHERE account_id = ?1 AND thread_id = ?2 "
	"AND read_at IS NULL AND (post_id IS NULL OR post_id <= ?3)"};

enum ent_err comm_read_mark(struct store_conn *c, int64_t account, int64_t thread, int64_t last,
			    int64_t now)
{
	enum ent_err err = store_exec_ints(c, &Q_READ_FOLLOW, 3, (int64_t[]){account, thread, last});
	if (!err)
		err = store_exec_ints(c, &Q_READ_NOTIFS, 4, (int64_t[]){account, thread, last, now});
	return err;
}

/* --- a member's notifications --- */

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

enum ent_err comm_unread_count(struct store_conn *c, int64_t account, int64_t *out)
{
	return comm_q_int(c, &Q_UNREAD, 1, &account, out);
}

struct notification_cb {
	void (*fn)(const struct comm_notification *n, void *arg);
	void *arg;
};

static enum ent_err notification_row(struct store_q *q, void *arg)
{
	const struct notification_cb *cb = arg;
	struct comm_notification n = {
		.id = store_q_int(q, 0), .kind = store_q_text(q, 1, NULL),
		.thread = store_q_int(q, 2), .thread_title = store_q_text(q, 3, NULL),
		.post = store_q_int(q, 4), .created_at = store_q_int(q, 5),
		.read = store_q_int(q, 6) != 0};
	cb->fn(&n, cb->arg);
	return ENT_OK;
}

enum ent_err comm_notifications_each(struct store_conn *c, int64_t account, int64_t before,
				     int64_t limit,
				     void (*fn)(const struct comm_notification *n, void *arg),
				     void *arg)
{
	struct notification_cb cb = {fn, arg};
	return comm_q_each(c, &Q_NOTIFS, 3, (int64_t[]){account, before, limit}, notification_row,
			   &cb);
}

struct followed_cb {
	void (*fn)(const struct comm_followed *f, void *arg);
	void *arg;
};

static enum ent_err followed_row(struct store_q *q, void *arg)
{
	const struct followed_cb *cb = arg;
	struct comm_followed f = {.thread = store_q_int(q, 0), .title = store_q_text(q, 1, NULL),
				  .unread = store_q_int(q, 2)};
	cb->fn(&f, cb->arg);
	return ENT_OK;
}

enum ent_err comm_followed_each(struct store_conn *c, int64_t account,
				void (*fn)(const struct comm_followed *f, void *arg), void *arg)
{
	struct followed_cb cb = {fn, arg};
	return comm_q_each(c, &Q_FOLLOWED, 1, &account, followed_row, &cb);
}

/* --- the moderators' queue (R3) --- */

#define TIER1 ((int64_t)1 << 50)
#define TIER2 ((int64_t)1 << 53)

static const struct store_stmt Q_ALERT = {
	"comm.alert_insert",
	"INSERT INTO reports (post_id, reporter_id, reason, created_at, source, rule, confidence, queue_key) "
	"VALUES (?1, NULL, 'emergency-detected', ?2, 'classifier', ?3, ?4, 9007199254740992) RETURNING id"};
static const struct store_stmt Q_KEY = {
	"comm.report_key", "UPDATE reports SET queue_key = ?2 WHERE id = ?1"};
static const struct store_stmt Q_NOTIFY_MODS = {
	"comm.notify_moderators",
	"INSERT INTO notifications (account_id, kind, thread_id, post_id, created_at) "
	"SELECT DISTINCT r.account_id, 'moderation', ?1, ?2, ?3 FROM account_roles r "
	"JOIN accounts a ON a.id = r.account_id WHERE r.role = 'moderator' AND a.suspended_at IS NULL"};

enum ent_err comm_report_set_key(struct store_conn *c, int64_t id, int64_t key)
{
	return store_exec_ints(c, &Q_KEY, 2, (int64_t[]){id, key});
}

enum ent_err comm_notify_moderators(struct store_conn *c, int64_t thread, int64_t post)
{
	return store_exec_ints(c, &Q_NOTIFY_MODS, 3, (int64_t[]){thread, post, clock_now()});
}

enum ent_err comm_emergency_queue(struct store_conn *c, int64_t thread, int64_t post,
				  const struct comm_emergency *e)
{
	if (!e->urgent)
		return ENT_OK;
	struct store_q *q;
	bool row = false;
	const char *rule = ent_intent_rule_name(e->rule);
	enum ent_err err = store_q_open(c, &Q_ALERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, post);
	store_q_bind_int(q, 2, clock_now());
	store_q_bind_text(q, 3, rule, strlen(rule));
	store_q_bind_int(q, 4, e->confidence);
	err = store_q_step(q, &row);
	int64_t id = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	if (!err && !id)
		err = ENT_EDB;
	if (!err) {
		int conf = e->confidence < 0 ? 0 : e->confidence > 1000 ? 1000 : e->confidence;
		int64_t key = e->rule != ENT_INTENT_RULE_NONE ? id : TIER1 + ((int64_t)(1000 - conf) << 36) + id;
		err = comm_report_set_key(c, id, key);
	}
	if (!err)
		err = comm_notify_moderators(c, thread, post);
	return err;
}

int64_t comm_report_queue_key(const char *reason, int64_t report_id)
{
	return strcmp(reason, "danger") == 0 ? report_id : TIER2 + report_id;
}

/* --- the moderators' audit log --- */

static const struct store_stmt Q_AUDIT = {
	"comm.audit",
	"INSERT INTO moderation_log (moderator_id, action, target_kind, target_id, note, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};

enum ent_err comm_audit_add(struct store_conn *c, int64_t moderator, const char *action,
			    const char *kind, int64_t id, const char *note, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_AUDIT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, moderator);
	store_q_bind_text(q, 2, action, strlen(action));
	store_q_bind_text(q, 3, kind, strlen(kind));
	store_q_bind_int(q, 4, id);
	store_q_bind_text(q, 5, note ? note : "", note ? strlen(note) : 0);
	store_q_bind_int(q, 6, now);
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}
