/*
 * priv_tok.c - the tokenizer of the text engine (the token helpers are in priv_tok_help.c).
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
#if defined(__SSE2__) && !defined(PRIV_TOK_BYTES_ONLY)
#include <emmintrin.h>
#endif

#include "privacy/text/priv_text.h"

static inline unsigned decode(const unsigned char *p, size_t n, size_t *w)
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
static inline int letter_case(unsigned cp)
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
	/* Latin Extended-B and Additional (Vietnamese "Ơ", "Ễ"): by the generator's table */
	if (cp >= 0x180 && cp < PRIV_FOLD2_END)
		return (priv_upper_180[(cp - 0x180) >> 3] >> (cp & 7)) & 1 ? 2 : 1;
	if (cp >= 0x1E00 && cp < 0x1F00)
		return (priv_upper_1e[(cp & 0xFF) >> 3] >> (cp & 7)) & 1 ? 2 : 1;
	if (cp >= 0x370 && cp < 0x530)
		return 1;
	return 0;
}

/* Makes room for one more token (the token array and its set bytes grow by doubling). */
static int grow(struct pctx *c)
{
	size_t ncap = c->cap_tk ? c->cap_tk * 2 : c->len / 4 + 16;
	struct ptok *nt = c->tk_heap ? realloc(c->tk, ncap * sizeof *nt) : malloc(ncap * sizeof *nt);
	if (!nt)
		return -1;
	if (!c->tk_heap && c->n_tk)
		memcpy(nt, c->tk, c->n_tk * sizeof *nt);
	c->tk = nt;
	c->tk_heap = 1;
	uint8_t *np = c->pb_heap ? realloc(c->pb, ncap + PB_PAD) : malloc(ncap + PB_PAD);
	if (!np)
		return -1;
	if (!c->pb_heap && c->n_tk)
		memcpy(np, c->pb, c->n_tk);
	c->pb = np;
	c->pb_heap = 1;
	uint8_t *nn = c->nf_heap ? realloc(c->nf, ncap + NF_PAD) : malloc(ncap + NF_PAD);
	if (!nn)
		return -1;
	if (!c->nf_heap)
		memcpy(nn, c->nf ? c->nf : (const uint8_t[NF_BEFORE]){0}, NF_BEFORE + (c->nf ? c->n_tk : 0));
	c->nf = nn;
	c->nf_heap = 1;
	c->cap_tk = ncap;
	return 0;
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
	t->flen = n <= PRIV_FOLD_MAX ? (uint8_t)n : 0;
	t->h = 0;
}

/* Folds one letter of two bytes or more (code point cp, w bytes at s) into dst, as priv_fold
 * does: a Latin letter by the folding tables (priv_fold_of), any other as it is. Returns the
 * bytes written (never more than w). */
static size_t fold_letter(const unsigned char *s, size_t w, unsigned cp, char *dst)
{
	const char *f = priv_fold_of(cp, w);
	if (f) {
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
	if (c->bm_heap)
		free(c->bm);
	if (c->pb_heap)
		free(c->pb);
	if (c->nf_heap)
		free(c->nf);
	free(c->sp_type);
	c->sp_type = NULL;
	c->n_sp_typed = 0;
	c->tk = NULL;
	c->fold = NULL;
	c->bm = NULL;
	c->pb = NULL;
	c->nf = NULL;
	c->nw = 0;
	c->tk_heap = c->fold_heap = c->bm_heap = c->pb_heap = c->nf_heap = 0;
}

/* What a token's flags and punctuation byte put it in (its byte of c->pb): f_sets by bits 3..7
 * of TK_ flags (TK_CAP, TK_ALLCAP, TK_LOWER, TK_DIGIT, TK_ALPHA: PB_CAPS, PB_DIGIT, and PB_NAMEW
 * for a letter without a digit), ch_sets by the byte of a punctuation token (CH_DOT: a '.',
 * ':' or '-', that puts the token before it, when glued, in PB_PAT). */
_Static_assert(TK_CAP == 1u << 3 && TK_ALLCAP == 1u << 4 && TK_DIGIT == 1u << 6 && TK_ALPHA == 1u << 7,
	       "f_sets' index");
#define CH_DOT 0x80u /* (cleared before a punctuation token's sets are stored: PB_NAMEW's bit) */
_Static_assert(PB_N == 8 && PB_SET(PB_NAMEW) == CH_DOT, "a token's sets in a byte, none a punctuation's CH_DOT");
#define F_SETS(x) ((((x) & 3u) ? PB_SET(PB_CAPS) : 0u) | (((x) & 8u) ? PB_SET(PB_DIGIT) : 0u) | \
		   (((x) & 24u) == 16u ? PB_SET(PB_NAMEW) : 0u))
#define F_SETS4(x) F_SETS(x), F_SETS((x) + 1), F_SETS((x) + 2), F_SETS((x) + 3)
#define F_SETS16(x) F_SETS4(x), F_SETS4((x) + 4), F_SETS4((x) + 8), F_SETS4((x) + 12)
static const uint8_t f_sets[32] = {F_SETS16(0), F_SETS16(16)};
static const uint8_t ch_sets[256] = {
	['+'] = PB_SET(PB_SIGN), ['('] = PB_SET(PB_SIGN) | PB_SET(PB_PAT), ['@'] = PB_SET(PB_PAT),
	['['] = PB_SET(PB_PAT), ['.'] = CH_DOT, [':'] = CH_DOT, ['-'] = CH_DOT};

