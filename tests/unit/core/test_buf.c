/* test_buf.c - bounded buffers and JSON string escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <limits.h>
#include <jansson.h>

#include "core/buf.h"

static void cap_is_enforced(void **state)
{
	struct buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345678"), ENT_OK);
	assert_int_equal(buf_puts(&b, "9"), ENT_ETOOBIG);
	assert_int_equal(buf_puts(&b, ""), ENT_ETOOBIG); /* sticky */
	assert_int_equal(b.len, 8);
	assert_string_equal(b.p, "12345678");
	buf_clear(&b);
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), ENT_OK);
	assert_string_equal(b.p, "42-x");
	buf_clear(&b);
}

static void ints_and_reserve(void **state)
{
	(void)state;
	struct buf b;
	char want[32];
	int64_t vs[] = {0, 7, -7, 10, 99, -100, 123456789, INT64_MAX, INT64_MIN, INT64_MIN + 1};
	for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
		buf_init(&b, 64);
		assert_int_equal(buf_put_int(&b, vs[i]), ENT_OK);
		snprintf(want, sizeof want, "%lld", (long long)vs[i]);
		assert_string_equal(b.p, want);
		buf_clear(&b);
	}
	buf_init(&b, 4);
	assert_int_equal(buf_put_int(&b, 12345), ENT_ETOOBIG); /* the cap holds for numbers too */
	buf_clear(&b);
	buf_init(&b, 1 << 20);
	assert_int_equal(buf_reserve(&b, 30000), ENT_OK);
	assert_true(b.cap >= 30001);
	char *p = b.p;
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, "0123456789");
	assert_ptr_equal(b.p, p); /* no growth within what was reserved */
	assert_int_equal(b.len, 10000);
	assert_int_equal(buf_reserve(&b, (size_t)1 << 30), ENT_OK); /* a hint: up to the cap */
	assert_int_equal(b.cap, (1 << 20) + 1);
	assert_int_equal(buf_puts(&b, "x"), ENT_OK);
	buf_shrink(&b);
	assert_int_equal(b.cap, b.len + 1);
	assert_int_equal(b.p[10000], 'x');
	assert_int_equal(buf_puts(&b, "y"), ENT_OK); /* grows again after a shrink */
	assert_string_equal(b.p + 10000, "xy");
	buf_clear(&b);
}

/* buf_printf writes the conversions it formats itself exactly as snprintf does, and hands
 * the rest (flags, widths, other conversions, long results) to vsnprintf. */
/* A cleared buffer whose len counts discarded bytes (http_server.c, a body too large): an
 * append there takes the slow path, not the inline copy at NULL + len. */
static void append_after_len_bumped(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "abc");
	buf_clear(&b);
	b.len = 100;
	assert_int_equal(buf_puts(&b, "xyz"), ENT_OK);
	assert_int_equal(b.len, 103);
	assert_memory_equal(b.p + 100, "xyz", 4);
	buf_clear(&b);
}

static void printf_same_as_snprintf(void **state)
{
	(void)state;
	char want[512];
	struct buf b;
#define SAME(...)                                                                          \
	do {                                                                               \
		buf_init(&b, 4096);                                                        \
		snprintf(want, sizeof want, __VA_ARGS__);                                  \
		assert_int_equal(buf_printf(&b, __VA_ARGS__), ENT_OK);                     \
		assert_string_equal(b.p, want);                                            \
		assert_int_equal(b.len, strlen(want));                                     \
		buf_clear(&b);                                                             \
	} while (0)
	SAME("plain");
	SAME("%s", "");
	SAME("{\"a\":%lld,\"b\":%s}", (long long)INT64_MIN, "true");
	SAME("%lld %lld %lld", (long long)INT64_MAX, 0LL, -1LL);
	SAME("%d %i %d %d", INT_MIN, INT_MAX, 0, -7);
	SAME("%u %lu %llu %zu", UINT_MAX, ULONG_MAX, ULLONG_MAX, SIZE_MAX);
	SAME("%ld %ld", LONG_MIN, 12345L);
	SAME("100%% %c%c", 'o', 'k');
	SAME("%s{\"thread\":%lld,\"title\":", ",", 42LL);
	SAME("%5d|%-3s|%.2f|%x|%02lld", 42, "a", 1.5, 255u, 7LL); /* vsnprintf's */
	SAME("%zd %hhd", (ssize_t)-3, (signed char)5);
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	SAME("<%s|%d>", big, 9); /* longer than the small buffer */
#undef SAME
}

