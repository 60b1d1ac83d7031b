/*
 * intent.h - the desk's intent classifier: what a message sent to an institution asks for.
 *
 * One label per message among eight (appointment, document_request, consultation, urgent,
 * complaint, praise, info, other), chosen as the desk must act on it: urgent wins over
 * everything, then consultation (rule R2: never answered online), otherwise the dominant
 * purpose. A linear model trained at build time from data/intent/ scores the message;
 * explicit safety patterns (rule R3: chest pain, stroke signs, not breathing, heavy bleeding,
 * unconsciousness, suicidal intent, overdose, anaphylaxis...) and their contexts (now, past,
 * hypothetical, thanks, paperwork...) feed, with the model's probabilities, a calibrated urgent
 * score learnt at build time; suicidal intent is urgent whatever the score. Cue rules for
 * individual medical advice push towards `consultation`.
 *
 * Thread-safe: the model is read-only data; each thread keeps its own stemmers, created on its
 * first call and released when the thread exits. A call allocates nothing else.
 * The text is never copied, logged or kept.
 */
#ifndef ENTRAIDE_INTENT_H
#define ENTRAIDE_INTENT_H

#include <stddef.h>

#include "entraide/err.h"

#ifdef __cplusplus
extern "C" {
#endif

enum ent_intent {
	ENT_INTENT_APPOINTMENT = 0,
	ENT_INTENT_DOCUMENT_REQUEST,
	ENT_INTENT_CONSULTATION,
	ENT_INTENT_URGENT,
	ENT_INTENT_COMPLAINT,
	ENT_INTENT_PRAISE,
	ENT_INTENT_INFO,
	ENT_INTENT_OTHER,
	ENT_INTENT__COUNT
};

/* Which explicit rule decided the label, if any. The desk shows the emergency numbers for every
 * urgent message; the rule says why (e.g. 3114 / 988 first for ENT_INTENT_RULE_SUICIDE). */
enum ent_intent_rule {
	ENT_INTENT_RULE_NONE = 0,
	ENT_INTENT_RULE_CHEST_PAIN,   /* chest pain or pressure now, heart attack */
	ENT_INTENT_RULE_STROKE,       /* face drooping, sudden weakness or speech trouble, "AVC" */
	ENT_INTENT_RULE_BREATHING,    /* not breathing, choking, cannot breathe, turning blue */
	ENT_INTENT_RULE_BLEEDING,     /* heavy or uncontrolled bleeding */
	ENT_INTENT_RULE_UNCONSCIOUS,  /* unconscious, unresponsive, collapsed, seizing */
	ENT_INTENT_RULE_SUICIDE,      /* suicidal intent or self-harm now */
	ENT_INTENT_RULE_OVERDOSE,     /* overdose or poisoning, a child swallowed pills */
	ENT_INTENT_RULE_ANAPHYLAXIS,  /* severe allergic reaction, swollen throat */
	ENT_INTENT_RULE_CONSULTATION, /* a request for individual medical advice (R2) */
	ENT_INTENT_RULE_VIOLENCE,     /* violence now: being hit, threatened with a weapon, stabbed */
	ENT_INTENT_RULE_PREGNANCY,    /* bleeding or waters breaking while pregnant, no movements */
	ENT_INTENT_RULE_CHILD,        /* a floppy baby, a fall from a height, purpura, a swallowed battery */
	ENT_INTENT_RULE__COUNT
};

enum ent_intent_lang {
	ENT_INTENT_LANG_FR = 0,
	ENT_INTENT_LANG_EN,
};

struct ent_intent_result {
	enum ent_intent intent;
	float confidence;                  /* in [0, 1]: the urgent score for `urgent`, else the model's probability */
	enum ent_intent_rule rule;         /* the danger pattern found (urgent), or consultation, or NONE */
	int is_safety_rule;                /* 1 when the rules alone call the message urgent */
	enum ent_intent_lang lang;         /* the language used for stemming (hint or detected) */
	float prob[ENT_INTENT__COUNT];     /* the model's probabilities, before the rules */
};

/*
 * Classifies text (len bytes of UTF-8, need not be NUL-terminated). lang_hint is NULL or ""
 * (detect), or a language tag starting with "fr" or "en". Fills *out and returns ENT_OK;
 * ENT_EUTF8 when text is not valid UTF-8, ENT_EINVAL when an argument is NULL. Empty or blank
 * text is valid and classified `other`. Any length is accepted; time is linear in len.
 */
enum ent_err ent_intent_classify(const char *text, size_t len, const char *lang_hint,
                                 struct ent_intent_result *out);

/* Stable lower-case name ("document_request"); "unknown" outside the enum. Never NULL. */
const char *ent_intent_name(enum ent_intent intent);

/* Parses a name given by ent_intent_name(). ENT_EINVAL when it is not one of the eight. */
enum ent_err ent_intent_from_name(const char *name, enum ent_intent *out);

/* Stable lower-case name of a rule ("chest_pain", "none"); "unknown" outside the enum. */
const char *ent_intent_rule_name(enum ent_intent_rule rule);

#ifdef __cplusplus
}
#endif
#endif
