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
 *
 * The finder is a table of rules (below), tried in order on each free word: the first that
 * says something decides. A rule either reports a span itself (NAME_SPAN: the tokens it
 * matched) or gives a confidence (NAME_SCORE), and the name then runs over the next words
 * (pn_extend), a surname written first is joined (pn_join_inverted) and a given name right
 * before is taken in (pn_given_before). The predicates the rules read are in priv_name_ctx.c
 * (the words around) and priv_name_shape.c (the word itself); see priv_name.h.
 */
#include <string.h>

#include "privacy/text/priv_name.h"

enum name_verdict {
	NAME_NONE,  /* the rule says nothing: the next one is tried */
	NAME_SKIP,  /* no name, and no later rule is tried; the scan goes on after h->end */
	NAME_SPAN,  /* a name over h->start..h->end with confidence h->conf */
	NAME_SCORE  /* a name at token i with confidence h->conf (none when 0), to be extended */
};

struct name_hit {
	size_t start, end; /* tokens; both i unless the rule says otherwise */
	float conf;        /* the table's unless the rule says otherwise */
	int like;          /* pn_name_like_ctx(c, i) once a rule asked (like_ctx), else -1 */
};

struct name_rule {
	const char *rec; /* the recogniser the finding names */
	float conf;
	enum name_verdict (*match)(struct pctx *c, size_t i, struct name_hit *h);
	unsigned plain;  /* PLAIN_: the plain words the rule may say something about */
	unsigned needs;  /* NEED_: what the text must hold for the rule to say anything */
};

/* What a rule cannot answer without, for any word: a text that lacks it skips the rule
 * (see text_holds()). */
enum {
	NEED_HASH = 1u << 0,   /* a '#' (r_hashtag) */
	NEED_PERIOD = 1u << 1, /* a '.' after an initial (r_initials, r_initial_surname) */
	NEED_COMMA = 1u << 2,  /* a ',' (r_inverted) */
	NEED_CAPS = 1u << 3,   /* a word in capitals (r_surname_initial and the r_allcap_ ones) */
	NEED_GREET = 1u << 4,  /* a greeting (r_greeting_lower: pn_greeting_before) */
	NEED_AGE = 1u << 5,    /* an AGE span (r_age: pn_followed_by_age) */
	NEED_TITLE = 1u << 6,  /* a title, or "née" / "épouse" / "ep" (r_title: pn_title_before) */
	NEED_NUM = 1u << 7,    /* a number (r_intro_age: pn_intro_age) */
	NEED_SIGNOFF = 1u << 8, /* a sign-off (r_signoff_short) */
	NEED_KIN = 1u << 9     /* a relative (r_relative_cap) */
};

/* Plain words, which most rules never name (the pre-test of priv_find_names): every other
 * rule needs a capital, a word no list knows, or a name list (LX_PRN, LX_PATR, LX_HN,
 * LX_FIRSTNAME, LX_NPR) holding the word; on these words they answer NAME_NONE, or r_alone
 * a confidence of 0, which does nothing. */
enum {
	PLAIN_LOWER = 1u << 0, /* lowercase (or unshouted: r_hashtag reads the bytes), known to
				* the lexicon, in no name list */
	PLAIN_CAP = 1u << 1,   /* capitalised (not in capitals), 2 letters or more, a word of the
				* text's language, in no name list */
	PLAIN_WORD = 1u << 2,  /* lowercase, a word of the text's language, neither a hunspell
				* first name (LX_PRN) nor a month, whatever other name lists hold
				* it: only a title, a relative, a greeting, a '#' or a list before
				* it can make it a name */
	PLAIN_WORD_ALONE = 1u << 3 /* a PLAIN_WORD right after no relative word (LX_KIN): of the
				    * rules that may name a PLAIN_WORD, those of a relative before
				    * (r_lower_context, r_kin_word) answer nothing; the other
				    * predicates of r_lower_context need a capital or a word the
				    * text's language does not know */
};
#define NAME_LISTS (LX_PRN | LX_PATR | LX_HN | LX_FIRSTNAME | LX_NPR)

static unsigned plain_word(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (!t->lex)
		return 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if ((t->f & TK_LOWER) && !(t->lex & NAME_LISTS))
		return PLAIN_LOWER;
	if ((t->f & TK_LOWER) && (t->lex & word) && !(t->lex & (LX_PRN | LX_MONTH)))
		return i > 0 && (c->tk[i - 1].lex & LX_KIN) ? PLAIN_WORD : PLAIN_WORD_ALONE;
	if ((t->f & (TK_CAP | TK_ALLCAP)) == TK_CAP && tk_len(c, i) >= 2 && (t->lex & word) &&
	    !(t->lex & NAME_LISTS))
		return PLAIN_CAP;
	return 0;
}

/* pn_name_like_ctx(c, i) for the rules of word i, computed once: the rules tried on a word
 * before one says something change nothing it reads (a rule that answers NAME_NONE has no
 * side effect). */
static int like_ctx(const struct pctx *c, size_t i, struct name_hit *h)
{
	if (h->like < 0)
		h->like = pn_name_like_ctx(c, i);
	return h->like;
}

static enum name_verdict span(struct name_hit *h, size_t start, size_t end)
{
	h->start = start;
	h->end = end;
	return NAME_SPAN;
}

/* "#TeamLéa": the '#' and the word. */
static enum name_verdict r_hashtag(struct pctx *c, size_t i, struct name_hit *h)
{
	if (i == 0 || !tk_ch(c, i - 1, '#'))
		return NAME_NONE; /* what pn_hashtag_name tests first, without the call */
	return pn_hashtag_name(c, i) ? span(h, i - 1, i) : NAME_NONE;
}

/* "pt J.M. 8yo": pn_initials_name reports the initials itself. */
static enum name_verdict r_initials(struct pctx *c, size_t i, struct name_hit *h)
{
	if (c->tk[i].e - c->tk[i].s != 1)
		return NAME_NONE; /* what pn_initials_name tests first, without the call */
	int run = pn_initials_name(c, i);
	if (!run)
		return NAME_NONE; /* h untouched: the next rule reads it */
	h->end = i + (size_t)run - 1;
	return NAME_SKIP;
}

/* "Dr Philippe-Alexandre de Montalembert", "Dr Anne de Saint-Exupéry-Morel": after a title,
 * a given name (no surname yet), "de" and a capitalised word is the particle surname even when
 * that word is a commune the places pass took (the longer span wins over it); not a large
 * city ("le Dr Martin de Lyon" is where he works). Sets h to the whole name. */
