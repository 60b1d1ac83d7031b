/*
 * intent_rules.h - explicit rules of the intent classifier: safety first (rule R3), then the
 * cues of a request for individual medical advice (rule R2).
 *
 * Rules are token patterns over the normalised text (lower case, no accents), so "AVC", "avc"
 * and "A.V.C" read alike; see intent_rules.c for the pattern syntax and the tables. Urgent
 * patterns take care of a negation just before them ("pas de douleur thoracique", "no chest
 * pain") and, for the weaker ones, of a past or administrative context ("le compte rendu de
 * mon AVC de 2019") unless something says it is happening now. When in doubt, urgent wins.
 * Not responsible for: the model, the final label (intent.c combines both).
 */
#ifndef ENT_DESK_INTENT_RULES_H
#define ENT_DESK_INTENT_RULES_H

#include "desk/intent_feat.h"

/* What the rules found in a message, accumulated chunk by chunk. */
struct intent_rule_hits {
	enum ent_intent_rule urgent;      /* first urgent rule that fired for good, or NONE */
	enum ent_intent_rule urgent_weak; /* first weak urgent match (kept unless context says past) */
	enum ent_intent_rule urgent_hypo; /* first match that a hypothetical or a question cancels */
	enum ent_intent_rule urgent_count; /* a count of tablets taken ("pris 20 doliprane") */
	int has_past;                     /* a past or administrative context was seen */
	int has_hypo;                     /* a hypothetical: "que faire si", "what if", "how to spot" */
	int has_recovered;                /* the author says it is over: "je vais mieux", "survived" */
	int has_admin;                    /* paperwork about it: a bill, a copy, a certificate */
	int has_chronic;                  /* long-standing: "depuis des mois", "sometimes" */
	int has_worse;                    /* but worse now: "d'un coup", "suddenly", "unbearable" */
	int has_which;                    /* asks which number to call ("quel numéro appeler ?") */
	int has_present;                  /* something says it is happening now */
	int has_negated;                  /* a danger pattern was found negated ("no chest pain") */
	int has_danger_word;              /* a word of danger on its own ("sang", "chest", "tuer") */
	int has_frame;                    /* fiction, media, research, teaching, a job */
	int has_farewell;                 /* finality, leaving, affairs put in order */
	int has_reassure;                 /* "pas urgent", "not in danger", "tout va bien" */
	int has_joke;                     /* "lol", "mdr", a laughing face, "(not me)" */
	int has_vulnerable;               /* a vulnerable person missing, in the cold, fever on chemo */
	int suicide_intent;               /* a pattern of suicidal intent, not only its topic, fired
	                                     on the writer's own words (intent_rules.c, speaker_of) */
	int suicide_third;                /* ... on someone else's told by the writer ("elle veut se
	                                     suicider", "the heroine writes goodbye letters") */
	int suicide_reported;             /* ... inside a quotation or said to the reader ("'je vais
	                                     me tuer', il a répété", "you want to disappear") */
	int has_denied;                   /* a danger denied: "no bleeding", "not thinking of hurting myself" */
	int peer_alarm;                   /* a member alarmed about another, a cue beside the check
	                                     (intent_rules.c, peer_alarm): its rule is forced as the
	                                     suicidal danger of someone else is */
	/* The same contexts scoped to the sentence of a cue of danger (a pattern, a count of tablets,
	 * a word of danger, a farewell, a vulnerable person): */
	int clause_now;                   /* a cue and a cue of the present in one sentence */
	int clause_plain;                 /* a cue in a sentence with nothing of the present or calm */
	int clause_cue;                   /* a cue in some sentence */
	int own_plain;                    /* the writer's own wish to die in a sentence with nothing
	                                     of time, a hypothetical, "it's over", a joke or
	                                     reassurance (thanks, a peer's reply, a trade, a complaint
	                                     may stand beside it) */
	int consult_cue;                  /* a cue of a request for individual advice */
	int consult_veto;                 /* words of another desk purpose (waiting, billing...) */
};

/* Runs every rule over chunk t and records what fired in *h (zero *h before the first chunk). */
void intent_rules_scan(const struct intent_text *t, struct intent_rule_hits *h);

/* The urgent rule to apply after the last chunk, or ENT_INTENT_RULE_NONE. */
enum ent_intent_rule intent_rules_urgent(const struct intent_rule_hits *h);

#endif
