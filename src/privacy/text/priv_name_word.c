/*
 * priv_name_word.c - after the rules: given names that are also ordinary words ("Sunny",
 * "Ange", "Mai", "Olive", "Joy", "Hope"), which the rules leave alone (a list of non-names, a
 * month, an English word), in the places where only a name stands: closing the text after a
 * sign-off ("Regards, Sunny") and before an age, opening the text or after a relative's word or
 * "petit(e)" / "little" ("Ange, 8 mois, trisomie 21", "la petite Mai (6 ans)"), before an aside
 * a relative's word closes ("Ange, my radiographer,"), and in lowercase after a relative and
 * before an age ("my little sister hope (12)"). Elsewhere the word stays a word ("Sunny is not
 * so sunny today" is left: a copula is no proof). And the parts of a Vietnamese name the rules
 * found, made whole ("Tran Thi Thu Huong", "Lê Văn Thắng"); a relative's "in law" before a name;
 * hyphenated initials and names ("mon chum J-F", "Ti-Jo, mon grand frère"); a month after a
 * title ("le Dr Juin", pn_title_month), a month or "may" after a relative before a verb ("my
 * mum may has", pn_kin_month_name). Also what the
 * context rules ask of a romanised given name of two syllables ("Sun-hee", pn_syllable_pair)
 * and of an eponym a person is called by ("my niece is called Addison", pn_eponym_named).
 */
#include <string.h>

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

/* "Ange, my radiographer, hummed": ", my/mon/ma" and a relative's or carer's word within three
 * words after it. */
static int apposed(const struct pctx *c, size_t i)
{
	static const char *const poss[] = {"my", "mon", "ma", "our", "notre", NULL};
	static const char *const roles[] = {"radiographer", "radiographe", "manip", "midwife", "carer", "caregiver",
					    "aide", "therapist", NULL};
	if (!tk_ch(c, i + 1, ',') || !tk_eq_any(c, i + 2, poss) || (c->tk[i].lex & (LX_DAY | LX_MONTH)))
		return 0;
	/* the relative's word closes the aside ("Samedi, ma sœur Hélène" names the sister) */
	for (size_t k = i + 3; k <= i + 5 && k < c->n_tk && (c->tk[k].f & TK_WORD); k++)
		if (((c->tk[k].lex & LX_KIN) && !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN))) || tk_eq_any(c, k, roles))
			return k + 1 >= c->n_tk || (c->tk[k + 1].f & TK_PUNCT);
	return 0;
}

/* "my little sister hope (12)": in a lowercase text, a given name that is also a word right
 * after a relative's word and before an age. */
static int lower_kin_aged(const struct pctx *c, size_t i)
{
	return i > 0 && (c->tk[i].f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) == TK_LOWER && (c->tk[i].lex & LX_GIVEN) &&
	       tk_len(c, i) >= 3 && (c->tk[i - 1].lex & LX_KIN) && !(c->tk[i - 1].lex & (LX_STOPFR | LX_STOPEN)) &&
	       !(c->tk[i].lex & (LX_TITLE | LX_KIN | LX_SIGNOFF | LX_STOPFR | LX_STOPEN)) && aged(c, i);
}

/* Vietnamese names, family name first, then a middle name (Thị for women, Văn for men) and one
 * or two given names of one syllable each: "Tran Thi Thu Huong", "Lê Văn Thắng". The rules find
 * parts ("Tran Thi" and "Huong", "Văn Thắng"): a span ending on the middle name takes the
 * capitalised syllables after it (tidy() then joins it to a name one space on), and one opening
 * on it takes the family name before it. */
static const char *const viet_middle[] = {"thi", "van", NULL};
static const char *const viet_family[] = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu",
					  "vo", "bui", "ho", "ngo", "duong", "ly", "truong", "dinh", "trinh",
					  "luong", "doan", "vuong", "dao", "lam", NULL};

/* A capitalised syllable one space after token k (k + 1), free or a name's. */
static int syllable_after(const struct pctx *c, size_t k)
{
	return k + 1 < c->n_tk && c->tk[k].e + 1 == c->tk[k + 1].s && c->t[c->tk[k].e] == ' ' &&
	       (c->tk[k + 1].f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) == TK_CAP && tk_len(c, k + 1) <= 8 &&
	       !(c->tk[k + 1].lex & (LX_TITLE | LX_KIN | LX_SIGNOFF | LX_MONTH));
}

