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
 * hyphenated initials and names ("mon chum J-F", "Ti-Jo, mon grand frère").
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
	static const char *const kisses[] = {"x", "xx", "xxx", NULL};
	static const char *const all[] = {"all", "everyone", "tous", "toutes", "tout", "le", "monde", "a",
					  "you", "so", "much", "again", "bcp", "beaucoup", "encore", NULL};
	size_t p = i - 1;
	/* "x April": kisses opening the closing line */
	if (tk_eq_any(c, p, kisses) && (p == 0 || tk_sentence_start(c, p) || (c->tk[p].f & TK_NL) ||
					!(c->tk[p - 1].f & TK_WORD)))
		return 1;
	if (tk_ch(c, p, ',') && p > 0) {
		p--;
		/* "Thanks all, June", "Merci à tous, April": the sign-off's own words before the pause */
		for (int n = 0; n < 3 && p > 0 && !(c->tk[p].lex & LX_SIGNOFF) && tk_eq_any(c, p, all); n++)
			p--;
	}
	/* ("thank you": the phrase is the sign-off, "thank" alone no word of the list) */
	return (c->tk[p].f & TK_WORD) && ((c->tk[p].lex & LX_SIGNOFF) || (tk_eq(c, p, "thank") && tk_eq(c, p + 1, "you")));
}

/* Token k opens an age (an AGE span) that ends the aside: its last token is followed by a
 * pause or the end ("de 16 ans,", ", 6 ans."), not by what makes it a span of time ("6 mois de
 * chimio", "3 ans après la greffe"). */
static int age_closes(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || !(c->tk[k].f & TK_AGE))
		return 0;
	while (k + 1 < c->n_tk && (c->tk[k + 1].f & TK_AGE))
		k++;
	if (tk_eq(c, k + 1, "of") && tk_eq(c, k + 2, "age")) /* "12 years of age," */
		k += 2;
	return k + 1 >= c->n_tk || (c->tk[k + 1].f & TK_PUNCT) || tk_eq(c, k + 1, "et") || tk_eq(c, k + 1, "and");
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
	/* a month or a day before a span of time says when ("Mai, 6 mois de chimio", "June, 6 months
	 * of chemo", "Mai, 3 ans après la greffe"): its age must close the aside ("Mai, 6 ans, est") */
	if (tk_eq_any(c, i + 3, units) && (!paren || tk_ch(c, i + 4, ')')) && (c->tk[i + 3].f & TK_SP) &&
	    (paren || !(c->tk[i].lex & (LX_MONTH | LX_DAY)) || i + 4 >= c->n_tk || (c->tk[i + 4].f & TK_PUNCT) ||
	     tk_eq(c, i + 4, "et") || tk_eq(c, i + 4, "and") || (tk_eq(c, i + 4, "of") && tk_eq(c, i + 5, "age"))))
		return i + 3;
	return paren && tk_ch(c, i + 3, ')') ? i + 2 : 0;
}

/* The relative's word of an aside opening at token a with a possessive ("ma fille", "my little
 * girl", "notre fils": at most one word between), or 0. Right after the possessive, "fille",
 * "fils", "son", "daughter" are the relative, though the language guess counts them as function
 * words. */
static size_t poss_kin(const struct pctx *c, size_t a)
{
	static const char *const poss[] = {"my", "mon", "ma", "our", "notre", "nos", "mes", NULL};
	if (!tk_eq_any(c, a, poss))
		return 0;
	for (size_t k = a + 1; k <= a + 2 && k < c->n_tk && tk_is(c, k, TK_LOWER); k++)
		if (c->tk[k].lex & LX_KIN)
			return k;
	return 0;
}

/* Words a name list holds that open a sentence to say when or how ("Hier, ma mère,", "Well, my
 * mum,"), or whose ("Ours is 9"). */
