/* cli_sanitize_batch.c - `entraide sanitize --batch`: the files spread over worker threads,
 * one per online core, each with its own face detector; see cli_sanitize.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_file.h"
#include "cli/cli_image_remote.h"
#include "cli/cli_sanitize.h"

/* --batch: files are claimed in order by worker threads; each file's output is staged (written
 * to a temporary file, not yet flushed) and its report kept in memory. Once the files done in
 * order make a group of BATCH_GROUP (or the last files), the group is committed: every file
 * flushed to disk, then renamed into place, then the directory flushed, and only then are their
 * reports printed. One fsync per file while the pictures were being made cost the batch a wait
 * for the disk per file (47 of them, 0.54 s of wall time summed over two threads, loaded); a
 * group waits once (cli_file_commit). */
enum { BATCH_GROUP = 64 };

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
	int *ok;                   /* per file: sanitized and staged */
	struct cli_staged *staged; /* per file, until committed */
	int rc;
	int shared_taken; /* the first worker uses the detector loaded by the caller */
};

/* Commits files [from, to) that were staged (their reports still held), in one group. */
static void batch_commit(struct batch *b, int from, int to)
{
	struct cli_staged group[BATCH_GROUP];
	int idx[BATCH_GROUP], ok[BATCH_GROUP], k = 0;
	for (int i = from; i < to; i++)
		if (b->ok[i]) {
			idx[k] = i;
			group[k++] = b->staged[i];
		}
	cli_file_commit(group, (size_t)k, b->outdir, ok);
	for (int j = 0; j < k; j++) {
		int i = idx[j];
		if (ok[j])
			continue;
		/* the report said what would be written: replace it by the failure */
		b->ok[i] = 0;
		b->rc = CLI_EXIT_USAGE;
		free(b->out[i]);
		free(b->err[i]);
		b->out[i] = calloc(1, 1);
		b->out_len[i] = 0;
		FILE *e = open_memstream(&b->err[i], &b->err_len[i]);
		if (e) {
			fprintf(e, "entraide sanitize: %s: cannot write the output file\n", b->files[i]);
			fclose(e);
		} else {
			b->err[i] = calloc(1, 1);
			b->err_len[i] = 0;
		}
	}
}

/* Called with mu held after a file is done: commits and prints the next group when the files
 * done in order fill one, or are the last. */
static void batch_flush(struct batch *b)
{
	int ready = b->printed;
	while (ready < b->n && b->done[ready])
		ready++;
	while (b->printed < ready &&
	       (ready - b->printed >= BATCH_GROUP || ready == b->n)) {
		int to = b->printed + BATCH_GROUP < ready ? b->printed + BATCH_GROUP : ready;
		batch_commit(b, b->printed, to);
		for (int i = b->printed; i < to; i++) {
			fwrite(b->out[i] ? b->out[i] : "", 1, b->out_len[i], stdout);
			fwrite(b->err[i] ? b->err[i] : "", 1, b->err_len[i], stderr);
			free(b->out[i]);
			free(b->err[i]);
			b->out[i] = b->err[i] = NULL;
		}
		b->printed = to;
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
			rc = sanitize_one(b->files[i], dst, &o, b->json, 1, out, err, &b->staged[i]);
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
		b->ok[i] = rc == CLI_EXIT_OK;
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
	b.ok = calloc((size_t)n, sizeof *b.ok);
	b.staged = calloc((size_t)n, sizeof *b.staged);
	pthread_mutex_init(&b.mu, NULL);
	if (!b.out || !b.err || !b.out_len || !b.err_len || !b.done || !b.ok || !b.staged) {
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
	free(b.ok);
	free(b.staged);
	return b.rc;
}