static int title_given_de(const struct pctx *c, size_t i, struct name_hit *h)
{
	size_t j = i;
	/* the given name: one word or a compound ("Philippe-Alexandre") */
	while (tk_ch(c, j + 1, '-') && tk_glued(c, j) && tk_glued(c, j + 1) && tk_is(c, j + 2, TK_CAP))
		j += 2;
	size_t d = j + 1;
	if (!(tk_eq(c, d, "de") || tk_eq(c, d, "du")) || !tk_is(c, d, TK_LOWER) || !(c->tk[d].f & TK_SP))
		return 0;
	for (size_t k = i; k <= j; k += 2)
		if ((c->tk[k].f & (TK_CAP | TK_ALLCAP)) != TK_CAP || !(c->tk[k].lex & LX_PRN) ||
		    (c->tk[k].f & TK_CLAIMED))
			return 0;
	size_t s = d + 1;
	if (!tk_is(c, s, TK_CAP) || tk_is(c, s, TK_ALLCAP | TK_DIGIT) || !(c->tk[s].f & TK_SP) ||
	    (c->tk[s].f & TK_NL) || (c->tk[s].lex & (LX_CITY | LX_REGION | LX_STOPFR | LX_STOPEN | LX_HOSP)))
		return 0;
	size_t e = s;
	while (tk_ch(c, e + 1, '-') && tk_glued(c, e) && tk_glued(c, e + 1) && tk_is(c, e + 2, TK_CAP))
		e += 2;
	h->start = i;
	h->end = e;
	h->conf = 0.9f;
	return 1;
}

/* "the doctor said", "my doctor put me", "le docteur passe", "Nurse can you", "the doctor
 * didn't": a lowercase word after a title is a verb, not a name, when it is an auxiliary, a
 * contraction, or (after a title that is also a noun: doctor, nurse, madame...) a word of the
 * text's language that hunspell does not list as a first name or surname, or lists but as a
 * verb after a name ("said"). "dr martin", "docteur moreau", "dr le goff" stay names. */
static int title_noun_verb(const struct pctx *c, size_t i)
{
	static const char *const noun[] = {"doctor", "docteur", "doc", "nurse", "sister", "professor",
					   "professeur", "madame", "monsieur", "mademoiselle", "miss",
					   "mister", "infirmiere", "infirmier", "sir", "dame", "lady",
					   "lord", "maitre", NULL};
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_LOWER) || (t->f & TK_DIGIT))
		return 0;
	if (tk_lex2(c, i, LX2_AUX) || (tk_apos(c, i + 1) && tk_glued(c, i) && tk_eq(c, i + 2, "t")))
		return 1;
	/* "the Dr said to keep going": a verb a name takes, a word of the text's language */
	if (tk_lex2(c, i, LX2_SVERB) && (t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) && tk_len(c, i) >= 3 &&
	    !(t->lex & LX_PATR))
		return 1;
	if (!tk_eq_any(c, i - 1, noun))
		return 0;
	uint32_t lang_word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	return (t->lex & lang_word) && (!(t->lex & (LX_PRN | LX_PATR)) || tk_lex2(c, i, LX2_SVERB));
}

/* After a title: "Dr de La Tour", "Mrs. A. Patel", "Dr Y", "Mme H.", "Dr House", "Dr O'Brien". */
static enum name_verdict r_title(struct pctx *c, size_t i, struct name_hit *h)
{
	const struct ptok *t = &c->tk[i];
	size_t q = i;
	/* what pn_title_before needs first, without the call: a title among the three words
	 * before, or "née" / "épouse" right before */
	uint32_t before = (i >= 1 ? c->tk[i - 1].lex : 0) | (i >= 2 ? c->tk[i - 2].lex : 0) |
			  (i >= 3 ? c->tk[i - 3].lex : 0);
	if (!(before & LX_TITLE) &&
	    !(i > 0 && c->tk[i - 1].flen && (tk_fold(c, i - 1)[0] == 'n' || tk_fold(c, i - 1)[0] == 'e')))
		return NAME_NONE;
	int titled = pn_title_before(c, i); /* first: the particle lists are read only after a title */
	/* particles: the TPART list of priv_words.txt ("Mrs van der Berg", "Dr de la Tour") */
	while (titled && q < i + 3 && tk_lex2(c, q, LX2_TPART) && tk_is(c, q + 1, TK_SP))
		q++;
	if (q > i && tk_is(c, q, TK_CAP) && tk_is(c, q, TK_ALPHA) && tk_free(c, q)) {
		/* "Dr de La Tour", "Mrs van der Berg": particles belong to the name */
		size_t j = q;
		while (j + 1 < c->n_tk && tk_is(c, j + 1, TK_CAP) && tk_free(c, j + 1) &&
		       (c->tk[j + 1].f & TK_SP) && !(c->tk[j + 1].f & TK_NL) && j < i + 3)
			j++;
		if (pn_breton_ch(c, j))
			j += 2;
		h->conf = 0.9f;
		return span(h, i, pn_extend(c, j, 1)); /* ... "Dr Le Gall-Nguyen" */
	}
	if (!titled)
		return NAME_NONE;
	/* "dr le goff", "dr de la tour": lowercase, a surname no dictionary knows after them */
	if (q > i && tk_is(c, q, TK_LOWER) && tk_free(c, q) && tk_is(c, q, TK_ALPHA) && !tk_is(c, q, TK_DIGIT) &&
	    tk_len(c, q) >= 3 && (c->tk[q].lex & (LX_PATR | LX_HN)) &&
	    !(c->tk[q].lex & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN)))
		return span(h, i, q);
	if (tk_len(c, i) == 1 && (t->f & TK_CAP) && tk_ch(c, i + 1, '.') && tk_glued(c, i) &&
	    tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2) && pn_name_like_title(c, i + 2))
		return span(h, i, pn_extend(c, i + 2, 1)); /* "Mrs. A. Patel": the initial belongs to the name */
	if (tk_len(c, i) == 1 && (t->f & TK_CAP) && !tk_glued(c, i) && !tk_is(c, i + 1, TK_CAP)) {
		h->conf = 0.7f; /* "can u ask Dr Y if": a letter standing for the name */
		return span(h, i, i);
	}
	if (tk_len(c, i) == 1 && (t->f & TK_CAP) && tk_ch(c, i + 1, '.') && tk_glued(c, i) &&
	    !tk_is(c, i + 2, TK_CAP)) {
		h->conf = 0.8f; /* "ma dermato (Dr K.)", "Mme H., 61 ans": an initial alone */
		return span(h, i, i + 1);
	}
	if (title_noun_verb(c, i))
		return NAME_NONE;
	if (!pn_name_like_title(c, i))
		return pn_letter_apos_name(c, i) ? NAME_SCORE : NAME_NONE;
	return title_given_de(c, i, h) ? NAME_SPAN : NAME_SCORE;
}

/* "hi john", "coucou grace": the dictionary knows the capitalised form as a name. */
static enum name_verdict r_greeting_lower(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	const struct ptok *t = &c->tk[i];
	return (t->f & TK_LOWER) && (t->lex & LX_HN) && (t->lex & LX_CAPEN) && tk_len(c, i) >= 3 &&
			       !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) && pn_greeting_before(c, i)
		       ? NAME_SCORE
		       : NAME_NONE;
}

