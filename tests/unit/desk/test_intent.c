/* test_intent.c - the intent classifier: normalisation, features, safety rules (positives and
 * hard negatives), consultation cues, hostile input (invalid UTF-8, empty, very long), threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "desk/intent_feat.h"
#include "desk/intent_model.h"
#include "entraide/intent.h"

static void normalise(const char *in, char *out, size_t cap)
{
	static struct intent_text t;
	size_t pos = 0;
	assert_int_equal(intent_normalize(in, strlen(in), &pos, &t), ENT_OK);
	assert_int_equal(pos, strlen(in));
	assert_true(t.len < cap);
	memcpy(out, t.buf, t.len + 1);
}

static void normalisation_folds_case_accents_and_punctuation(void **state)
{
	char out[256];
	normalise("Évanouie À l'HÔPITAL, cœur ?!", out, sizeof out);
	assert_string_equal(out, " evanouie a l hopital coeur ? ! ");
	normalise("J’ai   mal…😢😢", out, sizeof out);
	assert_string_equal(out, " j ai mal 😢 ");
	normalise("", out, sizeof out);
	assert_string_equal(out, " ");
	normalise("ＡＶＣ ﬁn", out, sizeof out); /* compatibility forms */
	assert_string_equal(out, " avc fin ");
}

