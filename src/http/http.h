/*
 * http.h - the HTTP server (libmicrohttpd glue): requests in, responses out.
 *
 * The server reads a request, asks the application to route it (begin: which route, how large
 * a body it accepts), reads the body within that limit, then asks the application to answer
 * (handle). It adds the security headers to every response, logs one line per request (route
 * pattern, never the raw path) and counts it for /metrics. It knows nothing about accounts or
 * the database: src/api/ does.
 */
#ifndef ENT_HTTP_H
#define ENT_HTTP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"
#include "entraide/err.h"

#define HTTP_BODY_DEFAULT (64u * 1024)      /* JSON bodies */
#define HTTP_BODY_HARD_MAX (32u * 1024 * 1024) /* beyond this the connection is closed */
#define HTTP_MAX_PARAMS 4
#define HTTP_MAX_HEADERS 8
#define HTTP_RESP_MAX (16u * 1024 * 1024)
/* The status logged and counted for a request the client abandoned (closed the connection or
 * went silent before the answer was whole): nginx's "client closed request". Never sent. */
#define HTTP_STATUS_ABORTED 499

enum http_lang { HTTP_LANG_FR, HTTP_LANG_EN };

struct http_params {
	size_t n;
	const char *name[HTTP_MAX_PARAMS];  /* borrowed from the pattern's copy */
	char value[HTTP_MAX_PARAMS][128];
};

/* A streamed body: fills up to max bytes at out and returns how many (pos counts what was sent
 * before), HTTP_STREAM_END once everything is sent, or HTTP_STREAM_ERROR to cut the
 * connection (the client sees a truncated download, never a complete-looking one). Runs on a
 * server thread, possibly not the one that handled the request, and between other requests of
 * that thread: it must not hold statements of a thread's connection across calls. */
typedef ssize_t (*http_stream_fn)(void *cls, uint64_t pos, char *out, size_t max);
#define HTTP_STREAM_END ((ssize_t)-1)
#define HTTP_STREAM_ERROR ((ssize_t)-2)

struct http_req {
	/* request, set by the server */
	void *conn;              /* struct MHD_Connection */
	const char *method;      /* "GET", ... */
	const char *path;        /* decoded path without query: for routing only, never logged */
	struct buf body;         /* the request body (within body_max) */
	bool body_too_big;
	uint64_t t0;             /* monotonic ns at arrival */
	/* routing, set by the application's begin() */
	size_t body_max;         /* bytes accepted (default HTTP_BODY_DEFAULT) */
	int metric;              /* metrics slot (http_metrics_register), -1 = unmatched */
	const char *route_name;  /* route pattern for logs, static */
	const void *route;       /* the application's route, opaque here */
	struct http_params params;
	/* response, set by handle() */
	int status;
	bool is_api;             /* adds Cache-Control: no-store */
	const char *content_type;
	struct buf out;
	const void *out_static;  /* a body the server does not copy or free (static files) */
	size_t out_static_len;
	http_stream_fn stream;   /* a body written while it is sent (http_reply_stream) */
	void (*stream_done)(void *cls);
	void *stream_cls;
	struct stream_wrap *stream_wrap; /* the server's: the stream once queued */
	bool queued;             /* a response was handed to libmicrohttpd */
	size_t n_headers;
	char *header_name[HTTP_MAX_HEADERS];
	char *header_value[HTTP_MAX_HEADERS];
	/* work handed to another thread (http_suspend), owned by the request from then on */
	void *async;
	void (*async_free)(void *async);
	/* the server's side of suspend/resume, under async_mu */
	pthread_mutex_t async_mu;
	pthread_cond_t async_cv; /* signalled by http_resume before the handler has suspended */
	uint64_t suspend_grace_ns; /* http_suspend_short: how long to wait before suspending */
	bool suspend_wanted, suspended, resumed;
};

