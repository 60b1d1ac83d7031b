/*
 * api_media.c - picture uploads (issue 4, rule R1). POST /api/v1/media takes the raw bytes of a
 * picture (Content-Type one of API_MEDIA_TYPES; the format is read from the bytes), sanitizes
 * them in memory (every byte of metadata dropped, orientation applied, faces and the caller's
 * masks covered by a solid fill) and stores only the result, content-addressed:
 * DATA/media/ab/cdef... named by the BLAKE2b-256 (hex) of the sanitized bytes, written to a
 * temporary file, fsynced and renamed; identical outputs share one file. The original bytes
 * never reach the disk.
 *
 * Masks: header X-Entraide-Masks or query parameter masks, "x,y,w,h;x,y,w,h" in pixels of
 * the picture as displayed (at most PRO_MASKS_MAX rectangles).
 *
 * Files nobody references any more (their owners' accounts were deleted: see 0400_media.sql)
 * are removed by api_media_purge(), called at the start of each media request.
 * Not responsible for: the sanitizer (src/privacy/image/), who may call (api_routes.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api_image.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/log.h"
#include "entraide/image.h"
#include "pro/pro.h"
#include "store/store_media.h"

#define MEDIA_PATH_MAX API_MEDIA_PATH_MAX
#define PURGE_BATCH 16

/* DATA/media/ab/cdef... for hash; dir_only stops after DATA/media/ab. */
static void media_path(const struct api_app *app, const char *hash, bool dir_only,
		       char out[MEDIA_PATH_MAX])
{
	if (dir_only)
		snprintf(out, MEDIA_PATH_MAX, "%s/media/%.2s", app->cfg.data, hash);
	else
		snprintf(out, MEDIA_PATH_MAX, "%s/media/%.2s/%s", app->cfg.data, hash, hash + 2);
}

void api_media_file(const struct api_app *app, const char *hash, char out[API_MEDIA_PATH_MAX])
{
	media_path(app, hash, false, out);
}

/* Removes one batch of unreferenced files; returns how many entries it handled (0 when none
 * or on failure). */
static size_t purge_batch(const struct api_app *app, struct store_conn *db)
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
		media_path(app, gone[i], false, path);
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

void api_media_purge(const struct api_app *app, struct store_conn *db)
{
	while (purge_batch(app, db) == PURGE_BATCH)
		;
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

/* Writes the file of hash unless it exists: temporary file, fsync, rename. *created tells
 * whether this call made it (so a failed transaction can take it back). */
static enum ent_err store_file(const struct api_app *app, const char *hash, const uint8_t *p,
			       size_t len, bool *created)
{
	char dir[MEDIA_PATH_MAX], path[MEDIA_PATH_MAX], tmp[MEDIA_PATH_MAX + 16];
	struct stat st;
	*created = false;
	media_path(app, hash, true, dir);
	media_path(app, hash, false, path);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len)
		return ENT_OK; /* the same picture, uploaded before */
	if (mkdir(dir, 0700) == 0) {
		char media[MEDIA_PATH_MAX];
		snprintf(media, sizeof media, "%s/media", app->cfg.data);
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

/* The masks of the request (header first, then the query); a malformed list is a 422. */
static enum ent_err masks_of(struct api_req *q, struct ent_img_rect *m, size_t *n)
{
	const char *s = http_header(q->http, "X-Entraide-Masks");
	if (!s)
		s = http_query(q->http, "masks");
	*n = 0;
	if (s && *s && pro_masks_parse(s, m, PRO_MASKS_MAX, n))
		return api_invalid(q, "masks", "not-rectangles");
	return ENT_OK;
}

/* 422 image-rejected with the sanitizer's one-line reason (static English text). */
static void reply_rejected(struct api_req *q, const char *reason)
{
	http_problem_detail(q->http, "image-rejected", q->lang,
			    reason && *reason ? reason : "not a usable picture", NULL);
}

static void write_created(struct buf *b, const struct store_media *m,
			  const struct ent_img_result *r)
{
	buf_printf(b, "{\"id\":%lld,\"url\":\"/api/v1/media/%lld\",\"format\":\"%s\","
		      "\"width\":%d,\"height\":%d,\"bytes\":%lld,\"removed\":[",
		   (long long)m->id, (long long)m->id, m->format, m->width, m->height,
		   (long long)m->bytes);
	bool first = true;
	for (unsigned bit = 1; bit && bit <= ENT_IMG_RM__LAST; bit <<= 1) {
		if (!(r->removed & bit))
			continue;
		buf_printf(b, "%s\"%s\"", first ? "" : ",", ent_img_removed_name(bit));
		first = false;
	}
	buf_puts(b, "],\"covered\":[");
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct ent_img_rect *x = &r->regions[i].rect;
		buf_printf(b, "%s{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"source\":\"%s\"}",
			   i ? "," : "", x->x, x->y, x->w, x->h,
			   ent_img_source_name(r->regions[i].source));
	}
	buf_puts(b, "]}");
}

/* Inserts the row and writes the file in one transaction (see api_media_purge). */
static enum ent_err save(struct api_req *q, struct store_media *m, const struct ent_img_result *r)
{
	bool created = false;
	enum ent_err err = store_tx_begin(q->db);
	if (err)
		return err;
	err = store_media_insert(q->db, m);
	if (!err)
		err = store_file(q->app, m->hash, r->data, r->len, &created);
	if (!err)
		err = store_tx_commit(q->db);
	if (err) {
		store_tx_rollback(q->db);
		if (created) {
			char path[MEDIA_PATH_MAX];
			media_path(q->app, m->hash, false, path);
			unlink(path);
		}
	}
	return err;
}

static void upload_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o)
{
	*o = (struct ent_img_opts){0};
	o->faces_mode = ENT_IMG_FACES_COVER;
	o->masks = masks;
	o->n_masks = n_masks;
	o->max_bytes = API_MEDIA_BODY_MAX;
	o->max_side = 12000;
	o->max_pixels = 50u * 1000 * 1000;
	o->time_budget_ms = 15000;
}

