/* comm_notify_store.c - follows, read marks, notifications, the moderators' queue and log;
 * see comm_notify_store.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm_notify_store.h"
#include "community/comm_q.h"
#include "core/buf.h"
#include "core/clock.h"

/* --- follows and read marks --- */

static const struct store_stmt Q_FOLLOW = {
	"comm.follow",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible, notify_from) "
	"SELECT ?1, ?2, last_post_id, n_visible, last_post_id FROM threads WHERE id = ?2 "
	"ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_UNFOLLOW = {
	"comm.unfollow", "DELETE FROM follows WHERE account_id = ?1 AND thread_id = ?2"};
static const struct store_stmt Q_FOLLOW_SELF = {
	"comm.follow_self",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible, notify_from) "
	"SELECT ?1, ?2, ?3, n_visible, ?3 FROM threads WHERE id = ?2 ON CONFLICT (account_id, thread_id) "
	"DO UPDATE SET last_read_id = excluded.last_read_id, read_visible = excluded.read_visible"};

enum ent_err comm_follow_add(struct store_conn *c, int64_t account, int64_t thread)
{
	return store_exec_ints(c, &Q_FOLLOW, 2, (int64_t[]){account, thread});
}

enum ent_err comm_follow_remove(struct store_conn *c, int64_t account, int64_t thread)
{
	return store_exec_ints(c, &Q_UNFOLLOW, 2, (int64_t[]){account, thread});
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

/* Unread: the moderation rows' counter (0101) and, per followed thread, its visible posts past
 * the read marker (0103; the member's own posts are never past it: writing one moves it). */
static const struct store_stmt Q_UNREAD = {
	"comm.unread",
	"SELECT coalesce((SELECT unread FROM notification_counts WHERE account_id = ?1), 0) + "
	"coalesce((SELECT sum(t.n_visible - f.read_visible) FROM follows f "
	"JOIN threads t ON t.id = f.thread_id WHERE f.account_id = ?1), 0)"};
/* A page of notifications is a merge, newest first, of the member's moderation rows and, per
 * followed thread, the visible posts of others after the follow's notify_from (0104): key
 * post * 2 for a reply, post * 2 + 1 for a moderation notification. The follows come
 * most recently active first; a thread whose last post is older than the page's oldest
 * entry so far cannot add to it, so the walk stops there, and each thread gives at most a
 * page of posts. A page costs about what it shows, not the member's whole window (it sorted
 * every reply of every followed thread: ~500 rows for 20 shown, issue 13).
 * The page's three parts (the unread total, the followed list, the merge's cursors) come from
 * one walk of the member's follows: it was three (the list, the unread sum, the merge's
 * follows), the third of the page's statement time with some 60 follows. The walk comes in
 * the follows' key order and is sorted here (notif_sort): SQLite's ORDER BY over the join
 * went through a temporary B-tree with every row's title, a third of the walk's instructions
 * (88 k of 263 k a page with 50 follows, bench/members' data under callgrind). */
static const struct store_stmt Q_NOTIF_WALK = {
	"comm.notif_walk",
	"SELECT f.thread_id, t.last_post_id, f.notify_from, f.last_read_id, "
	"t.n_visible - f.read_visible, t.title FROM follows f "
	"JOIN threads t ON t.id = f.thread_id WHERE f.account_id = ?1"};
static const struct store_stmt Q_NOTIF_REPLIES = {
	"comm.notif_replies",
	"SELECT id, created_at FROM posts WHERE thread_id = ?1 AND id > ?2 AND id <= ?3 "
	"AND (author_id IS NULL OR author_id <> ?4) AND hidden_at IS NULL AND deleted_at IS NULL "
	"ORDER BY id DESC LIMIT ?5"};
static const struct store_stmt Q_NOTIF_MODERATION = {
	"comm.notif_moderation",
	"SELECT n.post_id, n.kind, n.thread_id, n.created_at, "
	"CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END "
	"FROM notifications n "
	"WHERE n.account_id = ?1 AND n.post_id <= ?2 ORDER BY n.post_id DESC LIMIT ?3"};
/* Titles are kept from the walk for the followed list (its first COMM_FOLLOWED_MAX threads);
 * an entry of another thread (a moderation row, an older follow) reads its title once: a
 * member may follow thousands of threads. */
static const struct store_stmt Q_NOTIF_TITLE = {
	"comm.notif_title", "SELECT title FROM threads WHERE id = ?1"};
static const struct store_stmt Q_UNREAD_MOD = {
	"comm.unread_moderation",
	"SELECT coalesce((SELECT unread FROM notification_counts WHERE account_id = ?1), 0)"};

#define NOTIF_PAGE_MAX 100
#define NO_TITLE SIZE_MAX
/* Bytes of titles the walk keeps (the buffer holds up to 1 MiB: the page's others follow). */
#define NOTIF_TITLES_BUDGET (256 * 1024)

struct notif_follow {
	int64_t thread, last_post, notify_from, last_read, unread;
	size_t title; /* offset in the merge's titles, or NO_TITLE past the followed list */
};
struct notif_entry {
	int64_t key, thread, created_at;
	char kind[24];
	size_t title; /* offset in the merge's titles, once the page is known */
	bool read;
};
/* One page being merged: the best `limit` entries so far, newest first. */
struct notif_merge {
	struct notif_entry e[NOTIF_PAGE_MAX];
	size_t n, limit;
	struct buf titles; /* NUL-separated: the followed list's, then the page's others */
	struct notif_follow *f;
	size_t n_f, cap_f;
	int64_t account, unread;
	const struct notif_follow *cur; /* the follow whose posts are being read */
};

/* Would an entry of this key enter the page? */
static bool notif_wanted(const struct notif_merge *m, int64_t key)
{
	return m->n < m->limit || key > m->e[m->n - 1].key;
}

static void notif_insert(struct notif_merge *m, const struct notif_entry *x)
{
	if (!notif_wanted(m, x->key))
		return;
	size_t i = m->n < m->limit ? m->n++ : m->n - 1;
	while (i > 0 && m->e[i - 1].key < x->key) {
		m->e[i] = m->e[i - 1];
		i--;
	}
	m->e[i] = *x;
}

static enum ent_err follow_row(struct store_q *q, void *arg)
{
	struct notif_merge *m = arg;
	if (m->n_f == m->cap_f) {
		size_t cap = m->cap_f ? m->cap_f * 2 : 64;
		struct notif_follow *f = realloc(m->f, cap * sizeof *f);
		if (!f)
			return ENT_ENOMEM;
		m->f = f;
		m->cap_f = cap;
	}
	struct notif_follow *f = &m->f[m->n_f++];
	*f = (struct notif_follow){.thread = store_q_int(q, 0), .last_post = store_q_int(q, 1),
				   .notify_from = store_q_int(q, 2), .last_read = store_q_int(q, 3),
				   .unread = store_q_int(q, 4), .title = NO_TITLE};
	m->unread += f->unread;
	/* Kept while the titles stay small: only the COMM_FOLLOWED_MAX most active are shown, and
	 * which those are is known once the walk is sorted; one past the budget is read again if
	 * it is shown (notif_title_of). */
	const char *t = store_q_text(q, 5, NULL);
	size_t len = t ? strlen(t) : 0;
	if (m->titles.len + len < NOTIF_TITLES_BUDGET) {
		f->title = m->titles.len;
		buf_append(&m->titles, t ? t : "", len);
		buf_putc(&m->titles, '\0');
	}
	return ENT_OK;
}

/* Most recently active first (the thread's last post); a tie by the newer thread. */
static int by_activity(const void *a, const void *b)
{
	const struct notif_follow *x = a, *y = b;
	if (x->last_post != y->last_post)
		return x->last_post < y->last_post ? 1 : -1;
	return x->thread < y->thread ? 1 : x->thread > y->thread ? -1 : 0;
}

static enum ent_err reply_row(struct store_q *q, void *arg)
{
	struct notif_merge *m = arg;
	int64_t post = store_q_int(q, 0);
	struct notif_entry x = {.key = post * 2, .thread = m->cur->thread,
				.created_at = store_q_int(q, 1), .read = post <= m->cur->last_read,
				.title = m->cur->title};
	memcpy(x.kind, "reply", sizeof "reply");
	notif_insert(m, &x);
	return ENT_OK;
}

static enum ent_err moderation_row(struct store_q *q, void *arg)
{
	struct notif_merge *m = arg;
	struct notif_entry x = {.key = store_q_int(q, 0) * 2 + 1, .thread = store_q_int(q, 2),
				.created_at = store_q_int(q, 3), .read = store_q_int(q, 4) != 0,
				.title = NO_TITLE};
	snprintf(x.kind, sizeof x.kind, "%s", store_q_text(q, 1, NULL));
	notif_insert(m, &x);
	return ENT_OK;
}

/* The walk of the follows (the unread sum, the followed list's titles, the merge's cursors),
 * the moderation rows, then the followed threads' replies. */
static enum ent_err notif_merge_run(struct store_conn *c, struct notif_merge *m, int64_t before)
{
	int64_t mod = 0;
	enum ent_err err = comm_q_each(c, &Q_NOTIF_WALK, 1, &m->account, follow_row, m);
	if (!err && m->n_f > 1)
		qsort(m->f, m->n_f, sizeof *m->f, by_activity);
	if (!err)
		err = comm_q_int(c, &Q_UNREAD_MOD, 1, &m->account, &mod);
	m->unread += mod;
	/* key < before: a reply's post <= (before - 1) / 2, a moderation row's <= (before - 2) / 2 */
	if (!err && before >= 2)
		err = comm_q_each(c, &Q_NOTIF_MODERATION, 3,
				  (int64_t[]){m->account, (before - 2) / 2, (int64_t)m->limit},
				  moderation_row, m);
	int64_t top = (before - 1) / 2;
	for (size_t i = 0; !err && before >= 1 && i < m->n_f; i++) {
		const struct notif_follow *f = &m->f[i];
		int64_t upper = f->last_post < top ? f->last_post : top;
		if (!notif_wanted(m, upper * 2))
			break; /* the follows after this one are older still */
		/* Once the page is full, a reply enters it only above its oldest entry's key
		 * (post * 2 > key, that is post > key / 2): the statement stops there instead of
		 * reading up to a page of this thread's replies that notif_insert would drop
		 * (about half the rows read on bench/members' data, issue 13). */
		int64_t lower = f->notify_from;
		if (m->n == m->limit && m->e[m->n - 1].key / 2 > lower)
			lower = m->e[m->n - 1].key / 2;
		if (upper <= lower)
			continue;
		m->cur = f;
		err = comm_q_each(c, &Q_NOTIF_REPLIES, 5,
				  (int64_t[]){f->thread, lower, upper, m->account, (int64_t)m->limit},
				  reply_row, m);
	}
	return err;
}

static enum ent_err title_row(struct store_q *q, void *arg)
{
	struct notif_merge *m = arg;
	const char *t = store_q_text(q, 0, NULL);
	buf_puts(&m->titles, t ? t : "");
	return ENT_OK;
}

/* Reads a thread's title into the merge's titles; *at is where it starts. */
static enum ent_err title_read(struct store_conn *c, struct notif_merge *m, int64_t thread,
			       size_t *at)
{
	*at = m->titles.len;
	enum ent_err err = comm_q_each(c, &Q_NOTIF_TITLE, 1, &thread, title_row, m);
	buf_putc(&m->titles, '\0');
	return err ? err : m->titles.err;
}

/* The titles the walk did not keep: those of the followed list past its budget, then each
 * entry's, read once per thread of the page (a thread gone reads as ""). */
static enum ent_err notif_titles(struct store_conn *c, struct notif_merge *m)
{
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < m->n_f && i < COMM_FOLLOWED_MAX; i++)
		if (m->f[i].title == NO_TITLE)
			err = title_read(c, m, m->f[i].thread, &m->f[i].title);
	for (size_t i = 0; !err && i < m->n; i++) {
		struct notif_entry *x = &m->e[i];
		if (x->title != NO_TITLE)
			continue;
		size_t j = 0;
		while (j < m->n_f && j < COMM_FOLLOWED_MAX && m->f[j].thread != x->thread)
			j++;
		if (j < m->n_f && j < COMM_FOLLOWED_MAX) {
			x->title = m->f[j].title;
			continue;
		}
		for (j = 0; j < i && m->e[j].thread != x->thread; j++)
			;
		if (j < i && m->e[j].title != NO_TITLE) {
			x->title = m->e[j].title;
			continue;
		}
		err = title_read(c, m, x->thread, &x->title);
	}
	return err ? err : m->titles.err;
}

