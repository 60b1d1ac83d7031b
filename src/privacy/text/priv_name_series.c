/*
 * priv_name_series.c - lists of lowercase nicknames: "merci à : titi, béa, jojo et manu",
 * "thank u bev, shaz, big dave and precious" (r_series, after thanks), and once the rules have
 * run, a list opening the message ("tehani, poerava et heimana : les 3 mousquetaires") or after
 * "surtout" in thanks ("merci à toutes, surtout adjoua, kossiwa et yannig"). Three items or more,
 * words no list knows or that a name list holds; a relative's word before an item stays out
 * ("thank you rangi, hone and aunty pani"). Also, after the rules, a capitalised word no list
 * knows one space before a name found ("my mother in law Teuila Faleolo (61)").
 */
#include "privacy/text/priv_name.h"

/* One item of a thanked list: a lowercase word a name list holds, or no list at all. */
static int series_item(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || !tk_is(c, k, TK_LOWER) || tk_is(c, k, TK_DIGIT) || (c->tk[k].f & TK_CLAIMED) ||
	    tk_len(c, k) < 2 || tk_len(c, k) > 12 || (tk_glued(c, k) && tk_apos(c, k + 1)))
		return 0;
	uint32_t f = c->tk[k].lex;
	return (f == 0 || (f & (LX_HN | LX_PRN | LX_FIRSTNAME))) &&
	       !(f & (LX_STOPFR | LX_STOPEN | NOT_A_NAME | LX_EPONYM | LX_TOWN | LX_CITY)) && !tk_lex2(c, k, LX2_AUX);
}

/* A relative's word before an item of a list: "thank you rangi, hone and aunty pani" (the name
 * only). */
static size_t series_kin(const struct pctx *c, size_t k)
{
	return k + 1 < c->n_tk && (c->tk[k].f & TK_LOWER) && (c->tk[k].lex & LX_KIN) &&
			       !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN)) && (c->tk[k + 1].f & TK_SP) && series_item(c, k + 1)
		       ? k + 1
		       : k;
}

/* The list of lowercase nicknames from token i ("titi, béa, jojo et manu"): three items or more
 * joined by commas, the last by "et", "and" or "&". Their tokens go to item[] (8 at most);
 * returns their count, or 0 for no list. */
static size_t series_scan(const struct pctx *c, size_t i, size_t item[8])
{
	static const char *const adj[] = {"big", "little", "lil", "wee", "petit", "petite", "grand",
					  "grande", "old", "young", NULL};
	size_t n = 0, k = i;
	for (int last = 0;;) {
		if (tk_eq_any(c, k, adj) && (c->tk[k + 1 < c->n_tk ? k + 1 : k].f & TK_SP))
			k++; /* "big dave": the name only */
		k = series_kin(c, k);
		if (n == 8 || !series_item(c, k))
			return 0;
		item[n++] = k;
		size_t s = k + 1;
		if (last)
			break;
		/* a list ends with "et" / "and" before its last item */
		if (s >= c->n_tk || !(tk_ch(c, s, ',') || tk_ch(c, s, '&') || tk_eq(c, s, "et") || tk_eq(c, s, "and")))
			return 0;
		last = !tk_ch(c, s, ',');
		k = s + 1;
	}
	return n >= 3 ? n : 0;
}

/* Adds the n items as names; returns the last one's token. */
static size_t series_add(struct pctx *c, const size_t *item, size_t n)
{
	for (size_t m = 0; m < n; m++)
		priv_add_tok(c, item[m], item[m], ENT_PRIV_NAME, 0.6f, "name_list");
	return item[n - 1];
}

size_t pn_thanks_series(struct pctx *c, size_t i)
{
	size_t p = i - 1, item[8], n;
	if (tk_ch(c, p, ':'))
		p--;
	/* thanks to the list, or "thank u" / "thank you" right before it */
	if (!pn_thanks_prep(c, p) &&
	    !((tk_eq(c, p, "u") || tk_eq(c, p, "you")) && p > 0 && tk_eq(c, tk_prev_word(c, p, 0), "thank")))
		return 0;
	return (n = series_scan(c, i, item)) ? series_add(c, item, n) : 0;
}

/* Lists of nicknames the rules leave, once they have run: one opening the message before a
 * colon or a possessive ("tehani, poerava et heimana : les 3 mousquetaires", "titi, bibi et
 * dédé, mes 3 copines de chimio"), one after "surtout", "especially"... in thanks ("merci à
 * toutes pour vos conseils, surtout adjoua, kossiwa et yannig"). */
/* "my mother in law Teuila Faleolo (61)": a capitalised word no list knows, one space before a
 * name found, on its line, is the given name before it. */
static void unknown_before_names(struct pctx *c)
{
	for (size_t k = 0; k < c->n_sp; k++) {
		struct ent_priv_span *sp = &c->sp[k];
		if (sp->type != ENT_PRIV_NAME)
			continue;
		size_t i = priv_tok_at(c, sp->start);
		if (i == 0 || i >= c->n_tk || c->tk[i].s != sp->start ||
		    c->tk[i - 1].e + 1 != sp->start || c->t[c->tk[i - 1].e] != ' ')
			continue;
		const struct ptok *p = &c->tk[i - 1];
		if ((p->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && p->lex == 0 && p->e - p->s >= 3 &&
		    !(i >= 2 && tk_glued(c, i - 2))) {
			sp->start = p->s;
			c->tk[i - 1].f |= TK_CLAIMED;
		}
	}
}

void pn_late(struct pctx *c)
{
	unknown_before_names(c);
	pn_word_names(c);
	static const char *const thanks[] = {"merci", "thanks", "thank", "thx", "shoutout", "remercie", "bravo", NULL};
	static const char *const ours[] = {"mes", "nos", "my", "our", NULL};
	size_t item[8], n;
	if (c->n_tk < 6 || !(c->f_any & TK_LOWER))
		return;
	if (tk_is(c, 0, TK_LOWER) && (n = series_scan(c, 0, item)) != 0) {
		size_t e = item[n - 1];
		if (tk_ch(c, e + 1, ':') || (tk_ch(c, e + 1, ',') && tk_eq_any(c, e + 2, ours)))
			series_add(c, item, n);
	}
	/* "surtout", "especially"... (LX2_MOST, read with the word's look-up): a text without one
	 * has nothing to walk */
	if (!(c->lex2_any & LX2_MOST))
		return;
	for (size_t i = 1; i + 4 < c->n_tk; i++) {
		if (!(c->tk[i].lex2 & LX2_MOST) || (c->tk[i + 1].f & (TK_CLAIMED | TK_LOWER)) != TK_LOWER)
			continue;
		/* thanks earlier in the sentence */
		int thanked = 0;
		for (size_t k = i; k-- > 0 && i - k <= 20 && !thanked;) {
			if (tk_ch(c, k, '.') || tk_ch(c, k, '!') || tk_ch(c, k, '?'))
				break;
			thanked = tk_eq_any(c, k, thanks) != 0;
		}
		if (thanked && (n = series_scan(c, i + 1, item)) != 0)
			i = series_add(c, item, n);
	}
}