static const char *const adverbs[] = {"hier", "demain", "sinon", "bon", "bien", "deja", "well", "now", "then",
				      "last", "like", "still", "just", "too", "ok", "okay", "ours", "mine",
				      "yours", "hers", "theirs", "his", "one", "each", "both", NULL};

/* "Ange, my radiographer, hummed", "Perle, ma fille." / "Patience, ma fille de 4 ans": ", my/mon/
 * ma" and a relative's or carer's word within three words after it, which closes the aside (a
 * pause, the end, or the relative's age). Not a word that opens a sentence to say when or how
 * ("Hier, ma mère, qui a 80 ans", "Sinon, ma mère,", "Well, my mum,"). */
static int apposed(const struct pctx *c, size_t i)
{
	static const char *const poss[] = {"my", "mon", "ma", "our", "notre", NULL};
	static const char *const roles[] = {"radiographer", "radiographe", "manip", "midwife", "carer", "caregiver",
					    "aide", "therapist", NULL};
	if (!tk_ch(c, i + 1, ',') || !tk_eq_any(c, i + 2, poss) || (c->tk[i].lex & (LX_DAY | LX_MONTH)) ||
	    tk_eq_any(c, i, adverbs))
		return 0;
	size_t r = poss_kin(c, i + 2);
	if (r && (r + 1 >= c->n_tk || (c->tk[r + 1].f & TK_PUNCT) || age_closes(c, r + 1) ||
		  ((tk_eq(c, r + 1, "de") || tk_eq(c, r + 1, "of")) && age_closes(c, r + 2))))
		return 1;
	/* the relative's word closes the aside ("Samedi, ma sœur Hélène" names the sister) */
	for (size_t k = i + 3; k <= i + 5 && k < c->n_tk && (c->tk[k].f & TK_WORD); k++)
		if (((c->tk[k].lex & LX_KIN) && !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN))) || tk_eq_any(c, k, roles))
			return k + 1 >= c->n_tk || (c->tk[k + 1].f & TK_PUNCT);
	return 0;
}

/* Token k is "a" / "is" / "turned"... and k + 1 opens an AGE span: "Avril a 16 ans", "June is 12
 * years old", "Sunday turned 6". */
static int has_age(const struct pctx *c, size_t k)
{
	static const char *const verbs[] = {"a", "aura", "avait", "is", "was", "turned", "turns", NULL};
	return k + 1 < c->n_tk && (c->tk[k + 1].f & TK_AGE) && tk_eq_any(c, k, verbs);
}

/* Token k opens an AGE span followed by a verb: "mai 6 ans est en chimio", "june 12 yo has
 * epilepsy". */
static int age_verb(const struct pctx *c, size_t k)
{
	static const char *const verbs[] = {"est", "a", "va", "is", "has", "was", "had", NULL};
	if (k >= c->n_tk || !(c->tk[k].f & TK_AGE))
		return 0;
	while (k + 1 < c->n_tk && (c->tk[k + 1].f & TK_AGE))
		k++;
	return tk_is(c, k + 1, TK_LOWER) && tk_eq_any(c, k + 1, verbs);
}

/* A month or a day that is a given name ("Avril", "April", "June", "Mai", "May", "Sunday"),
 * opening a sentence, in what only a person does (the rules leave months and days alone): a
 * relative set beside it ("Avril, ma fille de 16 ans", "April, my daughter has autism", "June,
 * my daughter"; a day only when the aside closes: "Dimanche, ma fille a fait une crise" says
 * when), not when the relative's own name follows ("Samedi, ma sœur Hélène"); an age ("April,
 * 16, was admitted", "June, 12 years of age,", "Avril a 16 ans", "June is 12 years old"); the
 * second person ("Avril, tu me manques", "April, I miss you": a month only); "et moi" / "and
 * I"; a birth or an illness ("Avril est née", "April was born"). A leak costs more than a month
 * read as a name: when in doubt, it is one. */
