/* test_sanitize.c - orientation transforms, the solid fill, and ent_img_sanitize() on
 * pictures made in memory: limits refused from the header (PRIV-IMG-04), truncation,
 * trailing bytes (PRIV-IMG-01), masks (PRIV-IMG-03), options, format sniffing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "entraide/image.h"
#include "privacy/image/img.h"

static struct img_ctx ctx(void)
{
	struct img_ctx c;
	struct ent_img_opts o = {0};
	img_ctx_init(&c, &o);
	return c;
}

/* w x h RGB picture whose pixel (x, y) is (x, y, 7). */
static struct img_px ramp(int w, int h)
{
	struct img_ctx c = ctx();
	struct img_px p;
	assert_int_equal(img_px_alloc(&c, &p, w, h, 3), ENT_OK);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint8_t *q = p.px + (size_t)y * p.stride + 3 * (size_t)x;
			q[0] = (uint8_t)x;
			q[1] = (uint8_t)y;
			q[2] = 7;
		}
	return p;
}

static void at(const struct img_px *p, int x, int y, int *sx, int *sy)
{
	const uint8_t *q = p->px + (size_t)y * p->stride + 3 * (size_t)x;
	*sx = q[0];
	*sy = q[1];
}

/* PRIV-IMG-02: where the stored top-left pixel lands for each orientation. */
static void orientations_map_corners(void **state)
{
	(void)state;
	const int w = 5, h = 3;
	/* displayed position of stored (0,0), per orientation; W,H are displayed sizes */
	struct {
		int o, W, H, x, y;
	} cases[] = {{1, 5, 3, 0, 0}, {2, 5, 3, 4, 0}, {3, 5, 3, 4, 2}, {4, 5, 3, 0, 2},
		     {5, 3, 5, 0, 0}, {6, 3, 5, 2, 0}, {7, 3, 5, 2, 4}, {8, 3, 5, 0, 4}};
	struct img_px in = ramp(w, h);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct img_ctx c = ctx();
		struct img_px out;
		assert_int_equal(img_orient_apply(&c, &in, cases[i].o, &out), ENT_OK);
		assert_int_equal(out.w, cases[i].W);
		assert_int_equal(out.h, cases[i].H);
		int sx, sy;
		at(&out, cases[i].x, cases[i].y, &sx, &sy);
		assert_int_equal(sx, 0);
		assert_int_equal(sy, 0);
		/* every pixel appears exactly once */
		unsigned seen[5][3] = {{0}};
		for (int y = 0; y < out.h; y++)
			for (int x = 0; x < out.w; x++) {
				at(&out, x, y, &sx, &sy);
				seen[sx][sy]++;
			}
		for (int x = 0; x < w; x++)
			for (int y = 0; y < h; y++)
				assert_int_equal(seen[x][y], 1);
		img_px_free(&out);
	}
	img_px_free(&in);
}

/* Every displayed pixel of every orientation is the stored pixel the TIFF definition names,
 * on pictures larger than a block of the turning loop, with 1, 3 and 4 channels. */
static void orientations_match_the_definition(void **state)
{
	(void)state;
	const int w = 70, h = 45;
	const int chans[] = {1, 3, 4};
	for (size_t k = 0; k < 3; k++) {
		const int ch = chans[k];
		struct img_ctx c = ctx();
		struct img_px in;
		assert_int_equal(img_px_alloc(&c, &in, w, h, ch), ENT_OK);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int i = 0; i < ch; i++)
					in.px[(size_t)y * in.stride + (size_t)x * ch + i] =
						(uint8_t)(i == 0 ? x : i == 1 ? y : x * 7 + y * 13 + i);
		for (int o = 1; o <= 8; o++) {
			struct img_px out;
			assert_int_equal(img_orient_apply(&c, &in, o, &out), ENT_OK);
			assert_int_equal(out.w, o >= 5 ? h : w);
			assert_int_equal(out.h, o >= 5 ? w : h);
			for (int dy = 0; dy < out.h; dy++)
				for (int dx = 0; dx < out.w; dx++) {
					int sx = dx, sy = dy;
					switch (o) {
					case 2: sx = w - 1 - dx; break;
					case 3: sx = w - 1 - dx; sy = h - 1 - dy; break;
					case 4: sy = h - 1 - dy; break;
					case 5: sx = dy; sy = dx; break;
					case 6: sx = dy; sy = h - 1 - dx; break;
					case 7: sx = w - 1 - dy; sy = h - 1 - dx; break;
					case 8: sx = w - 1 - dy; sy = dx; break;
					}
					assert_memory_equal(out.px + (size_t)dy * out.stride + (size_t)dx * ch,
							    in.px + (size_t)sy * in.stride + (size_t)sx * ch, (size_t)ch);
				}
			img_px_free(&out);
		}
		img_px_free(&in);
	}
}

