/*
 * faces_eval.c - prints the raw boxes of every face detector on pictures named on stdin
 * (one path a line), as TSV: path, detector, x, y, w, h (pixels of the upright picture),
 * plus one "size" line per picture and one "ms" line (CPU time of the calling thread) per
 * detector and picture, and the
 * regions `sanitize` would fill (one call with the default detectors, enlarged and merged)
 * as detector "cover".
 * tests/image/faces_eval.py turns this into recall and false-cover rates.
 * FACES_EVAL_MIN_FACE and FACES_EVAL_THRESHOLD tune the CNN, FACES_EVAL_HOG_SIDE and
 * FACES_EVAL_LBP_SIDE the sides of HOG's and the cascades' copies (img_faces_tune) for trials;
 * FACES_EVAL_ONLY="name name..." runs only those detectors (and the cover);
 * FACES_EVAL_COVER="name name..." makes the cover with those detectors instead of the
 * default set (what covering without the nets would leave, for instance).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "privacy/image/img.h"

static const struct {
	unsigned bit;
	const char *name;
} dets[] = {
	{IMG_DET_HAAR_DEFAULT, "haar_default"}, {IMG_DET_HAAR_ALT, "haar_alt"},
	{IMG_DET_HAAR_ALT2, "haar_alt2"},       {IMG_DET_HAAR_PROFILE, "haar_profile"},
	{IMG_DET_LBP, "lbp"},                   {IMG_DET_LBP_IMPROVED, "lbp_improved"},
	{IMG_DET_LBP_PROFILE, "lbp_profile"},   {IMG_DET_DLIB, "dlib_hog"},
	{IMG_DET_BLAZEFACE, "blazeface"},
};

/* Whether name is one of the space-separated words of list. */
static int has_word(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); /* CPU time: the machine is shared */
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(void)
{
	struct ent_img_faces *f;
	const char *why;
	if (img_faces_new_set(&f, IMG_DET__ALL, &why)) {
		fprintf(stderr, "faces_eval: cannot load %s\n", why ? why : "detectors");
		return 2;
	}
	const char *mf = getenv("FACES_EVAL_MIN_FACE"), *th = getenv("FACES_EVAL_THRESHOLD");
	const char *hs = getenv("FACES_EVAL_HOG_SIDE"), *ls = getenv("FACES_EVAL_LBP_SIDE");
	img_faces_tune(f, mf ? atoi(mf) : 0, th ? atof(th) : 0, hs ? atoi(hs) : 0, ls ? atoi(ls) : 0);
	unsigned def = img_faces_default();
	const char *cov = getenv("FACES_EVAL_COVER");
	if (cov) {
		def = 0;
		for (size_t d = 0; d < sizeof dets / sizeof dets[0]; d++)
			if (has_word(cov, dets[d].name))
				def |= dets[d].bit;
		if (!def) {
			fprintf(stderr, "faces_eval: FACES_EVAL_COVER names no detector\n");
			return 2;
		}
	}
	char path[4096];
	static struct ent_img_region out[512], raw[512], cover[512];
	while (fgets(path, sizeof path, stdin)) {
		path[strcspn(path, "\n")] = 0;
		FILE *fp = fopen(path, "rb");
		if (!fp)
			continue;
		uint8_t *buf = malloc(64u << 20);
		size_t len = buf ? fread(buf, 1, 64u << 20, fp) : 0;
		fclose(fp);
		struct ent_img_opts o = {0};
		struct img_ctx c;
		struct img_px px = {0};
		img_ctx_init(&c, &o);
		if (!buf || img_decode_upright(&c, buf, len, &px)) {
			fprintf(stderr, "faces_eval: %s: %s\n", path, c.reason ? c.reason : "unreadable");
			free(buf);
			img_ctx_clear(&c);
			continue;
		}
		printf("%s\tsize\t%d\t%d\n", path, px.w, px.h);
		const char *only = getenv("FACES_EVAL_ONLY");
		for (size_t d = 0; d < sizeof dets / sizeof dets[0]; d++) {
			if (only && !has_word(only, dets[d].name))
				continue;
			size_t n = 0;
			double t0 = now_ms();
			img_faces_detect_raw(f, dets[d].bit, px.px, px.w, px.h, px.ch, px.stride, out, 512, &n);
			double t = now_ms() - t0;
			printf("%s\tms\t%s\t%.1f\n", path, dets[d].name, t);
			for (size_t i = 0; i < n; i++)
				printf("%s\t%s\t%d\t%d\t%d\t%d\n", path, dets[d].name, out[i].rect.x,
				       out[i].rect.y, out[i].rect.w, out[i].rect.h);
		}
		/* What sanitize fills: one call with the default detectors, as sanitize makes it
		 * (the detectors are not independent: HOG runs where the CNN hesitated), boxes
		 * enlarged and merged. */
		size_t n = 0, n_raw = 0;
		double t0 = now_ms();
		img_faces_detect_raw(f, def, px.px, px.w, px.h, px.ch, px.stride, raw, 512, &n_raw);
		double t_def = now_ms() - t0;
		img_faces_cover(raw, n_raw, px.w, px.h, cover, 512, &n);
		printf("%s\tms\tcover\t%.1f\n", path, t_def);
		for (size_t i = 0; i < n; i++)
			printf("%s\tcover\t%d\t%d\t%d\t%d\n", path, cover[i].rect.x, cover[i].rect.y,
			       cover[i].rect.w, cover[i].rect.h);
		fflush(stdout);
		img_px_free(&px);
		img_ctx_clear(&c);
		free(buf);
	}
	ent_img_faces_free(f);
	return 0;
}
