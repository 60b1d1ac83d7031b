/*
 * priv_place.c - places: street addresses, postcodes, named hospitals and clinics, towns.
 *
 * French towns come from the codes-postaux gazetteer, large UK/US towns from a hand list,
 * both compiled into the lexicon; a town that is also an ordinary word ("Orange", "Vue") or a
 * first name ("Nancy") only counts after a place preposition ("à", "in", "from"). Hospitals
 * are a head noun with a name: "CHU de Nantes", "clinique des Cèdres", "hôpital Necker" in
 * French order, "St Thomas' Hospital", "Leeds Teaching Hospitals NHS Trust" in English order.
 * Countries and regions, and generic places ("aux urgences", "à l'hôpital"), are not reported.
 */
#include <string.h>
#include <strings.h>

#include "privacy/text/priv_name.h"
#include "privacy/text/priv_text.h"

static int connector(const struct pctx *c, size_t i)
{
	static const char *const w[] = {"de", "du", "des", "la", "le", "les", "d", "l", "of", "the",
					"sur", "en", "sous", "lez", "les", "aux", "et", "and", NULL};
	return tk_eq_any(c, i, w) || tk_apos(c, i);
}

/* A capitalised word usable inside a place name. (Its tests without a branch each: it is
 * asked of some 40,000 words a dense 400 KB, one call each where gcc split it.) */
static inline int cap_word(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk)
		return 0;
	const struct ptok *t = &c->tk[i];
	unsigned sent = (i == 0) | !!(t->f & TK_SENT); /* tk_sentence_start */
	return (int)(((t->f & (TK_WORD | TK_CAP | TK_CLAIMED)) == (TK_WORD | TK_CAP)) & !(t->lex & (LX_MONTH | LX_DAY)) &
		     !((t->lex & (LX_STOPFR | LX_STOPEN)) && sent));
}

/* Longest town name starting at token i (French commune or listed city); returns the last
 * token or SIZE_MAX, and its flags in *fl. Words may be joined by spaces, '-' or '\''. */
static size_t town_at(const struct pctx *c, size_t i, uint32_t *fl)
{
	size_t best = SIZE_MAX, k = i, k1 = i; /* k1: the first word */
	uint64_t h = PRIV_FNV_INIT;
	*fl = 0;
	for (size_t words = 0; k < c->n_tk && words < 7; k++) {
		const struct ptok *t = &c->tk[k];
		if (t->f & TK_CLAIMED)
			break;
		if (t->f & TK_PUNCT) {
			if (k > i && (tk_ch(c, k, '-') || tk_apos(c, k)) && tk_glued(c, k))
				continue;
			break;
		}
		if (k > i && (c->tk[k].f & TK_NL))
			break;
		size_t n = t->flen;
		if (!n)
			break;
		/* a word that no town name holds past its first word ends the look-ups (words
		 * without a letter are not in the lexicon: they are looked up) */
		if (words && (t->f & TK_ALPHA) && !(t->lex2 & LX2_TOWN_W2))
			break;
		/* the first word's flags are the token's: its hash is made only when a second word
		 * follows (most look-ups end on the first) */
		if (words++ == 0) {
			k1 = k;
		} else {
			if (words == 2)
				h = priv_fnv(h, tk_fold(c, k1), c->tk[k1].flen);
			h = priv_fnv(h, " ", 1);
			h = priv_fnv(h, tk_fold(c, k), n);
		}
		uint32_t f = words == 1 ? t->lex : priv_lex_get(h);
		if (f & (LX_TOWN | LX_CITY)) {
			best = k;
			*fl = f;
		}
		if (!(f & (LX_TOWNPFX | LX_TOWN | LX_CITY)))
			break;
		/* no town name of several words starts with this one: the phrases would be no
		 * keys (each look-up in the large table is a cache and TLB miss) */
		if (words == 1 && !(t->lex2 & LX2_TOWN_P))
			break;
	}
	return best;
}

static int loc_prep_before(const struct pctx *c, size_t i)
{
	size_t p = tk_prev_word(c, i, 1);
	if (p == SIZE_MAX)
		return 0;
	if (tk_lex(c, p, LX_LOCPREP))
		return !pn_thanks_prep(c, p); /* "thank you to Ally and Mo" */
	/* "à l'hôpital de Lyon" style: de + article is handled by the caller */
	return 0;
}

/* "Paris 13e", "Lyon 3ème", "Marseille 8": an arrondissement glued to the town. */
static size_t arrondissement(const struct pctx *c, size_t j)
{
	size_t k = j + 1;
	if (k < c->n_tk && (c->tk[k].f & TK_DIGIT) && (c->tk[k].f & TK_WORD) && tk_len(c, k) <= 6 &&
	    !(c->tk[k].f & TK_CLAIMED)) {
		const char *s = c->t + c->tk[k].s;
		if (s[0] >= '1' && s[0] <= '9' && (tk_len(c, k) <= 2 || !(c->tk[k].f & TK_NUM)) &&
		    !tk_is(c, k + 1, TK_ALPHA))
			return k;
		if (s[0] >= '1' && s[0] <= '9' && !(c->tk[k].f & TK_NUM))
			return k;
	}
	return j;
}

/* Name part after a head noun: connectors and capitalised words ("des Cèdres",
 * "de la Pitié-Salpêtrière", "Necker-Enfants malades"). Returns the last token or SIZE_MAX. */
