/*
 * cmd_serve.c - `entraide serve`: opens the data directory, starts the HTTP server, waits for
 * SIGTERM or SIGINT, then stops gracefully (requests in flight finish, the database is
 * checkpointed and closed). Uploaded pictures are decoded by a pool of sandboxed worker
 * processes started here (docs/privacy-images.md, "Worker pool").
 */
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/api_community.h"
#include "api/api_handlers.h"
#include "cli/cli.h"
#include "cli/cli_data.h"
#include "cli/cli_image_remote.h"
#include "core/log.h"
#include "mail/mail.h"
#include "privacy/image/img_pool.h"

static void help(void)
{
	printf("usage: entraide serve [--data DIR] [--listen HOST:PORT] [--config FILE] [--web DIR]\n"
	       "                      [--threads N] [settings...]\n\n"
	       "Serves the HTTP API and the web front end until SIGTERM or SIGINT.\n\n");
	cli_settings_help();
}

/* A change of posts or threads through any node (store_watch): the pages this node cached. */
static void on_change(int64_t thread, void *arg)
{
	(void)arg;
	if (thread > 0)
		comm_thread_changed(thread);
	else
		comm_changed();
}

int cmd_serve(int argc, char **argv)
{
	struct config cfg;
	int rest;
	if (cli_wants_help(argc, argv)) {
		help();
		return CLI_EXIT_OK;
	}
	int rc = cli_settings(argc, argv, &cfg, &rest);
	if (rc)
		return rc;
	if (rest) {
		fprintf(stderr, "entraide serve: unexpected argument '%s'\n", argv[1]);
		return CLI_EXIT_USAGE;
	}
#ifdef M_ARENA_MAX
	/* glibc gives each thread that allocates its own arena and keeps what it freed: with a
	 * few worker threads writing pages of JSON, one shared arena (each thread still has its
	 * lock-free cache of small blocks) holds far less, and freed memory past 256 KiB at the
	 * top of the heap goes back to the system (issue 13: peak RSS under bench/members' mixed
	 * load 36.5 -> 32.0 MB, no slower in the same sitting). */
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_TRIM_THRESHOLD, 256 * 1024);
#endif
	/* Signals are taken by sigwait below; every thread started from here inherits the mask. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct api_app app;
	rc = cli_open_data(&app, &cfg);
	if (rc)
		return rc;
	enum ent_err err = api_app_open(&app, &cfg);
	if (err) {
		fprintf(stderr, "entraide serve: cannot prepare the API: %s\n", ent_strerror(err));
		api_app_close(&app);
		api_data_close(&app);
		return CLI_EXIT_USAGE;
	}
	/* the e-mail sender (none without --smtp): messages queued meanwhile wait for it */
	struct mail_sender *mail = NULL;
	rc = cli_mail_start(&app, &mail);
	if (rc) {
		api_app_close(&app);
		api_data_close(&app);
		return rc;
	}
	/* issue 16: pages cached by this node go stale when another node writes (PostgreSQL) */
	if (store_watch(app.store, on_change, NULL))
		log_line(LOG_WARN, "database changes not watched", NULL);
	/* issue 21: the shipped courses the database does not hold yet (never fatal) */
	struct store_conn *db = NULL;
	int shipped = 0;
	if (store_conn_get(app.store, &db) || api_learn_ship(&app, db, &shipped))
		log_line(LOG_WARN, "shipped courses not added", NULL);
	/* the pictures serve sanitizes without suspending the request (direct messages'; all of
	 * them with image_workers = 0) go to workers of the program's own pool, on first use */
	cli_image_workers(cfg.image_workers ? cfg.image_workers : 1);
	if (cfg.image_workers) {
		struct img_pool_opts po = {
			.workers = cfg.image_workers,
			.memory = (uint64_t)cfg.image_memory << 20,
			.job_ms = cfg.image_timeout * 1000u,
			.queue = cfg.image_workers * 2,
			.nice = 10,
		};
		err = img_pool_start(&po, &app.pool);
		if (err) {
			fprintf(stderr, "entraide serve: cannot start the picture workers: %s\n",
				ent_strerror(err));
			api_app_close(&app);
			api_data_close(&app);
			return CLI_EXIT_USAGE;
		}
	}
	if (!err)
		err = api_writer_start(&app);
	if (!err && (err = api_hasher_start(&app)) != ENT_OK)
		api_writer_free(&app);
	if (err) {
		fprintf(stderr, "entraide serve: cannot start the writer thread: %s\n", ent_strerror(err));
		img_pool_stop(app.pool);
		img_pool_free(app.pool);
		mail_sender_stop(mail);
		api_app_close(&app);
		api_data_close(&app);
		return CLI_EXIT_USAGE;
	}
	struct http_server *srv = NULL;
	struct http_options o = {
		.host = cfg.host,
		.port = cfg.port,
		.threads = cfg.threads,
		.connection_limit = cfg.connection_limit,
		.timeout = cfg.timeout,
		.log_requests = cfg.log_requests,
		.trust_forwarded = cfg.trust_proxy_tls,
	};
	struct http_app cb = {.ctx = &app, .begin = api_begin, .handle = api_handle};
	err = http_server_start(&o, &cb, &srv);
	if (err) {
		fprintf(stderr, "entraide serve: cannot listen on %s:%u: %s\n", cfg.host, cfg.port,
			ent_strerror(err));
		api_hasher_free(&app);
		api_writer_free(&app);
		img_pool_stop(app.pool);
		img_pool_free(app.pool);
		mail_sender_stop(mail);
		api_app_close(&app);
		api_data_close(&app);
		return CLI_EXIT_USAGE;
	}
	err = api_upkeep_start(&app);
	if (err) {
		fprintf(stderr, "entraide serve: cannot start the upkeep thread: %s\n", ent_strerror(err));
		api_writer_stop(&app);
		api_hasher_stop(&app);
		img_pool_stop(app.pool);
		http_server_stop(srv);
		api_hasher_free(&app);
		api_writer_free(&app);
		img_pool_free(app.pool);
		mail_sender_stop(mail);
		api_app_close(&app);
		api_data_close(&app);
		return CLI_EXIT_USAGE;
	}
	char m[320];
	snprintf(m, sizeof m, "\"port\":%u", cfg.port);
	log_line(LOG_INFO, "serving", m);
	fprintf(stdout, "entraide: http://%s:%u/\n", cfg.host, cfg.port);
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig);
	log_line(LOG_INFO, "stopping", sig == SIGTERM ? "\"signal\":\"TERM\"" : "\"signal\":\"INT\"");
	/* uploads in flight finish (the pool still runs), then the pool stops and answers what
	 * still waits, then the HTTP threads stop */
	http_server_drain(srv, 5000);
	img_pool_stop(app.pool);
	api_writer_stop(&app); /* writes and answers what is queued */
	api_hasher_stop(&app); /* the same for password work */
	http_server_stop(srv);
	api_hasher_free(&app);
	api_writer_free(&app);
	api_upkeep_stop(&app);
	mail_sender_stop(mail);
	img_pool_free(app.pool);
	app.pool = NULL;
	api_app_close(&app);
	api_data_close(&app);
	log_line(LOG_INFO, "stopped", NULL);
	return CLI_EXIT_OK;
}
