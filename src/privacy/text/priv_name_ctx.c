/*
 * priv_name_ctx.c - person names: the words around a word that say a name is expected (a
 * title, a relative, a greeting, a self-introduction, a verb that takes a person) or is not
 * (an eponymous disease, a pet). Predicates over tokens, read by the rule table of
 * priv_name.c; see priv_name.h.
 */
#include <string.h>
#include <strings.h>

#include "privacy/text/priv_name.h"

int pn_possessive(const struct pctx *c, size_t i)
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
int pn_eponym_use(const struct pctx *c, size_t i)
{
	if (c->tk[i].lex & LX_EPONYM)
		return 1;
	/* the second half of a double eponym: "syndrome de Mallory-Weiss" */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
	    (c->tk[i - 2].f & TK_WORD) && pn_eponym_use(c, i - 2))
		return 1;
	/* every other yes below reads a medical word around it (LX_MEDCTX): none in the text, no */
	if (!(c->lex_any & LX_MEDCTX))
		return 0;
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

int pn_pet_before(const struct pctx *c, size_t i)
{
	/* "Bazza 🐶 sat with me": an animal's emoji (U+1F400..U+1F43F) right after the name */
	if (i + 1 < c->n_tk && (c->tk[i + 1].f & TK_PUNCT) && c->tk[i + 1].e - c->tk[i + 1].s == 4 &&
	    memcmp(c->t + c->tk[i + 1].s, "\xf0\x9f\x90", 3) == 0)
		return 1;
	/* the PET list of priv_words.txt */
	size_t p = tk_prev_word(c, i, 1);
	return p != SIZE_MAX && tk_lex2(c, p, LX2_PET);
}

int pn_relative_cap_word(const struct pctx *c, size_t i)
{
	static const char *const rel[] = {"fille", "fils", "mari", "femme", "epouse", "epoux", "compagnon",
					  "compagne", "frere", "soeur", "mere", "pere", "maman", "papa",
					  "mamie", "papi", "papy", "oncle", "tante", "cousin", "cousine",
					  "neveu", "niece", "copain", "copine", "amie", "ami", "voisin",
					  "voisine", "daughter", "husband", "wife", "partner", "brother",
					  "sister", "mother", "father", "mum", "mom", "dad", "grandma",
					  "grandpa", "nan", "uncle", "aunt", "auntie", "nephew", "friend",
					  "neighbour", "neighbor", "girlfriend", "boyfriend", "bestie", "pote",
					  NULL};
	const struct ptok *t = &c->tk[i];
	return i > 0 && (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) == TK_CAP && (t->f & TK_SP) && tk_len(c, i) >= 3 &&
	       (t->lex & LX_WORD) && !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_MEDCTX | LX_EPONYM)) &&
	       (c->tk[i - 1].lex & LX_KIN) && tk_eq_any(c, i - 1, rel);
}

/* When the context says a name is expected: is token i one? */
int pn_name_like_ctx(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || (c->tk[i].f & (TK_CLAIMED | TK_DIGIT)) || !(c->tk[i].f & TK_ALPHA) ||
	    pn_contraction(c, i))
		return 0;
	/* "my daughter Sun-hee": a day, a month or a word as the first syllable of a romanised
	 * given name */
	if (tk_ch(c, i + 1, '-') && pn_syllable_pair(c, i))
		return 1;
	uint32_t f = c->tk[i].lex;
	/* "my cousin Devon", "notre petite Lourdes": a region or a town that is also a given
	 * name is the person when the context says a name comes */
	int place_name = (c->tk[i].f & TK_CAP) && !(c->tk[i].f & TK_ALLCAP) && (f & (LX_HN | LX_PRN)) &&
			 !(f & NOT_A_NAME & ~(uint32_t)LX_REGION);
	/* a month is a name only when it is also a given name and no number follows: "my wife
	 * June", "ma fille Avril", but not "June 2021" */
	/* ... "sa nièce Mai, 07 81 30 55 26": a number after a comma is not the month's day */
	int month_name = (f & LX_MONTH) && (f & (LX_GIVEN | LX_PRN)) && !tk_is(c, tk_next_word(c, i, 0), TK_DIGIT) &&
			 !(tk_ch(c, i + 1, '/') || tk_ch(c, i + 1, '-'));
	/* "my son Ty": a word of the non-names list ("ty", thank you) that a name list holds,
	 * capitalised right after a relative */
	/* "my son Ty", "My wife Sunny has", "His name's Ty": a word of the non-names list ("ty",
	 * thank you; "sunny") that a name list holds, capitalised right after a relative or a
	 * name's introduction */
	if ((f & NOT_A_NAME) && !(f & LX_PRN) && !place_name &&
	    !(month_name && (c->tk[i].f & TK_CAP) && !(f & NOT_A_NAME & ~(uint32_t)LX_MONTH)) &&
	    !((c->tk[i].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && (f & LX_HN) && !(f & (LX_SIGNOFF | LX_INTRO)) &&
	      !(f & NOT_A_NAME & ~(uint32_t)LX_NOTNAME) && i > 0 && (c->tk[i].f & TK_SP) &&
	      (((c->tk[i - 1].lex & LX_KIN) && (tk_len(c, i) <= 3 || (i >= 2 && pn_possessive(c, i - 2)))) ||
	       /* "Morning Ty, GP here" */
	       (tk_len(c, i) <= 3 && tk_ch(c, i + 1, ',') && pn_greeting_before(c, i)) ||
	       (i >= 2 && (tk_eq(c, i - 1, "is") || (tk_eq(c, i - 1, "s") && tk_apos(c, i - 2))) &&
		tk_eq(c, tk_prev_word(c, i - 1, 1), "name")))))
		return 0;
	if ((f & (LX_STOPFR | LX_STOPEN)) && !(f & LX_PRN))
		return 0;
	if ((f & (LX_MONTH | LX_DAY)) && !month_name)
		return 0;
	if (pn_eponym_use(c, i) && !pn_eponym_named(c, i))
		return 0;
	if (c->tk[i].f & TK_CAP)
		return (f & (LX_GIVEN | LX_PATR)) || !(f & LX_WORD) || pn_relative_cap_word(c, i);
	if (tk_len(c, i) < 3)
		return 0;
	/* lowercase: "ma fille lea" (lea is an English word, not a French one), but not "my son
	 * will be 5" */
	if (tk_lex2(c, i, LX2_AUX))
		return 0;
	if (month_name)
		return 1;
	/* "mon pote tidiane": a lowercase word no list knows at all (but not SMS "jvoudrais") */
	if (f == 0 && tk_len(c, i) >= 4)
		return !pn_sms_j(c, i);
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	return (f & (LX_GIVEN | LX_PATR)) && !(f & word);
}

