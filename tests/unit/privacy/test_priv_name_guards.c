/* test_priv_name_guards.c - the name finder's pre-tests (priv_name.h: pn_intro_before_word,
 * pn_self_intro_lead_word, pn_self_intro_next_word, pn_address_lead_word) let through every
 * word their functions compare at the token they guard. A pre-test turns a word away from its
 * length and first letter alone, before the function reads it: a word added to the function
 * and not to its pre-test would never be compared, and the names it introduces would leak
 * without any other test noticing. So the words are not listed here: they are read out of the
 * functions' source (every tk_eq(c, X, "word") and every list passed as tk_eq_any(c, X, list),
 * X the guarded token), and each must pass; and the first letters rule_gate() asks before
 * r_address cover every word the pre-tests let through. Run from the top of the tree (make
 * unit). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_name.h"

#define MAX_WORDS 256

struct words {
	size_t n;
	char w[MAX_WORDS][32];
};

/* The file at path (from the top of the tree), or from the tree this test's source sits in. */
static char *read_source(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		/* __FILE__ is tests/unit/privacy/test_priv_name_guards.c, maybe under a prefix */
		const char *me = __FILE__, *tail = strstr(me, "tests/unit/privacy/");
		char full[4096];
		if (tail && (size_t)(tail - me) + strlen(path) < sizeof full) {
			snprintf(full, sizeof full, "%.*s%s", (int)(tail - me), me, path);
			f = fopen(full, "rb");
		}
	}
	if (!f)
		fail_msg("cannot open %s: run the test from the top of the tree", path);
	char *s = NULL;
	size_t n = 0, cap = 0;
	int ch;
	while ((ch = fgetc(f)) != EOF) {
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 65536;
			s = realloc(s, cap);
			assert_non_null(s);
		}
		s[n++] = (char)ch;
	}
	fclose(f);
	assert_non_null(s);
	s[n] = '\0';
	return s;
}

/* Copies the literal (string or character) opening at *src to *dst, escapes kept. */
static void copy_literal(const char **src, char **dst)
{
	const char *s = *src;
	char q = *s;
	*(*dst)++ = *s++;
	while (*s && *s != q) {
		if (*s == '\\' && s[1])
			*(*dst)++ = *s++;
		*(*dst)++ = *s++;
	}
	if (*s)
		*(*dst)++ = *s++;
	*src = s;
}

static int ident_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/* The source without comments, and without white space outside literals except one space
 * between two words: "tk_eq(c, p,\n "nom")" becomes "tk_eq(c,p,"nom")", "static const char
 * *const fields[] = {" "static const char*const fields[]={", however it is laid out. */
static char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *d = out;
	assert_non_null(out);
	int gap = 0;
	while (*s) {
		if (s[0] == '/' && s[1] == '*') {
			const char *e = strstr(s + 2, "*/");
			s = e ? e + 2 : s + strlen(s);
			gap = 1;
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s && *s != '\n')
				s++;
			gap = 1;
		} else if (isspace((unsigned char)*s)) {
			s++;
			gap = 1;
		} else {
			if (gap && d > out && ident_char(d[-1]) && ident_char(*s))
				*d++ = ' ';
			gap = 0;
			if (*s == '"' || *s == '\'')
				copy_literal(&s, &d);
			else
				*d++ = *s++;
		}
	}
	*d = '\0';
	return out;
}

/* The body of the function whose squeezed head is head ("int pn_address(const struct
 * pctx*c,size_t i)"), braces included, as a new string. */
static char *body_of(const char *src, const char *head)
{
	char want[256];
	snprintf(want, sizeof want, "%s{", head);
	const char *b = strstr(src, want);
	if (!b)
		fail_msg("no function %s in the source: update this test with the function", head);
	b += strlen(head);
	const char *s = b;
	int depth = 0;
	char *tmp = malloc(strlen(b) + 1), *d = tmp;
	assert_non_null(tmp);
	do {
		if (*s == '"' || *s == '\'') {
			copy_literal(&s, &d); /* (braces in literals do not count) */
			continue;
		}
		if (*s == '{')
			depth++;
		else if (*s == '}')
			depth--;
		*d++ = *s++;
	} while (*s && depth > 0);
	*d = '\0';
	return tmp;
}

static void add_word(struct words *out, const char *s, size_t n)
{
	assert_true(out->n < MAX_WORDS);
	assert_true(n > 0 && n < sizeof out->w[0]);
	memcpy(out->w[out->n], s, n);
	out->w[out->n][n] = '\0';
	out->n++;
}

/* The strings of the list name ("const char*const fields[]={"nom","name",NULL}"), looked for in
 * the function's body, then in the file. */
