/*
 * priv_text.h - internals shared by the recognisers of the text engine: the per-call scan
 * context, its tokens and the span list. Not a public header.
 *
 * One call of ent_priv_scan() builds one context: a token array made in one pass over the
 * text, each token folded once (into the context's fold arena) and looked up once in the
 * lexicon (both flag words kept in the token); short texts use buffers on the caller's stack,
 * longer ones one allocation each (the token array grown by doubling, the arena sized from
 * the text), never one per token. Then the recognisers run in a fixed order:
 * patterns (e-mail, URL, handles), numbers (identifiers, phones, dates, ages, postcodes,
 * street numbers), words (IBAN, plates, labelled numbers, hospitals, streets, towns), and
 * names last. A recogniser claims the tokens it covers so that later ones skip them.
 */
#ifndef PRIV_TEXT_H
#define PRIV_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "entraide/privacy.h"
#include "privacy/text/priv_lex.h"

enum {
	TK_WORD = 1u << 0,    /* letters and/or digits */
	TK_NUM = 1u << 1,     /* digits only */
	TK_PUNCT = 1u << 2,   /* one code point that is not a letter, digit or space */
	TK_CAP = 1u << 3,     /* starts with an uppercase letter */
	TK_ALLCAP = 1u << 4,  /* two or more letters, all uppercase */
	TK_LOWER = 1u << 5,   /* has letters, none uppercase */
	TK_DIGIT = 1u << 6,   /* holds a digit */
	TK_ALPHA = 1u << 7,   /* holds a letter */
	TK_SP = 1u << 8,      /* white space right before */
	TK_NL = 1u << 9,      /* a line break right before */
	TK_CLAIMED = 1u << 10, /* covered by a span already */
	TK_AGE = 1u << 11,     /* covered by an AGE span */
	TK_LATIN1 = 1u << 12,  /* holds a letter of U+00C0..U+00FF ("é", "à", "ç"...) */
	TK_SHORTLEX = 1u << 13, /* the tokenizer's own: lexicon flags read from priv_lex_short */
	TK_SENT = 1u << 14,     /* starts a sentence (what tk_sentence_start() says, set once) */
	TK_APOS = 1u << 15      /* an apostrophe: ' ` or U+2019 (what tk_apos() says) */
};

struct ptok {
	uint64_t h;     /* hash of the folded word (tokens with a letter only) */
	uint32_t s, e;  /* byte range */
	uint32_t lex;   /* lexicon flags (LX_) of the folded word (tokens with a letter only) */
	uint32_t lex2;  /* its second flag word (LX2_) */
	uint32_t fo;    /* folded form (every token): c->fold + fo, NUL-terminated */
	uint16_t f;     /* TK_ flags */
	uint8_t flen;   /* length of the folded form (0: over 64 bytes, never compared) */
	uint8_t ch;     /* a punctuation token of one byte: that byte (what tk_ch() reads); else 0 */
};

/* Candidate sets: for each, one bit per token (bit i % 64 of word i / 64), set by the tokenizer
 * once every token has its flags, so that a loop whose recognisers all start from such a token
 * visits those tokens only (tk_next_any) instead of testing every token; the loop still tests
 * its own conditions on each token it visits. The sets are those of the flags as tokenized:
 * pn_unshout's changes (names pass) and TK_CLAIMED are not in them. */
enum {
	PB_DIGIT,  /* a word holding a digit (TK_DIGIT) */
	PB_CAPS,   /* a word with a capital first or in capitals (TK_CAP or TK_ALLCAP) */
	PB_SIGN,   /* a '+' or a '(' (what may open a phone number) */
	PB_START,  /* a word that starts a street, a French hospital or a date (LX_STREET, LX_HOSP,
		    * LX_TOWNPFX, LX_MONTH), or a number in words (LX2_NUMW: an age or a date) */
	PB_TOWN,   /* a listed town (LX_TOWN, LX_CITY, LX_TOWNPFX) */
	PB_GIVEN,  /* a word that a given-name list holds (PB_GIVEN_LEX) and no list of words
		    * never a name (PB_GIVEN_NOT), that no list holds and folds to three to five
		    * bytes, or a key of hand lists only (no LX_ flag; any length): a superset of
		    * what the late rules of priv_name_nick.c start from (maybe_named) */
	PB_PAT,    /* what the patterns start from: an '@', a token right before a '.', ':' or '-'
		    * glued to it (a host, a URL's scheme); a '[' or '(', "at" or "arobase" (an
		    * e-mail address written out) */
	PB_NAMEW,  /* a word with a letter and no digit (what the names pass tries) */
	PB_N
};
#define PB_SET(k) (1u << (k))
#define PB_START_LEX (LX_STREET | LX_HOSP | LX_TOWNPFX | LX_MONTH)
#define PB_START_LEX2 LX2_NUMW
#define PB_TOWN_LEX (LX_TOWN | LX_CITY | LX_TOWNPFX)
#define PB_GIVEN_LEX (LX_PRN | LX_FIRSTNAME | LX_HN)
/* (a subset of priv_name.h's PN_NEVER, which priv_name_nick.c checks; the generator's
 * GIVEN_NOT, which test_priv_tok checks) */
