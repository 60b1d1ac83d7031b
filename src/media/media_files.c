/*
 * media_files.c - the content-addressed files of pictures (see media.h): written once under
 * their hash, read back checked against the row's size, removed when no row references them.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "media/media.h"
#include "media/media_store.h"

#define PURGE_BATCH 16

void media_hash(const uint8_t *p, size_t len, char hex[MEDIA_HASH_HEX + 1])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, p, len, NULL, 0);
	sodium_bin2hex(hex, MEDIA_HASH_HEX + 1, h, sizeof h);
}

/* DATA/media/ab/cdef... for hash; dir_only stops after DATA/media/ab. */
static void path_of(const char *data, const char *hash, bool dir_only, char out[MEDIA_PATH_MAX])
{
	if (dir_only)
		snprintf(out, MEDIA_PATH_MAX, "%s/media/%.2s", data, hash);
	else
		snprintf(out, MEDIA_PATH_MAX, "%s/media/%.2s/%s", data, hash, hash + 2);
}

void media_file_path(const char *data, const char *hash, char out[MEDIA_PATH_MAX])
{
	path_of(data, hash, false, out);
}

void media_file_unlink(const char *data, const char *hash)
{
	char path[MEDIA_PATH_MAX];
	path_of(data, hash, false, path);
	unlink(path);
}

static enum ent_err write_all(int fd, const uint8_t *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return ENT_EIO;
		p += w;
		len -= (size_t)w;
	}
	return ENT_OK;
}

static void fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

enum ent_err media_file_write(const char *data, const char *hash, const uint8_t *p, size_t len,
			      bool *created)
{
	char dir[MEDIA_PATH_MAX], path[MEDIA_PATH_MAX], tmp[MEDIA_PATH_MAX + 16];
	struct stat st;
	*created = false;
	path_of(data, hash, true, dir);
	path_of(data, hash, false, path);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len)
		return ENT_OK; /* the same picture, stored before */
	if (mkdir(dir, 0700) == 0) {
		char media[MEDIA_PATH_MAX];
		snprintf(media, sizeof media, "%s/media", data);
		fsync_dir(media); /* the new ab/ entry survives a crash too */
	} else if (errno != EEXIST) {
		return ENT_EIO;
	}
	snprintf(tmp, sizeof tmp, "%s/.tmp-XXXXXX", dir);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return ENT_EIO;
	enum ent_err err = write_all(fd, p, len);
	if (!err && fsync(fd))
		err = ENT_EIO;
	if (close(fd) && !err)
		err = ENT_EIO;
	if (!err && rename(tmp, path))
		err = ENT_EIO;
	if (err) {
		unlink(tmp);
		return err;
	}
	fsync_dir(dir);
	*created = true;
	return ENT_OK;
}

enum ent_err media_file_read(const char *data, const char *hash, int64_t want, struct buf *b)
{
	char path[MEDIA_PATH_MAX];
	path_of(data, hash, false, path);
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? ENT_ENOTFOUND : ENT_EIO;
	char chunk[65536];
	size_t n, before = b->len;
	enum ent_err err = ENT_OK;
	while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		err = buf_append(b, chunk, n);
	if (!err && (ferror(f) || (int64_t)(b->len - before) != want))
		err = ENT_EIO;
	fclose(f);
	return err;
}

enum ent_err media_store(struct store_conn *db, const char *data, const char *hash,
			 const uint8_t *p, size_t len,
			 enum ent_err (*row)(struct store_conn *db, void *arg), void *arg)
{
	bool created = false;
	enum ent_err err = store_tx_begin(db);
	if (err)
		return err;
	err = row(db, arg);
	if (!err)
		err = store_media_gone_done(db, hash);
	if (!err)
		err = media_file_write(data, hash, p, len, &created);
	if (!err)
		err = store_tx_commit(db);
	if (err) {
		store_tx_rollback(db);
		if (created)
			media_file_unlink(data, hash);
	}
	return err;
}

/* Removes one batch of unreferenced files; returns how many entries it handled (0 when none
 * or on failure). */
static size_t purge_batch(const char *data, struct store_conn *db)
{
	char gone[PURGE_BATCH][STORE_MEDIA_HASH_HEX + 1];
	size_t n = 0;
	if (store_media_gone(db, gone, PURGE_BATCH, &n) || !n || store_tx_begin(db))
		return 0;
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < n; i++) {
		bool used;
		err = store_media_referenced(db, gone[i], &used);
		char path[MEDIA_PATH_MAX];
		path_of(data, gone[i], false, path);
		if (!err && !used && unlink(path) && errno != ENOENT)
			err = ENT_EIO;
		if (!err)
			err = store_media_gone_done(db, gone[i]);
	}
	if (!err)
		err = store_tx_commit(db);
	if (err) {
		store_tx_rollback(db);
		log_err("media purge failed", err, NULL);
		return 0;
	}
	return n;
}

void media_purge(const char *data, struct store_conn *db)
{
	while (purge_batch(data, db) == PURGE_BATCH)
		;
}
