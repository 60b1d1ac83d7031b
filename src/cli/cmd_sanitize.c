/*
 * cmd_sanitize.c - `entraide sanitize IN OUT`: the photo sanitizer on files.
 *
 * Reads IN (bounded by the size limit before reading), runs ent_img_sanitize() and writes
 * OUT atomically: a temporary file next to OUT, flushed, then renamed; on any failure
 * nothing is left behind. Prints what was removed and covered (stderr, or JSON on stdout
 * with --json). Exit 0 written, 2 bad usage or refused input (one line on stderr).
 * --batch spreads the files over one worker thread per online core, each with its own face
 * detector; reports are printed in the order of the arguments.
 * This file reads the options and loads the face detector; the work is in cli_sanitize.c
 * (one file) and cli_sanitize_batch.c, the file I/O in cli_file.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_sanitize.h"

#define MAX_MASKS 64

static void help(FILE *f)
{
	fprintf(f,
		"usage: entraide sanitize IN OUT [--faces cover|keep] [--mask X,Y,W,H]...\n"
		"                         [--format jpeg|png|webp] [--quality N] [--json]\n"
		"       entraide sanitize --batch OUTDIR IN... [same options]\n"
		"\n"
		"Writes OUT, a fresh copy of the picture IN with no metadata (EXIF, GPS, XMP, IPTC,\n"
		"ICC, comments, text chunks, thumbnails, trailing data), turned upright, in sRGB,\n"
		"with faces (by default) and the given rectangles covered by a solid fill.\n"
		"IN may be JPEG, PNG, WebP or HEIC (read from the bytes, not the name). OUT keeps\n"
		"the input's family unless --format says otherwise (HEIC becomes JPEG).\n"
		"  --faces cover|keep  cover detected faces (default) or leave them\n"
		"  --mask X,Y,W,H      also cover this rectangle (pixels of the upright picture)\n"
		"  --json              print the report as JSON on stdout (one line per file)\n"
		"  --batch OUTDIR      sanitize every IN into OUTDIR/<its name>, loading the face\n"
		"                      models once; a refused file is reported and skipped\n"
		"Exit status: 0 written, 2 bad usage or refused input (reason on stderr).\n");
}

static int parse_mask(const char *s, struct ent_img_rect *r)
{
	char tail;
	if (sscanf(s, "%d,%d,%d,%d%c", &r->x, &r->y, &r->w, &r->h, &tail) != 4)
		return -1;
	return r->w > 0 && r->h > 0 ? 0 : -1;
}

struct args {
	struct ent_img_rect masks[MAX_MASKS];
	struct ent_img_opts o;
	const char **pos; /* IN OUT, or the INs of a batch */
	int n_pos;
	const char *outdir; /* --batch */
	int json;
};

/* One option with its value v (NULL when none follows); returns how many arguments it took
 * (1 or 2), 0 for an unknown option, -1 after saying what is wrong with its value. */
static int option(struct args *a, const char *opt, const char *v)
{
	struct ent_img_opts *o = &a->o;
	if (!strcmp(opt, "--json")) {
		a->json = 1;
		return 1;
	}
	if (!v)
		return 0;
	if (!strcmp(opt, "--faces")) {
		if (!strcmp(v, "cover"))
			o->faces_mode = ENT_IMG_FACES_COVER;
		else if (!strcmp(v, "keep"))
			o->faces_mode = ENT_IMG_FACES_KEEP;
		else
			return sanitize_fail("--faces takes cover or keep"), -1;
	} else if (!strcmp(opt, "--mask")) {
		if (o->n_masks >= MAX_MASKS || parse_mask(v, &a->masks[o->n_masks]))
			return sanitize_fail("--mask takes X,Y,W,H with W and H > 0 (64 at most)"), -1;
		o->n_masks++;
	} else if (!strcmp(opt, "--format")) {
		if (!strcmp(v, "jpeg") || !strcmp(v, "jpg"))
			o->out_format = ENT_IMG_JPEG;
		else if (!strcmp(v, "png"))
			o->out_format = ENT_IMG_PNG;
		else if (!strcmp(v, "webp"))
			o->out_format = ENT_IMG_WEBP;
		else
			return sanitize_fail("--format takes jpeg, png or webp"), -1;
	} else if (!strcmp(opt, "--quality")) {
		char *end;
		long q = strtol(v, &end, 10);
		if (*end || q < 1 || q > 100)
			return sanitize_fail("--quality takes 1 to 100"), -1;
		o->jpeg_quality = (int)q;
	} else if (!strcmp(opt, "--batch")) {
		a->outdir = v;
	} else {
		return 0;
	}
	return 2;
}

/* Reads argv into a; CLI_EXIT_OK, or CLI_EXIT_USAGE after saying why. */
static int parse_args(int argc, char **argv, struct args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int took = option(a, arg, i + 1 < argc ? argv[i + 1] : NULL);
		if (took < 0)
			return CLI_EXIT_USAGE;
		if (took > 0)
			i += took - 1;
		else if (arg[0] == '-' && arg[1])
			return help(stderr), CLI_EXIT_USAGE;
		else
			a->pos[a->n_pos++] = arg;
	}
	if (a->outdir ? a->n_pos < 1 : a->n_pos != 2)
		return help(stderr), CLI_EXIT_USAGE;
	a->o.masks = a->masks;
	return CLI_EXIT_OK;
}

/* The face detector when faces are to be covered; CLI_EXIT_USAGE after saying why not. */
static int open_detector(struct ent_img_opts *o)
{
	if (o->faces_mode != ENT_IMG_FACES_COVER)
		return CLI_EXIT_OK;
	const char *model = NULL;
	enum ent_err err = ent_img_faces_new(&o->faces, &model);
	if (!err)
		return CLI_EXIT_OK;
	fprintf(stderr, "entraide sanitize: face detector unavailable (%s)%s%s; install "
			"opencv-data, or pass --faces keep\n",
		ent_strerror(err), model ? ": " : "", model ? model : "");
	return CLI_EXIT_USAGE;
}

int cmd_sanitize(int argc, char **argv)
{
	struct args a = {.pos = calloc((size_t)argc + 1, sizeof *a.pos)};
	if (!a.pos)
		return sanitize_fail("out of memory");
	int rc;
	if (cli_wants_help(argc, argv)) {
		help(stdout);
		rc = CLI_EXIT_OK;
	} else if (!(rc = parse_args(argc, argv, &a)) && !(rc = open_detector(&a.o))) {
		rc = a.outdir ? sanitize_batch(a.pos, a.n_pos, a.outdir, &a.o, a.json)
			      : sanitize_one(a.pos[0], a.pos[1], &a.o, a.json, 0, stdout, stderr, NULL);
	}
	free(a.pos);
	ent_img_faces_free(a.o.faces);
	return rc;
}
