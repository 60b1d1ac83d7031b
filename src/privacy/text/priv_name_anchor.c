/*
 * priv_name_anchor.c - names no list holds, found from what is written right around them.
 *
 * The rules of priv_name.c start from a word and ask its lists first; a capitalised word that
 * no list knows (no name list and no dictionary: "Agbodjan", "Kervéguen") is named there only
 * after a title, a relative and a few other contexts. The rule r_anchor, tried on such words
 * only (rule_gate) and right before the lists alone decide (r_alone), names them when the words
 * around say that a person is meant:
 *   - an identity line: the word (and the capitalised words after it) opens a sentence or a
 *     line, and a comma then gives that person's data: a date of birth, an identifier, a phone
 *     number, an e-mail, an age ("Lindiwe Bouaziz, née le 17/04/1979", "Seun Bouaziz, 07911
 *     123456", "Re: Kavitha Kervéguen DOB 09/12/1988");
 *   - wishes or news about someone: "Sending love to", "Thinking of", "Congrats to", "pray
 *     for", "Pensées pour", "courage à", "bisous à", "Joyeux anniversaire", "ask for";
 *   - the writer: "je suis", "I'm", "I am", "this is", before the word and a pause after;
 *   - a record of someone: "le dossier de", "la chambre de", "referral for", "appt for".
 * A drug or a brand no list knows reads like such a word ("Lovenox", "Oramorph"); the contexts
 * are those that take a person, not a thing.
 */
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_name.h"

/* A text of this many spans or more has each token's type written once (span_type_at). */
#define SPAN_TYPED_MIN 32

/* The type of the span covering token k's first byte, or -1; the first such span found when
 * several do. A post holds a few spans, read one by one. A long text may hold thousands and
 * ask about a token for each name of an identity line (2 ms on a 32 KiB list of patients):
 * there the first look-up writes each token's type once (c->sp_type), and later ones read it
 * and the spans added since (the names pass adds NAME spans only, a few) one by one. */
static int span_type_at(struct pctx *c, size_t k)
{
	if (k >= c->n_tk || !(c->tk[k].f & TK_CLAIMED))
		return -1;
	if (!c->sp_type && c->n_sp >= SPAN_TYPED_MIN) {
		/* without the memory the spans are read one by one: slower, the same answer */
		c->sp_type = calloc(c->n_tk, 1);
		if (c->sp_type) {
			c->n_sp_typed = c->n_sp;
			/* from the last span to the first: the first span covering a token writes last */
			for (size_t n = c->n_sp; n-- > 0;)
				for (size_t i = priv_tok_at(c, c->sp[n].start); i < c->n_tk && c->tk[i].s < c->sp[n].end; i++)
					if (c->tk[i].s >= c->sp[n].start)
						c->sp_type[i] = (uint8_t)(c->sp[n].type + 1);
		}
	}
	size_t b = c->tk[k].s, n = 0;
	if (c->sp_type) {
		if (c->sp_type[k])
			return c->sp_type[k] - 1;
		n = c->n_sp_typed;
	}
	for (; n < c->n_sp; n++)
		if (c->sp[n].start <= b && b < c->sp[n].end)
			return (int)c->sp[n].type;
	return -1;
}

/* The word before token k (no punctuation between) is a, and the one before it is b (NULL: any). */
static int before_is(const struct pctx *c, size_t k, const char *a, const char *b)
{
	size_t p = tk_prev_word(c, k, 0);
	if (p == SIZE_MAX || !tk_eq(c, p, a))
		return 0;
	return !b || tk_eq(c, tk_prev_word(c, p, 1), b);
}

/* What follows a name on an identity line, from token k: "née le", "DOB", "IPP", a phone
 * number, an identifier, an e-mail, an age; a date only after a name of two words or more (a
 * drug may come with its date). */
