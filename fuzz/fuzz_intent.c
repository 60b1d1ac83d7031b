/* fuzz_intent.c - libFuzzer harness over ent_intent_classify(): any bytes, any language hint.
 * The first byte picks the hint (none, "fr", "en", junk); the rest is the message. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "entraide/intent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = {NULL, "fr", "en", "", "x", "EN-gb"};
	struct ent_intent_result r;
	const char *hint = NULL;
	enum ent_err err;

	if (size > 0) {
		hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
		data++;
		size--;
	}
	err = ent_intent_classify((const char *)data, size, hint, &r);
	if (err != ENT_OK && err != ENT_EUTF8)
		abort();
	if (err == ENT_OK) {
		if ((unsigned)r.intent >= ENT_INTENT__COUNT || (unsigned)r.rule >= ENT_INTENT_RULE__COUNT)
			abort();
		if (!(r.confidence >= 0.0f && r.confidence <= 1.0f))
			abort();
		if (r.is_safety_rule && r.intent != ENT_INTENT_URGENT)
			abort();
	}
	return 0;
}