/* "jvoudrais", "jprends", "jcomprends": SMS French glues "j'" to the verb; a lowercase word
 * that starts with "j" and a consonant is one of those, never a name. */
int pn_sms_j(const struct pctx *c, size_t i)
{
	const char *w = tk_fold(c, i);
	return (c->tk[i].f & TK_LOWER) && c->tk[i].flen >= 3 && w[0] == 'j' && strchr("bcdfgklmnpqrstvwxz", w[1]);
}

/* "je suis raymond petit, 83 ans", "i'm bill, 62", "c jordan 19 ans", "I'm Jade, 20": after a
 * self-introduction, a word of a name list followed by an age (an AGE span, or a bare number
 * closing the clause after a comma) is the writer's name, even when it is a word, a town or a
 * region too. */
int pn_intro_age(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	/* first what most words lack: a number one to five tokens after */
	if (!(tk_is(c, i + 1, TK_NUM) || tk_is(c, i + 2, TK_NUM) || tk_is(c, i + 3, TK_NUM) ||
	      tk_is(c, i + 4, TK_NUM) || tk_is(c, i + 5, TK_NUM)))
		return 0;
	/* "je suis Nguyễn Thị Mai, 52 ans": a capitalised word no list knows, and up to two more
	 * capitalised words, before the age */
	int unknown = t->lex == 0 && (t->f & TK_CAP);
	/* "im kev, 23,": lowercase, a nickname no list knows (pn_lower_nick_age: bare age, "im") */
	if ((t->f & (TK_DIGIT | TK_CLAIMED | TK_ALLCAP)) || tk_len(c, i) < 3 ||
	    (!(t->lex & LX_GIVEN) && !unknown && !pn_lower_nick_age(c, i)) ||
	    (t->lex & (LX_STOPFR | LX_STOPEN | LX_KIN | LX_TITLE | LX_MONTH | LX_DAY | LX_EPONYM)) ||
	    tk_lex2(c, i, LX2_AUX) || !(t->f & TK_SP))
		return 0;
	size_t k = i + 1;
	for (int m = 0; unknown && m < 2 && tk_is(c, k, TK_CAP) && !tk_is(c, k, TK_ALLCAP | TK_DIGIT) &&
			(c->tk[k].f & TK_SP) && !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN | LX_KIN | LX_TITLE));
	     m++)
		k++;
	/* "raymond petit 83 ans": a surname of a name list between */
	if (tk_is(c, k, TK_WORD) && !tk_is(c, k, TK_DIGIT) && (c->tk[k].lex & (LX_PATR | LX_HN)) &&
	    (c->tk[k].f & TK_SP) && !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN)))
		k++;
	if (tk_ch(c, k, ','))
		k++;
	if (!tk_is(c, k, TK_NUM) || !(c->tk[k].f & TK_SP))
		return 0;
	int age = (c->tk[k].f & TK_AGE) != 0;
	if (!age) {
		long v = tk_num(c, k);
		/* "i'm bill, 62, COPD": a bare number, then the clause ends */
		if (k != i + 2 || !tk_ch(c, i + 1, ',') || v < 10 || v > 110 || tk_glued(c, k) == 0 ||
		    !(tk_ch(c, k + 1, ',') || tk_ch(c, k + 1, '.') || tk_ch(c, k + 1, '!')))
			if (!(k + 1 >= c->n_tk && v >= 10 && v <= 110 && tk_ch(c, i + 1, ',')))
				return 0;
	}
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX)
		return 0;
	size_t p2 = tk_prev_word(c, p, 1);
	if (tk_eq(c, p, "jsuis") || tk_eq(c, p, "im") || tk_eq(c, p, "c") || tk_eq(c, p, "cest") ||
	    tk_eq(c, p, "appelle"))
		return 1;
	if (p2 == SIZE_MAX)
		return 0;
	return (tk_eq(c, p, "suis") && (tk_eq(c, p2, "je") || tk_eq(c, p2, "j"))) ||
	       (tk_eq(c, p, "m") && tk_eq(c, p2, "i")) || (tk_eq(c, p, "am") && tk_eq(c, p2, "i")) ||
	       (tk_eq(c, p, "est") && tk_eq(c, p2, "c")) || (tk_eq(c, p, "is") && tk_eq(c, p2, "name"));
}

/* "ma ptite jade", "mon petit loulou": a possessive and a diminutive right before. */
int pn_diminutive_before(const struct pctx *c, size_t i)
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
int pn_name_like_title(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || (c->tk[i].f & (TK_CLAIMED | TK_DIGIT)) || !(c->tk[i].f & TK_ALPHA))
		return 0;
	uint32_t f = c->tk[i].lex;
	if ((f & LX_MONTH) && pn_title_month(c, i)) /* "le Dr Juin" (priv_name_word.c) */
		return 1;
	if (f & (LX_MONTH | LX_DAY | LX_TITLE | LX_STOPFR | LX_STOPEN | LX_HOSP | LX_KIN))
		return (c->tk[i].f & TK_CAP) && (f & (LX_GIVEN | LX_PATR)) && !(f & (LX_STOPFR | LX_STOPEN));
	/* a listed word that the name lists also hold is the surname after a title: "M. Petit",
	 * "Pr Grand" */
	if (c->tk[i].f & TK_CAP)
		return !(f & LX_NOTNAME) || (f & (LX_HN | LX_PATR));
	/* lowercase: "dr martin", "mme pinto :", but not "Prof super : Élise", where a title that
	 * is also a word, then a word and a colon, are the field's label */
	if ((f & LX_WORD) && tk_ch(c, i + 1, ':') && !(f & (LX_PRN | LX_PATR)) && i > 0 &&
	    (c->tk[i - 1].lex & LX_WORD))
		return 0;
	return !(f & LX_WORD) || (f & (LX_GIVEN | LX_PATR));
}