/* Token i, lowercase, is followed by a lowercase surname that no dictionary knows and a name
 * list holds: "faith adeyemi", "jade kervella". */
static int surname_next(const struct pctx *c, size_t i)
{
	size_t k = i + 1;
	if (k >= c->n_tk || !(c->tk[k].f & TK_SP) || (c->tk[k].f & (TK_NL | TK_DIGIT | TK_CLAIMED)) ||
	    !tk_is(c, k, TK_LOWER) || tk_len(c, k) < 3)
		return 0;
	uint32_t f = c->tk[k].lex;
	return (f & (LX_PATR | LX_HN)) &&
	       !(f & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY));
}

/* After a relative, a greeting, a self-introduction or a diminutive: "ma fille Chloé". */
static enum name_verdict r_context(struct pctx *c, size_t i, struct name_hit *h)
{
	static const char *const w_to[] = {
		"to", "at", "in", "into", "from", "for", "with", "home", "back", "a", "au", "chez", "avec", NULL
	};
	const struct ptok *t = &c->tk[i];
	/* "Mark Hastings here": a surname the places pass took for a town, between a given name
	 * and "here" (the longer span wins over the town) */
	if ((t->f & (TK_CAP | TK_ALLCAP)) == TK_CAP && tk_eq(c, i + 2, "here") && (c->tk[i + 1].f & TK_CLAIMED) &&
	    (c->tk[i + 1].f & TK_CAP) && (c->tk[i + 1].f & TK_SP) && (c->tk[i + 1].lex & (LX_TOWN | LX_CITY)) &&
	    (t->lex & LX_GIVEN) && !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN)) && like_ctx(c, i, h))
		return span(h, i, i + 1);
	if (like_ctx(c, i, h) && (pn_kin_before(c, i) || pn_greeting_before(c, i) ||
				       pn_intro_before(c, i) || pn_here_after(c, i) || pn_me_apposition(c, i) ||
				       pn_trade_after(c, i) || pn_trade_before(c, i)))
		return NAME_SCORE;
	/* "Nom de naissance BOUCHARD": a surname in capitals after a name field, even when a
	 * disease is named after it */
	if ((t->f & TK_ALLCAP) && (t->lex & LX_EPONYM) && (t->lex & (LX_HN | LX_PATR)) && !(t->f & TK_CLAIMED) &&
	    pn_intro_before(c, i))
		return NAME_SCORE;
	if (((t->f & TK_CAP) || ((t->f & TK_LOWER) && i + 1 < c->n_tk && (c->tk[i + 1].f & TK_AGE))) && i > 0 &&
	    c->tk[i - 1].flen &&
	    (tk_fold(c, i - 1)[0] == 'p' || tk_fold(c, i - 1)[0] == 'l') && /* (ptite, petit, little) */
	    /* "our little jayden 3yo": lowercase, a name list's word no dictionary knows, no
	     * surname nor nickname, then an age (not "my little fella had", "my little bubba 2yo") */
	    (!(t->f & TK_LOWER) || ((t->lex & (LX_HN | LX_FIRSTNAME)) && tk_len(c, i) >= 3 &&
				    !(t->lex & (LX_WORD | NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY |
						LX_EPONYM | LX_PATR)) && !pn_nickname_word(c, i))) &&
	    (pn_diminutive_before(c, i) ||
	     /* "d'une petite Seo-yeon, née le": a romanised given name without a possessive */
	     pn_little_pair(c, i)) &&
	    like_ctx(c, i, h))
		return NAME_SCORE;
	if (i >= 2 && !(t->f & TK_DIGIT) && c->tk[i - 1].flen &&
	    (tk_fold(c, i - 1)[0] == 't' || tk_fold(c, i - 1)[0] == 'a') && pn_thanks_to(c, i))
		return NAME_SCORE; /* (what pn_thanks_to tests first, without the call: "to", "à") */
	return (t->lex & LX_PRN) && !(t->lex & (LX_STOPFR | LX_STOPEN | LX_MONTH | LX_DAY)) &&
			       /* "... and my GP said", "mon fils dit.": a verb after a name is none */
			       !((t->f & TK_LOWER) && tk_lex2(c, i, LX2_AUX | LX2_SVERB)) && !pn_verb_like(c, i) &&
			       /* "my GP said", "ma fille adore": a lowercase word of the text's language
				* is a name only before a verb (pn_kin_word_name) */
			       !((t->f & TK_LOWER) && (t->lex & (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR)) &&
				 !(i + 1 >= c->n_tk || tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, '.') ||
				   tk_ch(c, i + 1, '!') || tk_ch(c, i + 1, '?') || tk_ch(c, i + 1, ')') ||
				   /* "ma fille clemence 15 ans", "mon papa rene ❤️" */
				   (c->tk[i + 1].f & TK_AGE) ||
				   /* "mon mari jean-luc kervella", "my mum faith adeyemi": a compound
				    * given name, or a surname no dictionary knows */
				   (tk_ch(c, i + 1, '-') && tk_glued(c, i) && tk_glued(c, i + 1) &&
				    tk_lex(c, i + 2, LX_PRN)) ||
				   surname_next(c, i) ||
				   /* "took my husband bill to a&e": a name the dictionary also writes
				    * with a capital, before a preposition */
				   ((t->lex & LX_CAPEN) && (c->tk[i + 1].f & TK_SP) &&
				    tk_eq_any(c, i + 1, w_to)) ||
				   (tk_is(c, i + 1, TK_PUNCT) && (c->t[c->tk[i + 1].s] & 0x80)))) &&
			       !(t->f & TK_DIGIT) && (pn_kin_before(c, i) || pn_diminutive_before(c, i))
		       ? NAME_SCORE
		       : NAME_NONE;
}

/* "ma nièce Prune": a capitalised word of the language (which the other context rules, tried
 * on words that may be names, never see) right after a relative. */
static enum name_verdict r_relative_cap(struct pctx *c, size_t i, struct name_hit *h)
{
	if (i == 0 || !(c->tk[i - 1].lex & LX_KIN))
		return NAME_NONE; /* what pn_relative_cap_word tests first, without the call */
	return pn_relative_cap_word(c, i) && like_ctx(c, i, h) ? NAME_SCORE : NAME_NONE;
}

/* "je suis raymond petit 83 ans", "i'm bill, 62,". */
static enum name_verdict r_intro_age(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	/* what pn_intro_age tests first, without the call: a name list, a number after */
	if (!((c->tk[i].lex & LX_GIVEN) || c->tk[i].lex == 0) ||
	    !(tk_is(c, i + 1, TK_NUM) || tk_is(c, i + 2, TK_NUM) || tk_is(c, i + 3, TK_NUM) ||
	      tk_is(c, i + 4, TK_NUM) || tk_is(c, i + 5, TK_NUM)))
		return NAME_NONE;
	return pn_intro_age(c, i) ? NAME_SCORE : NAME_NONE;
}

