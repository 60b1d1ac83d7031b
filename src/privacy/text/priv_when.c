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

/* Numbers written in words (LX2_NUMW, the NUMW list of priv_words.txt): each word's value,
 * language (NW_FR, NW_EN) and whether it is an ordinal ("premier", "third"). */
enum { NW_FR = 1, NW_EN = 2, NW_ORD = 4 };
struct nw_def {
	char w[12];
	unsigned char v, kind; /* v: the value; 100 for "cent"/"hundred", 200 for "mille"/"thousand" */
};
#define NW_HUNDRED 100
#define NW_THOUSAND 200
/* In the order of the NUMW list of priv_words.txt: the lexicon gives each word its place. */
static const struct nw_def nw_defs[] = {
	{"un", 1, NW_FR}, {"une", 1, NW_FR}, {"deux", 2, NW_FR}, {"trois", 3, NW_FR},
	{"quatre", 4, NW_FR}, {"cinq", 5, NW_FR}, {"six", 6, NW_FR | NW_EN}, {"sept", 7, NW_FR},
	{"huit", 8, NW_FR}, {"neuf", 9, NW_FR}, {"dix", 10, NW_FR}, {"onze", 11, NW_FR},
	{"douze", 12, NW_FR}, {"treize", 13, NW_FR}, {"quatorze", 14, NW_FR}, {"quinze", 15, NW_FR},
	{"seize", 16, NW_FR}, {"vingt", 20, NW_FR}, {"vingts", 20, NW_FR}, {"trente", 30, NW_FR},
	{"quarante", 40, NW_FR}, {"cinquante", 50, NW_FR}, {"soixante", 60, NW_FR},
	{"septante", 70, NW_FR}, {"huitante", 80, NW_FR}, {"octante", 80, NW_FR}, {"nonante", 90, NW_FR},
	{"cent", NW_HUNDRED, NW_FR}, {"cents", NW_HUNDRED, NW_FR}, {"mille", NW_THOUSAND, NW_FR},
	{"mil", NW_THOUSAND, NW_FR}, {"premier", 1, NW_FR | NW_ORD}, {"premiere", 1, NW_FR | NW_ORD},
	{"one", 1, NW_EN}, {"two", 2, NW_EN}, {"three", 3, NW_EN}, {"four", 4, NW_EN}, {"five", 5, NW_EN},
	{"seven", 7, NW_EN}, {"eight", 8, NW_EN}, {"nine", 9, NW_EN}, {"ten", 10, NW_EN},
	{"eleven", 11, NW_EN}, {"twelve", 12, NW_EN}, {"thirteen", 13, NW_EN}, {"fourteen", 14, NW_EN},
	{"fifteen", 15, NW_EN}, {"sixteen", 16, NW_EN}, {"seventeen", 17, NW_EN}, {"eighteen", 18, NW_EN},
	{"nineteen", 19, NW_EN}, {"twenty", 20, NW_EN}, {"thirty", 30, NW_EN}, {"forty", 40, NW_EN},
	{"fourty", 40, NW_EN}, {"fifty", 50, NW_EN}, {"sixty", 60, NW_EN}, {"seventy", 70, NW_EN},
	{"eighty", 80, NW_EN}, {"ninety", 90, NW_EN}, {"hundred", NW_HUNDRED, NW_EN},
	{"thousand", NW_THOUSAND, NW_EN}, {"first", 1, NW_EN | NW_ORD}, {"second", 2, NW_EN | NW_ORD},
	{"third", 3, NW_EN | NW_ORD}, {"fourth", 4, NW_EN | NW_ORD}, {"fifth", 5, NW_EN | NW_ORD},
	{"sixth", 6, NW_EN | NW_ORD}, {"seventh", 7, NW_EN | NW_ORD}, {"eighth", 8, NW_EN | NW_ORD},
	{"ninth", 9, NW_EN | NW_ORD}, {"tenth", 10, NW_EN | NW_ORD}, {"eleventh", 11, NW_EN | NW_ORD},
	{"twelfth", 12, NW_EN | NW_ORD}, {"thirteenth", 13, NW_EN | NW_ORD},
	{"fourteenth", 14, NW_EN | NW_ORD}, {"fifteenth", 15, NW_EN | NW_ORD},
	{"sixteenth", 16, NW_EN | NW_ORD}, {"seventeenth", 17, NW_EN | NW_ORD},
	{"eighteenth", 18, NW_EN | NW_ORD}, {"nineteenth", 19, NW_EN | NW_ORD},
	{"twentieth", 20, NW_EN | NW_ORD}, {"thirtieth", 30, NW_EN | NW_ORD},
};

