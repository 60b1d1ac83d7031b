/* intent_frame.c - the frame model's inputs and probability (intent_frame.h). */
#include "desk/intent_frame.h"

#include <math.h>
#include <string.h>

static float clipped_logit(float p)
{
	p = p < 1e-6f ? 1e-6f : p > 1 - 1e-6f ? 1 - 1e-6f : p;
	float lg = logf(p / (1 - p)) / 4;
	return lg < -3 ? -3 : lg > 3 ? 3 : lg;
}

void intent_frame_features(const struct intent_run *r, float f[IF__COUNT])
{
	memcpy(f + IF_SIGNALS, r->x + IU_SUICIDE, (IU__COUNT - IU_SUICIDE) * sizeof *f);
	f[IF_SCORE] = clipped_logit(r->score);
	f[IF_MODEL] = clipped_logit(r->prob[ENT_INTENT_URGENT]);
}

int intent_frame_applies(const struct intent_run *r, float threshold)
{
	return r->n_tok && r->score < INTENT_FRAME_SCORE_MAX &&
	       intent_urgent_decide(&r->hits, r->prob, r->score, threshold) &&
	       !intent_urgent_forced(&r->hits);
}

float intent_frame_prob(const float w[IF__COUNT], float bias, const float f[IF__COUNT], float text)
{
	float s = bias + text;
	for (int i = 0; i < IF__COUNT; i++)
		s += w[i] * f[i];
	return 1.0f / (1.0f + expf(-s));
}
