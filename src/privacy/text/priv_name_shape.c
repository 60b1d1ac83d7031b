/*
 * priv_name_shape.c - person names: what a word and its neighbours look like on their own
 * (a known name with no context, initials, "Surname, Given", a hashtag, a signature,
 * a list of names) and how far a name runs (pn_extend). Read by the rule table of priv_name.c;
 * see priv_name.h.
 */
#include <string.h>
#include <strings.h>

#include "privacy/text/priv_name.h"

/* After token i, a verb only a person is the subject of ("dit", "m'a", "cried", "said"), or
 * "et moi" / "and I" / "and me". */
static int person_after(const struct pctx *c, size_t i)
{
	static const char *const w_conge[] = {"conge", "conges", "vacances", "arret", "formation", "repos", NULL};
	static const char *const verbs[] = {"dit", "disait", "pleure", "pleurait", "dort", "m", "me",
					    "said", "says", "told", "tells", "cried", "cries",
					    "smiled", "laughed", "woke", "slept", "sleeps", "asked",
					    "texted", "rang", "called", "died", "loves", "wants",
					    "arrive", "arrived", NULL};
	size_t n = i + 1;
	if (n >= c->n_tk || !(c->tk[n].f & TK_SP) || tk_glued(c, i))
		return 0;
	if (tk_eq(c, n, "et") || tk_eq(c, n, "and"))
		return tk_eq(c, n + 1, "moi") || tk_eq(c, n + 1, "me") || (tk_eq(c, n + 1, "i") && (c->tk[n + 1].f & TK_CAP));
	if ((tk_eq(c, n, "m") || tk_eq(c, n, "me")) && c->lang == ENT_PRIV_EN)
		return 0;
	/* "Lacoste est en congé mat", "is on leave": away from work, as only a person is */
	if ((tk_eq(c, n, "est") && tk_eq(c, n + 1, "en") &&
	     tk_eq_any(c, n + 2, w_conge)) ||
	    (tk_eq(c, n, "is") && tk_eq(c, n + 1, "on") && (tk_eq(c, n + 2, "leave") || tk_eq(c, n + 2, "holiday"))))
		return 1;
	return tk_eq_any(c, n, verbs);
}

