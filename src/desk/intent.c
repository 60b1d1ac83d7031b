/*
 * intent.c - ent_intent_classify(): the model's probabilities, the rules' signals, the urgent score.
 *
 * Order of decision, as the desk must act (data/intent/README.md): urgent wins over everything
 * when the urgent score (the model's probabilities and the rules' signals, weighed by a second
 * model trained at build time: desk/intent_urgent.h) reaches its threshold, or when the rules
 * find suicidal intent; otherwise a third small model chooses among the calm intents
 * (desk/intent_calm.h) from the text model's probabilities, the frames the rules found and the
 * rule of R2 (consultation when the model is confident enough, or when a cue of individual
 * medical advice meets a model that does not rule it out). Everything lives on the caller's
 * stack: no allocation per call (the per-thread stemmers are made once per thread).
 */
#include "entraide/intent.h"

#include <math.h>
#include <string.h>

#include "core/export.h"
#include "desk/intent_calm.h"
#include "desk/intent_feat.h"
#include "desk/intent_model.h"
#include "desk/intent_rules.h"
#include "desk/intent_urgent.h"

struct run {
	int64_t acc[ENT_INTENT__COUNT];
	int64_t acc_urgent; /* the urgent score's text weights */
	struct intent_rule_hits hits;
	size_t n_tok;
};

static void add_feature(uint32_t bucket, void *ctx)
{
	struct run *r = ctx;
	const int16_t *w = intent_model_w[bucket];
	for (int c = 0; c < ENT_INTENT__COUNT; c++)
		r->acc[c] += w[c];
	r->acc_urgent += intent_urgent_text_w[bucket];
}

static void scan_chunk(const struct intent_text *t, void *ctx)
{
	struct run *r = ctx;
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

static void softmax(const struct run *r, size_t n_feat, float *prob)
{
	float s[ENT_INTENT__COUNT], mx = -INFINITY, sum = 0;
	float k = intent_model_scale / sqrtf((float)(n_feat ? n_feat : 1));
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

ENT_EXPORT enum ent_err ent_intent_classify(const char *text, size_t len, const char *lang_hint,
                                            struct ent_intent_result *out)
{
	struct run r;
	size_t n_feat = 0;
	enum ent_intent_lang lang;
	enum ent_err err;

	if (!out || (!text && len))
		return ENT_EINVAL;
	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	err = intent_extract(text ? text : "", len, lang_from_hint(lang_hint), add_feature, scan_chunk, &r,
	                     &n_feat, &lang);
	if (err)
		return err;
	out->lang = lang;
	softmax(&r, n_feat, out->prob);

	if (r.n_tok == 0) {
		out->intent = ENT_INTENT_OTHER;
		out->confidence = 1.0f;
		return ENT_OK;
	}
	/* Rule R3: one calibrated score over the model's probabilities and the rules' signals
	 * (desk/intent_urgent.h); at or above the threshold the message is urgent, whatever else it
	 * asks. Suicidal intent found by the rules is urgent whatever the score unless something
	 * calm frames it and nothing in its sentence says it is happening now (intent_urgent_forced):
	 * the rest of a long message (a complaint, thanks) must not outweigh one sentence of crisis,
	 * and a missed crisis costs more than any false alarm; a past attempt, a "what if", a job or
	 * a story is left to the score, which weighs those frames. The rule reported is the danger
	 * pattern found, if any (3114 / 988 first for suicide); is_safety_rule says the rules alone
	 * would have called it urgent (the moderators' queue puts those first). */
	float x[IU__COUNT];
	intent_urgent_features(&r.hits, out->prob, x);
	float words = intent_urgent_text_scale / sqrtf((float)(n_feat ? n_feat : 1)) * (float)r.acc_urgent;
	float score = intent_urgent_score(intent_urgent_w, intent_urgent_bias, x, words);
	enum ent_intent_rule ruled = intent_rules_urgent(&r.hits);
	if (intent_urgent_decide(&r.hits, out->prob, score, intent_urgent_threshold) ||
	    intent_urgent_forced(&r.hits)) {
		out->intent = ENT_INTENT_URGENT;
		out->confidence = score > intent_urgent_threshold ? score : intent_urgent_threshold;
		out->rule = intent_urgent_rule(&r.hits);
		out->is_safety_rule = ruled != ENT_INTENT_RULE_NONE;
		return ENT_OK;
	}
	/* Otherwise the calm intents' model (desk/intent_calm.h): the text model's probabilities,
	 * the frames the rules found (a question "just in case", for a film, a school project, a
	 * job) and the rule of R2 (a floor on P(consultation), a cue of individual advice). */
	int by_rule;
	out->intent = intent_calm_decide(&r.hits, out->prob, intent_calm_w, intent_calm_bias, &out->confidence, &by_rule);
	if (by_rule)
		out->rule = ENT_INTENT_RULE_CONSULTATION;
	return ENT_OK;
}

static const char *const intent_names[ENT_INTENT__COUNT] = {
	[ENT_INTENT_APPOINTMENT] = "appointment", [ENT_INTENT_DOCUMENT_REQUEST] = "document_request",
	[ENT_INTENT_CONSULTATION] = "consultation", [ENT_INTENT_URGENT] = "urgent",
	[ENT_INTENT_COMPLAINT] = "complaint",     [ENT_INTENT_PRAISE] = "praise",
	[ENT_INTENT_INFO] = "info",               [ENT_INTENT_OTHER] = "other",
};

static const char *const rule_names[ENT_INTENT_RULE__COUNT] = {
	[ENT_INTENT_RULE_NONE] = "none",
	[ENT_INTENT_RULE_CHEST_PAIN] = "chest_pain",
	[ENT_INTENT_RULE_STROKE] = "stroke",
	[ENT_INTENT_RULE_BREATHING] = "breathing",
	[ENT_INTENT_RULE_BLEEDING] = "bleeding",
	[ENT_INTENT_RULE_UNCONSCIOUS] = "unconscious",
	[ENT_INTENT_RULE_SUICIDE] = "suicide",
	[ENT_INTENT_RULE_OVERDOSE] = "overdose",
	[ENT_INTENT_RULE_ANAPHYLAXIS] = "anaphylaxis",
	[ENT_INTENT_RULE_CONSULTATION] = "consultation",
	[ENT_INTENT_RULE_VIOLENCE] = "violence",
	[ENT_INTENT_RULE_PREGNANCY] = "pregnancy",
	[ENT_INTENT_RULE_CHILD] = "child",
};

ENT_EXPORT const char *ent_intent_name(enum ent_intent intent)
{
	if ((unsigned)intent >= ENT_INTENT__COUNT)
		return "unknown";
	return intent_names[intent];
}

ENT_EXPORT enum ent_err ent_intent_from_name(const char *name, enum ent_intent *out)
{
	if (!name || !out)
		return ENT_EINVAL;
	for (int i = 0; i < ENT_INTENT__COUNT; i++) {
		if (strcmp(name, intent_names[i]) == 0) {
			*out = (enum ent_intent)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

ENT_EXPORT const char *ent_intent_rule_name(enum ent_intent_rule rule)
{
	if ((unsigned)rule >= ENT_INTENT_RULE__COUNT)
		return "unknown";
	return rule_names[rule];
}
