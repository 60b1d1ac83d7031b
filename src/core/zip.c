/* zip.c - ZIP records for a streamed, stored archive; see zip.h. */
#include "core/zip.h"

#include <string.h>
#include <time.h>

uint32_t zip_crc32(uint32_t crc, const void *p, size_t n)
{
	const unsigned char *s = p;
	crc = ~crc;
	while (n--) {
		crc ^= *s++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

static void le16(struct buf *b, unsigned v)
{
	unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	buf_append(b, x, 2);
}

static void le32(struct buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	buf_append(b, x, 4);
}

/* MS-DOS date and time (UTC: the archive says nothing of a time zone). */
static void dos_time(int64_t t, unsigned *date, unsigned *tod)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || !gmtime_r(&tt, &tm) || tm.tm_year < 80) {
		*date = (0u << 9) | (1u << 5) | 1u; /* 1980-01-01 */
		*tod = 0;
		return;
	}
	*date = ((unsigned)(tm.tm_year - 80) << 9) | ((unsigned)(tm.tm_mon + 1) << 5) | (unsigned)tm.tm_mday;
	*tod = ((unsigned)tm.tm_hour << 11) | ((unsigned)tm.tm_min << 5) | ((unsigned)tm.tm_sec / 2);
}

#define FLAG_UTF8 (1u << 11)
#define VERSION 20 /* 2.0: stored entries, directories */

/* The fields local headers and directory entries share: version needed, flags, method, time,
 * date, CRC-32, sizes, name length, extra length. */
static void common(struct buf *out, const struct zip_entry *e, size_t nlen, unsigned date,
		   unsigned tod)
{
	le16(out, VERSION);
	le16(out, FLAG_UTF8);
	le16(out, 0); /* stored */
	le16(out, tod);
	le16(out, date);
	le32(out, e->crc);
	le32(out, e->size);
	le32(out, e->size);
	le16(out, (unsigned)nlen);
	le16(out, 0); /* no extra field */
}

enum ent_err zip_local_header(struct buf *out, struct zip_entry *e, uint64_t pos, int64_t mtime)
{
	size_t nlen = strnlen(e->name, ZIP_NAME_MAX);
	if (!nlen || nlen == ZIP_NAME_MAX)
		return ENT_EINVAL;
	if (pos + 30 + nlen + e->size > ZIP_SIZE_MAX)
		return ENT_ETOOBIG;
	unsigned date, tod;
	dos_time(mtime, &date, &tod);
	e->offset = (uint32_t)pos;
	le32(out, 0x04034b50u);
	common(out, e, nlen, date, tod);
	buf_append(out, e->name, nlen);
	return buf_err(out);
}

enum ent_err zip_central(struct buf *out, const struct zip_entry *entries, size_t n, uint64_t pos,
			 int64_t mtime)
{
	if (n > ZIP_ENTRIES_MAX)
		return ENT_ETOOBIG;
	unsigned date, tod;
	dos_time(mtime, &date, &tod);
	size_t start = out->len;
	for (size_t i = 0; i < n; i++) {
		const struct zip_entry *e = &entries[i];
		size_t nlen = strnlen(e->name, ZIP_NAME_MAX);
		le32(out, 0x02014b50u);
		le16(out, (3u << 8) | VERSION); /* made by: Unix */
		common(out, e, nlen, date, tod);
		le16(out, 0); /* comment */
		le16(out, 0); /* disk */
		le16(out, 0); /* internal attributes */
		le32(out, 0100600u << 16); /* external: a regular file, rw------- */
		le32(out, e->offset);
		buf_append(out, e->name, nlen);
	}
	size_t cd_len = out->len - start;
	if (pos + cd_len + 22 > ZIP_SIZE_MAX)
		return ENT_ETOOBIG;
	le32(out, 0x06054b50u);
	le16(out, 0);
	le16(out, 0);
	le16(out, (unsigned)n);
	le16(out, (unsigned)n);
	le32(out, (uint32_t)cd_len);
	le32(out, (uint32_t)pos);
	le16(out, 0); /* no comment */
	return buf_err(out);
}
