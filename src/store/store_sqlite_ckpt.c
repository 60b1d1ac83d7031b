/*
 * store_sqlite_ckpt.c - checkpoints of the write-ahead log by a thread of their own.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT of whichever connection pushed the
 * log past 1000 pages: it copies those pages into the database file and syncs it. Under
 * bench/members' replies that connection is the writer thread's (api_writer.c), and the
 * checkpoint was 14 % of the process's time under perf, during which every reply queued
 * behind it waited (issue 13, mixed load p99). Here each connection's commit only notes the
 * log's size (sqlite3_wal_hook, which replaces the automatic checkpoint) and wakes this
 * thread, which runs a PASSIVE checkpoint on its own connection: it copies what no reader
 * still needs and waits for no one; writers go on appending meanwhile, and the next writer
 * after a complete checkpoint starts the log over.
 * Not responsible for: TRUNCATE checkpoints (real deletion, closing: store_sqlite.c).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/log.h"
#include "store/store_sqlite_ckpt.h"
#include "store/store_sqlite_vfs.h"

/* SQLite's own threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT). */
#define SQ_CKPT_PAGES 1000

struct sq_ckpt {
	char *path;
	sqlite3 *db; /* the thread's own, opened on its first checkpoint */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t wake;
	bool due, stop;
};

static int on_commit(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct sq_ckpt *k = arg;
	/* A backstop: the log grew ten times past the threshold (the thread cannot open the file,
	 * or never gets to run), so this connection checkpoints, as SQLite would itself. */
	if (pages >= 10 * SQ_CKPT_PAGES)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (pages >= SQ_CKPT_PAGES) {
		pthread_mutex_lock(&k->mu);
		if (!k->due) {
			k->due = true;
			pthread_cond_signal(&k->wake);
		}
		pthread_mutex_unlock(&k->mu);
	}
	return SQLITE_OK;
}

static void checkpoint(struct sq_ckpt *k)
{
	/* A new connection knows the file is in WAL mode only once it has read it: until then a
	 * checkpoint does nothing (and says so only by a log size of -1). */
	if (!k->db &&
	    (sqlite3_open_v2(k->path, &k->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			     sq_vfs_name()) !=
		     SQLITE_OK ||
	     sqlite3_exec(k->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK)) {
		sqlite3_close(k->db);
		k->db = NULL;
		log_line(LOG_ERROR, "checkpointer cannot open the database", NULL);
		return;
	}
	int log_pages = 0;
	int rc = sqlite3_wal_checkpoint_v2(k->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log_pages, NULL);
	if ((rc != SQLITE_OK && rc != SQLITE_BUSY) || log_pages < 0) {
		char m[32];
		snprintf(m, sizeof m, "\"sqlite\":%d", rc);
		log_line(LOG_WARN, "checkpoint failed", m);
	}
}

static void *run(void *arg)
{
	struct sq_ckpt *k = arg;
	pthread_mutex_lock(&k->mu);
	while (!k->stop) {
		if (!k->due) {
			pthread_cond_wait(&k->wake, &k->mu);
			continue;
		}
		k->due = false;
		pthread_mutex_unlock(&k->mu);
		checkpoint(k);
		pthread_mutex_lock(&k->mu);
	}
	pthread_mutex_unlock(&k->mu);
	return NULL;
}

enum ent_err sq_ckpt_start(const char *path, struct sq_ckpt **out)
{
	*out = NULL;
	struct sq_ckpt *k = calloc(1, sizeof *k);
	if (!k || !(k->path = strdup(path))) {
		free(k);
		return ENT_ENOMEM;
	}
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->wake, NULL);
	if (pthread_create(&k->thread, NULL, run, k)) {
		pthread_cond_destroy(&k->wake);
		pthread_mutex_destroy(&k->mu);
		free(k->path);
		free(k);
		return ENT_ENOMEM; /* EAGAIN: no resources for a thread */
	}
	*out = k;
	return ENT_OK;
}

void sq_ckpt_watch(struct sq_ckpt *k, void *db)
{
	sqlite3_wal_hook((sqlite3 *)db, on_commit, k);
}

void sq_ckpt_stop(struct sq_ckpt *k)
{
	if (!k)
		return;
	pthread_mutex_lock(&k->mu);
	k->stop = true;
	pthread_cond_signal(&k->wake);
	pthread_mutex_unlock(&k->mu);
	pthread_join(k->thread, NULL);
	sqlite3_close(k->db);
	pthread_cond_destroy(&k->wake);
	pthread_mutex_destroy(&k->mu);
	free(k->path);
	free(k);
}
