/*
 * priv_name_word.c - after the rules: given names that are also ordinary words ("Sunny",
 * "Ange", "Mai", "Olive", "Joy", "Hope"), which the rules leave alone (a list of non-names, a
 * month, an English word), in the places where only a name stands: closing the text after a
 * sign-off ("Regards, Sunny") and before an age, opening the text or after a relative's word or
 * "petit(e)" / "little" ("Ange, 8 mois, trisomie 21", "la petite Mai (6 ans)"). Elsewhere the
 * word stays a word ("Sunny is not so sunny today" is left: a copula is no proof).
 */
#include "privacy/text/priv_name.h"

/* A capitalised word (not in capitals) that a given-name list holds, free. */
static int word_name(const struct pctx *c, size_t i)
{
	return i < c->n_tk && (c->tk[i].f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP &&
	       (c->tk[i].lex & LX_GIVEN) && !(c->tk[i].lex & (LX_TITLE | LX_KIN | LX_SIGNOFF | LX_GREET)) &&
	       tk_len(c, i) >= 3;
}

/* "Regards, Sunny": the last word of the text (kisses and emoji aside) after a sign-off. */
static int signed_off(const struct pctx *c, size_t i)
{
	for (size_t k = i + 1; k < c->n_tk; k++)
		if ((c->tk[k].f & TK_WORD) && !tk_eq(c, k, "x") && !tk_eq(c, k, "xx"))
			return 0;
	if (i == 0 || !(c->tk[i].f & TK_SP))
		return 0;
	size_t p = i - 1;
	if (tk_ch(c, p, ',') && p > 0)
		p--;
	return (c->tk[p].f & TK_WORD) && (c->tk[p].lex & LX_SIGNOFF);
}

/* "Ange, 8 mois", "la petite Mai (6 ans)", "Sunny (17)": an age right after, the text's first
 * word or one after a relative's word or "petit(e)" / "little" (not "en mai (6 ans après)").
 * The age pass wants a person before an age; this one has none yet, so its age is added here
 * too. Returns the age's last token, or 0. */
static size_t aged(const struct pctx *c, size_t i)
{
	static const char *const small[] = {"petit", "petite", "little", NULL};
	static const char *const units[] = {"ans", "an", "mois", "semaines", "years", "year", "yrs", "months", "weeks", NULL};
	int paren = tk_ch(c, i + 1, '(');
	if (!(paren || tk_ch(c, i + 1, ',')) || !tk_is(c, i + 2, TK_NUM) || tk_len(c, i + 2) > 3 ||
	    !(i == 0 || (c->tk[i - 1].lex & LX_KIN) || tk_eq_any(c, i - 1, small)))
		return 0;
	if (tk_eq_any(c, i + 3, units) && (!paren || tk_ch(c, i + 4, ')')) && (c->tk[i + 3].f & TK_SP))
		return i + 3;
	return paren && tk_ch(c, i + 3, ')') ? i + 2 : 0;
}

void pn_word_names(struct pctx *c)
{
	if (!(c->f_any & TK_CAP))
		return;
	for (size_t i = 0; i < c->n_tk; i++) {
		if (!word_name(c, i))
			continue;
		size_t a = aged(c, i);
		if (a || signed_off(c, i))
			priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_word");
		if (a && !(c->tk[i + 2].f & (TK_AGE | TK_CLAIMED)))
			priv_add_tok(c, i + 2, a, ENT_PRIV_AGE, 0.7f, "age");
	}
}
