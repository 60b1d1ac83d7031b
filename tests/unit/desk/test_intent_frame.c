/* test_intent_frame.c - the frame model (src/desk/intent_frame.h), the second stage of the urgent
 * decision, only ever takes out of urgent what the score alone called urgent below
 * INTENT_FRAME_SCORE_MAX: a crisis the rules force, or one the score is sure of, never reaches it.
 * Then the wiring in ent_intent_classify(): a peer's post it takes out of urgent gets a calm intent,
 * and crises of the same community registers in its band stay urgent. The posts of the last two
 * tests are tuning set 23's (docs/intent.md, twenty-third session), which trains the frame model:
 * they check the wiring, not how it generalises (make intent-frame-cv does that). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "desk/intent_frame.h"
#include "desk/intent_model.h"
#include "entraide/intent.h"

static struct intent_run run(const char *s)
{
	struct intent_run r;
	r.on_feature = NULL;
	r.ctx = NULL;
	assert_int_equal(intent_run(s, strlen(s), NULL, &r), ENT_OK);
	return r;
}

static void forced_crises_are_never_its_to_judge(void **state)
{
	static const char *const forced[] = {
		"Je vais me suicider ce soir, j'ai tout préparé.",
		"i want to kill myself tonight",
		"Merci à toi, j'ai envie d'en finir.",
	};
	(void)state;
	for (size_t i = 0; i < sizeof forced / sizeof forced[0]; i++) {
		struct intent_run r = run(forced[i]);
		assert_true(intent_urgent_forced(&r.hits));
		if (intent_frame_applies(&r, intent_urgent_threshold))
			fail_msg("the frame model may veto a forced crisis: %s", forced[i]);
		struct ent_intent_result res;
		assert_int_equal(ent_intent_classify(forced[i], strlen(forced[i]), NULL, &res), ENT_OK);
		assert_int_equal(res.intent, ENT_INTENT_URGENT);
	}
}

static void sure_scores_are_never_its_to_judge(void **state)
{
	static const char *const sure[] = {
		"Mon père a très mal à la poitrine depuis 20 minutes, il transpire, venez vite",
		"my baby is blue and not breathing",
	};
	(void)state;
	for (size_t i = 0; i < sizeof sure / sizeof sure[0]; i++) {
		struct intent_run r = run(sure[i]);
		assert_true(r.score >= INTENT_FRAME_SCORE_MAX);
		assert_false(intent_frame_applies(&r, intent_urgent_threshold));
	}
	/* Nor what the score does not call urgent: the frame model only ever removes urgency. */
	struct intent_run calm = run("Bonjour, je voudrais un rendez-vous en dermatologie.");
	assert_false(intent_frame_applies(&calm, intent_urgent_threshold));
}

static void a_peer_telling_goes_to_the_calm_intents(void **state)
{
	static const char *const told[] = {
		"je me scarifiais au lycée. j'ai 31 ans, les cicatrices sont blanches maintenant. c'est mon premier été "
		"en manches courtes",
		"3 years today since my brother took his own life. think about him every day. he'd have been 40",
	};
	(void)state;
	for (size_t i = 0; i < sizeof told / sizeof told[0]; i++) {
		struct intent_run r = run(told[i]);
		assert_true(intent_frame_applies(&r, intent_urgent_threshold)); /* the score alone said urgent */
		struct ent_intent_result res;
		assert_int_equal(ent_intent_classify(told[i], strlen(told[i]), NULL, &res), ENT_OK);
		if (res.intent == ENT_INTENT_URGENT)
			fail_msg("urgent (%.3f): %s", (double)res.confidence, told[i]);
		assert_true(res.confidence > 0 && res.confidence <= 1);
	}
}

static void crises_in_its_band_stay_urgent(void **state)
{
	static const char *const now[] = {
		"I've got enough saved up now. Tonight while he's on nights. Sorry everyone, you were kinder to me than I "
		"deserved.",
		"my husband just answered me in gibberish, words all jumbled, dropped his mug. he's 58. could it be his new "
		"meds??",
	};
	(void)state;
	for (size_t i = 0; i < sizeof now / sizeof now[0]; i++) {
		struct intent_run r = run(now[i]);
		assert_true(intent_frame_applies(&r, intent_urgent_threshold));
		struct ent_intent_result res;
		assert_int_equal(ent_intent_classify(now[i], strlen(now[i]), NULL, &res), ENT_OK);
		if (res.intent != ENT_INTENT_URGENT)
			fail_msg("not urgent: %s", now[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forced_crises_are_never_its_to_judge),
		cmocka_unit_test(sure_scores_are_never_its_to_judge),
		cmocka_unit_test(a_peer_telling_goes_to_the_calm_intents),
		cmocka_unit_test(crises_in_its_band_stay_urgent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
