/*
 * zip.h - a ZIP archive (PKWARE APPNOTE 6.3) written as a stream, entry by entry: a local
 * header that announces a data descriptor (general purpose flag bit 3: CRC and sizes follow
 * the data), the entry's bytes in as many pieces as the caller likes while their CRC-32
 * (zlib's crc32) and size are counted, then the data descriptor; at the end the central
 * directory and its end record. Nothing needs to be known before an entry starts, so an
 * entry can be produced while it is sent.
 *
 * Entries are stored, not compressed: pictures and documents are compressed already, and the
 * text stays greppable. No ZIP64: an archive is at most 4 GiB - 1 and 65535 entries.
 *
 * Output is appended to a buffer the caller drains (zip_pull below does it for an HTTP
 * callback). What the writer keeps is one central-directory record per entry (46 bytes plus
 * the name): memory grows with the number of entries, never with their size.
 * Not responsible for: reading archives, I/O, compression.
 */
#ifndef ENT_CORE_ZIP_H
#define ENT_CORE_ZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"

#define ZIP_NAME_MAX 255
#define ZIP_ENTRIES_MAX 65535u
#define ZIP_SIZE_MAX 0xfffffffeull /* 0xffffffff would mean ZIP64 */

struct zip_writer {
	struct buf *out;       /* where records and bytes go; drained by the caller */
	struct buf dir;        /* central directory records so far */
	unsigned n;            /* entries begun */
	uint64_t pos;          /* archive bytes produced */
	unsigned date, tod;    /* MS-DOS date and time of every entry */
	bool open;             /* an entry is being written */
	bool finished;
	char name[ZIP_NAME_MAX + 1]; /* of the open entry */
	uint32_t crc;          /* of the open entry's bytes so far */
	uint64_t size;
	uint64_t offset;       /* of the open entry's local header */
};

/* Prepares w to append to out; mtime (Unix seconds, UTC) dates every entry. */
void zip_writer_init(struct zip_writer *w, struct buf *out, int64_t mtime);
void zip_writer_free(struct zip_writer *w);

/* Starts an entry (its local header). name: UTF-8, '/' separated, no leading '/', no "..".
 * ENT_EINVAL for a bad name or while an entry is open, ENT_ETOOBIG past 65535 entries or
 * 4 GiB. */
enum ent_err zip_begin(struct zip_writer *w, const char *name);
/* Appends p[0..n) to the open entry. ENT_ETOOBIG past 4 GiB. */
enum ent_err zip_write(struct zip_writer *w, const void *p, size_t n);
/* Ends the open entry: its data descriptor, and its record kept for the directory. */
enum ent_err zip_end(struct zip_writer *w);
/* Appends the central directory and its end record (no entry may be open). */
enum ent_err zip_finish(struct zip_writer *w);

/* Replaces in name what some systems refuse in a file name (\ : * ? " < > | and control
 * characters) by '_', and "." or ".." components by "_"; '/' separators are kept. */
void zip_safe_name(char *name);

/* --- pulling an archive out in pieces (an HTTP callback response) --- */

/* step(cls, w) appends the next bounded piece of the archive through w and returns 1, 0 once
 * the archive is finished (after zip_finish), or -1 on a failure. */
typedef int (*zip_step_fn)(void *cls, struct zip_writer *w);

struct zip_pull {
	struct buf pend;       /* produced, not yet handed out */
	size_t off;            /* of pend, handed out */
	struct zip_writer w;
	zip_step_fn step;
	void *cls;
	bool done;
	size_t peak;           /* the largest pend ever held (for tests and benchmarks) */
};

/* pend_max caps the bytes one step may produce. */
void zip_pull_init(struct zip_pull *p, size_t pend_max, int64_t mtime, zip_step_fn step, void *cls);
void zip_pull_free(struct zip_pull *p);
/* Copies up to max bytes of the archive to out, calling step whenever nothing is pending.
 * Returns the bytes copied (0 once everything was handed out) or -1 on a failure. */
ssize_t zip_pull_read(struct zip_pull *p, char *out, size_t max);

#endif