static size_t name_after(const struct pctx *c, size_t k, int allow_lower_town)
{
	size_t last = SIZE_MAX;
	int conns = 0;
	while (k < c->n_tk && !(c->tk[k].f & TK_CLAIMED)) {
		if (k > 0 && (c->tk[k].f & TK_NL))
			break;
		if (cap_word(c, k) || (c->tk[k].f & TK_ALLCAP) ||
		    (last != SIZE_MAX && (c->tk[k].f & TK_NUM) && tk_len(c, k) <= 2)) {
			last = k;
			conns = 0;
			k++;
			continue;
		}
		if (allow_lower_town && last == SIZE_MAX && (c->tk[k].f & TK_LOWER)) {
			uint32_t fl;
			size_t e = town_at(c, k, &fl);
			if (e != SIZE_MAX && !(fl & LX_WORD)) {
				last = e;
				k = e + 1;
				continue;
			}
		}
		/* "rémission clinique sous Stelara": a name opens on a capital or an article ("de la",
		 * "d'"), never on "sous", "sur", "en", "et" ("Saint-Martin-sur-Oust" has its name
		 * before) */
		if (last == SIZE_MAX && (tk_eq(c, k, "sous") || tk_eq(c, k, "sur") || tk_eq(c, k, "en") ||
					 tk_eq(c, k, "et") || tk_eq(c, k, "and") || tk_eq(c, k, "lez")))
			break;
		if ((tk_ch(c, k, '-') && tk_glued(c, k) && last != SIZE_MAX) || (connector(c, k) && conns < 3)) {
			/* "Saint-Jean", "de la", "d'": continue only if a name follows */
			conns++;
			k++;
			continue;
		}
		if (tk_eq(c, k, "saint") || tk_eq(c, k, "sainte") || tk_eq(c, k, "st") || tk_eq(c, k, "ste")) {
			k++;
			continue;
		}
		if (last != SIZE_MAX && (c->tk[k].f & TK_LOWER) && tk_glued(c, k - 1) && tk_ch(c, k - 1, '-')) {
			last = k; /* "Necker-Enfants-malades" */
			k++;
			continue;
		}
		if (last != SIZE_MAX && (tk_eq(c, k, "malades") || tk_eq(c, k, "enfants")) && conns == 0) {
			last = k;
			k++;
			continue;
		}
		break;
	}
	return last;
}

/* French order: head noun then name ("CHU de Nantes", "clinique Saint-Jean"). */
static int hospital_fr(struct pctx *c, size_t i)
{
	size_t head_end = SIZE_MAX;
	/* multi-word heads: "centre hospitalier (universitaire)", "maison de santé" (whose
	 * first word alone is no head, but is marked as the prefix of a listed phrase) */
	if (!(c->tk[i].lex & (LX_HOSP | LX_TOWNPFX)))
		return 0;
	/* phrases only from a word that starts one (a flag of the lexicon) */
	for (size_t n = (c->tk[i].lex2 & LX2_HOSP_P) ? 4 : 1; n >= 2; n--) {
		if (i + n - 1 < c->n_tk && (tk_lex_phrase(c, i, n) & LX_HOSP)) {
			head_end = i + n - 1;
			break;
		}
	}
	if (head_end == SIZE_MAX) {
		if (!(c->tk[i].lex & LX_HOSP))
			return 0;
		head_end = i;
	}
	/* "maison médicale Jeanne Garnier", "hôpital européen Georges-Pompidou", "centre
	 * chirurgical Marie Lannelongue": one adjective between the head and the name */
	static const char *const adj[] = {"medical", "medicale", "chirurgical", "chirurgicale",
					  "europeen", "europeenne", "universitaire", "prive", "privee",
					  "psychiatrique", "pediatrique", "mutualiste", "regional",
					  "regionale", "departemental", "departementale", "intercommunal",
					  "intercommunale", "militaire", "specialise", "specialisee",
					  "americain", "international", "internationale", "geriatrique",
					  "gerontologique", "hospitalier", "hospitaliere", "cardiologique",
					  "neurologique", "oncologique", "medico", NULL};
	if (tk_eq_any(c, head_end + 1, adj) && (c->tk[head_end + 1].f & TK_LOWER) && cap_word(c, head_end + 2))
		head_end++;
	size_t last = name_after(c, head_end + 1, 1);
	int strong_head = tk_eq(c, i, "chu") || tk_eq(c, i, "chr") || tk_eq(c, i, "chru") ||
			  tk_eq(c, i, "clinique") || tk_eq(c, i, "hopital") || tk_eq(c, i, "polyclinique") ||
			  tk_eq(c, i, "ch") || tk_eq(c, i, "ehpad") || tk_eq(c, i, "institut") ||
			  tk_eq(c, i, "centre") || tk_eq(c, i, "maternite") || tk_eq(c, i, "ghu") ||
			  tk_eq(c, i, "gh") || tk_eq(c, i, "chi");
	if (last == SIZE_MAX)
		last = priv_lower_hospital_name(c, i, head_end);
	if (last == SIZE_MAX) {
		/* "CHU Bordeaux", uppercase head already names a place when a town follows */
		return 0;
	}
	/* "hôpital Necker" is the place; for generic heads ("gare", "métro", "pharmacie")
	 * the name is still what locates */
	(void)strong_head;
	if (tk_eq(c, i, "ch") && !(c->tk[i].f & TK_ALLCAP))
		return 0;
	priv_add_tok(c, i, last, ENT_PRIV_LOCATION, 0.85f, "hospital");
	return 1;
}

/* English order: name then head noun ("Royal Free Hospital", "St Thomas' Hospital",
 * "Leeds Teaching Hospitals NHS Trust"); triggered on the head. */
static int hospital_en_head(struct pctx *c, size_t i);

static int hospital_en(struct pctx *c, size_t i)
{
	if (!(c->tk[i].f & (TK_CAP | TK_ALLCAP)) || !(c->tk[i].f & TK_WORD))
		return 0;
	/* what the head's look-ups need: a word that is a head or starts one (most words are
	 * neither; the rest is a function of its own, whose stack canary they skip) */
	if (!((c->tk[i].lex2 & LX2_HOSP_EN_P) | (c->tk[i].lex & LX_HOSP_EN)))
		return 0;
	return hospital_en_head(c, i);
}

