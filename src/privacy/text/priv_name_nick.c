/*
 * priv_name_nick.c - after the rules (pn_nick_late, called before pn_repeat): names that the
 * writers of the registers people use put where no title, list or capital says so, each read
 * from lexical evidence around the word, never from its capital alone. What a name is here
 * (pn_nick_named): a first name of hunspell's or faker's lists, a humannames name that the
 * text's language has no word for, a doubled syllable ("lolo"), or a nickname cut from a given
 * name: a word no list holds, of three to five letters, no texting word, that a few endings make
 * a given name ("kev" -> "kevin", "soph" -> "sophie") or that is one with a nickname's tail
 * ("robbo"). The shapes:
 *   - the one a text (or a sentence) opens by addressing: a pause and the second person or
 *     thanks ("Rose, je pense fort à toi", "Hope – thinking of you", "Soph ! merci"), a fond
 *     word ("paris ma grande ton scanner", "Rob mate,"), the second person or a question
 *     ("margot tu peux", "ellie did u get", "KEV T'ES OÙ");
 *   - a greeting, thanks or an apology before the name ("slt margot", "cheers gaz,", "dsl
 *     manu");
 *   - a capitalised nickname as a verb's subject ("Kev says", "omg Soph just messaged");
 *   - lowercase names by the words around them: a list beside a name found, "here", thanks to,
 *     a team, the writer's companion, news only a person has ("rose is home!!!"), the writer's
 *     age, a carer's trade; a capitalised one owned and aged ("Our Bobby turned 7").
 * The relatives, size words and trades of priv_name_kin.c and the signers of
 * priv_name_signer.c are called from here too.
 */
#include <string.h>

#include "privacy/text/priv_name.h"

/* Texting words and interjections that a nickname's shape would let through ("lol" ->
 * "lola"). */
static const char *const texting[] = {"lol", "omg", "mdr", "ptdr", "ngl", "tbh", "idk", "smh", "wsh", "jsp",
				      "bjr", "slt", "tkt", "dsl", "stp", "svp", "pls", "plz", "thx", "btw",
				      "imo", "fyi", "ily", "rdv", "asap", "yep", "nope", "hmm", "haha", "hihi",
				      "jpp", "ffs", "omfg", "wtf", "bcp", "mtn", "dac", "ouf", "bah", "beh",
				      "nan", "ouais", "mouais", "yay", "yeah", "yup", "nah", "aww", "awww",
				      "coucou", "ben", "kiss", "bisou", "bises", "xoxo", "cc", "re", "derm", "rhumato",
				      "gastro", "cardio", "pneumo", "neuro", "onco", "endo", "physio", "kine",
				      "hosto", "doc", "ortho", "psy", "gyneco", "pedo", "uro", "rea", "dem", "dey", NULL};
/* What may open a sentence before the one it is written to ("Ok Kev, you win"). */
static const char *const opener[] = {"ok", "okay", "oh", "aw", "aww", "ah", "lol", "omg", "yo", "so", "bon", "ben",
				     "bah", "allez", "courage", "bravo", "merci", "thanks", "well", "mdr", "ptdr",
				     "haha", "ahah", "wsh", NULL};
/* What opens a sentence in a text message before its subject. */
static const char *const interj[] = {"lol", "omg", "mdr", "ptdr", "ngl", "tbh", "ptn", "putain", "wsh", "smh",
				     "wow", "oh", "ah", "omfg", "ffs", "honestly", "bref", "ouf", NULL};

/* The folded key w is a given name of hunspell's or faker's lists, and never a word that is no
 * name. */
static int first_name_key(const char *w)
{
	uint32_t lx = priv_lex_word(w);
	return (lx & (LX_PRN | LX_FIRSTNAME)) && !(lx & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN));
}

/* A nickname cut from a given name: token i no list holds, lowercase or capitalised, three
 * to five letters a-z, a vowel, no texting word, that an ending makes a given name of the
 * hunspell or faker lists (not one only humannames, which holds words, has). */
int pn_cut_name(const struct pctx *c, size_t i)
{
	static const char *const ends[] = {"in", "ie", "y", "a", "e", "ine", "mine", "ane", "anie", "ia",
					   "o", "an", "ette", "ina", "ard", "ert", "elle", "ica", "ien", NULL};
	const struct ptok *t = &c->tk[i];
	size_t n = t->flen;
	if (t->lex != 0 || n < 3 || n > 5 || (t->f & (TK_DIGIT | TK_CLAIMED)))
		return 0;
	const char *f = tk_fold(c, i);
	int vowel = 0;
	for (size_t k = 0; k < n; k++) {
		if (f[k] < 'a' || f[k] > 'z')
			return 0;
		vowel |= strchr("aeiouy", f[k]) != NULL;
	}
	if (!vowel || tk_eq_any(c, i, texting))
		return 0;
	char w[16];
	memcpy(w, f, n);
	for (const char *const *e = ends; *e; e++) {
		size_t m = strlen(*e);
		memcpy(w + n, *e, m + 1);
		if (first_name_key(w))
			return 1;
	}
	/* a given name and a nickname's ending: "robbo", "gazza" ("rob", "gaz") */
	static const char *const tails[] = {"bo", "o", "za", "y", "ie", NULL};
	for (const char *const *e = tails; *e; e++) {
		size_t m = strlen(*e);
		if (n >= m + 3 && memcmp(f + n - m, *e, m) == 0) {
			size_t r = n - m;
			memcpy(w, f, r);
			w[r] = 0;
			/* a doubled consonant before the ending: "robb" -> "rob", "gazz" -> "gaz" */
			if (first_name_key(w) || (r >= 4 && w[r - 1] == w[r - 2] && (w[r - 1] = 0, first_name_key(w))))
				return 1;
		}
	}
	return 0;
}

#define NEVER PN_NEVER

/* A given name on the lists' own word: hunspell's or faker's, or humannames' when no
 * dictionary holds it ("ellie", "priya", "bev"); not a word never a name. */