/* "tell aunty maria", "text Chantelle", "Guadalupe (Lupe)", "tomasz wisniewski". */
static enum name_verdict r_lower_context(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	/* each predicate behind what it tests first: a lowercase word after a relative, a verb
	 * that takes a person, a capital after a name, a lowercase word */
	const struct ptok *t = &c->tk[i];
	int lower = (t->f & TK_LOWER) != 0, after_kin = i > 0 && (c->tk[i - 1].lex & LX_KIN);
	return (lower && after_kin && (pn_kin_title_lower(c, i) || pn_kin_given_surname(c, i))) ||
			       (i > 0 && tk_lex2(c, i - 1, LX2_PVERB) && pn_person_verb_name(c, i)) ||
			       (c->n_sp && (t->f & TK_CAP) && pn_nickname_after_name(c, i)) ||
			       (lower && (pn_lower_name_pair(c, i) || pn_carer_lower(c, i) || pn_lower_name_verb(c, i))) ||
			       (i == 0 && pn_vocative_start(c, i))
		       ? NAME_SCORE
		       : NAME_NONE;
}

/* The one a message is written to, or that it says is a carer: "AJ — pt in bed 12", "Folake
 * if you're reading this", "sunny ur a star", "grace was the best HCA". */
static enum name_verdict r_address(struct pctx *c, size_t i, struct name_hit *h)
{
	/* (each predicate behind what it tests first: capitals, a text not in capitals) */
	if ((c->tk[i].f & TK_ALLCAP) && !c->shout) {
		size_t e = pn_caps_name(c, i);
		if (e)
			return span(h, i, e - 1); /* "ANGE TU ES OÙ": the name in capitals alone */
	}
	/* (each call behind what it tests first: pn_copula_trade needs a name list's word (LX_HN)
	 * opening a sentence) */
	if ((pn_address_lead(c, i) && pn_address(c, i)) ||
	    ((c->tk[i].lex & LX_HN) && tk_sentence_start(c, i) && pn_copula_trade(c, i)))
		return NAME_SCORE;
	/* what pn_self_intro tests first, without the call: "here" or "from" after, a word before
	 * of the length and first letter of "ici", "its", "est", "s", "suis", "jsuis"; what pn_word_name_marked tests
	 * first: a capitalised word, a pause after or a relative or "is" / "est" before */
	const struct ptok *t = &c->tk[i], *n = &c->tk[i + 1];
	unsigned pl = i > 0 ? c->tk[i - 1].flen : 0, p0 = pl ? (unsigned char)tk_fold(c, i - 1)[0] : 0;
	if (pn_self_intro_lead(c, i) && pn_self_intro(c, i))
		return NAME_SCORE;
	return (t->f & (TK_CAP | TK_ALLCAP)) == TK_CAP &&
			       ((t->lex & (LX_WORD | LX_NOTNAME | LX_MONTH | LX_DAY)) || (pl == 2 && p0 == 'i') ||
				(pl == 3 && p0 == 'e')) &&
			       (n->ch == ',' || n->ch == '(' || (i > 0 && (c->tk[i - 1].lex & LX_KIN)) ||
				(pl == 2 && p0 == 'i') || (pl == 3 && p0 == 'e')) &&
			       pn_word_name_marked(c, i)
		       ? NAME_SCORE
		       : NAME_NONE;
}

/* "my son hunter has ADHD". */
static enum name_verdict r_kin_word(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	if (!(c->tk[i].f & TK_LOWER))
		return NAME_NONE; /* what pn_kin_word_name tests first, without the call */
	return pn_kin_word_name(c, i) ? NAME_SCORE : NAME_NONE;
}

/* "avec lea", "chez Nancy". */
static enum name_verdict r_companion(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	if (!(c->tk[i].lex & (LX_PRN | LX_FIRSTNAME | LX_PATR | LX_HN)))
		return NAME_NONE; /* what both predicates need, without the calls */
	return pn_companion_name(c, i) || pn_person_after_chez(c, i) ? NAME_SCORE : NAME_NONE;
}

/* The last words of the text, after a sign-off. */
static enum name_verdict r_signature(struct pctx *c, size_t i, struct name_hit *h)
{
	const struct ptok *t = &c->tk[i];
	/* a lowercase word (a text in capitals reads lowercase) only when no dictionary knows it
	 * and a name list does: pn_signature tests it */
	return like_ctx(c, i, h) &&
			       ((t->f & TK_CAP) ||
				((t->f & TK_LOWER) && (t->lex & (LX_PRN | LX_HN)) && !(t->lex & LX_WORD) &&
				 tk_len(c, i) >= 3)) &&
			       pn_signature(c, i, pn_extend(c, i, 1)) &&
			       ((t->lex & (LX_GIVEN | LX_PATR)) || !(t->lex & LX_CAPEN))
		       ? NAME_SCORE
		       : NAME_NONE;
}

/* "thx Fi", "Thx R", "Thanks, JB": one or two capital letters closing the text after a
 * sign-off are the writer's initial or nickname. */
static enum name_verdict r_signoff_short(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	const struct ptok *t = &c->tk[i];
	if (c->tk[i].e - c->tk[i].s > 2 || !(t->f & TK_CAP) || i == 0 || !(t->f & TK_SP) || (t->f & TK_DIGIT))
		return NAME_NONE;
	for (size_t k = i + 1; k < c->n_tk; k++)
		if ((c->tk[k].f & TK_WORD) && !tk_eq(c, k, "x") && !tk_eq(c, k, "xx"))
			return NAME_NONE;
	size_t p = i - 1;
	if (tk_ch(c, p, ',') && p > 0)
		p--;
	return (c->tk[p].f & TK_WORD) && (c->tk[p].lex & LX_SIGNOFF) ? NAME_SCORE : NAME_NONE;
}

/* "R. Patterson", "J. Dupuis": an initial and a surname. */
static enum name_verdict r_initial_surname(struct pctx *c, size_t i, struct name_hit *h)
{
	if (c->tk[i].e - c->tk[i].s != 1)
		return NAME_NONE;
	const struct ptok *t = &c->tk[i];
	const struct ptok *s = i + 2 < c->n_tk ? &c->tk[i + 2] : NULL;
	if (!(tk_len(c, i) == 1 && (t->f & TK_CAP) && !(t->lex & LX_TITLE) && tk_ch(c, i + 1, '.') &&
	      tk_glued(c, i) && tk_is(c, i + 2, TK_CAP) && tk_free(c, i + 2) && !tk_is(c, i + 2, TK_ALLCAP) &&
	      (s->f & TK_SP)))
		return NAME_NONE;
	if (pn_initial_of_thing(c, i))
		return NAME_NONE;
	uint32_t f = s->lex, word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	if ((f & (LX_PATR | LX_HN)) && !(f & NOT_A_NAME) && (!(f & LX_WORD) || (f & LX_CAPEN)))
		return span(h, i, pn_extend(c, i + 2, 0));
	/* "T. Mahlangu", "P. Tchoumi": a surname no list knows */
	if (f == 0 && tk_len(c, i + 2) >= 3 && !pn_latin_species(c, i + 2))
		return span(h, i, pn_extend(c, i + 2, 0));
	/* "svp\nS. Moreau", "Reg S. Obi": a surname that is also a word (of the other language
	 * only, when no surname list holds it) closing a line or an item of a list: not "vitamine
	 * D. Bon, ..." */
	if (((f & LX_PATR) || ((f & LX_HN) && !(f & word))) &&
	    !(f & (NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_EPONYM | LX_INTRO | LX_SIGNOFF))) {
		size_t e = pn_extend(c, i + 2, 0);
		if (pn_item_closes(c, e + 1))
			return span(h, i, e);
	}
	return NAME_NONE;
}

