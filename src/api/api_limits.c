/*
 * api_limits.c - per-account budgets of writes (issue 17: one member sent 300 posts, 100 desk
 * requests and reported the same post 12 times in seconds without a 429).
 *
 * Every write of a logged-in account (POST, PUT, PATCH, DELETE) takes one unit from a budget
 * of that account, chosen by route; a spent budget answers 429 rate-limited with Retry-After
 * (the seconds until its window ends). The budgets are far above what a person does and far
 * below what a script does:
 *
 *   posts           30 per 10 minutes: threads, replies, edits, desk messages, public
 *                   messages to institutions, cases and their answers
 *   desk requests   10 per hour
 *   reports         20 per hour (and one per member per post: comm_report_add)
 *   draft checks    60 per minute (the compose form asks while the member types, debounced)
 *   other writes   120 per minute (follows, reactions, read marks, settings, moderation...)
 *
 * Views and clicks of prevention campaigns (POST /api/v1/campaigns/{id}/seen, open to
 * visitors: issue 21) have their own, per campaign and kind, so that a script cannot inflate
 * the figures an institution reads:
 *
 *   per account        6 views and 6 clicks of a campaign per hour
 *   per client address 30 views and 30 clicks of a campaign per hour, for visitors (a school,
 *                      a family or a workplace share one address)
 *
 * Past them, 429 and nothing is counted (the page ignores the answer). Like every limiter,
 * the keys are hashed, and kept in memory (in the database, still hashed, when several nodes
 * share it: below): no table of who saw what.
 *
 * Picture uploads have their own budgets (upload_limit, upload_mb: api_image.c), log-in its
 * own limits (api_account.c); logging out and deleting one's account are never refused. The
 * setting write_limits scales every budget (0 turns them off; benchmarks raise it).
 * Windows are fixed, per account (auth_limiter): a budget is whole again when its window ends.
 * On a shared database (PostgreSQL, several nodes: issue 16) every limiter of the instance,
 * these and the log-in, sign-up, reset and upload ones, counts in the database (rate_limits,
 * store_limit.h), so that a limit holds across nodes; on SQLite they stay in memory.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "api/api_handlers.h"
#include "core/clock.h"
#include "core/log.h"
#include "store/store_limit.h"

enum kind { K_POST, K_DESK, K_REPORT, K_CHECK, K_WRITE, K_NONE = -1 };

static const struct {
	unsigned max, window;
} budgets[API_LIMIT_KINDS] = {
	[K_POST] = {30, 600},
	[K_DESK] = {10, 3600},
	[K_REPORT] = {20, 3600},
	[K_CHECK] = {60, 60},
	[K_WRITE] = {120, 60},
};

static const struct {
	const char *method, *pattern;
	enum kind kind;
} routes[] = {
	{"POST", "/api/v1/spaces/{slug}/threads", K_POST},
	{"POST", "/api/v1/threads/{id}/posts", K_POST},
	{"PATCH", "/api/v1/posts/{id}", K_POST},
	{"POST", "/api/v1/desk/requests/{id}/messages", K_POST},
	{"POST", "/api/v1/institutions/{slug}/complaints", K_POST},
	{"POST", "/api/v1/cases", K_POST},
	{"POST", "/api/v1/cases/{id}/answers", K_POST},
	{"POST", "/api/v1/institutions/{slug}/desk/requests", K_DESK},
	{"POST", "/api/v1/posts/{id}/reports", K_REPORT},
	{"POST", "/api/v1/spaces/{slug}/check", K_CHECK},
	{"POST", "/api/v1/media", K_NONE},      /* upload_limit, upload_mb */
	{"POST", "/api/v1/session", K_NONE},    /* log-in limits */
	{"DELETE", "/api/v1/session", K_NONE},  /* logging out */
	{"DELETE", "/api/v1/me", K_NONE},       /* deleting one's account */
};

#define SEEN_ACCOUNT_MAX 6
#define SEEN_ADDR_MAX 30
#define SEEN_WINDOW 3600

/* max scaled by the setting write_limits, bounded */
static unsigned scaled(const struct api_app *app, unsigned max)
{
	return app->cfg.write_limits > 4000000u / max ? 4000000u : max * app->cfg.write_limits;
}

/* --- several nodes (issue 16): the counts in the database (store_limit.h) --- */

#define PURGE_EVERY 1024  /* counts between two purges of ended windows, per process */
#define PURGE_AGE 86400   /* longer than any window */

