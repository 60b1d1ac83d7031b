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
	c->tk = NULL;
	c->fold = NULL;
	c->bm = NULL;
	c->pb = NULL;
	c->nf = NULL;
	c->nw = 0;
	c->tk_heap = c->fold_heap = c->bm_heap = c->pb_heap = c->nf_heap = 0;
}

/* What a token's flags and punctuation byte put it in (its byte of c->pb): f_sets by bits 3..6
 * of TK_ flags (TK_CAP, TK_ALLCAP, TK_LOWER, TK_DIGIT), ch_sets by the byte of a punctuation
 * token (CH_DOT: a '.', ':' or '-', that puts the token before it, when glued, in PB_PAT). */
_Static_assert(TK_CAP == 1u << 3 && TK_ALLCAP == 1u << 4 && TK_DIGIT == 1u << 6, "f_sets' index");
_Static_assert(PB_N <= 7, "a token's sets and CH_DOT in one byte");
#define CH_DOT 0x80u
static const uint8_t f_sets[16] = {
	0, PB_SET(PB_CAPS), PB_SET(PB_CAPS), PB_SET(PB_CAPS), 0, PB_SET(PB_CAPS), PB_SET(PB_CAPS),
	PB_SET(PB_CAPS), PB_SET(PB_DIGIT), PB_SET(PB_DIGIT) | PB_SET(PB_CAPS),
	PB_SET(PB_DIGIT) | PB_SET(PB_CAPS), PB_SET(PB_DIGIT) | PB_SET(PB_CAPS), PB_SET(PB_DIGIT),
	PB_SET(PB_DIGIT) | PB_SET(PB_CAPS), PB_SET(PB_DIGIT) | PB_SET(PB_CAPS),
	PB_SET(PB_DIGIT) | PB_SET(PB_CAPS)};
static const uint8_t ch_sets[256] = {
	['+'] = PB_SET(PB_SIGN), ['('] = PB_SET(PB_SIGN) | PB_SET(PB_PAT), ['@'] = PB_SET(PB_PAT),
	['['] = PB_SET(PB_PAT), ['.'] = CH_DOT, [':'] = CH_DOT, ['-'] = CH_DOT};

/* The sets a word's lexicon flags put it in. */
static inline unsigned lex_sets(uint32_t lex)
{
	return (unsigned)!!(lex & PB_START_LEX) << PB_START | (unsigned)!!(lex & PB_TOWN_LEX) << PB_TOWN;
}

/* The NF_ bits a word's lexicon flags give it (bit tests as shifts: no branch, no multiply). */
#define LEX_BIT(x, flag, nf) ((((x) / (flag)) & 1u) * (nf))
static inline unsigned lex_nf(uint32_t lex, uint32_t lex2)
{
	return LEX_BIT(lex, LX_TITLE, NF_TITLE) | LEX_BIT(lex, LX_KIN, NF_KIN) | LEX_BIT(lex2, LX2_PVERB, NF_PVERB) |
	       LEX_BIT(lex2, LX2_COMPANION, NF_COMPANION);
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
	/* the last group of eight reads up to seven bytes past the last token: none of its sets */
	memset(c->pb + n, 0, PB_PAD);
	_Static_assert(PB_N == 7, "the gather below names every set");
#define PB_GATHER(k) (((((x >> (k)) & 0x0101010101010101ull) * 0x0102040810204080ull) >> 56) << (8 * g))
	for (size_t w = 0; w < nw; w++) {
		size_t base = w * 64, groups = n - base < 64 ? (n - base + 7) / 8 : 8;
		uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
		for (size_t g = 0; g < groups; g++) {
			uint64_t x;
			memcpy(&x, c->pb + base + 8 * g, 8);
			s0 |= PB_GATHER(0);
			s1 |= PB_GATHER(1);
			s2 |= PB_GATHER(2);
			s3 |= PB_GATHER(3);
			s4 |= PB_GATHER(4);
			s5 |= PB_GATHER(5);
			s6 |= PB_GATHER(6);
		}
		uint64_t *o = bm + w * PB_N;
		o[0] = s0, o[1] = s1, o[2] = s2, o[3] = s3, o[4] = s4, o[5] = s5, o[6] = s6;
	}
#undef PB_GATHER
	return 0;
}

/* The hashed-table look-ups of the words of a text, made a batch at a time: the indices of the
 * tokens to look up (the top bit: the token is one of the first 60 words with a letter, that
 * the language guess counts), and what the text holds so far. */
