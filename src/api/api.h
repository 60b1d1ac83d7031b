/*
 * api.h - the HTTP API: the route table, the request pipeline, and what handlers see.
 *
 * Every request goes through api_dispatch.c in this order: route match (404/405) -> session
 * from the cookie -> policy_check() with the route's declared roles and flags (401/403/csrf)
 * -> body parsed (depth-limited) and validated against the route's declared fields (400/422)
 * -> handler. A handler returns an enum ent_err; the pipeline turns errors into problem+json
 * through the one table in http_problem.c. Handlers see only validated fields.
 *
 * Adding a resource: write src/api/api_<resource>.c with its handlers and field tables,
 * declare them in api_handlers.h, add one line per route to api_routes.c, document the routes
 * in docs/openapi.json (a unit test compares both). See docs/architecture.md.
 */
#ifndef ENT_API_H
#define ENT_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/json.h"
#include "core/workq.h"
#include "http/http.h"
#include "policy/policy.h"
#include "rights/rights_retention.h"
#include "store/store.h"
#include "store/store_account.h"

#define API_SESSION_TTL (14 * 24 * 3600) /* sliding: renewed by log-in and writes, not reads */
#define API_JSON_DEPTH 8
#define API_MAX_ERRORS 8

struct img_pool;

/* What every handler can reach: configuration, database, keys, rate limiters, the picture
 * workers. */
#define API_LIMIT_KINDS 5 /* posts, desk requests, reports, draft checks, other writes */

struct api_app {
	struct config cfg;
	struct store *store;
	struct auth_keys *keys;
	struct auth_limiter *login_account; /* failures per login name */
	struct auth_limiter *login_addr;    /* failures per client address */
	struct auth_limiter *signup_addr;   /* sign-ups per client address */
	struct api_upkeep *upkeep;          /* serve's background thread (api_upkeep.c), or NULL */
	struct auth_limiter *upload_count;  /* picture uploads per account */
	struct auth_limiter *upload_kb;     /* kilobytes of pictures per account */
	struct img_pool *pool;              /* sandboxed picture workers; NULL = in process */
	struct api_writer *writer;          /* serve's writer thread (api_writer.c), or NULL */
	struct api_hasher *hasher;          /* serve's Argon2id threads (api_hasher.c), or NULL */
	struct auth_limiter *reset_addr;    /* password reset requests per client address */
	struct auth_limiter *reset_account; /* password reset e-mails per account */
	struct auth_limiter *writes[API_LIMIT_KINDS]; /* per-account write budgets (api_limits.c) */
	struct auth_limiter *seen_account; /* campaign views and clicks per account (api_limits.c) */
	struct auth_limiter *seen_addr;    /* ... per client address, for visitors */
};

/* --- per-account write budgets (api_limits.c) --- */

struct api_req;
enum ent_err api_limits_open(struct api_app *app);
void api_limits_close(struct api_app *app);
/* Takes one write from the caller's budget for the route (429 with Retry-After, through
 * ENT_ERATE, when it is spent). The pipeline calls it for every write with a session. */
enum ent_err api_limit_write(struct api_req *q);
/* Takes one view or click (click) of campaign id from the caller's budget: per account when
 * logged in, per client address for visitors (429 with Retry-After, through ENT_ERATE, when
 * it is spent; nothing is counted then). */
enum ent_err api_limit_seen(struct api_req *q, int64_t id, bool click);

struct api_session {
	int64_t id;
	unsigned char token[AUTH_TOKEN_BYTES];
	struct store_account account;
	unsigned roles;                        /* ROLE_MEMBER | granted roles */
	struct store_role granted[STORE_ROLES_MAX];
	size_t n_granted;
	bool totp_missing;                     /* staff roles held back: two-factor required, off */
};

struct api_req;
typedef enum ent_err (*api_handler)(struct api_req *q);

struct api_route {
	const char *method;
	const char *pattern;        /* "/api/v1/spaces/{slug}" */
	api_handler handler;
	unsigned roles;             /* enum role bits allowed; 0 = nobody (default deny) */
	unsigned flags;             /* enum policy_flag */
	const struct json_field *fields; /* the accepted JSON body, NULL = no body */
	size_t body_max;            /* 0 = HTTP_BODY_DEFAULT */
	const char *summary;        /* one line, for docs/openapi.json */
};

