/* zip.c - a streamed ZIP archive of stored entries with data descriptors; see zip.h. */
#include "core/zip.h"

#include <string.h>
#include <time.h>
#include <zlib.h>

static void le16(struct buf *b, unsigned v)
{
	unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	buf_append(b, x, 2);
}

static void le32(struct buf *b, uint64_t v)
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
		*date = (1u << 5) | 1u; /* 1980-01-01 */
		*tod = 0;
		return;
	}
	*date = ((unsigned)(tm.tm_year - 80) << 9) | ((unsigned)(tm.tm_mon + 1) << 5) | (unsigned)tm.tm_mday;
	*tod = ((unsigned)tm.tm_hour << 11) | ((unsigned)tm.tm_min << 5) | ((unsigned)tm.tm_sec / 2);
}

#define FLAG_DESCRIPTOR (1u << 3)
#define FLAG_UTF8 (1u << 11)
#define VERSION 20 /* 2.0: stored entries, data descriptors */
#define LOCAL_LEN 30u
#define DESCRIPTOR_LEN 16u
#define DIR_LEN 46u
#define END_LEN 22u

void zip_writer_init(struct zip_writer *w, struct buf *out, int64_t mtime)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	buf_init(&w->dir, (size_t)ZIP_ENTRIES_MAX * (DIR_LEN + ZIP_NAME_MAX));
	dos_time(mtime, &w->date, &w->tod);
}

void zip_writer_free(struct zip_writer *w)
{
	buf_clear(&w->dir);
}

/* The fields local headers and directory records share: version needed, flags, method, time,
 * date, CRC-32, sizes, name length, extra length. */
static void common(const struct zip_writer *w, struct buf *b, uint32_t crc, uint64_t size, size_t nlen)
{
	le16(b, VERSION);
	le16(b, FLAG_DESCRIPTOR | FLAG_UTF8);
	le16(b, 0); /* stored */
	le16(b, w->tod);
	le16(b, w->date);
	le32(b, crc);
	le32(b, size);
	le32(b, size);
	le16(b, (unsigned)nlen);
	le16(b, 0); /* no extra field */
}

