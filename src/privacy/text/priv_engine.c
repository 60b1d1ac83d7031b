/*
 * priv_engine.c - the public entry points of the text engine (include/entraide/privacy.h):
 * input checks, the order the recognisers run in, span clean-up, and the redaction policies.
 *
 * The engine object holds no mutable state after creation, so one engine serves any number
 * of threads; each call works in its own context (tokens and their folded forms on the
 * stack for a short text, on the heap otherwise; spans on the heap), freed before returning. The word tables are const data compiled into the library.
 */
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "privacy/text/priv_text.h"

struct ent_priv_engine {
	size_t max_text;
	float min_confidence;
};

ENT_EXPORT enum ent_err ent_priv_engine_new(struct ent_priv_engine **out)
{
	if (!out)
		return ENT_EINVAL;
	*out = NULL;
	struct ent_priv_engine *e = calloc(1, sizeof *e);
	if (!e)
		return ENT_ENOMEM;
	e->max_text = ENT_PRIV_MAX_TEXT;
	e->min_confidence = 0.45f;
	/* the tables must hold something, or the build went wrong */
	if (priv_lex_n == 0 || !(priv_lex_word("crohn") & LX_EPONYM)) {
		free(e);
		return ENT_EINTERNAL;
	}
	*out = e;
	return ENT_OK;
}

ENT_EXPORT void ent_priv_engine_free(struct ent_priv_engine *eng)
{
	free(eng);
}

/* Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
static int utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* ASCII eight bytes at a time, and the ASCII bytes before the first other one of the
		 * eight in one step (on a little-endian machine: the lowest bytes come first) */
		while (n - i >= 8) {
			uint64_t w8;
			memcpy(&w8, s + i, 8);
			uint64_t hi = w8 & 0x8080808080808080ull;
			if (hi) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				i += (size_t)__builtin_ctzll(hi) >> 3;
#endif
				break;
			}
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t w;
		unsigned min, cp;
		if ((c & 0xE0) == 0xC0) {
			w = 2;
			min = 0x80;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			w = 3;
			min = 0x800;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			w = 4;
			min = 0x10000;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (n - i < w)
			return 0;
		for (size_t k = 1; k < w; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += w;
	}
	return 1;
}

static int span_cmp(const void *a, const void *b)
{
	const struct ent_priv_span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/* Sorts, drops weak spans, resolves overlaps (the longer one wins) and joins LOCATION spans
 * that make one postal address ("12 rue X" + ", " + "75013 Paris"). */
static void tidy(struct pctx *c, float min_conf)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_sp; i++)
		if (c->sp[i].confidence >= min_conf)
			c->sp[n++] = c->sp[i];
	/* a post has a few spans: insertion sort, stable as glibc's qsort (a merge sort) is, so
	 * equal spans keep the order they were found in; qsort for the long texts */
	if (n > 16) {
		qsort(c->sp, n, sizeof *c->sp, span_cmp);
	} else {
		for (size_t i = 1; i < n; i++) {
			struct ent_priv_span s = c->sp[i];
			size_t j = i;
			for (; j > 0 && span_cmp(&c->sp[j - 1], &s) > 0; j--)
				c->sp[j] = c->sp[j - 1];
			c->sp[j] = s;
		}
	}
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		struct ent_priv_span s = c->sp[i];
		if (o > 0 && s.start < c->sp[o - 1].end) {
			struct ent_priv_span *p = &c->sp[o - 1];
			if (s.end - s.start > p->end - p->start)
				*p = s;
			continue;
		}
		if (o > 0 && s.type == ENT_PRIV_LOCATION && c->sp[o - 1].type == ENT_PRIV_LOCATION) {
			struct ent_priv_span *p = &c->sp[o - 1];
			size_t gap = s.start - p->end;
			const char *g = c->t + p->end;
			if ((gap == 2 && g[0] == ',' && g[1] == ' ') || (gap == 1 && (g[0] == ' ' || g[0] == ',')) ||
			    (gap == 3 && memcmp(g, " - ", 3) == 0)) {
				p->end = s.end;
				continue;
			}
		}
		/* "Kouassi N'Guessan Ange-Marius": two names one space apart are one person's */
		if (o > 0 && s.type == ENT_PRIV_NAME && c->sp[o - 1].type == ENT_PRIV_NAME && s.start == c->sp[o - 1].end + 1 &&
		    c->t[c->sp[o - 1].end] == ' ') {
			c->sp[o - 1].end = s.end;
			continue;
		}
		/* "Margaret Ellis née Croft": a married name and the maiden name are one person's name,
		 * as ../shared/data/README.md's "first + last name is one span" reads (W19's sets) */
		if (o > 0 && s.type == ENT_PRIV_NAME && c->sp[o - 1].type == ENT_PRIV_NAME &&
		    ((s.start == c->sp[o - 1].end + 6 && memcmp(c->t + c->sp[o - 1].end, " n\xc3\xa9" "e ", 6) == 0) ||
		     (s.start == c->sp[o - 1].end + 5 && memcmp(c->t + c->sp[o - 1].end, " nee ", 5) == 0))) {
			c->sp[o - 1].end = s.end;
			continue;
		}
		c->sp[o++] = s;
	}
	c->n_sp = o;
}

