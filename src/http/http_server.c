/*
 * http_server.c - the libmicrohttpd daemon: epoll, a thread pool, limits, the request life
 * cycle, security headers, request logs and counts, graceful stop.
 * Not responsible for: routing and answering (the application's begin/handle callbacks).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/log.h"
#include "http/http.h"
#include "http/http_accept.h"

#define HTTP_MAX_THREADS HTTP_METRICS_MAX_THREADS

struct http_server {
	struct http_acceptor *acceptor;
	struct http_worker w[HTTP_MAX_THREADS];
	unsigned n_workers;
	struct http_app app;
	bool log_requests;
	bool quiesced;
	atomic_uint in_flight;
};

/* The policy allows no inline script or style attribute; the one inline <style> element, the
 * embedded shell's style.css (scripts/embed.py inlines it so that the first paint waits for
 * no other request), is allowed by the hash of its text, made at build time. */
static char csp[768];
static pthread_once_t csp_once = PTHREAD_ONCE_INIT;

static void csp_make(void)
{
	snprintf(csp, sizeof csp,
		 "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'%s%s; "
		 "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; "
		 "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
		 http_web_files_style_src[0] ? " " : "", http_web_files_style_src);
}

static const char *const security_headers[][2] = {
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
};

const char *http_header(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_query(struct http_req *r, const char *name)
{
	if (!r->conn)
		return NULL;
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

size_t http_query_count(struct http_req *r)
{
	int n = r->conn ? MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, NULL, NULL) : 0;
	return n > 0 ? (size_t)n : 0;
}

const char *http_cookie(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

/* Behind a proxy (trust_forwarded), the client is the last address the proxy appended to
 * X-Forwarded-For; otherwise the TCP peer. IPv6 clients are keyed by their /64, which one
 * subscriber usually holds whole. */
static bool trust_forwarded;

static void key_of_text(const char *xff, char out[64])
{
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	size_t n = strcspn(last, " ");
	unsigned char a6[16];
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return;
	memcpy(tmp, last, n);
	tmp[n] = '\0';
	if (inet_pton(AF_INET6, tmp, a6) == 1) {
		memset(a6 + 8, 0, 8);
		inet_ntop(AF_INET6, a6, out, 64);
	} else {
		memcpy(out, tmp, n + 1);
	}
}

void http_client_key(struct http_req *r, char out[64])
{
	strcpy(out, "?");
	const char *xff = trust_forwarded ? http_header(r, "X-Forwarded-For") : NULL;
	if (xff) {
		key_of_text(xff, out);
		return;
	}
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, 64);
	} else if (sa->sa_family == AF_INET6) {
		struct in6_addr a = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
		if (!IN6_IS_ADDR_V4MAPPED(&a))
			memset(a.s6_addr + 8, 0, 8);
		inet_ntop(AF_INET6, &a, out, 64);
	}
}

enum ent_err http_add_header(struct http_req *r, const char *name, const char *value)
{
	if (r->n_headers >= HTTP_MAX_HEADERS)
		return ENT_ETOOBIG;
	char *n = strdup(name), *v = strdup(value);
	if (!n || !v) {
		free(n);
		free(v);
		return ENT_ENOMEM;
	}
	r->header_name[r->n_headers] = n;
	r->header_value[r->n_headers] = v;
	r->n_headers++;
	return ENT_OK;
}

void http_reply_json(struct http_req *r, int status, struct buf *b)
{
	buf_clear(&r->out);
	r->out = *b;
	buf_init(b, b->max);
	r->status = status;
	r->content_type = "application/json";
}

void http_reply_empty(struct http_req *r, int status)
{
	buf_clear(&r->out);
	r->status = status;
	r->content_type = NULL;
}

void http_suspend(struct http_req *r)
{
	r->suspend_wanted = true;
	r->suspend_grace_ns = 0;
}

void http_suspend_short(struct http_req *r)
{
	r->suspend_wanted = true;
	r->suspend_grace_ns = (uint64_t)HTTP_SUSPEND_GRACE_US * 1000;
}

