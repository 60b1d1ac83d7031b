/*
 * test_priv_s23.c - the text engine's rules for names written where no capital or title says
 * so (twenty-third session, T19; priv_name_nick.c, priv_name_kin.c, docs/privacy.md): the one
 * a text addresses, greetings and thanks, nicknames cut from a given name, signers, word-names
 * after a relative, names beside a relative, a size word or a trade. Each rule with positives
 * and hard negatives of its shape, through the public API. Kept apart from the other sessions'
 * test files so that they merge.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "entraide/privacy.h"

#define FR ENT_PRIV_FR
#define EN ENT_PRIV_EN

#include "priv_span_check.h"

/* The one a text (or a sentence) opens by addressing: a given name, one cut from a given name
 * or, first in the text, a capitalised word-name, then a pause and the second person or
 * thanks; no pause and a question or a fond word. */
static void vocative(void **state)
{
	(void)state;
	found("kev, t'as vu le message de la pneumo ?", FR, "kev", ENT_PRIV_NAME);
	found("Soph ! merci pour le tuto du capteur", FR, "Soph", ENT_PRIV_NAME);
	found("May, I'm so sorry about your dad.", EN, "May", ENT_PRIV_NAME);
	found("Hope \xe2\x80\x93 thinking of you today", EN, "Hope", ENT_PRIV_NAME);
	found("Olive!! congrats on a whole year seizure-free", EN, "Olive", ENT_PRIV_NAME);
	found("Rob mate, any news from the cardiologist?", EN, "Rob", ENT_PRIV_NAME);
	found("ellie did u get the letter from the clinic?", EN, "ellie", ENT_PRIV_NAME);
	found("June how did the colonoscopy go?", EN, "June", ENT_PRIV_NAME);
	found("KEV T'ES O\xc3\x99 ?? LES R\xc3\x89SULTATS SONT ARRIV\xc3\x89S", FR, "KEV", ENT_PRIV_NAME);
	found("Sorry to hear that.\nKev, did you ever get the referral?", EN, "Kev", ENT_PRIV_NAME);
	found("Ok Kev, you win", EN, "Kev", ENT_PRIV_NAME);
	found("paris ma grande ton scanner est clean !!!", FR, "paris", ENT_PRIV_NAME);
	found("florence my love ur bloods came back fine!!", EN, "florence", ENT_PRIV_NAME);
	found("bill mate thanks for the lift x", EN, "bill", ENT_PRIV_NAME);
	found("lolo t ou ?? jsuis devant l'entr\xc3\xa9" "e", FR, "lolo", ENT_PRIV_NAME);
	found("baptiste si tu lis \xc3\xa7" "a rappelle moi", FR, "baptiste", ENT_PRIV_NAME);
	found("will will u come with me to chemo?", EN, "will", ENT_PRIV_NAME);
	found("GRACE U ABSOLUTE LEGEND u drove me to the clinic", EN, "GRACE", ENT_PRIV_NAME);
	found("Sab, le bilan de Mme Fontaine est arriv\xc3\xa9", FR, "Sab", ENT_PRIV_NAME);
	found("margot (27 ans) ici, sep diag en 2021", FR, "margot", ENT_PRIV_NAME);
	no_span("Olive noire ou verte, c'est pareil pour toi ?", FR, "Olive", ENT_PRIV_NAME);
	no_span("Hope everyone's doing ok", EN, "Hope", ENT_PRIV_NAME);
	no_span("Hope you're well", EN, "Hope", ENT_PRIV_NAME);
	no_span("Will you still be able to drive?", EN, "Will", ENT_PRIV_NAME);
	no_span("May I ask how long people waited?", EN, "May", ENT_PRIV_NAME);
	no_span("Mark the day you start the new inhaler", EN, "Mark", ENT_PRIV_NAME);
	no_span("will u come with me?", EN, "will", ENT_PRIV_NAME);
	no_span("hope u r ok", EN, "hope", ENT_PRIV_NAME);
	no_span("mark ur calendar for the 5th", EN, "mark", ENT_PRIV_NAME);
	no_span("paris tu connais ?", FR, "paris", ENT_PRIV_NAME);
	no_span("Sinon, tu as essay\xc3\xa9 la m\xc3\xa9latonine ?", FR, "Sinon", ENT_PRIV_NAME);
	no_span("ben, tu sais quoi ?", FR, "ben", ENT_PRIV_NAME);
	no_span("lol, you're so right", EN, "lol", ENT_PRIV_NAME);
	no_span("Anyway, you should ask the GP", EN, "Anyway", ENT_PRIV_NAME);
}

