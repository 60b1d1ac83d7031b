/*
 * img.h - internals of the photo sanitizer (include/entraide/image.h is the public side).
 *
 * The pipeline in img_sanitize.c runs: sniff -> container scan (img_<fmt>.c: what metadata
 * is there, where the image ends) -> decode under limits -> orientation (img_orient.c) ->
 * colour (img_icc.c) -> cover faces and masks -> encode. Every stage works on one plain
 * 8-bit pixel buffer (struct img_px) and reports failures through struct img_ctx, whose
 * reason is a static one-line English string.
 */
#ifndef ENT_PRIV_IMG_H
#define ENT_PRIV_IMG_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "entraide/err.h"
#include "entraide/image.h"

/* 8-bit pixels, ch = 1 (grey), 3 (RGB) or 4 (RGBA), rows of stride bytes; 4 (CMYK) only
 * inside the JPEG decoder. */
struct img_px {
	uint8_t *px;
	int w, h, ch;
	size_t stride;
};

/* One sanitization: limits, deadline, what the scan found, and the failure reason. */
struct img_ctx {
	size_t max_bytes;
	uint32_t max_side;
	uint64_t max_pixels;
	uint64_t max_out_pixels;
	struct timespec deadline;
	unsigned removed;        /* enum ent_img_removed bits found in the input */
	int orientation;         /* 1..8 from EXIF (1 when none or ignored) */
	const uint8_t *icc;      /* borrowed from the input, or owned when icc_owned */
	size_t icc_len;
	uint8_t *icc_owned;
	int subsampled;          /* JPEG input had subsampled chroma */
	int lossless;            /* WebP input was lossless */
	const char *reason;
};

/* Sets limits and deadline from o (defaults for zero fields); img_ctx_clear frees what the
 * decoders kept (the ICC profile copy). */
void img_ctx_init(struct img_ctx *c, const struct ent_img_opts *o);
void img_ctx_clear(struct img_ctx *c);

/* Sniffs, decodes, applies the orientation and the colour profile: the picture as
 * displayed, in sRGB. */
enum ent_err img_decode_upright(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out);

/* Records the first failure reason and returns err (so call sites read
 * `return img_fail(c, ENT_EFORMAT, "...")`). */
enum ent_err img_fail(struct img_ctx *c, enum ent_err err, const char *reason);

/* ENT_ETOOBIG (with a reason) when w x h breaks the limits; checked from headers before any
 * pixel allocation. */
enum ent_err img_check_dims(struct img_ctx *c, uint64_t w, uint64_t h);

/* ENT_ETIMEOUT once the time budget is spent. */
enum ent_err img_check_time(struct img_ctx *c);

/* Allocates w x h x ch pixels (after img_check_dims). */
enum ent_err img_px_alloc(struct img_ctx *c, struct img_px *p, int w, int h, int ch);
void img_px_free(struct img_px *p);

/* Writes p scaled down (area average) to at most max_pixels into out, keeping its aspect
 * (img_scale.cc). */
enum ent_err img_px_shrink(struct img_ctx *c, const struct img_px *p, uint64_t max_pixels,
			   struct img_px *out);

/* --- EXIF (img_exif.c) --- */
struct img_exif_info {
	int orientation;        /* 1..8, 1 when absent or out of range */
	int has_gps, has_makernote, has_thumbnail, has_orientation;
	unsigned n_entries;     /* entries read over all IFDs */
	int truncated;          /* some offset pointed outside the block (skipped) */
	int looped;             /* an IFD chain pointed back at a visited IFD (stopped) */
};

/* Parses a TIFF-structured EXIF block (starting at "II*\0" or "MM\0*"), bounds-checked,
 * with loop detection and a depth limit. ENT_EFORMAT when the header is not TIFF; damage
 * inside the block is recorded in info and never fatal. */
enum ent_err img_exif_parse(const uint8_t *tiff, size_t len, struct img_exif_info *info);

/* Sets c->orientation and c->removed from an EXIF block (with or without "Exif\0\0"). */
void img_exif_note(struct img_ctx *c, const uint8_t *p, size_t len, int use_orientation);

/* --- orientation and drawing (img_orient.c) --- */
/* Writes the picture of `in` as displayed under EXIF orientation o (1..8) into `out`
 * (allocated here; w/h swapped for 5..8). */