enum ent_err api_media_upload(struct api_req *q)
{
	struct ent_img_rect masks[PRO_MASKS_MAX];
	size_t n_masks;
	api_media_purge(q->app, q->db);
	enum ent_err err = masks_of(q, masks, &n_masks);
	if (err)
		return err;
	if (!q->http->body.len) {
		reply_rejected(q, "empty body: send the picture's bytes");
		return ENT_OK;
	}
	struct ent_img_result res = {0};
	struct ent_img_opts o;
	bool pending;
	upload_opts(masks, n_masks, &o);
	err = api_image_sanitize(q, (const uint8_t *)q->http->body.p, q->http->body.len, &o, true,
				 &res, &pending);
	if (pending)
		return ENT_OK; /* answered when a worker is done */
	if (err == ENT_EINTERNAL || err == ENT_ENOMEM || err == ENT_ERATE || err == ENT_EBUSY) {
		ent_img_result_clear(&res);
		return err;
	}
	if (err) { /* hostile, damaged, unsupported, too large in pixels, too slow */
		reply_rejected(q, res.reason);
		ent_img_result_clear(&res);
		return ENT_OK;
	}
	struct store_media m = {.account_id = q->s.account.id,
				.bytes = (int64_t)res.len,
				.created_at = clock_now(),
				.width = res.width,
				.height = res.height};
	snprintf(m.format, sizeof m.format, "%s", ent_img_format_name(res.format));
	unsigned char h[32];
	crypto_generichash(h, sizeof h, res.data, res.len, NULL, 0);
	sodium_bin2hex(m.hash, sizeof m.hash, h, sizeof h);
	err = save(q, &m, &res);
	if (err) {
		log_err("media not stored", err, NULL);
		ent_img_result_clear(&res);
		return err;
	}
	struct buf b;
	buf_init(&b, 64 * 1024);
	write_created(&b, &m, &res);
	ent_img_result_clear(&res);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static const char *mime_of(const char *format)
{
	return !strcmp(format, "png")    ? "image/png"
	       : !strcmp(format, "webp") ? "image/webp"
					 : "image/jpeg";
}

/* Reads the stored file into b (its size must be the row's). */
static enum ent_err read_file(const char *path, int64_t want, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? ENT_ENOTFOUND : ENT_EIO;
	char chunk[65536];
	size_t n;
	enum ent_err err = ENT_OK;
	while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		err = buf_append(b, chunk, n);
	if (!err && (ferror(f) || (int64_t)b->len != want))
		err = ENT_EIO;
	fclose(f);
	return err;
}

enum ent_err api_media_get(struct api_req *q)
{
	api_media_purge(q->app, q->db);
	const char *s = api_param(q, "id");
	char *end = NULL;
	errno = 0;
	long long id = s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || errno || id <= 0)
		return ENT_ENOTFOUND;
	struct store_media m;
	enum ent_err err = store_media_get(q->db, id, &m);
	if (err)
		return err;
	if (m.account_id != q->s.account.id)
		return ENT_ENOTFOUND; /* later issues widen who may see a picture */
	char path[MEDIA_PATH_MAX];
	media_path(q->app, m.hash, false, path);
	struct buf b;
	buf_init(&b, API_MEDIA_BODY_MAX * 4);
	err = read_file(path, m.bytes, &b);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	q->http->is_api = false; /* our own Cache-Control below */
	q->http->content_type = mime_of(m.format);
	err = http_add_header(q->http, "Cache-Control", "private, no-store");
	if (!err)
		err = http_add_header(q->http, "Content-Disposition", "inline");
	return err;
}
