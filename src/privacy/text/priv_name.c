/*
 * priv_name.c - person names.
 *
 * The lexicons (hunspell-fr first names and surnames, humannames, the hand list of titles and
 * kinship words) say what may be a name; the Debian word lists (wfrench, wamerican, wbritish)
 * say what is an ordinary word; the context decides. A name is reported:
 *   - after a title (Dr, Pr, Mme, M., Mr, Mrs, Nurse...), whatever the word;
 *   - after a relative ("ma fille", "my son"), a greeting at the start of a line ("Bonjour
 *     Julie"), a self-introduction ("je m'appelle", "my name is") or as a signature, when the
 *     word is a known name or no ordinary word - lowercase and accent-less ones included
 *     ("ma fille chloe");
 *   - alone, when capitalised and a known first name or surname that is no ordinary word
 *     (a first name from hunspell that is also a word, "Pierre", counts mid-sentence).
 * Eponymous diseases and signs (Crohn, Parkinson, "syndrome de Down"), months, days and the
 * hand list of non-names never count without a title. First and last names make one span.
 */
#include <string.h>
#include <strings.h>

#include "privacy/text/priv_text.h"

#define NOT_A_NAME (LX_MONTH | LX_DAY | LX_NOTNAME | LX_REGION | LX_TITLE | LX_KIN | LX_HOSP | \
		    LX_HOSP_EN | LX_GREET | LX_STREET | LX_MEDCTX)

/* English auxiliaries that are also given names: lowercase after "my son" they are verbs. */
static const char *const aux_verbs[] = {"will", "can", "may", "might", "would", "could", "should",
					"shall", "must", "did", "does", "had", "has", "was", "is",
					"got", "gets", "won", NULL};

static int possessive(const struct pctx *c, size_t i)
{
	static const char *const w[] = {"ma", "mon", "mes", "my", "our", "notre", "nos", "sa", "son",
					"ses", "his", "her", "their", "ta", "ton", "tes", "your",
					"votre", "vos", "leur", "leurs", "la", "le", "l", "the",
					"cette", "ce", "this", "que", "petit", "petite", "grand",
					"grande", "little", "big", "cher", "chere", "dear", "best",
					"meilleure", "meilleur", "eldest", "youngest", "older",
					"younger", "ainee", "aine", "cadet", "cadette", "new",
					"nouveau", "nouvelle", "mum", "mom", "dad", "mn", "mes", "ptit",
					"ptite", "p'tit", "p'tite", NULL};
	return tk_eq_any(c, i, w) || tk_apos(c, i);
}

/* An eponym used as such: "maladie de Crohn", "Crohn's disease", "syndrome de Down". */
static int eponym_use(const struct pctx *c, size_t i)
{
	if (c->tk[i].lex & LX_EPONYM)
		return 1;
	/* the second half of a double eponym: "syndrome de Mallory-Weiss" */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
	    (c->tk[i - 2].f & TK_WORD) && eponym_use(c, i - 2))
		return 1;
	/* a first name next to "maladie de" is the person's ("la maladie de Léa"), unless it is
	 * half of a double eponym ("syndrome de Mallory-Weiss") */
	if ((c->tk[i].lex & LX_PRN) && !(tk_ch(c, i + 1, '-') && tk_glued(c, i) && tk_is(c, i + 2, TK_CAP)))
		return 0;
	size_t pk = tk_prev_word(c, i, 1);
	if (pk != SIZE_MAX && tk_lex(c, pk, LX_KIN) && !tk_lex(c, pk, LX_MEDCTX))
		return 0; /* "my son Thabo's fracture": the relative says it is a person */
	size_t n = tk_next_word(c, i, 2);
	if (n < c->n_tk && tk_eq(c, n, "s") && tk_apos(c, i + 1) && tk_glued(c, i))
		n = tk_next_word(c, n, 0); /* "Bell's palsy", "Graves' disease" */
	if (n < c->n_tk && tk_lex(c, n, LX_MEDCTX))
		return 1;
	size_t p = tk_prev_word(c, i, 1);
	if (p != SIZE_MAX && tk_lex(c, p, LX_MEDCTX))
		return 1;
	if (p != SIZE_MAX && (tk_eq(c, p, "de") || tk_eq(c, p, "d") || tk_eq(c, p, "of"))) {
		size_t p2 = tk_prev_word(c, p, 1);
		if (p2 != SIZE_MAX && tk_lex(c, p2, LX_MEDCTX))
			return 1;
	}
	return 0;
}

static int pet_before(const struct pctx *c, size_t i)
{
	static const char *const w[] = {"chien", "chienne", "chat", "chatte", "chiot", "chaton",
					"lapin", "hamster", "cheval", "dog", "cat", "puppy", "kitten",
					"pony", "poney", "perroquet", "parrot", "doudou", "peluche",
					"teddy", NULL};
	size_t p = tk_prev_word(c, i, 1);
	return p != SIZE_MAX && tk_eq_any(c, p, w);
}

/* When the context says a name is expected: is token i one? */
static int name_like_ctx(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || (c->tk[i].f & (TK_CLAIMED | TK_DIGIT)) || !(c->tk[i].f & TK_ALPHA))
		return 0;
	uint32_t f = c->tk[i].lex;
	/* "my cousin Devon", "notre petite Lourdes": a region or a town that is also a given
	 * name is the person when the context says a name comes */
	int place_name = (c->tk[i].f & TK_CAP) && !(c->tk[i].f & TK_ALLCAP) && (f & (LX_HN | LX_PRN)) &&
			 !(f & NOT_A_NAME & ~(uint32_t)LX_REGION);
	if ((f & NOT_A_NAME) && !(f & LX_PRN) && !place_name)
		return 0;
	if ((f & (LX_STOPFR | LX_STOPEN)) && !(f & LX_PRN))
		return 0;
	/* a month is a name only when it is also a given name and no number follows: "my wife
	 * June", "ma fille Avril", but not "June 2021" */
	int month_name = (f & LX_MONTH) && (f & (LX_GIVEN | LX_PRN)) && !tk_is(c, tk_next_word(c, i, 1), TK_DIGIT);
	if ((f & (LX_MONTH | LX_DAY)) && !month_name)
		return 0;
	if (eponym_use(c, i))
		return 0;
	if (c->tk[i].f & TK_CAP)
		return (f & (LX_GIVEN | LX_PATR)) || !(f & LX_WORD);
	if (tk_len(c, i) < 3)
		return 0;
	/* lowercase: "ma fille lea" (lea is an English word, not a French one), but not "my son
	 * will be 5" */
	if (tk_eq_any(c, i, aux_verbs))
		return 0;
	if (month_name)
		return 1;
	/* "mon pote tidiane": a lowercase word no list knows at all */
	if (f == 0 && tk_len(c, i) >= 4)
		return 1;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	return (f & (LX_GIVEN | LX_PATR)) && !(f & word);
}

/* "ma ptite jade", "mon petit loulou": a possessive and a diminutive right before. */
static int diminutive_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX || !(tk_eq(c, p, "ptite") || tk_eq(c, p, "ptit") || tk_eq(c, p, "petite") ||
			       tk_eq(c, p, "petit") || tk_eq(c, p, "little")))
		return 0;
	size_t q = tk_prev_word(c, p, 1);
	return q != SIZE_MAX && (tk_eq(c, q, "ma") || tk_eq(c, q, "mon") || tk_eq(c, q, "notre") ||
				 tk_eq(c, q, "my") || tk_eq(c, q, "our"));
}

