/*
 * priv_name_nick.c - after the rules (pn_nick_late, called before pn_repeat): three shapes of
 * name that the writers of the registers people use put where no title, list or capital
 * says so, each read from lexical evidence around the word, never from its capital alone:
 *   - the one a text opens by addressing (a vocative): a given name (or a nickname cut from
 *     one: "kev", "soph", "yas") first in the text, then a comma, a "!" or a dash and the
 *     second person or thanks in the same clause ("Rose, je pense fort à toi", "May, I'm so
 *     sorry about your dad", "Hope – thinking of you", "Soph ! merci", "kev, t'as vu"), or,
 *     without a pause, a question put to them ("ellie did u get", "June how did",
 *     "KEV T'ES OÙ", "KEV WHERE R U"), or "mate" ("Rob mate,");
 *   - a nickname cut from a given name, capitalised, as the subject of a verb where a sentence
 *     or a text-message interjection opens ("Kev says", "omg Soph just messaged", "lol Jo
 *     fainted", "trop contente, Yas a eu");
 *   - a given name that is also a word, in lowercase, after a possessive and a compound
 *     relative ("ma petite-fille mai est née", "ma belle-mère marguerite refuse", "my
 *     step-mum june is"), or a plain relative before a verb the other rules' lists lack ("mon
 *     fils pierre commence", "mon père ange est").
 * The nickname test: a word no list holds, of three to five letters, that is no texting word
 * and with a few endings makes a given name ("kev" -> "kevin", "soph" -> "sophie", "yas" ->
 * "yasmine").
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
				      "hosto", "doc", "ortho", "psy", "gyneco", "pedo", "uro", "rea", NULL};
/* What may open a sentence before the one it is written to ("Ok Kev, you win"). */
static const char *const opener[] = {"ok", "okay", "oh", "aw", "aww", "ah", "lol", "omg", "yo", "so", "bon", "ben",
				     "bah", "allez", "courage", "bravo", "merci", "thanks", "well", NULL};
/* What opens a sentence in a text message before its subject. */
static const char *const interj[] = {"lol", "omg", "mdr", "ptdr", "ngl", "tbh", "ptn", "putain", "wsh", "smh",
				     "wow", "oh", "ah", "omfg", "ffs", "honestly", "bref", "ouf", NULL};

/* A nickname cut from a given name: token i no list holds, lowercase or capitalised, three
 * to five letters a-z, a vowel, no texting word, that an ending makes a given name of the
 * hunspell or faker lists (not one only humannames, which holds words, has). */
static int cut_name(const struct pctx *c, size_t i)
{
	static const char *const ends[] = {"in", "ie", "y", "a", "e", "ine", "mine", "ane", "anie", "ia",
					   "o", "an", "ette", "ina", "ard", "ert", "ah", "elle", "ey", "ica",
					   "ence", "ien", "ienne", "ele", "ola", "on", "ric", "rine", NULL};
	const struct ptok *t = &c->tk[i];
	size_t n = t->flen;
	if (t->lex != 0 || n < 3 || n > 5 || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_eq_any(c, i, texting))
		return 0;
	const char *f = tk_fold(c, i);
	int vowel = 0;
	for (size_t k = 0; k < n; k++) {
		if (f[k] < 'a' || f[k] > 'z')
			return 0;
		vowel |= strchr("aeiouy", f[k]) != NULL;
	}
	if (!vowel)
		return 0;
	char w[16];
	memcpy(w, f, n);
	for (const char *const *e = ends; *e; e++) {
		size_t m = strlen(*e);
		memcpy(w + n, *e, m + 1);
		uint32_t lx = priv_lex_word(w);
		if ((lx & (LX_PRN | LX_FIRSTNAME)) && !(lx & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN)))
			return 1;
	}
	return 0;
}

/* What no given name is, whatever list holds it. */
#define NEVER (LX_DAY | LX_TITLE | LX_KIN | LX_GREET | LX_SIGNOFF | LX_INTRO | LX_EPONYM | LX_STOPFR | LX_STOPEN | \
	       LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET | LX_MEDCTX | LX_IDLABEL)

/* A given name on the lists' own word: hunspell's or faker's, or humannames' when no
 * dictionary holds it ("ellie", "priya", "bev"); not a word never a name. */
