/*
 * test_priv_scan.c - each recogniser through the public API: positives (the span found, with
 * its category) and hard negatives (nothing found there), French and English, plus the API
 * contract (invalid UTF-8, sizes, NULLs, policies, several threads on one engine).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entraide/privacy.h"

#include "priv_span_check.h"

/* Asserts that no span touches `what`. */
static void not_found(const char *text, enum ent_priv_lang lang, const char *what)
{
	no_span(text, lang, what, -1);
}

/* Asserts that no span of `type` touches `what` (another type may). */
static void not_typed(const char *text, enum ent_priv_lang lang, const char *what, enum ent_priv_type type)
{
	no_span(text, lang, what, (int)type);
}

/* A table of texts: `what` found with type `type`, or (what NULL) no span on `no`. */
struct scan_case {
	const char *text, *what, *no;
	enum ent_priv_lang lang;
};
static void check_cases(const struct scan_case *t, size_t n, enum ent_priv_type type)
{
	for (size_t k = 0; k < n; k++) {
		if (t[k].what)
			found(t[k].text, t[k].lang, t[k].what, type);
		else
			not_found(t[k].text, t[k].lang, t[k].no);
	}
}

#define FR ENT_PRIV_FR
#define EN ENT_PRIV_EN
#define AUTO ENT_PRIV_AUTO

static void ids(void **state)
{
	(void)state;
	found("Mon NIR est 1 85 05 75 123 456 73.", FR, "1 85 05 75 123 456 73", ENT_PRIV_ID);
	found("secu 185052A12345633 merci", FR, "185052A12345633", ENT_PRIV_ID);
	found("IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement", FR,
	      "FR76 3000 6000 0112 3456 7890 189", ENT_PRIV_ID);
	found("RPPS 10123456781", FR, "10123456781", ENT_PRIV_ID);
	found("card 4970 1012 3456 7893 expired", EN, "4970 1012 3456 7893", ENT_PRIV_ID);
	found("My NHS number is 943 476 5919.", EN, "943 476 5919", ENT_PRIV_ID);
	found("SSN 123-45-6789 on file", EN, "123-45-6789", ENT_PRIV_ID);
	found("voiture AB-123-CD garée", FR, "AB-123-CD", ENT_PRIV_ID);
	found("reg AB12 CDE outside", EN, "AB12 CDE", ENT_PRIV_ID);
	found("from 192.168.10.12 yesterday", EN, "192.168.10.12", ENT_PRIV_ID);
	found("ip 2001:db8::8a2e:370:7334 ok", EN, "2001:db8::8a2e:370:7334", ENT_PRIV_ID);
	found("Mon IPP est 546143712.", FR, "546143712", ENT_PRIV_ID);
	found("dossier n° 2023-004512 svp", FR, "2023-004512", ENT_PRIV_ID);
	found("MRN: 00482913", EN, "00482913", ENT_PRIV_ID);
	found("adhérent MGEN-123456 merci", FR, "MGEN-123456", ENT_PRIV_ID);
	found("IPP A-00123456 svp", FR, "A-00123456", ENT_PRIV_ID);
	found("mutuelle MGEN 4457 1290 ok", FR, "MGEN 4457 1290", ENT_PRIV_ID);
	found("hospital no. RTH-004512 for theatre", EN, "RTH-004512", ENT_PRIV_ID);
	found("Medicare MBI 1EG4-TE5-MK73 ok", EN, "1EG4-TE5-MK73", ENT_PRIV_ID);
	found("passeport 19AB45012 périmé", FR, "19AB45012", ENT_PRIV_ID);
	found("NI number QQ 12 34 56 C please", EN, "QQ 12 34 56 C", ENT_PRIV_ID);
	found("voiture 1234 AB 56 garée", FR, "1234 AB 56", ENT_PRIV_ID);
	found("dossier 12345678 (IPP) à jour", FR, "12345678", ENT_PRIV_ID);
	found("le numéro de dossier de ma mère est 12345678", FR, "12345678", ENT_PRIV_ID);
	found("Numéro d'adhérent mutuelle de M. Leroux : 0045871236", FR, "0045871236", ENT_PRIV_ID);
	found("MRN55102 for theatre", EN, "55102", ENT_PRIV_ID); /* label glued, not in the span */
	found("IPP40028817 à revoir", FR, "40028817", ENT_PRIV_ID);
	found("my CHI is 0101501234.", EN, "0101501234", ENT_PRIV_ID); /* a record label, not a line */
	found("Mon dossier à l'hôpital Foch porte le n° FO-2231874 et", FR, "FO-2231874", ENT_PRIV_ID);
	found("babe did u pack my passport? numbers K02474152 if", EN, "K02474152", ENT_PRIV_ID);
	found("Patient: Ethan Kowalski, acct 100294857.", EN, "100294857", ENT_PRIV_ID);
	found("mon numéro c'est 0612345678", FR, "0612345678", ENT_PRIV_CONTACT);
	found("my number 555-201-4433", EN, "555-201-4433", ENT_PRIV_CONTACT);
	found("my patient number is 4857773451 thanks", EN, "4857773451", ENT_PRIV_ID);
	found("NPI for the referring doc is 1690548411, Dr Brannigan", EN, "1690548411", ENT_PRIV_ID);
	found("hospital number: RTH 123456 please", EN, "RTH 123456", ENT_PRIV_ID);
	found("je suis kiné (RPPS 10304131336) et", FR, "10304131336", ENT_PRIV_ID); /* not the bracket */
	found("MRN at sending site RO2217736.", EN, "RO2217736", ENT_PRIV_ID);
	found("ALBERTINI Dominique, IPP chez nous 62200419.", FR, "62200419", ENT_PRIV_ID);
	found("Numéro de sécurité sociale: 2 90 11 2A 123 456 36", FR, "2 90 11 2A 123 456 36", ENT_PRIV_ID);
	found("please call us back at 555-0166 re: your biopsy", EN, "555-0166", ENT_PRIV_CONTACT);
	not_found("lot 123-4567 recalled", EN, "123-4567");
	not_found("covid19 and h1n1 vaccines", EN, "19");
	/* hard negatives: lot numbers, prices, doses, a bad key */
	not_found("lot 4532015112830367 retiré", FR, "4532015112830367");
	not_found("HbA1c de 8,5 à 6,3 %", FR, "8,5");
	not_found("lot 185057512345674 du colis", FR, "185057512345674");
	not_found("2500 mg par jour pendant 12 jours", FR, "2500");
}

static void labelled_far(void **state)
{
	(void)state;
	found("Mon numéro de patient à l'hôpital est le 00734512.", FR, "00734512", ENT_PRIV_ID);
	not_found("Le patient est resté à l'hôpital 12 jours, puis 3 semaines.", FR, "12");
}

static void contacts(void **state)
{
	(void)state;
	static const char *const fr_phones[] = {"06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78",
						"0033 6 12 34 56 78", "0612345678", "06-12-34-56-78",
						"+33 (0)6 12 34 56 78", NULL};
	for (const char *const *p = fr_phones; *p; p++) {
		char buf[128];
		snprintf(buf, sizeof buf, "appelez-moi au %s svp", *p);
		found(buf, FR, *p, ENT_PRIV_CONTACT);
	}
	found("ring 07700 900123 tonight", EN, "07700 900123", ENT_PRIV_CONTACT);
	found("call +44 20 7946 0958", EN, "+44 20 7946 0958", ENT_PRIV_CONTACT);
	found("call (415) 555-0132 now", EN, "(415) 555-0132", ENT_PRIV_CONTACT);
	found("call 415-555-0132 now", EN, "415-555-0132", ENT_PRIV_CONTACT);
	found("écrivez à jean.dupont@gmail.com.", FR, "jean.dupont@gmail.com", ENT_PRIV_CONTACT);
	found("suivez @chloe_t1d sur insta", FR, "@chloe_t1d", ENT_PRIV_CONTACT);
	found("écrivez à sylvie.durand [at] orange.fr svp", FR, "sylvie.durand [at] orange.fr", ENT_PRIV_CONTACT);
	found("mail marie (at) free (dot) fr", FR, "marie (at) free (dot) fr", ENT_PRIV_CONTACT);
	found("insta : marie.dupont75 !", FR, "marie.dupont75", ENT_PRIV_CONTACT);
	found("see tiktok.com/@léa ok", EN, "tiktok.com/@léa", ENT_PRIV_CONTACT);
	not_found("insta c'est mieux", FR, "c'est");
	not_found("rejoignez https://www.facebook.com/groups/diabete.type1", FR, "facebook");
	found("ma cagnotte https://www.leetchi.com/c/aide-pour-lea merci", FR,
	      "https://www.leetchi.com/c/aide-pour-lea", ENT_PRIV_CONTACT);
	found("mon blog monjournaldiabete.fr/episode-3", FR, "monjournaldiabete.fr/episode-3", ENT_PRIV_CONTACT);
	/* helplines and public sites are not contacts */
	not_found("appelez le 15 ou le 112, ou le 3114", FR, "3114");
	not_found("call 999 or 988 now", EN, "988");
	not_found("voir https://www.ameli.fr/assure/remboursements", FR, "ameli");
	not_found("see nhs.uk/conditions/diabetes", EN, "nhs.uk");
	not_found("numéro vert 0 800 130 000", FR, "800 130 000");
	found("mon insta c'est mariedupont si tu veux", FR, "mariedupont", ENT_PRIV_CONTACT);
	found("my snap is jessxo", EN, "jessxo", ENT_PRIV_CONTACT);
	not_found("my snap is broken lol", EN, "broken");
	found("join my discord sam#4821", EN, "sam#4821", ENT_PRIV_CONTACT);
	found("Venmo @Jess-Bloggs-4 thanks", EN, "@Jess-Bloggs-4", ENT_PRIV_CONTACT);
	found("écrivez-moi à jean.dupont arobase gmail point com", FR, "jean.dupont arobase gmail point com",
	      ENT_PRIV_CONTACT);
	found("email j.smith at hotmail dot co dot uk", EN, "j.smith at hotmail dot co dot uk", ENT_PRIV_CONTACT);
	not_found("meet me at home dot com", EN, "home");
	found("mon blog : parcours-de-maman.over-blog.com", FR, "parcours-de-maman.over-blog.com", ENT_PRIV_CONTACT);
	found("telegram t.me/jessbloggs", EN, "t.me/jessbloggs", ENT_PRIV_CONTACT);
	not_found("I had a follow-up.It was fine", EN, "follow-up.It");
	not_found("infos sur le site chu-rennes.fr", FR, "chu-rennes.fr");
	found("call me +1 (415) 555-0132 today", EN, "+1 (415) 555-0132", ENT_PRIV_CONTACT);
	found("my number is 415 555 0132", EN, "415 555 0132", ENT_PRIV_CONTACT);
	not_found("mon 06 : 06 12 34 56 78", FR, "mon");
	found("écrivez-moi : mathilde point rivaud arobase laposte point net (robots)", FR,
	      "mathilde point rivaud arobase laposte point net", ENT_PRIV_CONTACT);
	not_found("SOS Amitié c'est 09 72 39 40 50, appelle-les", FR, "09 72 39 40 50");
}

static void dates_ages(void **state)
{
	(void)state;
	found("opérée le 12/03/2021 à Lyon", FR, "12/03/2021", ENT_PRIV_DATE);
	found("transfert le 09/07 au centre", FR, "09/07", ENT_PRIV_DATE);
	found("né le 1er janvier 1990", FR, "1er janvier 1990", ENT_PRIV_DATE);
	found("diagnostic en mars 2021", FR, "mars 2021", ENT_PRIV_DATE);
	found("surgery on March 3rd, 2021", EN, "March 3rd, 2021", ENT_PRIV_DATE);
	found("since 2021-03-12", EN, "2021-03-12", ENT_PRIV_DATE);
	found("ma fille de 7 ans", FR, "7 ans", ENT_PRIV_AGE);
	found("my 7-year-old son", EN, "7-year-old", ENT_PRIV_AGE);
	found("I'm 45yo and tired", EN, "45yo", ENT_PRIV_AGE);
	found("mon bébé de 3 mois", FR, "3 mois", ENT_PRIV_AGE);
	found("he is 80 years old", EN, "80 years old", ENT_PRIV_AGE);
	not_found("diabétique depuis 3 ans", FR, "3 ans");
	not_found("dépistage à partir de 50 ans", FR, "50 ans");
	not_found("il y a 2 ans", FR, "2 ans");
	not_found("for 3 years now", EN, "3 years");
	not_found("on a rdv en mars", FR, "mars");
	not_found("prendre 1/2 comprimé", FR, "1/2");
	not_found("tension 12/8 ce matin", FR, "12/8");
	not_found("enceinte de 32 SA", FR, "32");
	not_found("il est né à 34 semaines", FR, "34 semaines");
	found("opéré du cœur à 3 mois", FR, "3 mois", ENT_PRIV_AGE);
	found("Mr Jones, 72, NHS", EN, "72", ENT_PRIV_AGE);
	found("She was 61.", EN, "61", ENT_PRIV_AGE);
	not_found("pesait 3,2 kg", FR, "3,2");
	found("op booked for Tues 12th. Any tips?", EN, "Tues 12th", ENT_PRIV_DATE);
	found("déplacer mon IRM du mardi 12 au jeudi 14 si possible", FR, "mardi 12", ENT_PRIV_DATE);
	not_found("lundi 3 fois par jour", FR, "3");
	found("coming from Macclesfield on the 21st for my angiogram", EN, "21st", ENT_PRIV_DATE);
	not_found("this is the 3rd time I ask", EN, "3rd");
	found("turned 40 last week and my present was a recall letter", EN, "40", ENT_PRIV_AGE);
	found("My son is 18 months and still not walking", EN, "18 months", ENT_PRIV_AGE);
	not_found("the wait at the clinic is 60 weeks", EN, "60 weeks");
	found("She's 84 and has a cardiology appt", EN, "84", ENT_PRIV_AGE);
	found("I'm 42 and finally had my colonoscopy", EN, "42", ENT_PRIV_AGE);
	found("my dad Derek (died 2011, bowel cancer)", EN, "2011", ENT_PRIV_DATE);
}

/* Ages and dates written in words (priv_when.c: numw_parse, age_words, date_words_day), and the
 * durations, doses, counts, thresholds and times written the same way that stay unlabelled. */
