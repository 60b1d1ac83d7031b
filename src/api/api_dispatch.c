/*
 * api_dispatch.c - the request pipeline shared by every route: routing, session, the policy
 * decision, body validation, handler, problem responses. See api.h for the order.
 * Not responsible for: what a route does (api_<resource>.c) or who may call it (the table in
 * api_routes.c, decided by policy_check()).
 */
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/api.h"
#include "api/api_handlers.h"
#include "core/clock.h"
#include "core/log.h"

#define MAX_ROUTES 512

static int route_metric[MAX_ROUTES];
static int metric_static = -1, metric_spa = -1, metric_unmatched = -1;

/* The routes by the byte after "/api/v1/" (ASCII; 0: the patterns that do not start so, or
 * have a parameter there), each bucket in the table's order: a request walks its bucket and
 * bucket 0 merged, about ten patterns. Walking all ~160 was ~10 k instructions a request, a
 * tenth of a cached thread page's (callgrind, issue 13). */
#define ROUTE_PREFIX "/api/v1/"
#define ROUTE_PREFIX_LEN (sizeof ROUTE_PREFIX - 1)
static uint16_t route_order[MAX_ROUTES];
static uint16_t route_start[129];
static pthread_once_t route_once = PTHREAD_ONCE_INIT;

static unsigned route_key(const char *s)
{
	if (strncmp(s, ROUTE_PREFIX, ROUTE_PREFIX_LEN) != 0)
		return 0;
	unsigned char c = (unsigned char)s[ROUTE_PREFIX_LEN];
	return c == '{' || c >= 128 ? 0 : c;
}

static void route_index(void)
{
	size_t n = api_n_routes < MAX_ROUTES ? api_n_routes : MAX_ROUTES;
	uint16_t count[129] = {0};
	for (size_t i = 0; i < n; i++)
		count[route_key(api_routes[i].pattern) + 1]++;
	for (unsigned k = 1; k < 129; k++)
		count[k] += count[k - 1];
	memcpy(route_start, count, sizeof route_start);
	for (size_t i = 0; i < n; i++)
		route_order[count[route_key(api_routes[i].pattern)]++] = (uint16_t)i;
}

int api_route_find(const char *method, const char *path, bool *path_known,
		   struct http_params *params)
{
	pthread_once(&route_once, route_index);
	*path_known = false;
	unsigned k = route_key(path);
	const uint16_t *a = route_order + route_start[k], *a_end = route_order + route_start[k + 1];
	const uint16_t *g = route_order + route_start[0], *g_end = route_order + route_start[1];
	if (k == 0)
		a = a_end; /* bucket 0 is g */
	while (a < a_end || g < g_end) {
		size_t i = g == g_end || (a < a_end && *a < *g) ? *a++ : *g++;
		if (!http_path_match(api_routes[i].pattern, path, params))
			continue;
		if (strcmp(api_routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(api_routes[i].method, "GET") == 0))
			return (int)i;
		*path_known = true;
	}
	return -1;
}

enum ent_err api_app_open(struct api_app *app, const struct config *cfg)
{
	app->cfg = *cfg;
	enum ent_err err = auth_limiter_new(4096, 10, 15 * 60, &app->login_account);
	if (!err)
		err = auth_limiter_new(4096, 30, 15 * 60, &app->login_addr);
	if (!err)
		err = auth_limiter_new(4096, cfg->signup_limit ? cfg->signup_limit : 1, 3600,
				       &app->signup_addr);
	if (!err)
		err = auth_limiter_new(4096, cfg->upload_limit ? cfg->upload_limit : 1, 3600,
				       &app->upload_count);
	if (!err)
		err = auth_limiter_new(4096, cfg->upload_mb ? cfg->upload_mb * 1024u : 1024u, 3600,
				       &app->upload_kb);
	if (!err)
		err = auth_limiter_new(4096, 10, 3600, &app->reset_addr);
	if (!err)
		err = auth_limiter_new(4096, 3, 3600, &app->reset_account);
	if (!err)
		err = api_limits_open(app);
	if (err)
		return err;
	for (size_t i = 0; i < api_n_routes && i < MAX_ROUTES; i++)
		route_metric[i] = http_metrics_register(api_routes[i].method, api_routes[i].pattern);
	metric_static = http_metrics_register("GET", "/static/{file}");
	metric_spa = http_metrics_register("GET", "/{spa}");
	metric_unmatched = http_metrics_register("*", "unmatched");
	return api_n_routes <= MAX_ROUTES ? ENT_OK : ENT_EINTERNAL;
}