static void long_runs_of_letters_are_split(void **state)
{
	static struct intent_text t;
	char in[200];
	size_t pos = 0;
	memset(in, 'a', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	assert_int_equal(intent_normalize(in, strlen(in), &pos, &t), ENT_OK);
	assert_true(t.n_tok >= 4);
	for (size_t i = 0; i < t.n_tok; i++)
		assert_true(t.tok_len[i] <= INTENT_TOKEN_MAX);
}

struct feats {
	uint32_t b[4096];
	size_t n;
};

static void collect(uint32_t bucket, void *ctx)
{
	struct feats *f = ctx;
	assert_true(bucket < INTENT_N_BUCKETS);
	if (f->n < 4096)
		f->b[f->n++] = bucket;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static void extract(const char *s, int lang, struct feats *f)
{
	size_t n = 0;
	enum ent_intent_lang got;
	f->n = 0;
	assert_int_equal(intent_extract(s, strlen(s), lang, collect, NULL, f, &n, &got), ENT_OK);
	assert_true(n > 0 && n <= f->n); /* word classes weigh more than one occurrence */
	qsort(f->b, f->n, sizeof f->b[0], cmp_u32);
}

static void features_ignore_accents_and_case(void **state)
{
	static struct feats a, b;
	extract("Médicaments ÉCRASÉS", ENT_INTENT_LANG_FR, &a);
	extract("medicaments ecrases", ENT_INTENT_LANG_FR, &b);
	assert_true(a.n > 10);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.b, b.b, a.n * sizeof a.b[0]);
}

static void stemming_joins_inflections(void **state)
{
	static struct feats a, b;
	size_t common = 0;
	/* The stemmed unigram of "traitements" and "traitement" is the same feature. */
	extract("traitements", ENT_INTENT_LANG_FR, &a);
	extract("traitement", ENT_INTENT_LANG_FR, &b);
	for (size_t i = 0; i < a.n; i++)
		for (size_t j = 0; j < b.n; j++)
			common += a.b[i] == b.b[j];
	assert_true(common > 0);
}

static void language_is_detected_by_function_words(void **state)
{
	static struct feats f;
	size_t n;
	enum ent_intent_lang lang;
	const char *fr = "je voudrais un rendez-vous pour ma fille";
	const char *en = "I would like an appointment for my daughter";
	assert_int_equal(intent_extract(fr, strlen(fr), -1, collect, NULL, &f, &n, &lang), ENT_OK);
	assert_int_equal(lang, ENT_INTENT_LANG_FR);
	f.n = 0;
	assert_int_equal(intent_extract(en, strlen(en), -1, collect, NULL, &f, &n, &lang), ENT_OK);
	assert_int_equal(lang, ENT_INTENT_LANG_EN);
}

static struct ent_intent_result classify(const char *s)
{
	struct ent_intent_result r;
	assert_int_equal(ent_intent_classify(s, strlen(s), NULL, &r), ENT_OK);
	assert_true(r.confidence >= 0.0f && r.confidence <= 1.0f);
	return r;
}

static const struct {
	const char *text;
	enum ent_intent_rule rule;
} urgent_cases[] = {
	{"mon père a une douleur dans la poitrine depuis 20 minutes", ENT_INTENT_RULE_CHEST_PAIN},
	{"mon pere a mal a la poitrine ca serre", ENT_INTENT_RULE_CHEST_PAIN},
	{"my dad has crushing chest pain right now", ENT_INTENT_RULE_CHEST_PAIN},
	{"je crois que je fais un infarctus", ENT_INTENT_RULE_CHEST_PAIN},
	{"ma mère a la bouche de travers", ENT_INTENT_RULE_STROKE},
	{"il fait un AVC je crois", ENT_INTENT_RULE_STROKE},
	{"her face is drooping on one side", ENT_INTENT_RULE_STROKE},
	{"mon bébé ne respire plus", ENT_INTENT_RULE_BREATHING},
	{"mon bebe respire plus", ENT_INTENT_RULE_BREATHING},
	{"j'arrive plus a respirer", ENT_INTENT_RULE_BREATHING},
	{"he's not breathing", ENT_INTENT_RULE_BREATHING},
	{"I can't breathe", ENT_INTENT_RULE_BREATHING},
	{"he stopped breathing", ENT_INTENT_RULE_BREATHING},
	{"je saigne énormément", ENT_INTENT_RULE_BLEEDING},
	{"she is bleeding heavily", ENT_INTENT_RULE_BLEEDING},
	{"il est inconscient", ENT_INTENT_RULE_UNCONSCIOUS},
	{"my husband collapsed", ENT_INTENT_RULE_UNCONSCIOUS},
	{"j'ai envie d'en finir", ENT_INTENT_RULE_SUICIDE},
	{"jai envie den finir", ENT_INTENT_RULE_SUICIDE},
	{"je vais me tuer", ENT_INTENT_RULE_SUICIDE},
	{"je veux mourir", ENT_INTENT_RULE_SUICIDE},
	{"plus envie de vivre", ENT_INTENT_RULE_SUICIDE},
	{"I want to kill myself", ENT_INTENT_RULE_SUICIDE},
	{"I just want to end it all", ENT_INTENT_RULE_SUICIDE},
	{"j'ai des idées suicidaires", ENT_INTENT_RULE_SUICIDE},
	{"ma fille a avalé des comprimés", ENT_INTENT_RULE_OVERDOSE},
	{"I took too many pills", ENT_INTENT_RULE_OVERDOSE},
	{"j'ai pris toute la boîte", ENT_INTENT_RULE_OVERDOSE},
	{"sa gorge gonfle après une piqûre de guêpe", ENT_INTENT_RULE_ANAPHYLAXIS},
	{"his tongue is swelling up", ENT_INTENT_RULE_ANAPHYLAXIS},
	{"choc anaphylactique", ENT_INTENT_RULE_ANAPHYLAXIS},
	/* issue 12: counts of tablets, alcohol with medicines, new classes */
	{"g pri 40 dolipranes ya 1h", ENT_INTENT_RULE_OVERDOSE},
	{"took 16 ibuprofen and 10 co-codamol, est-ce grave", ENT_INTENT_RULE_OVERDOSE},
	{"elle a avalé une trentaine de cachets", ENT_INTENT_RULE_OVERDOSE},
	{"j'ai pris 6 xanax", ENT_INTENT_RULE_OVERDOSE},
	{"mixed xanax and alcohol, cant stay awake", ENT_INTENT_RULE_OVERDOSE},
	{"je me suis coupé les veines", ENT_INTENT_RULE_SUICIDE},
	{"tout le monde serait mieux sans moi", ENT_INTENT_RULE_SUICIDE},
	{"I've written goodbye letters to my kids", ENT_INTENT_RULE_SUICIDE},
	/* a first-person wish to die beside words that, elsewhere, mark a peer's reply, the
	 * writer's trade or a crisis handled in time (the fourteenth session's review) */
	{"Ton message m'a fait pleurer, je veux mourir aussi.", ENT_INTENT_RULE_SUICIDE},
	{"Your post made me cry, I want to die too.", ENT_INTENT_RULE_SUICIDE},
	{"Je bosse à temps partiel et j'ai envie d'en finir.", ENT_INTENT_RULE_SUICIDE},
	{"As a nurse I know exactly what to take, I want to die.", ENT_INTENT_RULE_SUICIDE},
	{"Ma vie est en jeu, je veux mourir.", ENT_INTENT_RULE_SUICIDE},
	/* beside thanks, praise, a trade; quoted by the writer or a relative (fifteenth session) */
	{"Merci à toi, j'ai envie d'en finir.", ENT_INTENT_RULE_SUICIDE},
	{"Thank you for everything, I want to die.", ENT_INTENT_RULE_SUICIDE},
	{"Thanks for the group, you all helped, but I can't go on", ENT_INTENT_RULE_SUICIDE},
	{"Bravo pour ton courage. Je pense à en finir, j'ai les cachets devant moi.", ENT_INTENT_RULE_SUICIDE},
	{"je suis infirmière et je vais me tuer ce soir", ENT_INTENT_RULE_SUICIDE},
	{"I keep saying 'I want to die' and nobody listens", ENT_INTENT_RULE_SUICIDE},
	{"My son just texted me 'I'm going to kill myself' and won't answer", ENT_INTENT_RULE_SUICIDE},
	{"mon fils m'a écrit 'je vais me tuer' il y a 10 minutes", ENT_INTENT_RULE_SUICIDE},
	{"'cause I want to die, my parents' house is empty", ENT_INTENT_RULE_SUICIDE},
	{"mon mari me frappe, j'ai peur", ENT_INTENT_RULE_VIOLENCE},
	{"he has a knife and threatens to kill us", ENT_INTENT_RULE_VIOLENCE},
	{"enceinte de 7 mois et je saigne", ENT_INTENT_RULE_PREGNANCY},
	{"haven't felt the baby move since yesterday", ENT_INTENT_RULE_PREGNANCY},
	{"le bebe est tout mou", ENT_INTENT_RULE_CHILD},
	{"ma fille est tombée du balcon", ENT_INTENT_RULE_CHILD},
	{"mon bébé de 3 semaines a 38,5", ENT_INTENT_RULE_CHILD},
	{"je veux que tout s'arrête ce soir", ENT_INTENT_RULE_SUICIDE},
	{"the notes are written and the car is running in the garage", ENT_INTENT_RULE_SUICIDE},
	{"I'm 30 weeks pregnant and leaking fluid", ENT_INTENT_RULE_PREGNANCY},
	{"merci de venir vite, il ne respire plus", ENT_INTENT_RULE_BREATHING},
	{"please help my son can't breathe, thank you", ENT_INTENT_RULE_BREATHING},
};

static void safety_rules_fire_in_french_and_english(void **state)
{
	for (size_t i = 0; i < sizeof urgent_cases / sizeof urgent_cases[0]; i++) {
		struct ent_intent_result r = classify(urgent_cases[i].text);
		if (r.intent != ENT_INTENT_URGENT || r.rule != urgent_cases[i].rule)
			fail_msg("case %zu: intent %s rule %s", i, ent_intent_name(r.intent), ent_intent_rule_name(r.rule));
		assert_int_equal(r.is_safety_rule, 1);
		assert_true(r.confidence >= intent_urgent_threshold);
	}
}

/* A relative's crisis happening now stays urgent, whether the rules force it or the score
 * weighs it (someone else's wish to die is no longer forced beside a calm frame: fifteenth
 * session), and a crisis tonight after an attempt years ago. (A goodbye to the group and "on
 * the roof now" after a complaint, from tuning set 10, are still missed: the cues that caught
 * them were taken out with the anniversary rule, which made "i tried 2 years ago today im
 * going to die" calm - the session's second review.) */
static void relatives_crises_now_stay_urgent(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"mon fils dit qu'il va se tuer ce soir",
		"my daughter just told me she took all her pills",
		"ma fille vient de me dire qu'elle a avalé toute la boîte de Doliprane",
		"my son says he's going to kill himself tonight, he has a rope",
		"my husband is on the roof threatening to jump right now",
		"Two years ago I tried. Tonight I have the pills lined up.",
		"i tried 2 years ago today im going to die",
		"my dad killed himself 5 years ago today i have his gun loaded",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (classify(texts[i]).intent != ENT_INTENT_URGENT)
			fail_msg("not urgent: %s", texts[i]);
}

/* Every text urgent / none urgent (the probes of a class of phrasing, both ways). */
static void expect_urgent(const char *const *texts, size_t n, int urgent)
{
	for (size_t i = 0; i < n; i++)
		if ((classify(texts[i]).intent == ENT_INTENT_URGENT) != urgent)
			fail_msg("%s: %s", urgent ? "not urgent" : "urgent", texts[i]);
}
#define EXPECT_URGENT(a) expect_urgent(a, sizeof a / sizeof a[0], 1)
#define EXPECT_CALM(a) expect_urgent(a, sizeof a / sizeof a[0], 0)

/* Text-message spelling the session's review found missed: "kms" / "kys" (kill myself /
 * yourself) right after a future or a wish; distances in "kms" stay calm. */
static void text_message_crises_are_urgent(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"read ur post thx. imma kms tonight fr",
		"honestly gonna kms",
		"tryna kms tonight",
		"i want to kms",
	};
	EXPECT_URGENT(texts);
	static const char *const calm[] = {
		"J'habite à 12 kms de l'hôpital, y a-t-il une navette ?",
		"I walked 5 kms today after my surgery, thanks physio team!",
		"I will run 10 kms tomorrow after chemo",
		"going 20 kms to the clinic",
		"we are about 5 kms from the hospital",
	};
	EXPECT_CALM(calm);
}

