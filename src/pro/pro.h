/*
 * pro.h - the professional network: RPPS numbers, verification of professionals, and the
 * de-identified case discussions of verified professionals (issue 7).
 *
 * This header holds the pure checks (no SQL, no HTTP); pro_store.h holds the tables.
 * Not responsible for: who may call what (the route table and policy/), the text check
 * (privacy.h) or the photo sanitizer (image.h), which the API combines.
 */
#ifndef ENT_PRO_H
#define ENT_PRO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"
#include "entraide/image.h"
#include "entraide/privacy.h"

#define PRO_RPPS_DIGITS 11

/* Stable reasons of pro_rpps_check (part of the API contract, field "rpps"). */
#define PRO_RPPS_REASON_FORMAT "not-11-digits"
#define PRO_RPPS_REASON_CHECK "bad-check-digit"

/* Checks an RPPS number: exactly 11 ASCII digits (no spaces, no signs) whose last digit is
 * the Luhn check digit of the first ten. Returns ENT_OK, or ENT_EFORMAT with *reason set to
 * one of PRO_RPPS_REASON_* (static). s need not be NUL-terminated; NULL is a format error. */
enum ent_err pro_rpps_check(const char *s, size_t len, const char **reason);

/* Median of n values (sorted in place); 0 when n is 0. For the median time to first answer. */
long long pro_median(long long *v, size_t n);

/* --- the de-identification check and the photo sanitizer, as cases use them (pro_media.c) --- */

#define PRO_MASKS_MAX 32

/* The text engine and the face detector, created once on first use and shared by every
 * thread (both are safe to share). The error of the first creation is returned each time. */
enum ent_err pro_text_engine(const struct ent_priv_engine **out);
enum ent_err pro_face_detector(struct ent_img_faces **out);

/* Parses "x,y,w,h;x,y,w,h" (at most cap rectangles of non-negative integers, w and h > 0,
 * each below 100000) into out. "" is zero masks. ENT_EINVAL on anything else. */
enum ent_err pro_masks_parse(const char *s, struct ent_img_rect *out, size_t cap, size_t *n);

/* Sanitizes a case photo: metadata gone, faces covered, masks filled, re-encoded as JPEG
 * (PNG input stays PNG). res must be zeroed; ent_img_result_clear() it. */
/* The options pro_photo_sanitize uses (masks borrowed), for callers that sanitize through
 * the worker pool (api_image.c). */
void pro_photo_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o);
enum ent_err pro_photo_sanitize(const uint8_t *in, size_t len, const struct ent_img_rect *masks,
				size_t n_masks, struct ent_img_result *res);

#endif
