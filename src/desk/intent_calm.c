/* intent_calm.c - the signals of the calm intents' model and its choice (intent_calm.h). */
#include "desk/intent_calm.h"

#include <math.h>

const char *const intent_calm_feature_names[IC__COUNT] = {
	[IC_LOGP + ENT_INTENT_APPOINTMENT] = "logp_appointment",
	[IC_LOGP + ENT_INTENT_DOCUMENT_REQUEST] = "logp_document",
	[IC_LOGP + ENT_INTENT_CONSULTATION] = "logp_consult",
	[IC_LOGP + ENT_INTENT_URGENT] = "logp_urgent",
	[IC_LOGP + ENT_INTENT_COMPLAINT] = "logp_complaint",
	[IC_LOGP + ENT_INTENT_PRAISE] = "logp_praise",
	[IC_LOGP + ENT_INTENT_INFO] = "logp_info",
	[IC_LOGP + ENT_INTENT_OTHER] = "logp_other",
	[IC_HYPO] = "hypothetical",   [IC_FRAME] = "frame",        [IC_JOKE] = "joke",
	[IC_PAST] = "past",           [IC_RECOVERED] = "over",     [IC_ADMIN] = "paperwork",
	[IC_CHRONIC] = "chronic",     [IC_WHICH] = "which_number", [IC_PRESENT] = "present",
	[IC_CONSULT] = "consult_cue", [IC_VETO] = "other_purpose", [IC_REASSURE] = "reassured",
	[IC_DANGER] = "danger",       [IC_DANGER_WORD] = "danger_word", [IC_NEGATED] = "negated",
	[IC_FAREWELL] = "farewell",   [IC_CONSULT_RULE] = "consult_by_cue",
	[IC_CONSULT_FLOOR] = "consult_by_floor",
};

int intent_calm_consult_rule(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT])
{
	float pc = prob[ENT_INTENT_CONSULTATION];
	if (pc >= INTENT_CONSULT_FLOOR)
		return 1;
	if (h->consult_cue && !h->consult_veto && pc >= INTENT_CONSULT_CUE_FLOOR)
		return 2;
	return 0;
}

void intent_calm_features(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                          float x[IC__COUNT])
{
	for (int c = 0; c < ENT_INTENT__COUNT; c++) {
		float lp = logf(prob[c] > 1e-6f ? prob[c] : 1e-6f) / 4;
		x[IC_LOGP + c] = lp < -3 ? -3 : lp;
	}
	x[IC_HYPO] = h->has_hypo != 0;
	x[IC_FRAME] = h->has_frame != 0;
	x[IC_JOKE] = h->has_joke != 0;
	x[IC_PAST] = h->has_past != 0;
	x[IC_RECOVERED] = h->has_recovered != 0;
	x[IC_ADMIN] = h->has_admin != 0;
	x[IC_CHRONIC] = h->has_chronic != 0;
	x[IC_WHICH] = h->has_which != 0;
	x[IC_PRESENT] = h->has_present != 0;
	x[IC_CONSULT] = h->consult_cue != 0;
	x[IC_VETO] = h->consult_veto != 0;
	x[IC_REASSURE] = h->has_reassure != 0;
	x[IC_DANGER] = h->urgent != ENT_INTENT_RULE_NONE || h->urgent_weak != ENT_INTENT_RULE_NONE ||
	               h->urgent_hypo != ENT_INTENT_RULE_NONE || h->urgent_count != ENT_INTENT_RULE_NONE;
	x[IC_DANGER_WORD] = h->has_danger_word != 0;
	x[IC_NEGATED] = h->has_negated != 0;
	x[IC_FAREWELL] = h->has_farewell != 0;
	int rule = intent_calm_consult_rule(h, prob);
	x[IC_CONSULT_FLOOR] = rule == 1;
	x[IC_CONSULT_RULE] = rule == 2;
}

enum ent_intent intent_calm_choose(const float w[IC__COUNT][ENT_INTENT__COUNT], const float bias[ENT_INTENT__COUNT],
                                   const float x[IC__COUNT], float q[ENT_INTENT__COUNT])
{
	float s[ENT_INTENT__COUNT], mx = -INFINITY, sum = 0;
	int best = -1;
	for (int c = 0; c < ENT_INTENT__COUNT; c++) {
		if (c == ENT_INTENT_URGENT)
			continue;
		s[c] = bias[c];
		for (int j = 0; j < IC__COUNT; j++)
			s[c] += w[j][c] * x[j];
		if (best < 0 || s[c] > s[best])
			best = c;
		mx = s[c] > mx ? s[c] : mx;
	}
	for (int c = 0; c < ENT_INTENT__COUNT; c++)
		if (c != ENT_INTENT_URGENT)
			sum += s[c] = expf(s[c] - mx);
	for (int c = 0; c < ENT_INTENT__COUNT; c++)
		q[c] = c == ENT_INTENT_URGENT ? 0 : s[c] / sum;
	return (enum ent_intent)best;
}

enum ent_intent intent_calm_decide(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                                   const float w[IC__COUNT][ENT_INTENT__COUNT], const float bias[ENT_INTENT__COUNT],
                                   float *confidence, int *by_cue)
{
	float x[IC__COUNT], q[ENT_INTENT__COUNT];
	intent_calm_features(h, prob, x);
	enum ent_intent best = intent_calm_choose(w, bias, x, q);
	*by_cue = best == ENT_INTENT_CONSULTATION && intent_calm_consult_rule(h, prob) == 2;
	*confidence = q[best];
	return best;
}
