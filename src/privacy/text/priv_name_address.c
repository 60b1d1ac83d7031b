/*
 * priv_name_address.c - the person a message is written to, or names by a carer's trade.
 *
 * Messages between carers and between friends name the one they speak to without a title or
 * a relative: "AJ — pt in bed 12 is...", "Quick one Ade — can you re-book...", "Folake if
 * you're reading this", "thx for the lift sunny ur a star", "mdr manu t'es grave". What says
 * it is the address itself: the word opens the message before a dash, or a second person
 * follows it ("ur a", "you're the", "if you're reading", "is that u?", "t'es"). Nicknames
 * (two letters, no list) and given names that are words ("sunny", "grace") are named this way
 * only; the markers that a verb could also take before them ("hope ur gonna be ok") are kept
 * for names that are no ordinary word. A carer's trade names a person the same way: "Jenny the
 * district nurse", "Patience, l'aide-soignante de nuit, porte...", "grace was the best HCA".
 */
#include <string.h>

#include "privacy/text/priv_name.h"

/* Words a message calls its reader that are no name: "babe ur a star", "mate, can you". */
static const char *const endearment[] = {
	"babe", "hun", "hon", "mate", "bro", "sis", "luv", "love", "darling", "sweetie", "honey", "dear",
	"girl", "girls", "pal", "buddy", "dude", "bae", "chou", "cherie", "cheri", "loulou", "doudou", "bb",
	"man", "mum", "mom", "dad", "son", "lad", "lads", "guys", "hen", "pet", "duck", "chuck", "petal",
	"sweetheart", "sugar", "angel", "boo", "bestie", "fam", "bruv", "blud", "cuz", "papa", "maman",
	"mamie", "papi", "ma", "pa", "doc", "boss", "chief", "sir", "madam", "miss", "sister", "nurse",
	"team", "everyone", "all", "folks", "people", "lol", "mdr", "ptdr", "omg", "wow", NULL};

/* Verbs that take "ur"/"you're" after them in a text message: "hope ur ok", "bet ur gonna". */
static const char *const verb_before_you[] = {
	"hope", "guess", "bet", "think", "know", "mean", "wish", "trust", "swear", "reckon", "miss",
	"thank", "thanks", "pray", "hear", "heard", "sure", "glad", "proud", "cos", "coz", "cause",
	"because", "and", "but", "so", "as", "when", "if", "unless", "whether", "that", "what", NULL};

/* Token k is a dash set off by a space: "-", "–" (U+2013) or "—" (U+2014). */
static inline int spaced_dash(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || !(c->tk[k].f & TK_PUNCT) || !((c->tk[k].f & TK_SP) || !tk_glued(c, k)))
		return 0;
	const char *b = c->t + c->tk[k].s;
	size_t n = c->tk[k].e - c->tk[k].s;
	return (n == 1 && b[0] == '-') || (n == 3 && memcmp(b, "\xe2\x80", 2) == 0 && (b[2] == '\x93' || b[2] == '\x94'));
}

/* Words that open a message before the name of the one it is for: "Quick one Ade —",
 * "FYI Ronan —", "hey Jonno -". */
static int opener(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"quick", "q", "one", "question", "qn", "thing", "fyi", "ok", "okay",
					"hey", "hi", "hiya", "yo", "cheers", "sorry", "morning", "evening",
					"afternoon", "urgent", "update", "also", "btw", "ps", "re", "so", NULL};
	return (c->tk[k].f & TK_WORD) && tk_eq_any(c, k, w);
}

/* Only opening words (at most three) stand before token i in the text. */
static int opens_message(const struct pctx *c, size_t i)
{
	size_t words = 0;
	for (size_t k = 0; k < i; k++) {
		if (c->tk[k].f & TK_NL)
			return 0;
		if (tk_ch(c, k, ',') || tk_ch(c, k, ':'))
			continue;
		if (!opener(c, k) || ++words > 3)
			return 0;
	}
	return 1;
}

/* Word i may be the name of the one written to. strong: -1 before a dash opening the message,
 * 0 before a marker, 2 before "ur a" (which no verb takes before it, so a given name that is
 * also a word counts: "sunny ur a star"), 3 before "if you're reading", "is that u?" (which
 * no interjection takes either). */
static int address_word(const struct pctx *c, size_t i, int strong)
{
	const struct ptok *t = &c->tk[i];
	uint32_t f = t->lex;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if ((t->f & (TK_DIGIT | TK_CLAIMED)) || !(t->f & TK_ALPHA) || tk_len(c, i) < 2 ||
	    (f & (LX_STOPFR | LX_STOPEN | LX_GREET | LX_SIGNOFF | LX_TITLE | LX_KIN | LX_MONTH | LX_DAY |
		  LX_INTRO | LX_EPONYM | LX_IDLABEL | LX_CITY | LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET)) ||
	    tk_eq_any(c, i, endearment) || tk_eq_any(c, i, verb_before_you) || pn_contraction(c, i))
		return 0;
	/* "MDR JOJO t'es trop forte", "avec lulu": a doubled syllable, before a marker */
	if (strong >= 0 && pn_doubled_nickname(c, i))
		return 1;
	if (t->f & TK_ALLCAP) /* "AJ —": initials a name list holds */
		return tk_len(c, i) <= 3 && (f & LX_HN) && !(f & (word | LX_NOTNAME));
	/* a word no list knows: before a dash or "if you're reading", not before "ur a" or "ur
	 * gonna" ("Aww ur so strong", "Omg ur gonna": an interjection) */
	if (f == 0)
		return (t->f & TK_CAP) && tk_len(c, i) >= 3 && (strong == 3 || strong < 0);
	if (!(f & LX_GIVEN))
		return 0;
	/* a given name that is also a word: one the dictionaries write as a name ("grace",
	 * "Joy"), or one a name list holds that the non-names list keeps as a word ("sunny");
	 * not "Well", "Brilliant", "Jesus" */
	if (f & (word | LX_NOTNAME))
		return strong >= 2 && (f & LX_HN) && tk_len(c, i) >= 3 &&
		       ((f & LX_NOTNAME) ? !(f & (LX_PRN | LX_CAPEN)) : (f & (LX_PRN | LX_CAPEN)) != 0);
	return 1;
}