int pn_nick_given(const struct pctx *c, size_t i)
{
	uint32_t lx = c->tk[i].lex;
	if ((lx & NEVER) || (lx & LX_NOTNAME) || tk_lex2(c, i, LX2_AUX))
		return 0;
	return ((lx & (LX_PRN | LX_FIRSTNAME)) || ((lx & LX_HN) && !(lx & LX_WORD))) && !tk_eq_any(c, i, texting);
}

/* A given name that is also an ordinary word, one a dictionary writes with a capital too
 * ("Hope", "May", "June", "Olive", "Will"): a name only where a pause frames it. */
static int word_given(const struct pctx *c, size_t i)
{
	uint32_t lx = c->tk[i].lex;
	return !(lx & NEVER) && (lx & LX_HN) && (lx & LX_CAPEN) && (!(lx & LX_NOTNAME) || (lx & LX_MONTH));
}

/* Token k is the second person, written out or in text-message spelling ("t'" of "t'as"). */
static int second_person(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"you", "u", "ya", "your", "ur", "youre", "yours", "tu", "toi", "ton", "ta",
					"tes", "te", "vous", "votre", "vos", "v", NULL};
	if (k >= c->n_tk)
		return 0;
	return tk_eq_any(c, k, w) || ((tk_eq(c, k, "t") || tk_eq(c, k, "vs")) && tk_apos(c, k + 1) && tk_glued(c, k));
}

/* The clause from token k (to the first '.', '?', '!', ':' or line break, 14 tokens at most)
 * speaks to someone: the second person, or (thanks) a word of thanks or wishes opening it. */
static int clause_addresses(const struct pctx *c, size_t k, int thanks)
{
	static const char *const thx[] = {"merci", "thanks", "thank", "thx", "congrats", "congratulations", "bravo",
					  "felicitations", "happy", "joyeux", "bon", "bonne", "courage", NULL};
	if (thanks && tk_eq_any(c, k, thx))
		return 1;
	for (size_t e = k; e < c->n_tk && e < k + 14; e++) {
		if (e > k && (tk_ch(c, e, '.') || tk_ch(c, e, '?') || tk_ch(c, e, '!') || tk_ch(c, e, ':') ||
			      (c->tk[e].f & TK_NL)))
			return 0;
		if (second_person(c, e))
			return 1;
	}
	return 0;
}

/* The clause from token k (to the first '.', '?', '!' or line break, 20 tokens at most) ends
 * asking or crying out: its last mark is '?' or '!'. */
static int clause_ends_asking(const struct pctx *c, size_t k)
{
	for (size_t e = k; e < c->n_tk && e < k + 20; e++) {
		if (tk_ch(c, e, '?') || tk_ch(c, e, '!'))
			return 1;
		if (tk_ch(c, e, '.') || (c->tk[e].f & TK_NL))
			return 0;
	}
	return 0;
}

/* Token k opens a statement about anyone: "u gotta have it", "you get so little of it", "u
 * never know" (not "u get well soon", nor "u need to rest", said to someone). */
static int generic_you(const struct pctx *c, size_t k)
{
	static const char *const you[] = {"u", "you", "ya", NULL};
	static const char *const verb[] = {"gotta", "get", "never", "learn", "cant", "find", NULL};
	return tk_eq_any(c, k, you) && tk_eq_any(c, k + 1, verb) && !tk_eq(c, k + 2, "well");
}

/* The fond words one calls someone by after their name ("mate", "babe", "my love", "ma
 * grande", "mon cœur"): the token after them, or 0. */
static size_t fond(const struct pctx *c, size_t k)
{
	static const char *const one[] = {"mate", "hun", "babe", "bro", "sis", "hunny", "darling", "love", "luv",
					  "cherie", "cheri", "gurl", "girl", "dude", "bb", "chou", NULL};
	static const char *const poss[] = {"my", "ma", "mon", NULL};
	static const char *const two[] = {"love", "dear", "darling", "friend", "grande", "belle", "grand", "puce",
					  "cherie", "cheri", "coeur", "chou", "biche", "poule", "pote", "choupette",
					  "loulou", "girl", "boy", "lovely", "sweet", NULL};
	if (tk_eq_any(c, k, one))
		return k + 1;
	if (tk_eq_any(c, k, poss) && (c->tk[k + 1 < c->n_tk ? k + 1 : k].f & TK_SP) && tk_eq_any(c, k + 1, two))
		return k + 2;
	return 0;
}

/* Token k is "you" as a sentence's subject, written out or in text-message spelling: "u",
 * "you", "ur", "tu", "t'" ("t'as"), "t" before a word ("t ou ??"). */
static int subject_you(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"u", "you", "ur", "youre", "tu", "ya", NULL};
	if (k >= c->n_tk)
		return 0;
	if (tk_eq_any(c, k, w))
		return 1;
	return tk_eq(c, k, "t") && ((tk_apos(c, k + 1) && tk_glued(c, k)) || tk_is(c, k + 1, TK_LOWER));
}

/* Token i is a given name by the lists or its shape: hunspell's or faker's first names (a
 * word too: "margot", "mark", "rose"), humannames' when the text's language has no such word
 * ("gaz" in English, "Mo" in French), a nickname cut from a given name ("kev", "robbo"), a
 * doubled syllable a name list holds ("lolo"); not a word never a name, nor a texting
 * word. */
int pn_nick_named(const struct pctx *c, size_t i)
{
	uint32_t lx = c->tk[i].lex, word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if (lx & NEVER)
		return 0;
	if (lx == 0)
		return pn_cut_name(c, i);
	if ((lx & LX_NOTNAME) && !(lx & LX_MONTH))
		return 0;
	/* (of the texting words, only "ben" is a first name of hunspell's or faker's) */
	if (lx & (LX_PRN | LX_FIRSTNAME))
		return !tk_eq(c, i, "ben");
	return (((lx & LX_HN) && !(lx & word)) || pn_doubled_nickname(c, i)) && !tk_eq_any(c, i, texting);
}

int pn_dash(const struct pctx *c, size_t k)
{
	if (tk_ch(c, k, '-'))
		return 1;
	return k < c->n_tk && tk_len(c, k) == 3 && !(c->tk[k].f & TK_WORD) &&
	       (memcmp(c->t + c->tk[k].s, "\xe2\x80\x93", 3) == 0 || memcmp(c->t + c->tk[k].s, "\xe2\x80\x94", 3) == 0);
}

