/*
 * priv_lex.h - the compiled-in word tables of the text engine (generated at build time by
 * scripts/gen_privacy_lexicon.py into $(BUILD)/gen/priv_lexicon.c) and their lookup.
 *
 * A key is a folded text (lowercase, accents removed) of one or more words joined by one
 * space; the table stores its 64-bit FNV-1a hash and two words of flags saying which lists
 * hold it (LX_ in the first, LX2_ in the second). The table is open-addressed with no index:
 * a key's home slot is the top PRIV_LEX_SLOT_BITS of its hash times PRIV_LEX_MIX (FNV-1a's own
 * top bits cluster), and the keys lie in order of that product, each in its home slot or just
 * after the key before it (0.8 slot past home on average at a load of 0.6): a look-up reads the
 * cache line of the home slot, the next one time in ten. A key takes 8 bytes: its mixed hash
 * relative to its slot, then the index of its pair of flag words in priv_lex_pair (a thousand
 * distinct pairs, a few kilobytes that stay in the cache); the whole hash is compared.
 * Lookups never allocate. Besides the const tables they read and write one small table of
 * recent answers (priv_lex_cache), exact and safe to share between threads.
 */
#ifndef PRIV_LEX_H
#define PRIV_LEX_H

#ifndef __STDC_NO_ATOMICS__
#include <stdatomic.h>
#endif
#include <stddef.h>
#include <stdint.h>

enum {
	LX_PRN = 1u << 0, LX_PATR = 1u << 1, LX_NPR = 1u << 2, LX_HN = 1u << 3,
	LX_WFR = 1u << 4, LX_WEN = 1u << 5, LX_CAPEN = 1u << 6, LX_TOWN = 1u << 7,
	LX_TOWNPFX = 1u << 8, LX_TITLE = 1u << 9, LX_KIN = 1u << 10, LX_EPONYM = 1u << 11,
	LX_MONTH = 1u << 12, LX_DAY = 1u << 13, LX_NOTNAME = 1u << 14, LX_REGION = 1u << 15,
	LX_CITY = 1u << 16, LX_GREET = 1u << 17, LX_LOCPREP = 1u << 18, LX_STREET = 1u << 19,
	LX_HOSP = 1u << 20, LX_HOSP_EN = 1u << 21, LX_SIGNOFF = 1u << 22, LX_DURATION = 1u << 23,
	LX_IDLABEL = 1u << 24, LX_FIRSTNAME = 1u << 25, LX_STREET_EN = 1u << 26,
	LX_STOPFR = 1u << 27, LX_STOPEN = 1u << 28, LX_INTRO = 1u << 29, LX_PUBLICSITE = 1u << 30,
	LX_MEDCTX = 1u << 31
};
/* The second word: hand lists read per token, and the first words of multi-word heads (a
 * phrase is looked up only after its first word says one starts there). */