/* The sets a word's lexicon flags put it in (PB_START, PB_TOWN), read from the bits the
 * generator derived into its second flag word. */
_Static_assert((unsigned)LX2_TK_TOWN == (unsigned)LX2_TK_START << 1 && PB_TOWN == PB_START + 1 &&
	       (unsigned)LX2_TK_GIVEN == (unsigned)LX2_TK_START << 2 && PB_GIVEN == PB_START + 2 &&
	       (unsigned)LX2_TK_START > PB_SET(PB_START), "one shift for the three sets");
static inline unsigned lex_sets(uint32_t lex2)
{
	return (lex2 / ((unsigned)LX2_TK_START / PB_SET(PB_START))) &
	       (PB_SET(PB_START) | PB_SET(PB_TOWN) | PB_SET(PB_GIVEN));
}
/* PB_GIVEN of a word with a letter that no list holds: a folded form of three to five bytes. */
#define UNKNOWN_SETS(flen) ((unsigned)((size_t)(flen) - 3 <= 2) << PB_GIVEN)

/* The NF_ bits a word's lexicon flags give it, from the same derived bits. */
_Static_assert((unsigned)LX2_TK_TITLE / NF_TITLE == (unsigned)LX2_TK_KIN / NF_KIN &&
	       (unsigned)LX2_TK_TITLE / NF_TITLE == (unsigned)LX2_TK_PVERB / NF_PVERB &&
	       (unsigned)LX2_TK_TITLE / NF_TITLE == (unsigned)LX2_TK_COMPANION / NF_COMPANION,
	       "one shift for the four NF_ bits");
static inline unsigned lex_nf(uint32_t lex2)
{
	return (lex2 / ((unsigned)LX2_TK_TITLE / NF_TITLE)) & (NF_TITLE | NF_KIN | NF_PVERB | NF_COMPANION);
}

/* The NF_ bits of a folded form by its first byte and its length (0 for none, 4 for four bytes
 * or more): byte n of form_nf_tab[first byte]. A one-byte ASCII punctuation token's form is
 * its byte; another whose form is ':', ',', '&' or '#' gets the bits too, a superset that only
 * lets a rule look (and answer no). */
#define FORM_NF(c0, n)                                                                                       \
	(((((c0) == ':' && (n) == 1) || ((n) == 2 && (c0) == 't') || ((n) == 1 && ((c0) == 'a' || (c0) == 'u')) || \
	  ((n) == 3 && (c0) == 'y')) ? NF_SERIES : 0u) |                                                        \
	(((((c0) == ',' || (c0) == '&') && (n) == 1) || ((n) == 2 && ((c0) == 'e' || (c0) == 'o')) ||            \
	  ((n) == 3 && (c0) == 'a')) ? NF_LISTED : 0u) |                                                        \
	((c0) == '#' && (n) == 1 ? NF_HASH : 0u) | ((n) != 0 && ((c0) == 'n' || (c0) == 'e') ? NF_NE : 0u))
#define FNT(c0) ((uint64_t)FORM_NF(c0, 1) << 8 | (uint64_t)FORM_NF(c0, 2) << 16 | (uint64_t)FORM_NF(c0, 3) << 24 | \
		 (uint64_t)FORM_NF(c0, 4) << 32)
#define FNT4(x) FNT(x), FNT((x) + 1), FNT((x) + 2), FNT((x) + 3)
#define FNT16(x) FNT4(x), FNT4((x) + 4), FNT4((x) + 8), FNT4((x) + 12)
#define FNT64(x) FNT16(x), FNT16((x) + 16), FNT16((x) + 32), FNT16((x) + 48)
static const uint64_t form_nf_tab[256] = {FNT64(0), FNT64(64), FNT64(128), FNT64(192)};

/* The NF_ bits a token's folded form (n bytes, 0 for none) gives it. */
static inline unsigned form_nf(const char *fo, size_t n)
{
	return (unsigned)(form_nf_tab[(unsigned char)fo[0]] >> (8 * (n < 4 ? n : 4))) & 0xFFu;
}

/* "at", and a superset of "arobase" (seven letters from 'a'), by a folded form of n bytes (the
 * byte after it readable): an e-mail address written out, PB_PAT (the loops test the word). */
static inline unsigned at_word(const char *fo, size_t n)
{
	return (unsigned)(((n == 2) & (fo[1] == 't')) | (n == 7)) & (fo[0] == 'a');
}

/* The candidate sets (PB_ in priv_text.h) as bitmaps: the tokens' set bytes (c->pb, written
 * by the tokenizer), each set's bits gathered eight bytes at a time. Returns -1 when out of
 * memory. */
