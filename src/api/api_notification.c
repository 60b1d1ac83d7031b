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

/* The titles the followed list wrote, escaped: the page's notifications are replies in a few
 * of those threads (most of fifty entries in six or seven threads on bench/members' data),
 * and escaping each title again was a tenth of the page's instructions. Keyed by the thread's
 * id, not by the title's address: the store promises its strings only until each callback
 * returns (comm_notify_store.h), and a freed title's address may come back holding another. */
#define TITLE_MEMO 64

struct title_memo {
	size_t n, hit;
	struct {
		int64_t thread;
		size_t at, len; /* the escaped title in the followed list's buffer */
	} e[TITLE_MEMO];
};

/* The entries are written with buf_puts and buf_put_int: buf_printf's vsnprintf was a sixth
 * of a notifications page's instructions (callgrind, bench/members' data: 105 k of 620 k). */
static void write_notification(const struct comm_notification *n, struct comm_list *l,
			       struct title_memo *tm, const struct buf *fb)
{
	char c[CLOCK_ISO_LEN];
	clock_iso(n->created_at, c);
	comm_list_item(l, n->id);
	/* the kinds the store gives written as they are, anything else escaped */
	if (!strcmp(n->kind, "reply"))
		buf_puts(l->b, ",\"kind\":\"reply\"");
	else if (!strcmp(n->kind, "moderation"))
		buf_puts(l->b, ",\"kind\":\"moderation\"");
	else {
		buf_puts(l->b, ",\"kind\":");
		buf_json_cstr(l->b, n->kind);
	}
	buf_puts(l->b, ",\"thread\":{\"id\":");
	buf_put_int(l->b, n->thread);
	buf_puts(l->b, ",\"title\":");
	size_t i = tm->hit;
	if (i >= tm->n || tm->e[i].thread != n->thread)
		for (i = 0; i < tm->n && tm->e[i].thread != n->thread; i++)
			;
	if (i < tm->n && !buf_err(fb)) {
		tm->hit = i;
		buf_append(l->b, fb->p + tm->e[i].at, tm->e[i].len);
	} else {
		buf_json_cstr(l->b, n->thread_title);
	}
	buf_puts(l->b, "},\"post\":");
	buf_put_int(l->b, n->post);
	buf_puts(l->b, ",\"created_at\":\"");
	buf_puts(l->b, c);
	buf_puts(l->b, n->read ? "\",\"read\":true}" : "\",\"read\":false}");
}

static void write_followed(const struct comm_followed *f, struct comm_list *l,
			   struct title_memo *tm)
{
	buf_puts(l->b, l->n++ ? ",{\"thread\":" : "{\"thread\":");
	buf_put_int(l->b, f->thread);
	buf_puts(l->b, ",\"title\":");
	size_t at = l->b->len;
	buf_json_cstr(l->b, f->title);
	if (tm->n < TITLE_MEMO && f->title) {
		tm->e[tm->n].thread = f->thread;
		tm->e[tm->n].at = at;
		tm->e[tm->n++].len = l->b->len - at;
	}
	buf_puts(l->b, ",\"unread\":");
	buf_put_int(l->b, f->unread);
	buf_putc(l->b, '}');
}

/* The page's two lists, written as the store gives them (followed threads, then
 * notifications); the unread total comes last, so the body is put together after. */
struct page_lists {
	struct comm_list followed, notifications;
	struct title_memo titles;
};

static void on_followed(const struct comm_followed *f, void *arg)
{
	struct page_lists *pl = arg;
	write_followed(f, &pl->followed, &pl->titles);
}

static void on_notification(const struct comm_notification *n, void *arg)
{
	struct page_lists *pl = arg;
	write_notification(n, &pl->notifications, &pl->titles, pl->followed.b);
}

enum ent_err api_notifications_list(struct api_req *q)
{
	int64_t before, limit;
	enum ent_err err = api_page(q, "before", &before, &limit);
	if (err)
		return err;
	/* Some 50 statements (one per followed thread with news): one read transaction. */
	if ((err = store_read_begin(q->db)))
		return err;
	struct buf fb, nb;
	buf_init(&fb, 256 * 1024);
	buf_init(&nb, 512 * 1024);
	buf_reserve(&fb, 4096);
	buf_reserve(&nb, 8192);
	struct page_lists pl = {.followed = {.b = &fb}, .notifications = {.b = &nb}};
	struct comm_notification_page p = {
		.followed = on_followed, .notification = on_notification, .arg = &pl};
	err = comm_notifications_page(q->db, q->s.account.id, before, limit, &p);
	store_read_end(q->db);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	if (!err)
		err = buf_err(&fb) ? buf_err(&fb) : buf_err(&nb);
	if (!err) {
		buf_reserve(&b, 128 + nb.len + fb.len);
		buf_printf(&b, "{\"unread\":%lld,\"notifications\":[", (long long)p.unread);
		buf_append(&b, nb.p, nb.len);
		buf_puts(&b, "],\"next\":");
		if (pl.notifications.n == limit)
			buf_printf(&b, "%lld", (long long)pl.notifications.last);
		else
			buf_puts(&b, "null");
		buf_puts(&b, ",\"following\":[");
		buf_append(&b, fb.p, fb.len);
		buf_puts(&b, "]}");
		err = buf_err(&b);
	}
	buf_clear(&fb);
	buf_clear(&nb);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}