/* The number word at token i (a free word the NUMW list flags), or NULL: its entry is at the
 * place the lexicon gives it, checked (a list and a table out of step find no number, never a
 * wrong one). */
static const struct nw_def *nw_def(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || !(c->tk[i].lex2 & LX2_NUMW) || (c->tk[i].f & (TK_CLAIMED | TK_DIGIT)))
		return NULL;
	size_t k = (c->tk[i].lex2 >> LX2_NUMW_IX_SHIFT) & LX2_NUMW_IX_MASK;
	if (k >= sizeof nw_defs / sizeof nw_defs[0] || strcmp(nw_defs[k].w, tk_fold(c, i)) != 0)
		return NULL;
	return &nw_defs[k];
}

/* A number written in words from token i: "quinze", "quatre-vingt-dix-sept", "vingt et un",
 * "soixante et onze", "deux mille vingt", "twenty-nine", "twenty nine", "a hundred and two",
 * "twenty-first", "premier". */
struct numw {
	size_t j;   /* its last token */
	long v;     /* its value */
	int kind;   /* NW_FR and/or NW_EN: the languages all its words belong to; NW_ORD when its
		     * last word is an ordinal */
	int big;    /* it holds "mille" or "thousand" (a year written out) */
};

/* Can word d come after the words read so far (s: the value below a thousand, r = s % 100,
 * prev: the last word)? Returns the new s, or -1. French tens take a unit or, after
 * "soixante" and "quatre-vingt", a ten; "quatre" then "vingt" is 80; English tens a unit. */
static long nw_next(long s, const struct nw_def *prev, const struct nw_def *d)
{
	long r = s % 100, v = d->v;
	if (v == NW_HUNDRED)
		return s < 10 ? (s ? s : 1) * 100 : -1;
	if (v >= 20 && v % 10 == 0) { /* a ten */
		if (r == 0)
			return s + v;
		/* "quatre-vingt(s)" */
		return v == 20 && r == 4 && prev->v == 4 && (d->kind & NW_FR) ? s + 76 : -1;
	}
	if (v >= 10) /* "dix" .. "dix-neuf", "eleven" .. "nineteen" */
		return r == 0 || ((d->kind & NW_FR) && (r == 60 || r == 80)) ? s + v : -1;
	/* a unit after nothing, a ten or "dix" ("dix-sept", "soixante-dix-neuf") */
	return r == 0 || (r % 10 == 0 && (r >= 20 || (d->kind & NW_FR))) ? s + v : -1;
}

static int numw_parse(const struct pctx *c, size_t i, struct numw *o)
{
	const struct nw_def *d = nw_def(c, i);
	if (!d)
		return 0;
	int big = d->v == NW_THOUSAND;
	long total = big ? 1000 : 0, s = big ? 0 : d->v == NW_HUNDRED ? 100 : d->v;
	int kind = d->kind & (NW_FR | NW_EN);
	size_t j = i;
	while (!(d->kind & NW_ORD)) {
		/* the next word: after a hyphen glued on both sides, a space, "et" before "un"/"onze"
		 * ("vingt et un"), "and" after a hundred or a thousand ("a hundred and two") */
		size_t k = j + 1;
		if (tk_ch(c, k, '-') && tk_glued(c, j) && tk_glued(c, k))
			k++;
		else if (k < c->n_tk && (c->tk[k].f & TK_WORD) && (tk_eq(c, k, "et") || tk_eq(c, k, "and"))) {
			int et = tk_eq(c, k, "et");
			if (et ? !(s % 10 == 0 && s % 100 >= 20 && s % 100 <= 60) : (s % 100 != 0 || (s == 0 && !total)))
				break;
			k++;
			const struct nw_def *u = nw_def(c, k);
			if (!u || (et && !(u->v == 1 || u->v == 11)))
				break;
		}
		if (k >= c->n_tk || !(c->tk[k].f & TK_WORD))
			break;
		const struct nw_def *n = nw_def(c, k);
		if (!n || !(n->kind & kind))
			break;
		long ns;
		if (n->v == NW_THOUSAND) {
			if (total || s >= 1000)
				break;
			total = (s ? s : 1) * 1000;
			ns = 0;
			big = 1;
		} else if ((ns = nw_next(s, d, n)) < 0) {
			break;
		}
		s = ns;
		d = n;
		kind &= n->kind;
		j = k;
	}
	o->j = j;
	o->v = total + s;
	o->kind = kind | (d->kind & NW_ORD);
	o->big = big;
	return 1;
}