static enum ent_err shared_take(void *ctx, const char *name, const unsigned char h[16],
				int64_t now, unsigned window, unsigned max, unsigned n,
				unsigned *wait)
{
	static atomic_uint counted;
	const struct api_app *app = ctx;
	struct store_conn *c;
	enum ent_err err = store_conn_get(app->store, &c);
	if (!err)
		err = store_limit_take(c, name, h, now, window, max, n, wait);
	if (!err && n && atomic_fetch_add(&counted, 1) % PURGE_EVERY == PURGE_EVERY - 1 &&
	    store_limit_purge(c, now - PURGE_AGE, NULL))
		log_line(LOG_WARN, "rate limits not purged", NULL);
	if (err)
		log_err("shared rate limit not counted", err, NULL);
	return err;
}

static enum ent_err shared_reset(void *ctx, const char *name, const unsigned char h[16])
{
	const struct api_app *app = ctx;
	struct store_conn *c;
	enum ent_err err = store_conn_get(app->store, &c);
	if (!err)
		err = store_limit_reset(c, name, h);
	if (err)
		log_err("shared rate limit not reset", err, NULL);
	return err;
}

static struct auth_limiter_shared shared = {shared_take, shared_reset, NULL};

/* Every limiter of app counts in the database when several nodes share it; SQLite keeps
 * them in memory (one serving process, no statement per request). */
static void share(struct api_app *app)
{
	if (!app->store || !app->keys || !store_shared(app->store))
		return;
	shared.ctx = app;
	static const char *const names[API_LIMIT_KINDS] = {"write.post", "write.desk",
							   "write.report", "write.check",
							   "write.other"};
	const struct {
		struct auth_limiter *l;
		const char *name;
	} all[] = {
		{app->login_account, "login.account"}, {app->login_addr, "login.addr"},
		{app->signup_addr, "signup.addr"},     {app->upload_count, "upload.count"},
		{app->upload_kb, "upload.kb"},         {app->reset_addr, "reset.addr"},
		{app->reset_account, "reset.account"}, {app->seen_account, "seen.account"},
		{app->seen_addr, "seen.addr"},
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (all[i].l)
			auth_limiter_share(all[i].l, all[i].name, &shared, app->keys);
	for (size_t k = 0; k < API_LIMIT_KINDS; k++)
		if (app->writes[k])
			auth_limiter_share(app->writes[k], names[k], &shared, app->keys);
}

static enum ent_err budgets_open(struct api_app *app)
{
	if (!app->cfg.write_limits)
		return ENT_OK;
	for (size_t k = 0; k < API_LIMIT_KINDS; k++) {
		enum ent_err err = auth_limiter_new(4096, scaled(app, budgets[k].max),
						    budgets[k].window, &app->writes[k]);
		if (err)
			return err;
	}
	enum ent_err err = auth_limiter_new(8192, scaled(app, SEEN_ACCOUNT_MAX), SEEN_WINDOW,
					    &app->seen_account);
	if (!err)
		err = auth_limiter_new(8192, scaled(app, SEEN_ADDR_MAX), SEEN_WINDOW, &app->seen_addr);
	return err;
}

enum ent_err api_limits_open(struct api_app *app)
{
	enum ent_err err = budgets_open(app);
	if (!err)
		share(app);
	return err;
}

void api_limits_close(struct api_app *app)
{
	for (size_t k = 0; k < API_LIMIT_KINDS; k++) {
		auth_limiter_free(app->writes[k]);
		app->writes[k] = NULL;
	}
	auth_limiter_free(app->seen_account);
	auth_limiter_free(app->seen_addr);
	app->seen_account = app->seen_addr = NULL;
}

enum ent_err api_limit_seen(struct api_req *q, int64_t id, bool click)
{
	struct auth_limiter *l = q->has_session ? q->app->seen_account : q->app->seen_addr;
	if (!l)
		return ENT_OK;
	char who[64], key[112];
	if (q->has_session)
		snprintf(who, sizeof who, "%lld", (long long)q->s.account.id);
	else
		http_client_key(q->http, who);
	int n = snprintf(key, sizeof key, "%s|%lld|%c", who, (long long)id, click ? 'c' : 'v');
	unsigned wait = auth_limiter_take(l, key, (size_t)n, clock_now(), 1);
	if (wait) {
		q->retry_after = wait;
		return ENT_ERATE;
	}
	return ENT_OK;
}

static enum kind kind_of(const struct api_route *r)
{
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (!strcmp(routes[i].method, r->method) && !strcmp(routes[i].pattern, r->pattern))
			return routes[i].kind;
	return K_WRITE;
}

enum ent_err api_limit_write(struct api_req *q)
{
	enum kind k = kind_of(q->route);
	if (k == K_NONE || !q->app->writes[k])
		return ENT_OK;
	char key[24];
	int n = snprintf(key, sizeof key, "%lld", (long long)q->s.account.id);
	unsigned wait = auth_limiter_take(q->app->writes[k], key, (size_t)n, clock_now(), 1);
	if (wait) {
		q->retry_after = wait;
		return ENT_ERATE;
	}
	return ENT_OK;
}