#define PB_GIVEN_NOT (LX_DAY | LX_TITLE | LX_KIN | LX_GREET | LX_SIGNOFF | LX_INTRO | LX_EPONYM | LX_STOPFR | \
		      LX_STOPEN | LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET | LX_MEDCTX | LX_IDLABEL)
/* What a token tells the rules of the names pass about the word next to it (pctx.nf, one
 * byte a token, written by the tokenizer as it makes the token and, for a word looked up in
 * the hashed table, with its look-up): rule_gate() in priv_name.c reads those of the tokens
 * around a word instead of their flags, forms and bytes. */
enum {
	NF_SERIES = 1u << 0,    /* a ':', or a form of 2 letters from 't', 1 from 'a' or 'u', 3 from
				 * 'y' (a superset of "to", "a", "u", "you": r_series) */
	NF_LISTED = 1u << 1,    /* a ',' or '&', or a form of 2 letters from 'e' or 'o', 3 from 'a'
				 * (a superset of "et", "ou", "and", "or": r_list) */
	NF_HASH = 1u << 2,      /* a '#' */
	NF_NE = 1u << 3,        /* a form from 'n' or 'e' (a superset of "née", "épouse", "ep") */
	NF_TITLE = 1u << 4,     /* LX_TITLE */
	NF_KIN = 1u << 5,       /* LX_KIN */
	NF_PVERB = 1u << 6,     /* LX2_PVERB */
	NF_COMPANION = 1u << 7  /* LX2_COMPANION */
};
/* Entries of pctx.nf before the first token and after the last one (all 0): nf[NF_BEFORE + i]
 * is token i's, and the three before any token can be read. */
#define NF_BEFORE 3
#define NF_PAD (NF_BEFORE + 1)

/* Bytes past the last token's set byte (pctx.pb) that the gather into bitmaps reads. */
#define PB_PAD 16
/* Words of PB_N bitmaps a context keeps on its own for a text of up to 128 tokens. */
#define PB_LOCAL_WORDS 2

/* Longest folded form that is looked up or compared. */
#define PRIV_FOLD_MAX 64
/* Bytes of the fold arena of a text of n bytes: every folded form, its terminator, and 16
 * bytes the tokenizer may touch past the last word (it copies a word 16 bytes at a time). */
#define PRIV_FOLD_ARENA(n) (2 * (size_t)(n) + 16)

struct pctx {
	const char *t; /* the text (borrowed) */
	size_t len;
	enum ent_priv_lang lang;
	struct ptok *tk;
	size_t n_tk, cap_tk;
	int tk_heap;   /* tk was allocated (else it is the caller's buffer) */
	char *fold;    /* the folded forms of the tokens, one after the other */
	size_t cap_fold;
	int fold_heap; /* fold was allocated */
	struct ent_priv_span *sp;
	size_t n_sp, cap_sp;
	int oom;
	int shout; /* the text is written in capitals (set by the names pass) */
	int care;  /* priv_care_context()'s answer once asked: 0 not yet, 1 no, 2 yes */
	/* What the text holds, for the passes to skip it when they can find nothing (set by the
	 * tokenizer): the TK_ flags of its tokens as tokenized, their LX_ and LX2_ flags, and the
	 * ASCII punctuation characters (bit ch - 32 of punct, for ch in 33..95). */
	uint32_t f_any, lex_any, lex2_any;
	uint64_t punct;
	/* what priv_guess_lang() reads, counted by the tokenizer's last sweep over the first 60
	 * words with a letter: function words of each language (and accented letters, for French),
	 * words only one dictionary holds */
	int guess_fr, guess_en, guess_wfr, guess_wen;
	/* the candidate sets (PB_): word w of set k is bm[w * PB_N + k], for w < nw (set by the
	 * tokenizer); bm is bm_local or, for a long text, an allocation (bm_heap) */
	uint64_t *bm;
	size_t nw;
	int bm_heap;
	uint64_t bm_local[PB_LOCAL_WORDS * PB_N];
	/* each token's candidate sets (PB_SET bits), one byte a token written by the tokenizer as
	 * it makes the token (cap_tk + PB_PAD bytes: the caller's buffer with tk, or an allocation
	 * grown with it, pb_heap); the tokenizer gathers them into bm */
	uint8_t *pb;
	int pb_heap;
	/* each token's NF_ bits at nf[NF_BEFORE + i] (cap_tk + NF_PAD entries: the caller's
	 * buffer with tk, or an allocation grown with it, nf_heap) */
	uint8_t *nf;
	int nf_heap;
	/* the type + 1 of the first of the spans sp[0..n_sp_typed) that covers each token's first
	 * byte (0: none), written by the first look-up of priv_name_anchor.c in a text of many
	 * spans; NULL until then (priv_tok_free() releases it) */
	uint8_t *sp_type;
	size_t n_sp_typed;
};

