/*
 * api_media.c - picture uploads (issue 4, rule R1). POST /api/v1/media takes the raw bytes of a
 * picture (Content-Type one of API_MEDIA_TYPES; the format is read from the bytes), sanitizes
 * them in memory (every byte of metadata dropped, orientation applied, faces and the caller's
 * masks covered by a solid fill) and stores only the result, content-addressed (media.h).
 * The original bytes never reach the disk.
 *
 * Masks: header X-Entraide-Masks or query parameter masks, "x,y,w,h;x,y,w,h" in pixels of
 * the picture as displayed (at most MEDIA_MASKS_MAX rectangles).
 *
 * Files nobody references any more (their owners' accounts were deleted: see 0400_media.sql)
 * are removed by api_media_purge() (media_purge), called at the start of each media request.
 * Not responsible for: the sanitizer (src/privacy/image/), the files (src/media/), who may
 * call (api_routes.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_image.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/log.h"
#include "entraide/image.h"
#include "media/media.h"
#include "media/media_store.h"

void api_media_purge(const struct api_app *app, struct store_conn *db)
{
	media_purge(app->cfg.data, db);
}

/* The masks of the request (header first, then the query); a malformed list is a 422. */
static enum ent_err masks_of(struct api_req *q, struct ent_img_rect *m, size_t *n)
{
	const char *s = http_header(q->http, "X-Entraide-Masks");
	if (!s)
		s = http_query(q->http, "masks");
	*n = 0;
	if (s && *s && media_masks_parse(s, m, MEDIA_MASKS_MAX, n))
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

static enum ent_err insert_row(struct store_conn *db, void *m)
{
	return store_media_insert(db, m);
}

enum ent_err api_media_upload(struct api_req *q)
{
	struct ent_img_rect masks[MEDIA_MASKS_MAX];
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
	media_upload_opts(masks, n_masks, &o);
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
	media_hash(res.data, res.len, m.hash);
	/* the row and the file in one transaction (see api_media_purge) */
	err = media_store(q->db, q->app->cfg.data, m.hash, res.data, res.len, insert_row, &m);
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
	struct buf b;
	buf_init(&b, API_MEDIA_BODY_MAX * 4);
	err = media_file_read(q->app->cfg.data, m.hash, m.bytes, &b);
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