static void ages_dates_in_words(void **state)
{
	(void)state;
	found("ma fille de quinze ans ne dort plus", FR, "quinze ans", ENT_PRIV_AGE);
	found("j'ai fêté mes quarante-deux ans", FR, "quarante-deux ans", ENT_PRIV_AGE);
	found("Ma grand-mère a quatre-vingt-dix-sept ans", FR, "quatre-vingt-dix-sept ans", ENT_PRIV_AGE);
	found("Il a vingt et un ans", FR, "vingt et un ans", ENT_PRIV_AGE);
	found("Mon bébé d'un an et demi fait ses dents", FR, "un an et demi", ENT_PRIV_AGE);
	found("Mon fils a 2 ans et demi, toujours rien", FR, "2 ans et demi", ENT_PRIV_AGE);
	found("Mon mari, cinquante-huit ans, attend une greffe", FR, "cinquante-huit ans", ENT_PRIV_AGE);
	found("Elle n'a que vingt-trois ans", FR, "vingt-trois ans", ENT_PRIV_AGE);
	found("Ma mère de septante-huit ans", FR, "septante-huit ans", ENT_PRIV_AGE);
	found("né le douze mars", FR, "douze mars", ENT_PRIV_DATE);
	found("opérée le vingt-trois avril dernier", FR, "vingt-trois avril", ENT_PRIV_DATE);
	found("il est décédé le dix-sept novembre deux mille dix-neuf", FR, "dix-sept novembre deux mille dix-neuf",
	      ENT_PRIV_DATE);
	found("rendez-vous le jeudi vingt-quatre octobre", FR, "jeudi vingt-quatre octobre", ENT_PRIV_DATE);
	found("née le premier janvier", FR, "premier janvier", ENT_PRIV_DATE);
	found("my son turned seventeen last week", EN, "seventeen", ENT_PRIV_AGE);
	found("I'm twenty-nine years old and tired", EN, "twenty-nine years old", ENT_PRIV_AGE);
	found("My seven-year-old has asthma", EN, "seven-year-old", ENT_PRIV_AGE);
	found("My daughter is fifteen and refuses insulin", EN, "fifteen", ENT_PRIV_AGE);
	found("She was eight when she was diagnosed", EN, "eight", ENT_PRIV_AGE);
	found("I was diagnosed at thirty-four, right after", EN, "thirty-four", ENT_PRIV_AGE);
	found("Dad (seventy-nine, stubborn) refused", EN, "seventy-nine", ENT_PRIV_AGE);
	found("surgery on the third of May", EN, "third of May", ENT_PRIV_DATE);
	found("off work since March the 2nd", EN, "March the 2nd", ENT_PRIV_DATE);
	found("Dad passed away on April twenty-first, peacefully", EN, "April twenty-first", ENT_PRIV_DATE);
	found("I was born nineteen eighty-five.", EN, "nineteen eighty-five", ENT_PRIV_DATE);
	/* review R19: a place named after a date keeps its head masked (no date in its place), and
	 * a number ending on a month's name ("sept") leaves the month its own date */
	found("Elle est à la clinique du Premier Mai à Nantes.", FR, "clinique du Premier", ENT_PRIV_LOCATION);
	found("EHPAD du Onze Novembre à Toulouse.", FR, "EHPAD du Onze", ENT_PRIV_LOCATION);
	found("Maison de santé du Huit Mai, Dijon.", FR, "Maison de santé du Huit", ENT_PRIV_LOCATION);
	found("On se retrouve au métro Quatre Septembre.", FR, "métro Quatre", ENT_PRIV_LOCATION);
	found("12 rue Huit Mai 1945 Lille", FR, "12 rue Huit", ENT_PRIV_LOCATION);
	no_span("Lycée du Quatre Septembre, Paris.", FR, "Quatre Septembre", ENT_PRIV_DATE);
	found("Opérée le trente sept 2022.", FR, "sept 2022", ENT_PRIV_DATE);
	found("Mme First, quatre-vingt-dix-sept ans, opérée le vingt sept 1947 au CHU de Nantes.", FR, "sept 1947",
	      ENT_PRIV_DATE);
	found("Opéré le Douze Mars 2021 à Lyon.", FR, "Douze Mars 2021", ENT_PRIV_DATE);
	not_found("diabétique depuis quinze ans", FR, "quinze ans");
	not_found("Ça fait vingt ans que je me bats", FR, "vingt ans");
	not_found("Au bout de deux ans, j'ai arrêté", FR, "deux ans");
	not_found("Deux ans de chimio, et me voilà", FR, "Deux ans");
	not_found("Il a mis deux ans à s'en remettre", FR, "deux ans");
	not_found("Ça dure depuis presque deux ans", FR, "deux ans");
	not_found("dépistage à partir de cinquante ans", FR, "cinquante ans");
	not_found("Le taux de survie à cinq ans est bon", FR, "cinq ans");
	not_found("Elle est née à trente-deux semaines", FR, "trente-deux semaines");
	not_found("Trois fois par jour, un comprimé de 15 mg", FR, "Trois");
	not_found("En mai, fais ce qu'il te plaît", FR, "mai");
	not_found("Mon chat de quinze ans ne mange plus", FR, "quinze ans");
	not_found("Il a sept enfants", FR, "sept");
	not_found("Deux mille euros de dépassement", FR, "Deux mille");
	not_found("for ten years I have lived with it", EN, "ten years");
	not_found("Ten may seem a lot", EN, "Ten may");
	not_found("My pain is seven out of ten", EN, "seven");
	not_found("It was two in the morning", EN, "two");
	not_found("We met at seven, after my shift", EN, "seven");
	not_found("I was one of the lucky ones", EN, "one");
	not_found("I'm six weeks pregnant", EN, "six weeks");
	not_found("Screening is offered to everyone over fifty.", EN, "fifty");
	not_found("The second opinion was worse", EN, "second");
	not_found("Our cat is fifteen and still going", EN, "fifteen");
	not_found("Mes deux ans à l'hôpital m'ont marquée", FR, "deux ans");
	found("J'ai fêté mes quarante-deux ans à l'hôpital", FR, "quarante-deux ans", ENT_PRIV_AGE);
	not_found("Un mai pluvieux, comme toujours", FR, "Un mai");
	not_found("Sessions are two and a half hours", EN, "two");
	not_found("We are two in the flat", EN, "two");
	not_found("Jusqu'à trois ans, l'enfant est suivi en PMI", FR, "trois ans");
	found("My son is three and a half and still not talking", EN, "three and a half", ENT_PRIV_AGE);
	not_found("I waited two and a half hours", EN, "two");
	found("At the age of seven I had my first seizure", EN, "seven", ENT_PRIV_AGE);
	not_found("In the age of two screens, who reads a leaflet?", EN, "two");
	not_found("Le vaccin à deux ans, puis le rappel à six ans", FR, "six ans");
	not_found("De deux à cinq ans, les enfants dorment beaucoup", FR, "cinq ans");
	not_found("Bowel screening is offered at sixty.", EN, "sixty");
	not_found("A second March rally for the hospital is planned", EN, "second March");
	not_found("First May I say thank you to the ward", EN, "First May");
	found("My op is on twelfth June, can I bring someone?", EN, "twelfth June", ENT_PRIV_DATE);
	/* a street named after a date is left to the street's recogniser */
	not_typed("J'habite 12 rue du Quatre Septembre, 75002 Paris", FR, "Quatre Septembre", ENT_PRIV_DATE);
	not_typed("Il habite avenue du Onze Novembre à Rennes", FR, "Onze Novembre", ENT_PRIV_DATE);
}

static void places(void **state)
{
	(void)state;
	found("suivie au CHU de Nantes depuis", FR, "CHU de Nantes", ENT_PRIV_LOCATION);
	found("à la clinique des Cèdres hier", FR, "clinique des Cèdres", ENT_PRIV_LOCATION);
	found("opéré à l'hôpital Necker", FR, "hôpital Necker", ENT_PRIV_LOCATION);
	found("Adresse : 45 av. de la République, 69003 Lyon", FR, "45 av. de la République, 69003 Lyon", ENT_PRIV_LOCATION);
	found("Please send it to 22 Kingsway, London WC2B 6LE.", EN, "22 Kingsway, London WC2B 6LE", ENT_PRIV_LOCATION);
	not_found("I took 2 Panadol, London was too hot", EN, "Panadol");
	found("Fax it to Riverside Medical Centre today", EN, "Riverside Medical Centre", ENT_PRIV_LOCATION);
	found("on habite à Villeurbanne", FR, "Villeurbanne", ENT_PRIV_LOCATION);
	found("j'habite a nantes", FR, "nantes", ENT_PRIV_LOCATION);
	found("au 12 rue de la Paix, 75002 Paris", FR, "12 rue de la Paix, 75002 Paris", ENT_PRIV_LOCATION);
	found("seen at St Thomas' Hospital", EN, "St Thomas' Hospital", ENT_PRIV_LOCATION);
	found("we live in Leeds now", EN, "Leeds", ENT_PRIV_LOCATION);
	found("postcode SW1A 1AA", EN, "SW1A 1AA", ENT_PRIV_LOCATION);
	not_found("on est allés aux urgences", FR, "urgences");
	not_found("je vis en Bretagne", FR, "Bretagne");
	not_found("à l'hôpital on m'a dit", FR, "hôpital");
	not_found("I moved to England", EN, "England");
	found("il est en rea a Marseille", FR, "Marseille", ENT_PRIV_LOCATION);
	found("on vit à Paris 13e depuis", FR, "Paris 13e", ENT_PRIV_LOCATION);
	found("we live at 123 Main St, Springfield, IL 62701 now", EN, "123 Main St, Springfield, IL 62701",
	      ENT_PRIV_LOCATION);
	found("I'm from Stoke-on-Trent", EN, "Stoke-on-Trent", ENT_PRIV_LOCATION);
	found("St. Jude Children's Research Hospital saved her", EN, "St. Jude Children's Research Hospital",
	      ENT_PRIV_LOCATION);
	found("send it to Flat 2, 9 Victoria Avenue, Southend-on-Sea SS2 6EB thanks", EN,
	      "Flat 2, 9 Victoria Avenue, Southend-on-Sea SS2 6EB", ENT_PRIV_LOCATION);
	found("my address: 4418 Maple Ridge Dr, Apt 3B, Columbus, OH 43214.", EN,
	      "4418 Maple Ridge Dr, Apt 3B, Columbus, OH 43214", ENT_PRIV_LOCATION);
	found("she was moved to Salford Royal last night", EN, "Salford Royal", ENT_PRIV_LOCATION);
	found("seen at Royal Oldham on Monday", EN, "Royal Oldham", ENT_PRIV_LOCATION);
	found("admitted to Leeds General Infirmary", EN, "Leeds General Infirmary", ENT_PRIV_LOCATION);
	found("treated at Queen's Hospital Romford", EN, "Queen's Hospital Romford", ENT_PRIV_LOCATION);
	found("a week at Velindre Cancer Centre", EN, "Velindre Cancer Centre", ENT_PRIV_LOCATION);
	found("He's 79 and lives alone in Skegness, so transport", EN, "Skegness", ENT_PRIV_LOCATION);
	found("anyone from Hebden Bridge know a dentist?", EN, "Hebden Bridge", ENT_PRIV_LOCATION);
	found("Mamadou a été transféré en réa à la Pitié-Salpêtrière, on peut pas", FR, "Pitié-Salpêtrière",
	      ENT_PRIV_LOCATION);
	found("we're on the children's ward at Addenbrookes. Anyone", EN, "Addenbrookes", ENT_PRIV_LOCATION);
	found("Anyone had their gallbladder out at Mass General?", EN, "Mass General", ENT_PRIV_LOCATION);
	found("Hi, Siobhan O'Connor here", EN, "Siobhan O'Connor", ENT_PRIV_NAME); /* no suburb of Canberra */
	found("merci à la maison médicale Jeanne Garnier", FR, "maison médicale Jeanne Garnier", ENT_PRIV_LOCATION);
	found("rdv à l'hôpital européen Georges-Pompidou", FR, "hôpital européen Georges-Pompidou", ENT_PRIV_LOCATION);
	found("suivie à la maison de santé des Tilleuls", FR, "maison de santé des Tilleuls", ENT_PRIV_LOCATION);
}

