/* test_zip.c - ZIP records: the CRC-32 check value, headers, the central directory and its
 * end record pointing at the right offsets; limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/zip.h"

static uint32_t rd32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return u[0] | (u[1] << 8) | ((uint32_t)u[2] << 16) | ((uint32_t)u[3] << 24);
}

static unsigned rd16(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return u[0] | (u[1] << 8);
}

static void crc_check_value(void **state)
{
	(void)state;
	assert_int_equal(zip_crc32(0, "123456789", 9), 0xcbf43926u);
	/* in pieces, the same */
	assert_int_equal(zip_crc32(zip_crc32(0, "1234", 4), "56789", 5), 0xcbf43926u);
	assert_int_equal(zip_crc32(0, "", 0), 0);
}

static void archive_layout(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct zip_entry e[2] = {{.name = "data.json"}, {.name = "media/1.png"}};
	const char *body[2] = {"{\"a\":1}", "PNGBYTES"};
	for (int i = 0; i < 2; i++) {
		e[i].size = (uint32_t)strlen(body[i]);
		e[i].crc = zip_crc32(0, body[i], e[i].size);
		assert_int_equal(zip_local_header(&b, &e[i], b.len, 1764806400), ENT_OK);
		buf_append(&b, body[i], e[i].size);
	}
	assert_int_equal(e[0].offset, 0);
	assert_int_equal(e[1].offset, 30 + 9 + 7);
	size_t cd = b.len;
	assert_int_equal(zip_central(&b, e, 2, cd, 1764806400), ENT_OK);
	assert_int_equal(rd32(b.p), 0x04034b50u);
	assert_int_equal(rd32(b.p + 14), e[0].crc);
	assert_int_equal(rd32(b.p + e[1].offset), 0x04034b50u);
	assert_memory_equal(b.p + e[1].offset + 30, "media/1.png", 11);
	const char *end = b.p + b.len - 22;
	assert_int_equal(rd32(end), 0x06054b50u);
	assert_int_equal(rd16(end + 10), 2);
	assert_int_equal(rd32(end + 12), b.len - 22 - cd);
	assert_int_equal(rd32(end + 16), cd);
	assert_int_equal(rd32(b.p + cd), 0x02014b50u);
	assert_int_equal(rd32(b.p + cd + 42), 0); /* first entry's offset */
	/* the date: 2025-12-04 */
	assert_int_equal(rd16(b.p + 12), ((2025 - 1980) << 9) | (12 << 5) | 4);
	buf_clear(&b);
}

static void limits(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct zip_entry e = {.name = ""};
	assert_int_equal(zip_local_header(&b, &e, 0, 0), ENT_EINVAL);
	memset(e.name, 'a', sizeof e.name);
	assert_int_equal(zip_local_header(&b, &e, 0, 0), ENT_EINVAL);
	strcpy(e.name, "big");
	e.size = 0xfffffff0u;
	assert_int_equal(zip_local_header(&b, &e, 0, 0), ENT_ETOOBIG);
	assert_int_equal(b.len, 0);
	buf_clear(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc_check_value),
		cmocka_unit_test(archive_layout),
		cmocka_unit_test(limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
