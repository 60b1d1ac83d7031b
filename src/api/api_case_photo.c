/*
 * api_case_photo.c - case photos (issue 7, rule R1): the author sends a picture with the masks
 * drawn on the preview; the sanitizer removes every byte of metadata, covers faces and the
 * masks, and re-encodes it. The photo stays pending, visible to its author only, until a
 * second verified professional reviews it: approve, add masks then approve, or refuse with a
 * reason. The author cannot review their own photo.
 * Not responsible for: the case itself (api_case.c).
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_handlers.h"
#include "api/api_image.h"
#include "core/clock.h"
#include "core/log.h"
#include "media/media.h"
#include "pro/pro.h"
#include "pro/pro_case.h"

#define PHOTO_MAX_BYTES (10u * 1024 * 1024)

static const char *const decisions[] = {"approve", "refuse", NULL};

const struct json_field api_photo_create_fields[] = {
	{"image", JF_STRING, true, 8, PHOTO_MAX_BYTES / 3 * 4 + 64, NULL},
	{"masks", JF_STRING, false, 0, MEDIA_MASKS_MAX * 24, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_photo_review_fields[] = {
	{"decision", JF_STRING, true, 0, 0, decisions},
	{"reason", JF_STRING, false, 0, 500, NULL},
	{"masks", JF_STRING, false, 0, MEDIA_MASKS_MAX * 24, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static const char *mime_of(enum ent_img_format f)
{
	return f == ENT_IMG_PNG ? "image/png" : f == ENT_IMG_WEBP ? "image/webp" : "image/jpeg";
}

/* The "masks" field, parsed; a malformed one is a field error. */
static enum ent_err masks_of(struct api_req *q, struct ent_img_rect *m, size_t *n)
{
	const char *s = api_str(q, "masks", NULL);
	*n = 0;
	if (s && media_masks_parse(s, m, MEDIA_MASKS_MAX, n))
		return api_invalid(q, "masks", "not-rectangles");
	return ENT_OK;
}

static void write_result(struct buf *b, const struct ent_img_result *r)
{
	buf_printf(b, ",\"mime\":\"%s\",\"width\":%d,\"height\":%d,\"faces\":%zu,\"regions\":[",
		   mime_of(r->format), r->width, r->height, r->n_faces);
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct ent_img_rect *x = &r->regions[i].rect;
		buf_printf(b, "%s{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"source\":\"%s\"}", i ? "," : "",
			   x->x, x->y, x->w, x->h,
			   r->regions[i].source == ENT_IMG_SRC_MASK ? "mask" : "face");
	}
	buf_printf(b, "],\"metadata_removed\":%s}", r->removed ? "true" : "false");
}

enum ent_err api_photo_create(struct api_req *q)
{
	struct pro_case k;
	struct ent_img_rect masks[MEDIA_MASKS_MAX];
	size_t n_masks;
	enum ent_err err = api_case_load(q, true, &k);
	if (err)
		return err;
	bool closed = strcmp(k.status, "open") != 0;
	pro_case_clear(&k);
	if (closed)
		return ENT_ECONFLICT;
	err = masks_of(q, masks, &n_masks);
	if (err)
		return err;
	size_t len;
	const char *b64 = api_str(q, "image", &len);
	const char *comma = memchr(b64, ',', len < 100 ? len : 100); /* a data: URL */
	if (comma && !strncmp(b64, "data:", 5)) {
		len -= (size_t)(comma + 1 - b64);
		b64 = comma + 1;
	}
	uint8_t *raw = malloc(len / 4 * 3 + 3);
	size_t raw_len = 0;
	if (!raw)
		return ENT_ENOMEM;
	if (sodium_base642bin(raw, len / 4 * 3 + 3, b64, len, "\r\n", &raw_len, NULL,
			      sodium_base64_VARIANT_ORIGINAL)) {
		free(raw);
		return api_invalid(q, "image", "not-base64");
	}
	struct ent_img_result res = {0};
	struct ent_img_opts o;
	bool pending;
	media_photo_opts(masks, n_masks, &o);
	err = api_image_sanitize(q, raw, raw_len, &o, true, &res, &pending);
	free(raw);
	if (pending)
		return ENT_OK; /* answered when a worker is done */
	if (err == ENT_ERATE || err == ENT_EBUSY)
		return err;
	if (err == ENT_EFORMAT || err == ENT_ETRUNCATED || err == ENT_EUNSUPPORTED ||
	    err == ENT_ETOOBIG || err == ENT_EINVAL || err == ENT_ETIMEOUT) {
		ent_img_result_clear(&res);
		return api_invalid(q, "image", "not-a-usable-picture");
	}
	int64_t id = 0;
	if (!err) {
		struct pro_photo_new n = {k.id, q->s.account.id, mime_of(res.format), res.data,
					  res.len, res.width, res.height, (int)res.n_faces,
					  (int)n_masks, clock_now()};
		err = pro_photo_insert(q->db, q->app->cfg.data, &n, &id);
	}
	if (err) {
		if (res.reason)
			log_err("case photo not stored", err, res.reason);
		ent_img_result_clear(&res);
		return err;
	}
	struct buf b;
	buf_init(&b, 64 * 1024);
	buf_printf(&b, "{\"id\":%lld,\"case_id\":%lld,\"status\":\"pending\",\"url\":"
		       "\"/api/v1/photos/%lld\"",
		   (long long)id, (long long)k.id, (long long)id);
	write_result(&b, &res);
	ent_img_result_clear(&res);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static enum ent_err send_picture(struct api_req *q, const struct pro_photo *p)
{
	struct buf b;
	buf_init(&b, PHOTO_MAX_BYTES * 2);
	enum ent_err err = pro_photo_data(q->db, q->app->cfg.data, p->id, &b);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	/* the stored type, as one of our static strings */
	q->http->content_type = !strcmp(p->mime, "image/png")    ? "image/png"
				: !strcmp(p->mime, "image/webp") ? "image/webp"
								 : "image/jpeg";
	return ENT_OK;
}

/* The picture: approved ones for every professional; otherwise its author only (404). */
enum ent_err api_photo_get(struct api_req *q)
{
	int64_t id;
	struct pro_photo p;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = pro_photo_get(q->db, id, &p);
	if (err)
		return err;
	if (strcmp(p.status, "approved") != 0 && p.author_id != q->s.account.id)
		return ENT_ENOTFOUND;
	return send_picture(q, &p);
}

/* A pending photo for a reviewer: any verified professional but its author. */
static enum ent_err load_for_review(struct api_req *q, struct pro_photo *p)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err)
		err = pro_photo_get(q->db, id, p);
	if (err)
		return err;
	if (strcmp(p->status, "pending") != 0)
		return ENT_ENOTFOUND;
	if (p->author_id == q->s.account.id) {
		q->slug = "forbidden";
		return ENT_EPERM; /* a second professional reviews, never the author */
	}
	return ENT_OK;
}

