/*
 * redact_jsonl.c - the fast path of `entraide redact --jsonl` (issue 19): a line that is a
 * plain {"id","text"[,"lang"]} object is read and answered without building JSON trees, with
 * exactly the bytes the general path (jansson, cmd_redact.c) writes for it.
 *
 * Only the simple case is taken: keys "id", "text" and "lang" at most once each, "id" a
 * string or an integer of at most 18 digits, "text" and "lang" strings, no "\u0000", valid
 * UTF-8. Anything else (other keys, other values, bad JSON, an engine error) returns 0 and the
 * caller runs the general path, which also writes every error line.
 *
 * A "text" without a backslash is not copied: the engine reads it in the line, and the masked
 * text is written from the spans, the line's bytes between them and the labels, without the
 * masked copy ent_priv_redact() would make: in a JSON string without a backslash no byte needs
 * an escape ('"', '\\' and control characters cannot be there), so the bytes of the line are
 * the bytes jansson writes for them (sixteenth round of bench/privacy_text/README.md).
 * Not responsible for: reading lines, options, error lines, writing out (cmd_redact.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cli/redact_jsonl.h"

/* The offset of the first byte at or after i that is not JSON white space. */
static inline size_t ws(const char *s, size_t n, size_t i)
{
	/* one test for a byte above ' ' (most calls find no space at all) */
	while (i < n && (unsigned char)s[i] <= ' ' && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

static int hex4(const char *s, unsigned *v)
{
	unsigned x = 0;
	for (int k = 0; k < 4; k++) {
		char ch = s[k];
		unsigned d = ch >= '0' && ch <= '9' ? (unsigned)(ch - '0') :
			     ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10) :
			     ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10) : 16u;
		if (d > 15)
			return 0;
		x = x * 16 + d;
	}
	*v = x;
	return 1;
}

/* How many of the eight bytes at s, from the first, a JSON string holds as they are: not '"',
 * '\\' or a control character, nor (unless high is set) a byte of 0x80 or more. Eight bytes a
 * step (the bytes tested at once; a borrow only flags bytes above the first match), so that
 * plain text is copied without a test per byte. */
static inline size_t plain_run8(const char *s, int high)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
	uint64_t x, q, b;
	memcpy(&x, s, 8);
	q = x ^ (ones * '"');
	b = x ^ (ones * '\\');
	uint64_t stop = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b);
	stop = (stop | (high ? 0 : x)) & tops;
	return stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
#else
	(void)s;
	(void)high;
	return 0;
#endif
}

/* Length of the strict UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0], cp, min;
	size_t w;
	if ((c & 0xE0) == 0xC0) {
		w = 2, min = 0x80, cp = c & 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		w = 3, min = 0x800, cp = c & 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		w = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < w)
		return 0;
	for (size_t k = 1; k < w; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : w;
}

/* Reads the JSON string at s[*i] (the opening quote) into o (room for as many bytes as the
 * line has: a string never grows when decoded); its length in *olen. 0 when it is not a
 * string the fast path takes. */
static int read_string(const char *s, size_t n, size_t *i, char *o, size_t *olen)
{
	size_t k = *i + 1, w = 0;
	while (k < n) {
		/* plain ASCII eight bytes at a time; o has room: w + 8 <= k + 8 - (*i + 1) < n */
		if (n - k >= 8) {
			size_t m = plain_run8(s + k, 0);
			memcpy(o + w, s + k, 8);
			w += m;
			k += m;
			if (m == 8)
				continue;
		}
		unsigned char ch = (unsigned char)s[k];
		if (ch == '"') {
			*i = k + 1;
			*olen = w;
			return 1;
		}
		if (ch < 0x20)
			return 0;
		if (ch >= 0x80) {
			size_t l = utf8_len((const unsigned char *)s + k, n - k);
			if (!l)
				return 0;
			memcpy(o + w, s + k, l);
			w += l;
			k += l;
			continue;
		}
		if (ch != '\\') {
			o[w++] = (char)ch;
			k++;
			continue;
		}
		if (k + 1 >= n)
			return 0;
		char e = s[k + 1];
		static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
		const char *p = e ? strchr(from, e) : NULL;
		if (p) {
			o[w++] = to[p - from];
			k += 2;
			continue;
		}
		unsigned cp, lo;
		if (e != 'u' || k + 6 > n || !hex4(s + k + 2, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
			return 0;
		k += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (k + 6 > n || s[k] != '\\' || s[k + 1] != 'u' || !hex4(s + k + 2, &lo) || lo < 0xDC00 ||
			    lo > 0xDFFF)
				return 0;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			k += 6;
		}
		w += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)o + w);
	}
	return 0;
}