/* "ur a star", "you're the best", "u r such a": a second person that only an address takes
 * before it (a strong marker: 2, or 3 for "if you're reading", "is that u?"), or "ur gonna",
 * "t'es", "tu peux" (a marker: 1); 0 for none. k is the first token after i. */
static int second_person(const struct pctx *c, size_t k)
{
	static const char *const w_reading[] = {"reading", "read", "see", "seeing", "there", "around", NULL};
	static const char *const w_es[] = {"es", "as", "etais", "avais", NULL};
	static const char *const w_es2[] = {"es", "as", "peux", "pourrais", "vas", "sais", "viens", NULL};
	static const char *const strong_next[] = {"a", "an", "the", "such", "so", "my", NULL};
	static const char *const next[] = {"gonna", "going", "welcome", "amazing", "brilliant", "still",
					   "always", "not", "back", "home", "free", "around", "there", NULL};
	size_t n = SIZE_MAX;
	if (tk_eq(c, k, "ur") || tk_eq(c, k, "youre"))
		n = k + 1;
	else if (tk_eq(c, k, "you") && tk_apos(c, k + 1) && tk_glued(c, k) && tk_eq(c, k + 2, "re"))
		n = k + 3;
	else if ((tk_eq(c, k, "u") && tk_eq(c, k + 1, "r")) || (tk_eq(c, k, "you") && tk_eq(c, k + 1, "are")))
		n = k + 2;
	if (n != SIZE_MAX)
		return tk_eq_any(c, n, strong_next) && (c->tk[n].f & TK_SP) ? 2 : tk_eq_any(c, n, next) ? 1 : 0;
	/* "grace is that u?" */
	if (tk_eq(c, k, "is") && tk_eq(c, k + 1, "that") && (tk_eq(c, k + 2, "u") || tk_eq(c, k + 2, "you")) &&
	    tk_ch(c, k + 3, '?'))
		return 3;
	/* "Folake if you're reading this", "if u see this" */
	if (tk_eq(c, k, "if") && (tk_eq(c, k + 1, "u") || tk_eq(c, k + 1, "you") || tk_eq(c, k + 1, "ur") ||
				  tk_eq(c, k + 1, "youre"))) {
		size_t v = tk_next_word(c, k + 1, 1);
		if (v < c->n_tk && tk_eq(c, v, "re"))
			v = tk_next_word(c, v, 0);
		if (v < c->n_tk && tk_eq(c, v, "r"))
			v = tk_next_word(c, v, 0);
		return v < c->n_tk && tk_eq_any(c, v, w_reading)
			       ? 3
			       : 0;
	}
	/* "manu t'es grave", "Babeth tu peux" */
	if (c->lang == ENT_PRIV_FR &&
	    ((tk_eq(c, k, "t") && tk_glued(c, k) && tk_apos(c, k + 1) &&
	      tk_eq_any(c, k + 2, w_es)) ||
	     (tk_eq(c, k, "tu") && tk_eq_any(c, k + 1, w_es2))))
		return 1;
	return 0;
}

int pn_address(const struct pctx *c, size_t i)
{
	static const char *const w_gonna[] = {"gonna", "going", NULL};
	static const char *const w_to[] = {"to", "a", "the", NULL};
	const struct ptok *t = &c->tk[i];
	size_t k = i + 1;
	if (k >= c->n_tk)
		return 0;
	/* "AJ — pt in bed 12", "Quick one Ade — can you": the message opens on the name and a
	 * dash, then goes on in lowercase */
	if (spaced_dash(c, k) && opens_message(c, i) && address_word(c, i, -1) &&
	    !((t->lex & LX_TOWN) && !(t->lex & LX_GIVEN)) && k + 1 < c->n_tk && (c->tk[k + 1].f & TK_LOWER) &&
	    (c->tk[k + 1].f & TK_WORD))
		return 1;
	/* "Will ur gonna have to drive me": an auxiliary that is a given name opening the text
	 * cannot take "ur gonna" */
	if (i == 0 && (t->f & (TK_CAP | TK_ALLCAP)) == TK_CAP && tk_lex2(c, i, LX2_AUX) && (t->lex & LX_PRN) &&
	    (tk_eq(c, k, "ur") || tk_eq(c, k, "youre")) && tk_eq_any(c, k + 1, w_gonna))
		return 1;
	int m = second_person(c, k);
	if (!m || !(c->tk[k].f & TK_SP) || tk_glued(c, i))
		return 0;
	/* not the object of a word before: "thank u", "with you", "the kids ur" */
	size_t p = tk_prev_word(c, i, 0);
	if (p != SIZE_MAX && p + 1 == i &&
	    (tk_eq_any(c, p, verb_before_you) || pn_possessive(c, p) ||
	     (c->tk[p].lex & (LX_STOPEN | LX_STOPFR)) || tk_eq_any(c, p, w_to)))
		return 0;
	return address_word(c, i, m >= 2 ? m : 0);
}