/* After a title, almost any word is the name: "Dr House", "Dr Rose", "dr martin". */
static int name_like_title(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || (c->tk[i].f & (TK_CLAIMED | TK_DIGIT)) || !(c->tk[i].f & TK_ALPHA))
		return 0;
	uint32_t f = c->tk[i].lex;
	if (f & (LX_MONTH | LX_DAY | LX_TITLE | LX_STOPFR | LX_STOPEN | LX_HOSP | LX_KIN))
		return (c->tk[i].f & TK_CAP) && (f & (LX_GIVEN | LX_PATR)) && !(f & (LX_STOPFR | LX_STOPEN));
	if (c->tk[i].f & TK_CAP)
		return !(f & LX_NOTNAME);
	return !(f & LX_WORD) || (f & (LX_GIVEN | LX_PATR));
}

/* "N'Diaye", "O'Brien", "D'Souza": one capital letter glued by an apostrophe to a name. */
static int letter_apos_name(const struct pctx *c, size_t i)
{
	return tk_len(c, i) == 1 && (c->tk[i].f & TK_CAP) && tk_glued(c, i) && tk_apos(c, i + 1) &&
	       tk_glued(c, i + 1) && tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2);
}

/* Confidence that a capitalised word with no context is a name (0: it is not). */
static float name_alone(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	/* lowercase, no context: a hunspell first name that no dictionary knows ("chloe", "enzo") */
	if ((t->f & TK_LOWER) && !(t->f & (TK_DIGIT | TK_CLAIMED)) && tk_len(c, i) >= 3 &&
	    (t->lex & LX_PRN) && !(t->lex & (LX_WORD | LX_NOTNAME | LX_STOPFR | LX_STOPEN | LX_MONTH |
					    LX_DAY | LX_TOWN | LX_CITY | LX_EPONYM | LX_KIN)) &&
	    !(i > 0 && tk_glued(c, i - 1) && (tk_ch(c, i - 1, '#') || tk_ch(c, i - 1, '@') ||
					      tk_ch(c, i - 1, '/') || tk_ch(c, i - 1, '.'))) &&
	    (!tk_glued(c, i) || (tk_apos(c, i + 1) && tk_eq(c, i + 2, "s"))))
		return 0.5f;
	if (!(t->f & TK_CAP) || (t->f & (TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3)
		return 0;
	uint32_t f = t->lex;
	/* "Doreen's op went ahead": a given name no dictionary knows, with a possessive */
	if ((f & LX_HN) && !(f & (LX_WORD | NOT_A_NAME | LX_TOWN | LX_CITY | LX_EPONYM)) &&
	    tk_glued(c, i) && tk_apos(c, i + 1) && tk_eq(c, i + 2, "s") && !eponym_use(c, i))
		return 0.6f;
	/* "The woman in the next bed, Doreen, is 96": a given name set off by commas */
	if ((f & LX_HN) && !(f & (LX_WORD | NOT_A_NAME | LX_TOWN | LX_CITY | LX_EPONYM)) && i > 0 &&
	    tk_ch(c, i - 1, ',') && tk_ch(c, i + 1, ','))
		return 0.6f;
	if (f & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_NPR))
		if (!((f & LX_PRN) && !(f & (NOT_A_NAME | LX_EPONYM))))
			return 0;
	if (eponym_use(c, i) || pet_before(c, i))
		return 0;
	/* the second word of a capitalised brand or title: "Freestyle Libre", "Diabetes UK" */
	if (i > 0 && (c->tk[i - 1].f & TK_CAP) && (c->tk[i - 1].f & TK_WORD) && tk_glued(c, i - 1) == 0 &&
	    !(c->tk[i - 1].lex & (LX_GIVEN | LX_PATR | LX_TITLE | LX_GREET | LX_KIN)) &&
	    !tk_sentence_start(c, i - 1) && !(c->tk[i - 1].f & TK_CLAIMED))
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
		static const char *const verbs[] = {"est", "a", "va", "fait", "etait", "avait", "dit",
						    "m", "me", "is", "was", "has", "had", "says", "said",
						    "went", "got", "told", "came", "and", "et", "cried",
						    "pleure", "dort", "sleeps", "arrived", "died", "turned",
						    "turns", "loves", "needs", "wants", "started", "starts",
						    "seems", "looks", "looked", "woke", "slept", "smiled",
						    "walked", "asked", "from", NULL};
		size_t n1 = i + 1;
		if (tk_eq(c, n1, "a") && c->t[c->tk[n1].s] != 'a' && c->t[c->tk[n1].s] != 'A' && (f & LX_WFR))
			return 0; /* "Pense à", "Grâce à", "Mise à jour" */
		if (tk_ch(c, n1, '(') || (tk_ch(c, n1, ',') && (f & LX_PRN)) ||
		    (tk_ch(c, n1, ':') && (f & (LX_PRN | LX_FIRSTNAME)) && !(f & LX_NOTNAME)))
			return 0.55f; /* "Julien (papa de Lou) :", "Chloé, 15 ans", "Marc : ça va ?" */
		/* a bare noun rarely opens a sentence: "Claire pense que", "Jules tousse" */
		if ((f & LX_PRN) && c->lang == ENT_PRIV_FR && n1 < c->n_tk && (c->tk[n1].f & TK_LOWER) &&
		    (c->tk[n1].f & TK_SP) && !tk_eq_any(c, n1, (const char *const[]){"le", "la", "les", "l", "un",
										   "une", "the", NULL}) &&
		    !tk_eq(c, n1, "de") && !tk_eq(c, n1, "d") && !tk_eq(c, n1, "du") && !tk_eq(c, n1, "des") &&
		    !tk_eq(c, n1, "of") && !(c->tk[n1].lex & LX_MEDCTX))
			return 0.5f;
		size_t n = tk_next_word(c, i, 0);
		if (c->lang == ENT_PRIV_EN && (f & LX_WEN) && !(f & LX_CAPEN) && c->t[t->e - 1] == 's')
			n = c->n_tk; /* "Fingers went white": a plural noun, not a name */
		/* "Sue from the discharge lounge", but "Rose from my bed" is the verb */
		if (n < c->n_tk && tk_eq_any(c, n, verbs) && !tk_glued(c, i) &&
		    !(tk_eq(c, n, "from") && tk_eq_any(c, tk_next_word(c, n, 0), (const char *const[]){
			    "my", "our", "his", "her", "their", "your", NULL})))
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
	    !((f & LX_WORD) && tk_is(c, i + 1, TK_NUM)) && /* "Ward 12", "Bed 4" */
	    !((f & LX_WORD) && tk_eq_any(c, tk_prev_word(c, i, 1), (const char *const[]){
		"m", "am", "is", "are", "was", "be", "so", "very", "feel", "feeling", "too", "not", NULL})) &&
	    (i == 0 || !tk_is(c, i - 1, TK_PUNCT) || tk_ch(c, i - 1, ',') || tk_ch(c, i - 1, '(')) &&
	    !(i > 0 && tk_is(c, i - 1, TK_CAP) && !(c->tk[i - 1].lex & LX_GIVEN)))
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
static int breton_ch(const struct pctx *c, size_t j)
{
	return j + 2 < c->n_tk && tk_glued(c, j) && tk_apos(c, j + 1) && tk_glued(c, j + 1) &&
	       tk_eq(c, j + 2, "h") && c->t[c->tk[j].e - 1] == 'c' &&
	       !(tk_glued(c, j + 2) && tk_is(c, j + 3, TK_WORD));
}

/* Extends a name over the next words: "Eugénie André", "Jean-Pierre DUPONT", "Claire D.",
 * "Marie de La Fontaine". Returns the last token of the name. */
static size_t extend(const struct pctx *c, size_t j, int strong)
{
	for (;;) {
		size_t k = j + 1;
		if (k >= c->n_tk)
			break;
		if (breton_ch(c, j)) {
			j += 2;
			continue;
		}
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k) && tk_is(c, k + 1, TK_ALPHA) &&
		    tk_free(c, k + 1) && (c->tk[k + 1].f & (TK_CAP | TK_ALLCAP)) && !(c->tk[k + 1].lex & LX_STOPFR)) {
			j = k + 1;
			continue;
		}
		/* "Byung-hun Choi", "Ji-woo": a short lowercase syllable after a hyphen */
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k) && tk_is(c, k + 1, TK_LOWER) &&
		    tk_free(c, k + 1) && tk_len(c, k + 1) >= 2 && tk_len(c, k + 1) <= 4 && tk_len(c, j) <= 6 &&
		    (c->tk[j].f & TK_CAP) && !tk_glued(c, k + 1) && !(c->tk[k + 1].lex & (LX_WORD | LX_STOPFR | LX_STOPEN))) {
			j = k + 1;
			continue;
		}
		/* O'Brien, D'Angelo: one-letter prefix glued by an apostrophe */
		if (tk_apos(c, k) && tk_len(c, j) == 1 && (c->tk[j].f & TK_CAP) && tk_glued(c, j) &&
		    tk_glued(c, k) && tk_is(c, k + 1, TK_CAP) && tk_free(c, k + 1)) {
			j = k + 1;
			continue;
		}
		/* "Dolores "Dee" Kowalski": a nickname in quotes inside the name */
		if (tk_ch(c, k, '"') && k + 3 < c->n_tk && (c->tk[k].f & TK_SP) && tk_glued(c, k) &&
		    tk_is(c, k + 1, TK_CAP) && tk_ch(c, k + 2, '"') && tk_glued(c, k + 1) &&
		    tk_is(c, k + 3, TK_CAP) && (c->tk[k + 3].f & TK_SP) && tk_free(c, k + 3) &&
		    ((c->tk[k + 3].lex & (LX_PATR | LX_HN)) || c->tk[k + 3].lex == 0) &&
		    !(c->tk[k + 3].lex & (NOT_A_NAME | LX_WORD))) {
			j = k + 3;
			continue;
		}
		if ((c->tk[k].f & (TK_PUNCT | TK_NL | TK_CLAIMED)) || !(c->tk[k].f & TK_SP))
			break;
		/* "Niamh O'Donoghue": a D'/O'/N' surname after the given name */
		if (letter_apos_name(c, k)) {
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
		if (strong && (f & LX_MONTH) && (f & (LX_PRN | LX_HN)) && (c->tk[k].f & TK_CAP) &&
		    !tk_is(c, tk_next_word(c, k, 1), TK_DIGIT) && (c->tk[j].f & TK_CAP)) {
			j = k; /* "Dr Vo Thi Mai" */
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
		/* lowercase surname after a lowercase first name: "chloe martin" */
		/* ... in a text written in capitals, a surname that is also a word: "ROBERT MARTIN" */
		uint32_t lang_word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
		if ((c->tk[k].f & TK_LOWER) && (c->tk[j].f & TK_LOWER) &&
		    (((f & (LX_PATR | LX_GIVEN)) && !(f & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) &&
		      (!(f & lang_word) || c->shout)) ||
		     (c->shout && strong && f == 0)) &&
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
		static const char *const part[] = {"de", "du", "do", "ap", "ibn", "abu", "binti", "van", "von", "der", "den", "da", "di",
						   "del", "della", "ben", "bin", "el", "al", "le", "la",
						   "mac", "mc", "ter", "ten", "dos", "das", NULL};
		if (tk_eq_any(c, k, part) && k + 1 < c->n_tk) {
			/* "de La Roche-Aymon", "van der Berg": two particles */
			size_t m = k + 1;
			if (tk_eq_any(c, m, part) && (c->tk[m].f & TK_SP) && m + 1 < c->n_tk)
				m++;
			uint32_t fm = c->tk[m].lex;
			/* "de Saint-Exupéry": Saint opens a compound surname */
			if ((tk_eq(c, m, "saint") || tk_eq(c, m, "sainte")) && tk_ch(c, m + 1, '-') && tk_glued(c, m))
				fm &= ~(uint32_t)NOT_A_NAME;
			/* after two particles a town's name is a family's: "de La Roche" */
			uint32_t place = m > k + 1 ? LX_REGION | LX_CITY : LX_TOWN | LX_REGION | LX_CITY;
			if ((c->tk[m].f & TK_CAP) && (c->tk[m].f & TK_SP) && tk_free(c, m) &&
			    !(c->tk[m].f & TK_DIGIT) && ((fm & (LX_PATR | LX_HN)) || !(fm & LX_WORD)) &&
			    !(fm & (NOT_A_NAME | place))) {
				j = m;
				continue;
			}
		}
		break;
	}
	return j;
}

/* Title just before token i ("Dr", "Dr.", "M.", "Mme", "Nurse")? */
static int title_before(const struct pctx *c, size_t i)
{
	size_t p = i;
	if (p > 0 && tk_ch(c, p - 1, '.'))
		p--;
	/* "Dr J. Martin": skip one initial */
	if (p >= 3 && tk_len(c, p - 1) == 1 && (c->tk[p - 1].f & TK_CAP) && tk_glued(c, p - 1) &&
	    p == i - 1 && ((c->tk[p - 2].f & TK_WORD) && (c->tk[p - 2].lex & LX_TITLE)))
		p--;
	if (p == 0)
		return 0;
	size_t t = p - 1;
	/* "Mme Hélène Kergoat née Le Floc'h": a maiden name after "née" / "épouse" */
	if (p == i && (tk_eq(c, t, "nee") || tk_eq(c, t, "epouse") || tk_eq(c, t, "ep")) &&
	    (c->tk[i].f & TK_CAP) && (c->tk[i].f & TK_SP))
		return 1;
	if (!(c->tk[t].f & TK_WORD) || !(c->tk[t].lex & LX_TITLE))
		return 0;
	if ((c->tk[t].f & TK_ALLCAP) && !tk_eq(c, t, "dr"))
		return 0; /* "MS", "ME" are diseases here */
	if (tk_eq(c, t, "m") || tk_eq(c, t, "me"))
		return (c->tk[t].f & TK_CAP) && (p < i || tk_eq(c, t, "me")) && (c->tk[i].f & TK_CAP);
	if (c->tk[t].f & TK_CAP)
		return 1;
	/* SMS "pr" is "pour": "c bon pr demain"; a lowercase name after it must be no word */
	if (tk_eq(c, t, "pr") && (c->tk[i].f & TK_LOWER) && (c->tk[i].lex & LX_WORD))
		return 0;
	static const char *const low[] = {"dr", "pr", "docteur", "doctor", "professeur", "mme",
					  "mr", "mrs", "ms", "mlle", "madame", "monsieur", "doc",
					  NULL};
	return tk_eq_any(c, t, low);
}

/* "tell aunty maria", "its auntie bisi": a lowercase name after a relative word used as a
 * title, when the name is a hunspell first name or no word of the text's language. */
static int kin_title_lower(const struct pctx *c, size_t i)
{
	size_t p = i > 0 ? i - 1 : SIZE_MAX;
	if (p == SIZE_MAX || !(c->tk[p].lex & LX_KIN) || !(c->tk[i].f & TK_LOWER))
		return 0;
	if (p + 1 == i && (c->tk[i].f & TK_LOWER) && (c->tk[i].f & TK_SP) && tk_len(c, i) >= 3 &&
	    tk_eq_any(c, p, (const char *const[]){"aunty", "auntie", "aunt", "uncle", "tonton", "tata",
						  "tatie", "mamie", "papi", "papy", "mamy", "pepe", "meme",
						  "nan", "nana", "nanna", "grandma", "grandpa", "granny",
						  "grandad", "cousin", "cousine", "tante", "oncle", NULL}) &&
	    ((c->tk[i].lex & LX_PRN) ||
	     (((c->tk[i].lex & LX_HN) || c->tk[i].lex == 0) && !(c->tk[i].lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)))) &&
	    !(c->tk[i].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) && !tk_eq_any(c, i, aux_verbs))
		return 1;
	return 0;
}