/* A year written out after a month: "deux mille vingt", "mil neuf cent quarante-huit", "two
 * thousand and twenty", "nineteen eighty-five", "twenty twenty-one". Its last token, or
 * SIZE_MAX. */
static size_t year_words(const struct pctx *c, size_t k)
{
	struct numw y, y2;
	if (!numw_parse(c, k, &y) || (y.kind & NW_ORD))
		return SIZE_MAX;
	if (y.big)
		return y.v >= 1900 && y.v <= 2099 ? y.j : SIZE_MAX;
	/* English pairs: "nineteen eighty-five", "twenty twenty" */
	if ((y.v == 19 || y.v == 20) && y.j == k && (y.kind & NW_EN) && numw_parse(c, k + 1, &y2) &&
	    y2.v >= 10 && y2.v <= 99 && (y2.kind & NW_EN) && !(y2.kind & NW_ORD))
		return y2.j;
	return SIZE_MAX;
}

/* A French month's name ("mars", "août", "sept"): a French day written in words takes one. */
static int fr_month(const struct pctx *c, size_t m)
{
	static const char *const fr[] = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
					 "septembre", "octobre", "novembre", "decembre", "janv", "fev", "fevr",
					 "avr", "juil", "sept", "oct", "nov", "dec", NULL};
	return tk_eq_any(c, m, fr);
}

/* The last token of a date ending with the month at m: the month, or the year after it ("mars
 * 2023", "March, 2021", "mars deux mille vingt"). */
static size_t year_after(const struct pctx *c, size_t m)
{
	size_t y;
	if (is_year(c, m + 1) && tk_free(c, m + 1))
		return m + 1;
	if (tk_ch(c, m + 1, ',') && is_year(c, m + 2))
		return m + 2;
	if ((y = year_words(c, m + 1)) != SIZE_MAX)
		return y;
	return m;
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
	priv_add_tok(c, with_weekday(c, i), year_after(c, m), ENT_PRIV_DATE, 0.9f, "date_text");
	return 1;
}

/* Is the number word at i the start of a place's name: a capitalised day after "du", "de",
 * "des" or "d'" ("Lycée du Quatre Septembre", "la fête du Premier Mai" is no one's date either),
 * or right after the head of a street, an institution or a station ("rue Huit Mai 1945",
 * "métro Quatre Septembre")? */
static int place_named_after(const struct pctx *c, size_t i)
{
	/* heads the place lists lack ("station" and "school" are LX_HOSP_EN heads already) */
	static const char *const heads[] = {"metro", "gare", "lycee", "college", "ecole", NULL};
	size_t pd = tk_prev_word(c, i, 1);
	if (pd == SIZE_MAX)
		return 0;
	const unsigned place = LX_STREET | LX_STREET_EN | LX_HOSP | LX_HOSP_EN;
	if (tk_eq(c, pd, "du") || tk_eq(c, pd, "de") || tk_eq(c, pd, "des") || tk_eq(c, pd, "d")) {
		size_t ph = tk_prev_word(c, pd, 1);
		return (c->tk[i].f & TK_CAP) || (ph != SIZE_MAX && (tk_lex(c, ph, place) || tk_eq_any(c, ph, heads)));
	}
	return (c->tk[i].f & TK_CAP) && (tk_lex(c, pd, place) || tk_eq_any(c, pd, heads));
}

/* A date whose day is written in words (numw_parse, token i): "douze mars", "vingt-trois
 * avril", "premier juin", "trente et un décembre deux mille dix-neuf", "third of May",
 * "twenty-first of March", "twelfth June". A French day (a cardinal, or "premier") takes a
 * French month; an English one is an ordinal, before "of" or a capitalised month ("ten may
 * seem a lot", "six May" are no dates). */
