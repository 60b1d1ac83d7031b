/*
 * priv_ids_ref.c - identifiers whose label is not right before them: the number a sentence
 * refers back to ("pls send me ur MRN ..., i gave them mine (4471-0082)", "Mon IPP, je l'ai
 * retrouvé sur une étiquette, c'est le 40017723") and the last digits of a number named with
 * its label ("SSN last 4 is 1206"). labelled() (priv_ids.c) reads a label at most a few
 * filler words before the number; here the sentence's own words say which number it is: "mine"
 * or "c'est le" right before it, and a record's label earlier in the same sentence. Run at the
 * end of the word pass, on digits no other recogniser took (phones, dates and checked numbers
 * are claimed before). Also the opening bracket of a phone's country code, "(+33) 6 ...";
 * a number after "n°" and the word saying which ("n° patient SN-2025-118734", "n° AVS
 * 756.9876.5432.10", "n° de patient 11873499"); the key after a NIR whose key is wrong
 * ("1 47 10 29 019 088 25": a number written from memory keeps its shape, not its key).
 * And the labels that are also words ("sin", "cni"), which labelled() takes only in capitals
 * before a long code.
 */
#include <string.h>

#include "privacy/text/priv_ids.h"

/* What never opens or closes a code (the names' list of non-names, priv_name.h, less the
 * medical words). */
#define NOT_A_NAME_ID (LX_MONTH | LX_DAY | LX_NOTNAME | LX_REGION | LX_TITLE | LX_KIN | LX_STOPFR | LX_STOPEN)

/* Labels that name one person's record (not "number", "code" or "card", which a price, a
 * door or a gift card also have). */
static const char *const ref_labels[] = {"ipp", "nip", "pid", "mrn", "nda", "iep", "nir", "nhs", "chi",
					 "dossier", "sejour", "insee", "matricule", "nss", "mbi", "medicare",
					 "medicaid", "secu", "passeport", "passport", "adherent", "mutuelle",
					 "gmc", "ppsn", "pps", "nmc", "ohip", "ramq", "ssn", "trn", "uhid",
					 "identifiant", "vitale", "npi", "itin", NULL};

/* A US Individual Taxpayer Identification Number, written as an SSN (3-2-4): the IRS issues
 * them from area 9 with a group of 50-65, 70-88, 90-92 or 94-99, which an SSN never has
 * (priv_ssn_ok refuses area 9). The advertising range 987-65-4320..4329 that writers use
 * for made-up SSNs lies inside it. Nine digits. */