/* Relative or colleague just before ("ma fille Chloé", "my son, Jack", "mon mari (Rémi)"). */
static int kin_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 2);
	/* "la maman de Timéo", "le papa d'Adam" */
	if (p != SIZE_MAX && (tk_eq(c, p, "de") || tk_eq(c, p, "d")) && (c->tk[i].f & TK_CAP)) {
		size_t q = tk_prev_word(c, p, 0);
		if (q != SIZE_MAX && (c->tk[q].lex & LX_KIN) && !(c->tk[q].lex & LX_WORD & 0) &&
		    (tk_eq(c, q, "maman") || tk_eq(c, q, "papa") || tk_eq(c, q, "mere") ||
		     tk_eq(c, q, "pere") || tk_eq(c, q, "parents") || tk_eq(c, q, "mamie") ||
		     tk_eq(c, q, "fille") || tk_eq(c, q, "fils") || tk_eq(c, q, "soeur") ||
		     tk_eq(c, q, "frere") || tk_eq(c, q, "femme") || tk_eq(c, q, "mari")))
			return 1;
	}
	if (p == SIZE_MAX || !(c->tk[p].lex & LX_KIN))
		return 0;
	/* "Auntie Pam", "Baby Noah", "Mamie Jeanne": a relative word used as a title */
	if (p + 1 == i && (c->tk[i].f & TK_CAP) && (c->tk[i].f & TK_SP) &&
	    ((c->tk[i].lex & LX_GIVEN) ||
	     (c->tk[i].lex == 0 && !(c->tk[i].f & TK_ALLCAP) && !(c->tk[p].lex & (LX_STOPFR | LX_STOPEN)))))
		return 1; /* ... "tonton Driss", but not "son AVC" */
	for (size_t k = p + 1; k < i; k++)
		if (!(tk_ch(c, k, ',') || tk_ch(c, k, '(') || tk_ch(c, k, ':')))
			return 0;
	size_t pp = p > 0 ? p - 1 : SIZE_MAX;
	if (pp != SIZE_MAX && (c->tk[pp].f & TK_WORD) && (c->tk[pp].lex & LX_KIN) && !possessive(c, pp))
		pp = pp > 0 ? pp - 1 : SIZE_MAX; /* "ma petite fille", "grand mere", not "son fils" */
	if (pp != SIZE_MAX && pp > 0 && !possessive(c, pp) && (c->tk[pp].f & TK_LOWER) &&
	    !(c->tk[pp].f & TK_DIGIT) && tk_len(c, pp) >= 3 && (c->tk[pp].f & TK_SP) &&
	    !(c->tk[pp].lex & (LX_STOPFR | LX_STOPEN)) && (c->tk[pp - 1].f & TK_WORD) &&
	    possessive(c, pp - 1) && !tk_apos(c, pp - 1))
		pp--; /* "our health visitor", "my support worker", "mon kiné" */
	return pp != SIZE_MAX && possessive(c, pp);
}

