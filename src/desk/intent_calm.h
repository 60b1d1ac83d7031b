/*
 * intent_calm.h - the choice among the calm intents (every intent but urgent) as one small
 * multinomial model stacked on the text model, instead of its argmax and a fixed floor.
 *
 * The text model reads words; it does not know that a question "just in case", about a film, for
 * a school project or from someone at work is a request for information and not for individual
 * medical advice (rule R2), or that "lol" makes a danger word a figure of speech. The rules
 * (desk/intent_rules.h) find those frames. This model weighs the text model's log-probabilities,
 * the frames the rules found and the consultation rule's own decision (a floor on P(consultation)
 * or a cue of individual advice); tools/intent_train.c fits it at build time on the text model's
 * out-of-fold probabilities of the hand-written messages and the safety tuning sets' calm ones.
 * Shared by the library (intent.c) and the trainer, so both compute the same vector.
 * Not responsible for: the urgent decision (desk/intent_urgent.h), which comes first.
 */
#ifndef ENT_DESK_INTENT_CALM_H
#define ENT_DESK_INTENT_CALM_H

#include "desk/intent_rules.h"

enum intent_calm_feature {
	IC_LOGP,                          /* log P(c) / 4 of the text model, clipped at -3, for each c */
	IC_HYPO = IC_LOGP + ENT_INTENT__COUNT, /* the frames and contexts the rules found */
	IC_FRAME,
	IC_JOKE,
	IC_PAST,
	IC_RECOVERED,
	IC_ADMIN,
	IC_CHRONIC,
	IC_WHICH,
	IC_PRESENT,
	IC_CONSULT,                       /* a cue of a request for individual advice ... */
	IC_VETO,                          /* ... words of another desk purpose */
	IC_REASSURE,
	IC_DANGER,                        /* a danger pattern fired (the score still said calm) */
	IC_DANGER_WORD,
	IC_NEGATED,
	IC_FAREWELL,
	IC_CONSULT_FLOOR,                 /* the rule of R2 holds by the floor on P(consultation)... */
	IC_CONSULT_RULE,                  /* ... by a cue of individual advice */
	IC__COUNT
};

extern const char *const intent_calm_feature_names[IC__COUNT];

/* Chosen on hand-written training messages held out from the rest of the training data
 * (tools/intent_train.c --test), never on an evaluation set: consultation when the model gives
 * it at least CONSULT_FLOOR, or a cue of individual advice meets at least CONSULT_CUE_FLOOR. */
#define INTENT_CONSULT_FLOOR 0.35f
#define INTENT_CONSULT_CUE_FLOOR 0.05f

/* The rule of R2 on the text model's probabilities alone: 0 no, 1 by the floor, 2 by the cue. */
int intent_calm_consult_rule(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT]);

/* Fills x with the signals of a message from its rule hits and its model probabilities. */
void intent_calm_features(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                          float x[IC__COUNT]);

/* The calm intent of highest score bias[c] + w[.][c] . x (never ENT_INTENT_URGENT); q receives
 * the softmax probabilities among the calm intents (0 for urgent). */
enum ent_intent intent_calm_choose(const float w[IC__COUNT][ENT_INTENT__COUNT], const float bias[ENT_INTENT__COUNT],
                                   const float x[IC__COUNT], float q[ENT_INTENT__COUNT]);

/* The decision: the model's choice; *confidence receives its probability among the calm
 * intents, *by_cue 1 when it is consultation and a cue of individual advice (not the floor on
 * the text model's probability) made the rule of R2 hold. */
enum ent_intent intent_calm_decide(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                                   const float w[IC__COUNT][ENT_INTENT__COUNT], const float bias[ENT_INTENT__COUNT],
                                   float *confidence, int *by_cue);

#endif
