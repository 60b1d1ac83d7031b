/* intent_urgent.c - the signals of the urgent score and the score itself (intent_urgent.h). */
#include "desk/intent_urgent.h"

#include <math.h>

const char *const intent_urgent_feature_names[IU__COUNT] = {
	[IU_LOGIT] = "model_logit", [IU_LOGIT_DANGER] = "model_logit_danger",     [IU_P_APPT] = "p_appointment",  [IU_P_DOC] = "p_document",
	[IU_P_CONSULT] = "p_consult",   [IU_P_COMPLAINT] = "p_complaint", [IU_P_PRAISE] = "p_praise",
	[IU_P_INFO] = "p_info",         [IU_P_OTHER] = "p_other",       [IU_SUICIDE] = "suicide",
	[IU_STRONG] = "strong",         [IU_WEAK] = "weak",             [IU_HYPO_RULE] = "hypo_rule",
	[IU_COUNT] = "count",           [IU_PRESENT] = "present",       [IU_PAST] = "past",
	[IU_HYPO] = "hypothetical",     [IU_RECOVERED] = "over",        [IU_ADMIN] = "paperwork",
	[IU_CHRONIC] = "chronic",       [IU_WORSE] = "worse",           [IU_WHICH] = "which_number",
	[IU_CONSULT] = "consult_cue",   [IU_VETO] = "other_purpose",    [IU_NEGATED] = "negated",
	[IU_DANGER_NOW] = "danger_now", [IU_DANGER_CALM] = "danger_calm", [IU_RULES] = "rules_say_urgent",
	[IU_WORD] = "danger_word",      [IU_WORD_NOW] = "danger_word_now", [IU_NO_CUE] = "no_cue",
	[IU_FRAME] = "frame",           [IU_FAREWELL] = "farewell",     [IU_FAREWELL_NOW] = "farewell_now",
	[IU_REASSURE] = "reassured",    [IU_JOKE] = "joke",           [IU_VULNERABLE] = "vulnerable",
	[IU_VULNERABLE_NOW] = "vulnerable_now", [IU_DENIED] = "denied", [IU_DANGER_PLAIN] = "danger_plain",
	[IU_CLAUSE_NOW] = "clause_now", [IU_CLAUSE_CALM] = "clause_calm",
};

void intent_urgent_features(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT],
                            float x[IU__COUNT])
{
	float p = prob[ENT_INTENT_URGENT];
	p = p < 1e-6f ? 1e-6f : p > 1 - 1e-6f ? 1 - 1e-6f : p;
	float lg = logf(p / (1 - p)) / 4;
	lg = lg < -3 ? -3 : lg > 3 ? 3 : lg;
	x[IU_P_APPT] = prob[ENT_INTENT_APPOINTMENT];
	x[IU_P_DOC] = prob[ENT_INTENT_DOCUMENT_REQUEST];
	x[IU_P_CONSULT] = prob[ENT_INTENT_CONSULTATION];
	x[IU_P_COMPLAINT] = prob[ENT_INTENT_COMPLAINT];
	x[IU_P_PRAISE] = prob[ENT_INTENT_PRAISE];
	x[IU_P_INFO] = prob[ENT_INTENT_INFO];
	x[IU_P_OTHER] = prob[ENT_INTENT_OTHER];
	x[IU_SUICIDE] = h->urgent == ENT_INTENT_RULE_SUICIDE;
	x[IU_STRONG] = h->urgent != ENT_INTENT_RULE_NONE && h->urgent != ENT_INTENT_RULE_SUICIDE;
	x[IU_WEAK] = h->urgent_weak != ENT_INTENT_RULE_NONE;
	x[IU_HYPO_RULE] = h->urgent_hypo != ENT_INTENT_RULE_NONE;
	x[IU_COUNT] = h->urgent_count != ENT_INTENT_RULE_NONE;
	x[IU_PRESENT] = h->has_present != 0;
	x[IU_PAST] = h->has_past != 0;
	x[IU_HYPO] = h->has_hypo != 0;
	x[IU_RECOVERED] = h->has_recovered != 0;
	x[IU_ADMIN] = h->has_admin != 0;
	x[IU_CHRONIC] = h->has_chronic != 0;
	x[IU_WORSE] = h->has_worse != 0;
	x[IU_WHICH] = h->has_which != 0;
	x[IU_CONSULT] = h->consult_cue != 0;
	x[IU_VETO] = h->consult_veto != 0;
	x[IU_NEGATED] = h->has_negated != 0;
	int danger = intent_urgent_rule(h) != ENT_INTENT_RULE_NONE;
	int cue = danger || h->has_farewell || h->has_vulnerable;
	x[IU_LOGIT] = cue ? 0 : lg;
	x[IU_LOGIT_DANGER] = cue ? lg : 0;
	int calm = h->has_past || h->has_hypo || h->has_recovered || h->has_admin || h->has_chronic;
	x[IU_DANGER_NOW] = danger && h->has_present;
	x[IU_DANGER_CALM] = danger && calm && !h->has_present;
	x[IU_RULES] = intent_rules_urgent(h) != ENT_INTENT_RULE_NONE;
	x[IU_WORD] = !danger && h->has_danger_word;
	x[IU_WORD_NOW] = !danger && h->has_danger_word && h->has_present;
	x[IU_NO_CUE] = !danger && !h->has_danger_word;
	x[IU_FRAME] = h->has_frame != 0;
	x[IU_FAREWELL] = h->has_farewell != 0;
	x[IU_FAREWELL_NOW] = h->has_farewell && h->has_present;
	x[IU_REASSURE] = h->has_reassure != 0;
	x[IU_JOKE] = h->has_joke != 0;
	x[IU_VULNERABLE] = h->has_vulnerable != 0;
	x[IU_VULNERABLE_NOW] = h->has_vulnerable && h->has_present;
	x[IU_DENIED] = h->has_denied != 0;
	x[IU_DANGER_PLAIN] = danger && !calm && !h->has_which && !h->has_frame && !h->has_reassure && !h->has_joke &&
	                     !h->has_denied && !h->has_negated;
	x[IU_CLAUSE_NOW] = h->clause_now != 0;
	x[IU_CLAUSE_CALM] = h->clause_cue && !h->clause_now && !h->clause_plain;
}