static int identity_after(struct pctx *c, size_t k, int words)
{
	static const char *const w_dob[] = {
		"dob", "ddn", "born", "ipp", "nhs", "mrn", "hosp", "hospital", "ssn", "nir", "chi", "medicare",
		"tel", NULL
	};
	if (k >= c->n_tk)
		return 0;
	int t = span_type_at(c, k);
	if (t == ENT_PRIV_CONTACT || t == ENT_PRIV_ID || t == ENT_PRIV_AGE)
		return 1;
	/* "Pedro Lorraine, 81.", "Bras Line 93 - DNACPR": a bare age after a name of two words */
	if (words >= 2 && (c->tk[k].f & TK_NUM) && t < 0 && tk_len(c, k) <= 3 && tk_num(c, k) >= 1 && tk_num(c, k) <= 110 &&
	    (k + 1 >= c->n_tk || tk_ch(c, k + 1, ',') || tk_ch(c, k + 1, '.') || tk_ch(c, k + 1, '-') ||
	     tk_ch(c, k + 1, ';')))
		return 1;
	if (t == ENT_PRIV_DATE)
		return words >= 2;
	/* "27F", "68M": an age and a sex, as a ward writes them */
	if ((c->tk[k].f & (TK_DIGIT | TK_ALPHA)) == (TK_DIGIT | TK_ALPHA) && tk_len(c, k) <= 4 &&
	    strchr("FM", c->t[c->tk[k].e - 1]) && c->t[c->tk[k].s] >= '1' && c->t[c->tk[k].s] <= '9')
		return 1;
	if (!(c->tk[k].f & TK_ALPHA))
		return 0;
	if (tk_eq(c, k, "ne") || tk_eq(c, k, "nee"))
		return tk_eq(c, k + 1, "le") || span_type_at(c, k + 1) == ENT_PRIV_DATE;
	return tk_eq_any(c, k, w_dob) ||
	       (c->tk[k].lex & LX_IDLABEL);
}

/* Wishes, news or a request about someone right before token s: "Sending love to", "Thinking
 * of", "Congrats to", "pray for", "ask for", "Pensées pour", "courage à", "Joyeux
 * anniversaire", "Rest easy", "RIP", "Lettre à", "nouvelles de", "de la part de", "Titulaire :",
 * "vous connaissez", "everyone calls her". */
static int wishes_before(const struct pctx *c, size_t s)
{
	size_t p = tk_prev_word(c, s, 1);
	if (p == SIZE_MAX)
		return 0;
	if (p + 2 == s && tk_ch(c, p + 1, ':'))
		return tk_eq(c, p, "titulaire");
	if (p + 1 != s)
		return 0;
	if (tk_eq(c, p, "to"))
		return before_is(c, p, "love", NULL) || before_is(c, p, "congrats", NULL) ||
		       before_is(c, p, "congratulations", NULL) || before_is(c, p, "wishes", NULL) ||
		       before_is(c, p, "prayers", NULL) || before_is(c, p, "hugs", NULL);
	if (tk_eq(c, p, "of"))
		return before_is(c, p, "thinking", NULL);
	if (tk_eq(c, p, "for"))
		return before_is(c, p, "pray", NULL) || before_is(c, p, "praying", NULL) ||
		       before_is(c, p, "prayers", NULL) || before_is(c, p, "ask", NULL) ||
		       before_is(c, p, "asked", NULL) || before_is(c, p, "asking", NULL) || before_is(c, p, "asks", NULL) ||
		       before_is(c, p, "covering", NULL);
	if (tk_eq(c, p, "pour"))
		return before_is(c, p, "pensee", NULL) || before_is(c, p, "pensees", NULL) ||
		       before_is(c, p, "prie", NULL) || before_is(c, p, "prions", NULL) ||
		       before_is(c, p, "prieres", NULL);
	if (tk_eq(c, p, "a"))
		return before_is(c, p, "courage", NULL) || before_is(c, p, "bisous", NULL) ||
		       before_is(c, p, "pensees", NULL) || before_is(c, p, "dis", NULL) ||
		       before_is(c, p, "anniversaire", NULL) || before_is(c, p, "anniv", NULL) ||
		       before_is(c, p, "lettre", NULL);
	if (tk_eq(c, p, "de"))
		return before_is(c, p, "nouvelles", NULL) || before_is(c, p, "part", "la");
	if (tk_eq(c, p, "her") || tk_eq(c, p, "him"))
		return before_is(c, p, "calls", NULL) || before_is(c, p, "call", NULL);
	if (tk_eq(c, p, "easy"))
		return before_is(c, p, "rest", NULL);
	return tk_eq(c, p, "anniversaire") || tk_eq(c, p, "anniv") || tk_eq(c, p, "birthday") ||
	       tk_eq(c, p, "congrats") || tk_eq(c, p, "rip") || tk_eq(c, p, "connaissez") || tk_eq(c, p, "connais");
}

