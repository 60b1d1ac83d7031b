/*
 * intent_frame_train.c - build-time trainer of the frame model (src/desk/intent_frame.h), the
 * second stage of the urgent decision. A host program, not shipped.
 *
 *   intent_frame_train [-o FRAME.c] [--report] [--dump FILE] [--miss-weight W] [--l2 L]
 *                      [--text-epochs N] [--text-lr R] [--text-l2 L] [--band B] [--margin M]
 *                      [--weight W] FILE.jsonl...
 *
 * Linked with the trained first stage ($(BUILD)/gen/intent_model.c), it runs every message of the
 * files through it exactly as the classifier does (desk/intent_run.h) and learns which are crises:
 * on every message (--band 0, the default) or on those the first stage calls urgent or nearly so
 * (score at least --band times the threshold, no rule forcing it). --weight W makes the files after
 * it weigh W times as much. The first stage's two logits are in-sample on the files it trained on:
 * the model learns from them how far the first stage is sure, which only the files it never saw
 * show honestly; leaving them out cost more crises than it saved (docs/intent.md).
 *
 * The threshold is chosen by leave-one-file-out cross-validation: each file is scored by a model
 * trained on the others, and the threshold is --margin times the lowest probability given to a
 * crisis of any file so scored - no crisis the first stage finds is lost out of file, with room
 * for new writers. --report prints, per file, what that costs and gains; --dump writes every
 * message's out-of-file probability. Logistic regression: the dense inputs by full-batch AdaGrad,
 * then the hashed words by AdaGrad over shuffled messages (what the inputs leave unexplained), a
 * fixed seed: the same data always gives the same model.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "desk/intent_frame.h"
#include "desk/intent_model.h"
#include "intent_train_util.h"

struct fex {
	uint32_t *b;
	float *v;
	size_t n;
	int crisis;  /* labelled urgent */
	float weight; /* --weight in force when its file was read */
	int file;
	char id[64];
	int applies; /* the first stage calls it urgent by the score, no rule forcing it */
	int pattern, cue; /* a danger pattern; any cue of danger (desk/intent_urgent.h) */
	int wide;    /* called urgent by the score, no rule forcing it, whatever the score (--dump) */
	int trains;  /* in the training band */
	float score;
	float f[IF__COUNT];
};

static const char *file_names[64];
static float load_weight = 1.0f; /* --weight W: the files after it weigh W times as much */
static int n_files;
static float miss_weight = 4.0f, dense_l2 = 1e-3f, text_l2 = 1e-5f, text_lr = 0.2f, band = 0, margin = 0.5f;
static int dense_iters = 2000, text_epochs = 20;

static void load(const char *path, struct fex **exs, size_t *n, size_t *cap)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t lcap = 0;
	ssize_t ll;
	int lineno = 0;
	struct bucket_list c = {0};

	if (n_files >= 64) {
		fprintf(stderr, "intent_frame_train: %s: more than 64 files\n", path);
		exit(1);
	}
	if (!fp) {
		perror(path);
		exit(1);
	}
	while ((ll = getline(&line, &lcap, fp)) > 0) {
		json_error_t jerr;
		const char *text, *intent, *id = "";
		size_t tl;
		lineno++;
		if (ll <= 1)
			continue;
		json_t *o = json_loadb(line, (size_t)ll, 0, &jerr);
		if (!o || json_unpack(o, "{s:s%, s:s, s?:s}", "text", &text, &tl, "intent", &intent, "id", &id) != 0) {
			fprintf(stderr, "%s:%d: bad line\n", path, lineno);
			exit(1);
		}
		struct intent_run r;
		c.n = 0;
		r.on_feature = bucket_list_add;
		r.ctx = &c;
		/* No language hint: a community post has none (src/api/api_emergency.c), the language is
		 * found as at run time, as tools/intent_train.c does. */
		if (intent_run(text, tl, NULL, &r) != ENT_OK) {
			fprintf(stderr, "%s:%d: text rejected\n", path, lineno);
			exit(1);
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 1024;
			*exs = realloc(*exs, *cap * sizeof **exs);
		}
		struct fex *e = &(*exs)[(*n)++];
		memset(e, 0, sizeof *e);
		e->crisis = strcmp(intent, "urgent") == 0;
		e->weight = load_weight;
		e->file = n_files;
		snprintf(e->id, sizeof e->id, "%s", id);
		e->score = r.score;
		e->pattern = intent_urgent_rule(&r.hits) != ENT_INTENT_RULE_NONE;
		e->cue = intent_urgent_has_cue(&r.hits);
		e->applies = intent_frame_applies(&r, intent_urgent_threshold);
		e->wide = r.n_tok && intent_urgent_decide(&r.hits, r.prob, r.score, intent_urgent_threshold) &&
		          !intent_urgent_forced(&r.hits);
		e->trains = band <= 0 || intent_frame_applies(&r, band * intent_urgent_threshold);
		intent_frame_features(&r, e->f);
		e->b = malloc((c.n ? c.n : 1) * sizeof *e->b);
		e->v = malloc((c.n ? c.n : 1) * sizeof *e->v);
		e->n = bucket_list_sparse(&c, r.n_feat, e->b, e->v);
		json_decref(o);
	}
	free(line);
	free(c.b);
	fclose(fp);
	file_names[n_files++] = path;
}

