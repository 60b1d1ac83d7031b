/* test_priv_lex.c - the lexicon table and the tokenizer's folding: a key is found by its whole
 * hash (one bit changed anywhere, no key), every key of the table is where the look-up
 * searches, the cache of recent answers gives the table's answer and only for the hash it
 * was given, the table of short words answers as the hashed
 * table for every word of one to three letters, and the folded form, hash and flags the
 * tokenizer writes in its one pass are the ones priv_fold, priv_fnv and the hashed table give
 * for the token's bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "privacy/text/priv_text.h"

static uint64_t hash_of(const char *folded)
{
	return priv_fnv(PRIV_FNV_INIT, folded, strlen(folded));
}

static void lookups_by_whole_hash(void **state)
{
	(void)state;
	assert_true(priv_lex_word("crohn") & LX_EPONYM);
	assert_true(priv_lex_word("docteur") & LX_TITLE);
	assert_true(priv_lex_word("janvier") & LX_MONTH);
	assert_true(priv_lex_word("rue") & LX_STREET);
	assert_int_equal(priv_lex_word("zzqxjw"), 0);
	/* both flag words come from the key's pair */
	uint64_t h = hash_of("insta");
	uint32_t f2 = 0;
	priv_lex_get2(h, &f2);
	assert_true(f2 & LX2_NET);
	/* a hash one bit away from a key's is no key: the home slot's bits, the bits kept in the
	 * entry */
	const char *keys[] = {"crohn", "docteur", "janvier", "rue", "insta", NULL};
	for (const char *const *k = keys; *k; k++) {
		uint64_t kh = hash_of(*k);
		for (unsigned bit = 0; bit < 64; bit++)
			assert_int_equal(priv_lex_get(kh ^ (1ull << bit)), 0);
	}
}

/* priv_lex_cache answers as the table does, and only for the whole mixed hash it holds: not
 * for one a bit away (a bit of its index: another entry; any other bit: the entry's own
 * compare), nor for one that shares the entry. */
static void cache_is_exact(void **state)
{
	(void)state;
	const char *keys[] = {"crohn", "docteur", "janvier", "rue", "insta", "zzqxjw", "centre hospitalier", NULL};
	for (const char *const *k = keys; *k; k++) {
		uint64_t h = hash_of(*k);
		uint32_t f2 = 0, f = priv_lex_get2(h, &f2);
		/* the first look-up fills the entry, the second reads it */
		assert_int_equal(priv_lex_get(h), f);
		assert_int_equal(priv_lex_get(h), f);
		uint64_t m = priv_lex_mix(h);
		unsigned code = priv_lex_cache_get(m);
		int at = priv_lex_find(m);
		assert_int_equal(code, (unsigned)(at + 2));
		for (unsigned bit = 0; bit < 64; bit++)
			assert_int_equal(priv_lex_cache_get(m ^ (1ull << bit)), 0);
		/* another hash of the same entry takes it; the first is then no hit */
		uint64_t other = m ^ (1ull << 3) ^ (1ull << 63);
		priv_lex_cache_put(other, -1);
		assert_int_equal(priv_lex_cache_get(other), 1);
		assert_int_equal(priv_lex_cache_get(m), 0);
		assert_int_equal(priv_lex_get(h), f);
	}
}

/* The table as priv_lex_tab's comment lays it out: every key within PRIV_LEX_MAX_DISP slots
 * past its home, in strictly increasing order of mixed hash, priv_lex_n of them, and each
 * found by its hash (the mixed hash times the inverse of PRIV_LEX_MIX) with its flag pair. */
static void table_is_ordered_and_found(void **state)
{
	(void)state;
	uint64_t inv = PRIV_LEX_MIX; /* Newton's iteration: each step doubles the correct bits */
	for (int k = 0; k < 6; k++)
		inv *= 2 - PRIV_LEX_MIX * inv;
	assert_true(inv * PRIV_LEX_MIX == 1);
	size_t keys = 0;
	uint64_t prev = 0;
	for (size_t s = 0; s < PRIV_LEX_N_SLOTS; s++) {
		uint64_t e = priv_lex_tab[s];
		if (e == ~0ull)
			continue;
		uint64_t m = (e >> PRIV_LEX_PAIR_BITS) + ((s - PRIV_LEX_MAX_DISP) << PRIV_LEX_REM_BITS);
		uint64_t home = m >> PRIV_LEX_REM_BITS;
		assert_true(home <= s && s - home <= PRIV_LEX_MAX_DISP);
		assert_true(keys == 0 || m > prev);
		uint32_t f2 = 0, f = priv_lex_get2(m * inv, &f2);
		uint32_t p = (uint32_t)(e & ((1u << PRIV_LEX_PAIR_BITS) - 1));
		assert_true(p < priv_lex_n_pairs);
		assert_int_equal(f, priv_lex_pair[2 * p]);
		assert_int_equal(f2, priv_lex_pair[2 * p + 1]);
		prev = m;
		keys++;
	}
	assert_int_equal(keys, priv_lex_n);
}

/* Tokenizes text and checks every token's folded form, length and hash against priv_fold and
 * priv_fnv over its bytes. */