/* A verb that takes a person right before token s: "passer voir Kerjean", "il réclame", "tell",
 * "visiting" (not "saw" nor "called": "a drug called ..."). */
static int person_verb_before(const struct pctx *c, size_t s)
{
	static const char *const w_voir[] = {
		"voir", "appeler", "rappeler", "reclame", "demande", "texted", "ask", "tell", "visit",
		"visited", "visiting", NULL
	};
	size_t p = tk_prev_word(c, s, 0);
	return p != SIZE_MAX && p + 1 == s &&
	       tk_eq_any(c, p, w_voir);
}

/* Two words of the dictionaries glued into one ("Flatmate"): no name. */
static int compound_word(const struct pctx *c, size_t i)
{
	const char *w = tk_fold(c, i);
	size_t n = c->tk[i].flen;
	char pre[PRIV_FOLD_MAX + 1];
	if (n < 6 || n > PRIV_FOLD_MAX)
		return 0;
	for (size_t k = 3; k + 3 <= n; k++) {
		if (!(priv_lex_word(w + k) & LX_WORD))
			continue;
		memcpy(pre, w, k);
		pre[k] = 0;
		if (priv_lex_word(pre) & LX_WORD)
			return 1;
	}
	return 0;
}

/* The text opens on the name, and a verb or "et moi" follows: "Agbodjan loves the garden",
 * "Tchouaméni a enfin dormi", "Goulven et moi". Not a word of four letters or fewer ("Derm
 * says", "Rdv à 14h") nor two words glued. */
static int subject_opening(const struct pctx *c, size_t s, size_t i, size_t j)
{
	size_t k = j + 1;
	if (tk_prev_word(c, s, 8) != SIZE_MAX || k >= c->n_tk || !(c->tk[k].f & TK_SP) || tk_len(c, i) < 5)
		return 0;
	if (!(((c->tk[k].f & TK_LOWER) && tk_lex2(c, k, LX2_SVERB) && !tk_eq(c, k, "and") && !tk_eq(c, k, "et") &&
	       !tk_eq(c, k, "from")) ||
	      ((tk_eq(c, k, "et") || tk_eq(c, k, "and")) &&
	       (tk_eq(c, k + 1, "moi") || tk_eq(c, k + 1, "i") || tk_eq(c, k + 1, "me")))))
		return 0;
	return !compound_word(c, i);
}

/* A record of someone right before token s: "le dossier de", "la chambre de", "referral
 * for", "appt for". */
static int record_before(const struct pctx *c, size_t s)
{
	static const char *const w_dossier[] = {
		"dossier", "chambre", "scanner", "resultats", "bilan", "irm", "rdv", "operatoire", "sortie",
		"transfert", "soeur", "frere", "fille", "fils", "epouse", "mari", "maman", "papa", "mere",
		"pere", NULL
	};
	static const char *const w_appointment[] = {
		"appointment", "appt", "referral", "mri", "bloods", "prescription", "request", "slot", "bed",
		NULL
	};
	size_t p = tk_prev_word(c, s, 1);
	if (p == SIZE_MAX || (p + 1 != s && !(p + 2 == s && tk_apos(c, p + 1))))
		return 0;
	size_t q = tk_prev_word(c, p, 0);
	if (q == SIZE_MAX)
		return 0;
	if (tk_eq(c, p, "de") || tk_eq(c, p, "d"))
		return tk_eq_any(c, q, w_dossier);
	if (tk_eq(c, p, "for"))
		return tk_eq_any(c, q, w_appointment);
	return 0;
}

