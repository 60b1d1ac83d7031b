/* cli_sanitize.c - `entraide sanitize` on one file: read it (bounded), sanitize, write the
 * output atomically, print the report; see cli_sanitize.h. */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_file.h"
#include "cli/cli_sanitize.h"

int sanitize_fail(const char *what)
{
	fprintf(stderr, "entraide sanitize: %s\n", what);
	return CLI_EXIT_USAGE;
}

static void report_json(FILE *f, const struct ent_img_result *r)
{
	fprintf(f, "{\"format\":\"%s\",\"input_format\":\"%s\",\"width\":%d,\"height\":%d,"
	       "\"orientation\":%d,\"bytes\":%zu,\"removed\":[",
	       ent_img_format_name(r->format), ent_img_format_name(r->in_format), r->width, r->height,
	       r->orientation, r->len);
	int first = 1;
	for (unsigned b = 1; b && b <= ENT_IMG_RM__LAST; b <<= 1) {
		if (r->removed & b) {
			fprintf(f, "%s\"%s\"", first ? "" : ",", ent_img_removed_name(b));
			first = 0;
		}
	}
	fprintf(f, "],\"covered\":[");
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct ent_img_region *g = &r->regions[i];
		fprintf(f, "%s{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"source\":\"%s\"}", i ? "," : "", g->rect.x,
		       g->rect.y, g->rect.w, g->rect.h, ent_img_source_name(g->source));
	}
	fprintf(f, "],\"faces\":%zu}\n", r->n_faces);
}

static void report_text(FILE *f, const struct ent_img_result *r)
{
	fprintf(f, "sanitized: %s -> %s %dx%d", ent_img_format_name(r->in_format),
		ent_img_format_name(r->format), r->width, r->height);
	if (r->orientation != 1)
		fprintf(f, ", orientation %d applied", r->orientation);
	fprintf(f, "\nremoved:");
	if (!r->removed)
		fprintf(f, " nothing found");
	for (unsigned b = 1; b && b <= ENT_IMG_RM__LAST; b <<= 1)
		if (r->removed & b)
			fprintf(f, " %s", ent_img_removed_name(b));
	fprintf(f, "\ncovered: %zu region(s), %zu face(s)\n", r->n_regions, r->n_faces);
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct ent_img_region *g = &r->regions[i];
		fprintf(f, "  %s %d,%d,%d,%d\n", ent_img_source_name(g->source), g->rect.x, g->rect.y,
			g->rect.w, g->rect.h);
	}
}

int sanitize_one(const char *in_path, const char *out_path, const struct ent_img_opts *o, int json,
	       int batch, FILE *out, FILE *err, struct cli_staged *stage)
{
	const char *why = NULL;
	uint8_t *in = NULL;
	size_t len = 0;
	struct ent_img_result res = {0};
	int rc = CLI_EXIT_USAGE;
	if (cli_file_read(in_path, ENT_IMG_DEFAULT_MAX_BYTES, &in, &len, &why))
		goto fail;
	if (ent_img_sanitize(in, len, o, &res)) {
		why = res.reason;
		goto fail;
	}
	if (stage ? cli_file_stage(out_path, res.data, res.len, stage, &why)
		  : cli_file_write_atomic(out_path, res.data, res.len, &why))
		goto fail;
	if (json)
		report_json(out, &res);
	else
		report_text(err, &res);
	rc = CLI_EXIT_OK;
	goto out;
fail:
	/* in a batch, name the file (the operator's own path, not its content) */
	if (batch)
		fprintf(err, "entraide sanitize: %s: %s\n", in_path, why);
	else
		sanitize_fail(why);
out:
	free(in);
	ent_img_result_clear(&res);
	return rc;
}