/* hospital_en from the head's look-ups on. */
static __attribute__((noinline)) int hospital_en_head(struct pctx *c, size_t i)
{
	/* multi-word heads first: "Medical Centre", "NHS Foundation Trust" (only from a word that
	 * starts one) */
	size_t n = (c->tk[i].lex2 & LX2_HOSP_EN_P) ? 3 : 1;
	while (n >= 2 && !(tk_lex_phrase(c, i, n) & LX_HOSP_EN))
		n--;
	if (n < 2 && !(c->tk[i].lex & LX_HOSP_EN))
		return 0;
	size_t head_last = n >= 2 ? i + n - 1 : i;
	size_t first = SIZE_MAX;
	for (size_t k = i; k-- > 0 && i - k < 10;) {
		const struct ptok *t = &c->tk[k];
		/* a line break ends the name, before or after what an earlier pass took
		 * ("DOB: 19/08/1966\nHospital no: ...": the date is no hospital's) */
		if (c->tk[k + 1].f & TK_NL)
			break;
		if (t->f & TK_CLAIMED) {
			if ((t->f & (TK_WORD | TK_DIGIT)) == TK_WORD) /* "Leeds" already a town: take it in */
				first = k;
			break;
		}
		if ((t->f & TK_WORD) && (t->f & (TK_CAP | TK_ALLCAP)) && !(t->lex & (LX_STOPEN | LX_MONTH | LX_DAY))) {
			first = k;
			continue;
		}
		if (tk_apos(c, k) || tk_eq(c, k, "s") || tk_ch(c, k, '&') || tk_eq(c, k, "and") ||
		    tk_eq(c, k, "of") || tk_ch(c, k, '-') ||
		    (tk_ch(c, k, '.') && k > 0 && (tk_eq(c, k - 1, "st") || tk_eq(c, k - 1, "mt")))) {
			continue;
		}
		break;
	}
	size_t last = head_last;
	/* "NHS Foundation Trust" after the head, and "Hospital of St Cross" */
	for (size_t k = head_last + 1; k < c->n_tk && k < head_last + 4; k++) {
		if ((c->tk[k].f & TK_WORD) && (c->tk[k].lex & LX_HOSP_EN) && (c->tk[k].f & (TK_CAP | TK_ALLCAP)))
			last = k;
		else if (!(tk_eq(c, k, "nhs") || tk_eq(c, k, "foundation")))
			break;
	}
	if (tk_eq(c, last + 1, "of") && cap_word(c, last + 2)) {
		size_t e = name_after(c, last + 2, 0);
		if (e != SIZE_MAX)
			last = e;
	} else if (cap_word(c, last + 1) && (c->tk[last + 1].f & TK_SP) && !(c->tk[last + 1].f & TK_NL)) {
		/* "Queen's Hospital Romford", "Children's Hospital Colorado": the town after */
		uint32_t fl;
		size_t e = town_at(c, last + 1, &fl);
		/* ... a region, or a proper noun of no list ("Romford") */
		uint32_t f1 = c->tk[last + 1].lex;
		if (e == SIZE_MAX && !(f1 & (LX_WORD | LX_GIVEN | LX_PATR | LX_NOTNAME | LX_HOSP_EN)) &&
		    tk_len(c, last + 1) >= 4)
			e = last + 1;
		if (e != SIZE_MAX)
			last = e;
	}
	if (first == SIZE_MAX) {
		if (last == head_last)
			return 0;
		first = i;
	}
	/* "the Hospital" alone, or a head that only follows a greeting, is not a name */
	if (first == i && last == head_last)
		return 0;
	/* the span starts with a word, never an apostrophe */
	while (first < i && !(c->tk[first].f & TK_WORD))
		first++;
	priv_add_tok(c, first, last, ENT_PRIV_LOCATION, 0.8f, "hospital");
	return 1;
}

/* ", IL 62701", ", TX": a US state code and ZIP after a town. Returns the new last token. */
static size_t us_state_tail(const struct pctx *c, size_t j)
{
	static const char states[] = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI "
				     "MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT "
				     "VT VA WA WV WI WY DC ";
	size_t k = j + 1;
	if (!tk_ch(c, k, ',') || !tk_is(c, k + 1, TK_ALLCAP) || tk_len(c, k + 1) != 2 || !tk_free(c, k + 1))
		return j;
	char code[4] = {c->t[c->tk[k + 1].s], c->t[c->tk[k + 1].s + 1], ' ', 0};
	if (!strstr(states, code))
		return j;
	j = k + 1;
	if (tk_is(c, j + 1, TK_NUM) && tk_len(c, j + 1) == 5 && tk_free(c, j + 1))
		j++;
	return j;
}

/* UK postcode at token i: outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code
 * (9AA). It takes tokens i and i + 1. */
static int uk_postcode_at(const struct pctx *c, size_t i)
{
	if (i + 1 >= c->n_tk || (c->tk[i].f & (TK_DIGIT | TK_ALPHA)) != (TK_DIGIT | TK_ALPHA) ||
	    (c->tk[i].f & (TK_LOWER | TK_CLAIMED)))
		return 0;
	const char *s = c->t + c->tk[i].s;
	size_t n = tk_len(c, i);
	if (n < 2 || n > 4 || s[0] < 'A' || s[0] > 'Z' || !(c->tk[i + 1].f & TK_SP) || tk_len(c, i + 1) != 3)
		return 0;
	const char *q = c->t + c->tk[i + 1].s;
	int out_ok = priv_shape(s, n, "A9") || priv_shape(s, n, "A99") || priv_shape(s, n, "AA9") ||
		     priv_shape(s, n, "AA99") || priv_shape(s, n, "A9A") || priv_shape(s, n, "AA9A");
	return out_ok && q[0] >= '0' && q[0] <= '9' && q[1] >= 'A' && q[1] <= 'Z' && q[2] >= 'A' && q[2] <= 'Z';
}

/* ", Apt 3B", ", Suite 200", ", Flat 2", " #4": a unit within a building. Returns the new
 * last token. */
static size_t unit_tail(const struct pctx *c, size_t j)
{
	static const char *const units[] = {"apt", "apartment", "suite", "unit", "flat", "bldg",
					    "building", "appt", "appartement", "bat", "batiment",
					    "etage", NULL};
	static const char *const bld[] = {"bat", "batiment", "building", "bldg", "block", "escalier", "esc",
					  "entree", "tour", NULL};
	size_t k = j + 1;
	if (tk_ch(c, k, ','))
		k++;
	if (tk_eq_any(c, k, units) && tk_is(c, k + 1, TK_DIGIT) && !tk_is(c, k + 1, TK_CLAIMED))
		return k + 1;
	/* "Résidence Les Pins, bât C, 31400 Toulouse", "escalier B", "Bât. A", "esc. B": a
	 * building's letter */
	size_t d = tk_ch(c, k + 1, '.') && tk_glued(c, k) ? k + 2 : k + 1;
	if (tk_eq_any(c, k, bld) && d < c->n_tk && tk_len(c, d) == 1 && tk_is(c, d, TK_CAP) &&
	    !tk_is(c, d, TK_CLAIMED) && (c->tk[d].f & TK_SP))
		return d;
	if (tk_ch(c, k, '#') && tk_is(c, k + 1, TK_DIGIT) && tk_glued(c, k))
		return k + 1;
	return j;
}