/* An integer as jansson reads it (-?(0|[1-9][0-9]*), no fraction, no exponent), at most 18
 * digits so that it fits. */
static int read_int(const char *s, size_t n, size_t *i, long long *v)
{
	size_t k = *i;
	int neg = k < n && s[k] == '-';
	k += neg;
	size_t d0 = k;
	long long x = 0;
	while (k < n && s[k] >= '0' && s[k] <= '9') {
		if (k - d0 < 18) /* past 18 digits the line is refused below: never overflow */
			x = x * 10 + (s[k] - '0');
		k++;
	}
	size_t nd = k - d0;
	if (nd == 0 || nd > 18 || (nd > 1 && s[d0] == '0'))
		return 0;
	if (k < n && (s[k] == '.' || s[k] == 'e' || s[k] == 'E' || (s[k] >= '0' && s[k] <= '9')))
		return 0;
	*v = neg ? -x : x;
	*i = k;
	return 1;
}

/* The end of the JSON string at s[i] (its opening quote) when it holds no backslash: returns 1
 * and the closing quote's offset in *end. 2 when there is a backslash (the caller decodes the
 * string: read_string), 0 when the fast path does not take it (a control character, no closing
 * quote). UTF-8 is not checked here: the engine refuses a text that is not valid UTF-8, and
 * the caller then leaves the line to the general path. */
static int raw_string(const char *s, size_t n, size_t i, size_t *end)
{
	size_t k = i + 1;
#ifdef __SSE2__
	/* sixteen bytes a step while there are sixteen (a post's text is a hundred bytes or so) */
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
	while (n - k >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
					 _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits) {
			k += (size_t)__builtin_ctz(bits);
			break;
		}
		k += 16;
	}
#endif
	for (;;) {
		while (n - k >= 8) {
			size_t m = plain_run8(s + k, 1);
			k += m;
			if (m < 8)
				break;
		}
		if (k >= n)
			return 0;
		unsigned char ch = (unsigned char)s[k];
		if (ch == '"') {
			*end = k;
			return 1;
		}
		if (ch == '\\')
			return 2;
		if (ch < 0x20)
			return 0;
		k++;
	}
}

/* Appends s[0..n) escaped as jansson escapes a string's bytes (compact, UTF-8 as is), without
 * the quotes. */
static size_t put_json_body(char *o, const char *s, size_t n)
{
	static const char hexd[] = "0123456789ABCDEF";
	size_t w = 0;
	for (size_t k = 0; k < n; k++) {
		/* what needs no escape eight bytes at a time (o has room for 6 bytes a byte) */
		while (n - k >= 8) {
			size_t m = plain_run8(s + k, 1);
			memcpy(o + w, s + k, 8);
			w += m;
			k += m;
			if (m < 8)
				break;
		}
		if (k >= n)
			break;
		unsigned char ch = (unsigned char)s[k];
		if (ch >= 0x20 && ch != '"' && ch != '\\') {
			o[w++] = (char)ch;
			continue;
		}
		o[w++] = '\\';
		switch (ch) {
		case '"': o[w++] = '"'; break;
		case '\\': o[w++] = '\\'; break;
		case '\b': o[w++] = 'b'; break;
		case '\f': o[w++] = 'f'; break;
		case '\n': o[w++] = 'n'; break;
		case '\r': o[w++] = 'r'; break;
		case '\t': o[w++] = 't'; break;
		default:
			memcpy(o + w, "u00", 3);
			o[w + 3] = hexd[ch >> 4];
			o[w + 4] = hexd[ch & 15];
			w += 5;
		}
	}
	return w;
}

/* The bytes of a text, as they are when they come from a JSON string without a backslash
 * (nothing in them needs an escape), escaped otherwise. */
static size_t put_text(char *o, const char *s, size_t n, int raw)
{
	if (!raw)
		return put_json_body(o, s, n);
	memcpy(o, s, n);
	return n;
}

static size_t put_lit(char *o, const char *s)
{
	size_t n = strlen(s);
	memcpy(o, s, n);
	return n;
}

static size_t put_size(char *o, size_t v)
{
	/* offsets have up to 7 digits (a text is at most 1 MB): count them, then write from the
	 * last, without a reversed copy */
	size_t n = 1;
	for (size_t p = 10; n < 20 && v >= p; p *= 10)
		n++;
	for (size_t k = n; k-- > 0; v /= 10)
		o[k] = (char)('0' + v % 10);
	return n;
}