static int given(const struct pctx *c, size_t i)
{
	uint32_t lx = c->tk[i].lex;
	if ((lx & NEVER) || (lx & LX_NOTNAME) || tk_lex2(c, i, LX2_AUX) || tk_eq_any(c, i, texting))
		return 0;
	return (lx & (LX_PRN | LX_FIRSTNAME)) || ((lx & LX_HN) && !(lx & LX_WORD));
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

/* Token k is a dash: '-', an en dash or an em dash. */
static int dash(const struct pctx *c, size_t k)
{
	if (tk_ch(c, k, '-'))
		return 1;
	return k < c->n_tk && tk_len(c, k) == 3 && !(c->tk[k].f & TK_WORD) &&
	       (memcmp(c->t + c->tk[k].s, "\xe2\x80\x93", 3) == 0 || memcmp(c->t + c->tk[k].s, "\xe2\x80\x94", 3) == 0);
}

/* Word i, first in the text (first), or opening a sentence or after an interjection that
 * opens one ("Ok Kev, you win", "Merci à toutes.\nSoph, tu as eu"), is the one it is written
 * to. Away from the text's first word only a given name or a cut one counts. */
static int vocative_open(const struct pctx *c, size_t i, int first)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CLAIMED | TK_DIGIT)) || !(t->f & TK_ALPHA) || tk_len(c, i) < 2 ||
	    ((t->f & TK_ALLCAP) && !c->shout))
		return 0;
	int strong = given(c, i) || cut_name(c, i);
	if (!strong && !(first && (t->f & TK_CAP) && word_given(c, i)))
		return 0;
	size_t k = i + 1;
	if (k >= c->n_tk)
		return 0;
	/* a pause: ", ", "!", "!!", " – " */
	if (tk_ch(c, k, ',') && !tk_ch(c, k + 1, ','))
		return clause_addresses(c, k + 1, 0);
	if (tk_ch(c, k, '!')) {
		while (tk_ch(c, k, '!'))
			k++;
		return clause_addresses(c, k, 1);
	}
	if (dash(c, k) && (c->tk[k].f & TK_SP))
		return clause_addresses(c, k + 1, 0);
	if (!(c->tk[k].f & TK_SP))
		return 0;
	if (!strong)
		/* "June how did the colonoscopy go" */
		return tk_eq(c, k, "how") && (tk_eq(c, k + 1, "did") || tk_eq(c, k + 1, "was") || tk_eq(c, k + 1, "is") ||
					      tk_eq(c, k + 1, "are"));
	/* no pause: "Rob mate,", "ellie did u", "June how did", "kev t'es où", "kev where r u" */
	if ((tk_eq(c, k, "mate") || tk_eq(c, k, "hun") || tk_eq(c, k, "babe")) && tk_ch(c, k + 1, ','))
		return 1;
	static const char *const ask[] = {"did", "do", "are", "r", "have", "can", "could", "would", "will", "were",
					  "where", "wya", "how", "hows", "what", "when", "t", NULL};
	if (!tk_eq_any(c, k, ask))
		return 0;
	if (tk_eq(c, k, "t"))
		return second_person(c, k);
	if (tk_eq(c, k, "how") && tk_eq_any(c, k + 1, ask) && !tk_eq(c, k + 1, "how"))
		return 1; /* "June how did the colonoscopy go" */
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
	int cut = cut_name(c, i);
	if (!cut && !(given(c, i) && !(t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR))))
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
	/* "Kev's inhaler": a possessive after a nickname no list holds */
	if (cut && pn_possessive_s(c, i + 1))
		return 1;
	return person_verb(c, i + 1);
}

/* The relative's word at token r is a compound one after a possessive ("ma petite-fille",
 * "ma belle-mère", "my step-mum", "my half-brother"): the possessive's token, or SIZE_MAX. */
static size_t compound_kin(const struct pctx *c, size_t r)
{
	if (r >= 3 && tk_ch(c, r - 1, '-') && tk_glued(c, r - 2) && tk_glued(c, r - 1) && (c->tk[r - 2].f & TK_WORD) &&
	    pn_possessive(c, r - 3) && !tk_apos(c, r - 3))
		return r - 3;
	return SIZE_MAX;
}

/* Token k, right after a lowercase given name, is a verb only a person does there: the other
 * rules' list ("is", "a", "est"...) and verbs of a relative's news ("commence", "refuse",
 * "is refusing"). */
static int kin_verb(const struct pctx *c, size_t k, int aux)
{
	static const char *const en[] = {"is", "was", "has", "had", "gets", "got", "turned", "turns", "starts",
					 "started", "goes", "went", "loves", "needs", "refuses", "refused", "keeps",
					 "says", "said", "hates", "passed", "died", "fell", "came", NULL};
	static const char *const fr[] = {"est", "etait", "avait", "va", "fait", "aura", "vient", "commence", "refuse",
					 "doit", "veut", "peut", "dort", "pleure", "rentre", "sort", "souffre", "reste",
					 "adore", "tousse", "vomit", "mange", "marche", "parle", NULL};
	if (k >= c->n_tk || !(c->tk[k].f & TK_SP) || !(c->tk[k].f & TK_LOWER))
		return 0;
	if (aux)
		/* "my son will has been", "my mum may is 82" (not "my dad may has dementia", a
		 * learner's "may have") */
		return (tk_eq(c, k, "has") && tk_eq(c, k + 1, "been")) ||
		       ((tk_eq(c, k, "is") || tk_eq(c, k, "was")) && tk_is(c, k + 1, TK_NUM));
	if (c->lang == ENT_PRIV_EN)
		return tk_eq_any(c, k, en);
	if (tk_eq(c, k, "a"))
		return c->t[c->tk[k].s] == 'a';
	return tk_eq_any(c, k, fr);
}