/* "mon fils aime le foot", "ma fille adore les chats": a lowercase first name that is also a
 * word of the text's language, followed by an article or an adverb, is the verb. */
static int verb_like(const struct pctx *c, size_t i)
{
	static const char *const next_fr[] = {"le", "la", "les", "l", "un", "une", "des", "du", "pas",
					      "bien", "trop", "beaucoup", "plus", "tout", NULL};
	static const char *const next_en[] = {"the", "a", "an", "it", "her", "him", "them", "me",
					      "not", "so", NULL};
	int en = c->lang == ENT_PRIV_EN;
	return (c->tk[i].f & TK_LOWER) && (c->tk[i].lex & (en ? LX_WEN : LX_WFR)) &&
	       tk_eq_any(c, i + 1, en ? next_en : next_fr) && (c->tk[i + 1].f & TK_SP);
}

/* "my son hunter has ADHD", "ma fille ambre a 3 ans": a lowercase given name that is also an
 * ordinary word, right after a relative and right before a verb. */
static int kin_word_name(const struct pctx *c, size_t i)
{
	static const char *const verbs_en[] = {"is", "was", "has", "had", "and", "gets", "got",
					       "turned", "turns", "starts", "started", "goes", "went",
					       "loves", "needs", NULL};
	static const char *const verbs_fr[] = {"a", "est", "etait", "avait", "et", "va", "fait",
					       "aura", "vient", NULL};
	const char *const *verbs = c->lang == ENT_PRIV_EN ? verbs_en : verbs_fr;
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !(t->lex & (LX_PRN | LX_HN)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_MONTH | LX_DAY | LX_KIN)) ||
	    tk_eq_any(c, i, aux_verbs) || i == 0 || !(c->tk[i - 1].lex & LX_KIN) || !(t->f & TK_SP))
		return 0;
	size_t n = i + 1;
	if (n >= c->n_tk || !(c->tk[n].f & TK_SP) || !tk_eq_any(c, n, verbs))
		return 0;
	if (tk_eq(c, n, "a") && c->t[c->tk[n].s] != 'a')
		return 0; /* "l'anesthésiste passe à 17h": the preposition */
	return i >= 2 && (possessive(c, i - 2) || ((c->tk[i - 2].lex & LX_KIN) && i >= 3 && possessive(c, i - 3)));
}

/* "text Chantelle on 07700...", "can u tell ravi?", "remercie Aurélien": a verb that takes a
 * person, then a capitalised word no dictionary knows (or a given name), or a lowercase given
 * name that is no word of the text's language. */
static int person_verb_name(const struct pctx *c, size_t i)
{
	static const char *const verbs[] = {"text", "texted", "call", "called", "ask", "asked", "tell",
					    "told", "thank", "thanked", "ring", "rang", "message",
					    "messaged", "dm", "email", "emailed", "phone", "phoned",
					    "remind", "hug", "hugged", "meet", "met", "remercie",
					    "remercier", "remerciez", "appelle", "appeler", "appelez",
					    "demande", "demander", "demandez", "embrasse", "dis", "dites",
					    "previens", "prevenir", "contacte", "contacter", NULL};
	const struct ptok *t = &c->tk[i];
	if (i == 0 || (t->f & (TK_DIGIT | TK_CLAIMED | TK_ALLCAP)) || tk_len(c, i) < 3 || !(t->f & TK_SP))
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_CITY | LX_REGION;
	if (t->lex & bad)
		return 0;
	int like = (t->f & TK_CAP) ? t->lex == 0 || ((t->lex & LX_GIVEN) && !(t->lex & word))
				   : (t->lex & (LX_PRN | LX_HN)) && !(t->lex & (word | LX_TOWN));
	return like && tk_eq_any(c, i - 1, verbs);
}

/* "Guadalupe (Lupe to everyone)", "Oluwaseun ("Seun")", "Conceição - Sãozinha": a nickname
 * in brackets, quotes or after a dash right after a name already found. */
static int nickname_after_name(const struct pctx *c, size_t i)
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
static int lower_name_pair(const struct pctx *c, size_t i)
{
	const struct ptok *a = &c->tk[i];
	size_t k = i + 1;
	if (k >= c->n_tk || !(a->f & TK_LOWER) || !(c->tk[k].f & TK_LOWER) || !(c->tk[k].f & TK_SP) ||
	    (c->tk[k].f & TK_NL) || tk_len(c, i) < 4 || tk_len(c, k) < 4 || ((a->f | c->tk[k].f) & TK_DIGIT))
		return 0;
	uint32_t bad = LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY;
	return (a->lex & LX_GIVEN) && (c->tk[k].lex & (LX_PATR | LX_HN)) && !((a->lex | c->tk[k].lex) & bad);
}