void http_resume(struct http_req *r)
{
	/* Once resumed, the connection's thread may answer and free r at once: r is not touched
	 * after MHD_resume_connection (not even to unlock its mutex). */
	struct MHD_Connection *conn = r->conn;
	pthread_mutex_lock(&r->async_mu);
	bool suspended = r->suspended;
	if (suspended)
		r->suspended = false;
	else {
		r->resumed = true; /* the handler has not returned yet: on_access sees this */
		pthread_cond_signal(&r->async_cv); /* it may be waiting (http_suspend_short) */
	}
	pthread_mutex_unlock(&r->async_mu);
	if (suspended)
		MHD_resume_connection(conn);
}

void http_reply_stream(struct http_req *r, int status, const char *content_type,
		       http_stream_fn fn, void (*done)(void *cls), void *cls)
{
	buf_clear(&r->out);
	if (r->stream && r->stream_done)
		r->stream_done(r->stream_cls);
	r->status = status;
	r->content_type = content_type;
	r->stream = fn;
	r->stream_done = done;
	r->stream_cls = cls;
}

static void req_free(struct http_req *r)
{
	if (r->async && r->async_free)
		r->async_free(r->async);
	pthread_mutex_destroy(&r->async_mu);
	pthread_cond_destroy(&r->async_cv);
	if (r->stream && r->stream_done) /* never handed to the server */
		r->stream_done(r->stream_cls);
	buf_clear(&r->body);
	buf_clear(&r->out);
	for (size_t i = 0; i < r->n_headers; i++) {
		free(r->header_name[i]);
		free(r->header_value[i]);
	}
	free(r);
}

/* JSON (the API, problems), CSV and the shell rewritten per request (English, a member's):
 * what the server writes per request and clients read. */
static bool compressible(const char *type)
{
	return type && (!strncmp(type, "application/json", 16) ||
			!strncmp(type, "application/problem+json", 24) || !strncmp(type, "text/csv", 8) ||
			!strncmp(type, "text/html", 9));
}

/* A streamed body as libmicrohttpd sees it: the application's producer, and whether it cut
 * the stream itself (a failure of the server) rather than the client going away. The
 * response owns it; libmicrohttpd releases a response after it has told on_completed that
 * the request ended, so on_completed may still read `failed`. */
struct stream_wrap {
	http_stream_fn fn;
	void (*done)(void *cls);
	void *cls;
	bool failed;
};

static ssize_t wrap_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream_wrap *w = cls;
	ssize_t n = w->fn(w->cls, pos, buf, max);
	if (n == HTTP_STREAM_ERROR)
		w->failed = true;
	return n;
}

static void wrap_free(void *cls)
{
	struct stream_wrap *w = cls;
	if (w->done)
		w->done(w->cls);
	free(w);
}

static enum MHD_Result queue(struct MHD_Connection *conn, struct http_req *r)
{
	struct MHD_Response *resp;
	bool vary = false, gzipped = false;
	struct stream_wrap *wrap = NULL;
	if (r->stream) {
		wrap = malloc(sizeof *wrap);
		resp = wrap ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, wrap_read,
								wrap, wrap_free)
			    : NULL;
		if (resp) {
			*wrap = (struct stream_wrap){r->stream, r->stream_done, r->stream_cls, false};
			r->stream = NULL; /* the response owns it now */
		} else {
			free(wrap);
			wrap = NULL;
		}
	} else if (r->out_static) {
		resp = MHD_create_response_from_buffer(r->out_static_len, (void *)r->out_static,
						       MHD_RESPMEM_PERSISTENT);
	} else if (r->out.len) {
		size_t len, zlen;
		char *p = buf_detach(&r->out, &len), *z;
		vary = compressible(r->content_type);
		if (vary && len >= HTTP_GZIP_MIN && http_accepts_gzip(http_header(r, "Accept-Encoding")) &&
		    http_gzip(p, len, &z, &zlen)) {
			free(p);
			p = z;
			len = zlen;
			gzipped = true;
		}
		resp = MHD_create_response_from_buffer_with_free_callback(len, p, free);
		if (!resp)
			free(p);
	} else {
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	}
	if (!resp)
		return MHD_NO;
	pthread_once(&csp_once, csp_make);
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
	if (r->content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	if (r->is_api)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (gzipped)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (vary)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	for (size_t i = 0; i < r->n_headers; i++)
		MHD_add_response_header(resp, r->header_name[i], r->header_value[i]);
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	if (ret == MHD_YES) {
		r->queued = true;
		r->stream_wrap = wrap;
	}
	MHD_destroy_response(resp); /* without a queued response, this releases wrap */
	return ret;
}

