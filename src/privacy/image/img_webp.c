/*
 * img_webp.c - WebP: a RIFF chunk scan of our own (EXIF, XMP, ICCP, what lies after the
 * RIFF end), decoding with libwebp after WebPGetFeatures() has given the size, and a fresh
 * encode (lossless stays lossless) that writes no metadata chunk.
 */
#include <stdlib.h>
#include <string.h>

#include <webp/decode.h>
#include <webp/encode.h>

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

/* Walks the RIFF chunks through the bounded cursor: a chunk, or its padding byte, that
 * runs past the RIFF size is refused, whatever the sizes add up to. */
enum ent_err img_webp_scan(struct img_ctx *c, const uint8_t *in, size_t len)
{
	struct img_cur f, body;
	uint32_t riff;
	img_cur_init(&f, in, len);
	if (!img_cur_match(&f, "RIFF", 4) || !img_cur_u32(&f, 0, &riff) ||
	    !img_cur_match(&f, "WEBP", 4))
		return img_fail(c, ENT_EFORMAT, "not a WebP file");
	/* the RIFF size counts "WEBP" and the chunks: at least one chunk header */
	if (riff < 12)
		return img_fail(c, ENT_EFORMAT, "WebP RIFF size is too small for a chunk");
	if (!img_cur_sub(&f, (uint64_t)riff - 4, &body))
		return img_fail(c, ENT_ETRUNCATED, "WebP ends before its RIFF size");
	if (img_cur_left(&f))
		c->removed |= ENT_IMG_RM_TRAILER;
	while (img_cur_left(&body)) {
		const uint8_t *t, *data;
		uint32_t n;
		if (!img_cur_take(&body, 4, &t) || !img_cur_u32(&body, 0, &n))
			return img_fail(c, ENT_ETRUNCATED, "WebP chunk header runs past the RIFF end");
		if (!img_cur_take(&body, n, &data))
			return img_fail(c, ENT_ETRUNCATED, "WebP chunk runs past the end of the file");
		if ((n & 1) && !img_cur_skip(&body, 1))
			return img_fail(c, ENT_ETRUNCATED, "WebP chunk padding lies past the RIFF end");
		if (!memcmp(t, "EXIF", 4))
			img_exif_note(c, data, n, 1);
		else if (!memcmp(t, "XMP ", 4))
			c->removed |= ENT_IMG_RM_XMP;
		else if (!memcmp(t, "ICCP", 4)) {
			c->removed |= ENT_IMG_RM_ICC;
			c->icc = data;
			c->icc_len = n;
		} else if (!memcmp(t, "ANIM", 4) || !memcmp(t, "ANMF", 4))
			return img_fail(c, ENT_EUNSUPPORTED, "animated WebP is not supported");
		else if (memcmp(t, "VP8 ", 4) && memcmp(t, "VP8L", 4) && memcmp(t, "VP8X", 4) &&
			 memcmp(t, "ALPH", 4))
			c->removed |= ENT_IMG_RM_OTHER;
	}
	return ENT_OK;
}

enum ent_err img_webp_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out)
{
	enum ent_err err = img_webp_scan(c, in, len);
	if (err)
		return err;
	WebPBitstreamFeatures f;
	if (WebPGetFeatures(in, len, &f) != VP8_STATUS_OK)
		return img_fail(c, ENT_EFORMAT, "WebP header is corrupt");
	if (f.has_animation)
		return img_fail(c, ENT_EUNSUPPORTED, "animated WebP is not supported");
	err = img_check_dims(c, (uint64_t)f.width, (uint64_t)f.height);
	if (err)
		return err;
	c->lossless = f.format == 2;
	int ch = f.has_alpha ? 4 : 3;
	err = img_px_alloc(c, out, f.width, f.height, ch);
	if (err)
		return err;
	size_t size = out->stride * (size_t)out->h;
	uint8_t *ok = ch == 4 ? WebPDecodeRGBAInto(in, len, out->px, size, (int)out->stride)
			      : WebPDecodeRGBInto(in, len, out->px, size, (int)out->stride);
	if (!ok) {
		img_px_free(out);
		return img_fail(c, ENT_EFORMAT, "WebP data is corrupt or truncated");
	}
	return ENT_OK;
}

enum ent_err img_webp_encode(struct img_ctx *c, const struct img_px *p, int lossless, int quality,
			     uint8_t **out, size_t *len)
{
	struct img_px rgb = {0};
	const struct img_px *src = p;
	uint8_t *buf = NULL;
	size_t n;
	if (p->ch == 1) { /* WebP has no grey mode */
		enum ent_err err = img_px_alloc(c, &rgb, p->w, p->h, 3);
		if (err)
			return err;
		for (int y = 0; y < p->h; y++)
			for (int x = 0; x < p->w; x++)
				memset(rgb.px + (size_t)y * rgb.stride + 3 * (size_t)x,
				       p->px[(size_t)y * p->stride + x], 3);
		src = &rgb;
	}
	/* Speed over the last percent of size: lossless at method 0 is about ten times faster
	 * than the simple API's default and identical in pixels; lossy at method 2 keeps the
	 * quality (PSNR) of the default method at about half the time. */
	WebPConfig cfg;
	WebPPicture pic;
	WebPMemoryWriter wr;
	int ok = WebPConfigInit(&cfg) && WebPPictureInit(&pic);
	if (ok) {
		cfg.lossless = lossless;
		cfg.method = lossless ? 0 : 2;
		cfg.quality = lossless ? 25.0f : (float)quality;
		cfg.exact = lossless; /* the simple API kept hidden RGB under alpha 0 too */
		pic.use_argb = lossless;
		pic.width = src->w;
		pic.height = src->h;
		ok = WebPValidateConfig(&cfg) &&
		     (src->ch == 4 ? WebPPictureImportRGBA(&pic, src->px, (int)src->stride)
				   : WebPPictureImportRGB(&pic, src->px, (int)src->stride));
	}
	WebPMemoryWriterInit(&wr);
	pic.writer = WebPMemoryWrite;
	pic.custom_ptr = &wr;
	ok = ok && WebPEncode(&cfg, &pic);
	WebPPictureFree(&pic);
	img_px_free(&rgb);
	buf = wr.mem;
	n = ok ? wr.size : 0;
	if (!n || !buf) {
		WebPMemoryWriterClear(&wr);
		return img_fail(c, ENT_EINTERNAL, "WebP encoder failed");
	}
	*out = malloc(n);
	if (!*out) {
		WebPMemoryWriterClear(&wr);
		return img_fail(c, ENT_ENOMEM, "out of memory");
	}
	memcpy(*out, buf, n);
	*len = n;
	WebPMemoryWriterClear(&wr);
	return ENT_OK;
}