static void names(void **state)
{
	(void)state;
	found("Ma fille Chloé a 7 ans", FR, "Chloé", ENT_PRIV_NAME);
	found("ma fille chloe a 7 ans", FR, "chloe", ENT_PRIV_NAME);
	found("le Dr Bouvier est top", FR, "Bouvier", ENT_PRIV_NAME);
	found("vu par M. Lefèvre hier", FR, "Lefèvre", ENT_PRIV_NAME);
	/* a word of the NOTNAME list that the name lists hold, after a title */
	found("le kiné, M. Petit, m'a reçu", FR, "Petit", ENT_PRIV_NAME);
	found("opérée par le Pr Grand hier", FR, "Grand", ENT_PRIV_NAME);
	not_found("la Petite Sirène", FR, "Petite");
	found("ma mère (Eugénie André, 80 ans)", FR, "Eugénie André", ENT_PRIV_NAME);
	found("Bonjour Julie, merci", FR, "Julie", ENT_PRIV_NAME);
	found("je m'appelle enzo", FR, "enzo", ENT_PRIV_NAME);
	found("my son Jack has T1D", EN, "Jack", ENT_PRIV_NAME);
	found("Dr Patel said no", EN, "Patel", ENT_PRIV_NAME);
	found("Thanks for reading.\nSarah", EN, "Sarah", ENT_PRIV_NAME);
	found("Dr. N'Diaye consulte", FR, "N'Diaye", ENT_PRIV_NAME);
	found("Re: Mrs. A. Patel", EN, "A. Patel", ENT_PRIV_NAME);
	found("Soën (4 ans) a de l'eczéma", FR, "Soën", ENT_PRIV_NAME);
	found("avec Maëlys, Kélyan et Timéo", FR, "Kélyan", ENT_PRIV_NAME);
	not_found("Ozempic a changé ma vie", FR, "Ozempic");
	found("Patient: Ms Emily Clarke, 54", EN, "54", ENT_PRIV_AGE);
	found("DUPONT Marie, 54 ans", FR, "DUPONT Marie", ENT_PRIV_NAME);
	found("jai vu chloe au parc", FR, "chloe", ENT_PRIV_NAME);
	found("mn fils enzo a 8 ans", FR, "enzo", ENT_PRIV_NAME);
	found("la maman de Timéo", FR, "Timéo", ENT_PRIV_NAME);
	found("Merci, Valérie Petit", FR, "Valérie Petit", ENT_PRIV_NAME);
	found("vu le Dr de La Tour", FR, "de La Tour", ENT_PRIV_NAME);
	not_found("vu le Dr de La Tour", FR, "Dr");
	not_found("I use the Freestyle Libre sensor", EN, "Libre");
	not_found("Living in Bristol. MS. Living well", EN, "Living well");
	not_found("j'ai une maladie de Crohn", FR, "Crohn");
	not_found("mon père a Parkinson", FR, "Parkinson");
	not_found("Crohn's disease flare", EN, "Crohn");
	not_found("une rose et une pierre", FR, "rose");
	not_found("une rose et une pierre", FR, "pierre");
	not_found("I will ask about grace periods", EN, "will");
	not_found("syndrome de Down", FR, "Down");
	not_found("syndrome de Mallory-Weiss", FR, "Mallory");
	found("Opération de Théo demain", FR, "Théo", ENT_PRIV_NAME);
	found("Harry's surgery went well.", EN, "Harry", ENT_PRIV_NAME);
	found("RIP Willow, gone too soon.", EN, "Willow", ENT_PRIV_NAME);
	found("hi john how are you feeling", EN, "john", ENT_PRIV_NAME);
	not_found("hi there how are you", EN, "there");
	found("la maladie de Léa avance", FR, "Léa", ENT_PRIV_NAME);
	not_found("sous Ozempic depuis mars", FR, "Ozempic");
	found("hier jai passé la journée avec lea a l'hopital", FR, "lea", ENT_PRIV_NAME);
	not_found("je suis partie avec elle, avec toi et avec ma soeur", FR, "elle");
	not_found("on vit avec lyon dans le coeur", FR, "lyon");
	found("Mrs van der Berg in bay 4", EN, "van der Berg", ENT_PRIV_NAME);
	found("Tous avec elle ! #TeamLéa", FR, "#TeamLéa", ENT_PRIV_NAME);
	found("Running for #ForEmma today", EN, "#ForEmma", ENT_PRIV_NAME);
	found("on y croit #LeaStrong", FR, "#LeaStrong", ENT_PRIV_NAME);
	not_found("#TeamDiabete #ForPatients #TeamT1", FR, "Team");
	not_found("#ForPatients", EN, "For");
	found("c'est pour noa, elle a 3 ans", FR, "noa", ENT_PRIV_NAME);
	not_found("I had Bell's palsy last year", EN, "Bell");
	not_found("My son will be 5 in May", EN, "will");
	found("Grace starts school in September", EN, "Grace", ENT_PRIV_NAME);
	not_found("Bill passed in parliament", EN, "Bill");
	found("Marc : ça va mieux aujourd'hui ?", FR, "Marc", ENT_PRIV_NAME);
	not_found("Note : prendre rdv", FR, "Note");
	found("Le scanner de Léon Marchal est prêt", FR, "Léon Marchal", ENT_PRIV_NAME);
	found("On vit à Léon, dans les Landes", FR, "Léon", ENT_PRIV_LOCATION);
	found("D'Angelo and DeShawn are both on the ward.", EN, "D'Angelo", ENT_PRIV_NAME);
	found("c kenza, tu peux me rappeler ?", FR, "kenza", ENT_PRIV_NAME);
	found("je dors chez Nancy ce soir", FR, "Nancy", ENT_PRIV_NAME);
	found("j'habite à Nancy depuis 2010", FR, "Nancy", ENT_PRIV_LOCATION);
	not_found("on vit avec Lyon au coeur", FR, "Lyon");
	found("la maman d'Emma est là", FR, "Emma", ENT_PRIV_NAME); /* not "d'Emma" */
	found("rentrée de l'hôpital, Pépé Marcel est soulagé.", FR, "Marcel", ENT_PRIV_NAME); /* a relative word is no part of the name */
	found("my daughter grace starts next week", EN, "grace", ENT_PRIV_NAME);
	found("Tom Fisher and I run the group.", EN, "Tom Fisher", ENT_PRIV_NAME);
	found("Invited: Harris, Julie; Thompson, Claire", EN, "Harris, Julie", ENT_PRIV_NAME);
	found("avec Maëlys, Kélyan et Timéo", FR, "Maëlys", ENT_PRIV_NAME); /* not joined */
	found("my wife june is having her op", EN, "june", ENT_PRIV_NAME);
	not_found("my son may need surgery", EN, "may");
	found("my support worker dan is great", EN, "dan", ENT_PRIV_NAME);
	found("my son hunter has ADHD", EN, "hunter", ENT_PRIV_NAME);
	found("Pt J. Smith, bed 4", EN, "J. Smith", ENT_PRIV_NAME);
	not_found("When Mason was diagnosed, our world stopped.", EN, "When");
	not_found("My GP said to ask you direct.", EN, "said");
	not_found("My mum needs a fit-to-fly letter", EN, "needs");
	found("My cousin Devon just found out", EN, "Devon", ENT_PRIV_NAME);
	found("day 3 of chemo. mia shaved it for me tonight", EN, "mia", ENT_PRIV_NAME);
	found("Willow arrived on 21.03.2021 in the pool", EN, "Willow", ENT_PRIV_NAME);
	found("je les avais amenées en main propre. inadmissible. Patrice", FR, "Patrice", ENT_PRIV_NAME);
	found("tonton Driss te fait des bisous", FR, "Driss", ENT_PRIV_NAME);
	found("bjr, nom : Belhadj prénom : Leïla", FR, "Belhadj", ENT_PRIV_NAME);
	found("Patient Lorraine Batty, 0113 496 0277", EN, "Lorraine Batty", ENT_PRIV_NAME);
	found("ma dermato (Dr K.) part à la retraite", FR, "K.", ENT_PRIV_NAME);
	found("Mme Hélène Kergoat née Le Floc'h, IPP 2219 8834.", FR, "Hélène Kergoat née Le Floc'h", ENT_PRIV_NAME);
	found("l'orthophoniste Gwenaëlle Le Bihan prend des patients", FR, "Gwenaëlle Le Bihan", ENT_PRIV_NAME);
	found("Papi Jean-Baptiste de La Roche-Aymon, 88 ans", FR, "Jean-Baptiste de La Roche-Aymon", ENT_PRIV_NAME);
	found("Yanis 12 ans, Sofia 8 ans et Ilyes 3 ans", FR, "Sofia", ENT_PRIV_NAME);
	found("merci à Cathy, Martine et fafa pour vos messages", FR, "fafa", ENT_PRIV_NAME);
	found("this is Precious Mahlangu from the care home", EN, "Precious Mahlangu", ENT_PRIV_NAME);
	found("Delroy Samuels, DOB 22/07/1964", EN, "Delroy Samuels", ENT_PRIV_NAME);
	found("outliers on ward 9: HUSSAIN A (9-12) and a chair", EN, "HUSSAIN A", ENT_PRIV_NAME);
	found("Reminder: J SMITH you have an appointment", EN, "J SMITH", ENT_PRIV_NAME);
	found("2. Okonkwo, Chidinma 29 ERPC", EN, "Okonkwo, Chidinma", ENT_PRIV_NAME);
	found("pt Ruiz, Maria Elena acct 8834102", EN, "Ruiz, Maria Elena", ENT_PRIV_NAME);
	found("Martin, Julie et Paul sont venus", FR, "Julie", ENT_PRIV_NAME); /* a list, not one person */
	found("invoice for my son Thabo's fracture clinic", EN, "Thabo", ENT_PRIV_NAME);
	found("Please contact me on +44 7700 900644. Claire Hutchinson", EN, "Claire Hutchinson", ENT_PRIV_NAME);
	found("Name Dolores \"Dee\" Kowalski, DOB 6-2-1949", EN, "Dolores \"Dee\" Kowalski", ENT_PRIV_NAME);
	found("the patient Rhys ap Gwilym has Barrett's oesophagus", EN, "Rhys ap Gwilym", ENT_PRIV_NAME);
	found("Every share helps. - Efua & Kwabena Asamoah", EN, "Efua", ENT_PRIV_NAME);
	found("NHS number 4805743980. Thanks, Lorraine, practice pharmacist", EN, "Lorraine", ENT_PRIV_NAME);
	found("yo its Deji. new number", EN, "Deji", ENT_PRIV_NAME);
	not_found("my mum and my sister both had breast cancer", EN, "both");
	found("resultats bio pour DA SILVA Fernando (IPP:55102946)", FR, "DA SILVA Fernando", ENT_PRIV_NAME);
	found("pour la RCP : CHEVALIER Jean-Marc, 12/07/1958", FR, "CHEVALIER Jean-Marc", ENT_PRIV_NAME);
	found("aucune confirmation. Morgane Le Dantec, ddn 11.09.1979.", FR, "Morgane Le Dantec", ENT_PRIV_NAME);
	found("tout le soutien à Inès Moulay qui se bat", FR, "Inès Moulay", ENT_PRIV_NAME);
	found("Le patient K. du box 2 est parti", FR, "K.", ENT_PRIV_NAME);
	found("Obrigada, Filipa", FR, "Filipa", ENT_PRIV_NAME);
	not_found("une maladie à corps de Lewy", FR, "Lewy");
	found("Can you chase the MRI for Niamh O'Donoghue (45)?", EN, "Niamh O'Donoghue", ENT_PRIV_NAME);
	found("Address: 2210 Birchwood Dr.\nGerald Whitcomb Jr.", EN, "Gerald Whitcomb Jr.", ENT_PRIV_NAME);
	found("pt J.M. 8yo m, seen in ED", EN, "J.M.", ENT_PRIV_NAME);
	found("Mme A.-C. 45 ans, lit 3", FR, "A.-C.", ENT_PRIV_NAME);
	found("twins on 02/03/2024, Zofia and Jan.", EN, "Jan", ENT_PRIV_NAME);
	not_found("in Jan and Feb 2024", EN, "Jan");
	found("Ma grand-mère Maria do Céu (91 ans) est tombée", FR, "Maria do Céu", ENT_PRIV_NAME);
	found("un donneur pour Thuy-Linh, 23 ans, origines", FR, "Thuy-Linh", ENT_PRIV_NAME);
	found("si possible. Marie-Claude Lebrun, DDN 07/09/1958", FR, "Marie-Claude Lebrun", ENT_PRIV_NAME);
	found("c'est le Dr Philippe-Alexandre de Montalembert à la clinique", FR,
	      "Philippe-Alexandre de Montalembert", ENT_PRIV_NAME); /* a commune after "Dr <given> de" */
	found("Le Dr Kowalski de Metz a pris sa retraite", FR, "Metz", ENT_PRIV_LOCATION);
	found("je signe de mon vrai nom : Élodie Marchetti-Lunel. J'ai", FR, "Élodie Marchetti-Lunel", ENT_PRIV_NAME);
	found("J'ai donné le nom de Babacar, mon meilleur ami", FR, "Babacar", ENT_PRIV_NAME);
	found("Le Dr Vo Thi Mai, le Dr O'Brien", FR, "Vo Thi Mai", ENT_PRIV_NAME);
	found("le labo a rappelé pour BOUAZIZ Rachid (séjour", FR, "BOUAZIZ Rachid", ENT_PRIV_NAME);
	found("mon pote tidiane sort de réa", FR, "tidiane", ENT_PRIV_NAME);
	not_found("Je suis dispo les mardis", FR, "dispo");
	found("text Chantelle on 07700 900 418 and she'll add you", EN, "Chantelle", ENT_PRIV_NAME);
	found("can u tell ravi? feel awful x", EN, "ravi", ENT_PRIV_NAME);
	found("My wife Guadalupe (Lupe to everyone) was diagnosed", EN, "Lupe", ENT_PRIV_NAME);
	found("anyone know tomasz? tomasz wisniewski, physio in ealing", EN, "tomasz wisniewski", ENT_PRIV_NAME);
	found("Thank you Lizzie, Raj and Mo for the cards", EN, "Mo", ENT_PRIV_NAME);
	found("Update: Doreen's op went ahead on 12 February", EN, "Doreen", ENT_PRIV_NAME);
	found("tell aunty maria i got her voicemail", EN, "maria", ENT_PRIV_NAME);
	found("can u ask Dr Y if i can take ibuprofen", EN, "Y", ENT_PRIV_NAME);
	found("Mr Byung-hun Choi (59), wife Ji-woo on the phone", EN, "Byung-hun Choi", ENT_PRIV_NAME);
	not_found("Folake if you're reading this you're a star", EN, "reading");
	not_found("Fingers went white at a BBQ", EN, "Fingers");
	not_found("Anyone with POTS doing the Levine protocol?", EN, "Levine");
	found("mon pere abdoulaye sow est en réa", FR, "abdoulaye sow", ENT_PRIV_NAME);
	found("jsuis son fils moussa, 0033 6 24 87 13 59", FR, "moussa", ENT_PRIV_NAME);
	found("Votre enfant EMMA DUBOIS est attendue le 14/05", FR, "EMMA DUBOIS", ENT_PRIV_NAME);
	found("JE SUIS LA FILLE DE MR LUCIEN BARRAULT HOSPITALISE AU 4EME.", FR, "LUCIEN BARRAULT", ENT_PRIV_NAME);
	found("aunty Ngozi says the baby is 3 days old", EN, "Ngozi", ENT_PRIV_NAME);
	not_found("L'anesthésiste passe à 17h", FR, "passe");
	not_found("Quand mon père a fait son AVC, j'étais en terminale.", FR, "AVC");
	not_found("Pense à prendre rdv pour le vaccin", FR, "Pense");
	not_found("hi hun its me", EN, "hun");
	found("JE SUIS AUX URGENCES AVEC CHLOE ELLE S'EST OUVERT LE MENTON.", FR, "CHLOE", ENT_PRIV_NAME);
	found("BONJOUR JE VEUX UN RDV EN RHUMATO. ROBERT MARTIN 0612457809", FR, "ROBERT MARTIN", ENT_PRIV_NAME);
	found("HE IS 90. NAME ALBERT FINCH WARD 6. PLEASE CALL", EN, "ALBERT FINCH", ENT_PRIV_NAME);
	found("The woman in the next bed, Doreen, is 96.", EN, "Doreen", ENT_PRIV_NAME);
	found("Our little Lourdes turns 1 today!!", EN, "Lourdes", ENT_PRIV_NAME);
	found("Sue from the discharge lounge is a treasure.", EN, "Sue", ENT_PRIV_NAME);
	not_found("Rose from my bed at 5am, 3 buses to get there.", EN, "Rose");
	not_found("Just landed in Jordan, had to show my insulin letter", EN, "Jordan");
	not_found("Reminder from the surgery: you are due your screening.", EN, "Reminder");
	found("Saw Dr. Nwosu today, bloods fine.", AUTO, "Nwosu", ENT_PRIV_NAME);
	not_found("Saw Dr. Nwosu today, bloods fine.", AUTO, "Saw");
	found("ma fille ambre a la varicelle", FR, "ambre", ENT_PRIV_NAME);
	not_found("mon fils aime le foot", FR, "aime");
	not_found("dis lui que c bon pr demain", FR, "demain");
	found("bonjour je suis fanny maman de lou et jules", FR, "fanny", ENT_PRIV_NAME);
	found("bonjour je suis fanny maman de lou et jules", FR, "jules", ENT_PRIV_NAME);
	not_found("je suis fatiguée et infirmière", FR, "fatiguée");
}

static void api_contract(void **state)
{
	(void)state;
	struct ent_priv_spans sp;
	assert_int_equal(ent_priv_scan(eng, "\xC3\x28", 2, FR, &sp), ENT_EUTF8);
	assert_int_equal(ent_priv_scan(eng, "\xED\xA0\x80", 3, FR, &sp), ENT_EUTF8); /* surrogate */
	assert_int_equal(ent_priv_scan(eng, "\xC0\xAF", 2, FR, &sp), ENT_EUTF8);     /* overlong */
	assert_int_equal(ent_priv_scan(NULL, "a", 1, FR, &sp), ENT_EINVAL);
	assert_int_equal(ent_priv_scan(eng, "", 0, FR, &sp), ENT_OK);
	assert_int_equal(sp.n, 0);
	ent_priv_spans_clear(&sp);
	char *big = malloc(ENT_PRIV_MAX_TEXT + 1);
	assert_non_null(big);
	memset(big, 'a', ENT_PRIV_MAX_TEXT + 1);
	assert_int_equal(ent_priv_scan(eng, big, ENT_PRIV_MAX_TEXT + 1, FR, &sp), ENT_ETOOBIG);
	free(big);
	ent_priv_spans_clear(NULL);
	ent_priv_result_clear(NULL);

	const char *t = "Ma fille Chloé voit Chloé et le Dr Bouvier.";
	struct ent_priv_result r;
	assert_int_equal(ent_priv_redact(eng, t, strlen(t), FR, ENT_PRIV_MASK, &r), ENT_OK);
	assert_string_equal(r.text, "Ma fille [NOM] voit [NOM] et le Dr [NOM].");
	ent_priv_result_clear(&r);
	assert_int_equal(ent_priv_redact(eng, t, strlen(t), FR, ENT_PRIV_PSEUDONYMISE, &r), ENT_OK);
	assert_string_equal(r.text, "Ma fille Camille voit Camille et le Dr Dominique.");
	ent_priv_result_clear(&r);
	assert_int_equal(ent_priv_redact(eng, t, strlen(t), FR, ENT_PRIV_REPORT, &r), ENT_OK);
	assert_string_equal(r.text, t);
	assert_int_equal(r.spans.n, 3);
	ent_priv_result_clear(&r);
	assert_int_equal(ent_priv_redact(eng, "my son Jack", 11, EN, ENT_PRIV_MASK, &r), ENT_OK);
	assert_string_equal(r.text, "my son [NAME]");
	assert_int_equal(r.spans.lang, EN);
	ent_priv_result_clear(&r);
	enum ent_priv_lang l;
	assert_int_equal(ent_priv_lang_parse("xx", &l), ENT_EINVAL);
	assert_int_equal(ent_priv_redact(eng, "My husband John is 45 years old and lives in Leeds.", 51,
					 ENT_PRIV_AUTO, ENT_PRIV_MASK, &r), ENT_OK);
	assert_int_equal(r.spans.lang, EN);
	ent_priv_result_clear(&r);
}

static void *worker(void *arg)
{
	const char *t = arg;
	for (int k = 0; k < 200; k++) {
		struct ent_priv_result r;
		if (ent_priv_redact(eng, t, strlen(t), ENT_PRIV_FR, ENT_PRIV_MASK, &r) != ENT_OK)
			return (void *)1;
		int bad = strcmp(r.text, "Ma fille [NOM] a [ÂGE], appelez le [CONTACT].") != 0;
		ent_priv_result_clear(&r);
		if (bad)
			return (void *)1;
	}
	return NULL;
}

static void threads_share_one_engine(void **state)
{
	(void)state;
	pthread_t th[4];
	char *t = "Ma fille Chloé a 7 ans, appelez le 06 12 34 56 78.";
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, t), 0);
	for (int i = 0; i < 4; i++) {
		void *rv;
		pthread_join(th[i], &rv);
		assert_null(rv);
	}
}


/* Issue 19, fourth round: the classes of the misses on the texts W19 wrote blind (each line
 * failed before its rule). */
static void w19_round(void **state)
{
	(void)state;
	/* a US line with its area code in brackets, whatever its exchange */
	found("Reach me at (555) 014-2290. Thanks", EN, "(555) 014-2290", ENT_PRIV_CONTACT);
	/* ... and in three groups of 3, 3 and 4 set off by the same dash or dot (twentieth session) */
	found("Call me at 555-014-2290 or email", EN, "555-014-2290", ENT_PRIV_CONTACT);
	found("please call back at 555.013.4477 to reschedule", EN, "555.013.4477", ENT_PRIV_CONTACT);
	not_typed("lot 555-014/2290 recalled", EN, "555-014/2290", ENT_PRIV_CONTACT);
	not_typed("scores 155-014-2290", EN, "155-014-2290", ENT_PRIV_CONTACT);
	/* an English "me" after a sentence's first word is no French pronoun */
	not_found("Reach me at home", EN, "Reach");
	/* "&" closes a list of names like "and" */
	found("thanks Bill & Olive for the flowers", EN, "Olive", ENT_PRIV_NAME);
	/* a town that is a given name, introduced and set off by a comma */
	found("Je suis Lourdes, 41 ans, de Lourdes justement", FR, "Lourdes", ENT_PRIV_NAME);
	found("je suis à Lourdes, 41 ans", FR, "Lourdes", ENT_PRIV_LOCATION);
	/* sign-offs: SMS ones, and phrases before a comma */
	found("Could someone fax it? Thank you, Lupe", EN, "Lupe", ENT_PRIV_NAME);
	found("Cdlt,\nPatrick LEMOINE", FR, "Patrick LEMOINE", ENT_PRIV_NAME);
	found("ok pour demain thx Jonno", EN, "Jonno", ENT_PRIV_NAME);
	/* contractions and SMS verbs are no names */
	not_found("my mum doesn't know", EN, "doesn");
	not_found("(Don't post your NHS number here", EN, "Don");
	not_found("bjr jvoudrais savoir si", FR, "jvoudrais");
	not_found("slt jai 19 ans jsuis en fac", FR, "jai");
	/* a lowercase surname no list knows after a self-introduction */
	found("je m appelle ryan belkacem né le 05 07 2001", FR, "ryan belkacem", ENT_PRIV_NAME);
	/* a self-introduction, a name-list word and an age */
	found("madame je suis raymond petit 83 ans", FR, "raymond petit", ENT_PRIV_NAME);
	found("bjr c jordan 19 ans, jai perdu", FR, "jordan", ENT_PRIV_NAME);
	found("hey i'm bill, 62, COPD", EN, "bill", ENT_PRIV_NAME);
	not_found("i'm fine, 20 minutes late", EN, "fine"); /* (a guard: no span before either) */
	/* a lowercase given name that is a word, after a relative, before an age or an emoji */
	found("ma fille clemence 15 ans fait des crises", FR, "clemence", ENT_PRIV_NAME);
	found("pour mon papa rene \xe2\x9d\xa4\xef\xb8\x8f il est parti", FR, "rene", ENT_PRIV_NAME);
	/* a lowercase first name before an age */
	found("manon, 26 ans, Crohn depuis mes 16 ans", FR, "manon", ENT_PRIV_NAME);
	/* lowercase title, particle and surname */
	found("mon medecin c le dr le goff a cesson", FR, "le goff", ENT_PRIV_NAME);
	/* a field's value: a first name and a surname that are words too */
	found("Sage-femme : Prudence Weber, au top.", FR, "Prudence Weber", ENT_PRIV_NAME);
	/* a first name that is also a noun, opening a sentence before a preposition, stays a name
	 * (a rule that read it as the noun, "Prudence avec les compléments", was taken out) */
	found("Jade en réa depuis hier soir.", FR, "Jade", ENT_PRIV_NAME);
	found("Claire avec son mari est venue.", FR, "Claire", ENT_PRIV_NAME);
	/* a départment is no person */
	not_found("Des parents du Tarn qui ont vécu ça ?", FR, "Tarn");
	/* a name and a surname before "here"; NP as a title */
	found("Hello from Perth! Mark Hastings here.", EN, "Mark Hastings", ENT_PRIV_NAME);
	found("and especially NP Kerry O'Brien. My wife", EN, "Kerry O'Brien", ENT_PRIV_NAME);
}

/* Issue 19, W19 round 2: more classes of the misses on the W19 texts and on the old tuning
 * set (each line failed before its rule). */