/* "Soën (4 ans)". */
static enum name_verdict r_age(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	return pn_followed_by_age(c, i) ? NAME_SCORE : NAME_NONE;
}

/* "merci à : titi, béa, jojo et manu": a thanked list of nicknames (reports its own spans). */
static enum name_verdict r_series(struct pctx *c, size_t i, struct name_hit *h)
{
	/* what pn_thanks_series tests first: a preposition, a colon or "u"/"you" right before
	 * (rule_gate() tests a superset of it: keep the two in step) */
	if (i < 2 || !(c->tk[i].f & TK_LOWER) ||
	    !(tk_ch(c, i - 1, ':') || tk_eq(c, i - 1, "to") || tk_eq(c, i - 1, "a") || tk_eq(c, i - 1, "u") ||
	      tk_eq(c, i - 1, "you")))
		return NAME_NONE;
	size_t e = pn_thanks_series(c, i);
	if (!e)
		return NAME_NONE;
	h->end = e;
	return NAME_SKIP;
}

/* "Julie, Kélyan et Soën". */
static enum name_verdict r_list(struct pctx *c, size_t i, struct name_hit *h)
{
	(void)h;
	if (c->n_sp == 0 || i < 2 || (c->sp[c->n_sp - 1].type != ENT_PRIV_NAME && !priv_has_punct(c, '@')) ||
	    !(tk_ch(c, i - 1, ',') || tk_ch(c, i - 1, '&') || tk_eq(c, i - 1, "et") || tk_eq(c, i - 1, "and") ||
	      tk_eq(c, i - 1, "ou") || tk_eq(c, i - 1, "or")))
		return NAME_NONE; /* what pn_listed_after_name tests first, without the call (rule_gate()
				   * tests a superset of the word before: keep the two in step) */
	return pn_listed_after_name(c, i) ? NAME_SCORE : NAME_NONE;
}

/* "HUSSAIN A", "J SMITH". */
static enum name_verdict r_surname_initial(struct pctx *c, size_t i, struct name_hit *h)
{
	int run = pn_surname_initial(c, i);
	return run ? span(h, i, i + (size_t)run - 1) : NAME_NONE;
}

/* "Okonkwo, Chidinma". */
static enum name_verdict r_inverted(struct pctx *c, size_t i, struct name_hit *h)
{
	int run = pn_surname_comma_given(c, i);
	return run ? span(h, i, i + (size_t)run - 1) : NAME_NONE;
}

/* "EMMA DUBOIS" in a text that is not in capitals. */
static enum name_verdict r_allcap_pair(struct pctx *c, size_t i, struct name_hit *h)
{
	if (!pn_allcap_pair(c, i))
		return NAME_NONE;
	/* "IVY PARK-SINCLAIR": the rest of a compound in capitals; "MARIE-CLAIRE DUBOIS": its start */
	size_t j = i + 1;
	while (tk_ch(c, j + 1, '-') && tk_glued(c, j) && tk_glued(c, j + 1) && tk_is(c, j + 2, TK_ALLCAP) &&
	       !tk_is(c, j + 2, TK_DIGIT))
		j += 2;
	return span(h, pn_allcap_start(c, i), j);
}

/* A known surname in capitals and a given name: "DUBOIS Emma", "DA SILVA Fernando",
 * "CHEVALIER Jean-Marc"; without the given name nothing (and no later rule). */
static enum name_verdict r_allcap_surname(struct pctx *c, size_t i, struct name_hit *h)
{
	const struct ptok *t = &c->tk[i];
	if (!((t->f & TK_ALLCAP) && tk_len(c, i) >= 3 && (t->lex & (LX_PATR | LX_HN)) &&
	      !(t->lex & (NOT_A_NAME | LX_STOPFR | LX_STOPEN))))
		return NAME_NONE;
	size_t g = tk_ch(c, i + 1, ',') ? i + 2 : i + 1;
	if (!tk_is(c, g, TK_CAP) || tk_is(c, g, TK_ALLCAP) || !(c->tk[g].lex & LX_GIVEN) || !tk_free(c, g))
		return NAME_SKIP;
	/* "DA SILVA Fernando", "LE BRIS Maëlle": a particle in capitals before;
	 * "CHEVALIER Jean-Marc": the rest of a compound given name after */
	size_t f = pn_allcap_particles(c, i);
	/* "AÏT-AHMED Rachid": the first half of a compound in capitals */
	while (f >= 2 && tk_ch(c, f - 1, '-') && tk_glued(c, f - 2) && tk_glued(c, f - 1) &&
	       (c->tk[f - 2].f & TK_ALLCAP) && (c->tk[f - 2].f & TK_WORD) && !(c->tk[f - 2].f & (TK_CLAIMED | TK_DIGIT)))
		f -= 2;
	return span(h, f, pn_extend(c, g, 1));
}

/* "bed 9 (IVY PARK-SINCLAIR, 58)": words in capitals, then an age (pn_allcap_age). */
static enum name_verdict r_allcap_age(struct pctx *c, size_t i, struct name_hit *h)
{
	size_t j;
	return pn_allcap_age(c, i, &j) ? span(h, i, j) : NAME_NONE;
}

/* An unknown word in capitals and a given name: "NGUYEN-TRAN Linh". */
static enum name_verdict r_allcap_unknown(struct pctx *c, size_t i, struct name_hit *h)
{
	const struct ptok *t = &c->tk[i];
	if ((t->f & TK_ALLCAP) && tk_len(c, i) >= 4 && t->lex == 0 && tk_is(c, i + 1, TK_CAP) &&
	    !tk_is(c, i + 1, TK_ALLCAP) && (c->tk[i + 1].lex & LX_PRN) && tk_free(c, i + 1) &&
	    (c->tk[i + 1].f & TK_SP) && !(c->tk[i + 1].lex & (NOT_A_NAME | LX_WFR)))
		return span(h, pn_allcap_particles(c, i), i + 1);
	return NAME_NONE;
}

/* A word no list knows that the words around make a name: "Agbodjan loves" (pn_anchor_name). */
static enum name_verdict r_anchor(struct pctx *c, size_t i, struct name_hit *h)
{
	return pn_anchor_name(c, i, &h->start, &h->end) ? NAME_SPAN : NAME_NONE;
}