/* The writer's own wish after "who" / "qui" ("I'm a mum who wants to die": the session's review)
 * is the writer's, and "wants" / "veut" read as a wish; hair dye, "die on this hill" and someone
 * else met on the way ("I know someone who...") are not the writer's crisis. */
static void own_wish_after_who_is_urgent(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"I'm a mum who wants to die",
		"je suis une maman qui veut mourir",
		"i'm a student who wants to die, i have no one",
		"I am a nurse who wants to die tonight",
		"she wants to die, she's locked herself in the bathroom",
	};
	EXPECT_URGENT(texts);
	static const char *const calm[] = {
		"I'm a mum who wants to know the visiting hours",
		"je suis une maman qui veut prendre rendez-vous pour ma fille",
		"my son wants to dye his hair blue, is it ok with eczema?",
		"I know someone who wants to die his hair green for charity",
		"who wants to die on that hill? not me. what time is the pharmacy open?",
	};
	EXPECT_CALM(calm);
}

/* A crisis now after an attempt told in the past, every medicine taken, a crisis at the end of
 * a complaint (the session's review, tuning set 11) - and their look-alikes: a resolved attempt,
 * starting again at living, a first-aid course or IVF tried again, a regimen taken as usual. */
static void crisis_after_past_attempt_is_urgent(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"il y a 2 ans j'ai fait une TS, ce soir je recommence",
		"g fait une ts l'an dernier, ce soir je recommence",
		"last year i attempted, tonight i finish it",
		"après ma tentative de suicide en mai, je vais recommencer ce soir",
		"attempted last spring, doing it again tonight",
		"Failed attempt in the summer. Tonight I'm finishing what I started.",
		"ma TS l'an dernier a raté, ce soir je vais finir ce que j'ai commencé.",
		"Tentative ratée en août. Cette nuit je finis ce que j'ai commencé.",
		"Tentative l'an dernier. Cette fois je vais terminer ce que j'ai commencé.",
		"after my attempt last spring everyone thinks im fine. im not. im finishing what i started.",
		("i attempted suicide in 2019, got help, was ok for years. relapsed badly this month and i have a "
		 "plan for tonight"),
		"i attempted suicide in 2019, got help, was ok for years. relapsed badly and i have a plan for tonight",
		"j'ai tenté de me suicider il y a 1 an. aujourd'hui je recommence, j'ai la lame dans la main",
		"in 2019 i overdosed. this time i'll do it properly",
		"took all my meds",
		"mrc pour tt. g pri tt mes médocs",
		"this is the last time now, im taking every pill i have",
		"Je me plains depuis des semaines. Ce soir je passe à l'acte.",
		"I've complained three times about the wait and nobody listens. I'm doing it tonight.",
	};
	EXPECT_URGENT(texts);
	static const char *const calm[] = {
		"il y a 2 ans j'ai fait une TS, aujourd'hui je recommence à vivre",
		"last year i attempted. today i started again at university",
		"Today is the anniversary of my attempt. I'm proud to be alive.",
		"we attempted CPR last year in the first aid course, can we do it again this year?",
		"our first IVF attempt failed, we want to try again in June, who do we call?",
		"My first attempt at the cake failed lol. Tonight I'm finishing what I started.",
		"Ma première tentative de gâteau a raté, ce soir je vais finir ce que j'ai commencé.",
		/* the bare noun of another attempt: a thesis, a marathon, the bac, the driving test, a
		 * renovation (the twentieth session's review) */
		"My thesis attempt got rejected by the committee in June. This year I'm finishing what I started.",
		"Marathon attempt #1: DNF at km 30. Next April I'm finishing what I started.",
		"Ma première tentative au bac a raté. Cette année je vais finir ce que j'ai commencé.",
		"Tentative ratée pour le permis en juin. En septembre je finis ce que j'ai commencé.",
		"Our renovation attempt in spring was a disaster, this summer I'm finishing what I started. "
		"Any tips for dust allergy?",
		"I attempted the recipe last week and it flopped. I have a plan for tonight.",
		"J'ai tenté de me suicider il y a 5 ans. Aujourd'hui je recommence à vivre, je reprends mes "
		"médicaments et le sport.",
		"I attempted to book online three times, nobody answered. I'll do it again tonight.",
		"après 3 tentatives d'appel sans réponse, je recommence ce soir",
		"je passe à l'acte : j'arrête de fumer lundi, avez-vous un tabacologue ?",
		"I've decided that the day I die my organs go to donation, where do I register?",
		"I took all my meds this morning as prescribed, can I get a refill?",
		"il est passé à l'acte il y a 3 ans, je voudrais le compte rendu de son hospitalisation",
		"We're doing it tonight, the birthday party for my mum at the ward, can we bring a cake?",
	};
	EXPECT_CALM(calm);
}

