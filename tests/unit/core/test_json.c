/* test_json.c - bounded parsing and declared-field validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/json.h"

static const char *const langs[] = {"fr", "en", NULL};
static const struct json_field fields[] = {
	{"name", JF_STRING, true, 3, 8, NULL},
	{"age", JF_INT, false, 0, 0, NULL},
	{"ok", JF_BOOL, false, 0, 0, NULL},
	{"lang", JF_STRING, false, 0, 0, langs},
	{"langs", JF_STRINGS, false, 1, 2, langs},
	{NULL, 0, false, 0, 0, NULL},
};

/* Error field names may point into the parsed object: it is kept until the next call. */
static json_t *last;

static enum ent_err check(const char *text, struct json_error *errs, size_t *n)
{
	json_decref(last);
	last = NULL;
	enum ent_err err = json_parse_bounded(text, strlen(text), 4, &last);
	if (err)
		return err;
	return json_validate(last, fields, errs, 8, n);
}

static void depth_is_limited(void **state)
{
	json_t *v = NULL;
	assert_int_equal(json_parse_bounded("[[[[1]]]]", 9, 4, &v), ENT_OK);
	json_decref(v);
	assert_int_equal(json_parse_bounded("[[[[[1]]]]]", 11, 4, &v), ENT_ETOODEEP);
	assert_null(v);
	/* brackets inside strings do not count */
	const char *s = "{\"a\":\"[[[[[[[[\\\"[[[\"}";
	assert_int_equal(json_parse_bounded(s, strlen(s), 2, &v), ENT_OK);
	json_decref(v);
}

static void malformed_is_rejected(void **state)
{
	json_t *v = NULL;
	const char *bad[] = {"", "{", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "\"\\u0000\"", "{\"a\":\"\xff\"}", "nul"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(json_parse_bounded(bad[i], strlen(bad[i]), 8, &v), ENT_EJSON);
}

/* JF_STRINGS: an array of allowed, distinct strings, within its item bounds. */
static void string_arrays_are_validated(void **state)
{
	struct json_error e[8];
	size_t n;
	assert_int_equal(check("{\"name\":\"anna\",\"langs\":[\"fr\",\"en\"]}", e, &n), ENT_OK);
	const char *bad[][2] = {
		{"{\"name\":\"anna\",\"langs\":\"fr\"}", JSON_REASON_TYPE},
		{"{\"name\":\"anna\",\"langs\":[1]}", JSON_REASON_TYPE},
		{"{\"name\":\"anna\",\"langs\":[]}", JSON_REASON_SHORT},
		{"{\"name\":\"anna\",\"langs\":[\"fr\",\"en\",\"fr\"]}", JSON_REASON_LONG},
		{"{\"name\":\"anna\",\"langs\":[\"fr\",\"de\"]}", JSON_REASON_VALUE},
		{"{\"name\":\"anna\",\"langs\":[\"fr\",\"fr\"]}", JSON_REASON_VALUE},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(check(bad[i][0], e, &n), ENT_EINVAL);
		assert_int_equal(n, 1);
		assert_string_equal(e[0].field, "langs");
		assert_string_equal(e[0].reason, bad[i][1]);
	}
	(void)state;
}

static void fields_are_validated(void **state)
{
	struct json_error e[8];
	size_t n;
	assert_int_equal(check("{\"name\":\"anna\",\"age\":3,\"ok\":true,\"lang\":\"en\"}", e, &n), ENT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(check("{\"name\":\"an\",\"extra\":1,\"age\":\"3\",\"lang\":\"de\"}", e, &n), ENT_EINVAL);
	assert_int_equal(n, 4);
	assert_string_equal(e[0].field, "extra");
	assert_string_equal(e[0].reason, JSON_REASON_UNKNOWN);
	assert_string_equal(e[1].reason, JSON_REASON_SHORT);
	assert_string_equal(e[2].reason, JSON_REASON_TYPE);
	assert_string_equal(e[3].reason, JSON_REASON_VALUE);
	assert_int_equal(check("{}", e, &n), ENT_EINVAL);
	assert_string_equal(e[0].reason, JSON_REASON_REQUIRED);
	assert_int_equal(check("[1]", e, &n), ENT_EINVAL);
	assert_string_equal(e[0].reason, JSON_REASON_TYPE);
	assert_int_equal(check("{\"name\":\"123456789\"}", e, &n), ENT_EINVAL);
	assert_string_equal(e[0].reason, JSON_REASON_LONG);
	json_decref(last);
	last = NULL;
}

static void writing(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	json_t *o = json_pack("{s:i,s:o,s:o}", "id", 7, "ok", json_text("é <&>", strlen("é <&>")),
			      "bad", json_text("a\xff" "b", 3));
	assert_non_null(o);
	assert_int_equal(json_dump_buf(o, &b), ENT_OK);
	/* keys in order, UTF-8 as is, invalid bytes replaced by U+FFFD */
	assert_string_equal(b.p, "{\"id\":7,\"ok\":\"é <&>\",\"bad\":\"a\xef\xbf\xbd" "b\"}");
	json_decref(o);
	struct buf tiny;
	buf_init(&tiny, 4);
	o = json_string("too long for four bytes");
	assert_int_not_equal(json_dump_buf(o, &tiny), ENT_OK);
	json_decref(o);
	buf_clear(&tiny);
	buf_clear(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(depth_is_limited),
		cmocka_unit_test(malformed_is_rejected),
		cmocka_unit_test(fields_are_validated),
		cmocka_unit_test(writing),
		cmocka_unit_test(string_arrays_are_validated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
