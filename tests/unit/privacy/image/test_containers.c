/* test_containers.c - the bounded cursor (img_cur.h) and every container walk that reads
 * through it: WebP RIFF chunks, PNG chunks, JPEG segments, EXIF IFDs. Each case is built in
 * a heap buffer of exactly its size, so under `make asan-unit` a read one byte past the end
 * fails the test. Cases per container: a length past the end, lengths 0 and 1, odd sizes
 * with and without their padding, offsets pointing backwards or outside, sizes near 2^32. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

/* --- a byte builder --- */
struct bb {
	uint8_t b[1024];
	size_t n;
};

static void put(struct bb *b, const void *p, size_t n)
{
	assert_true(b->n + n <= sizeof b->b);
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static void le32(struct bb *b, uint32_t v)
{
	uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
	put(b, x, 4);
}

static void be32(struct bb *b, uint32_t v)
{
	uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
	put(b, x, 4);
}

static void be16(struct bb *b, uint16_t v)
{
	uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
	put(b, x, 2);
}

static void fill(struct bb *b, uint8_t v, size_t n)
{
	assert_true(b->n + n <= sizeof b->b);
	memset(b->b + b->n, v, n);
	b->n += n;
}

typedef enum ent_err (*scan_fn)(struct img_ctx *, const uint8_t *, size_t);

/* Runs scan on an exact-size heap copy; returns its result and the removed bits. */
static enum ent_err run(scan_fn scan, const struct bb *b, unsigned *removed)
{
	struct ent_img_opts o = {0};
	struct img_ctx c;
	img_ctx_init(&c, &o);
	uint8_t *p = malloc(b->n ? b->n : 1);
	assert_non_null(p);
	memcpy(p, b->b, b->n);
	enum ent_err err = scan(&c, p, b->n);
	if (err)
		assert_non_null(c.reason);
	if (removed)
		*removed = c.removed;
	free(p);
	img_ctx_clear(&c);
	return err;
}

/* --- the cursor --- */

static void cursor_never_passes_its_end(void **state)
{
	(void)state;
	const uint8_t d[6] = {1, 2, 3, 4, 5, 6};
	struct img_cur c, s;
	const uint8_t *p;
	uint32_t v;
	uint16_t h;
	img_cur_init(&c, d, sizeof d);
	assert_false(img_cur_skip(&c, 7));
	assert_false(img_cur_skip(&c, UINT64_MAX));
	assert_false(img_cur_take(&c, (uint64_t)UINT32_MAX + 1, &p));
	assert_int_equal(c.pos, 0);
	assert_true(img_cur_skip(&c, 3));
	assert_false(img_cur_u32(&c, 0, &v)); /* 3 left */
	assert_int_equal(c.pos, 3);
	assert_true(img_cur_u16(&c, 1, &h));
	assert_int_equal(h, 0x0405);
	assert_false(img_cur_sub(&c, 2, &s));
	assert_true(img_cur_sub(&c, 1, &s));
	assert_int_equal(img_cur_left(&c), 0);
	assert_int_equal(img_cur_left(&s), 1);
	assert_null(img_cur_peek(&c, 1));
	assert_non_null(img_cur_peek(&c, 0));
	assert_false(img_cur_seek(&c, 7));
	assert_false(img_cur_seek(&c, (uint64_t)UINT32_MAX * 2));
	assert_true(img_cur_seek(&c, 6)); /* the end itself */
	assert_true(img_cur_seek(&c, 0));  /* backwards, inside */
	assert_true(img_cur_u32(&c, 0, &v));
	assert_int_equal(v, 0x04030201);
	assert_false(img_cur_match(&c, "\x05\x07", 2));
	assert_int_equal(c.pos, 4);
	img_cur_init(&c, NULL, 100); /* no bytes, whatever the length says */
	assert_int_equal(img_cur_left(&c), 0);
}

/* --- WebP --- */

static void riff(struct bb *b, uint32_t size)
{
	b->n = 0;
	put(b, "RIFF", 4);
	le32(b, size);
	put(b, "WEBP", 4);
}

static void chunk(struct bb *b, const char *t, uint32_t n, size_t real, int pad)
{
	put(b, t, 4);
	le32(b, n);
	fill(b, 'x', real);
	if (pad)
		fill(b, 0, 1);
}

static void webp_odd_padding_past_riff_end(void **state)
{
	(void)state;
	struct bb b;
	/* the reported crash: 21-byte chunk ends on the RIFF end, its pad byte would not */
	riff(&b, 4 + 8 + 21);
	chunk(&b, "XMP ", 21, 21, 0);
	fill(&b, 0, 1); /* one byte of trailer: 42 bytes */
	assert_int_equal(b.n, 42);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
	b.n--; /* and without the trailer */
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
	/* with its padding inside the RIFF it is fine */
	riff(&b, 4 + 8 + 22);
	chunk(&b, "XMP ", 21, 21, 1);
	unsigned rm;
	assert_int_equal(run(img_webp_scan, &b, &rm), ENT_OK);
	assert_true(rm & ENT_IMG_RM_XMP);
	assert_false(rm & ENT_IMG_RM_TRAILER);
	/* the same with trailing bytes after the RIFF: reported, not read as chunks */
	fill(&b, 'T', 9);
	assert_int_equal(run(img_webp_scan, &b, &rm), ENT_OK);
	assert_true(rm & ENT_IMG_RM_TRAILER);
}

static void webp_lengths_zero_one_and_past_the_end(void **state)
{
	(void)state;
	struct bb b;
	riff(&b, 4 + 8);
	chunk(&b, "XMP ", 0, 0, 0);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_OK);
	riff(&b, 4 + 8 + 2);
	chunk(&b, "XMP ", 1, 1, 1);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_OK);
	riff(&b, 4 + 8 + 1);
	chunk(&b, "XMP ", 1, 1, 0);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
	riff(&b, 4 + 8 + 4);
	chunk(&b, "XMP ", 5, 4, 0);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
	/* a chunk header cut by the RIFF end */
	riff(&b, 4 + 8 + 3);
	chunk(&b, "XMP ", 0, 0, 0);
	fill(&b, 'h', 3);
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
}

