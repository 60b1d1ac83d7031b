/*
 * test_priv_s22b.c - the text engine's rules drawn from tuning-12's misses (twenty-second
 * session, T19b; docs/privacy.md): each class with positives and hard negatives of its shape,
 * through the public API. Kept apart from test_priv_scan.c so that two sessions' tests merge.
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

/* An IBAN printed in groups of four, of its country's length, with a wrong key. */
static void iban_wrong_key(void **state)
{
	(void)state;
	found("voici mon IBAN : FR76 1027 8060 3100 0205 8831 472. Merci", FR, "FR76 1027 8060 3100 0205 8831 472",
	      ENT_PRIV_ID);
	found("bank details: GB47 LOYD 3094 1120 5583 06. Kind regards", EN, "GB47 LOYD 3094 1120 5583 06", ENT_PRIV_ID);
	found("compte belge BE71 0961 2345 6700 pour la cagnotte", FR, "BE71 0961 2345 6700", ENT_PRIV_ID);
	/* short of its country's length, a lot or a batch; an unknown country; lowercase groups */
	no_span("Lot FR12 3456 7890 sur la boîte, c'est normal ?", FR, "FR12", ENT_PRIV_ID);
	no_span("XX76 1027 8060 3100 0205 8831 472 is a test string", EN, "XX76", ENT_PRIV_ID);
	no_span("Dose: 2004 1010 0505 0001 units over the week", EN, "2004", ENT_PRIV_ID);
}

/* A written-out e-mail whose local part holds a surname's particle after "point" / "dot". */
static void email_particle(void **state)
{
	(void)state;
	found("répondez à yannick point le gall arobase laposte point net merci", FR,
	      "yannick point le gall arobase laposte point net", ENT_PRIV_CONTACT);
	found("écrivez-moi à marie point de la tour arobase gmail point com svp", FR,
	      "marie point de la tour arobase gmail point com", ENT_PRIV_CONTACT);
	found("reach me at sean dot mc donagh at gmail dot com please", EN, "sean dot mc donagh at gmail dot com",
	      ENT_PRIV_CONTACT);
	/* a particle with no "point" before it, or a sentence's "point de" */
	found("c'est le point de marc arobase gmail point com qu'il faut", FR, "marc arobase gmail point com",
	      ENT_PRIV_CONTACT);
	no_span("on fait le point le lundi avec marc, écrivez à marc arobase gmail point com", FR, "le lundi",
		ENT_PRIV_CONTACT);
}

/* An uppercase code word between a label, its copula and the digits. */
static void code_after_copula(void **state)
{
	(void)state;
	found("Our insurance member ID is XKH 448-219-007. How do we get a replacement?", EN, "XKH 448-219-007",
	      ENT_PRIV_ID);
	found("the MRN is KCH 00482913 on the wristband", EN, "KCH 00482913", ENT_PRIV_ID);
	/* a country before a year is no code word */
	no_span("my passport is UK 2019 issue, expires soon", EN, "UK", ENT_PRIV_ID);
}

/* A postal address's parts: a building's letter, the flat before its number, an unlisted town
 * before a UK postcode; a dose is no street number. */
static void address_parts(void **state)
{
	(void)state;
	found("Adresse : Résidence Les Pins, bât C, 31400 Toulouse.", FR, "Résidence Les Pins, bât C, 31400 Toulouse",
	      ENT_PRIV_LOCATION);
	found("Address: Flat 3, Pine Court, 14 Elm Road, Nottingham NG7 2RD.", EN,
	      "Flat 3, Pine Court, 14 Elm Road, Nottingham NG7 2RD", ENT_PRIV_LOCATION);
	found("Address: 5 Mimosa Close, Sale, M33 4PQ", EN, "5 Mimosa Close, Sale, M33 4PQ", ENT_PRIV_LOCATION);
	no_span("Bed 4: on apixaban 5mg bd. Bleep 3318 if worse", EN, "Bleep", ENT_PRIV_LOCATION);
	no_span("J'ai monté le bât C à pied, l'ascenseur était en panne", FR, "bât C", ENT_PRIV_LOCATION);
	no_span("My flat 2 minutes from the hospital is a godsend", EN, "flat 2", ENT_PRIV_LOCATION);
}

/* A line break ends an English hospital's name: "DOB: 19/08/1966\nHospital no: ..." */
static void hospital_line(void **state)
{
	(void)state;
	found("DOB: 19/08/1966\nHospital no: 0783321", EN, "19/08/1966", ENT_PRIV_DATE);
	found("She was moved to Leeds General Infirmary last night", EN, "Leeds General Infirmary", ENT_PRIV_LOCATION);
}