static int date_words_day(struct pctx *c, size_t i, const struct numw *n)
{
	/* (a French first is "premier": "un mai pluvieux" is no date) */
	if (n->v < 1 || n->v > 31 || n->big || (n->v == 1 && !(n->kind & NW_ORD)))
		return 0;
	size_t m = n->j + 1;
	int en = (n->kind & NW_EN) && (n->kind & NW_ORD), of = en && tk_eq(c, m, "of");
	m += of;
	/* an English day without "of" ("twelfth June") not after "a" ("a second March"), nor before
	 * the modal ("First May I say") */
	if (!is_month(c, m) || !tk_free(c, m))
		return 0;
	/* a place named after a date is the place's ("rue du Quatre Septembre", "clinique du
	 * Premier Mai", "EHPAD du Onze Novembre", "12 rue Huit Mai 1945", "métro Quatre
	 * Septembre"): the place recognisers run later and take what they know of it; a date
	 * here would leave the head ("clinique du", "12 rue") unmasked (review R19) */
	if (place_named_after(c, i))
		return 0;
	size_t pa = tk_prev_word(c, i, 0);
	int en_ok = en && (of || ((c->tk[m].f & TK_CAP) && !tk_eq(c, m, "may") &&
				   !(pa != SIZE_MAX && (tk_eq(c, pa, "a") || tk_eq(c, pa, "an")))));
	if (!(((n->kind & NW_FR) && fr_month(c, m)) || en_ok))
		return 0;
	priv_add_tok(c, with_weekday(c, i), year_after(c, m), ENT_PRIV_DATE, 0.85f, "date_words");
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
	struct numw n;
	/* "March the 2nd", "April the twenty-first": an ordinal after "the" ("May the 4th" opening
	 * a sentence is the wish) */
	int the = tk_eq(c, k, "the") && (c->tk[m].f & TK_CAP) &&
		  !(tk_eq(c, m, "may") && tk_sentence_start(c, m));
	if (the && ordinal_day(c, k + 1, &day) && tk_len(c, k + 1) > (day >= 10 ? 2u : 1u))
		k++;
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
	/* in words: "May third", "April twenty-first", "March the second" (an English ordinal
	 * after a capitalised month), "mars deux mille vingt" (a year) */
	k = m + 1 + (the && tk_lex2(c, m + 2, LX2_NUMW));
	if (!tk_lex2(c, k, LX2_NUMW))
		return 0;
	size_t end = the ? SIZE_MAX : year_words(c, k);
	if (end == SIZE_MAX && (c->tk[m].f & TK_CAP) && numw_parse(c, k, &n) && (n.kind & NW_EN) &&
	    (n.kind & NW_ORD) && n.v >= 1 && n.v <= 31)
		end = year_after(c, n.j);
	if (end == SIZE_MAX)
		return 0;
	priv_add_tok(c, with_weekday(c, m), end, ENT_PRIV_DATE, 0.85f, "date_words");
	return 1;
}

/* The words that tie a year after them to an event: "en 2019", "born in 1985". */
static const char *const year_before[] = {"en", "in", "depuis", "since", "nee", "ne", "born", "annee", "year",
					  "ete", "hiver", "printemps", "automne", "summer", "winter", "spring",
					  "autumn", "fall", "debut", "fin", "mi", "early", "late", "mid", "of",
					  "de", "d", "noel", "christmas", "until", "jusqu", "from", "depuis",
					  "during", "pendant", "avant", "apres", "before", "after", "circa",
					  "vers", "class", "promo", "died", "passed", "deceased", "decede",
					  "decedee", "diagnosed", "diagnostique", "diagnostiquee", "dx",
					  "operated", "opere", "operee", "married", "marie", "mariee", NULL};

/* A year alone, after a word that ties it to an event: "en 2019", "born in 1985". */
static int date_year(struct pctx *c, size_t i)
{
	if (!is_year(c, i))
		return 0;
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX || !tk_eq_any(c, p, year_before))
		return 0;
	if (tk_glued(c, i) && tk_is(c, i + 1, TK_ALPHA))
		return 0;
	priv_add_tok(c, i, i, ENT_PRIV_DATE, 0.6f, "date_year");
	return 1;
}

/* The same, written out (year_words): "born nineteen eighty-five", "née en mille neuf cent
 * soixante." - at the end of a clause ("en deux mille morceaux", "de deux mille euros" are no
 * years). Token i starts the number. */
