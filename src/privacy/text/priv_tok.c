/*
 * priv_tok.c - the tokenizer of the text engine and the token helpers the recognisers share.
 *
 * One pass over valid UTF-8 (the caller checked it): runs of letters and digits become word
 * tokens, every other non-space code point is a punctuation token of its own (emoji
 * included), white space only sets TK_SP/TK_NL on the next token. Each token is folded once
 * into the context's fold arena (what tk_eq and the phrase look-ups read), each word with a
 * letter looked up once in the lexicon (both flag words kept). Short texts live in the
 * caller's buffers; the token array is otherwise one allocation grown by doubling and the
 * arena one allocation sized from the text; there is no allocation per token.
 */
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_text.h"

static unsigned decode(const unsigned char *p, size_t n, size_t *w)
{
	unsigned c = p[0];
	if (c < 0x80 || n < 2) {
		*w = 1;
		return c;
	}
	if (c < 0xE0) {
		*w = 2;
		return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	}
	if (c < 0xF0 || n < 4) {
		*w = n < 3 ? n : 3;
		return n < 3 ? 0xFFFD : ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	}
	*w = 4;
	return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

static int is_space(unsigned cp)
{
	return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
	       cp == 0x2007 || cp == 0x200B || cp == 0xFEFF || cp == 0x3000;
}

/* 0 not a letter, 1 lowercase or caseless, 2 uppercase. */
static int letter_case(unsigned cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return 1;
		return cp >= 'A' && cp <= 'Z' ? 2 : 0;
	}
	if (cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp >= 0xC0 && cp < 0xE0)
		return 2;
	if (cp >= 0xE0 && cp < 0x100)
		return 1;
	if (cp >= 0x100 && cp < 0x180)
		return (cp & 1) ? 1 : 2; /* Latin Extended-A alternates upper, lower (close enough) */
	if ((cp >= 0x180 && cp < 0x250) || (cp >= 0x370 && cp < 0x530) ||
	    (cp >= 0x1E00 && cp < 0x1F00))
		return 1;
	return 0;
}

static int push(struct pctx *c, const struct ptok *t)
{
	if (c->n_tk == c->cap_tk) {
		size_t ncap = c->cap_tk ? c->cap_tk * 2 : c->len / 4 + 16;
		struct ptok *nt = c->tk_heap ? realloc(c->tk, ncap * sizeof *nt) : malloc(ncap * sizeof *nt);
		if (!nt)
			return -1;
		if (!c->tk_heap && c->n_tk)
			memcpy(nt, c->tk, c->n_tk * sizeof *nt);
		c->tk = nt;
		c->cap_tk = ncap;
		c->tk_heap = 1;
	}
	c->tk[c->n_tk++] = *t;
	return 0;
}

/* A word the hashed table is asked about (short words were answered by priv_lex_short). */
static inline int to_look_up(const struct ptok *t)
{
	return (t->f & (TK_ALPHA | TK_SHORTLEX)) == TK_ALPHA && t->flen;
}
/* ... as the tokenizer marked it */
static inline int looked_up(const struct ptok *t)
{
	return t->f & TK_LOOKUP;
}

/* Folds punctuation token t (one code point) into the arena at *at: an ASCII character is
 * itself, any other goes through priv_fold (U+2019 becomes an apostrophe). */
static void fold_punct(const struct pctx *c, struct ptok *t, size_t *at)
{
	char *dst = c->fold + *at;
	size_t n = t->e - t->s;
	if (n == 1)
		dst[0] = c->t[t->s];
	else
		n = priv_fold(c->t + t->s, n, dst, n);
	dst[n] = 0;
	t->fo = (uint32_t)*at;
	*at += n + 1;
	t->flen = n <= PRIV_FOLD_MAX ? (uint16_t)n : 0;
	t->h = 0;
}

/* Folds one letter of two bytes or more (code point cp, w bytes at s) into dst, as priv_fold
 * does: a Latin-1 or Latin Extended-A letter by the folding table, any other as it is.
 * Returns the bytes written (never more than w). */