static int month_person(const struct pctx *c, size_t i)
{
	static const char *const you[] = {"tu", "toi", "you", "u", NULL};
	static const char *const me[] = {"moi", "i", "me", NULL};
	static const char *const person[] = {"nee", "ne", "born", "decedee", "decede", "morte", "died",
					     "hospitalisee", "hospitalise", "hospitalised", "hospitalized",
					     "admitted", "diagnosed", "diagnostiquee", "diagnostique", "malade",
					     "autiste", "autistic", "enceinte", "pregnant", NULL};
	const struct ptok *t = &c->tk[i];
	size_t k = i + 1;
	if (!(t->lex & (LX_MONTH | LX_DAY)) || !tk_sentence_start(c, i) || k + 1 >= c->n_tk)
		return 0;
	int day = (t->lex & LX_DAY) != 0;
	if (tk_ch(c, k, ',')) {
		size_t r = poss_kin(c, k + 1);
		if (r) {
			if (tk_is(c, r + 1, TK_CAP) && (c->tk[r + 1].f & TK_SP))
				return 0;
			return !day || r + 1 >= c->n_tk || (c->tk[r + 1].f & TK_PUNCT) || age_closes(c, r + 1) ||
			       ((tk_eq(c, r + 1, "de") || tk_eq(c, r + 1, "of")) && age_closes(c, r + 2));
		}
		if (!day && tk_eq_any(c, k + 1, you) && (c->tk[k + 1].f & TK_LOWER))
			return 1;
		if (!day && tk_eq(c, k + 1, "i") && tk_is(c, k + 2, TK_LOWER) && !tk_eq(c, k + 2, "was"))
			return 1;
		/* ", 16 ans,", ", 12 years of age,", ", 16," */
		if (age_closes(c, k + 1))
			return 1;
		return tk_is(c, k + 1, TK_NUM) && tk_len(c, k + 1) <= 2 && tk_ch(c, k + 2, ',') &&
		       !tk_is(c, k + 3, TK_NUM);
	}
	if (has_age(c, k) || age_verb(c, k))
		return 1;
	/* "avril ma fille de 16 ans est hospitalisée": no pause, the relative's age */
	size_t r = poss_kin(c, k);
	if (r && !day && (tk_eq(c, r + 1, "de") || tk_eq(c, r + 1, "of")) && tk_is(c, r + 2, TK_AGE))
		return 1;
	if ((tk_eq(c, k, "et") || tk_eq(c, k, "and")) && tk_eq_any(c, k + 1, me) &&
	    (k + 2 >= c->n_tk || !tk_is(c, k + 2, TK_NUM)))
		return 1;
	/* "Avril et Léa sont sœurs", "April and Jess are sisters": joined to a name found */
	if ((tk_eq(c, k, "et") || tk_eq(c, k, "and")) && tk_is(c, k + 1, TK_CLAIMED) && tk_is(c, k + 1, TK_CAP))
		for (size_t m = 0; m < c->n_sp; m++)
			if (c->sp[m].type == ENT_PRIV_NAME && c->sp[m].start == c->tk[k + 1].s)
				return 1;
	return (tk_eq(c, k, "est") || tk_eq(c, k, "was") || tk_eq(c, k, "is")) && tk_eq_any(c, k + 1, person);
}

/* "my little sister hope (12)": in a lowercase text, a given name that is also a word right
 * after a relative's word and before an age. */
static int lower_kin_aged(const struct pctx *c, size_t i)
{
	return i > 0 && (c->tk[i].f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) == TK_LOWER && (c->tk[i].lex & LX_GIVEN) &&
	       tk_len(c, i) >= 3 && (c->tk[i - 1].lex & LX_KIN) && !(c->tk[i - 1].lex & (LX_STOPFR | LX_STOPEN)) &&
	       !(c->tk[i].lex & (LX_TITLE | LX_KIN | LX_SIGNOFF | LX_STOPFR | LX_STOPEN)) && aged(c, i);
}

/* "Je suis avec Avril ce soir", "I was with April", "jsuis avec avril": a month that is a given
 * name right after "avec" / "chez" / "with", no day or year after it (nobody is with a month). */
