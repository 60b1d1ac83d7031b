/*
 * priv_name_vocative.c - the one a text opens by addressing, in lowercase and set off by a
 * comma before a question put to them: "ellie, did you get the results?", "kev, tu viens ?",
 * "soph, you ok?", "yas, t'as eu le scanner ?". Lowercase, only a name list's name that no
 * dictionary holds as a word counts: "anyway, did you", "bref, tu", "lol, you" are no one.
 * And a nickname no list knows in lowercase between "im" and a bare age ("im kev, 23,").
 */
#include "privacy/text/priv_name.h"

/* Token k is "you" or "tu" written out or in text-message spelling, or "t'" ("t'as"). */
static int second_person(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"you", "u", "ya", "tu", "vous", "v", NULL};
	return tk_eq_any(c, k, w) || (tk_eq(c, k, "t") && tk_apos(c, k + 1) && tk_glued(c, k));
}

int pn_vocative_question(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (i != 0 || !(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !tk_ch(c, i + 1, ',') || !(t->lex & (LX_PRN | LX_HN | LX_FIRSTNAME)) ||
	    (t->lex & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_GREET | LX_SIGNOFF | LX_INTRO |
		       LX_TITLE | LX_KIN | LX_MONTH | LX_DAY | LX_TOWN | LX_CITY)))
		return 0;
	/* the question: "you", "tu" right after the comma, or after an auxiliary ("did you", "are
	 * u", "can you", "est-ce que tu" is left) */
	size_t k = i + 2;
	if (second_person(c, k))
		return 1;
	static const char *const aux[] = {"did", "do", "are", "r", "have", "can", "could", "would", "will",
					  "were", "have", "as", "es", "peux", "veux", "vas", NULL};
	return tk_eq_any(c, k, aux) && second_person(c, k + 1);
}

/* "hey im kev, 23, T1 since i was 12": a lowercase word no list knows (a nickname) after "im"
 * or "jsuis", then a comma and a bare age between commas. Not a texting word without a vowel
 * ("im ttc, 32,"), nor a long one ("im preggo, 23,"). */
int pn_lower_nick_age(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (t->lex != 0 || !(t->f & TK_LOWER) || tk_len(c, i) > 5 || i == 0 || !tk_ch(c, i + 1, ',') ||
	    !tk_is(c, i + 2, TK_NUM) || !tk_ch(c, i + 3, ',') ||
	    !(tk_eq(c, i - 1, "im") || tk_eq(c, i - 1, "jsuis")) || tk_eq(c, i, "preg") || tk_eq(c, i, "enceinte"))
		return 0; /* ("im preg, 23,": the one texting word of a state the lists miss there) */
	const char *f = tk_fold(c, i);
	for (; *f; f++)
		if (*f == 'a' || *f == 'e' || *f == 'i' || *f == 'o' || *f == 'u' || *f == 'y')
			return 1;
	return 0;
}