enum {
	LX2_NET = 1u << 0,       /* hand list: a network before a handle */
	LX2_HOSP_P = 1u << 1,    /* first word of a multi-word LX_HOSP key */
	LX2_HOSP_EN_P = 1u << 2, /* first word of a multi-word LX_HOSP_EN key */
	LX2_TOWN_W2 = 1u << 3,   /* a later word of a multi-word LX_TOWN, LX_CITY or LX_TOWNPFX key */
	LX2_IDFILL = 1u << 4,    /* hand list: between an identifier's label and its number */
	LX2_AUX = 1u << 5,       /* hand list: English auxiliaries that are also given names */
	LX2_TOWN_P = 1u << 6,    /* the first word of a multi-word LX_TOWN, LX_CITY or LX_TOWNPFX key */
	LX2_PVERB = 1u << 7,     /* hand list: verbs that take a person (pn_person_verb_name) */
	LX2_PET = 1u << 8,       /* hand list: pets and toys (pn_pet_before) */
	LX2_PART = 1u << 9,      /* hand list: particles inside a name (pn_extend) */
	LX2_TPART = 1u << 10,    /* hand list: particles opening a name after a title (r_title) */
	LX2_SVERB = 1u << 11,    /* hand list: verbs after a name opening a sentence (pn_name_alone) */
	LX2_COMPANION = 1u << 12, /* hand list: before a companion's first name (pn_companion_name) */
	LX2_MOST = 1u << 13,     /* hand list: "surtout", "especially"... in thanks (pn_late) */
	LX2_LATE = 1u << 14,     /* hand list: what in_law and viet_names start from (priv_name_word.c) */
	LX2_ZERO = 1u << 15,     /* hand list: what spelled_phones starts from (priv_contact.c) */
	LX2_NUMW = 1u << 16,     /* hand list: a number in words, what the ages and dates in words
				  * start from (priv_when.c, numw_parse); bits 17..23 hold its place
				  * in the list (LX2_NUMW_IX_SHIFT) */
	/* derived by the generator from the pair of flag words (its top byte): what the flags
	 * give a token in the tokenizer's candidate sets and NF_ bits (priv_tok.c reads them
	 * with one shift each; test_priv_tok checks them against PB_START_LEX, PB_TOWN_LEX,
	 * PB_GIVEN_LEX and the flags of the NF_ bits) */
	LX2_TK_START = 1u << 25,    /* PB_START_LEX */
	LX2_TK_TOWN = 1u << 26,     /* PB_TOWN_LEX */
	LX2_TK_GIVEN = 1u << 27,    /* PB_GIVEN_LEX and no PB_GIVEN_NOT, or no LX_ flag */
	LX2_TK_TITLE = 1u << 28,    /* LX_TITLE: NF_TITLE */
	LX2_TK_KIN = 1u << 29,      /* LX_KIN: NF_KIN */
	LX2_TK_PVERB = 1u << 30,    /* LX2_PVERB: NF_PVERB */
	LX2_TK_COMPANION = 1u << 31 /* LX2_COMPANION: NF_COMPANION */
};
/* A NUMW word's place in its list (the generator's NUMW_IX_SHIFT, NUMW_IX_MASK). */
#define LX2_NUMW_IX_SHIFT 17
#define LX2_NUMW_IX_MASK 127u
#define LX_WORD (LX_WFR | LX_WEN)
#define LX_GIVEN (LX_PRN | LX_HN | LX_FIRSTNAME)

/* The browser build fills the key table and its index when the module starts, from the keys
 * themselves (wasm/wasm_lex.c): there they are not const (-DPRIV_LEX_TAB_CONST=). */
#ifndef PRIV_LEX_TAB_CONST
#define PRIV_LEX_TAB_CONST const
#endif

#define PRIV_LEX_SLOT_BITS 20
#define PRIV_LEX_REM_BITS (64 - PRIV_LEX_SLOT_BITS)
#define PRIV_LEX_MAX_DISP 127 /* a key sits at most this many slots past its home */
#define PRIV_LEX_PAIR_BITS 12
#define PRIV_LEX_N_SLOTS ((1u << PRIV_LEX_SLOT_BITS) + PRIV_LEX_MAX_DISP)
#define PRIV_LEX_MIX 0x9E3779B97F4A7C15ull
/* the number of keys */
extern const uint32_t priv_lex_n;
/* per slot: all ones when empty; else, for the key whose mixed hash m sits at slot s,
 * (m - ((s - PRIV_LEX_MAX_DISP) << PRIV_LEX_REM_BITS)) << PRIV_LEX_PAIR_BITS | index of its
 * flag pair (the first term is below 2^51: above it, an empty slot compares above any key) */
extern PRIV_LEX_TAB_CONST uint64_t priv_lex_tab[PRIV_LEX_N_SLOTS];
extern const uint32_t priv_lex_n_pairs;
extern const uint32_t priv_lex_pair[];
extern const uint8_t priv_postcode_fr[];
/* The keys of 1 to PRIV_LEX_SHORT_LEN letters a-z ("de", "the", "mon", "dr"), about half the
 * words of a text, indexed directly by their letters (priv_lex_short_index): 1 + the index of
 * the key's pair of flag words, 0 for a word no list holds. 40 KB that stay in the cache,
 * where a look-up in the hashed table misses the cache. */