/* A walk over the tokens of some candidate sets (PB_SET bits): the union of their bitmaps is
 * made once per word of 64 tokens, kept in the walk. */
struct tk_walk {
	unsigned sets;
	size_t w;   /* the word held in m (SIZE_MAX: none yet) */
	uint64_t m; /* the union of the sets over tokens 64w..64w+63 */
};
static inline struct tk_walk tk_walk_of(unsigned sets)
{
	return (struct tk_walk){sets, SIZE_MAX, 0};
}
static inline uint64_t tk_walk_word(const struct pctx *c, unsigned sets, size_t w)
{
	const uint64_t *b = c->bm + w * PB_N;
	uint64_t m = 0;
	/* unrolled: a walk's sets are a constant at each call, so this is one load per set walked
	 * (gcc kept a loop of seven bit tests) */
#pragma GCC unroll 8
	for (unsigned k = 0; k < PB_N; k++)
		if (sets & PB_SET(k))
			m |= b[k];
	return m;
}
/* The first token at or after i in the walk's sets, or n_tk when none. A loop `for (i =
 * tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1))` visits the tokens of
 * the sets in order, and may move i forward in its body. */
static inline size_t tk_next_any(const struct pctx *c, struct tk_walk *wk, size_t i)
{
	size_t w = i >> 6;
	if (w != wk->w) {
		if (w >= c->nw)
			return c->n_tk;
		wk->w = w;
		wk->m = tk_walk_word(c, wk->sets, w);
	}
	uint64_t m = wk->m & (~0ull << (i & 63));
	while (!m) {
		if (++w >= c->nw)
			return c->n_tk;
		wk->w = w;
		m = wk->m = tk_walk_word(c, wk->sets, w);
	}
	return (w << 6) + (size_t)__builtin_ctzll(m);
}

/* The text holds the ASCII punctuation character ch (33..95) as a token. */
static inline int priv_has_punct(const struct pctx *c, char ch)
{
	return (c->punct >> (ch - 32)) & 1;
}

/* Tokenizer (priv_tok.c): c->tk and c->fold may point at the caller's buffers (cap_tk tokens,
 * cap_fold bytes) or be NULL; a buffer too small is replaced by an allocation (tk_heap,
 * fold_heap), that priv_tok_free() releases. Returns ENT_OK or ENT_ENOMEM. */
enum ent_err priv_tokenize(struct pctx *c);
/* The same tokens, flags, forms, sets and counts, made by the portable walk over the bytes
 * that priv_tokenize() uses where SSE2 is missing (WebAssembly, other CPUs): for the test
 * that compares the two walks. */
enum ent_err priv_tokenize_bytes(struct pctx *c);
void priv_tok_free(struct pctx *c);
/* Language guess from function words (counted by priv_tokenize when c->lang is
 * ENT_PRIV_AUTO). */
enum ent_priv_lang priv_guess_lang(const struct pctx *c);

/* Adds a span over bytes [s,e) and claims the tokens it touches. */
void priv_add(struct pctx *c, size_t s, size_t e, enum ent_priv_type type, float conf,
	      const char *rec);
/* Adds a span over tokens [i,j] inclusive. */
void priv_add_tok(struct pctx *c, size_t i, size_t j, enum ent_priv_type type, float conf,
		  const char *rec);
/* Index of the first token whose end is after byte b (n_tk if none). */
size_t priv_tok_at(const struct pctx *c, size_t b);

