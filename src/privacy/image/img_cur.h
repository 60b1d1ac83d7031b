/*
 * img_cur.h - the one bounds-checked cursor every container walker reads through (WebP RIFF
 * chunks, PNG chunks, JPEG segments, EXIF IFDs, the HEIF Exif item's offset).
 *
 * A cursor is a borrowed byte range and a position that never passes its end (pos <= len is
 * the invariant every function keeps). Lengths are compared with what is left (len - pos,
 * which cannot wrap), never added to a position first, so a length, a padding byte or an
 * offset past the end is a refused read by construction, whatever the input says. A failed
 * read leaves the cursor where it was and returns false; callers turn that into their
 * format's "truncated" or "damaged" result. Not responsible for what the bytes mean.
 */
#ifndef ENT_PRIV_IMG_CUR_H
#define ENT_PRIV_IMG_CUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct img_cur {
	const uint8_t *p;
	size_t len;
	size_t pos;
};

static inline void img_cur_init(struct img_cur *c, const uint8_t *p, size_t len)
{
	c->p = p;
	c->len = p ? len : 0;
	c->pos = 0;
}

/* Bytes left after the position. */
static inline size_t img_cur_left(const struct img_cur *c)
{
	return c->len - c->pos;
}

/* Moves to an absolute offset inside the range (offset == len is the end, allowed). */
static inline bool img_cur_seek(struct img_cur *c, uint64_t off)
{
	if (off > c->len)
		return false;
	c->pos = (size_t)off;
	return true;
}

static inline bool img_cur_skip(struct img_cur *c, uint64_t n)
{
	if (n > img_cur_left(c))
		return false;
	c->pos += (size_t)n;
	return true;
}

/* The next n bytes without moving, or NULL when fewer are left. */
static inline const uint8_t *img_cur_peek(const struct img_cur *c, size_t n)
{
	return n <= img_cur_left(c) ? c->p + c->pos : NULL;
}

/* Borrows the next n bytes and moves past them. */
static inline bool img_cur_take(struct img_cur *c, uint64_t n, const uint8_t **out)
{
	if (n > img_cur_left(c))
		return false;
	*out = c->p + c->pos;
	c->pos += (size_t)n;
	return true;
}

/* A cursor over the next n bytes (moving past them): a chunk's data, an IFD entry. */
static inline bool img_cur_sub(struct img_cur *c, uint64_t n, struct img_cur *sub)
{
	const uint8_t *p;
	if (!img_cur_take(c, n, &p))
		return false;
	img_cur_init(sub, p, (size_t)n);
	return true;
}

/* True when the next bytes are the n bytes of tag (moving past them only then). */
static inline bool img_cur_match(struct img_cur *c, const void *tag, size_t n)
{
	const uint8_t *p = img_cur_peek(c, n);
	const uint8_t *t = tag;
	if (!p)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] != t[i])
			return false;
	c->pos += n;
	return true;
}

static inline bool img_cur_u8(struct img_cur *c, uint8_t *v)
{
	const uint8_t *p;
	if (!img_cur_take(c, 1, &p))
		return false;
	*v = p[0];
	return true;
}

/* 16- and 32-bit integers, big-endian when be, little-endian otherwise. */
static inline bool img_cur_u16(struct img_cur *c, int be, uint16_t *v)
{
	const uint8_t *p;
	if (!img_cur_take(c, 2, &p))
		return false;
	*v = be ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
	return true;
}

static inline bool img_cur_u32(struct img_cur *c, int be, uint32_t *v)
{
	const uint8_t *p;
	if (!img_cur_take(c, 4, &p))
		return false;
	*v = be ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		: (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
	return true;
}

#endif
