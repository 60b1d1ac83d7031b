/*
 * priv_place_reg.c - places in the registers people write in, for priv_place.c: a town that is
 * also a word, in lowercase, after a verb of living there ("jsui a tours pr 3 tours de chimio"),
 * a hospital's name in lowercase after a lowercase head ("pres du chu bretonneau", "a la
 * clinique des lilas"), listed towns and hospitals in lowercase ("in bristol?", "at the royal
 * free"), a postcode glued to its town ("75013Paris") and the hospitals named by a possessive
 * ("at Guy's"). Kept apart from priv_place.c, which holds the recognisers that call them.
 */
#include <stdint.h>
#include <string.h>

#include "privacy/text/priv_text.h"

/* After town i the clause ends, or a function word follows ("et", "and", "depuis", "pr"), not
 * a complement ("à tours de rôle") nor a noun ("im in reading mode"). */
static int clause_left(const struct pctx *c, size_t i)
{
	size_t nx = i + 1;
	if (nx >= c->n_tk || !(c->tk[nx].f & TK_WORD) || (c->tk[nx].f & TK_NL))
		return 1; /* the text, the clause or the line ends ("im in hull\nany good dentists") */
	/* or a word of time: "at bichat today", "opérée à bichat hier", "direction tenon ce matin" */
	static const char *const when[] = {"today", "yesterday", "tonight", "tomorrow", "last", "hier", "demain",
					   "aujourd", "ce", NULL};
	if ((c->tk[nx].lex & LX_DAY) || tk_eq_any(c, nx, when))
		return 1;
	return ((c->tk[nx].lex & (LX_STOPFR | LX_STOPEN)) || tk_eq(c, nx, "pr")) &&
	       !(tk_eq(c, nx, "de") || tk_eq(c, nx, "d") || tk_eq(c, nx, "du") || tk_eq(c, nx, "des") ||
		 tk_eq(c, nx, "of"));
}

/* "jsui a tours pr 3 tours de chimio", "on habite à lourdes et", "im in hull, where do i go": a
 * town that is also a word, in lowercase, right after a verb of living or being there and "à",
 * "a" or "in"; not a state one is in ("je suis à bout", "i live in hope", "im in pain"),
 * and the clause ends or goes on with a function word. */
int priv_dwell_town(const struct pctx *c, size_t i)
{
	/* not "au": a town with an article ("au havre") is no word; "jsuis au boulot" is at work */
	static const char *const w_in[] = {"a", "in", NULL};
	static const char *const w_live[] = {"habite", "habites", "habitons", "habitez", "habitent", "vis", "vit",
					     "vivons", "vivez", "vivent", "suis", "jsui", "jsuis", "chui", "live",
					     "lives", "living", "based", "im", "am", "m", NULL};
	static const char *const w_state[] = {"bout", "jour", "fond", "plat", "court", "cran", "table", "terre",
					      "pain", "agony", "bits", "shock", "denial", "love", "labour",
					      "work", "hell", "limbo", "hope", "fear", "tears", "bath", "recovery",
					      "remission", "trouble", "charge", "care", "bed", "pieces", "tatters",
					      "heaven", "luck", "town", "need", "debt", "peace", "vain", NULL};
	size_t p = tk_prev_word(c, i, 0);
	size_t v = p != SIZE_MAX ? tk_prev_word(c, p, 0) : SIZE_MAX;
	if (v == SIZE_MAX || !tk_eq_any(c, p, w_in) || !tk_eq_any(c, v, w_live) || tk_eq_any(c, i, w_state))
		return 0;
	if (tk_eq(c, v, "m") && !(v >= 2 && tk_apos(c, v - 1) && tk_eq(c, v - 2, "i")))
		return 0;
	return clause_left(c, i);
}

/* The text speaks of a stay or a visit in care: a hospital's head ("hôpital", "clinic"), or a
 * word of care ("opérée", "ward", "rdv", "admitted"). What a listed hospital that is also a
 * word ("tenon", "trousseau") or an unknown word after "the" ("the starship", "the foch")
 * needs before it is read as the place. */