#define LOOKUP_BATCH 64
#define LOOKUP_GUESS 0x80000000u
struct lookups {
	uint32_t k[LOOKUP_BATCH];
	size_t n;
	uint32_t any, any2;
	uint32_t guess; /* the language guess's four counts, a byte each (guess_count) */
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

/* Counts one of the first 60 words with a letter for the language guess. */
static inline void guess_count(struct lookups *L, const struct ptok *t)
{
	uint32_t l = t->lex;
	L->guess += guess_add[((l >> 27) & 3u) | ((l >> 2) & 12u) | ((t->f >> 8) & 16u)];
}

/* Looks the batch up in two sweeps, prefetching the home slots first, so that the cache
 * misses of its words overlap instead of adding up. A key sits in its home slot's cache line
 * nine times in ten, else in the next: the slot four further is prefetched too (the same line
 * when the home slot is among the first four of its line). */
static void lookup_batch(struct pctx *c, struct lookups *L)
{
	struct ptok *tk = c->tk;
	for (size_t j = 0; j < L->n; j++) {
		const uint64_t *home = priv_lex_home(tk[L->k[j] & ~LOOKUP_GUESS].h);
		__builtin_prefetch(home);
		__builtin_prefetch(home + 4);
	}
	for (size_t j = 0; j < L->n; j++) {
		size_t ti = L->k[j] & ~LOOKUP_GUESS;
		struct ptok *t = &tk[ti];
		t->lex = priv_lex_get2(t->h, &t->lex2);
		c->pb[ti] |= (uint8_t)lex_sets(t->lex);
		c->nf[NF_BEFORE + ti] |= (uint8_t)lex_nf(t->lex, t->lex2);
		L->any |= t->lex;
		L->any2 |= t->lex2;
		if (L->k[j] & LOOKUP_GUESS)
			guess_count(L, t);
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

/* A token after prev starts a sentence when prev is punctuation other than an apostrophe,
 * a comma, a hyphen, # @ & / or an opening parenthesis ("(Eugénie André, 80 ans)" reads
 * mid-sentence). */
static inline int starts_after(const struct ptok *prev)
{
	if ((prev->f & (TK_PUNCT | TK_APOS)) != TK_PUNCT)
		return 0;
	switch (prev->ch) {
	case ',': case '-': case '#': case '@': case '&': case '/': case '(':
		return 0;
	default:
		return 1;
	}
}

enum ent_err priv_tokenize(struct pctx *c)
{
	const unsigned char *p = (const unsigned char *)c->t;
	size_t i = 0, n = c->len, at = 0;
	uint16_t pre = 0;
	uint32_t f_any = 0;
	uint64_t punct = 0;
	int seen = c->lang == ENT_PRIV_AUTO ? 0 : 60;
	struct lookups L; /* its k[] is written before it is read: not cleared */
	L.n = 0;
	L.any = L.any2 = 0;
	L.guess = 0;
	/* every folded form fits: at most the text's bytes, plus one terminator per token; the
	 * word loop may write up to 7 bytes past a word: within this bound too */
	if (c->nf)
		memset(c->nf, 0, NF_BEFORE * sizeof *c->nf);
	if (c->cap_fold < PRIV_FOLD_ARENA(n)) {
		c->fold = malloc(PRIV_FOLD_ARENA(n));
		if (!c->fold)
			return ENT_ENOMEM;
		c->cap_fold = PRIV_FOLD_ARENA(n);
		c->fold_heap = 1;
	}
	while (i < n) {
		unsigned b = p[i], k = cls[b];
		size_t w = 1;
		unsigned cp = b;
		if (k & CL_SP) {
			pre |= (b == '\n' || b == '\r') ? TK_SP | TK_NL : TK_SP;
			i++;
			continue;
		}
		if (k & CL_HI) {
			cp = decode(p + i, n - i, &w);
			if (is_space(cp)) {
				pre |= TK_SP;
				i += w;
				continue;
			}
		}
		if (c->n_tk == c->cap_tk && grow(c))
			return ENT_ENOMEM;
		struct ptok *t = &c->tk[c->n_tk++];
		uint16_t f = pre;
		pre = 0;
		if (c->n_tk == 1 || (f & TK_NL) || starts_after(&c->tk[c->n_tk - 2]))
			f |= TK_SENT;
		int lc = k & CL_HI ? letter_case(cp) : (k & (CL_UP | CL_LOW)) ? 1 + (int)(k & CL_UP) : 0;
		if (lc || (k & CL_DIG)) {
			/* one pass over the word: its flags and its folded form written into the arena
			 * (lowercase, accents removed: what priv_fold writes) */
			unsigned any = 0; /* CL_ classes seen */
			int n_up = 0, look = 0;
			char *dst = c->fold + at;
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
			f |= TK_WORD;
			if (any & CL_DIG)
				f |= TK_DIGIT;
			if (n_up || (any & CL_LOW))
				f |= TK_ALPHA;
			else
				f |= TK_NUM;
			if (n_up >= 2 && !(any & CL_LOW))
				f |= TK_ALLCAP;
			if ((any & CL_LOW) && !n_up)
				f |= TK_LOWER;
			dst[o] = 0;
			t->s = (uint32_t)s;
			t->e = (uint32_t)i;
			t->fo = (uint32_t)at;
			at += o + 1;
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
					}
					f |= TK_SHORTLEX;
				} else if (t->flen) {
					look = 1;
					t->h = fnv_word(dst, o);
				}
			}
			t->f = f;
			t->ch = 0;
			/* its sets (a looked-up word's lexicon sets come with its look-up) */
			c->pb[c->n_tk - 1] = (uint8_t)(f_sets[(f >> 3) & 15] | lex_sets(t->lex) |
						     at_word(dst, o) << PB_PAT |
						     (unsigned)((f & (TK_ALPHA | TK_DIGIT)) == TK_ALPHA) << PB_NAMEW);
			c->nf[NF_BEFORE + c->n_tk - 1] = (uint8_t)(form_nf(dst, t->flen) | lex_nf(t->lex, t->lex2));
			if (look) {
				L.k[L.n++] = (uint32_t)(c->n_tk - 1) | (seen < 60 && (f & TK_ALPHA) ? LOOKUP_GUESS : 0);
				if (L.n == LOOKUP_BATCH)
					lookup_batch(c, &L);
			} else {
				L.any |= t->lex;
				L.any2 |= t->lex2;
				if (seen < 60 && (f & TK_ALPHA))
					guess_count(&L, t);
			}
			seen += seen < 60 && (f & TK_ALPHA);
		} else {
			t->s = (uint32_t)i;
			i += w;
			t->e = (uint32_t)i;
			t->lex = t->lex2 = 0;
			fold_punct(c, t, &at);
			f |= TK_PUNCT;
			t->ch = w == 1 ? (uint8_t)b : 0;
			if ((w == 1 && (b == '\'' || b == '`')) || (w == 3 && memcmp(p + t->s, "\xE2\x80\x99", 3) == 0))
				f |= TK_APOS;
			t->f = f;
			if (w == 1 && cp > 32 && cp < 96)
				punct |= 1ull << (cp - 32);
			/* its sets; a '.', ':' or '-' glued to the token before puts that one in PB_PAT */
			unsigned cs = ch_sets[t->ch];
			c->pb[c->n_tk - 1] = (uint8_t)((cs & ~CH_DOT) | at_word(c->fold + t->fo, t->flen) << PB_PAT);
			if (c->n_tk >= 2)
				c->pb[c->n_tk - 2] |= (uint8_t)(((cs >> 7) & (c->tk[c->n_tk - 2].e == t->s)) << PB_PAT);
			c->nf[NF_BEFORE + c->n_tk - 1] = (uint8_t)form_nf(c->fold + t->fo, t->flen);
		}
		f_any |= f;
	}
	if (L.n)
		lookup_batch(c, &L);
	if (c->nf)
		c->nf[NF_BEFORE + c->n_tk] = 0; /* (cap_tk + NF_PAD entries) */
	if (build_sets(c))
		return ENT_ENOMEM;
	c->f_any |= f_any;
	c->punct |= punct;
	c->lex_any = L.any;
	c->lex2_any = L.any2;
	c->guess_fr = (int)(L.guess & 0xFF);
	c->guess_en = (int)(L.guess >> 8 & 0xFF);
	c->guess_wfr = (int)(L.guess >> 16 & 0xFF);
	c->guess_wen = (int)(L.guess >> 24);
	return ENT_OK;
}

enum ent_priv_lang priv_guess_lang(const struct pctx *c)
{
	/* the counts of the tokenizer (guess_count) */
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
