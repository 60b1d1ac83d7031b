/*
 * priv_when.c - dates and ages.
 *
 * Written dates in French and English ("12 mars 2023", "1er janvier", "mars 2021",
 * "March 3rd, 2021", "3 March 2021"), years tied to an event ("en 2019", "born in 1985"),
 * and ages ("34 ans", "7-year-old", "45yo", "3 mois", "aged 34", "(F, 34)"). Numeric dates
 * are found by the number pass (priv_ids.c). A month alone, durations ("depuis 3 ans",
 * "for 3 years"), thresholds ("à partir de 50 ans", "over 65") and pregnancy terms are not
 * reported.
 */
#include <string.h>

#include "privacy/text/priv_text.h"

/* The n bytes at s (n >= 1) are an ordinal suffix: "er", "st", "ème"... (a function of its
 * own: its buffer gives it a stack canary, which the bare numbers of ordinal_day skip). */
static int ordinal_suffix(const char *s, size_t n)
{
	char buf[8];
	size_t fl = n < 6 ? priv_fold(s, n, buf, sizeof buf - 1) : 0;
	if (!fl)
		return 0;
	/* the suffixes "e", "er", "re", "st", "nd", "rd", "th", "eme" by their length (a word's
	 * folded bytes hold no NUL) */
	unsigned a = (unsigned char)buf[0], b = fl >= 2 ? (unsigned char)buf[1] : 0;
	switch (fl) {
	case 1:
		return a == 'e';
	case 2:
		return (a == 'e' && b == 'r') || (a == 'r' && (b == 'e' || b == 'd')) || (a == 's' && b == 't') ||
		       (a == 'n' && b == 'd') || (a == 't' && b == 'h');
	case 3:
		return a == 'e' && b == 'm' && buf[2] == 'e';
	default:
		return 0;
	}
}

/* "1er", "2nd", "3rd", "21st", "4th", "2ème", "3e": day number with an ordinal suffix. */
static int ordinal_day(const struct pctx *c, size_t i, int *day)
{
	if (i >= c->n_tk || !(c->tk[i].f & TK_WORD) || !(c->tk[i].f & TK_DIGIT))
		return 0;
	const char *s = c->t + c->tk[i].s;
	size_t n = tk_len(c, i), k = 0;
	int v = 0;
	while (k < n && k < 2 && s[k] >= '0' && s[k] <= '9')
		v = v * 10 + (s[k++] - '0');
	if (k == 0 || v < 1 || v > 31)
		return 0;
	/* a bare number of one or two digits has the empty suffix */
	if (k < n && !ordinal_suffix(s + k, n - k))
		return 0;
	*day = v;
	return 1;
}

static int is_year(const struct pctx *c, size_t i)
{
	long v = tk_num(c, i);
	return tk_len(c, i) == 4 && v >= 1900 && v <= 2099;
}

static int is_month(const struct pctx *c, size_t i)
{
	if (!tk_lex(c, i, LX_MONTH))
		return 0;
	/* "may", "mar", "sun"... are words too: lowercase English ones only count near numbers,
	 * which is where the callers look */
	return 1;
}

/* Extends a date span left over a weekday ("lundi 12 mars", "Monday 3 March"). */
static size_t with_weekday(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 1);
	if (p != SIZE_MAX && tk_lex(c, p, LX_DAY) && tk_free(c, p) && !tk_lex(c, p, LX_WORD & ~LX_WFR))
		return p;
	return i;
}

/* Written dates anchored on a day number: "12 mars 2023", "1er janvier", "3rd of March". */
static int date_day_month(struct pctx *c, size_t i)
{
	int day;
	if (!ordinal_day(c, i, &day))
		return 0;
	size_t m = i + 1;
	if (tk_eq(c, m, "of") || tk_eq(c, m, "de"))
		m++;
	if (!is_month(c, m) || !tk_free(c, m))
		return 0;
	size_t end = m;
	if (is_year(c, m + 1) && tk_free(c, m + 1))
		end = m + 1;
	else if (tk_ch(c, m + 1, ',') && is_year(c, m + 2))
		end = m + 2;
	priv_add_tok(c, with_weekday(c, i), end, ENT_PRIV_DATE, 0.9f, "date_text");
	return 1;
}