/* http_suspend_short: waits, under r->async_mu, until http_resume or the grace has passed. */
static void wait_resumed(struct http_req *r)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	uint64_t ns = (uint64_t)until.tv_nsec + r->suspend_grace_ns;
	until.tv_sec += (time_t)(ns / 1000000000u);
	until.tv_nsec = (long)(ns % 1000000000u);
	while (!r->resumed)
		if (pthread_cond_timedwait(&r->async_cv, &r->async_mu, &until) == ETIMEDOUT)
			break;
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version, const char *upload_data,
				 size_t *upload_size, void **con_cls)
{
	struct http_server *s = cls;
	struct http_req *r = *con_cls;
	(void)version;
	if (!r) {
		r = calloc(1, sizeof *r);
		if (!r)
			return MHD_NO;
		atomic_fetch_add(&s->in_flight, 1);
		http_metrics_in_flight(1);
		r->conn = conn;
		r->method = method;
		r->path = url;
		r->t0 = clock_mono_ns();
		r->body_max = HTTP_BODY_DEFAULT;
		r->metric = -1;
		r->route_name = "unmatched";
		r->status = 500;
		pthread_mutex_init(&r->async_mu, NULL);
		pthread_condattr_t ca;
		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&r->async_cv, &ca);
		pthread_condattr_destroy(&ca);
		buf_init(&r->out, HTTP_RESP_MAX);
		*con_cls = r;
		s->app.begin(r, s->app.ctx);
		buf_init(&r->body, r->body_max);
		/* A declared length over the route's limit is refused before one byte of the body
		 * is read; libmicrohttpd then closes the connection after the answer. */
		const char *cl = http_header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && *cl >= '0' && *cl <= '9') {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			if (errno == ERANGE || n > r->body_max) {
				r->body_too_big = true;
				const char *al = http_header(r, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
				http_problem(r, "body-too-large", http_lang_from_accept(al), NULL);
				return queue(conn, r);
			}
		}
		return MHD_YES;
	}
	if (*upload_size) {
		if (r->body.len + *upload_size > HTTP_BODY_HARD_MAX)
			return MHD_NO; /* hostile: stop reading, close */
		if (!r->body_too_big && buf_append(&r->body, upload_data, *upload_size) != ENT_OK) {
			r->body_too_big = true;
			buf_clear(&r->body);
		}
		if (r->body_too_big)
			r->body.len += *upload_size; /* keep counting what we discard */
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->body_too_big) {
		r->body.len = 0;
		const char *al = http_header(r, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
		http_problem(r, "body-too-large", http_lang_from_accept(al), NULL);
	} else {
		for (;;) {
			s->app.handle(r, s->app.ctx);
			if (!r->suspend_wanted)
				break;
			r->suspend_wanted = false;
			pthread_mutex_lock(&r->async_mu);
			if (!r->resumed && r->suspend_grace_ns)
				wait_resumed(r);
			if (r->resumed) { /* the work ended before the handler returned */
				r->resumed = false;
				pthread_mutex_unlock(&r->async_mu);
				continue;
			}
			r->suspended = true;
			MHD_suspend_connection(conn);
			pthread_mutex_unlock(&r->async_mu);
			return MHD_YES;
		}
	}
	return queue(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_server *s = cls;
	struct http_req *r = *con_cls;
	(void)conn;
	if (!r)
		return;
	uint64_t ns = clock_mono_ns() - r->t0;
	/* A request the client abandoned (it closed the connection, or went silent past the
	 * timeout, before the answer was whole) is no failure of the server: it is logged and
	 * counted as 499 ("client closed request", nginx's convention), apart from 500. */
	int status = r->status;
	const char *aborted = NULL;
	switch (toe) {
	case MHD_REQUEST_TERMINATED_READ_ERROR:
	case MHD_REQUEST_TERMINATED_CLIENT_ABORT:
		aborted = "client";
		break;
	case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED:
		aborted = "timeout";
		break;
	case MHD_REQUEST_TERMINATED_WITH_ERROR:
		/* the connection died while the answer was being sent: the client went away,
		 * unless the server cut its own stream */
		if (r->stream_wrap && r->stream_wrap->failed)
			status = 500;
		else if (r->queued)
			aborted = "client";
		break;
	default:
		break;
	}
	if (aborted)
		status = HTTP_STATUS_ABORTED;
	http_metrics_observe(r->metric, status, ns);
	if (s->log_requests)
		log_request(r->route_name, r->method, status, (double)ns / 1e6, aborted);
	req_free(r);
	*con_cls = NULL;
	atomic_fetch_sub(&s->in_flight, 1);
	http_metrics_in_flight(-1);
}

/* libmicrohttpd's own messages: only the format is logged, never its arguments (which can
 * hold addresses). */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	(void)ap;
	char m[300];
	char clean[200];
	size_t j = 0;
	for (size_t i = 0; fmt[i] && j < sizeof clean - 1; i++) {
		char c = fmt[i];
		if (c == '"' || c == '\\' || (unsigned char)c < 0x20)
			continue;
		clean[j++] = c;
	}
	clean[j] = '\0';
	snprintf(m, sizeof m, "\"what\":\"%s\"", clean);
	log_line(LOG_WARN, "http", m);
}