/* Route flags beyond enum policy_flag (policy_check ignores them). API_RAW_IMAGE: the body
 * is a picture's raw bytes, not JSON; its Content-Type must be one of API_RAW_IMAGE_TYPES
 * (parameters ignored; anything else is 415), fields must be NULL, and the handler reads the
 * bytes from q->http->body, in memory, never on disk, up to the route's body_max. */
#define API_RAW_IMAGE (1u << 16)
/* API_KEEPS_SESSIONS: the route changes no account, session or role (a reply, a reaction, a
 * read mark...), so it leaves the threads' session caches as they are (api_dispatch.c); every
 * other state-changing route empties them. */
#define API_KEEPS_SESSIONS (1u << 17)
/* API_READ_TX: a GET whose session look-up and page are read in one read transaction
 * (store_read_begin): one snapshot, and on SQLite the file's read lock taken once instead of
 * per statement (fcntl and fstat calls, each a system call: about a tenth of a member's
 * thread page, issue 13). The handler must not write (the SQLite store refuses it). */
#define API_READ_TX (1u << 18)
#define API_RAW_IMAGE_TYPES \
	"image/jpeg image/png image/webp image/heic image/heif application/octet-stream"

extern const struct api_route api_routes[];
extern const size_t api_n_routes;

struct api_req {
	struct http_req *http;
	struct api_app *app;
	const struct api_route *route;
	struct store_conn *db;
	enum http_lang lang;
	bool has_session;
	struct api_session s;
	json_t *body;                    /* validated against route->fields; NULL without */
	struct json_error errors[API_MAX_ERRORS];
	size_t n_errors;
	char found[API_MAX_ERRORS][160]; /* per error, what was found in the text ("" none) */
	const char *slug;                /* refines the problem type of the returned error */
	char problem_more[1024];         /* more members of the problem body ("\"suggestions\":[...]"), "" none */
	unsigned retry_after;            /* seconds, with ENT_ERATE */
};

/* --- pipeline (api_dispatch.c) --- */

/* Prepares the application: rate limiters, metrics series. The store and keys are set by the
 * caller (api_app_open). */
enum ent_err api_app_open(struct api_app *app, const struct config *cfg);
void api_app_close(struct api_app *app);
/* The http_app callbacks. */
void api_begin(struct http_req *r, void *app);
void api_handle(struct http_req *r, void *app);
/* Index of the route matching method and path, -1 if none; *path_known tells whether the path
 * matched another method (405). */
int api_route_find(const char *method, const char *path, bool *path_known,
		   struct http_params *params);

/* --- upkeep (api_upkeep.c): serve's background thread --- */

/* Starts the thread that rewrites the search index and truncates the WAL after deletions
 * (within UPKEEP_TICK_S seconds of api_erase_soon). Stop it before closing the store. */
enum ent_err api_upkeep_start(struct api_app *app);
void api_upkeep_stop(struct api_app *app);
/* Asks the upkeep thread to erase what deletions leave behind (cheap, any thread). */
void api_erase_soon(void);
/* Erases it now: files of deleted media, the search index rewritten, the WAL truncated. */
enum ent_err api_erase_traces(struct api_app *app, struct store_conn *db);

/* --- the writer thread (api_writer.c): replies and read marks, group-committed --- */

/* A write handed to the writer thread. Embed it first in a job struct that the request owns
 * (r->async); fn runs inside the batch's transaction and must only write through db (it may
 * run twice: alone again when its batch failed); after, if set, runs once it is committed. */
struct api_write {
	enum ent_err (*fn)(struct store_conn *db, struct api_write *w);
	/* Optional: called in the same transaction after the fn of every job of the batch (a
	 * reply's full-text index entry: comm_post_store.h says why); it may rely on what its
	 * own fn set (the post's id). Like fn, it runs again, after fn, when a failed batch is
	 * written job by job. */
	enum ent_err (*last)(struct store_conn *db, struct api_write *w);
	void (*after)(struct api_write *w);
	enum ent_err err; /* the result, once done */
	bool done;
	struct http_req *r;
	struct workq_item link; /* in the writer's queue */
};
/* Starts the writer thread; stop it after http_server_drain and before http_server_stop (it
 * writes and resumes every job already queued; later jobs are written by their request's
 * thread), free it after http_server_stop. */
