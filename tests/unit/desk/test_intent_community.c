/* test_intent_community.c - rule R3 in communities reads posts, not only desk messages: a post
 * that only advertises, sells, chats or tells an old story must not read as urgent (its author
 * would be shown emergency numbers and the moderators would be paged), and a crisis written in
 * the same registers must. In the ninth session a model change made "Achetez ce complément, il
 * guérit le diabète." urgent and two API tests failed on main; this test fails the same way at
 * `make unit`. None of these texts is in the training data (data/intent/, tests/intent/):
 * the first ones are the API tests' own posts, the others were written for this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "entraide/intent.h"

/* As src/api/api_emergency.c classifies a new thread: its title, a newline, its body. */
static struct ent_intent_result classify(const char *s)
{
	struct ent_intent_result r;
	assert_int_equal(ent_intent_classify(s, strlen(s), NULL, &r), ENT_OK);
	return r;
}

/* Fails on the first text whose urgent decision is not want. */
static void expect_urgent(const char *const *texts, size_t n, int want)
{
	for (size_t i = 0; i < n; i++) {
		struct ent_intent_result r = classify(texts[i]);
		if ((r.intent == ENT_INTENT_URGENT) != want)
			fail_msg("%s (%.3f): %s", want ? "not urgent" : "urgent", (double)r.confidence, texts[i]);
	}
}

static void advertising_and_chatter_are_not_urgent(void **state)
{
	static const char *const calm[] = {
		/* tests/api/community.test.mjs and emergency.test.mjs */
		"Produit miracle\nAchetez ce complément, il guérit le diabète.",
		"Pub\nAchetez ma cannelle miracle contre le diabète.",
		"Achetez ce complément, il remplace l’insuline.",
		"Un moment de répit\nMerci à toutes pour vos messages.",
		"Mon capteur\nLe capteur tient bien sous la douche.",
		/* written for this test */
		"Ma cure de gingembre guérit le diabète, commandez-la sur mon site.",
		"Promo sur les gélules miracle anti-cholestérol, livraison offerte",
		"This tea cures diabetes, buy it now!",
		"Our herbal drops replace insulin, order today",
		"Gagnez de l'argent facilement, cliquez sur le lien",
		"Bonjour à tous, je suis nouvelle ici.",
		"Hello everyone, new here.",
		"J'ai lu un livre où le héros veut mourir, très beau",
		"Il y a 5 ans j'ai fait un AVC, aujourd'hui tout va bien",
		"C'est urgent : mon ordonnance de pompe à insuline expire demain",
		"It's urgent, my prescription runs out tomorrow",
		"my friend talked me out of it last year, so grateful",
		"looking for somewhere high to watch the fireworks tonight, any tips?",
	};
	(void)state;
	expect_urgent(calm, sizeof calm / sizeof calm[0], 0);
}

static void a_crisis_in_the_same_registers_is_urgent(void **state)
{
	static const char *const urgent[] = {
		/* tests/api/emergency.test.mjs */
		"Nouvelles\nJe ne vois plus de raison de continuer, tout est noir.",
		"aide\njai avale toute la boite de doliprane il y a une heure",
		/* written for this test */
		"J'ai acheté les gélules vendues ici et maintenant mes lèvres gonflent, je respire mal",
		"I stopped my insulin for that miracle tea and now I'm vomiting and breathing really fast",
		"Merci pour tout les filles, c'est mon dernier message, ce soir j'en finis",
		"Sorry for everything, this is my last post, I've taken all my pills",
		/* the writer's plan told without naming it (its patterns taken out, twenty-fourth session:
		 * these are urgent by their other words) */
		"someone please talk me out of it, I have the pills in my hand",
		"ce soir je cherche un endroit pour sauter, je veux plus vivre",
	};
	(void)state;
	expect_urgent(urgent, sizeof urgent / sizeof urgent[0], 1);
}

/* A member alarmed about another, right now (desk/intent_peer.h, twenty-fourth session): the
 * words are addressed to the one in danger and name no danger. Written for this test. */
static void a_peer_alarm_is_urgent_its_look_alikes_are_not(void **state)
{
	static const char *const urgent[] = {
		"@Nina37 t'es toujours là ? réponds moi, même un mot",
		"Are you still there? Please answer, your last message scared me",
		"where are you?? reply please, your post tonight scared me",
		"are you still there? what did you take?",
		"my cousin says she took her whole stock of insulin and now nothing",
	};
	static const char *const calm[] = {
		"T'es toujours là pour l'apéro de samedi ? Réponds quand tu peux",
		"Are you still there? Haven't seen you in the group for a while, hope you're well",
		"where are you in the queue? mine says 40 min",
		"did you take the train or the bus in the end?",
		"how many did you take in the end? the photos from the walk I mean",
		/* R12's probes (session 24): the shape beside an errand, a joke */
		"u still there? reply we're starting the match",
		"Hi, are you still there? please reply, I need to move my appointment on Thursday",
		"t'es toujours en vie ? 😂 réponds au moins au message de la cagnotte",
	};
	(void)state;
	expect_urgent(urgent, sizeof urgent / sizeof urgent[0], 1);
	expect_urgent(calm, sizeof calm / sizeof calm[0], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(advertising_and_chatter_are_not_urgent),
		cmocka_unit_test(a_crisis_in_the_same_registers_is_urgent),
		cmocka_unit_test(a_peer_alarm_is_urgent_its_look_alikes_are_not),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