/* Confidence that a capitalised word with no context is a name (0: it is not). */
float pn_name_alone(const struct pctx *c, size_t i)
{
	static const char *const w_moi[] = {"moi", "me", "toi", "lui", "mum", "dad", "maman", "papa", NULL};
	static const char *const w_a[] = {
		"a", "an", "the", "not", "running", "wearing", "key", "so", "very", "all", "everything",
		"never", "always", NULL
	};
	static const char *const w_le[] = {"le", "la", "les", "l", "un", "une", "the", NULL};
	static const char *const w_my[] = {"my", "our", "his", "her", "their", "your", NULL};
	static const char *const w_ward[] = {"ward", "unit", "bay", "wing", NULL};
	static const char *const w_m[] = {
		"m", "am", "is", "are", "was", "be", "so", "very", "feel", "feeling", "too", "not", NULL
	};
	const struct ptok *t = &c->tk[i];
	if (pn_contraction(c, i))
		return 0; /* "Don't post", "Doesn't matter" */
	/* "Call (617) 555-0199", "Tell Sue I'll...": a verb that takes a person, opening a sentence */
	if ((t->f & TK_CAP) && tk_lex2(c, i, LX2_PVERB) && !(t->lex & LX_PRN) && tk_sentence_start(c, i))
		return 0;
	/* "Joy, joy, joy.": the word said again in lowercase (not "Camille, camille.lebon@...") */
	if ((t->f & TK_CAP) && tk_ch(c, i + 1, ',') && tk_is(c, i + 2, TK_LOWER) && c->tk[i + 2].flen &&
	    !(c->tk[i + 2].f & TK_CLAIMED) && strcmp(tk_fold(c, i + 2), tk_fold(c, i)) == 0)
		return 0;
	/* "Grace and patience, my friends": a word-name opening a sentence, listed with a word */
	if ((t->f & TK_CAP) && (t->lex & LX_WORD) && tk_sentence_start(c, i) && (tk_eq(c, i + 1, "and") || tk_eq(c, i + 1, "et")) &&
	    tk_is(c, i + 2, TK_LOWER) && (c->tk[i + 2].lex & LX_WORD) &&
	    !(c->tk[i + 2].lex & (LX_PRN | LX_STOPFR | LX_STOPEN)) &&
	    !tk_eq_any(c, i + 2, w_moi))
		return 0;
	/* "Post-chimio", "Anti-inflammatoires": a prefix glued to a lowercase word */
	if (tk_glued(c, i) && tk_ch(c, i + 1, '-') && tk_glued(c, i + 1) && (t->f & TK_CAP) &&
	    tk_is(c, i + 2, TK_LOWER) && !(t->lex & LX_PRN))
		return 0;
	/* "Seine-Saint-Denis": a word of a region written with hyphens */
	if (tk_ch(c, i + 1, '-') || (i > 0 && tk_ch(c, i - 1, '-')))
		for (size_t s = i >= 4 ? i - 4 : 0; s <= i; s += 2)
			if (tk_ch(c, s + 1, '-') && tk_glued(c, s) &&
			    ((tk_lex_phrase(c, s, 3) & LX_REGION) || (tk_lex_phrase(c, s, 5) & LX_REGION)))
				return 0;
	/* lowercase, no context: a hunspell first name that no dictionary knows ("chloe", "enzo") */
	if ((t->f & TK_LOWER) && !(t->f & (TK_DIGIT | TK_CLAIMED)) && tk_len(c, i) >= 3 &&
	    (t->lex & LX_PRN) && !(t->lex & (LX_WORD | LX_NOTNAME | LX_STOPFR | LX_STOPEN | LX_MONTH |
					    LX_DAY | LX_TOWN | LX_CITY | LX_EPONYM | LX_KIN)) &&
	    !(i > 0 && tk_glued(c, i - 1) && (tk_ch(c, i - 1, '#') || tk_ch(c, i - 1, '@') ||
					      tk_ch(c, i - 1, '/') || tk_ch(c, i - 1, '.'))) &&
	    (!tk_glued(c, i) || (tk_apos(c, i + 1) && tk_eq(c, i + 2, "s"))))
		return 0.5f;
	/* "Ro's got the kids", "to do Ade's dressing": a given name of two letters, or one that
	 * is also a small town, with a possessive before a lowercase word */
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && (t->lex & LX_HN) &&
	    (tk_len(c, i) == 2 || (tk_len(c, i) >= 3 && (t->lex & LX_TOWN))) &&
	    !(t->lex & (LX_WORD | NOT_A_NAME | LX_CITY | LX_EPONYM | LX_NPR | LX_STOPFR | LX_STOPEN)) &&
	    tk_glued(c, i) && tk_apos(c, i + 1) && tk_eq(c, i + 2, "s") && tk_glued(c, i + 1) &&
	    tk_is(c, i + 3, TK_LOWER) && (c->tk[i + 3].f & TK_SP) && !pn_eponym_use(c, i))
		return 0.6f;
	if (!(t->f & TK_CAP) || (t->f & (TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3)
		return 0;
	uint32_t f = t->lex;
	/* "Doreen's op went ahead": a given name no dictionary knows, with a possessive */
	if ((f & LX_HN) && !(f & (LX_WORD | NOT_A_NAME | LX_TOWN | LX_CITY | LX_EPONYM)) &&
	    tk_glued(c, i) && tk_apos(c, i + 1) && tk_eq(c, i + 2, "s") && !pn_eponym_use(c, i))
		return 0.6f;
	/* "The woman in the next bed, Doreen, is 96": a given name set off by commas */
	if ((f & LX_HN) && !(f & (LX_WORD | NOT_A_NAME | LX_TOWN | LX_CITY | LX_EPONYM)) && i > 0 &&
	    tk_ch(c, i - 1, ',') && tk_ch(c, i + 1, ','))
		return 0.6f;
	/* "Lourdes et moi", "Rohan cried", "Lacoste m'a dit": a town that is also a given name,
	 * with no place word before, doing what only a person does */
	if ((f & (LX_TOWN | LX_CITY)) && (f & LX_GIVEN) &&
	    !(f & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN)) &&
	    !tk_lex(c, tk_prev_word(c, i, 1), LX_LOCPREP) && person_after(c, i))
		return 0.55f;
	/* "Benslimane est né cette nuit", "Tavita was born at 28 weeks": a word no list knows, born */
	if (f == 0 && (((tk_eq(c, i + 1, "est") && (tk_eq(c, i + 2, "ne") || tk_eq(c, i + 2, "nee"))) ||
		       ((tk_eq(c, i + 1, "was") || tk_eq(c, i + 1, "is")) && tk_eq(c, i + 2, "born")))))
		return 0.6f;
	if (f & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_NPR))
		if (!((f & LX_PRN) && !(f & (NOT_A_NAME | LX_EPONYM))))
			return 0;
	if (pn_eponym_use(c, i) || pn_pet_before(c, i))
		return 0;
	/* the second word of a capitalised brand or title: "Freestyle Libre", "Diabetes UK" */
	if (i > 0 && (c->tk[i - 1].f & TK_CAP) && (c->tk[i - 1].f & TK_WORD) && tk_glued(c, i - 1) == 0 &&
	    !(c->tk[i - 1].lex & (LX_GIVEN | LX_PATR | LX_TITLE | LX_GREET | LX_KIN)) &&
	    !tk_sentence_start(c, i - 1) && !(c->tk[i - 1].f & TK_CLAIMED) &&
	    /* ... but "Gosia Kowalczyk": a word no list knows before a surname no dictionary
	     * knows is a given name */
	    !(c->tk[i - 1].lex == 0 && (f & (LX_HN | LX_PATR)) && !(f & LX_WORD) &&
	      !(c->tk[i - 1].f & (TK_ALLCAP | TK_DIGIT)) && tk_len(c, i - 1) >= 3))
		return 0;
	/* the text's own language says what is an ordinary word: "Léa" is no French word */
	int word = (f & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) != 0;
	int sent = tk_sentence_start(c, i);
	/* a hashtag word is a topic, not a person, unless a known first name */
	if (i > 0 && tk_ch(c, i - 1, '#') && !(f & LX_PRN))
		return 0;
	if ((f & LX_PRN) && !word)
		return 0.8f;
	if ((f & LX_PRN) && !sent)
		return 0.55f;
	/* "Maxime est né", "Mark said": a given name at a sentence start, then a verb */
	if (sent && (f & (LX_PRN | LX_HN)) && !(f & (LX_STOPFR | LX_STOPEN))) {
		/* "Patience is a virtue", "Patience is running out": a word that a name list holds
		 * but no dictionary writes as a name, before "is" and an article or an adverb, is
		 * the noun */
		if (!(f & (LX_PRN | LX_CAPEN)) && (f & LX_WEN) && c->lang == ENT_PRIV_EN && tk_eq(c, i + 1, "is") &&
		    tk_eq_any(c, i + 2, w_a))
			return 0;
		/* the verbs: the SVERB list of priv_words.txt */
		size_t n1 = i + 1;
		if (tk_eq(c, n1, "a") && c->t[c->tk[n1].s] != 'a' && c->t[c->tk[n1].s] != 'A' && (f & LX_WFR))
			return 0; /* "Pense à", "Grâce à", "Mise à jour" */
		/* "Prof super : Élise.": a first name alone as a field's value */
		if (i > 0 && tk_ch(c, i - 1, ':') && (f & LX_PRN) &&
		    (n1 >= c->n_tk || tk_ch(c, n1, '.') || tk_ch(c, n1, '!') || (c->tk[n1].f & TK_NL)))
			return 0.55f;
		if (tk_ch(c, n1, '(') || (tk_ch(c, n1, ',') && (f & LX_PRN)) ||
		    (tk_ch(c, n1, ':') && (f & (LX_PRN | LX_FIRSTNAME)) && !(f & LX_NOTNAME)))
			return 0.55f; /* "Julien (papa de Lou) :", "Chloé, 15 ans", "Marc : ça va ?" */
		/* a bare noun rarely opens a sentence: "Claire pense que", "Jules tousse" */
		if ((f & LX_PRN) && c->lang == ENT_PRIV_FR && n1 < c->n_tk && (c->tk[n1].f & TK_LOWER) &&
		    (c->tk[n1].f & TK_SP) && !tk_eq_any(c, n1, w_le) &&
		    !tk_eq(c, n1, "de") && !tk_eq(c, n1, "d") && !tk_eq(c, n1, "du") && !tk_eq(c, n1, "des") &&
		    !tk_eq(c, n1, "of") && !(c->tk[n1].lex & LX_MEDCTX))
			return 0.5f;
		size_t n = tk_next_word(c, i, 0);
		if (c->lang == ENT_PRIV_EN && (f & LX_WEN) && !(f & LX_CAPEN) && c->t[t->e - 1] == 's')
			n = c->n_tk; /* "Fingers went white": a plural noun, not a name */
		/* "Sue from the discharge lounge", but "Rose from my bed" is the verb */
		if (n < c->n_tk && tk_lex2(c, n, LX2_SVERB) && !tk_glued(c, i) &&
		    /* "Ask a psychiatrist": the English article */
		    !(c->lang == ENT_PRIV_EN && tk_eq(c, n, "a")) &&
		    /* "Reach me at", "Call me": the object pronoun is French only ("Maxime me dit") */
		    !(c->lang == ENT_PRIV_EN && (tk_eq(c, n, "me") || tk_eq(c, n, "m"))) &&
		    !(tk_eq(c, n, "from") && tk_eq_any(c, tk_next_word(c, n, 0), w_my)))
			return 0.55f;
		/* "Grace starts school", "Harper seemed fine": a given name the dictionary writes
		 * capitalised, then a verb in -s (or -ed when the name is no ordinary word) */
		if (c->lang == ENT_PRIV_EN && n == i + 1 && n < c->n_tk && (f & LX_CAPEN) && (f & (LX_PRN | LX_FIRSTNAME)) &&
		    (c->tk[n].f & TK_LOWER) && (c->tk[n].lex & LX_WEN) && tk_len(c, n) >= 4 &&
		    !(c->tk[n].lex & (LX_STOPEN | LX_MONTH | LX_DAY))) {
			const char *w = c->t + c->tk[n].s;
			size_t l = tk_len(c, n);
			/* a past tense after a word-name is too often a noun's ("Bill passed") */
			if ((w[l - 1] == 's' && w[l - 2] != 's') ||
			    (w[l - 2] == 'e' && w[l - 1] == 'd' && !(f & LX_WEN)))
				return 0.55f;
		}
		/* "Harry's surgery": an English possessive after a given name */
		if (c->lang == ENT_PRIV_EN && tk_apos(c, i + 1) && tk_glued(c, i) && tk_eq(c, i + 2, "s") &&
		    (f & LX_CAPEN))
			return 0.55f;
	}
	if ((f & LX_HN) && !word && !(f & LX_NPR))
		return sent ? 0.55f : 0.7f;

	if ((f & LX_PATR) && !word && !sent)
		return 0.6f;
	/* a known given name that is also a word, capitalised mid-sentence: "then Jack said" */
	if ((f & LX_HN) && !sent && !(f & (LX_TOWN | LX_CITY | LX_NPR)) &&
	    !(c->lang != ENT_PRIV_EN && (f & LX_WFR)) &&
	    !((f & LX_WORD) && tk_is(c, i + 1, TK_NUM | TK_DIGIT)) && /* "Ward 12", "Bed 4", "Ward 5B" */
	    /* "on Badger ward": a ward's name */
	    !tk_eq_any(c, tk_next_word(c, i, 0), w_ward) &&
	    !((f & LX_WORD) && tk_eq_any(c, tk_prev_word(c, i, 1), w_m)) &&
	    (i == 0 || !tk_is(c, i - 1, TK_PUNCT) || tk_ch(c, i - 1, ',') || tk_ch(c, i - 1, '(')) &&
	    !(i > 0 && tk_is(c, i - 1, TK_CAP) && !(c->tk[i - 1].lex & LX_GIVEN)) &&
	    /* "Labor Day", "Blue Badge", "Marine Corps": a capitalised ordinary word after it
	     * makes a title or a brand */
	    !((f & LX_WORD) && tk_is(c, i + 1, TK_CAP) && !tk_is(c, i + 1, TK_ALLCAP) && (c->tk[i + 1].f & TK_SP) &&
	      (c->tk[i + 1].lex & LX_WORD) &&
	      (!(c->tk[i + 1].lex & (LX_GIVEN | LX_PATR)) ||
	       (c->tk[i + 1].lex & (LX_NOTNAME | LX_IDLABEL | LX_HOSP | LX_HOSP_EN)))))
		return 0.5f;
	return 0;
}

