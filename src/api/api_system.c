/* api_system.c - operations routes (health, metrics) and the instance description. */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "api/api_handlers.h"
#include "core/clock.h"
#include "privacy/image/img_pool.h"

enum ent_err api_healthz(struct api_req *q)
{
	static const char ok[] = "{\"status\":\"ok\"}";
	struct http_req *r = q->http;
	r->status = 200;
	r->content_type = "application/json";
	r->out_static = ok;
	r->out_static_len = sizeof ok - 1;
	return ENT_OK;
}

enum ent_err api_metrics(struct api_req *q)
{
	struct buf b;
	int64_t open = 0;
	buf_init(&b, 4 * 1024 * 1024);
	enum ent_err err = store_session_count_open(q->db, clock_now(), &open);
	if (err)
		return err;
	http_metrics_render(&b);
	buf_printf(&b,
		   "# HELP entraide_db_seconds_total Time spent in the database.\n"
		   "# TYPE entraide_db_seconds_total counter\n"
		   "entraide_db_seconds_total %.6f\n"
		   "# HELP entraide_sessions_open Sessions not expired.\n"
		   "# TYPE entraide_sessions_open gauge\n"
		   "entraide_sessions_open %lld\n",
		   store_db_seconds(), (long long)open);
	if (q->app->pool) {
		struct img_pool_stats st;
		img_pool_stats(q->app->pool, &st);
		buf_printf(&b,
			   "# HELP entraide_image_workers Picture worker processes running.\n"
			   "# TYPE entraide_image_workers gauge\n"
			   "entraide_image_workers %u\n"
			   "# HELP entraide_image_jobs_waiting Pictures being decoded or waiting for a worker.\n"
			   "# TYPE entraide_image_jobs_waiting gauge\n"
			   "entraide_image_jobs_waiting %u\n"
			   "# HELP entraide_image_jobs_total Pictures sent to a worker.\n"
			   "# TYPE entraide_image_jobs_total counter\n"
			   "entraide_image_jobs_total %llu\n"
			   "# HELP entraide_image_worker_failures_total Workers that crashed or overran, by kind.\n"
			   "# TYPE entraide_image_worker_failures_total counter\n"
			   "entraide_image_worker_failures_total{kind=\"crash\"} %llu\n"
			   "entraide_image_worker_failures_total{kind=\"timeout\"} %llu\n"
			   "# HELP entraide_image_jobs_retried_total Pictures sent again to a fresh worker after theirs died.\n"
			   "# TYPE entraide_image_jobs_retried_total counter\n"
			   "entraide_image_jobs_retried_total %llu\n"
			   "# HELP entraide_image_refused_busy_total Pictures refused with 503: every worker taken.\n"
			   "# TYPE entraide_image_refused_busy_total counter\n"
			   "entraide_image_refused_busy_total %llu\n"
			   "# HELP entraide_image_workers_started_total Worker processes started (replacements included).\n"
			   "# TYPE entraide_image_workers_started_total counter\n"
			   "entraide_image_workers_started_total %llu\n",
			   st.workers, st.busy + st.queued, (unsigned long long)st.jobs,
			   (unsigned long long)st.crashed, (unsigned long long)st.timed_out,
			   (unsigned long long)st.retried, (unsigned long long)st.refused_busy, (unsigned long long)st.started);
	}
	api_reply(q, 200, &b);
	q->http->content_type = "text/plain; version=0.0.4; charset=utf-8";
	return ENT_OK;
}

/* Counts shown on the home page (every visitor's first request). Counting accounts and
 * threads reads an index of each table whole, so the counts are kept COUNTS_TTL seconds per
 * process: the home page may show a count a few seconds old (issue 13). */
#define COUNTS_TTL 10
static pthread_mutex_t counts_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
	int64_t at, members, spaces, threads, articles;
} counts;

enum ent_err api_instance(struct api_req *q)
{
	const struct config *c = &q->app->cfg;
	int64_t members = 0, spaces = 0, threads = 0, articles = 0, now = clock_now();
	enum ent_err err = ENT_OK;
	pthread_mutex_lock(&counts_mu);
	bool fresh = counts.at && now - counts.at < COUNTS_TTL;
	if (fresh) {
		members = counts.members;
		spaces = counts.spaces;
		threads = counts.threads;
		articles = counts.articles;
	}
	pthread_mutex_unlock(&counts_mu);
	if (!fresh) {
		err = store_account_count(q->db, &members);
		if (!err) /* issue 5: what a visitor can read */
			err = comm_counts(q->db, &spaces, &threads, &articles);
		if (err)
			return err;
		pthread_mutex_lock(&counts_mu);
		counts.at = now;
		counts.members = members;
		counts.spaces = spaces;
		counts.threads = threads;
		counts.articles = articles;
		pthread_mutex_unlock(&counts_mu);
	}
	struct api_settings set; /* issue 17: what the administrator set in the browser */
	err = api_settings_get(q->app, q->db, &set);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 16 * 1024);
	buf_puts(&b, "{\"name\":");
	buf_json_cstr(&b, set.name);
	/* description in the request's language; both for a page that switches language */
	const char *en = config_description_en(c);
	buf_puts(&b, ",\"description\":");
	buf_json_cstr(&b, q->lang == HTTP_LANG_EN ? en : c->description);
	buf_puts(&b, ",\"descriptions\":{\"fr\":");
	buf_json_cstr(&b, c->description);
	buf_puts(&b, ",\"en\":");
	buf_json_cstr(&b, en);
	buf_putc(&b, '}');
	bool both = !strcmp(set.locales, "fr,en");
	buf_printf(&b,
		   ",\"locales\":[\"%s\"%s],\"counts\":{\"members\":%lld,\"spaces\":%lld,"
		   "\"threads\":%lld,\"articles\":%lld},\"registration_open\":%s,\"registration\":\"%s\"",
		   both ? "fr" : set.locales, both ? ",\"en\"" : "", (long long)members, (long long)spaces,
		   (long long)threads, (long long)articles,
		   strcmp(set.registration, "open") ? "false" : "true", set.registration);
	err = api_instance_pages_json(q->db, &b);
	buf_putc(&b, '}');
	return api_reply_or_drop(q, &b, err);
}
