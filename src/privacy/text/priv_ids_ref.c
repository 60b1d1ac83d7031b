/*
 * priv_ids_ref.c - identifiers whose label is not right before them: the number a sentence
 * refers back to ("pls send me ur MRN ..., i gave them mine (4471-0082)", "Mon IPP, je l'ai
 * retrouvé sur une étiquette, c'est le 40017723") and the last digits of a number named with
 * its label ("SSN last 4 is 1206"). labelled() (priv_ids.c) reads a label at most a few
 * filler words before the number; here the sentence's own words say which number it is: "mine"
 * or "c'est le" right before it, and a record's label earlier in the same sentence. Run at the
 * end of the word pass, on digits no other recogniser took (phones, dates and checked numbers
 * are claimed before). Also the opening bracket of a phone's country code, "(+33) 6 ...".
 */
#include <string.h>

#include "privacy/text/priv_ids.h"

/* Labels that name one person's record (not "number", "code" or "card", which a price, a
 * door or a gift card also have). */
static const char *const ref_labels[] = {"ipp", "nip", "pid", "mrn", "nda", "iep", "nir", "nhs", "chi",
					 "dossier", "sejour", "insee", "matricule", "nss", "mbi", "medicare",
					 "medicaid", "secu", "passeport", "passport", "adherent", "mutuelle",
					 "gmc", "ppsn", "pps", "nmc", "ohip", "ramq", "ssn", "trn", "uhid",
					 "identifiant", "vitale", NULL};

/* A record's label among the tokens of the sentence before token i (at most 30 back). */
static int label_in_sentence(const struct pctx *c, size_t i)
{
	for (size_t k = i; k-- > 0 && i - k <= 30;) {
		const struct ptok *t = &c->tk[k];
		if (t->f & TK_PUNCT) {
			char ch = c->t[t->s];
			if (ch == '.' || ch == '!' || ch == '?')
				return 0;
			continue;
		}
		if ((t->lex & LX_IDLABEL) && tk_eq_any(c, k, ref_labels))
			return 1;
		if (t->f & TK_NL)
			return 0;
	}
	return 0;
}

/* The digits from token i: one number, or groups joined by '-' or a space ("4471-0082",
 * "114 287 630"). Returns the last token and the count of digits in *nd, or SIZE_MAX when
 * a token in it is taken or holds letters. */
static size_t digit_run(const struct pctx *c, size_t i, size_t *nd)
{
	size_t j = i, n = tk_len(c, i);
	while (j + 2 < c->n_tk && tk_glued(c, j) && tk_glued(c, j + 1) && tk_ch(c, j + 1, '-') &&
	       tk_is(c, j + 2, TK_NUM) && tk_free(c, j + 2)) {
		j += 2;
		n += tk_len(c, j);
	}
	*nd = n;
	return j;
}

/* "mine (4471-0082)", "mine is 40017723", "c'est le 40017723", "c'est 40017723": the words
 * before the number (at token i) that make it the one the sentence spoke of. */
static int refers_back(const struct pctx *c, size_t i)
{
	size_t p = i;
	if (p > 0 && tk_ch(c, p - 1, '('))
		p--;
	size_t w = tk_prev_word(c, p, 1);
	if (w == SIZE_MAX)
		return 0;
	if (tk_eq(c, w, "mine"))
		return 1;
	if ((tk_eq(c, w, "is") || tk_ch(c, w + 1, ':')) && tk_eq(c, tk_prev_word(c, w, 1), "mine"))
		return 1;
	/* "c'est le", "c'est" */
	if (tk_eq(c, w, "le") || tk_eq(c, w, "celui"))
		w = tk_prev_word(c, w, 0);
	return w != SIZE_MAX && tk_eq(c, w, "est") && w >= 2 && tk_apos(c, w - 1) && tk_eq(c, w - 2, "c");
}

/* "SSN last 4 is 1206", "last four digits of my SSN: 1206": four digits after "last 4". */
static int last_digits(const struct pctx *c, size_t i)
{
	if (tk_len(c, i) != 4)
		return 0;
	size_t w = tk_prev_word(c, i, 1);
	if (w != SIZE_MAX && (tk_eq(c, w, "is") || tk_eq(c, w, "are")))
		w = tk_prev_word(c, w, 0);
	/* "of my SSN": the label after "last 4" */
	int label = 0;
	if (w != SIZE_MAX && (c->tk[w].lex & LX_IDLABEL) && tk_eq_any(c, w, ref_labels)) {
		label = 1;
		w = tk_prev_word(c, w, 0);
		if (w != SIZE_MAX && (tk_eq(c, w, "my") || tk_eq(c, w, "the") || tk_eq(c, w, "his") || tk_eq(c, w, "her")))
			w = tk_prev_word(c, w, 0);
		if (w == SIZE_MAX || !tk_eq(c, w, "of"))
			return 0;
		w = tk_prev_word(c, w, 0);
	}
	if (w != SIZE_MAX && (tk_eq(c, w, "digits") || tk_eq(c, w, "numbers")))
		w = tk_prev_word(c, w, 0);
	if (w == SIZE_MAX || !(tk_eq(c, w, "4") || tk_eq(c, w, "four")) || w == 0 ||
	    !tk_eq(c, w - 1, "last"))
		return 0;
	if (label)
		return 1;
	/* "SSN last 4", "my social security number's last 4": the label just before */
	for (size_t k = w - 1, n = 0; k-- > 0 && n < 3;) {
		if (!(c->tk[k].f & TK_WORD))
			continue;
		if ((c->tk[k].lex & LX_IDLABEL) && tk_eq_any(c, k, ref_labels))
			return 1;
		n++;
	}
	return 0;
}

void priv_find_ids_ref(struct pctx *c)
{
	/* "tél. (+33) 6 12 90 45 78": the bracket opening the country code belongs to the phone
	 * (the number pass starts it at the '+') */
	if (priv_has_punct(c, '+') && priv_has_punct(c, '('))
		for (size_t k = 0; k < c->n_sp; k++) {
			struct ent_priv_span *sp = &c->sp[k];
			if (sp->type == ENT_PRIV_CONTACT && sp->start > 0 && c->t[sp->start] == '+' &&
			    c->t[sp->start - 1] == '(' && memchr(c->t + sp->start, ')', sp->end - sp->start))
				sp->start--;
		}
	if (!(c->f_any & TK_NUM) || !(c->lex_any & LX_IDLABEL))
		return;
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_NUM)) != TK_NUM || (i > 0 && tk_glued(c, i - 1) &&
								      (c->tk[i - 1].f & TK_WORD)))
			continue;
		size_t nd, j = digit_run(c, i, &nd);
		/* a number glued to a letter or a unit after it is no record's ("1206mg") */
		if (tk_glued(c, j) && j + 1 < c->n_tk && ((c->tk[j + 1].f & TK_WORD) || tk_ch(c, j + 1, '%')))
			continue;
		if ((nd >= 6 && refers_back(c, i) && label_in_sentence(c, i)) || last_digits(c, i)) {
			priv_add_tok(c, i, j, ENT_PRIV_ID, 0.7f, "labelled");
			i = j;
		}
	}
}
