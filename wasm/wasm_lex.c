/*
 * wasm_lex.c - the text engine's word tables in the browser build: the module carries the keys
 * themselves, packed (priv_lexicon_packed.c, written by scripts/gen_privacy_lexicon.py), a
 * sixth of the download of their hashes; wasm_lex_unpack() hashes them when the module starts
 * and lays out priv_lex_tab and priv_lex_bucket exactly as priv_lexicon.c holds them for the
 * native build (sorted by hash, the same bucket index, the same pairs of flag words), then
 * checks the result against the generator's digest of the native tables.
 * Not responsible for: lookups (priv_lex.c, shared with the native build).
 */
#include <stdlib.h>
#include <string.h>

#include "privacy/text/priv_lex.h"
#include "wasm_lex.h"

extern const uint32_t priv_lex_digest;
extern const uint32_t priv_lex_packed_len;
extern const unsigned char priv_lex_packed[];

#define N_BUCKETS (1u << PRIV_LEX_BUCKET_BITS)

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
	for (size_t i = 0; i < priv_lex_n; i++) {
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
	uint32_t *next = malloc(N_BUCKETS * sizeof *next);
	if (!hash || !pair || !next) {
		err = ENT_ENOMEM;
		goto out;
	}
	/* the keys once: their hashes and flags, how many fall in each bucket */
	memset(priv_lex_bucket, 0, sizeof priv_lex_bucket);
	for (uint32_t k = 0; k < priv_lex_n; k++) {
		if (!next_key(&at, key, &klen, &hash[k], &pair[k]))
			goto out;
		priv_lex_bucket[priv_lex_bucket_of(hash[k]) + 1]++;
	}
	if (at != priv_lex_packed_len)
		goto out;
	for (uint32_t b = 1; b <= N_BUCKETS; b++)
		priv_lex_bucket[b] += priv_lex_bucket[b - 1];
	memcpy(next, priv_lex_bucket, N_BUCKETS * sizeof *next);
	/* each key into its bucket, kept sorted by hash (a bucket holds a few keys) */
	for (uint32_t k = 0; k < priv_lex_n; k++) {
		uint32_t b = priv_lex_bucket_of(hash[k]);
		uint32_t j = next[b]++;
		/* the keys of a bucket differ below its bits: ordered by those, as the generator does */
		uint64_t e = (hash[k] & PRIV_LEX_REM_MASK) << PRIV_LEX_PAIR_BITS | pair[k];
		while (j > priv_lex_bucket[b] && priv_lex_tab[j - 1] > e) {
			priv_lex_tab[j] = priv_lex_tab[j - 1];
			j--;
		}
		priv_lex_tab[j] = e;
	}
	if (digest_of_tables() == priv_lex_digest)
		err = ENT_OK;
out:
	free(hash);
	free(pair);
	free(next);
	return err;
}
