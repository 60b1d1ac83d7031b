/* test_priv_tok.c - the tokenizer's two walks agree: priv_tokenize() (on x86-64, the walk over
 * 64-byte blocks classified by SSE2) and priv_tokenize_bytes() (the portable walk over bytes,
 * what the WebAssembly build runs) give the same tokens, fields, folded forms, set and NF_
 * bytes, candidate bitmaps and text-wide counts, on hand-made texts that sit words across the
 * blocks' edges and on random texts drawn from ASCII, accented letters, odd spaces, quotes
 * and emoji (where SSE2 is missing both names run the byte walk and that part is moot); and
 * the lexicon bits the tokenizer reads instead of testing flags are the flags' own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_text.h"

/* Tokenizes text both ways and compares everything the passes read. */
static void same_tokens(const char *text, size_t len, enum ent_priv_lang lang)
{
	struct pctx a = {.t = text, .len = len, .lang = lang};
	struct pctx b = {.t = text, .len = len, .lang = lang};
	assert_int_equal(priv_tokenize(&a), ENT_OK);
	assert_int_equal(priv_tokenize_bytes(&b), ENT_OK);
	assert_int_equal(a.n_tk, b.n_tk);
	for (size_t i = 0; i < a.n_tk; i++) {
		const struct ptok *x = &a.tk[i], *y = &b.tk[i];
		if (x->s != y->s || x->e != y->e || x->f != y->f || x->h != y->h || x->lex != y->lex ||
		    x->lex2 != y->lex2 || x->flen != y->flen || x->ch != y->ch || x->fo != y->fo ||
		    strcmp(tk_fold(&a, i), tk_fold(&b, i)) != 0 || a.pb[i] != b.pb[i] ||
		    a.nf[NF_BEFORE + i] != b.nf[NF_BEFORE + i])
			fail_msg("token %zu of \"%.*s\" differs: %u..%u f %#x / %u..%u f %#x", i, (int)len, text,
				 x->s, x->e, x->f, y->s, y->e, y->f);
		/* PB_GIVEN holds every word the late rules of the names pass may start from (a
		 * letter, and a given-name list's word or one no list holds of 3 to 5 bytes) */
		if ((x->f & TK_ALPHA) &&
		    (((x->lex & PB_GIVEN_LEX) && !(x->lex & PB_GIVEN_NOT)) || (x->lex == 0 && x->flen >= 3 && x->flen <= 5)) &&
		    !(a.pb[i] & PB_SET(PB_GIVEN)))
			fail_msg("token %zu of \"%.*s\" is not in PB_GIVEN", i, (int)len, text);
	}
	for (size_t i = 0; i < NF_BEFORE; i++)
		assert_int_equal(a.nf ? a.nf[i] : 0, b.nf ? b.nf[i] : 0);
	assert_int_equal(a.nw, b.nw);
	if (a.nw)
		assert_memory_equal(a.bm, b.bm, a.nw * PB_N * sizeof *a.bm);
	assert_int_equal(a.f_any, b.f_any);
	assert_int_equal(a.lex_any, b.lex_any);
	assert_int_equal(a.lex2_any, b.lex2_any);
	assert_true(a.punct == b.punct);
	assert_int_equal(a.guess_fr, b.guess_fr);
	assert_int_equal(a.guess_en, b.guess_en);
	assert_int_equal(a.guess_wfr, b.guess_wfr);
	assert_int_equal(a.guess_wen, b.guess_wen);
	priv_tok_free(&a);
	priv_tok_free(&b);
}

static void same_text(const char *text)
{
	same_tokens(text, strlen(text), ENT_PRIV_AUTO);
	same_tokens(text, strlen(text), ENT_PRIV_FR);
}

static void hand_made_texts(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"",
		" ",
		"\n\r\t  \n",
		"a",
		"Bonjour Dr Martin, j'ai vu Mme DUPONT à l'hôpital Saint-Louis hier.",
		"RDV le 12/03 avec Zoé (06 12 34 56 78) : zoe.martin@exemple.fr, #fibromyalgie",
		"Mum’s friend Siobhán said “call me” at 07700 900123 😀😀 ok?",
		"ÉLODIE ET ANGE\r\nà\u00a0Paris\u202fdemain — Ơn Nguyễn",
		"ª º × ÷ \x01\x02\x7f end",
		"x\xc2\xa0y\xe2\x80\x8bz\xef\xbb\xbfw",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
		"word at the end of a block of sixty-four bytes reaches its end:é",
		"word at the end of a block of sixty-four bytes reaches its end: Zoééé",
		"                                                               Marie-Hélène",
		"a,b.c:d-e;f!g?h(i)j[k]l{m}n@o#p&q/r'sS`t\"u+v=w*x%y$z^_~|<>",
		"at arobase atelier arobases a t",
	};
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
		same_text(texts[k]);
	/* each word length 1..80 at each offset of a block */
	char buf[256];
	for (size_t off = 0; off < 70; off++)
		for (size_t n = 1; n <= 80; n++) {
			memset(buf, ' ', off);
			for (size_t j = 0; j < n; j++)
				buf[off + j] = (char)((j % 7 == 3) ? 'A' + (char)(j % 26) : 'a' + (char)(j % 26));
			buf[off + n] = '.';
			buf[off + n + 1] = 0;
			same_text(buf);
			buf[off + n] = 0;
			same_text(buf);
		}
}

