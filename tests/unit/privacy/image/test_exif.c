/* test_exif.c - the EXIF reader: orientation, GPS/maker note/thumbnail detection, both byte
 * orders, and hostile blocks (loops, offsets out of range, absurd counts) that must stop
 * the walk without reading outside the buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "privacy/image/img.h"

/* A little TIFF writer: entries are (tag, type, count, value) in one IFD at a given offset. */
struct tb {
	uint8_t b[512];
	int be;
};

static void w16(struct tb *t, size_t o, uint16_t v)
{
	if (t->be) {
		t->b[o] = (uint8_t)(v >> 8);
		t->b[o + 1] = (uint8_t)v;
	} else {
		t->b[o] = (uint8_t)v;
		t->b[o + 1] = (uint8_t)(v >> 8);
	}
}

static void w32(struct tb *t, size_t o, uint32_t v)
{
	if (t->be) {
		w16(t, o, (uint16_t)(v >> 16));
		w16(t, o + 2, (uint16_t)v);
	} else {
		w16(t, o, (uint16_t)v);
		w16(t, o + 2, (uint16_t)(v >> 16));
	}
}

static void header(struct tb *t, int be, uint32_t ifd0)
{
	memset(t, 0, sizeof *t);
	t->be = be;
	memcpy(t->b, be ? "MM\0*" : "II*\0", 4);
	w32(t, 4, ifd0);
}

/* IFD at off with n entries {tag,type,value}, next IFD pointer `next`. */
static void ifd(struct tb *t, size_t off, int n, const uint32_t (*e)[3], uint32_t next)
{
	w16(t, off, (uint16_t)n);
	for (int i = 0; i < n; i++) {
		size_t p = off + 2 + 12 * (size_t)i;
		w16(t, p, (uint16_t)e[i][0]);
		w16(t, p + 2, (uint16_t)e[i][1]);
		w32(t, p + 4, 1);
		if (e[i][1] == 3)
			w16(t, p + 8, (uint16_t)e[i][2]);
		else
			w32(t, p + 8, e[i][2]);
	}
	w32(t, off + 2 + 12 * (size_t)n, next);
}

static void orientation_both_byte_orders(void **state)
{
	(void)state;
	for (int be = 0; be < 2; be++) {
		struct tb t;
		struct img_exif_info info;
		const uint32_t e[][3] = {{0x010F, 2, 0}, {0x0112, 3, 6}};
		header(&t, be, 8);
		ifd(&t, 8, 2, e, 0);
		assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
		assert_int_equal(info.orientation, 6);
		assert_true(info.has_orientation);
		assert_false(info.has_gps);
		assert_false(info.looped);
	}
}

static void gps_makernote_thumbnail_found(void **state)
{
	(void)state;
	struct tb t;
	struct img_exif_info info;
	const uint32_t ifd0[][3] = {{0x0112, 3, 3}, {0x8769, 4, 100}, {0x8825, 4, 200}};
	const uint32_t exif[][3] = {{0x927C, 7, 0}};
	const uint32_t gps[][3] = {{0x0001, 2, 0}};
	const uint32_t ifd1[][3] = {{0x0201, 4, 0}};
	header(&t, 0, 8);
	ifd(&t, 8, 3, ifd0, 300);
	ifd(&t, 100, 1, exif, 0);
	ifd(&t, 200, 1, gps, 0);
	ifd(&t, 300, 1, ifd1, 0);
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_int_equal(info.orientation, 3);
	assert_true(info.has_gps);
	assert_true(info.has_makernote);
	assert_true(info.has_thumbnail);
}

/* PRIV-IMG-04: an IFD chain that points back at itself ends the walk. */
static void ifd_loops_stop(void **state)
{
	(void)state;
	struct tb t;
	struct img_exif_info info;
	const uint32_t ifd0[][3] = {{0x0112, 3, 8}, {0x8769, 4, 100}};
	const uint32_t exif[][3] = {{0xA005, 4, 100}}; /* Interop -> Exif itself */
	header(&t, 1, 8);
	ifd(&t, 8, 2, ifd0, 8); /* IFD0 -> IFD0 */
	ifd(&t, 100, 1, exif, 100);
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_int_equal(info.orientation, 8);
	assert_true(info.looped);
}