/* A room word and its number ("WARD 6", "Bed 4", "chambre 12"): the end of a name. */
static int room_number(const struct pctx *c, size_t k)
{
	static const char *const rooms[] = {"ward", "bed", "bay", "room", "unit", "side", "lit",
					    "chambre", "box", "salle", "bureau", "poste", "bip",
					    "bleep", "ext", "porte", NULL};
	return tk_is(c, k + 1, TK_NUM) && tk_eq_any(c, k, rooms);
}

/* "Floc'h", "Le Gac'h": the Breton c'h glued to the word j. */
int pn_breton_ch(const struct pctx *c, size_t j)
{
	return j + 2 < c->n_tk && tk_glued(c, j) && tk_apos(c, j + 1) && tk_glued(c, j + 1) &&
	       tk_eq(c, j + 2, "h") && c->t[c->tk[j].e - 1] == 'c' &&
	       !(tk_glued(c, j + 2) && tk_is(c, j + 3, TK_WORD));
}

/* The bytes of token i are exactly s (a punctuation mark outside ASCII: "«"). */
static int tk_bytes(const struct pctx *c, size_t i, const char *s)
{
	size_t n = strlen(s);
	return i < c->n_tk && c->tk[i].e - c->tk[i].s == n && memcmp(c->t + c->tk[i].s, s, n) == 0;
}

/* Token k opens a quoted nickname inside a name and a surname follows it: "Dolores "Dee"
 * Kowalski", "Gérard « Gégé » Fabre", "ROBERT 'BOB' HENDERSON", "PATRICIA 'PAT' O'SULLIVAN".
 * Returns the surname's last token, or 0. */
static size_t quoted_nickname(const struct pctx *c, size_t k)
{
	if (k + 3 >= c->n_tk || !(c->tk[k].f & TK_SP) || !(c->tk[k].f & TK_PUNCT))
		return 0;
	const char *close;
	int spaced = 0;
	if (tk_ch(c, k, '"'))
		close = "\"";
	else if (tk_apos(c, k))
		close = NULL; /* an apostrophe, straight or curly */
	else if (tk_bytes(c, k, "\xc2\xab")) /* « » */
		close = "\xc2\xbb", spaced = 1;
	else if (tk_bytes(c, k, "\xe2\x80\x9c")) /* “ ” */
		close = "\xe2\x80\x9d";
	else
		return 0;
	size_t n = k + 1;
	if ((!spaced && !tk_glued(c, k)) || !tk_is(c, n, TK_ALPHA) || tk_is(c, n, TK_DIGIT) || tk_len(c, n) < 2 ||
	    !(tk_is(c, n, TK_CAP) || c->shout) || (c->tk[n].lex & (LX_STOPFR | LX_STOPEN)))
		return 0;
	size_t e = n + 1;
	if ((!spaced && !tk_glued(c, n)) || !(close ? tk_bytes(c, e, close) : tk_apos(c, e)))
		return 0;
	size_t s = e + 1;
	if (s >= c->n_tk || !(c->tk[s].f & TK_SP) || (c->tk[s].f & TK_NL) || !tk_free(c, s) ||
	    !tk_is(c, s, TK_ALPHA) || tk_is(c, s, TK_DIGIT) || !(tk_is(c, s, TK_CAP) || c->shout))
		return 0;
	/* "O'SULLIVAN": a letter and an apostrophe open the surname */
	if (tk_len(c, s) == 1 && tk_glued(c, s) && tk_apos(c, s + 1) && tk_glued(c, s + 1) &&
	    tk_is(c, s + 2, TK_ALPHA) && tk_free(c, s + 2))
		return s + 2;
	uint32_t f = c->tk[s].lex;
	return tk_len(c, s) >= 3 && ((f & (LX_PATR | LX_HN)) || f == 0) &&
			       !(f & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) &&
			       (!(f & LX_WORD) || (f & LX_PATR) || c->shout)
		       ? s
		       : 0;
}

/* Extends a name over the next words: "Eugénie André", "Jean-Pierre DUPONT", "Claire D.",
 * "Marie de La Fontaine". Returns the last token of the name. */