int priv_care_context(struct pctx *c)
{
	static const char *const care[] = {"ward", "admitted", "surgery", "op", "operation", "operated", "appt",
					   "appointment", "consultant", "nurse", "nurses", "doctor", "doctors", "icu",
					   "nicu", "discharged", "scan", "mri", "chemo", "biopsy", "born", "opere",
					   "operee", "hospitalise", "hospitalisee", "hospit", "rdv", "consultation",
					   "urgences", "service", "rea", "reanimation", "chimio", "irm", "biopsie",
					   "accouche", "accouchee", "soins", "medecin", "chirurgien",
					   "infirmiere", "pediatrie", "oncologie", "hopital", "hospital", NULL};
	/* (once a text: every listed town in lowercase may ask, "a trousseau a trousseau ...") */
	if (c->care)
		return c->care == 2;
	c->care = 1;
	for (size_t k = 0; k < c->n_tk; k++)
		if ((c->tk[k].f & TK_WORD) && ((c->tk[k].lex & (LX_HOSP | LX_HOSP_EN)) || tk_eq_any(c, k, care))) {
			c->care = 2;
			break;
		}
	return c->care == 2;
}

/* Token p is French "a" without its accent, and the verb "has": a subject before it ("il a
 * derby", "elle a trousseau", "ma fille a charlotte", "on a"). */
static int fr_verb_a(const struct pctx *c, size_t p)
{
	static const char *const subj[] = {"il", "elle", "on", "qui", "ca", "y", "en", "tout", "chacun", "lui", NULL};
	static const char *const det[] = {"le", "la", "l", "mon", "ma", "ton", "ta", "son", "sa", "notre", "votre",
					  "leur", "ce", "cette", "mes", "nos", NULL};
	if (!tk_eq(c, p, "a"))
		return 0;
	size_t s = tk_prev_word(c, p, 0);
	if (s == SIZE_MAX)
		return 0;
	if (tk_eq_any(c, s, subj))
		return 1;
	size_t d = tk_prev_word(c, s, 0);
	return d != SIZE_MAX && tk_eq_any(c, d, det) && tk_is(c, s, TK_LOWER);
}

/* "any1 had surgery at the spire in bristol?", "jvis à angers et", "opérée à bichat en juin": a
 * listed town in lowercase right after "in", "at", "near", "from" (or French "à", "a") that is
 * a word only of the other language ("bristol" is French, "angers" English), or, in French, a
 * big city or a hospital of the hand list that is also a French word ("bichat", "trousseau"),
 * with the clause ending or a function word after it. Not "à tours de rôle", "in reading mode",
 * "à bout". (fl: the town's flags.) */
int priv_lower_town_word(struct pctx *c, size_t i, uint32_t fl)
{
	static const char *const w_en[] = {"in", "at", "near", "from", NULL};
	int en = c->lang == ENT_PRIV_EN;
	size_t p = tk_prev_word(c, i, 0);
	/* towns that are brands, of water, creams or food ("the cream from vichy") */
	static const char *const brand[] = {"vichy", "avene", "evian", "uriage", "dijon", "cognac", "roquefort",
					    "champagne", NULL};
	if (p == SIZE_MAX || !(tk_eq_any(c, p, w_en) || (!en && tk_eq(c, p, "a") && !fr_verb_a(c, p))))
		return 0;
	if (((fl & (en ? LX_WEN : LX_WFR)) && (en || !(fl & LX_CITY))) || tk_eq_any(c, i, brand))
		return 0;
	/* (a French word that is a listed hospital, "tenon", "trousseau": in a text about care) */
	return clause_left(c, i) && (en || !(fl & LX_WFR) || priv_care_context(c));
}

/* "had my op at the royal free", "u drove me to the royal marsden", "des nuits à la timone": a
 * listed town or hospital in lowercase after an article after a place word (at, to, in, into,
 * from, à). A single word only when it is a listed big city or hospital, no word of the text's
 * language and no given name ("at the reading room", "to the bath", "at the charlotte"). j is
 * the town's last token. */
int priv_lower_town_article(struct pctx *c, size_t i, size_t j, uint32_t fl)
{
	static const char *const w_art[] = {"the", "la", "l", NULL};
	static const char *const w_at[] = {"at", "to", "in", "into", "from", "a", NULL};
	size_t a = tk_prev_word(c, i, 0);
	size_t p = a != SIZE_MAX ? tk_prev_word(c, a, 0) : SIZE_MAX;
	if (p == SIZE_MAX || !tk_eq_any(c, a, w_art) || !tk_eq_any(c, p, w_at))
		return 0;
	if (i == j && (!(fl & LX_CITY) || (fl & ((c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR) | LX_PRN))))
		return 0;
	if (tk_eq(c, p, "a") && fr_verb_a(c, p))
		return 0;
	/* (a single word, "the starship", "the foch", "the barts": in a text about care) */
	return clause_left(c, j) && (i != j || priv_care_context(c));
}