enum ent_err img_orient_apply(struct img_ctx *c, const struct img_px *in, int o, struct img_px *out);

/* Fills r (clipped to the picture) with opaque black. Returns 0 when nothing was inside. */
int img_fill_rect(struct img_px *p, struct ent_img_rect *r);

/* --- colour (img_icc.c) --- */
/* Converts p in place to sRGB from c->icc when that profile is not already sRGB; an
 * unusable profile is ignored. */
enum ent_err img_icc_to_srgb(struct img_ctx *c, struct img_px *p);
/* Converts CMYK pixels (inverted when adobe) to RGB in a new buffer, through c->icc when it
 * is a CMYK profile, else with the naive formula. */
enum ent_err img_cmyk_to_rgb(struct img_ctx *c, const struct img_px *cmyk, int adobe,
			     struct img_px *rgb);

/* --- codecs: img_jpeg.c, img_png.c, img_webp.c, img_heif.c --- */
/* The container walks each decoder runs first (through img_cur.h): they record what metadata
 * is there into c and refuse a structure that runs past the end; exposed for the unit tests
 * and the per-container fuzz harnesses. */
enum ent_err img_jpeg_scan(struct img_ctx *c, const uint8_t *in, size_t len);
enum ent_err img_png_scan(struct img_ctx *c, const uint8_t *in, size_t len);
enum ent_err img_webp_scan(struct img_ctx *c, const uint8_t *in, size_t len);
enum ent_err img_jpeg_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out);
enum ent_err img_png_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out);
enum ent_err img_webp_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out);
enum ent_err img_heif_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out);

/* Encoders return a malloc'ed file in *out. */
enum ent_err img_jpeg_encode(struct img_ctx *c, const struct img_px *p, int quality,
			     int subsample, uint8_t **out, size_t *len);
enum ent_err img_png_encode(struct img_ctx *c, const struct img_px *p, uint8_t **out, size_t *len);
enum ent_err img_webp_encode(struct img_ctx *c, const struct img_px *p, int lossless,
			     int quality, uint8_t **out, size_t *len);

/* --- faces (img_faces.cc, C++ glue behind C) --- */
/* Detector set bits, for the evaluation tool; img_faces_default() is what sanitize uses. */
enum img_det {
	IMG_DET_HAAR_DEFAULT = 1u << 0,
	IMG_DET_HAAR_ALT = 1u << 1,
	IMG_DET_HAAR_ALT2 = 1u << 2,
	IMG_DET_HAAR_PROFILE = 1u << 3,  /* profile cascade and its mirror */
	IMG_DET_LBP = 1u << 4,
	IMG_DET_LBP_IMPROVED = 1u << 5,
	IMG_DET_LBP_PROFILE = 1u << 6,
	IMG_DET_DLIB = 1u << 7,
	IMG_DET_BLAZEFACE = 1u << 8,     /* BlazeFace CNN over a pyramid of tiles */
	IMG_DET__ALL = (1u << 9) - 1
};
unsigned img_faces_default(void);
/* Loads only the detectors in set. */
enum ent_err img_faces_new_set(struct ent_img_faces **out, unsigned set, const char **why);
/* Raw boxes (not enlarged) of the detectors in set (a subset of what was loaded). */
enum ent_err img_faces_detect_raw(struct ent_img_faces *f, unsigned set, const uint8_t *px,
				  int w, int h, int channels, size_t stride,
				  struct ent_img_region *out, size_t cap, size_t *n);
/* Sets the CNN's smallest face (pixels of the detection copy) and score threshold, and the
 * longest sides of the copies HOG (net_side, 640) and the cascades (cascade_side, 320) look
 * at, for the evaluation tool's trials of what a lesser promise would cost and save; 0 keeps
 * a value. */
void img_faces_tune(struct ent_img_faces *f, int min_face, double threshold, int net_side,
		    int cascade_side);
/* What ent_img_faces_detect() fills, from raw boxes (changed in place): each box enlarged
 * (img_faces_enlarge), boxes of one face merged into their union. */
enum ent_err img_faces_cover(struct ent_img_region *raw, size_t k, int w, int h,
			     struct ent_img_region *out, size_t cap, size_t *n);
/* Grows a detector box to cover hairline to chin and ears, clipped to w x h. */
void img_faces_enlarge(struct ent_img_rect *r, enum ent_img_source src, int w, int h);

#endif