static void w19_round2(void **state)
{
	(void)state;
	/* a phone label glued to its number; a number in brackets after its label */
	found("tel0612345678 si qqn veut covoiturer", FR, "0612345678", ENT_PRIV_CONTACT);
	found("mon nouveau numéro IPP par courrier (4402198) parce que", FR, "4402198", ENT_PRIV_ID);
	/* a profession between the label and the number */
	found("ADELI infirmière libérale : 699102345.", FR, "699102345", ENT_PRIV_ID);
	/* form fields: "nom de naissance", "nom d'usage" */
	found("Nom de naissance DUPUIS, nom d'usage FAURE, prénom Élodie", FR, "FAURE", ENT_PRIV_NAME);
	/* a word closing the text after a sentence end is a word, unless a first name */
	not_found("Merci au kiné. Miracle.", FR, "Miracle");
	found("Thanks for everything you did for mum. Hope", EN, "Hope", ENT_PRIV_NAME); /* (a guard) */
	/* a town that is a given name, doing what a person does */
	found("Lourdes et moi, on a fait le pèlerinage.", FR, "Lourdes", ENT_PRIV_NAME);
	found("Anjali shaved my head and Rohan cried more than me.", EN, "Rohan", ENT_PRIV_NAME);
	/* a given name that is a word, inside a list of names */
	found("Bonjour Steph, Coco et Lili : désolée", FR, "Coco", ENT_PRIV_NAME);
	/* a possessive, a diminutive, a word-name, a verb */
	found("ma ptite jade a peur des piqûres", FR, "jade", ENT_PRIV_NAME);
	/* a handle heads a list of names */
	found("Merci @NeuroLaurenceD, Soizic et toute l'équipe", FR, "Soizic", ENT_PRIV_NAME);
	/* a surname in capitals with both halves */
	found("ch 4 : AÏT-AHMED Rachid douleur", FR, "AÏT-AHMED Rachid", ENT_PRIV_NAME);
	/* a given name opening the text, then a comma or a dash */
	found("Hope, can you call the ward", EN, "Hope", ENT_PRIV_NAME);
	found("Ivy - the pt in 4 is back", EN, "Ivy", ENT_PRIV_NAME);
	/* a lowercase carer's title */
	found("shoutout to nurse prudence on ward 9", EN, "prudence", ENT_PRIV_NAME);
	found("I'm Hope and I'm 16.", EN, "Hope", ENT_PRIV_NAME);
	/* no persons: a ward's name, a ward and its code, a nationality */
	not_found("Our boy Arjun (2) is on Badger ward.", EN, "Badger");
	not_found("Dr Tomasz Nowak on Ward 5B at Royal Preston", EN, "Ward");
	not_found("surname something Greek I can't spell", EN, "Greek");
	/* a field "Prof super : Élise": the label is no name, the value is one */
	not_found("Premier cours. Prof super : Élise. Post-chimio, ça fait du bien.", FR, "super");
	found("Premier cours. Prof super : Élise. Post-chimio, ça fait du bien.", FR, "Élise", ENT_PRIV_NAME);
	found("le bilan de mme pinto : ferritine 6", FR, "pinto", ENT_PRIV_NAME); /* (a guard) */
	/* a prefix glued to a lowercase word; a region written with hyphens */
	not_found("Premier cours. Prof super : Élise. Post-chimio, ça fait du bien.", FR, "Post");
	not_found("Si quelqu'un de la caisse de Seine-Saint-Denis... non", FR, "Seine-Saint-Denis");
}

/* Issue 19, W19 round 3 (tests/privacy/tuning-3.jsonl): classes of its misses. */
static void w19_round3(void **state)
{
	(void)state;
	/* a name found once is the person wherever the text repeats it; not the ordinary word
	 * at a sentence start, not a month without a verb */
	found("Les infirmières adorent Prune, ma nièce Prune a 9 ans.", FR, "Prune", ENT_PRIV_NAME);
	not_found("Les infirmières adorent Prune et moi les abricots.", FR, "Prune"); /* (a guard) */
	not_found("Olive oil for ear wax? My GP (Dr Olive Tembo) said yes.", EN, "Olive oil");
	not_found("My daughter June was born in June 2019 and diagnosed this June.", EN, "this June");
	/* surname first: in a semicolon list, in capitals, with an initial or a prefix */
	found("Present: Hughes, Anna; Shah, Ravi; Moore, Tim", EN, "Shah, Ravi", ENT_PRIV_NAME);
	found("Patient: KHAN, Ravi Kumar  Hosp No: RX4471209", EN, "KHAN, Ravi Kumar", ENT_PRIV_NAME);
	found("Consultant: Adeyemi, T.\" on the letter", EN, "Adeyemi, T.", ENT_PRIV_NAME);
	found("ED handover: 71F, O'BRIEN Siobhan, DOB 2/3/53, PMH COPD and AF.", EN, "O'BRIEN Siobhan",
	      ENT_PRIV_NAME);
	found("Quelqu'un connaît VAN DER BERGHE Sylvie, la kiné de Roubaix ?", FR, "VAN DER BERGHE Sylvie",
	      ENT_PRIV_NAME);
	found("Review for bed 6 (ROSE HALL-BENNETT, 64) please, Hb down.", EN, "ROSE HALL-BENNETT", ENT_PRIV_NAME);
	/* texts in capitals */
	found("PLEASE HELP MY HUSBAND GRACE MWANGI IS NOT ANSWERING HIS PHONE SINCE LAST NIGHT", EN,
	      "GRACE MWANGI", ENT_PRIV_NAME);
	/* after a title: initials, particles, a commune after a given name and "de" */
	found("Opérée par le Dr J.-L. Perrin à Vannes en mai.", FR, "J.-L. Perrin", ENT_PRIV_NAME);
	found("mon dermato c'est le Dr Marie-Hélène de Montalembert à Paris", FR,
	      "Marie-Hélène de Montalembert", ENT_PRIV_NAME);
	found("On a vu le Dr Le Gall-Nguyen hier.", FR, "Le Gall-Nguyen", ENT_PRIV_NAME);
	/* short names after a sign-off, thanks, a relative */
	found("can you chase the bloods? thx Fi", EN, "Fi", ENT_PRIV_NAME);
	found("big thank you to Jo and Al on nights", EN, "Jo", ENT_PRIV_NAME);
	found("He saw my son Ty at 18 months.", EN, "Ty", ENT_PRIV_NAME);
	found("Référente : sa nièce Mai, 07 81 30 55 26.", FR, "Mai", ENT_PRIV_NAME);
	found("Rendez-vous le 3 mai, 9 h.", FR, "3 mai", ENT_PRIV_DATE);
	/* the writer's name: SMS "c", "ici", a request after a comma, "me, X," */
	found("qqun a son nouveau cabinet? merci d'avance c fatou", FR, "fatou", ENT_PRIV_NAME);
	found("coucou les filles, nono ici, ma puce a 3 ans", FR, "nono", ENT_PRIV_NAME);
	found("Babeth, peux-tu rappeler la fille de Mme Pons ?", FR, "Babeth", ENT_PRIV_NAME);
	found("Please call me, Lorraine, on the landline.", EN, "Lorraine", ENT_PRIV_NAME);
	/* no person: the end of a sentence after "Monsieur", an English article, a holiday */
	not_found("le nom d'un Monsieur. Moi c'est Crohn depuis 6 ans", FR, "Moi");
	not_found("pop psychology loves a name. Ask a psychiatrist, not TikTok.", EN, "Ask");
	not_found("is your clinic open on Labor Day and Thanksgiving?", EN, "Labor");
	/* labels: a qualifier word after the label, Aadhaar */
	found("Son identifiant télésurveillance : TLS-004871, merci", FR, "TLS-004871", ENT_PRIV_ID);
	found("Aadhaar 7384 1926 5017. The app says invalid.", EN, "7384 1926 5017", ENT_PRIV_ID);
	/* a request opening the text, a carer's trade after a name, lists */
	found("Mo can u grab milk on the way, im still at Ealing", EN, "Mo", ENT_PRIV_NAME);
	found("julien t'es où ? le kiné t'attend", FR, "julien", ENT_PRIV_NAME);
	found("Fi - the pt in bay 2 is back from Pinderfields", EN, "Fi", ENT_PRIV_NAME);
	not_found("Can my carer come into the MRI room with me?", EN, "Can");
	found("Capucine, l'aide-soignante de nuit, porte bien son prénom.", FR, "Capucine", ENT_PRIV_NAME);
	found("J.-M. (mon mari) a fait un AVC à 54 ans.", FR, "J.-M.", ENT_PRIV_NAME);
	not_found("Hier, l'infirmière m'a appelée.", FR, "Hier");
	not_found("Sinon, le médecin m'a dit de revenir.", FR, "Sinon");
	not_found("Hier, mon mari m'a dit de revenir.", FR, "Hier");
	not_found("Hm, je sais pas trop.", FR, "Hm");
	not_found("Use the interpreter line, number is on the wall.", EN, "Use");
	found("Merci @NeuroAnneD, Soazig et toute l'équipe de Pontchaillou 💪", FR, "Soazig", ENT_PRIV_NAME);
	found("le dermato c'est Moreau ou Morel ? jme souviens plus", FR, "Moreau", ENT_PRIV_NAME);
	found("Le Dr Mendes da Costa est son oncologue.", FR, "Mendes da Costa", ENT_PRIV_NAME);
	found("Name Adeyemi-Baptiste, Daniel, DOB 09/11/2017.", EN, "Adeyemi-Baptiste, Daniel", ENT_PRIV_NAME);
	found("Hello, I'm Delroy Thélus, I had a colonoscopy booked", EN, "Delroy", ENT_PRIV_NAME);
	found("Je suis déjà venue en 2021. Merci.", FR, "2021", ENT_PRIV_DATE); /* "venue" is a label, not here */
}

/* Issue 19, eleventh session: false names found on texts that may be read (the desk's
 * messages, probes of last session's rules). Each not_found was a NAME on main d5f973f. */
static void s11_precision(void **state)
{
	(void)state;
	/* a title that is also a noun, then a verb */
	not_found("The doctor said it was nothing.", EN, "said");
	not_found("my doctor put me on steroids", EN, "put");
	not_found("The doctor didn't even look at me", EN, "didn");
	not_found("Nurse can you check the drip please", EN, "can");
	not_found("Mon docteur pense que c'est viral", FR, "pense");
	not_found("bonjour madame quelle est la procédure", FR, "quelle");
	not_found("I'm Nigerian, and my GP said", EN, "said");
	found("le docteur moreau est parti", FR, "moreau", ENT_PRIV_NAME);
	found("merci au docteur martin", FR, "martin", ENT_PRIV_NAME);
	found("Dr House said it was lupus", EN, "House", ENT_PRIV_NAME);
	/* function words opening a French sentence */
	not_found("Quel est le numéro du standard ?", FR, "Quel");
	not_found("Ceci dit, je vais mieux.", FR, "Ceci");
	/* last session's rules, narrowed: a compound given name heading a list, an acronym
	 * before a relative, an abbreviation before a dash, a word no list knows after I'm */
	found("Bonjour Jean-Marc, Sophie, je vous écris", FR, "Jean-Marc", ENT_PRIV_NAME);
	found("Name Adeyemi-Baptiste, Daniel, DOB 09/11/2017.", EN, "Adeyemi-Baptiste, Daniel", ENT_PRIV_NAME);
	not_found("A.V.C. (ma mère) en 2019, depuis ça va", FR, "V.C.");
	found("J.-M. (mon mari) a fait un AVC à 54 ans.", FR, "J.-M.", ENT_PRIV_NAME);
	not_found("Ps - don't forget the bloods", EN, "Ps");
	not_found("Bj - je voudrais un rdv", FR, "Bj");
	not_found("I'm Coeliac, any tips?", EN, "Coeliac");
	found("Hello, I'm Delroy Thélus, I had a colonoscopy booked", EN, "Delroy", ENT_PRIV_NAME);
	/* a word of congratulation is no part of the name */
	found("Congrats Tariq on finishing chemo!!", EN, "Tariq", ENT_PRIV_NAME);
}

/* Issue 19, eleventh session: W19's fourth set of texts (tests/privacy/tuning-4.jsonl), the
 * classes of its misses, in texts written for the test (not W19's). */
static void w19_round4(void **state)
{
	(void)state;
	/* texts in capitals: a nickname in quotes, a hyphenated surname, a pair, a signature */
	found("HELLO, I AM WRITING ABOUT MY MOTHER NORA 'NONIE' O'KEEFFE, DOB 02/11/1946, ADMITTED LAST NIGHT.", EN,
	      "NORA 'NONIE' O'KEEFFE", ENT_PRIV_NAME);
	found("MON FILS NATHAN LEROY-MARCHAND 19 ANS A ETE TRANSFERE CETTE NUIT A L'HOPITAL.", FR,
	      "NATHAN LEROY-MARCHAND", ENT_PRIV_NAME);
	found("PERSONNE NE REPOND AU TELEPHONE DEPUIS HIER SOIR. MERCI DE RAPPELER. GISELE KERGUELEN, NEE LE 3/4/1950.", FR,
	      "GISELE KERGUELEN", ENT_PRIV_NAME);
	found("NOBODY WILL TELL ME ANYTHING ABOUT MY DAD. RING ME ON 087 555 0142. CIARAN", EN, "CIARAN",
	      ENT_PRIV_NAME);
	found("MARINE A REPRIS LE SPORT APRES SIX MOIS DE REEDUCATION, MERCI AUX KINES", FR, "MARINE", ENT_PRIV_NAME);
	found("BRAVO A SOLENE POUR SA PREMIERE INJECTION TOUTE SEULE !!!", FR, "SOLENE", ENT_PRIV_NAME);
	not_found("MY NAME IS FAITH OKORO AND I HAVE LOST ALL FAITH IN THIS SERVICE, NOBODY CALLS BACK", EN,
		  "ALL FAITH");
	/* quotes of every kind around a nickname */
	found("Mon oncle Jean-Louis « Loulou » Marchetti est sorti de réa.", FR, "Jean-Louis « Loulou » Marchetti",
	      ENT_PRIV_NAME);
	/* lowercase: a first name and a surname no dictionary knows, a list of nicknames */
	found("bjr mon mari jean-luc kervella né le 4/7/58 a des essoufflements", FR, "jean-luc kervella",
	      ENT_PRIV_NAME);
	found("merci à : zaza, fifi, bibou et nono pour les courses", FR, "fifi", ENT_PRIV_NAME);
	not_found("jsuis anthony, jhabite roubaix, rappelez moi", FR, "jhabite");
	not_found("prudence est de mise avec ce traitement", FR, "prudence");
	not_found("merci à : la pharmacie, le labo et le kiné", FR, "pharmacie");
	/* a word-name before a copula and an age, the writer's companion, relatives abroad */
	found("rose is 4 weeks old today and still not feeding well", EN, "rose", ENT_PRIV_NAME);
	found("Sydney turned 5 today and she is cancer free", EN, "Sydney", ENT_PRIV_NAME);
	found("marine et moi on a couru 10 km dimanche pour sa maman", FR, "marine", ENT_PRIV_NAME);
	found("Oom Piet (74) had his stent on Wednesday.", EN, "Piet", ENT_PRIV_NAME);
	not_found("Oom Piet (74) had his stent on Wednesday.", EN, "Oom");
	found("kindly share the summary of my father Shri R. Venkataraman, aged 74", EN, "R. Venkataraman",
	      ENT_PRIV_NAME);
	found("JE CHERCHE DES NOUVELLES DE MA MERE GERMAINE LEBRETON NEE LE 12/03/1941, PERSONNE NE REPOND", FR,
	      "GERMAINE LEBRETON", ENT_PRIV_NAME);
	found("merci à : l'équipe de nuit, Dr Faure, Nadège la puéricultrice, et ma mère", FR, "Faure", ENT_PRIV_NAME);
	found("merci à : l'équipe de nuit, Dr Faure, Nadège la puéricultrice, et ma mère", FR, "Nadège", ENT_PRIV_NAME);
	not_found("pour le dossier de mon père : NIR:160126912304543, né le 09/12/1960", FR, "NIR");
	/* a self-introduction: capitalised words no list knows before an age; a word-name after a
	 * relative, before a preposition */
	found("Bonsoir, je suis Zorbalune Kivtar, 52 ans, aidante de mon mari", FR, "Zorbalune Kivtar",
	      ENT_PRIV_NAME);
	not_found("je suis Fatigue, 2 jours que je dors pas", FR, "Fatigue");
	found("drove my husband bill to the GP this morning, chest pains", EN, "bill", ENT_PRIV_NAME);
	not_found("my husband paid the bill to the garage", EN, "bill");
	/* thanks to a given name in capitals, in a text in capitals or not */
	found("THANK YOU TO MAUREEN ON THE DESK IN OUTPATIENTS!!! SHE SORTED IT IN MINUTES", EN, "MAUREEN",
	      ENT_PRIV_NAME);
	found("BRAVO A LOUNA 🎉 9 ANS ET SA PREMIERE INJECTION TOUTE SEULE !!! trop fière de ma grande", FR, "LOUNA", ENT_PRIV_NAME);
	not_found("Merci merci merci a tute l'equipe de cardiologie", FR, "tute");
}