struct frame_model {
	float w[IF__COUNT];
	float bias;
	float *tw, *tg2; /* [INTENT_N_BUCKETS] */
};

static float text_part(const struct frame_model *m, const struct fex *e)
{
	float t = 0;
	for (size_t i = 0; i < e->n; i++)
		t += m->tw[e->b[i]] * e->v[i];
	return t;
}

/* Trains on the messages of the band, leaving out file `skip` (-1: none). */
static void train(struct frame_model *m, const struct fex *exs, size_t n, int skip)
{
	float g2[IF__COUNT + 1] = {0};
	double wsum = 0;
	memset(m->w, 0, sizeof m->w);
	m->bias = 0;
	memset(m->tw, 0, INTENT_N_BUCKETS * sizeof *m->tw);
	memset(m->tg2, 0, INTENT_N_BUCKETS * sizeof *m->tg2);
	size_t *order = malloc((n ? n : 1) * sizeof *order), m_n = 0;
	for (size_t i = 0; i < n; i++)
		if (exs[i].trains && exs[i].file != skip) {
			order[m_n++] = i;
			wsum += (exs[i].crisis ? miss_weight : 1.0f) * exs[i].weight;
		}
	for (int it = 0; it < dense_iters && m_n; it++) {
		double g[IF__COUNT + 1] = {0};
		for (size_t oi = 0; oi < m_n; oi++) {
			const struct fex *e = &exs[order[oi]];
			float d = (intent_frame_prob(m->w, m->bias, e->f, 0) - (float)e->crisis) *
			          (e->crisis ? miss_weight : 1.0f) * e->weight;
			for (int j = 0; j < IF__COUNT; j++)
				g[j] += d * e->f[j];
			g[IF__COUNT] += d;
		}
		for (int j = 0; j <= IF__COUNT; j++) {
			float *w = j < IF__COUNT ? &m->w[j] : &m->bias;
			float gj = (float)(g[j] / wsum) + (j < IF__COUNT ? dense_l2 * *w : 0.0f);
			g2[j] += gj * gj;
			*w -= 0.5f * gj / sqrtf(g2[j] + 1e-8f);
		}
	}
	rng = 0x9E3779B97F4A7C15ull;
	for (int ep = 0; ep < text_epochs && m_n; ep++) {
		shuffle(order, m_n);
		for (size_t oi = 0; oi < m_n; oi++) {
			const struct fex *e = &exs[order[oi]];
			float d = (intent_frame_prob(m->w, m->bias, e->f, text_part(m, e)) - (float)e->crisis) *
			          (e->crisis ? miss_weight : 1.0f) * e->weight;
			for (size_t i = 0; i < e->n; i++) {
				float *w = &m->tw[e->b[i]];
				float gw = d * e->v[i] + text_l2 * *w;
				m->tg2[e->b[i]] += gw * gw;
				*w -= text_lr * gw / sqrtf(m->tg2[e->b[i]] + 1e-8f);
			}
		}
	}
	free(order);
}

static float prob_of(const struct frame_model *m, const struct fex *e)
{
	return intent_frame_prob(m->w, m->bias, e->f, text_part(m, e));
}

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* Leave one file out: each message the first stage calls urgent gets the probability of a model
 * trained without its file; the threshold is margin times the lowest given to a crisis. */