/* Bare ages of text messages and clinical notes. */
static void age_register(void **state)
{
	(void)state;
	found("im 19 n pregnant, 8 wks, cant tell my mum", EN, "19", ENT_PRIV_AGE);
	found("Handing over: M 57, ileal Crohn's, fistula.", EN, "57", ENT_PRIV_AGE);
	found("pigmented lesion on back, M 45, skin type II", EN, "45", ENT_PRIV_AGE);
	found("Amber's 4 and shakes like a leaf after 4 puffs.", EN, "4", ENT_PRIV_AGE);
	no_span("im 20 mins from the hospital, should I go in", EN, "20", ENT_PRIV_AGE);
	no_span("im 50/50 on starting the new meds", EN, "50", ENT_PRIV_AGE);
	no_span("stuck on the M 25, then the M 6 was closed too", EN, "25", ENT_PRIV_AGE);
	no_span("Ward: M 4, bay 2 has the side room", EN, "4", ENT_PRIV_AGE);
}

/* A saint's name with its possessive after a place word is a hospital; "Women's" as
 * "Children's"; "Addenbrooke's" with its "'s". */
static void saint_hospital(void **state)
{
	(void)state;
	found("Dad was admitted to St Thomas' on Sunday", EN, "St Thomas'", ENT_PRIV_LOCATION);
	found("mum's been in st james's since tues", EN, "st james's", ENT_PRIV_LOCATION);
	found("Marlowe was born at Liverpool Women's, 31 weeks", EN, "Liverpool Women's", ENT_PRIV_LOCATION);
	found("T1 diagnosis last week at addenbrooke's, help", EN, "addenbrooke's", ENT_PRIV_LOCATION);
	no_span("Happy St Patrick's Day from the ward!", EN, "Patrick", ENT_PRIV_LOCATION);
	no_span("I've been on St John's wort for my mood", EN, "John", ENT_PRIV_LOCATION);
	no_span("We had the memorial at St Andrew's Church last week", EN, "Andrew", ENT_PRIV_LOCATION);
}

/* A town that is a word, in lowercase, after a verb of living or being there and a preposition. */
static void dwell_town(void **state)
{
	(void)state;
	found("jsui a tours pr 3 tours de chimio", FR, "tours", ENT_PRIV_LOCATION);
	found("on habite à lourdes et le pédiatre est loin", FR, "lourdes", ENT_PRIV_LOCATION);
	found("im in hull, where do i go pls", EN, "hull", ENT_PRIV_LOCATION);
	no_span("je suis à bout, la chimio me tue", FR, "bout", ENT_PRIV_LOCATION);
	no_span("i live in hope that the new meds work", EN, "hope", ENT_PRIV_LOCATION);
	no_span("on fait à tours de rôle pour veiller papa", FR, "tours", ENT_PRIV_LOCATION);
	no_span("im in reading mode tonight", EN, "reading", ENT_PRIV_LOCATION);
}

/* A lowercase hospital's name after a lowercase head. */
static void lower_hospital(void **state)
{
	(void)state;
	found("un hébergement pas cher pres du chu bretonneau ?", FR, "chu bretonneau", ENT_PRIV_LOCATION);
	found("il est en reeduc a la clinique des lilas a villeurbanne", FR, "clinique des lilas", ENT_PRIV_LOCATION);
	no_span("la clinique des maladies du sein m'a rappelée", FR, "maladies", ENT_PRIV_LOCATION);
	no_span("on attend a la clinique des urgences pédiatriques", FR, "urgences", ENT_PRIV_LOCATION);
	no_span("le chu hier soir était bondé", FR, "hier", ENT_PRIV_LOCATION);
	no_span("l'ehpad des parents de mon mari est loin", FR, "parents", ENT_PRIV_LOCATION);
}

/* A département's number in brackets after a town is no age. */
static void dept_number(void **state)
{
	(void)state;
	no_span("Sage-femme libérale à Vienne (38), je cherche un gynéco", FR, "38", ENT_PRIV_AGE);
	no_span("on vit près de Dax (40) et le CHU est loin", FR, "40", ENT_PRIV_AGE);
	found("Mon fils Jack (7) a eu la varicelle", FR, "7", ENT_PRIV_AGE);
	found("Ma fille Lourdes (12) a des migraines", FR, "12", ENT_PRIV_AGE);
}

/* A town that is a word, joined by "or" / "and" to a town just taken. */
static void town_coord(void **state)
{
	(void)state;
	found("Looking for a carers group in Nice or Cannes for my mum", EN, "Cannes", ENT_PRIV_LOCATION);
	no_span("we were in Paris and Grace came to visit", EN, "Grace", ENT_PRIV_LOCATION);
	no_span("moved to Bristol and Will helped with the boxes", EN, "Will", ENT_PRIV_LOCATION);
	no_span("à Lille et Marie est venue m'aider", FR, "Marie", ENT_PRIV_LOCATION);
}

