/* test_intent_signals.c - the signals the rules give the urgent score (desk/intent_rules.h,
 * desk/intent_urgent.h), one test per signal: it fires on the kind of message it was written
 * for, stays silent on a calm one that shares its words, and moves the decision the way it must.
 * Each test fails when its signal is taken out of the pattern tables or of the score. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "desk/intent_feat.h"
#include "desk/intent_model.h"
#include "desk/intent_rules.h"
#include "desk/intent_urgent.h"
#include "entraide/intent.h"

static void no_feature(uint32_t bucket, void *ctx)
{
	(void)bucket;
	(void)ctx;
}

static void scan(const struct intent_text *t, void *ctx)
{
	intent_rules_scan(t, ctx);
}

/* What the rules find in s, as the classifier sees it (chunk by chunk). */
static struct intent_rule_hits hits_of(const char *s)
{
	struct intent_rule_hits h;
	size_t n_feat;
	enum ent_intent_lang lang;
	memset(&h, 0, sizeof h);
	assert_int_equal(intent_extract(s, strlen(s), -1, no_feature, scan, &h, &n_feat, &lang), ENT_OK);
	return h;
}

/* Signal j of the urgent score for s (the model's probabilities left at zero: the rules' part). */
static float signal_of(const char *s, enum intent_urgent_feature j)
{
	float x[IU__COUNT], prob[ENT_INTENT__COUNT] = {0};
	struct intent_rule_hits h = hits_of(s);
	intent_urgent_features(&h, prob, x);
	return x[j];
}

/* Fails unless the hit `what` (an int field of struct intent_rule_hits at offset off) is set, or
 * clear when want is 0, for every text. */
static void each_hit(const char *const *texts, size_t n, size_t off, int want, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		struct intent_rule_hits h = hits_of(texts[i]);
		if ((*(const int *)((const char *)&h + off) != 0) != want)
			fail_msg("%s %s: %s", want ? "no" : "unexpected", what, texts[i]);
	}
}

/* Fails unless the rules' urgent verdict is want (is not want when equal is 0) for every text. */
static void each_rule(const char *const *texts, size_t n, enum ent_intent_rule want, int equal)
{
	for (size_t i = 0; i < n; i++) {
		struct intent_rule_hits h = hits_of(texts[i]);
		if ((intent_rules_urgent(&h) == want) != equal)
			fail_msg("rule %d %s: %s", (int)want, equal ? "not read" : "read", texts[i]);
	}
}
#define EACH_RULE(texts, want, equal) each_rule(texts, sizeof texts / sizeof texts[0], want, equal)

#define EACH_HIT(texts, field, want)                                                                        \
	each_hit(texts, sizeof texts / sizeof texts[0], offsetof(struct intent_rule_hits, field), want, #field)

static struct ent_intent_result classify(const char *s)
{
	struct ent_intent_result r;
	assert_int_equal(ent_intent_classify(s, strlen(s), NULL, &r), ENT_OK);
	return r;
}

/* A vulnerable person missing, wandering, out in the cold, or a fever under chemotherapy: no
 * danger pattern names it, the signal does (eighth session). */
static void vulnerable_person_is_a_signal(void **state)
{
	static const char *const vulnerable[] = {
		"my grandmother with dementia has gone missing in the cold, it's been 4 hours",
		"Mum has Alzheimer's and walked out of the house in her nightie an hour ago, it's freezing",
		"mon père atteint d'Alzheimer a disparu depuis ce matin",
		"my son is 8 and hasn't come home from school, it's dark",
		"39,5 de fièvre sous chimio depuis ce soir",
		"he's on chemo and has a fever of 38.6 with chills",
	};
	static const char *const calm[] = {
		"ma mère a la maladie d'Alzheimer, quelles aides existent à domicile ?",
		"can you move my chemo appointment to Tuesday?",
		"my dad has dementia, is there a carers' group?",
	};
	(void)state;
	for (size_t i = 0; i < sizeof vulnerable / sizeof vulnerable[0]; i++) {
		struct intent_rule_hits h = hits_of(vulnerable[i]);
		if (!h.has_vulnerable)
			fail_msg("vulnerable case %zu: no signal", i);
		assert_true(intent_urgent_has_cue(&h)); /* the no-cue guard does not apply */
		float x[IU__COUNT], prob[ENT_INTENT__COUNT] = {0};
		prob[ENT_INTENT_URGENT] = 0.5f;
		intent_urgent_features(&h, prob, x);
		assert_true(x[IU_VULNERABLE] == 1.0f);
	}
	for (size_t i = 0; i < sizeof calm / sizeof calm[0]; i++)
		if (hits_of(calm[i]).has_vulnerable)
			fail_msg("calm case %zu: vulnerable", i);
	/* "depuis ce matin" says now: the stronger signal. */
	struct intent_rule_hits h = hits_of(vulnerable[2]);
	float x[IU__COUNT], prob[ENT_INTENT__COUNT] = {0};
	intent_urgent_features(&h, prob, x);
	assert_true(x[IU_VULNERABLE_NOW] == 1.0f);
	/* The score learnt that it raises urgency, and a missing person with dementia in the cold is
	 * urgent though no danger pattern fires. */
	assert_true(intent_urgent_w[IU_VULNERABLE] > 0.5f);
	struct ent_intent_result r = classify(vulnerable[1]);
	assert_int_equal(r.intent, ENT_INTENT_URGENT);
	assert_int_equal(r.is_safety_rule, 0);
}

/* The writer denies a danger: "no bleeding, no pain", "not thinking of hurting myself". A signal
 * of the score (it lowers it) and a calm frame for the forcing rule of suicidal intent. */
static void denial_is_a_signal(void **state)
{
	static const char *const denied[] = {
		"no bleeding, no pain, can I fly at 30 weeks?",
		"I'm not thinking of killing myself, I'd like a counselling appointment",
		"je ne pense pas à me faire du mal, je voudrais juste parler à quelqu'un",
		"aucun saignement, aucune douleur, juste une question",
		"I'm not suicidal or anything, I'd like to get back on the waitlist",
	};
	static const char *const not_denied[] = {
		"he is not breathing",
		"I'm thinking of killing myself",
		"je pense à me faire du mal",
		"there's blood everywhere and she won't wake up",
	};
	(void)state;
	for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++)
		if (!hits_of(denied[i]).has_denied)
			fail_msg("denied case %zu: no signal", i);
	for (size_t i = 0; i < sizeof not_denied / sizeof not_denied[0]; i++)
		if (hits_of(not_denied[i]).has_denied)
			fail_msg("case %zu read as a denial", i);
	/* Suicidal words under a denial are left to the score; the same words alone are forced. */
	struct intent_rule_hits h = hits_of(denied[1]);
	assert_true(h.suicide_intent);
	assert_int_equal(intent_urgent_forced(&h), 0);
	h = hits_of(not_denied[1]);
	assert_int_equal(intent_urgent_forced(&h), 1);
	assert_int_equal(classify(not_denied[1]).intent, ENT_INTENT_URGENT);
	/* The score learnt that a denial lowers it: its own signal, and since the fifteenth session
	 * the calm it gives the sentence of the cue it denies (IU_CLAUSE_CALM). */
	float x[IU__COUNT], prob[ENT_INTENT__COUNT] = {0};
	h = hits_of(denied[1]);
	intent_urgent_features(&h, prob, x);
	assert_true(x[IU_DENIED] == 1.0f && x[IU_CLAUSE_CALM] == 1.0f);
	assert_true(intent_urgent_w[IU_DENIED] < 0 && intent_urgent_w[IU_DENIED] + intent_urgent_w[IU_CLAUSE_CALM] < -0.5f);
	h = hits_of(denied[0]);
	intent_urgent_features(&h, prob, x);
	assert_true(x[IU_DENIED] == 1.0f);
	assert_int_not_equal(classify(denied[0]).intent, ENT_INTENT_URGENT);
}

