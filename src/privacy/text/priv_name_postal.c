/*
 * priv_name_postal.c - after the rules: the person whose postal address follows their name,
 * as a letter's signature or a form writes it ("Pouvez-vous vérifier ? Bernard Chauvin, 8
 * allée des Tilleuls, 49300 Cholet.", "Pauline Greaves\n14 Mill Lane"). The rules leave such a
 * name when its words are also words ("chauvin") and it opens a sentence; the address the
 * places pass found says a person comes before it. Only a given name and one or two
 * capitalised words right before a comma or a line break and the house number of an address
 * span; not a named place ("Résidence Marie Curie, 12 rue ...", "Hôpital Saint Louis, 1
 * avenue ...": a capitalised word or a place's head before the given name), nor a street's own
 * name.
 */
#include "privacy/text/priv_name.h"

/* Token k opens an address span: a number the places pass claimed, then within three tokens
 * a street's type it claimed too ("8 allée", "3 bis rue", "14 Mill Lane"). */
static int address_opens(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || (c->tk[k].f & (TK_NUM | TK_CLAIMED)) != (TK_NUM | TK_CLAIMED) || tk_len(c, k) > 5)
		return 0;
	for (size_t j = k + 1; j <= k + 3 && j < c->n_tk; j++) {
		if (!(c->tk[j].f & TK_CLAIMED))
			return 0;
		if (c->tk[j].lex & (LX_STREET | LX_STREET_EN))
			return 1;
	}
	return 0;
}

/* A capitalised word that may be part of a person's name here. */
static int name_part(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	return (t->f & (TK_CAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && tk_len(c, i) >= 2 &&
	       !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_STREET | LX_STREET_EN | LX_EPONYM | LX_IDLABEL |
			   LX_SIGNOFF | LX_GREET | LX_INTRO));
}

void pn_postal_names(struct pctx *c)
{
	if (!(c->lex_any & (LX_STREET | LX_STREET_EN)) || !(c->lex_any & LX_GIVEN))
		return;
	for (size_t k = 2; k + 1 < c->n_tk; k++) {
		/* the end of the name: a comma before the number, or the number on the next line */
		size_t e, num;
		if (tk_ch(c, k, ',') && address_opens(c, k + 1)) {
			e = k - 1;
			num = k + 1;
		} else if ((c->tk[k].f & TK_NL) && address_opens(c, k)) {
			e = k - 1;
			num = k;
		} else {
			continue;
		}
		/* a given name and one or two capitalised words, one space apart */
		size_t s = e;
		while (s > 0 && e - s < 2 && name_part(c, s - 1) && (c->tk[s].f & TK_SP) && !(c->tk[s].f & TK_NL))
			s--;
		if (s == e || !name_part(c, e) || !name_part(c, s) || !(c->tk[s].lex & LX_GIVEN))
			continue;
		/* nothing named before it: "Résidence Marie Curie", "Hôpital Saint Louis" */
		if (s > 0 && !(c->tk[s].f & TK_NL) &&
		    ((c->tk[s - 1].f & (TK_CAP | TK_ALLCAP)) || (c->tk[s - 1].lex & (LX_HOSP | LX_HOSP_EN | LX_TITLE))) &&
		    (c->tk[s - 1].f & TK_WORD) && !(c->tk[s - 1].lex & (LX_SIGNOFF | LX_GREET)))
			continue;
		priv_add_tok(c, s, e, ENT_PRIV_NAME, 0.7f, "name_signature");
		k = num;
	}
}