static size_t fold_letter(const unsigned char *s, size_t w, unsigned cp, char *dst)
{
	if (w == 2 && cp >= 0xC0 && cp < 0x180 && priv_fold_tab[cp - 0xC0][0]) {
		const char *f = priv_fold_tab[cp - 0xC0];
		dst[0] = f[0];
		if (!f[1])
			return 1;
		dst[1] = f[1];
		return 2;
	}
	memcpy(dst, s, w);
	return w;
}

void priv_tok_free(struct pctx *c)
{
	if (c->tk_heap)
		free(c->tk);
	if (c->fold_heap)
		free(c->fold);
	c->tk = NULL;
	c->fold = NULL;
	c->tk_heap = c->fold_heap = 0;
}

/* Looks every word up in the lexicon in three sweeps, prefetching the bucket index, then
 * the entries, so that the cache misses of many words overlap instead of adding up. */
static void lookup_all(struct pctx *c)
{
	for (size_t i = 0; i < c->n_tk; i++)
		if (looked_up(&c->tk[i]))
			__builtin_prefetch(&priv_lex_bucket[priv_lex_bucket_of(c->tk[i].h)]);
	for (size_t i = 0; i < c->n_tk; i++)
		if (looked_up(&c->tk[i])) {
			uint32_t k = priv_lex_bucket[priv_lex_bucket_of(c->tk[i].h)];
			c->tk[i].lex = k;
			__builtin_prefetch(&priv_lex_tab[k]);
		}
	uint32_t any = 0, any2 = 0;
	int seen = c->lang == ENT_PRIV_AUTO ? 0 : 60, fr = 0, en = 0, wfr = 0, wen = 0;
	for (size_t i = 0; i < c->n_tk; i++) {
		struct ptok *t = &c->tk[i];
		if (looked_up(t))
			t->lex = priv_lex_get_from(t->h, t->lex, priv_lex_bucket[priv_lex_bucket_of(t->h) + 1],
						   &t->lex2);
		any |= t->lex;
		any2 |= t->lex2;
		if (seen < 60 && (t->f & TK_ALPHA)) {
			uint32_t l = t->lex;
			seen++;
			fr += !!(l & LX_STOPFR);
			en += !!(l & LX_STOPEN);
			/* words only one dictionary knows break a tie of function words ("Saw Dr
			 * Nwosu today, bloods fine") */
			wfr += (l & (LX_WFR | LX_WEN)) == LX_WFR;
			wen += (l & (LX_WFR | LX_WEN)) == LX_WEN;
			/* accented letters are a strong hint of French */
			fr += !!(t->f & TK_LATIN1);
		}
	}
	c->lex_any = any;
	c->lex2_any = any2;
	c->guess_fr = fr;
	c->guess_en = en;
	c->guess_wfr = wfr;
	c->guess_wen = wen;
}