/* No context: the lists decide (pn_name_alone), or the word after ("Precious Mahlangu",
 * "Morgane Le Dantec", "Rose Martin"). Always decides, with 0 for no name. */
static enum name_verdict r_alone(struct pctx *c, size_t i, struct name_hit *h)
{
	static const char *const w_le[] = {"le", "la", "de", "du", "da", "van", "von", "ben", "el", "di", NULL};
	const struct ptok *t = &c->tk[i];
	/* "Gilles de la Tourette": a disease named after a whole name, particles and all */
	float conf = pn_name_alone(c, i);
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
	    tk_is(c, i + 1, TK_CAP) && tk_eq_any(c, i + 1, w_le) && (c->tk[i + 1].f & TK_SP) &&
	    tk_is(c, i + 2, TK_CAP) && !tk_is(c, i + 2, TK_ALLCAP | TK_DIGIT) && tk_free(c, i + 2) &&
	    (c->tk[i + 2].f & TK_SP) && c->tk[i + 2].lex == 0 && tk_len(c, i + 2) >= 3)
		conf = 0.6f;
	/* a capitalised ordinary word followed by a surname: "Rose Martin" */
	if (conf == 0 && (t->f & TK_CAP) && !(t->f & TK_ALLCAP) && (t->lex & LX_PRN) &&
	    !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN)) && pn_extend(c, i, 0) > i &&
	    (c->tk[i + 1].lex & (LX_PATR | LX_HN)) &&
	    (!(c->tk[i + 1].lex & LX_WORD) || (tk_ch(c, i - 1, ':') && (c->tk[i + 1].lex & LX_PATR))) &&
	    (!tk_sentence_start(c, i) || tk_ch(c, i - 1, ':')))
		conf = 0.6f; /* ... "Sage-femme : Prudence Weber": a field's value */
	/* "Gilles de la Tourette": a disease named after a whole name, particles and all */
	if (conf > 0 && (t->f & TK_CAP) && pn_eponym_particles(c, i)) {
		h->end = tk_lex2(c, i + 2, LX2_PART) ? i + 3 : i + 2;
		return NAME_SKIP;
	}
	h->conf = conf;
	return NAME_SCORE;
}

/* "D'SOUZA, Francis", "O'BRIEN Declan": the letter and apostrophe glued before token i
 * belong to the name. Returns the first token of the name. */
static size_t apos_prefix(const struct pctx *c, size_t i)
{
	if (i >= 2 && tk_apos(c, i - 1) && tk_glued(c, i - 1) && tk_glued(c, i - 2) && tk_len(c, i - 2) == 1 &&
	    (c->tk[i - 2].f & (TK_CAP | TK_CLAIMED)) == TK_CAP && strchr("ODN", c->t[c->tk[i - 2].s]) &&
	    (i == 2 || !tk_glued(c, i - 3)))
		return i - 2;
	return i;
}

/* The rules' places in the table (bit k of a rule mask is rules[k]). */
enum {
	R_HASHTAG,
	R_INITIALS,
	R_TITLE,
	R_GREETING_LOWER,
	R_CONTEXT,
	R_RELATIVE_CAP,
	R_INTRO_AGE,
	R_LOWER_CONTEXT,
	R_KIN_WORD,
	R_COMPANION,
	R_ADDRESS,
	R_SIGNATURE,
	R_SIGNOFF_SHORT,
	R_INITIAL_SURNAME,
	R_AGE,
	R_SERIES,
	R_LIST,
	R_SURNAME_INITIAL,
	R_INVERTED,
	R_ALLCAP_PAIR,
	R_ALLCAP_AGE,
	R_ALLCAP_SURNAME,
	R_ALLCAP_UNKNOWN,
	R_ANCHOR,
	R_ALONE,
	N_RULES
};
#define RB(k) (1u << (k))

/* In order: the first rule that says something decides. */
static const struct name_rule rules[] = {
	[R_HASHTAG] = {"name_hashtag", 0.8f, r_hashtag, PLAIN_LOWER | PLAIN_WORD | PLAIN_CAP | PLAIN_WORD_ALONE, NEED_HASH},
	[R_INITIALS] = {"name_title", 0, r_initials, PLAIN_CAP, NEED_PERIOD}, /* reports its own spans */
	[R_TITLE] = {"name_title", 0.95f, r_title, PLAIN_LOWER | PLAIN_WORD | PLAIN_CAP | PLAIN_WORD_ALONE, NEED_TITLE},
	[R_GREETING_LOWER] = {"name_context", 0.8f, r_greeting_lower, PLAIN_WORD | PLAIN_WORD_ALONE, NEED_GREET},
	[R_CONTEXT] = {"name_context", 0.9f, r_context, 0, 0},
	[R_RELATIVE_CAP] = {"name_context", 0.8f, r_relative_cap, PLAIN_CAP, NEED_KIN},
	[R_INTRO_AGE] = {"name_context", 0.8f, r_intro_age, 0, NEED_NUM},
	[R_LOWER_CONTEXT] = {"name_context", 0.65f, r_lower_context, PLAIN_WORD, 0},
	[R_KIN_WORD] = {"name_context", 0.7f, r_kin_word, PLAIN_WORD, 0},
	[R_COMPANION] = {"name_context", 0.7f, r_companion, PLAIN_WORD | PLAIN_WORD_ALONE, 0},
	[R_ADDRESS] = {"name_context", 0.7f, r_address, PLAIN_WORD | PLAIN_WORD_ALONE, 0},
	[R_SIGNATURE] = {"name_signature", 0.7f, r_signature, 0, 0},
	[R_SIGNOFF_SHORT] = {"name_signature", 0.7f, r_signoff_short, PLAIN_CAP, NEED_SIGNOFF},
	[R_INITIAL_SURNAME] = {"name_lexicon", 0.7f, r_initial_surname, 0, NEED_PERIOD},
	[R_AGE] = {"name_age", 0.7f, r_age, 0, NEED_AGE},
	[R_SERIES] = {"name_list", 0, r_series, PLAIN_WORD | PLAIN_WORD_ALONE, 0}, /* reports its own spans */
	[R_LIST] = {"name_list", 0.6f, r_list, PLAIN_WORD | PLAIN_WORD_ALONE, 0},
	[R_SURNAME_INITIAL] = {"name_lexicon", 0.7f, r_surname_initial, 0, NEED_CAPS},
	[R_INVERTED] = {"name_inverted", 0.7f, r_inverted, 0, NEED_COMMA},
	[R_ALLCAP_PAIR] = {"name_lexicon", 0.7f, r_allcap_pair, 0, NEED_CAPS},
	[R_ALLCAP_AGE] = {"name_lexicon", 0.8f, r_allcap_age, 0, NEED_CAPS | NEED_NUM},
	[R_ALLCAP_SURNAME] = {"name_lexicon", 0.8f, r_allcap_surname, 0, NEED_CAPS},
	[R_ALLCAP_UNKNOWN] = {"name_lexicon", 0.8f, r_allcap_unknown, 0, NEED_CAPS},
	[R_ANCHOR] = {"name_context", 0.6f, r_anchor, 0, 0},
	[R_ALONE] = {"name_lexicon", 0, r_alone, 0, 0},
};