static void viet_names(struct pctx *c)
{
	if (!(c->lex2_any & LX2_LATE))
		return; /* no "thi" nor "van" (LX2_LATE: each span below needs one) */
	for (size_t k = 0; k < c->n_sp; k++) {
		struct ent_priv_span *sp = &c->sp[k];
		if (sp->type != ENT_PRIV_NAME || sp->end <= sp->start)
			continue;
		size_t i = priv_tok_at(c, sp->start), j = priv_tok_at(c, sp->end - 1);
		if (j >= c->n_tk || i >= c->n_tk)
			continue;
		if (j > i && tk_eq_any(c, j, viet_middle) && syllable_after(c, j) && !(c->tk[j + 1].f & TK_CLAIMED)) {
			size_t e = j + 1;
			if (syllable_after(c, e) && !(c->tk[e + 1].f & TK_CLAIMED))
				e++;
			for (size_t m = j + 1; m <= e; m++)
				c->tk[m].f |= TK_CLAIMED;
			sp->end = c->tk[e].e;
		}
		if (i > 0 && tk_eq_any(c, i, viet_middle) && (c->tk[i].f & TK_CAP) && tk_eq_any(c, i - 1, viet_family) &&
		    (c->tk[i - 1].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) == TK_CAP &&
		    c->tk[i - 1].e + 1 == c->tk[i].s) {
			c->tk[i - 1].f |= TK_CLAIMED;
			sp->start = c->tk[i - 1].s;
		}
	}
}

/* "my mother in law Sunita", "his sister-in-law Margaret Cole": the rules read the relative's
 * word right before a name, and "law" is none; a capitalised word after a relative's "in law"
 * (hyphens or not) that a given-name list holds or no list knows is the relative, with a
 * capitalised word after it that no list knows or a surname list holds. */
