/*
 * fuzz_redact_jsonl.c - libFuzzer harness over the hand-written JSON reader of
 * `entraide redact --jsonl` (src/cli/redact_jsonl.c, issue 19's fast path). The CLI is not in
 * the library, so the file is compiled into the harness. The first byte picks the language,
 * whether it is forced, and the policy; the rest is one input line. Either the line is answered
 * (1, its result line appended to the out buffer, emptied for the next input) or left to the
 * general path (0); any memory error or undefined behaviour in between is what this looks for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/redact_jsonl.c"

static struct ent_priv_engine *eng;
static struct redact_jsonl_buf in, out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!eng) {
		if (ent_priv_engine_new(&eng) != ENT_OK)
			abort();
	}
	if (size == 0)
		return 0;
	enum ent_priv_lang lang = (enum ent_priv_lang)(data[0] % 3);
	int forced = (data[0] / 3) % 2;
	enum ent_priv_policy pol = (enum ent_priv_policy)((data[0] / 6) % 3);
	/* a copy of exactly size - 1 bytes, so that a read past the line is caught */
	size_t len = size - 1;
	char *line = malloc(len ? len : 1);
	if (!line)
		return 0;
	memcpy(line, data + 1, len);
	int r = redact_jsonl_fast(eng, line, len, lang, forced, pol, &in, &out);
	if ((r != 0 && r != 1) || (r == 0 && out.len != 0) || (r == 1 && (out.len == 0 || out.v[out.len - 1] != '\n')))
		abort();
	out.len = 0;
	free(line);
	return 0;
}