static void safety_rules_skip_negation_and_past(void **state)
{
	static const char *const calm[] = {
		"pas de douleur thoracique, juste une question sur le parking",
		"no chest pain, I just want to move my appointment",
		"je voudrais le compte rendu de mon AVC il y a 3 ans",
		"could I have a copy of the report from my stroke last year",
		"merci d'avoir sauvé mon père lors de son infarctus l'an dernier",
		"la file d'attente ne bouge pas, c'est scandaleux",
		"I can't move my appointment online",
		"le secrétariat ne répond pas au téléphone",
		"merci au SAMU qui est intervenu pour mon père qui ne respirait plus la semaine dernière",
		"my husband snores and seems to stop breathing at night, is it sleep apnoea?",
		/* issue 12: negated, recovered, thanks, fiction, job, hypothetical, small counts */
		"je n'ai aucune idée suicidaire, je voudrais un rendez-vous avec le psychologue",
		"I am not suicidal, I just need an appointment",
		"J'ai fait une tentative de suicide en 2019, je vais mieux aujourd'hui",
		"the series I'm watching has a character who overdoses",
		"I'm a paramedic and would like to volunteer at your stroke awareness day",
		"my wife was treated for anaphylaxis last year, can we get a letter?",
		"est-ce que je peux prendre 2 doliprane en même temps ?",
		"je prends 3 comprimés par jour, je voudrais le renouvellement",
		"can I drink a glass of wine with my paracetamol?",
		"je me bats contre le cancer depuis deux ans",
		"I hit my head on the cupboard door, is a bump normal?",
		"thank you to the team who looked after my son when he couldn't breathe last month",
		"on m'a facturé l'ambulance alors que mon fils avait fait une crise de convulsions",
		"if my son has another allergic reaction, should we use a second epipen?",
		"le médecin des urgences a été désagréable quand j'y suis allée pour une intoxication",
		"il y a deux semaines mon fils de 8 ans avait 39 de fièvre, je voudrais un certificat",
	};
	for (size_t i = 0; i < sizeof calm / sizeof calm[0]; i++) {
		struct ent_intent_result r = classify(calm[i]);
		if (r.is_safety_rule)
			fail_msg("calm case %zu fired rule %s", i, ent_intent_rule_name(r.rule));
	}
	/* ... unless the message says it is happening now: urgent wins. */
	assert_int_equal(classify("mon AVC il y a 3 ans, et là maintenant la bouche de travers").intent,
	                 ENT_INTENT_URGENT);
}

