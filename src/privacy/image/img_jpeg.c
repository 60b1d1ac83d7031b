/*
 * img_jpeg.c - JPEG: a marker scan of our own (what metadata is there, where the image
 * really ends), decoding with libjpeg-turbo under limits, and a fresh encode.
 *
 * libjpeg's error_exit longjmps back here instead of exiting, and its warnings (corrupt or
 * truncated data) are errors too: a damaged upload is refused, not half-decoded. The size
 * from the frame header is checked before jpeg_start_decompress() allocates anything; the
 * scan count is capped because a progressive file with thousands of scans is a CPU bomb.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

#define JPEG_MAX_SCANS 100

struct jerr {
	struct jpeg_error_mgr pub;
	jmp_buf jmp;
	const char *reason;
};

static void on_error(j_common_ptr ci)
{
	struct jerr *e = (struct jerr *)ci->err;
	longjmp(e->jmp, 1);
}

static void on_message(j_common_ptr ci, int level)
{
	/* level -1 is a warning: corrupt data, premature end. Refuse rather than guess. */
	if (level < 0) {
		struct jerr *e = (struct jerr *)ci->err;
		e->reason = "JPEG data is corrupt or truncated";
		longjmp(e->jmp, 1);
	}
}

static void no_output(j_common_ptr ci)
{
	(void)ci;
}

static void init_err(struct jerr *e)
{
	jpeg_std_error(&e->pub);
	e->pub.error_exit = on_error;
	e->pub.emit_message = on_message;
	e->pub.output_message = no_output;
	e->reason = NULL;
}

static int has_prefix(const uint8_t *p, size_t n, const char *s)
{
	size_t k = strlen(s) + 1; /* include the NUL the identifiers carry */
	return n >= k && memcmp(p, s, k) == 0;
}

/* Skips entropy-coded data up to the next marker that is neither 0xFF00 stuffing nor RSTn
 * (left on the 0xFF), or to the end when there is none. */
static void skip_entropy(struct img_cur *f)
{
	for (;;) {
		size_t left = img_cur_left(f);
		const uint8_t *p = img_cur_peek(f, left);
		const uint8_t *ff = left >= 2 ? memchr(p, 0xFF, left - 1) : NULL;
		if (!ff) { /* no marker follows: the walk ends as truncated */
			img_cur_skip(f, left);
			return;
		}
		img_cur_skip(f, (size_t)(ff - p));
		if (ff[1] != 0x00 && !(ff[1] >= 0xD0 && ff[1] <= 0xD7))
			return;
		img_cur_skip(f, 2);
	}
}

/* Walks the markers through the bounded cursor: records metadata, reads the EXIF
 * orientation, counts scans, finds EOI. */