static void webp_sizes_near_2_32(void **state)
{
	(void)state;
	struct bb b;
	const uint32_t big[] = {0xFFFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFF7u, 0x80000000u, 0x7FFFFFFFu};
	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
		riff(&b, 4 + 8 + 8);
		chunk(&b, "VP8 ", big[i], 8, 0);
		assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
		riff(&b, big[i]); /* a RIFF size past the file */
		chunk(&b, "VP8 ", 8, 8, 0);
		assert_int_equal(run(img_webp_scan, &b, NULL), ENT_ETRUNCATED);
	}
	for (uint32_t r = 0; r < 12; r++) { /* RIFF sizes too small for one chunk */
		riff(&b, r);
		chunk(&b, "VP8 ", 0, 0, 0);
		assert_int_not_equal(run(img_webp_scan, &b, NULL), ENT_OK);
	}
	riff(&b, 12); /* and the file shorter than its own header */
	b.n = 10;
	assert_int_equal(run(img_webp_scan, &b, NULL), ENT_EFORMAT);
}

/* --- PNG --- */

static void png_start(struct bb *b, uint32_t ihdr_len) /* ihdr_len >= 9 */
{
	b->n = 0;
	put(b, "\x89PNG\r\n\x1a\n", 8);
	be32(b, ihdr_len);
	put(b, "IHDR", 4);
	be32(b, 1);
	be32(b, 1);
	fill(b, 8, 1);
	fill(b, 0, ihdr_len - 9);
	be32(b, 0); /* crc, not checked by the walk */
}

static void png_chunk(struct bb *b, const char *t, uint32_t n, size_t real, int crc)
{
	be32(b, n);
	put(b, t, 4);
	fill(b, 'x', real);
	if (crc)
		be32(b, 0);
}