static int date_year_words(struct pctx *c, size_t i, const struct numw *n)
{
	/* (what year_words takes: a thousand, or "nineteen"/"twenty" alone, read again there) */
	if (!n->big && !((n->v == 19 || n->v == 20) && n->j == i))
		return 0;
	size_t e = year_words(c, i), p = tk_prev_word(c, i, 1);
	if (e == SIZE_MAX || p == SIZE_MAX || !tk_eq_any(c, p, year_before))
		return 0;
	if (e + 1 < c->n_tk && !tk_ch(c, e + 1, '.') && !tk_ch(c, e + 1, ',') && !tk_ch(c, e + 1, ';') &&
	    !tk_ch(c, e + 1, '!') && !tk_ch(c, e + 1, ')') && !tk_eq(c, e + 1, "et") && !tk_eq(c, e + 1, "and"))
		return 0;
	priv_add_tok(c, i, e, ENT_PRIV_DATE, 0.6f, "date_year");
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

/* An English unit of age at u: "year(s)", "yr(s)", "month(s)", "week(s)", "day(s)". */
static inline int age_unit_en(const struct pctx *c, size_t u)
{
	/* (tk_eq one by one: each is one byte compared for most words, where tk_eq_any is a call
	 * and a loop, on every number of a text) */
	return u < c->n_tk && (tk_eq(c, u, "year") || tk_eq(c, u, "years") || tk_eq(c, u, "yr") ||
			       tk_eq(c, u, "yrs") || tk_eq(c, u, "month") || tk_eq(c, u, "months") ||
			       tk_eq(c, u, "week") || tk_eq(c, u, "weeks") || tk_eq(c, u, "day") ||
			       tk_eq(c, u, "days"));
}

/* "ans et demi", "mois et demi": an age's unit at u and the half after it ("3 ans et demi",
 * "deux ans et demi" are one span); the last token. */
static size_t and_half(const struct pctx *c, size_t u)
{
	if (tk_eq(c, u + 1, "et") && (tk_eq(c, u + 2, "demi") || tk_eq(c, u + 2, "demie")) && tk_free(c, u + 2))
		return u + 2;
	return u;
}

/* Is the word at k a person an age can belong to: a relative or a child ("fille", "son",
 * "bébé", "garçon"), a pronoun ("he", "she"), or a capitalised word inside a sentence that no
 * list calls a month or a day (a name: "Jack (seven)", "Mr Jones, seventy-two,")? */
static int age_person(const struct pctx *c, size_t k)
{
	static const char *const w[] = {"he", "she", "who", "moi", "enfant", "enfants", "ado", "ados",
					"adolescent", "adolescente", "gamin", "gamine", "petit", "petite",
					"nourrisson", "puce", "loulou", "jeune", "dame", "monsieur", "madame", "man",
					"woman", "child", "children", "kids", "boys", "girls", "age", "agee", "ages",
					"agees", NULL};
	if (k >= c->n_tk || (c->tk[k].lex2 & LX2_PET))
		return 0;
	if ((c->tk[k].lex & LX_KIN) || tk_eq_any(c, k, w))
		return 1;
	/* a name: capitalised inside a sentence, or a first name that is no word opening it ("Jack
	 * is seven and", but not "Sessions are two", "We are two") */
	uint32_t lex = c->tk[k].lex;
	return (c->tk[k].f & TK_CAP) && (c->tk[k].f & TK_ALPHA) && !(lex & (LX_MONTH | LX_DAY)) &&
	       (!tk_sentence_start(c, k) ||
		((lex & (LX_PRN | LX_FIRSTNAME)) && !(lex & (LX_WORD | LX_STOPEN | LX_STOPFR | LX_NOTNAME))));
}

/* What may follow a bare age in English: the end of a clause ("she was eight when...", "I'm
 * forty-two and...", "turned one on June 5th"); after "turned" or "be", also "in", "on",
 * "last", "next"... */
static int age_end_en(const struct pctx *c, size_t k, int turned)
{
	static const char *const w[] = {"and", "when", "but", "so", "with", "now", "today", "because",
					"though", "yet", NULL};
	static const char *const w_turned[] = {"in", "on", "last", "this", "next", "yesterday", "tomorrow",
					       "soon", NULL};
	if (k >= c->n_tk)
		return 1;
	unsigned char ch = c->tk[k].ch;
	if (ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ';' || ch == ')' || ch == ':')
		return !(ch == '.' && tk_is(c, k + 1, TK_NUM) && tk_glued(c, k));
	return (c->tk[k].f & TK_WORD) && (tk_eq_any(c, k, w) || (turned && tk_eq_any(c, k, w_turned)));
}

/* Is the "à" / "at" at p the start of a follow-up, a limit or a range rather than a person's
 * age: after a word of the list ("survie à cinq ans", "screening at fifty") or a number ("de
 * deux à cinq ans", "between 2 and 5")? */
static int age_range_from(const struct pctx *c, size_t p, const char *const *follow)
{
	size_t q = tk_prev_word(c, p, 1);
	return q != SIZE_MAX && (tk_eq_any(c, q, follow) || (c->tk[q].f & TK_DIGIT) || (c->tk[q].lex2 & LX2_NUMW));
}

/* Ages written in words (numw_parse, tokens i..n->j):
 *   "quinze ans", "un an et demi", "trois mois" after a verb that gives an age ("a", "avait",
 *   "aura", "eu", "mes", "ses"), "à", "(", or "de" after a person ("ma fille de quinze ans",
 *   "bébé d'un an"), or between commas after a person ("Mon mari, cinquante-huit ans,");
 *   never a duration or a threshold ("depuis quinze ans", "au bout de deux ans", "plus de
 *   soixante-cinq ans", "deux ans de chimio", "il a mis deux ans");
 *   "twenty-nine years old", "seven-year-old", "six months old";
 *   a bare English number after "turned", "aged", a person and a copula ("my son is fifteen
 *   and", "I'm forty-two", "she was eight when"), "at" (13 and over: "diagnosed at
 *   thirty-four,"), or a person and "(" or "," ("Dad (seventy-nine, stubborn)", "My husband,
 *   fifty-two, had"): never a score, a time, a count ("my pain is seven out of ten", "it was
 *   two in the morning", "at four", "one of the lucky ones"). */
static int age_words(struct pctx *c, size_t i, const struct numw *n)
{
	static const char *const w_have[] = {"a", "ai", "as", "avait", "avais", "avaient", "avons", "avez", "ont",
					     "aura", "aurai", "auras", "aurait", "auront", "avoir", "ayant", "eu",
					     "fete", "fetera", "feter", "fetait", "mes", "ses", "tes", "nos", "vos",
					     "leurs", NULL};
	static const char *const w_poss[] = {"mes", "ses", "tes", "nos", "vos", "leurs", NULL};
	static const char *const w_fete[] = {"fete", "fetera", "feter", "fetait", "fetais", "celebre", "celebrer",
					     "pour", NULL};
	static const char *const w_adv[] = {"presque", "bientot", "deja", "juste", "que", "pas", "tout",
					    "maintenant", "seulement", "quasiment", "only", "just", "nearly",
					    "almost", "barely", "now", "already", "still", NULL};
	static const char *const w_be[] = {"is", "was", "am", "are", "were", "be", "m", "s", "im", NULL};
	/* what a follow-up or a limit is counted from, before "à" ("survie à cinq ans", "contrôle
	 * à trois mois", "suivi à six mois puis à un an", "jusqu'à trois ans") */
	static const char *const w_follow[] = {"survie", "suivi", "controle", "bilan", "visite", "vous",
					       "consultation", "risque", "resultat", "resultats", "taux",
					       "echographie", "echo", "evaluation", "reevaluation", "mortalite",
					       "recidive", "rechute", "puis", "revu", "revue", "ou", "jusqu",
					       "jusque", "vaccin", "vaccins", "vaccination", "rappel", "depistage",
					       "mammographie", "coloscopie", "examen", "frottis", "screening",
					       "screened", "vaccine", "vaccinated", "jab", "booster", "check",
					       "checkup", "review", "scan", "smear", "mammogram", "colonoscopy",
					       "test", "tested", "offered", "eligible", NULL};
	static const char *const w_will[] = {"will", "ll", "would", "d", "to", NULL};
	static const char *const w_subj[] = {"i", "he", "she", "we", "they", "you", "my", "his", "her", "our",
					     "their", NULL};
	if ((n->kind & NW_ORD) || n->big || n->v < 1 || n->v > 120)
		return 0;
	size_t j = n->j, u, o;
	/* "three and a half (years old)" is one age */
	if ((n->kind & NW_EN) && tk_eq(c, j + 1, "and") && tk_eq(c, j + 2, "a") && tk_eq(c, j + 3, "half"))
		j += 3;
	u = j + 1;
	if (u < c->n_tk && !(c->tk[u].f & TK_WORD) && tk_ch(c, u, '-') && tk_glued(c, j))
		u++; /* "seven-year-old" */
	if (age_unit_en(c, u) && (o = tk_next_word(c, u, 1)) < c->n_tk && tk_eq(c, o, "old") && o - u <= 2) {
		priv_add_tok(c, i, o, ENT_PRIV_AGE, 0.95f, "age_words");
		return 1;
	}
	u = j + 1;
	int fr = (n->kind & NW_FR) && u < c->n_tk && (c->tk[u].f & TK_SP) &&
		 (tk_eq(c, u, "ans") || tk_eq(c, u, "an") || tk_eq(c, u, "mois") || tk_eq(c, u, "semaines") ||
		  tk_eq(c, u, "jours"));
	if (!fr && !(n->kind & NW_EN))
		return 0;
	/* the word before, past "presque", "que", "only"... */
	size_t p = tk_prev_word(c, i, 1);
	for (int k = 0; k < 2 && p != SIZE_MAX && tk_eq_any(c, p, w_adv); k++)
		p = tk_prev_word(c, p, 1);
	if (fr) {
		/* "il a deux ans pour", "j'ai deux ans devant moi", "à un an près", "un an plus tôt" */
		if (duration_before(c, i) || duration_after(c, u) || tk_eq(c, u + 1, "pour") ||
		    tk_eq(c, u + 1, "devant") || tk_eq(c, u + 1, "pres") || tk_eq(c, u + 1, "plus"))
			return 0;
		int years = tk_eq(c, u, "ans") || tk_eq(c, u, "an"), weeks = tk_eq(c, u, "semaines") || tk_eq(c, u, "jours");
		int ok = i > 0 && tk_ch(c, i - 1, '(');
		if (!ok && p != SIZE_MAX && tk_eq_any(c, p, w_have))
			/* "il a trois semaines", but "né à trente-deux semaines" (a term); "mes quarante
			 * ans", "fêté mes quarante ans à l'hôpital", but "mes deux ans à l'hôpital", "nos
			 * deux ans passés" (a time spent) */
			ok = tk_eq(c, p, "a") ? (weeks ? c->t[c->tk[p].s] == 'a' : !age_range_from(c, p, w_follow))
			     : tk_eq_any(c, p, w_poss)
				     ? tk_eq_any(c, tk_prev_word(c, p, 0), w_fete) ||
					       !(tk_eq(c, u + 1, "a") || tk_eq(c, u + 1, "passes") || tk_eq(c, u + 1, "passees"))
				     : 1;
		if (!ok && p != SIZE_MAX && (tk_eq(c, p, "de") || tk_eq(c, p, "d")))
			ok = age_person(c, tk_prev_word(c, p, 1));
		/* "Mon mari, cinquante-huit ans, attend" */
		if (!ok && i > 0 && tk_ch(c, i - 1, ',') && years && p == i - 2 && age_person(c, p))
			ok = age_end_en(c, u + 1, 0);
		if (!ok)
			return 0;
		priv_add_tok(c, i, and_half(c, u), ENT_PRIV_AGE, years ? 0.9f : 0.7f, "age_words");
		return 1;
	}
	if (!(n->kind & NW_EN) || p == SIZE_MAX)
		return 0;
	/* "Dad (seventy-nine, stubborn)", "Jack (seven)", "My husband, fifty-two, had" */
	if (i >= 2 && (tk_ch(c, i - 1, '(') || tk_ch(c, i - 1, ',')) && p == i - 2 && age_person(c, p) &&
	    (tk_ch(c, j + 1, ',') || tk_ch(c, j + 1, ')') || (tk_ch(c, i - 1, ',') && age_end_en(c, j + 1, 0)))) {
		priv_add_tok(c, i, j, ENT_PRIV_AGE, 0.7f, "age_words");
		return 1;
	}
	int turned = tk_eq(c, p, "turned") || tk_eq(c, p, "turns") || tk_eq(c, p, "turning");
	/* "aged", "at the age of" */
	int ok = (turned && age_end_en(c, j + 1, 1)) || tk_eq(c, p, "aged") ||
		 (tk_eq(c, p, "of") && tk_eq(c, tk_prev_word(c, p, 0), "age") &&
		  (age_end_en(c, j + 1, 1) || tk_eq_any(c, j + 1, w_subj))) ||
		 (tk_eq(c, p, "at") && n->v >= 13 && age_end_en(c, j + 1, 0) && !age_range_from(c, p, w_follow));
	if (!ok && tk_eq_any(c, p, w_be)) {
		/* the copula's subject: "I'm", "she's", "my son is", "Mum was", "he'll be" */
		size_t s = tk_prev_word(c, p, 1);
		int be = tk_eq(c, p, "be");
		if (be && s != SIZE_MAX && tk_eq_any(c, s, w_will))
			s = tk_prev_word(c, s, 1);
		if (tk_eq(c, p, "im") || ((tk_eq(c, p, "m") || tk_eq(c, p, "am")) && tk_eq(c, s, "i")))
			ok = 1;
		else if (tk_eq(c, p, "s") && (p == 0 || !tk_apos(c, p - 1)))
			ok = 0;
		else
			ok = (s != SIZE_MAX && (age_person(c, s) || (tk_eq(c, s, "i") && !tk_eq(c, p, "is"))));
		ok = ok && age_end_en(c, j + 1, be);
	}
	if (!ok)
		return 0;
	priv_add_tok(c, i, j, ENT_PRIV_AGE, 0.7f, "age_words");
	return 1;
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
	if (age_unit_en(c, u)) {
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
		if (tk_apposed_age(c, i, u) && !tk_eq(c, u, "year") && !tk_eq(c, u, "yr")) {
			priv_add_tok(c, i, u, ENT_PRIV_AGE, 0.7f, "age");
			return 1;
		}
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
			if (!ok && !tk_apposed_age(c, i, u))
				return 0;
		}
		priv_add_tok(c, i, and_half(c, u), ENT_PRIV_AGE, months ? 0.7f : 0.9f, "age");
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
	if (v >= 1 && v <= 110 && i >= 2 && p != SIZE_MAX && p == i - 2 && !priv_dept_after_town(c, i, p) &&
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
	/* ... and "Amber's 4 and": a given name's "'s" (is) */
	int shes = p != SIZE_MAX && p == i - 1 && tk_eq(c, p, "s") && p >= 2 && tk_apos(c, p - 1) &&
		   (tk_eq_any(c, p - 2, w_he3) ||
		    ((c->tk[p - 2].f & TK_CAP) && tk_lex(c, p - 2, LX_GIVEN) && !tk_lex(c, p - 2, LX_MONTH | LX_DAY)));
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
		/* a given name's "'s" then "and" and a number or a fraction: "Chloe's 2 and a half hour
		 * nap", "Jack's 3 and 4 times tables" are no age */
		int named = shes && !tk_eq_any(c, p - 2, w_he3);
		if (end && !(tk_ch(c, nx, '.') && tk_is(c, nx + 1, TK_NUM)) && !tk_ch(c, nx + 1, ':') &&
		    !(named && priv_and_more(c, nx))) {
			priv_add_tok(c, i, i, ENT_PRIV_AGE, 0.6f, "age_bare");
			return 1;
		}
	}
	if (priv_age_register(c, i, p, v))
		return 1;
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
	if (!(c->f_any & TK_DIGIT) && !(c->lex_any & LX_MONTH) && !(c->lex2_any & LX2_NUMW))
		return;
	/* only words with a digit, a month or a number in words (tk_next_any) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT) | PB_SET(PB_START));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_WORD)) != TK_WORD)
			continue;
		if (c->tk[i].f & TK_DIGIT) {
			if (date_day_month(c, i) || age(c, i) || date_year(c, i) || date_day_only(c, i))
				continue;
		} else {
			/* a number in words: its date or age, else the number is skipped whole (not
			 * read again from its second word: "vingt-trois", "trois") */
			struct numw n;
			if ((c->tk[i].lex2 & LX2_NUMW) && numw_parse(c, i, &n)) {
				if (date_words_day(c, i, &n) || age_words(c, i, &n) || date_year_words(c, i, &n)) {
					i = n.j;
					continue;
				}
				/* a number that ends on a month's name ("trente sept 2022", "le dix sept
				 * 2021") is read up to it: the month starts its own date below */
				if (n.j > i) {
					i = (c->tk[n.j].lex & LX_MONTH) ? n.j - 1 : n.j;
					continue;
				}
				if (!(c->tk[i].lex & LX_MONTH))
					continue;
			}
			if (c->tk[i].lex & LX_MONTH)
				date_month_first(c, i);
		}
	}
}