enum ent_err img_jpeg_scan(struct img_ctx *c, const uint8_t *in, size_t len)
{
	struct img_cur f;
	int scans = 0;
	img_cur_init(&f, in, len);
	if (!img_cur_match(&f, "\xFF\xD8", 2))
		return img_fail(c, ENT_EFORMAT, "not a JPEG file");
	for (;;) {
		uint8_t ff, m;
		uint16_t seg;
		struct img_cur s;
		if (!img_cur_u8(&f, &ff))
			break;
		if (ff != 0xFF)
			return img_fail(c, ENT_EFORMAT, "JPEG marker expected");
		do { /* 0xFF fill bytes may precede a marker */
			if (!img_cur_u8(&f, &m))
				return img_fail(c, ENT_ETRUNCATED, "JPEG ends before its end marker");
		} while (m == 0xFF);
		if (m == 0xD9) { /* EOI */
			if (img_cur_left(&f))
				c->removed |= ENT_IMG_RM_TRAILER;
			return ENT_OK;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;
		if (!img_cur_u16(&f, 1, &seg))
			break;
		if (seg < 2 || !img_cur_sub(&f, seg - 2u, &s))
			return img_fail(c, ENT_ETRUNCATED, "JPEG segment runs past the end of the file");
		const uint8_t *p = s.p;
		size_t n = s.len;
		if (m == 0xE1 && has_prefix(p, n, "Exif"))
			img_exif_note(c, p, n, 1);
		else if (m == 0xE1 && (has_prefix(p, n, "http://ns.adobe.com/xap/1.0/") ||
				       has_prefix(p, n, "http://ns.adobe.com/xmp/extension/")))
			c->removed |= ENT_IMG_RM_XMP;
		else if (m == 0xE2 && has_prefix(p, n, "ICC_PROFILE"))
			c->removed |= ENT_IMG_RM_ICC;
		else if (m == 0xE2 && has_prefix(p, n, "MPF"))
			c->removed |= ENT_IMG_RM_THUMBNAIL; /* multi-picture: previews, depth maps */
		else if (m == 0xED)
			c->removed |= ENT_IMG_RM_IPTC;
		else if (m == 0xFE)
			c->removed |= ENT_IMG_RM_COMMENT;
		else if (m == 0xE0 && has_prefix(p, n, "JFIF"))
			; /* structural; a JFIF thumbnail is not re-emitted either */
		else if (m >= 0xE0 && m <= 0xEF && m != 0xEE)
			c->removed |= ENT_IMG_RM_OTHER;
		if (m == 0xDA) {
			if (++scans > JPEG_MAX_SCANS)
				return img_fail(c, ENT_ETOOBIG, "JPEG has too many scans");
			skip_entropy(&f);
		}
	}
	return img_fail(c, ENT_ETRUNCATED, "JPEG ends before its end marker");
}

enum ent_err img_jpeg_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out)
{
	struct jpeg_decompress_struct ci;
	struct jerr e;
	struct img_px raw = {0};
	/* volatile: these change between setjmp and a possible longjmp */
	struct img_px *volatile rawp = &raw;
	volatile int created = 0;
	enum ent_err err = img_jpeg_scan(c, in, len);
	if (err)
		return err;
	memset(&ci, 0, sizeof ci);
	init_err(&e);
	ci.err = &e.pub;
	if (setjmp(e.jmp)) {
		err = img_fail(c, ENT_EFORMAT, e.reason ? e.reason : "JPEG data is corrupt");
		goto out;
	}
	jpeg_create_decompress(&ci);
	created = 1;
	ci.mem->max_memory_to_use = 512L * 1024 * 1024;
	jpeg_mem_src(&ci, in, (unsigned long)len);
	jpeg_save_markers(&ci, JPEG_APP0 + 2, 0xFFFF);
	jpeg_read_header(&ci, TRUE);
	err = img_check_dims(c, ci.image_width, ci.image_height);
	if (err)
		goto out;
	/* PRIV-IMG-05: a picture over the output cap is decoded at the largest scale k/8 that
	 * fits (libjpeg-turbo's DCT scaling): time and memory follow what is kept. */
	for (unsigned k = 8; k >= 1; k--) {
		uint64_t w = ((uint64_t)ci.image_width * k + 7) / 8, h = ((uint64_t)ci.image_height * k + 7) / 8;
		if (w * h <= c->max_out_pixels || k == 1) {
			ci.scale_num = k;
			ci.scale_denom = 8;
			break;
		}
	}
	int cmyk = ci.jpeg_color_space == JCS_CMYK || ci.jpeg_color_space == JCS_YCCK;
	if (cmyk)
		ci.out_color_space = JCS_CMYK;
	else if (ci.jpeg_color_space == JCS_GRAYSCALE)
		ci.out_color_space = JCS_GRAYSCALE;
	else
		ci.out_color_space = JCS_RGB;
	if (ci.num_components >= 3 && (ci.comp_info[0].h_samp_factor > ci.comp_info[1].h_samp_factor ||
				       ci.comp_info[0].v_samp_factor > ci.comp_info[1].v_samp_factor))
		c->subsampled = 1;
	JOCTET *icc = NULL;
	unsigned int icc_len = 0;
	if (jpeg_read_icc_profile(&ci, &icc, &icc_len) && icc) {
		free(c->icc_owned);
		c->icc = c->icc_owned = icc;
		c->icc_len = icc_len;
	}
	jpeg_start_decompress(&ci);
	err = img_px_alloc(c, rawp, (int)ci.output_width, (int)ci.output_height, ci.output_components);
	if (err)
		goto out;
	while (ci.output_scanline < ci.output_height) {
		JSAMPROW row = rawp->px + (size_t)ci.output_scanline * rawp->stride;
		jpeg_read_scanlines(&ci, &row, 1);
		if ((ci.output_scanline & 63) == 0 && (err = img_check_time(c)))
			goto out;
	}
	jpeg_finish_decompress(&ci);
	if (cmyk) {
		err = img_cmyk_to_rgb(c, rawp, ci.saw_Adobe_marker, out);
		/* the profile was a CMYK one and has been applied */
		c->icc = NULL;
		c->icc_len = 0;
		goto out;
	}
	*out = *rawp;
	rawp->px = NULL;
out:
	img_px_free(rawp);
	if (created)
		jpeg_destroy_decompress(&ci);
	return err;
}

