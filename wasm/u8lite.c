/*
 * u8lite.c - the utf8proc calls of the intent classifier in the browser build (the header is
 * wasm/include/utf8proc.h): strict UTF-8 decoding and encoding, and the category and
 * decomposition of a code point looked up (binary search) in the tables that
 * tools/gen_u8lite.c wrote from the build machine's utf8proc.
 * Not responsible for: any other utf8proc call or option.
 */
#include <utf8proc.h>

extern const uint32_t u8lite_cat[], u8lite_n_cat;
extern const uint32_t u8lite_dec_key[], u8lite_dec_ref[], u8lite_n_dec;
extern const int32_t u8lite_dec_cp[];

#define U8LITE_OPTS (UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK)

static int cont(utf8proc_uint8_t b)
{
	return (b & 0xC0) == 0x80;
}

utf8proc_ssize_t utf8proc_iterate(const utf8proc_uint8_t *s, utf8proc_ssize_t n, utf8proc_int32_t *cp)
{
	*cp = -1;
	if (n == 0)
		return 0;
	if (n < 0)
		n = 4;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = (utf8proc_int32_t)c;
		return 1;
	}
	/* lead bytes C2..F4 only: C0, C1 and F5.. start overlong or out-of-range sequences */
	if (c < 0xC2 || c > 0xF4)
		return UTF8PROC_ERROR_INVALIDUTF8;
	utf8proc_ssize_t w = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < w)
		return UTF8PROC_ERROR_INVALIDUTF8;
	for (utf8proc_ssize_t k = 1; k < w; k++)
		if (!cont(s[k]))
			return UTF8PROC_ERROR_INVALIDUTF8;
	uint32_t v;
	if (w == 2) {
		v = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
	} else if (w == 3) {
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F)) /* overlong, surrogate */
			return UTF8PROC_ERROR_INVALIDUTF8;
		v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	} else {
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) /* overlong, > U+10FFFF */
			return UTF8PROC_ERROR_INVALIDUTF8;
		v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
	}
	*cp = (utf8proc_int32_t)v;
	return w;
}

utf8proc_ssize_t utf8proc_encode_char(utf8proc_int32_t cp, utf8proc_uint8_t *d)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80) {
		d[0] = (utf8proc_uint8_t)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (utf8proc_uint8_t)(0xC0 | (cp >> 6));
		d[1] = (utf8proc_uint8_t)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (utf8proc_uint8_t)(0xE0 | (cp >> 12));
		d[1] = (utf8proc_uint8_t)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (utf8proc_uint8_t)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp < 0x110000) {
		d[0] = (utf8proc_uint8_t)(0xF0 | (cp >> 18));
		d[1] = (utf8proc_uint8_t)(0x80 | ((cp >> 12) & 0x3F));
		d[2] = (utf8proc_uint8_t)(0x80 | ((cp >> 6) & 0x3F));
		d[3] = (utf8proc_uint8_t)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

utf8proc_category_t utf8proc_category(utf8proc_int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return UTF8PROC_CATEGORY_CN;
	/* the last range starting at or before cp */
	uint32_t lo = 0, hi = u8lite_n_cat;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if ((u8lite_cat[mid] >> 8) <= (uint32_t)cp)
			lo = mid;
		else
			hi = mid;
	}
	return (utf8proc_category_t)(u8lite_cat[lo] & 0xFF);
}

utf8proc_ssize_t utf8proc_decompose_char(utf8proc_int32_t cp, utf8proc_int32_t *dst, utf8proc_ssize_t bufsize,
					 utf8proc_option_t options, int *last_boundclass)
{
	(void)last_boundclass;
	if (options != U8LITE_OPTS)
		return UTF8PROC_ERROR_INVALIDOPTS;
	uint32_t lo = 0, hi = u8lite_n_dec;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (u8lite_dec_key[mid] < (uint32_t)cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == u8lite_n_dec || u8lite_dec_key[lo] != (uint32_t)cp) {
		if (bufsize >= 1)
			dst[0] = cp;
		return 1;
	}
	utf8proc_ssize_t n = (utf8proc_ssize_t)(u8lite_dec_ref[lo] & 31);
	if (n <= bufsize)
		for (utf8proc_ssize_t k = 0; k < n; k++)
			dst[k] = u8lite_dec_cp[(u8lite_dec_ref[lo] >> 5) + (uint32_t)k];
	return n;
}
