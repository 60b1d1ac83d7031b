/*
 * redact_jsonl.h - the fast path of `entraide redact --jsonl` (redact_jsonl.c): plain
 * {"id","text"[,"lang"]} lines answered without JSON trees, byte for byte as the general path.
 */
#ifndef ENT_CLI_REDACT_JSONL_H
#define ENT_CLI_REDACT_JSONL_H

#include <stddef.h>

#include "entraide/privacy.h"

/* A buffer reused from line to line (owned by the caller, freed with free(v)): v[0..len)
 * holds data, cap bytes are allocated. */
struct redact_jsonl_buf {
	char *v;
	size_t len, cap;
};

/* Redacts one line and appends its result line to out (out->len grows) when the line is a
 * plain object; returns 1 then, 0 when the caller must run the general path (out unchanged).
 * The caller writes out's bytes and resets out->len (before any line of its own, to keep the
 * order). in is a scratch buffer kept between calls. */
int redact_jsonl_fast(const struct ent_priv_engine *eng, const char *line, size_t len,
		      enum ent_priv_lang lang, int lang_forced, enum ent_priv_policy policy,
		      struct redact_jsonl_buf *in, struct redact_jsonl_buf *out);

#endif