/* Word i, first in the text (first), or opening a sentence or after an interjection that
 * opens one ("Ok Kev, you win", "Merci à toutes.\nSoph, tu as eu"), is the one it is written
 * to. Away from the text's first word only a given name or a cut one counts. */
static inline int vocative_frame(const struct pctx *c, size_t i)
{
	/* what the frames below ask first of the token after the name: a pause (a comma, a "!", a
	 * bracket, a dash), or a short word (a fond word, "you", a question's first word: seven
	 * letters at most) */
	size_t k = i + 1;
	if (k >= c->n_tk)
		return 0;
	const struct ptok *n = &c->tk[k];
	return n->ch == ',' || n->ch == '!' || n->ch == '(' || n->ch == '-' || (!(n->f & TK_WORD) && n->e - n->s == 3) ||
	       ((n->f & (TK_SP | TK_ALPHA)) == (TK_SP | TK_ALPHA) && n->flen && n->flen <= 7);
}

static int vocative_open(const struct pctx *c, size_t i, int first)
{
	static const char *const ask[] = {"did", "do", "are", "r", "have", "can", "could", "would", "will", "were",
					  "where", "wya", "how", "hows", "what", "when", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CLAIMED | TK_DIGIT)) || !(t->f & TK_ALPHA) || tk_len(c, i) < 2)
		return 0;
	/* in capitals in a text that is not, only a hunspell or faker first name that is no
	 * acronym ("GRACE U ABSOLUTE LEGEND", not "ANCA, you") */
	if ((t->f & TK_ALLCAP) && !c->shout && (!(t->lex & (LX_PRN | LX_FIRSTNAME)) || pn_acronym(c, i)))
		return 0;
	if (!vocative_frame(c, i))
		return 0;
	int town = (t->lex & (LX_TOWN | LX_CITY | LX_NPR)) != 0, aux = tk_lex2(c, i, LX2_AUX) != 0;
	int name = pn_nick_named(c, i), strong = name && !town && !aux;
	if (!name && !(first && (t->f & TK_CAP) && word_given(c, i)))
		return 0;
	size_t k = i + 1;
	/* a pill or a device asked about ("jasmine tu connais ?", "yaz tu l'as prise longtemps ?",
	 * "melodia tu l'as eue"): a name only capitalised before a pause */
	static const char *const pill[] = {"jasmine", "jasminelle", "yaz", "yasmin", "melodia", "leeloo", "zoely",
					   "optilova", "lucette", "katya", "diane", "belara", "felixita", "lumalia",
					   "optimizette", "cerazette", "mirena", "kyleena", "jaydess", "evra", NULL};
	if (tk_eq_any(c, i, pill) && ((t->f & TK_LOWER) || !(tk_ch(c, k, ',') || tk_ch(c, k, '!'))))
		return 0;
	/* the writer or the one written to, a nickname cut from a given name before a comma and the
	 * message ("Sab, le bilan de Mme Fontaine est arrivé"), a name before their age ("margot (27
	 * ans) ici,", "lea, 19 ans,") */
	if (first && name && !town && !aux && (tk_ch(c, k, ',') || tk_ch(c, k, '(')) && (c->tk[k + 1 < c->n_tk ? k + 1 : k].f & TK_AGE))
		return 1;
	if (first && t->lex == 0 && (t->f & TK_CAP) && name && tk_ch(c, k, ',') && tk_is(c, k + 1, TK_LOWER) &&
	    (c->tk[k + 1].f & TK_SP))
		return 1;
	/* a pause: ", ", "!", "!!", " – " (a town only after a fond word; a lowercase auxiliary
	 * neither: "will, you need to rest") */
	if ((name && town) || (aux && (t->f & TK_LOWER)))
		;
	else if (tk_ch(c, k, ',') && !tk_ch(c, k + 1, ',')) {
		/* a lowercase word of the language (a noun first: "faith, u gotta have it", "joy, u
		 * get so little of it") only before a question or a cry, and none opening a list of
		 * words ("pierre, feuille, ciseaux, tu connais") */
		if ((t->f & TK_LOWER) && (t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) &&
		    ((tk_is(c, k + 1, TK_WORD) && tk_ch(c, k + 2, ',')) || (generic_you(c, k + 1) && !clause_ends_asking(c, k + 1))))
			return 0;
		return clause_addresses(c, k + 1, 0);
	}
	else if (tk_ch(c, k, '!')) {
		while (tk_ch(c, k, '!'))
			k++;
		return clause_addresses(c, k, 1);
	} else if (pn_dash(c, k) && (c->tk[k].f & TK_SP))
		return clause_addresses(c, k + 1, 0);
	if (!(c->tk[k].f & TK_SP))
		return 0;
	if (!name)
		/* "June how did the colonoscopy go" */
		return tk_eq(c, k, "how") && (tk_eq(c, k + 1, "did") || tk_eq(c, k + 1, "was") || tk_eq(c, k + 1, "is") ||
					      tk_eq(c, k + 1, "are"));
	/* no pause: a fond word ("Rob mate,", "paris ma grande ton scanner", "florence my love
	 * ur bloods", "bill mate thanks"), the second person ("margot tu peux", "mark ur
	 * terrible", "lolo t ou ??", "baptiste si tu lis ça"), a question ("ellie did u", "kev
	 * where r u", "will will u come") */
	size_t e = fond(c, k);
	if (e) {
		k = e;
		if (tk_ch(c, k, ',') || tk_ch(c, k, '!'))
			return 1;
		/* a town only with the second person right after ("paris ma grande ton scanner",
		 * not "paris ma grande ville de galère, tu connais") */
		if (town)
			return second_person(c, k);
		return subject_you(c, k) || clause_addresses(c, k, 1);
	}
	if (!strong) /* a town or an auxiliary: only after a fond word, or "will will u" */
		return aux && tk_eq_any(c, k, ask) && second_person(c, k + 1);
	/* a word-name that is a verb too takes only the unambiguous "u", "tu", "t'" ("mark ur
	 * calendar", "bill your insurer" are orders) */
	if ((t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) && (tk_eq(c, k, "ur") || tk_eq(c, k, "you") || tk_eq(c, k, "ya")))
		return 0;
	if (subject_you(c, k) || ((tk_eq(c, k, "si") || tk_eq(c, k, "if")) && subject_you(c, k + 1)))
		return 1;
	if (!tk_eq_any(c, k, ask))
		return 0;
	if (tk_eq(c, k, "how") && tk_eq_any(c, k + 1, ask) && !tk_eq(c, k + 1, "how"))
		/* "June how did the colonoscopy go"; a lowercase month only with the second person
		 * ("june how did it go last yr?" asks about the month) */
		return !((t->lex & LX_MONTH) && (t->f & TK_LOWER)) || clause_addresses(c, k, 0);
	return second_person(c, k + 1) || (tk_eq_any(c, k + 1, ask) && second_person(c, k + 2));
}


