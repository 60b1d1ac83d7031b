/*
 * faces_eval.c - prints the raw boxes of every face detector on pictures named on stdin
 * (one path a line), as TSV: path, detector, x, y, w, h (pixels of the upright picture),
 * plus one "size" line per picture and one "ms" line per detector and picture.
 * bench/image/faces_eval.py turns this into detection and false-cover rates.
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
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
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
	char path[4096];
	static struct ent_img_region out[512];
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
		for (size_t d = 0; d < sizeof dets / sizeof dets[0]; d++) {
			size_t n = 0;
			double t0 = now_ms();
			img_faces_detect_raw(f, dets[d].bit, px.px, px.w, px.h, px.ch, px.stride, out, 512, &n);
			printf("%s\tms\t%s\t%.1f\n", path, dets[d].name, now_ms() - t0);
			for (size_t i = 0; i < n; i++)
				printf("%s\t%s\t%d\t%d\t%d\t%d\n", path, dets[d].name, out[i].rect.x,
				       out[i].rect.y, out[i].rect.w, out[i].rect.h);
		}
		fflush(stdout);
		img_px_free(&px);
		img_ctx_clear(&c);
		free(buf);
	}
	ent_img_faces_free(f);
	return 0;
}
