/*
 * api_notification.c - following a thread, unread counts, and the notifications of replies
 * inside entraide (nothing is sent out by e-mail or push: R6).
 * Unread counts are counters kept on write: the moderation rows' counter (0101) plus the
 * followed threads' cursors (0103); reply notifications are read from the followed threads,
 * no row per follower (0104). Reading a thread writes nothing: the page tells the server what was read (POST
 * /api/v1/threads/{id}/read), and those marks are written in batches (api_read.c, api_writer.c).
 * Not responsible for: the rows (comm_notify_store.h).
 */
#include <string.h>

#include "api/api_community.h"
#include "community/comm_notify_store.h"
#include "core/clock.h"

static enum ent_err follow(struct api_req *q, bool on)
{
	struct comm_space s;
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = comm_space_of_thread(q, id, &s, NULL, 0);
	if (!err)
		err = on ? comm_follow_add(q->db, q->s.account.id, id)
			 : comm_follow_remove(q->db, q->s.account.id, id);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"thread\":%lld,\"following\":%s}", (long long)id, on ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_follow_put(struct api_req *q)
{
	return follow(q, true);
}

enum ent_err api_follow_delete(struct api_req *q)
{
	return follow(q, false);
}

static void write_notification(const struct comm_notification *n, void *arg)
{
	struct comm_list *l = arg;
	char c[CLOCK_ISO_LEN];
	clock_iso(n->created_at, c);
	comm_list_item(l, n->id);
	buf_puts(l->b, ",\"kind\":");
	buf_json_cstr(l->b, n->kind);
	buf_printf(l->b, ",\"thread\":{\"id\":%lld,\"title\":", (long long)n->thread);
	buf_json_cstr(l->b, n->thread_title);
	buf_printf(l->b, "},\"post\":%lld,\"created_at\":\"%s\",\"read\":%s}", (long long)n->post, c,
		   n->read ? "true" : "false");
}

static void write_followed(const struct comm_followed *f, void *arg)
{
	struct comm_list *l = arg;
	buf_printf(l->b, "%s{\"thread\":%lld,\"title\":", l->n++ ? "," : "", (long long)f->thread);
	buf_json_cstr(l->b, f->title);
	buf_printf(l->b, ",\"unread\":%lld}", (long long)f->unread);
}

struct followed_list {
	struct comm_list l;
	int64_t unread; /* the sum over the list */
};

static void add_followed(const struct comm_followed *f, void *arg)
{
	struct followed_list *fl = arg;
	fl->unread += f->unread;
	write_followed(f, &fl->l);
}

enum ent_err api_notifications_list(struct api_req *q)
{
	int64_t before, limit, unread = 0, account = q->s.account.id;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (err)
		return err;
	/* Some 50 statements (one per followed thread with news): one read transaction. */
	if ((err = store_read_begin(q->db)))
		return err;
	/* The followed threads first: when they are all in the list, their counts make the
	 * unread total, and the follows are not walked once more for it (issue 13). */
	struct buf fb;
	buf_init(&fb, 256 * 1024);
	struct followed_list fl = {.l = {.b = &fb}};
	err = comm_followed_each(q->db, account, add_followed, &fl);
	if (!err && fl.l.n < COMM_FOLLOWED_MAX) {
		err = comm_unread_moderation(q->db, account, &unread);
		unread += fl.unread;
	} else if (!err) {
		err = comm_unread_count(q->db, account, &unread);
	}
	struct buf b;
	buf_init(&b, 1024 * 1024);
	if (!err) {
		buf_reserve(&b, 4096 + fb.len);
		buf_printf(&b, "{\"unread\":%lld,\"notifications\":[", (long long)unread);
		struct comm_list l = {.b = &b};
		err = comm_notifications_each(q->db, account, before, limit, write_notification, &l);
		buf_puts(&b, "],\"next\":");
		if (l.n == limit)
			buf_printf(&b, "%lld", (long long)l.last);
		else
			buf_puts(&b, "null");
		buf_puts(&b, ",\"following\":[");
		buf_append(&b, fb.p, fb.len);
		buf_puts(&b, "]}");
	}
	store_read_end(q->db);
	if (!err)
		err = buf_err(&fb) ? buf_err(&fb) : buf_err(&b);
	buf_clear(&fb);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}
