/*
 * wasm_lex.c - the text engine's word tables in the browser build: the module carries the keys
 * themselves, packed (priv_lexicon_packed.c, written by scripts/gen_privacy_lexicon.py), a
 * sixth of the download of their hashes; wasm_lex_unpack() hashes them when the module starts
 * and lays out priv_lex_tab exactly as priv_lexicon.c holds it for the native build (the same
 * slots in order of mixed hash, the same pairs of flag words), then checks the result against
 * the generator's digest of the native table.
 * Not responsible for: lookups (priv_lex.c, shared with the native build).
 */
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_lex.h"
#include "wasm_lex.h"

extern const uint32_t priv_lex_digest;
extern const uint32_t priv_lex_packed_len;
extern const unsigned char priv_lex_packed[];

/* the keys are sorted by the top bits of their mixed hash first, then within each group */
#define SORT_BITS 17
#define N_GROUPS (1u << SORT_BITS)

/* Reads the key at *at into key (*klen bytes shared with the one before: 255 at most); its
 * hash and the index of its pair of flag words. 0 when the packed bytes are malformed. */
static int next_key(size_t *at, char key[512], size_t *klen, uint64_t *h, uint32_t *pair)
{
	size_t i = *at, n = priv_lex_packed_len;
	if (i >= n || priv_lex_packed[i] > *klen)
		return 0;
	size_t k = priv_lex_packed[i++];
	while (i < n && priv_lex_packed[i] != 0 && k < 511)
		key[k++] = (char)priv_lex_packed[i++];
	if (i >= n || priv_lex_packed[i] != 0)
		return 0;
	i++;
	uint32_t idx = 0;
	for (unsigned shift = 0;; shift += 7) {
		if (i >= n || shift > 28)
			return 0;
		unsigned char b = priv_lex_packed[i++];
		idx |= (uint32_t)(b & 0x7F) << shift;
		if (!(b & 0x80))
			break;
	}
	if (idx >= priv_lex_n_pairs)
		return 0;
	*klen = k;
	*h = priv_fnv(PRIV_FNV_INIT, key, k);
	*pair = idx;
	*at = i;
	return 1;
}

static uint32_t digest_of_tables(void)
{
	uint32_t d = 0x811C9DC5u;
	for (size_t i = 0; i < PRIV_LEX_N_SLOTS; i++) {
		d = (d ^ (uint32_t)(priv_lex_tab[i] >> 32)) * 0x01000193u;
		d = (d ^ (uint32_t)priv_lex_tab[i]) * 0x01000193u;
	}
	return d;
}

enum ent_err wasm_lex_unpack(void)
{
	char key[512];
	size_t at = 0, klen = 0;
	enum ent_err err = ENT_EINTERNAL;
	uint64_t *hash = malloc((size_t)priv_lex_n * sizeof *hash);
	uint32_t *pair = malloc((size_t)priv_lex_n * sizeof *pair);
	uint32_t *group = calloc(N_GROUPS + 1, sizeof *group);
	uint32_t *next = malloc(N_GROUPS * sizeof *next);
	uint64_t *sorted = malloc((size_t)priv_lex_n * sizeof *sorted);
	uint32_t *sorted_pair = malloc((size_t)priv_lex_n * sizeof *sorted_pair);
	if (!hash || !pair || !group || !next || !sorted || !sorted_pair) {
		err = ENT_ENOMEM;
		goto out;
	}
	/* the keys once: their mixed hashes and flags, how many fall in each group */
	for (uint32_t k = 0; k < priv_lex_n; k++) {
		if (!next_key(&at, key, &klen, &hash[k], &pair[k]))
			goto out;
		hash[k] = priv_lex_mix(hash[k]);
		group[(hash[k] >> (64 - SORT_BITS)) + 1]++;
	}
	if (at != priv_lex_packed_len)
		goto out;
	for (uint32_t g = 1; g <= N_GROUPS; g++)
		group[g] += group[g - 1];
	memcpy(next, group, N_GROUPS * sizeof *next);
	/* in order of mixed hash: each key into its group, kept sorted (a group holds a few) */
	for (uint32_t k = 0; k < priv_lex_n; k++) {
		uint32_t g = (uint32_t)(hash[k] >> (64 - SORT_BITS));
		uint32_t j = next[g]++;
		while (j > group[g] && sorted[j - 1] > hash[k]) {
			sorted[j] = sorted[j - 1];
			sorted_pair[j] = sorted_pair[j - 1];
			j--;
		}
		sorted[j] = hash[k];
		sorted_pair[j] = pair[k];
	}
	/* then each in its home slot, or just after the key before it (as the generator does) */
	for (size_t i = 0; i < PRIV_LEX_N_SLOTS; i++)
		priv_lex_tab[i] = ~0ull;
	uint64_t prev = 0;
	for (uint32_t k = 0; k < priv_lex_n; k++) {
		uint64_t home = sorted[k] >> PRIV_LEX_REM_BITS, s = k && prev + 1 > home ? prev + 1 : home;
		if (s - home > PRIV_LEX_MAX_DISP || (k && sorted[k] == sorted[k - 1]))
			goto out;
		priv_lex_tab[s] = (sorted[k] - ((s - PRIV_LEX_MAX_DISP) << PRIV_LEX_REM_BITS)) << PRIV_LEX_PAIR_BITS |
				  sorted_pair[k];
		prev = s;
	}
	if (digest_of_tables() == priv_lex_digest)
		err = ENT_OK;
out:
	free(hash);
	free(pair);
	free(group);
	free(next);
	free(sorted);
	free(sorted_pair);
	return err;
}
