/*
 * intent_frame.h - the second stage of the urgent decision: a small model of the post's frame
 * that tells a crisis now from a peer's post that tells, remembers or supports.
 *
 * The first stage (the urgent score, desk/intent_urgent.h) learnt from messages written to a
 * desk; community posts that ask nothing - a past crisis told with hindsight, grief, venting, a
 * support reply - carry the words of a crisis and cross its threshold through the text model
 * alone. This model is a logistic regression over the rules' signals, the urgent score's and the
 * text model's logits and hashed word features, trained at build time (tools/intent_frame_train.c)
 * on every human-written file we can read - the first stage's training messages, every tuning set
 * (the community posts of sets 21 and 23 weighing 3) and the reviewers' probes (mk/intent.mk:
 * INTENT_FRAME_DATA). It is applied only to messages the score calls urgent below SCORE_MAX that no
 * rule forces (intent_frame_applies): below its threshold, chosen so that no crisis is lost when
 * each file is left out of its training, the message is not urgent and goes to the calm intents.
 * Not responsible for: forced suicidal intent (never vetoed), the calm intents (intent_calm.h).
 */
#ifndef ENT_DESK_INTENT_FRAME_H
#define ENT_DESK_INTENT_FRAME_H

#include "desk/intent_run.h"

/* The rules' signals of the urgent score (desk/intent_urgent.h, from IU_SUICIDE on), then the
 * score's logit / 4 and the text model's logit of urgent / 4 (both clipped to [-3, 3]). */
enum intent_frame_feature {
	IF_SIGNALS,
	IF_SCORE = IF_SIGNALS + IU__COUNT - IU_SUICIDE,
	IF_MODEL,
	IF__COUNT
};

/* Fills f with the dense inputs of the frame model for a message's first stage. */
void intent_frame_features(const struct intent_run *r, float f[IF__COUNT]);

/* True when the frame model has a say: the score calls the message urgent (threshold and the
 * no-cue floor) but below SCORE_MAX, and no rule forces it. Higher, crises outnumber false alarms
 * many times over on messages the first stage never learnt from (sets 12, 18-22 and the probes:
 * 673 crises and 19 false urgents at 0.9 and above, 45 and 27 from 0.7 to 0.9), and out of file the
 * frame model gives some of those crises less than their look-alikes: leaving each file out, the
 * lowest crisis below 0.6 gets 0.12, below 0.7 0.02-0.04 (docs/intent.md, twenty-third session). */
#define INTENT_FRAME_SCORE_MAX 0.6f
int intent_frame_applies(const struct intent_run *r, float threshold);

/* P(crisis) = sigmoid(bias + w . f + text); text is the word part (scale / sqrt(n_feat) times
 * the sum of the word weights of the message's hashed features). */
float intent_frame_prob(const float w[IF__COUNT], float bias, const float f[IF__COUNT], float text);

/* The trained weights, in $(BUILD)/gen/intent_frame_model.c. */
extern const float intent_frame_w[IF__COUNT];
extern const float intent_frame_bias;
extern const float intent_frame_threshold; /* P(crisis) below it: not urgent */
extern const float intent_frame_text_scale;
/* 8 bits: it ships in the browser's wasm too, and 16 bits gave the same decision on every file we
 * can read (docs/intent.md). */
extern const int8_t intent_frame_text_w[INTENT_N_BUCKETS];

#endif
