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
	if (tk_eq(c, p, "im") && (c->tk[p].f & TK_LOWER) && !(p >= 1 && tk_apos(c, p - 1)) && v >= 10 &&
	    (closes || tk_eq(c, nx, "n") || tk_eq(c, nx, "and") || tk_eq(c, nx, "&") || tk_eq(c, nx, "but") ||
	     tk_eq(c, nx, "now"))) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.6f, "age_bare");
		return 1;
	}
	if (tk_len(c, p) == 1 && (c->t[c->tk[p].s] == 'M' || c->t[c->tk[p].s] == 'F') && closes && v >= 10 &&
	    !tk_ch(c, nx, ')') && (p == 0 || (c->tk[p].f & TK_NL) || tk_ch(c, p - 1, ':') || tk_ch(c, p - 1, ','))) {
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
