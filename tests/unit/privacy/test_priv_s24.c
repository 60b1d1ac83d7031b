/*
 * test_priv_s24.c - the text engine's rules of the twenty-fourth session (T19, issue 19,
 * docs/privacy.md): towns and hospitals of the lists written in lowercase (a word of the other
 * language, a hospital of the hand list after "à" or after an article after a place word),
 * record labels glued to their code, and names beside a relative's word; with R19's traps
 * against them (tests/privacy/probes/r19-s24.jsonl) and T19f's fixes. Each rule with positives and hard negatives of its shape,
 * through the public API. Kept apart from the other sessions' test files so that they merge.
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

/* A listed town in lowercase that is a word only of the other language, or in French a listed
 * big city or hospital, after "in", "at" or "à", the clause ending or going on with a function
 * word (priv_lower_town_word). */
static void lower_town_word(void **state)
{
	(void)state;
	found("any1 had surgery at the spire in bristol? private", EN, "bristol", ENT_PRIV_LOCATION);
	found("jvis \xc3\xa0 angers et jcherche des gens", FR, "angers", ENT_PRIV_LOCATION);
	found("op\xc3\xa9r\xc3\xa9" "e \xc3\xa0 bichat en juin pr une sleeve", FR, "bichat", ENT_PRIV_LOCATION);
	no_span("im in reading mode tonight", EN, "reading", ENT_PRIV_LOCATION);
	no_span("on y va \xc3\xa0 tours de r\xc3\xb4le", FR, "tours", ENT_PRIV_LOCATION);
	no_span("went to bath and then bed", EN, "bath", ENT_PRIV_LOCATION);
	/* a word of time after the town ends its clause too */
	found("irm at bichat today, fingers crossed", EN, "bichat", ENT_PRIV_LOCATION);
	found("op\xc3\xa9r\xc3\xa9" "e \xc3\xa0 bichat hier pr une sleeve", FR, "bichat", ENT_PRIV_LOCATION);
	/* R19's traps: French "a" the verb, a listed hospital that is a French word outside care,
	 * a town that is a brand */
	no_span("mon fils a derby ce soir et il boite encore", FR, "derby", ENT_PRIV_LOCATION);
	no_span("ma fille a charlotte aux fraises pour son anniversaire", FR, "charlotte", ENT_PRIV_LOCATION);
	no_span("il a boston et new york en tete pour ses vacances", FR, "boston", ENT_PRIV_LOCATION);
	no_span("\xc3\xa7" "a tient a tenon et mortaise", FR, "tenon", ENT_PRIV_LOCATION);
	no_span("i use the cream from vichy and my skin is less dry", EN, "vichy", ENT_PRIV_LOCATION);
	found("elle a \xc3\xa9t\xc3\xa9 op\xc3\xa9r\xc3\xa9" "e a trousseau en mars", FR, "trousseau", ENT_PRIV_LOCATION);
}

/* A listed town or hospital in lowercase after an article after a place word
 * (priv_lower_town_article); a hospital of the hand list without its article. */
