/*
 * priv_name_kin.c - after the rules (pn_kin_beside, read by pn_nick_late; pn_kin_words after
 * pn_repeat, whose repeats of a word-name would name the word too: "ma soeur rose ... la vie en
 * rose"): given names that the words around them say are a person's, in the registers where no
 * capital says so:
 *   - a given name that is also a word (or a month, or "may"/"will"), lowercase, after a
 *     possessive and a relative's word, compound or not, before a person's verb ("ma
 *     petite-fille mai est née", "ma belle-mère marguerite refuse", "my step-mum june is",
 *     "mon fils pierre commence", "mon père ange est", "my bf ty is 22", "ma cousine lourdes
 *     (oui comme la ville)");
 *   - a lowercase name set beside a relative ("lea ma fille de 2 ans");
 *   - a name after "big", "le grand", "la petite", "le ptit nouveau" ("big sal", "le grand Mo",
 *     "le ptit nouveau jordan");
 *   - a lowercase name before an article and a carer's trade ("bobby le brancardier",
 *     "tonio le diabeto").
 * What a name is comes from pn_nick_named (priv_name_nick.c): the lists, a cut given name, a
 * doubled syllable.
 */
#include "privacy/text/priv_name.h"

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
	static const char *const fr[] = {"est", "etait", "avait", "va", "fait", "refait", "aura", "vient", "commence",
					 "refuse", "doit", "veut", "peut", "dort", "pleure", "rentre", "sort", "souffre",
					 "reste", "adore", "tousse", "vomit", "mange", "marche", "parle", "ne", "se", NULL};
	if (k >= c->n_tk || !(c->tk[k].f & TK_SP) || !(c->tk[k].f & TK_LOWER))
		return 0;
	if (aux)
		/* "my son will has been", "my mum may is 82" (not "my dad may has dementia", a
		 * learner's "may have") */
		return (tk_eq(c, k, "has") && tk_eq(c, k + 1, "been")) ||
		       ((tk_eq(c, k, "is") || tk_eq(c, k, "was")) && tk_is(c, k + 1, TK_NUM));
	if (c->lang == ENT_PRIV_EN) {
		/* a sum, not a person: "my dad bill came to 300 quid", "came in at 200", "came
		 * through" (the dad's bill) */
		if (tk_eq(c, k, "came")) {
			static const char *const sum[] = {"a", "about", "over", "under", "around", "nearly", "almost", NULL};
			if (tk_eq(c, k + 1, "through") || (tk_eq(c, k + 1, "in") && tk_eq(c, k + 2, "at")) ||
			    (tk_eq(c, k + 1, "to") && (tk_is(c, k + 2, TK_DIGIT) || !(c->tk[k + 2 < c->n_tk ? k + 2 : k].f & TK_WORD) ||
							 tk_eq_any(c, k + 2, sum))))
				return 0;
		}
		return tk_eq_any(c, k, en);
	}
	if (tk_eq(c, k, "a"))
		return c->t[c->tk[k].s] == 'a';
	/* a pronoun before the verb: "ma soeur rose s'est", "n'a", "m'a" */
	if ((tk_eq(c, k, "s") || tk_eq(c, k, "n") || tk_eq(c, k, "m")) && tk_apos(c, k + 1) && tk_glued(c, k))
		return 1;
	return tk_eq_any(c, k, fr);
}

/* Token k, right after a lowercase given name, opens a run-on sentence about the same one:
 * "my daughter iris she is 9", "ma fille rose elle a 9 ans" (the pronoun, then a copula or
 * "has"/"a"). */
