/*
 * priv_tok_help.c - the token helpers the recognisers share (declared in priv_text.h): the
 * token at a byte, word-list and number reads of a token, phrase look-ups, and adding a span
 * (which claims the tokens it covers). The tokenizer that makes the tokens is priv_tok.c.
 */
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_text.h"

size_t priv_tok_at(const struct pctx *c, size_t b)
{
	/* a binary search whose halving is a conditional move, not a branch (the tokens end in
	 * increasing order; which half holds b is a coin toss a predictor cannot learn) */
	size_t lo = 0, n = c->n_tk;
	if (!n)
		return 0;
	while (n > 1) {
		size_t half = n / 2;
		lo = c->tk[lo + half].e <= b ? lo + half : lo;
		n -= half;
	}
	return lo + (c->tk[lo].e <= b);
}

int tk_eq_any(const struct pctx *c, size_t i, const char *const *ws)
{
	if (i >= c->n_tk || !c->tk[i].flen)
		return 0;
	const char *f = tk_fold(c, i);
	/* the first two bytes, read as one (a form and a listed word have two at least: a letter
	 * and the terminator; no list holds an empty word), settle most words without a call and
	 * with one branch */
	uint16_t f2, w2;
	memcpy(&f2, f, 2);
	for (; *ws; ws++) {
		memcpy(&w2, *ws, 2);
		if (w2 == f2 && strcmp(*ws, f) == 0)
			return 1;
	}
	return 0;
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

/* Appends the span over bytes [s,e) (s < e <= len) and claims the tokens from i on that start
 * before e, i the first token whose end is after s. */
static void add_from(struct pctx *c, size_t i, size_t s, size_t e, enum ent_priv_type type, float conf,
		     const char *rec)
{
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
	for (; i < c->n_tk && c->tk[i].s < e; i++)
		c->tk[i].f |= TK_CLAIMED | (type == ENT_PRIV_AGE ? TK_AGE : 0);
}

void priv_add(struct pctx *c, size_t s, size_t e, enum ent_priv_type type, float conf,
	      const char *rec)
{
	if (s >= e || e > c->len)
		return;
	add_from(c, priv_tok_at(c, s), s, e, type, conf, rec);
}

void priv_add_tok(struct pctx *c, size_t i, size_t j, enum ent_priv_type type, float conf,
		  const char *rec)
{
	/* token i is the first whose end is after its own start (tokens are never empty and
	 * follow one another): no search */
	if (i < c->n_tk && j < c->n_tk && i <= j && c->tk[i].s < c->tk[j].e)
		add_from(c, i, c->tk[i].s, c->tk[j].e, type, conf, rec);
}

int tk_apposed_age(const struct pctx *c, size_t i, size_t u)
{
	if (i < 3 || u + 1 >= c->n_tk || !tk_ch(c, i - 1, ',') || !(tk_ch(c, u + 1, ',') || tk_ch(c, u + 1, ')')))
		return 0;
	/* the name: capitalised words, hyphens glued between ("Harper-Rose"), at most four tokens */
	size_t k = i - 2, n = 0;
	while (n < 4 && (c->tk[k].f & (TK_CAP | TK_ALLCAP | TK_DIGIT)) == TK_CAP && k > 0) {
		n++;
		if (k >= 2 && tk_ch(c, k - 1, '-') && tk_glued(c, k - 2) && tk_glued(c, k - 1))
			k -= 2;
		else
			break;
	}
	if (!n || (c->tk[k].f & TK_SENT))
		return 0;
	size_t p = tk_prev_word(c, k, 0);
	return p != SIZE_MAX && p + 1 == k && (c->tk[p].lex & LX_KIN) && !tk_eq(c, p, "patient") &&
	       !tk_eq(c, p, "patiente");
}