/* R19b's review of these rules (r19bs22): the false spans they made, and the cheap misses next
 * to them (T19d). */
static void review_lower_hospital(void **state)
{
	(void)state;
	found("hospitalisee au chu bretonneau", FR, "chu bretonneau", ENT_PRIV_LOCATION);
	no_span("au chu tjrs rien de neuf", FR, "tjrs", ENT_PRIV_LOCATION);
	no_span("au chu dmain pour le scanner", FR, "dmain", ENT_PRIV_LOCATION);
	no_span("a la clinique ducoup je rentre", FR, "ducoup", ENT_PRIV_LOCATION);
	no_span("au chu jusqua jeudi", FR, "jusqua", ENT_PRIV_LOCATION);
	no_span("à l'ehpad des fois il me parle", FR, "fois", ENT_PRIV_LOCATION);
	no_span("une clinique des années 80", FR, "années", ENT_PRIV_LOCATION);
	no_span("la clinique des migraines a rappelé", FR, "migraines", ENT_PRIV_LOCATION);
	found("elle est à la clinique des tilleuls", FR, "clinique des tilleuls", ENT_PRIV_LOCATION);
}

static void review_ages(void **state)
{
	(void)state;
	no_span("im 33 and a half weeks and so tired", EN, "33", ENT_PRIV_AGE);
	no_span("im 37 and 2 days, any tips", EN, "37", ENT_PRIV_AGE);
	no_span("im 24 & 6 days today", EN, "24", ENT_PRIV_AGE);
	no_span("im 40, 20 mg a day now", EN, "40", ENT_PRIV_AGE);
	no_span("cycle day 12 today, im 12 and cramping", EN, "12 and", ENT_PRIV_AGE);
	found("im 21 n pregnant, 7 wks", EN, "21", ENT_PRIV_AGE);
	found("Im 22 n scared", EN, "22", ENT_PRIV_AGE);
	found("IM 23 AND LOST", EN, "23", ENT_PRIV_AGE);
	no_span("In stock: M 10, L 12", EN, "10", ENT_PRIV_AGE);
	no_span("Catheters: F 12, F 14", EN, "14", ENT_PRIV_AGE);
	no_span("Rooms free: M 30, 31 and 32", EN, "30", ENT_PRIV_AGE);
	found("Bay 2: M 66, chest pain", EN, "66", ENT_PRIV_AGE);
	found("F 29, 1st pregnancy", EN, "29", ENT_PRIV_AGE);
	no_span("Ruby's 3 and a half hour sleep", EN, "3", ENT_PRIV_AGE);
	no_span("Oscar's 7 and 8 times tables", EN, "7", ENT_PRIV_AGE);
	found("Ruby's 5 and loves drawing", EN, "5", ENT_PRIV_AGE);
}

static void review_saint(void **state)
{
	(void)state;
	found("Mum was admitted to St Mary's last night", EN, "St Mary's", ENT_PRIV_LOCATION);
	found("my endo at St Vincent's finally listened", EN, "St Vincent's", ENT_PRIV_LOCATION);
	found("she's in st james's since monday", EN, "st james's", ENT_PRIV_LOCATION);
	no_span("We got married at St Luke's in May", EN, "St Luke's", ENT_PRIV_LOCATION);
	no_span("at St Andrew's for mass every Sunday", EN, "St Andrew's", ENT_PRIV_LOCATION);
	no_span("she goes to St Michael's Primary", EN, "St Michael's", ENT_PRIV_LOCATION);
	no_span("doing my St John's Ambulance course", EN, "St John's", ENT_PRIV_LOCATION);
	no_span("around St Valentine's I felt worse", EN, "St Valentine's", ENT_PRIV_LOCATION);
	no_span("near St Brendan's the traffic was awful", EN, "St Brendan's", ENT_PRIV_LOCATION);
	/* the town, without the apostrophe */
	found("from St Ives' harbour we walked", EN, "St Ives", ENT_PRIV_LOCATION);
}

static void review_misses(void **state)
{
	(void)state;
	/* no-break spaces between the groups (U+00A0) */
#define NB "\xc2\xa0"
	found("IBAN : FR76" NB "1027" NB "8060" NB "3100" NB "0205" NB "8831" NB "472", FR,
	      "FR76" NB "1027" NB "8060" NB "3100" NB "0205" NB "8831" NB "472", ENT_PRIV_ID);
#undef NB
	found("im in hull\nwhere is a walk in centre", EN, "hull", ENT_PRIV_LOCATION);
	found("mail rui point dos reis arobase free point fr", FR, "rui point dos reis arobase free point fr",
	      ENT_PRIV_CONTACT);
	found("email liam dot o brien at gmail dot com", EN, "liam dot o brien at gmail dot com", ENT_PRIV_CONTACT);
	found("Résidence les Lilas, Bât. B, 35000 Rennes", FR, "Résidence les Lilas, Bât. B, 35000 Rennes",
	      ENT_PRIV_LOCATION);
	found("8 rue des Roses, esc. A, 13008 Marseille", FR, "8 rue des Roses, esc. A, 13008 Marseille",
	      ENT_PRIV_LOCATION);
}