/* A greeting, thanks or an interjection, then a given name (a word or a town only before a
 * pause, a kiss or the second person). */
static void greeted(void **state)
{
	(void)state;
	found("slt margot tu peux m'envoyer le num de ta kin\xc3\xa9 ?", FR, "margot", ENT_PRIV_NAME);
	found("cheers gaz, the tip about the tens machine worked", EN, "gaz", ENT_PRIV_NAME);
	found("lol cheers robbo x see u thurs", EN, "robbo", ENT_PRIV_NAME);
	found("thanks mark x", EN, "mark", ENT_PRIV_NAME);
	found("omg becca that's amazing", EN, "becca", ENT_PRIV_NAME);
	no_span("thanks everyone!", EN, "everyone", ENT_PRIV_NAME);
	no_span("thanks mate", EN, "mate", ENT_PRIV_NAME);
	no_span("merci beaucoup", FR, "beaucoup", ENT_PRIV_NAME);
	no_span("slt les filles", FR, "les", ENT_PRIV_NAME);
	no_span("ty for the advice", EN, "for", ENT_PRIV_NAME);
}

/* A capitalised nickname cut from a given name (or a short given name) as a verb's subject
 * where a sentence or an interjection opens. */
static void nick_subject(void **state)
{
	(void)state;
	found("Kev says the physio is running late again", EN, "Kev", ENT_PRIV_NAME);
	found("omg Soph just messaged, they're keeping her in", EN, "Soph", ENT_PRIV_NAME);
	found("lol Jo fainted at the sight of the needle again", EN, "Jo", ENT_PRIV_NAME);
	found("trop contente, Yas a eu ses r\xc3\xa9sultats", FR, "Yas", ENT_PRIV_NAME);
	found("ngl Yas has been amazing since my diagnosis", EN, "Yas", ENT_PRIV_NAME);
	no_span("Derm says it's eczema", EN, "Derm", ENT_PRIV_NAME);
	no_span("Rheum says to wait", EN, "Rheum", ENT_PRIV_NAME);
	no_span("Bloods came back normal", EN, "Bloods", ENT_PRIV_NAME);
}

/* Signers: lowercase after a sign-off, the first word of the last line before a role, an
 * initial and its stop after a dash or a sign-off, a given name and a surname after a
 * sentence's end; no signer where the last line answers the one before. */
static void signers(void **state)
{
	(void)state;
	found("the tip about the iron really helped.\ncheers, will", EN, "will", ENT_PRIV_NAME);
	found("Merci pour vos conseils.\nbises \xc3\xa0 toutes\nghislaine, aidante de son mari", FR, "ghislaine",
	      ENT_PRIV_NAME);
	found("Can you review bed 12? New AF on the monitor.\n-- K.", EN, "K.", ENT_PRIV_NAME);
	found("See you then.\n\xe2\x80\x94 T.", EN, "T.", ENT_PRIV_NAME);
	found("Re: Mr Castillo. Thx R.", EN, "R.", ENT_PRIV_NAME);
	found("Merci d'avance. Colombe Ferrand", FR, "Colombe Ferrand", ENT_PRIV_NAME);
	no_span("ce qui a fini par marcher c'est :\nRelpax", FR, "Relpax", ENT_PRIV_NAME);
	no_span("the only thing that touched it in the end:\nPregabalin", EN, "Pregabalin", ENT_PRIV_NAME);
	no_span("my sister, my nurse, and one word.\nHope", EN, "Hope", ENT_PRIV_NAME);
	no_span("See you.\nPlan B.", EN, "Plan", ENT_PRIV_NAME);
	no_span("Thanks in advance. Call Fiona.", EN, "Call", ENT_PRIV_NAME);
	no_span("All the best. Kind Regards", EN, "Kind", ENT_PRIV_NAME);
	no_span("I have type B.", EN, "B.", ENT_PRIV_NAME);
}

/* A given name that is also a word after a possessive and a relative, compound or not, before
 * a person's verb; not after a preposition, not the verb itself. */