/* ... and its contacts and identifiers. */
static void w19_round4_ids(void **state)
{
	(void)state;
	/* contacts written for the robots, phone numbers spelled out */
	found("mon mail c'est anne.le-goff @ orange . fr (sans les espaces)", FR, "anne.le-goff @ orange . fr",
	      ENT_PRIV_CONTACT);
	found("Drop me a line: tanya . mensah @ outlook . com x", EN, "tanya . mensah @ outlook . com",
	      ENT_PRIV_CONTACT);
	found("contactez Paul : p.lemaire(a)wanadoo.fr, il répond le soir", FR, "p.lemaire(a)wanadoo.fr",
	      ENT_PRIV_CONTACT);
	found("appelez-la au zéro six, trente-deux, quinze, quatre-vingt-dix-neuf, zéro huit, elle connaît tout le monde",
	      FR, "zéro six, trente-deux, quinze, quatre-vingt-dix-neuf, zéro huit", ENT_PRIV_CONTACT);
	found("text me on oh seven nine one one, four double two, eight one six if you need anything", EN,
	      "oh seven nine one one, four double two, eight one six", ENT_PRIV_CONTACT);
	not_found("on a compté zéro, un, deux, trois avec la kiné", FR, "zéro");
	/* identifiers glued to their label, with a closing letter */
	found("Locum cover: Dr Anand, GMC6612094, bleep 2231.", EN, "6612094", ENT_PRIV_ID);
	found("my PPSN8834512K is on the form but they have no record", EN, "8834512K", ENT_PRIV_ID);
}

/* Issue 19's seventh round (twelfth session): names from W19's fifth texts and the classes of
 * our tuning misses. */
static void s12_round5(void **state)
{
	(void)state;
	/* given names of other lands (ruby-faker's lists), no context needed when capitalised */
	found("aw naw, party cancelled. Bazza says hi to everyone from Paisley", EN, "Bazza", ENT_PRIV_NAME);
	found("quick q, is Jonno still on the ward or has he gone home?", EN, "Jonno", ENT_PRIV_NAME);
	/* the one a message is written to: before a dash opening it, before a second person */
	found("TJ — pt in side room 3 needs a cannula before 6", EN, "TJ", ENT_PRIV_NAME);
	found("Quick one Kemi — can you ring pharmacy about bay 2?", EN, "Kemi", ENT_PRIV_NAME);
	found("Tunde if you're reading this, thank you for last night", EN, "Tunde", ENT_PRIV_NAME);
	found("cheers for the lift joy ur a star, the scan was fine", EN, "joy", ENT_PRIV_NAME);
	found("faith is that u? new number, save it", EN, "faith", ENT_PRIV_NAME);
	found("ptdr nono t'es trop drôle, bon sinon le scanner c'est lundi", FR, "nono", ENT_PRIV_NAME);
	not_found("hope ur ok, the ward said visiting is at 2", EN, "hope");
	not_found("Well ur a brave one, I could never do chemo twice", EN, "Well");
	not_found("Aww ur so strong, sending love", EN, "Aww");
	not_found("Update — the scan was fine, thanks all", EN, "Update");
	not_found("babe ur a star for driving me", EN, "babe");
	not_found("Bon t'as raison, j'appelle demain", FR, "Bon");
	/* a short given name with a possessive; a word-name after a relative or "name's" */
	found("they are keeping me in tonight. Jo's got the kids", EN, "Jo", ENT_PRIV_NAME);
	found("My husband Sunny has his scan on Friday", EN, "Sunny", ENT_PRIV_NAME);
	found("Any tips for keeping him calm? His name's Ty if you want to send a card", EN, "Ty", ENT_PRIV_NAME);
	not_found("It was a sunny day at the clinic, Sunny Side ward was quiet", EN, "Sunny Side");
	not_found("To Patient Records: please forward my letters", EN, "Records");
	/* a doubled syllable after "avec"; a list goes on after its items */
	found("jsuis aux urgences avec lulu, tkt c rien de grave", FR, "lulu", ENT_PRIV_NAME);
	not_found("jsuis aux urgences avec lea, tkt c rien de grave", FR, "tkt");
	not_found("enceinte de 8 mois, mal de tete violent depuis ce matin", FR, "tete");
	/* a word-name described by a carer's trade: after a copula, or as an apposition */
	found("faith was the best HCA on the ward, she held my hand all night", EN, "faith", ENT_PRIV_NAME);
	found("Victoire, l'infirmière de nuit, passe toutes les heures", FR, "Victoire", ENT_PRIV_NAME);
	not_found("Sinon, le médecin de garde, il est passé à 3h", FR, "Sinon");
	not_found("Hier, l'infirmière m'a dit que tout allait bien", FR, "Hier");
	not_found("hope is the best medicine, says my nan", EN, "hope");
	/* a word no list knows closing the text after a sentence end or a comma: a signature */
	found("Husband aware, MRN7741029. Reg on call, Olu", EN, "Olu", ENT_PRIV_NAME);
	not_found("It was a long night on the ward. Ugh.", EN, "Ugh");
	/* a small town that is a given name opening the message before a comma; a relative as a
	 * field's label; "grâce à" after a sentence end */
	found("Ade, GMC 7340562 is the locum's number if HR asks", EN, "Ade", ENT_PRIV_NAME);
	not_found("Ade, 12 mars 2024. Madame, Monsieur,", FR, "Ade");
	found("Can the summary go to our GP? Mum: Funmi, 07956 218 440", EN, "Funmi", ENT_PRIV_NAME);
	not_found("ma fille Grace a 9 ans. grâce à vous je panique moins", FR, "grâce");
	/* words that name no one: a virtue before "is" and an article, a pet's emoji, greetings
	 * and regions of other lands */
	not_found("Scan results on Friday. Patience is a virtue they say", EN, "Patience");
	not_found("Rex 🐶 sat with me the whole night after my panic attack", EN, "Rex");
	not_found("Kia ora whānau, does anyone know a good hospice?", EN, "Kia");
	not_found("we moved from Alberta to Halifax last year", EN, "Alberta");
	/* the first of a lowercase list; a doubled syllable in capitals before "t'es" */
	found("sophie, karim et lulu : merci d'avoir couru ce dimanche", FR, "sophie", ENT_PRIV_NAME);
	found("MDR JOJO t'es trop forte, sinon le pédiatre est top", FR, "JOJO", ENT_PRIV_NAME);
}

/* ... and identifiers and contacts of other lands. */
static void s12_round5_ids(void **state)
{
	(void)state;
	/* mobiles: Nigerian (11 digits from 070, 080, 081, 090, 091), Indian in two fives */
	found("Any update call me on 0806 412 5567 or text", EN, "0806 412 5567", ENT_PRIV_CONTACT);
	found("Wife Ngozi 08023 665 104, she speaks Igbo", EN, "08023 665 104", ENT_PRIV_CONTACT);
	found("Kindly revert on 98401 55023 before Friday", EN, "98401 55023", ENT_PRIV_CONTACT);
	not_found("Freephone 0800 123 4567, open every day", EN, "0800 123 4567");
	/* national numbers with their check digits: Belgian NISS, Swiss AVS */
	found("mon numéro national est le 85.07.30-033.28, merci", FR, "85.07.30-033.28", ENT_PRIV_ID);
	not_found("on a fait 85.07.30-033.27 au compteur", FR, "85.07.30-033.27");
	found("je suis suivie aux HUG, AVS 756.1234.5678.97 si besoin", FR, "756.1234.5678.97", ENT_PRIV_ID);
	not_found("on a fait 756.1234.5678.96 au compteur", FR, "756.1234.5678.96");
}

/* Issue 19's eighth round (thirteenth session): W19's sixth texts and the classes of our tuning
 * misses. */
static void s13_round8(void **state)
{
	(void)state;
	/* the writer introducing themselves as the message opens */
	found("mark here, lurker. my gf has crohns, any GIs nearby?", EN, "mark", ENT_PRIV_NAME);
	found("Hi all, Sunny from Bath here. My husband had his stroke in May", EN, "Sunny", ENT_PRIV_NAME);
	found("Bonsoir, ici titi, maman de Enzo. Le CMPP a 18 mois d'attente", FR, "titi", ENT_PRIV_NAME);
	found("Coucou c'est Patience, 38 ans, quelqu'un est suivi à Rennes ?", FR, "Patience", ENT_PRIV_NAME);
	found("Salut, c'est Tharshini de la réa. Ton patient du box 3 est extubé", FR, "Tharshini", ENT_PRIV_NAME);
	not_found("Same here, the waiting list is two years", EN, "Same");
	not_found("Coucou c'est moi, je suis rentrée", FR, "moi");
	not_found("Hello from Leeds, first post here", EN, "Hello");
	/* a word-name beside a relative, a trade or an age */
	found("Sunny (notre fille, 6 ans) a dormi tout le trajet", FR, "Sunny", ENT_PRIV_NAME);
	found("Premier jour de chimio. Ange, mon homme, n'a pas lâché ma main", FR, "Ange", ENT_PRIV_NAME);
	found("Merci au CHU. Ange, 3 ans, est sorti ce matin", FR, "Ange", ENT_PRIV_NAME);
	found("My brother Sunday is 19 and in pain again", EN, "Sunday", ENT_PRIV_NAME);
	found("Mum is Jade Price, phone on file. Dad is Sonny. Thanks", EN, "Sonny", ENT_PRIV_NAME);
	not_found("I saw my mum Sunday and she was fine", EN, "Sunday");
	not_found("Dear Pals, my father was discharged without his medication", EN, "Pals");
	/* given names in capitals opening a text that is not in capitals */
	found("ROSE!!! Where have you been, lovely? Missed you at group", EN, "ROSE", ENT_PRIV_NAME);
	found("CLAIRE ET ANGE, MERCI pour vos messages !!!", FR, "CLAIRE", ENT_PRIV_NAME);
	found("CLAIRE ET ANGE, MERCI pour vos messages !!!", FR, "ANGE", ENT_PRIV_NAME);
	found("MARIE-LOU est née le 02/02/2019 avec une trisomie 21", FR, "MARIE-LOU", ENT_PRIV_NAME);
	found("ANGE TU ES OÙ ? Le groupe s'inquiète", FR, "ANGE", ENT_PRIV_NAME);
	not_found("Petit message pour elle, qui a vaincu sa leucémie : VICTOIRE ! Fin des traitements", FR, "VICTOIRE");
	/* a carer's trade before a name no list holds; a greeting of the day */
	found("La psy m'a aidée. Et l'infirmière Rakotomalala aussi.", FR, "Rakotomalala", ENT_PRIV_NAME);
	found("Morning Jo, morning Bev. Bad night here", EN, "Jo", ENT_PRIV_NAME);
	not_found("Trop de monde ce soir. Bronchiolite, kiné respi demain matin", FR, "Bronchiolite");
	/* names of other lands run over their particles and syllables */
	found("Bonsoir, je suis Nguyễn Thị Mai, 52 ans, aidante de mon mari", FR, "Nguyễn Thị Mai", ENT_PRIV_NAME);
	found("FYI Ronan, transferring Padraig Ó Súilleabháin, 63, to Beaumont", EN, "Padraig Ó Súilleabháin",
	      ENT_PRIV_NAME);
	/* words that name no one */
	not_found("Joy, joy, joy. Finally off the Prednisolone after eighteen months!", EN, "Joy");
	not_found("Hope, faith and a lot of Sertraline got me through winter.", EN, "Hope");
	not_found("Off the steroids! Grace and patience, my friends.", EN, "Grace");
	not_found("Dr Kline wants a neuro consult. Call (617) 555-0199.", EN, "Call");
	not_found("Sunny days help my psoriasis but the Dr said to keep going", EN, "said");
}

/* ... and numbers whose label is not right before them. */
static void s13_round8_ids(void **state)
{
	(void)state;
	found("pls send me ur MRN for billing, i gave them mine (4471-0082) and they cant find it", EN, "4471-0082",
	      ENT_PRIV_ID);
	found("Mon IPP, je l'ai retrouvé sur une vieille étiquette, c'est le 40017723. Ça sert à quoi ?", FR,
	      "40017723", ENT_PRIV_ID);
	found("account 0049217785, SSN last 4 is 1206. Still getting letters.", EN, "1206", ENT_PRIV_ID);
	found("transferring him tmrw for EVD. PPS 7721094S. Wife has been told.", EN, "7721094S", ENT_PRIV_ID);
	not_found("My son is 12. The last 4 is 1206 steps to the top.", EN, "1206");
	not_found("On a fait le tour du lac, c'est le 40017723 ème visiteur", FR, "40017723");
}

/* Issue 19's ninth round (fourteenth session): names no list holds, read from the words around
 * them (priv_name_anchor.c), and W19's seventh texts. */
static void s14_round9(void **state)
{
	(void)state;
	/* an identity line: the name opens a line, a comma and the person's data follow */
	found("Merci de décaler mon rdv.\nLindiwe Bouaziz, née le 17/04/1979, IPP 40028817", FR, "Lindiwe Bouaziz",
	      ENT_PRIV_NAME);
	found("Can I move my appt to a later date. Seun Kervéguen, 07911 123456.", EN, "Seun Kervéguen", ENT_PRIV_NAME);
	found("Handover from Grzegorz: Hinemoa Tamatea (39), DOB 17/04/1987, awaiting CT", EN, "Hinemoa Tamatea",
	      ENT_PRIV_NAME);
	not_found("Lovenox, 40 mg le soir depuis lundi", FR, "Lovenox");
	/* wishes, news and requests about someone */
	found("Sending love to Faadumo and her little boy", EN, "Faadumo", ENT_PRIV_NAME);
	found("Grosse pensée pour Lounès qui nous a quittés cette nuit", FR, "Lounès", ENT_PRIV_NAME);
	found("Rest easy Tshilanda. My aunt passed on 1st December", EN, "Tshilanda", ENT_PRIV_NAME);
	found("he keeps asking for Xiaoling (wife). she's at work", EN, "Xiaoling", ENT_PRIV_NAME);
	found("vous connaissez Mwajuma ? elle a créé l'asso", FR, "Mwajuma", ENT_PRIV_NAME);
	found("tu peux passer voir Kerjean (chambre 12) avant ta pause ?", FR, "Kerjean", ENT_PRIV_NAME);
	not_found("son ordonnance d'Anapen est valable à l'étranger ?", FR, "Anapen");
	/* the text opens on the name, then a verb; a relative, a bracket, a trade */
	found("Agbodjan loves the garden again, first time since chemo", EN, "Agbodjan", ENT_PRIV_NAME);
	found("Tchouaméni a enfin dormi une nuit complète", FR, "Tchouaméni", ENT_PRIV_NAME);
	not_found("Flatmate had a panic attack but now her lips are blue", EN, "Flatmate");
	not_found("Rdv à 14h, reçu à 16h45, sans un mot d'excuse.", FR, "Rdv");
	found("Dad (Sourav) wants a call first: 07700 900642.", EN, "Sourav", ENT_PRIV_NAME);
	found("Coucou les mamans, Rélwendé (mon grand, 11 ans) a son premier rdv", FR, "Rélwendé", ENT_PRIV_NAME);
	found("Contact famille : petit-fils Wendkouni, +226 70 12 45 88.", FR, "Wendkouni", ENT_PRIV_NAME);
	found("Petites victoires. Etxeberria l'infirmier m'a laissé sortir", FR, "Etxeberria", ENT_PRIV_NAME);
	found("Delroy, heads up: bed 6 is Marcia, 54, post-op day 2", EN, "Delroy", ENT_PRIV_NAME);
	/* ward and desk messages: an age and a sex, a bare age, a label, a role after a sign-off */
	found("pt Kenold Kervéguen 27F in resus, anaphylaxis after peanut", EN, "Kenold Kervéguen", ENT_PRIV_NAME);
	found("Medicare MBI 1EG4-TE5-MK73, patient Pedro Kervéguen, 81.", EN, "Pedro Kervéguen", ENT_PRIV_NAME);
	found("Safeguarding concern - Kenold Gaz, 3 yrs, attended with a fracture", EN, "Kenold Gaz", ENT_PRIV_NAME);
	found("Kerjean can you ring the family of bed 6", EN, "Kerjean", ENT_PRIV_NAME);
	not_found("Pls can you add her to the list", EN, "Pls");
	found("AF on the monitor, already on apixaban. Thanks - Côté (FY1)", EN, "Côté", ENT_PRIV_NAME);
	/* a name that is also a word, on an identity line after a colon or with its role */
	found("Pour info : Claire Petit, née le 03/03/1962, séjour 2400918822", FR, "Claire Petit", ENT_PRIV_NAME);
	found("Thanks - Baker (FY1)", EN, "Baker", ENT_PRIV_NAME);
	not_found("Not sure? Call NHS 111.", EN, "Call");
	not_found("Full SSN is 399-79-6975, name on the card", EN, "Full");
	not_found("Quels papiers ? Carte vitale, mutuelle, ordonnance.", FR, "Carte");
	not_found("Lovenox, le soir depuis lundi, et ça pique", FR, "Lovenox");
	/* words that name no one */
	not_found("Happy to take any night next week. Ta", EN, "Ta");
	not_found("On m'a posé un Holter pour 24h.", FR, "Holter");
}