/* The writer introducing themselves right before token s ("je suis", "jsuis", "I'm", "I am",
 * "this is"), and a pause, a capital or a birth after the name ending at token j. */
static int intro_around(const struct pctx *c, size_t s, size_t j)
{
	size_t p = tk_prev_word(c, s, 1);
	if (p == SIZE_MAX || p + 3 < s)
		return 0;
	int fr = (tk_eq(c, p, "suis") && (before_is(c, p, "je", NULL) || before_is(c, p, "j", NULL))) ||
		 tk_eq(c, p, "jsuis");
	int en = (tk_eq(c, p, "m") && before_is(c, p, "i", NULL)) || tk_eq(c, p, "im") ||
		 (tk_eq(c, p, "am") && before_is(c, p, "i", NULL)) || (tk_eq(c, p, "is") && before_is(c, p, "this", NULL));
	if (!fr && !en)
		return 0;
	if (p + 1 != s)
		return 0;
	/* "I'm Coeliac", "I'm Diabetic": an adjective no list knows, in English */
	const char *w = tk_fold(c, s);
	size_t n = c->tk[s].flen;
	if (en && n >= 3 && j == s &&
	    (strcmp(w + n - 2, "ic") == 0 || strcmp(w + n - 2, "ed") == 0 || strcmp(w + n - 3, "ing") == 0 ||
	     strcmp(w + n - 3, "ive") == 0 || strcmp(w + n - 3, "ous") == 0 || strcmp(w + n - 3, "ful") == 0))
		return 0;
	size_t k = j + 1;
	return k >= c->n_tk || tk_ch(c, k, ',') || tk_ch(c, k, '.') || tk_ch(c, k, '!') || tk_ch(c, k, '(') ||
	       (c->tk[k].f & TK_NL) || tk_eq(c, k, "ne") || tk_eq(c, k, "nee") || tk_eq(c, k, "from") ||
	       tk_is(c, k, TK_AGE);
}

/* A capitalised word no list knows: "Agbodjan", "Kervéguen" (not in a text in capitals). */
static int unknown_cap(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	return (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && t->lex == 0 && t->e - t->s >= 3;
}

/* Or one that a name list holds and no rule named (a word or a town too: "Bouchard", "Jordan"),
 * in no list of what never names a person; a word of the dictionaries opening a sentence is
 * read as the word ("Full SSN is", "Carte vitale", "Billing account"). */
static int listed_cap(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	return (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && (t->lex & (LX_GIVEN | LX_PATR)) &&
	       !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_MONTH | LX_DAY | LX_CITY)) && t->e - t->s >= 3;
}

/* The message opens on the name of the one it is written to, a comma, then what is asked of
 * them: "Delroy, heads up: bed 6 is...", "Hemi, can u check", "Teiki, la patiente..." (not
 * "Lovenox, le soir": a drug takes no request). */
static int address_opening(const struct pctx *c, size_t s, size_t j)
{
	static const char *const w_can[] = {
		"can", "could", "pls", "please", "heads", "bed", "pt", "just", "quick", "fyi", "are", "r", "u",
		"tu", "t", "vous", "peux", "pourrais", "pouvez", "est", NULL
	};
	size_t k = j + 2;
	if (tk_prev_word(c, s, 8) != SIZE_MAX)
		return 0;
	/* "Chassagne can you ring the family", "Baker covering for Noam today" */
	if ((tk_eq(c, j + 1, "can") || tk_eq(c, j + 1, "could")) && (tk_eq(c, j + 2, "you") || tk_eq(c, j + 2, "u")))
		return tk_len(c, j) >= 4; /* (not "Pls can you") */
	if (tk_eq(c, j + 1, "covering") && tk_eq(c, j + 2, "for"))
		return 1;
	if (!tk_ch(c, j + 1, ',') || k >= c->n_tk || !(c->tk[k].f & TK_LOWER))
		return 0;
	if ((tk_eq(c, k, "la") && tk_eq(c, k + 1, "patiente")) || (tk_eq(c, k, "le") && tk_eq(c, k + 1, "patient")))
		return 1;
	return tk_eq_any(c, k, w_can);
}

