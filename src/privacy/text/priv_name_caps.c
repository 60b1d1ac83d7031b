/*
 * priv_name_caps.c - person names written in capitals: a text all in capitals read as if
 * lowercase (pn_unshout), and, in a text that is not, names in capitals as lists, bed states
 * and records write them ("EMMA DUBOIS", "DA SILVA Fernando", "HUSSAIN A", "bed 9 (IVY
 * PARK-SINCLAIR, 58)"). Split from priv_name.c and priv_name_shape.c (900 lines each at most);
 * read by the rule table of priv_name.c; see priv_name.h.
 */
#include <string.h>

#include "privacy/text/priv_name.h"

/* A text written in capitals ("JE SUIS AUX URGENCES AVEC CHLOE") says nothing with its case:
 * its words are read as if lowercase, where only the context and the lists decide. The
 * flags are changed in the scan's own token array; the names pass is the last to read it. */
void pn_unshout(struct pctx *c)
{
	size_t caps = 0, words = 0;
	if (!(c->f_any & TK_ALLCAP))
		return; /* no word in capitals: caps stays 0 */
	/* words of four letters or more: acronyms ("ED", "DOB", "COPD") are in capitals in any
	 * clinical note ("ED handover: 71F, O'BRIEN Siobhan, DOB 2/3/53, PMH COPD") */
	size_t long_words = 0, long_caps = 0;
	/* a text in capitals has three words in capitals at least (five words, 60 % of them): the
	 * words in capitals (two letters or more) are among those with a capital as tokenized,
	 * a few, counted first */
	for (size_t w = 0; w < c->nw && caps < 3; w++)
		for (uint64_t m = c->bm[w * PB_N + PB_NAMEW] & c->bm[w * PB_N + PB_CAPS]; m; m &= m - 1)
			caps += !!(c->tk[(w << 6) + (size_t)__builtin_ctzll(m)].f & TK_ALLCAP);
	if (caps < 3)
		return;
	caps = 0;
	/* the words with a letter and no digit (PB_NAMEW: no pass changes those two flags), each
	 * counted without a branch on it */
	for (size_t w = 0; w < c->nw; w++)
		for (uint64_t m = c->bm[w * PB_N + PB_NAMEW]; m; m &= m - 1) {
			const struct ptok *t = &c->tk[(w << 6) + (size_t)__builtin_ctzll(m)];
			size_t len = t->e - t->s;
			size_t word = len >= 2, cap = !!(t->f & TK_ALLCAP);
			words += word;
			caps += word & cap;
			long_words += word & (len >= 5);
			long_caps += word & (len >= 5) & cap;
		}
	if (words < 5 || caps * 10 < words * 6 || (long_words >= 3 && long_caps * 10 < long_words * 6))
		return;
	c->shout = 1;
	for (size_t i = 0; i < c->n_tk; i++)
		if ((c->tk[i].f & TK_ALLCAP) && !(c->tk[i].f & TK_DIGIT))
			c->tk[i].f = (uint16_t)((c->tk[i].f & ~(TK_ALLCAP | TK_CAP)) | TK_LOWER);
}

/* A surname in capitals with an initial, as lists and bed states write them: "HUSSAIN A",
 * "J SMITH". Returns the number of tokens, or 0. */
int pn_surname_initial(const struct pctx *c, size_t i)
{
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY | LX_IDLABEL |
		       LX_REGION | LX_MONTH | LX_DAY | LX_HOSP | LX_HOSP_EN | LX_STREET | LX_STREET_EN;
	if (c->shout)
		return 0;
	/* SURNAME A (not "A." of a sentence, not "NHS A") */
	if ((c->tk[i].f & TK_ALLCAP) && !(c->tk[i].f & TK_DIGIT) && tk_len(c, i) >= 4 && !(c->tk[i].lex & bad) &&
	    ((c->tk[i].lex & (LX_PATR | LX_HN)) || c->tk[i].lex == 0) && !(c->tk[i].lex & LX_WORD) &&
	    tk_len(c, i + 1) == 1 && tk_is(c, i + 1, TK_CAP) && (c->tk[i + 1].f & TK_SP) && !tk_glued(c, i + 1))
		return 2;
	/* J SMITH */
	if (tk_len(c, i) == 1 && (c->tk[i].f & TK_CAP) && !tk_glued(c, i) && i + 1 < c->n_tk &&
	    (c->tk[i + 1].f & TK_ALLCAP) && (c->tk[i + 1].f & TK_SP) && !(c->tk[i + 1].f & TK_DIGIT) &&
	    tk_len(c, i + 1) >= 4 && !(c->tk[i + 1].lex & bad) && (c->tk[i + 1].lex & (LX_PATR | LX_HN)) &&
	    !(tk_sentence_start(c, i) && (tk_eq(c, i, "i") || tk_eq(c, i, "a"))))
		return 2;
	return 0;
}