int priv_itin_ok(const char *d, size_t n)
{
	if (n != 9 || d[0] != '9')
		return 0;
	for (size_t i = 0; i < 9; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	int grp = (d[3] - '0') * 10 + (d[4] - '0');
	if (!((grp >= 50 && grp <= 65) || (grp >= 70 && grp <= 88) || (grp >= 90 && grp <= 92) || grp >= 94))
		return 0;
	return memcmp(d + 5, "0000", 4) != 0;
}

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

/* The digits from token i: one number, or groups joined by '-', '.' or '/' ("4471-0082",
 * "756.9876.5432.10"). Returns the last token and the count of digits in *nd. */
static size_t digit_run(const struct pctx *c, size_t i, size_t *nd)
{
	size_t j = i, n = tk_len(c, i);
	while (j + 2 < c->n_tk && tk_glued(c, j) && tk_glued(c, j + 1) &&
	       (tk_ch(c, j + 1, '-') || tk_ch(c, j + 1, '.') || tk_ch(c, j + 1, '/')) && tk_is(c, j + 2, TK_NUM) &&
	       tk_free(c, j + 2)) {
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

/* A quantity's word among the (at most eight) words of the clause before the colon at token
 * k: what follows is a count, a sum or a measure, not a record's number ('my platelet count
 * this morning:', 'the viral load result came back:', 'le nombre de patients suivis en
 * France :', 'the bonus they paid me:', 'my daughter's weight in mg:'). */
static int quantity_before(const struct pctx *c, size_t k)
{
	static const char *const qty[] = {"count", "total", "cost", "volume", "amount", "paid", "weight",
					  "load", "result", "results", "level", "steps", "nombre", "compteur",
					  "montant", "remboursement", "poids", "taux", "charge", NULL};
	for (int n = 0; n < 8 && k-- > 0;) {
		if (tk_ch(c, k, ',') || tk_ch(c, k, ';') || tk_ch(c, k, ':') || tk_ch(c, k, '.') || (c->tk[k].f & TK_NL))
			return 0;
		if (!(c->tk[k].f & TK_WORD))
			continue;
		if (tk_eq_any(c, k, qty))
			return 1;
		n++;
	}
	return 0;
}

/* "NPI for the new nurse practitioner, Aminata Koné-Baptiste: 1245678903.", "my passport
 * number for an out-of-state visit: 541982736.": a number of 8 to 14 digits (token i to j)
 * given after a colon and closing its clause, in a sentence that named a record's label
 * earlier, however many words between (labelled() stops after seven). */
static int colon_after_label(const struct pctx *c, size_t i, size_t j, size_t nd)
{
	if (nd < 8 || nd > 14 || i < 2 || !tk_ch(c, i - 1, ':') || !(c->tk[i - 2].f & TK_WORD))
		return 0;
	if (j + 1 < c->n_tk && !(c->tk[j + 1].f & TK_NL) &&
	    !(tk_ch(c, j + 1, '.') || tk_ch(c, j + 1, ',') || tk_ch(c, j + 1, ')') || tk_ch(c, j + 1, '!') ||
	      tk_ch(c, j + 1, '?') || tk_ch(c, j + 1, ';')))
		return 0;
	/* the label names a number itself (NPI, IPP, MRN...) or before "number" ("passport
	 * number", "n° de dossier"): not "NHS waiting list in my area, total: 12345678" */
	static const char *const own_number[] = {"ipp", "nip", "pid", "mrn", "nda", "iep", "nir", "nss", "mbi",
						 "gmc", "ppsn", "pps", "nmc", "ohip", "ramq", "ssn", "itin", "trn", "uhid",
						 "npi", "matricule", NULL};
	static const char *const number[] = {"number", "no", "num", "numero", "nr", "n", "id", NULL};
	/* a round figure (five zeros or more at its end) is a count or a sum, not a record's
	 * number: 'NHS number holders ... at last count: 62000000.' */
	if (c->tk[j].e - c->tk[j].s >= 5 && memcmp(c->t + c->tk[j].e - 5, "00000", 5) == 0)
		return 0;
	if (quantity_before(c, i - 1))
		return 0;
	/* the label stays in the clause: the look-back stops at a ';' and at an earlier ':' ('Mon
	 * numéro de sécu est bon ; ... le compteur de pas : 12500000', 'Medicare number
	 * questions: call volume this month: 45000000') */
	for (size_t k = i - 1; k-- > 0 && i - k <= 30;) {
		if (tk_ch(c, k, '.') || tk_ch(c, k, '!') || tk_ch(c, k, '?') || tk_ch(c, k, ';') || tk_ch(c, k, ':') ||
		    (c->tk[k].f & TK_NL))
			return 0;
		if (!(c->tk[k].lex & LX_IDLABEL) || !tk_eq_any(c, k, ref_labels))
			continue;
		if (tk_eq_any(c, k, own_number) || tk_eq_any(c, tk_next_word(c, k, 0), number))
			return 1;
		size_t p = tk_prev_word(c, k, 1);
		if (p != SIZE_MAX && (tk_eq(c, p, "de") || tk_eq(c, p, "d")))
			p = tk_prev_word(c, p, 1);
		if (p != SIZE_MAX && tk_eq_any(c, p, number))
			return 1;
	}
	return 0;
}

/* "n°" (or "nº") at token k: an 'n' glued to the degree sign. */
static int n_degree(const struct pctx *c, size_t k)
{
	if (k == SIZE_MAX || !tk_eq(c, k, "n") || !tk_glued(c, k))
		return 0;
	const unsigned char *b = (const unsigned char *)c->t + c->tk[k + 1].s;
	return c->tk[k + 1].e - c->tk[k + 1].s == 2 && b[0] == 0xc2 && (b[1] == 0xb0 || b[1] == 0xba);
}

/* "n° patient", "n° de patient :", "n° AVS", "n° 40017723" right before token i: the number
 * of a record, a person's (not "n° de lot", "n° de chambre": a batch, a room). */
static int numbered_before(const struct pctx *c, size_t i)
{
	static const char *const not_person[] = {"lot", "chambre", "lit", "box", "bureau", "page", "rue", "porte", "bus",
						 "ligne", "vol", "version", "article", "salle", "appartement", "appt",
						 "batiment", "etage", "tel", "telephone", "portable", NULL};
	size_t w = tk_prev_word(c, i, 1);
	if (w == SIZE_MAX || n_degree(c, w))
		return w != SIZE_MAX;
	if ((c->tk[w].f & TK_DIGIT) || tk_len(c, w) > 14 ||
	    tk_eq_any(c, w, not_person))
		return 0;
	size_t p = tk_prev_word(c, w, 1);
	if (p != SIZE_MAX && (tk_eq(c, p, "de") || tk_eq(c, p, "d")))
		p = tk_prev_word(c, p, 1);
	return n_degree(c, p);
}

/* A record's label among the 30 tokens before token i, whatever the sentence ("Mon numéro de
 * dossier ? c'est sur le courrier, attendez... voilà : A26-0099812"), or the reference asked
 * for ("quote the reference at the top when replying, so here: RX-4471-09"). */
static int label_before(const struct pctx *c, size_t i)
{
	for (size_t k = i; k-- > 0 && i - k <= 30;)
		if (((c->tk[k].lex & LX_IDLABEL) && tk_eq_any(c, k, ref_labels)) || tk_eq(c, k, "reference"))
			return 1;
	return 0;
}

/* "voilà : A26-...", "so here: RX-...", "(trouvé en bas de la lettre, ...) : HDJ-55-0731": what
 * opens a number given after a record was named (token s: the number or its prefix). */
static int given_after(const struct pctx *c, size_t s)
{
	if (s < 2 || !tk_ch(c, s - 1, ':'))
		return 0;
	size_t w = s - 2;
	if (tk_eq(c, w, "voila") || tk_eq(c, w, "voici") || tk_eq(c, w, "here"))
		return label_before(c, s);
	/* a bracket right after the label: "mon numéro de dossier (trouvé ...) : HDJ-55-0731" */
	if (!tk_ch(c, w, ')'))
		return 0;
	for (size_t k = w; k-- > 0 && w - k <= 40;) {
		if (tk_ch(c, k, ')'))
			return 0;
		if (tk_ch(c, k, '(')) {
			size_t p = tk_prev_word(c, k, 0);
			return p != SIZE_MAX && (c->tk[p].lex & LX_IDLABEL) && tk_eq_any(c, p, ref_labels);
		}
	}
	return 0;
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

/* A word in capitals (two to four letters no list knows, or one letter but "A" and "I"). */
static int code_word(const struct pctx *c, size_t k, size_t max)
{
	if (!tk_free(c, k) || !(c->tk[k].f & (TK_CAP | TK_ALLCAP)) || (c->tk[k].f & TK_DIGIT) || tk_len(c, k) > max)
		return 0;
	if (tk_len(c, k) == 1)
		return !tk_eq(c, k, "a") && !tk_eq(c, k, "i");
	return (c->tk[k].f & TK_ALLCAP) && !(c->tk[k].lex & (LX_WORD | LX_IDLABEL | NOT_A_NAME_ID));
}

/* Widens a labelled identifier over the code words around it, one space away: a letter before
 * ("B 774 1092"), four before eight digits in two groups (RAMQ's layout: "TREM 5412 2511"; an
 * insurer's name stays out, "MGEN 7745 2201 93"), two capitals after. */
static void code_words(struct pctx *c, struct ent_priv_span *sp)
{
	size_t i = priv_tok_at(c, sp->start), j = priv_tok_at(c, sp->end);
	int ramq = j == i + 2 && j < c->n_tk && tk_len(c, i) == 4 && tk_len(c, i + 1) == 4 && tk_is(c, i, TK_NUM) &&
		   tk_is(c, i + 1, TK_NUM) && c->tk[i].e + 1 == c->tk[i + 1].s;
	if (i > 0 && i < c->n_tk && c->tk[i].s == sp->start && c->tk[i - 1].e + 1 == sp->start &&
	    code_word(c, i - 1, ramq ? 4 : 1) && (tk_len(c, i - 1) == 1 || tk_len(c, i - 1) == 4)) {
		sp->start = c->tk[i - 1].s;
		c->tk[i - 1].f |= TK_CLAIMED;
	}
	if (j < c->n_tk && c->tk[j].s == sp->end + 1 && tk_len(c, j) == 2 && (c->tk[j].f & TK_ALLCAP) && code_word(c, j, 2) &&
	    (j + 1 >= c->n_tk || (c->tk[j + 1].f & TK_PUNCT) || (c->tk[j + 1].f & TK_NL))) {
		sp->end = c->tk[j].e;
		c->tk[j].f |= TK_CLAIMED;
	}
}

/* "3184 72603 1": an Australian Medicare number as the card prints it, four, five and one digit
 * (the first 2 to 6; the ninth the check digit, the weighted sum of the first eight mod 10 with
 * weights 1 3 7 9 1 3 7 9; the tenth the card's issue number). Its shape and key are enough,
 * as a NIR's are: no phone or date is written 4-5-1. */
static int medicare_au(const struct pctx *c, size_t i)
{
	static const int w[8] = {1, 3, 7, 9, 1, 3, 7, 9};
	if (tk_len(c, i) != 4 || tk_len(c, i + 1) != 5 || tk_len(c, i + 2) != 1 || !tk_is(c, i + 1, TK_NUM) ||
	    !tk_is(c, i + 2, TK_NUM) || !tk_free(c, i + 1) || !tk_free(c, i + 2) || c->tk[i].e + 1 != c->tk[i + 1].s ||
	    c->tk[i + 1].e + 1 != c->tk[i + 2].s || c->t[c->tk[i].e] != ' ' || c->t[c->tk[i + 1].e] != ' ' ||
	    (tk_glued(c, i + 2) && !tk_is(c, i + 3, TK_PUNCT)))
		return 0;
	char d[10];
	memcpy(d, c->t + c->tk[i].s, 4);
	memcpy(d + 4, c->t + c->tk[i + 1].s, 5);
	d[9] = c->t[c->tk[i + 2].s];
	if (d[0] < '2' || d[0] > '6')
		return 0;
	int sum = 0;
	for (int k = 0; k < 8; k++)
		sum += w[k] * (d[k] - '0');
	return sum % 10 == d[8] - '0';
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
	/* "1 47 10 29 019 088 25": the two digits after a NIR that failed its key are that key */
	for (size_t k = 0; k < c->n_sp; k++) {
		struct ent_priv_span *sp = &c->sp[k];
		if (strcmp(sp->recogniser, "nir_nokey") != 0)
			continue;
		size_t j = priv_tok_at(c, sp->end);
		if (tk_is(c, j, TK_NUM) && tk_len(c, j) == 2 && tk_free(c, j) && c->tk[j].s == sp->end + 1 &&
		    c->t[sp->end] == ' ' && !(tk_glued(c, j) && tk_is(c, j + 1, TK_WORD)) &&
		    !tk_eq(c, tk_next_word(c, j, 0), "ans") && !tk_eq(c, tk_next_word(c, j, 0), "years")) {
			sp->end = c->tk[j].e;
			c->tk[j].f |= TK_CLAIMED;
		}
	}
	/* "carte RAMQ c'est TREM 5412 2511", "hospital number is B 774 1092", "health card is 1666
	 * 599 962 AK": a code word in capitals no list knows before a labelled number, two capitals
	 * closing it (Ontario's version code) */
	for (size_t k = 0; k < c->n_sp; k++)
		if (c->sp[k].type == ENT_PRIV_ID && strcmp(c->sp[k].recogniser, "labelled") == 0)
			code_words(c, &c->sp[k]);
	if (!(c->f_any & TK_NUM))
		return;
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_NUM)) != TK_NUM || (i > 0 && tk_glued(c, i - 1) &&
								      (c->tk[i - 1].f & TK_WORD)))
			continue;
		if (medicare_au(c, i)) {
			priv_add_tok(c, i, i + 2, ENT_PRIV_ID, 0.85f, "medicare_au");
			i += 2;
			continue;
		}
		size_t nd, j = digit_run(c, i, &nd);
		/* a number glued to a letter or a unit after it is no record's ("1206mg") */
		if (tk_glued(c, j) && j + 1 < c->n_tk && ((c->tk[j + 1].f & TK_WORD) || tk_ch(c, j + 1, '%')))
			continue;
		/* a letter prefix glued by a dash: "SN-2025-118734" (and "n°P-2019-33871": glued to
		 * the "n°" before it) */
		size_t s = i;
		int n_glued = i >= 4 && tk_glued(c, i - 3) && n_degree(c, i - 4);
		if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) && tk_len(c, i - 2) <= 4 &&
		    tk_free(c, i - 2) &&
		    (tk_is(c, i - 2, TK_ALLCAP) || ((c->tk[i - 2].f & (TK_CAP | TK_DIGIT)) == (TK_CAP | TK_DIGIT)) ||
		     (n_glued && tk_is(c, i - 2, TK_CAP))) &&
		    !(i >= 3 && tk_glued(c, i - 3) && !n_glued))
			s = i - 2; /* (and "A26-0099812") */
		int labels = (c->lex_any & LX_IDLABEL) != 0;
		if ((nd >= 6 && labels && refers_back(c, i) && label_in_sentence(c, i)) || (labels && last_digits(c, i)) ||
		    (labels && s == i && colon_after_label(c, i, j, nd)) ||
		    (nd >= 5 && (numbered_before(c, s) || given_after(c, s)))) {
			priv_add_tok(c, s, j, ENT_PRIV_ID, 0.7f, "labelled");
			i = j;
		}
	}
}