/* A day of the month without the month: a weekday before it ("Tues 12th", "mardi 12",
 * "jeudi 18 à 17h30") or "on the 3rd" / "around the 10th" ending a clause. Token i is the
 * number. */
static int date_day_only(struct pctx *c, size_t i)
{
	static const char *const w_h[] = {
		"h", "fois", "times", "heures", "hours", "minutes", "min", "jours", "days", "semaines", "weeks",
		"mg", "ml", "kg", "personnes", "people", "pm", "am", NULL
	};
	static const char *const w_on[] = {
		"on", "around", "by", "until", "till", "since", "from", "before", "after", "for", NULL
	};
	static const char *const w_and[] = {"and", "for", "at", "so", "but", "when", "then", "with", "if", NULL};
	int day;
	if (!ordinal_day(c, i, &day) || !tk_free(c, i))
		return 0;
	int suffixed = tk_len(c, i) > (day >= 10 ? 2u : 1u);
	/* not a duration, a dose, a time or a count: "lundi 3 fois", "mardi 12h" */
	size_t n = i + 1;
	if (n < c->n_tk && tk_glued(c, i) && (tk_ch(c, n, ':') || tk_ch(c, n, 'h') || tk_is(c, n, TK_ALPHA)))
		return 0;
	if (tk_is(c, n, TK_WORD) && (c->tk[n].f & TK_SP) &&
	    tk_eq_any(c, n, w_h))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	/* a weekday written out ("mardi", "Tues") or an English abbreviation with an ordinal
	 * ("Wed 14th"); "mon 06" is French for "my 06" */
	if (p != SIZE_MAX && p + 1 == i && tk_lex(c, p, LX_DAY) && tk_free(c, p) &&
	    (tk_len(c, p) >= 4 || ((c->tk[p].f & TK_CAP) && suffixed))) {
		priv_add_tok(c, p, i, ENT_PRIV_DATE, 0.7f, "date_text");
		return 1;
	}
	/* "on the 3rd", "around the 10th", "le 1er" is already a date with its month */
	if (suffixed && p != SIZE_MAX && tk_eq(c, p, "the")) {
		size_t pp = tk_prev_word(c, p, 0);
		int after_prep = pp != SIZE_MAX && tk_eq_any(c, pp, w_on);
		int ends = n >= c->n_tk || (c->tk[n].f & TK_PUNCT) ||
			   tk_eq_any(c, n, w_and);
		if (after_prep && ends) {
			priv_add_tok(c, i, i, ENT_PRIV_DATE, 0.6f, "date_text");
			return 1;
		}
	}
	return 0;
}

/* Dates anchored on a month: "March 3rd, 2021", "mars 2021", "March 2021". */
static int date_month_first(struct pctx *c, size_t m)
{
	if (!is_month(c, m) || !tk_free(c, m))
		return 0;
	int day;
	size_t k = m + 1;
	if (ordinal_day(c, k, &day) && tk_free(c, k)) {
		/* English order; a capitalised month avoids "may 2 of us" */
		if (!(c->tk[m].f & TK_CAP))
			return 0;
		size_t end = k;
		if (tk_ch(c, k + 1, ',') && is_year(c, k + 2))
			end = k + 2;
		else if (is_year(c, k + 1))
			end = k + 1;
		priv_add_tok(c, with_weekday(c, m), end, ENT_PRIV_DATE, 0.85f, "date_text");
		return 1;
	}
	if (is_year(c, k) && tk_free(c, k)) {
		if (tk_eq(c, m, "may") && !(c->tk[m].f & TK_CAP))
			return 0;
		priv_add_tok(c, m, k, ENT_PRIV_DATE, 0.85f, "date_text");
		return 1;
	}
	return 0;
}