enum ent_err comm_notifications_page(struct store_conn *c, int64_t account, int64_t before,
				     int64_t limit, struct comm_notification_page *p)
{
	struct notif_merge *m = calloc(1, sizeof *m);
	if (!m)
		return ENT_ENOMEM;
	m->account = account;
	m->limit = limit < 1 ? 1 : limit > NOTIF_PAGE_MAX ? NOTIF_PAGE_MAX : (size_t)limit;
	buf_init(&m->titles, 1024 * 1024);
	buf_reserve(&m->titles, 4096);
	enum ent_err err = notif_merge_run(c, m, before);
	if (!err)
		err = notif_titles(c, m);
	if (!err)
		p->unread = m->unread;
	for (size_t i = 0; !err && p->followed && i < m->n_f && i < COMM_FOLLOWED_MAX; i++) {
		const struct notif_follow *f = &m->f[i];
		struct comm_followed x = {.thread = f->thread, .title = m->titles.p + f->title,
					  .unread = f->unread};
		p->followed(&x, p->arg);
	}
	for (size_t i = 0; !err && p->notification && i < m->n; i++) {
		const struct notif_entry *x = &m->e[i];
		struct comm_notification n = {.id = x->key, .kind = x->kind, .thread = x->thread,
					      .thread_title = m->titles.p + x->title,
					      .post = x->key / 2, .created_at = x->created_at,
					      .read = x->read};
		p->notification(&n, p->arg);
	}
	buf_clear(&m->titles);
	free(m->f);
	free(m);
	return err;
}