/* Token k is a verb of the text's language that a person does, in the third person, right
 * after a subject: "Kev says", "Soph just messaged", "Jo fainted", "Yas a eu", "Béa m'a dit". */
static int person_verb(const struct pctx *c, size_t k)
{
	static const char *const en[] = {"says", "said", "just", "has", "had", "is", "was", "did", "does", "got", "gets",
					 "went", "goes", "can", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt",
					 "rang", "came", "left", "fell", "texted", "messaged", "called", "told", "thinks",
					 "reckons", "wants", "needs", "loves", "hates", "keeps", "never", "finally",
					 "still", "always", NULL};
	static const char *const fr[] = {"est", "etait", "avait", "va", "fait", "vient", "dit", "sera", "aura", "doit",
					 "peut", "veut", "sort", "rentre", "arrive", "part", "reste", "dort", "pleure",
					 "commence", "refuse", "adore", "trouve", "pense", "attend", NULL};
	if (k >= c->n_tk || !(c->tk[k].f & TK_SP) || !(c->tk[k].f & TK_LOWER))
		return 0;
	if (c->lang == ENT_PRIV_EN) {
		if (tk_eq_any(c, k, en))
			return 1;
		/* a past in -ed the dictionary knows: "fainted", "messaged" */
		size_t n = c->tk[k].flen;
		const char *f = tk_fold(c, k);
		return n >= 5 && f[n - 2] == 'e' && f[n - 1] == 'd' && (c->tk[k].lex & LX_WEN) &&
		       !(c->tk[k].lex & (LX_GIVEN | LX_PATR));
	}
	if (tk_eq_any(c, k, fr))
		return 1;
	/* "a" the verb (not "à"), "m'a", "t'a", "l'a" */
	if (tk_eq(c, k, "a"))
		return c->t[c->tk[k].s] == 'a';
	return (tk_eq(c, k, "m") || tk_eq(c, k, "t") || tk_eq(c, k, "l")) && tk_apos(c, k + 1) && tk_glued(c, k) &&
	       tk_glued(c, k + 1) && (tk_eq(c, k + 2, "a") || tk_eq(c, k + 2, "as") || tk_eq(c, k + 2, "est"));
}

/* A capitalised nickname cut from a given name (or a short given name the lists hold), the
 * subject of a verb where a sentence opens, after a texting interjection that opens it ("omg
 * Soph just", "ptn Béa m'a dit") or after a comma ("trop contente, Yas a eu"). */
static int nick_subject(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP | TK_CLAIMED | TK_DIGIT)) != TK_CAP || tk_len(c, i) > 6)
		return 0;
	int verb = person_verb(c, i + 1);
	if (!verb && !(t->lex == 0 && pn_possessive_s(c, i + 1)))
		return 0;
	int opens = tk_sentence_start(c, i);
	if (!opens && i >= 1) {
		size_t p = i - 1;
		if (tk_ch(c, p, ','))
			opens = p >= 1 && (c->tk[p - 1].f & TK_WORD);
		else
			opens = tk_eq_any(c, p, interj) && tk_sentence_start(c, p);
	}
	if (!opens)
		return 0;
	/* (a nickname no list holds before a possessive too: "Kev's inhaler") */
	if (pn_cut_name(c, i))
		return 1;
	return verb && pn_nick_given(c, i) && !(t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR));
}

/* A greeting, thanks or an interjection, then the name ("slt margot tu peux", "cheers gaz,",
 * "lol cheers robbo x", "omg becca", "thanks jen x"): the greeting opens a sentence (or
 * follows another that does), token i right after it. A name that is a word of the language
 * ("margot", "mark") or a town only before a pause, a kiss, the text's end or the second
 * person. */
static int greeted(const struct pctx *c, size_t i)
{
	static const char *const hi[] = {"slt", "salut", "cc", "coucou", "hey", "hi", "hello", "hiya", "yo", "oi",
					 "bonjour", "bonsoir", "cheers", "thanks", "thx", "ty", "merci", "omg", "morning",
					 "mornin", "evening", "night", "nite", "bisous", "bises", "bravo", "congrats",
					 "courage", "dsl", "desolee", "desole", "sorry", "soz", NULL};
	const struct ptok *t = &c->tk[i];
	if (i == 0 || (t->f & (TK_CLAIMED | TK_DIGIT | TK_ALLCAP)) || !(t->f & TK_SP) || tk_len(c, i) < 2 ||
	    c->tk[i - 1].flen > 8 || tk_lex2(c, i, LX2_AUX))
		return 0;
	size_t p = i - 1;
	if (!tk_sentence_start(c, p) && !(p > 0 && tk_sentence_start(c, p - 1)))
		return 0;
	/* (most of the list are greetings or sign-offs for the lexicon: the others are short) */
	if (!((c->tk[p].lex & (LX_GREET | LX_SIGNOFF)) || c->tk[p].flen <= 6) || !tk_eq_any(c, p, hi) ||
	    (!tk_sentence_start(c, p) && !(tk_eq_any(c, p - 1, hi) || tk_eq_any(c, p - 1, opener))) ||
	    !pn_nick_named(c, i))
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if (!(t->lex & (word | LX_TOWN | LX_CITY | LX_NPR)))
		return 1;
	size_t k = i + 1;
	return k >= c->n_tk || tk_ch(c, k, ',') || tk_ch(c, k, '!') || tk_ch(c, k, '?') || tk_eq(c, k, "x") ||
	       tk_eq(c, k, "xx") || (c->tk[k].f & TK_NL) || subject_you(c, k);
}

