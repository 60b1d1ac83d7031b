/*
 * cmd_sanitize.c - `entraide sanitize IN OUT`: the photo sanitizer on files.
 *
 * Reads IN (bounded by the size limit before reading), runs ent_img_sanitize() and writes
 * OUT atomically: a temporary file next to OUT, flushed, then renamed; on any failure
 * nothing is left behind. Prints what was removed and covered (stderr, or JSON on stdout
 * with --json). Exit 0 written, 2 bad usage or refused input (one line on stderr).
 * --batch spreads the files over one worker thread per online core, each with its own face
 * detector; reports are printed in the order of the arguments.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "entraide/image.h"

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

static int fail(const char *what)
{
	fprintf(stderr, "entraide sanitize: %s\n", what);
	return CLI_EXIT_USAGE;
}

static int parse_mask(const char *s, struct ent_img_rect *r)
{
	char tail;
	if (sscanf(s, "%d,%d,%d,%d%c", &r->x, &r->y, &r->w, &r->h, &tail) != 4)
		return -1;
	return r->w > 0 && r->h > 0 ? 0 : -1;
}

static int read_file(const char *path, size_t max, uint8_t **out, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	*out = NULL;
	*len = 0;
	if (fd < 0) {
		*why = "cannot open the input file";
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = "input is not a regular file";
		close(fd);
		return -1;
	}
	if ((uint64_t)st.st_size > max) {
		*why = "file is larger than allowed";
		close(fd);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	uint8_t *buf = malloc(cap);
	if (!buf) {
		*why = "out of memory";
		close(fd);
		return -1;
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*why = "cannot read the input file";
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) { /* grew while we read: refuse rather than chase it */
			*why = "input file changed while being read";
			free(buf);
			close(fd);
			return -1;
		}
	}
	close(fd);
	*out = buf;
	*len = n;
	return 0;
}

static int write_atomic(const char *path, const uint8_t *p, size_t len, const char **why)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp) {
		*why = "out of memory";
		return -1;
	}
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", 12);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*why = "cannot create the output file";
		free(tmp);
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, p + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	int ok = off == len && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		*why = "cannot write the output file";
		return -1;
	}
	free(tmp);
	return 0;
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

/* Sanitizes one file; prints the report or the one-line reason to out (the report) and
 * err (the reason). */
static int one(const char *in_path, const char *out_path, const struct ent_img_opts *o, int json,
	       int batch, FILE *out, FILE *err)
{
	const char *why = NULL;
	uint8_t *in = NULL;
	size_t len = 0;
	struct ent_img_result res = {0};
	int rc = CLI_EXIT_USAGE;
	if (read_file(in_path, ENT_IMG_DEFAULT_MAX_BYTES, &in, &len, &why))
		goto fail;
	if (ent_img_sanitize(in, len, o, &res)) {
		why = res.reason;
		goto fail;
	}
	if (write_atomic(out_path, res.data, res.len, &why))
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
		fail(why);
out:
	free(in);
	ent_img_result_clear(&res);
	return rc;
}

/* --batch: files are claimed in order by worker threads; each file's report is kept in
 * memory and printed once every file before it has been printed. */
struct batch {
	const char **files;
	int n;
	const char *outdir;
	const struct ent_img_opts *o;
	int json;
	pthread_mutex_t mu;
	int next;          /* next file to claim */
	int printed;       /* files printed so far */
	char **out, **err; /* per file, NULL until done */
	size_t *out_len, *err_len;
	int *done;
	int rc;
	int shared_taken; /* the first worker uses the detector loaded by the caller */
};

static void batch_flush(struct batch *b)
{
	while (b->printed < b->n && b->done[b->printed]) {
		int i = b->printed++;
		fwrite(b->out[i], 1, b->out_len[i], stdout);
		fwrite(b->err[i], 1, b->err_len[i], stderr);
		free(b->out[i]);
		free(b->err[i]);
		b->out[i] = b->err[i] = NULL;
	}
	fflush(stdout);
}

static void *batch_worker(void *arg)
{
	struct batch *b = arg;
	struct ent_img_opts o = *b->o;
	pthread_mutex_lock(&b->mu);
	int first = !b->shared_taken;
	b->shared_taken = 1;
	pthread_mutex_unlock(&b->mu);
	if (!first && o.faces_mode == ENT_IMG_FACES_COVER && ent_img_faces_new(&o.faces, NULL))
		o.faces = b->o->faces; /* shared behind its lock: slower, still correct */
	for (;;) {
		pthread_mutex_lock(&b->mu);
		int i = b->next < b->n ? b->next++ : -1;
		pthread_mutex_unlock(&b->mu);
		if (i < 0)
			break;
		const char *base = strrchr(b->files[i], '/');
		base = base ? base + 1 : b->files[i];
		size_t n = strlen(b->outdir) + strlen(base) + 2;
		char *dst = malloc(n);
		FILE *out = open_memstream(&b->out[i], &b->out_len[i]);
		FILE *err = open_memstream(&b->err[i], &b->err_len[i]);
		int rc = CLI_EXIT_USAGE;
		if (dst && out && err) {
			snprintf(dst, n, "%s/%s", b->outdir, base);
			rc = one(b->files[i], dst, &o, b->json, 1, out, err);
		} else if (err) {
			fprintf(err, "entraide sanitize: %s: out of memory\n", b->files[i]);
		}
		free(dst);
		if (out)
			fclose(out);
		if (err)
			fclose(err);
		pthread_mutex_lock(&b->mu);
		if (!b->out[i]) /* a memstream that could not be made */
			b->out[i] = calloc(1, 1), b->out_len[i] = 0;
		if (!b->err[i])
			b->err[i] = calloc(1, 1), b->err_len[i] = 0;
		if (rc)
			b->rc = CLI_EXIT_USAGE;
		b->done[i] = 1;
		batch_flush(b);
		pthread_mutex_unlock(&b->mu);
	}
	if (o.faces != b->o->faces)
		ent_img_faces_free(o.faces);
	return NULL;
}