/* A carer's trades. */
static const char *const trade[] = {"infirmiere", "infirmier", "aide", "auxiliaire", "sage", "kine",
					    "medecin", "docteur", "interne", "brancardier", "brancardiere",
					    "secretaire", "psychologue", "dieteticienne", "orthophoniste",
					    "ergotherapeute", "puericultrice", "ambulancier", "pharmacienne",
					    "pharmacien", "benevole", "interprete", "assistante", "manip",
					    "nurse", "midwife", "physio", "hca", "carer", "doctor", "gp",
					    "consultant", "registrar", "receptionist", "porter", "surgeon",
					    "anaesthetist", "paramedic", "pharmacist", "dietitian",
					    "psychologist", "therapist", "district", "matron", "chaplain",
					    "volunteer", "interpreter", "physiotherapist", "cleaner", NULL};

/* "l'infirmière Rakotomalala", "la psy Ezekwesili", "my physio Greenwood": a carer's trade in
 * lowercase right before a capitalised name that is no word, or a word no list knows: the name
 * the trade introduces. */
int pn_trade_before(const struct pctx *c, size_t i)
{
	static const char *const w_psy[] = {"psy", "ide", "sf", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED | TK_NL)) != TK_CAP || !(t->f & TK_SP) ||
	    tk_len(c, i) < 3 || i == 0 || tk_sentence_start(c, i) || !(c->tk[i - 1].f & TK_LOWER) ||
	    !(t->lex == 0 || ((t->lex & (LX_GIVEN | LX_PATR)) && !(t->lex & (LX_WORD | LX_TOWN | LX_CITY | NOT_A_NAME)))))
		return 0;
	/* (not "l'infirmière Sandrine de Vitré": where she works, which the lists name already) */
	if (t->lex != 0 && (tk_eq(c, i + 1, "de") || tk_eq(c, i + 1, "du") || tk_eq(c, i + 1, "d")))
		return 0;
	return tk_eq_any(c, i - 1, trade) || tk_eq_any(c, i - 1, w_psy);
}

/* "grace was the best HCA", "Joy is an amazing midwife", "Mai est l'infirmière de nuit": a
 * given name (a word too, or no word at all) opening a sentence, a copula, an article, at most
 * two words and a carer's trade: a person ("Hope is the best medicine" names no trade). */
int pn_copula_trade(const struct pctx *c, size_t i)
{
	static const char *const w_is[] = {"is", "was", "est", "etait", NULL};
	static const char *const w_the[] = {
		"the", "a", "an", "our", "my", "la", "le", "l", "une", "un", "notre", "ma", "mon", NULL
	};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_DIGIT | TK_CLAIMED)) || !(t->f & TK_ALPHA) || tk_len(c, i) < 3 || !(t->lex & LX_HN) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY)) || !tk_sentence_start(c, i))
		return 0;
	size_t k = i + 1;
	if (tk_apos(c, k) && tk_glued(c, i) && tk_eq(c, k + 1, "s"))
		k += 2;
	else if (tk_eq_any(c, k, w_is) && (c->tk[k].f & TK_SP))
		k++;
	else
		return 0;
	if (!tk_eq_any(c, k, w_the))
		return 0;
	k = tk_eq(c, k, "l") && tk_apos(c, k + 1) ? k + 2 : k + 1;
	for (int adj = 0; adj <= 2 && k < c->n_tk; adj++, k++) {
		if (!(c->tk[k].f & TK_WORD) || (c->tk[k].f & TK_DIGIT))
			return 0;
		if (tk_eq_any(c, k, trade))
			return !(tk_apos(c, k + 1) && tk_glued(c, k)) && !tk_ch(c, k + 1, '-');
	}
	return 0;
}

/* Token i ends like a drug's international name ("metformin", "amlodipine", "ramipril",
 * "omeprazole", "atorvastatin", "adalimumab", "bisoprolol", "furosemide"). */
static int drug_shaped(const struct pctx *c, size_t i)
{
	static const char *const end[] = {"in", "ine", "ol", "ide", "pril", "statin", "mab", "zole", "one", "ate",
					  "pam", "lam", "cillin", "mycin", "sartan", "xine", NULL};
	const char *f = tk_fold(c, i);
	size_t n = c->tk[i].flen;
	for (size_t e = 0; end[e]; e++) {
		size_t l = strlen(end[e]);
		if (n > l + 2 && memcmp(f + n - l, end[e], l) == 0)
			return 1;
	}
	return 0;
}

/* "Patience, l'aide-soignante de nuit", "Jenny the district nurse", "Salomé la sage-femme": a
 * given name, then an article and a carer's trade. */
