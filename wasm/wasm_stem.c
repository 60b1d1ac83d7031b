/*
 * wasm_stem.c - the libstemmer calls of the intent classifier in the browser build (header
 * wasm/include/libstemmer.h): each stem is asked of the page's
 * JavaScript through the imported function env.stem, which runs the npm package
 * snowball-stemmers (a port of the Snowball algorithms that gives libstemmer's stems: see
 * docs/privacy.md, "In the browser"). Also the thread-specific keys of wasm/include/pthread.h,
 * for a module that runs on one thread.
 * Not responsible for: stemming itself.
 */
#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Stems word[0..len) with language lang (0 French, 1 English) into out (cap bytes): the
 * stem's length, or -1 when it does not fit or the language is unknown. */
__attribute__((import_module("env"), import_name("stem"))) int wasm_js_stem(int lang, const sb_symbol *word,
									      int len, sb_symbol *out, int cap);

struct sb_stemmer {
	int lang;
	int len;
	sb_symbol out[256];
};

struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc)
{
	int lang;
	if (charenc && strcmp(charenc, "UTF_8") != 0)
		return NULL;
	if (strcmp(algorithm, "french") == 0)
		lang = 0;
	else if (strcmp(algorithm, "english") == 0)
		lang = 1;
	else
		return NULL;
	struct sb_stemmer *st = calloc(1, sizeof *st);
	if (st)
		st->lang = lang;
	return st;
}

void sb_stemmer_delete(struct sb_stemmer *st)
{
	free(st);
}

const sb_symbol *sb_stemmer_stem(struct sb_stemmer *st, const sb_symbol *word, int size)
{
	int n = wasm_js_stem(st->lang, word, size, st->out, (int)sizeof st->out);
	if (n < 0) {
		st->len = 0;
		return NULL;
	}
	st->len = n;
	return st->out;
}

int sb_stemmer_length(struct sb_stemmer *st)
{
	return st->len;
}

/* --- thread-specific keys, one thread ---------------------------------------------------------- */

#define N_KEYS 8
static const void *key_value[N_KEYS];
static unsigned n_keys;

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	(void)destructor; /* the one thread never exits */
	if (n_keys == N_KEYS)
		return -1;
	*key = n_keys++;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	return key < N_KEYS ? (void *)key_value[key] : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= n_keys)
		return -1;
	key_value[key] = value;
	return 0;
}
