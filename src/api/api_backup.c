/*
 * api_backup.c - deletions that backups honour (issue 18):
 *
 *   - deleting an account records a tombstone (a keyed hash of its e-mail lookup hash and
 *     creation time: no personal data) in the same transaction;
 *   - a backup copy carries its expiry (backup_info), after which `restore` refuses it;
 *   - restoring a copy re-applies every deletion recorded since it was made: the live
 *     database's tombstones are carried into the restored one, and every account of the copy
 *     whose hash is among them is deleted again with the mode its member chose.
 *
 * One format for both engines: a copy is an SQLite file. On SQLite it is made with the online
 * backup API (store_backup); on PostgreSQL by copying the database into a new SQLite file in
 * one snapshot (store_copy_pg_to_sqlite). Restoring works the same way on both up to the last
 * step: the copy is copied beside the data (DIR/entraide.db.restore, 0600), its expiry
 * checked, the live tombstones carried in and the deletions applied there (prepare); then on
 * SQLite that file takes the database's name, and on PostgreSQL its rows replace the
 * database's in one transaction (store_copy_sqlite_replace_pg) and the file is removed. So an
 * account deleted since the copy was made never reaches PostgreSQL again, and a copy made on
 * either engine restores onto either.
 *
 * Not responsible for: the copy itself (store_backup, store_copy.h), the command line
 * (cmd_backup.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "api/api_community.h"
#include "core/clock.h"
#include "store/store_community.h"
#include "store/store_copy.h"
#include "store/store_tombstone.h"

static void tomb_of(const struct api_app *app, const struct store_tomb_source *s,
		    unsigned char out[STORE_TOMB_BYTES])
{
	auth_tombstone(app->keys, s->email_hash, s->email_hash_len, s->created_at, out);
}

enum ent_err api_account_delete(struct api_app *app, struct store_conn *db, int64_t id,
				enum store_posts_mode mode)
{
	struct store_tomb_source src;
	enum ent_err err = store_tomb_source_get(db, id, &src);
	if (err)
		return err;
	struct store_tombstone t = {.mode = mode, .deleted_at = clock_now()};
	tomb_of(app, &src, t.hash);
	err = store_account_delete_recorded(db, id, mode, &t);
	if (err)
		return err;
	comm_changed(); /* cached thread pages held its posts, titles and handle */
	(void)api_erase_traces(app, db); /* a WAL kept by a reader: the upkeep retries */
	return ENT_OK;
}

enum ent_err api_backup_write(struct api_app *app, const char *path, int64_t now,
			      unsigned expires_days, char *why, size_t cap)
{
	snprintf(why, cap, "%s", "");
	if (!expires_days || expires_days > 36500)
		return ENT_EINVAL;
	static struct store_copy_report rep; /* one backup per process (the command line) */
	enum ent_err err = app->cfg.database[0]
				   ? store_copy_pg_to_sqlite(app->cfg.database, path, &rep, why, cap)
				   : store_backup(app->store, path);
	struct store *b = NULL;
	struct store_conn *c;
	if (!err)
		err = store_open(&b, path);
	if (!err)
		err = store_conn_get(b, &c);
	if (!err)
		err = store_backup_info_clear(c);
	if (!err)
		err = store_backup_info_set(c, now, now + (int64_t)expires_days * 86400);
	store_close(b); /* checkpoints: the copy is one file again */
	if (err)
		unlink(path);
	return err;
}

/* --- restore --- */

struct tombs {
	struct store_tombstone *v;
	size_t n, cap;
	enum ent_err err;
};

static void collect_tomb(const struct store_tombstone *t, void *arg)
{
	struct tombs *x = arg;
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		struct store_tombstone *p = realloc(x->v, cap * sizeof *p);
		if (!p) {
			x->err = ENT_ENOMEM;
			return;
		}
		x->v = p;
		x->cap = cap;
	}
	x->v[x->n++] = *t;
}

struct matches {
	const struct api_app *app;
	const struct tombs *tombs;
	int64_t *ids;
	enum store_posts_mode *modes;
	size_t n;
};

static void match_account(const struct store_tomb_source *s, void *arg)
{
	struct matches *m = arg;
	unsigned char h[STORE_TOMB_BYTES];
	tomb_of(m->app, s, h);
	for (size_t i = 0; i < m->tombs->n; i++) {
		if (memcmp(h, m->tombs->v[i].hash, sizeof h) == 0) {
			m->ids[m->n] = s->account_id;
			m->modes[m->n] = m->tombs->v[i].mode;
			m->n++;
			return;
		}
	}
}