static void in_law(struct pctx *c)
{
	if (!(c->lex2_any & LX2_LATE))
		return; /* no "law" (LX2_LATE) */
	for (size_t i = 2; i + 1 < c->n_tk; i++) {
		if (c->tk[i].flen != 3 || !tk_eq(c, i, "law")) /* (the length first: one test a word) */
			continue;
		size_t k = i - 1;
		if (tk_ch(c, k, '-') && k > 0)
			k--;
		if (!tk_eq(c, k, "in") || k == 0)
			continue;
		k--;
		if (tk_ch(c, k, '-') && k > 0)
			k--;
		size_t n = i + 1;
		const struct ptok *t = &c->tk[n];
		if (!(c->tk[k].lex & LX_KIN) || (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP ||
		    !(t->f & TK_SP) || tk_len(c, n) < 3 || !((t->lex & LX_GIVEN) || t->lex == 0) ||
		    (t->lex & (NOT_A_NAME | LX_STOPEN | LX_STOPFR | LX_EPONYM)))
			continue;
		size_t e = n;
		const struct ptok *u = n + 1 < c->n_tk ? &c->tk[n + 1] : NULL;
		if (u && (u->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && (u->f & TK_SP) &&
		    !(u->f & TK_NL) && (u->lex == 0 || ((u->lex & LX_PATR) && !(u->lex & (NOT_A_NAME | LX_WORD)))))
			e = n + 1;
		priv_add_tok(c, n, e, ENT_PRIV_NAME, 0.7f, "name_context");
		i = e;
	}
}

/* The end of a capitalised compound from token i, its parts glued by hyphens ("Ti-Jo", "J-F"),
 * or i when it is none; *letters says whether every part is one letter. */
static size_t hyph_compound(const struct pctx *c, size_t i, int *letters)
{
	size_t e = i;
	*letters = tk_len(c, i) == 1;
	while (tk_glued(c, e) && tk_ch(c, e + 1, '-') && tk_glued(c, e + 1) && e + 2 < c->n_tk &&
	       (c->tk[e + 2].f & (TK_CAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP) {
		e += 2;
		*letters = *letters && tk_len(c, e) == 1;
	}
	return tk_glued(c, e) && !tk_is(c, e + 1, TK_PUNCT) ? i : e;
}

/* "Mon chum J-F a eu son opération", "Lettre à Ti-Jo, mon grand frère": initials joined by a
 * hyphen after a relative's word, and a hyphenated given name before ", mon/ma/my (...) <relative>"
 * (the rules take neither: one letter is no word, and a relative after a name is no context they
 * read). */
static void hyphen_names(struct pctx *c)
{
	static const char *const poss[] = {"mon", "ma", "my", "notre", "our", "his", "her", "son", "sa", NULL};
	if (!priv_has_punct(c, '-'))
		return;
	/* (a capitalised word: among those with a capital as tokenized, PB_CAPS) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_CAPS));
	for (size_t i = tk_next_any(c, &wk, 1); i + 2 < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || !(c->tk[i].f & TK_SP) ||
		    (tk_glued(c, i - 1)))
			continue;
		int letters;
		size_t e = hyph_compound(c, i, &letters);
		if (e == i)
			continue;
		int kin_before = letters && (c->tk[i - 1].lex & LX_KIN) && !(c->tk[i - 1].lex & (LX_STOPFR | LX_STOPEN));
		int kin_after = 0;
		if (tk_ch(c, e + 1, ',') && tk_eq_any(c, e + 2, poss))
			for (size_t k = e + 3; k <= e + 5 && k < c->n_tk && !kin_after; k++)
				kin_after = (c->tk[k].lex & LX_KIN) && !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN));
		if (!kin_before && !kin_after)
			continue;
		/* a word or a disease's name among the parts ("Creutzfeldt-Jakob, ma tante",
		 * "Parkinson-Plus, my dad"); and a name before a relative has a given name in it */
		int word = 0, given = 0;
		for (size_t k = i; k <= e; k += 2) {
			word |= (c->tk[k].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) != 0;
			given |= (c->tk[k].lex & LX_GIVEN) != 0;
		}
		if (!letters && (word || !given))
			continue;
		priv_add_tok(c, i, e, ENT_PRIV_NAME, 0.7f, "name_context");
		i = e;
	}
}

/* A word of the main loop of pn_word_names: named, with its age, when it stands where only a
 * name stands. */
static void word_name_at(struct pctx *c, size_t i)
{
	int lower = lower_kin_aged(c, i);
	if (!word_name(c, i) && !lower)
		return;
	size_t a = aged(c, i);
	if (a || signed_off(c, i) || apposed(c, i))
		priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_word");
	if (a && !(c->tk[i + 2].f & (TK_AGE | TK_CLAIMED)))
		priv_add_tok(c, i + 2, a, ENT_PRIV_AGE, 0.7f, "age");
}

void pn_word_names(struct pctx *c)
{
	viet_names(c);
	in_law(c);
	pn_postal_names(c);
	hyphen_names(c);
	if (!(c->lex_any & LX_GIVEN))
		return;
	/* the words either kind may be, 64 tokens at a time: among those with a capital as
	 * tokenized (PB_CAPS: pn_unshout only takes capitals away) and those right after a
	 * relative's word (NF_KIN is LX_KIN; eight NF_ bytes at a time), the ones in a given-name
	 * list, capitalised (word_name) or lowercase after a relative's word (lower_kin_aged),
	 * without a branch on a token; each is then tested in full (a word the loop claims
	 * meanwhile fails the test again; none becomes a candidate) */
	const uint8_t *nf = c->nf + NF_BEFORE;
	for (size_t w = 0; w < c->nw; w++) {
		size_t w0 = w << 6, nb = c->n_tk - w0 < 64 ? c->n_tk - w0 : 64;
		uint64_t kin = 0;
		for (size_t g = 0; g < nb; g += 8) {
			uint64_t x = 0;
			memcpy(&x, nf + w0 + g, nb - g < 8 ? nb - g : 8);
			kin |= ((((x >> 5) & 0x0101010101010101ull) * 0x0102040810204080ull) >> 56) << g;
		}
		_Static_assert(NF_KIN == 1u << 5, "the gather reads bit 5 of each NF_ byte");
		uint64_t after_kin = kin << 1 | (uint64_t)((c->nf[NF_BEFORE - 1 + w0] & NF_KIN) != 0); /* (0 before the text) */
		uint64_t m = (c->bm[w * PB_N + PB_CAPS] | after_kin) & (nb == 64 ? ~0ull : (1ull << nb) - 1);
		uint64_t cand = 0;
		for (; m; m &= m - 1) {
			size_t k = w0 + (size_t)__builtin_ctzll(m);
			const struct ptok *t = &c->tk[k];
			unsigned cap = (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP;
			unsigned low = ((t->f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) == TK_LOWER) & (unsigned)((after_kin >> (k - w0)) & 1);
			cand |= (uint64_t)((cap | low) & !!(t->lex & LX_GIVEN)) << (k - w0);
		}
		for (; cand; cand &= cand - 1)
			word_name_at(c, w0 + (size_t)__builtin_ctzll(cand));
	}
}

int pn_syllable_pair(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) != TK_CAP || tk_len(c, i) < 2 || tk_len(c, i) > 4 ||
	    !tk_ch(c, i + 1, '-') || !tk_glued(c, i) || !tk_glued(c, i + 1) || !tk_is(c, i + 2, TK_LOWER) ||
	    tk_is(c, i + 2, TK_DIGIT) || tk_len(c, i + 2) < 2 || tk_len(c, i + 2) > 4 ||
	    (t->lex & (LX_STOPFR | LX_STOPEN | LX_TITLE | LX_KIN)))
		return 0;
	/* not a prefix as the first syllable ("Pre-teen", "Co-amox", "Ex-prem", "Semi-pro",
	 * "Pré-ado"), nor a doubled one ("Ha-ha", "Cha-cha") */
	static const char *const prefix[] = {"pre", "co", "ex", "non", "bi", "uni", "semi", "anti", "post",
					     "re", "sub", "pro", "auto", "demi", "mini", "tri", "mono", "poly", NULL};
	if (tk_eq_any(c, i, prefix) || strcmp(tk_fold(c, i), tk_fold(c, i + 2)) == 0)
		return 0;
	/* not "Co-op", "Pre-op", "Re-do", "Anti-tnf": a second half the language knows (unless a
	 * given name's list holds it: "Ji-woo"), and no third part ("Tout-en-un") */
	uint32_t g = c->tk[i + 2].lex;
	return !((g & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) && !(g & LX_GIVEN)) &&
	       !(g & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) && !(tk_glued(c, i + 2) && tk_ch(c, i + 3, '-'));
}

int pn_little_pair(const struct pctx *c, size_t i)
{
	if (!(tk_eq(c, i - 1, "petite") || tk_eq(c, i - 1, "petit") || tk_eq(c, i - 1, "little")) ||
	    !pn_syllable_pair(c, i))
		return 0;
	size_t k = i + 3; /* after the second syllable */
	if (k >= c->n_tk || (c->tk[k].f & TK_NL) || tk_ch(c, k, ',') || tk_ch(c, k, '.') || tk_ch(c, k, '!') ||
	    tk_ch(c, k, '?') || tk_ch(c, k, ';') || tk_ch(c, k, ':') || tk_ch(c, k, '('))
		return 1;
	static const char *const born[] = {"born", "nee", "ne", "aged", "agee", "age", NULL};
	static const char *const is[] = {"was", "is", "est", "a", NULL};
	if (tk_eq_any(c, k, is))
		k = tk_next_word(c, k, 0);
	return tk_eq_any(c, k, born);
}

int pn_farewell_before(const struct pctx *c, size_t p, size_t i)
{
	/* (first the length and first letter of "easy", "high", "tight", "paix": most words stop
	 * there) */
	unsigned pl = c->tk[p].flen, p0 = pl ? (unsigned char)tk_fold(c, p)[0] : 0;
	if (!((pl == 4 && (p0 == 'e' || p0 == 'h' || p0 == 'p')) || (pl == 5 && p0 == 't')))
		return 0;
	size_t q = p > 0 ? tk_prev_word(c, p, 0) : SIZE_MAX;
	/* the name right after the farewell (or its comma) closes it: a pause or the end after it
	 * (not "Sleep tight Eagles fans") */
	if (q == SIZE_MAX || q + 1 != p || !(p + 1 == i || (p + 2 == i && tk_ch(c, p + 1, ','))) ||
	    (i + 1 < c->n_tk && (c->tk[i + 1].f & TK_WORD) && !(c->tk[i + 1].f & TK_NL)))
		return 0;
	int fr = tk_eq(c, p, "paix") && tk_eq(c, q, "en");
	if (fr)
		q = q > 0 ? tk_prev_word(c, q, 0) : SIZE_MAX;
	else if (!((tk_eq(c, p, "easy") && tk_eq(c, q, "rest")) || (tk_eq(c, p, "high") && tk_eq(c, q, "fly")) ||
		   (tk_eq(c, p, "tight") && tk_eq(c, q, "sleep"))))
		return 0;
	/* not a word the farewell's language knows that no given-name list holds (a mixed list
	 * may), unless a town's name too, as 'Phoenix': "Repose en paix Champion.", "Repose en
	 * paix Guerrière.", "Rest easy, everyone" */
	uint32_t w = c->tk[i].lex;
	if ((w & (fr ? LX_WFR : LX_WEN)) && !(w & (LX_PRN | LX_FIRSTNAME | LX_TOWN | LX_CITY)))
		return 0;
	return q != SIZE_MAX && (tk_eq(c, q, "rest") || tk_eq(c, q, "fly") || tk_eq(c, q, "sleep") ||
				 tk_eq(c, q, "repose") || tk_eq(c, q, "reposes")) &&
	       tk_sentence_start(c, q);
}

int pn_nickname_word(const struct pctx *c, size_t i)
{
	static const char *const nick[] = {"bubba", "bub", "bubby", "bubs", "missy", "boi", "fella", "bambino",
					   "bambina", "cutie", "dino", "munchkin", "monkey", "man", "guy", "lad",
					   "kiddo", "loulou", "puce", "choupette", "bebou", "nana", "bichon", NULL};
	return tk_eq_any(c, i, nick);
}

int pn_eponym_named(const struct pctx *c, size_t i)
{
	static const char *const named[] = {"called", "named", "appelle", "appelait", "prenommee", "prenomme", NULL};
	/* (not "who" / "qui": "une maladie qui s'appelle Crohn") */
	static const char *const person[] = {"she", "he", "elle", "il", NULL};
	if ((c->tk[i].f & (TK_CAP | TK_ALLCAP)) != TK_CAP || !(c->tk[i].lex & LX_GIVEN) || tk_apos(c, i + 1) ||
	    tk_lex(c, tk_next_word(c, i, 1), LX_MEDCTX))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX || p + 1 != i || !tk_eq_any(c, p, named))
		return 0;
	/* "is called", "s'appelle", "se prénomme", "a daughter named": a copula or the relative
	 * right before (not "my mum has something called Addison") */
	static const char *const copula[] = {"is", "was", "s", "se", "be", "been", "being", "m", "re", NULL};
	size_t b = tk_prev_word(c, p, 1);
	if (b == SIZE_MAX)
		return 0;
	if (c->tk[b].lex & LX_KIN)
		return 1;
	if (!tk_eq_any(c, b, copula))
		return 0;
	/* the one called so: a relative or a pronoun right before the copula, nothing between
	 * (not "what she has is called", "ce qu'elle a s'appelle", "la maladie qu'il a
	 * s'appelle", "my brother's is called", "it's called"); French "son" is no relative
	 * after a possessive's absence ("son syndrome s'appelle Cushing") */
	size_t q = tk_prev_word(c, b, 1);
	static const char *const det[] = {"my", "our", "his", "her", "their", "your", "a", "the", NULL};
	if (q == SIZE_MAX || (tk_eq(c, q, "son") && !tk_eq_any(c, tk_prev_word(c, q, 0), det)))
		return 0;
	return (c->tk[q].lex & LX_KIN) || tk_eq_any(c, q, person);
}

/* Token n opens a time of day ("14h30", "9h", "14:30"): the hour of an appointment with the
 * person, which a month has not before it ("le Dr Juin 14h30"). */
static int clock_time(const struct pctx *c, size_t n)
{
	const char *p = c->t + c->tk[n].s, *e = p;
	const char *end = c->t + c->tk[n].e;
	while (e < end && *e >= '0' && *e <= '9')
		e++;
	if (e == p || e - p > 2)
		return 0;
	if (e < end)
		return *e == 'h';
	/* the hour alone in its token: "h" or ":" glued after it */
	return tk_glued(c, n) && n + 1 < c->n_tk && (c->t[c->tk[n + 1].s] == 'h' || c->t[c->tk[n + 1].s] == ':');
}

/* "le Dr Juin", "Mme Octobre": a month is a surname too (no name list holds Juin), when it is
 * capitalised right after a capitalised title and no day, year or range follows ("Dr Juin
 * 2025", "Pr Mai 12", "dr juin" stay months; a day after a title is a when: "RDV Dr Lundi").
 * Token i is a month (pn_name_like_title asks). */
int pn_title_month(const struct pctx *c, size_t i)
{
	uint32_t f = c->tk[i].lex;
	if ((f & (LX_DAY | LX_STOPFR | LX_STOPEN)) || (c->tk[i].f & (TK_CAP | TK_ALLCAP)) != TK_CAP || i == 0)
		return 0;
	size_t k = tk_ch(c, i - 1, '.') && i > 1 && tk_glued(c, i - 2) ? i - 2 : i - 1;
	size_t n = tk_next_word(c, i, 1);
	/* "Dr Juin prochain" (next June's appointment), "Octobre rose" (the campaign) */
	static const char *const when[] = {"prochain", "prochaine", "dernier", "derniere", "next", "last", "rose", NULL};
	if (n < c->n_tk && tk_eq_any(c, n, when))
		return 0;
	return (c->tk[k].lex & LX_TITLE) && (c->tk[k].f & TK_CAP) && (c->tk[k].f & TK_WORD) &&
	       !(n < c->n_tk && (((c->tk[n].f & TK_DIGIT) && !clock_time(c, n)) || tk_lex2(c, n, LX2_NUMW))) &&
	       !tk_ch(c, i + 1, '/') &&
	       !tk_ch(c, i + 1, '-');
}

/* The auxiliary i ("will", "may") stands elsewhere in the text as a name does, capitalised
 * inside a sentence ("my son will is autistic ... Will loves trains"). */
static int aux_named_elsewhere(const struct pctx *c, size_t i)
{
	for (size_t j = 0; j < c->n_tk; j++)
		if (j != i && (c->tk[j].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && c->tk[j].flen == c->tk[i].flen &&
		    strcmp(tk_fold(c, j), tk_fold(c, i)) == 0 && !tk_sentence_start(c, j))
			return 1;
	return 0;
}

/* "my mum may has", "my wife june is": after a possessive and a relative's word, a month, or an
 * auxiliary a dictionary writes as a name ("May", "Will"), that a name list holds, before one of
 * the verbs (pn_kin_word_name's) that no month or auxiliary stands before; not "my mum may
 * have", "my son will be", "my mum can is", "my mum may and". Not after a preposition, where the
 * month is the time the sentence is about ("For my son august was hard", "Chez mon père mai est
 * chargé", "Selon mon frère juillet était pire"). An auxiliary only when the text names the
 * person so elsewhere: a learner of English writes the verb after it with an s ("my dad may has
 * dementia", "my son will turns 18"), and a false name there hides the sentence's sense. "ma
 * fille avril a 3 ans": "a" with an age. */
int pn_kin_month_name(const struct pctx *c, size_t i, const char *const *verbs)
{
	static const char *const prep[] = {"for", "pour", "chez", "selon", "with", "avec", "to", "from", "by",
					   "about", "de", "du", "par", "sans", "apres", "avant", "after", "before",
					   "since", "depuis", "pendant", "during", "without", "vers", "a", "in",
					   "en", "of", "on", "sur", "pour", "than", "que", NULL};
	const struct ptok *t = &c->tk[i];
	if (!((t->f & TK_LOWER) && tk_len(c, i) >= 3 && i >= 2 && (t->lex & (LX_PRN | LX_HN)) &&
	      ((t->lex & LX_MONTH) || (tk_lex2(c, i, LX2_AUX) && (t->lex & (LX_PRN | LX_CAPEN)))) &&
	      (c->tk[i - 1].lex & LX_KIN) && pn_possessive(c, i - 2) && !(t->lex & (LX_DAY | LX_KIN | LX_EPONYM)) &&
	      !(t->f & (TK_DIGIT | TK_CLAIMED)) && (t->f & TK_SP) && tk_is(c, i + 1, TK_SP) && !tk_eq(c, i + 1, "and") &&
	      !tk_eq(c, i + 1, "et") && tk_eq_any(c, i + 1, verbs)))
		return 0;
	size_t q = tk_prev_word(c, i - 2, 0);
	if (q != SIZE_MAX && tk_eq_any(c, q, prep))
		return 0;
	if (tk_lex2(c, i, LX2_AUX) && !aux_named_elsewhere(c, i))
		return 0;
	if (!tk_eq(c, i + 1, "a"))
		return 1;
	/* "a" the verb (not "à"), then an age */
	return c->t[c->tk[i + 1].s] == 'a' && i + 3 < c->n_tk && (c->tk[i + 2].f & TK_NUM) &&
	       (tk_eq(c, i + 3, "ans") || tk_eq(c, i + 3, "an") || tk_eq(c, i + 3, "mois"));
}
