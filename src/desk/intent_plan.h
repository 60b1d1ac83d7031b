/*
 * intent_plan.h - patterns of the writer's own plan told without naming it: asking to be talked out
 * of it, looking for a high place, the boxes counted at hand (issue 12, twenty-fourth session). Kept
 * apart from the pattern tables, which are at the layout's limit; only intent_patterns.c includes
 * it, inside its table.
 *
 * Written after tuning set 24's three crises that no rule or signal saw ("i want someone to talk me
 * out of it", "driving round for 2 hours looking for somewhere high.", "how many of my propranolol
 * would be too many. ive got 2 boxes here"), each as its class; set 24 no longer judges them. Not
 * taken: "talked me out of it" (told after), "looking for somewhere high to watch the fireworks"
 * (the sentence goes on), boxes counted without "here" ("I've got 3 boxes for the month").
 */
#ifndef ENT_DESK_INTENT_PLAN_H
#define ENT_DESK_INTENT_PLAN_H

#define INTENT_PLAN_PATTERNS                                                                       \
	/* asking to be stopped: suicidal intent in its ambivalence */                               \
	{K_URGENT, R(SUICIDE), NEGIN, "talk ~0 me ~0 out ~0 of ~0 it"},                                \
	{K_URGENT, R(SUICIDE), NEGIN, "convince ~0 me ~0 not ~0 to"},                                  \
	{K_URGENT, R(SUICIDE), NEGIN, "m|me ~0 en ~0 dissuader|empecher"},                             \
	/* looking for a high place or one to jump from, the sentence ending there */                 \
	{K_URGENT, R(SUICIDE), END, "looking|searching ~0 for ~0 somewhere ~0 high"},                   \
	{K_URGENT, R(SUICIDE), 0, "looking|searching ~0 for ~0 a|somewhere ~0 place|spot|bridge ~0 to ~0 jump"}, \
	{K_URGENT, R(SUICIDE), 0, "cherche|cherchais ~0 un ~0 endroit|pont|coin ~0 pour ~0 sauter"},     \
	{K_URGENT, R(SUICIDE), END, "cherche|cherchais ~0 un ~0 endroit ~0 en ~0 hauteur"},             \
	/* the boxes counted at hand: a means, weighed by the score */                              \
	{K_FAREWELL, 0, 0, "got|have|ai ~0 2|3|4|5|6|two|three|four|deux|trois|quatre ~0 boxes|packs|boites|"      \
	                   "plaquettes ~0 here|ici"},

#endif