static enum ent_err copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno == ENOENT ? ENT_ENOTFOUND : ENT_EIO;
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return ENT_EIO;
	}
	char chunk[65536];
	ssize_t r;
	enum ent_err err = ENT_OK;
	while (!err && ((r = read(in, chunk, sizeof chunk)) != 0)) {
		if (r < 0) {
			if (errno != EINTR)
				err = ENT_EIO;
			continue;
		}
		for (ssize_t put = 0; !err && put < r;) {
			ssize_t w = write(out, chunk + put, (size_t)(r - put));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				err = ENT_EIO;
			else
				put += w;
		}
	}
	if (!err && fsync(out))
		err = ENT_EIO;
	close(in);
	if (close(out) && !err)
		err = ENT_EIO;
	return err;
}

/* Works on the copy at tmp: expiry, tombstones carried over, deletions re-applied. */
static enum ent_err prepare(struct api_app *app, const char *tmp, const struct tombs *tombs,
			    int64_t now, bool force, struct api_restore_report *r)
{
	struct store *s = NULL;
	struct store_conn *c;
	int64_t n_accounts = 0;
	enum ent_err err = store_open(&s, tmp);
	if (err)
		snprintf(r->why, sizeof r->why, "the copy is not an SQLite database of entraide");
	if (!err)
		err = store_conn_get(s, &c);
	if (!err)
		err = store_backup_info_get(c, &r->created_at, &r->expires_at);
	if (!err && r->expires_at && r->expires_at <= now) {
		r->expired = true;
		if (!force)
			err = ENT_ECONFLICT;
	}
	if (!err)
		err = store_account_count(c, &n_accounts);
	struct matches m = {app, tombs, NULL, NULL, 0};
	if (!err) {
		m.ids = calloc((size_t)n_accounts + 1, sizeof *m.ids);
		m.modes = calloc((size_t)n_accounts + 1, sizeof *m.modes);
		if (!m.ids || !m.modes)
			err = ENT_ENOMEM;
	}
	bool tx = !err && !(err = store_tx_begin(c));
	for (size_t i = 0; !err && i < tombs->n; i++)
		err = store_tombstone_add(c, &tombs->v[i]);
	if (!err)
		err = store_backup_info_clear(c);
	if (tx && !err)
		err = store_tx_commit(c);
	else if (tx)
		store_tx_rollback(c);
	if (!err)
		err = store_tomb_source_each(c, match_account, &m);
	for (size_t i = 0; !err && i < m.n; i++) {
		err = store_account_delete(c, m.ids[i], m.modes[i]);
		if (!err)
			r->deleted++;
	}
	if (!err)
		err = api_erase_traces(app, c);
	free(m.ids);
	free(m.modes);
	store_close(s);
	return err;
}

/* The live database's tombstones, then the copy at backup copied to tmp and prepared. */
static enum ent_err restore_prepare(struct api_app *app, const char *backup, const char *tmp,
				    int64_t now, bool force, struct api_restore_report *r)
{
	struct tombs tombs = {0};
	struct store_conn *live;
	enum ent_err err = store_conn_get(app->store, &live);
	if (!err)
		err = store_tombstone_each(live, collect_tomb, &tombs);
	if (!err)
		err = tombs.err;
	if (!err)
		err = copy_file(backup, tmp);
	if (!err)
		err = prepare(app, tmp, &tombs, now, force, r);
	free(tombs.v);
	return err;
}

static void unlink_db(const char *path)
{
	char side[CONFIG_PATH_MAX + 48];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* PostgreSQL: the prepared copy's rows replace the database's, then traces are erased. */
static enum ent_err restore_pg(struct api_app *app, const char *tmp, struct api_restore_report *r)
{
	static struct store_copy_report rep;
	enum ent_err err = store_copy_sqlite_replace_pg(tmp, app->cfg.database, &rep, r->why,
							sizeof r->why);
	unlink_db(tmp);
	struct store_conn *live;
	if (!err && !(err = store_conn_get(app->store, &live)))
		err = api_erase_traces(app, live);
	return err;
}

enum ent_err api_backup_restore(struct api_app *app, const char *backup, int64_t now, bool force,
				struct api_restore_report *r)
{
	memset(r, 0, sizeof *r);
	char db[CONFIG_PATH_MAX + 32], tmp[CONFIG_PATH_MAX + 32];
	snprintf(db, sizeof db, "%s/entraide.db", app->cfg.data);
	snprintf(tmp, sizeof tmp, "%s/entraide.db.restore", app->cfg.data);
	enum ent_err err = restore_prepare(app, backup, tmp, now, force, r);
	if (err) {
		unlink_db(tmp);
		return err;
	}
	if (app->cfg.database[0])
		return restore_pg(app, tmp, r);
	/* The live database goes: its WAL and index first, then the copy takes its name. */
	store_close(app->store);
	app->store = NULL;
	char side[CONFIG_PATH_MAX + 40];
	snprintf(side, sizeof side, "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db);
	unlink(side);
	if (rename(tmp, db))
		return ENT_EIO;
	int dfd = open(app->cfg.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return store_open(&app->store, db);
}