/* A type's name and its labels, with their lengths, read once from the engine
 * (ent_priv_type_name, ent_priv_type_label): each written with one fixed-size copy. */
struct piece {
	char s[16];
	size_t n;
};
static struct piece type_names[ENT_PRIV__NTYPES], labels[2][ENT_PRIV__NTYPES];

static int piece_set(struct piece *p, const char *s)
{
	p->n = strlen(s);
	if (p->n >= sizeof p->s)
		return 0;
	memcpy(p->s, s, p->n);
	return 1;
}

static int pieces_ready(void)
{
	static int ready; /* 1 when set, -1 when a label did not fit: the general path then */
	for (int t = 0; !ready && t < ENT_PRIV__NTYPES; t++) {
		if (!piece_set(&type_names[t], ent_priv_type_name((enum ent_priv_type)t)) ||
		    !piece_set(&labels[0][t], ent_priv_type_label((enum ent_priv_type)t, ENT_PRIV_FR)) ||
		    !piece_set(&labels[1][t], ent_priv_type_label((enum ent_priv_type)t, ENT_PRIV_EN)))
			ready = -1;
	}
	if (!ready)
		ready = 1;
	return ready > 0;
}

/* Writes the 16 bytes of p (the caller has room), counts its length. */
static size_t put_piece(char *o, const struct piece *p)
{
	memcpy(o, p->s, sizeof p->s);
	return p->n;
}

static int grow(struct redact_jsonl_buf *b, size_t need)
{
	if (need <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < need)
		cap *= 2;
	char *nb = realloc(b->v, cap);
	if (!nb)
		return 0;
	b->v = nb;
	b->cap = cap;
	return 1;
}