/* Greeting at the start of a line or after another greeting: "Bonjour Julie", "Hi Jen". */
static int greeting_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX || !(c->tk[p].lex & (LX_GREET)))
		return 0;
	if (tk_eq(c, p, "merci") || tk_eq(c, p, "thanks") || tk_eq(c, p, "bravo") || tk_eq(c, p, "courage"))
		return 1;
	/* "you're reading": the "re" of a contraction is no greeting */
	if (p > 0 && tk_apos(c, p - 1) && tk_glued(c, p - 1))
		return 0;
	/* "@jules_m_hale hey jules": after a handle, as after punctuation */
	return tk_sentence_start(c, p) || (p > 0 && (tk_is(c, p - 1, TK_PUNCT) ||
						     (c->tk[p - 1].f & TK_CLAIMED)));
}

/* "je m'appelle X", "my name is X", "moi c'est X", "I'm X", "signé X". */
static int intro_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX)
		return 0;
	/* form fields: "nom : Belhadj", "Name: Valerie Okafor", "NAME ALBERT FINCH", "Patient
	 * Lorraine Batty" - a label written as a label (a colon, or a capital) */
	static const char *const fields[] = {"nom", "name", "surname", "patient", "patiente", "pt",
					     "resident", "enfant", "child", "firstname", "lastname",
					     "forename", NULL};
	if (tk_eq_any(c, p, fields) && ((p + 2 == i && tk_ch(c, p + 1, ':')) ||
					(p + 1 == i && c->t[c->tk[p].s] >= 'A' && c->t[c->tk[p].s] <= 'Z')))
		return 1;
	if ((tk_eq(c, p, "de") || tk_eq(c, p, "d") || tk_eq(c, p, "of")) && (c->tk[i].f & TK_CAP)) {
		size_t q = tk_prev_word(c, p, 1);
		if (q != SIZE_MAX && (tk_eq(c, q, "nom") || tk_eq(c, q, "name") || tk_eq(c, q, "prenom")))
			return 1; /* "j'ai donné le nom de Babacar" */
	}
	if ((tk_eq(c, p, "ici") && (c->tk[i].f & TK_CAP)) ||
	    tk_eq(c, p, "appelle") || tk_eq(c, p, "appelles") || tk_eq(c, p, "appelait") ||
	    tk_eq(c, p, "appellent") || tk_eq(c, p, "signe") || tk_eq(c, p, "signee") ||
	    tk_eq(c, p, "named") || tk_eq(c, p, "called") || tk_eq(c, p, "prenom") ||
	    tk_eq(c, p, "prenomme") || tk_eq(c, p, "prenommee") || tk_eq(c, p, "nommee") ||
	    tk_eq(c, p, "nomme"))
		return 1;
	size_t p2 = tk_prev_word(c, p, 1);
	if (p2 == SIZE_MAX)
		return 0;
	if (((tk_eq(c, p, "is") || tk_eq(c, p, "s")) && tk_eq(c, p2, "name")) ||
	    (tk_eq(c, p, "est") && tk_eq(c, p2, "prenom")))
		return 1; /* "my name is", "my name's", "mon prénom est" */
	if (tk_eq(c, p, "est") && tk_eq(c, p2, "c")) {
		size_t p3 = tk_prev_word(c, p2, 1);
		if (p3 != SIZE_MAX && tk_eq(c, p3, "moi"))
			return 1;
		/* "c'est Julie", "it's Dave": a known given name right after */
		return (c->tk[i].f & TK_CAP) && (c->tk[i].lex & LX_GIVEN) &&
		       !(c->tk[i].lex & (LX_WFR | LX_TOWN | LX_CITY | LX_REGION));
	}
	/* "hey its mel,", "c kenza": lowercase, a given name no word list of the language has */
	if ((((tk_eq(c, p, "s") && tk_eq(c, p2, "it")) || tk_eq(c, p, "its")) ||
	     (tk_eq(c, p, "est") && tk_eq(c, p2, "c"))) && (c->tk[i].f & TK_LOWER) &&
	    (c->tk[i].lex & (LX_PRN | LX_HN)) && tk_len(c, i) >= 3 &&
	    !(c->tk[i].lex & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | NOT_A_NAME | LX_STOPFR | LX_STOPEN)))
		return 1;
	if (((tk_eq(c, p, "s") && tk_eq(c, p2, "it")) || tk_eq(c, p, "its")) && (c->tk[i].f & TK_CAP) &&
	    !(c->tk[i].f & TK_ALLCAP) && c->tk[i].lex == 0 && tk_len(c, i) >= 3 &&
	    (tk_ch(c, i + 1, '.') || tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, '!') || i + 1 >= c->n_tk))
		return 1; /* "yo its Deji." */
	if (((tk_eq(c, p, "s") && tk_eq(c, p2, "it")) || tk_eq(c, p, "its")) && (c->tk[i].f & TK_CAP) &&
	    (c->tk[i].lex & LX_GIVEN) &&
	    !(c->tk[i].lex & LX_WEN))
		return 1;
	/* "je suis Fanny", "jsuis ines": name_like_ctx() has already said the word may be a name */
	if ((tk_eq(c, p, "suis") && (tk_eq(c, p2, "je") || tk_eq(c, p2, "j"))) || tk_eq(c, p, "jsuis"))
		return (c->tk[i].lex & ((c->tk[i].f & TK_LOWER) ? LX_PRN : LX_GIVEN)) &&
		       !(c->tk[i].lex & (LX_WFR | LX_TOWN | LX_CITY | LX_REGION));
	if ((tk_eq(c, p, "m") && tk_eq(c, p2, "i")) || tk_eq(c, p, "im") ||
	    (tk_eq(c, p, "am") && tk_eq(c, p2, "i")) || (tk_eq(c, p, "is") && tk_eq(c, p2, "this")))
		return (c->tk[i].f & TK_CAP) && (c->tk[i].lex & LX_GIVEN) &&
		       (!(c->tk[i].lex & LX_WORD) || (c->tk[i].lex & LX_PRN) || tk_ch(c, i + 1, ',') ||
			tk_ch(c, i + 1, '.') || tk_ch(c, i + 1, '!')); /* "I'm Grace, 34" */
	return 0;
}

/* "Hi, Jess here": a name introducing itself after a greeting. */
static int here_after(const struct pctx *c, size_t i)
{
	return tk_eq(c, i + 1, "here") && (c->tk[i].f & TK_CAP) && !(c->tk[i].f & TK_ALLCAP) &&
	       (c->tk[i].lex & LX_GIVEN) && !(c->tk[i].lex & (LX_REGION | LX_STOPEN | LX_STOPFR));
}