enum ent_err priv_tokenize(struct pctx *c)
{
	const unsigned char *p = (const unsigned char *)c->t;
	size_t i = 0, n = c->len, at = 0;
	uint16_t pre = 0;
	/* every folded form fits: at most the text's bytes, plus one terminator per token */
	if (c->cap_fold < 2 * n + 1) {
		c->fold = malloc(2 * n + 1);
		if (!c->fold)
			return ENT_ENOMEM;
		c->cap_fold = 2 * n + 1;
		c->fold_heap = 1;
	}
	while (i < n) {
		size_t w = 1;
		unsigned cp = p[i] < 0x80 ? p[i] : decode(p + i, n - i, &w);
		if (cp < 0x80 ? cp == ' ' || cp - 9 < 5u : is_space(cp)) {
			pre |= TK_SP;
			if (cp == '\n' || cp == '\r')
				pre |= TK_NL;
			i += w;
			continue;
		}
		struct ptok t = {.s = (uint32_t)i, .f = pre};
		pre = 0;
		int lc = cp < 0x80 ? (cp | 0x20u) - 'a' < 26u : letter_case(cp);
		if (lc || (cp >= '0' && cp <= '9')) {
			/* one pass over the word: its flags, its folded form written into the arena
			 * (lowercase, accents removed: what priv_fold writes) and that form's hash */
			int first = 1, n_up = 0, n_low = 0, n_dig = 0;
			char *dst = c->fold + at;
			size_t o = 0;
			uint64_t h = PRIV_FNV_INIT;
			while (i < n) {
				unsigned b = p[i];
				if (b < 0x80) {
					if ((b | 0x20u) - 'a' < 26u) {
						if (b < 'a') {
							n_up++;
							if (first)
								t.f |= TK_CAP;
						} else {
							n_low++;
						}
						b |= 0x20u;
					} else if (b - '0' < 10u) {
						n_dig++;
					} else {
						break;
					}
					dst[o++] = (char)b;
					h = (h ^ b) * 0x100000001B3ull;
					first = 0;
					i++;
					continue;
				}
				cp = decode(p + i, n - i, &w);
				lc = letter_case(cp);
				if (!lc)
					break;
				if (cp < 0x100)
					t.f |= TK_LATIN1;
				if (lc == 2) {
					n_up++;
					if (first)
						t.f |= TK_CAP;
				} else {
					n_low++;
				}
				size_t fl = fold_letter(p + i, w, cp, dst + o);
				h = priv_fnv(h, dst + o, fl);
				o += fl;
				first = 0;
				i += w;
			}
			t.e = (uint32_t)i;
			t.f |= TK_WORD;
			if (n_dig)
				t.f |= TK_DIGIT;
			if (n_up || n_low)
				t.f |= TK_ALPHA;
			if (!n_up && !n_low)
				t.f |= TK_NUM;
			if (n_up >= 2 && !n_low)
				t.f |= TK_ALLCAP;
			if (n_low && !n_up)
				t.f |= TK_LOWER;
			dst[o] = 0;
			t.fo = (uint32_t)at;
			at += o + 1;
			t.flen = o <= PRIV_FOLD_MAX ? (uint16_t)o : 0;
			int s = (t.f & TK_ALPHA) ? priv_lex_short_index(dst, o) : -1;
			if (s >= 0) {
				/* the same flags as the hashed table's for this key */
				unsigned v = priv_lex_short[s];
				if (v) {
					t.lex = priv_lex_pair[2 * (v - 1)];
					t.lex2 = priv_lex_pair[2 * (v - 1) + 1];
				}
				t.f |= TK_SHORTLEX;
			}
			if (to_look_up(&t))
				t.f |= TK_LOOKUP;
			t.h = looked_up(&t) ? h : 0;
		} else {
			i += w;
			t.e = (uint32_t)i;
			t.f |= TK_PUNCT;
			fold_punct(c, &t, &at);
			if (w == 1 && cp > 32 && cp < 96)
				c->punct |= 1ull << (cp - 32);
		}
		c->f_any |= t.f;
		if (push(c, &t))
			return ENT_ENOMEM;
	}
	lookup_all(c);
	return ENT_OK;
}

enum ent_priv_lang priv_guess_lang(const struct pctx *c)
{
	/* the counts of the tokenizer's last sweep (lookup_all) */
	if (c->guess_en != c->guess_fr)
		return c->guess_en > c->guess_fr ? ENT_PRIV_EN : ENT_PRIV_FR;
	return c->guess_wen > c->guess_wfr ? ENT_PRIV_EN : ENT_PRIV_FR;
}

size_t priv_tok_at(const struct pctx *c, size_t b)
{
	size_t lo = 0, hi = c->n_tk;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->tk[mid].e <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int tk_eq_any(const struct pctx *c, size_t i, const char *const *ws)
{
	if (i >= c->n_tk || !c->tk[i].flen)
		return 0;
	const char *f = tk_fold(c, i);
	/* the first two letters settle most words without a call */
	for (; *ws; ws++)
		if ((*ws)[0] == f[0] && (*ws)[1] == f[1] && strcmp(*ws, f) == 0)
			return 1;
	return 0;
}

int tk_apos(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || !(c->tk[i].f & TK_PUNCT))
		return 0;
	size_t n = tk_len(c, i);
	const char *s = c->t + c->tk[i].s;
	return (n == 1 && (s[0] == '\'' || s[0] == '`')) || (n == 3 && memcmp(s, "\xE2\x80\x99", 3) == 0);
}

