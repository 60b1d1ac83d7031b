/*
 * intent_feat.h - text normalisation and hashed features of the intent classifier.
 *
 * Shared by the library (src/desk/intent.c) and the build-time trainer (tools/intent_train.c),
 * so both see exactly the same features. Normalisation folds case and accents (utf8proc),
 * turns punctuation into single spaces and keeps "?" and "!" as tokens; text is processed
 * in bounded chunks so any length works without allocation. Features are word unigrams and
 * bigrams after stemming (libstemmer, French or English), character 3-5-grams inside each
 * token (padded with its spaces), and a length bucket, hashed into INTENT_N_BUCKETS buckets.
 * Not responsible for: the model, the rules, the label.
 */
#ifndef ENT_DESK_INTENT_FEAT_H
#define ENT_DESK_INTENT_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"
#include "entraide/intent.h"

#define INTENT_HASH_BITS 17
#define INTENT_N_BUCKETS (1u << INTENT_HASH_BITS)
#define INTENT_CHUNK 4096     /* bytes of normalised text per chunk */
#define INTENT_TOKEN_MAX 48   /* longer runs of letters are split */
#define INTENT_MAX_TOKENS (INTENT_CHUNK / 2 + 2)
#define INTENT_SENT_MAX 63      /* sentences past it share the last index */

/* One chunk of normalised text: " tok tok ? tok " (leading and trailing space, single spaces,
 * lower case ASCII where the input allowed it) and the position of each token in buf. */
struct intent_text {
	char buf[INTENT_CHUNK + 128];
	size_t len;
	uint16_t tok_off[INTENT_MAX_TOKENS];
	uint8_t tok_len[INTENT_MAX_TOKENS];
	/* The sentence of each token in the chunk, counted from 0 at ".", ";", a line break, "?" or
	 * "!" (which stay in the sentence they end), at most INTENT_SENT_MAX: the rules scope the
	 * contexts of a danger cue to its sentence ("Il y a un an j'écrivais mes lettres d'adieu.
	 * Aujourd'hui j'ai mon diplôme."). Features ignore it. */
	uint8_t tok_sent[INTENT_MAX_TOKENS];
	/* 1 for a token inside quotation marks ("...", “...”, «...», '...') that were both seen in
	 * its line: words someone else said, or said before ('je vais me tuer' he kept saying). The
	 * rules read whose words a cue of suicidal intent is (intent_rules.c). A mark with no partner
	 * marks nothing ("'cause I want to die"). Features ignore it. */
	uint8_t tok_quote[INTENT_MAX_TOKENS];
	size_t n_tok;
};

/*
 * Normalises text[*pos, len) into t until the chunk is full or the text ends, and advances
 * *pos (always to a code point boundary). Returns ENT_EUTF8 on invalid UTF-8 (t and *pos are
 * then unspecified). Call again while *pos < len.
 */
enum ent_err intent_normalize(const char *text, size_t len, size_t *pos, struct intent_text *t);

/* Adds to *fr and *en the number of French and English function words in t. */
void intent_lang_votes(const struct intent_text *t, int *fr, int *en);

/* Token i of t (not NUL-terminated). */
static inline const char *intent_tok(const struct intent_text *t, size_t i, size_t *len)
{
	*len = t->tok_len[i];
	return t->buf + t->tok_off[i];
}

/* Receives each feature occurrence: its bucket in [0, INTENT_N_BUCKETS). */
typedef void (*intent_feat_fn)(uint32_t bucket, void *ctx);

/*
 * Calls fn for every feature of chunk t (stemming with lang's stemmer) and adds the number of
 * calls to *n. first_chunk adds the start-of-message features. ENT_ENOMEM when this thread's
 * stemmers cannot be created.
 */
enum ent_err intent_features(const struct intent_text *t, enum ent_intent_lang lang, int first_chunk,
                             intent_feat_fn fn, void *ctx, size_t *n);

/* The length-bucket feature for a message of n_tokens tokens (called once per message). */
uint32_t intent_feat_length(size_t n_tokens);

/* Called for each normalised chunk of a message, in order (the rules read them). */
typedef void (*intent_chunk_fn)(const struct intent_text *t, void *ctx);

/*
 * The whole pipeline over one message, as the classifier and the trainer both run it:
 * normalises text chunk by chunk, picks the language (lang_hint >= 0 forces it, otherwise the
 * function words of the first chunk vote, ties going to French), calls chunk_fn (may be NULL)
 * then fn for every feature. *n_feat receives the number of feature occurrences, *lang the
 * language used. ENT_EUTF8 on invalid UTF-8, ENT_ENOMEM when the stemmers cannot be made.
 */
enum ent_err intent_extract(const char *text, size_t len, int lang_hint, intent_feat_fn fn,
                            intent_chunk_fn chunk_fn, void *ctx, size_t *n_feat,
                            enum ent_intent_lang *lang);

#endif
