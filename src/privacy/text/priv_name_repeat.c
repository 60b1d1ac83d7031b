/*
 * priv_name_repeat.c - person names: a name found once is a name wherever the text repeats it.
 *
 * Posts name the same person several times, and only one mention may have the context the
 * rules need: "my friend Oluwaseun ("Seun") ... Over to you, Seun!", "twins, Zofia and Jan.
 * Jan is still in NICU", "ma fille Lou ... Lou a pleuré". After the rules, every free word
 * whose folded form is a word of a NAME span is reported too, unless its case or its place
 * says it is the ordinary word ("Hope Adebayo ... I hope"). Read by priv_find_names; see
 * priv_name.h. The same pass takes the first of two names joined by "ou" / "et" when only the
 * second was found ("c'est Moreau ou Morel ?": "moreau" is a French word too). And the rule
 * for a word listed right after a name ("Julie, Kélyan et Soën"), which a list of names
 * written after the first is found by.
 */
#include <string.h>

#include "privacy/text/priv_name.h"

/* At most this many distinct words of names are remembered; a text with more is a list, and
 * its repeats are found anyway by the rules that found the first ones. */
#define REPEAT_MAX 24

struct seen {
	size_t tok; /* a token of the name: its folded form is compared */
	int lower; /* the name was written in lowercase ("ma fille lea") */
	/* every mention found was a lowercase word of the language opening a sentence as a
	 * vocative ("rose, tu vas mieux ?", "grace u ok?"), which says little of the same word in
	 * lowercase elsewhere ("mon pull rose", "we said grace") */
	int opener;
};