static int month_companion(const struct pctx *c, size_t i)
{
	static const char *const with[] = {"avec", "chez", "with", NULL};
	return (c->tk[i].lex & LX_MONTH) && i > 0 && tk_is(c, i - 1, TK_LOWER) && tk_eq_any(c, i - 1, with) &&
	       !tk_is(c, tk_next_word(c, i, 0), TK_DIGIT);
}

/* "Noël a 5 ans", "Summer is 5": a word-name opening a sentence before "a" / "is" and an age (no
 * word that says when or how is 5 years old). */
static int aged_subject(const struct pctx *c, size_t i)
{
	return tk_is(c, i + 2, TK_AGE) && tk_sentence_start(c, i) && has_age(c, i + 1) &&
	       !(c->tk[i].lex & (LX_STOPFR | LX_STOPEN)) && !tk_eq_any(c, i, adverbs);
}

/* "ma fille avril a 16 ans", "my daughter may is 6", "my son sunday is 6", "ma fille mi-young a
 * 7 ans", "ma fille avril 16 ans": in lowercase, a given name right after a relative's word and
 * its possessive, then an age or "a" / "is" and an age (the parts of a hyphenated name taken in).
 * A month, a day, a hunspell first name or a word the text's language does not know: not an
 * adjective a name list also holds ("mon fils aîné a 10 ans", "ma fille cadette a 4 ans"), nor a
 * function word ("ma fille qui a 4 ans"). Returns the name's last token, or 0. */
static size_t lower_kin_named(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if (i < 2 || (t->f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) != TK_LOWER || !(c->tk[i - 1].lex & LX_KIN) ||
	    tk_len(c, i) < 2 || (t->lex & (LX_TITLE | LX_KIN | LX_SIGNOFF | LX_STOPFR | LX_STOPEN | LX_EPONYM)))
		return 0;
	size_t e = i;
	while (tk_glued(c, e) && tk_ch(c, e + 1, '-') && tk_glued(c, e + 1) && tk_is(c, e + 2, TK_LOWER) &&
	       !(c->tk[e + 2].lex & (LX_STOPFR | LX_STOPEN | LX_EPONYM)) && (c->tk[e + 2].lex & (LX_GIVEN | LX_PATR)))
		e += 2;
	/* (the age first, the possessive's list last: most words fail the first) */
	if (!(tk_is(c, e + 1, TK_AGE) || has_age(c, e + 1)) ||
	    !((t->lex & (LX_MONTH | LX_DAY | LX_PRN)) || !(t->lex & word) || e > i) ||
	    (tk_glued(c, e) && !tk_is(c, e + 1, TK_PUNCT)))
		return 0;
	return pn_possessive(c, i - 2) ? e : 0;
}

/* "avril a 16 ans elle est autiste", "june is 12": in lowercase, a month that is a given name
 * opening a sentence before "a" / "is" and an age (no month is 16 years old). */
static void lower_month_aged(struct pctx *c)
{
	/* (a text whose writer capitalises opens its sentences with capitals: months there are
	 * capitalised, and the rules above read them) */
	if (!(c->lex_any & LX_MONTH) || !(c->tk[0].f & TK_LOWER))
		return;
	/* (a month: among the words that may start a date, PB_START) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_START));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) != TK_LOWER || !(t->lex & LX_MONTH) || !(t->lex & LX_GIVEN))
			continue;
		/* "coucou avril", "merci avril", "hey june": right after a greeting, no day after it */
		int greeted = i > 0 && (c->tk[i - 1].lex & LX_GREET) && tk_is(c, i - 1, TK_LOWER) &&
			      !tk_lex2(c, i, LX2_AUX) && !tk_is(c, tk_next_word(c, i, 0), TK_DIGIT);
		/* "moi c'est avril, 16 ans", "moi c avril": the writer's self-introduction */
		size_t q = tk_prev_word(c, i, 0);
		int intro = q != SIZE_MAX && (tk_eq(c, q, "c") || (tk_eq(c, q, "est") && q >= 2 && tk_apos(c, q - 1))) &&
			    tk_eq(c, tk_prev_word(c, tk_eq(c, q, "c") ? q : q - 2, 0), "moi");
		if (greeted || intro || month_person(c, i) || month_companion(c, i))
			priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_word");
	}
}