static void check_folds(const char *text)
{
	struct pctx c = {.t = text, .len = strlen(text), .lang = ENT_PRIV_FR};
	assert_int_equal(priv_tokenize(&c), ENT_OK);
	assert_true(c.n_tk > 0);
	for (size_t i = 0; i < c.n_tk; i++) {
		const struct ptok *t = &c.tk[i];
		char want[256];
		size_t n = priv_fold(text + t->s, t->e - t->s, want, sizeof want);
		assert_true(n > 0);
		want[n] = 0;
		assert_string_equal(tk_fold(&c, i), want);
		assert_int_equal(t->flen, n <= PRIV_FOLD_MAX ? n : 0);
		int looked = (t->f & TK_ALPHA) && t->flen;
		/* a word of one to three letters a-z is read in priv_lex_short, any other in the
		 * hashed table: the flags are the hashed table's either way */
		int short_word = looked && priv_lex_short_index(want, n) >= 0;
		assert_int_equal(!!(t->f & TK_SHORTLEX), short_word);
		assert_true(t->h == (looked && !short_word ? priv_fnv(PRIV_FNV_INIT, want, n) : 0));
		if (looked) {
			uint64_t h = priv_fnv(PRIV_FNV_INIT, want, n);
			uint32_t f2 = 0;
			uint32_t f = priv_lex_get2(h, &f2);
			assert_int_equal(t->lex, f);
			assert_int_equal(t->lex2, f2);
		}
	}
	priv_tok_free(&c);
}

/* Every word of one to three letters a-z: priv_lex_short gives the flags the hashed table
 * gives for its hash (0 and 0 when no list holds it). */
static void short_table_is_the_hashed_table(void **state)
{
	(void)state;
	size_t keys = 0;
	for (unsigned len = 1; len <= PRIV_LEX_SHORT_LEN; len++) {
		unsigned total = 1;
		for (unsigned k = 0; k < len; k++)
			total *= 26;
		for (unsigned v = 0; v < total; v++) {
			char w[PRIV_LEX_SHORT_LEN + 1];
			unsigned x = v;
			for (unsigned k = 0; k < len; k++, x /= 26)
				w[k] = (char)('a' + x % 26);
			w[len] = 0;
			int idx = priv_lex_short_index(w, len);
			assert_in_range(idx, 0, PRIV_LEX_SHORT_N - 1);
			uint64_t h = hash_of(w);
			uint32_t f2 = 0;
			uint32_t f = priv_lex_get2(h, &f2);
			unsigned e = priv_lex_short[idx];
			assert_int_equal(e ? priv_lex_pair[2 * (e - 1)] : 0, f);
			assert_int_equal(e ? priv_lex_pair[2 * (e - 1) + 1] : 0, f2);
			keys += e != 0;
		}
	}
	assert_true(keys > 1000); /* "de", "the", "mon", "dr"... */
	/* not a-z, empty or too long: not in the table */
	assert_int_equal(priv_lex_short_index("", 0), -1);
	assert_int_equal(priv_lex_short_index("abcd", 4), -1);
	assert_int_equal(priv_lex_short_index("a1", 2), -1);
	assert_int_equal(priv_lex_short_index("e\xCC", 2), -1);
}

static void one_pass_folding(void **state)
{
	(void)state;
	check_folds("Bonjour Dr MARTIN, ma fille Léa (4 ans) est suivie à l\xE2\x80\x99HÔPITAL Necker.");
	check_folds("\xC5\x92" "dème, c\xC5\x93ur, \xC3\x86sop, Stra\xC3\x9F" "e, \xC3\x89LODIE, \xC3\x80 B\xC3\x89THUNE");
	check_folds("Ma\xC3\xABlle, Zo\xC3\xA9, No\xC3\xABl, Ga\xC3\xABtan, \xC5\x81" "ukasz, \xC5\xBB" "aneta, Dvo\xC5\x99\xC3\xA1k");
	check_folds("tel 06 12 34 56 78, mail jean.dupont@exemple.fr, 75013 Paris, #TeamL\xC3\xA9" "a \xF0\x9F\x98\x8A");
	check_folds("Œuvre X2B 3rd ΑΒΓ Привет 東京 abc123DEF àéîõü ÀÉÎÕÜ ŸÿĀāĂă");
	check_folds("Nguyễn Thị Ánh, TRẦN VĂN ƠN, Phạm Đức, Ưng, Hồ Chí Minh, Đà Nẵng, ǅemal, ƀ ẞ");
	/* a word over PRIV_FOLD_MAX bytes: folded, never looked up */
	check_folds("Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis ok");
}

/* Vietnamese names fold to ASCII ("Nguyễn" is "nguyen", as the lists hold it) and keep their
 * case: Latin Extended-B and Additional letters by the generator's tables. */
static void vietnamese_letters(void **state)
{
	(void)state;
	const char *text = "Nguyễn NGUYỄN Ơn ưng Ấn ẞ";
	static const char *const want[] = {"nguyen", "nguyen", "on", "ung", "an", "ss"};
	struct pctx c = {.t = text, .len = strlen(text), .lang = ENT_PRIV_FR};
	assert_int_equal(priv_tokenize(&c), ENT_OK);
	assert_int_equal(c.n_tk, 6);
	for (size_t i = 0; i < c.n_tk; i++)
		assert_string_equal(tk_fold(&c, i), want[i]);
	assert_true(c.tk[0].f & TK_CAP);
	assert_true(c.tk[1].f & TK_ALLCAP);
	assert_true((c.tk[2].f & TK_CAP) && !(c.tk[2].f & TK_LOWER));
	assert_true(c.tk[3].f & TK_LOWER);
	assert_true(c.tk[4].f & TK_CAP);
	priv_tok_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookups_by_whole_hash),
		cmocka_unit_test(table_is_ordered_and_found),
		cmocka_unit_test(cache_is_exact),
		cmocka_unit_test(short_table_is_the_hashed_table),
		cmocka_unit_test(one_pass_folding),
		cmocka_unit_test(vietnamese_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