enum ent_err api_writer_start(struct api_app *app);
void api_writer_stop(struct api_app *app);
void api_writer_free(struct api_app *app);
/* Writes w: hands it to the writer thread and suspends the request (*pending: return, the
 * handler is called again with q->http->async == w, done), or, without a writer, writes it
 * now in its own transaction on q->db. The request frees the job with job_free either way.
 * Returns w->err when written now. */
enum ent_err api_write(struct api_req *q, struct api_write *w, void (*job_free)(void *job),
		       bool *pending);
/* Counts a request on the calling HTTP thread (api_begin), so that api_write knows what
 * share of that thread's recent requests are writes. */
void api_writer_count_request(void);

/* --- password hashing threads (api_hasher.c) --- */

/* A request's password work: check pw against check_hash (check; check_hash NULL: a check of
 * the same cost against nothing, for an unknown account, always ENT_EAUTH), then, unless
 * the check failed, hash new_pw (when set). The strings are copied. */
struct api_pw_work {
	bool check;
	const char *check_hash;
	const char *pw;
	size_t pw_len;
	const char *new_pw;
	size_t new_len;
};
struct api_pw_result {
	enum ent_err check_err; /* ENT_EAUTH: wrong password */
	enum ent_err hash_err;
	char new_hash[AUTH_PWHASH_MAX];
};
/* Starts one thread per core (at most 4); stop it after http_server_drain and before
 * http_server_stop (queued work still runs and resumes its request), free it after. */
enum ent_err api_hasher_start(struct api_app *app);
void api_hasher_stop(struct api_app *app);
void api_hasher_free(struct api_app *app);
/* Runs w on the hashing threads and suspends the request (*pending: return ENT_OK at once;
 * the handler is called again and this call then fills res from the finished work), or
 * runs it now when serve has no such threads. ENT_EBUSY when too much work waits. */
enum ent_err api_password_work(struct api_req *q, const struct api_pw_work *w,
			       struct api_pw_result *res, bool *pending);

/* --- retention (api_purge.c) --- */

/* Days a resolved desk request is kept. The purge and register statements (desk_retention_store.c)
 * spell 365 out in their SQL (the query-plan test reads statements as plain string literals): keep them equal. */
#define API_DESK_RETENTION_DEFAULT 365

/* Applies every retention period as of now (rights_purge, rights_retention.h), then drops
 * this process's cached pages and erases the traces if anything went; logs the counts. Run
 * hourly by the upkeep thread and by `entraide admin purge`. */
enum ent_err api_purge(struct api_app *app, struct store_conn *db, int64_t now,
		       struct rights_purge_report *r);

/* --- deletions that backups honour (api_backup.c) --- */

/* Deletes an account for real and records its tombstone (same transaction), then erases the
 * traces (pictures, search index, WAL). The one way an account is deleted. */
enum ent_err api_account_delete(struct api_app *app, struct store_conn *db, int64_t id,
				enum store_posts_mode mode);
/* Copies the database to path (online; an SQLite file whatever the engine: on PostgreSQL one
 * snapshot of it) and marks the copy: made now, expires after expires_days (1..36500). why
 * (cap bytes) says what failed, for the operator, when it can. */
enum ent_err api_backup_write(struct api_app *app, const char *path, int64_t now,
			      unsigned expires_days, char *why, size_t cap);
struct api_restore_report {
	int64_t created_at, expires_at; /* of the copy; 0 when it carries none (older copies) */
	bool expired;
	int64_t deleted;                /* accounts deleted again */
	char why[256];                  /* on PostgreSQL, what the copy refused ("" else) */
};
/* Replaces the database of app's data directory (on PostgreSQL: the rows of app's database)
 * with the copy at backup (stop the server, every node, first), after carrying the live
 * tombstones into it and deleting again every account they name. An expired copy is refused
 * (ENT_ECONFLICT, r->expired) unless force; on PostgreSQL a copy at another schema version
 * than this entraide's (once migrated) too (ENT_ECONFLICT, r->why). On success app->store is
 * the restored database. */
enum ent_err api_backup_restore(struct api_app *app, const char *backup, int64_t now, bool force,
				struct api_restore_report *r);

/* --- for handlers --- */

