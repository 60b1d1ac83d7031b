/*
 * intent_train.c - build-time trainer of the intent classifier (a host program, not shipped).
 *
 *   intent_train [-o MODEL.c] [--cv K] [--epochs N] FILE.jsonl...
 *
 * Reads labelled messages {"id","lang","text","intent"} and fits a multinomial logistic
 * regression over the hashed features of src/desk/intent_feat.c (AdaGrad, L2, a fixed seed,
 * so the same data always gives the same model), then writes the weights as const C arrays
 * quantised to int16. --cv K prints K-fold cross-validated accuracy on the training data
 * instead (for tuning without touching any evaluation set). The language of each message is
 * found as at run time, without the "lang" field, so training and use see the same features.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "desk/intent_feat.h"

#define NC ENT_INTENT__COUNT

static const char *const names[NC] = {"appointment", "document_request", "consultation", "urgent",
                                      "complaint", "praise", "info", "other"};
/* Missing an urgent or consultation message costs more than a false alarm (rules R2, R3). */
static const float class_weight[NC] = {1, 1, 1.4f, 1.6f, 1, 1, 1, 1};

struct ex {
	uint32_t *b;
	float *v;
	size_t n;
	int y;
};

struct collect {
	uint32_t *b;
	size_t n, cap;
};

static void collect_fn(uint32_t bucket, void *ctx)
{
	struct collect *c = ctx;
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

static int label_of(const char *s)
{
	for (int i = 0; i < NC; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static void load(const char *path, struct ex **exs, size_t *n, size_t *cap)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t lcap = 0;
	ssize_t ll;
	int lineno = 0;
	struct collect c = {0};

	if (!f) {
		perror(path);
		exit(1);
	}
	while ((ll = getline(&line, &lcap, f)) > 0) {
		json_error_t jerr;
		json_t *o;
		const char *text, *intent;
		size_t tl, nf;
		enum ent_intent_lang lang;
		lineno++;
		if (ll <= 1)
			continue;
		o = json_loadb(line, (size_t)ll, 0, &jerr);
		if (!o || json_unpack(o, "{s:s%, s:s}", "text", &text, &tl, "intent", &intent) != 0 ||
		    label_of(intent) < 0) {
			fprintf(stderr, "%s:%d: bad training line\n", path, lineno);
			exit(1);
		}
		c.n = 0;
		if (intent_extract(text, tl, -1, collect_fn, NULL, &c, &nf, &lang) != ENT_OK) {
			fprintf(stderr, "%s:%d: text rejected by the feature extractor\n", path, lineno);
			exit(1);
		}
		qsort(c.b, c.n, sizeof *c.b, cmp_u32);
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 1024;
			*exs = realloc(*exs, *cap * sizeof **exs);
		}
		struct ex *e = &(*exs)[(*n)++];
		e->b = malloc(c.n * sizeof *e->b);
		e->v = malloc(c.n * sizeof *e->v);
		e->n = 0;
		e->y = label_of(intent);
		float norm = 1.0f / sqrtf((float)(nf ? nf : 1));
		for (size_t i = 0; i < c.n; i++) {
			if (e->n && e->b[e->n - 1] == c.b[i]) {
				e->v[e->n - 1] += norm;
			} else {
				e->b[e->n] = c.b[i];
				e->v[e->n] = norm;
				e->n++;
			}
		}
		json_decref(o);
	}
	free(line);
	free(c.b);
	fclose(f);
}

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

struct model {
	float *w;  /* [INTENT_N_BUCKETS][NC] */
	float *g2; /* AdaGrad accumulators */
	float bias[NC], bg2[NC];
};

static void scores(const struct model *m, const struct ex *e, float *p)
{
	float mx = -1e30f, sum = 0;
	for (int c = 0; c < NC; c++)
		p[c] = m->bias[c];
	for (size_t i = 0; i < e->n; i++) {
		const float *w = m->w + (size_t)e->b[i] * NC;
		for (int c = 0; c < NC; c++)
			p[c] += w[c] * e->v[i];
	}
	for (int c = 0; c < NC; c++)
		mx = p[c] > mx ? p[c] : mx;
	for (int c = 0; c < NC; c++) {
		p[c] = expf(p[c] - mx);
		sum += p[c];
	}
	for (int c = 0; c < NC; c++)
		p[c] /= sum;
}

static int argmax(const float *p)
{
	int b = 0;
	for (int c = 1; c < NC; c++)
		if (p[c] > p[b])
			b = c;
	return b;
}

static int epochs = 20;
static float lr = 0.2f, l2 = 1e-5f;

/* Trains on the examples whose index i has (i % k != fold) (all when k == 0). */
static void train(struct model *m, struct ex *exs, size_t n, size_t k, size_t fold)
{
	size_t *order = malloc(n * sizeof *order);
	float p[NC];

	memset(m->w, 0, (size_t)INTENT_N_BUCKETS * NC * sizeof *m->w);
	memset(m->g2, 0, (size_t)INTENT_N_BUCKETS * NC * sizeof *m->g2);
	memset(m->bias, 0, sizeof m->bias);
	memset(m->bg2, 0, sizeof m->bg2);
	rng = 0x2545F4914F6CDD1Dull;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t i = n - 1; i > 0; i--) {
			size_t j = rnd() % (i + 1), t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		for (size_t oi = 0; oi < n; oi++) {
			size_t idx = order[oi];
			if (k && idx % k == fold)
				continue;
			const struct ex *e = &exs[idx];
			scores(m, e, p);
			for (int c = 0; c < NC; c++) {
				float g = (p[c] - (c == e->y ? 1.0f : 0.0f)) * class_weight[e->y];
				m->bg2[c] += g * g;
				m->bias[c] -= lr * g / sqrtf(m->bg2[c] + 1e-8f);
				for (size_t i = 0; i < e->n; i++) {
					size_t at = (size_t)e->b[i] * NC + (size_t)c;
					float gw = g * e->v[i] + l2 * m->w[at];
					m->g2[at] += gw * gw;
					m->w[at] -= lr * gw / sqrtf(m->g2[at] + 1e-8f);
				}
			}
		}
	}
	free(order);
}