/* "Julie, Kélyan et Soën": a capitalised unknown word listed right after a name. */
int pn_listed_after_name(const struct pctx *c, size_t i)
{
	const struct ptok *t = &c->tk[i];
	/* what is tested last, first: the span before is a name (most words stop here) */
	if ((t->f & (TK_ALLCAP | TK_DIGIT)) || c->n_sp == 0 || i < 2)
		return 0;
	/* "Merci @NeuroLaurenceD, Soizic et toute l'équipe": a handle heads the list as a name
	 * (found by the first pass: later passes may have added spans since) */
	const struct ent_priv_span *last = &c->sp[c->n_sp - 1];
	int handle = 0;
	if (last->type != ENT_PRIV_NAME) {
		if (!priv_has_punct(c, '@'))
			return 0;
		for (size_t s = c->n_sp; s-- > 0 && !handle;)
			if (c->sp[s].type == ENT_PRIV_CONTACT && c->sp[s].end == c->tk[i - 2].e &&
			    c->t[c->sp[s].start] == '@') {
				handle = 1;
				last = &c->sp[s];
			}
		if (!handle)
			return 0;
	}
	/* "Lizzie, Raj and Mo": a two-letter given name only after and/et */
	if (tk_len(c, i) < 3 && !(tk_len(c, i) == 2 && (t->f & TK_CAP) && (t->lex & LX_HN) && i >= 1 &&
				  (tk_eq(c, i - 1, "and") || tk_eq(c, i - 1, "et")) && !(t->lex & (LX_STOPFR | LX_STOPEN))))
		return 0;
	if (t->f & TK_LOWER) {
		/* the name before in lowercase: its last word, and its first letter ("Seo-yeon, née
		 * le 8 février" is a capitalised name whose last part is lowercase) */
		unsigned char first = (unsigned char)c->t[last->start];
		int lower_before = (c->tk[i - 2].f & TK_LOWER) && !(first >= 'A' && first <= 'Z');
		/* "maman de lou et jules": a lowercase given name listed after a lowercase name */
		/* ... or a nickname no list knows: "merci à Cathy, Martine et fafa" */
		/* ... or after a comma in a lowercase list: "merci à : titi, béa, jojo et manu" */
		int unknown = t->lex == 0 || ((t->lex & LX_HN) && !(t->lex & (LX_WORD | NOT_A_NAME | LX_NPR | LX_TOWN |
										 LX_CITY | LX_STOPFR | LX_STOPEN)));
		int nick = unknown && i >= 2 &&
			   (tk_eq(c, i - 1, "et") || tk_eq(c, i - 1, "and") ||
			    (tk_ch(c, i - 1, ',') && lower_before && tk_len(c, i) >= 3 &&
			     /* (not an SMS verb: "jsuis anthony, jhabite roubaix") */
			     !(tk_fold(c, i)[0] == 'j' && strchr("bcdfghklmnpqrstvwxz", tk_fold(c, i)[1])) &&
			     /* the list goes on or ends after it ("avec lea, tkt c rien" is no list) */
			     (i + 1 >= c->n_tk || tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, '&') || tk_ch(c, i + 1, '.') ||
			      tk_ch(c, i + 1, '!') || tk_eq(c, i + 1, "et") || tk_eq(c, i + 1, "and") ||
			      (c->tk[i + 1].f & TK_NL))));
		if (!nick && (!(t->lex & (LX_PRN | LX_HN)) ||
			      (t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)) ||
			      tk_lex2(c, i, LX2_AUX) || !lower_before))
			return 0;
	} else if (!(t->f & TK_CAP)) {
		return 0;
	} else if ((t->lex & (LX_WFR | LX_WEN)) && (t->lex & LX_CAPEN) && (t->lex & (LX_HN | LX_PRN)) &&
		   !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)) &&
		   (tk_eq(c, i - 1, "and") || tk_eq(c, i - 1, "et") || tk_ch(c, i - 1, '&'))) {
		/* "Lizzie, Raj and Mo", "Tom and Grace", "Bill & Olive": a given name the
		 * dictionary writes with a capital, closing a list of names */
	} else if ((t->lex & (LX_WFR | LX_WEN)) && (t->lex & (LX_HN | LX_PRN)) &&
		   !(t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY)) &&
		   (tk_eq(c, i + 1, "et") || tk_eq(c, i + 1, "and") || tk_ch(c, i + 1, '&') || tk_ch(c, i + 1, ',')) &&
		   tk_is(c, i + 2, TK_CAP) && !tk_is(c, i + 2, TK_ALLCAP) && tk_lex(c, i + 2, LX_GIVEN) &&
		   !tk_lex(c, i + 2, NOT_A_NAME | LX_STOPFR | LX_STOPEN)) {
		/* "Steph, Coco et Lili": a given name that is a word, inside a list of names */
	} else if (t->lex & (NOT_A_NAME | LX_EPONYM | LX_STOPFR | LX_STOPEN | LX_TOWN | LX_CITY | LX_WFR | LX_WEN)) {
		/* "twins, Zofia and Jan": a month that is a given name, listed after a name */
		if (!((t->lex & LX_MONTH) && (t->lex & (LX_PRN | LX_HN)) && !tk_is(c, i + 1, TK_SP | TK_NUM) &&
		      !(t->lex & (LX_STOPFR | LX_STOPEN))) &&
		    !((t->lex & LX_MONTH) && (t->lex & (LX_PRN | LX_HN)) && !tk_is(c, tk_next_word(c, i, 1), TK_DIGIT)))
			return 0;
	}
	size_t k = i - 1;
	if (!(tk_ch(c, k, ',') || tk_ch(c, k, '&') || tk_eq(c, k, "et") || tk_eq(c, k, "and") ||
	      tk_eq(c, k, "ou") || tk_eq(c, k, "or")))
		return 0;
	return c->tk[k - 1].e == last->end;
}

/* Tokens a and b fold to the same word. */
static int same_word(const struct pctx *c, size_t a, size_t b)
{
	/* the same length in bytes too: "Grâce à" is not "Grace" */
	return tk_len(c, a) == tk_len(c, b) && c->tk[a].flen == c->tk[b].flen && memcmp(tk_fold(c, a), tk_fold(c, b), c->tk[a].flen) == 0;
}

