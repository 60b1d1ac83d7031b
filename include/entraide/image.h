/*
 * image.h - photo sanitization (rule R1): nothing but the pixels, and no face.
 *
 * ent_img_sanitize() takes the bytes of an uploaded picture (JPEG, PNG, WebP, HEIC/HEIF; the
 * format is read from the magic bytes, never from a name), decodes them under hard limits
 * (file size, dimensions and pixel count checked from the header before any pixel buffer is
 * allocated, a time budget), turns the pixels upright (EXIF orientation in JPEG/PNG/WebP; the
 * irot/imir boxes in HEIF), converts a non-sRGB ICC profile to sRGB, covers faces and the
 * caller's masks with a solid fill, and encodes a fresh file that carries no metadata at all.
 * The result says what was removed and which regions were covered, so the author can check
 * the picture and add masks before sending.
 *
 * Threads: ent_img_sanitize() keeps no global state and may run in many threads at once.
 * A face detector (struct ent_img_faces) holds loaded models; it is safe to share between
 * threads (calls on one detector are serialised by an internal lock), but a busy server
 * should create one per worker thread so detections run in parallel.
 *
 * Ownership: the input is borrowed; the result owns its output buffer and its arrays until
 * ent_img_result_clear(). Error messages in the result are static English text for
 * operators and never contain image content.
 */
#ifndef ENTRAIDE_IMAGE_H
#define ENTRAIDE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"

