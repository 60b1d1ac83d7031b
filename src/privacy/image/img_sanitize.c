/*
 * img_sanitize.c - the photo sanitizer's pipeline and its public entry points.
 *
 * PRIV-IMG-01: the output is encoded from pixels only; no byte of the input's metadata
 * (EXIF, GPS, maker notes, thumbnails, XMP, IPTC, ICC, comments, PNG text/time chunks,
 * trailing data) is copied.
 * PRIV-IMG-02: orientation is applied to the pixels, so the tag can go.
 * PRIV-IMG-03: faces and the author's masks are covered by an opaque solid fill.
 * PRIV-IMG-04: limits (bytes, side, pixel count, time) are enforced before large allocations.
 * This file owns the order of the stages and the result; codecs live in img_<format>.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "privacy/image/img.h"

#define MAX_REGIONS 256

enum ent_err img_fail(struct img_ctx *c, enum ent_err err, const char *reason)
{
	if (!c->reason)
		c->reason = reason;
	return err;
}

enum ent_err img_check_dims(struct img_ctx *c, uint64_t w, uint64_t h)
{
	if (w == 0 || h == 0)
		return img_fail(c, ENT_EFORMAT, "image has an empty size");
	if (w > c->max_side || h > c->max_side)
		return img_fail(c, ENT_ETOOBIG, "image is wider or taller than allowed");
	if (w * h > c->max_pixels)
		return img_fail(c, ENT_ETOOBIG, "image has more pixels than allowed");
	return ENT_OK;
}

static int past(const struct timespec *d)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > d->tv_sec || (now.tv_sec == d->tv_sec && now.tv_nsec > d->tv_nsec);
}

enum ent_err img_check_time(struct img_ctx *c)
{
	if (past(&c->deadline))
		return img_fail(c, ENT_ETIMEOUT, "image took longer than the time budget");
	return ENT_OK;
}

enum ent_err img_px_alloc(struct img_ctx *c, struct img_px *p, int w, int h, int ch)
{
	memset(p, 0, sizeof *p);
	enum ent_err err = img_check_dims(c, (uint64_t)(w > 0 ? w : 0), (uint64_t)(h > 0 ? h : 0));
	if (err)
		return err;
	if (ch < 1 || ch > 4)
		return img_fail(c, ENT_EUNSUPPORTED, "unsupported number of colour channels");
	p->stride = (size_t)w * (size_t)ch;
	p->px = malloc(p->stride * (size_t)h);
	if (!p->px)
		return img_fail(c, ENT_ENOMEM, "out of memory for the pixels");
	p->w = w;
	p->h = h;
	p->ch = ch;
	return ENT_OK;
}

void img_px_free(struct img_px *p)
{
	if (!p)
		return;
	free(p->px);
	p->px = NULL;
}

static enum ent_err decode(struct img_ctx *c, enum ent_img_format f, const uint8_t *in,
			   size_t len, struct img_px *px)
{
	switch (f) {
	case ENT_IMG_JPEG: return img_jpeg_decode(c, in, len, px);
	case ENT_IMG_PNG: return img_png_decode(c, in, len, px);
	case ENT_IMG_WEBP: return img_webp_decode(c, in, len, px);
	case ENT_IMG_HEIF: return img_heif_decode(c, in, len, px);
	default: return img_fail(c, ENT_EFORMAT, "not a JPEG, PNG, WebP or HEIF image");
	}
}

void img_ctx_init(struct img_ctx *c, const struct ent_img_opts *o)
{
	memset(c, 0, sizeof *c);
	c->max_bytes = o->max_bytes ? o->max_bytes : ENT_IMG_DEFAULT_MAX_BYTES;
	c->max_side = o->max_side ? o->max_side : ENT_IMG_DEFAULT_MAX_SIDE;
	c->max_pixels = o->max_pixels ? o->max_pixels : ENT_IMG_DEFAULT_MAX_PIXELS;
	c->max_out_pixels = o->max_out_pixels ? o->max_out_pixels : ENT_IMG_DEFAULT_MAX_OUT_PIXELS;
	clock_gettime(CLOCK_MONOTONIC, &c->deadline);
	uint32_t ms = o->time_budget_ms ? o->time_budget_ms : ENT_IMG_DEFAULT_TIME_MS;
	c->deadline.tv_sec += ms / 1000;
	c->deadline.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (c->deadline.tv_nsec >= 1000000000L) {
		c->deadline.tv_sec++;
		c->deadline.tv_nsec -= 1000000000L;
	}
}

void img_ctx_clear(struct img_ctx *c)
{
	free(c->icc_owned);
	c->icc_owned = NULL;
	c->icc = NULL;
}

enum ent_err img_decode_upright(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out)
{
	struct img_px raw = {0};
	enum ent_err err = decode(c, ent_img_sniff(in, len), in, len, &raw);
	if (err)
		return err;
	/* PRIV-IMG-05: larger than the output cap (JPEG came here already scaled by its DCT) */
	if ((uint64_t)raw.w * (uint64_t)raw.h > c->max_out_pixels) {
		struct img_px small = {0};
		err = img_px_shrink(c, &raw, c->max_out_pixels, &small);
		img_px_free(&raw);
		if (err)
			return err;
		raw = small;
	}
	if (c->orientation < 1 || c->orientation > 8)
		c->orientation = 1;
	if (c->orientation != 1) {
		err = img_orient_apply(c, &raw, c->orientation, out);
		img_px_free(&raw);
		if (err)
			return err;
	} else {
		*out = raw;
	}
	if (c->icc)
		c->removed |= ENT_IMG_RM_ICC;
	err = img_icc_to_srgb(c, out);
	if (err)
		img_px_free(out);
	return err;
}