/* A danger pattern with nothing calm around it: out of fold, the text model's doubt alone sank
 * "je me suis fait poignarder" to 0.18 (eleventh session's cross-validation). Its own signal. */
static void plain_danger_is_a_signal(void **state)
{
	static const char *const plain[] = {
		"je me suis fait poignarder",
		"someone is threatening the staff with a broken glass bottle in the waiting room",
		"un homme frappe l'infirmière dans le couloir",
		"le cordon est sorti, je suis à 38 semaines",
	};
	static const char *const framed[] = {
		"dans ma série le héros se fait poignarder",
		"il y a deux ans je me suis fait poignarder, j'aimerais une copie du dossier",
		"pas de douleur thoracique, juste une question",
		"lol someone is threatening me with a broken bottle in my game",
	};
	(void)state;
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (signal_of(plain[i], IU_DANGER_PLAIN) != 1.0f)
			fail_msg("plain case %zu: no signal", i);
	for (size_t i = 0; i < sizeof framed / sizeof framed[0]; i++)
		if (signal_of(framed[i], IU_DANGER_PLAIN) != 0.0f)
			fail_msg("framed case %zu read as plain danger", i);
	assert_true(intent_urgent_w[IU_DANGER_PLAIN] > 0.3f);
}

/* Help asked for or on its way says the danger is now ("que faire en attendant le SAMU ?",
 * "send security"), and a farewell to a group ("je vous embêterai plus") is one. */
static void help_now_and_group_farewell(void **state)
{
	(void)state;
	assert_true(hits_of("il a avalé du produit, que faire en attendant le samu ?").has_present);
	assert_true(hits_of("please send security to ward 4").has_present);
	assert_true(hits_of("envoyez quelqu'un vite").has_present);
	assert_false(hits_of("que faire en attendant mon rendez-vous de mars ?").has_present);
	assert_true(hits_of("je vous embêterai plus, merci pour tout").has_farewell);
	assert_true(hits_of("I won't be a burden to anyone anymore").has_farewell);
	assert_false(hits_of("merci, je ne vous embête pas longtemps: une question sur ma facture").has_farewell);
	assert_true(hits_of("personne ne remarquera rien").has_farewell);
}

/* A pattern's words are alternatives, a phrase is a sequence: "rassurez|rassure|...|don ~0 t ~0
 * worry" once asked for "rassure t worry", and "je vous rassure" was never reassurance. */
static void one_phrase_per_pattern(void **state)
{
	(void)state;
	assert_true(hits_of("je vous rassure, il va mieux").has_reassure);
	assert_true(hits_of("don't worry, nothing serious").has_reassure);
	assert_false(hits_of("le cordon est sorti").has_reassure);
	assert_true(hits_of("elle est sortie hier").has_reassure);
	assert_true(hits_of("aucune envie de me faire du mal, juste une question").has_denied);
	assert_true(hits_of("I have no intention to hurt myself").has_denied);
}

/* The writer's own trade is a frame ("je suis ambulancier depuis 15 ans", "Pharmacist here"), the
 * crew on its way is not; a peer's encouragement says it is over ("it gets better", "ne lâchez
 * rien"), not being unable to go on. */
static void own_trade_and_encouragement(void **state)
{
	(void)state;
	assert_true(hits_of("je suis ambulancier depuis 15 ans, on a tout vu").has_frame);
	assert_true(hits_of("Pharmacist here - people buy three boxes at once").has_frame);
	assert_false(hits_of("les ambulanciers arrivent, il ne respire plus").has_frame);
	assert_false(hits_of("the paramedics are on their way, she collapsed").has_frame);
	assert_true(hits_of("it does get better, I promise").has_recovered);
	assert_true(hits_of("ne lâchez rien les filles").has_recovered);
	assert_true(hits_of("three years since my overdose").has_recovered);
	assert_false(hits_of("I can't keep going, I have nothing left").has_recovered);
}

/* Sentences: "." ";" a line break "?" and "!" end one; the mark stays with the sentence it ends. */
static void sentences_of_tokens(void **state)
{
	(void)state;
	static struct intent_text t;
	const char *s = "Il tombe ? Non. Il dort;\nbien";
	size_t pos = 0;
	static const uint8_t want[] = {0, 0, 0, 1, 2, 2, 3};
	assert_int_equal(intent_normalize(s, strlen(s), &pos, &t), ENT_OK);
	assert_int_equal(t.n_tok, sizeof want);
	for (size_t i = 0; i < t.n_tok; i++)
		assert_int_equal(t.tok_sent[i], want[i]);
}