/* A year alone, after a word that ties it to an event: "en 2019", "born in 1985". */
static int date_year(struct pctx *c, size_t i)
{
	static const char *const before[] = {"en", "in", "depuis", "since", "nee", "ne", "born",
					     "annee", "year", "ete", "hiver", "printemps", "automne",
					     "summer", "winter", "spring", "autumn", "fall", "debut",
					     "fin", "mi", "early", "late", "mid", "of", "de", "d",
					     "noel", "christmas", "until", "jusqu", "from", "depuis",
					     "during", "pendant", "avant", "apres", "before", "after",
					     "circa", "vers", "class", "promo", "died", "passed", "deceased",
					     "decede", "decedee", "diagnosed", "diagnostique", "diagnostiquee",
					     "dx", "operated", "opere", "operee", "married", "marie", "mariee",
					     NULL};
	if (!is_year(c, i))
		return 0;
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX || !tk_eq_any(c, p, before))
		return 0;
	if (tk_glued(c, i) && tk_is(c, i + 1, TK_ALPHA))
		return 0;
	priv_add_tok(c, i, i, ENT_PRIV_DATE, 0.6f, "date_year");
	return 1;
}

/* Does the number at i read as a duration or a threshold rather than an age? */
static int duration_before(const struct pctx *c, size_t i)
{
	size_t p1 = tk_prev_word(c, i, 1);
	if (p1 == SIZE_MAX)
		return 0;
	if (tk_lex(c, p1, LX_DURATION) && !tk_eq(c, p1, "a"))
		return 1;
	size_t p2 = tk_prev_word(c, p1, 1);
	if (p2 == SIZE_MAX)
		return 0;
	/* "il y a 3 ans", "plus de 65 ans", "à partir de 50 ans", "pendant plus de 2 ans" */
	if (tk_eq(c, p1, "a") && (tk_eq(c, p2, "y") || tk_eq(c, p2, "ya")))
		return 1;
	if ((tk_eq(c, p1, "de") || tk_eq(c, p1, "d") || tk_eq(c, p1, "than") || tk_eq(c, p1, "of")) &&
	    (tk_lex(c, p2, LX_DURATION)))
		return 1;
	if (tk_eq(c, p1, "les") && (tk_eq(c, p2, "tous") || tk_eq(c, p2, "toutes")))
		return 1;
	return 0;
}

static int duration_after(const struct pctx *c, size_t j)
{
	static const char *const after[] = {"ago", "later", "plus", "apres", "de", "d", "that",
					    "since", "before", "avant", "auparavant", "durant",
					    "running", "now", "maintenant", "deja", "already",
					    "supplementaires", "more", "de suite", "d affilee", "en", "sans", "without",
					    NULL};
	size_t n = tk_next_word(c, j, 1);
	if (n >= c->n_tk)
		return 0;
	if (tk_eq(c, n, "de")) /* "3 ans de chimio", but "3 ans de mariage" is a duration too */
		return 1;
	if (tk_eq(c, n, "plus") && tk_eq(c, tk_next_word(c, n, 0), "tard"))
		return 1;
	return tk_eq_any(c, n, after) && !tk_eq(c, n, "de") && !tk_eq(c, n, "en") &&
	       !tk_eq(c, n, "plus");
}