/* Token k starts a NAME span already found. */
static int name_at(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || !(c->tk[k].f & TK_CLAIMED))
		return 0;
	for (size_t j = 0; j < c->n_sp; j++)
		if (c->sp[j].type == ENT_PRIV_NAME && c->sp[j].start <= c->tk[k].s && c->sp[j].end > c->tk[k].s)
			return 1;
	return 0;
}

/* A lowercase given name listed beside a name found: the list's head before a comma
 * ("karima, sandrine, élodie et"), or the one after "and" / "n" / "et" / "&" ("ty marisol n
 * dev on nights"). Token i is free and lowercase. */
static int listed_lower(const struct pctx *c, size_t i)
{
	static const char *const and[] = {"and", "n", "et", NULL};
	if (tk_len(c, i) < 3 || tk_lex2(c, i, LX2_AUX) || (c->tk[i].lex & (LX_TOWN | LX_CITY | LX_NPR | LX_MONTH)))
		return 0;
	/* (the words and the name found around it first: most words have neither) */
	int head = tk_ch(c, i + 1, ',') && tk_is(c, i + 2, TK_LOWER) && (tk_sentence_start(c, i) || tk_ch(c, i - 1, ':')) &&
		   name_at(c, i + 2);
	int tail = !head && i >= 2 && c->tk[i - 1].flen <= 3 && tk_is(c, i - 2, TK_LOWER) &&
		   (c->tk[i - 2].lex & (LX_GIVEN | LX_PATR)) && (tk_ch(c, i - 1, '&') || tk_eq_any(c, i - 1, and)) &&
		   name_at(c, i - 2);
	return (head || tail) && pn_nick_named(c, i);
}

/* "gm all, tash here,": a lowercase given name then "here" opening a clause, the writer. */
static int here_lower(const struct pctx *c, size_t i)
{
	if (!tk_eq(c, i + 1, "here") || !(tk_sentence_start(c, i) || tk_ch(c, i - 1, ',')) || tk_len(c, i) < 3 ||
	    !pn_nick_named(c, i) || tk_lex2(c, i, LX2_AUX) || (c->tk[i].lex & (LX_TOWN | LX_CITY | LX_NPR)))
		return 0;
	size_t k = i + 2;
	return k >= c->n_tk || tk_ch(c, k, ',') || tk_ch(c, k, '.') || tk_ch(c, k, '!') || tk_ch(c, k, '-') ||
	       (c->tk[k].f & TK_NL);
}

/* "GRAND MERCI À MARIE-CLAUDE", "merci à jade", "thanks to bev": lowercase after thanks to
 * (pn_thanks_prep), a given name or a compound one; returns its last token, or 0. */
static size_t thanked_lower(const struct pctx *c, size_t i)
{
	if (i == 0 || !(tk_eq(c, i - 1, "to") || tk_eq(c, i - 1, "a")) || !pn_thanks_prep(c, i - 1) || tk_lex2(c, i, LX2_AUX) || !pn_nick_named(c, i) ||
	    ((c->tk[i].lex & (LX_TOWN | LX_CITY)) && !(c->tk[i].lex & LX_PRN)))
		return 0;
	if (tk_ch(c, i + 1, '-') && tk_glued(c, i) && tk_glued(c, i + 1) && tk_is(c, i + 2, TK_LOWER) &&
	    (c->tk[i + 2].lex & (LX_PRN | LX_FIRSTNAME)))
		return i + 2;
	return i;
}

/* "Mark de l'équipe mobile douleur passe", "Jen from the ward": a given name, then the team or
 * the ward one belongs to. */
static int of_team(const struct pctx *c, size_t i)
{
	static const char *const team[] = {"equipe", "team", "ward", "pharmacy", "pharmacie", "service", NULL};
	if (!(tk_eq(c, i + 1, "de") || tk_eq(c, i + 1, "from") || tk_eq(c, i + 1, "du")) ||
	    !(tk_sentence_start(c, i) || tk_ch(c, i - 1, ',')) || tk_lex2(c, i, LX2_AUX) || !pn_nick_named(c, i) ||
	    (c->tk[i].lex & (LX_CITY | LX_NPR)) || ((c->tk[i].lex & LX_TOWN) && !(c->tk[i].lex & LX_PRN)) ||
	    tk_len(c, i) < 3)
		return 0;
	size_t k = i + 1;
	if (tk_eq(c, k, "de") && tk_eq(c, k + 1, "l") && tk_apos(c, k + 2))
		k += 3;
	else if ((tk_eq(c, k, "from") && tk_eq(c, k + 1, "the")) || tk_eq(c, k, "du"))
		k += tk_eq(c, k, "du") ? 1 : 2;
	else
		return 0;
	return tk_eq_any(c, k, team);
}

/* "Our Bobby turned 7 today", "my Sunny is 4": a possessive, a capitalised given name (a word
 * too), then its age. */
static int owned_aged(const struct pctx *c, size_t i)
{
	static const char *const poss[] = {"our", "my", "notre", "mon", "ma", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP)) != TK_CAP || i == 0 || !(t->lex & LX_GIVEN) ||
	    !(tk_is(c, i + 1, TK_AGE) || tk_is(c, i + 2, TK_AGE)) || !tk_eq_any(c, i - 1, poss) ||
	    (t->lex & (NEVER | LX_TOWN | LX_CITY | LX_MONTH)) || tk_len(c, i) < 3)
		return 0;
	size_t k = i + 1;
	if (!(c->tk[k < c->n_tk ? k : i].f & TK_SP))
		return 0;
	return (k + 1 < c->n_tk && (c->tk[k + 1].f & TK_AGE) && tk_is(c, k, TK_LOWER) && tk_len(c, k) <= 6) ||
	       (k < c->n_tk && (c->tk[k].f & TK_AGE));
}

/* The first letters of the size words before a name and of the articles before a trade
 * (priv_name_kin.c's "big", "grand", "petit", "lil", "nouveau"; "le", "la", "the", "our",
 * "notre"): what the loop below asks before it calls pn_kin_beside. */
