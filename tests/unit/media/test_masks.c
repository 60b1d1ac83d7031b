/*
 * test_masks.c - the masks drawn on a photo's preview ("x,y,w,h;x,y,w,h"): what is accepted,
 * and that hostile strings are refused without reading past them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "media/media.h"

static void accepted(void **state)
{
	(void)state;
	struct ent_img_rect r[MEDIA_MASKS_MAX];
	size_t n = 99;
	assert_int_equal(media_masks_parse("", r, MEDIA_MASKS_MAX, &n), ENT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(media_masks_parse("0,0,20,10", r, MEDIA_MASKS_MAX, &n), ENT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].w, 20);
	assert_int_equal(media_masks_parse("1,2,3,4;50,60,70,80;", r, MEDIA_MASKS_MAX, &n), ENT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(r[1].x, 50);
	assert_int_equal(r[1].h, 80);
	assert_int_equal(media_masks_parse("99999,99999,1,1", r, MEDIA_MASKS_MAX, &n), ENT_OK);
}

static void refused(void **state)
{
	(void)state;
	struct ent_img_rect r[2];
	size_t n;
	static const char *const bad[] = {
		"1,2,3",      "1,2,3,4,5",  "-1,2,3,4", "1,2,0,4",     "1,2,3,0",     "a,b,c,d",
		"1,2,3,4;;",  " 1,2,3,4",   "1,2,3,4 ", "100000,0,1,1", "1,2,3,4;x",  "1;2;3;4",
		"0000001,1,1,1", "1,2,3,4;1,2,3,4;1,2,3,4", /* more than the cap of 2 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(media_masks_parse(bad[i], r, 2, &n), ENT_EINVAL);
	assert_int_equal(media_masks_parse(NULL, r, 2, &n), ENT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepted),
		cmocka_unit_test(refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