int pn_trade_after(const struct pctx *c, size_t i)
{
	static const char *const w_il[] = {
		"il", "elle", "on", "je", "j", "ils", "elles", "nous", "vous", "tu", "c", "ce", "ca", "he",
		"she", "they", "we", "i", "it", "you", NULL
	};
	static const char *const art[] = {"l", "la", "le", "the", "our", "notre", "my", "ma", "mon", "une",
					  "un", "a", "an", "their", "his", "her", "sa", "son", "leur", NULL};
	const struct ptok *t = &c->tk[i];
	/* (a word no list knows too: "Benslimane (IDE) signale", "Kavitha, ma collègue") */
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || tk_len(c, i) < 3 ||
	    !((t->lex & LX_GIVEN) || t->lex == 0) || (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) ||
	    (i > 0 && tk_glued(c, i - 1)) ||
	    /* (a word no list knows opening a sentence only before a bracket: "Bronchiolite, kiné
	     * respi demain" names a disease) */
	    (t->lex == 0 && tk_sentence_start(c, i) && !tk_ch(c, i + 1, '(') &&
	     !(tk_ch(c, i + 1, ',') && tk_eq_any(c, i + 2, art))))
		return 0;
	/* "Can my carer", "Use the interpreter", "Hier, l'infirmière", "Sinon, le médecin": a
	 * sentence's first word that is a word of the language must be a first name hunspell
	 * knows or the dictionary writes with a capital */
	/* ... unless the trade is set off by commas on both sides ("Patience, l'aide-soignante de
	 * nuit, porte bien son prénom": an apposition; "Hier, l'infirmière m'a dit" is none) */
	int start_word = (t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) && !(t->lex & (LX_PRN | LX_CAPEN)) &&
			 tk_sentence_start(c, i);
	size_t k = i + 1;
	int comma = tk_ch(c, k, ',') || tk_ch(c, k, '(');
	if (comma)
		k++;
	if (k >= c->n_tk || !(c->tk[k].f & TK_LOWER))
		return 0;
	if (start_word && !tk_ch(c, i + 1, ','))
		return 0;
	/* "Mai, bénévole à l'asso", "Marc, mon mari,", "Sophie (ma sœur)": after a comma or a
	 * bracket, the trade without its article, or a possessive and a relative */
	if (comma && !start_word && tk_eq_any(c, k, trade))
		return 1;
	if (start_word) {
		if (!(c->tk[k].f & TK_SP) || c->tk[k].flen > 5 || !tk_eq_any(c, k, art))
			return 0;
		k = tk_eq(c, k, "l") && tk_apos(c, k + 1) ? k + 2 : k + 1;
		if (!tk_is(c, k, TK_LOWER) || !tk_eq_any(c, k, trade))
			return 0;
		/* the apposition closes with a comma within a few words, and the verb follows
		 * without a subject of its own ("Sinon, le médecin de garde, il est passé") */
		for (size_t e = k + 1; e < c->n_tk && e <= k + 8; e++) {
			if (tk_ch(c, e, ','))
				return tk_is(c, e + 1, TK_LOWER) && (c->tk[e + 1].f & TK_WORD) &&
				       !tk_eq_any(c, e + 1, w_il);
			if ((c->tk[e].f & (TK_PUNCT | TK_NL)) && !tk_ch(c, e, '-') && !tk_apos(c, e))
				return 0;
		}
		return 0;
	}
	/* "MARINE, c'est ma sœur", "Tom, he's my brother": "c'est" / "it's" before them */
	if (comma && ((tk_eq(c, k, "c") && tk_apos(c, k + 1) && tk_eq(c, k + 2, "est")) ||
		      ((tk_eq(c, k, "it") || tk_eq(c, k, "he") || tk_eq(c, k, "she")) && tk_apos(c, k + 1) &&
		       tk_eq(c, k + 2, "s"))))
		k += 3;
	/* (the text may end there, "Sarah, it's": the tests below read c->tk[k] directly) */
	if (k >= c->n_tk)
		return 0;
	/* ("fille" and "fils" are function words of the language guess too: "Soan (ma fille)") */
	/* (without a pause when the name opens the sentence and is no word of the language:
	 * "Nancy ma voisine m'accompagne"; not "Nice my sister said") */
	/* (the lists hold "Lyon" as they hold "Nancy": a town opening the sentence is the place
	 * when "y" points back to it, "Lyon ma soeur y vit") */
	if ((comma || (tk_sentence_start(c, i) && !(t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) &&
		       !((t->lex & (LX_TOWN | LX_CITY)) && (tk_eq(c, k + 2, "y") || tk_eq(c, k + 3, "y"))))) &&
	    pn_possessive(c, k) && tk_is(c, k + 1, TK_LOWER) &&
	    (c->tk[k + 1].lex & LX_KIN) &&
	    (!(c->tk[k + 1].lex & (LX_STOPFR | LX_STOPEN)) || tk_eq(c, k + 1, "fille") || tk_eq(c, k + 1, "fils")) &&
	    (c->tk[k + 1].f & TK_SP) &&
	    (tk_eq(c, k, "mon") || tk_eq(c, k, "ma") || tk_eq(c, k, "my") || tk_eq(c, k, "notre") ||
	     tk_eq(c, k, "our") || tk_eq(c, k, "sa") || tk_eq(c, k, "son") || tk_eq(c, k, "his") ||
	     tk_eq(c, k, "her")))
		return 1; /* ... "Erwann, sa fille." signing */
	/* "- Basil (hubby): cardiology", "Noah (son) is 4": a relative's word alone in brackets */
	/* (a given name, or a word no list holds that has no drug's ending: not "- Metformin (mum):
	 * 500mg", a medication list per relative) */
	if (tk_ch(c, i + 1, '(') && tk_is(c, k, TK_LOWER) && (c->tk[k].lex & LX_KIN) && tk_ch(c, k + 1, ')') &&
	    ((t->lex & LX_GIVEN) || !drug_shaped(c, i)))
		return 1;
	/* "Larrouy (papa de Miles)", "Awa, maman de Kenzo,": a relative of someone named */
	if (comma && (c->tk[k].lex & LX_KIN) && (tk_eq(c, k + 1, "de") || tk_eq(c, k + 1, "of")) &&
	    tk_is(c, k + 2, TK_CAP) && !tk_is(c, k + 2, TK_DIGIT) &&
	    (tk_eq(c, k, "papa") || tk_eq(c, k, "maman") || tk_eq(c, k, "mere") || tk_eq(c, k, "pere") ||
	     tk_eq(c, k, "mum") || tk_eq(c, k, "mom") || tk_eq(c, k, "dad") || tk_eq(c, k, "mother") ||
	     tk_eq(c, k, "father") || tk_eq(c, k, "grandmother") || tk_eq(c, k, "mamie") || tk_eq(c, k, "papi")))
		return 1;
	/* (the articles are short lowercase words: most words after a name are not) */
	if (!(c->tk[k].f & TK_SP) || c->tk[k].flen > 5 || !tk_eq_any(c, k, art))
		return 0;
	k = tk_eq(c, k, "l") && tk_apos(c, k + 1) ? k + 2 : k + 1;
	return tk_is(c, k, TK_LOWER) && tk_eq_any(c, k, trade);
}