/* Postcode and town after a street: ", 75013 Paris", ", Leeds LS1 4AP". */
static size_t address_tail(const struct pctx *c, size_t j)
{
	static const char *const w_on[] = {"on", "upon", "under", "in", "le", NULL};
	j = unit_tail(c, j);
	size_t k = j + 1;
	if (tk_ch(c, k, ','))
		k++;
	long v = tk_num(c, k);
	if (tk_len(c, k) == 5 && v >= 0 && priv_is_postcode_fr((unsigned)v) && !tk_is(c, k, TK_CLAIMED)) {
		size_t e = k;
		uint32_t fl;
		size_t t = town_at(c, k + 1, &fl);
		if (t != SIZE_MAX)
			e = t;
		else if (cap_word(c, k + 1) || tk_is(c, k + 1, TK_ALLCAP))
			e = name_after(c, k + 1, 0);
		if (e == SIZE_MAX)
			e = k;
		return e;
	}
	uint32_t fl;
	size_t t = town_at(c, k, &fl);
	if (t != SIZE_MAX && k != j + 1) {
		/* "Southend-on-Sea SS2 6EB", "Leeds, LS1 4AP" */
		while (t + 4 < c->n_tk && tk_ch(c, t + 1, '-') && tk_glued(c, t) && tk_glued(c, t + 1) &&
		       tk_eq_any(c, t + 2, w_on) &&
		       tk_ch(c, t + 3, '-') && tk_glued(c, t + 2) && tk_glued(c, t + 3) && tk_is(c, t + 4, TK_CAP))
			t += 4;
		size_t pc = tk_ch(c, t + 1, ',') ? t + 2 : t + 1;
		if (uk_postcode_at(c, pc))
			return pc + 1;
		return us_state_tail(c, t);
	}
	/* "5 Mimosa Close, Sale, M33 4PQ": an unlisted town of one word before a UK postcode */
	if (k != j + 1 && k < c->n_tk && cap_word(c, k) && !(c->tk[k].f & TK_NL)) {
		size_t pc = tk_ch(c, k + 1, ',') ? k + 2 : k + 1;
		if (uk_postcode_at(c, pc))
			return pc + 1;
	}
	/* "123 Main St, Springfield, IL 62701": an unlisted town followed by a state */
	if (k != j + 1 && cap_word(c, k) && us_state_tail(c, k) != k)
		return us_state_tail(c, k);
	return j;
}

/* "Flat 2, 9 Victoria Avenue": a unit before the street number belongs to the address.
 * Returns the first token. */
static size_t unit_before(const struct pctx *c, size_t num)
{
	static const char *const w_flat[] = {
		"flat", "apt", "apartment", "unit", "suite", "appt", "appartement", NULL
	};
	size_t k = num;
	if (k >= 1 && tk_ch(c, k - 1, ','))
		k--;
	if (k >= 2 && tk_is(c, k - 1, TK_DIGIT) && !tk_is(c, k - 1, TK_CLAIMED) &&
	    tk_eq_any(c, k - 2, w_flat))
		return k - 2;
	/* "Flat 3, Pine Court, 14 Elm Road": the number was the flat's */
	if (num >= 1 && tk_eq_any(c, num - 1, w_flat) && !tk_is(c, num - 1, TK_CLAIMED) && (c->tk[num].f & TK_SP))
		return num - 1;
	return num;
}

/* A street number: digits, with one letter ("221B") or "bis"/"ter" glued; not a dose ("5mg bd.
 * Bleep 3318": "bd" is twice a day there, not a boulevard). */
static int street_number(const struct pctx *c, size_t i)
{
	size_t b = c->tk[i].s;
	while (b < c->tk[i].e && c->t[b] >= '0' && c->t[b] <= '9')
		b++;
	size_t letters = c->tk[i].e - b;
	return letters <= 1 || (letters == 3 && (!strncasecmp(c->t + b, "bis", 3) || !strncasecmp(c->t + b, "ter", 3)));
}

/* "bd" with no number before it names a boulevard ("bd. Voltaire", "Bd Haussmann") in French,
 * not after a dose ("5mg bd", "500 mg bd": twice a day), nor in lowercase in English. */
static int bd_street(const struct pctx *c, size_t k)
{
	static const char *const units[] = {"mg", "ml", "g", "mcg", "ug", "microgram", "micrograms", "tab",
					    "tabs", "caps", "puffs", NULL};
	size_t p = tk_prev_word(c, k, 1);
	if (p != SIZE_MAX && ((c->tk[p].f & TK_DIGIT) || tk_eq_any(c, p, units)))
		return 0;
	return c->lang != ENT_PRIV_EN || !(c->tk[k].f & TK_LOWER);
}

/* "12 rue de la Paix", "3 bis avenue Victor-Hugo", "rue des Lilas", "221B Baker Street". */
static int street(struct pctx *c, size_t i)
{
	size_t k = i, num = SIZE_MAX;
	if ((c->tk[i].f & TK_DIGIT) && tk_len(c, i) <= 5 && street_number(c, i)) {
		num = i;
		k = i + 1;
		if (tk_eq(c, k, "bis") || tk_eq(c, k, "ter"))
			k++;
		if (tk_ch(c, k, ','))
			k++;
	}
	if (k < c->n_tk && (c->tk[k].lex & LX_STREET) && tk_free(c, k) &&
	    !(tk_eq(c, k, "place") && num == SIZE_MAX && !(c->tk[k].f & TK_CAP)) &&
	    !(tk_eq(c, k, "cours") && num == SIZE_MAX) && !(tk_eq(c, k, "voie") && num == SIZE_MAX) &&
	    !(tk_eq(c, k, "passage") && num == SIZE_MAX) && !(tk_eq(c, k, "route") && num == SIZE_MAX) &&
	    !(num == SIZE_MAX && tk_eq(c, k, "bd") && !bd_street(c, k))) {
		size_t after = k + 1;
		if (tk_ch(c, after, '.') && tk_glued(c, k))
			after++; /* "av. de la République", "bd. Voltaire" */
		size_t last = name_after(c, after, 0);
		if (last == SIZE_MAX && num != SIZE_MAX) {
			/* lowercase street names in SMS spelling: "12 rue des lilas" */
			size_t q = after, words = 0;
			while (q < c->n_tk && words < 4 && (c->tk[q].f & TK_LOWER) && !(c->tk[q].f & TK_CLAIMED)) {
				last = q++;
				words++;
			}
		}
		if (last == SIZE_MAX)
			return 0;
		size_t e = address_tail(c, last);
		priv_add_tok(c, num != SIZE_MAX ? unit_before(c, num) : k, e, ENT_PRIV_LOCATION,
			     num != SIZE_MAX ? 0.9f : 0.75f, "address");
		return 1;
	}
	if (num != SIZE_MAX && cap_word(c, k)) {
		/* English: number, capitalised words, street type */
		size_t q = k;
		while (q < c->n_tk && q < k + 5 && cap_word(c, q) && !(c->tk[q].lex & LX_STREET_EN))
			q++;
		if (q < c->n_tk && q > k && (c->tk[q].lex & LX_STREET_EN) && (c->tk[q].f & TK_CAP) && tk_free(c, q)) {
			size_t e = q;
			if (tk_ch(c, e + 1, '.') && tk_glued(c, e))
				e++;
			e = address_tail(c, e);
			priv_add_tok(c, unit_before(c, num), e, ENT_PRIV_LOCATION, 0.85f, "address");
			return 1;
		}
		/* no street type: "to 22 Kingsway, London": after a place word, names no dictionary
		 * knows, then a comma and a listed town */
		size_t pw = tk_prev_word(c, num, 1);
		if (q > k && q <= k + 2 && tk_ch(c, q, ',') && tk_is(c, q + 1, TK_CAP) &&
		    tk_lex(c, q + 1, LX_TOWN | LX_CITY) && pw != SIZE_MAX &&
		    (tk_lex(c, pw, LX_LOCPREP) || tk_eq(c, pw, "address") || tk_eq(c, pw, "adresse"))) {
			for (size_t w = k; w < q; w++)
				if (c->tk[w].lex & (LX_WORD | LX_GIVEN | LX_MONTH | LX_DAY | LX_NOTNAME | LX_EPONYM))
					return 0;
			priv_add_tok(c, num, q - 1, ENT_PRIV_LOCATION, 0.7f, "address");
			return 1;
		}
	}
	return 0;
}