struct http_app {
	void *ctx;
	void (*begin)(struct http_req *r, void *ctx);
	void (*handle)(struct http_req *r, void *ctx);
};

struct http_options {
	const char *host;
	unsigned port;
	unsigned threads;
	unsigned connection_limit;
	unsigned timeout;
	bool log_requests;
	bool trust_forwarded; /* behind a proxy: the client is the last X-Forwarded-For entry */
};

struct http_server;

enum ent_err http_server_start(const struct http_options *o, const struct http_app *app,
			       struct http_server **out);
/* Stops accepting and waits up to ms for the requests in flight (suspended ones included). */
void http_server_drain(struct http_server *s, unsigned ms);
/* Stops accepting, lets requests in flight finish (up to a few seconds), stops the threads.
 * Whatever suspended requests wait for must have resumed them by then. */
void http_server_stop(struct http_server *s);
/* Requests being processed right now. */
unsigned http_server_in_flight(struct http_server *s);

/* --- for handlers --- */

/* A request header, or NULL. */
const char *http_header(struct http_req *r, const char *name);
/* A query-string argument ("?limit=20" -> "20"), decoded, or NULL when absent (or when the
 * request has no connection: unit tests). */
const char *http_query(struct http_req *r, const char *name);
/* How many query-string arguments the request has. */
size_t http_query_count(struct http_req *r);
/* A cookie's value, or NULL. */
const char *http_cookie(struct http_req *r, const char *name);
/* The client's address as text, for rate limiting only (never log it): the TCP peer, or the
 * last X-Forwarded-For entry behind a trusted proxy; IPv6 reduced to its /64. */
void http_client_key(struct http_req *r, char out[64]);
/* Adds a response header (copied). ENT_ETOOBIG after HTTP_MAX_HEADERS. */
enum ent_err http_add_header(struct http_req *r, const char *name, const char *value);
/* Asynchronous answers. A handler that has handed its work to another thread (the picture
 * pool) stores it in r->async (with r->async_free), calls http_suspend(r) and returns
 * without a response: the server stops reading and answering that connection, and keeps
 * its thread free for others. When the work ends, its thread calls http_resume(r) (at most
 * once, and even if that happens before the handler has returned): the server then calls
 * handle() again for the same request, which finds r->async done and answers. */
void http_suspend(struct http_req *r);
/* http_suspend for work that usually ends within a fraction of a millisecond (the writer
 * thread's group commit): the connection's thread first waits for it up to
 * HTTP_SUSPEND_GRACE_US, and suspends only if it has not ended by then. A resumed
 * connection waits for its thread's next pass over its ready connections, then for one more
 * to be answered: ~10-20 ms when 30 connections share a thread under load (issue 13), more
 * than the work itself. The wait blocks that thread's other connections for at most the
 * grace, and leaves its core to the others. */
#define HTTP_SUSPEND_GRACE_US 2000
void http_suspend_short(struct http_req *r);
void http_resume(struct http_req *r);
/* Sets a JSON response (status, body taken from b which is left empty). */
void http_reply_json(struct http_req *r, int status, struct buf *b);
/* Sets an empty response. */
void http_reply_empty(struct http_req *r, int status);
/* Answers with a body produced by fn while it is sent (chunked, size unknown). done(cls) is
 * called exactly once when the response is released, whether it was sent or not. */
void http_reply_stream(struct http_req *r, int status, const char *content_type,
		       http_stream_fn fn, void (*done)(void *cls), void *cls);

/* fr or en from Accept-Language (highest q among fr*, en*; French when neither). */
enum http_lang http_lang_from_accept(const char *accept_language);

/* --- router --- */

/* Matches path against pattern ("/api/v1/spaces/{slug}/threads"); fills params. */
bool http_path_match(const char *pattern, const char *path, struct http_params *params);

/* --- problems (RFC 9457) --- */