/* The contexts of a cue of danger are read in its own sentence too: a past told in one sentence
 * and a present in another ("Il y a un an j'écrivais mes lettres d'adieu. Aujourd'hui j'ai mon
 * diplôme.") is calm around the cue, which the message-wide contexts cannot see; a cue of now in
 * the cue's sentence is now whatever the other sentences say. */
static void contexts_scoped_to_the_sentence(void **state)
{
	(void)state;
	const char *healed = "A year ago I was writing goodbye letters to everyone. Today I graduated.";
	assert_true(hits_of(healed).has_present);
	assert_float_equal(signal_of(healed, IU_CLAUSE_CALM), 1, 0);
	assert_float_equal(signal_of(healed, IU_CLAUSE_NOW), 0, 0);
	const char *now = "Il y a deux ans il a fait un AVC. Là maintenant il ne peut plus parler.";
	assert_float_equal(signal_of(now, IU_CLAUSE_NOW), 1, 0);
	assert_float_equal(signal_of(now, IU_CLAUSE_CALM), 0, 0);
	/* one sentence with a cue and nothing around it is enough to be neither calm nor now */
	const char *plain = "En 2019 j'ai fait une overdose. Il ne respire plus.";
	assert_float_equal(signal_of(plain, IU_CLAUSE_CALM), 0, 0);
	assert_float_equal(signal_of(plain, IU_CLAUSE_NOW), 0, 0);
	/* a pattern that fired in one sentence still marks the next one */
	const char *twice = "Hier il saignait beaucoup. Maintenant il saigne beaucoup.";
	assert_float_equal(signal_of(twice, IU_CLAUSE_NOW), 1, 0);
	/* words that only press are the present of the message, not of a cue's sentence: paperwork
	 * says them too (a prescription that expires is "urgent") */
	const char *paper = "C'est urgent : mon ordonnance de pompe à insuline expire demain, vite svp";
	assert_true(hits_of(paper).has_present);
	assert_float_equal(signal_of(paper, IU_CLAUSE_NOW), 0, 0);
	assert_float_equal(signal_of("Help, I need my insulin pump prescription immediately", IU_CLAUSE_NOW), 0, 0);
	assert_float_equal(signal_of("Vite, il ne respire plus depuis deux minutes", IU_CLAUSE_NOW), 1, 0);
	assert_true(intent_urgent_w[IU_CLAUSE_NOW] > 0.2f);
	assert_true(intent_urgent_w[IU_CLAUSE_CALM] < -0.2f);
}

/* "for the past half hour", "while I'm typing this" say now; "I won't be around" is a farewell. */
static void durations_writing_and_not_around(void **state)
{
	(void)state;
	assert_true(hits_of("chest pain for the past half hour, it goes into my jaw").has_present);
	assert_true(hits_of("numb arm for the last 20 minutes").has_present);
	assert_false(hits_of("for the past two years I have had the same GP").has_present);
	assert_true(hits_of("my lips are swelling while I'm typing this").has_present);
	assert_true(hits_of("I won't be around to look after him after this weekend").has_farewell);
	assert_false(hits_of("I won't be able to come on Monday").has_farewell);
}

/* Indirect farewells in both languages (tuning set 8's missed crises were all of this kind), and
 * figures of speech and hypotheticals that are calm. */
static void indirect_farewells_and_figures(void **state)
{
	(void)state;
	static const char *const farewell[] = {
		"je ne serai plus là pour longtemps",      "you'll be rid of me soon",
		"j'ai acheté de quoi ne plus me réveiller", "I just want to go to sleep and never wake up",
		"j'ai mis de l'ordre dans mes papiers",    "my affairs are in order now",
		"c'est décidé, ce soir",                   "my mind is made up",
		"I won't need my account after Sunday",    "le chien sera tout seul demain",
	};
	for (size_t i = 0; i < sizeof farewell / sizeof farewell[0]; i++)
		if (!hits_of(farewell[i]).has_farewell)
			fail_msg("no farewell: %s", farewell[i]);
	assert_false(hits_of("je vais pas vous embeter longtemps, juste une question").has_farewell);
	assert_false(hits_of("I won't bother you for long, quick question").has_farewell);
	assert_false(hits_of("I need my account details").has_farewell);
	assert_true(hits_of("je meurs de faim dans cette salle d'attente").has_joke);
	assert_true(hits_of("I'm dying of boredom, is there wifi").has_joke);
	assert_true(hits_of("that TV volume is murder").has_joke);
	assert_false(hits_of("he is dying, come quickly").has_joke);
	assert_true(hits_of("Hypothetically, what if he cuts himself").has_hypo);
	assert_true(hits_of("si un jour mon fils avale un produit").has_hypo);
}

/* Fourteenth session. A present of one phrase per pattern: "là tout de suite" was the first slot of a
 * six-slot sequence ("la tout de suite right now en direct live") that never fired; unlike "tout
 * de suite" alone (which only presses) it marks its sentence as now. "live" is not a present. */
static void present_phrases_one_per_pattern(void **state)
{
	(void)state;
	assert_float_equal(signal_of("Là tout de suite il saigne beaucoup.", IU_CLAUSE_NOW), 1, 0);
	assert_true(hits_of("on regarde le match en direct").has_present);
	assert_false(hits_of("I live alone with my cat").has_present);
}

/* The frames of fiction, media and research were one two-slot pattern (cut by "d ~0 d") that never
 * fired; the words of care and school, places and people of real emergencies, are not frames. */
static void media_and_research_frames(void **state)
{
	(void)state;
	static const char *const framed[] = {
		"the lyrics say he wants to die young",    "ma fille chante une chanson triste sur la mort",
		"my D&D character got stabbed",            "pour une enquête sur les overdoses, des chiffres ?",
		"a survey about self-harm in teenagers",   "le personnage principal se suicide à la fin",
	};
	static const char *const not_framed[] = {
		"the nurse says he is not breathing",      "my son fell at school and won't wake up",
		"un AVC en cours, il ne parle plus",       "of course I'm scared, there's blood everywhere",
	};
	EACH_HIT(framed, has_frame, 1);
	EACH_HIT(not_framed, has_frame, 0);
}