int redact_jsonl_fast(const struct ent_priv_engine *eng, const char *line, size_t len,
		      enum ent_priv_lang lang, int lang_forced, enum ent_priv_policy policy,
		      struct redact_jsonl_buf *in, struct redact_jsonl_buf *out)
{
	if ((policy != ENT_PRIV_MASK && policy != ENT_PRIV_PSEUDONYMISE && policy != ENT_PRIV_REPORT) ||
	    !pieces_ready())
		return 0;
	/* decoded strings: id, text (when it has a backslash) and lang, each at most the line's
	 * length */
	if (!grow(in, 3 * len + 3))
		return 0;
	char *id_s = in->v, *lang_s = in->v + 2 * len + 2;
	const char *text = NULL;
	size_t id_n = 0, text_n = 0, lang_n = 0;
	long long id_i = 0;
	int has_id = 0, id_int = 0, id_raw = 0, has_text = 0, has_lang = 0, text_raw = 0;
	size_t i = 0;
	i = ws(line, len, i);
	if (i >= len || line[i] != '{')
		return 0;
	i++;
	i = ws(line, len, i);
	for (int first = 1;; first = 0) {
		if (i < len && line[i] == '}' && first)
			return 0; /* {}: no text, the general path says so */
		if (i >= len || line[i] != '"')
			return 0;
		size_t ke = i + 1;
		while (ke < len && ke - i <= 5 && line[ke] != '"' && line[ke] != '\\')
			ke++;
		if (ke >= len || line[ke] != '"')
			return 0;
		/* the key's bytes as they are (an escaped key is the general path's): all of them
		 * compared, so that "id" followed by a NUL byte is no "id" */
		const char *key = line + i + 1;
		size_t kn = ke - i - 1;
		int is_id = kn == 2 && memcmp(key, "id", 2) == 0, is_text = kn == 4 && memcmp(key, "text", 4) == 0,
		    is_lang = kn == 4 && memcmp(key, "lang", 4) == 0;
		i = ke + 1;
		i = ws(line, len, i);
		if (i >= len || line[i] != ':')
			return 0;
		i++;
		i = ws(line, len, i);
		if (i >= len)
			return 0;
		if (is_id && !has_id) {
			has_id = 1;
			if (line[i] == '"') {
				size_t i0 = i;
				if (!read_string(line, len, &i, id_s, &id_n))
					return 0;
				/* no escape in it: the bytes need none on the way out either */
				id_raw = id_n == i - i0 - 2;
			} else if (read_int(line, len, &i, &id_i)) {
				id_int = 1;
			} else {
				return 0;
			}
		} else if (is_text && !has_text) {
			has_text = 1;
			if (line[i] != '"')
				return 0;
			size_t end;
			int r = raw_string(line, len, i, &end);
			if (r == 1) {
				text = line + i + 1;
				text_n = end - i - 1;
				text_raw = 1;
				i = end + 1;
			} else {
				char *t = in->v + len + 1;
				if (r == 0 || !read_string(line, len, &i, t, &text_n))
					return 0;
				text = t;
			}
		} else if (is_lang && !has_lang) {
			has_lang = 1;
			if (line[i] != '"' || !read_string(line, len, &i, lang_s, &lang_n))
				return 0;
		} else {
			return 0;
		}
		i = ws(line, len, i);
		if (i < len && line[i] == ',') {
			i++;
			i = ws(line, len, i);
			continue;
		}
		if (i < len && line[i] == '}') {
			i++;
			break;
		}
		return 0;
	}
	i = ws(line, len, i);
	if (i != len || !has_text)
		return 0;
	enum ent_priv_lang use = lang;
	if (has_lang && !lang_forced) {
		lang_s[lang_n] = 0;
		/* a "lang" holding a NUL or an unknown value keeps the option's language */
		if (strlen(lang_s) != lang_n || ent_priv_lang_parse(lang_s, &use) != ENT_OK)
			use = lang;
	}
	/* pseudonyms need ent_priv_redact()'s bookkeeping; masks and reports are written here from
	 * the spans, without a masked copy of the text */
	struct ent_priv_result res; /* filled by the engine (a "= {0}" here was a rep stos a line) */
	if (policy == ENT_PRIV_PSEUDONYMISE) {
		if (ent_priv_redact(eng, text, text_n, use, policy, &res) != ENT_OK)
			return 0;
	} else {
		res.text = NULL;
		res.len = 0;
		if (ent_priv_scan(eng, text, text_n, use, &res.spans) != ENT_OK)
			return 0;
	}
	const struct ent_priv_spans *sp = &res.spans;
	/* the id and the text escaped (6 bytes a byte at most; a pseudonym or a label adds at most
	 * 16 bytes a span), and 80 bytes a span's JSON */
	size_t need = 6 * (id_n + text_n) + 176 * sp->n + 128;
	if (!grow(out, out->len + need)) {
		ent_priv_result_clear(&res);
		return 0;
	}
	char *o = out->v + out->len;
	size_t w = 0;
	o[w++] = '{';
	if (has_id) {
		memcpy(o + w, "\"id\":", 5);
		w += 5;
		if (id_int) {
			/* as jansson's "%lld" writes it (snprintf cost 700 instructions a line) */
			if (id_i < 0)
				o[w++] = '-';
			w += put_size(o + w, (size_t)(id_i < 0 ? -id_i : id_i));
		} else {
			o[w++] = '"';
			w += put_text(o + w, id_s, id_n, id_raw);
			o[w++] = '"';
		}
		o[w++] = ',';
	}
	memcpy(o + w, "\"spans\":[", 9);
	w += 9;
	for (size_t k = 0; k < sp->n; k++) {
		const struct ent_priv_span *s = &sp->v[k];
		w += put_lit(o + w, k ? ",{\"start\":" : "{\"start\":");
		w += put_size(o + w, s->start);
		w += put_lit(o + w, ",\"end\":");
		w += put_size(o + w, s->end);
		w += put_lit(o + w, ",\"type\":\"");
		w += put_piece(o + w, &type_names[s->type]);
		w += put_lit(o + w, "\"}");
	}
	memcpy(o + w, "],\"text\":\"", 10);
	w += 10;
	if (policy == ENT_PRIV_PSEUDONYMISE) {
		w += put_json_body(o + w, res.text, res.len);
	} else {
		/* what ent_priv_redact() writes, in the same order: the text between the spans, and
		 * each span's label (none for a report) */
		const struct piece *lab = labels[sp->lang == ENT_PRIV_EN];
		size_t at = 0;
		for (size_t k = 0; k < sp->n && policy == ENT_PRIV_MASK; k++) {
			const struct ent_priv_span *s = &sp->v[k];
			w += put_text(o + w, text + at, s->start - at, text_raw);
			w += put_piece(o + w, &lab[s->type]);
			at = s->end;
		}
		w += put_text(o + w, text + at, text_n - at, text_raw);
	}
	memcpy(o + w, "\"}\n", 3);
	w += 3;
	ent_priv_result_clear(&res);
	out->len += w;
	return 1;
}
