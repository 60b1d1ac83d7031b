/*
 * http_accept.c - the listening socket and one acceptor thread that gives each new
 * connection to the HTTP thread holding the fewest (see http_accept.h for why).
 * Not responsible for: the connections once handed over (each daemon's own thread).
 */
#define _GNU_SOURCE /* accept4 (POSIX.1-2024; glibc shows it to GNU sources only) */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/log.h"
#include "http/http_accept.h"

struct http_acceptor {
	int fd;
	atomic_bool stopping;
	bool running;
	pthread_t thread;
	struct http_worker *w;
	unsigned n, next;
};

enum ent_err http_accept_listen(const char *host, unsigned port, struct http_acceptor **out)
{
	struct sockaddr_storage ss;
	socklen_t len;
	memset(&ss, 0, sizeof ss);
	struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
	if (port > 65535)
		return ENT_EINVAL;
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		len = sizeof *v4;
	} else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		len = sizeof *v6;
	} else {
		return ENT_EINVAL;
	}
	int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return ENT_EIO;
	int on = 1;
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (ss.ss_family == AF_INET6)
		(void)setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
	struct http_acceptor *a = calloc(1, sizeof *a);
	if (!a || bind(fd, (struct sockaddr *)&ss, len) != 0 || listen(fd, 1024) != 0) {
		close(fd);
		free(a);
		return a ? ENT_EIO : ENT_ENOMEM;
	}
	a->fd = fd;
	*out = a;
	return ENT_OK;
}

/* The worker holding the fewest connections; ties go round, so that a burst of connections
 * arriving together is dealt out evenly. */
static unsigned pick(struct http_acceptor *a)
{
	unsigned best = a->next % a->n;
	int least = atomic_load(a->w[best].load);
	for (unsigned k = 1; k < a->n; k++) {
		unsigned i = (a->next + k) % a->n;
		int l = atomic_load(a->w[i].load);
		if (l < least) {
			best = i;
			least = l;
		}
	}
	a->next = best + 1;
	return best;
}

static void *accept_loop(void *arg)
{
	struct http_acceptor *a = arg;
	for (;;) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof ss;
		/* close-on-exec at once: serve starts image workers (fork, exec) at any time, and
		 * one must never inherit a client's socket */
		int c = accept4(a->fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (atomic_load(&a->stopping)) {
			if (c >= 0)
				close(c);
			return NULL;
		}
		if (c < 0) {
			if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO ||
			    errno == EPERM)
				continue;
			/* out of descriptors or memory: the pending connections wait in the
			 * backlog rather than the thread spinning on them */
			log_line(LOG_WARN, "http", "\"what\":\"accept failed; waiting\"");
			usleep(50 * 1000);
			continue;
		}
		unsigned i = pick(a);
		atomic_fetch_add(a->w[i].load, 1);
		/* MHD closes the socket itself when it refuses it (its connection limits) */
		if (MHD_add_connection(a->w[i].d, c, (struct sockaddr *)&ss, len) != MHD_YES)
			atomic_fetch_sub(a->w[i].load, 1);
	}
}

enum ent_err http_accept_run(struct http_acceptor *a, struct http_worker *w, unsigned n)
{
	if (!n || a->running)
		return ENT_EINVAL;
	a->w = w;
	a->n = n;
	if (pthread_create(&a->thread, NULL, accept_loop, a) != 0)
		return ENT_ENOMEM;
	a->running = true;
	return ENT_OK;
}

void http_accept_stop(struct http_acceptor *a)
{
	if (!a || a->fd < 0)
		return;
	atomic_store(&a->stopping, true);
	/* wakes a blocked accept4 (it returns EINVAL on Linux) */
	shutdown(a->fd, SHUT_RDWR);
	if (a->running)
		pthread_join(a->thread, NULL);
	a->running = false;
	close(a->fd);
	a->fd = -1;
}

void http_accept_free(struct http_acceptor *a)
{
	if (!a)
		return;
	http_accept_stop(a);
	free(a);
}
