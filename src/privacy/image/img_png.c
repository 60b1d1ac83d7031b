/*
 * img_png.c - PNG: a chunk scan of our own (metadata present, eXIf orientation, where IEND
 * is), decoding with libpng under limits, and a fresh encode with no ancillary chunk.
 *
 * libpng errors longjmp back here; its user limits refuse a huge IHDR before the rows are
 * allocated, and the chunk allocation cap stops an iCCP/zTXt decompression bomb.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h> /* Z_RLE */

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Walks the chunks through the bounded cursor, from the signature to IEND. */
enum ent_err img_png_scan(struct img_ctx *c, const uint8_t *in, size_t len)
{
	struct img_cur f;
	int first = 1;
	img_cur_init(&f, in, len);
	if (!img_cur_match(&f, png_sig, 8))
		return img_fail(c, ENT_EFORMAT, "not a PNG file");
	while (img_cur_left(&f)) {
		uint32_t n;
		const uint8_t *type, *data;
		if (!img_cur_u32(&f, 1, &n) || !img_cur_take(&f, 4, &type))
			return img_fail(c, ENT_ETRUNCATED, "PNG chunk header runs past the end of the file");
		if (n > 0x7FFFFFFFu || !img_cur_take(&f, n, &data) || !img_cur_skip(&f, 4))
			return img_fail(c, ENT_ETRUNCATED, "PNG chunk runs past the end of the file");
		if (first && memcmp(type, "IHDR", 4) != 0)
			return img_fail(c, ENT_EFORMAT, "PNG does not start with IHDR");
		if (first) {
			/* refuse a bomb from IHDR, before libpng allocates anything */
			if (n < 13)
				return img_fail(c, ENT_EFORMAT, "PNG header is corrupt");
			enum ent_err err = img_check_dims(c, be32(data), be32(data + 4));
			if (err)
				return err;
		}
		first = 0;
		if (memcmp(type, "IEND", 4) == 0) {
			if (img_cur_left(&f))
				c->removed |= ENT_IMG_RM_TRAILER;
			return ENT_OK;
		}
		if (!memcmp(type, "tEXt", 4) || !memcmp(type, "zTXt", 4))
			c->removed |= ENT_IMG_RM_TEXT;
		else if (!memcmp(type, "iTXt", 4))
			c->removed |= (n > 17 && !memcmp(data, "XML:com.adobe.xmp", 17))
					      ? ENT_IMG_RM_XMP
					      : ENT_IMG_RM_TEXT;
		else if (!memcmp(type, "tIME", 4))
			c->removed |= ENT_IMG_RM_TIME;
		else if (!memcmp(type, "eXIf", 4))
			img_exif_note(c, data, n, 1);
		else if (!memcmp(type, "iCCP", 4))
			c->removed |= ENT_IMG_RM_ICC;
		else if (!memcmp(type, "acTL", 4))
			return img_fail(c, ENT_EUNSUPPORTED, "animated PNG is not supported");
		else if ((type[0] & 0x20) && memcmp(type, "gAMA", 4) && memcmp(type, "cHRM", 4) &&
			 memcmp(type, "sRGB", 4) && memcmp(type, "pHYs", 4) && memcmp(type, "sBIT", 4) &&
			 memcmp(type, "bKGD", 4) && memcmp(type, "tRNS", 4) && memcmp(type, "hIST", 4) &&
			 memcmp(type, "sPLT", 4))
			c->removed |= ENT_IMG_RM_OTHER;
	}
	return img_fail(c, ENT_ETRUNCATED, "PNG ends before IEND");
}

struct png_src {
	const uint8_t *p;
	size_t len, pos;
};

static void on_read(png_structp png, png_bytep dst, size_t n)
{
	struct png_src *s = png_get_io_ptr(png);
	if (n > s->len - s->pos)
		png_error(png, "truncated");
	memcpy(dst, s->p + s->pos, n);
	s->pos += n;
}