static bool name_ok(const char *name, size_t nlen)
{
	if (!nlen || nlen > ZIP_NAME_MAX || name[0] == '/' || name[nlen - 1] == '/')
		return false;
	for (const char *p = name;; p++) {
		size_t k = strcspn(p, "/");
		if (!k || (k == 1 && p[0] == '.') || (k == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += k;
		if (!*p)
			return true;
	}
}

enum ent_err zip_begin(struct zip_writer *w, const char *name)
{
	size_t nlen = strnlen(name, ZIP_NAME_MAX + 1);
	if (w->open || w->finished || !name_ok(name, nlen))
		return ENT_EINVAL;
	if (w->n >= ZIP_ENTRIES_MAX || w->pos + LOCAL_LEN + nlen + DESCRIPTOR_LEN > ZIP_SIZE_MAX)
		return ENT_ETOOBIG;
	memcpy(w->name, name, nlen + 1);
	w->offset = w->pos;
	w->crc = (uint32_t)crc32(0L, Z_NULL, 0);
	w->size = 0;
	size_t before = w->out->len;
	le32(w->out, 0x04034b50u);
	common(w, w->out, 0, 0, nlen); /* CRC and sizes in the descriptor */
	buf_append(w->out, name, nlen);
	if (buf_err(w->out))
		return buf_err(w->out);
	w->pos += w->out->len - before;
	w->open = true;
	w->n++;
	return ENT_OK;
}

enum ent_err zip_write(struct zip_writer *w, const void *p, size_t n)
{
	if (!w->open)
		return ENT_EINVAL;
	if (w->pos + n + DESCRIPTOR_LEN > ZIP_SIZE_MAX)
		return ENT_ETOOBIG;
	enum ent_err err = buf_append(w->out, p, n);
	if (err)
		return err;
	/* zlib's crc32 takes a uInt length: feed it in pieces that fit */
	const unsigned char *s = p;
	for (size_t left = n; left;) {
		uInt k = left > 0x40000000u ? 0x40000000u : (uInt)left;
		w->crc = (uint32_t)crc32(w->crc, s, k);
		s += k;
		left -= k;
	}
	w->size += n;
	w->pos += n;
	return ENT_OK;
}

enum ent_err zip_end(struct zip_writer *w)
{
	if (!w->open)
		return ENT_EINVAL;
	size_t before = w->out->len;
	le32(w->out, 0x08074b50u);
	le32(w->out, w->crc);
	le32(w->out, w->size);
	le32(w->out, w->size);
	if (buf_err(w->out))
		return buf_err(w->out);
	w->pos += w->out->len - before;
	size_t nlen = strlen(w->name);
	struct buf *d = &w->dir;
	le32(d, 0x02014b50u);
	le16(d, (3u << 8) | VERSION); /* made by: Unix */
	common(w, d, w->crc, w->size, nlen);
	le16(d, 0); /* comment */
	le16(d, 0); /* disk */
	le16(d, 0); /* internal attributes */
	le32(d, 0100600u << 16); /* external: a regular file, rw------- */
	le32(d, w->offset);
	buf_append(d, w->name, nlen);
	w->open = false;
	return buf_err(d);
}

enum ent_err zip_finish(struct zip_writer *w)
{
	if (w->open || w->finished)
		return ENT_EINVAL;
	if (w->pos + w->dir.len + END_LEN > ZIP_SIZE_MAX)
		return ENT_ETOOBIG;
	buf_append(w->out, w->dir.p, w->dir.len);
	le32(w->out, 0x06054b50u);
	le16(w->out, 0);
	le16(w->out, 0);
	le16(w->out, w->n);
	le16(w->out, w->n);
	le32(w->out, w->dir.len);
	le32(w->out, w->pos);
	le16(w->out, 0); /* no comment */
	if (buf_err(w->out))
		return buf_err(w->out);
	w->pos += w->dir.len + END_LEN;
	buf_clear(&w->dir);
	w->finished = true;
	return ENT_OK;
}

void zip_safe_name(char *name)
{
	for (unsigned char *p = (unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f || strchr("\\:*?\"<>|", *p))
			*p = '_';
	/* "." and ".." components become "_" (the name only shrinks) */
	char *o = name;
	for (const char *p = name; *p;) {
		size_t k = strcspn(p, "/");
		bool dots = (k == 1 && p[0] == '.') || (k == 2 && p[0] == '.' && p[1] == '.');
		if (dots)
			*o++ = '_';
		else {
			memmove(o, p, k);
			o += k;
		}
		p += k;
		if (*p == '/')
			*o++ = *p++;
	}
	*o = '\0';
}

/* --- pulling --- */

void zip_pull_init(struct zip_pull *p, size_t pend_max, int64_t mtime, zip_step_fn step, void *cls)
{
	memset(p, 0, sizeof *p);
	buf_init(&p->pend, pend_max);
	zip_writer_init(&p->w, &p->pend, mtime);
	p->step = step;
	p->cls = cls;
}

void zip_pull_free(struct zip_pull *p)
{
	zip_writer_free(&p->w);
	buf_clear(&p->pend);
}

ssize_t zip_pull_read(struct zip_pull *p, char *out, size_t max)
{
	size_t w = 0;
	while (w < max) {
		if (p->off < p->pend.len) {
			size_t k = p->pend.len - p->off;
			if (k > max - w)
				k = max - w;
			memcpy(out + w, p->pend.p + p->off, k);
			p->off += k;
			w += k;
			continue;
		}
		if (p->done)
			break;
		/* everything pending was handed out: start the buffer again */
		p->pend.len = 0;
		if (p->pend.p)
			p->pend.p[0] = '\0';
		p->off = 0;
		int r = p->step(p->cls, &p->w);
		if (r < 0 || buf_err(&p->pend))
			return -1;
		if (p->pend.len > p->peak)
			p->peak = p->pend.len;
		if (r == 0) {
			if (!p->w.finished)
				return -1;
			p->done = true;
		}
	}
	return (ssize_t)w;
}
