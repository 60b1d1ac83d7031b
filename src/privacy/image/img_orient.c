/*
 * img_orient.c - turning stored pixels into displayed pixels, and the solid fill.
 *
 * EXIF orientation values (TIFF 6.0, tag 0x0112) say where the stored row 0 / column 0 go:
 * 1 as stored, 2 mirrored left-right, 3 turned 180, 4 mirrored top-bottom, 5 transposed,
 * 6 turned 90 clockwise, 7 transversed, 8 turned 90 counter-clockwise. The output is a new
 * buffer: re-encoding from displayed pixels is what makes the picture look the same in
 * every viewer once the tag is gone (a lossless jpegtran-style turn would trim odd edges).
 */
#include <string.h>

#include "privacy/image/img.h"

/* Source pixel of displayed (dx, dy) for a stored picture of w x h. */
static inline void src_of(int o, int dx, int dy, int w, int h, int *sx, int *sy)
{
	switch (o) {
	case 2: *sx = w - 1 - dx; *sy = dy; break;
	case 3: *sx = w - 1 - dx; *sy = h - 1 - dy; break;
	case 4: *sx = dx; *sy = h - 1 - dy; break;
	case 5: *sx = dy; *sy = dx; break;
	case 6: *sx = dy; *sy = h - 1 - dx; break;
	case 7: *sx = w - 1 - dy; *sy = h - 1 - dx; break;
	case 8: *sx = w - 1 - dy; *sy = dx; break;
	default: *sx = dx; *sy = dy; break;
	}
}

enum ent_err img_orient_apply(struct img_ctx *c, const struct img_px *in, int o, struct img_px *out)
{
	if (o < 1 || o > 8)
		o = 1;
	int swap = o >= 5;
	int W = swap ? in->h : in->w, H = swap ? in->w : in->h;
	enum ent_err err = img_px_alloc(c, out, W, H, in->ch);
	if (err)
		return err;
	const int ch = in->ch;
	for (int dy = 0; dy < H; dy++) {
		uint8_t *d = out->px + (size_t)dy * out->stride;
		if (!swap) {
			int sx0, sy;
			src_of(o, 0, dy, in->w, in->h, &sx0, &sy);
			const uint8_t *srow = in->px + (size_t)sy * in->stride;
			if (sx0 == 0) {
				memcpy(d, srow, (size_t)W * ch);
				continue;
			}
			for (int dx = 0; dx < W; dx++)
				memcpy(d + (size_t)dx * ch, srow + (size_t)(W - 1 - dx) * ch, (size_t)ch);
			continue;
		}
		for (int dx = 0; dx < W; dx++) {
			int sx, sy;
			src_of(o, dx, dy, in->w, in->h, &sx, &sy);
			memcpy(d + (size_t)dx * ch, in->px + (size_t)sy * in->stride + (size_t)sx * ch,
			       (size_t)ch);
		}
		if ((dy & 63) == 0 && img_check_time(c)) {
			img_px_free(out);
			return ENT_ETIMEOUT;
		}
	}
	return ENT_OK;
}

int img_fill_rect(struct img_px *p, struct ent_img_rect *r)
{
	long x0 = r->x, y0 = r->y, x1 = (long)r->x + r->w, y1 = (long)r->y + r->h;
	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 > p->w)
		x1 = p->w;
	if (y1 > p->h)
		y1 = p->h;
	if (r->w <= 0 || r->h <= 0 || x0 >= x1 || y0 >= y1) {
		r->w = r->h = 0;
		return 0;
	}
	r->x = (int)x0;
	r->y = (int)y0;
	r->w = (int)(x1 - x0);
	r->h = (int)(y1 - y0);
	for (long y = y0; y < y1; y++) {
		uint8_t *row = p->px + (size_t)y * p->stride + (size_t)x0 * p->ch;
		if (p->ch == 4) {
			for (long x = x0; x < x1; x++, row += 4) {
				row[0] = row[1] = row[2] = 0;
				row[3] = 255; /* opaque: a transparent fill would let nothing, or a backdrop, show */
			}
		} else {
			memset(row, 0, (size_t)(x1 - x0) * p->ch);
		}
	}
	return 1;
}