static void on_error(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

enum ent_err img_png_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out)
{
	enum ent_err err = img_png_scan(c, in, len);
	if (err)
		return err;
	struct png_src src = {in, len, 0};
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
	if (!png)
		return img_fail(c, ENT_ENOMEM, "out of memory");
	png_infop info = png_create_info_struct(png);
	struct img_px px = {0};
	struct img_px *volatile pp = &px;
	png_bytep *volatile rows = NULL;
	if (!info) {
		err = img_fail(c, ENT_ENOMEM, "out of memory");
		goto out;
	}
	if (setjmp(png_jmpbuf(png))) {
		err = img_fail(c, ENT_EFORMAT, "PNG data is corrupt or truncated");
		goto out;
	}
	png_set_read_fn(png, &src, on_read);
	png_set_user_limits(png, c->max_side, c->max_side);
	png_set_chunk_malloc_max(png, 8u * 1024 * 1024);
	png_set_chunk_cache_max(png, 1000);
	png_read_info(png, info);
	png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
	err = img_check_dims(c, w, h);
	if (err)
		goto out;
	int ct = png_get_color_type(png, info);
	png_set_expand(png);
	png_set_scale_16(png);
	png_set_packing(png);
	if ((ct == PNG_COLOR_TYPE_GRAY && png_get_valid(png, info, PNG_INFO_tRNS)) ||
	    ct == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(png);
	png_set_interlace_handling(png);
	png_read_update_info(png, info);
	int ch = png_get_channels(png, info);
	if ((ch != 1 && ch != 3 && ch != 4) || png_get_rowbytes(png, info) != (size_t)w * ch) {
		err = img_fail(c, ENT_EUNSUPPORTED, "PNG pixel layout not supported");
		goto out;
	}
	png_charp name;
	int comp;
	png_bytep prof;
	png_uint_32 prof_len;
	if (png_get_iCCP(png, info, &name, &comp, &prof, &prof_len) && prof_len) {
		c->icc_owned = malloc(prof_len);
		if (c->icc_owned) {
			memcpy(c->icc_owned, prof, prof_len);
			c->icc = c->icc_owned;
			c->icc_len = prof_len;
		}
	}
	err = img_px_alloc(c, pp, (int)w, (int)h, ch);
	if (err)
		goto out;
	rows = malloc(sizeof *rows * h);
	if (!rows) {
		err = img_fail(c, ENT_ENOMEM, "out of memory");
		goto out;
	}
	for (png_uint_32 y = 0; y < h; y++)
		rows[y] = pp->px + (size_t)y * pp->stride;
	png_read_image(png, rows);
	png_read_end(png, NULL);
	*out = *pp;
	pp->px = NULL;
out:
	free(rows);
	img_px_free(pp);
	png_destroy_read_struct(&png, info ? &info : NULL, NULL);
	return err;
}

/* Growable output with a hard cap. */
struct png_dst {
	uint8_t *p;
	size_t len, cap, max;
	int failed;
};

static void on_write(png_structp png, png_bytep data, size_t n)
{
	struct png_dst *d = png_get_io_ptr(png);
	if (n > d->max - d->len) {
		d->failed = 1;
		png_error(png, "output too large");
	}
	if (d->len + n > d->cap) {
		size_t cap = d->cap ? d->cap : 65536;
		while (cap < d->len + n)
			cap *= 2;
		uint8_t *np = realloc(d->p, cap);
		if (!np) {
			d->failed = 1;
			png_error(png, "out of memory");
		}
		d->p = np;
		d->cap = cap;
	}
	memcpy(d->p + d->len, data, n);
	d->len += n;
}

static void on_flush(png_structp png)
{
	(void)png;
}

/* Whether p looks like a photograph rather than a drawing or a screenshot: under 40% of
 * its pixels (every 8th row) equal to their left neighbour. Measured with zlib level 3:
 * photographs and the fixtures' smooth pictures (6-37% such pixels) come out 3-18% smaller
 * and in about half the time with Z_RLE (after PNG's row filters their bytes are small
 * residues that seldom repeat at a distance); drawings, screenshots, icons and charts
 * (46-98%) are up to 1.8x larger with it and no faster (bench/image/README.md). */
static int png_photo_like(const struct img_px *p)
{
	const size_t ch = (size_t)p->ch;
	long same = 0, total = 0;
	for (int y = 0; y < p->h; y += 8) {
		const uint8_t *row = p->px + (size_t)y * p->stride;
		for (size_t x = ch; x < (size_t)p->w * ch; x += ch) {
			total++;
			same += !memcmp(row + x, row + x - ch, ch);
		}
	}
	return total > 0 && same * 10 < total * 4;
}

enum ent_err img_png_encode(struct img_ctx *c, const struct img_px *p, uint8_t **out, size_t *len)
{
	struct png_dst dst = {.max = (size_t)1 << 31};
	volatile enum ent_err err = ENT_OK;
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
	if (!png)
		return img_fail(c, ENT_ENOMEM, "out of memory");
	png_infop info = png_create_info_struct(png);
	if (!info) {
		err = img_fail(c, ENT_ENOMEM, "out of memory");
		goto out;
	}
	if (setjmp(png_jmpbuf(png))) {
		err = img_fail(c, ENT_ENOMEM, "PNG encoder failed");
		goto out;
	}
	png_set_write_fn(png, &dst, on_write, on_flush);
	/* zlib level 3: a few percent larger than 6 at about half the time (pixels identical). */
	png_set_compression_level(png, 3);
	if (png_photo_like(p))
		png_set_compression_strategy(png, Z_RLE);
	int ct = p->ch == 1 ? PNG_COLOR_TYPE_GRAY : p->ch == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA;
	png_set_IHDR(png, info, (png_uint_32)p->w, (png_uint_32)p->h, 8, ct, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < p->h; y++)
		png_write_row(png, p->px + (size_t)y * p->stride);
	png_write_end(png, NULL);
	*out = dst.p;
	*len = dst.len;
	dst.p = NULL;
out:
	free(dst.p);
	png_destroy_write_struct(&png, info ? &info : NULL);
	return err;
}