/* "N'Diaye", "O'Brien", "D'Souza": one capital letter glued by an apostrophe to a name. */
int pn_letter_apos_name(const struct pctx *c, size_t i)
{
	return tk_len(c, i) == 1 && (c->tk[i].f & TK_CAP) && tk_glued(c, i) && tk_apos(c, i + 1) &&
	       tk_glued(c, i + 1) && tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2);
}

/* Title just before token i ("Dr", "Dr.", "M.", "Mme", "Nurse")? */
int pn_title_before(const struct pctx *c, size_t i)
{
	/* what follows needs a title among the three tokens before, or "née" right before: most
	 * words have neither (one test of their flags) */
	int near = i > 0 && c->tk[i - 1].flen && (tk_fold(c, i - 1)[0] == 'n' || tk_fold(c, i - 1)[0] == 'e');
	if (c->lex_any & LX_TITLE) /* no title in the text: "née" alone can answer */
		for (size_t k = i > 3 ? i - 3 : 0; k < i && !near; k++)
			near = (c->tk[k].lex & LX_TITLE) != 0;
	if (!near)
		return 0;
	size_t p = i;
	/* "Dr. House", "Mrs. Patel": the period of an abbreviation, not a sentence's end
	 * ("... d'un Monsieur. Moi c'est") */
	if (p > 1 && tk_ch(c, p - 1, '.') && tk_len(c, p - 2) <= 4)
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
int pn_kin_title_lower(const struct pctx *c, size_t i)
{
	static const char *const w_aunty[] = {
		"aunty", "auntie", "aunt", "uncle", "tonton", "tata", "tatie", "mamie", "papi", "papy", "mamy",
		"pepe", "meme", "nan", "nana", "nanna", "grandma", "grandpa", "granny", "grandad", "cousin",
		"cousine", "tante", "oncle", NULL
	};
	size_t p = i > 0 ? i - 1 : SIZE_MAX;
	if (p == SIZE_MAX || !(c->tk[p].lex & LX_KIN) || !(c->tk[i].f & TK_LOWER))
		return 0;
	/* ... "mamie jo": two letters when hunspell calls them a first name */
	if (p + 1 == i && (c->tk[i].f & TK_LOWER) && (c->tk[i].f & TK_SP) &&
	    (tk_len(c, i) >= 3 || (tk_len(c, i) == 2 && (c->tk[i].lex & LX_PRN))) &&
	    tk_eq_any(c, p, w_aunty) &&
	    ((c->tk[i].lex & LX_PRN) ||
	     (((c->tk[i].lex & LX_HN) || c->tk[i].lex == 0) && !(c->tk[i].lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)))) &&
	    !(c->tk[i].lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) && !tk_lex2(c, i, LX2_AUX))
		return 1;
	return 0;
}

/* "pierre est sorti de la pitié", "MARINE A REPRIS LA PISCINE": a hunspell first name opening
 * a sentence of a lowercase text or one in capitals, before a verb that follows a name; in
 * English only a name no dictionary holds ("Hope is a strange thing", "grace is..." stay). */
int pn_lower_name_verb(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || !(t->lex & LX_PRN) || tk_len(c, i) < 3 || (t->f & (TK_DIGIT | TK_CLAIMED)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY)) ||
	    (c->lang == ENT_PRIV_EN && (t->lex & LX_WEN)) || tk_lex2(c, i, LX2_AUX) || !tk_sentence_start(c, i))
		return 0;
	/* a virtue's name is the virtue here: "prudence est de mise", "patience est mère de..." */
	const char *w = tk_fold(c, i);
	size_t n = t->flen;
	if ((t->lex & LX_WFR) && n > 4 && (memcmp(w + n - 4, "ence", 4) == 0 || memcmp(w + n - 4, "ance", 4) == 0))
		return 0;
	size_t k = i + 1;
	/* (in capitals a one-letter verb keeps its capital: "MARINE A REPRIS") */
	if (k >= c->n_tk || !(c->tk[k].f & TK_SP) || !(tk_is(c, k, TK_LOWER) || c->shout))
		return 0;
	/* "marine et moi on a couru": the writer's companion */
	if (tk_eq(c, k, "and") || tk_eq(c, k, "et"))
		return tk_eq(c, k + 1, "moi") || tk_eq(c, k + 1, "me") || (tk_eq(c, k + 1, "i") && c->lang == ENT_PRIV_EN);
	/* "grâce à vous": the preposition, not the verb "a" */
	if (tk_eq(c, k, "a") && c->t[c->tk[k].s] != 'a' && c->t[c->tk[k].s] != 'A')
		return 0;
	return tk_lex2(c, k, LX2_SVERB) && !tk_eq(c, k, "m") && !tk_eq(c, k, "me");
}

/* "nurse prudence", "sister grace": a lowercase carer's title, then a hunspell first name
 * that the dictionary writes capitalised (or knows no other way), not an auxiliary. */
int pn_carer_lower(const struct pctx *c, size_t i)
{
	static const char *const w_nurse[] = {
		"nurse", "sister", "matron", "midwife", "infirmiere", "infirmier", NULL
	};
	const struct ptok *t = &c->tk[i];
	if (i == 0 || !(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !(c->tk[i - 1].f & TK_LOWER) || !(t->lex & (LX_PRN | LX_FIRSTNAME)) ||
	    !((t->lex & LX_CAPEN) || !(t->lex & LX_WORD)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY)) ||
	    tk_lex2(c, i, LX2_AUX))
		return 0;
	return tk_eq_any(c, i - 1, w_nurse);
}

