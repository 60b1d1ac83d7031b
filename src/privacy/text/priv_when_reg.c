/*
 * priv_when_reg.c - bare ages in the registers people write in, beside priv_when.c's age():
 * text-message spelling ("im 19 n pregnant") and the sex-and-age of a clinical note ("Handing
 * over: M 57, ileal Crohn's"). Called by age() on a number of at most three digits that no unit
 * follows. And what is no age there: a French département's number in brackets after a town a
 * place word introduces ("Sage-femme libérale à Vienne (38)"; still "Jack (7)", "Lourdes (7) a
 * eu").
 */
#include <stdint.h>

#include "privacy/text/priv_text.h"

/* Token j is "and", "&", "n" or "et" and a number or a fraction follows: a count goes on ("im 39
 * and 5 days", "im 12 and a half weeks", "Jack's 3 and 4 times tables"), no age. */
int priv_and_more(const struct pctx *c, size_t j)
{
	if (!(tk_eq(c, j, "and") || tk_ch(c, j, '&') || tk_eq(c, j, "n") || tk_eq(c, j, "et")))
		return 0;
	size_t k = j + 1;
	return tk_is(c, k, TK_NUM) || tk_eq(c, k, "a") || tk_eq(c, k, "half") || tk_eq(c, k, "an");
}

/* A unit of pregnancy, of a cycle or of a dose within three words after the number i, before
 * any punctuation ("im 12 now weeks wise"; still "im 19 n pregnant, 8 wks"), or a unit and its
 * number earlier in the sentence ("on day 14 now, im 14 and still spotting"): a count, no age. */
static int count_near(const struct pctx *c, size_t i)
{
	static const char *const units[] = {"week", "weeks", "wk", "wks", "day", "days", "sa", "jours", "dpo",
					    "mg", "ml", "mcg", "iu", "units", NULL};
	for (size_t k = i + 1; k < c->n_tk && k <= i + 3 && (c->tk[k].f & TK_WORD); k++)
		if (tk_eq_any(c, k, units))
			return 1;
	for (size_t k = i; k-- > 0;) {
		if ((c->tk[k].f & TK_WORD) && tk_eq_any(c, k, units) && tk_is(c, k + 1, TK_NUM))
			return 1;
		if (tk_sentence_start(c, k))
			break;
	}
	return 0;
}

/* "M 12, L 14", "F 14, F 16", "A1, M 62, M 6", "M 40, 41 et 42": a letter and a number beside
 * another letter and number, or a bare number, across a comma: sizes, gauges, roads, rooms. */
static int letter_series(const struct pctx *c, size_t p, size_t i)
{
	size_t nx = i + 1;
	if (tk_ch(c, nx, ',') && tk_is(c, nx + 1, TK_NUM) && !(tk_glued(c, nx + 1) && tk_is(c, nx + 2, TK_ALPHA)))
		return 1; /* "M 40, 41 et 42"; not "F 34, 2nd pregnancy" */
	if (tk_ch(c, nx, ',') && tk_len(c, nx + 1) == 1 && tk_is(c, nx + 1, TK_CAP) && tk_is(c, nx + 2, TK_NUM))
		return 1;
	if (tk_ch(c, nx, ',') && tk_is(c, nx + 1, TK_NUM) && tk_glued(c, nx + 1) && tk_is(c, nx + 2, TK_ALPHA) &&
	    !tk_eq(c, nx + 2, "nd") && !tk_eq(c, nx + 2, "rd") && !tk_eq(c, nx + 2, "st") && !tk_eq(c, nx + 2, "th"))
		return 1; /* "M 62, A1" */
	return p >= 3 && tk_ch(c, p - 1, ',') && tk_is(c, p - 2, TK_NUM | TK_DIGIT);
}

/* Two bare ages of the registers people write in: "im 19 n pregnant", "im 23, T1 since" (I'm
 * without its apostrophe: a number of 10 or more closing the clause, as after "I'm"), and a
 * clinical note's sex and age, "Handing over: M 57, ileal Crohn's", "lesion on back, M 45, skin
 * type II" (a lone capital M or F after a colon, a comma or a line break, the number closing
 * the clause, two digits: not "the M 25, then", "M 6 northbound", "Ward: M 4, bay 2"). i: the
 * number, p: the word before. */
int priv_age_register(struct pctx *c, size_t i, size_t p, long v)
{
	if (p == SIZE_MAX || p != i - 1 || v < 1 || v > 110)
		return 0;
	size_t nx = i + 1;
	int closes = nx >= c->n_tk || tk_ch(c, nx, ',') || tk_ch(c, nx, '.') || tk_ch(c, nx, '!') ||
		     tk_ch(c, nx, ';') || tk_ch(c, nx, ')');
	if (closes && nx + 1 < c->n_tk && tk_glued(c, nx - 1) && tk_glued(c, nx) && tk_is(c, nx + 1, TK_NUM))
		return 0; /* "57.5", "57,2" */
	/* "im", "Im" opening a sentence, "IM" in a text all in capitals ("IM 19 AND SCARED"; not the
	 * intramuscular "IM 10 mg": the unit refuses it) */
	int caps = tk_is(c, p, TK_CAP) && tk_eq(c, p, "im");
	int im = tk_eq(c, p, "im") &&
		 ((c->tk[p].f & TK_LOWER) ||
		  (caps && c->t[c->tk[p].s + 1] == 'm' && tk_sentence_start(c, p)) ||
		  (caps && c->t[c->tk[p].s + 1] == 'M' && nx < c->n_tk && (c->tk[nx].f & TK_WORD) &&
		   c->t[c->tk[nx].s] >= 'A' && c->t[c->tk[nx].s] <= 'Z' && c->t[c->tk[nx].e - 1] >= 'A' &&
		   c->t[c->tk[nx].e - 1] <= 'Z'));
	if (im && !(p >= 1 && tk_apos(c, p - 1)) && v >= 10 &&
	    (closes || tk_eq(c, nx, "n") || tk_eq(c, nx, "and") || tk_eq(c, nx, "&") || tk_eq(c, nx, "but") ||
	     tk_eq(c, nx, "now")) &&
	    !priv_and_more(c, nx) && !(tk_ch(c, nx, ',') && tk_is(c, nx + 1, TK_NUM)) && !count_near(c, i)) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.6f, "age_bare");
		return 1;
	}
	if (tk_len(c, p) == 1 && (c->t[c->tk[p].s] == 'M' || c->t[c->tk[p].s] == 'F') && closes && v >= 10 &&
	    !tk_ch(c, nx, ')') && !letter_series(c, p, i) && (p == 0 || (c->tk[p].f & TK_NL) || tk_ch(c, p - 1, ':') || tk_ch(c, p - 1, ','))) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.7f, "age_bare");
		return 1;
	}
	return 0;
}

int priv_dept_after_town(const struct pctx *c, size_t i, size_t p)
{
	if (tk_len(c, i) != 2 || !tk_ch(c, i - 1, '(') || !tk_ch(c, i + 1, ')') || !tk_lex(c, p, LX_TOWN | LX_CITY))
		return 0;
	size_t w = tk_prev_word(c, p, 1);
	return w != SIZE_MAX && tk_lex(c, w, LX_LOCPREP);
}