/* "je m'appelle rose et j'ai 16 ans", "je m'appelle avril", "my name is hope": right after "je
 * m'appelle" / "my name is" / "my name's", a lowercase word a given-name list holds, a word of
 * the language or a month too (the rules read a lowercase word there only when it is no word);
 * not a function word ("je m'appelle pas", "my name is not"). */
static void intro_lower(struct pctx *c)
{
	static const char *const call[] = {"appelle", "appelles", "appelait", "prenomme", "prenommee", NULL};
	static const char *const asking[] = {"comment", "tous", "toutes", "comme", "quoi", "encore", NULL};
	static const char *const sms_call[] = {"jmappelle", "mappelle", "mapelle", "jmapelle", NULL};
	if (!(c->lex2_any & LX2_CALLED))
		return; /* no "appelle" nor "name" (LX2_CALLED: every name below follows one) */
	for (size_t p = 0; p + 1 < c->n_tk; p++) {
		if (!(c->tk[p].lex2 & LX2_CALLED))
			continue;
		size_t i;
		if (tk_eq_any(c, p, call) && p >= 2 && tk_apos(c, p - 1) &&
		    (tk_eq(c, p - 2, "m") || tk_eq(c, p - 2, "s") || tk_eq(c, p - 2, "t") || tk_eq(c, p - 2, "jm")))
			i = p + 1; /* (reflexive: "je m'appelle", not "l'EHPAD nous appelle tous") */
		else if (tk_eq_any(c, p, sms_call) || (tk_eq(c, p, "names") && p > 0 && tk_eq(c, p - 1, "my")))
			i = p + 1; /* "jmappelle rose", "je mapelle rose", "my names hope" */
		else if (tk_eq(c, p, "called") && p > 0 && (tk_eq(c, p - 1, "is") || tk_eq(c, p - 1, "was")))
			i = p + 1; /* "my daughter is called hope" */
		else if (tk_eq(c, p, "prenom") && tk_eq(c, p + 1, "est"))
			i = p + 2; /* "mon prénom est rose" */
		else if (tk_eq(c, p, "prenom") && tk_eq(c, p + 1, "c") && tk_apos(c, p + 2) && tk_eq(c, p + 3, "est"))
			i = p + 4; /* "mon prénom c'est rose" */
		else if (tk_eq(c, p, "name") && tk_eq(c, p + 1, "is"))
			i = p + 2;
		else if (tk_eq(c, p, "name") && tk_apos(c, p + 1) && tk_eq(c, p + 2, "s"))
			i = p + 3;
		else
			continue;
		if (i >= c->n_tk)
			break;
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) != TK_LOWER || !(t->f & TK_SP) || tk_len(c, i) < 3 ||
		    !(t->lex & (LX_GIVEN | LX_MONTH)) ||
		    (t->lex & (LX_STOPFR | LX_STOPEN | LX_TITLE | LX_KIN | LX_EPONYM | LX_INTRO)) ||
		    ((t->lex & LX_NOTNAME) && !(t->lex & LX_MONTH)) || tk_eq_any(c, i, adverbs) ||
		    tk_eq_any(c, i, asking))
			continue;
		priv_add_tok(c, i, pn_extend(c, i, 1), ENT_PRIV_NAME, 0.8f, "name_context");
	}
}

