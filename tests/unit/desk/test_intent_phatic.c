/* test_intent_phatic.c - the friendly wrapper of a post (src/desk/intent_phatic.h): what the
 * stripper keeps of a post, that it never strips words of content (a closing glued to the last
 * sentence, "je n'en peux plus merci", a greeting alone), and that ent_intent_classify() gives a
 * crisis and a calm post the same answer with and without a greeting and a goodbye. The wrappers
 * here are written for this test, not taken from the probes (tests/intent/probes/wrap_check.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "desk/intent_phatic.h"
#include "entraide/intent.h"

static void expect_core(const char *text, int wide, const char *core)
{
	size_t off, n = intent_phatic_core(text, strlen(text), wide, &off);
	if (n != strlen(core) || memcmp(text + off, core, n) != 0)
		fail_msg("core of \"%s\": \"%.*s\", expected \"%s\"", text, (int)n, text + off, core);
}

static void strips_only_the_wrapper(void **state)
{
	(void)state;
	expect_core("Salut les copines ! mon fils a avalé une pile bouton gros bisous", 0,
	            "mon fils a avalé une pile bouton ");
	expect_core("hey folks, my dad can't lift his left arm thanks so much for reading xx", 0,
	            "my dad can't lift his left arm ");
	expect_core("Bonsoir à toutes 🌷 je n'en peux plus merci", 0, "je n'en peux plus ");
	expect_core("« Je veux mourir » chante-t-elle, bisous", 0, "« Je veux mourir » chante-t-elle, ");
	/* content is never a sign-off: "merci de venir vite", "I am not good", "care" */
	expect_core("Bonjour, mon mari ne respire plus, merci de venir vite", 0,
	            "mon mari ne respire plus, merci de venir vite");
	expect_core("I am not good", 0, "I am not good");
	expect_core("i don't care thanks", 0, "i don't care ");
	/* nothing but a wrapper: left whole */
	expect_core("coucou tout le monde, bisous", 0, "coucou tout le monde, bisous");
	/* wide: the rest of the opening sentence after a greeting, a short clause after a goodbye */
	expect_core("hello all, long day here. the baby is floppy and blue. hugs, you rock", 1,
	            "the baby is floppy and blue. ");
	expect_core("Bonjour, est-ce que je peux arrêter mon traitement ? J'ai des vertiges.", 1,
	            "est-ce que je peux arrêter mon traitement ? J'ai des vertiges.");
	expect_core("forgot my pill last night, do i double up?", 1, "forgot my pill last night, do i double up?");
	expect_core("hello all, long day here. the baby is floppy and blue. hugs, you rock", 0,
	            "long day here. the baby is floppy and blue. hugs, you rock");
}

static enum ent_intent classify(const char *s)
{
	struct ent_intent_result r;
	assert_int_equal(ent_intent_classify(s, strlen(s), NULL, &r), ENT_OK);
	return r.intent;
}

static void a_wrapper_changes_nothing(void **state)
{
	static const char *const open[] = {"Salut les copines ! ", "hey folks 👋 ", "Bonsoir à toutes, "};
	static const char *const close[] = {" gros bisous ❤️", " thanks so much for reading xx",
	                                    " merci pour votre écoute, à plus tard"};
	static const char *const crises[] = {
		"mon fils a avalé une pile bouton il y a 10 minutes.",
		"my dad can't lift his left arm and his speech is slurred since 20 minutes.",
		"j'ai avalé 40 cachets de doliprane il y a une heure.",
	};
	static const char *const calm[] = {
		"Il y a 3 ans je faisais un AVC, aujourd'hui je cours mon premier 10 km.",
		"quelqu'un connaît un bon kiné sur Nantes ?",
	};
	char buf[512];
	(void)state;
	for (size_t i = 0; i < sizeof crises / sizeof crises[0]; i++) {
		assert_int_equal(classify(crises[i]), ENT_INTENT_URGENT);
		for (size_t j = 0; j < 3; j++) {
			snprintf(buf, sizeof buf, "%s%s%s", open[j], crises[i], close[(i + j) % 3]);
			if (classify(buf) != ENT_INTENT_URGENT)
				fail_msg("a wrapper hid a crisis: %s", buf);
		}
	}
	for (size_t i = 0; i < sizeof calm / sizeof calm[0]; i++) {
		assert_int_not_equal(classify(calm[i]), ENT_INTENT_URGENT);
		for (size_t j = 0; j < 3; j++) {
			snprintf(buf, sizeof buf, "%s%s%s", open[j], calm[i], close[(i + j) % 3]);
			if (classify(buf) == ENT_INTENT_URGENT)
				fail_msg("a wrapper made a calm post urgent: %s", buf);
		}
	}
}

/* A long goodbye alone is a wrapper too; a short thanks keeps the calm it brings. */
static void a_goodbye_alone(void **state)
{
	(void)state;
	const char *crisis = "already cut my arm, much deeper than usual, it won't stop bleeding "
	                     "thanks so much for reading all of you, big hugs xx";
	assert_int_equal(classify(crisis), ENT_INTENT_URGENT);
	assert_int_not_equal(classify("1 year since my stroke. Speech therapy gave me my words back. Thank you!"),
	                     ENT_INTENT_URGENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strips_only_the_wrapper),
		cmocka_unit_test(a_wrapper_changes_nothing),
		cmocka_unit_test(a_goodbye_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