static int build_sets(struct pctx *c)
{
	size_t n = c->n_tk, nw = (n + 63) >> 6;
	uint64_t *bm = c->bm_local;
	if (nw > PB_LOCAL_WORDS) {
		bm = malloc(nw * PB_N * sizeof *bm);
		if (!bm)
			return -1;
		c->bm_heap = 1;
	}
	c->bm = bm;
	c->nw = nw;
	if (!n)
		return 0; /* no set byte (c->pb may be NULL) */
	/* the last group reads up to fifteen bytes past the last token: none of its sets */
	memset(c->pb + n, 0, PB_PAD);
	_Static_assert(PB_N == 8, "the gather below names every set");
	/* PB_GROUP set bytes at a time: with SSE2 sixteen, set k's bit shifted to the top of each
	 * byte (a bit of the byte below that crosses into a byte lands under its top), then one
	 * movemask a set; elsewhere eight, each set's bits gathered by a multiply */
#if defined(__SSE2__) && !defined(PRIV_TOK_BYTES_ONLY)
#define PB_GROUP 16
#define PB_LOAD(p) __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p))
#define PB_BITS(k) ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 7 - (k))))
#else
#define PB_GROUP 8
#define PB_LOAD(p) uint64_t x; memcpy(&x, (p), 8)
#define PB_BITS(k) ((((x >> (k)) & 0x0101010101010101ull) * 0x0102040810204080ull) >> 56)
#endif
	_Static_assert(PB_PAD >= PB_GROUP - 1, "the last group");
	for (size_t w = 0; w < nw; w++) {
		size_t base = w * 64, groups = n - base < 64 ? (n - base + PB_GROUP - 1) / PB_GROUP : 64 / PB_GROUP;
		uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
		for (size_t g = 0; g < groups; g++) {
			PB_LOAD(c->pb + base + PB_GROUP * g);
			unsigned sh = (unsigned)(PB_GROUP * g);
			s0 |= PB_BITS(0) << sh;
			s1 |= PB_BITS(1) << sh;
			s2 |= PB_BITS(2) << sh;
			s3 |= PB_BITS(3) << sh;
			s4 |= PB_BITS(4) << sh;
			s5 |= PB_BITS(5) << sh;
			s6 |= PB_BITS(6) << sh;
			s7 |= PB_BITS(7) << sh;
		}
		uint64_t *o = bm + w * PB_N;
		o[0] = s0, o[1] = s1, o[2] = s2, o[3] = s3, o[4] = s4, o[5] = s5, o[6] = s6, o[7] = s7;
	}
#undef PB_GROUP
#undef PB_LOAD
#undef PB_BITS
	return 0;
}

/* The hashed-table look-ups of the words of a text, made a batch at a time: the indices of the
 * tokens to look up, and what the text holds so far. */
#define LOOKUP_BATCH 64
struct lookups {
	uint32_t k[LOOKUP_BATCH];
	size_t n;
	uint32_t any, any2;
	uint32_t guess; /* the language guess's four counts, a byte each, over every word
			 * (guess_of; right while there are 60 words with a letter or fewer) */
};

/* What the language guess reads of a word: function words of each language, accented letters
 * (a strong hint of French), words only one dictionary knows (they break a tie of function
 * words: "Saw Dr Nwosu today, bloods fine"). By bits LX_STOPFR, LX_STOPEN, then LX_WFR, LX_WEN,
 * then TK_LATIN1 of the word, the counts to add: French, English, French-only word,
 * English-only word, a byte each (60 words at most are counted: no byte overflows). */
_Static_assert(LX_STOPFR == 1u << 27 && LX_STOPEN == 1u << 28 && LX_WFR == 1u << 4 &&
	       LX_WEN == 1u << 5 && TK_LATIN1 == 1u << 12, "guess_index reads the flags in place");
#define GUESS_ADD(x) ((((x) & 1u) + (((x) >> 4) & 1u)) | (((x) >> 1) & 1u) << 8 | \
		      (uint32_t)((((x) >> 2) & 3u) == 1) << 16 | (uint32_t)((((x) >> 2) & 3u) == 2) << 24)
#define GUESS4(x) GUESS_ADD(x), GUESS_ADD((x) + 1), GUESS_ADD((x) + 2), GUESS_ADD((x) + 3)
static const uint32_t guess_add[32] = {GUESS4(0), GUESS4(4), GUESS4(8), GUESS4(12), GUESS4(16),
				       GUESS4(20), GUESS4(24), GUESS4(28)};

/* The language guess's counts of one word with flags f and lexicon flags l (a word without a
 * letter adds 0: no lexicon flags, no TK_LATIN1). */
static inline uint32_t guess_of(uint32_t l, unsigned f)
{
	return guess_add[((l >> 27) & 3u) | ((l >> 2) & 12u) | ((f >> 8) & 16u)];
}

/* The counts of the first 60 words with a letter: what the walk's counts over every word are
 * not, in a text with more (one loop over its tokens, instead of a test in each epilogue). */
static uint32_t guess_first60(const struct ptok *tk, size_t n)
{
	uint32_t g = 0;
	int seen = 0;
	for (size_t i = 0; i < n && seen < 60; i++)
		if (tk[i].f & TK_ALPHA) {
			g += guess_of(tk[i].lex, tk[i].f);
			seen++;
		}
	return g;
}

/* Gives looked-up token k (a LOOKUP_ entry) the flag words of its answer (code: as
 * priv_lex_cache_get's) and what they bring. */