/* Relative or colleague just before ("ma fille Chloé", "my son, Jack", "mon mari (Rémi)"). */
int pn_kin_before(const struct pctx *c, size_t i)
{
	static const char *const w_mum[] = {
		"mum", "mom", "mam", "mother", "dad", "father", "wife", "husband", "son", "daughter", "partner",
		"sister", "brother", "mere", "pere", "maman", "papa", "fille", "fils", "mari", "femme",
		"epouse", "epoux", "soeur", "frere", "conjoint", "conjointe", NULL
	};
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
	/* "Mum: Funmi, 07956 218 440", "Wife: Ngozi": a relative as a field's label */
	if (p + 2 == i && tk_ch(c, p + 1, ':') && (c->tk[p].f & (TK_CAP | TK_ALLCAP)) == TK_CAP &&
	    tk_sentence_start(c, p) && (c->tk[i].f & TK_CAP) && !(c->tk[p].lex & (LX_STOPFR | LX_STOPEN)) &&
	    tk_eq_any(c, p, w_mum))
		return 1; /* (not "Consultant: Adeyemi, T.", which the surname-first rule takes) */
	/* "Auntie Pam", "Baby Noah", "Mamie Jeanne": a relative word used as a title */
	if (p + 1 == i && (c->tk[i].f & TK_CAP) && (c->tk[i].f & TK_SP) &&
	    ((c->tk[i].lex & LX_GIVEN) ||
	     (c->tk[i].lex == 0 && !(c->tk[i].f & TK_ALLCAP) &&
	      /* (not "son AVC"; "daughter", "fille", "fils" are function words of the language guess too) */
	      (!(c->tk[p].lex & (LX_STOPFR | LX_STOPEN)) || tk_eq(c, p, "daughter") || tk_eq(c, p, "fille") ||
	       tk_eq(c, p, "fils"))) ||
	     pn_relative_cap_word(c, i)))
		return 1; /* ... "tonton Driss", "ma nièce Prune", but not "son AVC" */
	for (size_t k = p + 1; k < i; k++)
		if (!(tk_ch(c, k, ',') || tk_ch(c, k, '(') || tk_ch(c, k, ':')))
			return 0;
	size_t pp = p > 0 ? p - 1 : SIZE_MAX;
	if (pp != SIZE_MAX && (c->tk[pp].f & TK_WORD) && (c->tk[pp].lex & LX_KIN) && !pn_possessive(c, pp))
		pp = pp > 0 ? pp - 1 : SIZE_MAX; /* "ma petite fille", "grand mere", not "son fils" */
	if (pp != SIZE_MAX && pp > 0 && !pn_possessive(c, pp) && (c->tk[pp].f & TK_LOWER) &&
	    !(c->tk[pp].f & TK_DIGIT) && tk_len(c, pp) >= 3 && (c->tk[pp].f & TK_SP) &&
	    !(c->tk[pp].lex & (LX_STOPFR | LX_STOPEN)) && (c->tk[pp - 1].f & TK_WORD) &&
	    pn_possessive(c, pp - 1) && !tk_apos(c, pp - 1))
		pp--; /* "our health visitor", "my support worker", "mon kiné" */
	return pp != SIZE_MAX && pn_possessive(c, pp);
}

/* "mon fils aime le foot", "ma fille adore les chats": a lowercase first name that is also a
 * word of the text's language, followed by an article or an adverb, is the verb. */
int pn_verb_like(const struct pctx *c, size_t i)
{
	static const char *const next_fr[] = {"le", "la", "les", "l", "un", "une", "des", "du", "pas",
					      "bien", "trop", "beaucoup", "plus", "tout", NULL};
	static const char *const next_en[] = {"the", "a", "an", "it", "her", "him", "them", "me",
					      "not", "so", NULL};
	int en = c->lang == ENT_PRIV_EN;
	return (c->tk[i].f & TK_LOWER) && (c->tk[i].lex & (en ? LX_WEN : LX_WFR)) &&
	       tk_eq_any(c, i + 1, en ? next_en : next_fr) && (c->tk[i + 1].f & TK_SP);
}

/* "ma ptite jade a peur": the same after a possessive and a diminutive. */
static int diminutive_word_name(const struct pctx *c, size_t i)
{
	static const char *const verbs_fr[] = {"a", "est", "etait", "avait", "va", "fait", "aura", "vient", NULL};
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !(t->lex & LX_PRN) || (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_KIN)) ||
	    tk_lex2(c, i, LX2_AUX) || !(t->f & TK_SP) || !pn_diminutive_before(c, i))
		return 0;
	size_t n = i + 1;
	return n < c->n_tk && (c->tk[n].f & TK_SP) && tk_eq_any(c, n, verbs_fr) &&
	       !(tk_eq(c, n, "a") && c->t[c->tk[n].s] != 'a');
}

/* "my son hunter has ADHD", "ma fille ambre a 3 ans": a lowercase given name that is also an
 * ordinary word, right after a relative and right before a verb. */
int pn_kin_word_name(const struct pctx *c, size_t i)
{
	static const char *const verbs_en[] = {"is", "was", "has", "had", "and", "gets", "got",
					       "turned", "turns", "starts", "started", "goes", "went",
					       "loves", "needs", NULL};
	static const char *const verbs_fr[] = {"a", "est", "etait", "avait", "et", "va", "fait",
					       "aura", "vient", NULL};
	const char *const *verbs = c->lang == ENT_PRIV_EN ? verbs_en : verbs_fr;
	const struct ptok *t = &c->tk[i];
	if (pn_kin_month_name(c, i, verbs)) /* "my mum may has" (priv_name_word.c) */
		return 1;
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    !(t->lex & (LX_PRN | LX_HN)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_MONTH | LX_DAY | LX_KIN)) ||
	    tk_lex2(c, i, LX2_AUX) || i == 0 || !(t->f & TK_SP))
		return 0;
	size_t n = i + 1;
	if (i >= 1 && !(c->tk[i - 1].lex & LX_KIN))
		return diminutive_word_name(c, i);
	/* "ma fille lulu (9 ans)", "mon fils titi, 4 ans": an age in brackets or after a comma
	 * (not a birth order, "ma fille cadette (9 ans)", "mon fils benjamin, 4 ans") */
	static const char *const order[] = {"aine", "ainee", "cadet", "cadette", "benjamin", "benjamine",
					    "middle", "junior", "jumeau", "jumelle", "twin", NULL};
	if (n + 1 < c->n_tk && (tk_ch(c, n, '(') || tk_ch(c, n, ',')) && (c->tk[n + 1].f & TK_AGE) &&
	    !tk_eq_any(c, i, order))
		/* a given name's list, no word of either language, or a doubled syllable a name list
		 * holds (pn_doubled_nickname: lulu, titi, which the surname list and the French words
		 * hold as they hold "hier", "seul"): not "my daughter too (9 years old)", "ma fille
		 * née (9 ans)" */
		return i >= 2 && pn_possessive(c, i - 2) &&
		       ((t->lex & (LX_PRN | LX_FIRSTNAME)) || !(t->lex & LX_WORD) || pn_doubled_nickname(c, i));
	if (n >= c->n_tk || !(c->tk[n].f & TK_SP) || !tk_eq_any(c, n, verbs))
		return 0;
	if (tk_eq(c, n, "a") && c->t[c->tk[n].s] != 'a')
		return 0; /* "l'anesthésiste passe à 17h": the preposition */
	return i >= 2 && (pn_possessive(c, i - 2) || ((c->tk[i - 2].lex & LX_KIN) && i >= 3 && pn_possessive(c, i - 3)));
}


