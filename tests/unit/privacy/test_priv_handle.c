/* test_priv_handle.c - handles that say who the member is (refused or pointed out), and
 * ordinary pseudonyms that must pass untouched (the text engine's rules flag too many). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "entraide/privacy.h"

struct want {
	const char *handle;
	enum ent_priv_handle_verdict verdict;
	const char *reason; /* NULL when OK */
	const char *found;  /* NULL: not checked */
};

static void run(const struct want *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct ent_priv_handle_check c;
		assert_int_equal(ent_priv_handle_check(w[i].handle, strlen(w[i].handle), &c), ENT_OK);
		if (c.verdict != w[i].verdict)
			fail_msg("%s: verdict %d, wanted %d (%s)", w[i].handle, (int)c.verdict,
				 (int)w[i].verdict, c.reason ? c.reason : "-");
		if (w[i].reason)
			assert_string_equal(c.reason, w[i].reason);
		else
			assert_null(c.reason);
		if (w[i].found)
			assert_string_equal(c.found, w[i].found);
	}
}

static void refused(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"lea.martin69", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", "lea martin"},
		{"Lea.Martin", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", "lea martin"},
		{"martin_lea", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", "martin lea"},
		{"sophie-dupont", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", "sophie dupont"},
		{"leamartin", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", "lea martin"},
		{"julie.lefebvre", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", NULL},
		{"john.smith", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", NULL},
		{"camille.nicolas", ENT_PRIV_HANDLE_IDENTIFYING, "full-name", NULL},
		{"cafe.gmail", ENT_PRIV_HANDLE_IDENTIFYING, "email", "gmail"},
		{"chat.orange.fr", ENT_PRIV_HANDLE_IDENTIFYING, "email", "orange"},
		{"velo0612345678", ENT_PRIV_HANDLE_IDENTIFYING, "phone", "0612345678"},
		{"06.12.34.56.78", ENT_PRIV_HANDLE_IDENTIFYING, "phone", "06.12.34.56.78"},
		{"lea1985", ENT_PRIV_HANDLE_IDENTIFYING, "name-and-number", "lea 1985"},
		{"alice_12031985", ENT_PRIV_HANDLE_IDENTIFYING, "name-and-number", "alice 12031985"},
		{"dupont75011", ENT_PRIV_HANDLE_IDENTIFYING, "name-and-number", "dupont 75011"},
	};
	run(w, sizeof w / sizeof w[0]);
}

static void pointed_out(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"alice.media", ENT_PRIV_HANDLE_CONFIRM, "first-name", "alice"},
		{"sophie", ENT_PRIV_HANDLE_CONFIRM, "first-name", "sophie"},
		{"lea_du_sud", ENT_PRIV_HANDLE_CONFIRM, "first-name", "lea"},
		{"dupont", ENT_PRIV_HANDLE_CONFIRM, "surname", "dupont"},
		{"rose.blanche", ENT_PRIV_HANDLE_CONFIRM, "full-name", NULL},
		{"pixel1987", ENT_PRIV_HANDLE_CONFIRM, "birth-year", "1987"},
		{"nuage75011", ENT_PRIV_HANDLE_CONFIRM, "postcode", "75011"},
	};
	run(w, sizeof w / sizeof w[0]);
}

static void accepted(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"petit.ange", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"media", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"dragon_rouge", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"colibri427", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"maman.solo", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"soleil-du-matin", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"tulipe", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"courage2024", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"diabete-t1", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"free.spirit", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"nuit_blanche", ENT_PRIV_HANDLE_OK, NULL, NULL},
		{"chat.noir", ENT_PRIV_HANDLE_OK, NULL, NULL},
	};
	run(w, sizeof w / sizeof w[0]);
}

static void bad_input(void **state)
{
	(void)state;
	struct ent_priv_handle_check c;
	assert_int_equal(ent_priv_handle_check("", 0, &c), ENT_EINVAL);
	char longer[ENT_PRIV_HANDLE_MAX + 2];
	memset(longer, 'a', sizeof longer);
	assert_int_equal(ent_priv_handle_check(longer, sizeof longer, &c), ENT_EINVAL);
	assert_true(ent_priv_handle_word_ok("colibri"));
	assert_false(ent_priv_handle_word_ok("sophie"));
	assert_false(ent_priv_handle_word_ok("lyon"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refused), cmocka_unit_test(pointed_out), cmocka_unit_test(accepted),
		cmocka_unit_test(bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