static void kin_word(void **state)
{
	(void)state;
	found("ma petite-fille mai est n\xc3\xa9" "e pr\xc3\xa9matur\xc3\xa9" "e", FR, "mai", ENT_PRIV_NAME);
	found("ma belle-m\xc3\xa8re marguerite refuse ses anticoagulants", FR, "marguerite", ENT_PRIV_NAME);
	found("my step-mum june is refusing to go to hospital", EN, "june", ENT_PRIV_NAME);
	found("mon fils pierre commence la chimio lundi", FR, "pierre", ENT_PRIV_NAME);
	found("mon p\xc3\xa8re ange est en soins palliatifs", FR, "ange", ENT_PRIV_NAME);
	found("my son will has been on melatonin for a year", EN, "will", ENT_PRIV_NAME);
	found("my mum may is 82 and just had a fall", EN, "may", ENT_PRIV_NAME);
	found("my bf ty is 22 and just got told", EN, "ty", ENT_PRIV_NAME);
	found("ma cousine lourdes (oui comme la ville) a enfin \xc3\xa9t\xc3\xa9 diag", FR, "lourdes", ENT_PRIV_NAME);
	found("ma soeur rose refait une pouss\xc3\xa9" "e", FR, "rose", ENT_PRIV_NAME);
	found("so my son jack (11) broke his arm", EN, "jack", ENT_PRIV_NAME);
	no_span("my daughter too (9 years old) has it", EN, "too", ENT_PRIV_NAME);
	no_span("will, you need to rest after the op", EN, "will", ENT_PRIV_NAME);
	no_span("pour ma petite-fille mai a \xc3\xa9t\xc3\xa9 terrible", FR, "mai", ENT_PRIV_NAME);
	no_span("my son will need grommets", EN, "will", ENT_PRIV_NAME);
	no_span("my mum may have to go into respite", EN, "may", ENT_PRIV_NAME);
	no_span("my dad may has dementia, how do I get him assessed?", EN, "may", ENT_PRIV_NAME);
	no_span("ma fille blanche comme un linge", FR, "blanche", ENT_PRIV_NAME);
	no_span("mon fils juste apr\xc3\xa8s l'anesth\xc3\xa9sie", FR, "juste", ENT_PRIV_NAME);
	no_span("ma soeur rose refait une pouss\xc3\xa9" "e, la vie en rose", FR, "en rose", ENT_PRIV_NAME);
}

/* A name beside a relative, after a size word, before a trade, in a list beside a name found,
 * before "here", thanked, of a team, owned and aged. */
static void beside(void **state)
{
	(void)state;
	found("jsp si c normal mais lea ma fille de 2 ans a des plaques", FR, "lea", ENT_PRIV_NAME);
	found("lea my daughter has eczema", EN, "lea", ENT_PRIV_NAME);
	found("shoutout to big sal the porter", EN, "sal", ENT_PRIV_NAME);
	found("le grand Mo est pass\xc3\xa9", FR, "Mo", ENT_PRIV_NAME);
	found("vous connaissez tonio le diabeto ?", FR, "tonio", ENT_PRIV_NAME);
	found("ty marisol n dev on nights, u kept me sane", EN, "dev", ENT_PRIV_NAME);
	found("gm all, tash here, day 3 post op", EN, "tash", ENT_PRIV_NAME);
	found("GRAND MERCI \xc3\x80 MARIE-CLAUDE DE L'ACCUEIL", FR, "MARIE-CLAUDE", ENT_PRIV_NAME);
	found("Mark de l'\xc3\xa9quipe mobile douleur passe \xc3\xa0 14h", FR, "Mark", ENT_PRIV_NAME);
	found("Our Bobby turned 7 today", EN, "Bobby", ENT_PRIV_NAME);
	no_span("au resto ma femme a le visage qui gonfle", FR, "resto", ENT_PRIV_NAME);
	no_span("\xc3\xa0 paris ma fille a \xc3\xa9t\xc3\xa9 soign\xc3\xa9" "e", FR, "paris", ENT_PRIV_NAME);
	no_span("big day today, scan at 3", EN, "day", ENT_PRIV_NAME);
	no_span("un grand merci \xc3\xa0 tous", FR, "merci", ENT_PRIV_NAME);
	no_span("his school said the nurse needs a care plan", EN, "said", ENT_PRIV_NAME);
	no_span("running late, tell the nurse pls", EN, "tell", ENT_PRIV_NAME);
	no_span("ok here, just tired", EN, "here", ENT_PRIV_NAME);
	no_span("anyone here tried mounjaro?", EN, "anyone", ENT_PRIV_NAME);
	no_span("our NHS is 75 today", EN, "NHS", ENT_PRIV_NAME);
}