/* "Baker Street", "Abbey Road" without a number (capitalised, long street types only). */
static int street_en(struct pctx *c, size_t i)
{
	if (!cap_word(c, i) || (c->tk[i].lex & (LX_STREET_EN | LX_NOTNAME)))
		return 0;
	size_t q = i;
	while (q < c->n_tk && q < i + 4 && cap_word(c, q) && !(c->tk[q].lex & LX_STREET_EN))
		q++;
	if (q == i || !tk_free(c, q) || !(c->tk[q].f & TK_CAP))
		return 0;
	static const char *const heads[] = {"street", "road", "avenue", "lane", "drive", "close",
					    "crescent", "terrace", "gardens", "grove", "mews",
					    "boulevard", "parade", NULL};
	if (!tk_eq_any(c, q, heads))
		return 0;
	if (tk_sentence_start(c, i) && (c->tk[i].lex & LX_WORD))
		return 0;
	priv_add_tok(c, i, address_tail(c, q), ENT_PRIV_LOCATION, 0.75f, "address");
	return 1;
}

/* French postcode with its town ("75013 Paris", "13008 Marseille") and UK postcodes. */
static int postcode(struct pctx *c, size_t i)
{
	if ((c->tk[i].f & TK_NUM) && tk_len(c, i) == 5) {
		long v = tk_num(c, i);
		if (!priv_is_postcode_fr((unsigned)v))
			return 0;
		size_t p = tk_prev_word(c, i, 1);
		int labelled = p != SIZE_MAX && (tk_eq(c, p, "postal") || tk_eq(c, p, "cp") ||
						 tk_eq(c, p, "zip") || tk_eq(c, p, "postcode"));
		uint32_t fl;
		size_t t = town_at(c, i + 1, &fl);
		if (t == SIZE_MAX && cap_word(c, i + 1) && !(c->tk[i + 1].lex & LX_WORD))
			t = name_after(c, i + 1, 0);
		if (t == SIZE_MAX && !labelled) {
			/* "Paris 75013" / "à Lyon, 69003" */
			if (!(i > 0 && tk_is(c, p, TK_CLAIMED) && p + 2 >= i))
				return 0;
			t = i;
		}
		if (t == SIZE_MAX)
			t = i;
		priv_add_tok(c, i, t, ENT_PRIV_LOCATION, 0.85f, "postcode");
		return 1;
	}
	if (uk_postcode_at(c, i)) {
		priv_add_tok(c, i, i + 1, ENT_PRIV_LOCATION, 0.9f, "postcode_uk");
		return 1;
	}
	/* "75013Paris": a French postcode glued to a capitalised town (priv_place_reg.c) */
	if (!(c->tk[i].f & TK_NUM) && c->tk[i].flen >= 8)
		return priv_glued_postcode(c, i);
	return 0;
}