/* "Etxeberria l'infirmier m'a laissé sortir": the name, then its trade with an article. */
static int trade_after(const struct pctx *c, size_t j)
{
	static const char *const w_infirmier[] = {
		"infirmier", "infirmiere", "aide", "kine", "medecin", "interne", "psy", "sage", "auxiliaire",
		"nurse", "physio", "midwife", "porter", "hca", "carer", NULL
	};
	size_t k = j + 1;
	if (!(tk_eq(c, k, "l") && tk_apos(c, k + 1)) && !tk_eq(c, k, "la") && !tk_eq(c, k, "le") && !tk_eq(c, k, "the"))
		return 0;
	k = tk_next_word(c, k, 1);
	return tk_eq_any(c, k, w_infirmier);
}

/* On an identity line, the listed names before the one no list knows: "Staff du mardi :
 * Kouassi N'Guessan Ange-Marius, 44 ans". */
static size_t names_before(const struct pctx *c, size_t s)
{
	for (int n = 0; n < 3 && s > 0; n++) {
		const struct ptok *p = &c->tk[s - 1];
		if ((p->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || !(c->tk[s].f & TK_SP) ||
		    (c->tk[s].f & TK_NL) || !(p->lex & (LX_GIVEN | LX_PATR)) ||
		    (p->lex & (NOT_A_NAME | LX_WORD | LX_STOPFR | LX_STOPEN | LX_EPONYM)))
			break;
		s--;
	}
	return s;
}

/* Two words no list knows, joined by "et" / "and" and opening a sentence before what only people
 * do: "Haizea et Oihana ont décoré sa chambre", "Tavita and Losana cried" (two drugs no list
 * knows "ont les mêmes effets", "have side effects": not them). */
static int pair_subject(const struct pctx *c, size_t s, size_t i, size_t j)
{
	static const char *const did[] = {"said", "told", "came", "cried", "arrived", "died", "love", "woke", "slept",
					  "smiled", "walked", "asked", "went", "visited", "laughed", "played", "sang",
					  "called", "decorated", "hugged", "dit", "pleure", "pleurent", "dorment",
					  "rigolent", "decore", "dormi", "ri", "rigole", "chante", "joue",
					  "appele", "ecrit", "mange", "visite", "adore", "fete", "venus", "venues",
					  "arrives", "arrivees", "sleep", "cry", "hug", NULL};
	static const char *const aux[] = {"ont", "have", "had", "sont", "were", "are", "se", NULL};
	size_t k = j + 1;
	if (!tk_sentence_start(c, s) || !(tk_eq(c, k, "et") || tk_eq(c, k, "and")) || !unknown_cap(c, k + 1) ||
	    tk_len(c, i) < 4 || tk_len(c, k + 1) < 4 || compound_word(c, i) || compound_word(c, k + 1))
		return 0;
	size_t v = k + 2;
	/* "ont décoré", "have cried", "sont venues", "were hugging" */
	if (tk_eq_any(c, v, aux))
		v++;
	return (c->tk[v < c->n_tk ? v : k].f & TK_LOWER) && tk_eq_any(c, v, did);
}

/* Token i, a capitalised word no list knows that no rule before named, is a name from the words
 * around it: its first and last tokens in *first and *last (left alone when it is not). */
int pn_anchor_name(struct pctx *c, size_t i, size_t *first, size_t *last)
{
	static const char *const w_thanks[] = {"thanks", "thank", "thx", "cheers", "merci", "regards", NULL};
	static const char *const w_mon[] = {"mon", "ma", "my", "notre", "our", "his", "her", "sa", NULL};
	int unknown = unknown_cap(c, i);
	if (!unknown && !listed_cap(c, i))
		return 0;
	size_t s = pn_given_before(c, i), j = pn_extend(c, i, 0), k = j + 1;
	int word = !unknown && (c->tk[i].lex & LX_WORD);
	int words = 0;
	for (size_t w = s; w <= j; w++)
		words += (c->tk[w].f & TK_WORD) && tk_len(c, w) >= 2;
	int hit = 0;
	/* an identity line: "Seun Bouaziz, 07911 123456", "Re: Kavitha Kervéguen DOB ...",
	 * "Hinemoa Tamatea (39), DOB 17/04/1987" */
	size_t s0 = names_before(c, s);
	if ((tk_sentence_start(c, s0) && !word) || tk_ch(c, s0 - 1, ':') || (tk_ch(c, s0 - 1, '/') && !word) ||
	    /* "Safeguarding concern - Kenold Gaz, 3 yrs", "pt Bình Aït-Ouarab 27F in resus" */
	    (tk_ch(c, s0 - 1, '-') && (c->tk[s0 - 1].f & TK_SP) && (c->tk[s0].f & TK_SP)) ||
	    tk_eq(c, s0 - 1, "pt") || tk_eq(c, s0 - 1, "patient") ||
	    /* "bay 3 bed 2 Bras Line 93 -" */
	    (tk_is(c, s0 - 1, TK_NUM) && (tk_eq(c, s0 - 2, "bed") || tk_eq(c, s0 - 2, "lit") || tk_eq(c, s0 - 2, "room") ||
					  tk_eq(c, s0 - 2, "chambre") || tk_eq(c, s0 - 2, "ch")))) {
		size_t a = k;
		if (tk_ch(c, a, '(') && tk_is(c, a + 1, TK_NUM) && tk_ch(c, a + 2, ')'))
			a += 3;
		hit = (tk_ch(c, a, ',') && identity_after(c, a + 1, words)) ||
		      (tk_ch(c, a, '(') && identity_after(c, a + 1, words)) ||
		      (a == k && !tk_ch(c, k, ',') && (tk_is(c, k, TK_ALPHA) || (words >= 2 && tk_is(c, k, TK_NUM))) &&
		       identity_after(c, k, words));
		if (hit)
			s = s0;
	}
	/* (a colon opens a sentence, and ends a label: "Titulaire : Hamadou Djimadoum.") */
	if (!hit && s > 0 && (!tk_sentence_start(c, s) || tk_ch(c, s - 1, ':')))
		hit = wishes_before(c, s) || record_before(c, s) || intro_around(c, s, j) ||
		      (tk_len(c, i) >= 5 && person_verb_before(c, s)) ||
		      /* "Dad (Sourav) wants a call", "Mum (Efua)" */
		      (tk_ch(c, s - 1, '(') && tk_ch(c, k, ')') && tk_lex(c, tk_prev_word(c, s, 1), LX_KIN));
	/* "Thanks - Côté (FY1)", "Thanks, Thu (sister, ward 31)": a sign-off, the name, its role */
	if (!hit && tk_ch(c, k, '(') && s >= 2 && (tk_ch(c, s - 1, '-') || tk_ch(c, s - 1, ',')) &&
	    tk_eq_any(c, s - 2, w_thanks))
		hit = 1;
	/* "Rélwendé (mon grand, 11 ans)": a possessive opening a bracket after the name */
	if (!hit && tk_ch(c, k, '('))
		hit = tk_eq_any(c, k + 1, w_mon) != 0;
	if (!hit && unknown)
		hit = subject_opening(c, s, i, j) || address_opening(c, s, j) || trade_after(c, j) ||
		      pair_subject(c, s, i, j);
	if (hit) {
		*first = s;
		*last = j;
	}
	return hit;
}