/* A signature: the last words of the text, after a sign-off, a dash or a line break. */
static int signature(const struct pctx *c, size_t i, size_t j)
{
	/* "Thanks, Lorraine, practice pharmacist": a sign-off and a comma make it one */
	if (i >= 2 && tk_ch(c, i - 1, ',') && (c->tk[i - 2].f & TK_WORD) && (c->tk[i - 2].lex & LX_SIGNOFF) &&
	    tk_ch(c, j + 1, ','))
		return 1;
	for (size_t k = j + 1; k < c->n_tk; k++) {
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
		return 1;
	if (i == 0)
		return 0;
	size_t p = i - 1;
	/* "... inadmissible. Patrice": a given name closing the text after a sentence end */
	if ((tk_ch(c, p, '.') || tk_ch(c, p, '!') || tk_ch(c, p, '?')) && (c->tk[i].lex & (LX_PRN | LX_HN)) &&
	    (c->tk[i].f & TK_SP) && !(c->tk[i].lex & (LX_STOPFR | LX_STOPEN)))
		return 1;
	if (tk_ch(c, p, ',') && p > 0)
		p--;
	if ((c->tk[p].f & TK_PUNCT) && !tk_ch(c, p, '.') && !tk_ch(c, p, ',') && !tk_apos(c, p) &&
	    !tk_ch(c, p, '#') && !tk_ch(c, p, '@') && !tk_ch(c, p, '(') && tk_glued(c, p) == 0)
		return 1; /* "— Marc", "- Julie", emoji before */
	return (c->tk[p].f & TK_WORD) && (c->tk[p].lex & LX_SIGNOFF);
}

/* "Julie, Kélyan et Soën": a capitalised unknown word listed right after a name. */
static int listed_after_name(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_ALLCAP | TK_DIGIT)) || c->n_sp == 0)
		return 0;
	/* "Lizzie, Raj and Mo": a two-letter given name only after and/et */
	if (tk_len(c, i) < 3 && !(tk_len(c, i) == 2 && (t->f & TK_CAP) && (t->lex & LX_HN) && i >= 1 &&
				  (tk_eq(c, i - 1, "and") || tk_eq(c, i - 1, "et")) && !(t->lex & (LX_STOPFR | LX_STOPEN))))
		return 0;
	if (t->f & TK_LOWER) {
		/* "maman de lou et jules": a lowercase given name listed after a lowercase name */
		/* ... or a nickname no list knows: "merci à Cathy, Martine et fafa" */
		int nick = t->lex == 0 && i >= 1 && (tk_eq(c, i - 1, "et") || tk_eq(c, i - 1, "and"));
		if (!nick && (!(t->lex & (LX_PRN | LX_HN)) ||
			      (t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)) ||
			      tk_eq_any(c, i, aux_verbs) || i < 2 || !(c->tk[i - 2].f & TK_LOWER)))
			return 0;
	} else if (!(t->f & TK_CAP)) {
		return 0;
	} else if ((t->lex & (LX_WFR | LX_WEN)) && (t->lex & LX_CAPEN) && (t->lex & (LX_HN | LX_PRN)) &&
		   !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)) &&
		   (tk_eq(c, i - 1, "and") || tk_eq(c, i - 1, "et"))) {
		/* "Lizzie, Raj and Mo", "Tom and Grace": a given name the dictionary writes with
		 * a capital, closing a list of names */
	} else if (t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_WFR | LX_WEN)) {
		/* "twins, Zofia and Jan": a month that is a given name, listed after a name */
		if (!((t->lex & LX_MONTH) && (t->lex & (LX_PRN | LX_HN)) && !tk_is(c, i + 1, TK_SP | TK_NUM) &&
		      !(t->lex & (LX_STOPFR | LX_STOPEN))) &&
		    !((t->lex & LX_MONTH) && (t->lex & (LX_PRN | LX_HN)) && !tk_is(c, tk_next_word(c, i, 1), TK_DIGIT)))
			return 0;
	}
	const struct ent_priv_span *last = &c->sp[c->n_sp - 1];
	if (last->type != ENT_PRIV_NAME || i < 2)
		return 0;
	size_t k = i - 1;
	if (!(tk_ch(c, k, ',') || tk_ch(c, k, '&') || tk_eq(c, k, "et") || tk_eq(c, k, "and") ||
	      tk_eq(c, k, "ou") || tk_eq(c, k, "or")))
		return 0;
	return c->tk[k - 1].e == last->end;
}

/* Is there an AGE span starting at token k? (spans are still in the order they were found) */
static int age_at(const struct pctx *c, size_t k)
{
	/* a token flag, not a search of the span list: this runs for many tokens */
	return k < c->n_tk && (c->tk[k].f & TK_AGE) && (k == 0 || !(c->tk[k - 1].f & TK_AGE));
}

/* "Soën (4 ans)", "Kélyan, 7 ans,", "Thaïs a 3 ans", "Nolhan is 6": a capitalised word that
 * no list knows as an ordinary word, followed by an age. */
static int followed_by_age(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if (!(t->f & TK_CAP) || (t->f & (TK_ALLCAP | TK_DIGIT)) || tk_len(c, i) < 3 ||
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

/* Lowercase particles that may open a name after a title: "Mrs van der Berg", "Dr de la Tour". */
static const char *const title_particles[] = {"de", "du", "des", "van", "von", "der", "den", "ter",
					      "ten", "da", "di", "del", "della", "dos", "das", "le",
					      "la", "al", "el", "ben", NULL};

/* "avec lea", "chez zoe", "with mia": a lowercase given name after a word that introduces a
 * companion. Only names that the text's language does not know as a word count ("lea" is
 * English, not French). */
static int companion_name(const struct pctx *c, size_t i)
{
	static const char *const w[] = {"avec", "chez", "voir", "vu", "vue", "appele", "appelee",
					"pour", "for", "de", "a", "et", "c", "cest", "with", "visited", "visiting", "texted", "called", NULL};
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !(t->lex & (LX_PRN | LX_FIRSTNAME)) ||
	    (t->lex & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | NOT_A_NAME | LX_STOPFR | LX_STOPEN |
		       LX_TOWN | LX_CITY | LX_EPONYM | LX_NPR)))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	return p != SIZE_MAX && p + 1 == i && tk_eq_any(c, p, w);
}

/* "chez Nancy", "chez Laval", "avec Albert": a capitalised given name or surname right after
 * "chez" (at someone's), or "avec", is a person even when it is also a town (after "avec",
 * only a town that is a first name). */
static int person_after_chez(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || tk_len(c, i) < 3 ||
	    !(t->lex & (LX_PRN | LX_PATR | LX_HN)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_WFR | LX_CITY)))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX || p + 1 != i)
		return 0;
	/* "avec Lyon au coeur": after "avec" a town must be a first name to be a person */
	return tk_eq(c, p, "chez") || (tk_eq(c, p, "avec") && (!(t->lex & LX_TOWN) || (t->lex & LX_PRN)));
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
static int hashtag_name(const struct pctx *c, size_t i)
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
static size_t given_before(const struct pctx *c, size_t i)
{
	/* "Thuy-Linh", "Marie-Claude": a capitalised word hyphenated to the name belongs to it */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
	    (c->tk[i - 2].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED | TK_DIGIT)) == TK_CAP &&
	    !(c->tk[i - 2].lex & (LX_STOPFR | LX_STOPEN | LX_EPONYM)))
		return given_before(c, i - 2);
	if (i == 0 || (c->tk[i].f & TK_NL))
		return i;
	if (!(c->tk[i].f & TK_SP) && !tk_apos(c, i - 1))
		return i;
	/* "D'Angelo", "O'Neill" at a sentence start: the prefix letter belongs to the name */
	if (i >= 2 && tk_apos(c, i - 1) && tk_glued(c, i - 1) && tk_glued(c, i - 2) && tk_len(c, i - 2) == 1 &&
	    c->t[c->tk[i - 2].s] && strchr("ODN", c->t[c->tk[i - 2].s]) && !(c->tk[i - 2].f & TK_CLAIMED))
		return i - 2;
	const struct ptok *p = &c->tk[i - 1];
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
static void join_inverted(struct pctx *c, size_t i, size_t j)
{
	if (i < 2 || c->n_sp == 0 || j != i || !tk_ch(c, i - 1, ',') || !(c->tk[i].f & TK_SP) ||
	    (c->tk[i].f & TK_NL) || !(c->tk[i].lex & (LX_PRN | LX_FIRSTNAME)))
		return;
	const struct ent_priv_span *last = &c->sp[c->n_sp - 1];
	const struct ptok *a = &c->tk[i - 2];
	if (last->type != ENT_PRIV_NAME || last->start != a->s || last->end != a->e ||
	    !(a->f & TK_CAP) || !(a->lex & (LX_PATR | LX_HN)) || (a->lex & (LX_PRN | LX_FIRSTNAME)))
		return;
	/* "Martin, Julie et Paul": a list of first names, not one person */
	if (tk_eq(c, i + 1, "et") || tk_eq(c, i + 1, "and") || tk_ch(c, i + 1, '&'))
		return;
	priv_add(c, a->s, c->tk[j].e, ENT_PRIV_NAME, last->confidence, "name_inverted");
}