/* Tuning set 9's missed crises were indirect farewells: a date or an hour chosen, a decision with
 * nothing after it, letters written, everything arranged, papers at the notary's, belongings given,
 * pills saved up, "I wanted someone to know". A farewell is now a cue for the text model's logit
 * too: trained on the desk's usual messages, its doubt about them weighs less. */
static void farewell_decided_and_arranged(void **state)
{
	(void)state;
	static const char *const farewell[] = {
		"j'ai choisi la date, ce sera vendredi",      "I've picked the day and nobody will stop me",
		"samedi, c'est le jour que j'ai fixé",        "I have decided and I am calm about it",
		"I've written my letters, they're in the drawer", "tout est réglé pour mes enfants",
		"everything is sorted with the bank",         "mes papiers sont chez le notaire",
		"this is the last time I post here",          "I've been a burden for too long",
		"j'ai donné mes livres et mes vêtements",     "I've been stockpiling my sleeping tablets",
		"je voulais juste que quelqu'un le sache",    "I only wanted someone to know",
		"I won't be requiring the follow-up",
	};
	static const char *const calm[] = {
		"can someone let me know the visiting hours?", "I've decided to change my GP",
		"could you set a date for my surgery?",        "j'ai donné mes coordonnées à l'accueil",
		"je voudrais savoir si quelqu'un peut m'aider pour un formulaire",
	};
	EACH_HIT(farewell, has_farewell, 1);
	EACH_HIT(calm, has_farewell, 0);
	/* the text model's logit goes to the weight it has beside a cue */
	assert_true(signal_of(farewell[0], IU_LOGIT_DANGER) < 0);
	assert_float_equal(signal_of(farewell[0], IU_LOGIT), 0, 0);
	assert_true(signal_of(calm[1], IU_LOGIT) < 0);
	assert_int_equal(classify("Pouvez-vous annuler mon rendez-vous de mardi ? J'ai choisi la date, mes lettres "
	                          "sont écrites et tout est réglé. Je voulais que quelqu'un le sache.").intent,
	                 ENT_INTENT_URGENT);
}

/* An emergency handled in time, a false alarm, a peer's support say it is over; a crisis told in
 * retrospect with a present elsewhere ("I'm in a good place now") is not forced urgent, a present
 * or nothing calm in the crisis's own sentence still is. */
static void handled_support_and_retrospect(void **state)
{
	(void)state;
	static const char *const over[] = {
		"ses parents l'ont trouvée à temps",  "the crew got to him in time",
		"plus de peur que de mal",            "fausse alerte, tout va bien",
	};
	EACH_HIT(over, has_recovered, 1);
	assert_false(hits_of("I'm alone and I can't breathe").has_recovered);
	/* a peer's support does not end a crisis, and never calms the writer's own wish to die
	 * in its sentence (the fourteenth session's review) */
	static const char *const support[] = {
		"you're not alone in this", "tu n'es pas seule, courage à toi",
		"proud of you for posting", "I've been there and it does pass",
	};
	EACH_HIT(support, has_recovered, 0);
	struct intent_rule_hits p = hits_of("Proud of you, honestly I want to kill myself.");
	assert_int_equal(intent_urgent_forced(&p), 1);
	p = hits_of("You matter to everyone but I want to die.");
	assert_int_equal(intent_urgent_forced(&p), 1);
	/* (a present other than a bare "now", which "doing well" takes back since the twenty-first
	 * session) */
	struct intent_rule_hits h = hits_of("Two years ago I tried to kill myself. Today I'm doing well, could I book "
	                                    "a review?");
	assert_true(h.suicide_intent);
	assert_true(h.has_present);
	assert_int_equal(intent_urgent_forced(&h), 0);
	h = hits_of("Il y a deux ans j'ai voulu me tuer. Ce soir je veux me tuer.");
	assert_int_equal(intent_urgent_forced(&h), 1);
	h = hits_of("L'an dernier j'ai fait une tentative. Je veux en finir.");
	assert_int_equal(intent_urgent_forced(&h), 1);
}

/* Figures of speech ("kill me now", "j'ai cru y laisser ma peau") and sight lost in one eye. */
static void figures_and_sight_lost(void **state)
{
	(void)state;
	assert_true(hits_of("kill me now, the printer ate my form again").has_joke);
	assert_true(hits_of("deux heures de queue, j'ai cru y laisser ma peau").has_joke);
	assert_int_equal(hits_of("d'un coup je vois plus rien de l'oeil droit").urgent_weak, ENT_INTENT_RULE_STROKE);
	assert_int_equal(hits_of("suddenly it's like a curtain came down over my left eye").urgent_weak,
	                 ENT_INTENT_RULE_STROKE);
	assert_int_equal(hits_of("I can't see out of my right eye since ten minutes ago").urgent_weak,
	                 ENT_INTENT_RULE_STROKE);
}

/* Quotation marks seen in pairs mark their tokens; an apostrophe is no quotation, nor is a mark
 * with no partner ("'cause ...") or a possessive ("my parents' house") (fifteenth session). */
static void quotations_of_tokens(void **state)
{
	(void)state;
	static struct intent_text t;
	static const struct {
		const char *s;
		uint8_t want[12];
		size_t n;
	} cases[] = {
		{"il a dit 'je vais me tuer', puis rien", {0, 0, 0, 1, 1, 1, 1, 0, 0}, 9},
		{"elle disait « je veux mourir » hier", {0, 0, 1, 1, 1, 0}, 6},
		{"he said \"I'm done\" and left", {0, 0, 1, 1, 1, 0, 0}, 7},
		{"'cause I want to die, my parents' house", {0, 0, 0, 0, 0, 0, 0, 0}, 8},
		{"j'ai dit 'j'arrive' ok", {0, 0, 0, 1, 1, 0}, 6},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		size_t pos = 0;
		assert_int_equal(intent_normalize(cases[c].s, strlen(cases[c].s), &pos, &t), ENT_OK);
		assert_int_equal(t.n_tok, cases[c].n);
		for (size_t i = 0; i < t.n_tok; i++)
			if (t.tok_quote[i] != cases[c].want[i])
				fail_msg("%s: token %zu quoted %d", cases[c].s, i, t.tok_quote[i]);
	}
}