static void consultation_requests_are_recognised(void **state)
{
	static const char *const asks[] = {
		"Bonjour, est-ce que je peux arrêter mon traitement ? J'ai des vertiges.",
		"is it normal that my scar is still red after two weeks?",
		"combien de doliprane je peux donner à mon fils de 4 ans ?",
		"can I take ibuprofen with my blood thinner?",
	};
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
		struct ent_intent_result r = classify(asks[i]);
		if (r.intent != ENT_INTENT_CONSULTATION)
			fail_msg("consultation case %zu: %s", i, ent_intent_name(r.intent));
	}
}

static void other_intents_are_recognised(void **state)
{
	assert_int_equal(classify("Je voudrais prendre rendez-vous en dermatologie la semaine prochaine").intent,
	                 ENT_INTENT_APPOINTMENT);
	assert_int_equal(classify("Could you send me a copy of my prescription please?").intent,
	                 ENT_INTENT_DOCUMENT_REQUEST);
	assert_int_equal(classify("J'ai attendu 5 heures aux urgences, c'est inadmissible").intent,
	                 ENT_INTENT_COMPLAINT);
	assert_int_equal(classify("Un grand merci à toute l'équipe de la maternité !").intent, ENT_INTENT_PRAISE);
	assert_int_equal(classify("What are the visiting hours on the children's ward?").intent, ENT_INTENT_INFO);
	assert_int_equal(classify("Gagnez un iPhone en cliquant sur ce lien").intent, ENT_INTENT_OTHER);
}

