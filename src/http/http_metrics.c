/*
 * http_metrics.c - request counters and latency histograms per (method, route), lock-free
 * (relaxed atomics), rendered in Prometheus text format for /metrics.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "http/http.h"

#define MAX_SERIES 600

static const int statuses[] = {200, 201, 204, 301, 304, 400, 401, 403, 404, 405,
			       409, 413, 422, 429, HTTP_STATUS_ABORTED, 500, 503};
#define N_STATUS (sizeof statuses / sizeof statuses[0])
static const double bounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
				0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
#define N_BOUNDS (sizeof bounds / sizeof bounds[0])

struct series {
	const char *method, *route;
	atomic_uint_fast64_t by_status[N_STATUS + 1]; /* last: any other status */
	atomic_uint_fast64_t bucket[N_BOUNDS + 1];    /* last: +Inf only */
	atomic_uint_fast64_t sum_ns;
};

static struct series series[MAX_SERIES];
static atomic_int n_series;
static atomic_int in_flight;
/* open connections per HTTP thread: the acceptor balances on these (http_accept.h) */
static atomic_int connections[HTTP_METRICS_MAX_THREADS];
static atomic_uint n_threads;

atomic_int *http_metrics_connections(unsigned thread)
{
	if (thread >= HTTP_METRICS_MAX_THREADS)
		return NULL;
	unsigned n = atomic_load(&n_threads);
	while (n < thread + 1 && !atomic_compare_exchange_weak(&n_threads, &n, thread + 1))
		;
	return &connections[thread];
}

void http_metrics_in_flight(int delta)
{
	atomic_fetch_add_explicit(&in_flight, delta, memory_order_relaxed);
}

int http_metrics_register(const char *method, const char *route)
{
	int n = atomic_load(&n_series);
	for (int i = 0; i < n; i++)
		if (!strcmp(series[i].method, method) && !strcmp(series[i].route, route))
			return i;
	if (n >= MAX_SERIES)
		return -1;
	series[n].method = method;
	series[n].route = route;
	atomic_store(&n_series, n + 1);
	return n;
}

void http_metrics_observe(int slot, int status, uint64_t ns)
{
	if (slot < 0 || slot >= atomic_load(&n_series))
		return; /* the application registers a series for unmatched requests */
	struct series *s = &series[slot];
	size_t i = 0;
	while (i < N_STATUS && statuses[i] != status)
		i++;
	atomic_fetch_add_explicit(&s->by_status[i], 1, memory_order_relaxed);
	double sec = (double)ns / 1e9;
	size_t b = 0;
	while (b < N_BOUNDS && sec > bounds[b])
		b++;
	atomic_fetch_add_explicit(&s->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->sum_ns, ns, memory_order_relaxed);
}

void http_metrics_render(struct buf *out)
{
	int n = atomic_load(&n_series);
	buf_printf(out, "# HELP entraide_http_requests_in_flight Requests begun and not yet answered "
			"(this one included).\n# TYPE entraide_http_requests_in_flight gauge\n"
			"entraide_http_requests_in_flight %d\n", atomic_load_explicit(&in_flight, memory_order_relaxed));
	unsigned nt = atomic_load(&n_threads);
	if (nt)
		buf_puts(out, "# HELP entraide_http_connections Open connections held by each HTTP "
			      "thread.\n# TYPE entraide_http_connections gauge\n");
	for (unsigned t = 0; t < nt; t++)
		buf_printf(out, "entraide_http_connections{thread=\"%u\"} %d\n", t,
			   atomic_load(&connections[t]));
	buf_puts(out, "# HELP entraide_http_requests_total HTTP requests by route pattern, method "
		      "and status.\n# TYPE entraide_http_requests_total counter\n");
	for (int i = 0; i < n; i++) {
		for (size_t k = 0; k <= N_STATUS; k++) {
			uint64_t v = atomic_load_explicit(&series[i].by_status[k], memory_order_relaxed);
			if (!v)
				continue;
			char status[8] = "other";
			if (k < N_STATUS)
				snprintf(status, sizeof status, "%d", statuses[k]);
			buf_printf(out,
				   "entraide_http_requests_total{route=\"%s\",method=\"%s\",status=\"%s\"} %llu\n",
				   series[i].route, series[i].method, status, (unsigned long long)v);
		}
	}
	buf_puts(out, "# HELP entraide_http_request_duration_seconds Time from request arrival to "
		      "response sent.\n# TYPE entraide_http_request_duration_seconds histogram\n");
	for (int i = 0; i < n; i++) {
		uint64_t cum = 0;
		uint64_t counts[N_BOUNDS + 1];
		for (size_t b = 0; b <= N_BOUNDS; b++) {
			counts[b] = atomic_load_explicit(&series[i].bucket[b], memory_order_relaxed);
			cum += counts[b];
		}
		if (!cum)
			continue;
		uint64_t run = 0;
		for (size_t b = 0; b <= N_BOUNDS; b++) {
			char le[16] = "+Inf";
			if (b < N_BOUNDS)
				snprintf(le, sizeof le, "%g", bounds[b]);
			run += counts[b];
			buf_printf(out,
				   "entraide_http_request_duration_seconds_bucket{route=\"%s\",method=\"%s\","
				   "le=\"%s\"} %llu\n",
				   series[i].route, series[i].method, le, (unsigned long long)run);
		}
		buf_printf(out,
			   "entraide_http_request_duration_seconds_sum{route=\"%s\",method=\"%s\"} %.6f\n"
			   "entraide_http_request_duration_seconds_count{route=\"%s\",method=\"%s\"} %llu\n",
			   series[i].route, series[i].method,
			   (double)atomic_load(&series[i].sum_ns) / 1e9, series[i].route,
			   series[i].method, (unsigned long long)cum);
	}
}