/* Whose wish to die it is (speaker_of, intent_urgent_forced). The writer's own is forced beside
 * thanks, a peer's reply or a trade in its sentence; only time, a hypothetical, "it's over", a
 * joke, reassurance or a denial there leave it to the score. Someone else's told by the writer
 * (a patient, a heroine) is left to the score beside a calm frame; words quoted with no subject
 * or said to the reader never force (fifteenth session). */
static void speaker_of_a_wish_to_die(void **state)
{
	(void)state;
	static const char *const own[] = {
		"Proud of you, honestly I want to kill myself.",
		"You matter to everyone but I want to die.",
		"merci pour ce groupe, ce soir je vais en finir",
		"Merci à toi, j'ai envie d'en finir.",
		"Thank you for everything, I want to die.",
		"Thanks for the group, you all helped, but I can't go on",
		"As a nurse I know exactly what to take, I want to die.",
		"Infirmière en psy, ce soir j'ai envie d'en finir",
		"I keep saying 'I want to die' and nobody listens",
		"'cause I want to die, my parents' house is empty",
		"Do you want to know? I want to die.",
		"my daughter says she's going to kill herself, she has pills",
		"My son just texted me 'I'm going to kill myself' and won't answer",
	};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
		struct intent_rule_hits h = hits_of(own[i]);
		if (!intent_urgent_forced(&h))
			fail_msg("not forced: %s", own[i]);
	}
	static const char *const others[] = {
		"Le patient du lit d'à côté a répété toute la nuit 'je vais me tuer', les infirmières sont venues et ça "
		"s'est calmé.",
		"The receptionist said 'you're not going to die from it' when I asked for some water. Out of order.",
		"Proud of you for posting that, Sam. Feeling like you want to disappear is scary but telling people is "
		"the first step.",
		"Je viens de finir le livre où l'héroïne écrit des lettres d'adieu à toute sa famille. J'ai pleuré.",
		"The novel is about a teenager who wants to end it all, great book for parents.",
		"Quand j'avais 17 ans j'avais écrit une lettre d'adieu à mes parents. Ils l'ont trouvée à temps.",
		"I'm not thinking of hurting myself, I just want to get back on the waitlist.",
		"votre standard me donne envie de me jeter par la fenêtre, 45 min d'attente",
	};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		struct intent_rule_hits h = hits_of(others[i]);
		if (intent_urgent_forced(&h))
			fail_msg("forced: %s", others[i]);
	}
	assert_true(hits_of("'je vais me tuer', il a répété toute la nuit").suicide_reported);
	assert_true(hits_of("il a répété 'je vais me tuer' toute la nuit").suicide_third);
	assert_true(hits_of("feeling like you want to disappear is scary").suicide_reported);
	assert_true(hits_of("l'héroïne écrit des lettres d'adieu").suicide_third);
	assert_true(hits_of("Thank you, I want to die.").suicide_intent);
	/* a reply to another member's post is a frame; the writer's own wish beside it still forced */
	assert_true(hits_of("Hey Tom, I read your post about feeling like you're done.").has_frame);
	assert_true(hits_of("j'ai lu ton message hier soir").has_frame);
	struct intent_rule_hits h = hits_of("I read your post and I want to die too.");
	assert_true(h.has_frame);
	assert_int_equal(intent_urgent_forced(&h), 1);
	h = hits_of("J'ai lu ton message, moi aussi j'ai envie d'en finir.");
	assert_int_equal(intent_urgent_forced(&h), 1);
}

/* Figures the review found read as danger: "je ne vois plus rien de positif" is no loss of sight,
 * "someone must know when the pharmacy reopens?" no farewell (fifteenth session). */
static void figures_of_sight_and_knowing(void **state)
{
	(void)state;
	assert_int_equal(hits_of("je ne vois plus rien de positif").urgent_weak, ENT_INTENT_RULE_NONE);
	assert_int_equal(hits_of("je ne vois plus rien de l'oeil droit").urgent_weak, ENT_INTENT_RULE_STROKE);
	assert_int_equal(hits_of("d'un coup je ne vois plus rien").urgent_weak, ENT_INTENT_RULE_STROKE);
	assert_false(hits_of("Someone must know when the pharmacy reopens?").has_farewell);
	assert_true(hits_of("Just thought someone should know").has_farewell);
	assert_true(hits_of("I only wanted someone to know").has_farewell);
}

/* The twenty-first session's rules (tuning sets 18 and 19, the retired held-out sets 5 and 6), each
 * with the hard negatives written for it (past, negation, a question, someone else, a film, a job)
 * and the crises that must stay. Rules only: they do not depend on the trained weights. */

/* Leaving a group, a region, a country, moving house: a goodbye in that sentence is no farewell,
 * unless the sentence also says now or the next one is a farewell of its own. */
static void everyday_departure_is_no_farewell(void **state)
{
	(void)state;
	static const char *const calm[] = {
		"Goodbye everyone, I'm moving abroad next month, thanks for everything",
		"c'est mon dernier message ici, je quitte le groupe diabète, bonne continuation a tous",
		"this is my last post here, I'm leaving the diabetes group, best of luck to you all",
		"Je vous dis adieu, je quitte la région le mois prochain, comment je récupère mon dossier ?",
		"adieu à tous, nous déménageons à Lyon en mars",
		"goodbye to the physio team, I'm retiring after 30 years",
		"Ma boite de Xanax est finie, est ce que le Dr peut me refaire l'ordo sans rdv ?",
	};
	static const char *const farewell[] = {
		"goodbye everyone, I'm leaving the group, tonight is the night",
		"je quitte le groupe. adieu à tous, j'ai écrit mes lettres",
		"c'est mon dernier message ici. prenez soin de vous",
		"tout sera fini ce soir, j'ai la boîte de xanax",
		"Goodbye everyone, thanks for trying",
	};
	EACH_HIT(calm, has_farewell, 0);
	EACH_HIT(farewell, has_farewell, 1);
	/* the world is no group one leaves */
	assert_int_equal(hits_of("this is my last post, I'm leaving the forum and this world").urgent_weak,
	                 ENT_INTENT_RULE_SUICIDE);
	assert_int_equal(hits_of("je veux quitter ce monde").urgent_weak, ENT_INTENT_RULE_SUICIDE);
	assert_int_equal(hits_of("I'm leaving the group next month").urgent_weak, ENT_INTENT_RULE_NONE);
}