static int town(struct pctx *c, size_t i)
{
	static const char *const w_on2[] = {
		"on", "upon", "under", "sur", "en", "les", "le", "la", "de", "in", NULL
	};
	const struct ptok *t = &c->tk[i];
	if (!(t->lex & (LX_TOWN | LX_CITY | LX_TOWNPFX)))
		return 0;
	uint32_t fl;
	size_t j = town_at(c, i, &fl);
	if (j == SIZE_MAX)
		return 0;
	int cap = (t->f & TK_CAP) != 0;
	int prep = loc_prep_before(c, i);
	int single = j == i;
	uint32_t f1 = t->lex;
	if (f1 & (LX_REGION | LX_MONTH | LX_DAY) && single)
		return 0;
	/* "Dr de La Tour": a particle after a title makes it a person */
	size_t pw = tk_prev_word(c, i, 1);
	size_t pp = pw != SIZE_MAX ? tk_prev_word(c, pw, 1) : SIZE_MAX;
	if (pp != SIZE_MAX && (tk_eq(c, pw, "de") || tk_eq(c, pw, "du")) && (c->tk[pp].lex & LX_TITLE) &&
	    (c->tk[pp].f & TK_CAP))
		return 0;
	/* "Inès Moulay": a town's name right after a first name is the surname */
	if (i >= 1 && (t->f & TK_CAP) && (c->tk[i].f & TK_SP) && !(c->tk[i].f & TK_NL) &&
	    (c->tk[i - 1].f & (TK_CAP | TK_ALLCAP | TK_CLAIMED)) == TK_CAP && (c->tk[i - 1].lex & LX_PRN) &&
	    !(c->tk[i - 1].lex & (LX_WFR | LX_TOWN | LX_CITY | LX_LOCPREP | LX_STREET | LX_HOSP | LX_TITLE)) &&
	    !(f1 & LX_CITY) && j == i)
		return 0;
	/* "Élodie Marchetti-Lunel": the second half of a hyphenated word is no town on its own
	 * (a town written with a hyphen, "Villeneuve-d'Ascq", was taken from its first word) */
	if (i >= 2 && tk_ch(c, i - 1, '-') && tk_glued(c, i - 2) && tk_glued(c, i - 1) &&
	    (c->tk[i - 2].f & TK_WORD))
		return 0;
	if (!cap) {
		/* lowercase "j'habite a nantes": only after a place word (or an article after one,
		 * "at the royal marsden", "à la timone": priv_lower_town_article), and not an
		 * ordinary word unless the text's language has no such word or it is a listed city
		 * or hospital that the clause leaves alone (priv_lower_town_word); no town opening
		 * on a short word ("dans la salle", "à l'hôpital") but a listed one ("la timone") */
		if (!prep && !(prep = priv_lower_town_article(c, i, j, fl)))
			return 0;
		if ((single && (fl & (LX_STOPFR | LX_STOPEN))) || (tk_len(c, i) < 4 && !(fl & LX_CITY)) ||
		    (single && (fl & LX_WORD) && !priv_dwell_town(c, i) && !priv_lower_town_word(c, i, fl)))
			return 0;
	} else if (single) {
		int word = (fl & LX_WORD) != 0;
		int person = (fl & (LX_PRN | LX_HN | LX_PATR)) != 0;
		int sent = tk_sentence_start(c, i);
		if ((t->f & TK_ALLCAP) && !prep)
			return 0;
		if ((fl & LX_CITY) && !word)
			person = 0; /* "Birmingham", "Lincoln": the listed city wins */
		/* "in Nice or Cannes": a town that is a word, joined by "or" / "and" to a town just
		 * taken, is read as that one was (not a person: "in Paris and Grace came") */
		int coord = pw != SIZE_MAX && pp != SIZE_MAX && pp + 2 == i &&
			    (tk_eq(c, pw, "or") || tk_eq(c, pw, "and") || tk_eq(c, pw, "ou") || tk_eq(c, pw, "et")) &&
			    (c->tk[pp].f & TK_CLAIMED) && tk_lex(c, pp, LX_TOWN | LX_CITY);
		if (((word && !coord) || person || (fl & LX_NOTNAME)) && !prep)
			return 0;
		if (sent && !prep && (fl & (LX_CAPEN | LX_NPR)) == 0 && !(fl & LX_CITY))
			return 0;
		if (word && prep && (fl & LX_NOTNAME))
			return 0;
		/* "chez Nancy", "avec Albert": at someone's, with someone; never a town */
		if (pw != SIZE_MAX && (((fl & (LX_PRN | LX_PATR | LX_HN)) && tk_eq(c, pw, "chez")) ||
				       ((fl & LX_PRN) && tk_eq(c, pw, "avec"))))
			return 0;
		/* "Léon Marchal": a town that is also a given name, followed by a surname */
		size_t pv = tk_prev_word(c, i, 1);
		int weak = !prep || (pv != SIZE_MAX && (tk_eq(c, pv, "de") || tk_eq(c, pv, "d") ||
							tk_eq(c, pv, "du") || tk_eq(c, pv, "of")));
		if ((fl & LX_PRN) && weak && tk_is(c, i + 1, TK_CAP) && tk_is(c, i + 1, TK_SP) &&
		    !tk_is(c, i + 1, TK_ALLCAP | TK_NL) && tk_lex(c, i + 1, LX_PATR | LX_HN) &&
		    !tk_lex(c, i + 1, LX_WORD | LX_TOWN | LX_CITY | LX_HOSP | LX_HOSP_EN | LX_STREET |
					 LX_STREET_EN | LX_REGION))
			return 0;
		/* "Marie-Lourdes", "MARIE-JOSÉE": a given name joined to another is a compound one */
		if ((fl & LX_PRN) && tk_ch(c, i + 1, '-') && tk_glued(c, i) && tk_glued(c, i + 1) &&
		    (c->tk[i + 2 < c->n_tk ? i + 2 : i].f & (TK_CAP | TK_ALLCAP)) && tk_lex(c, i + 2, LX_PRN | LX_NPR | LX_FIRSTNAME))
			return 0;
		/* "Je suis Lourdes, 41 ans": a self-introduction makes it a person */
		if ((fl & LX_GIVEN) && pn_intro_before(c, i))
			return 0;
		/* "maladie de Verneuil", "syndrome de Gilles de la Tourette": a disease named
		 * after a person (a disease's word before "de", or particles and an eponym after) */
		if ((f1 & LX_EPONYM) && pp != SIZE_MAX && (c->tk[pp].lex & LX_MEDCTX) &&
		    (tk_eq(c, pw, "de") || tk_eq(c, pw, "d")))
			return 0;
		if (pn_eponym_particles(c, i))
			return 0;
		/* "Dr Laval", "Mme Nancy": a title makes it a person */
		size_t p = tk_prev_word(c, i, 1);
		if (p != SIZE_MAX && (c->tk[p].lex & LX_TITLE) && !(c->tk[p].lex & LX_LOCPREP))
			return 0;
	}
	/* "Les salles d'attente me rendent anxieuse": a town's name opening on an article (Les
	 * Salles) with a word of the language in lowercase after it (not a particle: "La
	 * Roche-sur-Yon", "Les Sables-d'Olonne"), and no place word before, is the phrase; not a
	 * big city (LX_CITY; the French gazetteer has no such flag, hence "Le havre me manque",
	 * "Le mans c'est à 2h" by hand) nor a name of three words or more ("Les sables d'olonne"),
	 * which a phrase does not open on */
	static const char *const art_cities[] = {"havre", "mans", NULL};
	size_t nw = 0;
	for (size_t k = i; k <= j && !single; k++)
		nw += (c->tk[k].f & TK_WORD) != 0;
	if (cap && !single && !prep && (f1 & (LX_STOPFR | LX_STOPEN)) && !(fl & LX_CITY) && nw < 3 &&
	    !(nw == 2 && tk_eq_any(c, i + 1, art_cities)))
		for (size_t k = i + 1; k <= j; k++)
			if ((c->tk[k].f & TK_LOWER) && (c->tk[k].lex & LX_WORD) && tk_len(c, k) >= 3 &&
			    !(c->tk[k].lex & (LX_STOPFR | LX_STOPEN)))
				return 0;
	j = arrondissement(c, j);
	/* "Stoke-on-Trent", "Newcastle-upon-Tyne", "Saint-Martin-sur-Oust" */
	while (j + 4 < c->n_tk && tk_ch(c, j + 1, '-') && tk_glued(c, j) && tk_glued(c, j + 1) &&
	       tk_eq_any(c, j + 2, w_on2) &&
	       tk_ch(c, j + 3, '-') && tk_glued(c, j + 2) && tk_glued(c, j + 3) && tk_is(c, j + 4, TK_CAP))
		j += 4;
	j = us_state_tail(c, j);
	/* "à la timone", "DE LA PITIE": a hospital of the hand list is named without its article
	 * (the hand list's big cities hold none: French towns, "La Baule", keep theirs) */
	if ((!cap || (t->f & TK_ALLCAP)) && j > i && (fl & LX_CITY) && tk_eq(c, i, "la") &&
	    (i = priv_la_hospital(c, i, j)) == SIZE_MAX)
		return 0;
	priv_add_tok(c, i, j, ENT_PRIV_LOCATION, cap ? 0.8f : 0.6f, "town");
	return 1;
}