static inline void lookup_done(struct pctx *c, struct lookups *L, uint32_t ti, unsigned code)
{
	struct ptok *t = &c->tk[ti];
	const uint32_t *pair = &priv_lex_pair[2 * (size_t)(code >= 2 ? code - 2 : 0)];
	t->lex = code >= 2 ? pair[0] : 0;
	t->lex2 = code >= 2 ? pair[1] : 0;
	c->pb[ti] |= (uint8_t)(lex_sets(t->lex2) | (UNKNOWN_SETS(t->flen) & -(unsigned)(code < 2)));
	c->nf[NF_BEFORE + ti] |= (uint8_t)lex_nf(t->lex2);
	L->any |= t->lex;
	L->any2 |= t->lex2;
	L->guess += guess_of(t->lex, t->f);
}

/* Looks the batch up (words priv_lex_cache did not answer when they were made: word_done) in
 * two sweeps, prefetching their home slots first, so that the cache misses of those words
 * overlap instead of adding up. A key sits in its home slot's cache line nine times in ten,
 * else in the next: the slot four further is prefetched too (the same line when the home slot
 * is among the first four of its line). */
static void lookup_batch(struct pctx *c, struct lookups *L)
{
	struct ptok *tk = c->tk;
	size_t n_miss = L->n;
	for (size_t j = 0; j < n_miss; j++) {
		const uint64_t *home = &priv_lex_tab[priv_lex_mix(tk[L->k[j]].h) >> PRIV_LEX_REM_BITS];
		__builtin_prefetch(home);
		__builtin_prefetch(home + 4);
	}
	for (size_t j = 0; j < n_miss; j++) {
		uint32_t k = L->k[j];
		uint64_t m = priv_lex_mix(tk[k].h);
		lookup_done(c, L, k, priv_lex_cache_put(m, priv_lex_find(m)));
	}
	L->n = 0;
}

/* priv_fnv() over a word of n bytes, four bytes a step (the loop's exit, whose way the word's
 * length decides, is taken a quarter as often), the rest by a switch. */
static inline uint64_t fnv_word(const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *)w;
	uint64_t h = PRIV_FNV_INIT;
	const uint64_t P = 0x100000001B3ull;
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		h = (h ^ u[i]) * P;
		h = (h ^ u[i + 1]) * P;
		h = (h ^ u[i + 2]) * P;
		h = (h ^ u[i + 3]) * P;
	}
	switch (n - i) {
	case 3:
		h = (h ^ u[i++]) * P;
		/* fall through */
	case 2:
		h = (h ^ u[i++]) * P;
		/* fall through */
	case 1:
		h = (h ^ u[i]) * P;
		break;
	default:
		break;
	}
	return h;
}

/* priv_lex_short_index() of a word of 1 to PRIV_LEX_SHORT_LEN (3) bytes, without its loop:
 * the bytes past the word are read (the arena has room) and left out by the length. */
static inline int short_index(const char *w, size_t o)
{
	const unsigned char *u = (const unsigned char *)w;
	unsigned a = u[0] - 'a', b = u[1] - 'a', d = u[2] - 'a';
	b = o > 1 ? b : 0;
	d = o > 2 ? d : 0;
	int idx = (int)(a + 1) + (o > 1 ? (int)(b + 1) * 27 : 0) + (o > 2 ? (int)(d + 1) * 729 : 0);
	return ((a >= 26) | (b >= 26) | (d >= 26)) ? -1 : idx;
}

/* Classes of bytes for the tokenizer's loops. */
enum { CL_UP = 1, CL_LOW = 2, CL_DIG = 4, CL_SP = 8, CL_HI = 16 };
#define CL_WORD (CL_UP | CL_LOW | CL_DIG)
#define CL4(x) x, x, x, x
#define CL16(x) CL4(x), CL4(x), CL4(x), CL4(x)
static const uint8_t cls[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, CL_SP, CL_SP, CL_SP, CL_SP, CL_SP, 0, 0,
	/* 0x10 */ CL16(0),
	/* 0x20 */ CL_SP, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x30 */ CL4(CL_DIG), CL4(CL_DIG), CL_DIG, CL_DIG, 0, 0, 0, 0, 0, 0,
	/* 0x40 */ 0, CL4(CL_UP), CL4(CL_UP), CL4(CL_UP), CL_UP, CL_UP, CL_UP,
	/* 0x50 */ CL4(CL_UP), CL4(CL_UP), CL_UP, CL_UP, CL_UP, 0, 0, 0, 0, 0,
	/* 0x60 */ 0, CL4(CL_LOW), CL4(CL_LOW), CL4(CL_LOW), CL_LOW, CL_LOW, CL_LOW,
	/* 0x70 */ CL4(CL_LOW), CL4(CL_LOW), CL_LOW, CL_LOW, CL_LOW, 0, 0, 0, 0, 0,
	/* 0x80 */ CL16(CL_HI), CL16(CL_HI), CL16(CL_HI), CL16(CL_HI),
	/* 0xC0 */ CL16(CL_HI), CL16(CL_HI), CL16(CL_HI), CL16(CL_HI)
};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_WORDS 1
#define B8(x) (0x0101010101010101ull * (x))
/* Bit 7 of each byte of y (bytes of 0..0x7F) set when the byte lies in lo..hi: y + (0x80 - lo)
 * reaches bit 7 from lo up, y + (0x7F - hi) from hi + 1 up; no byte carries into the next. */
static inline uint64_t in_range8(uint64_t y, unsigned lo, unsigned hi)
{
	return (y + B8(0x80 - lo)) & ~(y + B8(0x7F - hi)) & B8(0x80);
}
#endif