/* The writer's companion, a cut nickname after a verb that takes a person, a word-name opening
 * the text before news only a person has, a signer after a sign-off clause, and the hand
 * list's hospitals. */
static void companions_news(void **state)
{
	(void)state;
	found("me n gemma went to a&e last night", EN, "gemma", ENT_PRIV_NAME);
	found("mimi et moi on y va demain", FR, "mimi", ENT_PRIV_NAME);
	found("rose is home!!! finally", EN, "rose", ENT_PRIV_NAME);
	found("HOPE IS HOME!!! 11 WEEKS IN NICU", EN, "HOPE", ENT_PRIV_NAME);
	found("will is out of surgery, thank u all", EN, "will", ENT_PRIV_NAME);
	found("paris is doing much better today", EN, "paris", ENT_PRIV_NAME);
	found("florence va mieux merci", FR, "florence", ENT_PRIV_NAME);
	found("lourdes sort de l'h\xc3\xb4pital demain", FR, "lourdes", ENT_PRIV_NAME);
	found("Merci pour tout.\nbisous \xc3\xa0 toutes, nath", FR, "nath", ENT_PRIV_NAME);
	found("Bisous \xc3\xa0 toute l'\xc3\xa9quipe du 3e de Cochin !", FR, "Cochin", ENT_PRIV_LOCATION);
	found("Six hours at Barts and the surgeon says it went well", EN, "Barts", ENT_PRIV_LOCATION);
	no_span("rose is a flower i love", EN, "rose", ENT_PRIV_NAME);
	no_span("hope is home grown, they say", EN, "hope", ENT_PRIV_NAME);
	no_span("hope is in short supply", EN, "hope", ENT_PRIV_NAME);
	no_span("paris is beautiful in spring", EN, "paris", ENT_PRIV_NAME);
	no_span("pierre sort de terre", FR, "pierre", ENT_PRIV_NAME);
	no_span("chemo and me are not friends", EN, "chemo", ENT_PRIV_NAME);
	no_span("toi et moi on sait", FR, "toi", ENT_PRIV_NAME);
	no_span("bisous \xc3\xa0 toutes, bonne soir\xc3\xa9" "e", FR, "bonne", ENT_PRIV_NAME);
}

/* The writer's name before their age, a carer's name after the trade, an apology before the
 * one written to. */
static void intro_trade(void **state)
{
	(void)state;
	found("hey i'm jade, 20, from cardiff", EN, "jade", ENT_PRIV_NAME);
	found("hi all, i'm mo, 23, just been diagnosed", EN, "mo", ENT_PRIV_NAME);
	found("thank u to everyone esp nurse bev", EN, "bev", ENT_PRIV_NAME);
	found("my CMHT nurse is rhys. anyone here", EN, "rhys", ENT_PRIV_NAME);
	found("les infirmieres clemence et ophelie etaient top", FR, "clemence", ENT_PRIV_NAME);
	found("dsl manu jpeux pas ce soir", FR, "manu", ENT_PRIV_NAME);
	found("sorry kev, cant make it", EN, "kev", ENT_PRIV_NAME);
	found("mdr JOJO t'es trop forte", FR, "JOJO", ENT_PRIV_NAME);
	no_span("can someone tell me if the nurse line is still running?", EN, "line", ENT_PRIV_NAME);
	no_span("Big up the nurses dem at UHWI", EN, "dem", ENT_PRIV_NAME);
	no_span("my physio said to rest", EN, "said", ENT_PRIV_NAME);
	no_span("l'infirmi\xc3\xa8re cl\xc3\xa9mence de nuit", FR, "mence", ENT_PRIV_NAME);
	no_span("i'm done, 20 days of this", EN, "done", ENT_PRIV_NAME);
	no_span("i'm home, 2 weeks post op", EN, "home", ENT_PRIV_NAME);
	no_span("sorry guys, cant make it", EN, "guys", ENT_PRIV_NAME);
	found("shoutout to olive the hca on nights at barts", EN, "olive", ENT_PRIV_NAME);
	found("demandez Olive, elle est g\xc3\xa9niale avec les nourrissons", FR, "Olive", ENT_PRIV_NAME);
	no_span("olive the oil we use", EN, "olive", ENT_PRIV_NAME);
	no_span("demandez Olive noire, elle est meilleure", FR, "Olive", ENT_PRIV_NAME);
}