/* "in Leamington", "from Wigan": a proper noun that is no ordinary word after a place
 * preposition, for English towns missing from the lists. */
static int town_context(struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	if (!(t->f & TK_CAP) || (t->f & TK_ALLCAP) || tk_sentence_start(c, i))
		return 0;
	/* "at Guy's" (priv_place_reg.c; an apostrophe glued after it first) */
	if (tk_apos(c, i + 1) && priv_named_possessive(c, i))
		return 1;
	if (t->lex & (LX_WORD | LX_GIVEN | LX_PATR | LX_REGION | LX_MONTH | LX_DAY | LX_NOTNAME |
		      LX_EPONYM | LX_TITLE | LX_STOPEN | LX_STOPFR | LX_HOSP | LX_HOSP_EN))
		return 0;
	size_t p = tk_prev_word(c, i, 0);
	if (p == SIZE_MAX || !(tk_eq(c, p, "in") || tk_eq(c, p, "from") || tk_eq(c, p, "near") ||
			       tk_eq(c, p, "a") || tk_eq(c, p, "habite") || tk_eq(c, p, "vers") ||
			       tk_eq(c, p, "pres")))
		return 0;
	/* a proper noun of the word lists, or a word no list knows */
	if (!(t->lex & (LX_CAPEN | LX_NPR)) && t->lex)
		return 0;
	if (tk_is(c, i + 1, TK_WORD) && (c->tk[i + 1].f & TK_CAP) && tk_glued(c, i) == 0 &&
	    (c->tk[i + 1].lex & LX_HOSP_EN))
		return 0; /* left for the hospital recogniser */
	priv_add_tok(c, i, i, ENT_PRIV_LOCATION, 0.5f, "town_context");
	return 1;
}

/* "Royal Oldham", "Salford Royal", "Southampton General": a town with "Royal" or "General"
 * is a hospital in British usage. */
static int hospital_royal(struct pctx *c, size_t i)
{
	uint32_t fl;
	if (tk_eq(c, i, "royal") && (c->tk[i].f & TK_CAP) && cap_word(c, i + 1) && (c->tk[i + 1].f & TK_SP)) {
		size_t e = town_at(c, i + 1, &fl);
		/* "Royal Derby Hospital": left to the head noun */
		if (e != SIZE_MAX && !(tk_is(c, e + 1, TK_CAP) && tk_lex(c, e + 1, LX_HOSP_EN))) {
			priv_add_tok(c, i, e, ENT_PRIV_LOCATION, 0.7f, "hospital");
			return 1;
		}
		return 0;
	}
	if (!cap_word(c, i) || !(c->tk[i].lex & (LX_TOWN | LX_CITY | LX_TOWNPFX)))
		return 0;
	size_t e = town_at(c, i, &fl);
	if (e == SIZE_MAX || !(c->tk[e + 1 < c->n_tk ? e + 1 : e].f & TK_SP) || e + 1 >= c->n_tk ||
	    !(c->tk[e + 1].f & TK_CAP) || !(tk_eq(c, e + 1, "royal") || tk_eq(c, e + 1, "general")))
		return 0;
	if (tk_is(c, e + 2, TK_CAP) && tk_lex(c, e + 2, LX_HOSP_EN))
		return 0; /* "Leeds General Infirmary": left to the head noun */
	priv_add_tok(c, i, e + 1, ENT_PRIV_LOCATION, 0.7f, "hospital");
	return 1;
}

/* "Royal Children's", "Birmingham Children's", "Liverpool Women's", "Sick Kids": a children's or
 * women's hospital named without its head noun ("Birmingham Children's Hospital" is left to the
 * head noun). */
static int hospital_children(struct pctx *c, size_t i)
{
	if (tk_eq(c, i, "sick") && tk_eq(c, i + 1, "kids") && (c->tk[i + 1].f & TK_CAP) && (c->tk[i + 1].f & TK_SP)) {
		priv_add_tok(c, i, i + 1, ENT_PRIV_LOCATION, 0.7f, "hospital");
		return 1;
	}
	uint32_t fl;
	size_t e = tk_eq(c, i, "royal") ? i : town_at(c, i, &fl);
	if (e == SIZE_MAX || !(tk_eq(c, e + 1, "children") || tk_eq(c, e + 1, "women")) || !(c->tk[e + 1].f & TK_CAP) ||
	    !(c->tk[e + 1].f & TK_SP) ||
	    !tk_apos(c, e + 2) || !tk_glued(c, e + 1) || !tk_eq(c, e + 3, "s") || !tk_glued(c, e + 2) ||
	    (tk_is(c, e + 4, TK_CAP) && tk_lex(c, e + 4, LX_HOSP_EN)))
		return 0;
	priv_add_tok(c, i, e + 3, ENT_PRIV_LOCATION, 0.7f, "hospital");
	return 1;
}

/* "admitted to St Thomas' on Sunday", "Seen at St Mark's", "shes been in st james's": a saint's
 * name with its possessive after a place word is a hospital (St Thomas', St George's, St James's,
 * St Mark's), not the town St Thomas; not a feast, a plant, a church or a college ("on St
 * Patrick's Day", "on St John's wort", "at St Paul's Cathedral"). The apostrophe and "s" are
 * the name's. */
