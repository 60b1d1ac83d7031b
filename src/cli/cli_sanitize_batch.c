/* cli_sanitize_batch.c - `entraide sanitize --batch`: the files spread over worker threads,
 * one per online core, each with its own face detector; see cli_sanitize.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_image_remote.h"
#include "cli/cli_sanitize.h"

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
			rc = sanitize_one(b->files[i], dst, &o, b->json, 1, out, err);
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

int sanitize_batch(const char **files, int n, const char *outdir, const struct ent_img_opts *o,
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
		b.rc = sanitize_fail("out of memory");
		goto out;
	}
	/* Each worker is one core's worth: OpenCV's own thread pool would only compete. */
	ent_img_set_threads(1);
	cli_image_workers((unsigned)n_threads);
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