size_t pn_extend(const struct pctx *c, size_t j, int strong)
{
	size_t j0 = j;
	for (;;) {
		size_t k = j + 1;
		if (k >= c->n_tk)
			break;
		if (pn_breton_ch(c, j)) {
			j += 2;
			continue;
		}
		/* "Dr D. K. Mensah", "J. R. Smith": an initial of the name, then the rest */
		if (tk_len(c, j) == 1 && (c->tk[j].f & TK_CAP) && tk_ch(c, k, '.') && tk_glued(c, j) &&
		    tk_is(c, k + 1, TK_CAP) && tk_is(c, k + 1, TK_ALPHA) && !tk_is(c, k + 1, TK_DIGIT) &&
		    (c->tk[k + 1].f & TK_SP) && !(c->tk[k + 1].f & TK_NL) && tk_free(c, k + 1) &&
		    !(c->tk[k + 1].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) &&
		    ((c->tk[k + 1].lex & (LX_GIVEN | LX_PATR)) || !(c->tk[k + 1].lex & LX_WORD) ||
		     tk_len(c, k + 1) == 1)) {
			j = k + 1;
			continue;
		}
		/* "Marchand-Le Bihan", "Dupont-De Vries": a capitalised particle after a hyphen, then
		 * the rest of the surname, capitalised */
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k) && (c->tk[j].f & (TK_CAP | TK_ALLCAP)) == TK_CAP &&
		    (c->tk[k + 1].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && tk_lex2(c, k + 1, LX2_PART) && tk_free(c, k + 1) &&
		    k + 2 < c->n_tk && (c->tk[k + 2].f & (TK_SP | TK_NL)) == TK_SP &&
		    (c->tk[k + 2].f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) == TK_CAP && tk_free(c, k + 2) &&
		    !(c->tk[k + 2].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_HOSP))) {
			j = k + 2;
			continue;
		}
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k) && tk_is(c, k + 1, TK_ALPHA) &&
		    tk_free(c, k + 1) && !(c->tk[k + 1].lex & LX_STOPFR) &&
		    ((c->tk[k + 1].f & (TK_CAP | TK_ALLCAP)) ||
		     /* "ENZO DUBOIS-MARTIN" in capitals, "jean-pierre morel": a name the lists hold
		      * or no dictionary knows, after a lowercase one */
		     ((c->tk[j].f & TK_LOWER) && tk_is(c, k + 1, TK_LOWER) && tk_len(c, k + 1) >= 3 &&
		      !tk_is(c, k + 1, TK_DIGIT) && !(c->tk[k + 1].lex & (NOT_A_NAME | LX_STOPEN)) &&
		      ((c->tk[k + 1].lex & (LX_GIVEN | LX_PATR)) || !(c->tk[k + 1].lex & LX_WORD))))) {
			j = k + 1;
			continue;
		}
		/* "Byung-hun Choi", "Ji-woo": a short lowercase syllable after a hyphen */
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k) && tk_is(c, k + 1, TK_LOWER) &&
		    tk_free(c, k + 1) && tk_len(c, k + 1) >= 2 && tk_len(c, k + 1) <= 4 && tk_len(c, j) <= 6 &&
		    (c->tk[j].f & TK_CAP) && !(c->tk[k + 1].lex & (LX_STOPFR | LX_STOPEN)) &&
		    /* (a comma or a full stop may close it: "Kim Min-jun, étudiant"; a possessive's
		     * "'s" too: "my daughter Sun-hee's fever") */
		    !(tk_glued(c, k + 1) && (tk_is(c, k + 2, TK_WORD) || tk_ch(c, k + 2, '-') ||
					     (tk_apos(c, k + 2) && !pn_possessive_s(c, k + 2)))) &&
		    (!(c->tk[k + 1].lex & LX_WORD) ||
		     /* "Ji-woo": both halves short, the second in a name list */
		     ((c->tk[k + 1].lex & LX_HN) && tk_len(c, j) <= 3 && tk_len(c, k + 1) <= 3))) {
			j = k + 1;
			continue;
		}
		/* O'Brien, D'Angelo: one-letter prefix glued by an apostrophe (O'ROURKE in a text
		 * written in capitals, which reads lowercase here) */
		if (tk_apos(c, k) && tk_len(c, j) == 1 && (c->tk[j].f & TK_CAP) && tk_glued(c, j) &&
		    tk_glued(c, k) && (tk_is(c, k + 1, TK_CAP) || (c->shout && tk_is(c, k + 1, TK_ALPHA))) &&
		    tk_free(c, k + 1)) {
			j = k + 1;
			continue;
		}
		/* "Dolores "Dee" Kowalski", "Jean-Claude « Jeannot » Perrin", "PATRICIA 'PAT'
		 * O'SULLIVAN": a nickname in quotes inside the name */
		size_t q = quoted_nickname(c, k);
		if (q) {
			j = q;
			continue;
		}
		if ((c->tk[k].f & (TK_PUNCT | TK_NL | TK_CLAIMED)) || !(c->tk[k].f & TK_SP))
			break;
		/* "Niamh O'Donoghue": a D'/O'/N' surname after the given name */
		if (pn_letter_apos_name(c, k)) {
			j = k + 2;
			continue;
		}
		/* "Claire Hutchinson": a surname that is also an eponym, after a first name */
		if ((c->tk[k].f & TK_CAP) && !(c->tk[k].f & TK_ALLCAP) && (c->tk[k].lex & LX_EPONYM) &&
		    (c->tk[k].lex & (LX_HN | LX_PATR)) && (c->tk[j].lex & LX_PRN) && (c->tk[j].f & TK_CAP) &&
		    !tk_lex(c, tk_next_word(c, k, 1), LX_MEDCTX) && !(tk_apos(c, k + 1) && tk_glued(c, k))) {
			j = k;
			continue;
		}
		/* "Gerald Whitcomb Jr.", "Sr" */
		if ((tk_eq(c, k, "jr") || tk_eq(c, k, "sr")) && (c->tk[k].f & TK_CAP)) {
			j = tk_ch(c, k + 1, '.') && tk_glued(c, k) ? k + 1 : k;
			break;
		}
		uint32_t f = c->tk[k].lex;
		/* "Dr Vo Thi Mai", "je suis Nguyễn Thị Mai, 52 ans": no day after the month */
		if (strong && (f & LX_MONTH) && (f & (LX_PRN | LX_HN)) && (c->tk[k].f & TK_CAP) &&
		    (!tk_is(c, tk_next_word(c, k, 1), TK_DIGIT) || tk_is(c, tk_next_word(c, k, 1), TK_AGE)) &&
		    (c->tk[j].f & TK_CAP)) {
			j = k;
			continue;
		}
		/* "Padraig Ó Súilleabháin", "Siobhán Ní Bhriain": an Irish particle, then the surname */
		if ((c->tk[k].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && tk_len(c, k) <= 3 && (c->tk[j].f & TK_CAP) &&
		    (tk_eq(c, k, "o") || tk_eq(c, k, "ni") || tk_eq(c, k, "nic") || tk_eq(c, k, "ui")) &&
		    c->t[c->tk[k].s] != 'O' && tk_is(c, k + 1, TK_CAP) && !tk_is(c, k + 1, TK_DIGIT) &&
		    (c->tk[k + 1].f & TK_SP) && tk_free(c, k + 1) && !(c->tk[k + 1].lex & (NOT_A_NAME | LX_STOPEN | LX_STOPFR))) {
			j = k + 1;
			continue;
		}
		if ((c->tk[k].f & (TK_CAP | TK_ALLCAP)) && !(c->tk[k].f & TK_DIGIT) &&
		    !(f & ((strong ? NOT_A_NAME & ~(uint32_t)LX_NOTNAME : NOT_A_NAME) | LX_EPONYM | LX_STOPFR | LX_STOPEN)) &&
		    ((f & (LX_GIVEN | LX_PATR)) || !(f & LX_WORD) || (c->tk[k].f & TK_ALLCAP) || strong)) {
			if ((c->tk[k].f & TK_ALLCAP) && tk_len(c, k) <= 3 && !(f & (LX_GIVEN | LX_PATR)))
				break; /* an acronym (IRM, CHU) */
			if (room_number(c, k))
				break; /* "Julie Bed 4" */
			j = k;
			continue;
		}
		/* a surname that is also a listed word, after a given name: "Christelle Noël" */
		if ((c->tk[k].f & TK_CAP) && !(c->tk[k].f & (TK_ALLCAP | TK_DIGIT)) && (f & LX_NOTNAME) &&
		    (f & (LX_HN | LX_PATR)) && (c->tk[j].lex & LX_PRN) && !(f & (LX_STOPFR | LX_STOPEN | LX_MONTH | LX_DAY))) {
			j = k;
			continue;
		}
		if (tk_eq(c, k, "nee") || tk_eq(c, k, "ne") || tk_eq(c, k, "epouse"))
			break; /* "GERMAINE LEBRETON NEE LE 12/03/1941" */
		/* lowercase surname after a lowercase first name: "chloe martin" */
		/* ... in a text written in capitals, a surname that is also a word: "ROBERT MARTIN" */
		uint32_t lang_word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
		if ((c->tk[k].f & TK_LOWER) && (c->tk[j].f & TK_LOWER) &&
		    (((f & (LX_PATR | LX_GIVEN)) && !(f & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) &&
		      (!(f & lang_word) || c->shout)) ||
		     (c->shout && strong && f == 0) ||
		     /* "... DE RAPPELER. GISELE KERGUELEN, NEE LE": in capitals, a word no list knows
		      * after a given name */
		     (c->shout && f == 0 && tk_len(c, k) >= 4 && (c->tk[j].lex & LX_GIVEN) && !pn_sms_j(c, k)) ||
		     /* "je m appelle ryan belkacem": after a context, a surname no list knows */
		     (strong && f == 0 && tk_len(c, k) >= 4 && (c->tk[j].lex & LX_GIVEN) && !pn_sms_j(c, k)) ||
		     /* "my name is darren cope and i": a surname that is also a word, when the
		      * clause ends right after it ("je suis raymond petit 83 ans": even a listed
		      * non-name, before an age) */
		     (strong && (f & (LX_PATR | LX_HN)) && !(f & (LX_STOPFR | LX_STOPEN)) &&
		      !(f & (tk_is(c, k + 1, TK_AGE) ? NOT_A_NAME & ~(uint32_t)LX_NOTNAME : NOT_A_NAME)) &&
		      (c->tk[j].lex & LX_GIVEN) && !(c->tk[j].lex & lang_word) && tk_len(c, k) >= 4 &&
		      (k + 1 >= c->n_tk || tk_ch(c, k + 1, ',') || tk_ch(c, k + 1, '.') || tk_eq(c, k + 1, "and") ||
		       tk_eq(c, k + 1, "et") || tk_is(c, k + 1, TK_NUM)))) &&
		    tk_len(c, k) >= 3 && !room_number(c, k)) {
			j = k;
			continue;
		}
		/* initial: "Claire D." */
		if ((c->tk[k].f & TK_CAP) && tk_len(c, k) == 1 && tk_ch(c, k + 1, '.') && tk_glued(c, k)) {
			j = k + 1;
			continue;
		}
		/* particles: "de La Fontaine", "van Gogh", "Ben Ali" */
		/* the PART list of priv_words.txt */
		if (tk_lex2(c, k, LX2_PART) && k + 1 < c->n_tk) {
			/* "de La Roche-Aymon", "van der Berg": two particles */
			size_t m = k + 1;
			if (tk_lex2(c, m, LX2_PART) && (c->tk[m].f & TK_SP) && m + 1 < c->n_tk)
				m++;
			uint32_t fm = c->tk[m].lex;
			/* "de Saint-Exupéry": Saint opens a compound surname */
			if ((tk_eq(c, m, "saint") || tk_eq(c, m, "sainte")) && tk_ch(c, m + 1, '-') && tk_glued(c, m))
				fm &= ~(uint32_t)NOT_A_NAME;
			/* after two particles a town's name is a family's: "de La Roche"; so is a
			 * commune after "de" and a first name, when the context said a person comes
			 * ("mon compagnon Grégoire de Villiers"; the longer span wins over the town) */
			int given_de = strong && m == k + 1 && (c->tk[j].f & TK_CAP) && (c->tk[j].lex & LX_PRN) &&
				       (tk_eq(c, k, "de") || tk_eq(c, k, "du")) && (c->tk[m].f & TK_CLAIMED) &&
				       (c->tk[m].lex & LX_TOWN) && !(c->tk[m].lex & (LX_CITY | LX_REGION)) &&
				       (c->tk[m].f & TK_CAP) && (c->tk[m].f & TK_SP) && !(c->tk[m].f & TK_NL);
			if (given_de) {
				j = m;
				while (tk_ch(c, j + 1, '-') && tk_glued(c, j) && tk_glued(c, j + 1) && tk_is(c, j + 2, TK_CAP))
					j += 2;
				break;
			}
			/* ... and after a particle that never means "from" ("Dr Mendes da Costa") */
			int from = tk_eq(c, k, "de") || tk_eq(c, k, "du") || tk_eq(c, k, "d") || tk_eq(c, k, "des");
			uint32_t place = m > k + 1 || !from ? LX_REGION | LX_CITY : LX_TOWN | LX_REGION | LX_CITY;
			if (((c->tk[m].f & TK_CAP) || (c->shout && (c->tk[k].f & TK_LOWER))) &&
			    (c->tk[m].f & TK_SP) && tk_free(c, m) &&
			    !(c->tk[m].f & TK_DIGIT) && ((fm & (LX_PATR | LX_HN)) || !(fm & LX_WORD)) &&
			    !(fm & (NOT_A_NAME | place | LX_EPONYM))) {
				j = m;
				continue;
			}
		}
		break;
	}
	/* "Merci Nadia R.", "Bien cordialement,\nAna F.": the full stop of an initial closing
	 * the name is the initial's, whichever branch took the letter */
	if (j > j0 && tk_len(c, j) == 1 && (c->tk[j].f & TK_CAP) && tk_ch(c, j + 1, '.') && tk_glued(c, j))
		j++;
	return j;
}