#define FIRST_SIZE (PN_LB('b') | PN_LB('g') | PN_LB('l') | PN_LB('p') | PN_LB('n'))
#define FIRST_ART (PN_LB('l') | PN_LB('t') | PN_LB('n') | PN_LB('o'))

/* The writer and a companion: "me n gemma went", "gemma n me", "mimi et moi on y va", "kez and
 * i": a lowercase given name (or a cut or doubled one) joined by "and", "n", "et", "&" to "me",
 * "moi" or "i". */
static int with_me(const struct pctx *c, size_t i)
{
	static const char *const and[] = {"and", "n", "et", NULL};
	static const char *const me[] = {"me", "moi", "i", NULL};
	if ((c->tk[i].lex & (LX_TOWN | LX_CITY | LX_NPR | LX_MONTH)) || tk_lex2(c, i, LX2_AUX))
		return 0;
	int after = i >= 2 && (tk_eq_any(c, i - 1, and) || tk_ch(c, i - 1, '&')) && tk_eq_any(c, i - 2, me) &&
		    (i == 2 || tk_sentence_start(c, i - 2) || tk_ch(c, i - 3, ','));
	int before = !after && (tk_eq_any(c, i + 1, and) || tk_ch(c, i + 1, '&')) && tk_eq_any(c, i + 2, me) &&
		     (tk_sentence_start(c, i) || tk_ch(c, i - 1, ','));
	if (!(after || before) || !pn_nick_named(c, i))
		return 0;
	/* not a pet: "me n bella went to the vet, she's 12 now, my lab", "me n daisy (my dog)" (the
	 * sentence and the next name a pet's word or the vet) */
	static const char *const pet[] = {"vet", "vets", "veto", "veterinaire", "lab", "labrador", "spaniel", "springer",
					  "collie", "terrier", "pup", "walkies", "dogs", "cats", NULL};
	for (size_t e = i + 1; e < c->n_tk && e < i + 16; e++)
		if (tk_lex2(c, e, LX2_PET) || tk_eq_any(c, e, pet))
			return 0;
	return 1;
}

/* "tell kez i said hi", "text robbo": a verb that takes a person (the PVERB list), then a
 * lowercase nickname cut from a given name (the rules read the lists' names there). */
static int told_cut(const struct pctx *c, size_t i)
{
	return i > 0 && tk_lex2(c, i - 1, LX2_PVERB) && pn_cut_name(c, i);
}

/* A given name that is also a word or a town, lowercase (or shouted), opening the text before
 * what only a person is told of: "rose is home!!!", "will is out of surgery", "paris is doing much better",
 * "austin had his op", "florence va mieux", "lourdes sort de l'hôpital" (not "rose is a
 * flower", "paris is beautiful", "will is needed"). */
static int home_news(const struct pctx *c, size_t i)
{
	static const char *const state_en[] = {"home", "out", "in", "doing", "recovering", "awake", "back", NULL};
	static const char *const place_en[] = {"hospital", "surgery", "theatre", "icu", "recovery", "resus", "nicu",
					       "hosp", "a", NULL};
	static const char *const poss[] = {"his", "her", "their", NULL};
	static const char *const when_en[] = {"from", "now", "today", "tonight", "after", "and", "at", "safe", "finally",
					      "yesterday", NULL};
	static const char *const ward_fr[] = {"hopital", "hosto", "rea", "reanimation", "clinique", "maternite", "bloc",
					      "urgences", "soins", "usi", "neonat", "chir", "hospit", NULL};
	static const char *const well[] = {"better", "well", "ok", "okay", "great", "good", "fine", "amazing", NULL};
	/* (what may come between "doing" and how well: "so much better", "a lot better", "really
	 * well"; not "hope is doing so much for me") */
	static const char *const very[] = {"so", "much", "a", "lot", "really", "very", "way", "loads", NULL};
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || !(t->lex & (LX_PRN | LX_FIRSTNAME | LX_TOWN | LX_NPR | LX_CAPEN)) ||
	    !(t->lex & LX_GIVEN) || (t->lex & (NEVER | LX_NOTNAME | LX_CITY)) || tk_len(c, i) < 3)
		return 0;
	size_t k = i + 1;
	if (c->lang == ENT_PRIV_EN) {
		if (tk_eq(c, k, "had") || tk_eq(c, k, "has"))
			return tk_eq_any(c, k + 1, poss); /* "had his op", "has her scan" */
		if (!(tk_eq(c, k, "is") || tk_eq(c, k, "was")) || !tk_eq_any(c, k + 1, state_en))
			return 0;
		k += 2;
		if (tk_eq(c, k - 1, "home") || tk_eq(c, k - 1, "awake"))
			/* (a pause or a time after: not "hope is home grown") */
			return k >= c->n_tk || (c->tk[k].f & TK_PUNCT) || tk_eq_any(c, k, when_en);
		if (tk_eq(c, k - 1, "doing")) {
			for (size_t m = k + 3; k < m && tk_eq_any(c, k, very);)
				k++;
			return tk_eq_any(c, k, well);
		}
		/* "out of a coma", not "back in a big way", "back in a good place" */
		if (tk_eq(c, k - 1, "out") || tk_eq(c, k - 1, "back"))
			return (tk_eq(c, k, "of") || tk_eq(c, k, "from") || tk_eq(c, k, "in")) && tk_eq_any(c, k + 1, place_en) &&
			       !(tk_eq(c, k + 1, "a") && !tk_eq(c, k + 2, "coma"));
		return tk_eq(c, k - 1, "in") && tk_eq_any(c, k, place_en) && !tk_eq(c, k, "a");
	}
	/* "florence va mieux", "lourdes sort de l'hôpital", "rose est rentrée", "est sortie" */
	if (tk_eq(c, k, "va"))
		return tk_eq(c, k + 1, "mieux");
	if (tk_eq(c, k, "sort") || tk_eq(c, k, "rentre")) {
		/* of a ward or a hospital ("sort de l'hôpital", "du bloc"), or when ("demain", "ce soir") */
		k++;
		if (tk_eq(c, k, "demain") || tk_eq(c, k, "ce") || tk_eq(c, k, "aujourd"))
			return 1;
		if (!(tk_eq(c, k, "de") || tk_eq(c, k, "du")))
			return 0;
		k++;
		if (tk_eq(c, k, "l") && tk_apos(c, k + 1))
			k += 2;
		else if (tk_eq(c, k, "la"))
			k++;
		return tk_eq_any(c, k, ward_fr);
	}
	return tk_eq(c, k, "est") && (tk_eq(c, k + 1, "sortie") || tk_eq(c, k + 1, "sorti") || tk_eq(c, k + 1, "rentree") ||
				      tk_eq(c, k + 1, "rentre") || tk_eq(c, k + 1, "operee") || tk_eq(c, k + 1, "opere"));
}