int intent_urgent_has_cue(const struct intent_rule_hits *h)
{
	return intent_urgent_rule(h) != ENT_INTENT_RULE_NONE || h->has_danger_word || h->has_farewell ||
	       h->has_vulnerable;
}

int intent_urgent_decide(const struct intent_rule_hits *h, const float prob[ENT_INTENT__COUNT], float score,
                         float threshold)
{
	return score >= threshold && (intent_urgent_has_cue(h) || prob[ENT_INTENT_URGENT] >= INTENT_URGENT_NO_CUE_FLOOR);
}

int intent_urgent_forced(const struct intent_rule_hits *h)
{
	enum ent_intent_rule rule = intent_rules_urgent(h);
	int calm = h->has_past || h->has_hypo || h->has_recovered || h->has_admin || h->has_chronic ||
	           h->has_frame || h->has_reassure || h->has_joke || h->has_denied;
	/* A member alarmed about another, an overdose or no answer beside help called (desk/intent_peer.h):
	 * as someone else's suicidal danger below. */
	if (h->peer_alarm && rule != ENT_INTENT_RULE_NONE && rule == h->urgent && rule != ENT_INTENT_RULE_SUICIDE)
		return !calm || h->clause_plain;
	if (rule != ENT_INTENT_RULE_SUICIDE)
		return 0;
	/* The writer's own words: a cue of the present elsewhere in the message does not force them
	 * ("Three years ago I tried to end my life. I'm in a good place now."): one in the sentence of
	 * a cue does, and so does a cue in a sentence with nothing calm or present around it
	 * (fourteenth session). Nor does a peer's reply, thanks, a trade or a complaint in their
	 * sentence: only time, a hypothetical, "it's over", a joke or reassurance there leave them to
	 * the score ("Merci à toi, j'ai envie d'en finir.", "As a nurse I know what to take, I want to
	 * die."; fifteenth session). */
	if (h->suicide_intent)
		return !calm || h->clause_now || h->clause_plain || h->own_plain;
	/* Someone else's, told by the writer ("ma fille dit qu'elle va se suicider"): forced when
	 * nothing calm frames the message or their sentence is plain; a patient's goodbye letter told
	 * by a nurse, a heroine's in a book, are left to the score even beside a word of the present
	 * (fifteenth session). Words quoted with no subject or said to the reader never force: "'je
	 * vais me tuer', il a répété toute la nuit", "feeling like you want to disappear is scary" -
	 * the score weighs them with the rest. */
	if (h->suicide_third)
		return !calm || h->clause_plain;
	return 0;
}

enum ent_intent_rule intent_urgent_rule(const struct intent_rule_hits *h)
{
	if (h->urgent != ENT_INTENT_RULE_NONE)
		return h->urgent;
	if (h->urgent_count != ENT_INTENT_RULE_NONE)
		return h->urgent_count;
	if (h->urgent_weak != ENT_INTENT_RULE_NONE)
		return h->urgent_weak;
	return h->urgent_hypo;
}

float intent_urgent_score(const float w[IU__COUNT], float bias, const float x[IU__COUNT], float text)
{
	float s = bias + text;
	for (int i = 0; i < IU__COUNT; i++)
		s += w[i] * x[i];
	return 1.0f / (1.0f + expf(-s));
}