static int kin_pronoun(const struct pctx *c, size_t k)
{
	if (k + 1 >= c->n_tk || !(c->tk[k].f & TK_SP) ||
	    !(tk_eq(c, k, "she") || tk_eq(c, k, "he") || tk_eq(c, k, "elle") || tk_eq(c, k, "il")))
		return 0;
	return tk_eq(c, k + 1, "is") || tk_eq(c, k + 1, "was") || tk_eq(c, k + 1, "has") || tk_eq(c, k + 1, "est") ||
	       tk_eq(c, k + 1, "a") || (tk_apos(c, k + 1) && tk_eq(c, k + 2, "s"));
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
	if ((t->f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) != TK_LOWER || i < 2 || tk_len(c, i) < 2 ||
	    !(c->tk[i - 1].lex & LX_KIN) || !(t->f & TK_SP) || !(t->lex & (LX_PRN | LX_HN | LX_FIRSTNAME | LX_NPR)) ||
	    (t->lex & (LX_DAY | LX_KIN | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TITLE | LX_GREET | LX_SIGNOFF)))
		return 0;
	size_t p = compound_kin(c, i - 1);
	if (p == SIZE_MAX) {
		if (!pn_possessive(c, i - 2) || tk_apos(c, i - 2))
			return 0;
		p = i - 2;
	}
	/* "ma cousine lourdes (oui comme la ville)": a bracket opening an aside after it */
	/* ("my son jack (11)", "ma voisine olive (oui comme l'huile)": a first name, a town, a
	 * name a dictionary writes with a capital or none holds; not a birth order, "ma fille
	 * cadette (9 ans)", nor "my daughter too (9 years old)") */
	static const char *const order[] = {"aine", "ainee", "cadet", "cadette", "benjamin", "benjamine", "middle",
					    "junior", "jumeau", "jumelle", "twin", "unique", NULL};
	if (tk_ch(c, i + 1, '(') && (c->tk[i + 1].f & TK_SP) && tk_len(c, i) >= 3 && !tk_eq_any(c, i, order) &&
	    ((t->lex & (LX_PRN | LX_FIRSTNAME | LX_TOWN | LX_NPR)) || ((t->lex & LX_HN) && (t->lex & LX_CAPEN)) ||
	     !(t->lex & LX_WORD)) &&
	    !(tk_prev_word(c, p, 0) != SIZE_MAX && tk_eq_any(c, tk_prev_word(c, p, 0), prep)))
		return 1;
	/* a word a name list holds only with others ("hope", "may"): hunspell's or faker's first
	 * names, a month, an auxiliary a dictionary writes as a name */
	int aux = tk_lex2(c, i, LX2_AUX) != 0;
	/* a run-on sentence after it, after a preposition too ("a certificate for my daughter iris
	 * she is 9"): a first name, or a name a dictionary writes with a capital; not a month nor
	 * an auxiliary ("for my mum may she rest in peace") */
	/* (not a birth order either: "my son junior he is 3") */
	if (!aux && !(t->lex & LX_MONTH) && tk_len(c, i) >= 3 && !tk_eq_any(c, i, order) &&
	    ((t->lex & (LX_PRN | LX_FIRSTNAME)) || ((t->lex & LX_HN) && (t->lex & LX_CAPEN))) &&
	    (kin_pronoun(c, i + 1) || (tk_is(c, i + 1, TK_NUM) && (c->tk[i + 1].f & TK_AGE))))
		return 1; /* ... or its age: "le sport de ma fille iris 9 ans" */
	if (!(t->lex & (LX_PRN | LX_FIRSTNAME | LX_MONTH)) && !(aux && (t->lex & LX_CAPEN)) &&
	    !((t->lex & LX_HN) && !(t->lex & LX_WORD)))
		return 0;
	size_t q = tk_prev_word(c, p, 0);
	if (q != SIZE_MAX && tk_eq_any(c, q, prep))
		return 0;
	/* "my bf ty is 22": two letters only before an age */
	if (tk_len(c, i) < 3)
		return (tk_eq(c, i + 1, "is") || tk_eq(c, i + 1, "a")) && tk_is(c, i + 2, TK_NUM) && (c->tk[i + 2].f & TK_AGE);
	return kin_verb(c, i + 1, aux);
}

/* "lea ma fille de 2 ans", "jordan my son has": a lowercase given name right before a
 * possessive and a relative's word (not a town: "à paris ma fille"). */
static int beside_kin(const struct pctx *c, size_t i)
{
	static const char *const poss[] = {"ma", "mon", "my", "our", "notre", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) != TK_LOWER || tk_len(c, i) < 3 || !tk_lex(c, i + 2, LX_KIN) ||
	    !tk_eq_any(c, i + 1, poss) || !(c->tk[i + 1].f & TK_SP) || (t->lex & (LX_TOWN | LX_CITY | LX_NPR)) ||
	    tk_lex2(c, i, LX2_AUX) || !pn_nick_named(c, i))
		return 0;
	/* the name opens the clause: the text's first word, after a texting word, a comma or a
	 * conjunction ("jsp si c normal mais lea ma fille") */
	static const char *const conj[] = {"mais", "but", "et", "and", "car", "because", "bc", "coz", "cuz", NULL};
	return tk_sentence_start(c, i) ||
	       (i > 0 && (tk_ch(c, i - 1, ',') || (c->tk[i - 1].lex == 0 && tk_sentence_start(c, i - 1)) ||
			  tk_eq_any(c, i - 1, conj)));
}

/* "big sal", "le grand Mo", "la petite lou", "le ptit nouveau jordan": a size word before a
 * given name (not a town: "le grand Paris"). */