enum ent_err comm_notifications_each(struct store_conn *c, int64_t account, int64_t before,
				     int64_t limit,
				     void (*fn)(const struct comm_notification *n, void *arg),
				     void *arg)
{
	struct comm_notification_page p = {.notification = fn, .arg = arg};
	return comm_notifications_page(c, account, before, limit, &p);
}

enum ent_err comm_unread_count(struct store_conn *c, int64_t account, int64_t *out)
{
	return comm_q_int(c, &Q_UNREAD, 1, &account, out);
}

/* --- retention --- */

/* The reply notifications older than the cutoff: counted, then every follow's notify_from moves
 * past them and its read marker with it (notify_from <= last_read_id). Hourly (api_purge.c),
 * PURGE_ACCOUNTS members' follows at a time: the count reads without the write lock, and
 * only a group with something to purge takes it, for the time of its own follows. One
 * statement over every follow held the write lock for 0.3 s with 2,000 members following 50
 * threads each (bench/members), and every reply of those 0.3 s waited: the mixed load's
 * p99 went from 30 ms to 300-500 ms in the round it fell in. */
#define PURGE_ACCOUNTS 64

static const struct store_stmt Q_PURGE_LAST = {
	"comm.notify_purge_last", "SELECT coalesce(max(account_id), 0) FROM follows"};