/* "text Chantelle on 07700...", "can u tell ravi?", "remercie Aurélien": a verb that takes a
 * person, then a capitalised word no dictionary knows (or a given name), or a lowercase given
 * name that is no word of the text's language. */
int pn_person_verb_name(const struct pctx *c, size_t i)
{
	/* the verbs: the PVERB list of priv_words.txt */
	const struct ptok *t = &c->tk[i];
	if (i == 0 || (t->f & (TK_DIGIT | TK_CLAIMED | TK_ALLCAP)) || tk_len(c, i) < 3 || !(t->f & TK_SP))
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_CITY | LX_REGION;
	if (t->lex & bad)
		return 0;
	int like = (t->f & TK_CAP) ? t->lex == 0 || ((t->lex & LX_GIVEN) && !(t->lex & word))
				   : (t->lex & (LX_PRN | LX_HN)) && !(t->lex & (word | LX_TOWN));
	return like && tk_lex2(c, i - 1, LX2_PVERB);
}

/* "Babeth, peux-tu rappeler", "Jonno, can you": a word no list knows opening the text, a
 * comma, then a request in the second person. */
static int vocative_unknown(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (t->lex != 0 || tk_len(c, i) < 3 || !tk_ch(c, i + 1, ',') || !tk_is(c, i + 2, TK_LOWER))
		return 0;
	size_t k = i + 2;
	return tk_eq(c, k, "peux") || tk_eq(c, k, "tu") || tk_eq(c, k, "pourrais") || tk_eq(c, k, "pouvez") ||
	       tk_eq(c, k, "can") || tk_eq(c, k, "could") || tk_eq(c, k, "are") || tk_eq(c, k, "pls") ||
	       tk_eq(c, k, "please") || tk_eq(c, k, "t") || tk_eq(c, k, "as") || tk_eq(c, k, "you") ||
	       tk_eq(c, k, "would") || tk_eq(c, k, "any") || tk_eq(c, k, "est") ||
	       /* "Kergoat, c'est Jools de la pharma", "Mahlangu, si tu lis ça" */
	       (tk_eq(c, k, "c") && tk_apos(c, k + 1) && tk_eq(c, k + 2, "est")) ||
	       (tk_eq(c, k, "si") && tk_eq(c, k + 1, "tu")) || (tk_eq(c, k, "if") && tk_eq(c, k + 1, "you"));
}

/* The text opens with a request to someone: "Mo can u pick Layla up", "pierre t'es où??". */
static int vocative_request(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_DIGIT | TK_CLAIMED | TK_ALLCAP)) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_SIGNOFF | LX_INTRO | LX_TOWN | LX_CITY)) ||
	    tk_lex2(c, i, LX2_AUX | LX2_PVERB) || !(c->tk[i + 1 < c->n_tk ? i + 1 : i].f & TK_SP))
		return 0;
	/* "Mo can u", "Jas could you": a given name the dictionary writes with a capital */
	if ((t->f & TK_CAP) && ((t->lex & LX_PRN) || ((t->lex & LX_HN) && (t->lex & LX_CAPEN))) &&
	    (tk_eq(c, i + 1, "can") || tk_eq(c, i + 1, "could")) &&
	    (tk_eq(c, i + 2, "u") || tk_eq(c, i + 2, "you") || tk_eq(c, i + 2, "ya")))
		return 1;
	/* "pierre t'es où": a lowercase first name, then "t'" */
	return (t->f & TK_LOWER) && (t->lex & LX_PRN) && tk_len(c, i) >= 3 && tk_eq(c, i + 1, "t") &&
	       tk_glued(c, i + 1) && tk_apos(c, i + 2);
}

int pn_vocative_start(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (i == 0 && (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP && vocative_unknown(c, i))
		return 1;
	if (i == 0 && (vocative_request(c, i) || pn_vocative_question(c, i)))
		return 1;
	/* "Fi - just a heads up": two letters no word list of the language holds, then a dash
	 * ("Hm, je sais pas" is no one) */
	if (i == 0 && tk_len(c, i) == 2 && (t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) == TK_CAP &&
	    /* (not an abbreviation the dictionary writes in capitals: "Ps - don't forget") */
	    (!(t->lex & LX_CAPEN) || (t->lex & LX_GIVEN)) &&
	    !(t->lex & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_GREET |
			LX_TITLE | LX_SIGNOFF | LX_INTRO | LX_KIN | LX_MONTH | LX_DAY)) &&
	    tk_ch(c, 1, '-') && (c->tk[1].f & TK_SP) && tk_is(c, 2, TK_LOWER) && (c->tk[2].f & TK_SP))
		return 1;
	if (i != 0 || (t->f & (TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) || !(t->f & TK_CAP) || tk_len(c, i) < 2 ||
	    !(t->lex & LX_GIVEN) || tk_lex2(c, i, LX2_AUX) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_NPR | LX_SIGNOFF | LX_INTRO)) ||
	    ((t->lex & (LX_TOWN | LX_CITY)) && !(t->lex & LX_PRN) &&
	     /* "Ade, GMC 7340562 is the locum's number": a small town that is a given name, a
	      * comma and no date after ("Ade, 12 mars" heads a letter) */
	     ((t->lex & LX_CITY) || !(t->lex & LX_HN) || !tk_ch(c, i + 1, ',') || tk_is(c, i + 2, TK_DIGIT))))
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if ((t->lex & LX_WORD) && !(t->lex & (LX_PRN | LX_CAPEN)))
		return 0;
	if ((t->lex & word) && tk_len(c, i) < 3)
		return 0;
	/* a comma, or a dash with spaces, then the message in lowercase or a number */
	size_t k = i + 1;
	if (!(tk_ch(c, k, ',') || (tk_ch(c, k, '-') && (c->tk[k].f & TK_SP))))
		return 0;
	/* "Joy, joy, joy.", "Hope, faith and a lot of...": the word again, or a list of words */
	if (k + 2 < c->n_tk && c->tk[k + 1].flen &&
	    (strcmp(tk_fold(c, k + 1), tk_fold(c, i)) == 0 ||
	     ((c->tk[k + 1].lex & word) && !(c->tk[k + 1].lex & (LX_STOPFR | LX_STOPEN)) &&
	      (tk_eq(c, k + 2, "and") || tk_eq(c, k + 2, "et") || tk_ch(c, k + 2, ',')))))
		return 0;
	return k + 1 < c->n_tk && (c->tk[k + 1].f & TK_SP) && !(c->tk[k + 1].f & TK_NL) &&
	       ((c->tk[k + 1].f & (TK_LOWER | TK_ALLCAP)) || tk_is(c, k + 1, TK_NUM));
}