/* Ages: "34 ans", "7-year-old", "45yo", "3 mois", "80 years old", "aged 34", "(F, 34)". */
static int age(struct pctx *c, size_t i)
{
	static const char *const w_is[] = {"is", "was", "turns", "turned", NULL};
	static const char *const w_he[] = {"he", "she", NULL};
	static const char *const w_he2[] = {"he", "she", NULL};
	static const char *const w_he3[] = {"he", "she", NULL};
	static const char *const w_last[] = {"last", "yesterday", "this", "on", "in", "next", "today", NULL};
	static const char *const w_and2[] = {"and", "so", "but", "now", "with", "&", "this", "next", "last", NULL};
	const struct ptok *t = &c->tk[i];
	const char *s = c->t + t->s;
	size_t n = tk_len(c, i);
	if ((t->f & TK_WORD) && (t->f & TK_DIGIT) && !(t->f & TK_NUM)) {
		/* glued: 45yo, 34ans, 34F, 34M, F34 */
		size_t k = 0;
		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		char buf[8];
		size_t fl = (k && n - k < 6) ? priv_fold(s + k, n - k, buf, sizeof buf - 1) : 0;
		buf[fl] = 0;
		if (k && k <= 3 && fl && (strcmp(buf, "yo") == 0 || strcmp(buf, "ans") == 0 ||
					  strcmp(buf, "an") == 0 || strcmp(buf, "yrs") == 0 ||
					  strcmp(buf, "y") == 0 || strcmp(buf, "yr") == 0)) {
			if (duration_before(c, i))
				return 0;
			size_t j = i;
			if (strcmp(buf, "y") == 0 && tk_ch(c, i + 1, '/') && tk_eq(c, i + 2, "o"))
				j = i + 2;
			priv_add_tok(c, i, j, ENT_PRIV_AGE, 0.9f, "age");
			return 1;
		}
		if (k && k <= 2 && (strcmp(buf, "f") == 0 || strcmp(buf, "m") == 0) &&
		    (c->tk[i].f & TK_SP || i == 0 || tk_ch(c, i - 1, '(')) ) {
			priv_add(c, t->s, t->s + n, ENT_PRIV_AGE, 0.7f, "age_bare");
			return 1;
		}
		if (n >= 2 && n <= 3 && (s[0] == 'F' || s[0] == 'M') && s[1] >= '1' && s[1] <= '9' &&
		    (n == 2 || (s[2] >= '0' && s[2] <= '9')) && i > 0 && tk_ch(c, i - 1, '(')) {
			priv_add(c, t->s, t->s + n, ENT_PRIV_AGE, 0.7f, "age_bare");
			return 1;
		}
		return 0;
	}
	if (!(t->f & TK_NUM) || n > 3)
		return 0;
	long v = tk_num(c, i);
	if (v < 0 || v > 120)
		return 0;
	if (tk_glued(c, i) && tk_is(c, i + 1, TK_ALPHA) && !tk_eq(c, i + 1, "ans"))
		return 0;
	size_t u = tk_next_word(c, i, 1);
	/* "7-year-old", "7 year old", "34 years old", "34 yrs", "34 y/o" */
	if (u < c->n_tk && (tk_eq(c, u, "year") || tk_eq(c, u, "years") || tk_eq(c, u, "yr") ||
			    tk_eq(c, u, "yrs") || tk_eq(c, u, "month") || tk_eq(c, u, "months") ||
			    tk_eq(c, u, "week") || tk_eq(c, u, "weeks") || tk_eq(c, u, "day") ||
			    tk_eq(c, u, "days"))) {
		size_t o = tk_next_word(c, u, 1);
		if (o < c->n_tk && tk_eq(c, o, "old") && o - u <= 2) {
			priv_add_tok(c, i, o, ENT_PRIV_AGE, 0.95f, "age");
			return 1;
		}
		if ((tk_eq(c, u, "yrs") || tk_eq(c, u, "yr")) && !duration_before(c, i) &&
		    !duration_after(c, u)) {
			priv_add_tok(c, i, u, ENT_PRIV_AGE, 0.7f, "age");
			return 1;
		}
		/* "my son is 18 months", "she's 6 weeks", "he was 3 days": a person is that old */
		size_t be = tk_prev_word(c, i, 0);
		size_t who = be != SIZE_MAX ? tk_prev_word(c, be, 1) : SIZE_MAX;
		if (be == i - 1 && who != SIZE_MAX && !duration_after(c, u) &&
		    ((tk_eq_any(c, be, w_is) &&
		      (tk_lex(c, who, LX_KIN) || tk_eq_any(c, who, w_he))) ||
		     (tk_eq(c, be, "s") && tk_apos(c, be - 1) &&
		      tk_eq_any(c, who, w_he2)))) {
			priv_add_tok(c, i, u, ENT_PRIV_AGE, 0.7f, "age");
			return 1;
		}
		return 0;
	}
	if (u < c->n_tk && (tk_eq(c, u, "yo") || (tk_eq(c, u, "y") && tk_ch(c, u + 1, '/') && tk_eq(c, u + 2, "o")))) {
		priv_add_tok(c, i, tk_eq(c, u, "y") ? u + 2 : u, ENT_PRIV_AGE, 0.9f, "age");
		return 1;
	}
	if (u < c->n_tk && u - i <= 1 && (tk_eq(c, u, "ans") || tk_eq(c, u, "an") ||
					   tk_eq(c, u, "mois") || tk_eq(c, u, "semaines") ||
					   tk_eq(c, u, "jours"))) {
		int months = !tk_eq(c, u, "ans") && !tk_eq(c, u, "an");
		if (duration_before(c, i) || duration_after(c, u))
			return 0;
		if (months) {
			/* "bébé de 3 mois", "(3 mois)", "a 3 mois": only after de / a / ( / âgé */
			size_t p = tk_prev_word(c, i, 0);
			int weeks = tk_eq(c, u, "semaines") || tk_eq(c, u, "jours");
			int ok = (i > 0 && tk_ch(c, i - 1, '(')) ||
				 (p != SIZE_MAX && (tk_eq(c, p, "de") || (tk_eq(c, p, "a") && !weeks) ||
						    tk_eq(c, p, "age") || tk_eq(c, p, "agee") ||
						    tk_eq(c, p, "aura")));
			size_t p2 = p != SIZE_MAX ? tk_prev_word(c, p, 1) : SIZE_MAX;
			if (ok && p != SIZE_MAX && tk_eq(c, p, "de") && p2 != SIZE_MAX &&
			    !(tk_lex(c, p2, LX_KIN) || tk_eq(c, p2, "bebe") || tk_eq(c, p2, "enfant") ||
			      tk_eq(c, p2, "bambin") || tk_eq(c, p2, "nourrisson") || tk_eq(c, p2, "puce")))
				ok = 0;
			if (!ok)
				return 0;
		}
		priv_add_tok(c, i, u, ENT_PRIV_AGE, months ? 0.7f : 0.9f, "age");
		return 1;
	}
	/* bare ages: "aged 34", "age 34", "I'm 34", "j'ai 34", "(F, 34)", "(34, F)" */
	size_t p = tk_prev_word(c, i, 2);
	if (p != SIZE_MAX && (tk_eq(c, p, "aged") || tk_eq(c, p, "age") || tk_eq(c, p, "agee") ||
			      tk_eq(c, p, "ans")) && v >= 1 && !tk_lex(c, tk_next_word(c, i, 0), LX_WORD & 0)) {
		if (tk_eq(c, p, "ans"))
			return 0;
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.8f, "age_bare");
		return 1;
	}
	if (i >= 2 && tk_ch(c, i - 1, ',') && (tk_eq(c, i - 2, "f") || tk_eq(c, i - 2, "m")) &&
	    i >= 3 && tk_ch(c, i - 3, '(')) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.8f, "age_bare");
		return 1;
	}
	if (tk_ch(c, i + 1, ',') && (tk_eq(c, i + 2, "f") || tk_eq(c, i + 2, "m")) && i > 0 &&
	    tk_ch(c, i - 1, '(')) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.8f, "age_bare");
		return 1;
	}
	/* "Jack (7)", "Mr Jones, 72, ...": a bare number right after a person */
	if (v >= 1 && v <= 110 && i >= 2 && p != SIZE_MAX && p == i - 2 &&
	    ((tk_ch(c, i - 1, '(') && tk_ch(c, i + 1, ')')) ||
	     (tk_ch(c, i - 1, ',') && !tk_glued(c, i - 1) &&
	      (i + 1 >= c->n_tk || tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, ')') || tk_ch(c, i + 1, '.')) &&
	      !(tk_glued(c, i) && tk_is(c, i + 2, TK_NUM) && tk_glued(c, i + 1)))) &&
	    (((c->tk[p].f & TK_CAP) && !(c->tk[p].lex & (LX_MONTH | LX_DAY)) &&
	      (!(c->tk[p].lex & LX_WORD) || !tk_sentence_start(c, p))) ||
	     (c->tk[p].lex & LX_KIN))) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.7f, "age_bare");
		return 1;
	}
	/* "he is 15 and", "she was 61.", "diagnosed at 19," */
	int shes = p != SIZE_MAX && p == i - 1 && tk_eq(c, p, "s") && p >= 2 && tk_apos(c, p - 1) &&
		   tk_eq_any(c, p - 2, w_he3);
	if (v >= 2 && v <= 110 && p != SIZE_MAX && p == i - 1 &&
	    (shes || tk_eq(c, p, "is") || tk_eq(c, p, "was") || tk_eq(c, p, "am") || tk_eq(c, p, "turned") ||
	     tk_eq(c, p, "turns") || tk_eq(c, p, "at") || tk_eq(c, p, "be") || tk_eq(c, p, "now") ||
	     tk_eq(c, p, "only") || tk_eq(c, p, "just") || tk_eq(c, p, "nearly") || tk_eq(c, p, "almost"))) {
		size_t nx = i + 1;
		int end = nx >= c->n_tk || tk_ch(c, nx, '.') || tk_ch(c, nx, ',') || tk_ch(c, nx, '!') ||
			  tk_ch(c, nx, ';') || tk_ch(c, nx, ')') || tk_eq(c, nx, "and") || tk_eq(c, nx, "when") ||
			  tk_eq(c, nx, "now") || tk_eq(c, nx, "today") || tk_eq(c, nx, "but") ||
			  tk_eq(c, nx, "so") || tk_eq(c, nx, "with") ||
			  ((tk_eq(c, p, "turned") || tk_eq(c, p, "turns")) &&
			   tk_eq_any(c, nx, w_last));
		if (end && !(tk_ch(c, nx, '.') && tk_is(c, nx + 1, TK_NUM)) && !tk_ch(c, nx + 1, ':')) {
			priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.6f, "age_bare");
			return 1;
		}
	}
	if (p != SIZE_MAX && v >= 10 && (tk_eq(c, p, "m") || tk_eq(c, p, "im")) && p >= 1 &&
	    tk_apos(c, p - 1) && tk_eq(c, p - 2, "i") &&
	    (!tk_is(c, tk_next_word(c, i, 0), TK_ALPHA) ||
	     tk_eq_any(c, i + 1, w_and2))) {
		priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.7f, "age_bare");
		return 1;
	}
	return 0;
}

void priv_find_when(struct pctx *c)
{
	if (!(c->f_any & TK_DIGIT) && !(c->lex_any & LX_MONTH))
		return;
	/* only words with a digit or a month (tk_next_any) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT) | PB_SET(PB_START));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_WORD)) != TK_WORD)
			continue;
		if (c->tk[i].f & TK_DIGIT) {
			if (date_day_month(c, i) || age(c, i) || date_year(c, i) || date_day_only(c, i))
				continue;
		} else if (c->tk[i].lex & LX_MONTH) {
			date_month_first(c, i);
		}
	}
}
