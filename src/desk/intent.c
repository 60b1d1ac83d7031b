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
#include "desk/intent_frame.h"
#include "desk/intent_model.h"
#include "desk/intent_phatic.h"
#include "desk/intent_run.h"

/* The frame model's word weights, summed over the message's hashed features. */
static void add_frame_feature(uint32_t bucket, void *ctx)
{
	*(int64_t *)ctx += intent_frame_text_w[bucket];
}

static enum ent_err classify_text(const char *text, size_t len, const char *lang_hint,
                                  struct ent_intent_result *out, struct intent_rule_hits *hits)
{
	struct intent_run r;
	int64_t acc_frame = 0;

	if (!out || (!text && len))
		return ENT_EINVAL;
	memset(out, 0, sizeof *out);
	r.on_feature = add_frame_feature;
	r.ctx = &acc_frame;
	enum ent_err err = intent_run(text, len, lang_hint, &r);
	if (err)
		return err;
	*hits = r.hits;
	out->lang = r.lang;
	memcpy(out->prob, r.prob, sizeof out->prob);

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
	 * would have called it urgent (the moderators' queue puts those first).
	 * Then the frame model (desk/intent_frame.h), only on what the score alone called urgent: a
	 * peer's post that tells a past crisis, grieves or supports, which the first stage never
	 * learnt from, goes to the calm intents when it is sure enough. */
	float score = r.score;
	enum ent_intent_rule ruled = intent_rules_urgent(&r.hits);
	int urgent = intent_urgent_decide(&r.hits, r.prob, score, intent_urgent_threshold);
	if (urgent && intent_frame_applies(&r, intent_urgent_threshold)) {
		float f[IF__COUNT];
		intent_frame_features(&r, f);
		float words = intent_frame_text_scale / sqrtf((float)(r.n_feat ? r.n_feat : 1)) * (float)acc_frame;
		urgent = intent_frame_prob(intent_frame_w, intent_frame_bias, f, words) >= intent_frame_threshold;
	}
	if (urgent || intent_urgent_forced(&r.hits)) {
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
	out->intent = intent_calm_decide(&r.hits, r.prob, intent_calm_w, intent_calm_bias, &out->confidence, &by_rule);
	if (by_rule)
		out->rule = ENT_INTENT_RULE_CONSULTATION;
	return ENT_OK;
}

/* Words of a closing from which a post's goodbye alone decides: the short ones that carry the
 * calm of a post on the readable sets ("Thank you!", "courage a tous", "hugs to all") have 2 or
 * 3; 4 and 5 make the same decisions there. */
#define LONG_CLOSING 5

static size_t count_words(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];
		int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
		if (letter && (i == 0 || !(((unsigned char)s[i - 1] | 0x20) >= 'a' && ((unsigned char)s[i - 1] | 0x20) <= 'z')))
			n++;
	}
	return n;
}

/* A cue of danger the rules found: a pattern (strong, weak, cancelled by a question), a count
 * of tablets, a word of danger, a farewell, a vulnerable person, suicidal intent. */
static unsigned danger_cues(const struct intent_rule_hits *h)
{
	return (unsigned)(h->urgent != ENT_INTENT_RULE_NONE) | (unsigned)(h->urgent_weak != ENT_INTENT_RULE_NONE) << 1 |
	       (unsigned)(h->urgent_hypo != ENT_INTENT_RULE_NONE) << 2 |
	       (unsigned)(h->urgent_count != ENT_INTENT_RULE_NONE) << 3 | (unsigned)!!h->has_danger_word << 4 |
	       (unsigned)!!h->has_farewell << 5 | (unsigned)!!h->has_vulnerable << 6 |
	       (unsigned)!!(h->suicide_intent | h->suicide_third) << 7;
}

/* The friendly wrapper of a post (desk/intent_phatic.h) says nothing about danger, but the text
 * model only saw its words in calm posts: the decision is taken on the core without it, in both
 * directions (a wrapper neither hides a crisis nor makes one) when it opens the post. One exception keeps a crisis:
 * when the whole text is urgent and the wrapper held a cue of danger the core lacks ("merci pour
 * tout" is also a farewell), the whole text decides. */
ENT_EXPORT enum ent_err ent_intent_classify(const char *text, size_t len, const char *lang_hint,
                                            struct ent_intent_result *out)
{
	struct intent_rule_hits whole, core;
	struct ent_intent_result in;
	size_t off, n = len;

	if (!out || (!text && len))
		return ENT_EINVAL;
	enum ent_err err = classify_text(text, len, lang_hint, out, &whole);
	if (err || !text)
		return err;
	/* The wide core first (a short clause after the greeting or the sign-off goes too), the
	 * narrow one (only words of the lists) when the wide one lost a cue of danger. */
	for (int wide = 1; wide >= 0; wide--) {
		n = intent_phatic_core(text, len, wide, &off);
		if (n == len)
			return ENT_OK;
		if (classify_text(text + off, n, lang_hint, &in, &core))
			return ENT_OK; /* the whole text's decision stands */
		if (!wide || !(danger_cues(&whole) & ~danger_cues(&core)))
			break;
	}
	/* Only the urgent decision is the core's: when both agree on it, the whole text's intent and
	 * confidence stand (thanks make a post praise; the queue's order is the whole text's). */
	if ((out->intent == ENT_INTENT_URGENT) == (in.intent == ENT_INTENT_URGENT))
		return ENT_OK;
	if (out->intent == ENT_INTENT_URGENT && in.intent != ENT_INTENT_URGENT &&
	    (danger_cues(&whole) & ~danger_cues(&core)))
		return ENT_OK;
	/* A short closing alone (no greeting before the core) carries calm a post needs: "Thank
	 * you!" after a recovery, "courage a tous" after an old stroke; it may only take urgent
	 * away. A long one ("thank you all for your support, look after yourselves") is a wrapper. */
	if (off == 0 && in.intent == ENT_INTENT_URGENT && out->intent != ENT_INTENT_URGENT &&
	    count_words(text + off + n, len - off - n) < LONG_CLOSING)
		return ENT_OK;
	*out = in;
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