static enum ent_err cover(struct img_ctx *c, struct img_px *px, const struct ent_img_opts *o,
			  struct ent_img_result *res)
{
	size_t cap = MAX_REGIONS + o->n_masks, n = 0;
	res->regions = calloc(cap, sizeof *res->regions);
	if (!res->regions)
		return img_fail(c, ENT_ENOMEM, "out of memory");
	if (o->faces_mode == ENT_IMG_FACES_COVER) {
		enum ent_err err = ent_img_faces_detect(o->faces, px->px, px->w, px->h, px->ch,
							px->stride, res->regions, MAX_REGIONS, &n);
		if (err)
			return img_fail(c, err, err == ENT_ETIMEOUT ? "face detection took too long"
								      : "face detection failed");
		res->n_faces = n;
	}
	for (size_t i = 0; i < o->n_masks; i++) {
		res->regions[n].rect = o->masks[i];
		res->regions[n].source = ENT_IMG_SRC_MASK;
		n++;
	}
	/* Keep only what touches the picture, clipped. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (img_fill_rect(px, &res->regions[i].rect))
			res->regions[k++] = res->regions[i];
		else if (i < res->n_faces)
			res->n_faces--;
	}
	res->n_regions = k;
	return ENT_OK;
}

static enum ent_err encode(struct img_ctx *c, const struct img_px *px, enum ent_img_format f,
			   int quality, struct ent_img_result *res)
{
	switch (f) {
	case ENT_IMG_JPEG: return img_jpeg_encode(c, px, quality, c->subsampled, &res->data, &res->len);
	case ENT_IMG_PNG: return img_png_encode(c, px, &res->data, &res->len);
	case ENT_IMG_WEBP: return img_webp_encode(c, px, c->lossless, quality, &res->data, &res->len);
	default: return img_fail(c, ENT_EINVAL, "unsupported output format");
	}
}

ENT_EXPORT enum ent_err ent_img_sanitize(const uint8_t *in, size_t len, const struct ent_img_opts *opts,
					 struct ent_img_result *res)
{
	static const struct ent_img_opts defaults;
	const struct ent_img_opts *o = opts ? opts : &defaults;
	struct img_ctx c;
	struct img_px up = {0};
	enum ent_err err;
	if (!res)
		return ENT_EINVAL;
	memset(res, 0, sizeof *res);
	img_ctx_init(&c, o);
	if (o->faces_mode == ENT_IMG_FACES_COVER && !o->faces) {
		err = img_fail(&c, ENT_EINVAL, "face covering requested without a face detector");
		goto out;
	}
	if (o->faces_mode != ENT_IMG_FACES_COVER && o->faces_mode != ENT_IMG_FACES_KEEP) {
		err = img_fail(&c, ENT_EINVAL, "unknown face mode");
		goto out;
	}
	if (!in || len == 0) {
		err = img_fail(&c, ENT_EFORMAT, "empty input");
		goto out;
	}
	if (len > c.max_bytes) {
		err = img_fail(&c, ENT_ETOOBIG, "file is larger than allowed");
		goto out;
	}
	int q = o->jpeg_quality ? o->jpeg_quality : ENT_IMG_DEFAULT_JPEG_QUALITY;
	if (q < 1 || q > 100) {
		err = img_fail(&c, ENT_EINVAL, "quality out of range");
		goto out;
	}
	res->in_format = ent_img_sniff(in, len);
	err = img_decode_upright(&c, in, len, &up);
	if (err)
		goto out;
	res->orientation = c.orientation;
	err = cover(&c, &up, o, res);
	if (err)
		goto out;
	res->format = o->out_format;
	if (res->format == ENT_IMG_NONE || res->format == ENT_IMG_HEIF)
		res->format = res->in_format == ENT_IMG_HEIF ? ENT_IMG_JPEG : res->in_format;
	/* A lossy re-encode of a lossless WebP, or a lossless one of a lossy, is the caller's
	 * choice through out_format; the family default keeps the input's kind. */
	err = encode(&c, &up, res->format, q, res);
	if (err)
		goto out;
	res->width = up.w;
	res->height = up.h;
	res->removed = c.removed;
out:
	img_px_free(&up);
	img_ctx_clear(&c);
	if (err) {
		enum ent_img_format inf = res->in_format;
		ent_img_result_clear(res);
		res->in_format = inf;
		res->reason = c.reason ? c.reason : ent_strerror(err);
	}
	return err;
}
