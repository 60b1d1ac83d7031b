/*
 * intent_phatic.c - the friendly wrapper of a community post (see intent_phatic.h).
 *
 * A word is a run of ASCII letters and digits or two-byte UTF-8 letters (accents), folded to
 * lower case without accents; anything else (punctuation, emoji, apostrophes) separates words.
 * At the start: a greeting, then addresses to the group ("coucou tout le monde"), whatever
 * follows; then a clause of the words of a first post ("j'espere que vous allez bien", "first
 * time posting here") only when it ends at punctuation or an emoji, so that it cannot swallow
 * the first words of a sentence. At the end: the longest run of sign-off words that starts on
 * a word of a sign-off (or after punctuation) and holds one that is only ever phatic (thanks,
 * kisses, hugs, "voila", "anyway"): "bon courage a tous", "thanks for reading", glued or not.
 * The lists are classes, not the phrases of any test set; a word of content ("plus", "care",
 * "good" on its own) never ends a run, since "je n'en peux plus merci" must keep its sentence.
 */
#include "desk/intent_phatic.h"

#include <string.h>

#define MAXW 256 /* words looked at from each edge */
#define WIDE 8   /* words of a clause the wide core strips after a greeting, before a sign-off */

struct span { size_t a, b; };

static const char *const greet_w[] = {
	"coucou", "cc", "kikou", "salut", "slt", "bonjour", "bjr", "bonsoir", "bsr", "hello", "helloo",
	"hi", "hii", "hey", "heyy", "heya", "hiya", "yo", "hallo", "howdy", "hola", "greetings",
	"morning", "evening", "afternoon", "good", "re", "dear", NULL};
/* A post that announces itself: "petit partage", "little share", "quick update". */
static const char *const post_open_w[] = {"petit", "petite", "little", "quick", "small", "short", NULL};
static const char *const post_noun_w[] = {"partage", "share", "message", "update", "post", "mot", "news", NULL};
static const char *const address_w[] = {
	"tout", "le", "monde", "a", "tous", "toutes", "la", "les", "communaute", "commu", "groupe",
	"group", "team", "equipe", "amis", "amies", "copains", "copines", "filles", "gars", "loulous",
	"loulou", "chers", "cheres", "membres", "forum", "mes", "vous", "everyone", "everybody", "all",
	"you", "guys", "folks", "people", "lovely", "lovelies", "friends", "ya", "y", "gang", "ladies",
	"peeps", "again", "there", "mesdames", "messieurs", "de", "nouveau", NULL};
/* The clause of a first post after the greeting: only stripped whole, up to punctuation. */
static const char *const intro_w[] = {
	"j", "espere", "que", "vous", "allez", "tous", "bien", "ca", "fait", "longtemps", "du",
	"de", "me", "lire", "comme", "d", "hab", "habitude", "premiere", "fois", "je", "poste",
	"poster", "ici", "petit", "petite", "message", "partage", "soir", "matin", "desole",
	"desolee", "c", "est", "moi", "encore", "un", "une", "et", "sorry", "hope", "hoping", "re",
	"are", "all", "doing", "ok", "okay", "well", "fine", "first", "time", "posting", "post",
	"here", "quick", "one", "from", "me", "little", "update", "tonight", "it", "s", "been",
	"a", "while", "this", "is", "my", "i", "m", "am", "new", "and", "so", "you", "everyone", NULL};
/* Words only a sign-off is made of; one of them must be in the closing run. */
static const char *const close_strong_w[] = {
	"bisous", "bisou", "bises", "biz", "bizz", "bisettes", "calins", "calin", "merci", "mercii",
	"thanks", "thank", "thx", "ty", "hugs", "hug", "love", "xoxo", "xx", "xxx", "courage",
	"bientot", "soon", "cheers", "bye", "ciao", "tchao", "voila", "anyway", "anyways", "kisses",
	"amities", "nuit", "night", "soiree", "evening", "partage", "sharing", "yourselves", NULL};
