/*
 * zip.h - the records of a ZIP archive (PKWARE APPNOTE 6.3), written into a buffer piece by
 * piece so that an archive can be streamed: a local header, then the entry's bytes (the
 * caller sends them), then the next entry, and at the end the central directory. Entries are
 * stored, not compressed (pictures are compressed already; the archive is for reading), with
 * their CRC-32 and size known before their header (no data descriptor, which some readers
 * reject for stored entries). No ZIP64: an archive is at most 4 GiB - 1 and 65535 entries.
 * Not responsible for: reading archives, I/O.
 */
#ifndef ENT_CORE_ZIP_H
#define ENT_CORE_ZIP_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define ZIP_NAME_MAX 128
#define ZIP_ENTRIES_MAX 65535u
#define ZIP_SIZE_MAX 0xfffffffeu

struct zip_entry {
	char name[ZIP_NAME_MAX]; /* UTF-8, '/' separated, no leading '/' */
	uint32_t crc;            /* zip_crc32 of the bytes */
	uint32_t size;
	uint32_t offset;         /* of the local header; set by zip_local_header */
};

/* CRC-32 (ISO 3309, as in ZIP and PNG) of p[0..n), continuing from crc (0 to start). */
uint32_t zip_crc32(uint32_t crc, const void *p, size_t n);

/* Appends e's local header to out; e->offset becomes pos, the archive's length so far.
 * ENT_EINVAL for an empty or too long name, ENT_ETOOBIG past the 4 GiB limit. */
enum ent_err zip_local_header(struct buf *out, struct zip_entry *e, uint64_t pos, int64_t mtime);

/* Appends the central directory of entries[0..n) and its end record; pos is the archive's
 * length so far (where the directory starts). */
enum ent_err zip_central(struct buf *out, const struct zip_entry *entries, size_t n, uint64_t pos,
			 int64_t mtime);

#endif