/* Greeting at the start of a line or after another greeting: "Bonjour Julie", "Hi Jen". */
int pn_greeting_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX) /* "Rest easy, Jordan." */
		return i >= 2 && tk_ch(c, i - 1, ',') && pn_farewell_before(c, i - 2, i);
	/* "Happy birthday Alfie", "JOYEUX ANNIVERSAIRE JULES": a wish opening the text or a
	 * sentence (not "her birthday Sam forgot", "Happy birthday to") */
	if (p > 0 && p + 1 == i && (tk_eq(c, p, "birthday") || tk_eq(c, p, "anniversaire")) &&
	    (tk_eq(c, p - 1, "happy") || tk_eq(c, p - 1, "joyeux") || tk_eq(c, p - 1, "bon")) &&
	    tk_sentence_start(c, p - 1))
		return 1;
	if (!(c->tk[p].lex & (LX_GREET)))
		return pn_farewell_before(c, p, i);
	if (tk_eq(c, p, "merci") || tk_eq(c, p, "thanks") || tk_eq(c, p, "bravo") || tk_eq(c, p, "courage"))
		return 1;
	/* "you're reading": the "re" of a contraction is no greeting */
	if (p > 0 && tk_apos(c, p - 1) && tk_glued(c, p - 1))
		return 0;
	/* "Good morning Sarah" */
	if (p > 0 && (tk_eq(c, p - 1, "good") || tk_eq(c, p - 1, "bon")) && tk_sentence_start(c, p - 1))
		return 1;
	/* "@jules_m_hale hey jules": after a handle, as after punctuation */
	return tk_sentence_start(c, p) || (p > 0 && (tk_is(c, p - 1, TK_PUNCT) ||
						     (c->tk[p - 1].f & TK_CLAIMED)));
}

/* "je m'appelle X", "my name is X", "moi c'est X", "I'm X", "signé X". */
int pn_intro_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX)
		return 0;
	/* (most words end it here: pn_intro_before_word) */
	if (!pn_intro_before_word(c->tk[p].flen, (unsigned char)tk_fold(c, p)[0]))
		return 0;
	/* form fields: "nom : Belhadj", "Name: Valerie Okafor", "NAME ALBERT FINCH", "Patient
	 * Lorraine Batty" - a label written as a label (a colon, or a capital) */
	static const char *const fields[] = {"nom", "name", "surname", "patient", "patiente", "pt",
					     "resident", "enfant", "child", "firstname", "lastname",
					     "forename", NULL};
	/* (the layout first, the list after: most words have neither) */
	/* ... or the value written as a value, in capitals after a lowercase label
	 * (pn_label_caps: "patient KOWALSKI", "name DONNA.") */
	if (((p + 2 == i && tk_ch(c, p + 1, ':')) ||
	     (p + 1 == i && c->t[c->tk[p].s] >= 'A' && c->t[c->tk[p].s] <= 'Z') ||
	     (p + 1 == i && pn_label_caps(c, p, i))) &&
	    tk_eq_any(c, p, fields))
		return 1;
	/* "nom de naissance BOUCHARD, nom d'usage FAURE", "nom de jeune fille" */
	if ((c->tk[i].f & (TK_CAP | TK_ALLCAP)) &&
	    (tk_eq(c, p, "naissance") || tk_eq(c, p, "usage") || tk_eq(c, p, "marital") ||
	     (tk_eq(c, p, "fille") && tk_eq(c, tk_prev_word(c, p, 0), "jeune")))) {
		size_t q = p;
		for (int k = 0; k < 3 && q != SIZE_MAX; k++) {
			q = tk_prev_word(c, q, 1);
			if (q != SIZE_MAX && (tk_eq(c, q, "nom") || tk_eq(c, q, "name")))
				return 1;
		}
	}
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
	/* "In memory of Haruto", "En mémoire de Gosia" */
	if ((c->tk[i].f & TK_CAP) && ((tk_eq(c, p, "of") && tk_eq(c, p2, "memory")) ||
				      ((tk_eq(c, p, "de") || tk_eq(c, p, "d")) && tk_eq(c, p2, "memoire"))))
		return 1;
	if (tk_eq(c, p, "est") && tk_eq(c, p2, "c")) {
		size_t p3 = tk_prev_word(c, p2, 1);
		if (p3 != SIZE_MAX && tk_eq(c, p3, "moi"))
			return 1;
		/* "c'est Julie", "it's Dave": a known given name right after */
		return (c->tk[i].f & TK_CAP) && (c->tk[i].lex & LX_GIVEN) &&
		       !(c->tk[i].lex & (LX_WFR | LX_TOWN | LX_CITY | LX_REGION));
	}
	/* "merci d'avance c fatou": SMS "c" (c'est), then a lowercase name closing the text */
	if (tk_eq(c, p, "c") && p + 1 == i && (c->tk[i].f & TK_LOWER) && (c->tk[i].lex & (LX_PRN | LX_HN)) &&
	    tk_len(c, i) >= 3 &&
	    !(c->tk[i].lex & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | NOT_A_NAME | LX_STOPFR | LX_STOPEN)) &&
	    (i + 1 >= c->n_tk || tk_ch(c, i + 1, '.') || tk_ch(c, i + 1, '!') || (c->tk[i + 1].f & TK_NL)))
		return 1;
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
	/* "je suis Fanny", "jsuis ines": pn_name_like_ctx() has already said the word may be a name */
	/* ... and a town that is a first name when a comma sets it off: "Je suis Lourdes, 41 ans"
	 * ("je suis à Lourdes" has its preposition) */
	if ((tk_eq(c, p, "suis") && (tk_eq(c, p2, "je") || tk_eq(c, p2, "j"))) || tk_eq(c, p, "jsuis"))
	{
		uint32_t f = c->tk[i].lex;
		if ((c->tk[i].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && (f & (LX_TOWN | LX_CITY)) &&
		    (f & LX_GIVEN) && !(f & LX_REGION) && tk_ch(c, i + 1, ','))
			return 1;
		return (f & ((c->tk[i].f & TK_LOWER) ? LX_PRN : LX_GIVEN)) &&
		       !(f & (LX_WFR | LX_TOWN | LX_CITY | LX_REGION));
	}
	if ((tk_eq(c, p, "m") && tk_eq(c, p2, "i")) || tk_eq(c, p, "im") ||
	    (tk_eq(c, p, "am") && tk_eq(c, p2, "i")) || (tk_eq(c, p, "is") && tk_eq(c, p2, "this")))
		return (c->tk[i].f & TK_CAP) &&
		       /* "I'm Delroy Thélus,": a word no list knows, then a capitalised word or a
			* comma */
		       (c->tk[i].lex == 0 ? !(c->tk[i].f & TK_ALLCAP) && tk_len(c, i) >= 3 &&
						    /* (not "I'm Coeliac, any tips": a comma then an age) */
						    ((tk_ch(c, i + 1, ',') && tk_is(c, i + 2, TK_DIGIT)) ||
						     tk_is(c, i + 1, TK_CAP) ||
						     /* "this is Larrouy from Riverside Dental" */
						     tk_eq(c, i + 1, "from")) :
		       (c->tk[i].lex & LX_GIVEN) &&
		       (!(c->tk[i].lex & LX_WORD) || (c->tk[i].lex & LX_PRN) || tk_ch(c, i + 1, ',') ||
			tk_ch(c, i + 1, '.') || tk_ch(c, i + 1, '!') || /* "I'm Grace, 34" */
			(tk_eq(c, i + 1, "and") && tk_eq(c, i + 2, "i")))); /* "I'm Hope and I'm 16" */
	return 0;
}