/* A word in capitals no list knows, after a given name of the other lists, may be a surname
 * ("THABO MOKOENA") but not a lab's acronym of three letters ("ANCA MPO") nor a drug's
 * generic name, read off its ending ("CAMILA NORETHINDRONE", "ELLA ULIPRISTAL": R19's probes
 * of the twenty-second session). */
static int unknown_surname(const struct pctx *c, size_t k)
{
	static const char *const drug[] = {"one", "ine", "ide", "ate", "ole", "ol", "stal", "mab", "nib", "pril",
					   "sartan", "vir", "pam", "lam", "fen", "ium", "ase", "xin", "cin", "tide",
					   "afil", "ane", "yl", NULL};
	size_t n = tk_len(c, k);
	if (n < 4)
		return 0;
	const char *w = c->t + c->tk[k].s;
	for (size_t d = 0; drug[d]; d++) {
		size_t m = strlen(drug[d]);
		if (n > m + 2) {
			size_t x = 0;
			while (x < m && (w[n - m + x] | 0x20) == drug[d][x])
				x++;
			if (x == m)
				return 0;
		}
	}
	return 1;
}

/* "EMMA DUBOIS", "DUBOIS Emma" in capitals inside a text that is not: a hunspell first name and
 * a surname (or a word no list knows), both in capitals. */
int pn_allcap_pair(const struct pctx *c, size_t i)
{
	size_t k = i + 1;
	if (k >= c->n_tk || !(c->tk[i].f & TK_ALLCAP) || !(c->tk[k].f & TK_ALLCAP) || !(c->tk[k].f & TK_SP) ||
	    (c->tk[k].f & TK_NL) || tk_len(c, i) < 3 || tk_len(c, k) < 3 || !tk_free(c, k) ||
	    ((c->tk[i].f | c->tk[k].f) & TK_DIGIT))
		return 0;
	uint32_t a = c->tk[i].lex, b = c->tk[k].lex;
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY | LX_IDLABEL;
	if ((a | b) & bad)
		return 0;
	if (((a & LX_PRN) && ((b & (LX_PATR | LX_HN)) || b == 0)) || ((b & LX_PRN) && ((a & (LX_PATR | LX_HN)) || a == 0)))
		return 1;
	/* "KRZYSZTOF NOWAK", "DONNA OKAFOR": a given name of the other lists (humannames, the
	 * given names of many lands) that no dictionary knows, before a surname or a word no list
	 * knows that no dictionary knows either (humannames holds most English words: "GRACE
	 * WARD", "COVID VACCINE" are words); not in a text in capitals */
	return !c->shout && (a & (LX_HN | LX_FIRSTNAME)) && !(a & LX_WORD) &&
	       ((b & (LX_PATR | LX_HN)) || (b == 0 && unknown_surname(c, k))) && !(b & LX_WORD) && !pn_acronym(c, i);
}

/* A given name that is also an acronym of medicine or of a care service, read as the acronym in
 * capitals ("ANCA MPO", "ELISA HIV", "patient LADA", "l'équipe ELSA", "la MAIA", "ELLA
 * ULIPRISTAL"): R19's probes of the twenty-second session. */
int pn_acronym(const struct pctx *c, size_t i)
{
	static const char *const acr[] = {"anca", "elisa", "lada", "maia", "elsa", "ella", "alma",
					  "mody", "ana", "asa", "tia", "gina", NULL};
	return (c->tk[i].f & TK_ALLCAP) && tk_eq_any(c, i, acr);
}

/* The first token of the pair opening on token i: a given name in capitals hyphened before
 * the pair's own belongs to it ("MARIE-CLAIRE DUBOIS"). */
size_t pn_allcap_start(const struct pctx *c, size_t i)
{
	int hy = i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) && tk_is(c, i - 2, TK_ALLCAP) &&
		 !tk_is(c, i - 2, TK_DIGIT) && tk_free(c, i - 2) && (c->tk[i - 2].lex & LX_GIVEN);
	return hy ? i - 2 : i;
}

/* "DA SILVA Fernando", "LE BRIS Maëlle", "VAN DER BERGHE Nathalie": up to two particles in
 * capitals before a surname in capitals belong to it. Returns the first token. */
size_t pn_allcap_particles(const struct pctx *c, size_t i)
{
	static const char *const w_da[] = {
		"da", "de", "di", "do", "dos", "das", "du", "le", "la", "van", "von", "el", "al", "ben", "mac",
		"mc", "del", "della", "ait", "der", "den", "ter", "ten", "les", "des", NULL
	};
	size_t f = i;
	for (int np = 0; np < 2 && f >= 1 && (c->tk[f - 1].f & TK_ALLCAP) && (c->tk[f].f & TK_SP) &&
			 !(c->tk[f - 1].f & TK_CLAIMED) &&
			 tk_eq_any(c, f - 1, w_da);
	     np++)
		f--;
	return f;
}

