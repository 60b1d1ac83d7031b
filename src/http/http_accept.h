/*
 * http_accept.h - the listening socket and the spreading of new connections over the HTTP
 * threads (internal to src/http).
 *
 * Each HTTP thread is a libmicrohttpd daemon of its own, without a listening socket. One
 * acceptor thread takes every new connection and gives it to the daemon that holds the
 * fewest (MHD_add_connection). With a thread pool whose threads all accept, who gets a
 * connection is chance: 64 keep-alive connections were split 42/23 in one run of three
 * (bench/members), and the thread with 42 answered each of them about twice as late.
 */
#ifndef ENTRAIDE_HTTP_ACCEPT_H
#define ENTRAIDE_HTTP_ACCEPT_H

#include <stdatomic.h>

#include "entraide/err.h"

struct MHD_Daemon;

/* One HTTP thread: its daemon and how many connections it holds (added by the acceptor when
 * it hands one over, taken off by the daemon's close notification). */
struct http_worker {
	struct MHD_Daemon *d;
	atomic_int *load; /* the thread's gauge in /metrics (http_metrics_connections) */
};

struct http_acceptor;

/* Binds and listens on host:port (an IPv4 or IPv6 literal; IPv6 only, not dual stack). The
 * socket is made before any thread starts, so that a port already in use fails at once. */
enum ent_err http_accept_listen(const char *host, unsigned port, struct http_acceptor **out);
/* Starts handing the connections over to the n workers (their daemons must be running). The
 * workers must outlive http_accept_stop. */
enum ent_err http_accept_run(struct http_acceptor *a, struct http_worker *w, unsigned n);
/* Stops accepting and closes the socket; connections already handed over stay. Idempotent;
 * a's memory is freed by http_accept_free. */
void http_accept_stop(struct http_acceptor *a);
void http_accept_free(struct http_acceptor *a);

#endif
