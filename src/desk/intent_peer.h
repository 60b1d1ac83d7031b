/*
 * intent_peer.h - patterns of a member alarmed about another, right now (issue 12, twenty-fourth
 * session): "@Marco t'es encore là? réponds moi stp. juste un emoji", "where are you? please
 * reply". Kept apart from the pattern tables, which are at the layout's limit; only
 * intent_patterns.c includes it, inside its table.
 *
 * The words are addressed to the one in danger ("tu", "you"), so the speaker rule read them as
 * reported and never forced them, and they name no danger: the first stage scored them 0.0003 to
 * 0.40 (tuning sets 21 and 23, R12b's probes). What marks the class is its shape, not a topic: a
 * check that the other is still there, alive or where, as a question, and a plea to answer in the
 * few tokens around it. Each is PEER: someone else's danger told by the writer (forced as such
 * when nothing calm frames the message or the sentence is plain, intent_urgent_forced). Not
 * taken: a check alone ("t'es encore là ? on t'a pas vu depuis des semaines", "where are you??
 * the meeting started"), a question that goes on ("réponds stp t'es où dans le classement du
 * quiz ?", "you still there for the game tonight?"), "dis moi" or "text me" (everyday pleas).
 */
#ifndef ENT_DESK_INTENT_PEER_H
#define ENT_DESK_INTENT_PEER_H

/* A plea to answer, in a word: "réponds", "je t'en supplie", "juste un emoji", "answer me",
 * "please reply", "say something". */
#define PEER_PLEA "reponds|reponde|repondre|repondez|repond|supplie|emoji|answer|reply|respond|begging"

/* What the other did, asked: "did you take them", "what did u swallow", "t'as pris quoi". */
#define PEER_ACT "did|what|many|much ~2 you|u ~0 take|took|taken|swallow|swallowed|cut|do"
#define PEER_ACT_FR "t|tu|as ~1 pris|avale|avales|fait ~1 quoi|combien|les|ca|tes|tous|toutes"

#define INTENT_PEER_PATTERNS                                                                       \
	/* still there or alive, then the plea: "t'es encore là? réponds moi stp", "es-tu encore en \
	 * vie ? ... réponds" */                                                                    \
	{K_URGENT, R(SUICIDE), PEER, "encore|toujours ~0 la|vivant|vivante ~0 ? ~10 " PEER_PLEA},         \
	{K_URGENT, R(SUICIDE), PEER, "encore|toujours ~0 en ~0 vie ~0 ? ~10 " PEER_PLEA},              \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 there|alive|breathing|awake|here ~0 ? ~10 " PEER_PLEA},    \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 with ~0 us ~0 ? ~10 " PEER_PLEA},                      \
	{K_URGENT, R(SUICIDE), PEER, "are|r ~0 you|u ~0 alive|safe ~0 ? ~10 " PEER_PLEA},             \
	/* where, ending its question, then the plea: "t'es où? réponds je t'en supplie", "where are \
	 * you? please reply" */                                                                    \
	{K_URGENT, R(SUICIDE), PEER, "t|tu ~1 ou ~0 ? ~10 " PEER_PLEA},                               \
	{K_URGENT, R(SUICIDE), PEER, "where ~0 are|r ~0 you|u ~2 ? ~10 " PEER_PLEA},                 \
	/* still there, then what was taken or done: "are you still there? did you take them?", \
	 * "are you still with us? What did you take?" */                                           \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 there|alive|breathing ~0 ? ~10 " PEER_ACT},               \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 with ~0 us ~0 ? ~10 " PEER_ACT},                       \
	{K_URGENT, R(SUICIDE), PEER, "encore|toujours ~0 la|vivant|vivante ~0 ? ~10 " PEER_ACT_FR},     \
	/* how many were taken, then help called or a plea: "how many did u take, im calling 911 if u \
	 * dont reply"; not "how many did you take in the end? the photos" */                       \
	{K_URGENT, R(SUICIDE), PEER, "many|much ~0 did|have ~0 you|u ~0 take|taken|took|swallow* ~12 911|999|112|" \
	                             "ambulance|" PEER_PLEA},                                         \
	{K_URGENT, R(SUICIDE), PEER, "combien ~3 pris|avale|avales ~12 secours|samu|15|112|pompiers|" PEER_PLEA}, \
	/* the plea first: "réponds moi, t'es encore là ?", "answer me please, are you still there?" */ \
	{K_URGENT, R(SUICIDE), PEER, PEER_PLEA " ~6 encore|toujours ~0 la|vivant|vivante ~0 ?"},        \
	{K_URGENT, R(SUICIDE), PEER, PEER_PLEA " ~6 still ~0 there|alive|breathing ~0 ?"},        \
	/* a whole insulin pen or a whole stock put in ("he'd put his whole pen in", "il a mis tout son \
	 * stock"): the bottle or the box of the overdose patterns, for what has no tablets */        \
	{K_URGENT, R(OVERDOSE), NEG, "whole|entire|entier|entiere ~1 pen|stylo|stock|supply|stash"},     \
	{K_URGENT, R(OVERDOSE), NEG, "tout|toute ~0 son|sa|mon|ma|ton|ta ~0 stock|stylo|insuline"},      \
	/* the means at hand and not going back, told of someone ("he's in the hospital car park with all \
	 * his meds and isn't going home"): whose words as for every pattern of intent */           \
	{K_URGENT, R(SUICIDE), 0, "with|avec ~0 all|tous|toutes ~1 his|her|their|my|ses|mes ~0 " MEDS " ~8 not|isn|" \
	                          "isnt|won|wont|never|pas|plus|jamais ~2 going|coming|go|come|rentrer|rentrera|" \
	                          "rentre|revenir|reviendra ~1 home|back|maison|chez"},                 \

#endif
