/*
 * fuzz_comm.c - the community engine's readers of outside text: Markdown rendering (posts and
 * articles), search terms of a post, a search query turned into an FTS5 expression (which must
 * never hold a quote or operator of the user's), and `entraide verify`'s canonical form and
 * base64 reading. The first byte picks the target.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 64 * 1024)
		return 0;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	switch (data[0] % 4) {
	case 0: {
		char *html = NULL;
		if (comm_md_render(p, n, &html) == ENT_OK && strstr(html, "<script"))
			abort(); /* raw HTML must never pass */
		free(html);
		break;
	}
	case 1:
		comm_terms(p, n, (data[0] & 4) ? "en" : "fr", &b);
		break;
	case 2:
		if (comm_query(p, n, data[0] & 4, &b) == ENT_OK && b.len) {
			/* quotes only around stems: an even number, none of the user's */
			size_t quotes = 0;
			for (size_t i = 0; i < b.len; i++)
				quotes += b.p[i] == '"';
			if (quotes % 2)
				abort();
		}
		break;
	default: {
		unsigned char out[128];
		size_t got = 0;
		comm_b64_decode(p, n, out, sizeof out, &got);
		char *s = malloc(n + 1);
		if (!s)
			break;
		memcpy(s, p, n);
		s[n] = '\0';
		struct comm_article a = {s, s, (int64_t)n, s, s, s, s, s};
		comm_canonical(&a, &b);
		free(s);
		break;
	}
	}
	buf_clear(&b);
	return 0;
}
