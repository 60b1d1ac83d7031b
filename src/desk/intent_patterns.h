/*
 * intent_patterns.h - the pattern tables of the intent classifier's rules (intent_patterns.c),
 * private to src/desk/: what each pattern says and how its match counts; the matcher is
 * intent_rules.c.
 */
#ifndef ENT_INTENT_PATTERNS_H
#define ENT_INTENT_PATTERNS_H

#include <stddef.h>

#include "entraide/intent.h"

enum kind {
	K_URGENT,
	K_PAST,      /* or any calm context: administrative, thanks, a film, a job */
	K_HYPO,      /* a hypothetical: "que faire si", "what if", "how to recognise" */
	K_RECOVERED, /* the author says it is over: "je vais mieux", "I survived" */
	K_ADMIN,     /* paperwork about it: a bill, a copy, a certificate (also a past context) */
	K_CHRONIC,   /* long-standing: "depuis des mois", "for a few weeks now", "sometimes" */
	K_WORSE,     /* but worse now: "d'un coup", "suddenly", "insupportable", "getting worse" */
	K_WHICH,     /* asks which number to call: a question, for the model only (see intent.c) */
	K_PRESENT,
	K_CONSULT,
	K_VETO,
	K_DANGER_WORD, /* a word of danger on its own ("sang", "chest", "tuer"): a weak, broad cue */
	K_FRAME,       /* not a person in danger: fiction, media, research, teaching, a job (also past) */
	K_FAREWELL,    /* finality, leaving, putting affairs in order: indirect suicidal intent */
	K_REASSURE,    /* the author says it is not urgent or that all is well now (also over) */
	K_JOKE,        /* a joke or a figure of speech: "lol", "mdr", a laughing face */
	K_VULNERABLE,  /* a vulnerable person missing, out in the cold, a fever under chemotherapy */
	K_DENIED,      /* the danger is denied: "no bleeding", "not thinking of hurting myself" */
	K_DEPART,      /* an everyday departure: leaving a group, a region, a country, moving house,
	                * retiring ("je quitte la région le mois prochain", "I'm moving abroad"): a
	                * farewell in its sentence is not one unless the sentence also says now */
	K_ORDER        /* affairs put in order: closing one's account, one's file sent to a relative, "j'ai
	                * tout rangé", letters, "sorry for everything", "forever": an everyday departure
	                * takes back no farewell in a message that has one (R12's probes, session 21) */
};

#define NEG 1
#define WEAK 2
#define HYPO 4 /* cancelled by a hypothetical or a question of advice, unless it is happening now */
#define TOPIC 8 /* names the subject (suicide, self-harm, dark thoughts), not one's intent: an urgent
                 * signal the score weighs, never urgent whatever the score (intent_urgent_forced) */
#define PLEA 16 /* a cue of the present that only presses ("urgent", "vite", "help", "immediately"):
                 * paperwork says it too ("c'est urgent : mon ordonnance expire demain"), so it
                 * counts for the message but never marks its sentence as happening now */
#define TIME 32 /* a context of time ("il y a deux ans", "last year"), not of the writer's frame
                 * (thanks, a complaint, a copy, a job): only time, a hypothetical, "it's over", a
                 * joke or reassurance in its sentence keep the writer's own wish to die from being
                 * urgent whatever the score (intent_rules.c, own_plain) */
#define THANKS 64 /* "it's over" said by thanking someone ("merci au SAMU", "thank you for
                   * everything"): over for what happened, never for the writer's own wish to die in
                   * its sentence ("Thank you for everything, I want to die.") */

#define END 128 /* the match ends its sentence (the next token, if any, is in the next sentence or is
                 * a closing "!"): "I'm doing it tonight." but not "we're doing it tonight, the party" */
#define LATE 256 /* the cue is the match's last slot: its sentence and its speaker are those of the
                  * match's end ("il y a 2 ans j'ai fait une TS, ce soir je recommence": the attempt
                  * is the past, the "recommence" is now) */
#define NOUN 512 /* with LATE: the bare noun "attempt" / "tentative" (no "de suicide") counts only
                  * opening its sentence or after "my", "failed", "first", "last", "ma", "première",
                  * then (past "failed" / "ratée") a time right away: "Failed attempt in the summer.",
                  * "Tentative ratée en août." but not "My thesis attempt got rejected" nor "Tentative
                  * ratée pour le permis" (intent_rules.c, attempt_noun_dated) */
#define BARE 1024 /* a bare cue of the present ("maintenant", "now") that a word of being well in its
                   * sentence takes back: "tout va bien maintenant", "I'm fine now" say it is over */
#define FINIR 2048 /* "en finir" is no wish to die before "avec" and a thing of everyday life: "je veux
                    * en finir avec ce dossier", "en finir avec la clope" (intent_rules.c,
                    * finir_calm_object) */
#define NEGIN 8192 /* cancelled by a negation just before the match or inside it: "je ne compte pas en
                     * finir", "je compte pas en finir", "tout mon traitement et je ne bois jamais
                     * d'alcool" (not three tokens back: "j'en peux plus, je compte en finir") */
#define WELL 4096 /* the writer or the person is well now ("tout va bien", "doing fine", "on sait gérer"):
                   * takes back a BARE "now" in its sentence (not "home": "a home care nurse... right now") */
#define BYE 16384 /* a goodbye to the group ("it was nice knowing you all", "see you never", "signing
                    * off for good"): the writer's own wish to die only beside a cue of suicide or
                    * overdose and no everyday departure (K_DEPART); alone, nothing (intent_rules.c,
                    * twenty-second session, narrowed after R12's probes) */
#define LAUGH 32768 /* a laughing marker ("lol", "mdr", "(not me)"): calm, unless a REVEAL in the
                     * message says the joke is none and the marker's sentence holds a cue of
                     * suicide or overdose other than a wish (twenty-second session) */
#define REVEAL 65536 /* the joke taken back: "(it's me.)", "c'est moi.", "not joking", "je rigole pas":
                      * the message's LAUGH markers calm nothing (a figure of speech, "dying of
                      * boredom", stays calm: only the laughing marker is revealed) */
#define PEER 131072 /* a member alarmed about another (desk/intent_peer.h), the shape: a check and a
                     * plea, nothing alone; someone else's danger only beside a PEERCUE */
#define PEERCUE 262144 /* a cue of worry or danger that a PEER shape needs (its rule: what it says) */
#define PEERVETO 524288 /* an errand of everyday life that takes a PEER shape back (a match, a bus) */

struct pattern_src {
	enum kind kind;
	enum ent_intent_rule rule;
	int flags;
	const char *text;
};

/* At most this many patterns (the matcher's arrays are sized by it; checked at build time). */
#define INTENT_PATTERNS_MAX 1024

extern const struct pattern_src intent_patterns[];
extern const size_t intent_patterns_n;
/* The medicines of the count rule ("j'ai pris 20 doliprane"), as one slot. */
extern const char intent_patterns_drugs[];

#endif