/* Can word k of a NAME span stand for the person on its own? Not a particle, a title, a
 * relative or a function word ("Dr", "de", "Le", "Mme"), nor one letter. */
static int name_word(const struct pctx *c, size_t k)
{
	const struct ptok *t = &c->tk[k];
	return (t->f & (TK_ALPHA | TK_DIGIT)) == TK_ALPHA && tk_len(c, k) >= 2 && t->flen &&
	       !(t->lex & (LX_TITLE | LX_KIN | LX_STOPFR | LX_STOPEN | LX_GREET | LX_SIGNOFF)) &&
	       !tk_lex2(c, k, LX2_PART | LX2_TPART | LX2_AUX);
}

/* Is the free word i, which repeats a name, the person again? */
static int repeat_is_name(const struct pctx *c, size_t i, int src_lower)
{
	const struct ptok *t = &c->tk[i];
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	/* part of a compound or a handle: "Saint-Jean", "#TeamLou", "@lou" */
	if (i > 0 && tk_glued(c, i - 1) &&
	    (tk_ch(c, i - 1, '-') || tk_ch(c, i - 1, '#') || tk_ch(c, i - 1, '@') || tk_ch(c, i - 1, '/') ||
	     tk_ch(c, i - 1, '.') || tk_ch(c, i - 1, '_')))
		return 0;
	if (tk_glued(c, i) && (tk_ch(c, i + 1, '-') || tk_ch(c, i + 1, '@') || tk_ch(c, i + 1, '_') ||
			       tk_ch(c, i + 1, '/') ||
			       (tk_ch(c, i + 1, '.') && tk_glued(c, i + 1) && tk_is(c, i + 2, TK_WORD))))
		return 0; /* "lina.bzh22", "lina_59" */
	if (pn_eponym_use(c, i) || pn_pet_before(c, i))
		return 0;
	/* "My daughter June was born in June 2019 ... this June": a month or a day is the person
	 * again only before a verb ("Jan is still in NICU"), or capitalised inside a French
	 * sentence, where months are written lowercase ("..., Avril c'est son prénom") */
	if ((t->lex & (LX_MONTH | LX_DAY)) && !(tk_lex2(c, i + 1, LX2_SVERB) && (c->tk[i + 1].f & TK_SP)) &&
	    !(c->lang == ENT_PRIV_FR && (t->f & TK_CAP) && !tk_sentence_start(c, i) &&
	      !tk_is(c, tk_next_word(c, i, 0), TK_DIGIT)))
		return 0;
	if ((t->f & (TK_CAP | TK_ALLCAP)) == TK_CAP) {
		/* a capital a sentence start explains: the ordinary word ("Olive oil for ear wax?
		 * My GP (Dr Olive Tembo)", "Victoire ! ... l'infirmière Victoire") */
		if (tk_sentence_start(c, i) && (t->lex & word))
			return 0;
		return 1;
	}
	if (t->f & TK_ALLCAP) /* "SMITH John ... Smith": in capitals only when no word */
		return !(t->lex & LX_WORD);
	/* lowercase: the person when the name was written so too, or when it is no word; not a
	 * word after a determiner ("MY NAME IS FAITH ADEYEMI AND I HAVE LOST ALL FAITH") */
	static const char *const det[] = {"all", "the", "a", "an", "my", "your", "his", "her", "our",
					  "their", "some", "no", "any", "much", "le", "la", "les", "un",
					  "une", "des", "du", "ma", "mon", "ta", "ton", "sa", "son", "ses",
					  "mes", "ce", "cette", "l", NULL};
	if ((t->lex & word) && i > 0 && (c->tk[i - 1].f & TK_WORD) && tk_eq_any(c, i - 1, det))
		return 0;
	return src_lower || !(t->lex & word);
}

/* A bit per (length, first letter) of a word: most words of a text share neither with the
 * names found, and are passed over with one test. */
