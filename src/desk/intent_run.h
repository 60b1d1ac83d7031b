/*
 * intent_run.h - the first stage of ent_intent_classify() on one message: the text model's
 * probabilities, the rules' signals and the urgent score, as computed at run time.
 *
 * Shared by the library (intent.c) and the frame model's trainer (tools/intent_frame_train.c),
 * which reads the trained first stage ($(BUILD)/gen/intent_model.c) and must see exactly what
 * the classifier sees: the frame model (desk/intent_frame.h) learns from the messages the first
 * stage calls urgent. The caller may also receive every hashed feature (on_feature), for the
 * frame model's own word weights.
 * Not responsible for: the decision (intent.c), the calm intents (desk/intent_calm.h).
 */
#ifndef ENT_DESK_INTENT_RUN_H
#define ENT_DESK_INTENT_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "desk/intent_feat.h"
#include "desk/intent_rules.h"
#include "desk/intent_urgent.h"

struct intent_run {
	int64_t acc[ENT_INTENT__COUNT];
	int64_t acc_urgent; /* the urgent score's text weights */
	struct intent_rule_hits hits;
	size_t n_tok, n_feat;
	enum ent_intent_lang lang;
	intent_feat_fn on_feature; /* called with each hashed feature too, when set */
	void *ctx;
	float prob[ENT_INTENT__COUNT];
	float x[IU__COUNT]; /* the urgent score's signals */
	float score;        /* the urgent score */
};

/* Fills r (whose on_feature and ctx the caller sets, or zeroes) for text; lang_hint as
 * ent_intent_classify's. When r->n_tok is 0 only lang and prob are meaningful. */
enum ent_err intent_run(const char *text, size_t len, const char *lang_hint, struct intent_run *r);

#endif