/* The newest post older than the cutoff: every post after it is younger (it is the newest
 * such), so the statements below look at posts up to it only. Without that bound each follow
 * walked every post of its thread after its cursor to test their dates: 1.5 G instructions
 * an hour on bench/members' data (100,000 follows), where nothing was old enough to purge.
 * The scan runs newest first and stops at the first old post: it reads the posts of the
 * retention window once. */
static const struct store_stmt Q_PURGE_UPTO = {
	"comm.notify_purge_upto",
	"SELECT id FROM posts WHERE created_at < ?1 ORDER BY id DESC LIMIT 1"};
static const struct store_stmt Q_PURGE_COUNT = {
	"comm.notify_purge_count",
	"SELECT count(*) FROM follows f JOIN posts p ON p.thread_id = f.thread_id "
	"AND p.id > f.notify_from AND p.id <= ?4 WHERE f.account_id BETWEEN ?2 AND ?3 "
	"AND p.created_at < ?1 "
	"AND (p.author_id IS NULL OR p.author_id <> f.account_id) "
	"AND p.hidden_at IS NULL AND p.deleted_at IS NULL"};
static const struct store_stmt Q_PURGE_FROM = {
	"comm.notify_purge_from",
	"UPDATE follows SET notify_from = (SELECT max(p.id) FROM posts p WHERE "
	"p.thread_id = follows.thread_id AND p.id > follows.notify_from AND p.id <= ?4 "
	"AND p.created_at < ?1) WHERE follows.account_id BETWEEN ?2 AND ?3 AND EXISTS (SELECT 1 "
	"FROM posts p WHERE p.thread_id = follows.thread_id AND p.id > follows.notify_from "
	"AND p.id <= ?4 AND p.created_at < ?1)"};
