/*
 * span_dump.c - every span of every text, for span_diff.sh: reads records (a 32-bit
 * little-endian length, then the text's bytes; span_records.py writes them), scans each text in
 * auto, fr and en, and prints the status, the language and every span (start end type
 * confidence recogniser), one per line. Two builds of the engine that print the same bytes give
 * the same spans.
 * usage: span_dump RECORDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include "entraide/privacy.h"
int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: span_dump RECORDS\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 2;
	struct ent_priv_engine *eng;
	char *buf = malloc(1 << 21);
	if (!buf || ent_priv_engine_new(&eng) != ENT_OK)
		return 2;
	uint32_t n;
	size_t rec = 0;
	while (fread(&n, 4, 1, f) == 1) {
		if (n > (1 << 21) || fread(buf, 1, n, f) != n)
			return 3;
		for (int l = 0; l < 3; l++) {
			enum ent_priv_lang lang = l == 0 ? ENT_PRIV_AUTO : l == 1 ? ENT_PRIV_FR : ENT_PRIV_EN;
			struct ent_priv_spans sp;
			enum ent_err e = ent_priv_scan(eng, buf, n, lang, &sp);
			printf("%zu %d rc=%d lang=%d n=%zu\n", rec, l, (int)e, e ? -1 : (int)sp.lang, e ? 0 : sp.n);
			if (e)
				continue;
			for (size_t i = 0; i < sp.n; i++)
				printf(" %zu %zu %d %.9g %s\n", sp.v[i].start, sp.v[i].end, (int)sp.v[i].type,
				       (double)sp.v[i].confidence, sp.v[i].recogniser);
			ent_priv_spans_clear(&sp);
		}
		rec++;
	}
	ent_priv_engine_free(eng);
	free(buf);
	fclose(f);
	return 0;
}