struct jpeg_out {
	unsigned char *buf;
	unsigned long len;
};

enum ent_err img_jpeg_encode(struct img_ctx *c, const struct img_px *p, int quality, int subsample,
			     uint8_t **out, size_t *len)
{
	struct jpeg_compress_struct ci;
	struct jerr e;
	struct jpeg_out o = {0};
	uint8_t *volatile row = NULL;
	volatile int created = 0;
	volatile enum ent_err err = ENT_OK;
	memset(&ci, 0, sizeof ci);
	init_err(&e);
	ci.err = &e.pub;
	if (setjmp(e.jmp)) {
		err = img_fail(c, ENT_EINTERNAL, "JPEG encoder failed");
		goto out;
	}
	jpeg_create_compress(&ci);
	created = 1;
	jpeg_mem_dest(&ci, &o.buf, &o.len);
	ci.image_width = (JDIMENSION)p->w;
	ci.image_height = (JDIMENSION)p->h;
	ci.input_components = p->ch == 1 ? 1 : 3;
	ci.in_color_space = p->ch == 1 ? JCS_GRAYSCALE : JCS_RGB;
	jpeg_set_defaults(&ci);
	jpeg_set_quality(&ci, quality, TRUE);
	/* Standard Huffman tables: optimised ones save ~5% of bytes for a second pass over
	 * every coefficient. */
	ci.optimize_coding = FALSE;
	ci.density_unit = 0;
	ci.X_density = ci.Y_density = 1;
	if (ci.input_components == 3) {
		/* Keep the input's chroma resolution: 4:4:4 unless the source was already
		 * subsampled, where 4:2:0 loses nothing more and keeps files small. */
		ci.comp_info[0].h_samp_factor = ci.comp_info[0].v_samp_factor = subsample ? 2 : 1;
	}
	jpeg_start_compress(&ci, TRUE);
	if (p->ch == 4) {
		row = malloc((size_t)p->w * 3);
		if (!row) {
			err = img_fail(c, ENT_ENOMEM, "out of memory");
			goto out;
		}
	}
	while (ci.next_scanline < ci.image_height) {
		const uint8_t *s = p->px + (size_t)ci.next_scanline * p->stride;
		JSAMPROW r = (JSAMPROW)s;
		if (p->ch == 4) {
			/* JPEG has no alpha: composite over white, as a viewer would. */
			for (int x = 0; x < p->w; x++) {
				unsigned a = s[4 * x + 3];
				for (int k = 0; k < 3; k++)
					row[3 * x + k] = (uint8_t)((s[4 * x + k] * a + 255 * (255 - a) + 127) / 255);
			}
			r = row;
		}
		jpeg_write_scanlines(&ci, &r, 1);
	}
	jpeg_finish_compress(&ci);
	*out = o.buf;
	*len = o.len;
	o.buf = NULL;
out:
	free(row);
	if (created)
		jpeg_destroy_compress(&ci);
	free(o.buf);
	return err;
}