static int saint_possessive(struct pctx *c, size_t i)
{
	static const char *const not_hosp[] = {"day", "eve", "night", "wort", "church", "cathedral", "chapel",
					       "college", "school", "university", "abbey", "square", "park",
					       "road", "street", "place", "green", "feast", "parish", "ambulance",
					       "primary", "high", "junior", "infant", "infants", "rc", "ce",
					       "churchyard", "crescent", "avenue", "lane", "close", "drive",
					       "terrace", "harbour", "mass", "parade", "academy", "nursery", NULL};
	/* what says the sentence is about a church, a school or a charity ("went to St Andrew's for
	 * mass", "married at St Luke's", "during Lent at St Peter's we pray", "I work at St Mungo's,
	 * the homeless charity"); a list of words of care instead turned away ten hospitals of the
	 * tuning sets ("my endo at St Vincent's", "dialysis days at St George's") */
	static const char *const not_care[] = {"mass", "married", "marry", "wedding", "buried", "burial",
					       "funeral", "pray", "prayed", "prayers", "lent", "christening",
					       "christened", "baptism", "baptised", "baptized", "church", "choir",
					       "vicar", "priest", "parish", "charity", "school", "pupils", "teacher",
					       "confirmation", "communion", "congregation", NULL};
	size_t w = i + 1;
	if (tk_ch(c, w, '.') && tk_glued(c, i))
		w++;
	if (w + 1 >= c->n_tk || (c->tk[w].f & (TK_WORD | TK_ALPHA | TK_DIGIT | TK_CLAIMED | TK_SP)) !=
					  (TK_WORD | TK_ALPHA | TK_SP) ||
	    !tk_apos(c, w + 1) || !tk_glued(c, w))
		return 0;
	size_t e = w + 1; /* "St Thomas'" */
	if (tk_eq(c, w + 2, "s") && tk_glued(c, w + 1))
		e = w + 2;
	else if (c->t[c->tk[w].e - 1] != 's')
		return 0;
	/* both capitalised, or both lowercase in a text message */
	if (!(c->tk[i].f & TK_CAP) != !(c->tk[w].f & TK_CAP) || !loc_prep_before(c, i))
		return 0;
	if (e + 1 < c->n_tk && (c->tk[e + 1].f & TK_WORD) && tk_eq_any(c, e + 1, not_hosp))
		return 0;
	/* only after at/to/in/into ("near St Paul's", "around St Valentine's", "from St Ives'" are
	 * no stay; "in St Ives' harbour" is refused by its head), and nothing in the sentence
	 * says church, school or charity */
	size_t p = tk_prev_word(c, i, 1);
	if (!tk_eq(c, p, "at") && !tk_eq(c, p, "to") && !tk_eq(c, p, "in") && !tk_eq(c, p, "into"))
		return 0;
	size_t a = i, b = e + 1;
	while (a > 0 && !tk_sentence_start(c, a))
		a--;
	while (b < c->n_tk && !tk_sentence_start(c, b))
		b++;
	for (size_t k = a; k < b; k++)
		if ((c->tk[k].f & TK_WORD) && tk_eq_any(c, k, not_care))
			return 0;
	priv_add_tok(c, i, e, ENT_PRIV_LOCATION, 0.75f, "hospital");
	return 1;
}

void priv_find_places(struct pctx *c)
{
	/* heads first: a hospital's name may hold a town or a person's name. Each loop runs
	 * only when the text holds a word its recognisers start from: a number, a street type,
	 * a French head (or a town prefix, which starts "maison de santé"); an English head
	 * (or the first word of one), a town, an English street type */
	int first = (c->f_any & TK_DIGIT) || (c->lex_any & (LX_STREET | LX_HOSP | LX_TOWNPFX));
	int second = (c->lex_any & (LX_HOSP_EN | LX_TOWN | LX_CITY | LX_TOWNPFX | LX_STREET_EN)) ||
		     (c->lex2_any & LX2_HOSP_EN_P);
	/* each loop visits only the tokens its recognisers may start from (tk_next_any) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT) | PB_SET(PB_START));
	for (size_t i = tk_next_any(c, &wk, 0); first && i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_CLAIMED | TK_WORD)) != TK_WORD)
			continue;
		/* the first test of each, without the call: a number, a street type, a French
		 * head or the first word of one */
		if (((t->f & TK_DIGIT) || (t->lex & LX_STREET)) && street(c, i))
			continue;
		if ((t->f & TK_DIGIT) && postcode(c, i))
			continue;
		if ((t->lex & (LX_HOSP | LX_TOWNPFX)) && hospital_fr(c, i))
			continue;
	}
	wk = tk_walk_of(PB_SET(PB_CAPS));
	for (size_t i = tk_next_any(c, &wk, 0); second && i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		/* each of the three starts at a capitalised word */
		if ((c->tk[i].f & (TK_CLAIMED | TK_WORD)) != TK_WORD || !(c->tk[i].f & (TK_CAP | TK_ALLCAP)))
			continue;
		if (hospital_en(c, i) || hospital_royal(c, i) || street_en(c, i))
			continue;
		/* (its first test: "Children" or "Kids" two words on, without the call) */
		if (i + 1 < c->n_tk &&
		    (((c->tk[i + 1].flen == 8 || c->tk[i + 1].flen == 4) &&
		      (tk_eq(c, i + 1, "children") || tk_eq(c, i + 1, "kids") ||
		       (i + 2 < c->n_tk && tk_eq(c, i + 2, "children")))) ||
		     (c->tk[i + 1].flen == 5 && tk_eq(c, i + 1, "women"))) &&
		    hospital_children(c, i))
			continue;
	}
	wk = tk_walk_of(PB_SET(PB_TOWN) | PB_SET(PB_CAPS));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_WORD | TK_ALPHA)) != (TK_WORD | TK_ALPHA))
			continue;
		/* a listed town, or a capitalised word after a place word */
		if (!(c->tk[i].lex & (LX_TOWN | LX_CITY | LX_TOWNPFX)) && !(c->tk[i].f & TK_CAP))
			continue;
		if ((c->tk[i].flen == 2 || c->tk[i].flen == 5) && tk_fold(c, i)[0] == 's' &&
		    (tk_eq(c, i, "st") || tk_eq(c, i, "saint")) && saint_possessive(c, i))
			continue;
		if (town(c, i) || town_context(c, i))
			continue;
	}
}