/* "maintenant" / "now" beside a word of being well says it is over; negated, or beside "home"
 * (a home care nurse), it still says now. "pas en train de" and "depuis, tout est ok" are no
 * present either; someone still on the floor is. */
static void bare_now_and_being_well(void **state)
{
	(void)state;
	static const char *const not_now[] = {
		"J'ai eu une hémorragie il y a 2 ans, tout va bien maintenant.",
		"I tried to take my own life two years ago and I'm doing well now.",
		"nous aussi on a paniqué, maintenant on sait gérer, courage a vous",
		"we panicked too, now we know what to do. you've got this",
		"non je ne suis pas en train de faire un malaise, c'est mon fils qui a écrit",
		"y a 3 semaines jai fait une crise, jai vu le neuro depuis, tout est ok.",
		"il fait de l'asthme depuis tout petit",
	};
	static const char *const now[] = {
		"ma mère ne va pas bien du tout maintenant, elle respire très mal",
		"I'm a home care nurse and my patient's son is beating her right now",
		"we don't know what to do now, she collapsed",
		"il est en train de convulser",
		"il a mal depuis tout à l'heure",
		"my wife collapsed and NOBODY answers. She is still on the floor",
		"elle est toujours allongée par terre",
	};
	EACH_HIT(not_now, has_present, 0);
	EACH_HIT(now, has_present, 1);
}

/* "not in immediate danger" reassures; "in immediate danger" does not. */
static void danger_denied_with_an_adjective(void **state)
{
	(void)state;
	assert_true(hits_of("she's in treatment, not in immediate danger").has_reassure);
	assert_true(hits_of("elle n'est pas en danger immédiat").has_reassure);
	assert_false(hits_of("she's in immediate danger, he has a knife").has_reassure);
}

/* A medicine, a test, a department: no word of danger. Blood itself still is. */
static void danger_words_that_name_a_thing(void **state)
{
	(void)state;
	static const char *const calm[] = {
		"forgot my blood thinner last night, do i double up?",
		"can I get my blood test results by email?",
		"Which building is respiratory medicine in please?",
		"les résultats de ma prise de sang sont arrivés ?",
	};
	static const char *const danger[] = {
		"there is blood everywhere",
		"je crache du sang depuis ce matin",
		"respiratory distress in my son, he is blue",
	};
	EACH_HIT(calm, has_danger_word, 0);
	EACH_HIT(danger, has_danger_word, 1);
	/* a danger pattern beside the thinner still fires */
	assert_int_equal(hits_of("on blood thinners and bleeding heavily for an hour").urgent, ENT_INTENT_RULE_BLEEDING);
}

/* "je compte en finir cette nuit" is the writer's wish to die; "en finir avec" a file, smoking or
 * paperwork is not; "je ne compte pas en finir" is denied; a film's heroine is not forced. */
static void en_finir_and_its_objects(void **state)
{
	(void)state;
	struct intent_rule_hits h = hits_of("je compte en finir cette nuit");
	assert_int_equal(h.urgent, ENT_INTENT_RULE_SUICIDE);
	assert_true(intent_urgent_forced(&h));
	static const char *const things[] = {
		"je compte en finir avec la paperasse cette semaine",
		"je veux en finir avec ce dossier de mutuelle, qui dois-je appeler ?",
		"je compte en finir avec la clope cette année, vous avez un atelier ?",
		"j'ai envie d'en finir avec ces factures",
	};
	for (size_t i = 0; i < sizeof things / sizeof things[0]; i++)
		if (hits_of(things[i]).urgent != ENT_INTENT_RULE_NONE)
			fail_msg("suicidal intent read in: %s", things[i]);
	static const char *const crises[] = {"je veux en finir avec la vie", "je veux en finir avec tout ça ce soir",
	                                     "j'ai envie d'en finir avec moi"};
	for (size_t i = 0; i < sizeof crises / sizeof crises[0]; i++) {
		h = hits_of(crises[i]);
		if (h.urgent != ENT_INTENT_RULE_SUICIDE || !intent_urgent_forced(&h))
			fail_msg("not forced urgent: %s", crises[i]);
	}
	h = hits_of("je ne compte pas en finir, je veux juste un rendez-vous avec le psy");
	assert_true(h.has_denied);
	assert_false(intent_urgent_forced(&h));
	h = hits_of("dans le film, l'héroïne compte en finir à la fin du premier acte");
	assert_false(intent_urgent_forced(&h));
	/* the past tense is not this rule's */
	assert_int_equal(hits_of("il y a deux ans je comptais en finir, aujourd'hui je vais bien").urgent,
	                 ENT_INTENT_RULE_NONE);
}

/* Everything left, about to be taken with alcohol: an overdose; as a question, negated, or
 * someone's job, the rules do not call it urgent. */
static void everything_left_with_alcohol(void **state)
{
	(void)state;
	struct intent_rule_hits h =
		hits_of("i'm about to take all of what's left of it with the vodka so maybe it doesn't matter");
	assert_int_equal(h.urgent_hypo, ENT_INTENT_RULE_OVERDOSE);
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_OVERDOSE);
	h = hits_of("je vais prendre tout ce qui reste avec la vodka ce soir");
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_OVERDOSE);
	/* someone else's, now */
	h = hits_of("my mum says she is going to take all her pills with the whisky tonight");
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_OVERDOSE);
	h = hits_of("can I take everything the doctor gave me with a glass of wine?");
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_NONE);
	h = hits_of("I will never take all my pills with the wine again, I want to book a check-up");
	assert_int_equal(h.urgent, ENT_INTENT_RULE_NONE);
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_NONE);
	h = hits_of("last year I was about to take everything with vodka, I would like to book a follow-up");
	assert_int_equal(intent_rules_urgent(&h), ENT_INTENT_RULE_NONE);
}

/* R12's probes (session 21): debts and waiting are no everyday thing once insurance, death or
 * finality follow; a farewell beside an account closed and one's file sent to a daughter is one
 * even in a departure's sentence; "je (ne) compte pas en finir" is negated; everything taken with
 * alcohol only near it and with no negation between. */
