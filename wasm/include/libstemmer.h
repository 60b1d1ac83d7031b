/*
 * libstemmer.h (browser build) - the Snowball stemmer calls of the intent classifier,
 * answered by wasm/wasm_stem.c through a function the page's JavaScript gives the module
 * (the npm package snowball-stemmers, a port of the same algorithms: see docs/privacy.md,
 * "In the browser"). Only the browser build sees this header (-Iwasm/include).
 */
#ifndef ENT_WASM_LIBSTEMMER_H
#define ENT_WASM_LIBSTEMMER_H

typedef unsigned char sb_symbol;
struct sb_stemmer;

/* "french" or "english" (charenc NULL or "UTF_8"); NULL for anything else. */
struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc);
void sb_stemmer_delete(struct sb_stemmer *stemmer);
/* The stem of word[0..size), valid until the next call on stemmer; NULL on failure. */
const sb_symbol *sb_stemmer_stem(struct sb_stemmer *stemmer, const sb_symbol *word, int size);
int sb_stemmer_length(struct sb_stemmer *stemmer);

#endif