/* "Guadalupe (Lupe to everyone)", "Oluwaseun ("Seun")", "Conceição - Sãozinha": a nickname
 * in brackets, quotes or after a dash right after a name already found. */
int pn_nickname_after_name(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (c->n_sp == 0 || !(t->f & TK_CAP) || (t->f & (TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_WORD)))
		return 0;
	const struct ent_priv_span *last = &c->sp[c->n_sp - 1];
	if (last->type != ENT_PRIV_NAME)
		return 0;
	size_t k = i, puncts = 0;
	while (k > 0 && puncts < 3 && (c->tk[k - 1].f & TK_PUNCT)) {
		k--;
		puncts++;
		if (!(tk_ch(c, k, '(') || tk_ch(c, k, '"') || tk_ch(c, k, '-') || tk_ch(c, k, ',') ||
		      (c->t[c->tk[k].s] & 0x80)))
			return 0;
	}
	return puncts > 0 && k > 0 && c->tk[k - 1].e == last->end;
}

/* "anyone know tomasz? tomasz wisniewski": two lowercase words that are names in the lists
 * and words in no dictionary, one after the other. */
int pn_lower_name_pair(const struct pctx *c, size_t i)
{
	const struct ptok *a = &c->tk[i];
	size_t k = i + 1;
	if (k >= c->n_tk || !(a->f & TK_LOWER) || !(c->tk[k].f & TK_LOWER) || !(c->tk[k].f & TK_SP) ||
	    (c->tk[k].f & TK_NL) || tk_len(c, i) < 3 || tk_len(c, k) < 4 || ((a->f | c->tk[k].f) & TK_DIGIT) ||
	    (tk_len(c, i) < 4 && !(a->lex & LX_PRN)))
		return 0;
	uint32_t bad = LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY;
	/* "pierre duval, né le", "PIERRE DUVAL" in capitals: a hunspell first name that is also a
	 * word, before a surname no dictionary knows */
	return (a->lex & LX_GIVEN) && (c->tk[k].lex & (LX_PATR | LX_HN)) && !(c->tk[k].lex & bad) &&
	       !(a->lex & (bad & ~(uint32_t)LX_WORD)) && (!(a->lex & LX_WORD) || (a->lex & LX_PRN));
}

/* A sign-off ends at token p: one word ("Cordialement", "thx") or the last of a phrase of
 * the list ("Thank you", "merci beaucoup", "bien à vous"). */
static int signoff_ends_at(const struct pctx *c, size_t p)
{
	if (!(c->tk[p].f & TK_WORD))
		return 0;
	return (c->tk[p].lex & LX_SIGNOFF) || (p >= 1 && (tk_lex_phrase(c, p - 1, 2) & LX_SIGNOFF)) ||
	       (p >= 2 && (tk_lex_phrase(c, p - 2, 3) & LX_SIGNOFF));
}

