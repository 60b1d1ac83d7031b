/*
 * comm_search.c - what goes into the full-text index and how queries are read.
 *
 * Text is case-folded (utf8proc), cut into words (letters and digits), and each word is
 * stemmed with libstemmer in the text's language; FTS5's unicode61 tokenizer with
 * remove_diacritics 2 then folds the accents of the stems, on both sides. A query word matches
 * when its French or its English stem is an indexed stem, so "hypoglycemies" finds
 * "hypoglycémie" and "pumps" finds "pump".
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "community/comm.h"

#define WORD_MAX 64 /* bytes; longer words are cut */
#define QUERY_WORDS 12

static bool is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) ||
	       (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

/* Returns whether the word counted (a query leaves some out). */
typedef bool (*word_fn)(const char *w, size_t n, void *arg);

/* Calls fn for each case-folded word of text; stops after max words fn counted (0 = no
 * limit). */
static enum ent_err each_word(const char *text, size_t len, size_t max, word_fn fn, void *arg)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
					  &folded, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (n < 0)
		return n == UTF8PROC_ERROR_NOMEM ? ENT_ENOMEM : ENT_EUTF8;
	size_t count = 0;
	utf8proc_ssize_t i = 0, start = -1;
	while (i <= n) {
		utf8proc_int32_t c = 0;
		utf8proc_ssize_t step = 1;
		if (i < n) {
			step = utf8proc_iterate(folded + i, n - i, &c);
			if (step <= 0)
				step = 1, c = ' ';
		}
		bool w = i < n && is_word_char(c);
		if (w && start < 0)
			start = i;
		if (!w && start >= 0) {
			size_t wl = (size_t)(i - start);
			if (wl > 1) {
				if (wl > WORD_MAX)
					wl = WORD_MAX; /* may cut a character: the stemmer copes, FTS too */
				if (fn((const char *)folded + start, wl, arg) && max && ++count >= max)
					break;
			}
			start = -1;
		}
		i += step;
	}
	free(folded);
	return ENT_OK;
}

struct term_ctx {
	struct sb_stemmer *st;
	struct buf *out;
};

static void put_stem(struct sb_stemmer *st, const char *w, size_t n, struct buf *out)
{
	const sb_symbol *s = st ? sb_stemmer_stem(st, (const sb_symbol *)w, (int)n) : NULL;
	if (s)
		buf_append(out, s, (size_t)sb_stemmer_length(st));
	else
		buf_append(out, w, n);
}

static bool term_word(const char *w, size_t n, void *arg)
{
	struct term_ctx *c = arg;
	if (c->out->len)
		buf_putc(c->out, ' ');
	put_stem(c->st, w, n, c->out);
	return true;
}

enum ent_err comm_terms(const char *text, size_t len, const char *lang, struct buf *out)
{
	struct term_ctx c = {sb_stemmer_new(lang && !strcmp(lang, "en") ? "english" : "french", "UTF_8"),
			     out};
	if (!c.st)
		return ENT_ENOMEM;
	enum ent_err err = each_word(text, len, 0, term_word, &c);
	sb_stemmer_delete(c.st);
	return err ? err : buf_err(out);
}

struct query_ctx {
	struct sb_stemmer *fr, *en;
	bool any;
	struct buf *out;
};

/* Function words of four bytes or more, French and English, case-folded and composed as
 * each_word gives them, in byte order. A related panel's query (any word of a thread's title)
 * leaves them out: "Je note mes questions pour la prochaine consultation" showed an article
 * on insulin pumps for its "pour" alone, and each term costs FTS5 a look-up (issue 13). A
 * member's own search keeps them (all its words must match). */
static const char *const STOP_WORDS[] = {
	"about", "after", "again", "ainsi", "alors", "also", "anyone", "anything", "apres",
	"après", "aussi", "autre", "autres", "avant", "avec", "avez", "avoir", "avons",
	"because", "been", "before", "being", "bien", "ceci", "cela", "celle", "celui",
	"cette", "ceux", "chaque", "chez", "comme", "could", "dans", "deja", "depuis", "does",
	"doing", "donc", "déjà", "each", "elle", "elles", "encore", "entre", "etait", "etre",
	"even", "faire", "fait", "from", "have", "here", "into", "jamais", "just", "leur",
	"leurs", "mais", "many", "meme", "moins", "more", "most", "much", "même", "notre",
	"nous", "only", "other", "over", "parce", "pendant", "peut", "peux", "plus", "pour",
	"puis", "quand", "quel", "quelle", "quelles", "quels", "quoi", "rien", "sans",
	"should", "some", "someone", "something", "sont", "sous", "souvent", "still", "such",
	"suis", "than", "that", "their", "them", "then", "there", "these", "they", "this",
	"those", "toujours", "tous", "tout", "toute", "toutes", "tres", "très", "vers", "very",
	"votre", "vous", "were", "what", "when", "where", "which", "while", "will", "with",
	"would", "your", "était", "être"
};

static int stop_cmp(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

static bool is_stop_word(const char *w, size_t n)
{
	char k[WORD_MAX + 1];
	if (n > WORD_MAX)
		return false;
	memcpy(k, w, n);
	k[n] = '\0';
	return bsearch(k, STOP_WORDS, sizeof STOP_WORDS / sizeof STOP_WORDS[0], sizeof STOP_WORDS[0],
		       stop_cmp) != NULL;
}

static bool query_word(const char *w, size_t n, void *arg)
{
	struct query_ctx *c = arg;
	if (c->any && (n < 4 || is_stop_word(w, n)))
		return false; /* not counted: a long title's later words still make the query */
	char fr[WORD_MAX * 2 + 1], en[WORD_MAX * 2 + 1];
	struct buf b1 = {0}, b2 = {0};
	buf_init(&b1, sizeof fr - 1);
	buf_init(&b2, sizeof en - 1);
	put_stem(c->fr, w, n, &b1);
	put_stem(c->en, w, n, &b2);
	if (buf_err(&b1) || buf_err(&b2) || !b1.len || !b2.len) {
		buf_clear(&b1);
		buf_clear(&b2);
		return false;
	}
	memcpy(fr, b1.p, b1.len + 1);
	memcpy(en, b2.p, b2.len + 1);
	buf_clear(&b1);
	buf_clear(&b2);
	if (c->out->len)
		buf_puts(c->out, c->any ? " OR " : " AND ");
	/* Exact stems, no prefix query: a prefix makes FTS5 merge the posting lists of every
	 * term that starts with it before it can return the first row. */
	if (!strcmp(fr, en))
		buf_printf(c->out, "\"%s\"", fr);
	else
		buf_printf(c->out, "(\"%s\" OR \"%s\")", fr, en);
	return true;
}

enum ent_err comm_query(const char *q, size_t len, bool any, struct buf *out)
{
	struct query_ctx c = {sb_stemmer_new("french", "UTF_8"), sb_stemmer_new("english", "UTF_8"),
			      any, out};
	enum ent_err err = c.fr && c.en ? each_word(q, len, QUERY_WORDS, query_word, &c) : ENT_ENOMEM;
	if (c.fr)
		sb_stemmer_delete(c.fr);
	if (c.en)
		sb_stemmer_delete(c.en);
	return err ? err : buf_err(out);
}