static void printf_grows(void **state)
{
	struct buf b;
	char big[1000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_init(&b, 4096);
	assert_int_equal(buf_printf(&b, "<%s>", big), ENT_OK);
	assert_int_equal(b.len, 1001);
	size_t len;
	char *p = buf_detach(&b, &len);
	assert_int_equal(len, 1001);
	assert_null(b.p);
	free(p);
}

static void json_escaping(void **state)
{
	struct buf b;
	buf_init(&b, 1024);
	const char in[] = "a\"b\\c\n\x01<é>\xff\xc3";
	buf_json_str(&b, in, sizeof in - 1);
	assert_string_equal(b.p, "\"a\\\"b\\\\c\\n\\u0001\\u003cé\\u003e\xEF\xBF\xBD\xEF\xBF\xBD\"");
	buf_clear(&b);
	buf_json_cstr(&b, NULL);
	assert_string_equal(b.p, "null");
	buf_clear(&b);
	/* overlong encoding and surrogates are not valid UTF-8 */
	buf_json_str(&b, "\xc0\xaf\xed\xa0\x80", 5);
	assert_null(strstr(b.p, "\xc0"));
	assert_null(strstr(b.p, "\xed"));
	buf_clear(&b);
}

/* Every string of two bytes: the output is JSON that decodes to the input when the input is
 * ASCII or one valid two-byte UTF-8 sequence, and never holds a raw control character, '<',
 * '>' or '&'. */
static void json_every_two_bytes(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 64);
	for (unsigned x = 0; x < 65536; x++) {
		unsigned char in[2] = {(unsigned char)(x >> 8), (unsigned char)x};
		b.len = 0;
		assert_int_equal(buf_json_str(&b, (const char *)in, 2), ENT_OK);
		for (size_t i = 0; i < b.len; i++)
			assert_true((unsigned char)b.p[i] >= 0x20 && !strchr("<>&", b.p[i]));
		json_error_t e;
		json_t *j = json_loadb(b.p, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
		assert_non_null(j);
		bool ascii = in[0] < 0x80 && in[1] < 0x80;
		bool two = in[0] >= 0xC2 && in[0] <= 0xDF && (in[1] & 0xC0) == 0x80;
		if (ascii || two) {
			assert_int_equal(json_string_length(j), 2);
			assert_memory_equal(json_string_value(j), in, 2);
		}
		json_decref(j);
	}
	buf_clear(&b);
}

/* The escaping written the plain way, one byte at a time, for json_fast_path_same: the bytes
 * buf_json_str escapes, UTF-8 sequences jansson accepts kept, any other byte U+FFFD. */
static size_t ref_utf8(const unsigned char *s, size_t n)
{
	/* the length the lead announces, then jansson's own UTF-8 check as the judge */
	size_t len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!len || len > n)
		return 0;
	json_t *j = json_stringn((const char *)s, len);
	bool valid = j != NULL;
	json_decref(j);
	return valid ? len : 0;
}

static void ref_json(const unsigned char *in, size_t n, struct buf *b)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = in[i];
		if (c >= 0x80) {
			size_t len = ref_utf8(in + i, n - i);
			if (len)
				buf_append(b, in + i, len);
			else
				buf_append(b, "\xEF\xBF\xBD", 3);
			i += len ? len : 1;
			continue;
		}
		if (c == '"')
			buf_puts(b, "\\\"");
		else if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
		i++;
	}
	buf_putc(b, '"');
}

/* The eight- and sixteen-byte paths give what the plain escaping gives: random strings over an
 * alphabet of the bytes that matter (plain letters, each escaped byte, UTF-8 leads and tails
 * alone and as accented letters, invalid bytes), at every offset of a block. */
static void json_fast_path_same(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = {
		'a', 'b', ' ', 'z', '~', 0x7F, 0x00, 0x01, 0x1F, 0x20, '"', '\\', '<', '>', '&', '\n',
		0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xC0, 0xC1, 0xC2, 0xDF,
		0xBF, 0xE0, 0xED, 0xA0, '/', '0'};
	static const unsigned char *accents[] = {
		(const unsigned char *)"\xC3\xA9", (const unsigned char *)"\xC3\xA0",
		(const unsigned char *)"\xC2\xA0", (const unsigned char *)"\xDF\xBF",
		(const unsigned char *)"\xC5\x93"};
	struct buf fast, slow;
	buf_init(&fast, 1 << 16);
	buf_init(&slow, 1 << 16);
	unsigned seed = 12345;
	for (int t = 0; t < 40000; t++) {
		unsigned char in[96];
		seed = seed * 1103515245u + 12345u;
		size_t n = (seed >> 16) % 96;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 8;
			/* mostly plain letters and accented ones, as in a post, so that the fast
			 * paths run */
			if (r == 0)
				in[i] = alphabet[(seed >> 20) % sizeof alphabet];
			else if (r <= 2 && i + 1 < n) {
				const unsigned char *a = accents[(seed >> 20) % 5];
				in[i] = a[0];
				in[++i] = a[1];
			} else
				in[i] = (unsigned char)('a' + (seed >> 20) % 26);
		}
		fast.len = slow.len = 0;
		assert_int_equal(buf_json_str(&fast, (const char *)in, n), ENT_OK);
		ref_json(in, n, &slow);
		assert_int_equal(fast.len, slow.len);
		assert_memory_equal(fast.p, slow.p, fast.len);
	}
	buf_clear(&fast);
	buf_clear(&slow);
}

/* Near the buffer's bound (no room for the worst case of six bytes a byte): a string whose
 * escaping fits is written whole, one that does not fails with ENT_ETOOBIG. */
static void json_near_max(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 16);
	assert_int_equal(buf_json_str(&b, "abc<d", 5), ENT_OK);
	assert_string_equal(b.p, "\"abc\\u003cd\"");
	assert_int_equal(buf_json_str(&b, "xyz", 3), ENT_ETOOBIG);
	buf_clear(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_every_two_bytes),
		cmocka_unit_test(cap_is_enforced),
		cmocka_unit_test(printf_grows),
		cmocka_unit_test(printf_same_as_snprintf),
		cmocka_unit_test(ints_and_reserve),
		cmocka_unit_test(append_after_len_bumped),
		cmocka_unit_test(json_escaping),
		cmocka_unit_test(json_fast_path_same),
		cmocka_unit_test(json_near_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