static void add_list(struct words *out, const char *body, const char *file, const char *name, size_t len)
{
	char want[128];
	assert_true(len + 5 < sizeof want);
	snprintf(want, sizeof want, "%.*s[]={", (int)len, name);
	const char *scopes[2] = {body, file};
	for (int k = 0; k < 2; k++) {
		for (const char *s = strstr(scopes[k], want); s; s = strstr(s + 1, want)) {
			/* the whole name: not "strong_next" for "next" */
			if (s > scopes[k] && ident_char(s[-1]))
				continue;
			for (s += strlen(want); *s && *s != '}'; s++) {
				if (*s == '"') {
					const char *e = strchr(s + 1, '"');
					assert_non_null(e);
					add_word(out, s + 1, (size_t)(e - s - 1));
					s = e;
				}
			}
			return;
		}
	}
	fail_msg("no list %.*s[] for tk_eq_any: update this test", (int)len, name);
}

/* Every word body compares at token var: tk_eq(c,var,"w") and tk_eq_any(c,var,list). */
static void words_at(struct words *out, const char *body, const char *file, const char *var)
{
	char eq[64], any[64];
	snprintf(eq, sizeof eq, "tk_eq(c,%s,\"", var);
	snprintf(any, sizeof any, "tk_eq_any(c,%s,", var);
	for (const char *s = strstr(body, eq); s; s = strstr(s + 1, eq)) {
		const char *w = s + strlen(eq), *e = strchr(w, '"');
		assert_non_null(e);
		add_word(out, w, (size_t)(e - w));
	}
	for (const char *s = strstr(body, any); s; s = strstr(s + 1, any)) {
		const char *w = s + strlen(any), *e = strchr(w, ')');
		assert_non_null(e);
		add_list(out, body, file, w, (size_t)(e - w));
	}
}

/* The pre-tests as one type: a word's length and first byte. */
typedef int (*pretest)(unsigned n, unsigned b);
static int intro_before_word(unsigned n, unsigned b)
{
	return pn_intro_before_word(n, b);
}
static int self_intro_lead_word(unsigned n, unsigned b)
{
	return pn_self_intro_lead_word(n, (char)b);
}
static int self_intro_next_word(unsigned n, unsigned b)
{
	return pn_self_intro_next_word(n, (char)b);
}
static int address_lead_word(unsigned n, unsigned b)
{
	return pn_address_lead_word(n, b);
}

/* Every word of w but skip (NULL: none) passes the pre-test; what names both for the message. */
static void all_pass(const struct words *w, pretest pass, const char *skip, const char *what)
{
	for (size_t k = 0; k < w->n; k++)
		if ((!skip || strcmp(w->w[k], skip) != 0) &&
		    !pass((unsigned)strlen(w->w[k]), (unsigned char)w->w[k][0]))
			fail_msg("%s: it compares \"%s\" there, but its pre-test (priv_name.h) turns it "
				 "away: add the word's first letter at its length", what, w->w[k]);
}

/* Every word of the function head in the file path compares at token var (appended to w). */
static void read_words(struct words *w, const char *path, const char *head, const char *var)
{
	char *raw = read_source(path), *file = squeeze(raw), *body = body_of(file, head);
	words_at(w, body, file, var);
	free(body);
	free(file);
	free(raw);
}

/* pn_intro_before reads the word before the name, p. */
static void test_intro_before(void **state)
{
	(void)state;
	struct words w = {0};
	read_words(&w, "src/privacy/text/priv_name_ctx.c", "int pn_intro_before(const struct pctx*c,size_t i)", "p");
	assert_true(w.n >= 40); /* (what it compares today: the reading found them) */
	all_pass(&w, intro_before_word, NULL, "pn_intro_before, the word before a name");
}

/* pn_self_intro reads the word before the name, p (token i - 1), and the word after, k. */
static void test_self_intro(void **state)
{
	(void)state;
	static const char path[] = "src/privacy/text/priv_name_address.c";
	static const char head[] = "int pn_self_intro(const struct pctx*c,size_t i)";
	struct words before = {0}, after = {0};
	read_words(&before, path, head, "p");
	read_words(&after, path, head, "k");
	assert_true(before.n >= 6);
	assert_true(after.n >= 2);
	all_pass(&before, self_intro_lead_word, NULL, "pn_self_intro, the word before a name");
	/* "de" after the name is read only when a word before passed ("c'est Tharshini de la
	 * réa"): a new word here needs the same look */
	all_pass(&after, self_intro_next_word, "de", "pn_self_intro, the word after a name");
}

/* pn_address and second_person read the word after the name, k. */
static void test_address(void **state)
{
	(void)state;
	static const char path[] = "src/privacy/text/priv_name_address.c";
	struct words w = {0};
	read_words(&w, path, "static int second_person(const struct pctx*c,size_t k)", "k");
	read_words(&w, path, "int pn_address(const struct pctx*c,size_t i)", "k");
	assert_true(w.n >= 10);
	all_pass(&w, address_lead_word, NULL, "pn_address (second_person), the word after a name");
}