/* Records a validation error (field, stable reason) and returns ENT_EINVAL. */
enum ent_err api_invalid(struct api_req *q, const char *field, const char *reason);
/* The same, saying what in the field's text caused it (the words the privacy check found):
 * sent back as the error's "found" so the author sees which words to remove. A second call
 * for the same field and reason adds its text to the first's, ", "-separated. */
enum ent_err api_invalid_found(struct api_req *q, const char *field, const char *reason,
			       const char *text, size_t len);
/* --- the shared handler layer (api_params.c) --- */

/* The value of path parameter {name} of the matched route, or NULL. */
const char *api_param(const struct api_req *q, const char *name);
/* The {name} path parameter as a positive id (decimal digits, at most API_ID_MAX);
 * ENT_ENOTFOUND when it is not one. */
#define API_ID_MAX (INT64_MAX / 16)
enum ent_err api_path_id(const struct api_req *q, const char *name, int64_t *out);
/* A query-string argument, or NULL (borrowed for the request). */
const char *api_query(struct api_req *q, const char *name);
/* A positive integer query argument, def when absent; ENT_EINVAL (recorded) when malformed. */
enum ent_err api_query_int(struct api_req *q, const char *name, int64_t def, int64_t max, int64_t *out);
/* Keyset parameters of a list: the cursor named key ("before": default INT64_MAX, "after":
 * default 0) and limit (default API_PAGE_DEFAULT, at most API_PAGE_MAX). */
#define API_PAGE_DEFAULT 50
#define API_PAGE_MAX 100
enum ent_err api_page(struct api_req *q, const char *key, int64_t *cursor, int64_t *limit);
/* Ends a list written into b ("...[" items): on err clears b and returns err; else closes
 * it with "],"next":<last or null>}" and replies 200. */
enum ent_err api_page_end(struct api_req *q, struct buf *b, enum ent_err err, bool more, int64_t last);
/* Writes a Unix time as a quoted ISO-8601 UTC string (clock_iso), or null when t is 0. */
void api_json_time(struct buf *b, int64_t t);

/* A validated string field of the body, or NULL when absent. */
const char *api_str(struct api_req *q, const char *name, size_t *len);
/* Sends b as a JSON response with status. */
void api_reply(struct api_req *q, int status, struct buf *b);
/* The end of a read handler: on err, frees b and returns err; else sends b with 200. */
enum ent_err api_reply_or_drop(struct api_req *q, struct buf *b, enum ent_err err);
/* Sets or clears (token NULL) the session cookie. */
enum ent_err api_set_cookie(struct api_req *q, const char *token);
/* The session cookie's name for this instance ("__Host-" prefixed behind TLS). */
const char *api_cookie_name(const struct api_app *app);

/* --- accounts, shared by the API and the CLI (api_account_ops.c) --- */

/* Checks and creates an account. Field errors are recorded when q is not NULL. handle-taken
 * and an e-mail in use are ENT_EEXIST with *which set to "handle" or "email". pwhash_made is
 * the password's hash when already made (serve's hashing threads), or NULL to make it here. */
enum ent_err api_account_create(struct api_app *app, struct store_conn *db, struct api_req *q,
				const char *handle, const char *email, const char *password,
				size_t password_len, const char *pwhash_made, const char *locale,
				const char **which);
/* Lower-cases a handle into key after checking it: 3..32 of [a-z0-9_.-] (any case). */
enum ent_err api_handle_key(const char *handle, char key[STORE_HANDLE_MAX + 1]);
/* Checks a new password's length: >= AUTH_PASSWORD_MIN characters, <= AUTH_PASSWORD_MAX bytes;
 * sets *reason. */
enum ent_err api_password_ok(const char *pw, size_t len, const char **reason);
/* Loads the granted roles of an account into s (roles bitmask and institutions). */
enum ent_err api_load_roles(struct store_conn *db, struct api_session *s);
/* May the caller suspend or lift account `target` (policy_account_action on its granted
 * roles)? ENT_OK, ENT_ECONFLICT (themselves), ENT_EPERM (not below the caller's rank). */
enum ent_err api_may_act_on_account(struct api_req *q, int64_t target);
/* Opens the data directory (created 0700 with media/ and keys/), keys and store. */
enum ent_err api_data_open(struct api_app *app, const char *dir);
void api_data_close(struct api_app *app);

#endif