/* The writer's name after "i'm" / "im" / "jsuis" / "je suis" / "c" and before a comma and their
 * age, whatever else the word is: "hey i'm jade, 20, from cardiff", "i'm mo, 23,". */
static int intro_aged(const struct pctx *c, size_t i)
{
	static const char *const intro[] = {"im", "jsuis", "suis", "c", "cest", NULL};
	const struct ptok *t = &c->tk[i];
	if (!tk_ch(c, i + 1, ',') || !(tk_is(c, i + 2, TK_AGE) || (tk_is(c, i + 2, TK_NUM) && tk_len(c, i + 2) <= 2 &&
								   (tk_ch(c, i + 3, ',') || tk_ch(c, i + 3, '.')))) ||
	    !(t->lex & LX_GIVEN) || (t->lex & (NEVER | LX_NOTNAME)) || tk_lex2(c, i, LX2_AUX))
		return 0;
	/* "i'm", "i m", "im", "c'est": the intro word right before, its apostrophe glued */
	size_t p = i - 1;
	if (tk_eq(c, p, "m") && p >= 2 && tk_apos(c, p - 1) && tk_eq(c, p - 2, "i"))
		return 1;
	if (tk_eq(c, p, "est") && p >= 2 && tk_apos(c, p - 1) && tk_eq(c, p - 2, "c"))
		return 1;
	return tk_eq_any(c, p, intro) && !(tk_eq(c, p, "suis") && !(p > 0 && tk_eq(c, p - 1, "je")));
}

/* A carer's trade (or a title that is a noun, "nurse"), then a lowercase given name: "les
 * infirmières clemence et ophelie", "l'infirmière sandrine", "nurse bev", "my CMHT nurse is
 * rhys": a name list's name that is no word of the language (a first name that is one only
 * listed or closing the clause: not "the nurse line is"), nor a verb ("my physio said", "la kiné
 * est"). */
static int trade_lower(const struct pctx *c, size_t i)
{
	static const char *const trade[] = {"infirmiere", "infirmieres", "infirmier", "infirmiers", "kine", "kines",
					    "brancardier", "aide", "nurse", "nurses", "physio", "hca", "carer", "midwife",
					    "porter", "doc", "sage", "interne", "psy", "orthophoniste", NULL};
	size_t p = i - 1;
	if (tk_eq(c, p, "is") && p > 0) {
		/* "my nurse is rhys": the name closes the clause */
		size_t k = i + 1;
		if (!(k >= c->n_tk || (c->tk[k].f & TK_PUNCT) || (c->tk[k].f & TK_NL)))
			return 0;
		p--;
	}
	/* (no word of the language: "the nurse line", "la kiné julie" but not "l'infirmière
	 * clémence") */
	if (!tk_eq_any(c, p, trade) || tk_lex2(c, i, LX2_SVERB | LX2_PVERB | LX2_AUX) ||
	    (c->tk[i].lex & (LX_TOWN | LX_CITY | LX_NPR | LX_MONTH | LX_STOPFR | LX_STOPEN)))
		return 0;
	/* a word of the language only as a hunspell or faker first name listed or closing the
	 * clause ("les infirmières clemence et ophelie") */
	if (c->tk[i].lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) {
		size_t k = i + 1;
		if (!(c->tk[i].lex & (LX_PRN | LX_FIRSTNAME)) ||
		    !(k >= c->n_tk || tk_ch(c, k, ',') || tk_ch(c, k, '.') || tk_ch(c, k, '!') || tk_eq(c, k, "et") ||
		      tk_eq(c, k, "and")))
			return 0;
	}
	return pn_nick_named(c, i);
}

/* "demandez Olive, elle est géniale avec les bébés", "ask for Grace, she": a verb that takes a
 * person, a capitalised given name (a word too), then a comma and a person's pronoun. */
static int asked_for(const struct pctx *c, size_t i)
{
	static const char *const pron[] = {"elle", "il", "she", "he", "they", "iel", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CAP | TK_ALLCAP)) != TK_CAP || !tk_ch(c, i + 1, ',') || !tk_eq_any(c, i + 2, pron) ||
	    !(t->lex & LX_GIVEN) || (t->lex & (NEVER | LX_NOTNAME | LX_CITY)))
		return 0;
	size_t p = i - 1;
	if (tk_eq(c, p, "for") && p > 0) /* "ask for Grace" */
		p--;
	return tk_lex2(c, p, LX2_PVERB);
}

/* What every rule of this file asks first of the word it names, from its flags alone: a word
 * with a letter and no digit, free, that no list holds (three to five letters) or that a
 * given-name list holds, and none of the words never a name. (PB_GIVEN's tokens are a superset
 * of those: keep the two in step.) */
_Static_assert((PB_GIVEN_NOT & ~PN_NEVER) == 0, "PB_GIVEN turns away only words maybe_named() does");
static inline int maybe_named(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_ALPHA | TK_CLAIMED | TK_DIGIT)) != TK_ALPHA || (t->lex & NEVER))
		return 0;
	return t->lex == 0 ? t->flen >= 3 && t->flen <= 5 : (t->lex & (LX_PRN | LX_FIRSTNAME | LX_HN)) != 0;
}

/* "i missed my appt again, mark said to call them back", "mdr g oublié, pierre ma dit de
 * rappeler": a lowercase first name (a word too) opening a clause after a comma or a texting
 * interjection, then a verb of reported speech; not an auxiliary ("will said") nor after a
 * determiner ("the bill said", "la rose m'a dit" opens on no comma). */
