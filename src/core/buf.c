/* buf.c - bounded growable buffers; see buf.h. */
#include "core/buf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->err = ENT_OK;
}

void buf_clear(struct buf *b)
{
	free(b->p);
	buf_init(b, b->max);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p = b->p;
	if (len)
		*len = b->len;
	buf_init(b, b->max);
	return p;
}

/* Makes room for n more bytes plus the NUL. */
static enum ent_err reserve(struct buf *b, size_t n)
{
	if (b->err)
		return b->err;
	if (n > b->max - b->len) {
		b->err = ENT_ETOOBIG;
		return b->err;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return ENT_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->err = ENT_ENOMEM;
		return b->err;
	}
	b->p = p;
	b->cap = cap;
	return ENT_OK;
}

enum ent_err buf_reserve(struct buf *b, size_t n)
{
	if (!b->err && n > b->max - b->len)
		n = b->max - b->len;
	return reserve(b, n);
}

void buf_shrink(struct buf *b)
{
	if (!b->p || b->cap <= b->len + 1)
		return;
	char *p = realloc(b->p, b->len + 1);
	if (p) { /* else the larger block stays: nothing lost */
		b->p = p;
		b->cap = b->len + 1;
	}
}


enum ent_err buf_append_slow(struct buf *b, const void *data, size_t n)
{
	enum ent_err err = reserve(b, n);
	if (err)
		return err;
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return ENT_OK;
}

/* Writes u in decimal, ending at end; returns where it starts. */
static char *fmt_u64(char *end, uint64_t u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	return end;
}

enum ent_err buf_put_int(struct buf *b, int64_t v)
{
	char tmp[24], *e = tmp + sizeof tmp;
	char *p = fmt_u64(e, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
	if (v < 0)
		*--p = '-';
	return buf_append(b, p, (size_t)(e - p));
}

/* buf_printf's own formatting of what the pages' JSON uses: %s, %c, %d, %i, %u (with l, ll
 * or z for the numbers) and %%, without flags, width or precision. glibc's vsnprintf took
 * ~1,300 instructions a call, 8 % of the server's instructions under bench/members' mixed
 * load (issue 13), where these take a tenth of that. Returns the length written to out
 * (always < cap, NUL not written), or -1 when fmt holds anything else or the result does not
 * fit: the caller then formats with vsnprintf from its own copy of the arguments. */
static int fmt_small(char *out, size_t cap, const char *f, va_list ap)
{
	size_t n = 0;
	for (; *f; f++) {
		const char *pct = strchr(f, '%'); /* the text up to it copied in one piece */
		size_t lit = pct ? (size_t)(pct - f) : strlen(f);
		if (lit >= cap - n)
			return -1;
		memcpy(out + n, f, lit);
		n += lit;
		if (!pct)
			break;
		f = pct + 1;
		int lmod = 0; /* 0: int, 1: long, 2: long long, 3: size_t */
		if (*f == 'l') {
			lmod = 1;
			if (*++f == 'l') {
				lmod = 2;
				f++;
			}
		} else if (*f == 'z') {
			lmod = 3;
			f++;
		}
		char num[24], *e = num + sizeof num;
		const char *s;
		size_t len;
		if ((*f == '%' || *f == 'c' || *f == 's') && lmod)
			return -1;
		switch (*f) {
		case '%':
			s = "%", len = 1;
			break;
		case 'c':
			num[0] = (char)va_arg(ap, int);
			s = num, len = 1;
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)"; /* as glibc writes it */
			len = strlen(s);
			break;
		case 'd':
		case 'i': {
			if (lmod == 3)
				return -1;
			long long v = lmod == 0 ? va_arg(ap, int) : lmod == 1 ? va_arg(ap, long) :
				      va_arg(ap, long long);
			char *p = fmt_u64(e, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v);
			if (v < 0)
				*--p = '-';
			s = p, len = (size_t)(e - p);
			break;
		}
		case 'u': {
			unsigned long long v = lmod == 0 ? va_arg(ap, unsigned) :
					       lmod == 1 ? va_arg(ap, unsigned long) :
					       lmod == 2 ? va_arg(ap, unsigned long long) :
							   va_arg(ap, size_t);
			s = fmt_u64(e, v);
			len = (size_t)(e - s);
			break;
		}
		default:
			return -1;
		}
		if (len >= cap - n)
			return -1;
		memcpy(out + n, s, len);
		n += len;
	}
	return (int)n;
}

enum ent_err buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = fmt_small(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		va_end(again);
		return buf_append(b, small, (size_t)n);
	}
	n = vsnprintf(small, sizeof small, fmt, again);
	va_end(again);
	if (n < 0) {
		if (!b->err)
			b->err = ENT_EINVAL;
		return b->err;
	}
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	enum ent_err err = reserve(b, (size_t)n);
	if (err)
		return err;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return ENT_OK;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not valid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned min;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* The ASCII bytes a JSON string escapes here, one bit each (bytes 0-63, then 64-127): the
 * control characters, '"', '\\' and DEL, and '<', '>', '&' so that the text is safe inside
 * HTML as well. */
#define JSON_ESC_LO (0xFFFFFFFFull | 1ull << '"' | 1ull << '&' | 1ull << '<' | 1ull << '>')
#define JSON_ESC_HI (1ull << ('\\' - 64) | 1ull << (0x7F - 64))

static bool json_escaped(unsigned char c)
{
	return c < 64 ? (JSON_ESC_LO >> c) & 1 : (JSON_ESC_HI >> (c - 64)) & 1;
}

/* Eight bytes at a time: how many of them, from the first, need no look (no byte
 * json_escaped() takes, none from 0x80). A post's HTML is mostly runs of plain letters
 * between its tags, and the thread page escapes fifty of them (issue 13). */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
