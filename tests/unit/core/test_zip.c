/* test_zip.c - the streamed ZIP writer: every entry's local header announces a data
 * descriptor, the descriptor and the central directory carry the CRC-32 (checked against
 * zlib's) and size of the bytes, the end record points at the directory; names are checked;
 * and an archive of a JSON document of thousands of items pulled out 7 bytes at a time is
 * whole and valid while the writer never holds more than one step's piece. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "core/json.h"
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

struct entry {
	char name[ZIP_NAME_MAX + 1];
	const char *data;
	uint32_t size;
};

/* Reads an archive as a strict reader would, checking every record against the others and
 * every CRC against zlib's; returns the number of entries (fails the test on any mismatch). */
static size_t read_archive(const char *a, size_t len, struct entry *out, size_t max)
{
	assert_true(len >= 22);
	const char *end = a + len - 22;
	assert_int_equal(rd32(end), 0x06054b50u);
	size_t n = rd16(end + 10);
	assert_int_equal(rd16(end + 8), n);
	uint32_t cd_len = rd32(end + 12), cd = rd32(end + 16);
	assert_int_equal((size_t)cd + cd_len + 22, len);
	const char *p = a + cd;
	uint32_t expect_off = 0;
	assert_true(n <= max);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rd32(p), 0x02014b50u);
		assert_int_equal(rd16(p + 8), (1u << 3) | (1u << 11)); /* descriptor, UTF-8 */
		assert_int_equal(rd16(p + 10), 0);                     /* stored */
		uint32_t crc = rd32(p + 16), size = rd32(p + 20);
		assert_int_equal(rd32(p + 24), size);
		unsigned nlen = rd16(p + 28);
		uint32_t off = rd32(p + 42);
		assert_int_equal(off, expect_off); /* entries follow each other, nothing in between */
		const char *l = a + off;
		assert_int_equal(rd32(l), 0x04034b50u);
		assert_int_equal(rd16(l + 6), (1u << 3) | (1u << 11));
		assert_int_equal(rd32(l + 14), 0); /* CRC and sizes come after the data */
		assert_int_equal(rd16(l + 26), nlen);
		assert_memory_equal(l + 30, p + 46, nlen);
		const char *data = l + 30 + nlen;
		const char *dd = data + size;
		assert_int_equal(rd32(dd), 0x08074b50u);
		assert_int_equal(rd32(dd + 4), crc);
		assert_int_equal(rd32(dd + 8), size);
		assert_int_equal(rd32(dd + 12), size);
		assert_int_equal(crc, (uint32_t)crc32(0L, (const Bytef *)data, size));
		memcpy(out[i].name, p + 46, nlen);
		out[i].name[nlen] = '\0';
		out[i].data = data;
		out[i].size = size;
		expect_off = (uint32_t)(dd + 16 - a);
		p += 46 + nlen + rd16(p + 30) + rd16(p + 32);
	}
	assert_int_equal(expect_off, cd);
	assert_ptr_equal(p, end);
	return n;
}

static void crc_and_layout(void **state)
{
	(void)state;
	struct buf b;
	struct zip_writer w;
	buf_init(&b, 1 << 20);
	zip_writer_init(&w, &b, 1764806400);
	assert_int_equal(zip_begin(&w, "check.txt"), ENT_OK);
	assert_int_equal(zip_write(&w, "1234", 4), ENT_OK); /* in pieces */
	assert_int_equal(zip_write(&w, "56789", 5), ENT_OK);
	assert_int_equal(zip_end(&w), ENT_OK);
	assert_int_equal(zip_begin(&w, "media/empty.png"), ENT_OK);
	assert_int_equal(zip_end(&w), ENT_OK);
	assert_int_equal(zip_finish(&w), ENT_OK);
	assert_int_equal(w.pos, b.len);
	struct entry e[4];
	assert_int_equal(read_archive(b.p, b.len, e, 4), 2);
	assert_string_equal(e[0].name, "check.txt");
	assert_int_equal(e[0].size, 9);
	/* the CRC-32 check value of "123456789", in the descriptor */
	assert_int_equal(rd32(e[0].data + 9 + 4), 0xcbf43926u);
	assert_string_equal(e[1].name, "media/empty.png");
	assert_int_equal(e[1].size, 0);
	/* the date: 2025-12-04 */
	assert_int_equal(rd16(b.p + 12), ((2025 - 1980) << 9) | (12 << 5) | 4);
	zip_writer_free(&w);
	buf_clear(&b);
}

static void names_and_order(void **state)
{
	(void)state;
	struct buf b;
	struct zip_writer w;
	buf_init(&b, 1 << 16);
	zip_writer_init(&w, &b, 0);
	char longname[ZIP_NAME_MAX + 2];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	const char *bad[] = {"", "/etc/passwd", "a/../b", "..", "a//b", "dir/", "./a", longname};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(zip_begin(&w, bad[i]), ENT_EINVAL);
	assert_int_equal(b.len, 0);
	assert_int_equal(zip_write(&w, "x", 1), ENT_EINVAL); /* no entry open */
	assert_int_equal(zip_end(&w), ENT_EINVAL);
	assert_int_equal(zip_begin(&w, "a..b/c.d"), ENT_OK);  /* dots inside a name are fine */
	assert_int_equal(zip_begin(&w, "b"), ENT_EINVAL);     /* one at a time */
	assert_int_equal(zip_finish(&w), ENT_EINVAL);
	assert_int_equal(zip_end(&w), ENT_OK);
	assert_int_equal(zip_finish(&w), ENT_OK);
	assert_int_equal(zip_begin(&w, "late"), ENT_EINVAL);
	zip_writer_free(&w);
	buf_clear(&b);

	char n1[] = "desk/12/34-ordonnance: <mars>?.pdf";
	zip_safe_name(n1);
	assert_string_equal(n1, "desk/12/34-ordonnance_ _mars__.pdf");
	char n2[] = "../x/./y\\z\x01";
	zip_safe_name(n2);
	assert_string_equal(n2, "_/x/_/y_z_");
}