/* "bed 9 (IVY PARK-SINCLAIR, 58)", "DESTINY O'NEILL, 19,": two or three words in capitals in a
 * text that is not, then an age: a patient written as lists write them. */
int pn_allcap_age(const struct pctx *c, size_t i, size_t *end)
{
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_IDLABEL | LX_HOSP | LX_HOSP_EN |
		       LX_TOWN | LX_CITY | LX_REGION | LX_STREET;
	if (c->shout || !(c->tk[i].f & TK_ALLCAP) || (c->tk[i].f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 2 ||
	    (c->tk[i].lex & bad))
		return 0;
	size_t j = i, words = 1;
	int listed = (c->tk[i].lex & (LX_GIVEN | LX_PATR)) != 0;
	for (;;) {
		size_t k = j + 1;
		/* "PARK-SINCLAIR", "O'NEILL": joined by a hyphen or an apostrophe */
		if ((tk_ch(c, k, '-') || tk_apos(c, k)) && tk_glued(c, j) && tk_glued(c, k) &&
		    tk_is(c, k + 1, TK_ALLCAP) && !tk_is(c, k + 1, TK_DIGIT)) {
			j = k + 1;
			continue;
		}
		/* "DESTINY O'NEILL": a letter, an apostrophe and a word in capitals */
		if (words < 3 && tk_len(c, k) == 1 && tk_is(c, k, TK_CAP) && (c->tk[k].f & TK_SP) && tk_glued(c, k) &&
		    tk_apos(c, k + 1) && tk_glued(c, k + 1) && tk_is(c, k + 2, TK_ALLCAP)) {
			j = k + 2;
			words++;
			continue;
		}
		if (words < 3 && tk_is(c, k, TK_ALLCAP) && !tk_is(c, k, TK_DIGIT) && (c->tk[k].f & TK_SP) &&
		    !(c->tk[k].f & (TK_NL | TK_CLAIMED)) && tk_len(c, k) >= 2 && !(c->tk[k].lex & bad)) {
			listed |= (c->tk[k].lex & (LX_GIVEN | LX_PATR)) != 0;
			j = k;
			words++;
			continue;
		}
		break;
	}
	/* the apostrophe's letter: "O'NEILL" starts with a one-letter token */
	if (words < 2 && j == i)
		return 0;
	size_t a = j + 1;
	if (!(tk_ch(c, a, ',') || tk_ch(c, a, '(')) || !listed)
		return 0;
	if (!(c->tk[a + 1 < c->n_tk ? a + 1 : a].f & TK_AGE)) {
		long v = tk_num(c, a + 1);
		if (v < 1 || v > 110 || !(tk_ch(c, a + 2, ',') || tk_ch(c, a + 2, ')')))
			return 0;
	}
	*end = j;
	return 1;
}

/* The value written as a value, in capitals after a lowercase form label p (one of
 * pn_intro_before's), when a name list holds it and no dictionary, or after "name"/"nom" a
 * dictionary only with a capital ("patient KOWALSKI", "name DONNA.", "name GRACE"; not "patient
 * ECG", "child ADHD", "pt NHS", "patient WILL need", "name URGENT"). Not an acronym ("child ANCA
 * negative", "pt ANCA +ve"); not a product's name ("trade name ALLEGRA", "nom de marque"); not
 * the word "name" that an article or a possessive makes a noun of the sentence, where a name is
 * talked about as a word ("Son nom ELSA veut dire", "Le nom ELSA ou le nom MAIA", "Pour le nom
 * ZARA"): a form's label stands bare. */
int pn_label_caps(const struct pctx *c, size_t p, size_t i)
{
	static const char *const product[] = {"brand", "trade", "generic", "drug", "commercial", "marque",
					      "proprietary", "product", "produit", "medicament", NULL};
	static const char *const det[] = {"le", "la", "l", "un", "une", "son", "sa", "mon", "ma", "ton", "ta",
					  "leur", "notre", "votre", "ce", "cet", "du", "the", "a", "an", "his",
					  "her", "its", "my", "your", "their", "our", "this", "that", NULL};
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_ALLCAP) || c->shout || tk_len(c, i) < 3 || !(t->lex & (LX_GIVEN | LX_PATR)) ||
	    (t->lex & (NOT_A_NAME | LX_IDLABEL | LX_EPONYM | LX_STOPFR | LX_STOPEN)) || pn_acronym(c, i))
		return 0;
	int nm = tk_eq(c, p, "name") || tk_eq(c, p, "nom");
	if (!(!(t->lex & LX_WORD) || ((t->lex & LX_CAPEN) && nm)))
		return 0;
	size_t q = tk_prev_word(c, p, 0);
	return q == SIZE_MAX || !(tk_eq_any(c, q, product) || (nm && tk_eq_any(c, q, det)));
}
