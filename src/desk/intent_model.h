/*
 * intent_model.h - the trained weights of the intent classifier.
 *
 * Defined in $(BUILD)/gen/intent_model.c, written at build time by tools/intent_train.c from
 * the JSONL files of data/intent/ (see mk/intent.mk). A multinomial logistic regression over hashed
 * features: score[c] = bias[c] + scale * sum over features of w[bucket][c] / sqrt(n_features).
 */
#ifndef ENT_DESK_INTENT_MODEL_H
#define ENT_DESK_INTENT_MODEL_H

#include <stdint.h>

#include "desk/intent_calm.h"
#include "desk/intent_feat.h"
#include "desk/intent_urgent.h"

extern const float intent_model_bias[ENT_INTENT__COUNT];
extern const float intent_model_scale;
extern const int16_t intent_model_w[INTENT_N_BUCKETS][ENT_INTENT__COUNT];
extern const unsigned intent_model_n_train;

/* The urgent score (desk/intent_urgent.h): weights, bias and the threshold chosen by
 * cross-validation; a message scoring at least the threshold is urgent. */
extern const float intent_urgent_w[IU__COUNT];
extern const float intent_urgent_bias;
extern const float intent_urgent_threshold;
extern const float intent_urgent_text_scale;
extern const int16_t intent_urgent_text_w[INTENT_N_BUCKETS];

/* The calm intents' model (desk/intent_calm.h). */
extern const float intent_calm_w[IC__COUNT][ENT_INTENT__COUNT];
extern const float intent_calm_bias[ENT_INTENT__COUNT];

#endif
