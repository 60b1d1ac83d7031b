/*
 * intent_peer_rule.h - what a member alarmed about another is, once the message is read (issue 12,
 * twenty-fourth session; the patterns are desk/intent_peer.h, the matcher intent_rules.c, kept at
 * the layout's limit).
 *
 * The shape (a check that the other is still there, alive or where, and a plea to answer) counts
 * only beside a cue of worry or danger in the message, with no errand of everyday life nor
 * laughing marker (the caller checks those): R12's probes (session 24) found the shape alone in 88
 * everyday messages made urgent and tagged suicide (a match starting, a late friend, a clinic). The
 * cues decide: a goodbye, what the other wrote last or a cue of suicide found by the other
 * patterns make it someone else's suicidal danger; what was taken, an overdose; help called or a
 * desperate plea, no answer (unconscious: the generic card, not 3114 / 988); fear alone, no rule
 * (the caller marks a vulnerable person, which only the score weighs).
 */
#ifndef ENT_DESK_INTENT_PEER_RULE_H
#define ENT_DESK_INTENT_PEER_RULE_H

#include "entraide/intent.h"

/* cues: a bit per rule of the cues found (bit 0 for a cue with none); suicide: words of suicidal
 * intent found by the other patterns; danger: a cue of suicide or overdose other than a wish. */
static inline enum ent_intent_rule intent_peer_rule(unsigned cues, int suicide, int danger)
{
	static const enum ent_intent_rule order[] = {ENT_INTENT_RULE_SUICIDE, ENT_INTENT_RULE_OVERDOSE,
	                                             ENT_INTENT_RULE_UNCONSCIOUS};
	if (suicide)
		return ENT_INTENT_RULE_SUICIDE;
	if (danger)
		return ENT_INTENT_RULE_OVERDOSE;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if ((cues >> order[i]) & 1)
			return order[i];
	return ENT_INTENT_RULE_NONE;
}

#endif