#define PRIV_LEX_SHORT_LEN 3
#define PRIV_LEX_SHORT_N (27 * 27 * 27)
extern const uint16_t priv_lex_short[PRIV_LEX_SHORT_N];
/* Folding of the letters of two bytes from U+00C0 to PRIV_FOLD2_END (Latin-1, Latin Extended-A
 * and -B: "é", "ł", Vietnamese "ơ") and of Latin Extended Additional, U+1E00..U+1EFF (three
 * bytes: Vietnamese "ễ", "ạ"): one or two ASCII letters, "" for a letter kept as it is. */
#define PRIV_FOLD2_END 0x250
extern const char priv_fold_tab[PRIV_FOLD2_END - 0xC0][3];
extern const char priv_fold_tab_1e[0x100][3];
/* Uppercase (and titlecase) letters of U+0180..U+024F and U+1E00..U+1EFF, a bit each (bit
 * cp % 8 of byte (cp - first) / 8), where upper and lower do not simply alternate. */
extern const uint8_t priv_upper_180[(PRIV_FOLD2_END - 0x180) / 8];
extern const uint8_t priv_upper_1e[0x100 / 8];
/* The folding of the letter of w bytes whose code point is cp, or NULL when it is kept as it
 * is (priv_fold and the tokenizer both read it). */
static inline const char *priv_fold_of(unsigned cp, size_t w)
{
	const char *f = w == 2 && cp >= 0xC0 && cp < PRIV_FOLD2_END ? priv_fold_tab[cp - 0xC0]
			: w == 3 && (cp >> 8) == 0x1E ? priv_fold_tab_1e[cp & 0xFF] : NULL;
	return f && f[0] ? f : NULL;
}

#define PRIV_FNV_INIT 0xCBF29CE484222325ull

/* Feeds bytes to an FNV-1a 64 hash. */
static inline uint64_t priv_fnv(uint64_t h, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001B3ull;
	}
	return h;
}

/* The hash times an odd constant: one to one, with its top bits spread. */
static inline uint64_t priv_lex_mix(uint64_t h)
{
	return h * PRIV_LEX_MIX;
}

/* Flags of the key whose hash is h (0 when absent); through priv_lex_cache. */
uint32_t priv_lex_get(uint64_t h);
/* The index in priv_lex_pair of the flag words of the key whose mixed hash is m, or -1 when
 * absent. The keys from its home slot on are in order: a short scan, that stops at the first
 * key above it or an empty slot. */
static inline int priv_lex_find(uint64_t m)
{
	const uint64_t *e = &priv_lex_tab[m >> PRIV_LEX_REM_BITS];
	/* m as a key d slots past its home holds it (see priv_lex_tab) */
	uint64_t t = (m & ((1ull << PRIV_LEX_REM_BITS) - 1)) | (uint64_t)PRIV_LEX_MAX_DISP << PRIV_LEX_REM_BITS;
	for (unsigned d = 0; d <= PRIV_LEX_MAX_DISP; d++, t -= 1ull << PRIV_LEX_REM_BITS) {
		uint64_t x = e[d] >> PRIV_LEX_PAIR_BITS;
		if (x >= t) {
			if (x != t)
				break;
			return (int)(e[d] & ((1u << PRIV_LEX_PAIR_BITS) - 1));
		}
	}
	return -1;
}
/* Both flag words of the key whose hash is h; 0 and 0 when absent (the table itself, not the
 * cache). */
static inline uint32_t priv_lex_get2(uint64_t h, uint32_t *flags2)
{
	int k = priv_lex_find(priv_lex_mix(h));
	if (k < 0) {
		*flags2 = 0;
		return 0;
	}
	*flags2 = priv_lex_pair[2 * (size_t)k + 1];
	return priv_lex_pair[2 * (size_t)k];
}