static float choose_threshold(const struct fex *exs, size_t n, struct frame_model *m, int report, FILE *dump)
{
	float *p = malloc((n ? n : 1) * sizeof *p);
	float low = 1;
	for (int f = 0; f < n_files; f++) {
		train(m, exs, n, f);
		for (size_t i = 0; i < n; i++)
			if (exs[i].file == f && (exs[i].applies || (dump && exs[i].wide))) {
				p[i] = prob_of(m, &exs[i]);
				if (exs[i].applies && exs[i].crisis && p[i] < low)
					low = p[i];
			}
	}
	float th = margin * low;
	if (report) {
		static const float at[] = {0.02f, 0.05f, 0.1f, 0.2f, 0.3f, 0.5f};
		enum { NA = sizeof at / sizeof at[0] };
		size_t tot_fa = 0, tot_cut = 0, tot_lost = 0;
		printf("frame model, leave one file out (threshold %.4f = %.2f x lowest crisis %.4f)\n", (double)th,
		       (double)margin, (double)low);
		printf("%-26s %7s %7s %9s %11s |", "file", "crises", "false", "lost", "false cut");
		for (int a = 0; a < NA; a++)
			printf(" %.2f:lost/cut", (double)at[a]);
		printf("\n");
		for (int f = 0; f < n_files; f++) {
			size_t nc = 0, nf = 0, lost = 0, cut = 0, al[NA] = {0}, ac[NA] = {0};
			for (size_t i = 0; i < n; i++) {
				const struct fex *e = &exs[i];
				if (e->file != f || !e->applies)
					continue;
				*(e->crisis ? &nc : &nf) += 1;
				if (p[i] < th)
					*(e->crisis ? &lost : &cut) += 1;
				for (int a = 0; a < NA; a++)
					if (p[i] < at[a])
						(e->crisis ? al : ac)[a]++;
			}
			tot_fa += nf, tot_cut += cut, tot_lost += lost;
			printf("%-26s %7zu %7zu %9zu %11zu |", base(file_names[f]), nc, nf, lost, cut);
			for (int a = 0; a < NA; a++)
				printf(" %6zu/%-4zu", al[a], ac[a]);
			printf("\n");
		}
		printf("all: %zu false urgents of the first stage, %zu cut, %zu crises lost\n", tot_fa, tot_cut, tot_lost);
	}
	for (size_t i = 0; dump && i < n; i++)
		if (exs[i].wide)
			fprintf(dump, "%s\t%s\t%d\t%.4f\t%.4f\t%d\t%d\n", base(file_names[exs[i].file]), exs[i].id,
			        exs[i].crisis, (double)exs[i].score, (double)p[i], exs[i].pattern, exs[i].cue);
	free(p);
	return th;
}

static void write_model(const struct frame_model *m, float th, const char *path, size_t n_train)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "/* Generated by tools/intent_frame_train.c: do not edit. %zu training messages. */\n", n_train);
	fprintf(f, "#include \"desk/intent_frame.h\"\n\n");
	fprintf(f, "const float intent_frame_bias = %.9ef;\n", (double)m->bias);
	fprintf(f, "const float intent_frame_threshold = %.9ef;\n", (double)th);
	fprintf(f, "const float intent_frame_w[IF__COUNT] = {");
	for (int j = 0; j < IF__COUNT; j++)
		fprintf(f, "%s%.9ef", j ? ", " : "", (double)m->w[j]);
	fprintf(f, "};\n");
	write_text_weights(f, "intent_frame_text", m->tw, 8);
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	int report = 0;
	FILE *dump = NULL;
	struct fex *exs = NULL;
	size_t n = 0, cap = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;
		if (strcmp(a, "-o") == 0 && more)
			out = argv[++i];
		else if (strcmp(a, "--report") == 0)
			report = 1;
		else if (strcmp(a, "--dump") == 0 && more) {
			if (!(dump = fopen(argv[++i], "w"))) {
				perror(argv[i]);
				return 1;
			}
		} else if (strcmp(a, "--miss-weight") == 0 && more)
			miss_weight = (float)atof(argv[++i]);
		else if (strcmp(a, "--weight") == 0 && more)
			load_weight = (float)atof(argv[++i]);
		else if (strcmp(a, "--l2") == 0 && more)
			dense_l2 = (float)atof(argv[++i]);
		else if (strcmp(a, "--text-epochs") == 0 && more)
			text_epochs = atoi(argv[++i]);
		else if (strcmp(a, "--text-lr") == 0 && more)
			text_lr = (float)atof(argv[++i]);
		else if (strcmp(a, "--text-l2") == 0 && more)
			text_l2 = (float)atof(argv[++i]);
		else if (strcmp(a, "--band") == 0 && more)
			band = (float)atof(argv[++i]);
		else if (strcmp(a, "--margin") == 0 && more)
			margin = (float)atof(argv[++i]);
		else
			load(a, &exs, &n, &cap);
	}
	if (!n || (!out && !report && !dump)) {
		fprintf(stderr, "usage: intent_frame_train (-o FRAME.c | --report | --dump FILE) FILE.jsonl...\n");
		return 2;
	}
	struct frame_model m;
	m.tw = calloc(INTENT_N_BUCKETS, sizeof *m.tw);
	m.tg2 = calloc(INTENT_N_BUCKETS, sizeof *m.tg2);
	if (!m.tw || !m.tg2) {
		perror("intent_frame_train");
		return 1;
	}
	float th = choose_threshold(exs, n, &m, report, dump);
	size_t n_train = 0;
	for (size_t i = 0; i < n; i++)
		n_train += (size_t)exs[i].trains;
	if (out) {
		train(&m, exs, n, -1);
		write_model(&m, th, out, n_train);
		fprintf(stderr, "intent_frame_train: %zu messages in the band, threshold %.4f, model written\n", n_train,
		        (double)th);
	}
	if (dump && fclose(dump) != 0) {
		perror("intent_frame_train: --dump");
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		free(exs[i].b);
		free(exs[i].v);
	}
	free(exs);
	free(m.tw);
	free(m.tg2);
	return 0;
}