#define HAS_ZERO(x) (((x) - ONES) & ~(x) & HIGHS)
#define HAS_BYTE(x, c) HAS_ZERO((x) ^ (ONES * (c)))

static size_t json_plain8(const unsigned char *u)
{
	uint64_t x;
	memcpy(&x, u, sizeof x);
	/* bytes < 0x20: x - 0x20 borrows into the high bit of those, x & HIGHS holds the rest.
	 * Each test may also mark bytes after a marked one (a borrow), never one before: the
	 * lowest mark is the first byte that needs a look. */
	uint64_t bad = ((x - ONES * 0x20) | x) & HIGHS;
	bad |= HAS_BYTE(x, '"') | HAS_BYTE(x, '\\') | HAS_BYTE(x, '<') | HAS_BYTE(x, '>') |
	       HAS_BYTE(x, '&') | HAS_BYTE(x, 0x7F);
	if (!bad)
		return 8;
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(bad) / 8;
#else
	return 0;
#endif
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
/* json_plain8 over sixteen bytes with SSE2 (every x86-64 has it): a signed compare below 0x20
 * finds the control bytes and every byte from 0x80 at once. About half the instructions of
 * two json_plain8 on the thread page's bodies (issue 13).
 * A two-byte UTF-8 sequence (a lead 0xC2-0xDF, then a tail 0x80-0xBF) inside the sixteen is
 * plain too: French text has an accented letter every few words, and each stopped the block
 * (the thread page's escaping was a sixth of its instructions). A lead in the last byte, a
 * tail without its lead and every longer sequence still stop it, for the byte-wise check. */
static size_t json_plain16(const unsigned char *u)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i bad = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
	unsigned m = (unsigned)_mm_movemask_epi8(bad);
	if (!m)
		return 16;
	/* signed bytes: tails 0x80-0xBF are below (char)0xC0, leads 0xC2-0xDF between 0xC1
	 * and 0xE0 (exclusive) */
	unsigned tail = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8((char)0xC0)));
	unsigned lead = (unsigned)_mm_movemask_epi8(
		_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)0xC1)),
			      _mm_cmplt_epi8(x, _mm_set1_epi8((char)0xE0))));
	unsigned pair = lead & (tail >> 1); /* a lead at i whose byte i + 1 is a tail */
	m &= ~(pair | pair << 1);
	return m ? (size_t)__builtin_ctz(m) : 16;
}
#endif

/* Writes u[0..n) as a quoted JSON string at o, which has room for JSON_ROOM(n) bytes (each
 * byte escaped as \u00XX at worst), and returns the end. Writing in place, not through
 * buf_append, saves two calls at each escape: a post's HTML has several a line (its tags, its
 * accented letters before the sixteen-byte check took them), and the thread page escapes fifty
 * posts (issue 13). */
#define JSON_ROOM(n) (6 * (n) + 2)

static char *json_escape_to(char *o, const unsigned char *u, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	*o++ = '"';
	size_t run = 0; /* start of the pending run of bytes copied as they are */
	for (size_t i = 0; i < n;) {
#if defined(__SSE2__) && defined(__GNUC__)
		if (n - i >= 16) {
			size_t plain = json_plain16(u + i);
			i += plain;
			if (plain == 16)
				continue;
		} else
#endif
		if (n - i >= 8) {
			size_t plain = json_plain8(u + i);
			i += plain;
			if (plain == 8)
				continue;
		}
		unsigned char c = u[i];
		size_t step = 1;
		if (c < 0x80) {
			if (!json_escaped(c)) {
				i++;
				continue;
			}
		} else {
			/* two-byte sequences (accented Latin letters) checked here, the rest by utf8_seq */
			if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
				i += 2;
				continue;
			}
			step = utf8_seq(u + i, n - i);
			if (step) {
				i += step;
				continue;
			}
			step = 1;
		}
		memcpy(o, u + run, i - run);
		o += i - run;
		if (c >= 0x80) {
			memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD for a byte that is not UTF-8 */
			o += 3;
		} else {
			*o++ = '\\';
			switch (c) {
			case '"': *o++ = '"'; break;
			case '\\': *o++ = '\\'; break;
			case '\n': *o++ = 'n'; break;
			case '\r': *o++ = 'r'; break;
			case '\t': *o++ = 't'; break;
			default:
				memcpy(o, "u00", 3);
				o[3] = hex[c >> 4], o[4] = hex[c & 15];
				o += 5;
			}
		}
		i += step;
		run = i;
	}
	memcpy(o, u + run, n - run);
	o += n - run;
	*o++ = '"';
	return o;
}

enum ent_err buf_json_str(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (b->err)
		return b->err;
	if (n > (SIZE_MAX - 2) / 6) {
		b->err = ENT_ETOOBIG;
		return b->err;
	}
	if (JSON_ROOM(n) <= b->max - b->len) {
		if (reserve(b, JSON_ROOM(n)))
			return b->err;
		char *end = json_escape_to(b->p + b->len, u, n);
		b->len = (size_t)(end - b->p);
		b->p[b->len] = '\0';
		return ENT_OK;
	}
	/* near the buffer's bound: escaped aside, then appended if it fits (else ENT_ETOOBIG) */
	char *tmp = malloc(JSON_ROOM(n));
	if (!tmp) {
		b->err = ENT_ENOMEM;
		return b->err;
	}
	char *end = json_escape_to(tmp, u, n);
	enum ent_err err = buf_append(b, tmp, (size_t)(end - tmp));
	free(tmp);
	return err;
}

enum ent_err buf_json_cstr(struct buf *b, const char *s)
{
	if (!s)
		return buf_puts(b, "null");
	return buf_json_str(b, s, strlen(s));
}