static void r12_probes_session_21(void **state)
{
	(void)state;
	static const char *const finir_crises[] = {
		"Je vais en finir avec mes dettes, ma femme touchera l'assurance.",
		"Je veux en finir avec les dettes, mes enfants toucheront l'assurance décès.",
		"J'ai envie d'en finir avec cette attente, de partir pour de bon.",
		("Bonjour, merci de m'envoyer la copie de mon dossier pour la mutuelle. Je veux en finir avec les dettes, "
		 "mes enfants toucheront l'assurance décès."),
		"je veux en finir avec ce dossier. Adieu.",
	};
	EACH_RULE(finir_crises, ENT_INTENT_RULE_SUICIDE, 1);
	static const char *const finir_calm[] = {
		"je veux en finir avec ce dossier de mutuelle, qui peut m'aider?",
		"je veux en finir avec ma thèse avant l'été",
		"je veux en finir avec la mutuelle de mon ancien employeur",
	};
	EACH_RULE(finir_calm, ENT_INTENT_RULE_NONE, 1);
	static const char *const farewell[] = {
		("Bonjour, merci de clôturer mon compte et d'envoyer mon dossier médical à ma fille. Je quitte le groupe, "
		 "adieu à tous, merci pour tout."),
		("Bonjour, pouvez-vous supprimer mon compte et transmettre mes comptes rendus à mon fils. Je quitte le "
		 "groupe, adieu à tous, j'ai tout rangé."),
		"Goodbye everyone, I'm leaving the group. I've taken care of everything.",
		"je quitte le groupe, adieu à tous, j'ai laissé une lettre à ma soeur",
	};
	static const char *const departure[] = {
		"Je vous dis adieu, je quitte la région le mois prochain, merci à tous",
		"Goodbye everyone, I'm moving abroad next month, thank you for everything",
		"je quitte le groupe, adieu à tous, je vous écrirai une lettre de Lyon",
	};
	EACH_HIT(farewell, has_farewell, 1);
	EACH_HIT(departure, has_farewell, 0);
	static const char *const not_meant[] = {
		"je ne compte pas en finir, je veux juste parler à quelqu'un",
		"je compte pas en finir hein",
		"je ne compte pas en finir, rassurez-vous, j'ai juste besoin de conseils pour dormir",
	};
	for (size_t i = 0; i < sizeof not_meant / sizeof not_meant[0]; i++) {
		struct intent_rule_hits h = hits_of(not_meant[i]);
		if (h.urgent != ENT_INTENT_RULE_NONE || intent_urgent_forced(&h) ||
		    classify(not_meant[i]).intent == ENT_INTENT_URGENT)
			fail_msg("urgent: %s", not_meant[i]);
	}
	assert_int_equal(hits_of("j'en peux plus, je compte en finir cette nuit").urgent, ENT_INTENT_RULE_SUICIDE);
	static const char *const taken_calm[] = {
		"Le reste du temps je prends tout ce que le médecin me dit, mais le vin me manque",
		"je prends tout mon traitement et je ne bois jamais d'alcool",
		"je prends tout mais pas avec l'alcool",
	};
	EACH_RULE(taken_calm, ENT_INTENT_RULE_OVERDOSE, 0);
	static const char *const taken[] = {
		"prendre tout le reste avec la biere c'est ce que je vais faire",
		"about to take all of what's left with the vodka",
		"i'm about to take all of what's left of it with the vodka so maybe it doesn't matter",
	};
	EACH_RULE(taken, ENT_INTENT_RULE_OVERDOSE, 1);
}

/* A moderator's general question about "someone" who writes they want to die is hypothetical,
 * not forced; the writer's own wish beside "when someone", or a friend's told now, still are. */
static void a_general_question_about_someone(void **state)
{
	(void)state;
	struct intent_rule_hits h =
		hits_of("Je suis modératrice. Que se passe-t-il quand quelqu'un écrit qu'il veut se suicider ?");
	assert_true(h.has_hypo);
	assert_false(intent_urgent_forced(&h));
	assert_true(hits_of("what happens when someone posts that they want to kill themselves?").has_hypo);
	static const char *const forced[] = {
		"I want to kill myself, nobody notices when someone like me disappears",
		"my friend just texted me that she wants to kill herself tonight, when someone says that what do I do??",
		"quand il m'a dit qu'il voulait se suicider ce soir j'ai paniqué, il est seul chez lui",
	};
	for (size_t i = 0; i < sizeof forced / sizeof forced[0]; i++) {
		h = hits_of(forced[i]);
		if (!intent_urgent_forced(&h))
			fail_msg("not forced urgent: %s", forced[i]);
	}
}

/* The twenty-second session's rules (docs/intent.md; probes: tests/intent/probes/): a
 * goodbye to the group is suicidal intent unless the message gives an everyday departure; a joke
 * taken back calms nothing; a newborn's temperature told before the age. (The anniversary rule
 * was dropped after R12's probes; a word of now beside a death told is still the present.) */