_Static_assert(N_RULES <= 32 && sizeof rules / sizeof rules[0] == N_RULES, "one bit per rule, each in the table");

/* The rules a word may call by its own flags and length (what each tests first on them), by
 * gate_index(): bit 0 TK_CAP, 1 TK_ALLCAP, 2 TK_LOWER, 3 one byte, 4 one or two bytes, 5 TK_SP. */
#define G_CAP(x) ((x) & 1)
#define G_ALLCAP(x) ((x) & 2)
#define G_LOWER(x) ((x) & 4)
#define G_LEN1(x) ((x) & 8)
#define G_LEN2(x) ((x) & 16)
#define G_SP(x) ((x) & 32)
#define FG(x)                                                                                       \
	(RB(R_CONTEXT) | RB(R_ALONE) | RB(R_HASHTAG) | RB(R_TITLE) | RB(R_RELATIVE_CAP) |            \
	 RB(R_INTRO_AGE) | RB(R_LOWER_CONTEXT) | RB(R_COMPANION) | RB(R_LIST) | RB(R_ADDRESS) |       \
	 (G_LEN1(x) ? RB(R_INITIALS) | RB(R_INITIAL_SURNAME) : 0) |                                   \
	 (G_LOWER(x) ? RB(R_GREETING_LOWER) | RB(R_KIN_WORD) | RB(R_SERIES) : 0) |                    \
	 (G_CAP(x) || G_LOWER(x) ? RB(R_SIGNATURE) : 0) | (G_CAP(x) && !G_ALLCAP(x) ? RB(R_INVERTED) : 0) |          \
	 (G_CAP(x) && G_LEN2(x) && G_SP(x) ? RB(R_SIGNOFF_SHORT) : 0) |                               \
	 (G_CAP(x) || G_LOWER(x) ? RB(R_AGE) : 0) |                                                   \
	 (G_ALLCAP(x) || (G_CAP(x) && G_LEN1(x)) ? RB(R_SURNAME_INITIAL) : 0) |                       \
	 (G_ALLCAP(x) ? RB(R_ALLCAP_PAIR) | RB(R_ALLCAP_AGE) | RB(R_ALLCAP_SURNAME) | RB(R_ALLCAP_UNKNOWN) \
		      : 0) |                                                                                      \
	 (G_CAP(x) && !G_ALLCAP(x) && !G_LEN2(x) ? RB(R_ANCHOR) : 0))
#define FG4(x) FG(x), FG((x) + 1), FG((x) + 2), FG((x) + 3)
#define FG16(x) FG4(x), FG4((x) + 4), FG4((x) + 8), FG4((x) + 12)
static const uint32_t f_gate[64] = {FG16(0), FG16(16), FG16(32), FG16(48)};
_Static_assert(TK_CAP == 1u << 3 && TK_ALLCAP == 1u << 4 && TK_LOWER == 1u << 5 && TK_SP == 1u << 8,
	       "gate_index reads the flags in place");

static inline unsigned gate_index(unsigned f, size_t len)
{
	return ((f >> 3) & 7) | (unsigned)(len == 1) << 3 | (unsigned)(len <= 2) << 4 | ((f >> 8) & 1) << 5;
}

/* The rules that the tokens around a word may make possible (what each tests first on them),
 * by the NF_ bits of the token before; the others always. */
#define NEAR_RULES (RB(R_HASHTAG) | RB(R_TITLE) | RB(R_RELATIVE_CAP) | RB(R_LOWER_CONTEXT) | RB(R_COMPANION) | \
		    RB(R_LIST) | RB(R_SERIES))
#define NG(x)                                                                                       \
	(~(uint32_t)NEAR_RULES | ((x) & NF_HASH ? RB(R_HASHTAG) : 0) | ((x) & NF_NE ? RB(R_TITLE) : 0) | \
	 ((x) & NF_KIN ? RB(R_RELATIVE_CAP) : 0) | ((x) & NF_PVERB ? RB(R_LOWER_CONTEXT) : 0) |          \
	 ((x) & NF_COMPANION ? RB(R_COMPANION) : 0) | ((x) & NF_LISTED ? RB(R_LIST) : 0) |               \
	 ((x) & NF_SERIES ? RB(R_SERIES) : 0))
#define NG4(x) NG(x), NG((x) + 1), NG((x) + 2), NG((x) + 3)
#define NG16(x) NG4(x), NG4((x) + 4), NG4((x) + 8), NG4((x) + 12)
#define NG64(x) NG16(x), NG16((x) + 16), NG16((x) + 32), NG16((x) + 48)
static const uint32_t near_gate[256] = {NG64(0), NG64(64), NG64(128), NG64(192)};

/* The rules that may say something about word i, from what each tests first on the word and
 * the ones around it (each rule still tests it): a rule left out would answer NAME_NONE without
 * a side effect. Tables for the word's flags and the NF_ bits of the token before, then masks,
 * with no branch on the word, so that a word calls only the rules whose first test it passes. */