static const struct store_stmt Q_PURGE_READ = {
	"comm.notify_purge_read",
	"UPDATE follows SET last_read_id = notify_from, read_visible = "
	"(SELECT t.n_visible FROM threads t WHERE t.id = follows.thread_id) - "
	"(SELECT count(*) FROM posts p WHERE p.thread_id = follows.thread_id "
	"AND p.id > follows.notify_from AND p.hidden_at IS NULL AND p.deleted_at IS NULL) "
	"WHERE follows.account_id BETWEEN ?1 AND ?2 AND last_read_id < notify_from"};

/* The follows of accounts lo..hi: counted in a read transaction, then, if any, purged in a
 * write transaction of their own (counted again there: posts may have changed between). */
static enum ent_err purge_group(struct store_conn *c, int64_t cutoff, int64_t upto, int64_t lo,
				int64_t hi, int64_t *n)
{
	int64_t args[4] = {cutoff, lo, hi, upto}, k = 0;
	enum ent_err err = store_read_begin(c);
	if (err)
		return err;
	err = comm_q_int(c, &Q_PURGE_COUNT, 4, args, &k);
	store_read_end(c);
	if (err || !k)
		return err;
	if ((err = store_tx_begin(c)))
		return err;
	err = comm_q_int(c, &Q_PURGE_COUNT, 4, args, &k);
	if (!err && k)
		err = store_exec_ints(c, &Q_PURGE_FROM, 4, args);
	if (!err && k)
		err = store_exec_ints(c, &Q_PURGE_READ, 2, args + 1);
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	err = store_tx_commit(c);
	if (!err)
		*n += k;
	return err;
}

enum ent_err comm_notify_purge(struct store_conn *c, int64_t cutoff, int64_t *n)
{
	int64_t last = 0, upto = 0;
	enum ent_err err = comm_q_int(c, &Q_PURGE_UPTO, 1, &cutoff, &upto);
	if (!err && !upto)
		return ENT_OK; /* no post is old enough */
	if (!err)
		err = comm_q_int(c, &Q_PURGE_LAST, 0, NULL, &last);
	for (int64_t lo = 0; !err && lo <= last; lo += PURGE_ACCOUNTS)
		err = purge_group(c, cutoff, upto, lo, lo + PURGE_ACCOUNTS - 1, n);
	return err;
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
