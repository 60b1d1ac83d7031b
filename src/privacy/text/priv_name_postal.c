/*
 * priv_name_postal.c - after the rules: the person whose postal address or phone number
 * follows their name, as a letter's signature or a form writes it ("Pouvez-vous vérifier ?
 * Bernard Chauvin, 8 allée des Tilleuls, 49300 Cholet.", "Pauline Greaves\n14 Mill Lane",
 * "est-ce normal ? Capucine Grange 06 52 38 10 96"). The rules leave such a name when its words
 * are also words ("chauvin", "grange") and it opens a sentence; the address or the phone line
 * the earlier passes found says a person comes before it. Only a given name and one or two
 * capitalised words right before (a space, a comma, a colon, a dash or a line break) the house
 * number of an address span or a phone number; not a named place ("Résidence Marie Curie, 12
 * rue ...", "Hôpital Saint Louis, 1 avenue ...", "Pharmacie Centrale 02 99 ...": a capitalised
 * word or a place's head before the given name, or no given name), nor a street's own name.
 */
#include <string.h>

#include "privacy/text/priv_name.h"

/* Token k opens an address: a number, then within three tokens a street's type, all claimed
 * ("8 allée", "3 bis rue", "14 Mill Lane"). */
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

/* The name ending on token e, before the span opening on token k: a given name and one or two
 * capitalised words, one space apart, with nothing named before it. */
static void name_before(struct pctx *c, size_t e)
{
	size_t s = e;
	while (s > 0 && e - s < 2 && name_part(c, s - 1) && (c->tk[s].f & TK_SP) && !(c->tk[s].f & TK_NL))
		s--;
	/* the given name: a first-name list's (hunspell, faker) or a humannames name the English
	 * dictionary writes with a capital ("Will", "Hope"); humannames alone holds most words
	 * ("Allo Taxi", "Croix Rouge" 01 ...) */
	uint32_t g = c->tk[s].lex;
	/* a trade's name ends on its trade ("Marine Ambulances 02 ...", "Aurore Transports",
	 * "Victoire Santé, 2 rue ...", "Holly Lodge, 3 ...") */
	static const char *const trade[] = {"ambulance", "ambulances", "taxi", "taxis", "transport", "transports",
					    "sante", "audition", "optique", "optic", "optical", "pharmacie",
					    "pharmacy", "mutuelle", "lodge", "house", "beaute", "coiffure",
					    "services", "care", "cars", "medical", "dental", "clinic", "clinique",
					    "assurance", "assurances", "insurance", "centre", "center", "trust",
					    "funeraire", "funeral", NULL};
	if (tk_eq_any(c, e, trade))
		return;
	if (s == e || !name_part(c, e) || !name_part(c, s) ||
	    !((g & (LX_PRN | LX_FIRSTNAME)) || ((g & LX_HN) && (g & LX_CAPEN))))
		return;
	/* nothing named before it: "Résidence Marie Curie", "Hôpital Saint Louis" */
	if (s > 0 && !(c->tk[s].f & TK_NL) &&
	    ((c->tk[s - 1].f & (TK_CAP | TK_ALLCAP)) || (c->tk[s - 1].lex & (LX_HOSP | LX_HOSP_EN | LX_TITLE))) &&
	    (c->tk[s - 1].f & TK_WORD) && !(c->tk[s - 1].lex & (LX_SIGNOFF | LX_GREET)))
		return;
	priv_add_tok(c, s, e, ENT_PRIV_NAME, 0.7f, "name_signature");
}

/* A hyphen, an en dash or an em dash ("Capucine Grange – 06 52 ..."). */
static int dash(const struct pctx *c, size_t k)
{
	if (tk_ch(c, k, '-'))
		return 1;
	size_t n = tk_len(c, k);
	const char *p = c->t + c->tk[k].s;
	return n == 3 && (memcmp(p, "\xe2\x80\x93", 3) == 0 || memcmp(p, "\xe2\x80\x94", 3) == 0);
}

void pn_postal_names(struct pctx *c)
{
	if (!(c->f_any & TK_DIGIT) || !(c->lex_any & LX_GIVEN))
		return; /* (a house number or a phone line holds a digit) */
	/* the spans the earlier passes found (a new one is a NAME, after them: not read) */
	for (size_t n = 0, n_sp = c->n_sp; n < n_sp; n++) {
		enum ent_priv_type type = c->sp[n].type;
		unsigned char b0 = (unsigned char)c->t[c->sp[n].start];
		if ((type != ENT_PRIV_CONTACT && type != ENT_PRIV_LOCATION) || !((b0 >= '0' && b0 <= '9') || b0 == '+' || b0 == '('))
			continue; /* (what both open on: most places and contacts are words) */
		size_t k = priv_tok_at(c, c->sp[n].start);
		if (k < 2 || k >= c->n_tk)
			continue;
		/* a phone number ("06 52 ...", "+44 ...", "(415) ..."), or an address's house number */
		int phone = type == ENT_PRIV_CONTACT && ((c->tk[k].f & TK_NUM) || tk_ch(c, k, '+') || tk_ch(c, k, '('));
		if (!phone && !(type == ENT_PRIV_LOCATION && address_opens(c, k)))
			continue;
		/* the end of the name: a comma before either; a colon or a dash, or a space, before a
		 * phone number; a line break before either */
		if (tk_ch(c, k - 1, ',') || (phone && (tk_ch(c, k - 1, ':') || dash(c, k - 1))))
			name_before(c, k - 2);
		else if ((c->tk[k - 1].f & TK_WORD) && ((c->tk[k].f & TK_NL) || (phone && (c->tk[k].f & TK_SP))))
			name_before(c, k - 1);
	}
}