/* A signature: the last words of the text, after a sign-off, a dash or a line break. */
int pn_signature(const struct pctx *c, size_t i, size_t j)
{
	static const char *const w_ugh[] = {
		"ugh", "argh", "aargh", "yay", "meh", "pff", "pfff", "grr", "omg", "lol", "mdr", "ptdr", "xd",
		"hmm", "hmmm", "oops", "phew", "yikes", "welp", "wtf", "ffs", "smh", "tbh", "fml", "jk", "lmao",
		"rofl", "bsx", "bzh", "xoxo", "nhs", NULL
	};
	static const char *const w_role[] = {"rn", "ide", "as", "hca", "sn", "rm", "rmn", "anp", "cns", "sf",
					     "ibode", "iade", "ipa", "ap", "odp", "ash", "sho", "fy1", "fy2",
					     "spr", "cadre", "nurse", NULL};
	/* "Thanks, Lorraine, practice pharmacist": a sign-off and a comma make it one */
	if (i >= 2 && tk_ch(c, i - 1, ',') && (c->tk[i - 2].f & TK_WORD) && (c->tk[i - 2].lex & LX_SIGNOFF) &&
	    tk_ch(c, j + 1, ','))
		return 1;
	for (size_t k = j + 1; k < c->n_tk; k++) {
		/* "Yas (RN)": the signer's trade, in brackets, right after the name (not "Metformin
		 * (MR)", "Done (IV)": a care trade's letters only) */
		if (k == j + 1 && tk_ch(c, k, '(') && tk_ch(c, k + 2, ')') && (c->tk[k + 1].f & TK_ALLCAP) &&
		    tk_eq_any(c, k + 1, w_role)) {
			k += 2;
			continue;
		}
		/* "Soph\nSent from my iPhone": the mail client's line after the signature */
		if ((c->tk[k].f & TK_NL) && (tk_eq(c, k, "sent") || tk_eq(c, k, "envoye")) &&
		    (tk_eq(c, k + 1, "from") || tk_eq(c, k + 1, "de") || tk_eq(c, k + 1, "depuis")) &&
		    (tk_eq(c, k + 2, "my") || tk_eq(c, k + 2, "mon")) && k + 6 >= c->n_tk)
			break;
		/* "- Efua & Kwabena Asamoah": several signers */
		if (tk_ch(c, k, '&') || tk_eq(c, k, "and") || tk_eq(c, k, "et") ||
		    ((c->tk[k].f & TK_CAP) && !(c->tk[k].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) &&
		     (tk_ch(c, k - 1, '&') || tk_eq(c, k - 1, "and") || tk_eq(c, k - 1, "et") ||
		      ((c->tk[k - 1].f & TK_CAP) && (c->tk[k].f & TK_SP)))))
			continue;
		if (c->tk[k].f & TK_WORD)
			return tk_eq(c, k, "x") || tk_eq(c, k, "xx") || tk_eq(c, k, "xxx");
	}
	if (c->tk[i].f & TK_NL)
		return !pn_signature_answer(c, i);
	if (i == 0)
		return 0;
	size_t p = i - 1;
	/* "... inadmissible. Patrice": a given name closing the text after a sentence end */
	if ((tk_ch(c, p, '.') || tk_ch(c, p, '!') || tk_ch(c, p, '?')) && (c->tk[i].lex & (LX_PRN | LX_HN)) &&
	    /* (lowercase, or in capitals: no word of the language: "... 087 555 0142. DECLAN") */
	    (!(c->tk[i].f & TK_LOWER) || !(c->tk[i].lex & (LX_WORD | NOT_A_NAME))) &&
	    (c->tk[i].f & TK_SP) && !(c->tk[i].lex & (LX_STOPFR | LX_STOPEN)) &&
	    /* "... positionnels. Miracle.": a word of the language that no list writes as a name
	     * (a hunspell first name, a capitalised English entry: "... for mum. Hope") closes the
	     * text as a word */
	    ((c->tk[i].lex & (LX_PRN | LX_CAPEN)) || !(c->tk[i].lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR))))
		return 1;
	/* "... in Sydney who do bilingual therapy? Duy", "Reg on call, Olu": a capitalised word no
	 * list knows, alone after a sentence end or a comma, closing the text (not an interjection:
	 * "... all night. Ugh.") */
	if (i == j && (tk_ch(c, p, '.') || tk_ch(c, p, '!') || tk_ch(c, p, '?') || tk_ch(c, p, ',')) &&
	    c->tk[i].lex == 0 && (c->tk[i].f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) == TK_CAP && tk_len(c, i) >= 3 &&
	    tk_len(c, i) <= 12 && (c->tk[i].f & TK_SP) && !tk_ch(c, i + 1, '!') && !tk_ch(c, i + 1, '?') &&
	    !tk_eq_any(c, i, w_ugh))
		return 1;
	if (tk_ch(c, p, ',') && p > 0)
		p--;
	if ((c->tk[p].f & TK_PUNCT) && !tk_ch(c, p, '.') && !tk_ch(c, p, ',') && !tk_apos(c, p) &&
	    !tk_ch(c, p, '#') && !tk_ch(c, p, '@') && !tk_ch(c, p, '(') && tk_glued(c, p) == 0)
		return 1; /* "— Marc", "- Julie", emoji before */
	return signoff_ends_at(c, p);
}

/* Is there an AGE span starting at token k? (spans are still in the order they were found) */
static int age_at(const struct pctx *c, size_t k)
{
	/* a token flag, not a search of the span list: this runs for many tokens */
	return k < c->n_tk && (c->tk[k].f & TK_AGE) && (k == 0 || !(c->tk[k - 1].f & TK_AGE));
}

/* "Soën (4 ans)", "Kélyan, 7 ans,", "Thaïs a 3 ans", "Nolhan is 6": a capitalised word that
 * no list knows as an ordinary word, followed by an age. */
int pn_followed_by_age(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	/* "rose is 4 weeks old", "Sydney turned 5 today", "JOY IS 3": a given name that is also a
	 * word or a town, opening a sentence, then a copula and an age */
	if ((t->lex & LX_GIVEN) && !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN)) &&
	    !(t->f & (TK_DIGIT | TK_ALLCAP)) && tk_len(c, i) >= 3 && !tk_lex2(c, i, LX2_AUX) &&
	    tk_sentence_start(c, i) && (c->tk[i + 1 < c->n_tk ? i + 1 : i].f & TK_SP) &&
	    (tk_eq(c, i + 1, "is") || tk_eq(c, i + 1, "was") || tk_eq(c, i + 1, "turned") ||
	     tk_eq(c, i + 1, "turns") || (c->lang == ENT_PRIV_FR && tk_eq(c, i + 1, "a"))) &&
	    age_at(c, i + 2))
		return 1;
	/* "manon, 26 ans": lowercase, a hunspell first name that is no word of the language */
	int lower_name = (t->f & TK_LOWER) && (t->lex & LX_PRN);
	if (!((t->f & TK_CAP) || lower_name) || (t->f & (TK_ALLCAP | TK_DIGIT)) || tk_len(c, i) < 3 ||
	    (t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_REGION | word)))
		return 0;
	size_t k = i + 1;
	/* "Thuy-Linh, 23 ans": the age follows the whole compound */
	while (tk_ch(c, k, '-') && tk_glued(c, k - 1) && tk_glued(c, k) && tk_is(c, k + 1, TK_CAP))
		k += 2;
	if (tk_ch(c, k, ',') || tk_ch(c, k, '('))
		return age_at(c, k + 1);
	if (age_at(c, k) && (c->tk[k].f & TK_SP) && !(c->tk[k].f & TK_NL))
		return 1; /* "Yanis 12 ans, Sofia 8 ans" */
	if (tk_eq(c, k, "a") || tk_eq(c, k, "has") || tk_eq(c, k, "is") || tk_eq(c, k, "was") ||
	    tk_eq(c, k, "aged") || tk_eq(c, k, "vient"))
		return age_at(c, k + 1) || (tk_eq(c, k + 1, "d") && age_at(c, k + 3));
	return 0;
}

/* Length of an ASCII-folded prefix of s (n bytes) found in ws, or 0. */
static size_t prefix_in(const char *s, size_t n, const char *const *ws)
{
	for (size_t k = 0; ws[k]; k++) {
		size_t m = strlen(ws[k]);
		if (m < n && strncasecmp(s, ws[k], m) == 0)
			return m;
	}
	return 0;
}

/* Flags of the folded bytes s[0..n) (0 when too long). */
static uint32_t lex_of(const char *s, size_t n)
{
	char buf[64];
	size_t m = priv_fold(s, n, buf, sizeof buf);
	return m ? priv_lex_get(priv_fnv(PRIV_FNV_INIT, buf, m)) : 0;
}

/* "#TeamLéa", "#ForEmma", "#PrayForNoah", "#LeaStrong": a hashtag that rallies around a given
 * name. Token i follows the '#'. Returns 1 when the whole hashtag is a name. */