static uint32_t rule_gate(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	const uint8_t *nf = c->nf + NF_BEFORE + i; /* nf[-3..-1] are there, 0 before the text */
	unsigned f = t->f, pn = nf[-1];
	uint32_t lex = t->lex;
	uint32_t m = f_gate[gate_index(f, t->e - t->s)];
	uint32_t near = near_gate[pn] |
			/* r_title: a title among the three words before (or "née"... right before) */
			!!((pn | nf[-2] | nf[-3]) & NF_TITLE) * RB(R_TITLE) |
			/* r_lower_context: a lowercase word, the text's first word, a capital after a
			 * name found (or a verb that takes a person before) */
			(((f & TK_LOWER) != 0) | (i == 0) | (((f & TK_CAP) != 0) & (c->n_sp != 0))) * RB(R_LOWER_CONTEXT);
	uint32_t off = ((lex & (LX_HN | LX_CAPEN)) != (LX_HN | LX_CAPEN)) * RB(R_GREETING_LOWER) |
		       !((lex & LX_GIVEN) || lex == 0) * RB(R_INTRO_AGE) |
		       !(lex & (LX_PRN | LX_FIRSTNAME | LX_PATR | LX_HN)) * RB(R_COMPANION) |
		       ((c->n_sp == 0) | (i < 2)) * RB(R_LIST) |
		       /* r_anchor: a word no list knows, or a name list does */
		       (lex != 0 && !(lex & (LX_GIVEN | LX_PATR))) * RB(R_ANCHOR) |
		       /* r_address: a word a name list holds, or none does; a token after it */
		       (!((lex & LX_GIVEN) || lex == 0) | (i + 1 >= c->n_tk)) * RB(R_ADDRESS);
	m &= near & ~off;
	/* r_address: the text's first word or a sentence's (pn_address, pn_copula_trade), capitals
	 * in a text that is not (pn_caps_name), a pause, a bracket or a dash after (pn_address,
	 * pn_word_name_marked), a word after starting like "ur", "you", "is", "if", "t'", "tu",
	 * "here", "from" (pn_address, pn_self_intro), a relative or a word before starting like
	 * "is", "est", "ici", "its", "it's", "suis", "jsuis" (pn_word_name_marked, pn_self_intro):
	 * the first letters read as bits of a mask (a false yes only calls the rule) */
	if ((m & RB(R_ADDRESS)) && !(f & (TK_SENT | TK_ALLCAP)) && i > 0 && !(c->tk[i - 1].lex & LX_KIN)) {
		const struct ptok *p = &c->tk[i - 1], *n = &c->tk[i + 1];
		unsigned pf = (unsigned char)c->fold[p->fo];
		const uint32_t next_mask = PN_ADDRESS_NEXT_FIRST, prev_mask = PN_ADDRESS_PREV_FIRST;
		unsigned ch = n->ch;
		if (!(ch == ',' || ch == '(' || ch == '-' || (n->f & TK_PUNCT) ||
		      (((next_mask >> ((unsigned char)c->fold[n->fo] & 31)) & 1) && (n->f & TK_ALPHA)) ||
		      (((prev_mask >> (pf & 31)) & 1) && (p->f & TK_ALPHA))))
			m &= ~RB(R_ADDRESS);
	}
	return m;
}

/* The NEED_ bits the text holds. Words in capitals are the tokenizer's (pn_unshout only
 * takes some away); the AGE spans are all found before the names pass. */
static unsigned text_holds(const struct pctx *c)
{
	unsigned have = 0;
	if (priv_has_punct(c, '#'))
		have |= NEED_HASH;
	if (priv_has_punct(c, '.'))
		have |= NEED_PERIOD;
	if (priv_has_punct(c, ','))
		have |= NEED_COMMA;
	if (c->f_any & TK_ALLCAP)
		have |= NEED_CAPS;
	if (c->lex_any & LX_GREET)
		have |= NEED_GREET;
	for (size_t k = 0; k < c->n_sp && !(have & NEED_AGE); k++)
		if (c->sp[k].type == ENT_PRIV_AGE)
			have |= NEED_AGE;
	if (c->lex_any & LX_TITLE)
		have |= NEED_TITLE;
	if (c->f_any & TK_NUM)
		have |= NEED_NUM;
	if (c->lex_any & LX_SIGNOFF)
		have |= NEED_SIGNOFF;
	if (c->lex_any & LX_KIN)
		have |= NEED_KIN;
	/* pn_title_before without a title: a maiden name right after one of these. The tokens
	 * whose form starts with 'n' or 'e' are those with NF_NE in their NF_ byte: eight bytes
	 * are tested at a time, and only those tokens are compared */
	const uint8_t *nf = c->nf + NF_BEFORE;
	const uint64_t ne8 = 0x0101010101010101ull * NF_NE;
	for (size_t k0 = 0; k0 < c->n_tk && !(have & NEED_TITLE); k0 += 8) {
		uint64_t w = 0;
		size_t nb = c->n_tk - k0 < 8 ? c->n_tk - k0 : 8;
		if (nb == 8)
			memcpy(&w, nf + k0, 8); /* (one load) */
		else
			memcpy(&w, nf + k0, nb);
		if (!(w & ne8))
			continue;
		for (size_t k = k0; k < k0 + nb; k++)
			if ((nf[k] & NF_NE) && (tk_eq(c, k, "nee") || tk_eq(c, k, "epouse") || tk_eq(c, k, "ep")))
				have |= NEED_TITLE;
	}
	return have;
}

void priv_find_names(struct pctx *c)
{
	/* the rules to try on each kind of word: bit k for rules[k] (index 0: any word) */
	uint32_t to_try[PLAIN_WORD_ALONE + 1] = {0};
	unsigned have = text_holds(c);
	/* unrolled: the table is const, so each rule's masks are constants (no loads, no loop) */
#pragma GCC unroll 32
	for (unsigned k = 0; k < N_RULES; k++) {
		/* a rule that needs what the text lacks would answer NAME_NONE on every word */
		uint32_t bit = (uint32_t)!(rules[k].needs & ~have) << k;
		to_try[0] |= bit;
		to_try[PLAIN_LOWER] |= bit & -(uint32_t)!!(rules[k].plain & PLAIN_LOWER);
		to_try[PLAIN_CAP] |= bit & -(uint32_t)!!(rules[k].plain & PLAIN_CAP);
		to_try[PLAIN_WORD] |= bit & -(uint32_t)!!(rules[k].plain & PLAIN_WORD);
		to_try[PLAIN_WORD_ALONE] |= bit & -(uint32_t)!!(rules[k].plain & PLAIN_WORD_ALONE);
	}
	pn_unshout(c);
	/* words with a letter and no digit (tk_next_any; pn_unshout changes no flag of those) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_NAMEW));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_CLAIMED | TK_WORD | TK_ALPHA)) != (TK_WORD | TK_ALPHA) || (t->f & TK_DIGIT))
			continue;
		/* a rule that answers NAME_NONE leaves h as it found it */
		struct name_hit h = {i, i, 0, -1};
		/* a plain lowercase word has no rule to try in a text without a title or a '#' */
		uint32_t m = to_try[plain_word(c, i)];
		for (m = m ? m & rule_gate(c, i) : 0; m; m &= m - 1) {
			const struct name_rule *r = &rules[__builtin_ctz(m)];
			h.conf = r->conf;
			enum name_verdict v = r->match(c, i, &h);
			if (v == NAME_NONE)
				continue;
			/* "Lennox-Gastaut", "Brown-Séquard": a part of a disease's compound name is no
			 * one's (asked only of the few words a rule takes) */
			if (v == NAME_SPAN) {
				if (priv_has_punct(c, '-') && pn_eponym_part(c, i))
					break;
				priv_add_tok(c, apos_prefix(c, h.start), h.end, ENT_PRIV_NAME, h.conf, r->rec);
				i = h.end;
			} else if (v == NAME_SKIP) {
				i = h.end;
			} else if (h.conf > 0) {
				if (priv_has_punct(c, '-') && pn_eponym_part(c, i))
					break;
				size_t j = pn_extend(c, i, strcmp(r->rec, "name_lexicon") != 0);
				pn_join_inverted(c, i, j);
				priv_add_tok(c, pn_given_before(c, i), j, ENT_PRIV_NAME, h.conf, r->rec);
				i = j;
			}
			break;
		}
	}
	pn_late(c);
	pn_nick_late(c);
	pn_repeat(c);
	pn_kin_words(c);
}