/* T19e: a signer before a mail client's line or with a care trade in brackets; a birthday wish. */
static void signer_trailer(void **state)
{
	(void)state;
	found("thanks everyone xx\n\nKez\nSent from my iPhone", EN, "Kez", ENT_PRIV_NAME);
	found("Merci pour vos réponses.\nMags\nEnvoyé de mon iPhone", FR, "Mags", ENT_PRIV_NAME);
	found("* bed 8 – nil new\nCath (RN)", EN, "Cath", ENT_PRIV_NAME);
	found("• ch 4 – douleur 3/10\nCloclo (IDE)", FR, "Cloclo", ENT_PRIV_NAME);
	no_span("any news on the referral?\nThanks\nSent from my iPhone", EN, "Thanks", ENT_PRIV_NAME);
	no_span("je reviens vers vous.\nCordialement\nEnvoyé de mon iPhone", FR, "Cordialement", ENT_PRIV_NAME);
	no_span("Obs every 4 hours overnight.\nMetformin (MR)", EN, "Metformin", ENT_PRIV_NAME);
	no_span("Dressing changed, wound clean.\nDry (PRN)", EN, "Dry", ENT_PRIV_NAME);
}

static void birthday_wish(void **state)
{
	(void)state;
	found("HAPPY BIRTHDAY OSCAR!!! 8 TODAY AND 3 YEARS IN REMISSION", EN, "OSCAR", ENT_PRIV_NAME);
	found("happy birthday freddie, 5 today and off the feeding tube", EN, "freddie", ENT_PRIV_NAME);
	no_span("HAPPY BIRTHDAY TO ME!!! 40 TODAY", EN, "TO ME", ENT_PRIV_NAME);
	no_span("HAPPY BIRTHDAY NHS!!! 78 YEARS OF FREE CARE", EN, "NHS", ENT_PRIV_NAME);
	no_span("happy birthday mum, 80 today", EN, "mum", ENT_PRIV_NAME);
	no_span("happy birthday will be quiet this year, still on chemo", EN, "will", ENT_PRIV_NAME);
}

/* T19e: a lowercase listed name opening the text, a comma, a question to "you"/"tu". */
static void vocative_question(void **state)
{
	(void)state;
	found("ellie, did you get the results back?", EN, "ellie", ENT_PRIV_NAME);
	found("kenza, tu as eu ton rdv chez l'endocrino ?", FR, "kenza", ENT_PRIV_NAME);
	found("yasmine, t'as pu voir le cardio ?", FR, "yasmine", ENT_PRIV_NAME);
	no_span("anyway, did you get the results back?", EN, "anyway", ENT_PRIV_NAME);
	no_span("sinon, t'as pu voir le cardio ?", FR, "sinon", ENT_PRIV_NAME);
	no_span("will, you need to rest after the op", EN, "will", ENT_PRIV_NAME);
	no_span("paris, tu connais un bon rhumato ?", FR, "paris", ENT_PRIV_NAME);
	found("hey im kez, 23, T1 since i was 12", EN, "kez", ENT_PRIV_NAME);
	found("slt jsuis lolo, 19, diabétique depuis 3 ans", FR, "lolo", ENT_PRIV_NAME);
	no_span("im ttc, 32, been trying 2 years", EN, "ttc", ENT_PRIV_NAME);
	no_span("im preg, 23, and so sick", EN, "preg", ENT_PRIV_NAME);
	no_span("im preggo, 23, and so sick", EN, "preggo", ENT_PRIV_NAME);
	no_span("im tired, 23, and always exhausted", EN, "tired", ENT_PRIV_NAME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iban_wrong_key),
		cmocka_unit_test(email_particle),
		cmocka_unit_test(code_after_copula),
		cmocka_unit_test(address_parts),
		cmocka_unit_test(hospital_line),
		cmocka_unit_test(age_register),
		cmocka_unit_test(saint_hospital),
		cmocka_unit_test(dwell_town),
		cmocka_unit_test(lower_hospital),
		cmocka_unit_test(dept_number),
		cmocka_unit_test(town_coord),
		cmocka_unit_test(review_lower_hospital),
		cmocka_unit_test(review_ages),
		cmocka_unit_test(review_saint),
		cmocka_unit_test(review_misses),
		cmocka_unit_test(signer_trailer),
		cmocka_unit_test(birthday_wish),
		cmocka_unit_test(vocative_question),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