static int said_lower(const struct pctx *c, size_t i)
{
	static const char *const said[] = {"said", "says", "told", "texted", "messaged", "reckons", NULL};
	if (!(c->tk[i].lex & (LX_PRN | LX_FIRSTNAME)) || tk_lex2(c, i, LX2_AUX) || tk_len(c, i) < 3 ||
	    !(c->tk[i + 1].f & TK_SP))
		return 0;
	/* French: "pierre ma dit de rappeler", "m'a dit", "a dit", "dit que" */
	size_t k = i + 1;
	if (c->lang == ENT_PRIV_EN ? !tk_eq_any(c, k, said)
				   : !(tk_eq(c, k, "dit") || ((tk_eq(c, k, "ma") || tk_eq(c, k, "a")) && tk_eq(c, k + 1, "dit")) ||
				       (tk_eq(c, k, "m") && tk_apos(c, k + 1) && tk_eq(c, k + 2, "a") && tk_eq(c, k + 3, "dit"))))
		return 0;
	size_t p = i - 1;
	if (!((tk_ch(c, p, ',') && p >= 1 && (c->tk[p - 1].f & TK_WORD)) ||
	      (tk_eq_any(c, p, interj) && tk_sentence_start(c, p))))
		return 0;
	/* a name that is a word of the language ("bill", "grace", "max", "rose") needs what
	 * reported speech says next: not "says" (a bill, a label "says"), and a pronoun, "to",
	 * "that", a greeting (English) or "de", "que" (French) after the verb; not "bill said 200
	 * quid", "grace said before dinner", "max said the dose", "rose m'a dit non" */
	if (!(c->tk[i].lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)))
		return 1;
	static const char *const next_en[] = {"i", "we", "you", "u", "he", "she", "they", "it", "to", "that", "me",
					      "us", "hi", "hello", "hey", "thanks", NULL};
	static const char *const next_fr[] = {"de", "d", "que", "qu", "merci", "coucou", NULL};
	if (c->lang == ENT_PRIV_EN) {
		if (tk_eq(c, i + 1, "says") || tk_eq(c, i + 1, "reckons"))
			return 0;
		return tk_eq_any(c, i + 2, next_en);
	}
	while (k < c->n_tk && !tk_eq(c, k, "dit"))
		k++;
	return tk_eq_any(c, k + 1, next_fr);
}

void pn_nick_late(struct pctx *c)
{
	size_t first = 0;
	while (first < c->n_tk && !(c->tk[first].f & TK_WORD))
		first++;
	if (first >= c->n_tk)
		return;
	if (vocative_open(c, first, 1))
		priv_add_tok(c, first, first, ENT_PRIV_NAME, 0.7f, "name_context");
	pn_signers(c);
	int signoff = (c->lex_any & LX_SIGNOFF) != 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	const uint8_t *nf = c->nf + NF_BEFORE;
	/* each rule is called only when the tokens around pass what it asks first of them (its
	 * own tests come again inside it): most words that a name list holds are none of these
	 * shapes */
	/* only the words a given-name list holds or no list does (PB_GIVEN, a superset of what
	 * maybe_named() lets through: the tokenizer put them in it with their look-up) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_GIVEN));
	for (size_t i = tk_next_any(c, &wk, first); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if (!maybe_named(c, i))
			continue;
		uint32_t lx = c->tk[i].lex;
		const struct ptok *t = &c->tk[i];
		int lower = (t->f & TK_LOWER) != 0;
		/* a lowercase word of the language that only humannames holds ("well", "sinon") is a
		 * name here only as a doubled syllable ("lolo") or a word-name a dictionary writes with
		 * a capital too ("cheers, will") */
		if (lower && (lx & word) && !(lx & (LX_PRN | LX_FIRSTNAME | LX_CAPEN)) &&
		    !(t->flen == 4 && memcmp(tk_fold(c, i), tk_fold(c, i) + 2, 2) == 0))
			continue;
		unsigned pl = i > 0 ? c->tk[i - 1].flen : 0, nl = i + 1 < c->n_tk ? c->tk[i + 1].flen : 0;
		int start = tk_sentence_start(c, i), pstart = i > 0 && tk_sentence_start(c, i - 1);
		size_t e = i;
		const char *rec = "name_context";
		if (i > first && (start || (pstart && pl <= 7)) && vocative_frame(c, i) &&
		    (start || tk_eq_any(c, i - 1, opener)) && vocative_open(c, i, 0))
			;
		else if (!start && (pstart || (i > 1 && tk_sentence_start(c, i - 2))) && pl && greeted(c, i))
			;
		else if (signoff && lower && pn_lower_signer(c, i))
			rec = "name_signature";
		else if (((i + 2 < c->n_tk && (nf[i + 2] & NF_KIN)) ||
			  (pl >= 3 && pl <= 8 && pn_first_in(c, i - 1, FIRST_SIZE)) ||
			  (lower && nl && nl <= 5 && pn_first_in(c, i + 1, FIRST_ART))) &&
			 pn_kin_beside(c, i))
			;
		else if (lower) {
			if ((nl || pl <= 3) && listed_lower(c, i))
				;
			else if (nl == 4 && here_lower(c, i))
				;
			else if (pl && nl >= 1 && nl <= 8 && said_lower(c, i))
				;
			else if (nl && nl <= 3 && with_me(c, i))
				;
			else if (pl && pl <= 2 && with_me(c, i))
				;
			else if (i == first && nl && nl <= 4 && home_news(c, i))
				;
			else if (t->lex == 0 && told_cut(c, i))
				;
			else if (pl && tk_ch(c, i + 1, ',') && intro_aged(c, i))
				;
			else if (pl >= 2 && pl <= 13 && trade_lower(c, i))
				;
			else if (!(pl && pl <= 2 && (e = thanked_lower(c, i)) != 0))
				continue;
		} else if (!(((nl == 2 || nl == 4) && of_team(c, i)) || owned_aged(c, i) || (!c->shout && nick_subject(c, i)) ||
			     (i > 0 && asked_for(c, i))))
			continue;
		priv_add_tok(c, i, e, ENT_PRIV_NAME, 0.6f, rec);
		i = e;
	}
}