static void hostile_input_is_refused_or_handled(void **state)
{
	struct ent_intent_result r;
	static const char bad[][4] = {"\xff", "\xc3", "\xed\xa0\x80", "\xe2\x82"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(ent_intent_classify(bad[i], strlen(bad[i]), NULL, &r), ENT_EUTF8);
	assert_int_equal(ent_intent_classify("ok \xc0\xaf", 5, NULL, &r), ENT_EUTF8); /* overlong */
	assert_int_equal(ent_intent_classify(NULL, 3, NULL, &r), ENT_EINVAL);
	assert_int_equal(ent_intent_classify("x", 1, NULL, NULL), ENT_EINVAL);
	assert_int_equal(ent_intent_classify(NULL, 0, NULL, &r), ENT_OK);
	assert_int_equal(r.intent, ENT_INTENT_OTHER);
	assert_int_equal(ent_intent_classify("  ...  ", 7, "fr", &r), ENT_OK);
	assert_int_equal(r.intent, ENT_INTENT_OTHER);
	assert_int_equal(ent_intent_classify("a\0b", 3, "en-GB", &r), ENT_OK); /* NUL is a separator */
}

static void very_long_text_is_read_to_the_end(void **state)
{
	const char *tail = " et là je veux mourir";
	size_t n = 3u << 20, tl = strlen(tail);
	char *s = malloc(n + tl);
	struct ent_intent_result r;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = "bonjour merci "[i % 14];
	memcpy(s + n, tail, tl);
	assert_int_equal(ent_intent_classify(s, n + tl, NULL, &r), ENT_OK);
	assert_int_equal(r.intent, ENT_INTENT_URGENT);
	assert_int_equal(r.rule, ENT_INTENT_RULE_SUICIDE);
	memset(s, 'z', n + tl); /* one endless "word" */
	assert_int_equal(ent_intent_classify(s, n + tl, NULL, &r), ENT_OK);
	free(s);
}

static void *classify_many(void *arg)
{
	(void)arg;
	for (int i = 0; i < 200; i++) {
		struct ent_intent_result r;
		if (ent_intent_classify("mon fils ne respire plus", 24, NULL, &r) != ENT_OK ||
		    r.intent != ENT_INTENT_URGENT)
			return (void *)1;
		if (ent_intent_classify("copie de mon ordonnance svp", 27, NULL, &r) != ENT_OK ||
		    r.intent != ENT_INTENT_DOCUMENT_REQUEST)
			return (void *)1;
	}
	return NULL;
}

static void threads_get_the_same_answers(void **state)
{
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, classify_many, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *ret;
		assert_int_equal(pthread_join(th[i], &ret), 0);
		assert_null(ret);
	}
}