static void fill_clips_and_is_opaque(void **state)
{
	(void)state;
	struct img_ctx c = ctx();
	struct img_px p;
	assert_int_equal(img_px_alloc(&c, &p, 4, 4, 4), ENT_OK);
	memset(p.px, 200, p.stride * 4);
	struct ent_img_rect r = {-2, 2, 4, 10};
	assert_int_equal(img_fill_rect(&p, &r), 1);
	assert_int_equal(r.x, 0);
	assert_int_equal(r.y, 2);
	assert_int_equal(r.w, 2);
	assert_int_equal(r.h, 2);
	const uint8_t *q = p.px + 3 * p.stride + 4;
	assert_int_equal(q[0], 0);
	assert_int_equal(q[3], 255);
	assert_int_equal(p.px[0], 200);
	struct ent_img_rect off = {10, 10, 5, 5};
	assert_int_equal(img_fill_rect(&p, &off), 0);
	img_px_free(&p);
}

static uint8_t *png_of(int w, int h, size_t *len)
{
	struct img_ctx c = ctx();
	struct img_px p = ramp(w, h);
	uint8_t *out = NULL;
	assert_int_equal(img_png_encode(&c, &p, &out, len), ENT_OK);
	img_px_free(&p);
	return out;
}

static uint8_t *jpeg_of(int w, int h, size_t *len)
{
	struct img_ctx c = ctx();
	struct img_px p = ramp(w, h);
	uint8_t *out = NULL;
	assert_int_equal(img_jpeg_encode(&c, &p, 90, 0, &out, len), ENT_OK);
	img_px_free(&p);
	return out;
}

static const struct ent_img_opts keep = {.faces_mode = ENT_IMG_FACES_KEEP};

static void png_round_trip_is_exact(void **state)
{
	(void)state;
	size_t len;
	uint8_t *in = png_of(17, 9, &len);
	struct ent_img_result r = {0};
	assert_int_equal(ent_img_sanitize(in, len, &keep, &r), ENT_OK);
	assert_int_equal(r.format, ENT_IMG_PNG);
	assert_int_equal(r.width, 17);
	assert_int_equal(r.height, 9);
	assert_int_equal(r.removed, 0);
	struct img_ctx c = ctx();
	struct img_px out;
	assert_int_equal(img_decode_upright(&c, r.data, r.len, &out), ENT_OK);
	int sx, sy;
	at(&out, 16, 8, &sx, &sy);
	assert_int_equal(sx, 16);
	assert_int_equal(sy, 8);
	img_px_free(&out);
	img_ctx_clear(&c);
	ent_img_result_clear(&r);
	free(in);
}

/* Both ways of deflating a PNG output (Z_RLE for photograph-like pictures, zlib's default for
 * drawings: img_png.c) give back the same pixels. */
static void png_encode_photo_and_drawing_exact(void **state)
{
	(void)state;
	for (int kind = 0; kind < 2; kind++) {
		struct img_ctx c = ctx();
		struct img_px p, back;
		assert_int_equal(img_px_alloc(&c, &p, 67, 41, 3), ENT_OK);
		uint32_t r = 12345;
		for (int y = 0; y < p.h; y++)
			for (int x = 0; x < p.w * 3; x++) {
				r = r * 1103515245u + 12345u; /* noise: no pixel like its neighbour */
				p.px[(size_t)y * p.stride + (size_t)x] =
					kind == 0 ? (uint8_t)(r >> 24) : (uint8_t)(x / 30 * 60 + y / 20 * 90);
			}
		uint8_t *out = NULL;
		size_t len = 0;
		assert_int_equal(img_png_encode(&c, &p, &out, &len), ENT_OK);
		assert_int_equal(img_png_decode(&c, out, len, &back), ENT_OK);
		assert_int_equal(back.w, p.w);
		assert_int_equal(back.h, p.h);
		assert_int_equal(back.ch, 3);
		for (int y = 0; y < p.h; y++)
			assert_memory_equal(back.px + (size_t)y * back.stride, p.px + (size_t)y * p.stride,
					    (size_t)p.w * 3);
		free(out);
		img_px_free(&back);
		img_px_free(&p);
		img_ctx_clear(&c);
	}
}