/* A text written in capitals ("JE SUIS AUX URGENCES AVEC CHLOE") says nothing with its case:
 * its words are read as if lowercase, where only the context and the lists decide. The
 * flags are changed in the scan's own token array; the names pass is the last to read it. */
static void unshout(struct pctx *c)
{
	size_t caps = 0, words = 0;
	for (size_t i = 0; i < c->n_tk; i++) {
		if (!(c->tk[i].f & TK_ALPHA) || (c->tk[i].f & TK_DIGIT) || tk_len(c, i) < 2)
			continue;
		words++;
		caps += (c->tk[i].f & TK_ALLCAP) != 0;
	}
	if (words < 5 || caps * 10 < words * 6)
		return;
	c->shout = 1;
	for (size_t i = 0; i < c->n_tk; i++)
		if ((c->tk[i].f & TK_ALLCAP) && !(c->tk[i].f & TK_DIGIT))
			c->tk[i].f = (uint16_t)((c->tk[i].f & ~(TK_ALLCAP | TK_CAP)) | TK_LOWER);
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
static int initials_name(struct pctx *c, size_t i)
{
	static const char *const fields[] = {"pt", "patient", "patiente", "pat", "nom", "name", "enfant",
					     "child", "bebe", "baby", "mr", "mrs", "ms", "mme", "m", "dr",
					     "mlle", NULL};
	if (tk_len(c, i) != 1 || !(c->tk[i].f & TK_CAP) || !tk_ch(c, i + 1, '.'))
		return 0; /* most tokens stop here */
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX || !tk_eq_any(c, p, fields))
		return 0;
	size_t e = initials_run(c, i);
	/* one initial after "patient": "Le patient K. du box 2" */
	if (!e && !tk_is(c, i + 2, TK_CAP) && tk_glued(c, i) &&
	    (tk_eq(c, p, "patient") || tk_eq(c, p, "patiente") || tk_eq(c, p, "pt")))
		e = i + 1;
	if (!e)
		return 0;
	priv_add_tok(c, i, e, ENT_PRIV_NAME, 0.8f, "name_title");
	return (int)(e - i) + 1;
}

/* A surname in capitals with an initial, as lists and bed states write them: "HUSSAIN A",
 * "J SMITH". Returns the number of tokens, or 0. */
static int surname_initial(const struct pctx *c, size_t i)
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

/* "Okonkwo, Chidinma", "Rahman, Mohammed Abdul", "Ruiz, Maria Elena": a surname no dictionary
 * knows, a comma and a hunspell first name (and maybe a second given name), not a list. */
static int surname_comma_given(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY | LX_REGION | LX_WORD;
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || tk_len(c, i) < 3 || (t->lex & bad) ||
	    !((t->lex & (LX_PATR | LX_HN)) || t->lex == 0) || (t->lex & LX_PRN) || !tk_ch(c, i + 1, ',') ||
	    !tk_glued(c, i))
		return 0;
	size_t g = i + 2;
	if (g >= c->n_tk || (c->tk[g].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) != TK_CAP || !(c->tk[g].f & TK_SP) ||
	    !((c->tk[g].lex & LX_PRN) || ((c->tk[g].lex & LX_HN) && !(c->tk[g].lex & LX_WORD))) ||
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

/* "EMMA DUBOIS", "DUBOIS Emma" in capitals inside a text that is not: a hunspell first name and
 * a surname (or a word no list knows), both in capitals. */
static int allcap_pair(const struct pctx *c, size_t i)
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
	return ((a & LX_PRN) && ((b & (LX_PATR | LX_HN)) || b == 0)) ||
	       ((b & LX_PRN) && ((a & (LX_PATR | LX_HN)) || a == 0));
}