static void names_round_trip(void **state)
{
	for (int i = 0; i < ENT_INTENT__COUNT; i++) {
		enum ent_intent back;
		assert_int_equal(ent_intent_from_name(ent_intent_name((enum ent_intent)i), &back), ENT_OK);
		assert_int_equal(back, i);
	}
	enum ent_intent x;
	assert_int_equal(ent_intent_from_name("emergency", &x), ENT_EINVAL);
	assert_string_equal(ent_intent_name(ENT_INTENT__COUNT), "unknown");
	assert_string_equal(ent_intent_rule_name(ENT_INTENT_RULE_SUICIDE), "suicide");
	assert_string_equal(ent_intent_rule_name(ENT_INTENT_RULE__COUNT), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalisation_folds_case_accents_and_punctuation),
		cmocka_unit_test(long_runs_of_letters_are_split),
		cmocka_unit_test(features_ignore_accents_and_case),
		cmocka_unit_test(stemming_joins_inflections),
		cmocka_unit_test(language_is_detected_by_function_words),
		cmocka_unit_test(safety_rules_fire_in_french_and_english),
		cmocka_unit_test(safety_rules_skip_negation_and_past),
		cmocka_unit_test(relatives_crises_now_stay_urgent),
		cmocka_unit_test(text_message_crises_are_urgent),
		cmocka_unit_test(own_wish_after_who_is_urgent),
		cmocka_unit_test(crisis_after_past_attempt_is_urgent),
		cmocka_unit_test(consultation_requests_are_recognised),
		cmocka_unit_test(other_intents_are_recognised),
		cmocka_unit_test(hostile_input_is_refused_or_handled),
		cmocka_unit_test(very_long_text_is_read_to_the_end),
		cmocka_unit_test(threads_get_the_same_answers),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
