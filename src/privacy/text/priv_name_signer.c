/*
 * priv_name_signer.c - signers, after the rules (from pn_nick_late) and in pn_signature: the
 * writer's name where a text ends, in the shapes the rules of priv_name_shape.c leave:
 * lowercase after a sign-off ("cheers, will", "bisous à toutes, nath"), the first word of the
 * last line before its role ("ghislaine, aidante de son mari"), an initial and its full stop
 * after a dash or a sign-off ("\n-- K.", "Thx R."), a given name and a surname after a
 * sentence's end ("Merci d'avance. Colombe Ferrand"); and no signer where the last line answers
 * the one before (pn_signature_answer: "c'est :\nRelpax", "one word.\nHope").
 */
#include "privacy/text/priv_name.h"

/* The line before token i (which opens the last line) ends on a colon that is no label's, or on
 * a full stop with no sign-off on it: the last line answers it ("ce qui a marché c'est
 * :\nRelpax", "... and one word.\nHope"), it signs nothing. A word no list holds after the
 * colon, or a word of the language that no first-name list writes (hunspell's, faker's). */
int pn_signature_answer(const struct pctx *c, size_t i)
{
	static const char *const label[] = {"contact", "from", "de", "par", "by", "signed", "signe", "nom", "name",
					    "patient", "patiente", "attn", "to", "pour", "auteur", "author", "cc",
					    "expediteur", "sender", "referent", "referente", "moi", "me", NULL};
	if (i < 2 || !(c->tk[i].f & TK_NL))
		return 0;
	uint32_t lx = c->tk[i].lex, word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if (tk_ch(c, i - 1, ':'))
		return lx == 0 && (c->tk[i - 2].f & TK_WORD) && !(c->tk[i - 2].lex & (LX_SIGNOFF | LX_INTRO | LX_IDLABEL |
											  LX_TITLE | LX_KIN)) &&
		       !tk_eq_any(c, i - 2, label);
	if (!tk_ch(c, i - 1, '.') || !(lx & word) || (lx & (LX_PRN | LX_FIRSTNAME)))
		return 0;
	for (size_t k = i - 1; k-- > 0 && !(c->tk[k + 1].f & TK_NL);)
		if (c->tk[k].lex & LX_SIGNOFF)
			return 0;
	return 1;
}

/* The signer in lowercase: the text's last word after a sign-off and a comma, a given name a
 * dictionary writes with a capital too ("cheers, will"); or the first word of its last line,
 * a given name no dictionary holds, before a comma and the signer's role ("bises à
 * toutes\nghislaine, aidante de son mari"). Token i is lowercase and free. */
int pn_lower_signer(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	size_t k = i + 1;
	while (k < c->n_tk && !(c->tk[k].f & TK_WORD) && !(c->tk[k].f & TK_NL))
		k++;
	if (k >= c->n_tk) {
		/* the text's last word */
		if (i < 2 || !tk_ch(c, i - 1, ',') || !(t->f & TK_SP) || (t->lex & (PN_NEVER | LX_NOTNAME)))
			return 0;
		if (c->tk[i - 2].lex & LX_SIGNOFF)
			return (t->lex & (LX_PRN | LX_FIRSTNAME)) || ((t->lex & LX_HN) && (t->lex & LX_CAPEN)) ||
			       pn_nick_named(c, i);
		/* "bisous à toutes, nath", "love to all, caz": a sign-off opening the clause before the
		 * comma, a few words back on the line; a given name or a nickname cut from one */
		for (size_t q = i - 2, w = 0; q > 0 && w < 4 && !(c->tk[q].f & TK_NL) && !tk_ch(c, q, '.') &&
						!tk_ch(c, q, '!') && !tk_ch(c, q, '?');
		     q--, w++)
			if ((c->tk[q - 1].lex & LX_SIGNOFF) && (tk_sentence_start(c, q - 1) || (c->tk[q - 1].f & TK_NL)))
				return (t->lex & (LX_PRN | LX_FIRSTNAME)) || pn_nick_named(c, i);
		return 0;
	}
	if (!(t->f & TK_NL) || !tk_ch(c, i + 1, ',') || !pn_nick_given(c, i))
		return 0;
	size_t words = 0;
	for (k = i + 2; k < c->n_tk; k++) {
		if ((c->tk[k].f & TK_NL) || tk_ch(c, k, '?') || tk_ch(c, k, '.') || tk_ch(c, k, '!') || ++words > 8)
			return 0;
	}
	/* a sign-off on the line before */
	for (k = i; k-- > 0;) {
		if (c->tk[k].lex & LX_SIGNOFF)
			return 1;
		if (c->tk[k].f & TK_NL)
			return 0;
	}
	return 0;
}