/* "MY WIFE CHARITY MWANGI IS", "my father ram naresh gupta": after a relative, a lowercase
 * given name that is also a word (or any word of a text in capitals), then a surname no
 * dictionary knows: the pair says it is a name. */
int pn_kin_given_surname(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	size_t k = i + 1;
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 || !(t->lex & LX_GIVEN) ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) || k >= c->n_tk ||
	    !(c->tk[k].f & TK_LOWER) || !(c->tk[k].f & TK_SP) || (c->tk[k].f & (TK_NL | TK_DIGIT | TK_CLAIMED)) ||
	    tk_len(c, k) < 3 || !(c->tk[k].lex & (LX_PATR | LX_HN)) ||
	    (c->tk[k].lex & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	return p != SIZE_MAX && p + 1 == i && (c->tk[p].lex & LX_KIN) && !(c->tk[p].lex & (LX_STOPFR | LX_STOPEN));
}

/* "huge shoutout to Jo and Al", "thank you to Ally and Mo", "merci à Samia": a capitalised
 * given name, however short or common a word, after thanks addressed to someone; lowercase
 * (or in a text in capitals) a given name, or a nickname no dictionary knows ("BRAVO A
 * JADE", "merci à : titi, béa"). */
int pn_thanks_to(const struct pctx *c, size_t i)
{
	static const char *const w_l[] = {"l", "la", "le", "les", "the", "d", "de", "du", "des", NULL};
	const struct ptok *t = &c->tk[i];
	if ((t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 2 ||
	    (t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM)) || i < 2 || !(c->tk[i].f & TK_SP) ||
	    /* in capitals, a given name of three letters or more: "BRAVO A JADE 🎉 ... trop fière" */
	    ((t->f & TK_ALLCAP) && (tk_len(c, i) < 3 || !(t->lex & (LX_PRN | LX_FIRSTNAME)))))
		return 0;
	if (t->f & (TK_CAP | TK_ALLCAP)) {
		if (!(t->lex & LX_GIVEN))
			return 0;
	} else if (!(t->f & TK_LOWER) || tk_len(c, i) < 3 || (t->lex & (LX_TOWN | LX_CITY | LX_KIN)) ||
		   !(c->shout ? (t->lex & LX_GIVEN) != 0
			      : (t->lex & LX_PRN) ||
					(!(t->lex & (LX_WORD | LX_NPR)) && ((t->lex & LX_HN) || t->lex == 0)))) {
		return 0;
	}
	/* (a misspelt word before an article is no nickname: "merci a tute l'equipe") */
	if ((t->f & TK_LOWER) && !(t->lex & LX_PRN) &&
	    tk_eq_any(c, i + 1, w_l))
		return 0;
	size_t p = i - 1;
	if (tk_ch(c, p, ':') && p > 1) /* "merci à : titi" */
		p--;
	return pn_thanks_prep(c, p);
}

int pn_thanks_prep(const struct pctx *c, size_t p)
{
	if (!(tk_eq(c, p, "to") || tk_eq(c, p, "a")))
		return 0;
	size_t q = tk_prev_word(c, p, 0);
	if (q == SIZE_MAX)
		return 0;
	if (tk_eq(c, p, "to"))
		return tk_eq(c, q, "shoutout") || tk_eq(c, q, "thanks") || tk_eq(c, q, "grateful") ||
		       tk_eq(c, q, "out") || (tk_eq(c, q, "you") && tk_eq(c, tk_prev_word(c, q, 0), "thank"));
	return tk_eq(c, q, "merci") || tk_eq(c, q, "remercie") || tk_eq(c, q, "remercier") || tk_eq(c, q, "bravo");
}

/* "Please call me, Lorraine, on 01273...", "Moi, Julie, maman de": a name set off by commas
 * right after "me" or "moi" is the writer's. */
int pn_me_apposition(const struct pctx *c, size_t i)
{
	return i >= 2 && tk_ch(c, i - 1, ',') && tk_ch(c, i + 1, ',') && (c->tk[i].f & TK_CAP) &&
	       (c->tk[i].lex & LX_GIVEN) && (tk_eq(c, i - 2, "me") || tk_eq(c, i - 2, "moi"));
}