/* A connection's end, on its worker's thread: the acceptor counts it no more. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	struct http_worker *w = cls;
	(void)conn;
	(void)socket_context;
	if (toe == MHD_CONNECTION_NOTIFY_CLOSED)
		atomic_fetch_sub(w->load, 1);
}

static void stop_workers(struct http_server *s)
{
	for (unsigned i = 0; i < s->n_workers; i++)
		MHD_stop_daemon(s->w[i].d);
	s->n_workers = 0;
}

enum ent_err http_server_start(const struct http_options *o, const struct http_app *app,
			       struct http_server **out)
{
	/* One daemon (one thread, its own epoll) per HTTP thread, none listening: the acceptor
	 * deals the connections out (http_accept.h). */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
			 MHD_USE_TURBO | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME |
			 MHD_USE_NO_LISTEN_SOCKET;
	struct http_server *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	enum ent_err err = http_accept_listen(o->host, o->port, &s->acceptor);
	if (err) {
		free(s);
		return err;
	}
	s->app = *app;
	s->log_requests = o->log_requests;
	trust_forwarded = o->trust_forwarded;
	unsigned threads = o->threads;
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n < 2 ? 2 : n > 4 ? 4 : (unsigned)n;
	}
	if (threads > HTTP_MAX_THREADS)
		threads = HTTP_MAX_THREADS;
	/* The limits were the whole server's: each daemon takes its share (the acceptor keeps
	 * the shares even, so one address still reaches about the same total). */
	unsigned limit = (o->connection_limit + threads - 1) / threads;
	unsigned per_ip = (o->connection_limit / 2 + 1 + threads - 1) / threads;
	for (unsigned i = 0; i < threads; i++) {
		struct http_worker *w = &s->w[i];
		w->load = http_metrics_connections(i);
		atomic_store(w->load, 0);
		w->d = MHD_start_daemon(
			flags, 0, NULL, NULL, on_access, s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log,
			NULL, MHD_OPTION_CONNECTION_LIMIT, limit ? limit : 1,
			MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip ? per_ip : 1,
			MHD_OPTION_CONNECTION_TIMEOUT, o->timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
			(size_t)16 * 1024, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
			MHD_OPTION_NOTIFY_CONNECTION, on_connection, w, MHD_OPTION_END);
		if (!w->d) {
			err = ENT_EIO;
			break;
		}
		s->n_workers++;
	}
	if (!err)
		err = http_accept_run(s->acceptor, s->w, s->n_workers);
	if (err) {
		http_accept_free(s->acceptor);
		stop_workers(s);
		free(s);
		return err;
	}
	*out = s;
	return ENT_OK;
}

unsigned http_server_in_flight(struct http_server *s)
{
	return atomic_load(&s->in_flight);
}

void http_server_drain(struct http_server *s, unsigned ms)
{
	if (!s)
		return;
	if (!s->quiesced)
		http_accept_stop(s->acceptor);
	s->quiesced = true;
	for (unsigned i = 0; i < ms / 10 && atomic_load(&s->in_flight); i++)
		usleep(10000);
}

void http_server_stop(struct http_server *s)
{
	if (!s)
		return;
	/* Requests already being read or answered finish; idle keep-alive connections do not
	 * hold the stop for long. */
	http_server_drain(s, 5000);
	stop_workers(s);
	http_accept_free(s->acceptor);
	free(s);
}
