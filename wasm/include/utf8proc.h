/*
 * utf8proc.h (browser build) - the four utf8proc calls the intent classifier makes
 * (src/desk/intent_feat.c), answered by wasm/u8lite.c from tables that tools/gen_u8lite.c
 * makes at build time by asking the build machine's utf8proc. Only the browser build sees this
 * header (-Iwasm/include); the native build uses the real library.
 * decompose_char answers only the option set the classifier uses (UTF8PROC_CASEFOLD |
 * UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK): any other gives
 * UTF8PROC_ERROR_INVALIDOPTS.
 */
#ifndef ENT_WASM_UTF8PROC_H
#define ENT_WASM_UTF8PROC_H

#include <stddef.h>
#include <stdint.h>

typedef uint8_t utf8proc_uint8_t;
typedef int32_t utf8proc_int32_t;
typedef ptrdiff_t utf8proc_ssize_t;

typedef enum {
	UTF8PROC_COMPAT = (1 << 2),
	UTF8PROC_DECOMPOSE = (1 << 4),
	UTF8PROC_CASEFOLD = (1 << 10),
	UTF8PROC_STRIPMARK = (1 << 13)
} utf8proc_option_t;

#define UTF8PROC_ERROR_INVALIDUTF8 -3
#define UTF8PROC_ERROR_INVALIDOPTS -5

/* The general categories, numbered as utf8proc numbers them (checked at build time). */
typedef enum {
	UTF8PROC_CATEGORY_CN = 0, UTF8PROC_CATEGORY_LU = 1, UTF8PROC_CATEGORY_LL = 2,
	UTF8PROC_CATEGORY_LT = 3, UTF8PROC_CATEGORY_LM = 4, UTF8PROC_CATEGORY_LO = 5,
	UTF8PROC_CATEGORY_MN = 6, UTF8PROC_CATEGORY_MC = 7, UTF8PROC_CATEGORY_ME = 8,
	UTF8PROC_CATEGORY_ND = 9, UTF8PROC_CATEGORY_NL = 10, UTF8PROC_CATEGORY_NO = 11,
	UTF8PROC_CATEGORY_PC = 12, UTF8PROC_CATEGORY_PD = 13, UTF8PROC_CATEGORY_PS = 14,
	UTF8PROC_CATEGORY_PE = 15, UTF8PROC_CATEGORY_PI = 16, UTF8PROC_CATEGORY_PF = 17,
	UTF8PROC_CATEGORY_PO = 18, UTF8PROC_CATEGORY_SM = 19, UTF8PROC_CATEGORY_SC = 20,
	UTF8PROC_CATEGORY_SK = 21, UTF8PROC_CATEGORY_SO = 22, UTF8PROC_CATEGORY_ZS = 23,
	UTF8PROC_CATEGORY_ZL = 24, UTF8PROC_CATEGORY_ZP = 25, UTF8PROC_CATEGORY_CC = 26,
	UTF8PROC_CATEGORY_CF = 27, UTF8PROC_CATEGORY_CS = 28, UTF8PROC_CATEGORY_CO = 29
} utf8proc_category_t;

/* Reads one code point of strict UTF-8 from str (at most strlen bytes): its length in bytes,
 * or UTF8PROC_ERROR_INVALIDUTF8 (*codepoint_ref is then -1). */
utf8proc_ssize_t utf8proc_iterate(const utf8proc_uint8_t *str, utf8proc_ssize_t strlen,
				  utf8proc_int32_t *codepoint_ref);
/* Writes codepoint as UTF-8 into dst (4 bytes of room): the number of bytes, 0 if invalid. */
utf8proc_ssize_t utf8proc_encode_char(utf8proc_int32_t codepoint, utf8proc_uint8_t *dst);
utf8proc_category_t utf8proc_category(utf8proc_int32_t codepoint);
/* The decomposition of codepoint into dst (bufsize code points): its length, which may be
 * larger than bufsize (then nothing is written). */
utf8proc_ssize_t utf8proc_decompose_char(utf8proc_int32_t codepoint, utf8proc_int32_t *dst,
					 utf8proc_ssize_t bufsize, utf8proc_option_t options,
					 int *last_boundclass);

#endif