static void png_lengths(void **state)
{
	(void)state;
	struct bb b;
	png_start(&b, 13);
	png_chunk(&b, "IEND", 0, 0, 1);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_OK);
	/* IEND without its CRC: the last 4 bytes are missing */
	png_start(&b, 13);
	png_chunk(&b, "IEND", 0, 0, 0);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	/* lengths 0 and 1, odd sizes: no padding in PNG, only the CRC */
	png_start(&b, 13);
	png_chunk(&b, "tEXt", 0, 0, 1);
	png_chunk(&b, "tIME", 1, 1, 1);
	png_chunk(&b, "zzzz", 3, 3, 1);
	png_chunk(&b, "IEND", 0, 0, 1);
	unsigned rm;
	assert_int_equal(run(img_png_scan, &b, &rm), ENT_OK);
	assert_true((rm & ENT_IMG_RM_TEXT) && (rm & ENT_IMG_RM_TIME) && (rm & ENT_IMG_RM_OTHER));
	/* a length past the end, and one that leaves no room for the CRC */
	png_start(&b, 13);
	png_chunk(&b, "tEXt", 9, 8, 1);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	png_start(&b, 13);
	png_chunk(&b, "tEXt", 8, 8, 0);
	fill(&b, 0, 3);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	/* an IHDR of length 0 or 1 is refused before its fields are read */
	b.n = 0;
	put(&b, "\x89PNG\r\n\x1a\n", 8);
	png_chunk(&b, "IHDR", 1, 1, 1);
	png_chunk(&b, "IEND", 0, 0, 1);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_EFORMAT);
	/* a chunk header cut short, and no IEND at all */
	png_start(&b, 13);
	fill(&b, 0, 7);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	png_start(&b, 13);
	assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	/* trailing data after IEND */
	png_start(&b, 13);
	png_chunk(&b, "IEND", 0, 0, 1);
	fill(&b, 'T', 5);
	assert_int_equal(run(img_png_scan, &b, &rm), ENT_OK);
	assert_true(rm & ENT_IMG_RM_TRAILER);
}

static void png_sizes_near_2_32(void **state)
{
	(void)state;
	struct bb b;
	const uint32_t big[] = {0xFFFFFFFFu, 0xFFFFFFF4u, 0x80000000u, 0x7FFFFFFFu, 0x7FFFFFF4u};
	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
		png_start(&b, 13);
		png_chunk(&b, "tEXt", big[i], 16, 1);
		assert_int_equal(run(img_png_scan, &b, NULL), ENT_ETRUNCATED);
	}
}

/* --- JPEG --- */

static void jpeg_segments(void **state)
{
	(void)state;
	struct bb b;
	unsigned rm;
	/* SOI, COM of length 2 (empty), APP0 odd length, EOI */
	b.n = 0;
	put(&b, "\xFF\xD8\xFF\xFE", 4);
	be16(&b, 2);
	put(&b, "\xFF\xE0", 2);
	be16(&b, 5);
	fill(&b, 'a', 3);
	put(&b, "\xFF\xD9", 2);
	assert_int_equal(run(img_jpeg_scan, &b, &rm), ENT_OK);
	assert_true(rm & ENT_IMG_RM_COMMENT);
	/* lengths 0 and 1 are smaller than the length field itself */
	for (uint16_t n = 0; n < 2; n++) {
		b.n = 0;
		put(&b, "\xFF\xD8\xFF\xFE", 4);
		be16(&b, n);
		put(&b, "\xFF\xD9", 2);
		assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_ETRUNCATED);
	}
	/* a length past the end, the largest length, a length field cut in half */
	const uint16_t past[] = {7, 0xFFFF};
	for (size_t i = 0; i < 2; i++) {
		b.n = 0;
		put(&b, "\xFF\xD8\xFF\xE1", 4);
		be16(&b, past[i]);
		fill(&b, 'e', 4);
		assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_ETRUNCATED);
	}
	b.n = 0;
	put(&b, "\xFF\xD8\xFF\xE1\x00", 5);
	assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_ETRUNCATED);
	/* fill bytes up to the end, and a lone 0xFF at the end */
	b.n = 0;
	put(&b, "\xFF\xD8", 2);
	fill(&b, 0xFF, 9);
	assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_ETRUNCATED);
	/* entropy data without a marker after it, ending on 0xFF */
	b.n = 0;
	put(&b, "\xFF\xD8\xFF\xDA", 4);
	be16(&b, 2);
	put(&b, "\x12\xFF\x00\x34\xFF\xD3\x56\xFF", 8);
	assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_ETRUNCATED);
	/* the same closed by EOI, with a trailer */
	b.n = 0;
	put(&b, "\xFF\xD8\xFF\xDA", 4);
	be16(&b, 2);
	put(&b, "\x12\xFF\x00\x34\xFF\xD3\x56\xFF\xFF\xD9zz", 12);
	assert_int_equal(run(img_jpeg_scan, &b, &rm), ENT_OK);
	assert_true(rm & ENT_IMG_RM_TRAILER);
	/* not a marker where one is expected */
	b.n = 0;
	put(&b, "\xFF\xD8\x00\xD9", 4);
	assert_int_equal(run(img_jpeg_scan, &b, NULL), ENT_EFORMAT);
}