/* Labels of other lands' identity numbers that are also words or common letters ("what a
 * sin", "ma cni de 2015", "CIN 2019"): a label only in capitals, before a code of 8 or more
 * letters and digits (a SIN has 9 digits, a CIN 1-2 letters and 6 digits, an IHI 16). */
static const char *const weak_labels[] = {"sin", "nas", "cni", "cin", "ihi", "tfn", NULL};

/* The n bytes at p are a year (19xx, 20xx) or a date written YYYYMMDD. */
static int digits_year_or_date(const char *p, size_t n)
{
	for (size_t j = 0; j < n; j++)
		if (p[j] < '0' || p[j] > '9')
			return 0;
	if ((n != 4 && n != 8) || !(memcmp(p, "19", 2) == 0 || memcmp(p, "20", 2) == 0))
		return 0;
	if (n == 4)
		return 1;
	int mo = (p[4] - '0') * 10 + (p[5] - '0'), d = (p[6] - '0') * 10 + (p[7] - '0');
	return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

int priv_weak_label_ok(const struct pctx *c, size_t k, size_t i)
{
	/* "Ticket UC-0099231": a ticket's reference, letters then digits, 8 or more (not "parking
	 * ticket 2024", "ticket number 4589 in the queue") */
	int ticket = tk_eq(c, k, "ticket");
	if (!ticket && !tk_eq_any(c, k, weak_labels))
		return 1;
	size_t b0 = c->tk[i].s;
	if (ticket) {
		/* the digits' letter prefix, glued by a dash ("UC-"), opens the code */
		if (!(i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
		      (c->tk[i - 2].f & TK_ALLCAP) && i - 2 > k))
			return 0;
		b0 = c->tk[i - 2].s;
		/* a year or a date after the dash, ending the code, names an event, a fare or a
		 * receipt ("Ticket COVID-2020", "ticket STAR-2025 pour le bus", "ticket FR-20240312
		 * du restaurant"); not "ticket DEM-2024-00123" */
		size_t e = c->tk[i].e; /* (the code's end: "DEM-2024-00123" goes on) */
		if (digits_year_or_date(c->t + c->tk[i].s, e - c->tk[i].s) &&
		    !(e + 1 < c->len && strchr("-./", c->t[e]) && c->t[e + 1] >= '0' && c->t[e + 1] <= '9'))
			return 0;
	} else if (!(c->tk[k].f & TK_ALLCAP)) {
		return 0;
	}
	size_t n = 0;
	for (size_t b = b0; b < c->len; b++) {
		unsigned char ch = (unsigned char)c->t[b];
		if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
			n++;
		else if (!((ch == ' ' || ch == '-' || ch == '.') && b + 1 < c->len && c->t[b + 1] >= '0' &&
			   c->t[b + 1] <= '9'))
			break;
	}
	return n >= 8;
}