/* ... and contacts and identifiers of other shapes and lands. */
static void s14_round9_ids(void **state)
{
	(void)state;
	found("Il est dispo les mardis, tél (+33)7 81 22 90 14.", FR, "(+33)7 81 22 90 14", ENT_PRIV_CONTACT);
	found("number on file is wrong, try 07 911 - 123 - 456? thanks", EN, "07 911 - 123 - 456", ENT_PRIV_CONTACT);
	not_found("Il a fait 10 - 12 - 14 pompes ce matin", FR, "10 - 12 - 14");
	found("Happy to swap notes: teodora.m at eircom dot net", EN, "teodora.m at eircom dot net", ENT_PRIV_CONTACT);
	not_found("Meet at home dot com for the group", EN, "at home dot com");
	found("Her PESEL is 86042712345 if needed.", EN, "86042712345", ENT_PRIV_ID);
}

/* Issue 19's tenth round (fifteenth session): W19's lists of lowercase nicknames the rules
 * left, opening the message or after "surtout" in thanks (priv_name_series.c). */
static void s15_round10(void **state)
{
	(void)state;
	found("merci à toutes pour vos conseils, surtout adjoua, kossiwa et yannig qui m'ont répondu", FR, "kossiwa",
	      ENT_PRIV_NAME);
	found("tehani, poerava et heimana : les 3 mousquetaires de la dialyse du mardi", FR, "tehani", ENT_PRIV_NAME);
	found("titi, bibi et dédé, mes 3 copines de chimio du jeudi", FR, "dédé", ENT_PRIV_NAME);
	found("Thank you rangi, hone and aunty pani for the kai", EN, "pani", ENT_PRIV_NAME);
	not_found("Thank you rangi, hone and aunty pani for the kai", EN, "aunty");
	not_found("merci à tous, surtout les infirmières, les aides et les kinés", FR, "infirmières");
	not_found("thanks all, especially mum, dad and nan", EN, "dad");
	not_found("paracétamol, ibuprofène et tramadol : mes 3 alliés", FR, "tramadol");
	not_found("insulin, metformin and gliclazide: my 3 meds", EN, "metformin");
	/* a label's colon opens a sentence: the name after it is still the holder's */
	found("sur mon IBAN FR55 3000 4028 3700 0104 5127 833. Titulaire : Hamadou Djimadoum. Je ne reçois pas", FR,
	      "Hamadou Djimadoum", ENT_PRIV_NAME);
	not_found("Traitement : Lovenox. Le soir, une injection", FR, "Lovenox");
	/* a given name that is also a town, joined to another given name, is a compound given name */
	found("c'est Kenold ici, le mari de Marie-Lourdes. Elle ne peut plus écrire", FR, "Marie-Lourdes", ENT_PRIV_NAME);
	found("Je suis née à Saint-Malo et j'habite à Lourdes.", FR, "Lourdes", ENT_PRIV_LOCATION);
	/* two words no list knows opening a sentence before what only people do */
	found("elle sort de Pellegrin demain. Haizea et Oihana ont décoré sa chambre", FR, "Haizea", ENT_PRIV_NAME);
	not_found("Bref. Xeljanz et Rinvoq ont les mêmes effets", FR, "Xeljanz");
	not_found("Day 3. Xeljanz and Rinvoq have side effects", EN, "Rinvoq");
	/* a word no list knows right before a name found */
	found("my mother in law Teuila Faleolo (61) has been waiting 5 months", EN, "Teuila Faleolo", ENT_PRIV_NAME);
	/* two names one space apart are one person's */
	found("Staff du mardi : Kouassi N'Guessan Ange-Marius, 44 ans, LNH", FR, "Kouassi N'Guessan Ange-Marius",
	      ENT_PRIV_NAME);
}

/* ... and numbers after "n°" and the word saying which, the key of a NIR written from memory
 * (what: the ID, or NULL for none in `no`). */
static void s15_round10_ids(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		{"Je suis Mame Diarra Sow, n° patient SN-2025-118734", "SN-2025-118734", NULL, FR},
		{"depuis l'hôpital de Sion, n° AVS 756.9876.5432.10, arrivée prévue lundi", "756.9876.5432.10", NULL, FR},
		{"Merci, n° de patient 11873499.", "11873499", NULL, FR},
		{"Réclamation : facture n° 23634008, montant 320 €", "23634008", NULL, FR},
		{"pour son transport : 1 47 10 29 019 088 25. Elle s'appelle", "1 47 10 29 019 088 25", NULL, FR},
		{"vaccin n° de lot 4471234, posé hier", NULL, "4471234", FR},
		{"Il habite au n° 12 de la rue", NULL, "12", FR},
		/* a letter prefix glued to "n°" (twentieth session) */
		{"Dossier pédiatrie n°P-2019-33871. Mme Diop", "P-2019-33871", NULL, FR},
		{"le n°RX-4471-09 svp", "RX-4471-09", NULL, FR},
		/* code words around a labelled number; an insurer's name stays out */
		{"Bonjour, ma carte RAMQ c'est TREM 5412 2511, pis j'ai", "TREM 5412 2511", NULL, FR},
		{"Mon numéro d'assurance maladie : COTG 6205 1412. Rappelez-moi", "COTG 6205 1412", NULL, FR},
		{"Hi, my health card is 1666 599 962 AK. The clinic says", "1666 599 962 AK", NULL, EN},
		{"his hospital number is B 774 1092 and we live", "B 774 1092", NULL, EN},
		{"Mutuelle n° MGEN 7745 2201 93. Je lui ai", NULL, "MGEN", FR},
		/* a number given after its record was named: "voilà :", "here:", a bracket */
		{"Mon numéro de dossier ? c'est sur le courrier, attendez... voilà : A26-0099812. Je suis", "A26-0099812", NULL,
		 FR},
		{"the letter says to quote the reference at the top when replying, so here: RX-4471-09. My", "RX-4471-09",
		 NULL, EN},
		{"mon numéro de dossier (trouvé en bas de la lettre, pas sûre) : HDJ-55-0731. C'est", "HDJ-55-0731", NULL, FR},
		{"Ils étaient nombreux, voilà : 12345 personnes au stade", NULL, "12345", FR},
		/* what may stand between a label and its number */
		{"Bonjour, mon numéro de registre national est 85.07.30-033.61. Je suis", "85.07.30-033.61", NULL, FR},
		{"MRN on her band is 0098123, in case you ring the ward.", "0098123", NULL, EN},
		{"NPI of referring MD 1545523395 (Dr. Lorraine Baptiste)", NULL, "MD", EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_ID);
	not_typed("vaccin n° de lot B-44712, posé hier", FR, "B-44712", ENT_PRIV_ID);
	/* a Senegalese mobile as written there (2-3-2-2) */
	found("Mon num sénégalais : 77 654 32 10. Je suis", FR, "77 654 32 10", ENT_PRIV_CONTACT);
	/* a handle after its network and "je suis" / "i'm" */
	found("Des familles basques ? sur insta je suis ainhoa.etxe64", FR, "ainhoa.etxe64", ENT_PRIV_CONTACT);
	not_found("sur insta je suis fatiguée de tout ça", FR, "fatiguée");
	/* spelled, then in figures */
	found("Réponse au zéro six 14 22 87 53 svp. Hélène", FR, "zéro six 14 22 87 53", ENT_PRIV_CONTACT);
}

/* A long list of patients (the review's F6): past 32 spans the anchor rule reads each token's
 * span type from a table written once; the names and the drug must read as in a short text. */
static void long_identity_list(void **state)
{
	(void)state;
	static const char *const first[] = {"Kenold", "Hinemoa", "Lindiwe", "Seun"};
	char text[4096];
	size_t len = 0;
	for (int k = 0; k < 48; k++) {
		int n = snprintf(text + len, sizeof text - len, "%s Kervéguen%c, 07911 1234%02d\n", first[k % 4],
				 'a' + k % 26, k);
		assert_true(n > 0 && (size_t)n < sizeof text - len);
		len += (size_t)n;
	}
	snprintf(text + len, sizeof text - len, "Lovenox, 40 mg le soir.\nSeun Kervéguenzz, 07911 123499");
	found(text, EN, "Seun Kervéguenzz", ENT_PRIV_NAME);
	found(text, EN, "Hinemoa Kervéguenb", ENT_PRIV_NAME);
	not_found(text, EN, "Lovenox");
}

/* Round 11 (fifteenth session): a married name and the maiden name are one name (the shared
 * README's "first + last name is one span") */
static void s15_round11(void **state)
{
	(void)state;
	found("My mum, Margaret Ellis née Croft, was diagnosed in March 1998.", EN, "Margaret Ellis née Croft",
	      ENT_PRIV_NAME);
	found("Ma belle-mère, Odette Lambert née Rose, 90 ans, refuse de partir.", FR, "Odette Lambert née Rose",
	      ENT_PRIV_NAME);
	/* a birth date after "née" stays a date */
	found("Sandrine Lemaire, née le 17/04/1979, IPP 40028817.", FR, "Sandrine Lemaire", ENT_PRIV_NAME);
	/* an Australian Medicare number by its shape and key alone; a wrong key is no number */
	found("the one with the 1 at the end: 3184 72603 1.", EN, "3184 72603 1", ENT_PRIV_ID);
	not_found("the one with the 1 at the end: 3184 72604 1.", EN, "72604");
	/* given names that are also words: after a closing sign-off, before an age */
	found("Admitted 04/12 at CMC Vellore. Regards, Sunny", EN, "Sunny", ENT_PRIV_NAME);
	found("Ange, 8 mois, trisomie 21. Son frère l'appelle « mon ange ».", FR, "Ange", ENT_PRIV_NAME);
	found("Ange, 8 mois, trisomie 21. Son frère l'appelle « mon ange ».", FR, "8 mois", ENT_PRIV_AGE);
	found("Coucou Marine, la petite Mai (6 ans) de la chambre 12 a 39,5.", FR, "Mai", ENT_PRIV_NAME);
	not_found("Sunny is not so sunny today.", EN, "Sunny");
	not_found("On se revoit en Mai (6 ans après la greffe).", FR, "Mai");
	not_found("Hope you are well. Regards", EN, "Hope");
	found("Day 1 of radiotherapy. Ange, my radiographer, hummed ABBA the whole time.", EN, "Ange", ENT_PRIV_NAME);
	found("update on my little sister hope (12): her op went fine", EN, "hope", ENT_PRIV_NAME);
	not_found("Samedi, ma sœur Hélène m'a accompagnée à la séance.", FR, "Samedi");
	/* the parts of a Vietnamese name made whole */
	found("the lady in side room 2 (Tran Thi Thu Huong) needs an interpreter", EN, "Tran Thi Thu Huong",
	      ENT_PRIV_NAME);
	found("C'est pour l'ordo de Lê Văn Thắng (81 ans), sortie demain.", FR, "Lê Văn Thắng", ENT_PRIV_NAME);
	/* a relative's "in law", hyphens or not, before a name */
	found("my mother in law Sunita had a fall last night", EN, "Sunita", ENT_PRIV_NAME);
	found("my mother-in-law Sunita had a fall last night", EN, "Sunita", ENT_PRIV_NAME);
	not_found("my brother in law Since then nobody called", EN, "Since");
	/* hyphenated initials after a relative's word, a hyphenated name before ", mon grand frère" */
	found("Allo! Mon chum J-F a eu son opération au CHUM le 2 novembre.", FR, "J-F", ENT_PRIV_NAME);
	found("Lettre à Ti-Jo, mon grand frère parti de la drépano à 34 ans.", FR, "Ti-Jo", ENT_PRIV_NAME);
	not_found("Les notes A-E de mon fils sont bonnes.", FR, "A-E");
}

/* Session 16's review: over-masking a user would notice. Diseases named after people are
 * neither names nor towns, hyphenated or with particles; a name that merely looks like one
 * still is. */
static void s16_eponyms(void **state)
{
	(void)state;
	/* {text, the part no span may touch} */
	static const char *const none[][2] = {
		{"Je vous écris. Creutzfeldt-Jakob, ma tante en est morte l'an dernier.", "Creutzfeldt"},
		{"Long story. Parkinson-Plus, my dad was diagnosed with it last year.", "Parkinson-Plus"},
		{"Je vous écris. Guillain-Barré, mon père l'a eu en 2019.", "Barré"},
		{"Je vous écris. Charcot-Marie-Tooth, ma fille est atteinte.", "Marie-Tooth"},
		{"Lennox-Gastaut, ma fille fait 10 crises par jour.", "Lennox"},
		{"Ma mère a un Brown-Séquard depuis l'accident.", "Brown"},
		{"Ma fille a le syndrome de Prader-Willi.", "Prader-Willi"},
		{"Mon père a une dystrophie de Steinert.", "Steinert"},
		{"Je vous écris. Gilles de la Tourette, mon fils a ce syndrome.", "Gilles"},
		{"Mon fils a le syndrome de Gilles de la Tourette.", "Gilles"},
		{"Ma cousine a la maladie de Verneuil depuis 2 ans.", "Verneuil"},
	};
	for (size_t k = 0; k < sizeof none / sizeof none[0]; k++)
		not_found(none[k][0], AUTO, none[k][1]);
	/* the same shapes around a person stay names */
	found("Lettre à Ti-Jo, mon grand frère parti de la drépano à 34 ans.", FR, "Ti-Jo", ENT_PRIV_NAME);
	found("Lettre à Marie-Ève, ma grande sœur.", FR, "Marie-Ève", ENT_PRIV_NAME);
	found("Mon ami Gilles de Kervenoael est venu.", FR, "Gilles de Kervenoael", ENT_PRIV_NAME);
	found("J'habite à Verneuil depuis 2 ans.", FR, "Verneuil", ENT_PRIV_LOCATION);
	/* an Australian Medicare number: its key decides, with a label or without */
	found("Medicare 2123 45670 1", EN, "2123 45670 1", ENT_PRIV_ID);
	found("ring me on 2123 45670 1 tonight", EN, "2123 45670 1", ENT_PRIV_ID);
	not_found("ring me on 2123 45671 1 tonight", EN, "45671");
	found("my Medicare number is 2123 45671 1", EN, "2123 45671 1", ENT_PRIV_ID);
}

/* Twentieth session: classes of the misses on the retired held-out sets (tuning-8, tuning-9)
 * and the other tuning sets (each found() line failed before its rule). */
