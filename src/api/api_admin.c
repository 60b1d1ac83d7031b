/* api_admin.c - administrator routes: the list of accounts (no e-mail addresses). */
#include <time.h>

#include "api/api_handlers.h"

struct list_ctx {
	struct store_conn *db;
	struct buf *b;
	bool first;
	enum ent_err err;
};

static void one(const struct store_account *a, void *arg)
{
	struct list_ctx *c = arg;
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	enum ent_err err = store_roles_of(c->db, a->id, roles, STORE_ROLES_MAX, &n);
	if (err && !c->err)
		c->err = err;
	struct buf *b = c->b;
	buf_puts(b, c->first ? "{\"handle\":" : ",{\"handle\":");
	c->first = false;
	buf_json_cstr(b, a->handle);
	buf_puts(b, ",\"roles\":[\"member\"");
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, ",");
		buf_json_cstr(b, roles[i].role);
	}
	struct tm tm;
	time_t t = (time_t)a->created_at;
	gmtime_r(&t, &tm);
	buf_printf(b, "],\"locale\":\"%s\",\"suspended\":%s,\"created_at\":\"%04d-%02d-%02dT%02d:%02d:%02dZ\"}",
		   a->locale, a->suspended ? "true" : "false", tm.tm_year + 1900, tm.tm_mon + 1,
		   tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

enum ent_err api_admin_accounts(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 8 * 1024 * 1024);
	struct list_ctx c = {q->db, &b, true, ENT_OK};
	buf_puts(&b, "{\"accounts\":[");
	enum ent_err err = store_account_each(q->db, one, &c);
	if (!err)
		err = c.err;
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_puts(&b, "]}");
	api_reply(q, 200, &b);
	return ENT_OK;
}
