/*
 * media.h - pictures as the instance keeps them (issue 4, rule R1), for member uploads
 * (api_media.c) and case photos (pro/) alike: the masks a member draws, the options and the
 * in-process call of the sanitizer with the one face detector of the process, and the
 * content-addressed files: DATA/media/ab/cdef..., named by the BLAKE2b-256 (hex) of the
 * sanitized bytes, written to a temporary file, fsynced and renamed; identical outputs share
 * one file. Their rows are in media_store.h (uploads) and pro_case.h (case photos).
 * Not responsible for: what sanitizing does (src/privacy/image/), the worker pool
 * (privacy/image/img_pool.h) and the HTTP request it suspends (api_image.c), who may see a
 * picture (api/).
 */
#ifndef ENT_MEDIA_H
#define ENT_MEDIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/config.h"
#include "entraide/image.h"
#include "store/store.h"

#define MEDIA_MASKS_MAX 32
#define MEDIA_HASH_HEX 64
#define MEDIA_PATH_MAX (CONFIG_PATH_MAX + 96)
#define MEDIA_UPLOAD_MAX (20u * 1024 * 1024) /* bytes of an uploaded picture */

/* --- masks and sanitizing (media_sanitize.c) --- */

/* Parses "x,y,w,h;x,y,w,h" (at most cap rectangles of non-negative integers, w and h > 0,
 * each below 100000) into out. "" is zero masks. ENT_EINVAL on anything else. */
enum ent_err media_masks_parse(const char *s, struct ent_img_rect *out, size_t cap, size_t *n);

/* The face detector of the process, created on first use and shared by every thread (it is
 * safe to share). The error of the first creation is returned each time. */
enum ent_err media_face_detector(struct ent_img_faces **out);

/* The sanitizer's options for a member's upload and for a case photo (masks borrowed): faces
 * covered, the masks filled, the limits of each kind. */
void media_upload_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o);
void media_photo_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o);

/* Sanitizes in process with o; when o covers faces, o->faces is the process's detector, and
 * without one the picture is refused (res->reason says so) rather than let a face through.
 * res must be zeroed; ent_img_result_clear() it. */
enum ent_err media_sanitize(const uint8_t *in, size_t len, struct ent_img_opts *o,
			    struct ent_img_result *res);

/* --- content-addressed files (media_files.c) --- */

/* The name of p[0..len): BLAKE2b-256, lowercase hex. */
void media_hash(const uint8_t *p, size_t len, char hex[MEDIA_HASH_HEX + 1]);
/* DATA/media/ab/cdef... for hash under the data directory data. */
void media_file_path(const char *data, const char *hash, char out[MEDIA_PATH_MAX]);
/* Writes the file of hash unless it exists: temporary file, fsync, rename. *created tells
 * whether this call made it (so a failed transaction can take it back: media_file_unlink). */
enum ent_err media_file_write(const char *data, const char *hash, const uint8_t *p, size_t len,
			      bool *created);
/* Appends the file of hash to b; ENT_ENOTFOUND when there is none, ENT_EIO when its size is
 * not want. */
enum ent_err media_file_read(const char *data, const char *hash, int64_t want, struct buf *b);
void media_file_unlink(const char *data, const char *hash);
/* In one transaction: row(db, arg) writes the row that references hash, hash leaves the list
 * of files to remove, and the file of hash is written (p[0..len)); on any failure the
 * transaction is rolled back and a file this call made is removed. Not inside another
 * transaction. */
enum ent_err media_store(struct store_conn *db, const char *data, const char *hash,
			 const uint8_t *p, size_t len,
			 enum ent_err (*row)(struct store_conn *db, void *arg), void *arg);

/* Removes the files whose last row went (uploads or case photos of deleted accounts, deleted
 * cases), under the write lock so an upload of the same picture cannot slip in between the
 * check and the unlink. Best effort, a few files per call: a failure leaves the hash listed
 * for the next call. */
void media_purge(const char *data, struct store_conn *db);

#endif