/* Words that may stand before a writer's self-introduction: "Hi all, Sunny from Bath here",
 * "hey fam, ty here", "slt tt le monde jsuis lolo". */
static int intro_opener(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"all", "everyone", "fam", "guys", "folks", "friends", "yall", "ladies",
					"team", "tout", "tt", "le", "monde", "tous", "toutes", "les", "filles",
					"gens", "amis", "again", "there", "so", "ok", "well", NULL};
	return (c->tk[k].lex & LX_GREET) || opener(c, k) || tk_eq_any(c, k, w);
}

/* Only greetings and words of address (at most four) stand before token i, on its line. */
static int intro_opening(const struct pctx *c, size_t i)
{
	size_t words = 0;
	for (size_t k = i; k-- > 0;) {
		if (c->tk[k + 1].f & TK_NL)
			return 1;
		if (c->tk[k].f & TK_PUNCT) {
			if (tk_ch(c, k, ',') || tk_ch(c, k, '!') || tk_ch(c, k, ':') || spaced_dash(c, k))
				continue;
			return (c->tk[k].e - c->tk[k].s) >= 3 && (c->t[c->tk[k].s] & 0x80); /* an emoji */
		}
		if (!intro_opener(c, k) || ++words > 4)
			return 0;
	}
	return 1;
}

/* Word i may be a name its context introduces: a given name that is no word of the text's
 * language, or one the dictionaries write as a name ("Mark", "Ty"), or one written with a capital
 * where the sentence gives it none ("Hi all, Sunny from Bath"), or a doubled nickname ("lolo"). */
static int introduced_word(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t f = t->lex;
	if ((t->f & (TK_DIGIT | TK_CLAIMED)) || !(t->f & TK_ALPHA) || tk_len(c, i) < 2 || !(f & LX_GIVEN) ||
	    (f & (LX_STOPFR | LX_STOPEN | LX_GREET | LX_SIGNOFF | LX_TITLE | LX_KIN | LX_MONTH | LX_DAY | LX_INTRO |
		  LX_EPONYM | LX_IDLABEL | LX_CITY | LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET)) ||
	    pn_contraction(c, i) || tk_lex2(c, i, LX2_AUX))
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	return ((f & (LX_PRN | LX_CAPEN)) || !(f & (word | LX_NOTNAME)) || pn_doubled_nickname(c, i) ||
		((t->f & TK_CAP) && !tk_sentence_start(c, i))) &&
	       !tk_eq_any(c, i, endearment);
}

/* The writer introducing themselves as a message opens: "mark here, lurker", "LOURDES here",
 * "Hi all, Sunny from Bath here", "Hey all, nat from Brisbane, 31", "Bonsoir, ici titi,", "Coucou
 * c'est Patience", "yo its ty, my mum", "slt tt le monde jsuis lolo, 17 ans". */
