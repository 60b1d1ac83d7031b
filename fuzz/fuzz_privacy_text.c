/*
 * fuzz_privacy_text.c - libFuzzer harness over the text engine's entry points.
 * The first byte picks the language and policy; the rest is the text. Every input must
 * give ENT_OK or a clean error (ENT_EUTF8 for invalid UTF-8), and spans must be sorted,
 * inside the text and non-overlapping.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entraide/privacy.h"

static struct ent_priv_engine *eng;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!eng && ent_priv_engine_new(&eng) != ENT_OK)
		abort();
	if (size == 0)
		return 0;
	enum ent_priv_lang lang = (enum ent_priv_lang)(data[0] % 3);
	enum ent_priv_policy pol = (enum ent_priv_policy)((data[0] / 3) % 3);
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	struct ent_priv_result r;
	enum ent_err err = ent_priv_redact(eng, text, len, lang, pol, &r);
	if (err != ENT_OK && err != ENT_EUTF8 && err != ENT_ETOOBIG)
		abort();
	if (err == ENT_OK) {
		size_t prev = 0;
		for (size_t i = 0; i < r.spans.n; i++) {
			const struct ent_priv_span *s = &r.spans.v[i];
			if (s->start < prev || s->end <= s->start || s->end > len ||
			    (unsigned)s->type >= ENT_PRIV__NTYPES || !s->recogniser)
				abort();
			prev = s->end;
		}
		if (!r.text || r.text[r.len] != 0)
			abort();
		if (pol == ENT_PRIV_REPORT && (r.len != len || memcmp(r.text, text, len) != 0))
			abort();
	}
	ent_priv_result_clear(&r);
	return 0;
}