static void lower_town_article(void **state)
{
	(void)state;
	found("had my op at the royal free on 3rd march", EN, "royal free", ENT_PRIV_LOCATION);
	found("u drove me to the royal marsden at 6am", EN, "royal marsden", ENT_PRIV_LOCATION);
	/* (a single word after "the" in a text about care: R19's "in the starship", "at the foch") */
	found("how do i get to the whittington from archway for my scan", EN, "whittington", ENT_PRIV_LOCATION);
	no_span("watched a film set in the starship and cried", EN, "starship", ENT_PRIV_LOCATION);
	no_span("we ate at the foch and it was rubbish", EN, "foch", ENT_PRIV_LOCATION);
	no_span("went to the barts and pieces sale lol", EN, "barts", ENT_PRIV_LOCATION);
	found("jpp des nuits \xc3\xa0 la timone. dm moi", FR, "timone", ENT_PRIV_LOCATION);
	found("op\xc3\xa9r\xc3\xa9" "e en juin, reprise \xc3\xa0 la piti\xc3\xa9 en janvier pr une fistule", FR, "piti\xc3\xa9",
	      ENT_PRIV_LOCATION);
	/* (the noun "pitié" in lowercase, in a text that speaks of no care) */
	no_span("on a fait appel \xc3\xa0 la piti\xc3\xa9.", FR, "piti\xc3\xa9", ENT_PRIV_LOCATION);
	no_span("elle en appelle \xc3\xa0 la piti\xc3\xa9 et rien ne bouge", FR, "piti\xc3\xa9", ENT_PRIV_LOCATION);
	no_span("i went to the bath and fell asleep", EN, "bath", ENT_PRIV_LOCATION);
	no_span("on discute du cas de la dame de la chambre 8", FR, "la chambre", ENT_PRIV_LOCATION);
	no_span("nous \xc3\xa9tions quinze dans la salle d'attente", FR, "la salle", ENT_PRIV_LOCATION);
}

/* A postcode glued to its town; Guy's and King's named by their possessive after a place word;
 * hospitals of the hand list. */
static void glued_postcode_possessive(void **state)
{
	(void)state;
	found("On a quitt\xc3\xa9 75011Paris pour Nancy en 2018", FR, "75011Paris", ENT_PRIV_LOCATION);
	found("4 hours in A&E at Guy's last night with my mum", EN, "Guy's", ENT_PRIV_LOCATION);
	found("she's in recovery at King's \xf0\x9f\x99\x8f", EN, "King's", ENT_PRIV_LOCATION);
	/* (not before a noun the possessive governs, nor when the name is a person's elsewhere) */
	found("went to Guy's house for the weekend", EN, "Guy", ENT_PRIV_NAME);
	no_span("in Guy's opinion it was nothing", EN, "Guy's", ENT_PRIV_LOCATION);
	no_span("came home to King's cat sleeping on my bed", EN, "King's", ENT_PRIV_LOCATION);
	no_span("ive been to Guy's twice this week (my neighbour Guy)", EN, "Guy's", ENT_PRIV_LOCATION);
	found("born at Queen Charlotte's, so we called her Noelle", EN, "Queen Charlotte's", ENT_PRIV_LOCATION);
	no_span("ref 12345Abcdefg on the letter", EN, "12345Abcdefg", ENT_PRIV_LOCATION);
	no_span("Guy's wife called the ward", EN, "Guy's", ENT_PRIV_LOCATION);
	no_span("we had lunch at the King's Head after", EN, "King", ENT_PRIV_LOCATION);
}

/* A record label glued to its code: the digits only. */
static void glued_labels(void **state)
{
	(void)state;
	found("mon n\xc2\xb0SS185057512345678 est d\xc3\xa9j\xc3\xa0 utilis\xc3\xa9", FR, "185057512345678", ENT_PRIV_ID);
	found("my ssn523814406 is on the form", EN, "523814406", ENT_PRIV_ID);
}

/* Names: a relative's word alone in brackets after it, a run-on sentence after a lowercase
 * word-name beside a relative, a town-name opening a sentence before a possessive and a
 * relative, a lowercase first name before "said". */