void priv_find_names(struct pctx *c)
{
	unshout(c);
	for (size_t i = 0; i < c->n_tk; i++) {
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_CLAIMED | TK_WORD | TK_ALPHA)) != (TK_WORD | TK_ALPHA) || (t->f & TK_DIGIT))
			continue;
		float conf = 0;
		const char *rec = "name";
		int run;
		if (hashtag_name(c, i)) {
			priv_add(c, c->tk[i - 1].s, t->e, ENT_PRIV_NAME, 0.8f, "name_hashtag");
			continue;
		}
		run = initials_name(c, i);
		if (run) {
			i += (size_t)run - 1;
			continue;
		}
		size_t q = i;
		int titled = title_before(c, i); /* first: the particle lists are read only after a title */
		while (titled && q < i + 3 && tk_eq_any(c, q, title_particles) && tk_is(c, q + 1, TK_SP))
			q++;
		if (q > i && tk_is(c, q, TK_CAP) && tk_is(c, q, TK_ALPHA) && tk_free(c, q)) {
			/* "Dr de La Tour", "Mrs van der Berg": particles belong to the name */
			size_t j = q;
			while (j + 1 < c->n_tk && tk_is(c, j + 1, TK_CAP) && tk_free(c, j + 1) &&
			       (c->tk[j + 1].f & TK_SP) && !(c->tk[j + 1].f & TK_NL) && j < i + 3)
				j++;
			if (breton_ch(c, j))
				j += 2;
			priv_add_tok(c, i, j, ENT_PRIV_NAME, 0.9f, "name_title");
			i = j;
			continue;
		} else if (titled && tk_len(c, i) == 1 && (t->f & TK_CAP) && tk_ch(c, i + 1, '.') &&
			   tk_glued(c, i) && tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2) &&
			   name_like_title(c, i + 2)) {
			/* "Mrs. A. Patel", "Dr K. Osei": the initial belongs to the name */
			size_t j = extend(c, i + 2, 1);
			priv_add_tok(c, i, j, ENT_PRIV_NAME, 0.95f, "name_title");
			i = j;
			continue;
		} else if (titled && tk_len(c, i) == 1 && (t->f & TK_CAP) && !tk_glued(c, i) && !tk_is(c, i + 1, TK_CAP)) {
			/* "can u ask Dr Y if": a letter standing for the name */
			priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_title");
			continue;
		} else if (titled && tk_len(c, i) == 1 && (t->f & TK_CAP) && tk_ch(c, i + 1, '.') &&
			   tk_glued(c, i) && !tk_is(c, i + 2, TK_CAP)) {
			/* "ma dermato (Dr K.)", "Mme H., 61 ans": an initial alone */
			priv_add_tok(c, i, i + 1, ENT_PRIV_NAME, 0.8f, "name_title");
			i = i + 1;
			continue;
		} else if (titled && (name_like_title(c, i) || letter_apos_name(c, i))) {
			conf = 0.95f;
			rec = "name_title";
		} else if ((t->f & TK_LOWER) && (t->lex & LX_HN) && (t->lex & LX_CAPEN) && tk_len(c, i) >= 3 &&
			   !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) && greeting_before(c, i)) {
			/* "hi john", "coucou grace": the dictionary knows the capitalised form as a name */
			conf = 0.8f;
			rec = "name_context";
		} else if ((name_like_ctx(c, i) && (kin_before(c, i) || greeting_before(c, i) ||
						    intro_before(c, i) || here_after(c, i))) ||
			   ((t->f & TK_CAP) && diminutive_before(c, i) && name_like_ctx(c, i)) ||
			   ((t->lex & LX_PRN) && !(t->lex & (LX_STOPFR | LX_STOPEN | LX_MONTH | LX_DAY)) &&
			    !((t->f & TK_LOWER) && tk_eq_any(c, i, aux_verbs)) && !verb_like(c, i) &&
			    /* "my GP said", "ma fille adore": a lowercase word of the text's language
			     * is a name only before a verb (kin_word_name) */
			    !((t->f & TK_LOWER) && (t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) &&
			      !(i + 1 >= c->n_tk || tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, '.') ||
				tk_ch(c, i + 1, '!') || tk_ch(c, i + 1, '?') || tk_ch(c, i + 1, ')'))) &&
			    !(t->f & TK_DIGIT) && (kin_before(c, i) || diminutive_before(c, i)))) {
			conf = 0.9f;
			rec = "name_context";
		} else if (kin_title_lower(c, i) || person_verb_name(c, i) || nickname_after_name(c, i) ||
			   lower_name_pair(c, i)) {
			conf = 0.65f;
			rec = "name_context";
		} else if (kin_word_name(c, i)) {
			conf = 0.7f;
			rec = "name_context";
		} else if (companion_name(c, i) || person_after_chez(c, i)) {
			conf = 0.7f;
			rec = "name_context";
		} else if (name_like_ctx(c, i) && (t->f & TK_CAP) && signature(c, i, extend(c, i, 1)) &&
			   ((t->lex & (LX_GIVEN | LX_PATR)) || !(t->lex & LX_CAPEN))) {
			conf = 0.7f;
			rec = "name_signature";
		} else if (tk_len(c, i) == 1 && (t->f & TK_CAP) && !(t->lex & LX_TITLE) && tk_ch(c, i + 1, '.') &&
			   tk_glued(c, i) &&
			   tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2) && !tk_is(c, i + 2, TK_ALLCAP) &&
			   (c->tk[i + 2].lex & (LX_PATR | LX_HN)) && !(c->tk[i + 2].lex & NOT_A_NAME) &&
			   (!(c->tk[i + 2].lex & LX_WORD) || (c->tk[i + 2].lex & LX_CAPEN)) &&
			   (c->tk[i + 2].f & TK_SP)) {
			/* "R. Patterson", "J. Dupuis": an initial and a surname */
			size_t j = extend(c, i + 2, 0);
			priv_add_tok(c, i, j, ENT_PRIV_NAME, 0.7f, "name_lexicon");
			i = j;
			continue;
		} else if (followed_by_age(c, i)) {
			conf = 0.7f;
			rec = "name_age";
		} else if (listed_after_name(c, i)) {
			conf = 0.6f;
			rec = "name_list";
		} else if ((run = surname_initial(c, i)) != 0) {
			priv_add_tok(c, i, i + (size_t)run - 1, ENT_PRIV_NAME, 0.7f, "name_lexicon");
			i += (size_t)run - 1;
			continue;
		} else if ((run = surname_comma_given(c, i)) != 0) {
			priv_add_tok(c, i, i + (size_t)run - 1, ENT_PRIV_NAME, 0.7f, "name_inverted");
			i += (size_t)run - 1;
			continue;
		} else if (allcap_pair(c, i)) {
			priv_add_tok(c, i, i + 1, ENT_PRIV_NAME, 0.7f, "name_lexicon");
			i = i + 1;
			continue;
		} else if ((t->f & TK_ALLCAP) && tk_len(c, i) >= 3 && (t->lex & (LX_PATR | LX_HN)) &&
			   !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN))) {
			size_t g = tk_ch(c, i + 1, ',') ? i + 2 : i + 1;
			if (!tk_is(c, g, TK_CAP) || tk_is(c, g, TK_ALLCAP) || !(c->tk[g].lex & LX_GIVEN) ||
			    !tk_free(c, g))
				continue;
			/* "DA SILVA Fernando", "LE BRIS Maëlle": a particle in capitals before;
			 * "CHEVALIER Jean-Marc": the rest of a compound given name after */
			size_t f = i;
			if (f >= 1 && (c->tk[f - 1].f & TK_ALLCAP) && (c->tk[f].f & TK_SP) && !(c->tk[f - 1].f & TK_CLAIMED) &&
			    tk_eq_any(c, f - 1, (const char *const[]){"da", "de", "di", "do", "dos", "das", "du", "le",
								      "la", "van", "von", "el", "al", "ben", "mac",
								      "mc", "del", "della", "ait", NULL}))
				f--;
			size_t e = extend(c, g, 1);
			priv_add_tok(c, f, e, ENT_PRIV_NAME, 0.8f, "name_lexicon");
			i = e;
			continue;
		} else if ((t->f & TK_ALLCAP) && tk_len(c, i) >= 4 && t->lex == 0 && tk_is(c, i + 1, TK_CAP) &&
			   !tk_is(c, i + 1, TK_ALLCAP) && (c->tk[i + 1].lex & LX_PRN) && tk_free(c, i + 1) &&
			   (c->tk[i + 1].f & TK_SP) && !(c->tk[i + 1].lex & (NOT_A_NAME | LX_WFR))) {
			size_t g = i + 1;
			priv_add_tok(c, i, g, ENT_PRIV_NAME, 0.8f, "name_lexicon");
			i = g;
			continue;
		} else {
			conf = name_alone(c, i);
			rec = "name_lexicon";
			/* a given name followed by a capitalised word no list knows: "Precious
			 * Mahlangu", "Mercy Osei" */
			if (conf == 0 && (t->f & TK_CAP) && !(t->f & TK_ALLCAP) && (t->lex & LX_GIVEN) &&
			    !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_REGION)) &&
			    tk_is(c, i + 1, TK_CAP) && !tk_is(c, i + 1, TK_ALLCAP | TK_DIGIT) && tk_free(c, i + 1) &&
			    (c->tk[i + 1].f & TK_SP) && !(c->tk[i + 1].f & TK_NL) && c->tk[i + 1].lex == 0 &&
			    tk_len(c, i + 1) >= 3)
				conf = 0.6f;
			/* "Morgane Le Dantec", "Anne de Kervenoael": a first name, a capitalised
			 * particle and a surname no list knows */
			if (conf == 0 && (t->f & TK_CAP) && !(t->f & TK_ALLCAP) && (t->lex & LX_PRN) &&
			    !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_REGION)) &&
			    tk_is(c, i + 1, TK_CAP) && tk_eq_any(c, i + 1, (const char *const[]){"le", "la", "de", "du",
				    "da", "van", "von", "ben", "el", "di", NULL}) && (c->tk[i + 1].f & TK_SP) &&
			    tk_is(c, i + 2, TK_CAP) && !tk_is(c, i + 2, TK_ALLCAP | TK_DIGIT) && tk_free(c, i + 2) &&
			    (c->tk[i + 2].f & TK_SP) && c->tk[i + 2].lex == 0 && tk_len(c, i + 2) >= 3)
				conf = 0.6f;
			/* a capitalised ordinary word followed by a surname: "Rose Martin" */
			if (conf == 0 && (t->f & TK_CAP) && !(t->f & TK_ALLCAP) && (t->lex & LX_PRN) &&
			    !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN)) && extend(c, i, 0) > i &&
			    (c->tk[i + 1].lex & (LX_PATR | LX_HN)) && !(c->tk[i + 1].lex & LX_WORD) &&
			    !tk_sentence_start(c, i))
				conf = 0.6f;
		}
		if (conf <= 0)
			continue;
		size_t j = extend(c, i, strcmp(rec, "name_lexicon") != 0);
		join_inverted(c, i, j);
		priv_add_tok(c, given_before(c, i), j, ENT_PRIV_NAME, conf, rec);
		i = j;
	}
}