/* Token k has a name's shape, not a text message's abbreviation: six letters or more, three
 * of them vowels ("bretonneau"; not "tjrs", "tlmt", "vrmt", "dmain", "mdrrr"), not an elision
 * or a preposition glued to the next word ("jusqua lundi", "ducoup j'attends"). */
static int name_shaped(const struct pctx *c, size_t k)
{
	static const char *const glued[] = {"jusqu", "puisqu", "lorsqu", "quelqu", "du", "de", "au", "en", NULL};
	const char *f = tk_fold(c, k);
	size_t n = strlen(f), vowels = 0;
	for (size_t j = 0; j < n; j++)
		vowels += strchr("aeiouy", f[j]) != NULL;
	if (n < 6 || vowels < 3)
		return 0;
	for (const char *const *g = glued; *g; g++) {
		size_t m = strlen(*g);
		if (strncmp(f, *g, m) == 0) {
			uint64_t h = priv_fnv(PRIV_FNV_INIT, f + m, n - m);
			if (m >= 5 || (priv_lex_get(h) & (LX_WORD | LX_STOPFR | LX_STOPEN)))
				return 0;
		}
	}
	return 1;
}

/* A name in lowercase after a head in lowercase (text-message spelling): "pres du chu
 * bretonneau" (a word no dictionary knows right after the head), "a la clinique des lilas" (a
 * clinic's, maternity's or care home's plural name after "des": "maternité des bluets", "ehpad des
 * mimosas"; not a service, "clinique des maladies du sein", "clinique des urgences"). Returns the
 * name's last token or SIZE_MAX. */
size_t priv_lower_hospital_name(const struct pctx *c, size_t i, size_t head_end)
{
	static const char *const heads[] = {"chu", "chr", "chru", "clinique", "polyclinique", "hopital",
					    "maternite", "ehpad", NULL};
	static const char *const des_heads[] = {"clinique", "polyclinique", "maternite", "ehpad", NULL};
	/* the plural names clinics take, flowers, trees and landscapes ("des lilas", "des bluets",
	 * "des cèdres"): a list, for after "des" a plural is far more often a common noun ("des
	 * fois", "des années 70", "des migraines", "des troubles anxieux", "des bébés prématurés") */
	static const char *const des_names[] = {"lilas", "bluets", "mimosas", "cedres", "tilleuls", "peupliers",
						"platanes", "jasmins", "charmilles", "glycines", "acacias", "pins",
						"chenes", "oliviers", "orangers", "magnolias", "camelias", "lauriers",
						"iris", "violettes", "tulipes", "hortensias", "marronniers", "bouleaux",
						"saules", "sapins", "genets", "bruyeres", "cigognes", "hirondelles",
						"fontaines", "sources", "alpes", "cevennes", "vosges", "pyrenees",
						"landes", "dunes", "embruns", "collines", "coteaux", "cerisiers",
						"eglantines", "buissonnets", "franciscaines", "ursulines", NULL};
	size_t k = head_end + 1;
	if (!(c->tk[i].f & TK_LOWER) || !tk_eq_any(c, i, heads) || k >= c->n_tk ||
	    (c->tk[k].f & (TK_LOWER | TK_CLAIMED | TK_NL)) != TK_LOWER)
		return SIZE_MAX;
	if (!(c->tk[k].lex & (LX_WORD | LX_STOPFR | LX_STOPEN | LX_MONTH | LX_DAY | LX_NOTNAME)) &&
	    !(c->tk[k].lex2 & LX2_NUMW) && name_shaped(c, k))
		return k;
	size_t w = k + 1, nx = tk_next_word(c, w, 0);
	if (w >= c->n_tk)
		return SIZE_MAX;
	if (tk_eq(c, k, "des") && tk_eq_any(c, i, des_heads) &&
	    (c->tk[w].f & (TK_LOWER | TK_CLAIMED | TK_NL)) == TK_LOWER && tk_eq_any(c, w, des_names) &&
	    !(nx != SIZE_MAX && nx == w + 1 && (tk_eq(c, nx, "de") || tk_eq(c, nx, "du") || tk_eq(c, nx, "des") ||
						  tk_eq(c, nx, "d"))))
		return w;
	return SIZE_MAX;
}