static uint64_t shape_bit(const struct pctx *c, size_t i)
{
	return 1ull << ((c->tk[i].flen * 7u + (unsigned char)tk_fold(c, i)[0]) & 63u);
}

/* Token a, after a name, is a verb in the third person singular ("Jess swims", "Julien a
 * trouvé", "Léa dormait", "Chloé me manque"). */
static int sing_verb(const struct pctx *c, size_t a)
{
	static const char *const en[] = {"is", "was", "has", "does", NULL};
	static const char *const fr[] = {"a", "est", "etait", "avait", "va", "fait", "me", "m", "te", "t", "lui",
					 "se", "s", "ne", "n", NULL};
	if (a >= c->n_tk || (c->tk[a].f & (TK_LOWER | TK_DIGIT)) != TK_LOWER)
		return 0;
	const char *w = c->t + c->tk[a].s;
	size_t n = tk_len(c, a);
	if (c->lang == ENT_PRIV_EN)
		return tk_eq_any(c, a, en) || (n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u');
	return tk_eq_any(c, a, fr) || (n >= 4 && memcmp(w + n - 3, "ait", 3) == 0);
}

/* "c'est Moreau ou Morel ?", "Grace and Tom Fisher": the word before "ou", "et", "or", "and"
 * or "&" and span k (whose first token is i), a NAME, is a name too when a name list holds it as a surname or a
 * hunspell first name, capitalised mid-sentence; or, in a list written in lowercase, a given
 * name that is no word of the language ("sophie, karim et lulu"). */
/* Returns the token of the name it adds, or SIZE_MAX. */
static size_t list_before(struct pctx *c, size_t k, size_t i)
{
	if (i < 2 || c->tk[i].s != c->sp[k].start)
		return SIZE_MAX;
	/* "sophie, karim et lulu : merci": a comma joins them when the list goes on after span k */
	size_t after = priv_tok_at(c, c->sp[k].end);
	int comma = tk_ch(c, i - 1, ',') && after < c->n_tk &&
		    (tk_ch(c, after, ',') || tk_eq(c, after, "et") || tk_eq(c, after, "and") || tk_ch(c, after, '&'));
	if (!(comma || tk_eq(c, i - 1, "ou") || tk_eq(c, i - 1, "et") || tk_eq(c, i - 1, "or") ||
	      tk_eq(c, i - 1, "and") || tk_ch(c, i - 1, '&')))
		return SIZE_MAX;
	size_t p = i - 2;
	const struct ptok *t = &c->tk[p];
	uint32_t bad = NOT_A_NAME | LX_STOPFR | LX_STOPEN | LX_EPONYM | LX_TOWN | LX_CITY;
	/* ... lowercase: a given name that is no word of the text's language, where the list
	 * is written in lowercase */
	int lower = (t->f & (TK_LOWER | TK_DIGIT | TK_CLAIMED)) == TK_LOWER && tk_len(c, p) >= 3 &&
		    (t->lex & (LX_PRN | LX_HN)) && !(t->lex & (bad | (c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR))) &&
		    (c->tk[i].f & TK_LOWER);
	/* ... a region or a town that is a given name and no place word stands before: "Especially
	 * Lorraine and Kwame on nights" (a town the places pass took is claimed; not "in Lorraine
	 * and Kwame", "en Lorraine et Karim", "de la Lorraine et") */
	/* A French article before the region makes it the place by itself ("On a quitté la Lorraine
	 * et Julien", "Traverser la Savoie et Léa"); two people joined are the subject of a plural
	 * verb, so a singular one after the second name says "and" joins two clauses and the region
	 * is the first one's place ("We love Cornwall and Jess swims", sing_verb); "merci à",
	 * "thanks to" thank people, that "à" and "to" are no place's */
	static const char *const thanks[] = {"merci", "thanks", "thank", "grateful", "gratitude", NULL};
	uint32_t place = LX_REGION | LX_TOWN | LX_CITY;
	size_t b = p > 1 && tk_eq(c, p - 1, "the") ? p - 2 : p - 1;
	int thanked = b > 0 && (tk_eq(c, b, "a") || tk_eq(c, b, "to")) && tk_prev_word(c, b, 0) != SIZE_MAX &&
		      tk_eq_any(c, tk_prev_word(c, b, 0), thanks);
	int placename = (t->lex & place) && (t->lex & (LX_PRN | LX_HN)) && !(t->lex & bad & ~place) && p > 0 &&
			!tk_eq(c, p - 1, "la") && !tk_eq(c, p - 1, "le") && !sing_verb(c, after) &&
			(thanked || (!(c->tk[b].lex & (LX_LOCPREP | LX_STREET | LX_STREET_EN)) && !tk_eq(c, b, "en") &&
				     !tk_eq(c, b, "of")));
	if (!lower && ((t->f & (TK_CAP | TK_ALLCAP | TK_DIGIT | TK_CLAIMED)) != TK_CAP || tk_len(c, p) < 3 ||
		       !(t->lex & (LX_PRN | LX_PATR | (placename ? LX_HN : 0))) || ((t->lex & bad) && !placename) ||
		       tk_sentence_start(c, p)))
		return SIZE_MAX;
	if ((p > 0 && tk_glued(c, p - 1)) || !(c->tk[comma ? i : i - 1].f & TK_SP))
		return SIZE_MAX;
	/* (a new span: c->sp may move, the caller indexes it again) */
	priv_add_tok(c, p, p, ENT_PRIV_NAME, 0.6f, "name_list");
	return p;
}

/* The name word i opens a sentence as a vocative: a pause or "you" after it ("rose, tu vas
 * mieux ?", "grace u ok?"), not news told of the person ("rose is home"). */
static int vocative_after(const struct pctx *c, size_t i)
{
	static const char *const you[] = {"u", "you", "ya", "ur", "tu", "t", "toi", NULL};
	return tk_ch(c, i + 1, ',') || tk_ch(c, i + 1, '!') || tk_eq_any(c, i + 1, you);
}

/* The lowercase word i, which repeats a name found only as a vocative, is the ordinary word:
 * between a word of the language and a preposition, a noun's adjective or a verb's object
 * ("mon pull rose pour l'hôpital", "we said grace for u", "amazing grace at the service"),
 * not after a word one writes before a person ("thanks rose for", "me and grace at"). */
static int vocative_word_again(const struct pctx *c, size_t i)
{
	static const char *const prep[] = {"pour", "for", "at", "in", "au", "a", "de", "on", "to", "with", "avec",
					   "dans", "sur", NULL};
	static const char *const before[] = {"and", "n", "et", "with", "avec", "to", "a", "for", "pour", "thanks",
					     "thank", "thx", "merci", "love", "miss", "hi", "hey", "coucou", "cc", "slt",
					     "dear", "chere", "cher", "bisous", "x", "xx", "de", "of", "chez", "u", "you",
					     "ya", "toi", "te", NULL};
	if (i == 0 || !(c->tk[i].f & TK_SP) || !tk_eq_any(c, i + 1, prep) || tk_sentence_start(c, i))
		return 0;
	const struct ptok *p = &c->tk[i - 1];
	return (p->f & TK_WORD) && (p->f & TK_SP) && (p->lex & LX_WORD) && !tk_lex2(c, i - 1, LX2_PVERB) &&
	       !tk_eq_any(c, i - 1, before) && !(p->lex & (LX_GREET | LX_SIGNOFF));
}

void pn_repeat(struct pctx *c)
{
	struct seen seen[REPEAT_MAX];
	size_t n = 0;
	uint32_t word = c->lang == ENT_PRIV_EN ? LX_WEN : LX_WFR;
	uint64_t shapes = 0;
	for (size_t k = 0, n_sp = c->n_sp; k < n_sp; k++) {
		if (c->sp[k].type != ENT_PRIV_NAME)
			continue;
		size_t first = priv_tok_at(c, c->sp[k].start);
		/* the list read backwards from the new span too: "karima, sandrine, élodie et" (a
		 * lowercase list's head before the item before the name found) */
		for (size_t f = first, kk = k; (f = list_before(c, kk, f)) != SIZE_MAX && !c->oom;)
			kk = c->n_sp - 1;
		for (size_t i = first; i < c->n_tk && c->tk[i].s < c->sp[k].end; i++) {
			if (!name_word(c, i))
				continue;
			size_t m = 0;
			while (m < n && !same_word(c, seen[m].tok, i))
				m++;
			int lower = (c->tk[i].f & TK_LOWER) != 0;
			int opener = lower && (c->tk[i].lex & word) && tk_sentence_start(c, i) && vocative_after(c, i);
			if (m < n) {
				seen[m].lower |= lower;
				seen[m].opener &= opener;
			} else if (n < REPEAT_MAX) {
				seen[n].tok = i;
				seen[n].opener = opener;
				seen[n++].lower = lower;
				shapes |= shape_bit(c, i);
			}
		}
	}
	if (n == 0)
		return;
	/* a lowercase word of the language repeats a name only when a name was written in
	 * lowercase (repeat_is_name): without one, such words are passed over on their flags */
	int any_lower = 0;
	for (size_t m = 0; m < n; m++)
		any_lower |= seen[m].lower;
	/* the words that may repeat a name, 64 tokens at a time without a branch per token (most
	 * share no shape with the names), then those one by one: the test again, as a word
	 * claimed meanwhile fails it */
	uint64_t cand = 0;
	size_t cand_w = SIZE_MAX; /* the word of 64 tokens cand is of */
	for (size_t i = 0; i < c->n_tk; i++) {
		if (i >> 6 != cand_w) {
			cand_w = i >> 6;
			cand = 0;
			/* only the words with a letter and no digit (PB_NAMEW, as tokenized: no
			 * pass changes those two flags) can pass the first test below; of its
			 * other parts, the shape and the function words turn most away (the rest
			 * comes once, on the few left) */
			for (uint64_t wm = c->bm[cand_w * PB_N + PB_NAMEW]; wm; wm &= wm - 1) {
				size_t k = (cand_w << 6) + (size_t)__builtin_ctzll(wm);
				const struct ptok *t = &c->tk[k];
				unsigned ok = (unsigned)!(t->lex & (LX_STOPFR | LX_STOPEN)) &
					      (unsigned)((shapes >> ((t->flen * 7u + (unsigned char)c->fold[t->fo]) & 63u)) & 1);
				cand |= (uint64_t)ok << (k & 63);
			}
		}
		uint64_t rest = cand >> (i & 63);
		if (!rest) {
			i |= 63; /* the next word of 64 tokens */
			continue;
		}
		i += (size_t)__builtin_ctzll(rest);
		const struct ptok *t = &c->tk[i];
		if ((t->f & (TK_CLAIMED | TK_ALPHA | TK_DIGIT)) != TK_ALPHA || (t->lex & (LX_STOPFR | LX_STOPEN)) ||
		    (!any_lower && (t->f & TK_LOWER) && (t->lex & word)) || !t->flen || !(shapes & shape_bit(c, i)))
			continue;
		size_t m = 0;
		while (m < n && !same_word(c, seen[m].tok, i))
			m++;
		if (m == n || (seen[m].opener && (t->f & TK_LOWER) && vocative_word_again(c, i)) || !name_word(c, i) ||
		    !repeat_is_name(c, i, seen[m].lower))
			continue;
		size_t j = pn_extend(c, i, 0);
		priv_add_tok(c, i, j, ENT_PRIV_NAME, 0.6f, "name_repeat");
		i = j;
	}
}