/* Token helpers. */
static inline int tk_is(const struct pctx *c, size_t i, unsigned f)
{
	return i < c->n_tk && (c->tk[i].f & f);
}
static inline int tk_free(const struct pctx *c, size_t i)
{
	return i < c->n_tk && !(c->tk[i].f & TK_CLAIMED);
}
static inline size_t tk_len(const struct pctx *c, size_t i)
{
	return i < c->n_tk ? c->tk[i].e - c->tk[i].s : 0;
}
static inline int tk_lex(const struct pctx *c, size_t i, uint32_t f)
{
	return i < c->n_tk && (c->tk[i].lex & f);
}
/* Second flag word (LX2_): for a hand list of words with a letter, the same answer as
 * tk_eq_any() over the list, from the one look-up the tokenizer made. */
static inline int tk_lex2(const struct pctx *c, size_t i, uint32_t f)
{
	return i < c->n_tk && (c->tk[i].lex2 & f);
}
/* True when token i is the punctuation character ch (ASCII, not NUL). */
static inline int tk_ch(const struct pctx *c, size_t i, char ch)
{
	return i < c->n_tk && c->tk[i].ch == (unsigned char)ch;
}
/* True when tokens i and i+1 touch (no space between). */
static inline int tk_glued(const struct pctx *c, size_t i)
{
	return i + 1 < c->n_tk && c->tk[i].e == c->tk[i + 1].s;
}
/* The folded form of token i (lowercase, accents removed, NUL-terminated). */
static inline const char *tk_fold(const struct pctx *c, size_t i)
{
	return c->fold + c->tk[i].fo;
}
/* Case-insensitive, accent-insensitive comparison of token i with an ASCII lowercase word:
 * its folded form, made once by the tokenizer. The first byte settles most comparisons. */
static inline int tk_eq(const struct pctx *c, size_t i, const char *w)
{
	if (i >= c->n_tk || !c->tk[i].flen)
		return 0;
	const char *f = tk_fold(c, i);
	return f[0] == w[0] && strcmp(f, w) == 0;
}
/* Same, against a list of words ending with NULL. */
int tk_eq_any(const struct pctx *c, size_t i, const char *const *ws);
/* What the words of a list share (tk_form_of): bit n of len for a word of n bytes (31: 31 or
 * more), bit l & 31 of first for one starting with byte l. A pre-test for tk_eq_any() made
 * from the list itself, so that it cannot turn away a word added to the list. */
struct tk_form {
	uint32_t len, first;
};
static inline struct tk_form tk_form_of(const char *const *ws)
{
	struct tk_form m = {0, 0};
	for (; *ws; ws++) {
		size_t n = strlen(*ws);
		m.len |= 1u << (n < 31 ? n : 31);
		m.first |= 1u << ((unsigned char)(*ws)[0] & 31);
	}
	return m;
}
/* Token i (< n_tk) has the length and first letter of a word of m's list: when not,
 * tk_eq_any() over that list says 0. (Without a branch: every token has a folded form; flen 0,
 * a form never compared, has bit 0, which no word sets.) */
static inline int tk_form_may(const struct pctx *c, size_t i, struct tk_form m)
{
	unsigned n = c->tk[i].flen, b = (unsigned char)c->fold[c->tk[i].fo];
	return (int)((m.len >> (n < 31 ? n : 31)) & (m.first >> (b & 31)) & 1);
}
/* Token i is an apostrophe (' ` or U+2019). */
static inline int tk_apos(const struct pctx *c, size_t i)
{
	return i < c->n_tk && (c->tk[i].f & TK_APOS);
}
/* Token i (< n_tk) starts a sentence (first token, or after . ! ? : ; a line break, a
 * bullet...): the tokenizer decided it (TK_SENT). */
static inline int tk_sentence_start(const struct pctx *c, size_t i)
{
	return i == 0 || (c->tk[i].f & TK_SENT);
}
/* Numeric value of a digits-only token (or -1 when too long). */
long tk_num(const struct pctx *c, size_t i);
/* "Mon fils Noé, 18 mois,", "My daughter Harper-Rose, 6 weeks,": the number at token i, its
 * unit at u, set off by commas right after a capitalised name that a relative's word (or
 * "bébé", "baby") introduces: the person's age, not a duration (priv_tok_help.c). */
int tk_apposed_age(const struct pctx *c, size_t i, size_t u);
/* Previous / next word token index, skipping at most max punctuation tokens
 * (returns SIZE_MAX / n_tk when none). */