/* A token after a punctuation token starts a sentence unless that token is an apostrophe, a
 * comma, a hyphen, # @ & / or an opening parenthesis ("(Eugénie André, 80 ans)" reads
 * mid-sentence): 1 by the byte of such a token (0 for one of several bytes). */
static const uint8_t mid_sentence[256] = {[','] = 1, ['-'] = 1, ['#'] = 1, ['@'] = 1, ['&'] = 1,
					  ['/'] = 1, ['('] = 1};

/* What the tokenizer carries from token to token (both walks below). */
struct tokst {
	size_t at;      /* bytes of the fold arena used */
	unsigned pre;   /* the next token's first flags: TK_SP, TK_NL for the white space since the
			 * last token, TK_SENT when it starts a sentence (the first token does, a token
			 * after a line break or after most punctuation) */
	uint32_t f_any; /* the TK_ flags of the tokens so far */
	uint64_t punct; /* their ASCII punctuation (bit ch - 32) */
	size_t seen;    /* words with a letter */
	struct lookups L;
};

/* A new token at the end of c->tk, *f its first flags (the white space before it, TK_SENT), or
 * NULL when out of memory. */
static inline struct ptok *tok_new(struct pctx *c, struct tokst *st, unsigned *f)
{
	if (c->n_tk == c->cap_tk && grow(c))
		return NULL;
	*f = st->pre;
	st->pre = 0;
	return &c->tk[c->n_tk++];
}

/* The TK_ flags of a word by its uppercase letters (bits 0-1: none, one, two or more), a
 * lowercase or caseless letter (bit 2) and a digit (bit 3) among its characters: one load
 * instead of four tests a word (word_flags). */
#define WF(x) (TK_WORD | ((x) & 8u ? TK_DIGIT : 0u) | ((x) & 7u ? TK_ALPHA : TK_NUM) | \
	       (((x) & 3u) >= 2 && !((x) & 4u) ? TK_ALLCAP : 0u) | ((x) & 4u && !((x) & 3u) ? TK_LOWER : 0u))
#define WF4(x) WF(x), WF((x) + 1), WF((x) + 2), WF((x) + 3)
static const uint8_t word_flag_tab[16] = {WF4(0), WF4(4), WF4(8), WF4(12)};
_Static_assert((TK_WORD | TK_NUM | TK_DIGIT | TK_ALPHA | TK_ALLCAP | TK_LOWER) <= 0xFF, "a byte");
_Static_assert(CL_LOW == 2 && CL_DIG == 4, "word_flags' index");

/* The TK_ flags of a word from its first ones (f), its uppercase letters (n_up: 0, 1, or 2 for
 * two or more) and the CL_LOW and CL_DIG classes of its other characters (any). */
static inline unsigned word_flags(unsigned f, int n_up, unsigned any)
{
	return f | word_flag_tab[(unsigned)(n_up < 2 ? n_up : 2) | (any & (CL_LOW | CL_DIG)) << 1];
}

/* Finishes word token t, bytes s..e of the text with flags f, whose folded form (o bytes) is
 * written at dst, the arena's end: its terminator and fields, its flags read in
 * priv_lex_short or priv_lex_cache, else its look-up queued, its set and NF_ bytes, the
 * language guess. */
static inline __attribute__((always_inline)) void word_done(struct pctx *c, struct tokst *st, struct ptok *t, unsigned f, char *dst, size_t o,
			     size_t s, size_t e)
{
	size_t ti = c->n_tk - 1;
	int look = 0;
	unsigned pbv = 0, nfv = 0; /* the set and NF_ bits of its lexicon flags */
	dst[o] = 0;
	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	t->fo = (uint32_t)st->at;
	st->at += o + 1;
	t->flen = o <= PRIV_FOLD_MAX ? (uint8_t)o : 0;
	t->lex = t->lex2 = 0;
	t->h = 0;
	if (f & TK_ALPHA) {
		int si = o <= PRIV_LEX_SHORT_LEN ? short_index(dst, o) : -1;
		if (si >= 0) {
			/* the same flags as the hashed table's for this key */
			unsigned v = priv_lex_short[si];
			if (v) {
				t->lex = priv_lex_pair[2 * (v - 1)];
				t->lex2 = priv_lex_pair[2 * (v - 1) + 1];
				pbv = lex_sets(t->lex2);
				nfv = lex_nf(t->lex2);
			} else {
				pbv = UNKNOWN_SETS(o);
			}
			f |= TK_SHORTLEX;
		} else if (t->flen) {
			/* a word whose answer is among the recent ones takes it now, as a short word
			 * does; the others wait for the batch (lookup_batch) */
			t->h = fnv_word(dst, o);
			unsigned code = priv_lex_cache_get(priv_lex_mix(t->h));
			if (!code) {
				look = 1;
			} else if (code >= 2) {
				t->lex = priv_lex_pair[2 * (code - 2)];
				t->lex2 = priv_lex_pair[2 * (code - 2) + 1];
				pbv = lex_sets(t->lex2);
				nfv = lex_nf(t->lex2);
			} else {
				pbv = UNKNOWN_SETS(o);
			}
		}
	}
	t->f = (uint16_t)f;
	t->ch = 0;
	/* its sets (a looked-up word's lexicon sets come with its look-up) */
	if (dst[0] == 'a')
		pbv |= at_word(dst, o) << PB_PAT;
	c->pb[ti] = (uint8_t)(f_sets[(f >> 3) & 31] | pbv);
	c->nf[NF_BEFORE + ti] = (uint8_t)(form_nf(dst, t->flen) | nfv);
	if (look) {
		st->L.k[st->L.n++] = (uint32_t)ti;
		if (st->L.n == LOOKUP_BATCH)
			lookup_batch(c, &st->L);
	} else {
		st->L.any |= t->lex;
		st->L.any2 |= t->lex2;
		st->L.guess += guess_of(t->lex, f);
	}
	st->seen += (f / TK_ALPHA) & 1;
	st->f_any |= f;
}