static void s20_retired(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		/* an initial and a surname no list knows; a surname that is also a word closing a
		 * line or an item of a list */
		{"Pts: B. Hughes, T. Mahlangu, F. Quinn. Notes on the system.", "T. Mahlangu", NULL, EN},
		{"Je ne le trouve pas dans la messagerie. Merci, P. Tchoumi", "P. Tchoumi", NULL, FR},
		{"j'ai été débitée deux fois !! remboursez moi svp\nS. Moreau", "S. Moreau", NULL, FR},
		{"Husband Cian on +353 87 412 9088. Reg S. Obi", "S. Obi", NULL, EN},
		{"voir T. Mahlangu demain matin", "T. Mahlangu", NULL, FR},
		/* a germ's second word; a sentence's end before a word that is a surname too */
		{"I have H. Pylori again, second time", NULL, "Pylori", EN},
		{"They found S. Aureus in the wound", NULL, "Aureus", EN},
		{"Sous vitamine D. Bon, je reprends demain", NULL, "Bon", FR},
		{"taking vitamin D. Then I slept", NULL, "Then", EN},
		{"J'ai l'hépatite C. Merci pour vos réponses", NULL, "Merci", FR},
		/* a germ's second word no list knows, by its Latin ending; a letter naming a
		 * vitamin, a type or an answer */
		{"Found K. Oxytoca, E. Faecium and more in the urine", NULL, "K. Oxytoca", EN},
		{"Found K. Oxytoca, E. Faecium and more in the urine", NULL, "E. Faecium", EN},
		{"Candida: C. Glabrata, resistant to fluconazole", NULL, "C. Glabrata", EN},
		{"I take L. Rhamnosus every morning", NULL, "L. Rhamnosus", EN},
		{"Vitamin D. Ergocalciferol is the plant form", NULL, "Ergocalciferol", EN},
		{"Type B. Aortic dissection, operated in March", NULL, "B. Aortic", EN},
		{"Question 4. Answer: C. Tachycardia.", NULL, "C.", EN}, /* (the last line may still sign it) */
		{"Merci pour le lien.\nT. Mahlangu", "T. Mahlangu", NULL, FR},
		/* a lowercase name after a relative, then an age in brackets or after a comma; not a
		 * birth order */
		{"ma fille lulu (9 ans) vient d'être diagnostiquée", "lulu", NULL, FR},
		{"mon fils titi, 4 ans, est suivi à Necker", "titi", NULL, FR},
		{"ma fille cadette (9 ans) vient d'être diagnostiquée", NULL, "cadette", FR},
		{"mon fils cadet, 4 ans, est suivi à Necker", NULL, "cadet", FR},
		/* nor a word the surname list holds too, unless a given name's list holds it, no
		 * dictionary knows it or it doubles a syllable */
		{"my daughter too (9 years old) has it", NULL, "too", EN},
		{"my daughter last (9 years old) has it", NULL, "last", EN},
		{"ma fille née (9 ans) a la même chose", NULL, "née", FR},
		{"mon fils dernier (9 ans) a la même chose", NULL, "dernier", FR},
		{"ma fille hier, 9 ans, a eu de la fièvre", NULL, "hier", FR},
		{"ma fille adorée, 9 ans, va mieux", NULL, "adorée", FR},
		{"mon fils seul, 9 ans, va mieux", NULL, "seul", FR},
		/* a given name hyphenated to a lowercase name (a text in capitals reads lowercase) */
		{"merci à marie-josée et à toute l'équipe", "marie-josée", NULL, FR},
		{"MERCI À MARIE-JOSÉE ET À TOUTE L'ÉQUIPE DU 5E À L'HÔTEL-DIEU", "MARIE-JOSÉE", NULL, FR},
		{"ma grand-mère est rentrée hier", NULL, "grand", FR},
		/* a capitalised particle after a hyphen inside a surname */
		{"Bonjour, ici le secrétariat du Dr Marchand-Le Bihan. Le rdv est déplacé", "Marchand-Le Bihan", NULL, FR},
		{"le Dr Dupont-De Vries est absent lundi", "Dupont-De Vries", NULL, FR},
		{"j'habite à Aix-La Chapelle depuis dix ans", NULL, "Chapelle", FR},
		/* the full stop of an initial closing a name, after thanks or a sign-off too */
		{"est-ce possible ?\nBien cordialement,\nAna F.", "Ana F.", NULL, FR},
		{"Merci Nadia R. pour tout", "Nadia R.", NULL, FR},
		/* a given name that is also a month, a day or a word, right before a surname no
		 * dictionary knows; not after a word that makes it a date, nor opening a sentence */
		{"Profile: June Whitaker, 68, volunteer at the hospice", "June Whitaker", NULL, EN},
		{"no really, Sunny Bhattacharjee, my parents were optimists", "Sunny Bhattacharjee", NULL, EN},
		{"In June Whitaker was admitted again", NULL, "June", EN},
		{"last June Whitaker told me", NULL, "June", EN},
		{"When Noah came home we cried", NULL, "When", EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_NAME);
	/* a hyphenated host holding a given name and a little word: a blog's or a fundraiser's;
	 * not an organisation's (no given name, or a surname) */
	static const struct scan_case u[] = {
		{"Sandrine, Besançon. Mon blog : sandrine-et-la-sla.fr", "sandrine-et-la-sla.fr", NULL, FR},
		{"la cagnotte est en ligne : www.cagnotte-pour-lea.fr merci", "www.cagnotte-pour-lea.fr", NULL, FR},
		{"les infos sont sur pierre-et-marie-curie.fr pour les familles", NULL, "pierre-et-marie-curie.fr", FR},
		{"voir www.association-des-patients.org pour les aides", NULL, "association-des-patients.org", FR},
		{"le guide de france-alzheimer.org est bien fait", NULL, "france-alzheimer.org", FR},
		/* nor a given name that is also a month, a day or a French word ... */
		{"la chanson la-vie-en-rose.fr est en ligne", NULL, "la-vie-en-rose.fr", FR},
		{"la marche octobre-rose-pour-toutes.fr a lieu samedi", NULL, "octobre-rose-pour-toutes.fr", FR},
		{"we joined walk-in-june.org for the hospice", NULL, "walk-in-june.org", EN},
		{"donate at cure-for-june.org if you can", NULL, "cure-for-june.org", EN},
		{"le site grace-et-la-vie.org parle de foi", NULL, "grace-et-la-vie.org", FR},
		/* unless "pour", "de", "for" brings it */
		{"la cagnotte ensemble-pour-claire.fr est ouverte", "ensemble-pour-claire.fr", NULL, FR},
		{"we set up hope-for-grace.org for her treatment", "hope-for-grace.org", NULL, EN},
	};
	check_cases(u, sizeof u / sizeof u[0], ENT_PRIV_CONTACT);
	/* the labels of other lands' identity numbers: Canada's SIN and NAS, France's CNI,
	 * Morocco's CIN, Australia's IHI and TFN */
	static const struct scan_case v[] = {
		{"my SIN is 046 454 286 if you need it", "046 454 286", NULL, EN},
		{"ma CNI 180375123456 a expiré le mois dernier", "180375123456", NULL, FR},
		{"CIN AB123456 au Maroc, je peux l'envoyer", "AB123456", NULL, FR},
		{"my IHI is 8003 6012 3456 7890 apparently", "8003 6012 3456 7890", NULL, EN},
		{"my sin is eating 12345 calories a day", NULL, "12345", EN},
		/* only in capitals, before a code of 8 letters and digits or more: not a word, a
		 * year nor a short number (a year may stay a date) */
		{"what a sin, 123456789 steps and still no change", NULL, "123456789", EN},
	};
	check_cases(v, sizeof v / sizeof v[0], ENT_PRIV_ID);
	not_typed("the sin of 2019 was skipping my scans", EN, "2019", ENT_PRIV_ID);
	not_typed("ma cni de 2015 est périmée", FR, "2015", ENT_PRIV_ID);
	not_typed("CIN 2019 et frottis normal depuis", FR, "2019", ENT_PRIV_ID);
	not_typed("the TFN 2023 deadline stressed me out", EN, "2023", ENT_PRIV_ID);
	not_typed("La CNI 2021 ne change rien pour la carte vitale", FR, "2021", ENT_PRIV_ID);
}

/* Session 21: rules drawn from tuning-10 (held-out set 3 until then), with their hard
 * negatives. */
static void s21_retired(void **state)
{
	(void)state;
	/* a number after a colon closing its clause, in a sentence that named a record's number
	 * earlier, however many words between */
	static const struct scan_case t[] = {
		{"NPI for the new nurse practitioner, Aminata Koné-Baptiste: 1245678903. Can you add her?", "1245678903",
		 NULL, EN},
		{"they need my passport number for an out-of-state visit: 541982736. Is that right?", "541982736", NULL, EN},
		{"Le numéro de dossier de ma mère à l'hôpital Nord, celui de la cardio : 40017723.", "40017723", NULL, FR},
		/* not a label that names no number (the NHS, a passport), nor a number that goes on */
		{"NHS waiting list in my area, total: 12345678.", NULL, "12345678", EN},
		{"My passport expired last year and the fee is now: 12500000 won.", NULL, "12500000", EN},
		{"passport number for the trip, price: 12500000 won", NULL, "12500000", EN},
		{"Mon dossier MDPH est complet. Montant : 12500000.", NULL, "12500000", FR},
		{"my MRN is on the letter, and the steps today: 12345678 apparently", NULL, "12345678", EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_ID);
	/* a ticket's reference: a letter prefix glued by a dash to digits, 8 characters or more */
	found("Complaint: I waited 4 hours at your urgent care. Ticket UC-0099231.", EN, "UC-0099231", ENT_PRIV_ID);
	not_typed("parking ticket 2024 was £3.50", EN, "2024", ENT_PRIV_ID);
	not_typed("mon ticket 20240312 de caisse", FR, "20240312", ENT_PRIV_ID);
	not_typed("Ticket AB-12 for the raffle", EN, "AB-12", ENT_PRIV_ID);
	/* a year or a YYYYMMDD date ending the code is an event, a fare, a receipt (R19b) */
	not_typed("Ticket COVID-2020 was a mess.", EN, "COVID-2020", ENT_PRIV_ID);
	not_typed("Ticket STAR-2025 pour le bus", FR, "STAR-2025", ENT_PRIV_ID);
	not_typed("the lottery ticket EURO-2024 lost", EN, "EURO-2024", ENT_PRIV_ID);
	not_typed("ticket FR-20240312 du restaurant", FR, "FR-20240312", ENT_PRIV_ID);
	found("Votre ticket DEM-2024-00123 est clos.", FR, "DEM-2024-00123", ENT_PRIV_ID);
	/* a romanised given name of two syllables after a relative or "petite", whatever its
	 * first syllable is as a word (a day, "Sun"); not a word's prefix and a word the
	 * language knows, nor a third part */
	static const struct scan_case u[] = {
		{"But my daughter Sun-hee is 4 and she keeps me going.", "Sun-hee", NULL, EN},
		{"On est parents d'une petite Seo-yeon, née le 8 février 2026.", "Seo-yeon", NULL, FR},
		{"Hi Hye-jin, your results are in", "Hye-jin", NULL, EN},
		{"my son Ji-woo is 4", "Ji-woo", NULL, EN},
		{"une petite Anti-âge crème pour le visage", NULL, "Anti", FR},
		{"la petite Mi-temps du service", NULL, "Mi-temps", FR},
		{"a little Co-op store near the clinic", NULL, "Co-op", EN},
		{"a little Pre-op anxiety is normal", NULL, "Pre-op", EN},
		{"my daughter Tout-en-un pack", NULL, "en-un", FR},
		/* the word after a capitalised name whose last part is lowercase is no listed
		 * lowercase name ("née" opens the birth) */
		{"ma petite Seo-yeon, née le 8 février, va bien", NULL, "née", FR},
		{"maman de lou et jules", "jules", NULL, FR},
	};
	check_cases(u, sizeof u / sizeof u[0], ENT_PRIV_NAME);
	/* a farewell opening a sentence, as "RIP", then the name and a pause: even a town or a
	 * country that is a given name too; not a farewell inside a sentence, nor a word after */
	static const struct scan_case v[] = {
		{"Rest easy Phoenix, gone at 8 after a brave fight with DIPG.", "Phoenix", NULL, EN},
		{"Fly high Jordan 💙 we miss you", "Jordan", NULL, EN},
		{"Repose en paix Lucas.", "Lucas", NULL, FR},
		{"Rest easy, everyone, the ward is calm tonight", NULL, "everyone", EN},
		{"Rest easy knowing the team is there", NULL, "knowing", EN},
		{"You can rest easy Tuesday, the results are fine", NULL, "Tuesday", EN},
		{"Sleep tight Tuesday night, everyone", NULL, "Tuesday", EN},
	};
	check_cases(v, sizeof v / sizeof v[0], ENT_PRIV_NAME);
	/* a lowercase word of a name list no dictionary knows after a possessive and "little" /
	 * "petite", then an age; not without the age, nor a word of the language */
	static const struct scan_case w[] = {
		{"our little jayden 3yo has tubes in his ears now", "jayden", NULL, EN},
		{"ma petite lilou 3 ans a la varicelle", "lilou", NULL, FR},
		{"my little fella had a febrile convulsion", NULL, "fella", EN},
		{"our little bubba is poorly again", NULL, "bubba", EN},
		{"my little man 3yo has croup", NULL, "man", EN},
		{"ma ptite puce 3 ans a de la fièvre", NULL, "puce", FR},
	};
	check_cases(w, sizeof w / sizeof w[0], ENT_PRIV_NAME);
	/* an eponym that is a given name too, which a relative or a pronoun is called by */
	static const struct scan_case x[] = {
		{"my niece is called Addison, which causes confusion: Mum has Addison's disease", "Addison", NULL, EN},
		{"ma nièce s'appelle Addison et elle a 4 ans", "Addison", NULL, FR},
		{"we have a daughter called Addison.", "Addison", NULL, EN},
		/* not the disease called so, nor without the person, nor French "son" */
		{"a disease called Addison's is rare", NULL, "Addison", EN},
		{"she has a condition called Addison disease", NULL, "Addison", EN},
		{"my mum has something called Addison", NULL, "Addison", EN},
		{"son syndrome s'appelle Cushing, c'est rare", NULL, "Cushing", FR},
		/* the relative or the pronoun right before the copula, no 'who' / 'qui' (R19b) */
		{"Il a une maladie qui s'appelle Crohn.", NULL, "Crohn", FR},
		{"Mon fils a un syndrome qui s'appelle Gilbert.", NULL, "Gilbert", FR},
		{"Mon père a ce qui s'appelle Parkinson.", NULL, "Parkinson", FR},
		{"What she has is called Addison.", NULL, "Addison", EN},
		{"La maladie qu'il a s'appelle Crohn.", NULL, "Crohn", FR},
		{"My brother's is called Gilbert, not serious.", NULL, "Gilbert", EN},
		{"Ma fille se prénomme Addison.", "Addison", NULL, FR},
		{"My son is named Wilson, he has asthma.", "Wilson", NULL, EN},
		{"son traitement s'appelle Addison", NULL, "Addison", FR},
	};
	check_cases(x, sizeof x / sizeof x[0], ENT_PRIV_NAME);
	/* a given name (a town too) set beside an article, a relative's word and "de" / "of"; not
	 * a word opening the sentence, a greeting, a town or a month */
	static const struct scan_case y[] = {
		{"Urgent : Sully, le fils de Mme Poirier, a appelé.", "Sully", NULL, FR},
		/* not a feast, nor a place that 'y' points back to (R19b) */
		{"Noël, la fille de ma voisine est venue nous voir.", NULL, "Noël", FR},
		{"Lourdes, la mère de ma copine y va chaque année.", NULL, "Lourdes", FR},
		{"Nice, la fille de ma voisine y travaille.", NULL, "Nice", FR},
		{"Rose, la fille de Mme Martin, a appelé", "Rose", NULL, FR},
		{"Hier, le fils de Mme Poirier a appelé", NULL, "Hier", FR},
		{"Merci, la fille de ma voisine est passée", NULL, "Merci", FR},
		{"Lyon, la ville de mon enfance", NULL, "Lyon", FR},
		{"Enfin, le fils de Mme Poirier est venu", NULL, "Enfin", FR},
		{"Mars, le mois de la sensibilisation", NULL, "Mars", FR},
	};
	check_cases(y, sizeof y / sizeof y[0], ENT_PRIV_NAME);
	/* a country that is a given name too, opening the text before "here" and an age */
	found("Jordan here, twenty-three, I was born with cystic fibrosis.", EN, "Jordan", ENT_PRIV_NAME);
	found("Jordan here, 23, born with CF.", EN, "Jordan", ENT_PRIV_NAME);
	not_typed("Jamaica here, it's hot", EN, "Jamaica", ENT_PRIV_NAME);
	/* only the countries commonly given as names (R19b) */
	not_typed("Ireland here, 30, waiting lists are long.", EN, "Ireland", ENT_PRIV_NAME);
	not_typed("Kenya here, 35, hot and dry.", EN, "Kenya", ENT_PRIV_NAME);
	not_typed("Jordan here, we have a good hospital", EN, "Jordan", ENT_PRIV_NAME);
	not_typed("Jordan here, 2024 was hard", EN, "Jordan", ENT_PRIV_NAME);
	/* a town's name opening on an article, with a word of the language in lowercase after
	 * it and no place word before, is the phrase; the town still with its capitals or a place
	 * word, and with its particles */
	static const struct scan_case z[] = {
		{"Les salles d'attente me rendent anxieuse.", NULL, "Les salles", FR},
		{"La chambre 412 était sale à mon arrivée", NULL, "La chambre", FR},
		{"La pierre de mon rein a décidé de sortir", NULL, "La pierre", FR},
		/* not a big city, nor a name of three words or more (R19b) */
		{"Le havre me manque depuis mon opération.", "Le havre", NULL, FR},
		{"Le mans c'est à 2h de Paris.", "Le mans", NULL, FR},
		{"Les sables d'olonne c'est top pour la rééducation.", "Les sables d'olonne", NULL, FR},
		{"Il habite Les Salles depuis 2010", "Les Salles", NULL, FR},
		{"j'habite à Les Salles", "Les Salles", NULL, FR},
		{"Les Sables-d'Olonne, c'est beau", "Les Sables-d'Olonne", NULL, FR},
		{"La Roche-sur-Yon est loin", "La Roche-sur-Yon", NULL, FR},
	};
	check_cases(z, sizeof z / sizeof z[0], ENT_PRIV_LOCATION);
	/* a place's name never opens on "sous", "sur", "en", "et", "and" right after its head */
	static const struct scan_case h[] = {
		{"Aujourd'hui rémission clinique sous Stelara.", NULL, "clinique", FR},
		{"Est-ce qu'il y a une navette entre la gare et l'hopital ?", NULL, "gare", FR},
		{"I'm by the nurses station and I have scissors", NULL, "station", EN},
		{"la clinique de la Sagesse à Rennes", "clinique de la Sagesse", NULL, FR},
		{"hôpital Saint-Martin-sur-Oust", "hôpital Saint-Martin-sur-Oust", NULL, FR},
	};
	check_cases(h, sizeof h / sizeof h[0], ENT_PRIV_LOCATION);
	/* a social network's group page is the writer's when the sentence says they run it */
	static const struct scan_case g[] = {
		{"I run a small group for dads, no sales, just dads: facebook.com/groups/spectrumdadsuk or text me",
		 "facebook.com/groups/spectrumdadsuk", NULL, EN},
		{"j'anime un groupe de parole : facebook.com/groups/aidants35", "facebook.com/groups/aidants35", NULL, FR},
		{"There is a great group: facebook.com/groups/t1dparentsuk if you need it", NULL, "facebook.com", EN},
		{"I run every morning. Join facebook.com/groups/t1dparentsuk", NULL, "facebook.com", EN},
		{"Mon groupe préféré : facebook.com/groups/aidants35", NULL, "facebook.com", FR},
		{"My group meets on Tuesdays, see facebook.com/groups/t1dparentsuk", NULL, "facebook.com", EN},
		/* the verb must run a group ('a', a possessive and a group word within four words) or
		 * the URL itself (R19b's probes) */
		{"I co-founded nothing; I run facebook.com/groups/mumsms", "facebook.com/groups/mumsms", NULL, EN},
		{"I started chemo last week and this group helped: facebook.com/groups/chemobuddies", NULL,
		 "facebook.com", EN},
		{"I set up an appointment after reading facebook.com/groups/endouk", NULL, "facebook.com", EN},
		{"I created an account to join facebook.com/groups/endouk", NULL, "facebook.com", EN},
		{"I run out of meds, so I asked on facebook.com/groups/endouk", NULL, "facebook.com", EN},
		{"I run to this group when I'm low: facebook.com/groups/endouk", NULL, "facebook.com", EN},
		{"I started on insulin, the charity group facebook.com/groups/diabetesuk helped", NULL,
		 "facebook.com", EN},
		{"On anime des ateliers, voir facebook.com/groups/sepfrance", NULL, "facebook.com", FR},
		{"J'anime rien du tout, je lis facebook.com/groups/sepfrance", NULL, "facebook.com", FR},
		{"J'ai créé un compte pour rejoindre facebook.com/groups/sepfrance", NULL, "facebook.com", FR},
	};
	check_cases(g, sizeof g / sizeof g[0], ENT_PRIV_CONTACT);
	/* months, weeks and years between commas after a name a relative's word introduces: the
	 * person's age; not a duration after anything else */
	static const struct scan_case a[] = {
		{"Mon fils Noé, 18 mois, a été hospitalisé pour une bronchiolite.", "18 mois", NULL, FR},
		{"Bébé Mai, 3 mois, née à 36 SA.", "3 mois", NULL, FR},
		{"My daughter Harper-Rose, 6 weeks, has an appointment", "6 weeks", NULL, EN},
		{"Baby April, 3 months, born at 36 weeks.", "3 months", NULL, EN},
		{"Paris, 3 mois, c'est long", NULL, "3 mois", FR},
		{"Mon fils Noé, 18 mois de chimio et toujours le sourire", NULL, "18 mois", FR},
		{"Le patient Martin, 3 semaines, toujours hospitalisé", NULL, "3 semaines", FR},
		{"The ward, 6 weeks, was closed", NULL, "6 weeks", EN},
	};
	check_cases(a, sizeof a / sizeof a[0], ENT_PRIV_AGE);
}

/* Session 21, after the review (R19): the colon rule narrowed. Its false spans (counts, sums,
 * measures after a colon; a label in another clause) stay unspanned, its gains stay spanned. */
static void s21_review_ids(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		{"NHS number holders registered in England at last count: 62000000.", NULL, "62000000", EN},
		{"Medicare number cards reissued last year: 12500000.", NULL, "12500000", EN},
		{"I checked my passport number and the cost for the whole family: 100000000.", NULL, "100000000", EN},
		{"My MRN is on my wristband, and my platelet count this morning: 150000000.", NULL, "150000000", EN},
		{"My SSN was stolen last year; the fraud cost me in total: 12000000, in pesos.", NULL, "12000000", EN},
		{"Mon numéro de dossier a changé, et le nombre de patients suivis en France : 15000000.", NULL, "15000000",
		 FR},
		{"MRN issue aside, the viral load result came back: 10000000, copies per ml.", NULL, "10000000", EN},
		{"My matricule at work changed; the bonus they paid me: 10000000.", NULL, "10000000", EN},
		{"Medicare number questions: call volume this month: 45000000.", NULL, "45000000", EN},
		{"My SSN number got flagged, steps counted this year by my watch: 10234567.", NULL, "10234567", EN},
		{"NIR number check done; the bacterial count: 100000000!", NULL, "100000000", EN},
		{"MRN aside, the CPT code and the amount billed in cents: 125000000.", NULL, "125000000", EN},
		{"Mon numéro de sécu est bon ; pour info le compteur de pas : 12500000.", NULL, "12500000", FR},
		{"My NHS number is 943 476 5919 and my daughter's weight in mg: 15000000.", NULL, "15000000", EN},
		{"Ma mutuelle et mon numéro d'adhérent, tout est à jour ; remboursement total depuis 2010 : 25000000.",
		 NULL, "25000000", FR},
		/* the gains */
		{"NPI for the new nurse practitioner, Aminata Koné-Baptiste: 1245-678-903.", "1245-678-903", NULL, EN},
		{"NPI for the new nurse practitioner, Aminata Koné-Baptiste:\n1245678903", "1245678903", NULL, EN},
		{"Le n° de dossier de ma mère, hospitalisée à Lyon en mars : 12345678.", "12345678", NULL, FR},
		{"Le numéro de dossier de ma mère, hospitalisée à Lyon en mars : 12345678.", "12345678", NULL, FR},
		{"Mon numéro adhérent de mutuelle pour ma fille Léa, née en 2019 : 123456789.", "123456789", NULL, FR},
		{"Mon numéro de mutuelle pour ma fille Léa, née en 2019 : 123456789.", "123456789", NULL, FR},
		{"MRN for my dad Peter Grant, admitted last Tuesday:12345678.", "12345678", NULL, EN},
		{"mrn for my dad peter grant admitted last tuesday: 12345678", "12345678", NULL, EN},
		{"Numéro IPP du patient transféré hier soir depuis les urgences de Nantes : 12345678.", "12345678", NULL,
		 FR},
		{"My passport number didn't match, so the reference they gave me: 20231104.", "20231104", NULL, EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_ID);
}

/* Session 21, after the review (R19): the romanised two-syllable name narrowed. Its false
 * spans stay unspanned, its gains stay spanned, and a possessive takes the whole name. */
static void s21_review_syllables(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		{"a little Co-amox left from last time", NULL, "Co-amox", EN},
		{"my son Pre-teen is moody", NULL, "Pre-teen", EN},
		{"a little Kit-kat after chemo", NULL, "Kit-kat", EN},
		{"a little Ha-ha moment", NULL, "Ha-ha", EN},
		/* the gains */
		{"my daughter Sun-hee is 4", "Sun-hee", NULL, EN},
		{"d'une petite Seo-yeon, née le 8 février", "Seo-yeon", NULL, FR},
		{"my daughter May-lin is 4", "May-lin", NULL, EN},
		{"my daughter Sun-hee's fever is back", "Sun-hee", NULL, EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_NAME);
}

/* Session 21, after the review (R19): the farewell then a name narrowed (a word of the
 * farewell's language that no given-name list holds) and widened to a comma after the
 * farewell. */
static void s21_review_farewell(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		{"Repose en paix Champion.", NULL, "Champion", FR},
		{"Repose en paix Guerrière.", NULL, "Guerrière", FR},
		{"Rest easy, everyone, the ward is calm tonight", NULL, "everyone", EN},
		/* the gains */
		{"Rest easy Phoenix, gone at 8", "Phoenix", NULL, EN},
		{"Rest easy Phoenix.", "Phoenix", NULL, EN},
		{"Fly high Jordan!!", "Jordan", NULL, EN},
		{"We lost him last night. Rest easy Jordan, we love you.", "Jordan", NULL, EN},
		{"Sleep tight Jan.", "Jan", NULL, EN},
		{"Rest easy, Jordan.", "Jordan", NULL, EN},
		{"Fly high, Jordan.", "Jordan", NULL, EN},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_NAME);
}

