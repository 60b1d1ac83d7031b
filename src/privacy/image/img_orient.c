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

/* One pixel of ch bytes (fixed-size copies the compiler inlines: a memcpy call per pixel
 * was most of the time of turning a 12 MP photo). */
static inline void put(uint8_t *d, const uint8_t *s, int ch)
{
	switch (ch) {
	case 1: d[0] = s[0]; break;
	case 3: memcpy(d, s, 3); break;
	case 4: memcpy(d, s, 4); break;
	default: memcpy(d, s, (size_t)ch); break;
	}
}

#define TURN_BLOCK 32 /* displayed rows written together: their source pixels are adjacent */

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
	if (!swap) {
		/* 1-4: each displayed row is a stored row, mirrored for 2 and 3 */
		const int mirror = o == 2 || o == 3, flip = o == 3 || o == 4;
		for (int dy = 0; dy < H; dy++) {
			uint8_t *d = out->px + (size_t)dy * out->stride;
			const uint8_t *srow = in->px + (size_t)(flip ? in->h - 1 - dy : dy) * in->stride;
			if (!mirror)
				memcpy(d, srow, (size_t)W * ch);
			else
				for (int dx = 0; dx < W; dx++)
					put(d + (size_t)dx * ch, srow + (size_t)(W - 1 - dx) * ch, ch);
		}
		return ENT_OK;
	}
	/* 5-8: displayed column dx is stored row sy(dx), read from column sx(dy): 5 sx = dy,
	 * sy = dx; 6 sx = dy, sy = h-1-dx; 7 sx = w-1-dy, sy = h-1-dx; 8 sx = w-1-dy, sy = dx.
	 * Done in blocks of displayed rows so that each stored row is read a block at a time. */
	const int sx_rev = o == 7 || o == 8, sy_rev = o == 6 || o == 7;
	for (int dy0 = 0; dy0 < H; dy0 += TURN_BLOCK) {
		const int dy1 = dy0 + TURN_BLOCK < H ? dy0 + TURN_BLOCK : H;
		for (int dx = 0; dx < W; dx++) {
			const int sy = sy_rev ? in->h - 1 - dx : dx;
			const uint8_t *srow = in->px + (size_t)sy * in->stride;
			uint8_t *d = out->px + (size_t)dy0 * out->stride + (size_t)dx * ch;
			for (int dy = dy0; dy < dy1; dy++, d += out->stride)
				put(d, srow + (size_t)(sx_rev ? in->w - 1 - dy : dy) * ch, ch);
		}
		if (img_check_time(c)) {
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
