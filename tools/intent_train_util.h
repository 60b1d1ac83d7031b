/*
 * intent_train_util.h - what the two build-time trainers of the intent classifier share
 * (tools/intent_train.c, tools/intent_frame_train.c): the list of a message's hashed features,
 * made sparse with the run-time weighting, and the fixed-seed shuffle that makes the same data
 * always give the same model. Static: each trainer is one program of its own.
 */
#ifndef ENT_TOOLS_INTENT_TRAIN_UTIL_H
#define ENT_TOOLS_INTENT_TRAIN_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "desk/intent_feat.h"

/* A message's hashed features as intent_extract gives them (one bucket per occurrence). */
struct bucket_list {
	uint32_t *b;
	size_t n, cap;
};

/* An intent_feat_fn: ctx is a struct bucket_list (or a struct that begins with one). */
static void bucket_list_add(uint32_t bucket, void *ctx)
{
	struct bucket_list *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->b = realloc(c->b, c->cap * sizeof *c->b);
		if (!c->b) {
			perror("intent_train");
			exit(1);
		}
	}
	c->b[c->n++] = bucket;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorts the list and writes each distinct bucket once into b, v (room for c->n each), with the
 * run-time value: its count over sqrt(n_feat). Returns how many. */
static size_t bucket_list_sparse(struct bucket_list *c, size_t n_feat, uint32_t *b, float *v)
{
	size_t n = 0;
	float norm = 1.0f / sqrtf((float)(n_feat ? n_feat : 1));
	qsort(c->b, c->n, sizeof *c->b, cmp_u32);
	for (size_t i = 0; i < c->n; i++) {
		if (n && b[n - 1] == c->b[i]) {
			v[n - 1] += norm;
		} else {
			b[n] = c->b[i];
			v[n++] = norm;
		}
	}
	return n;
}

/* xorshift64; callers set rng to a fixed seed before each use. */
static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static void shuffle(size_t *order, size_t m)
{
	for (size_t i = m - 1; i > 0; i--) {
		size_t j = rnd() % (i + 1), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
}

/* Writes word weights w[INTENT_N_BUCKETS] as NAME_scale and NAME_w, quantised to `bits` (16 or 8)
 * signed bits by the largest (rows that round to zero left out: they are zero). */
static void write_text_weights(FILE *f, const char *name, const float *w, int bits)
{
	float mx = 0, top = bits == 8 ? 127.0f : 32767.0f;
	for (size_t b = 0; b < INTENT_N_BUCKETS; b++)
		mx = fabsf(w[b]) > mx ? fabsf(w[b]) : mx;
	float scale = mx > 0 ? mx / top : 1.0f;
	fprintf(f, "const float %s_scale = %.9ef;\n", name, (double)scale);
	fprintf(f, "const int%d_t %s_w[INTENT_N_BUCKETS] = {\n", bits == 8 ? 8 : 16, name);
	for (size_t b = 0; b < INTENT_N_BUCKETS; b++)
		if (lrintf(w[b] / scale) != 0)
			fprintf(f, "[%zu]=%ld,\n", b, lrintf(w[b] / scale));
	fprintf(f, "};\n");
}

#endif