static int sized(const struct pctx *c, size_t i)
{
	static const char *const big[] = {"big", "lil", "grand", "grande", "petit", "petite", "ptit", "ptite", NULL};
	static const char *const art[] = {"le", "la", "l", "notre", "our", "the", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_CLAIMED | TK_DIGIT | TK_ALLCAP)) || i < 2 || tk_len(c, i) < 2 ||
	    (t->lex & (LX_TOWN | LX_CITY | LX_NPR)) || c->tk[i - 1].flen < 3 || c->tk[i - 1].flen > 8 ||
	    !pn_first_in(c, i - 1, PN_LB('b') | PN_LB('g') | PN_LB('l') | PN_LB('p') | PN_LB('n')))
		return 0;
	size_t p = i - 1;
	int fresh = tk_eq(c, p, "nouveau") || tk_eq(c, p, "nouvelle") || tk_eq(c, p, "new");
	if (fresh)
		p--;
	if (!tk_eq_any(c, p, big) || !pn_nick_named(c, i))
		return 0;
	/* a title a size word opens ("le petit robert", the dictionary; "le grand rex", the
	 * cinema), or a measure before what it measures ("le grand max de ce que je peux") */
	static const char *const title[] = {"robert", "rex", "larousse", "prince", "nicolas", "poucet", NULL};
	if (!fresh && (tk_eq_any(c, i, title) || tk_eq(c, i + 1, "de")))
		return 0;
	/* a country only as the new one ("le ptit nouveau jordan", not "le grand Jordan") */
	if ((t->lex & LX_REGION) && !fresh)
		return 0;
	/* "big" alone; a French size word after an article ("le grand Mo", not "un grand merci") */
	return tk_eq(c, p, "big") || tk_eq(c, p, "lil") || (p > 0 && tk_eq_any(c, p - 1, art));
}

/* "bobby le brancardier", "tonio le diabeto": a lowercase given name before an article and a
 * carer's trade; a word-name too when it is thanked ("shoutout to olive the hca"). */
static int before_trade(const struct pctx *c, size_t i)
{
	static const char *const trade[] = {"infirmiere", "infirmier", "aide", "brancardier", "brancardiere", "kine",
					    "interne", "secretaire", "diabeto", "psy", "pharmacien", "pharmacienne",
					    "nurse", "hca", "porter", "physio", "cleaner", "receptionist", "carer",
					    "midwife", "paramedic", "registrar", "doc", NULL};
	static const char *const art[] = {"le", "la", "l", "the", "our", "notre", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_LOWER | TK_CLAIMED | TK_DIGIT)) != TK_LOWER || tk_len(c, i) < 3 || i + 2 >= c->n_tk ||
	    c->tk[i + 1].flen > 5 || !pn_first_in(c, i + 1, PN_LB('l') | PN_LB('t') | PN_LB('n') | PN_LB('o')) ||
	    (t->lex & (LX_TOWN | LX_CITY | LX_NPR | LX_NOTNAME)) || !tk_eq_any(c, i + 1, art))
		return 0;
	size_t k = i + 2;
	if (tk_eq(c, i + 1, "l") && tk_apos(c, k))
		k++;
	/* (not a verb before its object: "said the nurse", "tell the receptionist", "will the
	 * nurse call", "can i sue the doc", "chase the nurse") */
	if (!tk_eq_any(c, k, trade) || tk_lex2(c, i, LX2_SVERB | LX2_PVERB | LX2_AUX))
		return 0;
	if (i > 0 && (t->lex & LX_HN) && (t->lex & LX_CAPEN) && pn_thanks_prep(c, i - 1))
		return 1;
	/* a word of the language (a verb too: "sue", "pat", "drew", "chase") only opening a
	 * clause, as a name set beside its trade does ("bobby le brancardier est"): the text's or
	 * a sentence's first word, after a comma, a conjunction or a word no list holds that
	 * opens the sentence ("mdr", "ok"); a verb's object there is no name ("i had to chase
	 * the doc", "did u pat the nurse"); a name that is no word anywhere ("vous connaissez
	 * tonio le diabeto ?") */
	if (!(t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)))
		return pn_nick_named(c, i);
	static const char *const conj[] = {"mais", "but", "et", "and", "car", "because", "bc", "coz", "cuz", "ok",
					   "okay", "so", "alors", "bref", "sinon", NULL};
	int opens = tk_sentence_start(c, i) ||
		    (i > 0 && (tk_ch(c, i - 1, ',') || (c->tk[i - 1].lex == 0 && tk_sentence_start(c, i - 1)) ||
			       tk_eq_any(c, i - 1, conj)));
	return opens && pn_nick_named(c, i);
}

void pn_kin_words(struct pctx *c)
{
	/* the tokens after a relative's word (its NF_KIN bit, one byte a token) */
	const uint8_t *nf = c->nf + NF_BEFORE;
	if (c->lex_any & LX_KIN)
		for (size_t i = 2; i < c->n_tk; i++)
			if ((nf[i - 1] & NF_KIN) && kin_word(c, i))
				priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.65f, "name_context");
}

int pn_kin_beside(const struct pctx *c, size_t i)
{
	/* what each asks first: a relative's word two tokens on, a size word before, an article
	 * after */
	const uint8_t *nf = c->nf + NF_BEFORE;
	return ((nf[i + 2 < c->n_tk ? i + 2 : i] & NF_KIN) && i + 2 < c->n_tk && beside_kin(c, i)) ||
	       (i >= 2 && sized(c, i)) || ((c->tk[i].f & TK_LOWER) && before_trade(c, i));
}