int tk_sentence_start(const struct pctx *c, size_t i)
{
	if (i == 0 || (c->tk[i].f & TK_NL))
		return 1;
	const struct ptok *p = &c->tk[i - 1];
	if (!(p->f & TK_PUNCT))
		return 0;
	if (tk_apos(c, i - 1) || tk_ch(c, i - 1, ',') || tk_ch(c, i - 1, '-') || tk_ch(c, i - 1, '#') ||
	    tk_ch(c, i - 1, '@') || tk_ch(c, i - 1, '&') || tk_ch(c, i - 1, '/'))
		return 0;
	if (tk_ch(c, i - 1, '(')) /* "(Eugénie André, 80 ans)" reads mid-sentence */
		return 0;
	return 1;
}

long tk_num(const struct pctx *c, size_t i)
{
	if (i >= c->n_tk || !(c->tk[i].f & TK_NUM) || tk_len(c, i) > 9)
		return -1;
	long v = 0;
	for (size_t b = c->tk[i].s; b < c->tk[i].e; b++)
		v = v * 10 + (c->t[b] - '0');
	return v;
}

size_t tk_prev_word(const struct pctx *c, size_t i, int max_punct)
{
	while (i > 0) {
		i--;
		if (c->tk[i].f & TK_WORD)
			return i;
		if (max_punct-- <= 0)
			break;
	}
	return SIZE_MAX;
}

size_t tk_next_word(const struct pctx *c, size_t i, int max_punct)
{
	for (i++; i < c->n_tk; i++) {
		if (c->tk[i].f & TK_WORD)
			return i;
		if (max_punct-- <= 0)
			break;
	}
	return c->n_tk;
}

uint32_t tk_lex_phrase(const struct pctx *c, size_t i, size_t n)
{
	uint64_t h = PRIV_FNV_INIT;
	size_t words = 0;
	/* the phrase is tokens i..i+n-1, ending on a word, joined by spaces, apostrophes or
	 * hyphens only: "hôpital, Pépé" is no phrase */
	if (i + n > c->n_tk || !(c->tk[i + n - 1].f & TK_WORD))
		return 0;
	for (size_t k = i; k < i + n; k++) {
		if (!(c->tk[k].f & TK_WORD)) {
			if (!tk_apos(c, k) && !tk_ch(c, k, '-'))
				return 0;
			continue;
		}
		if (!c->tk[k].flen)
			return 0;
		if (words++)
			h = priv_fnv(h, " ", 1);
		h = priv_fnv(h, tk_fold(c, k), c->tk[k].flen);
	}
	return words ? priv_lex_get(h) : 0;
}

void priv_add(struct pctx *c, size_t s, size_t e, enum ent_priv_type type, float conf,
	      const char *rec)
{
	if (s >= e || e > c->len)
		return;
	if (c->n_sp == c->cap_sp) {
		size_t ncap = c->cap_sp ? c->cap_sp * 2 : 16;
		struct ent_priv_span *ns = realloc(c->sp, ncap * sizeof *ns);
		if (!ns) {
			c->oom = 1;
			return;
		}
		c->sp = ns;
		c->cap_sp = ncap;
	}
	c->sp[c->n_sp++] = (struct ent_priv_span){s, e, type, conf, rec};
	for (size_t i = priv_tok_at(c, s); i < c->n_tk && c->tk[i].s < e; i++)
		c->tk[i].f |= TK_CLAIMED | (type == ENT_PRIV_AGE ? TK_AGE : 0);
}

void priv_add_tok(struct pctx *c, size_t i, size_t j, enum ent_priv_type type, float conf,
		  const char *rec)
{
	if (i < c->n_tk && j < c->n_tk && i <= j)
		priv_add(c, c->tk[i].s, c->tk[j].e, type, conf, rec);
}