int pn_hashtag_name(const struct pctx *c, size_t i)
{
	static const char *const pre[] = {"teamde", "team", "prayfor", "pray", "justicepour",
					  "justicefor", "forever", "for", "pour", "love", "soutien",
					  "courage", "allez", "go", "we love", "welove", "jesuis",
					  "iam", "standwith", NULL};
	static const char *const post[] = {"strong", "fighter", "warrior", "forever", "power",
					   "team", "army", "courage", "force", "fight", NULL};
	if (i == 0 || !tk_ch(c, i - 1, '#') || !tk_glued(c, i - 1) || (c->tk[i].f & (TK_DIGIT | TK_CLAIMED)) ||
	    tk_len(c, i) < 6 || tk_glued(c, i))
		return 0;
	const char *s = c->t + c->tk[i].s;
	size_t n = tk_len(c, i);
	uint32_t bad = NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_NPR;
	size_t m = prefix_in(s, n, pre);
	if (m && s[m] >= 'A' && s[m] <= 'Z') {
		uint32_t f = lex_of(s + m, n - m);
		return (f & LX_GIVEN) && !(f & bad);
	}
	for (size_t k = 0; post[k]; k++) {
		size_t l = strlen(post[k]);
		if (l + 3 <= n && strncasecmp(s + n - l, post[k], l) == 0 && s[n - l] >= 'A' &&
		    s[n - l] <= 'Z') {
			uint32_t f = lex_of(s, n - l);
			return (f & LX_GIVEN) && !(f & bad);
		}
	}
	return 0;
}

/* "Tom Fisher and I": a capitalised given name right before a name found on its own (the
 * given name alone, an ordinary word at a sentence start, was not enough). Returns the first
 * token of the name. */
size_t pn_given_before(const struct pctx *c, size_t i)
{
	/* "Thuy-Linh", "Marie-Claude": a capitalised word hyphenated to the name belongs to it */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
	    (c->tk[i - 2].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED | TK_DIGIT)) == TK_CAP &&
	    !(c->tk[i - 2].lex & (LX_STOPFR | LX_STOPEN | LX_EPONYM)))
		return pn_given_before(c, i - 2);
	/* "marie-josée" in lowercase (or in a text in capitals, read so): a given name hyphenated
	 * to a lowercase name belongs to it */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) && (c->tk[i].f & TK_LOWER) &&
	    (c->tk[i - 2].f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) == TK_LOWER && (c->tk[i - 2].lex & LX_GIVEN) &&
	    !(c->tk[i - 2].lex & (LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TITLE | LX_KIN | NOT_A_NAME)))
		return pn_given_before(c, i - 2);
	if (i == 0 || (c->tk[i].f & TK_NL))
		return i;
	if (!(c->tk[i].f & TK_SP) && !tk_apos(c, i - 1))
		return i;
	/* "Ji-woo Park", "Min-jun Kim": a given name of two syllables, the second in lowercase */
	if (i >= 3 && tk_is(c, i - 1, TK_LOWER) && tk_len(c, i - 1) >= 2 && tk_len(c, i - 1) <= 4 &&
	    tk_ch(c, i - 2, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 3) && tk_len(c, i - 3) <= 3 &&
	    (c->tk[i - 3].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED | TK_DIGIT)) == TK_CAP &&
	    !(c->tk[i - 1].lex & (LX_STOPFR | LX_STOPEN)) && !(c->tk[i - 3].lex & (LX_STOPFR | LX_STOPEN | LX_TITLE)))
		return i - 3;
	/* "Big Steve", "Little Mo": a nickname's adjective, capitalised inside a sentence */
	if (!tk_sentence_start(c, i - 1) && (c->tk[i - 1].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) == TK_CAP &&
	    (c->tk[i].lex & LX_GIVEN) && !(c->tk[i].lex & LX_WORD) && (tk_eq(c, i - 1, "big") || tk_eq(c, i - 1, "little")))
		return i - 1;
	/* "D'Angelo", "O'Neill" at a sentence start: the prefix letter belongs to the name */
	if (i >= 2 && tk_apos(c, i - 1) && tk_glued(c, i - 1) && tk_glued(c, i - 2) && tk_len(c, i - 2) == 1 &&
	    c->t[c->tk[i - 2].s] && strchr("ODN", c->t[c->tk[i - 2].s]) && !(c->tk[i - 2].f & TK_CLAIMED))
		return i - 2;
	const struct ptok *p = &c->tk[i - 1];
	/* "Mum Sunday O'Neill", "Profile: June Whitaker", "really, Sunny Bhattacharjee": a given name that
	 * is also a month, a day or a word of the non-names list, capitalised right before a
	 * capitalised surname no dictionary knows; not after a word that makes it a date ("in June
	 * Whitaker was", "on Sunday Smith called", "last June Ross") */
	static const char *const when[] = {"last", "next", "this", "every", "each", "until", "till", "since",
					   "dernier", "prochain", "ce", "chaque", NULL};
	const uint32_t wordish = LX_MONTH | LX_DAY | LX_NOTNAME;
	if ((p->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && (p->f & TK_WORD) && tk_len(c, i - 1) >= 3 &&
	    (p->lex & LX_GIVEN) && (p->lex & wordish) &&
	    !(p->lex & ((NOT_A_NAME & ~wordish) | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY | LX_SIGNOFF |
			LX_INTRO)) &&
	    (c->tk[i].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && !(c->tk[i].lex & LX_WORD) &&
	    (c->tk[i].lex & (LX_PATR | LX_HN)) &&
	    /* "When Noah": a word opening a sentence has its capital from there */
	    !((p->lex & LX_WORD) && tk_sentence_start(c, i - 1)) &&
	    (i < 2 || !(c->tk[i - 2].f & TK_WORD) ||
	     !((c->tk[i - 2].lex & (LX_STOPFR | LX_STOPEN | LX_LOCPREP | LX_DURATION)) || tk_eq_any(c, i - 2, when))))
		return i - 1;
	/* "Delroy Samuels": a capitalised word no list knows, before a surname no dictionary
	 * knows; "Mercy Osei": a given name that is also a town, the same */
	int strong = !(c->tk[i].lex & LX_WORD) && (c->tk[i].lex & (LX_PATR | LX_HN)) && tk_len(c, i - 1) >= 3 &&
		     (p->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP &&
		     (p->lex == 0 || ((p->lex & LX_GIVEN) && !(p->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR |
									   LX_STOPEN | LX_REGION))));
	if (!strong &&
	    ((p->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || !(p->lex & LX_GIVEN) ||
	     (p->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_REGION)) ||
	     tk_len(c, i - 1) < 2 || (i >= 2 && tk_ch(c, i - 2, '#'))))
		return i;
	/* "When Mason was", "Since Ava": a capital only because the sentence starts there */
	if ((p->lex & LX_WORD) && !(p->lex & (LX_CAPEN | LX_PRN)) && tk_sentence_start(c, i - 1))
		return i;
	/* "Tell Sue I'll bring soup": a verb that takes a person, opening the sentence */
	if (tk_lex2(c, i - 1, LX2_PVERB) && !(p->lex & LX_PRN) && tk_sentence_start(c, i - 1))
		return i;
	/* "Marie-Claude Lebrun": the first half of a compound given name */
	size_t f = i - 1;
	while (f >= 2 && tk_ch(c, f - 1, '-') && tk_glued(c, f - 2) && tk_glued(c, f - 1) &&
	       (c->tk[f - 2].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) == TK_CAP && (c->tk[f - 2].lex & LX_GIVEN))
		f -= 2;
	return f;
}

/* "Harris, Julie", "Roberts, Gary": a given name (tokens i..j) right after a surname already
 * found and a comma is the same person written surname first. Adds the whole span; the
 * longer span wins over both parts when overlaps are resolved. */
void pn_join_inverted(struct pctx *c, size_t i, size_t j)
{
	if (i < 2 || c->n_sp == 0 || !tk_ch(c, i - 1, ',') || !(c->tk[i].f & TK_SP) || (c->tk[i].f & TK_NL))
		return;
	const struct ent_priv_span *last = &c->sp[c->n_sp - 1];
	const struct ptok *a = &c->tk[i - 2];
	/* "merci à : Dr Faure, Nadège la puéricultrice": a surname after a title heads a list */
	size_t f0 = priv_tok_at(c, last->start);
	if (f0 > 0 && (c->tk[f0 - 1].lex & LX_TITLE))
		return;
	/* "Name Okonkwo-Baptiste, Daniel": a compound surname found whole, then a given name */
	if (last->type == ENT_PRIV_NAME && last->end == a->e && last->start < a->s && j == i &&
	    memchr(c->t + last->start, '-', last->end - last->start) && (c->tk[i].lex & (LX_PRN | LX_FIRSTNAME)) &&
	    /* not a compound given name in a list: "Bonjour Jean-Marc, Sophie, ..." */
	    !(c->tk[priv_tok_at(c, last->start)].lex & (LX_PRN | LX_FIRSTNAME)) &&
	    !(tk_eq(c, i + 1, "et") || tk_eq(c, i + 1, "and") || tk_ch(c, i + 1, '&'))) {
		priv_add(c, last->start, c->tk[j].e, ENT_PRIV_NAME, last->confidence, "name_inverted");
		return;
	}
	/* "PATEL, Ravi Kumar": a surname in capitals before a capitalised name says the order;
	 * else one given name that hunspell knows ("Harris, Julie") */
	int caps = (a->f & TK_ALLCAP) && !c->shout && (c->tk[i].lex & LX_GIVEN) && !(c->tk[i].f & TK_ALLCAP);
	if (!caps && (j != i || !(c->tk[i].lex & (LX_PRN | LX_FIRSTNAME))))
		return;
	if (last->type != ENT_PRIV_NAME || last->start != a->s || last->end != a->e ||
	    !(a->f & TK_CAP) || !(a->lex & (LX_PATR | LX_HN)) || (a->lex & (LX_PRN | LX_FIRSTNAME)))
		return;
	/* "Martin, Julie et Paul": a list of first names, not one person */
	if (tk_eq(c, i + 1, "et") || tk_eq(c, i + 1, "and") || tk_ch(c, i + 1, '&'))
		return;
	priv_add(c, a->s, c->tk[j].e, ENT_PRIV_NAME, last->confidence, "name_inverted");
}

/* "J.M.", "A.-C.": two or three initials glued with periods from token i. Returns the last
 * token (the final period) or 0. */
static size_t initials_run(const struct pctx *c, size_t i)
{
	size_t k = i, n = 0, last = 0;
	while (n < 3 && tk_len(c, k) == 1 && (c->tk[k].f & TK_CAP) && !(c->tk[k].f & TK_CLAIMED) &&
	       tk_ch(c, k + 1, '.') && tk_glued(c, k)) {
		n++;
		last = k + 1;
		size_t m = k + 2;
		if (!tk_glued(c, k + 1))
			break;
		if (tk_ch(c, m, '-') && tk_glued(c, m))
			m++;
		if (!(tk_len(c, m) == 1 && tk_is(c, m, TK_CAP)))
			break;
		k = m;
	}
	return n >= 2 ? last : 0;
}

/* A patient's initials after a title or a field word: "pt J.M. 8yo", "Mme A.-C. 45 ans". */
int pn_initials_name(struct pctx *c, size_t i)
{
	static const char *const fields[] = {"pt", "patient", "patiente", "pat", "nom", "name", "enfant",
					     "child", "bebe", "baby", "mr", "mrs", "ms", "mme", "m", "dr",
					     "mlle", NULL};
	if (tk_len(c, i) != 1 || !(c->tk[i].f & TK_CAP) || !tk_ch(c, i + 1, '.'))
		return 0; /* most tokens stop here */
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX || !tk_eq_any(c, p, fields)) {
		/* "J.-M. (mon mari) a fait un AVC": two initials, then a relative in brackets (three
		 * are an acronym: "A.V.C. (ma mère)") */
		size_t r = initials_run(c, i), letters = 0;
		for (size_t k = i; r && k <= r; k++)
			letters += tk_len(c, k) == 1 && tk_is(c, k, TK_ALPHA);
		if (!r || letters != 2 || (i > 0 && tk_ch(c, i - 1, '.') && tk_glued(c, i - 1)) || !tk_ch(c, r + 1, '(') || !pn_possessive(c, r + 2) ||
		    !tk_lex(c, r + 3, LX_KIN) || tk_lex(c, r + 3, LX_STOPFR | LX_STOPEN))
			return 0;
		priv_add_tok(c, i, r, ENT_PRIV_NAME, 0.8f, "name_context");
		return (int)(r - i) + 1;
	}
	size_t e = initials_run(c, i);
	/* one initial after "patient": "Le patient K. du box 2" */
	if (!e && !tk_is(c, i + 2, TK_CAP) && tk_glued(c, i) &&
	    (tk_eq(c, p, "patient") || tk_eq(c, p, "patiente") || tk_eq(c, p, "pt")))
		e = i + 1;
	if (!e)
		return 0;
	/* "Dr J.-P. Martin": the surname after the initials */
	if (tk_is(c, e + 1, TK_CAP) && tk_is(c, e + 1, TK_ALPHA) && !tk_is(c, e + 1, TK_DIGIT) &&
	    (c->tk[e + 1].f & TK_SP) && !(c->tk[e + 1].f & TK_NL) && tk_free(c, e + 1) &&
	    !(c->tk[e + 1].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) &&
	    ((c->tk[e + 1].lex & (LX_GIVEN | LX_PATR)) || !(c->tk[e + 1].lex & LX_WORD)))
		e = pn_extend(c, e + 1, 1);
	priv_add_tok(c, i, e, ENT_PRIV_NAME, 0.8f, "name_title");
	return (int)(e - i) + 1;
}