/* Makes punctuation token t (flags f): code point cp, w bytes at i, b its first byte. */
static inline void punct_done(struct pctx *c, struct tokst *st, struct ptok *t, unsigned f, size_t i, size_t w,
			      unsigned b, unsigned cp)
{
	size_t ti = c->n_tk - 1;
	t->s = (uint32_t)i;
	t->e = (uint32_t)(i + w);
	t->lex = t->lex2 = 0;
	fold_punct(c, t, &st->at);
	f |= TK_PUNCT;
	t->ch = w == 1 ? (uint8_t)b : 0;
	if ((w == 1 && (b == '\'' || b == '`')) || (w == 3 && memcmp(c->t + i, "\xE2\x80\x99", 3) == 0))
		f |= TK_APOS;
	t->f = (uint16_t)f;
	if (w == 1 && cp > 32 && cp < 96)
		st->punct |= 1ull << (cp - 32);
	/* its sets; a '.', ':' or '-' glued to the token before puts that one in PB_PAT */
	unsigned cs = ch_sets[t->ch];
	c->pb[ti] = (uint8_t)(cs & ~CH_DOT); /* (no punctuation is "at" or "arobase") */
	if (ti >= 1)
		c->pb[ti - 1] |= (uint8_t)(((cs >> 7) & (c->tk[ti - 1].e == t->s)) << PB_PAT);
	c->nf[NF_BEFORE + ti] = (uint8_t)form_nf(c->fold + t->fo, t->flen);
	st->pre = (f & TK_APOS) || mid_sentence[t->ch] ? 0 : TK_SENT;
	st->f_any |= f;
}

/* One step of the walk over the bytes from i (< c->len): one code point of white space, or one
 * token. Returns where the next step starts, or 0 when out of memory. */
static inline size_t tok_step(struct pctx *c, struct tokst *st, size_t i)
{
	const unsigned char *p = (const unsigned char *)c->t;
	size_t n = c->len, w = 1;
	unsigned b = p[i], k = cls[b], cp = b, f;
	if (k & CL_SP) {
		st->pre |= (b == '\n' || b == '\r') ? TK_SP | TK_NL | TK_SENT : TK_SP;
		return i + 1;
	}
	if (k & CL_HI) {
		cp = decode(p + i, n - i, &w);
		if (is_space(cp)) {
			st->pre |= TK_SP;
			return i + w;
		}
	}
	struct ptok *t = tok_new(c, st, &f);
	if (!t)
		return 0;
	int lc = k & CL_HI ? letter_case(cp) : (k & (CL_UP | CL_LOW)) ? 1 + (int)(k & CL_UP) : 0;
	if (!lc && !(k & CL_DIG)) {
		punct_done(c, st, t, f, i, w, b, cp);
		return i + w;
	}
	/* one pass over the word: its flags and its folded form written into the arena
	 * (lowercase, accents removed: what priv_fold writes) */
	unsigned any = 0; /* CL_ classes seen */
	int n_up = 0;
	char *dst = c->fold + st->at;
	size_t o = 0, s = i;
	if (lc == 2)
		f |= TK_CAP;
	for (;;) {
#ifdef SWAR_WORDS
		/* eight ASCII bytes at a time while the word lasts */
		while (n - i >= 8) {
			uint64_t x;
			memcpy(&x, p + i, 8);
			uint64_t hi = x & B8(0x80), y = x & B8(0x7F);
			uint64_t up = in_range8(y, 'A', 'Z') & ~hi, low = in_range8(y, 'a', 'z') & ~hi;
			uint64_t dig = in_range8(y, '0', '9') & ~hi;
			uint64_t stop = ~(up | low | dig) & B8(0x80);
			size_t m = stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
			uint64_t keep = m == 8 ? ~0ull : (1ull << (8 * m)) - 1;
			up &= keep;
			low &= keep;
			dig &= keep;
			x |= up >> 2; /* 'A'..'Z' + 0x20 */
			memcpy(dst + o, &x, 8);
			n_up += (up != 0) + ((up & (up - 1)) != 0);
			any |= (low ? CL_LOW : 0) | (dig ? CL_DIG : 0);
			o += m;
			i += m;
			if (m < 8)
				break;
		}
#endif
		if (i >= n)
			break;
		b = p[i];
		k = cls[b];
		if (k & CL_WORD) {
			dst[o++] = (char)(b | (k & CL_UP ? 0x20u : 0));
			n_up += k & CL_UP;
			any |= k;
			i++;
			continue;
		}
		if (!(k & CL_HI))
			break;
		cp = decode(p + i, n - i, &w);
		lc = letter_case(cp);
		if (!lc)
			break;
		if (cp < 0x100)
			f |= TK_LATIN1;
		if (lc == 2)
			n_up++;
		else
			any |= CL_LOW;
		o += fold_letter(p + i, w, cp, dst + o);
		i += w;
	}
	word_done(c, st, t, word_flags(f, n_up, any), dst, o, s, i);
	return i;
}

