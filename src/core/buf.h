/*
 * buf.h - growable byte buffers with a size cap fixed at init (curl's dynbuf habit).
 *
 * A buffer starts empty and grows on demand up to `max` bytes; the first failure (no memory,
 * cap reached) is sticky: later appends do nothing and buf_err() reports it, so a writer can
 * append many pieces and check once. The content is always NUL-terminated for convenience.
 * Not responsible for: encoding choices beyond JSON string escaping.
 */
#ifndef ENT_CORE_BUF_H
#define ENT_CORE_BUF_H

#include <stddef.h>
#include <string.h>
#include <stdint.h>

#include "entraide/err.h"

struct buf {
	char *p;          /* owned; NULL while empty */
	size_t len;       /* bytes used (without the trailing NUL) */
	size_t cap;       /* bytes allocated */
	size_t max;       /* never grows past this many bytes of content */
	enum ent_err err; /* first failure, sticky */
};

/* Prepares an empty buffer that may hold up to max bytes. Allocates nothing. */
void buf_init(struct buf *b, size_t max);
/* Frees the content; the buffer is empty again and may be reused with the same cap. */
void buf_clear(struct buf *b);
/* Hands the content over to the caller (free() it); the buffer is empty afterwards. */
char *buf_detach(struct buf *b, size_t *len);

/* Makes room for n more bytes at once (fewer if the cap is nearer: a hint, never a failure
 * but for memory), so that a writer which knows about how much it will append does not grow
 * the buffer by doubling, each step a realloc and a copy. */
enum ent_err buf_reserve(struct buf *b, size_t n);
/* Gives back what was allocated beyond the content (for a buffer kept in a cache). */
void buf_shrink(struct buf *b);
/* The part of buf_append that grows the buffer or reports the sticky error. */
enum ent_err buf_append_slow(struct buf *b, const void *data, size_t n);
/* Inline: most appends fit in what is allocated, and the thread page makes ~1,500 of them
 * (literals, numbers, escaped strings); the call and the growth checks were ~14 % of the
 * server's instructions under bench/members' mixed load (issue 13). Room for n bytes and the
 * NUL means n < cap - len; cap is 0 while nothing is allocated, and never past max + 1. len <
 * cap is tested too: a caller that counts bytes in len of a cleared buffer (http_server.c,
 * a body too large, discarded) must reach the slow path, not a copy to NULL + len. */
static inline enum ent_err buf_append(struct buf *b, const void *data, size_t n)
{
	if (__builtin_expect(!b->err && b->len < b->cap && n < b->cap - b->len, 1)) {
		if (n)
			memcpy(b->p + b->len, data, n);
		b->len += n;
		b->p[b->len] = '\0';
		return ENT_OK;
	}
	return buf_append_slow(b, data, n);
}
/* Inline, so that the length of a literal is known when compiling (the thread page writes
 * ~14 literals a post). */
static inline enum ent_err buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}
static inline enum ent_err buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}
enum ent_err buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends v in decimal (buf_printf("%lld") without the format parsing: pages write several
 * numbers per row). */
enum ent_err buf_put_int(struct buf *b, int64_t v);
/* Appends s[0..n) as a quoted JSON string, escaping what JSON requires plus '<', '>' and '&'
 * (safe to embed in HTML). Invalid UTF-8 is replaced by U+FFFD. */
enum ent_err buf_json_str(struct buf *b, const char *s, size_t n);
/* buf_json_str for a NUL-terminated string; NULL appends null. */
enum ent_err buf_json_cstr(struct buf *b, const char *s);

static inline enum ent_err buf_err(const struct buf *b)
{
	return b->err;
}

#endif
