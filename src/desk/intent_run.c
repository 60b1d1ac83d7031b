/* intent_run.c - the first stage of the classifier on one message (intent_run.h). */
#include "desk/intent_run.h"

#include <math.h>
#include <string.h>

#include "desk/intent_model.h"

static void add_feature(uint32_t bucket, void *ctx)
{
	struct intent_run *r = ctx;
	const int16_t *w = intent_model_w[bucket];
	for (int c = 0; c < ENT_INTENT__COUNT; c++)
		r->acc[c] += w[c];
	r->acc_urgent += intent_urgent_text_w[bucket];
	if (r->on_feature)
		r->on_feature(bucket, r->ctx);
}

static void scan_chunk(const struct intent_text *t, void *ctx)
{
	struct intent_run *r = ctx;
	intent_rules_scan(t, &r->hits);
	r->n_tok += t->n_tok;
}

static int lang_from_hint(const char *hint)
{
	if (!hint || !hint[0] || !hint[1])
		return -1;
	char a = (char)(hint[0] | 0x20), b = (char)(hint[1] | 0x20);
	if (a == 'f' && b == 'r')
		return ENT_INTENT_LANG_FR;
	if (a == 'e' && b == 'n')
		return ENT_INTENT_LANG_EN;
	return -1;
}

static void softmax(const struct intent_run *r, float *prob)
{
	float s[ENT_INTENT__COUNT], mx = -INFINITY, sum = 0;
	float k = intent_model_scale / sqrtf((float)(r->n_feat ? r->n_feat : 1));
	for (int c = 0; c < ENT_INTENT__COUNT; c++) {
		s[c] = intent_model_bias[c] + k * (float)r->acc[c];
		mx = s[c] > mx ? s[c] : mx;
	}
	for (int c = 0; c < ENT_INTENT__COUNT; c++) {
		s[c] = expf(s[c] - mx);
		sum += s[c];
	}
	for (int c = 0; c < ENT_INTENT__COUNT; c++)
		prob[c] = s[c] / sum;
}

enum ent_err intent_run(const char *text, size_t len, const char *lang_hint, struct intent_run *r)
{
	intent_feat_fn on_feature = r->on_feature;
	void *ctx = r->ctx;
	memset(r, 0, sizeof *r);
	r->on_feature = on_feature;
	r->ctx = ctx;
	enum ent_err err = intent_extract(text ? text : "", len, lang_from_hint(lang_hint), add_feature, scan_chunk, r,
	                                  &r->n_feat, &r->lang);
	if (err)
		return err;
	softmax(r, r->prob);
	if (r->n_tok == 0)
		return ENT_OK;
	intent_urgent_features(&r->hits, r->prob, r->x);
	float words = intent_urgent_text_scale / sqrtf((float)(r->n_feat ? r->n_feat : 1)) * (float)r->acc_urgent;
	r->score = intent_urgent_score(intent_urgent_w, intent_urgent_bias, r->x, words);
	return ENT_OK;
}