/* Random texts of valid UTF-8, long ones included (their tokens and arena on the heap). */
static void random_texts(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "e", "t", "n", "z", "A", "E", "Z", "0", "7", " ", " ", " ", "\n", "\r", "\t", ".", ",", ":", "-",
		"'", "`", "(", "#", "@", "&", "/", "+", "[", "!", "é", "É", "à", "ç", "ñ", "ß", "Œ", "ơ", "Ễ", "α",
		"Ж", "\xe2\x80\x99", "\xc2\xa0", "\xe2\x80\xaf", "\xe3\x80\x80", "😀", "—", "ª", "×", "\x01",
		"\x7f", "the", "Dr", "rue", "de", "Marie", "HELLO", "née", "at", "arobase", "avec", "chez", "et",
		"you", "à", "ah"};
	size_t np = sizeof pieces / sizeof pieces[0];
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	char *buf = malloc(4096);
	assert_non_null(buf);
	for (unsigned round = 0; round < 4000; round++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		size_t want = (size_t)(seed >> 33) % (round % 50 == 0 ? 3000 : 300), len = 0;
		/* runs of one piece make long words and long runs of space */
		while (len < want) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			const char *p = pieces[(seed >> 35) % np];
			size_t rep = ((seed >> 20) & 15) == 0 ? 1 + ((seed >> 8) & 63) : 1, pl = strlen(p);
			for (size_t r = 0; r < rep && len + pl < 4000; r++, len += pl)
				memcpy(buf + len, p, pl);
			if (len + 8 >= 4000)
				break;
		}
		buf[len] = 0;
		same_tokens(buf, len, round & 1 ? ENT_PRIV_AUTO : ENT_PRIV_EN);
	}
	free(buf);
}

/* The bits the generator derives into each pair's second flag word (LX2_TK_, read by the
 * tokenizer for the candidate sets and NF_ bits) are what the flags say. */
static void derived_token_bits(void **state)
{
	(void)state;
	assert_true(priv_lex_n_pairs > 1);
	for (uint32_t k = 0; k < priv_lex_n_pairs; k++) {
		uint32_t lex = priv_lex_pair[2 * k], lex2 = priv_lex_pair[2 * k + 1];
		assert_int_equal(!!(lex2 & LX2_TK_START), !!((lex & PB_START_LEX) | (lex2 & PB_START_LEX2)));
		assert_int_equal(!!(lex2 & LX2_TK_TOWN), !!(lex & PB_TOWN_LEX));
		assert_int_equal(!!(lex2 & LX2_TK_GIVEN), ((lex & PB_GIVEN_LEX) && !(lex & PB_GIVEN_NOT)) || lex == 0);
		assert_int_equal(!!(lex2 & LX2_TK_TITLE), !!(lex & LX_TITLE));
		assert_int_equal(!!(lex2 & LX2_TK_KIN), !!(lex & LX_KIN));
		assert_int_equal(!!(lex2 & LX2_TK_PVERB), !!(lex2 & LX2_PVERB));
		assert_int_equal(!!(lex2 & LX2_TK_COMPANION), !!(lex2 & LX2_COMPANION));
	}
	/* and words that have them */
	uint32_t f2 = 0;
	priv_lex_get2(priv_fnv(PRIV_FNV_INIT, "docteur", 7), &f2);
	assert_true(f2 & LX2_TK_TITLE);
	priv_lex_get2(priv_fnv(PRIV_FNV_INIT, "boulevard", 9), &f2);
	assert_true(f2 & LX2_TK_START);
	priv_lex_get2(priv_fnv(PRIV_FNV_INIT, "quinze", 6), &f2);
	assert_true((f2 & LX2_TK_START) && (f2 & LX2_NUMW));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_made_texts),
		cmocka_unit_test(random_texts),
		cmocka_unit_test(derived_token_bits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