/* "75013Paris", "8 bd Arago 75013Paris": a French postcode glued to a capitalised town (a
 * token of eight characters or more that is no number). The raw token's length is checked
 * before its sixth byte is read: its folded form, whose length the caller checked, may be
 * longer than the raw bytes (a letter whose folding is longer, at the text's end). */
int priv_glued_postcode(struct pctx *c, size_t i)
{
	if (c->tk[i].e - c->tk[i].s < 8 || c->t[c->tk[i].s + 5] < 'A' || c->t[c->tk[i].s + 5] > 'Z')
		return 0;
	const char *f = tk_fold(c, i);
	unsigned v = 0;
	for (size_t k = 0; k < 5; k++)
		v = f[k] >= '0' && f[k] <= '9' && v < 100000 ? v * 10 + (unsigned)(f[k] - '0') : 100000;
	if (v >= 100000 || !priv_is_postcode_fr(v) ||
	    !(priv_lex_get(priv_fnv(PRIV_FNV_INIT, f + 5, c->tk[i].flen - 5)) & (LX_TOWN | LX_CITY)))
		return 0;
	priv_add_tok(c, i, i, ENT_PRIV_LOCATION, 0.85f, "postcode");
	return 1;
}

/* "4 hours in A&E at Guy's", "lupus diagnosis at Guy's", "seen at King's": London's Guy's and
 * King's College hospitals, named by a possessive alone after at, to, in, into or from; not
 * before a capitalised word ("King's College", "King's Lynn", "at the King's Head": left to
 * the other rules) nor in capitals. */
int priv_named_possessive(struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 0);
	if (!(tk_eq(c, i, "guy") || tk_eq(c, i, "king")) || (c->tk[i].f & (TK_CAP | TK_ALLCAP)) != TK_CAP ||
	    !tk_apos(c, i + 1) || !tk_glued(c, i) ||
	    !tk_glued(c, i + 1) || !tk_eq(c, i + 2, "s") || p == SIZE_MAX ||
	    !(tk_eq(c, p, "at") || tk_eq(c, p, "to") || tk_eq(c, p, "in") || tk_eq(c, p, "into") || tk_eq(c, p, "from")) ||
	    (i + 3 < c->n_tk && (c->tk[i + 3].f & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP)))
		return 0;
	/* then the clause ends, or a word of time or a function word follows; not a noun the
	 * possessive governs ("to Guy's house", "in Guy's opinion", "King's speech") nor a
	 * bracket; and the name is not a person's elsewhere in the text ("(my neighbour Guy)") */
	static const char *const next[] = {"for", "today", "yesterday", "tonight", "tomorrow", "last", "this", "next",
					   "and", "on", "in", "with", "since", "after", "until", "till", "again", "twice",
					   "every", "but", "so", "at", "lol", NULL};
	size_t n = i + 3;
	if (n < c->n_tk && !(c->tk[n].f & TK_NL) &&
	    (tk_ch(c, n, '(') || ((c->tk[n].f & TK_WORD) && !tk_eq_any(c, n, next))))
		return 0;
	for (size_t k = 0; k < c->n_tk; k++)
		if (k != i && tk_is(c, k, TK_CAP) && !tk_apos(c, k + 1) && c->tk[k].flen == c->tk[i].flen &&
		    memcmp(tk_fold(c, k), tk_fold(c, i), c->tk[i].flen) == 0)
			return 0;
	priv_add_tok(c, i, i + 2, ENT_PRIV_LOCATION, 0.7f, "hospital");
	return 1;
}

/* "à la timone", "DE LA PITIE": the hospital after its article i, j its last token; SIZE_MAX
 * for "la pitié" in lowercase in a text that speaks of no care ("faire appel à la pitié"). */
size_t priv_la_hospital(struct pctx *c, size_t i, size_t j)
{
	if (j == i + 1 && tk_eq(c, j, "pitie") && tk_is(c, j, TK_LOWER) && !priv_care_context(c))
		return SIZE_MAX;
	/* (past a glued hyphen too, "à la-timone"; never past the name's last token) */
	size_t w = tk_next_word(c, i, 1);
	return w <= j ? w : i;
}