/* Session 21, after the review (R19): a lowercase name after "my little" and before an age
 * is no surname nor a common nickname for a child. */
static void s21_review_little(void **state)
{
	(void)state;
	static const struct scan_case t[] = {
		{"our little bubba 2yo is teething", NULL, "bubba", EN},
		{"my little missy 4yo has a rash", NULL, "missy", EN},
		{"my little boi 3yo has eczema", NULL, "boi", EN},
		{"my little fella 3yo had a febrile convulsion", NULL, "fella", EN},
		{"my little bambino 1yo", NULL, "bambino", EN},
		{"my little cutie 3yo", NULL, "cutie", EN},
		{"my little dino 4yo", NULL, "dino", EN},
		/* the gains */
		{"our little jayden 3yo has tubes", "jayden", NULL, EN},
		{"our little kayleigh 3 years old", "kayleigh", NULL, EN},
		{"our little jayden 3 yrs old", "jayden", NULL, EN},
		{"ma petite lilou 3 ans", "lilou", NULL, FR},
	};
	check_cases(t, sizeof t / sizeof t[0], ENT_PRIV_NAME);
}

/* Twenty-second session: the classes of tuning-11's misses (held-out set 4 until then). */
static void s22_retired(void **state)
{
	(void)state;
	/* a US ITIN in the SSN layout: area 9 and the IRS's groups (not 9xx-34-...) */
	found("SSN for the new admit in 410 is 987-65-4327, she gave it verbally.", EN, "987-65-4327", ENT_PRIV_ID);
	found("her ITIN 912-78-3456 was on the W-7", EN, "912-78-3456", ENT_PRIV_ID);
	not_typed("serial 900-93-1111 on the pump", EN, "900-93-1111", ENT_PRIV_ID);
	not_typed("scores were 987-65-43 in the quiz", EN, "987-65-43", ENT_PRIV_ID);
	/* a capitalised month right after a capitalised title is a surname */
	found("Le neurologue, le Dr Juin, a regardé mon IRM.", FR, "Juin", ENT_PRIV_NAME);
	found("Mme Octobre nous a reçus à la PMI ce matin.", FR, "Octobre", ENT_PRIV_NAME);
	not_typed("RDV avec le Dr Juin 2025 à confirmer", FR, "Juin", ENT_PRIV_NAME);
	not_typed("vu le dr juin dernier pour la douleur", FR, "juin", ENT_PRIV_NAME);
	not_typed("Vu le Dr en Mars pour la douleur", FR, "Mars", ENT_PRIV_NAME);
	/* two words in capitals: a given name only humannames or faker holds, no dictionary word */
	found("can you review KRZYSZTOF NOWAK in resus 3 when you're free?", EN, "KRZYSZTOF NOWAK", ENT_PRIV_NAME);
	not_typed("the COVID VACCINE clinic is closed today", EN, "COVID VACCINE", ENT_PRIV_NAME);
	not_typed("she's on AMOXICILLIN CLAVULANATE for a week", EN, "AMOXICILLIN", ENT_PRIV_NAME);
	/* a lowercase form label, then the value in capitals */
	found("they're purple. name DONNA. donnajones1982@example.com", EN, "DONNA", ENT_PRIV_NAME);
	found("patient KOWALSKI in bay 3 needs a review", EN, "KOWALSKI", ENT_PRIV_NAME);
	not_typed("the patient ECG was normal", EN, "ECG", ENT_PRIV_NAME);
	not_typed("name URGENT on the envelope please", EN, "URGENT", ENT_PRIV_NAME);
	/* a region that is a given name, before "and" and a name found */
	found("Especially Lorraine and Kwame on nights. Thank you.", EN, "Lorraine", ENT_PRIV_NAME);
	not_typed("She grew up in Lorraine and Kwame in Accra.", EN, "Lorraine", ENT_PRIV_NAME);
	not_typed("Le nord de la Lorraine et Karim Benali, c'est loin.", FR, "Lorraine", ENT_PRIV_NAME);
	/* a person named before the house number of their address */
	found("Pouvez-vous vérifier ? Bernard Chauvin, 8 allée des Tilleuls, 49300 Cholet.", FR, "Bernard Chauvin",
	      ENT_PRIV_NAME);
	found("Bien à vous.\nJean Boucher\n8 rue du Moulin, 29200 Brest", FR, "Jean Boucher", ENT_PRIV_NAME);
	not_typed("le lycée Jean Moulin, 5 rue des Écoles, 29000 Quimper", FR, "Jean Moulin", ENT_PRIV_NAME);
	not_typed("Hôpital Saint Louis, 1 avenue Claude Vellefaux, 75010 Paris", FR, "Saint Louis", ENT_PRIV_NAME);
	/* ... or before their phone number */
	found("Il a toujours un drain, est-ce normal ? Capucine Grange 06 52 38 10 96", FR, "Capucine Grange",
	      ENT_PRIV_NAME);
	found("Any news? Will Baker - 0161 496 0123", EN, "Will Baker", ENT_PRIV_NAME);
	not_typed("Hôpital Saint Louis 01 99 00 12 34", FR, "Saint Louis", ENT_PRIV_NAME);
	not_typed("Bonjour Madame 06 39 98 12 34", FR, "Madame", ENT_PRIV_NAME);
	/* a month or "may" / "will" after "my <relative>", before a verb no month or auxiliary
	 * stands before */
	found("our son will is autistic, Will loves trains", EN, "will", ENT_PRIV_NAME);
	found("my wife june is in the ICU since Friday", EN, "june", ENT_PRIV_NAME);
	found("ma fille avril est à l'hôpital depuis lundi", FR, "avril", ENT_PRIV_NAME);
	not_typed("my mum may have vascular dementia, they are testing", EN, "may", ENT_PRIV_NAME);
	not_typed("my son will be 18 next week", EN, "will", ENT_PRIV_NAME);
	not_typed("my mum can is a joke she says", EN, "can", ENT_PRIV_NAME);
}

/* Twenty-second session: R19's review of those rules (tests/privacy/probes/r19-s22.jsonl). */
static void s22_review(void **state)
{
	(void)state;
	/* acronyms and drugs in capitals are no names; the true pairs stay */
	not_typed("My ANCA MPO came back positive, anyone with vasculitis?", EN, "ANCA", ENT_PRIV_NAME);
	not_typed("Does anyone take CAMILA NORETHINDRONE? my hair is falling out.", EN, "CAMILA", ENT_PRIV_NAME);
	not_typed("Took ELLA ULIPRISTAL within 24 hours.", EN, "ELLA", ENT_PRIV_NAME);
	found("ward round: THABO MOKOENA for discharge", EN, "THABO MOKOENA", ENT_PRIV_NAME);
	found("thank you MARIE-CLAIRE DUBOIS for the card", EN, "MARIE-CLAIRE DUBOIS", ENT_PRIV_NAME);
	/* a lowercase label: not a product's name, an acronym, a name talked about as a word */
	not_typed("Its trade name ALLEGRA, the generic is fexofenadine.", EN, "ALLEGRA", ENT_PRIV_NAME);
	not_typed("child ANCA negative, ANA weakly positive.", EN, "ANCA", ENT_PRIV_NAME);
	not_typed("Son nom ELSA veut dire équipe de liaison, pas une personne !", FR, "ELSA", ENT_PRIV_NAME);
	not_typed("Pour le nom ZARA, c'est la marque où j'ai acheté le gilet.", FR, "ZARA", ENT_PRIV_NAME);
	found("name SMITH, date of birth on file", EN, "SMITH", ENT_PRIV_NAME);
	/* a region before "et"/"and": an article, a singular verb after; thanks with "à" */
	not_typed("On a quitté la Lorraine et Julien a trouvé un poste à Lyon.", FR, "Lorraine", ENT_PRIV_NAME);
	not_typed("We love Cornwall and Jess swims every day.", EN, "Cornwall", ENT_PRIV_NAME);
	found("Merci à Lorraine et Fatou du service de nuit.", FR, "Lorraine", ENT_PRIV_NAME);
	/* a month or an auxiliary after a relative: not after a preposition, not an auxiliary alone */
	not_typed("For my son august was hard, the hospital stay was long.", EN, "august", ENT_PRIV_NAME);
	not_typed("Chez mon père mai est toujours chargé en rendez-vous.", FR, "mai", ENT_PRIV_NAME);
	not_typed("my dad may has dementia, how do I get him assessed?", EN, "may", ENT_PRIV_NAME);
	not_typed("my son will turns 18 so he moves to adult services", EN, "will", ENT_PRIV_NAME);
	found("ma fille avril a 3 ans et de l'eczéma", FR, "avril", ENT_PRIV_NAME);
	/* the signer: not a trade's name; an en dash before the phone */
	not_typed("Le transport : Marine Ambulances 02 41 55 66 77, très ponctuels.", FR, "Marine", ENT_PRIV_NAME);
	not_typed("L'EHPAD ? Les Jardins. Victoire Santé, 2 rue Pasteur, 86000 Poitiers.", FR, "Victoire", ENT_PRIV_NAME);
	found("Rappelez-moi svp. Capucine Grange – 06 52 38 10 96", FR, "Capucine Grange", ENT_PRIV_NAME);
	/* an ITIN labelled, compact; a title's month before a time */
	found("ITIN: 957703311 - can the billing office use that instead of an SSN?", EN, "957703311", ENT_PRIV_ID);
	found("Bonjour, je dois voir le Dr Juin 14h30 mardi, est-ce maintenu ?", FR, "Juin", ENT_PRIV_NAME);
	not_typed("Consultation avec le Dr Blanc ; Dr Juin prochain pour le suivi ?", FR, "Juin", ENT_PRIV_NAME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ids),    cmocka_unit_test(contacts),     cmocka_unit_test(dates_ages),
		cmocka_unit_test(ages_dates_in_words),
		cmocka_unit_test(places), cmocka_unit_test(names),        cmocka_unit_test(api_contract),
		cmocka_unit_test(threads_share_one_engine), cmocka_unit_test(labelled_far),
		cmocka_unit_test(w19_round),      cmocka_unit_test(w19_round2),
		cmocka_unit_test(w19_round3),     cmocka_unit_test(s11_precision),
		cmocka_unit_test(w19_round4),     cmocka_unit_test(w19_round4_ids),
		cmocka_unit_test(s12_round5),     cmocka_unit_test(s12_round5_ids),
		cmocka_unit_test(s13_round8),     cmocka_unit_test(s13_round8_ids),
		cmocka_unit_test(s14_round9),     cmocka_unit_test(s14_round9_ids),
		cmocka_unit_test(long_identity_list), cmocka_unit_test(s15_round10),
		cmocka_unit_test(s15_round10_ids), cmocka_unit_test(s15_round11),
		cmocka_unit_test(s16_eponyms),    cmocka_unit_test(s20_retired),
		cmocka_unit_test(s21_retired),    cmocka_unit_test(s21_review_ids),
		cmocka_unit_test(s21_review_syllables), cmocka_unit_test(s21_review_farewell),
		cmocka_unit_test(s21_review_little), cmocka_unit_test(s22_retired),
		cmocka_unit_test(s22_review),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