static int run_batch(const char **files, int n, const char *outdir, const struct ent_img_opts *o,
		     int json)
{
	struct batch b = {.files = files, .n = n, .outdir = outdir, .o = o, .json = json};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int n_threads = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	if (n_threads > n)
		n_threads = n;
	pthread_t th[64];
	b.out = calloc((size_t)n, sizeof *b.out);
	b.err = calloc((size_t)n, sizeof *b.err);
	b.out_len = calloc((size_t)n, sizeof *b.out_len);
	b.err_len = calloc((size_t)n, sizeof *b.err_len);
	b.done = calloc((size_t)n, sizeof *b.done);
	pthread_mutex_init(&b.mu, NULL);
	if (!b.out || !b.err || !b.out_len || !b.err_len || !b.done) {
		b.rc = fail("out of memory");
		goto out;
	}
	/* Each worker is one core's worth: OpenCV's own thread pool would only compete. */
	ent_img_set_threads(1);
	int started = 0;
	for (; started < n_threads; started++)
		if (pthread_create(&th[started], NULL, batch_worker, &b))
			break;
	if (started == 0)
		batch_worker(&b);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
out:
	pthread_mutex_destroy(&b.mu);
	free(b.out);
	free(b.err);
	free(b.out_len);
	free(b.err_len);
	free(b.done);
	return b.rc;
}

int cmd_sanitize(int argc, char **argv)
{
	struct ent_img_rect masks[MAX_MASKS];
	struct ent_img_opts o = {0};
	const char **pos = calloc((size_t)argc + 1, sizeof *pos);
	const char *outdir = NULL;
	int n_pos = 0, json = 0, rc = CLI_EXIT_USAGE;
	if (!pos)
		return fail("out of memory");
	if (cli_wants_help(argc, argv)) {
		help(stdout);
		rc = CLI_EXIT_OK;
		goto out;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--faces") && v) {
			if (!strcmp(v, "cover"))
				o.faces_mode = ENT_IMG_FACES_COVER;
			else if (!strcmp(v, "keep"))
				o.faces_mode = ENT_IMG_FACES_KEEP;
			else
				goto usage_faces;
			i++;
		} else if (!strcmp(a, "--mask") && v) {
			if (o.n_masks >= MAX_MASKS || parse_mask(v, &masks[o.n_masks])) {
				fail("--mask takes X,Y,W,H with W and H > 0 (64 at most)");
				goto out;
			}
			o.n_masks++;
			i++;
		} else if (!strcmp(a, "--format") && v) {
			if (!strcmp(v, "jpeg") || !strcmp(v, "jpg"))
				o.out_format = ENT_IMG_JPEG;
			else if (!strcmp(v, "png"))
				o.out_format = ENT_IMG_PNG;
			else if (!strcmp(v, "webp"))
				o.out_format = ENT_IMG_WEBP;
			else {
				fail("--format takes jpeg, png or webp");
				goto out;
			}
			i++;
		} else if (!strcmp(a, "--quality") && v) {
			char *end;
			long q = strtol(v, &end, 10);
			if (*end || q < 1 || q > 100) {
				fail("--quality takes 1 to 100");
				goto out;
			}
			o.jpeg_quality = (int)q;
			i++;
		} else if (!strcmp(a, "--batch") && v) {
			outdir = v;
			i++;
		} else if (!strcmp(a, "--json")) {
			json = 1;
		} else if (a[0] == '-' && a[1]) {
			help(stderr);
			goto out;
		} else {
			pos[n_pos++] = a;
		}
	}
	if (outdir ? n_pos < 1 : n_pos != 2) {
		help(stderr);
		goto out;
	}
	o.masks = masks;
	if (o.faces_mode == ENT_IMG_FACES_COVER) {
		const char *model = NULL;
		enum ent_err err = ent_img_faces_new(&o.faces, &model);
		if (err) {
			fprintf(stderr, "entraide sanitize: face detector unavailable (%s)%s%s; install "
					"opencv-data, or pass --faces keep\n",
				ent_strerror(err), model ? ": " : "", model ? model : "");
			goto out;
		}
	}
	if (!outdir) {
		rc = one(pos[0], pos[1], &o, json, 0, stdout, stderr);
		goto out;
	}
	rc = run_batch(pos, n_pos, outdir, &o, json);
	goto out;
usage_faces:
	fail("--faces takes cover or keep");
out:
	free(pos);
	ent_img_faces_free(o.faces);
	return rc;
}