/* The recent answers of the key table: 2^PRIV_LEX_CACHE_BITS entries of 8 bytes, direct
 * mapped by bits PRIV_LEX_CACHE_SHIFT.. of the mixed hash m. A look-up of a rarer word in the
 * 8 MB table is a cache and TLB miss (about half the time of the batched look-ups is the
 * prefetch's and the load's stall); the words of a text are mostly a few thousand common
 * ones, whose answers stay here. An entry is m with its index bits replaced by a code: 0
 * empty, 1 no key, 2 + the index of the key's flag pair. Its position gives the index bits
 * back, so a hit compares the whole hash, as the table does: the answer is the table's. Each
 * entry is one atomic word (relaxed: any entry read, old or new, is a right answer or no
 * hit), so threads scanning with one engine share it without a lock. */
#define PRIV_LEX_CACHE_BITS 14
#define PRIV_LEX_CACHE_SHIFT 40
#define PRIV_LEX_CACHE_MASK (((1ull << PRIV_LEX_CACHE_BITS) - 1) << PRIV_LEX_CACHE_SHIFT)
#ifndef __STDC_NO_ATOMICS__
typedef _Atomic uint64_t priv_lex_cache_entry;
#define PRIV_LEX_CACHE_LOAD(p) atomic_load_explicit((p), memory_order_relaxed)
#define PRIV_LEX_CACHE_STORE(p, v) atomic_store_explicit((p), (v), memory_order_relaxed)
#else
typedef uint64_t priv_lex_cache_entry; /* (a compiler without atomics: one thread) */
#define PRIV_LEX_CACHE_LOAD(p) (*(p))
#define PRIV_LEX_CACHE_STORE(p, v) (*(p) = (v))
#endif
extern priv_lex_cache_entry priv_lex_cache[1u << PRIV_LEX_CACHE_BITS];

/* The entry of mixed hash m. */
static inline priv_lex_cache_entry *priv_lex_cache_at(uint64_t m)
{
	return &priv_lex_cache[(m & PRIV_LEX_CACHE_MASK) >> PRIV_LEX_CACHE_SHIFT];
}
/* The cached answer for mixed hash m: 1 no key, 2 + the index of its flag pair, 0 not
 * cached. */
static inline unsigned priv_lex_cache_get(uint64_t m)
{
	uint64_t e = PRIV_LEX_CACHE_LOAD(priv_lex_cache_at(m));
	unsigned code = (unsigned)((e & PRIV_LEX_CACHE_MASK) >> PRIV_LEX_CACHE_SHIFT);
	return ((e ^ m) & ~PRIV_LEX_CACHE_MASK) ? 0 : code;
}
/* Records the table's answer for mixed hash m (k: priv_lex_find's) and returns its code.
 * A pair index too large for the code is simply not cached. */
static inline unsigned priv_lex_cache_put(uint64_t m, int k)
{
	unsigned code = (unsigned)(k + 2);
	if (code < (1u << PRIV_LEX_CACHE_BITS))
		PRIV_LEX_CACHE_STORE(priv_lex_cache_at(m), (m & ~PRIV_LEX_CACHE_MASK) | (uint64_t)code << PRIV_LEX_CACHE_SHIFT);
	return code;
}

/* Index in priv_lex_short of a folded word of n bytes, or -1 when it is longer than
 * PRIV_LEX_SHORT_LEN or holds anything but a-z. */
static inline int priv_lex_short_index(const char *w, size_t n)
{
	int idx = 0, mul = 1;
	if (n == 0 || n > PRIV_LEX_SHORT_LEN)
		return -1;
	for (size_t k = 0; k < n; k++, mul *= 27) {
		unsigned l = (unsigned char)w[k] - 'a';
		if (l >= 26)
			return -1;
		idx += (int)(l + 1) * mul;
	}
	return idx;
}

/* Folds one token's bytes into dst (lowercase, accents removed); returns the length written,
 * or 0 when it does not fit in cap. */
size_t priv_fold(const char *s, size_t n, char *dst, size_t cap);

/* Flags of a folded single word or phrase written in ASCII ("crohn", "centre hospitalier"). */
uint32_t priv_lex_word(const char *folded);

/* True when the 5-digit number is a French postcode. */
int priv_is_postcode_fr(unsigned n);

#endif