#ifdef __cplusplus
extern "C" {
#endif

enum ent_img_format {
	ENT_IMG_NONE = 0, /* input: same family as the input (HEIF becomes JPEG) */
	ENT_IMG_JPEG,
	ENT_IMG_PNG,
	ENT_IMG_WEBP,
	ENT_IMG_HEIF,     /* input only */
};

/* What the sanitizer found and left out of the output (bit set in ent_img_result.removed). */
enum ent_img_removed {
	ENT_IMG_RM_EXIF = 1u << 0,       /* EXIF/TIFF block (camera, dates, settings) */
	ENT_IMG_RM_GPS = 1u << 1,        /* EXIF GPS sub-IFD */
	ENT_IMG_RM_MAKERNOTE = 1u << 2,  /* EXIF maker note */
	ENT_IMG_RM_THUMBNAIL = 1u << 3,  /* embedded thumbnail or preview picture */
	ENT_IMG_RM_XMP = 1u << 4,        /* XMP packet */
	ENT_IMG_RM_IPTC = 1u << 5,       /* IPTC / Photoshop IRB */
	ENT_IMG_RM_ICC = 1u << 6,        /* ICC profile (pixels converted to sRGB first if needed) */
	ENT_IMG_RM_COMMENT = 1u << 7,    /* JPEG COM segment */
	ENT_IMG_RM_TEXT = 1u << 8,       /* PNG tEXt/zTXt/iTXt chunks */
	ENT_IMG_RM_TIME = 1u << 9,       /* PNG tIME chunk */
	ENT_IMG_RM_TRAILER = 1u << 10,   /* bytes after the end of the image (polyglots) */
	ENT_IMG_RM_ORIENTATION = 1u << 11, /* orientation tag (applied to the pixels) */
	ENT_IMG_RM_OTHER = 1u << 12,     /* other application segments, chunks or boxes */
	ENT_IMG_RM__LAST = ENT_IMG_RM_OTHER
};

enum ent_img_faces_mode {
	ENT_IMG_FACES_COVER = 0, /* default: detect and cover faces (needs opts->faces) */
	ENT_IMG_FACES_KEEP,      /* leave faces visible (the author decided) */
};

/* Where a covered region came from. */
enum ent_img_source {
	ENT_IMG_SRC_MASK = 0,     /* a rectangle given by the caller */
	ENT_IMG_SRC_HAAR_FRONTAL, /* OpenCV Haar cascade, frontal face */
	ENT_IMG_SRC_HAAR_PROFILE, /* OpenCV Haar cascade, profile face (or its mirror) */
	ENT_IMG_SRC_LBP,          /* OpenCV LBP cascade */
	ENT_IMG_SRC_DLIB_HOG,     /* dlib HOG frontal face detector */
	ENT_IMG_SRC_BLAZEFACE,    /* MediaPipe BlazeFace CNN (OpenCV DNN) */
};

/* A rectangle in pixels of the picture as displayed (orientation applied). */
struct ent_img_rect {
	int x, y, w, h;
};

struct ent_img_region {
	struct ent_img_rect rect;    /* the area filled (detections are enlarged) */
	enum ent_img_source source;
};

struct ent_img_faces; /* loaded face detection models */

struct ent_img_opts {
	enum ent_img_format out_format;     /* ENT_IMG_NONE: same family as the input */
	enum ent_img_faces_mode faces_mode; /* default (0) is cover */
	struct ent_img_faces *faces;        /* required when faces_mode is cover */
	const struct ent_img_rect *masks;   /* borrowed, n_masks rectangles, displayed coordinates */
	size_t n_masks;
	size_t max_bytes;       /* 0: ENT_IMG_DEFAULT_MAX_BYTES */
	uint32_t max_side;      /* 0: ENT_IMG_DEFAULT_MAX_SIDE */
	uint64_t max_pixels;    /* 0: ENT_IMG_DEFAULT_MAX_PIXELS (refused above) */
	uint64_t max_out_pixels; /* 0: ENT_IMG_DEFAULT_MAX_OUT_PIXELS (scaled down above) */
	uint32_t time_budget_ms; /* 0: ENT_IMG_DEFAULT_TIME_MS */
	int jpeg_quality;       /* 0: ENT_IMG_DEFAULT_JPEG_QUALITY */
};

#define ENT_IMG_DEFAULT_MAX_BYTES (50u * 1024u * 1024u)
#define ENT_IMG_DEFAULT_MAX_SIDE 30000u
#define ENT_IMG_DEFAULT_MAX_PIXELS (100u * 1000u * 1000u)
/* A picture with more pixels is written scaled down to fit (a 12 MP phone photo passes as
 * it is; a 48 MP one comes out at 12 MP). JPEG is decoded at the scale directly. */
/* Quality 88 keeps every fixture above 40 dB PSNR (bench/image/README.md), well over the
 * 35 dB bar, in fewer bytes and less time than 92. */
#define ENT_IMG_DEFAULT_JPEG_QUALITY 88
#define ENT_IMG_DEFAULT_MAX_OUT_PIXELS (16u * 1000u * 1000u)
#define ENT_IMG_DEFAULT_TIME_MS 20000u

struct ent_img_result {
	uint8_t *data;                /* the sanitized file, owned */
	size_t len;
	enum ent_img_format format;   /* of data */
	enum ent_img_format in_format;
	int width, height;            /* as displayed, and as stored in data */
	int orientation;              /* EXIF orientation found in the input (1 when none) */
	unsigned removed;             /* enum ent_img_removed bits */
	struct ent_img_region *regions; /* covered regions, owned */
	size_t n_regions;
	size_t n_faces;               /* how many regions came from the detectors */
	const char *reason;           /* on failure: static one-line reason, never NULL after a call */
};

/* Sanitizes len bytes at in. On success res holds the new file; on failure res holds no
 * data and res->reason says why (ENT_EFORMAT, ENT_ETRUNCATED, ENT_ETOOBIG, ENT_ETIMEOUT,
 * ENT_EUNSUPPORTED, ENT_EINVAL, ENT_ENOMEM). Defaults cover faces, so opts must carry a
 * detector unless faces_mode is keep: cover without a detector fails with ENT_EINVAL rather
 * than let a face through. opts NULL means all defaults (and so fails the same way).
 * res must be zeroed or cleared before the call. */
enum ent_err ent_img_sanitize(const uint8_t *in, size_t len, const struct ent_img_opts *opts,
			      struct ent_img_result *res);

/* Frees what res owns and zeroes it. NULL is a no-op. */
void ent_img_result_clear(struct ent_img_result *res);

/* Loads the face detectors from the Debian model paths (opencv-data's cascades; dlib's HOG
 * model is built in). Returns ENT_ENOTFOUND when a model file is missing (the message in
 * *why names it), ENT_EUNSUPPORTED when the build has no detector. */
enum ent_err ent_img_faces_new(struct ent_img_faces **out, const char **why);
void ent_img_faces_free(struct ent_img_faces *f);

/* How many threads the image library's own routines (OpenCV) may use inside one call; a
 * caller that already runs one sanitization per core passes 1. 0 restores the default.
 * Process-wide. */
void ent_img_set_threads(int n);

/* Detects faces on an 8-bit RGB or grey picture (channels 1, 3 or 4, rows of stride bytes).
 * Writes at most cap regions (already enlarged to cover hairline to chin) to out and their
 * number to *n. Mostly for tests and the evaluation tools; ent_img_sanitize() calls it. */
enum ent_err ent_img_faces_detect(struct ent_img_faces *f, const uint8_t *px, int w, int h,
				  int channels, size_t stride, struct ent_img_region *out,
				  size_t cap, size_t *n);

/* Names for reports: "jpeg"..., "exif"..., "mask", "dlib-hog"... Never NULL. */
const char *ent_img_format_name(enum ent_img_format f);
const char *ent_img_removed_name(unsigned bit);
const char *ent_img_source_name(enum ent_img_source s);

/* The format of a buffer, from its magic bytes (ENT_IMG_NONE when unknown). */
enum ent_img_format ent_img_sniff(const uint8_t *in, size_t len);

#ifdef __cplusplus
}
#endif
#endif