static inline size_t tk_prev_word(const struct pctx *c, size_t i, int max_punct)
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
static inline size_t tk_next_word(const struct pctx *c, size_t i, int max_punct)
{
	for (i++; i < c->n_tk; i++) {
		if (c->tk[i].f & TK_WORD)
			return i;
		if (max_punct-- <= 0)
			break;
	}
	return c->n_tk;
}
/* Lexicon flags of tokens i..i+n-1 read as one phrase (0 if not a key). */
uint32_t tk_lex_phrase(const struct pctx *c, size_t i, size_t n);

/* Checksums (priv_ids.c), exposed for the unit tests. Arguments are digit strings. */
int priv_luhn_ok(const char *d, size_t n);
int priv_nir_ok(const char *s, size_t n); /* 15 chars, dept may be 2A/2B */
int priv_iban_ok(const char *s, size_t n); /* compact, no spaces */
int priv_nhs_ok(const char *d, size_t n);
int priv_ssn_ok(const char *d, size_t n);
int priv_itin_ok(const char *d, size_t n);
/* True when s[0..n) has the shape pat: 'A' an uppercase ASCII letter, '9' a digit. */
int priv_shape(const char *s, size_t n, const char *pat);

/* Recogniser passes, in the order they run. */
void priv_find_patterns(struct pctx *c); /* priv_contact.c: e-mail, URL, handles */
void priv_find_numbers(struct pctx *c);  /* priv_ids.c: ids, phones; priv_when.c: dates, ages */
void priv_find_words_ids(struct pctx *c); /* priv_ids.c: IBAN, plates, labelled numbers */
void priv_find_when(struct pctx *c);     /* priv_when.c: dates and ages */
/* priv_when_reg.c: "im 19 n ...", "Handing over: M 57, ...": number i, word p before it, value v;
 * adds the AGE span and says 1, or 0. */
int priv_age_register(struct pctx *c, size_t i, size_t p, long v);
/* Token j is "and", "&", "n" or "et" and a number or a fraction follows (priv_when_reg.c). */
int priv_and_more(const struct pctx *c, size_t j);
/* priv_when_reg.c: "à Vienne (38)": number i, in brackets after the town p a place word
 * introduces, is its département, not an age. */
int priv_dept_after_town(const struct pctx *c, size_t i, size_t p);
/* priv_place_reg.c: may the lowercase town-word i stand for a town ("jsui a tours pr")? */
int priv_dwell_town(const struct pctx *c, size_t i);
/* priv_place_reg.c: may the lowercase listed town i (flags fl), a word, stand for the town after
 * "in", "at" or "à" ("in bristol?", "à bichat en juin")? May the lowercase town i..j stand after
 * an article after a place word ("at the royal marsden", "à la timone")? */
int priv_lower_town_word(struct pctx *c, size_t i, uint32_t fl);
int priv_lower_town_article(struct pctx *c, size_t i, size_t j, uint32_t fl);
/* priv_place_reg.c: "75013Paris" at token i (no number, 8 characters or more); "at Guy's" at
 * token i ("Guy" or "King"). Each adds the LOCATION span and says 1, or 0. */
int priv_glued_postcode(struct pctx *c, size_t i);
int priv_named_possessive(struct pctx *c, size_t i);
/* priv_place_reg.c: does the text speak of care (a hospital's head, "opérée", "ward", "rdv")?
 * Looked for once a text (c->care), however many places ask. */
int priv_care_context(struct pctx *c);
/* priv_place_reg.c: the first token of hospital i..j named after its article "la" (token i),
 * or SIZE_MAX for the noun ("à la pitié" in a text about no care). */
size_t priv_la_hospital(struct pctx *c, size_t i, size_t j);
/* priv_place_reg.c: the last token of a lowercase hospital name after lowercase head i ending at
 * head_end ("chu bretonneau", "clinique des lilas"), or SIZE_MAX. */
size_t priv_lower_hospital_name(const struct pctx *c, size_t i, size_t head_end);
void priv_find_places(struct pctx *c);   /* priv_place.c */
void priv_find_names(struct pctx *c);    /* priv_name.c */

/* Phone test used by the number pass (priv_contact.c): digits with their layout. */
struct pdigits {
	size_t s, e;      /* byte range */
	size_t ti, tj;    /* first and last token */
	char d[40];       /* the digits (and A/B of a Corsican NIR) */
	size_t nd;
	uint8_t glen[20]; /* length of each digit group */
	char sep[20];     /* separator before each group (0 for none, ' ' '.' '-' '/') */
	size_t ng;
	int plus;         /* written with a leading + */
	int paren;        /* a group was in parentheses */
};
const char *priv_phone_kind(const struct pctx *c, const struct pdigits *g);

#endif