/* The wide core's clause after a goodbye follows only kisses and hugs: after thanks, "courage"
 * or a time ("merci, j'ai des vertiges", "last night, do i double up?") it is content. */
static const char *const close_kiss_w[] = {"bisous", "bisou", "bises", "biz", "bizz", "bisettes", "calins", "calin",
                                          "hugs", "hug", "xoxo", "xx", "xxx", "kisses", NULL};
/* Words that may open a closing run (with a strong word after them). */
static const char *const close_open_w[] = {
	"bon", "bonne", "good", "have", "a", "gros", "grosses", "big", "lots", "much", "sending",
	"take", "prenez", "speak", "see", "with", "plein", "des", "look", "je", "i", "m", "just", NULL};
/* Words that may stand inside a closing run. */
static const char *const close_fill_w[] = {
	"a", "tous", "toutes", "vous", "tout", "le", "monde", "et", "de", "me", "m", "d", "lire",
	"lu", "avoir", "pour", "votre", "soutien", "ecoute", "les", "chers", "amis", "loulous",
	"soin", "ici", "toi", "te", "fort", "tres", "coeur", "and", "for", "reading", "listening",
	"being", "here", "there", "guys", "everyone", "everybody", "all", "you", "to", "the", "y",
	"ya", "that", "s", "it", "is", "for", "now", "care", "again", "later", "your", "support",
	"so", "very", "of", "heart", "folks", "people", "friends", "lovely", "week", "weekend",
	"end", "day", "journee", "semaine", "ceux", "celles", "qui", "vivent", "vit", "pareil", "meme",
	"chose", "anyone", "everyone", "those", "who", "going", "through", "same", "after", "in",
	"situation", NULL};

static int in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (strcmp(*l, w) == 0)
			return 1;
	return 0;
}

/* Folds a two-byte UTF-8 Latin letter to its ASCII base (0 when it is not one). */
static char fold2(unsigned char c0, unsigned char c1)
{
	if (c0 == 0xC3) {
		unsigned char c = c1 & 0xDF; /* fold case: the lower-case row is 0x20 above */
		if (c >= 0x80 && c <= 0x85) return 'a';
		if (c == 0x87) return 'c';
		if (c >= 0x88 && c <= 0x8B) return 'e';
		if (c >= 0x8C && c <= 0x8F) return 'i';
		if (c == 0x91) return 'n';
		if (c >= 0x92 && c <= 0x96) return 'o';
		if (c >= 0x99 && c <= 0x9C) return 'u';
		return 'x';
	}
	if (c0 == 0xC5 && (c1 == 0x93 || c1 == 0x92)) return 'o'; /* oe: "coeur" keeps its e below */
	return 0;
}

/* The words of text, up to max; folded into buf (each NUL-terminated, cut at 23 bytes). */
static size_t split(const char *text, size_t len, struct span *sp, char (*buf)[24], size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		unsigned char c = (unsigned char)text[i];
		int letter = (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) || (c >= '0' && c <= '9') ||
		             (i + 1 < len && fold2(c, (unsigned char)text[i + 1]));
		if (!letter) {
			i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			continue;
		}
		size_t k = 0;
		sp[n].a = i;
		for (;;) {
			c = i < len ? (unsigned char)text[i] : 0;
			char f = 0;
			size_t step = 1;
			if (c && c < 0x80 && (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')))
				f = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
			else if (c >= 0xC0 && i + 1 < len && (f = fold2(c, (unsigned char)text[i + 1])))
				step = 2;
			if (!f)
				break;
			if (k < 23)
				buf[n][k++] = f;
			if (c == 0xC5 && k < 23)
				buf[n][k++] = 'e';
			i += step;
		}
		buf[n][k] = 0;
		sp[n++].b = i;
	}
	return n;
}

/* Something between two words other than spaces: punctuation, an emoji, a line break. */
static int gap_breaks(const char *text, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == ' ' || c == '\t' || c == '\'' || c == '-')
			continue;
		if (c == 0xE2 && i + 2 < b && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x99) {
			i += 2; /* a typographic apostrophe joins "j’espère" */
			continue;
		}
		return 1;
	}
	return 0;
}

