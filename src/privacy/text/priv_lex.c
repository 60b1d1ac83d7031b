/*
 * priv_lex.c - lookups in the generated word tables and the folding they rely on.
 * The tables are const arrays (priv_lexicon.c, generated), with one small table of recent
 * answers (priv_lex_cache, see priv_lex.h); nothing here allocates.
 */
#include <string.h>

#include "privacy/text/priv_lex.h"

priv_lex_cache_entry priv_lex_cache[1u << PRIV_LEX_CACHE_BITS];

uint32_t priv_lex_get(uint64_t h)
{
	uint64_t m = priv_lex_mix(h);
	unsigned code = priv_lex_cache_get(m);
	if (!code)
		code = priv_lex_cache_put(m, priv_lex_find(m));
	return code >= 2 ? priv_lex_pair[2 * (size_t)(code - 2)] : 0;
}

size_t priv_fold(const char *s, size_t n, char *dst, size_t cap)
{
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c < 0x80) {
			if (o + 1 > cap)
				return 0;
			dst[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		size_t w = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (i + w > n)
			w = n - i;
		unsigned cp = w == 2 ? ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu)
			      : w == 3 ? ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu) : 0;
		const char *f = priv_fold_of(cp, w);
		if (f) {
			size_t fl = f[1] ? 2 : 1;
			if (o + fl > cap)
				return 0;
			memcpy(dst + o, f, fl);
			o += fl;
			i += w;
			continue;
		}
		if (w == 3 && c == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99) {
			if (o + 1 > cap)
				return 0;
			dst[o++] = '\'';
			i += 3;
			continue;
		}
		if (o + w > cap)
			return 0;
		memcpy(dst + o, s + i, w);
		o += w;
		i += w;
	}
	return o;
}

uint32_t priv_lex_word(const char *folded)
{
	return priv_lex_get(priv_fnv(PRIV_FNV_INIT, folded, strlen(folded)));
}

int priv_is_postcode_fr(unsigned n)
{
	return n < 100000 && (priv_postcode_fr[n >> 3] >> (n & 7)) & 1;
}