static void offsets_outside_are_skipped(void **state)
{
	(void)state;
	struct tb t;
	struct img_exif_info info;
	const uint32_t ifd0[][3] = {{0x8769, 4, 0xFFFFFFF0u}, {0x8825, 4, 510}, {0x0112, 3, 2}};
	header(&t, 0, 8);
	ifd(&t, 8, 3, ifd0, 0x7FFFFFFF);
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_int_equal(info.orientation, 2);
	assert_true(info.truncated);
	/* IFD0 itself outside */
	header(&t, 0, 4000);
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_true(info.truncated);
	assert_int_equal(info.orientation, 1);
}

static void huge_count_is_clamped(void **state)
{
	(void)state;
	struct tb t;
	struct img_exif_info info;
	header(&t, 0, 8);
	w16(&t, 8, 0xFFFF); /* 65535 entries in a 512-byte block */
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_true(info.truncated);
	assert_true(info.n_entries <= (sizeof t.b) / 12);
}

static void bad_values_and_headers(void **state)
{
	(void)state;
	struct tb t;
	struct img_exif_info info;
	const uint32_t e[][3] = {{0x0112, 3, 9}}; /* out of range: treated as 1 */
	header(&t, 0, 8);
	ifd(&t, 8, 1, e, 0);
	assert_int_equal(img_exif_parse(t.b, sizeof t.b, &info), ENT_OK);
	assert_int_equal(info.orientation, 1);
	assert_int_equal(img_exif_parse((const uint8_t *)"XX*\0\0\0\0\x08", 8, &info), ENT_EFORMAT);
	assert_int_equal(img_exif_parse(t.b, 4, &info), ENT_EFORMAT);
	assert_int_equal(img_exif_parse(NULL, 0, &info), ENT_EFORMAT);
	/* every prefix length of a valid block parses without reading past it */
	const uint32_t ifd0[][3] = {{0x0112, 3, 5}, {0x8769, 4, 100}};
	header(&t, 0, 8);
	ifd(&t, 8, 2, ifd0, 0);
	for (size_t n = 0; n < 140; n++)
		img_exif_parse(t.b, n, &info);
}

static void note_sets_context(void **state)
{
	(void)state;
	struct tb t;
	uint8_t blk[6 + sizeof t.b];
	const uint32_t ifd0[][3] = {{0x0112, 3, 7}, {0x8825, 4, 100}};
	const uint32_t gps[][3] = {{0x0002, 5, 0}};
	header(&t, 0, 8);
	ifd(&t, 8, 2, ifd0, 0);
	ifd(&t, 100, 1, gps, 0);
	memcpy(blk, "Exif\0\0", 6);
	memcpy(blk + 6, t.b, sizeof t.b);
	struct img_ctx c = {0};
	img_exif_note(&c, blk, sizeof blk, 1);
	assert_int_equal(c.orientation, 7);
	assert_true(c.removed & ENT_IMG_RM_EXIF);
	assert_true(c.removed & ENT_IMG_RM_GPS);
	assert_true(c.removed & ENT_IMG_RM_ORIENTATION);
	/* HEIF: orientation ignored */
	struct img_ctx h = {0};
	img_exif_note(&h, blk, sizeof blk, 0);
	assert_int_equal(h.orientation, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(orientation_both_byte_orders),
		cmocka_unit_test(gps_makernote_thumbnail_found),
		cmocka_unit_test(ifd_loops_stop),
		cmocka_unit_test(offsets_outside_are_skipped),
		cmocka_unit_test(huge_count_is_clamped),
		cmocka_unit_test(bad_values_and_headers),
		cmocka_unit_test(note_sets_context),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