/* The end of a sentence between two words: a full stop, ! or ?, a line break, an emoji. */
static int gap_ends(const char *text, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '.' || c == '!' || c == '?' || c == '\n' || c >= 0xF0)
			return 1;
		if (c == 0xE2 && i + 2 < b && !((unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x99))
			return 1; /* a symbol, a heart, an ellipsis; not an apostrophe */
	}
	return 0;
}

static size_t strip_start(const char *text, const struct span *sp, char (*w)[24], size_t n, int wide)
{
	size_t i = 0;
	if (n >= 2 && in_list(post_open_w, w[0]) && in_list(post_noun_w, w[1]))
		i = 2;
	else if (n == 0 || !in_list(greet_w, w[0]))
		return 0;
	while (i < n && (in_list(greet_w, w[i]) || in_list(address_w, w[i])))
		i++;
	size_t cut = i;
	for (size_t j = i; j < n && j < i + 14 && in_list(intro_w, w[j]); j++)
		if (j + 1 < n && gap_breaks(text, sp[j].b, sp[j + 1].a))
			cut = j + 1;
	/* wide: the rest of the opening sentence, when it is short, the greeting did not end it and
	 * it is not a question ("Bonjour, est-ce que je peux arrêter mon traitement ?" asks) */
	if (wide && cut > 0 && cut < n && !gap_ends(text, sp[cut - 1].b, sp[cut].a))
		for (size_t j = cut, i0 = cut; j < n && j < i0 + WIDE; j++)
			if (j + 1 < n && gap_ends(text, sp[j].b, sp[j + 1].a)) {
				if (!memchr(text + sp[j].b, '?', sp[j + 1].a - sp[j].b))
					cut = j + 1;
				break;
			}
	return cut;
}

/* The first word of the closing run, n when there is none. */
static size_t strip_end(const char *text, const struct span *sp, char (*w)[24], size_t n, size_t from, int wide)
{
	size_t k = n;
	if (wide) /* a short last clause after a sign-off word: "bisous, <anything>" */
		for (size_t t = n; t > from && t + WIDE > n; t--)
			if (in_list(close_kiss_w, w[t - 1]) && t < n &&
			    gap_breaks(text, sp[t - 1].b, sp[t].a)) {
				k = n = t;
				break;
			}
	while (k > from && (in_list(close_strong_w, w[k - 1]) || in_list(close_open_w, w[k - 1]) ||
	                    in_list(close_fill_w, w[k - 1])))
		k--;
	for (size_t s = k; s < n; s++) {
		int opens = in_list(close_strong_w, w[s]) || in_list(close_open_w, w[s]) ||
		            (s > 0 && gap_breaks(text, sp[s - 1].b, sp[s].a));
		if (!opens)
			continue;
		for (size_t t = s; t < n; t++)
			if (in_list(close_strong_w, w[t]))
				return s;
		return n;
	}
	return n;
}

size_t intent_phatic_core(const char *text, size_t len, int wide, size_t *off)
{
	struct span sp[MAXW];
	char w[MAXW][24];
	*off = 0;
	if (!text || len == 0)
		return len;
	size_t n = split(text, len, sp, w, MAXW);
	size_t s = strip_start(text, sp, w, n, wide);
	size_t a = s == 0 ? 0 : s < n ? sp[s].a : len; /* an opening quote stays with its words */
	size_t b = len;
	if (n < MAXW) { /* the end is only looked at when every word was split */
		size_t e = strip_end(text, sp, w, n, s, wide);
		if (e < n)
			b = sp[e].a; /* the core keeps its last punctuation */
	}
	if (s >= n || b <= a)
		return len; /* nothing but a wrapper: leave it whole */
	*off = a;
	return b - a;
}
