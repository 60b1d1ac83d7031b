/*
 * privacy_wasm.c - the entry points of the browser build (privacy.wasm): the text
 * de-identification engine (include/entraide/privacy.h) and the intent classifier
 * (include/entraide/intent.h), compiled from the same sources as the server's, for
 * web/static/privacy/privacy.js.
 *
 * The page writes UTF-8 text into the buffer that pw_input() returns, then calls pw_scan() or
 * pw_classify(). Spans come back in JavaScript string indices (UTF-16 code units), so the page
 * never maps byte offsets itself. One thread, one call at a time; nothing is kept between
 * calls but the input and output buffers.
 * Not responsible for: turning JavaScript strings into UTF-8 (the page's TextEncoder does).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entraide/intent.h"
#include "entraide/privacy.h"
#include "wasm_lex.h"

#define WASM_EXPORT(name) __attribute__((export_name(name)))

static struct ent_priv_engine *engine;
static unsigned char *input;
static size_t input_cap;
static int32_t *spans_out; /* per span: start, end (UTF-16 units), type */
static size_t spans_cap;
static struct ent_intent_result intent;

/* Builds the word tables and makes the engine; 0 on success, else an enum ent_err. Called
 * once by the page. */
WASM_EXPORT("pw_init") int pw_init(void)
{
	if (engine)
		return 0;
	enum ent_err err = wasm_lex_unpack();
	if (!err)
		err = ent_priv_engine_new(&engine);
	return (int)err;
}

/* A buffer of at least len bytes for the next text (kept and reused); NULL when out of memory. */
WASM_EXPORT("pw_input") unsigned char *pw_input(size_t len)
{
	if (len + 1 > input_cap) {
		size_t cap = len + 1 < 4096 ? 4096 : len + 1;
		unsigned char *p = realloc(input, cap);
		if (!p)
			return NULL;
		input = p;
		input_cap = cap;
	}
	return input;
}

/* The UTF-16 length of the UTF-8 bytes s[0..n): one unit per code point, two above U+FFFF. */
static size_t utf16_units(const unsigned char *s, size_t n)
{
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			u += s[i] >= 0xF0 ? 2 : 1;
	return u;
}

/*
 * Scans the len bytes written into the input buffer in language lang (0 auto, 1 French,
 * 2 English: enum ent_priv_lang). Returns the number of spans (read them with pw_spans()), or
 * minus an enum ent_err.
 */
WASM_EXPORT("pw_scan") int pw_scan(size_t len, int lang)
{
	struct ent_priv_spans sp;
	if (!engine || (len && !input))
		return -(int)ENT_EINVAL;
	enum ent_err err = ent_priv_scan(engine, (const char *)input, len, (enum ent_priv_lang)lang, &sp);
	if (err)
		return -(int)err;
	if (sp.n * 3 > spans_cap) {
		int32_t *p = realloc(spans_out, sp.n * 3 * sizeof *p);
		if (!p) {
			ent_priv_spans_clear(&sp);
			return -(int)ENT_ENOMEM;
		}
		spans_out = p;
		spans_cap = sp.n * 3;
	}
	/* spans are sorted and never overlap: one sweep over the text maps every offset */
	size_t at = 0, units = 0;
	for (size_t i = 0; i < sp.n; i++) {
		units += utf16_units(input + at, sp.v[i].start - at);
		spans_out[3 * i] = (int32_t)units;
		units += utf16_units(input + sp.v[i].start, sp.v[i].end - sp.v[i].start);
		spans_out[3 * i + 1] = (int32_t)units;
		spans_out[3 * i + 2] = (int32_t)sp.v[i].type;
		at = sp.v[i].end;
	}
	int n = (int)sp.n;
	ent_priv_spans_clear(&sp);
	return n;
}

WASM_EXPORT("pw_spans") const int32_t *pw_spans(void)
{
	return spans_out;
}

/* Classifies the len bytes of the input buffer; hint 0 detects the language, 1 French,
 * 2 English. Returns the intent (enum ent_intent), or minus an enum ent_err. */
WASM_EXPORT("pw_classify") int pw_classify(size_t len, int hint)
{
	static const char *const hints[] = {NULL, "fr", "en"};
	if (len && !input)
		return -(int)ENT_EINVAL;
	enum ent_err err = ent_intent_classify((const char *)input, len, hints[hint == 1 || hint == 2 ? hint : 0],
					       &intent);
	return err ? -(int)err : (int)intent.intent;
}

WASM_EXPORT("pw_confidence") float pw_confidence(void)
{
	return intent.confidence;
}

WASM_EXPORT("pw_rule") int pw_rule(void)
{
	return (int)intent.rule;
}

/* Names, so that the page says what the server says: "NAME", "urgent", "chest_pain"... */
WASM_EXPORT("pw_type_name") const char *pw_type_name(int type)
{
	return ent_priv_type_name((enum ent_priv_type)type);
}

WASM_EXPORT("pw_intent_name") const char *pw_intent_name(int i)
{
	return ent_intent_name((enum ent_intent)i);
}

WASM_EXPORT("pw_rule_name") const char *pw_rule_name(int r)
{
	return ent_intent_rule_name((enum ent_intent_rule)r);
}

WASM_EXPORT("pw_error_name") const char *pw_error_name(int e)
{
	return ent_errname((enum ent_err)e);
}