/* A step function that writes data.json, a JSON object holding an array of n items (each
 * dumped with jansson, per_step of them per piece), then a binary entry in 1000-byte pieces. */
struct gen {
	int n, per_step, done_items, bin_sent, phase;
};

static int gen_step(void *cls, struct zip_writer *w)
{
	struct gen *g = cls;
	struct buf t;
	buf_init(&t, 1 << 20);
	enum ent_err err = ENT_OK;
	bool end = false;
	if (g->phase == 0) {
		err = zip_begin(w, "data.json");
		buf_puts(&t, "{\"format\":\"test\",\"posts\":[");
		g->phase = 1;
	} else if (g->phase == 1) {
		for (int k = 0; k < g->per_step && g->done_items < g->n; k++, g->done_items++) {
			json_t *o = json_pack("{s:i,s:s}", "id", g->done_items, "body", "un message é <&>");
			if (g->done_items)
				buf_putc(&t, ',');
			json_dump_buf(o, &t);
			json_decref(o);
		}
		if (g->done_items == g->n) {
			buf_puts(&t, "]}");
			end = true;
			g->phase = 2;
		}
	} else if (g->phase == 2) {
		if (g->bin_sent == 0)
			err = zip_begin(w, "media/1.bin");
		char chunk[1000];
		for (int i = 0; i < 1000; i++)
			chunk[i] = (char)((g->bin_sent + i) * 7);
		buf_append(&t, chunk, sizeof chunk);
		g->bin_sent += 1000;
		if (g->bin_sent == 5000) {
			end = true;
			g->phase = 3;
		}
	} else {
		buf_clear(&t);
		return zip_finish(w) ? -1 : 0;
	}
	if (!err)
		err = zip_write(w, t.p, t.len);
	if (!err && end)
		err = zip_end(w);
	buf_clear(&t);
	return err ? -1 : 1;
}

/* Pulls the whole archive out in pieces of `piece` bytes; returns the pull's peak. */
static size_t pull_all(int n, size_t piece, struct buf *out)
{
	struct gen g = {.n = n, .per_step = 50};
	struct zip_pull p;
	zip_pull_init(&p, 64 * 1024, 1764806400, gen_step, &g);
	char small[64];
	assert_true(piece <= sizeof small);
	ssize_t r;
	while ((r = zip_pull_read(&p, small, piece)) > 0) {
		assert_true((size_t)r <= piece);
		buf_append(out, small, (size_t)r);
	}
	assert_int_equal(r, 0);
	assert_int_equal(zip_pull_read(&p, small, piece), 0); /* and stays at the end */
	size_t peak = p.peak;
	zip_pull_free(&p);
	return peak;
}

static void stream_small_buffer(void **state)
{
	(void)state;
	struct buf small, big;
	buf_init(&small, 1 << 20);
	buf_init(&big, 64 << 20);
	size_t peak_small = pull_all(100, 7, &small);
	size_t peak_big = pull_all(20000, 7, &big);
	struct entry e[4];
	assert_int_equal(read_archive(big.p, big.len, e, 4), 2);
	assert_string_equal(e[0].name, "data.json");
	json_error_t jerr;
	json_t *doc = json_loadb(e[0].data, e[0].size, 0, &jerr);
	assert_non_null(doc);
	json_t *posts = json_object_get(doc, "posts");
	assert_int_equal(json_array_size(posts), 20000);
	for (size_t i = 0; i < 20000; i += 997) {
		assert_int_equal(json_integer_value(json_object_get(json_array_get(posts, i), "id")), i);
		assert_string_equal(json_string_value(json_object_get(json_array_get(posts, i), "body")),
				    "un message é <&>");
	}
	json_decref(doc);
	assert_string_equal(e[1].name, "media/1.bin");
	assert_int_equal(e[1].size, 5000);
	assert_int_equal((unsigned char)e[1].data[4999], (unsigned char)(4999 * 7));
	/* 200 times the items, the same largest piece: the writer holds a step, not the archive */
	assert_true(big.len > 700000);
	assert_true(peak_big < 4096);
	assert_true(peak_big < peak_small + 50 * 4); /* only the ids are longer */
	buf_clear(&small);
	buf_clear(&big);
}

/* A step that fails, or that says it is done without finishing: the pull reports it. */
static int fail_step(void *cls, struct zip_writer *w)
{
	(void)w;
	return *(int *)cls;
}

static void stream_failures(void **state)
{
	(void)state;
	char out[16];
	for (int r = -1; r <= 0; r++) {
		struct zip_pull p;
		zip_pull_init(&p, 1024, 0, fail_step, &r);
		assert_int_equal(zip_pull_read(&p, out, sizeof out), -1);
		zip_pull_free(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc_and_layout),
		cmocka_unit_test(names_and_order),
		cmocka_unit_test(stream_small_buffer),
		cmocka_unit_test(stream_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