/* A lowercase given name that is also a word (or a month, or "may"/"will"), after a possessive
 * and a relative's word, compound or not, before a person's verb (the rules read plain
 * relatives and a shorter list of verbs): "ma petite-fille mai est née", "ma belle-mère
 * marguerite refuse", "my step-mum june is", "mon fils pierre commence", "mon père ange est".
 * Not after a preposition, where a month is the time the sentence is about ("pour ma
 * petite-fille mai a été terrible"). */
static int kin_word(const struct pctx *c, size_t i)
{
	static const char *const prep[] = {"for", "pour", "chez", "selon", "with", "avec", "to", "from", "by",
					   "about", "de", "du", "par", "sans", "apres", "avant", "after", "before",
					   "since", "depuis", "pendant", "during", "without", "vers", "a", "in",
					   "en", "of", "on", "sur", "than", "que", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) != TK_LOWER || i < 2 || tk_len(c, i) < 3 ||
	    !(c->tk[i - 1].lex & LX_KIN) || !(t->f & TK_SP) || !(t->lex & (LX_PRN | LX_HN | LX_FIRSTNAME)) ||
	    (t->lex & (LX_DAY | LX_KIN | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TITLE | LX_GREET | LX_SIGNOFF)))
		return 0;
	size_t p = compound_kin(c, i - 1);
	if (p == SIZE_MAX) {
		if (!pn_possessive(c, i - 2) || tk_apos(c, i - 2))
			return 0;
		p = i - 2;
	}
	/* a word a name list holds only with others ("hope", "may"): hunspell's or faker's first
	 * names, a month, an auxiliary a dictionary writes as a name */
	int aux = tk_lex2(c, i, LX2_AUX) != 0;
	if (!(t->lex & (LX_PRN | LX_FIRSTNAME | LX_MONTH)) && !(aux && (t->lex & LX_CAPEN)) &&
	    !((t->lex & LX_HN) && !(t->lex & LX_WORD)))
		return 0;
	size_t q = tk_prev_word(c, p, 0);
	if (q != SIZE_MAX && tk_eq_any(c, q, prep))
		return 0;
	return kin_verb(c, i + 1, aux);
}

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
static int lower_signer(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	size_t k = i + 1;
	while (k < c->n_tk && !(c->tk[k].f & TK_WORD) && !(c->tk[k].f & TK_NL))
		k++;
	if (k >= c->n_tk) {
		/* the text's last word */
		if (i < 2 || !tk_ch(c, i - 1, ',') || !(c->tk[i - 2].lex & LX_SIGNOFF) || !(t->f & TK_SP) ||
		    (t->lex & (NEVER | LX_NOTNAME)))
			return 0;
		return (t->lex & (LX_PRN | LX_FIRSTNAME)) || ((t->lex & LX_HN) && (t->lex & LX_CAPEN));
	}
	if (!(t->f & TK_NL) || !tk_ch(c, i + 1, ',') || !given(c, i))
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

void pn_nick_late(struct pctx *c)
{
	size_t i = 0;
	while (i < c->n_tk && !(c->tk[i].f & TK_WORD))
		i++;
	if (i < c->n_tk && vocative_open(c, i, 1))
		priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_context");
	for (size_t k = i + 1; k < c->n_tk; k++) {
		const struct ptok *t = &c->tk[k];
		if ((t->f & (TK_WORD | TK_ALPHA | TK_CLAIMED | TK_DIGIT)) != (TK_WORD | TK_ALPHA) ||
		    !(tk_sentence_start(c, k) || (tk_eq_any(c, k - 1, opener) && tk_sentence_start(c, k - 1))))
			continue;
		if (vocative_open(c, k, 0))
			priv_add_tok(c, k, k, ENT_PRIV_NAME, 0.7f, "name_context");
	}
	if (c->lex_any & LX_SIGNOFF)
		for (i = 1; i < c->n_tk; i++)
			if ((c->tk[i].f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) == TK_LOWER && lower_signer(c, i))
				priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_signature");
	if (c->lex_any & LX_KIN)
		for (i = 2; i < c->n_tk; i++)
			if ((c->tk[i - 1].lex & LX_KIN) && kin_word(c, i))
				priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.65f, "name_context");
	if (c->shout)
		return;
	struct tk_walk wk = tk_walk_of(PB_SET(PB_CAPS));
	for (i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1))
		if (nick_subject(c, i))
			priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.6f, "name_context");
}