/* The walk over 64 bytes at a time: SSE2 (every x86-64) classifies them into bitmasks, and the
 * tokens of plain ASCII are read from the masks (white space skipped, a word's end found, its
 * letters counted and lowered sixteen at a time); a token holding a byte above 0x7F, and a
 * word of 64 bytes or more, go through tok_step. The tokens, forms and flags are the byte
 * walk's (test_priv_tok compares the two). */
#if defined(__SSE2__) && !defined(PRIV_TOK_BYTES_ONLY)
#include <emmintrin.h>
#define TOK_BLOCKS 1
/* What punct_done() does for one ASCII byte b at i that is no letter, digit or space (the
 * block walk's punctuation, without the cases of several bytes). */
static inline void punct1_done(struct pctx *c, struct tokst *st, struct ptok *t, unsigned f, size_t i, unsigned b)
{
	size_t ti = c->n_tk - 1;
	char *dst = c->fold + st->at;
	dst[0] = (char)b;
	dst[1] = 0;
	t->s = (uint32_t)i;
	t->e = (uint32_t)(i + 1);
	t->lex = t->lex2 = 0;
	t->fo = (uint32_t)st->at;
	st->at += 2;
	t->flen = 1;
	t->h = 0;
	t->ch = (uint8_t)b;
	f |= TK_PUNCT | (b == '\'' || b == '`' ? TK_APOS : 0);
	t->f = (uint16_t)f;
	st->punct |= (uint64_t)(b > 32 && b < 96) << ((b - 32) & 63);
	unsigned cs = ch_sets[b];
	c->pb[ti] = (uint8_t)(cs & ~CH_DOT);
	if (ti >= 1)
		c->pb[ti - 1] |= (uint8_t)(((cs >> 7) & (c->tk[ti - 1].e == i)) << PB_PAT);
	c->nf[NF_BEFORE + ti] = (uint8_t)(form_nf_tab[b] >> 8);
	st->pre = (f & TK_APOS) || mid_sentence[b] ? 0 : TK_SENT;
	st->f_any |= f;
}

/* 64 bytes of the text from some base: bit k of each mask says what byte base + k is; low
 * holds the bytes with 'A'..'Z' lowered, then 16 zeros (a word's last copy reads past). */
struct blk {
	uint64_t word, up, dig, lower, sp, nl, hi;
	unsigned char low[80];
};

/* The bytes of x from lo to lo + cnt - 1: x - lo below cnt unsigned, compared signed once both
 * are moved by 0x80. */
static inline __m128i in_range16(__m128i x, int lo, int cnt)
{
	return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo))), _mm_set1_epi8((char)(cnt - 0x80)));
}

/* Classifies the avail bytes at p (64 at most; ' ' stands for those past the text). */
static void blk_load(struct blk *b, const unsigned char *p, size_t avail)
{
	unsigned char pad[64];
	if (avail < 64) {
		memcpy(pad, p, avail);
		memset(pad + avail, ' ', 64 - avail);
		p = pad;
	}
	uint64_t up = 0, dig = 0, lower = 0, sp = 0, nl = 0, hi = 0;
	for (unsigned k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
		__m128i u = in_range16(x, 'A', 26), d = in_range16(x, '0', 10);
		__m128i lw = in_range16(x, 'a', 26);
		__m128i s = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), in_range16(x, 9, 5));
		__m128i l = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
		_mm_storeu_si128((__m128i *)(void *)(b->low + 16 * k), _mm_or_si128(x, _mm_and_si128(u, _mm_set1_epi8(0x20))));
		unsigned sh = 16 * k;
		up |= (uint64_t)(unsigned)_mm_movemask_epi8(u) << sh;
		dig |= (uint64_t)(unsigned)_mm_movemask_epi8(d) << sh;
		lower |= (uint64_t)(unsigned)_mm_movemask_epi8(lw) << sh;
		sp |= (uint64_t)(unsigned)_mm_movemask_epi8(s) << sh;
		nl |= (uint64_t)(unsigned)_mm_movemask_epi8(l) << sh;
		hi |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << sh;
	}
	_mm_storeu_si128((__m128i *)(void *)(b->low + 64), _mm_setzero_si128());
	b->word = up | dig | lower, b->up = up, b->dig = dig, b->lower = lower, b->sp = sp, b->nl = nl, b->hi = hi;
}

