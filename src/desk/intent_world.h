/*
 * intent_world.h - patterns of a farewell to the world, a plan for tonight on an anniversary of a
 * death, and a newborn's reading told before "chez mon petit de 3 sem" (issue 12, twenty-second
 * session, I12d). Kept apart from the pattern tables,
 * which are at the layout's limit; only intent_patterns.c includes it, inside its table.
 * Each was missed by main on R12's probes; each is narrow on purpose (its
 * comment says what it must not take) and probed with
 * tests/intent/probes/ and the helper's own probes.
 */
#ifndef ENT_DESK_INTENT_WORLD_H
#define ENT_DESK_INTENT_WORLD_H

/* A death or its anniversary told before tonight's plan. Not "parti": "il est parti en
 * déplacement, ce soir je le rejoins" is no loss. */
#define LOSS_WORDS "lost|died|passed|death|deces|decede|decedee|mort|morte|perdu|perdue|anniversary|anniversaire"

#define INTENT_WORLD_PATTERNS                                                                      \
	/* leaving the world, the writer's own words ending their sentence: "Je quitte le groupe et ce \
	 * monde." Right after the verb or after "et": not "je quitte Facebook et tout ce monde" (all \
	 * these people), not "je quitte ce monde de requins" (END), not "ma grand-mère a quitté ce \
	 * monde" (no "je" before the verb) */                                                     \
	{K_URGENT, R(SUICIDE), NEGIN | END, "je|j ~1 quitte|quitterai|quitter ~0 ce ~0 monde"},             \
	{K_URGENT, R(SUICIDE), NEGIN | END, "je|j ~1 quitte|quitterai|quitter ~3 et ~0 ce ~0 monde"},      \
	/* "pour toujours" after a goodbye to everyone, ending its sentence: a goodbye to the group      \
	 * (BYE: forced alone or beside a cue of suicide, never beside an everyday departure); not \
	 * "au revoir à tous, pour toujours reconnaissante", "je t'aimerai pour toujours" */        \
	{K_URGENT, R(SUICIDE), BYE | END, "au ~0 revoir ~0 a ~0 tous|toutes|vous ~1 pour ~0 toujours"},  \
	{K_URGENT, R(SUICIDE), BYE | END, "adieu|bye ~0 a ~0 tous|toutes|vous ~1 pour ~0 toujours"},     \
	/* disconnecting forever, the sentence ending there: not "je me déconnecte pour toujours de \
	 * Twitter", nor "pour de bon" (a break from the forum) */                               \
	{K_URGENT, R(SUICIDE), NEGIN | END, "je|j ~0 me|m ~0 deconnecte|deconnecterai ~0 pour ~0 toujours"}, \
	{K_URGENT, R(SUICIDE), NEGIN | END, "je|j ~0 me|m ~0 deconnecte|deconnecterai ~0 pour ~0 toujours ~0 " \
	                                    "ce|cette ~0 soir|nuit"},                                \
	/* the end of everything else after an everyday ending: "Fin de mon CDD ce soir et fin de tout \
	 * le reste aussi." Not "fin de tout le reste du dossier" (the sentence ends there, "aussi" \
	 * aside) */                                                                                \
	{K_URGENT, R(SUICIDE), END, "et ~0 fin ~0 de ~0 tout ~0 le ~0 reste ~0 aussi"},              \
	{K_URGENT, R(SUICIDE), END, "et ~0 fin ~0 de ~0 tout ~0 le ~0 reste"},                        \
	{K_URGENT, R(SUICIDE), END, "et ~0 fin ~0 de ~0 tout ~0 le ~0 reste ~0 ce|cette ~0 soir|nuit"},  \
	/* joining the dead tonight, a loss told before: "lost my son 3 years ago today and tonight i \
	 * ll join him", "ce soir je prends tous mes médicaments pour la rejoindre". A loss is needed \
	 * ("mon mari est à Nice, ce soir je le rejoins" is a trip) and the joining ends its sentence \
	 * ("tonight I'll join him for dinner") */                                                  \
	{K_URGENT, R(SUICIDE), END, LOSS_WORDS " ~16 tonight ~4 join ~0 him|her|them"},                     \
	{K_URGENT, R(SUICIDE), END, LOSS_WORDS " ~16 soir|nuit|tonight ~8 le|la|les ~0 rejoindre|rejoins|"   \
	                            "rejoindrai"},                                                  \
	/* "j'en finis" tonight after a death told "jour pour jour" or a loss: "1 an jour pour jour que \
	 * maman est partie. Ce soir j'en finis." Ending its sentence: not "ce soir j'en finis avec les \
	 * cartons"; a loss before it: not "3 semaines de déménagement, ce soir j'en finis." */       \
	{K_URGENT, R(SUICIDE), END, "jour ~0 pour ~0 jour ~12 soir|nuit ~1 j|je ~0 en ~0 finis|finirai"}, \
	{K_URGENT, R(SUICIDE), END, LOSS_WORDS " ~16 soir|nuit ~1 j|je ~0 en ~0 finis|finirai"},       \
	/* a newborn's reading before "chez" the baby and its age in days or weeks: "38,2 chez mon \
	 * petit de 3 sem, je fais quoi" is a question of advice that HYPO would cancel, but told as a \
	 * fact it is a newborn's fever now. Not "de 3 ans", not 36,4 (READING: 38 and over) */       \
	{K_URGENT, R(CHILD), NEG, READING " ~0 chez ~0 mon|ma|notre ~0 petit|petite|bebe|bb|fils|fille|nourrisson|" \
	                          "loulou|louloute ~1 de|d ~0 " BABY_AGE},

#endif