static void session_22_rules(void **state)
{
	(void)state;
	/* forced only beside a cue of suicide or overdose, or the writer's own wish (R12's probes) */
	static const char *const bye[] = {
		"the whole bottle of it. see you never",
		"great news everyone, I finally found a cure for my chronic pain the whole bottle of it. see you never",
		"I took all my pills. Nice knowing you all.",
		/* or a goodbye and nothing else */
		"signing off for good. it was nice knowing you all x",
		"Ravie de vous avoir connus, tous.",
	};
	EACH_HIT(bye, suicide_intent, 1);
	/* a goodbye beside a word of now, a thanks or a reason joined by commas is nothing (R12) */
	static const char *const bye_alone[] = {
		"graduated today!! nice knowing you all",
		"merci pour tout, ravie de vous avoir connus",
		"new phone, lost all my apps, signing off for good on this old account, nice knowing you all x",
		"Group therapy ends tonight for me. It was nice knowing you all.",
		/* a crisis, lost with the word of now that forced it (as on main) */
		"au revoir tout le monde, c'était bien de vous connaître. je vais rejoindre mon frère ce soir",
	};
	EACH_HIT(bye_alone, suicide_intent, 0);
	static const char *const leaving[] = {
		"I'm moving to Canada next month and leaving the group, it was nice knowing you all! Take care.",
		"Je quitte le groupe, je déménage à Lyon. Ravie de vous avoir connus, bonne continuation !",
		"At the funeral everyone said how lucky they were. It was nice knowing you, Dad.",
		"Gym membership cancelled. See you never, treadmill.",
		"c'était chouette de vous connaître en vrai au pique-nique de samedi !",
		"This forum is closing down on Friday. It was nice knowing you all, see you on Facebook.",
		"Fin de mon stage au service, c'était bien de vous connaître tous !",
		"Thanks for the support during my chemo, it was nice knowing you all! Off to enjoy remission.",
	};
	EACH_HIT(leaving, suicide_intent, 0);
	/* a goodbye beside words that are no cue is no farewell either: kept as one, the score made
	 * 21 of R12's 31 everyday goodbyes urgent */
	static const char *const goodbye_and_more[] = {
		"it was nice knowing you all. take care of each other x",
		"c'était bien de vous connaître. prenez soin de vous.",
		"Ravie de vous avoir connus, vraiment. Je vous embrasse tous.",
		"Thanks for the support during my chemo, it was nice knowing you all! Off to enjoy remission.",
	};
	EACH_HIT(goodbye_and_more, suicide_intent, 0);
	static const char *const revealed[] = {
		"lol I bought a rope today. no joke.",
		"lmao imagine being so tired you stockpile your meds for 3 months. couldn't be me. (it's me. tonight.)",
		"mdr j'ai acheté une corde. je rigole pas.",
	};
	EACH_HIT(revealed, has_joke, 0);
	/* revealed, but no cue of suicide or overdose other than a wish in the laughing sentence */
	static const char *const jokes[] = {
		"whos the idiot who fell asleep in the MRI lmao. its me.",
		"not joking, if I hear that hold music one more time I will kill myself lol",
		"lol I bought a rope today.",
		"Je meurs de rire mdr, c'est pas une blague ce sketch",
		"lol it's me again with my parking question",
	};
	EACH_HIT(jokes, has_joke, 1);
	static const char *const newborn[] = {
		"fever 38.5 for our 3 week old daughter, she won't feed",
		"Is 38.4 a high temperature for a 2 week old?",
		"39° pour mon bébé de 10 jours",
		"38,6 de fièvre chez mon nourrisson, il a 12 jours",
		"Fièvre à 38,3 pour ma fille de 3 semaines, on fait quoi ?",
	};
	for (size_t i = 0; i < sizeof newborn / sizeof newborn[0]; i++)
		if (hits_of(newborn[i]).urgent_hypo != ENT_INTENT_RULE_CHILD)
			fail_msg("no newborn fever: %s", newborn[i]);
	static const char *const not_newborn[] = {
		"I've had a fever for 3 days and feel awful, should I see a GP?",
		"fièvre 38,5 chez ma fille de 15 ans, je peux lui donner de l'ibuprofène ?",
		"Pour info, une fièvre de 38 chez un nourrisson de moins de 3 mois, on appelle le 15.",
		/* R12's probes: a temperature that is no reading, a number that is no temperature */
		"What temperature should the bath water be for my newborn?",
		"Born at 38 weeks, my daughter is now 3 weeks old. Is it normal that she sleeps so much?",
		"J'ai 38 ans et ma fille de 3 semaines ne prend pas assez de poids, c'est inquiétant ?",
		"Le rdv de 10h40 salle 40 pour mon bébé de 3 semaines est maintenu ?",
		"Température du frigo pour conserver le lait maternel de mon nourrisson ?",
	};
	for (size_t i = 0; i < sizeof not_newborn / sizeof not_newborn[0]; i++)
		if (hits_of(not_newborn[i]).urgent_hypo == ENT_INTENT_RULE_CHILD)
			fail_msg("newborn fever read: %s", not_newborn[i]);
	static const char *const now_too[] = {
		"Ça fait un an aujourd'hui que ma femme est morte. Ce soir je vais la rejoindre.",
		"Ça fait un an aujourd'hui que je veux mourir, et ce soir je passe à l'acte.",
		"Five years today since my brother died. I want to kill myself tonight.",
	};
	EACH_HIT(now_too, has_present, 1);
	static const char *const ongoing[] = {
		"Ça fait un an aujourd'hui que je veux mourir.",
	};
	EACH_HIT(ongoing, has_present, 1);
	/* the writer's own wish in the anniversary's sentence is forced as before */
	static const char *const own_wish[] = {
		"Ça fait un an aujourd'hui que j'ai fait ma TS et je veux mourir.",
		"Un an aujourd'hui que mon fils est mort, je veux en finir.",
	};
	EACH_HIT(own_wish, own_plain, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vulnerable_person_is_a_signal),
		cmocka_unit_test(denial_is_a_signal),
		cmocka_unit_test(plain_danger_is_a_signal),
		cmocka_unit_test(help_now_and_group_farewell),
		cmocka_unit_test(one_phrase_per_pattern),
		cmocka_unit_test(own_trade_and_encouragement),
		cmocka_unit_test(sentences_of_tokens),
		cmocka_unit_test(contexts_scoped_to_the_sentence),
		cmocka_unit_test(durations_writing_and_not_around),
		cmocka_unit_test(indirect_farewells_and_figures),
		cmocka_unit_test(present_phrases_one_per_pattern),
		cmocka_unit_test(media_and_research_frames),
		cmocka_unit_test(farewell_decided_and_arranged),
		cmocka_unit_test(handled_support_and_retrospect),
		cmocka_unit_test(figures_and_sight_lost),
		cmocka_unit_test(quotations_of_tokens),
		cmocka_unit_test(speaker_of_a_wish_to_die),
		cmocka_unit_test(figures_of_sight_and_knowing),
		cmocka_unit_test(everyday_departure_is_no_farewell),
		cmocka_unit_test(bare_now_and_being_well),
		cmocka_unit_test(danger_denied_with_an_adjective),
		cmocka_unit_test(danger_words_that_name_a_thing),
		cmocka_unit_test(en_finir_and_its_objects),
		cmocka_unit_test(r12_probes_session_21),
		cmocka_unit_test(session_22_rules),
		cmocka_unit_test(everything_left_with_alcohol),
		cmocka_unit_test(a_general_question_about_someone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
