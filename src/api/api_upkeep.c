/*
 * api_upkeep.c - the work no request waits for, done by one thread of `serve`: rewriting the
 * search index after posts were deleted or edited (their words stay in it, marked deleted,
 * until its storage is rewritten) and checkpointing the WAL so the old frames leave the disk
 * (R6, real deletion; on PostgreSQL, rewriting the tables: store_erase_freed); and the hourly
 * retention purge (api_purge.c), first a minute after start.
 * An erase that could not finish (another session's older snapshot or a table's lock on
 * PostgreSQL, a reader holding the WAL on SQLite) is tried again soon, RETRY_FIRST_S seconds
 * after, then twice as long each time up to the tick: a deleted account's words should leave
 * the files within seconds, not at the next tick, and a long pg_dump is not hammered.
 * Not responsible for: what is deleted (store_*_account_delete, the handlers).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "api/api.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/log.h"
#include "store/store_search.h"

#define UPKEEP_TICK_S 30
#define PURGE_EVERY_S 3600
#define RETRY_FIRST_S 1

struct api_upkeep {
	struct api_app *app;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	int64_t retry_at; /* when to erase again after a failure (mono_s), 0: at the tick */
	int64_t retry_s;  /* the last wait before retry_at */
};

static atomic_bool erase_due;

/* The thread's schedule runs on the monotonic clock (its condition variable's too): a step
 * of the wall clock (a VM resumed, NTP) must not stall the tick or the retries. */
static int64_t mono_s(void)
{
	return (int64_t)(clock_mono_ns() / 1000000000u);
}

void api_erase_soon(void)
{
	atomic_store(&erase_due, true);
}

/* After an erase: on failure, the next try RETRY_FIRST_S seconds after (twice the last wait
 * after another failure, at most a tick), waking the thread to wait for it; none after a
 * success. Without the thread (the command line), nothing. */
static void erase_result(struct api_app *app, bool failed)
{
	struct api_upkeep *u = app->upkeep;
	if (!u)
		return;
	pthread_mutex_lock(&u->lock);
	if (failed) {
		u->retry_s = u->retry_s ? u->retry_s * 2 : RETRY_FIRST_S;
		if (u->retry_s > UPKEEP_TICK_S)
			u->retry_s = UPKEEP_TICK_S;
		u->retry_at = mono_s() + u->retry_s;
		pthread_cond_signal(&u->wake);
	} else {
		u->retry_s = 0;
		u->retry_at = 0;
	}
	pthread_mutex_unlock(&u->lock);
}

/* One erase at a time in this process: a request's (an account deleted) and the upkeep's
 * would otherwise wait for each other's table locks and both give up on them. */
static pthread_mutex_t erase_lock = PTHREAD_MUTEX_INITIALIZER;

enum ent_err api_erase_traces(struct api_app *app, struct store_conn *db)
{
	pthread_mutex_lock(&erase_lock);
	atomic_store(&erase_due, false);
	api_media_purge(app, db);
	enum ent_err err = store_search_rewrite(db);
	if (!err)
		err = store_erase_freed(db);
	if (err) {
		atomic_store(&erase_due, true); /* the next tick tries again */
		log_err("erasing traces failed", err, NULL);
	}
	erase_result(app, err != ENT_OK);
	pthread_mutex_unlock(&erase_lock);
	return err;
}

static void *run(void *arg)
{
	struct api_upkeep *u = arg;
	struct store_conn *db = NULL;
	int64_t next_purge = mono_s() + 2 * UPKEEP_TICK_S;
	int64_t next_tick = mono_s() + UPKEEP_TICK_S;
	pthread_mutex_lock(&u->lock);
	while (!u->stop) {
		int64_t wake_at = u->retry_at && u->retry_at < next_tick ? u->retry_at : next_tick;
		struct timespec until = {.tv_sec = wake_at};
		if (mono_s() < wake_at)
			pthread_cond_timedwait(&u->wake, &u->lock, &until);
		if (u->stop)
			break;
		int64_t now = mono_s();
		bool tick = now >= next_tick, retry = u->retry_at && now >= u->retry_at;
		if (!tick && !retry)
			continue; /* woken to wait for a new retry_at */
		if (tick)
			next_tick = now + UPKEEP_TICK_S;
		pthread_mutex_unlock(&u->lock);
		if (!db && store_conn_get(u->app->store, &db))
			db = NULL;
		if (db && tick && now >= next_purge) {
			struct rights_purge_report r;
			(void)api_purge(u->app, db, clock_now(), &r); /* logs its counts or failure */
			next_purge = now + PURGE_EVERY_S;
		}
		if (db && atomic_load(&erase_due))
			(void)api_erase_traces(u->app, db); /* sets the next retry_at on failure */
		pthread_mutex_lock(&u->lock);
		if (retry && u->retry_at && u->retry_at <= now)
			u->retry_at = 0; /* nothing was due, or the erase ended without telling */
	}
	pthread_mutex_unlock(&u->lock);
	return NULL;
}

enum ent_err api_upkeep_start(struct api_app *app)
{
	struct api_upkeep *u = calloc(1, sizeof *u);
	if (!u)
		return ENT_ENOMEM;
	u->app = app;
	pthread_mutex_init(&u->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&u->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&u->thread, NULL, run, u)) {
		pthread_cond_destroy(&u->wake);
		pthread_mutex_destroy(&u->lock);
		free(u);
		return ENT_EINTERNAL;
	}
	app->upkeep = u;
	return ENT_OK;
}

void api_upkeep_stop(struct api_app *app)
{
	struct api_upkeep *u = app->upkeep;
	if (!u)
		return;
	pthread_mutex_lock(&u->lock);
	u->stop = true;
	pthread_cond_signal(&u->wake);
	pthread_mutex_unlock(&u->lock);
	pthread_join(u->thread, NULL);
	pthread_cond_destroy(&u->wake);
	pthread_mutex_destroy(&u->lock);
	free(u);
	app->upkeep = NULL;
}