/* --- EXIF inside each container --- */

/* A big-endian TIFF block whose IFD0 is at ifd0 and holds one entry (tag, value), next. */
static void tiff(struct bb *b, uint32_t ifd0, uint16_t count, uint16_t tag, uint32_t val,
		 uint32_t next)
{
	put(b, "MM\0*", 4);
	be32(b, ifd0);
	be16(b, count);
	be16(b, tag);
	be16(b, 4);
	be32(b, 1);
	be32(b, val);
	be32(b, next);
}

static void exif_offsets_backwards_and_outside(void **state)
{
	(void)state;
	const uint32_t offs[] = {0, 4, 7, 8, 26, 27, 0xFFFFFFFFu, 0xFFFFFFF0u, 0x80000000u};
	for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
		for (int where = 0; where < 4; where++) {
			struct bb t = {.n = 0};
			struct img_exif_info info;
			/* IFD0 offset, sub-IFD offset, next-IFD offset, entry count */
			if (where == 0)
				tiff(&t, offs[i], 1, 0x010F, 0, 0);
			else if (where == 1)
				tiff(&t, 8, 1, 0x8769, offs[i], 0);
			else if (where == 2)
				tiff(&t, 8, 1, 0x010F, 0, offs[i]);
			else
				tiff(&t, 8, (uint16_t)offs[i], 0x8825, 8, 8);
			uint8_t *p = malloc(t.n);
			assert_non_null(p);
			memcpy(p, t.b, t.n);
			assert_int_equal(img_exif_parse(p, t.n, &info), ENT_OK);
			assert_true(info.n_entries <= 4096);
			/* the same block cut at every length */
			for (size_t cut = 0; cut < t.n; cut++) {
				uint8_t *q = malloc(cut ? cut : 1);
				assert_non_null(q);
				memcpy(q, t.b, cut);
				(void)img_exif_parse(q, cut, &info);
				free(q);
			}
			free(p);
		}
	}
}

static void exif_in_every_container(void **state)
{
	(void)state;
	struct bb t = {.n = 0}, b;
	unsigned rm;
	put(&t, "Exif\0\0", 6);
	tiff(&t, 8, 1, 0x8825, 0xFFFFFFF0u, 8); /* GPS sub-IFD outside, next IFD = itself */
	/* JPEG APP1 */
	b.n = 0;
	put(&b, "\xFF\xD8\xFF\xE1", 4);
	be16(&b, (uint16_t)(t.n + 2));
	put(&b, t.b, t.n);
	put(&b, "\xFF\xD9", 2);
	assert_int_equal(run(img_jpeg_scan, &b, &rm), ENT_OK);
	assert_true((rm & ENT_IMG_RM_EXIF) && (rm & ENT_IMG_RM_GPS));
	/* PNG eXIf (without the Exif prefix) */
	png_start(&b, 13);
	be32(&b, (uint32_t)(t.n - 6));
	put(&b, "eXIf", 4);
	put(&b, t.b + 6, t.n - 6);
	be32(&b, 0);
	png_chunk(&b, "IEND", 0, 0, 1);
	assert_int_equal(run(img_png_scan, &b, &rm), ENT_OK);
	assert_true((rm & ENT_IMG_RM_EXIF) && (rm & ENT_IMG_RM_GPS));
	/* WebP EXIF with an odd size, padded */
	riff(&b, (uint32_t)(4 + 8 + t.n + (t.n & 1)));
	put(&b, "EXIF", 4);
	le32(&b, (uint32_t)t.n);
	put(&b, t.b, t.n);
	if (t.n & 1)
		fill(&b, 0, 1);
	assert_int_equal(run(img_webp_scan, &b, &rm), ENT_OK);
	assert_true((rm & ENT_IMG_RM_EXIF) && (rm & ENT_IMG_RM_GPS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cursor_never_passes_its_end),
		cmocka_unit_test(webp_odd_padding_past_riff_end),
		cmocka_unit_test(webp_lengths_zero_one_and_past_the_end),
		cmocka_unit_test(webp_sizes_near_2_32),
		cmocka_unit_test(png_lengths),
		cmocka_unit_test(png_sizes_near_2_32),
		cmocka_unit_test(jpeg_segments),
		cmocka_unit_test(exif_offsets_backwards_and_outside),
		cmocka_unit_test(exif_in_every_container),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