void api_app_close(struct api_app *app)
{
	auth_limiter_free(app->login_account);
	auth_limiter_free(app->login_addr);
	auth_limiter_free(app->signup_addr);
	auth_limiter_free(app->upload_count);
	auth_limiter_free(app->upload_kb);
	auth_limiter_free(app->reset_addr);
	auth_limiter_free(app->reset_account);
	app->reset_addr = app->reset_account = NULL;
	app->login_account = app->login_addr = app->signup_addr = NULL;
	app->upload_count = app->upload_kb = NULL;
	api_limits_close(app);
}

static bool is_reserved(const char *path)
{
	static const char *const prefixes[] = {"/api/", "/healthz", "/metrics", "/.well-known/",
					       "/problems/"};
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(path, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return strcmp(path, "/api") == 0;
}

void api_begin(struct http_req *r, void *ctx)
{
	(void)ctx;
	api_writer_count_request();
	bool known;
	int i = api_route_find(r->method, r->path, &known, &r->params);
	r->metric = metric_unmatched;
	if (i >= 0) {
		const struct api_route *rt = &api_routes[i];
		r->route = rt;
		r->route_name = rt->pattern;
		r->metric = route_metric[i];
		r->body_max = rt->body_max ? rt->body_max : HTTP_BODY_DEFAULT;
	} else if (!is_reserved(r->path) &&
		   (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD"))) {
		bool st = strncmp(r->path, "/static/", 8) == 0;
		r->route_name = st ? "/static/{file}" : "/{spa}";
		r->metric = st ? metric_static : metric_spa;
		r->body_max = 0;
	} else if (known) {
		r->route_name = "method-not-allowed";
	}
}

enum ent_err api_invalid(struct api_req *q, const char *field, const char *reason)
{
	if (q && q->n_errors < API_MAX_ERRORS) {
		q->errors[q->n_errors].field = field;
		q->errors[q->n_errors].reason = reason;
		q->n_errors++;
	}
	return ENT_EINVAL;
}

/* Appends text[0..len) to dst (cap bytes with its NUL), cut at a UTF-8 character boundary. */
static void append_utf8(char *dst, size_t cap, const char *text, size_t len)
{
	size_t at = strlen(dst);
	if (at + 1 >= cap)
		return;
	size_t n = len < cap - 1 - at ? len : cap - 1 - at;
	while (n && n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	memcpy(dst + at, text, n);
	dst[at + n] = '\0';
}

enum ent_err api_invalid_found(struct api_req *q, const char *field, const char *reason,
			       const char *text, size_t len)
{
	if (!q)
		return ENT_EINVAL;
	for (size_t i = 0; i < q->n_errors; i++) {
		if (!strcmp(q->errors[i].field, field) && !strcmp(q->errors[i].reason, reason)) {
			append_utf8(q->found[i], sizeof q->found[i], ", ", 2);
			append_utf8(q->found[i], sizeof q->found[i], text, len);
			return ENT_EINVAL;
		}
	}
	if (q->n_errors < API_MAX_ERRORS) {
		q->found[q->n_errors][0] = '\0';
		append_utf8(q->found[q->n_errors], sizeof q->found[q->n_errors], text, len);
	}
	return api_invalid(q, field, reason);
}

const char *api_str(struct api_req *q, const char *name, size_t *len)
{
	return q->body ? json_str(q->body, name, len) : NULL;
}

void api_reply(struct api_req *q, int status, struct buf *b)
{
	if (buf_err(b)) {
		buf_clear(b);
		http_problem(q->http, "internal", q->lang, NULL);
		return;
	}
	http_reply_json(q->http, status, b);
	q->http->is_api = true;
}

enum ent_err api_reply_or_drop(struct api_req *q, struct buf *b, enum ent_err err)
{
	if (err) {
		buf_clear(b);
		return err;
	}
	api_reply(q, 200, b);
	return ENT_OK;
}

const char *api_cookie_name(const struct api_app *app)
{
	return app->cfg.trust_proxy_tls ? "__Host-entraide_session" : "entraide_session";
}

enum ent_err api_set_cookie(struct api_req *q, const char *token)
{
	char v[256];
	snprintf(v, sizeof v, "%s=%s; HttpOnly; SameSite=Strict; Path=/; Max-Age=%d%s",
		 api_cookie_name(q->app), token ? token : "", token ? API_SESSION_TTL : 0,
		 q->app->cfg.trust_proxy_tls ? "; Secure" : "");
	return http_add_header(q->http, "Set-Cookie", v);
}

/*
 * Session cache. Sessions looked up in the last second are kept, so that a page view's few
 * requests, and many members at once, do not take a database read each. Only GET and HEAD
 * requests use it; every other method reads the database, and every such request in this
 * process invalidates the whole cache (session_gen), so log-out, password change, deletion
 * or a role change are seen at once - except the routes marked API_KEEPS_SESSIONS (replies,
 * read marks, reactions...), which change no account, session or role. A change made by
 * another process (the admin CLI, another node) is seen by reads within SESSION_CACHE_NS.
 */
#define SESSION_CACHE_SLOTS 16
#define SESSION_CACHE_NS 1000000000ull
/* Sessions without granted roles (members: most of them) are kept by the whole process in
 * compact entries of 128 bytes (no password hash), 1,024 sets of 4: 512 KiB for 4,096
 * sessions. Each HTTP thread kept 512 of its own before: with 2,000 members reading
 * (bench/members) a slot was taken by another member before its owner came back, and the
 * look-ups were 7.6 % of the mixed load's CPU; a browser's connections also land on
 * different threads (http_accept.c). Sessions with granted roles (3.7 KB each) keep 16 full
 * slots per thread. */
#define MEMBER_SETS 1024
#define MEMBER_WAYS 4
#define MEMBER_LOCKS 64

struct session_cached {
	unsigned char hash[AUTH_HASH_BYTES];
	uint64_t at_ns, gen;
	int64_t expires_at;
	struct api_session s; /* without the token */
};

struct member_cached {
	unsigned char hash[AUTH_HASH_BYTES];
	uint64_t at_ns, gen;
	int64_t expires_at, id, account_id, created_at;
	unsigned roles;
	bool suspended;
	char locale[sizeof ((struct store_account *)0)->locale];
	char handle[STORE_HANDLE_MAX + 1];
};

_Static_assert(sizeof(struct member_cached) <= 128, "a member's entry stays compact");

static atomic_uint_fast64_t session_gen = 1;
static _Thread_local struct session_cached session_cache[SESSION_CACHE_SLOTS];
static struct member_cached member_cache[MEMBER_SETS][MEMBER_WAYS];
static pthread_mutex_t member_locks[MEMBER_LOCKS];
static pthread_once_t member_once = PTHREAD_ONCE_INIT;

static void member_locks_init(void)
{
	for (size_t i = 0; i < MEMBER_LOCKS; i++)
		pthread_mutex_init(&member_locks[i], NULL);
}

static bool is_read(const char *method)
{
	return !strcmp(method, "GET") || !strcmp(method, "HEAD");
}

/* The token hash is a cryptographic hash: any of its bytes are uniform. */
static size_t member_set(const unsigned char *hash)
{
	return ((size_t)hash[1] << 8 | hash[2]) % MEMBER_SETS;
}

static pthread_mutex_t *member_lock(size_t set)
{
	pthread_once(&member_once, member_locks_init);
	return &member_locks[set % MEMBER_LOCKS];
}

static bool fresh(uint64_t at_ns, uint64_t gen, int64_t expires_at, const unsigned char *held,
		  const unsigned char *hash, int64_t now)
{
	return at_ns && gen == atomic_load(&session_gen) && clock_mono_ns() - at_ns < SESSION_CACHE_NS &&
	       expires_at > now && sodium_memcmp(held, hash, AUTH_HASH_BYTES) == 0;
}

static bool member_get(struct api_req *q, const unsigned char *hash, int64_t now, int64_t *expires)
{
	size_t set = member_set(hash);
	bool hit = false;
	pthread_mutex_t *mu = member_lock(set);
	pthread_mutex_lock(mu);
	for (size_t w = 0; w < MEMBER_WAYS && !hit; w++) {
		const struct member_cached *m = &member_cache[set][w];
		if (!fresh(m->at_ns, m->gen, m->expires_at, m->hash, hash, now))
			continue;
		q->s.id = m->id;
		q->s.account = (struct store_account){.id = m->account_id, .suspended = m->suspended,
						      .created_at = m->created_at};
		memcpy(q->s.account.locale, m->locale, sizeof m->locale);
		memcpy(q->s.account.handle, m->handle, sizeof m->handle);
		q->s.roles = m->roles;
		q->s.n_granted = 0;
		*expires = m->expires_at;
		hit = true;
	}
	pthread_mutex_unlock(mu);
	return hit;
}

/* Into the way that holds this session already, else the oldest of the set. */
static void member_put(const struct api_session *s, const unsigned char *hash, int64_t expires,
		       uint64_t gen)
{
	size_t set = member_set(hash);
	pthread_mutex_t *mu = member_lock(set);
	pthread_mutex_lock(mu);
	struct member_cached *m = &member_cache[set][0];
	for (size_t w = 0; w < MEMBER_WAYS; w++) {
		struct member_cached *c = &member_cache[set][w];
		if (!memcmp(c->hash, hash, AUTH_HASH_BYTES)) {
			m = c;
			break;
		}
		if (c->at_ns < m->at_ns)
			m = c;
	}
	memcpy(m->hash, hash, AUTH_HASH_BYTES);
	m->id = s->id;
	m->account_id = s->account.id;
	m->created_at = s->account.created_at;
	m->suspended = s->account.suspended;
	memcpy(m->locale, s->account.locale, sizeof m->locale);
	memcpy(m->handle, s->account.handle, sizeof m->handle);
	m->roles = s->roles;
	m->expires_at = expires;
	m->gen = gen;
	m->at_ns = clock_mono_ns();
	pthread_mutex_unlock(mu);
}

/* Fills q->s from the cache; false when absent, stale or invalidated. */
static bool cache_get(struct api_req *q, const unsigned char *hash, int64_t now, int64_t *expires)
{
	if (member_get(q, hash, now, expires))
		return true;
	struct session_cached *c = &session_cache[hash[0] % SESSION_CACHE_SLOTS];
	if (!fresh(c->at_ns, c->gen, c->expires_at, c->hash, hash, now))
		return false;
	unsigned char token[AUTH_TOKEN_BYTES];
	memcpy(token, q->s.token, sizeof token);
	q->s = c->s;
	memcpy(q->s.token, token, sizeof token);
	*expires = c->expires_at;
	return true;
}

static void cache_put(const struct api_session *s, const unsigned char *hash, int64_t expires,
		      uint64_t gen)
{
	if (!s->n_granted) {
		member_put(s, hash, expires, gen);
		return;
	}
	struct session_cached *c = &session_cache[hash[0] % SESSION_CACHE_SLOTS];
	memcpy(c->hash, hash, AUTH_HASH_BYTES);
	c->s = *s;
	sodium_memzero(c->s.token, sizeof c->s.token);
	c->expires_at = expires;
	c->gen = gen;
	c->at_ns = clock_mono_ns();
}

/* Reads the session cookie; a missing, malformed, unknown or expired one is no session. */
static enum ent_err load_session(struct api_req *q)
{
	const char *cookie = http_cookie(q->http, api_cookie_name(q->app));
	if (!cookie)
		return ENT_OK;
	struct api_session *s = &q->s;
	if (auth_token_parse(cookie, strlen(cookie), s->token) != ENT_OK)
		return ENT_OK;
	unsigned char hash[AUTH_HASH_BYTES];
	auth_token_hash(s->token, hash);
	int64_t now = clock_now();
	int64_t expires = 0;
	enum ent_err err = ENT_OK;
	if (!is_read(q->http->method) || !cache_get(q, hash, now, &expires)) {
		uint64_t gen = atomic_load(&session_gen); /* before the read: a later write wins */
		struct store_session ss;
		err = store_session_find(q->db, hash, sizeof hash, now, &ss);
		if (err == ENT_ENOTFOUND)
			return ENT_OK;
		if (err)
			return err;
		s->id = ss.id;
		s->account = ss.account;
		s->roles = ROLE_MEMBER;
		s->n_granted = 0;
		s->totp_missing = false;
		if (ss.has_roles) {
			err = api_load_roles(q->db, s);
			if (!err)
				err = api_twofa_gate(q->db, q->app->keys, s);
			if (err)
				return err;
		}
		expires = ss.expires_at;
		cache_put(s, hash, expires, gen);
	}
	q->has_session = true;
	q->lang = strcmp(s->account.locale, "en") == 0 ? HTTP_LANG_EN : HTTP_LANG_FR;
	/* Sliding expiry, written at most once an hour per session, and only by a request that
	 * writes anyway: a read never writes (issue 13). A member who reads posts what was seen
	 * (POST /threads/{id}/read), which renews it. */
	if (!is_read(q->http->method) && expires - now < API_SESSION_TTL - 3600) {
		err = store_session_touch(q->db, s->id, now + API_SESSION_TTL);
		if (!err) {
			cache_put(s, hash, now + API_SESSION_TTL, atomic_load(&session_gen));
			err = api_set_cookie(q, cookie);
		}
	}
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

/* application/json or application/<x>+json, parameters allowed. */
static bool is_json_type(const char *ct)
{
	if (!ct)
		return false;
	size_t n = strcspn(ct, ";");
	while (n && ct[n - 1] == ' ')
		n--;
	if (n == 16 && strncasecmp(ct, "application/json", 16) == 0)
		return true;
	return n > 17 && strncasecmp(ct, "application/", 12) == 0 &&
	       strncasecmp(ct + n - 5, "+json", 5) == 0 && !memchr(ct, ' ', n);
}

/* ct (parameters ignored) is one of the space-separated types of list. */
static bool is_listed_type(const char *ct, const char *list)
{
	if (!ct)
		return false;
	size_t n = strcspn(ct, "; ");
	while (*list) {
		size_t m = strcspn(list, " ");
		if (m == n && n && strncasecmp(ct, list, n) == 0)
			return true;
		list += m;
		list += strspn(list, " ");
	}
	return false;
}

static enum ent_err read_body(struct api_req *q)
{
	struct http_req *r = q->http;
	if (q->route->flags & API_RAW_IMAGE) { /* the handler takes r->body as it is */
		if (r->body.len && !is_listed_type(http_header(r, "Content-Type"), API_RAW_IMAGE_TYPES)) {
			q->slug = "unsupported-media-type";
			return ENT_EFORMAT;
		}
		return ENT_OK;
	}
	if (!q->route->fields) {
		return r->body.len ? api_invalid(q, "", "no-body-expected") : ENT_OK;
	}
	/* A JSON body must say so: a cross-site form can only send form or text types without a
	 * CORS preflight (which is never granted), so this also shuts out log-in CSRF. */
	if (r->body.len && !is_json_type(http_header(r, "Content-Type"))) {
		q->slug = "unsupported-media-type";
		return ENT_EFORMAT;
	}
	enum ent_err err = json_parse_bounded(r->body.p ? r->body.p : "", r->body.len,
					      API_JSON_DEPTH, &q->body);
	if (err)
		return err;
	err = json_validate(q->body, q->route->fields, q->errors, API_MAX_ERRORS, &q->n_errors);
	return err;
}

static void render_problem(struct api_req *q, enum ent_err err)
{
	const char *slug = q->slug ? q->slug : http_problem_slug(err);
	struct buf extra;
	buf_init(&extra, 8192);
	if (err == ENT_EINVAL && q->n_errors) {
		buf_puts(&extra, "\"errors\":[");
		for (size_t i = 0; i < q->n_errors; i++) {
			buf_puts(&extra, i ? ",{\"field\":" : "{\"field\":");
			buf_json_cstr(&extra, q->errors[i].field);
			buf_puts(&extra, ",\"reason\":");
			buf_json_cstr(&extra, q->errors[i].reason);
			if (q->found[i][0]) {
				buf_puts(&extra, ",\"found\":");
				buf_json_cstr(&extra, q->found[i]);
			}
			buf_putc(&extra, '}');
		}
		buf_putc(&extra, ']');
	}
	if (q->problem_more[0]) {
		if (extra.len)
			buf_putc(&extra, ',');
		buf_puts(&extra, q->problem_more);
	}
	if (!strcmp(slug, "internal")) {
		char m[128];
		snprintf(m, sizeof m, "\"err\":\"%s\",\"route\":\"%s\"", ent_errname(err),
			 q->route ? q->route->pattern : "");
		log_line(LOG_ERROR, "request failed", m);
	}
	http_problem(q->http, slug, q->lang, buf_err(&extra) ? NULL : extra.p);
	buf_clear(&extra);
	if (err == ENT_ERATE || err == ENT_EBUSY) {
		char v[24];
		snprintf(v, sizeof v, "%u", q->retry_after ? q->retry_after : err == ENT_EBUSY ? 5 : 60);
		http_add_header(q->http, "Retry-After", v);
	}
}

static void handle_unrouted(struct api_req *q)
{
	struct http_req *r = q->http;
	struct api_app *app = q->app;
	if (!strcmp(r->route_name, "method-not-allowed")) {
		http_problem(r, "method-not-allowed", q->lang, NULL);
		return;
	}
	if (!is_reserved(r->path) && (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD"))) {
		/* The shell's <html lang> is the account's language once logged in: a session
		 * cookie is read for pages (never for /static/ files). An unknown or failing
		 * session leaves Accept-Language's choice. */
		if (strncmp(r->path, "/static/", 8) != 0 && http_cookie(r, api_cookie_name(app)) &&
		    store_conn_get(app->store, &q->db) == ENT_OK)
			(void)load_session(q);
		if (http_static_serve(r, app->cfg.web[0] ? app->cfg.web : NULL, q->lang, q->has_session) == ENT_OK)
			return;
	}
	http_problem(r, "not-found", q->lang, NULL);
}

void api_handle(struct http_req *r, void *ctx)
{
	struct api_app *app = ctx;
	struct api_req q = {.http = r};
	q.app = app;
	q.route = r->route;
	q.lang = http_lang_from_accept(http_header(r, "Accept-Language"));
	if (!q.route) {
		handle_unrouted(&q);
		return;
	}
	r->is_api = true;
	enum ent_err err = store_conn_get(app->store, &q.db);
	bool read_tx = false;
	if (!err && (q.route->flags & API_READ_TX) && is_read(r->method))
		read_tx = !(err = store_read_begin(q.db));
	if (!err)
		err = load_session(&q);
	if (!err) {
		struct policy_caller who = {
			.roles = q.has_session ? q.s.roles : ROLE_ANON,
			.has_session = q.has_session,
			.csrf_ok = false,
		};
		if (q.has_session) {
			const char *t = http_header(r, "X-CSRF-Token");
			who.csrf_ok = t && auth_csrf_ok(app->keys, q.s.token, t, strlen(t));
		}
		err = policy_check(q.route->roles, q.route->flags, &who);
	}
	if (!err)
		err = read_body(&q);
	/* every write of an account takes from its budget (api_limits.c); a request resumed
	 * after its asynchronous work (r->async) was counted when it came in */
	if (!err && q.has_session && !is_read(r->method) && !r->async)
		err = api_limit_write(&q);
	if (!err)
		err = q.route->handler(&q);
	if (read_tx)
		store_read_end(q.db);
	if (!is_read(r->method) && !(q.route->flags & API_KEEPS_SESSIONS))
		atomic_fetch_add(&session_gen, 1); /* see the session cache above */
	if (err)
		render_problem(&q, err);
	json_decref(q.body);
}