/* "Okonkwo, Chidinma", "Rahman, Mohammed Abdul", "Ruiz, Maria Elena": a surname no dictionary
 * knows, a comma and a hunspell first name (and maybe a second given name), not a list. */
int pn_surname_comma_given(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	size_t g = i + 2;
	/* (first what most words lack: a capital, a comma glued after) */
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || !tk_ch(c, i + 1, ','))
		return 0;
	/* "Invited: Harris, Julie; Patel, Ravi; Thompson, Claire": in a list of people separated
	 * by semicolons, a surname or a given name that is also a word ("Shah", "ravi") */
	int semi = (i > 0 && tk_ch(c, i - 1, ';')) || tk_ch(c, g + 1, ';');
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY | LX_REGION |
		       (semi && (t->lex & (LX_PATR | LX_HN)) ? 0 : LX_WORD);
	if (tk_len(c, i) < 3 || (t->lex & bad) ||
	    !((t->lex & (LX_PATR | LX_HN)) || t->lex == 0) || (t->lex & LX_PRN) || !tk_ch(c, i + 1, ',') ||
	    !tk_glued(c, i))
		return 0;
	/* "Consultant: Okafor, C.": a surname no list calls a word, a comma and an initial */
	if (g + 1 < c->n_tk && tk_len(c, g) == 1 && (c->tk[g].f & TK_CAP) && (c->tk[g].f & TK_SP) &&
	    tk_ch(c, g + 1, '.') && tk_glued(c, g) && !(t->lex & LX_WORD) && (t->lex & (LX_PATR | LX_HN)) &&
	    !tk_is(c, g + 2, TK_CAP))
		return 3 + 1;
	if (g >= c->n_tk || (c->tk[g].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) != TK_CAP || !(c->tk[g].f & TK_SP) ||
	    !((c->tk[g].lex & LX_PRN) || ((c->tk[g].lex & LX_HN) && (!(c->tk[g].lex & LX_WORD) || semi))) ||
	    (c->tk[g].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)))
		return 0;
	size_t e = g;
	if (tk_is(c, g + 1, TK_CAP) && !tk_is(c, g + 1, TK_ALLCAP) && (c->tk[g + 1].f & TK_SP) &&
	    (c->tk[g + 1].lex & LX_GIVEN) && !(c->tk[g + 1].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)))
		e = g + 1;
	/* "Martin, Julie et Paul", "Harris, Julie; Patel" is joined elsewhere: not a list */
	if (tk_eq(c, e + 1, "et") || tk_eq(c, e + 1, "and") || tk_ch(c, e + 1, '&') ||
	    (tk_ch(c, e + 1, ',') && tk_is(c, e + 2, TK_CAP) && (c->tk[e + 2].lex & LX_PRN)))
		return 0;
	return (int)(e - i) + 1;
}