/* PRIV-IMG-04: a bomb is refused from its header. */
static void huge_headers_refused(void **state)
{
	(void)state;
	size_t len;
	struct ent_img_result r = {0};
	uint8_t *png = png_of(8, 8, &len);
	/* IHDR width/height at offsets 16 and 20 */
	memcpy(png + 16, "\x00\x00\xea\x60\x00\x00\xea\x60", 8);
	assert_int_equal(ent_img_sanitize(png, len, &keep, &r), ENT_ETOOBIG);
	assert_null(r.data);
	assert_non_null(r.reason);
	free(png);

	uint8_t *jpg = jpeg_of(8, 8, &len);
	for (size_t i = 2; i + 9 < len; i++) {
		if (jpg[i] == 0xFF && jpg[i + 1] == 0xC0) { /* SOF0: height at +5, width at +7 */
			memcpy(jpg + i + 5, "\xea\x60\xea\x60", 4);
			break;
		}
	}
	assert_int_equal(ent_img_sanitize(jpg, len, &keep, &r), ENT_ETOOBIG);
	assert_null(r.data);
	free(jpg);

	png = png_of(100, 100, &len);
	struct ent_img_opts small = keep;
	small.max_pixels = 5000;
	assert_int_equal(ent_img_sanitize(png, len, &small, &r), ENT_ETOOBIG);
	small.max_pixels = 0;
	small.max_side = 99;
	assert_int_equal(ent_img_sanitize(png, len, &small, &r), ENT_ETOOBIG);
	small.max_side = 0;
	small.max_bytes = len - 1;
	assert_int_equal(ent_img_sanitize(png, len, &small, &r), ENT_ETOOBIG);
	free(png);
}

/* PRIV-IMG-05: over the output cap, a JPEG is decoded at a DCT scale k/8 and other formats
 * are reduced after decoding; under it nothing changes. */
static void output_cap_scales_down(void **state)
{
	(void)state;
	size_t len;
	struct ent_img_result r = {0};
	struct ent_img_opts o = keep;
	o.max_out_pixels = 100 * 75;
	uint8_t *jpg = jpeg_of(400, 300, &len);
	assert_int_equal(ent_img_sanitize(jpg, len, &o, &r), ENT_OK);
	assert_int_equal(r.width, 100); /* 2/8 of 400 */
	assert_int_equal(r.height, 75);
	ent_img_result_clear(&r);
	o.max_out_pixels = 0; /* default 16 MP: unchanged */
	assert_int_equal(ent_img_sanitize(jpg, len, &o, &r), ENT_OK);
	assert_int_equal(r.width, 400);
	assert_int_equal(r.height, 300);
	ent_img_result_clear(&r);
	free(jpg);

	uint8_t *png = png_of(400, 300, &len);
	o.max_out_pixels = 30000;
	assert_int_equal(ent_img_sanitize(png, len, &o, &r), ENT_OK);
	assert_true((uint64_t)r.width * r.height <= 30000);
	assert_in_range(r.width, 195, 200);
	assert_in_range(r.height, 145, 150);
	ent_img_result_clear(&r);
	free(png);
}

static void truncated_and_trailing(void **state)
{
	(void)state;
	size_t len;
	struct ent_img_result r = {0};
	uint8_t *jpg = jpeg_of(40, 30, &len);
	for (size_t cut = 0; cut < len; cut += len / 16 + 1) {
		enum ent_err err = ent_img_sanitize(jpg, cut, &keep, &r);
		assert_int_not_equal(err, ENT_OK);
		assert_null(r.data);
	}
	uint8_t *big = malloc(len + 5);
	memcpy(big, jpg, len);
	memcpy(big + len, "PK\x03\x04!", 5);
	assert_int_equal(ent_img_sanitize(big, len + 5, &keep, &r), ENT_OK);
	assert_true(r.removed & ENT_IMG_RM_TRAILER);
	assert_true(r.len < 3 || memcmp(r.data + r.len - 2, "\xff\xd9", 2) == 0);
	ent_img_result_clear(&r);
	free(big);
	free(jpg);

	uint8_t *png = png_of(20, 20, &len);
	assert_int_equal(ent_img_sanitize(png, len - 12, &keep, &r), ENT_ETRUNCATED);
	free(png);
}

/* The face detectors look at copies: a dark picture, which the CNN also sees brightened,
 * comes out with its own pixels (the brightened copy was once written over them when the
 * picture needed no reduction). */