/* "Jade Parkinson est ma voisine", "Jean Crohn m'a appelée": a capitalised eponym one space after
 * a capitalised hunspell first name, neither taken, is that person's surname (the rules leave a
 * first name that is a word at a sentence start, and an eponym, alone); not a disease's name: a
 * medical word or "'s" after it ("Marie Parkinson's disease"), a medical word or another eponym
 * among the two words before the first name ("Charcot Marie Tooth", "maladie de James
 * Parkinson"). */
static void eponym_surnames(struct pctx *c)
{
	if (!(c->lex_any & LX_EPONYM))
		return;
	/* (an eponym: among the words with a capital as tokenized, PB_CAPS) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_CAPS));
	for (size_t i = tk_next_any(c, &wk, 1); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		const struct ptok *t = &c->tk[i], *g = &c->tk[i - 1];
		if ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || !(t->lex & LX_EPONYM) ||
		    (g->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || g->e + 1 != t->s ||
		    c->t[g->e] != ' ' || !(g->lex & LX_PRN) ||
		    (g->lex & (LX_STOPFR | LX_STOPEN | LX_NOTNAME | LX_MONTH | LX_DAY | LX_EPONYM | LX_TITLE | LX_KIN)) ||
		    tk_lex(c, tk_next_word(c, i, 1), LX_MEDCTX) || (tk_apos(c, i + 1) && tk_glued(c, i)))
			continue;
		size_t p = tk_prev_word(c, i - 1, 1), q = p == SIZE_MAX ? p : tk_prev_word(c, p, 1);
		if ((p != SIZE_MAX && (c->tk[p].lex & (LX_MEDCTX | LX_EPONYM))) ||
		    (q != SIZE_MAX && (c->tk[q].lex & (LX_MEDCTX | LX_EPONYM))))
			continue;
		priv_add_tok(c, i - 1, i, ENT_PRIV_NAME, 0.7f, "name_lexicon");
	}
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
	size_t named = !lower && (c->tk[i].f & TK_LOWER) ? lower_kin_named(c, i) : 0;
	if (named) {
		priv_add_tok(c, i, named, ENT_PRIV_NAME, 0.7f, "name_word");
		return;
	}
	if (!word_name(c, i) && !lower)
		return;
	size_t a = aged(c, i);
	if (a || signed_off(c, i) || apposed(c, i) ||
	    (!lower && (((c->tk[i].lex & (LX_MONTH | LX_DAY)) && (month_person(c, i) || month_companion(c, i))) ||
			(tk_is(c, i + 2, TK_AGE) && aged_subject(c, i)))))
		priv_add_tok(c, i, i, ENT_PRIV_NAME, 0.7f, "name_word");
	if (a && !(c->tk[i + 2].f & (TK_AGE | TK_CLAIMED)))
		priv_add_tok(c, i + 2, a, ENT_PRIV_AGE, 0.7f, "age");
}

void pn_word_names(struct pctx *c)
{
	viet_names(c);
	in_law(c);
	hyphen_names(c);
	lower_month_aged(c);
	intro_lower(c);
	eponym_surnames(c);
	if (!(c->lex_any & LX_GIVEN))
		return;
	/* "hope, 4, has leukaemia", "rose, 4 ans, est malade": a lowercase text opening on a given
	 * name (hunspell's, or one English writes with a capital) set off by an age */
	const struct ptok *t0 = &c->tk[0];
	if ((t0->f & (TK_LOWER | TK_CLAIMED)) == TK_LOWER && (t0->lex & (LX_PRN | LX_CAPEN)) && (t0->lex & LX_GIVEN) &&
	    !(t0->lex & (LX_STOPFR | LX_STOPEN | LX_TITLE | LX_KIN | LX_MONTH | LX_DAY | LX_GREET | LX_SIGNOFF)) &&
	    tk_len(c, 0) >= 3 && tk_ch(c, 1, ',') &&
	    (age_closes(c, 2) || (tk_is(c, 2, TK_NUM) && tk_len(c, 2) <= 2 && tk_ch(c, 3, ','))))
		priv_add_tok(c, 0, 0, ENT_PRIV_NAME, 0.7f, "name_word");
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