enum ent_err api_review_image(struct api_req *q)
{
	struct pro_photo p;
	enum ent_err err = load_for_review(q, &p);
	return err ? err : send_picture(q, &p);
}

struct review_ctx {
	struct buf *b;
	int64_t viewer;
	bool first;
};

static void review_one(const struct pro_photo *p, void *arg)
{
	struct review_ctx *c = arg;
	if (p->author_id == c->viewer)
		return;
	if (!c->first)
		buf_putc(c->b, ',');
	c->first = false;
	buf_printf(c->b, "{\"id\":%lld,\"case_id\":%lld,\"case_title\":", (long long)p->id,
		   (long long)p->case_id);
	buf_json_cstr(c->b, p->case_title);
	buf_printf(c->b, ",\"width\":%d,\"height\":%d,\"faces\":%d,\"masks\":%d,\"image\":"
			 "\"/api/v1/photo-reviews/%lld/image\",\"created_at\":",
		   p->width, p->height, p->n_faces, p->n_masks, (long long)p->id);
	api_json_time(c->b, p->created_at);
	buf_putc(c->b, '}');
}

enum ent_err api_reviews_list(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 1024 * 1024);
	struct review_ctx c = {&b, q->s.account.id, true};
	buf_puts(&b, "{\"reviews\":[");
	enum ent_err err = pro_photo_each(q->db, 0, review_one, &c);
	if (err) {
		buf_clear(&b);
		return err;
	}
	buf_puts(&b, "]}");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_review_decide(struct api_req *q)
{
	struct pro_photo p;
	struct ent_img_rect masks[MEDIA_MASKS_MAX];
	size_t n_masks;
	enum ent_err err = load_for_review(q, &p);
	if (!err)
		err = masks_of(q, masks, &n_masks);
	if (err)
		return err;
	const char *decision = api_str(q, "decision", NULL);
	const char *reason = api_str(q, "reason", NULL);
	bool refuse = !strcmp(decision, "refuse");
	if (refuse && (!reason || strlen(reason) < 3))
		return api_invalid(q, "reason", "required-to-refuse");
	struct pro_photo_review r = {p.id, q->s.account.id, refuse ? "refused" : "approved",
				     reason ? reason : "", NULL, 0, 0, clock_now()};
	struct ent_img_result res = {0};
	if (!refuse && n_masks) { /* the reviewer's masks, on the stored picture */
		struct buf data;
		buf_init(&data, PHOTO_MAX_BYTES * 2);
		err = pro_photo_data(q->db, q->app->cfg.data, p.id, &data);
		if (!err) {
			struct ent_img_opts o;
			bool pending;
			media_photo_opts(masks, n_masks, &o);
			err = api_image_sanitize(q, (const uint8_t *)data.p, data.len, &o, false, &res,
						 &pending);
			buf_clear(&data);
			if (pending)
				return ENT_OK; /* answered when a worker is done */
		} else {
			buf_clear(&data);
		}
		r.data = res.data;
		r.len = res.len;
		r.n_masks = (int)n_masks;
	}
	if (!err)
		err = pro_photo_review(q->db, q->app->cfg.data, &r);
	ent_img_result_clear(&res);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024);
	buf_printf(&b, "{\"id\":%lld,\"status\":\"%s\",\"masks_added\":%zu}", (long long)p.id,
		   r.status, refuse ? (size_t)0 : n_masks);
	api_reply(q, 200, &b);
	return ENT_OK;
}