static enum ent_err scan(const struct ent_priv_engine *eng, const char *text, size_t len,
			 enum ent_priv_lang lang, struct ent_priv_spans *out)
{
	if (!eng || !out || (!text && len))
		return ENT_EINVAL;
	memset(out, 0, sizeof *out);
	if (len > eng->max_text)
		return ENT_ETOOBIG;
	if (!utf8_ok((const unsigned char *)text, len))
		return ENT_EUTF8;
	if (lang != ENT_PRIV_AUTO && lang != ENT_PRIV_FR && lang != ENT_PRIV_EN)
		return ENT_EINVAL;
	/* a short post's tokens and folded forms stay on the stack (an arena per text); longer
	 * texts get one allocation of each */
	struct ptok tk_buf[128];
	uint8_t pb_buf[128 + PB_PAD];
	uint8_t nf_buf[128 + NF_PAD];
	char fold_buf[PRIV_FOLD_ARENA(508)];
	_Static_assert(sizeof pb_buf == sizeof tk_buf / sizeof tk_buf[0] + PB_PAD, "a set byte for every token");
	struct pctx c = {.t = text ? text : "", .len = len, .lang = lang, .tk = tk_buf,
			 .cap_tk = sizeof tk_buf / sizeof tk_buf[0], .fold = fold_buf, .cap_fold = sizeof fold_buf,
			 .pb = pb_buf, .nf = nf_buf};
	_Static_assert(sizeof nf_buf / sizeof nf_buf[0] == sizeof tk_buf / sizeof tk_buf[0] + NF_PAD, "NF_ bits for every token");
	enum ent_err err = priv_tokenize(&c);
	if (err)
		goto out;
	if (c.lang == ENT_PRIV_AUTO)
		c.lang = priv_guess_lang(&c);
	priv_find_patterns(&c);
	priv_find_numbers(&c);
	priv_find_words_ids(&c);
	priv_find_when(&c);
	priv_find_places(&c);
	priv_find_names(&c);
	if (c.oom) {
		err = ENT_ENOMEM;
		goto out;
	}
	tidy(&c, eng->min_confidence);
	out->v = c.sp;
	out->n = c.n_sp;
	out->lang = c.lang;
	c.sp = NULL;
out:
	priv_tok_free(&c);
	free(c.sp);
	return err;
}

ENT_EXPORT enum ent_err ent_priv_scan(const struct ent_priv_engine *eng, const char *text, size_t len,
				      enum ent_priv_lang lang, struct ent_priv_spans *out)
{
	return scan(eng, text, len, lang, out);
}

ENT_EXPORT void ent_priv_spans_clear(struct ent_priv_spans *spans)
{
	if (!spans)
		return;
	free(spans->v);
	memset(spans, 0, sizeof *spans);
}

ENT_EXPORT void ent_priv_result_clear(struct ent_priv_result *res)
{
	if (!res)
		return;
	free(res->text);
	ent_priv_spans_clear(&res->spans);
	memset(res, 0, sizeof *res);
}

ENT_EXPORT bool ent_priv_is_direct(enum ent_priv_type type)
{
	return type == ENT_PRIV_NAME || type == ENT_PRIV_CONTACT || type == ENT_PRIV_ID;
}

ENT_EXPORT const char *ent_priv_type_name(enum ent_priv_type type)
{
	static const char *const names[] = {"NAME", "CONTACT", "ID", "LOCATION", "DATE", "AGE"};
	return (unsigned)type < ENT_PRIV__NTYPES ? names[type] : "?";
}

ENT_EXPORT const char *ent_priv_type_label(enum ent_priv_type type, enum ent_priv_lang lang)
{
	static const char *const fr[] = {"[NOM]", "[CONTACT]", "[IDENTIFIANT]", "[LIEU]", "[DATE]",
					 "[\xC3\x82GE]"};
	static const char *const en[] = {"[NAME]", "[CONTACT]", "[ID]", "[PLACE]", "[DATE]", "[AGE]"};
	if ((unsigned)type >= ENT_PRIV__NTYPES)
		return "[?]";
	return lang == ENT_PRIV_EN ? en[type] : fr[type];
}