static void faces_leave_a_dark_picture_as_it_is(void **state)
{
	(void)state;
	struct img_ctx c = ctx();
	struct img_px p;
	assert_int_equal(img_px_alloc(&c, &p, 160, 120, 3), ENT_OK);
	for (int y = 0; y < p.h; y++)
		for (int x = 0; x < p.w; x++) {
			uint8_t *q = p.px + (size_t)y * p.stride + 3 * (size_t)x;
			q[0] = (uint8_t)(x % 40);
			q[1] = (uint8_t)(y % 30);
			q[2] = 9;
		}
	uint8_t *png = NULL;
	size_t len = 0;
	assert_int_equal(img_png_encode(&c, &p, &png, &len), ENT_OK);
	struct ent_img_opts o = {.faces_mode = ENT_IMG_FACES_COVER};
	assert_int_equal(ent_img_faces_new(&o.faces, NULL), ENT_OK);
	struct ent_img_result r = {0};
	assert_int_equal(ent_img_sanitize(png, len, &o, &r), ENT_OK);
	assert_int_equal(r.n_regions, 0);
	struct img_px out;
	assert_int_equal(img_decode_upright(&c, r.data, r.len, &out), ENT_OK);
	assert_int_equal(out.w, p.w);
	assert_int_equal(out.h, p.h);
	for (int y = 0; y < p.h; y++)
		assert_memory_equal(out.px + (size_t)y * out.stride, p.px + (size_t)y * p.stride,
				    (size_t)p.w * 3);
	img_px_free(&out);
	img_px_free(&p);
	img_ctx_clear(&c);
	ent_img_result_clear(&r);
	ent_img_faces_free(o.faces);
	free(png);
}

static void masks_are_covered_and_reported(void **state)
{
	(void)state;
	size_t len;
	uint8_t *in = png_of(30, 20, &len);
	struct ent_img_rect m[2] = {{5, 5, 4, 4}, {25, 15, 50, 50}};
	struct ent_img_opts o = keep;
	o.masks = m;
	o.n_masks = 2;
	struct ent_img_result r = {0};
	assert_int_equal(ent_img_sanitize(in, len, &o, &r), ENT_OK);
	assert_int_equal(r.n_regions, 2);
	assert_int_equal(r.n_faces, 0);
	assert_int_equal(r.regions[1].rect.w, 5); /* clipped */
	assert_int_equal(r.regions[0].source, ENT_IMG_SRC_MASK);
	struct img_ctx c = ctx();
	struct img_px out;
	assert_int_equal(img_decode_upright(&c, r.data, r.len, &out), ENT_OK);
	const uint8_t *q = out.px + 6 * out.stride + 3 * 6;
	assert_int_equal(q[0] | q[1] | q[2], 0);
	img_px_free(&out);
	img_ctx_clear(&c);
	ent_img_result_clear(&r);
	free(in);
}

static void options_checked(void **state)
{
	(void)state;
	size_t len;
	uint8_t *in = png_of(8, 8, &len);
	struct ent_img_result r = {0};
	/* cover without a detector: refuse rather than let a face through */
	assert_int_equal(ent_img_sanitize(in, len, NULL, &r), ENT_EINVAL);
	assert_non_null(r.reason);
	struct ent_img_opts o = keep;
	o.jpeg_quality = 101;
	assert_int_equal(ent_img_sanitize(in, len, &o, &r), ENT_EINVAL);
	assert_int_equal(ent_img_sanitize(NULL, 0, &keep, &r), ENT_EFORMAT);
	assert_int_equal(ent_img_sanitize(in, len, &keep, NULL), ENT_EINVAL);
	static const enum ent_img_format fmts[] = {ENT_IMG_JPEG, ENT_IMG_PNG, ENT_IMG_WEBP};
	for (size_t i = 0; i < 3; i++) {
		o = keep;
		o.out_format = fmts[i];
		assert_int_equal(ent_img_sanitize(in, len, &o, &r), ENT_OK);
		assert_int_equal(ent_img_sniff(r.data, r.len), fmts[i]);
		ent_img_result_clear(&r);
	}
	free(in);
	uint8_t junk[64] = "GIF89a";
	assert_int_equal(ent_img_sanitize(junk, sizeof junk, &keep, &r), ENT_EFORMAT);
	assert_int_equal(ent_img_sniff(junk, sizeof junk), ENT_IMG_NONE);
	assert_string_equal(ent_img_removed_name(ENT_IMG_RM_GPS), "gps");
	assert_string_equal(ent_img_source_name(ENT_IMG_SRC_DLIB_HOG), "dlib-hog");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(orientations_map_corners),
		cmocka_unit_test(orientations_match_the_definition),
		cmocka_unit_test(fill_clips_and_is_opaque),
		cmocka_unit_test(png_round_trip_is_exact),
		cmocka_unit_test(png_encode_photo_and_drawing_exact),
		cmocka_unit_test(huge_headers_refused),
		cmocka_unit_test(output_cap_scales_down),
		cmocka_unit_test(truncated_and_trailing),
		cmocka_unit_test(masks_are_covered_and_reported),
		cmocka_unit_test(faces_leave_a_dark_picture_as_it_is),
		cmocka_unit_test(options_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
