/*
 * intent_urgent.h - the urgent decision of the intent classifier (rule R3) as one calibrated
 * score instead of rules that force the label.
 *
 * A small logistic regression over dense signals: the text model's probabilities (its logit of
 * urgent and its probabilities of the calm intents: thanks, documents, information, other...),
 * the danger cues the rules found (suicidal intent, other strong cues, weak cues, a count of
 * tablets), the contexts they found (happening now, past, hypothetical, over, paperwork,
 * long-standing, worse now, negated) and two interactions: a danger cue with a cue of the present,
 * a danger cue in a calm context with nothing of the present. tools/intent_train.c fits its
 * weights at build time on the training messages, with the text model's probabilities taken
 * out of fold, and chooses the threshold by cross-validation (docs/intent.md).
 * Shared by the library (intent.c) and the trainer, so both compute the same vector.
 */
#ifndef ENT_DESK_INTENT_URGENT_H
#define ENT_DESK_INTENT_URGENT_H

#include "desk/intent_rules.h"

enum intent_urgent_feature {
	IU_LOGIT,      /* logit of the model's P(urgent), divided by 4, clipped to [-3, 3], when no
	                  danger pattern, farewell or vulnerable person was found... */
	IU_LOGIT_DANGER, /* ... and when one was: the text model's doubt weighs less against a cue
	                    (farewells and vulnerable people since the fourteenth session: the text
	                    model, trained on the desk's usual messages, barely knows them) */
	IU_P_APPT,     /* the model's probability of each calm intent */
	IU_P_DOC,
	IU_P_CONSULT,
	IU_P_COMPLAINT,
	IU_P_PRAISE,
	IU_P_INFO,
	IU_P_OTHER,
	IU_SUICIDE,    /* a pattern of suicidal intent or self-harm */
	IU_STRONG,     /* another strong danger pattern ("ne respire plus", "heavy bleeding") */
	IU_WEAK,       /* a weak danger pattern ("AVC", "fainted": often about the past) */
	IU_HYPO_RULE,  /* a danger pattern that is often a question (alcohol with medicines) */
	IU_COUNT,      /* a count of tablets taken */
	IU_PRESENT,    /* contexts */
	IU_PAST,
	IU_HYPO,
	IU_RECOVERED,
	IU_ADMIN,
	IU_CHRONIC,
	IU_WORSE,
	IU_WHICH,
	IU_CONSULT,
	IU_VETO,
	IU_NEGATED,    /* a danger pattern was found negated ("pas de douleur thoracique") */
	IU_DANGER_NOW, /* a danger pattern and a cue of the present */
	IU_DANGER_CALM, /* a danger pattern, a calm context, nothing of the present */
	IU_RULES,      /* the hand-written combination of the rules says urgent (intent_rules_urgent) */
	IU_WORD,       /* no danger pattern, but a word of danger ("sang", "chest", "tuer")... */
	IU_WORD_NOW,   /* ... with a cue of the present */
	IU_NO_CUE,     /* neither a danger pattern nor a word of danger */
	IU_FRAME,      /* fiction, media, research, teaching, a job */
	IU_FAREWELL,   /* finality, leaving, affairs put in order (indirect suicidal intent)... */
	IU_FAREWELL_NOW, /* ... with a cue of the present */
	IU_REASSURE,   /* "pas urgent", "not in danger", "tout va bien" */
	IU_JOKE,       /* "lol", "mdr", a laughing face */
	IU_VULNERABLE, /* a vulnerable person missing or out in the cold, a fever under chemotherapy... */
	IU_VULNERABLE_NOW, /* ... with a cue of the present */
	IU_DENIED,     /* the writer denies a danger ("no bleeding", "not thinking of hurting myself") */
	IU_DANGER_PLAIN, /* a danger pattern and nothing calm at all (no context, frame, joke, reassurance,
	                    denial or negation): the text model's doubt alone must not outweigh it */
	IU_CLAUSE_NOW,  /* a cue of danger and a cue of the present in one sentence */
	IU_CLAUSE_CALM, /* every sentence with a cue of danger has a calm context and nothing of the
	                   present ("Il y a un an j'écrivais mes lettres d'adieu. Aujourd'hui...") */
	IU__COUNT
};

extern const char *const intent_urgent_feature_names[IU__COUNT];

/* Fills x with the signals of a message from its rule hits and its model probabilities. */
void intent_urgent_features(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                            float x[IU__COUNT]);

/* True when the message has a cue of danger: a pattern, a word of danger, a farewell. */
int intent_urgent_has_cue(const struct intent_rule_hits *h);

/* The decision: the score reaches the threshold and, when the message has no cue of danger,
 * the text model itself finds `urgent` at least NO_CUE_FLOOR likely (on a message without a
 * cue the words alone are noise: "Produit miracle." is not an emergency). */
#define INTENT_URGENT_NO_CUE_FLOOR 0.30f
int intent_urgent_decide(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT], float score,
                         float threshold);

/* Suicidal intent found by the rules (a pattern of intent: "envie d'en finir", "kill myself", not
 * only the topic: "suicide", "self-harm", "idées noires") that nothing calm frames (a past attempt,
 * a question of "what if", a job, a story, a joke, reassurance, a denial), or whose sentence says
 * it is happening now or has nothing calm in it: urgent whatever the score. The rest is left to
 * the score, which weighs the frame and the topic. */
int intent_urgent_forced(const struct intent_rule_hits *h);

/* The danger rule to report for a message the score calls urgent (NONE when no pattern fired). */
enum ent_intent_rule intent_urgent_rule(const struct intent_rule_hits *h);

/* sigmoid(bias + w . x + text), in [0, 1]; text is the part of the message's words (the
 * model's intent_urgent_text_w over its hashed features, normalised as the text model's). */
float intent_urgent_score(const float w[IU__COUNT], float bias, const float x[IU__COUNT], float text);

#endif