/* R19's traps of the twenty-third session (tests/privacy/probes/r19-s23.jsonl), one a rule
 * narrowed, each beside the name its rule still finds. */
static void r19_traps(void **state)
{
	(void)state;
	/* before_trade: a word of the language only opening a clause, never an auxiliary */
	no_span("will the nurse call me back today?", EN, "will", ENT_PRIV_NAME);
	no_span("can i sue the doc for this?", EN, "sue", ENT_PRIV_NAME);
	no_span("gotta chase the nurse for my results again", EN, "chase", ENT_PRIV_NAME);
	no_span("my son drew the nurse a picture", EN, "drew", ENT_PRIV_NAME);
	found("vous connaissez tonio le diabeto ?", FR, "tonio", ENT_PRIV_NAME);
	/* vocative_open: pills asked about, a noun before a generic "you", a list of words, a
	 * month asked about, a town before a fond word and a noun */
	no_span("jasmine tu connais ? ma gyneco veut me la prescrire", FR, "jasmine", ENT_PRIV_NAME);
	no_span("yaz tu l'as prise longtemps ?", FR, "yaz", ENT_PRIV_NAME);
	no_span("faith, u gotta have it with this illness", EN, "faith", ENT_PRIV_NAME);
	no_span("joy, u get so little of it with chronic pain", EN, "joy", ENT_PRIV_NAME);
	no_span("pierre, feuille, ciseaux, tu connais la version hopital ? lol", FR, "pierre", ENT_PRIV_NAME);
	no_span("june how did it go last yr? my scan is then again", EN, "june", ENT_PRIV_NAME);
	no_span("paris ma grande ville de gal\xc3\xa8re, tu connais un bon rhumato ?", FR, "paris", ENT_PRIV_NAME);
	found("joy, u r a star. the joy on his face", EN, "joy", ENT_PRIV_NAME);
	found("rose, je pense fort a toi pour demain", FR, "rose", ENT_PRIV_NAME);
	found("joy, u get well soon x", EN, "joy", ENT_PRIV_NAME);
	found("zo\xc3\xa9 tu connais ?", FR, "zo\xc3\xa9", ENT_PRIV_NAME);
	/* home_news: "back in a" and "doing so much" are no news of a person */
	no_span("hope is back in a big way since the new meds", EN, "hope", ENT_PRIV_NAME);
	no_span("hope is doing so much for me, the charity i mean", EN, "hope", ENT_PRIV_NAME);
	found("hope is doing so much better today", EN, "hope", ENT_PRIV_NAME);
	/* pn_repeat: a lowercase vocative's word is not the person elsewhere in lowercase */
	no_span("rose, tu vas mieux ? moi j'ai ressorti mon pull rose pour l'hopital", FR, "pull rose", ENT_PRIV_NAME);
	no_span("grace u ok? we said grace for u at church", EN, "said grace", ENT_PRIV_NAME);
	/* kin_word: a bill that comes to a sum */
	no_span("my dad bill came to 300 quid for the private scan", EN, "bill", ENT_PRIV_NAME);
	no_span("my dad bill came through, the hospital one", EN, "bill", ENT_PRIV_NAME);
	/* sized: a title, a measure */
	no_span("j'ai cherch\xc3\xa9" " dans le petit robert, \xc3\xa7" "a existe pas", FR, "robert", ENT_PRIV_NAME);
	no_span("le grand rex a fait une seance pour les enfants malades", FR, "rex", ENT_PRIV_NAME);
	no_span("le grand max de ce que je peux supporter c'est 2 h", FR, "max", ENT_PRIV_NAME);
	found("le grand momo du service est trop drole", FR, "momo", ENT_PRIV_NAME);
	/* with_me: a pet */
	no_span("me n bella went to the vet, she's 12 now, my lab", EN, "bella", ENT_PRIV_NAME);
	no_span("me n daisy (my dog) r inseparable since the op", EN, "daisy", ENT_PRIV_NAME);
	found("me n gemma went to the clinic together", EN, "gemma", ENT_PRIV_NAME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vocative),   cmocka_unit_test(greeted), cmocka_unit_test(nick_subject),
		cmocka_unit_test(signers),    cmocka_unit_test(kin_word), cmocka_unit_test(beside),
		cmocka_unit_test(companions_news), cmocka_unit_test(intro_trade), cmocka_unit_test(r19_traps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