/* Stable slug of err: "validation", "not-found", ... ("internal" for anything unexpected). */
const char *http_problem_slug(enum ent_err err);
/* HTTP status of a slug (500 for an unknown one). */
int http_problem_status(const char *slug);
/* Sets a problem+json response for slug in lang; extra is pre-rendered JSON members
 * ("\"errors\":[...]") or NULL. */
void http_problem(struct http_req *r, const char *slug, enum http_lang lang, const char *extra);
/* The same with the table's detail replaced by detail (when not NULL), and extra members of any
 * length up to HTTP_PROBLEM_MAX. */
#define HTTP_PROBLEM_MAX (256u * 1024)
void http_problem_detail(struct http_req *r, const char *slug, enum http_lang lang,
			 const char *detail, const char *extra);
/* Every slug, NULL-terminated (for tests and docs). */
extern const char *const http_problem_slugs[];

/* --- metrics --- */

/* Registers a (method, route) series; returns its slot or -1 when full. Call before start. */
int http_metrics_register(const char *method, const char *route);
void http_metrics_observe(int slot, int status, uint64_t ns);
/* Requests begun (headers read) and not yet answered, across the process: +1 / -1. */
void http_metrics_in_flight(int delta);
/* The gauge of open connections of HTTP thread `thread` (0-based), shown in /metrics from
 * then on; NULL past HTTP_METRICS_MAX_THREADS. Static storage: never freed. */
#define HTTP_METRICS_MAX_THREADS 64
atomic_int *http_metrics_connections(unsigned thread);
/* Appends the HTTP series in Prometheus text format. */
void http_metrics_render(struct buf *b);

/* --- static files --- */

struct http_embedded {
	const char *path; /* "/index.html", "/static/app.js" */
	size_t len;
	const char *data;
	const char *etag; /* quoted entity tag of data, made at build time */
	size_t gz_len;    /* the same bytes gzip-compressed at build time, or 0 and NULL when */
	const char *gz;   /* compression would not save much (images, fonts, tiny files) */
	const char *gz_etag;
};
/* web/, then the files the build makes (the privacy module's WebAssembly): both end with a
 * NULL path. */
extern const struct http_embedded http_web_files[];
extern const struct http_embedded http_web_gen_files[];
/* The CSP source allowing the embedded shell's inline <style> ("'sha256-...'"), or "". */
extern const char http_web_files_style_src[];
/* A route of the front end (web/static/routes.js, in its order) and what the shell of its
 * paths preloads (scripts/embed.py makes the table; a NULL pattern ends it). */
struct http_shell_route {
	const char *pattern; /* http_path_match's syntax: "/t/{id}" */
	int access;          /* the links are written for: 0 everyone, 1 members, 2 visitors */
	const char *links;   /* <link rel="modulepreload"|"preload" as="style"> lines */
	const char *data;    /* the page's first GETs, one per line, {name} from the path */
};
extern const struct http_shell_route http_web_files_routes[];

/* Answers a GET for the web front end: /static/... from web/static, the SPA shell
 * (index.html) for other paths, its <html lang> and skip link in lang (the caller picks it:
 * the account's setting, else Accept-Language). dir is a directory to serve from, or NULL for
 * the embedded files, which are sent gzip-compressed to clients that accept it. member: the
 * request carries a live session (the shell then says so: <html data-member>). Returns
 * ENT_ENOTFOUND when there is no such file (the caller answers 404). */
enum ent_err http_static_serve(struct http_req *r, const char *dir, enum http_lang lang, bool member);
/* Whether an Accept-Encoding header accepts gzip (listed, or `*`, with a q above 0). */
bool http_accepts_gzip(const char *accept_encoding);
/* Bodies at least this long, of a compressible type, are gzipped for clients that accept it. */
#define HTTP_GZIP_MIN 1024
/* gzip-compresses in[0..len) into *out (malloc'd, the caller frees it). False when that
 * fails or would not be smaller (*out is then NULL). */
bool http_gzip(const void *in, size_t len, char **out, size_t *out_len);

#endif