/* The signer's initial closing the text after a dash or a sign-off, its full stop with it:
 * "\n-- K.", "— T.", "Thx R.". Token i is the letter. */
static int signed_initial(const struct pctx *c, size_t i)
{
	/* (the letter may be named already, without its stop: the longer span wins) */
	if (tk_len(c, i) != 1 || !(c->tk[i].f & TK_CAP) || !tk_ch(c, i + 1, '.') ||
	    i + 2 != c->n_tk || i == 0)
		return 0;
	size_t p = i - 1;
	if (c->tk[p].lex & LX_SIGNOFF)
		return (c->tk[p].f & TK_WORD) != 0;
	if (!pn_dash(c, p))
		return 0;
	while (p > 0 && pn_dash(c, p - 1) && tk_glued(c, p - 1))
		p--;
	return p == 0 || (c->tk[p].f & TK_NL) != 0;
}

/* A given name and a surname closing the text after a sentence's end ("Merci d'avance. Colombe
 * Ferrand"): the first capitalised and a name list's, the second a surname's or no list's (it
 * may be named already: the longer span wins). Returns the first token, or 0. */
static size_t closing_pair(const struct pctx *c)
{
	size_t j = c->n_tk;
	while (j > 0 && (tk_ch(c, j - 1, '.') || !(c->tk[j - 1].f & (TK_WORD | TK_PUNCT))))
		j--;
	if (j < 3)
		return 0;
	size_t i = j - 2, p = i - 1;
	const struct ptok *a = &c->tk[i], *b = &c->tk[i + 1];
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if ((a->f & (TK_CAP | TK_ALLCAP | TK_CLAIMED | TK_DIGIT)) != TK_CAP ||
	    (b->f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) != TK_CAP || !(b->f & TK_SP) || (b->f & TK_NL) ||
	    !(tk_ch(c, p, '.') || tk_ch(c, p, '!') || (a->f & TK_NL)) || !(a->lex & LX_GIVEN) ||
	    (a->lex & (PN_NEVER | LX_NOTNAME)) || (b->lex & (PN_NEVER | LX_NOTNAME)) ||
	    !((b->lex & LX_PATR) || b->lex == 0 || ((b->lex & LX_HN) && !(b->lex & word))) || tk_len(c, i + 1) < 3)
		return 0;
	/* a word of the language only as a hunspell or faker first name, or a town ("Colombe"), not
	 * a verb before a name ("Call Fiona.") */
	if ((a->lex & word) && !(a->lex & (LX_PRN | LX_FIRSTNAME | LX_TOWN)))
		return 0;
	return i;
}

void pn_signers(struct pctx *c)
{
	if (c->n_tk >= 3 && signed_initial(c, c->n_tk - 2))
		priv_add_tok(c, c->n_tk - 2, c->n_tk - 1, ENT_PRIV_NAME, 0.7f, "name_signature");
	size_t pair = closing_pair(c);
	if (pair)
		priv_add_tok(c, pair, pair + 1, ENT_PRIV_NAME, 0.7f, "name_signature");
}