ENT_EXPORT enum ent_err ent_priv_lang_parse(const char *s, enum ent_priv_lang *out)
{
	if (!s || !out)
		return ENT_EINVAL;
	if (strcmp(s, "fr") == 0)
		*out = ENT_PRIV_FR;
	else if (strcmp(s, "en") == 0)
		*out = ENT_PRIV_EN;
	else if (strcmp(s, "auto") == 0)
		*out = ENT_PRIV_AUTO;
	else
		return ENT_EINVAL;
	return ENT_OK;
}

ENT_EXPORT enum ent_err ent_priv_policy_parse(const char *s, enum ent_priv_policy *out)
{
	if (!s || !out)
		return ENT_EINVAL;
	if (strcmp(s, "mask") == 0)
		*out = ENT_PRIV_MASK;
	else if (strcmp(s, "pseudonymise") == 0 || strcmp(s, "pseudonymize") == 0)
		*out = ENT_PRIV_PSEUDONYMISE;
	else if (strcmp(s, "report") == 0)
		*out = ENT_PRIV_REPORT;
	else
		return ENT_EINVAL;
	return ENT_OK;
}

/* Placeholders for pseudonymised names: epicene first names, French and English. */
static const char *const pseudo_fr[] = {"Camille", "Dominique", "Claude", "Sacha", "Alix",
					"Charlie", "Lou", "Maxime", "Eden", "Andrea", "Morgan", "Noa"};
static const char *const pseudo_en[] = {"Alex", "Sam", "Jordan", "Taylor", "Casey", "Robin",
					"Jamie", "Riley", "Avery", "Quinn", "Morgan", "Charlie"};
#define N_PSEUDO (sizeof pseudo_fr / sizeof pseudo_fr[0])

/* Same name (case and accents ignored) as an earlier span? Returns its index or i. */
static size_t first_same_name(const char *t, const struct ent_priv_span *v, size_t i)
{
	char a[128], b[128];
	size_t na = priv_fold(t + v[i].start, v[i].end - v[i].start, a, sizeof a);
	/* bounded: a text with thousands of distinct names compares each with the last 256 spans */
	for (size_t k = i > 256 ? i - 256 : 0; k < i; k++) {
		if (v[k].type != ENT_PRIV_NAME)
			continue;
		size_t nb = priv_fold(t + v[k].start, v[k].end - v[k].start, b, sizeof b);
		if (na && na == nb && memcmp(a, b, na) == 0)
			return k;
	}
	return i;
}

ENT_EXPORT enum ent_err ent_priv_redact(const struct ent_priv_engine *eng, const char *text,
					size_t len, enum ent_priv_lang lang, enum ent_priv_policy policy,
					struct ent_priv_result *out)
{
	if (!out)
		return ENT_EINVAL;
	memset(out, 0, sizeof *out);
	if (policy != ENT_PRIV_MASK && policy != ENT_PRIV_PSEUDONYMISE && policy != ENT_PRIV_REPORT)
		return ENT_EINVAL;
	enum ent_err err = scan(eng, text, len, lang, &out->spans);
	if (err)
		return err;
	if (!text)
		text = ""; /* len is 0: scan() refused a NULL text with a length */
	const struct ent_priv_spans *sp = &out->spans;
	/* a label is at most 15 bytes; a span is at least 1 byte: len + 16 per span bounds it */
	size_t cap = len + 16 * sp->n + 1;
	char *o = malloc(cap);
	size_t *pseudo = NULL;
	if (!o)
		goto oom;
	if (policy == ENT_PRIV_PSEUDONYMISE && sp->n) {
		pseudo = malloc(sp->n * sizeof *pseudo);
		if (!pseudo)
			goto oom;
	}
	size_t w = 0, at = 0, n_names = 0;
	for (size_t i = 0; i < sp->n && policy != ENT_PRIV_REPORT; i++) {
		const struct ent_priv_span *s = &sp->v[i];
		memcpy(o + w, text + at, s->start - at);
		w += s->start - at;
		const char *rep = ent_priv_type_label(s->type, sp->lang);
		if (policy == ENT_PRIV_PSEUDONYMISE && s->type == ENT_PRIV_NAME) {
			size_t k = first_same_name(text, sp->v, i);
			pseudo[i] = k == i ? n_names++ : pseudo[k];
			const char *const *tab = sp->lang == ENT_PRIV_EN ? pseudo_en : pseudo_fr;
			rep = tab[pseudo[i] % N_PSEUDO];
		}
		size_t rl = strlen(rep);
		memcpy(o + w, rep, rl);
		w += rl;
		at = s->end;
	}
	memcpy(o + w, text + at, len - at);
	w += len - at;
	o[w] = 0;
	free(pseudo);
	out->text = o;
	out->len = w;
	return ENT_OK;
oom:
	free(o);
	free(pseudo);
	ent_priv_result_clear(out);
	return ENT_ENOMEM;
}