static void write_model(const struct model *m, const char *path, size_t n_train)
{
	FILE *f = fopen(path, "w");
	float mx = 0;
	size_t total = (size_t)INTENT_N_BUCKETS * NC;

	if (!f) {
		perror(path);
		exit(1);
	}
	for (size_t i = 0; i < total; i++)
		mx = fabsf(m->w[i]) > mx ? fabsf(m->w[i]) : mx;
	float scale = mx > 0 ? mx / 32767.0f : 1.0f;
	fprintf(f, "/* Generated by tools/intent_train.c from data/intent/: do not edit. */\n");
	fprintf(f, "#include \"desk/intent_model.h\"\n\n");
	fprintf(f, "const unsigned intent_model_n_train = %zu;\n", n_train);
	fprintf(f, "const float intent_model_scale = %.9gf;\n", (double)scale);
	fprintf(f, "const float intent_model_bias[ENT_INTENT__COUNT] = {");
	for (int c = 0; c < NC; c++)
		fprintf(f, "%s%.9gf", c ? ", " : "", (double)m->bias[c]);
	fprintf(f, "};\n\nconst int16_t intent_model_w[INTENT_N_BUCKETS][ENT_INTENT__COUNT] = {\n");
	for (size_t b = 0; b < INTENT_N_BUCKETS; b++) {
		const float *w = m->w + b * NC;
		int zero = 1;
		for (int c = 0; c < NC; c++)
			if (lrintf(w[c] / scale) != 0)
				zero = 0;
		if (zero)
			continue; /* rows left out are zero */
		fprintf(f, "[%zu]={", b);
		for (int c = 0; c < NC; c++)
			fprintf(f, "%s%ld", c ? "," : "", lrintf(w[c] / scale));
		fprintf(f, "},\n");
	}
	fprintf(f, "};\n");
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	size_t k = 0, n = 0, cap = 0, n_test = 0, cap_test = 0;
	struct ex *exs = NULL, *tests = NULL;
	struct model m;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--cv") == 0 && i + 1 < argc)
			k = (size_t)atoi(argv[++i]);
		else if (strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--lr") == 0 && i + 1 < argc)
			lr = (float)atof(argv[++i]);
		else if (strcmp(argv[i], "--l2") == 0 && i + 1 < argc)
			l2 = (float)atof(argv[++i]);
		else if (strcmp(argv[i], "--test") == 0 && i + 1 < argc)
			load(argv[++i], &tests, &n_test, &cap_test);
		else
			load(argv[i], &exs, &n, &cap);
	}
	if (n == 0 || (!out && k < 2 && !n_test)) {
		fprintf(stderr, "usage: intent_train (-o MODEL.c | --cv K | --test FILE) FILE.jsonl...\n");
		return 2;
	}
	m.w = calloc((size_t)INTENT_N_BUCKETS * NC, sizeof *m.w);
	m.g2 = calloc((size_t)INTENT_N_BUCKETS * NC, sizeof *m.g2);
	if (!m.w || !m.g2) {
		perror("intent_train");
		return 1;
	}
	if (k >= 2) {
		size_t ok = 0, conf[NC][NC] = {{0}};
		float p[NC];
		for (size_t fold = 0; fold < k; fold++) {
			train(&m, exs, n, k, fold);
			for (size_t i = fold; i < n; i += k) {
				scores(&m, &exs[i], p);
				int y = argmax(p);
				ok += y == exs[i].y;
				conf[exs[i].y][y]++;
			}
		}
		printf("cv%zu accuracy %.4f over %zu messages\n", k, (double)ok / (double)n, n);
		for (int c = 0; c < NC; c++) {
			size_t tot = 0;
			for (int d = 0; d < NC; d++)
				tot += conf[c][d];
			printf("%-17s recall %.3f |", names[c], tot ? (double)conf[c][c] / (double)tot : 0.0);
			for (int d = 0; d < NC; d++)
				printf(" %4zu", conf[c][d]);
			printf("\n");
		}
	}
	if (n_test) {
		size_t ok = 0;
		float p[NC];
		train(&m, exs, n, 0, 0);
		for (size_t i = 0; i < n_test; i++) {
			scores(&m, &tests[i], p);
			ok += argmax(p) == tests[i].y;
		}
		printf("test accuracy %.4f over %zu messages\n", (double)ok / (double)n_test, n_test);
	}
	if (out) {
		train(&m, exs, n, 0, 0);
		write_model(&m, out, n);
		fprintf(stderr, "intent_train: %zu messages, model written\n", n);
	}
	for (size_t i = 0; i < n; i++) {
		free(exs[i].b);
		free(exs[i].v);
	}
	for (size_t i = 0; i < n_test; i++) {
		free(tests[i].b);
		free(tests[i].v);
	}
	free(tests);
	free(exs);
	free(m.w);
	free(m.g2);
	return 0;
}