/* "Hi, Jess here": a name introducing itself after a greeting. */
int pn_here_after(const struct pctx *c, size_t i)
{
	/* "coucou les filles, nono ici": lowercase, a word of no dictionary, then "ici" */
	if ((c->tk[i].f & TK_LOWER) && tk_eq(c, i + 1, "ici") && (c->tk[i + 1].f & TK_SP) && tk_len(c, i) >= 3 &&
	    !(c->tk[i].f & TK_DIGIT) && !(c->tk[i].lex & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN)) &&
	    (i == 0 || tk_ch(c, i - 1, ',') || tk_sentence_start(c, i)))
		return 1;
	/* "Mark Hastings here": a surname between */
	size_t h = i + 1;
	if (tk_is(c, h, TK_CAP) && !tk_is(c, h, TK_ALLCAP | TK_DIGIT) && (c->tk[h].f & TK_SP) &&
	    ((c->tk[h].lex & (LX_PATR | LX_HN)) || c->tk[h].lex == 0) &&
	    !(c->tk[h].lex & (NOT_A_NAME | LX_STOPEN | LX_STOPFR)))
		h++;
	if (!tk_eq(c, h, "here") || !(c->tk[i].f & TK_CAP) || (c->tk[i].f & TK_ALLCAP) || !(c->tk[i].lex & LX_GIVEN) ||
	    (c->tk[i].lex & (LX_STOPEN | LX_STOPFR)))
		return 0;
	/* "Jordan here, twenty-three, I was born with CF": a country that is a given name too,
	 * opening the text, when an age follows ("Jamaica here, it's hot" is the place); only
	 * those commonly given as names (not "Ireland here, 30,", "Kenya here, 35, hot") */
	static const char *const given_countries[] = {"jordan", "india", "georgia", "chad", NULL};
	return !(c->tk[i].lex & LX_REGION) ||
	       (h == i + 1 && i == 0 && tk_eq_any(c, i, given_countries) && tk_ch(c, h + 1, ',') &&
		(tk_lex2(c, h + 2, LX2_NUMW) || (tk_is(c, h + 2, TK_NUM) && tk_num(c, h + 2) >= 10 &&
						  tk_num(c, h + 2) <= 110 && tk_ch(c, h + 3, ','))));
}

int pn_doubled_nickname(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	const char *fw = tk_fold(c, i);
	return t->flen == 4 && tk_len(c, i) == 4 && fw[0] == fw[2] && fw[1] == fw[3] && strchr("aiouy", fw[1]) &&
	       !strchr("aeiouy", fw[0]) && (t->lex & (LX_HN | LX_PRN)) &&
	       !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_EPONYM));
}

/* "avec lea", "chez zoe", "with mia": a lowercase given name after a word that introduces a
 * companion. Only names that the text's language does not know as a word count ("lea" is
 * English, not French). */
int pn_companion_name(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	/* "avec lulu", "chez jojo": a doubled syllable of a consonant and a, i, o or u ("tete" is
	 * "tête", "bebe" "bébé"), written without an accent, that a name list holds, is a nickname
	 * even when the language knows it as a word; not after "de" ("mal de tete") */
	int doubled = pn_doubled_nickname(c, i) && i > 0 && !tk_eq(c, i - 1, "de");
	if (!(t->f & TK_LOWER) || (t->f & (TK_DIGIT | TK_CLAIMED)) || tk_len(c, i) < 3 ||
	    (!doubled && (!(t->lex & (LX_PRN | LX_FIRSTNAME)) ||
			  (t->lex & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | NOT_A_NAME | LX_STOPFR | LX_STOPEN |
				     LX_TOWN | LX_CITY | LX_EPONYM | LX_NPR)))))
		return 0;
	/* the word right before: the COMPANION list of priv_words.txt ("avec", "chez", "pour"...) */
	size_t p = tk_prev_word(c, i, 0);
	return p != SIZE_MAX && p + 1 == i && tk_lex2(c, p, LX2_COMPANION);
}

/* "chez Nancy", "chez Laval", "avec Albert": a capitalised given name or surname right after
 * "chez" (at someone's), or "avec", is a person even when it is also a town (after "avec",
 * only a town that is a first name). */
int pn_person_after_chez(const struct pctx *c, size_t i)
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

int pn_item_closes(const struct pctx *c, size_t k)
{
	if (k >= c->n_tk || (c->tk[k].f & TK_NL) || tk_ch(c, k, ',') || tk_ch(c, k, ';') || tk_ch(c, k, ')'))
		return 1;
	return tk_ch(c, k, '.') && (k + 1 >= c->n_tk || (c->tk[k + 1].f & TK_NL));
}

int pn_latin_species(const struct pctx *c, size_t k)
{
	static const char *const ends[] = {"ae", "ii", "us", "um", "is", "ica", "ata", "ans", "ens", NULL};
	static const char *const other[] = {"oxytoca", "maltophilia", "pneumophila", "lamblia", NULL};
	const char *f = tk_fold(c, k);
	size_t n = strlen(f);
	for (size_t j = 0; ends[j]; j++) {
		size_t m = strlen(ends[j]);
		if (n > m && memcmp(f + n - m, ends[j], m) == 0)
			return 1;
	}
	return tk_eq_any(c, k, other);
}

int pn_initial_of_thing(const struct pctx *c, size_t i)
{
	static const char *const germs[] = {"pylori", "aureus", "coli", "difficile", "diff", "pneumoniae",
					    "aeruginosa", "albicans", "gondii", "faecalis", "epidermidis",
					    "tuberculosis", "meningitidis", "monocytogenes", "pyogenes",
					    "agalactiae", "influenzae", "mutans", "vulgaris", "burgdorferi",
					    "trachomatis", "gonorrhoeae", "vaginalis", "jirovecii", NULL};
	static const char *const letter_of[] = {"vitamin", "vitamine", "vit", "type", "plan", "groupe", "group",
						"hep", "hepatite", "stage", "grade", "option", "phase", "answer",
						"reponse", NULL};
	if (i + 2 < c->n_tk && tk_eq_any(c, i + 2, germs))
		return 1;
	size_t pw = tk_prev_word(c, i, 1);
	return pw != SIZE_MAX && tk_eq_any(c, pw, letter_of);
}