/* rule_gate() (priv_name.c) lets r_address be called only when the word after the name, or
 * the one before, has a first letter of PN_ADDRESS_NEXT_FIRST, PN_ADDRESS_PREV_FIRST: every
 * word a pre-test there lets through (and so every word the functions compare, above) has one. */
static void test_rule_gate(void **state)
{
	(void)state;
	for (unsigned n = 1; n < 32; n++)
		for (unsigned b = 'a'; b <= 'z'; b++) {
			if (address_lead_word(n, b) || self_intro_next_word(n, b))
				if (!((PN_ADDRESS_NEXT_FIRST >> (b & 31)) & 1))
					fail_msg("a word of %u letters starting with %c may follow an address, "
						 "but PN_ADDRESS_NEXT_FIRST (priv_name.h) lacks its letter", n, (char)b);
			if (self_intro_lead_word(n, b) && !((PN_ADDRESS_PREV_FIRST >> (b & 31)) & 1))
				fail_msg("a word of %u letters starting with %c may introduce a name, "
					 "but PN_ADDRESS_PREV_FIRST (priv_name.h) lacks its letter", n, (char)b);
		}
}

/* tk_form_may (priv_text.h), the pre-test a list makes of itself: every word of the list passes,
 * written any way ("Surtout", "ÉSP"), and a word tk_eq_any() would find nowhere in it may not. */
static void test_tk_form(void **state)
{
	(void)state;
	static const char *const list[] = {"surtout", "especially", "esp", "notamment", NULL};
	const struct tk_form m = tk_form_of(list);
	const char text[] = "Surtout ESPECIALLY \xc3\x89sp notamment, the esprit surtoutx s no";
	struct pctx c = {.t = text, .len = sizeof text - 1, .lang = ENT_PRIV_AUTO};
	assert_int_equal(priv_tokenize(&c), ENT_OK);
	size_t found = 0;
	for (size_t i = 0; i < c.n_tk; i++) {
		if (tk_eq_any(&c, i, list)) {
			assert_true(tk_form_may(&c, i, m));
			found++;
		}
	}
	assert_int_equal(found, 4);
	for (size_t i = 0; i < c.n_tk; i++)
		if (tk_eq(&c, i, "the") || tk_eq(&c, i, "esprit") || tk_eq(&c, i, "surtoutx") || tk_eq(&c, i, "no"))
			assert_false(tk_form_may(&c, i, m));
	priv_tok_free(&c);
}

/* viet_names and in_law (priv_name_word.c) start only in a text holding a word of LX2_LATE: every
 * word they compare at the token a match needs (a span's first or last token, "law") is one. */
static void test_late(void **state)
{
	(void)state;
	static const char path[] = "src/privacy/text/priv_name_word.c";
	struct words w = {0};
	read_words(&w, path, "static void viet_names(struct pctx*c)", "j");
	read_words(&w, path, "static void viet_names(struct pctx*c)", "i");
	read_words(&w, path, "static void in_law(struct pctx*c)", "i");
	assert_true(w.n >= 5); /* (what they compare today: the reading found them) */
	for (size_t k = 0; k < w.n; k++) {
		struct pctx c = {.t = w.w[k], .len = strlen(w.w[k]), .lang = ENT_PRIV_AUTO};
		assert_int_equal(priv_tokenize(&c), ENT_OK);
		assert_int_equal(c.n_tk, 1);
		if (!(c.tk[0].lex2 & LX2_LATE))
			fail_msg("priv_name_word.c compares \"%s\" where a late pass starts, but it is not "
				 "in LATE (priv_words.txt): the pass would skip a text holding it", w.w[k]);
		priv_tok_free(&c);
	}
}

/* The pre-tests do turn words away (else they would cost without a use), and the reading finds
 * a word in a list passed by name. */
static void test_reading(void **state)
{
	(void)state;
	assert_false(pn_intro_before_word(3, 't')); /* "the" */
	assert_false(pn_address_lead_word(3, 'a'));  /* "and" */
	assert_false(pn_self_intro_lead_word(2, 'm')); /* "my" */
	char *file = squeeze("static const char *const strong_next[] = {\"y\", NULL};\n"
			     "static const char *const next[] = {\"x\", /* \"w\" */ NULL};\n");
	char *body = squeeze("{ if (tk_eq_any(c, k, next) ||\n tk_eq(c, k,\n \"z\") || tk_eq(c, k + 1, \"v\"))\n return 1; }");
	struct words w = {0};
	words_at(&w, body, file, "k");
	assert_int_equal(w.n, 2);
	assert_string_equal(w.w[0], "z");
	assert_string_equal(w.w[1], "x");
	free(body);
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intro_before),
		cmocka_unit_test(test_self_intro),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_rule_gate),
		cmocka_unit_test(test_tk_form),
		cmocka_unit_test(test_late),
		cmocka_unit_test(test_reading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