static enum ent_err tok_walk(struct pctx *c, struct tokst *st)
{
	const unsigned char *p = (const unsigned char *)c->t;
	size_t n = c->len, i = 0, base = 0;
	struct blk b;
	if (n)
		blk_load(&b, p, n);
	while (i < n) {
		size_t r = i - base;
		if (r >= 64) {
			base = i;
			r = 0;
			blk_load(&b, p + i, n - i);
		}
		/* white space: to the first other byte, or to the block's end */
		uint64_t ns = ~b.sp >> r;
		if (!ns) {
			st->pre |= TK_SP | ((b.nl >> r) ? TK_NL | TK_SENT : 0);
			i = base + 64;
			continue;
		}
		unsigned g = (unsigned)__builtin_ctzll(ns);
		if (g) {
			/* a line break among those g bytes (1 <= g < 64 - r) */
			st->pre |= TK_SP | (((b.nl >> r) << (64 - g)) ? TK_NL | TK_SENT : 0);
			i += g;
			r += g;
		}
		uint64_t bit = 1ull << r, wr = b.word >> r;
		unsigned f, len = 0;
		if (wr & 1) {
			if (wr == ~0ull >> r) {
				/* the word runs to the block's end: read it from a block of its own */
				if (r) {
					base = i;
					blk_load(&b, p + i, n - i);
					continue;
				}
				b.hi |= bit; /* 64 bytes or more: the byte walk */
			} else {
				len = (unsigned)__builtin_ctzll(~wr);
				if ((b.hi >> (r + len)) & 1)
					b.hi |= bit; /* letters above 0x7F follow ("Zo" "é"): the byte walk */
			}
		}
		if (b.hi & bit) {
			if (!(i = tok_step(c, st, i)))
				return ENT_ENOMEM;
			continue;
		}
		struct ptok *t = tok_new(c, st, &f);
		if (!t)
			return ENT_ENOMEM;
		if (!len) {
			punct1_done(c, st, t, f, i, p[i]);
			i++;
			continue;
		}
		uint64_t wm = ((1ull << len) - 1) << r, up = b.up & wm;
		/* word_flag_tab's index from the masks */
		unsigned wf = (unsigned)(up != 0) + ((up & (up - 1)) != 0) + ((b.lower & wm) != 0) * 4u +
			      ((b.dig & wm) != 0) * 8u;
		if (up & bit)
			f |= TK_CAP;
		char *dst = c->fold + st->at;
		for (unsigned k = 0; k < len; k += 16)
			_mm_storeu_si128((__m128i *)(void *)(dst + k),
					 _mm_loadu_si128((const __m128i *)(const void *)(b.low + r + k)));
		word_done(c, st, t, f | word_flag_tab[wf], dst, len, i, i + len);
		i += len;
	}
	return ENT_OK;
}
#endif

/* Before a walk: the state, the NF_ entries before the first token, the fold arena. */
static enum ent_err tok_begin(struct pctx *c, struct tokst *st)
{
	st->at = 0;
	st->pre = TK_SENT;
	st->f_any = 0;
	st->punct = 0;
	st->seen = 0;
	st->L.n = 0; /* its k[] is written before it is read: not cleared */
	st->L.any = st->L.any2 = 0;
	st->L.guess = 0;
	if (c->nf)
		memset(c->nf, 0, NF_BEFORE * sizeof *c->nf);
	/* every folded form fits: at most the text's bytes, plus one terminator per token; the
	 * walks may write up to 15 bytes past a word: within this bound too */
	if (c->cap_fold < PRIV_FOLD_ARENA(c->len)) {
		c->fold = malloc(PRIV_FOLD_ARENA(c->len));
		if (!c->fold)
			return ENT_ENOMEM;
		c->cap_fold = PRIV_FOLD_ARENA(c->len);
		c->fold_heap = 1;
	}
	return ENT_OK;
}

/* After a walk: the last look-ups, the candidate sets, what the text holds. */
static enum ent_err tok_end(struct pctx *c, struct tokst *st)
{
	if (st->L.n)
		lookup_batch(c, &st->L);
	if (c->nf)
		c->nf[NF_BEFORE + c->n_tk] = 0; /* (cap_tk + NF_PAD entries) */
	if (build_sets(c))
		return ENT_ENOMEM;
	c->f_any |= st->f_any;
	c->punct |= st->punct;
	c->lex_any = st->L.any;
	c->lex2_any = st->L.any2;
	/* (no guess when the language is given) */
	uint32_t g = c->lang != ENT_PRIV_AUTO ? 0 : st->seen <= 60 ? st->L.guess : guess_first60(c->tk, c->n_tk);
	c->guess_fr = (int)(g & 0xFF);
	c->guess_en = (int)(g >> 8 & 0xFF);
	c->guess_wfr = (int)(g >> 16 & 0xFF);
	c->guess_wen = (int)(g >> 24);
	return ENT_OK;
}

enum ent_err priv_tokenize_bytes(struct pctx *c)
{
	struct tokst st;
	enum ent_err err = tok_begin(c, &st);
	for (size_t i = 0; err == ENT_OK && i < c->len;)
		if (!(i = tok_step(c, &st, i)))
			err = ENT_ENOMEM;
	return err == ENT_OK ? tok_end(c, &st) : err;
}

enum ent_err priv_tokenize(struct pctx *c)
{
#ifdef TOK_BLOCKS
	struct tokst st;
	enum ent_err err = tok_begin(c, &st);
	if (err == ENT_OK)
		err = tok_walk(c, &st);
	return err == ENT_OK ? tok_end(c, &st) : err;
#else
	return priv_tokenize_bytes(c);
#endif
}

enum ent_priv_lang priv_guess_lang(const struct pctx *c)
{
	/* the counts of the tokenizer (guess_of, guess_first60) */
	if (c->guess_en != c->guess_fr)
		return c->guess_en > c->guess_fr ? ENT_PRIV_EN : ENT_PRIV_FR;
	return c->guess_wen > c->guess_wfr ? ENT_PRIV_EN : ENT_PRIV_FR;
}
