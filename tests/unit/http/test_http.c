/* test_http.c - path patterns, language negotiation, the problem table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/http.h"

static void patterns(void **state)
{
	struct http_params p;
	assert_true(http_path_match("/api/v1/me", "/api/v1/me", &p));
	assert_int_equal(p.n, 0);
	assert_false(http_path_match("/api/v1/me", "/api/v1/me/", &p));
	assert_false(http_path_match("/api/v1/me", "/api/v1/m", &p));
	assert_true(http_path_match("/api/v1/spaces/{slug}/threads/{id}", "/api/v1/spaces/diabete/threads/42", &p));
	assert_int_equal(p.n, 2);
	assert_string_equal(p.value[0], "diabete");
	assert_string_equal(p.value[1], "42");
	assert_false(http_path_match("/api/v1/spaces/{slug}", "/api/v1/spaces/", &p));
	assert_false(http_path_match("/api/v1/spaces/{slug}", "/api/v1/spaces/a/b", &p));
	char longseg[300] = "/x/";
	memset(longseg + 3, 'a', 200);
	longseg[203] = '\0';
	assert_false(http_path_match("/x/{id}", longseg, &p));
}

static void languages(void **state)
{
	assert_int_equal(http_lang_from_accept(NULL), HTTP_LANG_FR);
	assert_int_equal(http_lang_from_accept(""), HTTP_LANG_FR);
	assert_int_equal(http_lang_from_accept("de-DE"), HTTP_LANG_FR);
	assert_int_equal(http_lang_from_accept("en-US,en;q=0.9"), HTTP_LANG_EN);
	assert_int_equal(http_lang_from_accept("fr-FR,fr;q=0.9,en;q=0.8"), HTTP_LANG_FR);
	assert_int_equal(http_lang_from_accept("de;q=1,fr;q=0.2,en;q=0.5"), HTTP_LANG_EN);
	assert_int_equal(http_lang_from_accept("en,fr"), HTTP_LANG_EN);
	assert_int_equal(http_lang_from_accept("english"), HTTP_LANG_FR);
}

static void problems(void **state)
{
	assert_string_equal(http_problem_slug(ENT_EJSON), "malformed-json");
	assert_string_equal(http_problem_slug(ENT_EINVAL), "validation");
	assert_string_equal(http_problem_slug(ENT_ETOOBIG), "body-too-large");
	assert_string_equal(http_problem_slug(ENT_EAUTH), "unauthenticated");
	assert_string_equal(http_problem_slug(ENT_ECSRF), "csrf");
	assert_string_equal(http_problem_slug(ENT_ERATE), "rate-limited");
	assert_string_equal(http_problem_slug(ENT_EDB), "internal");
	assert_string_equal(http_problem_slug(ENT_ERR__COUNT), "internal");
	static const struct {
		const char *slug;
		int status;
	} want[] = {{"malformed-json", 400}, {"validation", 422}, {"body-too-large", 413},
		    {"not-found", 404}, {"method-not-allowed", 405}, {"unauthenticated", 401},
		    {"forbidden", 403}, {"unsupported-media-type", 415}, {"csrf", 403}, {"rate-limited", 429}, {"conflict", 409},
		    {"handle-taken", 409}, {"internal", 500}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(http_problem_status(want[i].slug), want[i].status);
	/* every error maps to a slug that has a status */
	for (int e = 0; e < ENT_ERR__COUNT; e++)
		assert_true(http_problem_status(http_problem_slug((enum ent_err)e)) >= 400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(patterns),
		cmocka_unit_test(languages),
		cmocka_unit_test(problems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