int pn_self_intro(const struct pctx *c, size_t i)
{
	size_t k = i + 1;
	if (k >= c->n_tk)
		return 0;
	/* what it tests first, from the first letters: "here" or "from" after, or "ici", "its",
	 * "est", "s", "suis", "jsuis" before */
	if (!pn_self_intro_lead(c, i))
		return 0;
	int here = tk_eq(c, k, "here") && (c->tk[k].f & TK_SP);
	int from = tk_eq(c, k, "from") && (c->tk[k].f & TK_SP) && tk_is(c, k + 1, TK_CAP);
	size_t p = i > 0 ? tk_prev_word(c, i, 0) : SIZE_MAX;
	int lead = 0;
	if (!here && !from && p != SIZE_MAX && p + 1 == i && c->tk[p].flen) {
		char f0 = tk_fold(c, p)[0];
		/* "ici titi", "c'est Patience", "its ty", "it's Ty", "jsuis lolo" */
		unsigned pl = c->tk[p].flen;
		/* the pre-test of the words compared below (test_priv_name_guards.c keeps them in step) */
		if (pn_self_intro_lead_word(pl, f0) &&
		    (tk_eq(c, p, "ici") || tk_eq(c, p, "its") || tk_eq(c, p, "jsuis") ||
		     (tk_eq(c, p, "est") && p >= 2 && tk_apos(c, p - 1) && tk_eq(c, p - 2, "c")) ||
		     (tk_eq(c, p, "s") && p >= 2 && tk_apos(c, p - 1) && tk_eq(c, p - 2, "it")) ||
		     (tk_eq(c, p, "suis") && p >= 1 && (tk_eq(c, p - 1, "je") || (p >= 2 && tk_apos(c, p - 1) &&
										    tk_eq(c, p - 2, "j"))))))
			lead = 1;
	}
	if (!here && !from && !lead)
		return 0;
	/* after the introduction, a pause, an age or the end after the name (the cheap tests first) */
	if (lead && !(k >= c->n_tk || tk_ch(c, k, ',') || tk_ch(c, k, '.') || tk_ch(c, k, '!') ||
		      (c->tk[k].f & TK_AGE) || (tk_is(c, k, TK_PUNCT) && (c->t[c->tk[k].s] & 0x80)) ||
		      /* "c'est Tharshini de la réa", "it's Deji from ward 5" */
		      ((tk_eq(c, k, "de") || tk_eq(c, k, "from")) && (c->tk[i].f & TK_CAP))))
		return 0;
	/* after "c'est" / "it's", a capitalised word no list knows too: "Salut, c'est Tharshini de la
	 * réa" */
	if (!introduced_word(c, i) &&
	    !((lead || here) && c->tk[i].lex == 0 && (c->tk[i].f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP &&
	      tk_len(c, i) >= 3 && !tk_eq(c, p, "ici")))
		return 0;
	if (lead) {
		/* the words before the introduction open the message */
		size_t q = tk_eq(c, p, "est") || tk_eq(c, p, "s") || (tk_eq(c, p, "suis") && tk_apos(c, p - 1)) ? p - 2
			   : tk_eq(c, p, "suis") ? p - 1 : p;
		return intro_opening(c, q);
	}
	/* "Hello from Ballymena! Soizic here, mum to Layla": a sentence opening on a capitalised name
	 * that is no word, "here" and a pause */
	if (here && tk_sentence_start(c, i) && (c->tk[i].f & (TK_CAP | TK_ALLCAP)) == TK_CAP &&
	    !(c->tk[i].lex & (LX_WORD | LX_NOTNAME)) && (tk_ch(c, k + 1, ',') || tk_ch(c, k + 1, '(')))
		return 1;
	if (!intro_opening(c, i))
		return 0;
	if (here)
		return 1;
	/* "nat from Brisbane, 31", "Sunny from Bath here": the place, then "here", an age or a
	 * comma and a number */
	size_t e = k + 1;
	while (e + 1 < c->n_tk && tk_is(c, e + 1, TK_CAP) && (c->tk[e + 1].f & TK_SP) && e < k + 3)
		e++;
	return tk_eq(c, e + 1, "here") || (tk_ch(c, e + 1, ',') && (tk_is(c, e + 2, TK_NUM) || (c->tk[e + 2 < c->n_tk ? e + 2 : e].f & TK_AGE))) ||
	       (tk_ch(c, e + 1, '(') && tk_is(c, e + 2, TK_NUM));
}

/* A given name that is also an ordinary word, a month or a day, capitalised: what only the
 * words around it can make a name ("Sunny", "Ange", "Mai", "Sunday"). */
static int word_name(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t f = t->lex;
	return (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && tk_len(c, i) >= 2 && (f & LX_GIVEN) &&
	       !(f & (LX_STOPFR | LX_STOPEN | LX_GREET | LX_SIGNOFF | LX_TITLE | LX_KIN | LX_INTRO | LX_EPONYM |
		      LX_IDLABEL | LX_CITY | LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET)) &&
	       !pn_contraction(c, i) && !tk_lex2(c, i, LX2_AUX) && !pn_pet_before(c, i) && !tk_eq_any(c, i, endearment) &&
	       !pn_eponym_part(c, i);
}

/* Token k opens an age: an AGE span, or a bare number in brackets ("(12)"). */
static int age_at(const struct pctx *c, size_t k)
{
	return k < c->n_tk && ((c->tk[k].f & TK_AGE) || (tk_ch(c, k, '(') && tk_is(c, k + 1, TK_NUM) &&
							  (c->tk[k + 1].f & TK_AGE || tk_ch(c, k + 2, ')'))));
}

/* "Sunny (notre fille, 6 ans)", "Ange, mon homme,", "Mai, bénévole à l'asso", "la petite Mai
 * (6 ans)", "Ange, 8 mois, trisomie 21", "My brother Sunday is 19", "Dad is Sonny.": a word-name
 * that a relative, a trade or an age set beside it, or that a relative's "is" introduces. */
int pn_word_name_marked(const struct pctx *c, size_t i)
{
	static const char *const w_mon[] = {
		"mon", "ma", "mes", "notre", "nos", "sa", "son", "ses", "leur", "ta", "ton", "my", "our", "his",
		"her", "their", "your", NULL
	};
	size_t k = i + 1;
	const struct ptok *t = &c->tk[i];
	/* what it tests first: a capitalised word that is also a word, a month or a day (a name
	 * that is no word is found by the other rules), then a pause, or a relative or "is" /
	 * "est" right before */
	if (k + 1 >= c->n_tk || (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP ||
	    !((t->lex & (LX_WORD | LX_NOTNAME | LX_MONTH | LX_DAY | LX_GIVEN)) || t->lex == 0) ||
	    !(tk_ch(c, k, ',') || tk_ch(c, k, '(') ||
	      (i > 0 && ((c->tk[i - 1].lex & LX_KIN) || tk_eq(c, i - 1, "is") || tk_eq(c, i - 1, "est")))))
		return 0;
	size_t p = tk_prev_word(c, i, 1);
	/* "Son is Gégé,": a name that is no word, or none a list knows, after a relative's "is"
	 * (below) */
	int plain = !(t->lex & (LX_WORD | LX_NOTNAME | LX_MONTH | LX_DAY));
	if (plain ? tk_len(c, i) < 3 || !(p != SIZE_MAX && p + 1 == i && (tk_eq(c, p, "is") || tk_eq(c, p, "est")))
		  : !word_name(c, i))
		return 0;
	/* "Dad is Sonny.", "Daughter is Morag,": a relative opening the sentence, "is", the name */
	if (p != SIZE_MAX && p + 1 == i && (tk_eq(c, p, "is") || tk_eq(c, p, "est")) && p >= 1 &&
	    (c->tk[p - 1].lex & LX_KIN) &&
	    (!(c->tk[p - 1].lex & (LX_STOPFR | LX_STOPEN)) || tk_eq(c, p - 1, "son") || tk_eq(c, p - 1, "daughter")) &&
	    (tk_sentence_start(c, p - 1) || (p >= 2 && pn_possessive(c, p - 2))) &&
	    (tk_ch(c, k, '.') || tk_ch(c, k, ',') || tk_ch(c, k, '!') || tk_ch(c, k, '(') ||
	     (tk_is(c, k, TK_CAP) && (c->tk[k].lex & (LX_PATR | LX_HN)))) &&
	    !(t->lex & (LX_MONTH | LX_DAY)))
		return 1;
	/* "My brother Sunday is 19": a day or a month right after a relative and a possessive,
	 * then a verb or an age (not "I saw my mum Sunday") */
	if ((t->lex & (LX_DAY | LX_MONTH | LX_NOTNAME)) && p != SIZE_MAX && p + 1 == i && (c->tk[p].lex & LX_KIN) &&
	    p >= 1 && pn_possessive(c, p - 1) && (c->tk[k].f & TK_SP) &&
	    (age_at(c, k) || (tk_lex2(c, k, LX2_SVERB) && tk_is(c, k, TK_LOWER) && !tk_eq(c, k, "and") &&
			      !tk_eq(c, k, "et") && !tk_eq(c, k, "m") && !tk_eq(c, k, "me"))))
		return 1;
	/* "Sunny, your photo with Daisy", "Olive, your lab results": a sentence opening on the
	 * name, then the second person */
	if (tk_ch(c, k, ',') && (tk_sentence_start(c, i) || (p != SIZE_MAX && tk_ch(c, i - 1, ':'))) &&
	    ((t->lex & (LX_PRN | LX_CAPEN)) || (t->lex & LX_NOTNAME)) && !(t->lex & (LX_DAY | LX_MONTH)) &&
	    (tk_eq(c, k + 1, "your") || tk_eq(c, k + 1, "ton") || tk_eq(c, k + 1, "ta") || tk_eq(c, k + 1, "tes")))
		return 1;
	/* the apposition: a pause right after the name, not a date's day ("le 3 Mai, ..."), not a
	 * word of the language capitalised by a sentence start ("Hier, mon mari m'a dit") */
	if (!(tk_ch(c, k, ',') || tk_ch(c, k, '(')) ||
	    (p != SIZE_MAX && p + 1 == i &&
	     (c->tk[p].f & TK_DIGIT || (c->tk[p].lex & (LX_STOPFR | LX_STOPEN | LX_LOCPREP)))) ||
	    ((t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) && !(t->lex & (LX_PRN | LX_CAPEN)) &&
	     tk_sentence_start(c, i)))
		return 0;
	size_t a = k + 1;
	/* "(6 ans)", ", 8 mois,": an age (a month only in brackets: "Mai, 3 ans après") */
	if ((t->lex & (LX_PRN | LX_CAPEN)) && !(t->lex & LX_DAY) && (c->tk[a].f & TK_AGE) &&
	    (tk_ch(c, k, '(') || !(t->lex & LX_MONTH)))
		return 1;
	/* "Murat (9 ans)", "Fortuné (ch 7, 6 ans)": an age inside the brackets right after it */
	if (tk_ch(c, k, '(') && !(t->lex & LX_DAY))
		for (size_t e = a; e < c->n_tk && e <= a + 5 && !tk_ch(c, e, ')'); e++)
			if (c->tk[e].f & TK_AGE)
				return 1;
	/* "(notre fille", ", mon homme": a possessive and a relative (not after a greeting: "Dear
	 * Pals, my father" speaks of the writer's) */
	if (tk_eq_any(c, a, w_mon) &&
	    tk_is(c, a + 1, TK_LOWER) &&
	    !(p != SIZE_MAX && (c->tk[p].lex & LX_GREET)) &&
	    (c->tk[a + 1].lex & LX_KIN))
		return !(t->lex & LX_DAY);
	/* "Sully, le fils de Mme Poirier, a appelé", "Grace, the daughter of bed 4": an article, a
	 * relative's word and "de" / "of" (a town that is a given name too, as the text's first
	 * word, is the person) */
	static const char *const art[] = {"le", "la", "l", "the", NULL};
	static const char *const rel[] = {"fils", "fille", "frere", "soeur", "mari", "femme", "mere", "pere",
					  "neveu", "niece", "cousin", "cousine", "son", "daughter", "brother",
					  "sister", "husband", "wife", "mother", "father", "nephew", NULL};
	/* (not a feast, "Noël, la fille de ma voisine est venue"; nor the place 'y' points back
	 * to after the relative's phrase, "Lourdes, la mère de ma copine y va") */
	static const char *const feast[] = {"noel", "paques", "toussaint", NULL};
	if (tk_ch(c, k, ',') && tk_eq_any(c, a, art) && !tk_eq_any(c, i, feast)) {
		size_t r = tk_next_word(c, a, 1);
		if (tk_eq_any(c, r, rel) && (tk_eq(c, r + 1, "de") || tk_eq(c, r + 1, "d") || tk_eq(c, r + 1, "of")) &&
		    !(t->lex & (LX_DAY | LX_MONTH))) {
			size_t y = r + 2;
			while (y < c->n_tk && y <= r + 6 && !tk_eq(c, y, "y") && !(c->tk[y].f & TK_PUNCT))
				y++;
			if (!(y < c->n_tk && tk_eq(c, y, "y")))
				return 1;
		}
	}
	/* ", bénévole à l'asso": a carer's trade without its article */
	return tk_ch(c, k, ',') && tk_is(c, a, TK_LOWER) && tk_eq_any(c, a, trade) && !(t->lex & LX_DAY) &&
	       !(tk_apos(c, a + 1) && tk_glued(c, a)) && !tk_ch(c, a + 1, '-');
}

/* A given name written in capitals (hunspell's first names). */
static int caps_given(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || (c->tk[k].f & (TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_ALLCAP || tk_len(c, k) < 3)
		return 0;
	uint32_t f = c->tk[k].lex;
	return (f & LX_PRN) &&
	       !(f & (LX_STOPFR | LX_STOPEN | LX_GREET | LX_SIGNOFF | LX_TITLE | LX_KIN | LX_MONTH | LX_DAY | LX_INTRO |
		      LX_EPONYM | LX_IDLABEL | LX_CITY | LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET)) &&
	       !tk_lex2(c, k, LX2_AUX);
}

/* The end of a name in capitals from token i: "MARIE-LOU", "JEAN-MARC" (each part a given
 * name). */
static size_t caps_compound(const struct pctx *c, size_t i)
{
	size_t j = i;
	while (tk_ch(c, j + 1, '-') && tk_glued(c, j) && tk_glued(c, j + 1) && caps_given(c, j + 2))
		j += 2;
	return j;
}

/* A given name in capitals opening a sentence of a text that is not in capitals: "ROSE!!! Where
 * have you been", "CLAIRE ET ANGE, MERCI", "MARIE-LOU est née", "LÉO est né", "ANGE TU ES OÙ ?",
 * "JEAN-MARC si tu me lis". What follows says it is a person: an exclamation or a pause, a
 * second given name in capitals joined by "et", a verb, the second person. */
size_t pn_caps_name(const struct pctx *c, size_t i)
{
	if (c->shout || !caps_given(c, i))
		return 0;
	size_t j = caps_compound(c, i), n = j + 1;
	/* "ET ANGE": the second of a pair */
	if (i >= 2 && (tk_eq(c, i - 1, "et") || tk_eq(c, i - 1, "and") || tk_ch(c, i - 1, '&')) &&
	    (c->tk[i - 1].f & (TK_ALLCAP | TK_PUNCT)) && (c->tk[i - 2].f & TK_ALLCAP) && (c->tk[i - 2].lex & LX_PRN) &&
	    tk_sentence_start(c, i - 2) &&
	    intro_opening(c, i - 2))
		return j + 1;
	if (!tk_sentence_start(c, i) || n >= c->n_tk)
		return 0;
	/* "ROSE!!!", "CLAIRE ET ANGE": opening the message (not "... leucémie : VICTOIRE !") */
	if ((tk_ch(c, n, '!') || tk_ch(c, n, ',') ||
	     ((tk_eq(c, n, "et") || tk_eq(c, n, "and") || tk_ch(c, n, '&')) && (c->tk[n].f & (TK_ALLCAP | TK_PUNCT)) &&
	      caps_given(c, n + 1))) &&
	    intro_opening(c, i))
		return j + 1;
	if (!(c->tk[n].f & TK_SP))
		return 0;
	/* "ANGE TU ES", "JEAN-MARC si tu me lis", "LÉO est né", "MARIE-LOU est née" */
	if (tk_eq(c, n, "tu") || tk_eq(c, n, "you") || ((tk_eq(c, n, "si") || tk_eq(c, n, "if")) &&
							  (tk_eq(c, n + 1, "tu") || tk_eq(c, n + 1, "you"))))
		return j + 1;
	return tk_is(c, n, TK_LOWER) && (j > i || (tk_lex2(c, n, LX2_SVERB) && !tk_eq(c, n, "and") && !tk_eq(c, n, "et") &&
						  !tk_eq(c, n, "m") && !tk_eq(c, n, "me")))
		       ? j + 1
		       : 0;
}