static void names(void **state)
{
	(void)state;
	found("- Basil (hubby): cardiology on 8 January", EN, "Basil", ENT_PRIV_NAME);
	found("i need a certificate for my daughter iris she is 9 thx", EN, "iris", ENT_PRIV_NAME);
	found("ma fille rose elle a 9 ans", FR, "rose", ENT_PRIV_NAME);
	found("Nancy ma voisine m'accompagne \xc3\xa0 la dialyse", FR, "Nancy", ENT_PRIV_NAME);
	no_span("for my mum may she rest in peace", EN, "may", ENT_PRIV_NAME);
	no_span("my daughter too she is 9", EN, "too", ENT_PRIV_NAME);
	no_span("Nice my sister said, but it hurt", EN, "Nice", ENT_PRIV_NAME);
	no_span("Lyon ma soeur y vit depuis 10 ans", FR, "Lyon", ENT_PRIV_NAME);
	found("- Basil (hubby): cardiology", EN, "Basil", ENT_PRIV_NAME);
	no_span("- Metformin (mum): 500mg twice a day", EN, "Metformin", ENT_PRIV_NAME);
	/* a lowercase first name opening a clause, then a verb of reported speech */
	found("missed my appt again, mark said to call them back", EN, "mark", ENT_PRIV_NAME);
	no_span("the bill said 300 quid", EN, "bill", ENT_PRIV_NAME);
	no_span("i asked, will said no", EN, "will", ENT_PRIV_NAME);
	found("lol tom said hi", EN, "tom", ENT_PRIV_NAME);
	/* (a name that is a word: not "says", and a pronoun, "to" or "that" after the verb) */
	no_span("haha, bill says i owe 200 quid", EN, "bill", ENT_PRIV_NAME);
	no_span("lol bill said 200 quid for the dentist", EN, "bill", ENT_PRIV_NAME);
	no_span("omg, grace said before dinner and i cried", EN, "grace", ENT_PRIV_NAME);
	no_span("ok, max said the dose on the box", EN, "max", ENT_PRIV_NAME);
	no_span("lol, frank said nothing, he is a parrot", EN, "frank", ENT_PRIV_NAME);
	no_span("and, summer said the pool is open", EN, "summer", ENT_PRIV_NAME);
	no_span("bref, rose m'a dit non (la couleur du test hein)", FR, "rose", ENT_PRIV_NAME);
	found("mdr g oubli\xc3\xa9 mon rdv, pierre ma dit de rappeler", FR, "pierre", ENT_PRIV_NAME);
	no_span("bref, la rose m'a dit que", FR, "rose", ENT_PRIV_NAME);
	/* a lowercase word-name beside a relative, then its age */
	found("un certificat pr le sport de ma fille iris 9 ans", FR, "iris", ENT_PRIV_NAME);
	no_span("ma fille cadette 9 ans", FR, "cadette", ENT_PRIV_NAME);
	no_span("my son junior he is 3", EN, "junior", ENT_PRIV_NAME);
	/* a lowercase list read backwards from the name found to its head */
	found("infirmi\xc3\xa8res de l'hdj: karima, sandrine, \xc3\xa9lodie et le nouveau", FR, "karima", ENT_PRIV_NAME);
	no_span("courses: tomates, sandrine, \xc3\xa9lodie et pain", FR, "tomates", ENT_PRIV_NAME);
}

/* The last read's findings (Rsafe): a name then "it's" as the text's last words at exactly the
 * stack arena's 128 tokens (pn_trade_after read the token past the end: asan-unit catches it);
 * a hospital after its article across a glued hyphen, which found no first word and left the
 * name unmasked; many lowercase listed towns in a text about no care (one look a text). */
static void last_read(void **state)
{
	(void)state;
	char text[1024];
	size_t n = 0;
	for (int k = 0; k < 122; k++)
		n += (size_t)snprintf(text + n, sizeof text - n, "mot ");
	snprintf(text + n, sizeof text - n, ". Sarah, it's");
	found(text, EN, "Sarah", ENT_PRIV_NAME);
	found("op\xc3\xa9r\xc3\xa9" "e \xc3\xa0 la-timone hier", FR, "timone", ENT_PRIV_LOCATION);
	found("DE LA-PITIE", FR, "PITIE", ENT_PRIV_LOCATION);
	no_span("il a trousseau, elle a trousseau, on a trousseau", FR, "trousseau", ENT_PRIV_LOCATION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lower_town_word),
		cmocka_unit_test(lower_town_article),
		cmocka_unit_test(glued_postcode_possessive),
		cmocka_unit_test(glued_labels),
		cmocka_unit_test(names),
		cmocka_unit_test(last_read),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
