/*
 * priv_span_check.h - what the text engine's unit tests share: one engine for a file's tests
 * (setup/teardown, cmocka group fixtures) and two assertions on the spans of a text. Included by
 * a test file after <cmocka.h> and "entraide/privacy.h"; everything here is static to it.
 */
#ifndef ENTRAIDE_TEST_PRIV_SPAN_CHECK_H
#define ENTRAIDE_TEST_PRIV_SPAN_CHECK_H

#include <stdio.h>
#include <string.h>

static struct ent_priv_engine *eng;

static inline int setup(void **state)
{
	(void)state;
	return ent_priv_engine_new(&eng) == ENT_OK ? 0 : -1;
}

static inline int teardown(void **state)
{
	(void)state;
	ent_priv_engine_free(eng);
	return 0;
}

/* Asserts that `what` (a substring of text) is exactly one span of type `type`. */
static inline void found(const char *text, enum ent_priv_lang lang, const char *what, enum ent_priv_type type)
{
	struct ent_priv_spans sp;
	assert_int_equal(ent_priv_scan(eng, text, strlen(text), lang, &sp), ENT_OK);
	const char *at = strstr(text, what);
	assert_non_null(at);
	size_t s = (size_t)(at - text), e = s + strlen(what);
	int ok = 0;
	for (size_t i = 0; i < sp.n; i++)
		if (sp.v[i].start == s && sp.v[i].end == e && sp.v[i].type == type)
			ok = 1;
	if (!ok) {
		fprintf(stderr, "expected %s [%s] in: %s\n", ent_priv_type_name(type), what, text);
		for (size_t i = 0; i < sp.n; i++)
			fprintf(stderr, "  got %s [%.*s] (%s)\n", ent_priv_type_name(sp.v[i].type),
				(int)(sp.v[i].end - sp.v[i].start), text + sp.v[i].start, sp.v[i].recogniser);
	}
	ent_priv_spans_clear(&sp);
	assert_true(ok);
}

/* Asserts that no span of type `type` (any type: -1) touches `what`. */
static inline void no_span(const char *text, enum ent_priv_lang lang, const char *what, int type)
{
	struct ent_priv_spans sp;
	assert_int_equal(ent_priv_scan(eng, text, strlen(text), lang, &sp), ENT_OK);
	const char *at = strstr(text, what);
	assert_non_null(at);
	size_t s = (size_t)(at - text), e = s + strlen(what);
	int hit = 0;
	for (size_t i = 0; i < sp.n; i++)
		if ((type < 0 || (int)sp.v[i].type == type) && sp.v[i].start < e && sp.v[i].end > s) {
			fprintf(stderr, "unexpected %s [%.*s] (%s) in: %s\n", ent_priv_type_name(sp.v[i].type),
				(int)(sp.v[i].end - sp.v[i].start), text + sp.v[i].start, sp.v[i].recogniser, text);
			hit = 1;
		}
	ent_priv_spans_clear(&sp);
	assert_false(hit);
}

#endif
