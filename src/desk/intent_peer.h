/*
 * intent_peer.h - patterns of a member alarmed about another, right now (issue 12, twenty-fourth
 * session): "@Marco t'es encore là? réponds moi stp. juste un emoji. n'importe quoi", "where are
 * you? please reply, your last post scared me". Kept apart from the pattern tables, which are at
 * the layout's limit; only intent_patterns.c includes it, inside its table.
 *
 * The words are addressed to the one in danger ("tu", "you"), so the speaker rule reads them as
 * reported and never forces them. The shape (PEER: a check that the other is still there, alive
 * or where, as a question, and a plea to answer around it) is no evidence on its own: R12's
 * probes (session 24) found it in 88 everyday messages made urgent and tagged suicide by its
 * first version (a match starting, a late friend, a muted microphone, an appointment, "what did
 * you take" about photos). So the matcher (intent_rules.c, peer_alarm) keeps a shape only beside
 * a cue of worry or danger in the message (PEERCUE, or a farewell, a means or act, suicidal words)
 * and no errand of everyday life (PEERVETO) nor laughing marker; the cue's rule says what it is:
 * SUICIDE (what the other wrote, a goodbye: forced as someone else's danger), OVERDOSE (what was
 * taken), none (fear, worry, help called, a desperate plea: a vulnerable person, which only the
 * score weighs, with no rule, no queue tier of its own and no suicide card).
 */
#ifndef ENT_DESK_INTENT_PEER_H
#define ENT_DESK_INTENT_PEER_H

/* A plea to answer, in a word: "réponds", "je t'en supplie", "answer me", "please reply",
 * "décroche", "pick up", "écris-moi", "text me", "donne des nouvelles", "say something". */
#define PEER_PLEA "reponds|reponde|repondre|repondez|repond|repon|supplie|decroche|ecris|appelle|rappelle|" \
                  "nouvelles|answer|reply|respond|begging|pick|text|txt|msg|message|call"
/* The check: still there, alive, conscious. */
#define PEER_STILL "encore|toujours|encor ~0 la|vivant|vivante|conscient|consciente"
#define PEER_STILL_EN "still|stil ~0 there|ther|alive|breathing|awake|here|conscious"

#define INTENT_PEER_PATTERNS                                                                       \
	/* the shape: a check as a question and a plea within a few tokens, either order */        \
	{K_URGENT, R(SUICIDE), PEER, PEER_STILL " ~0 ? ~10 " PEER_PLEA},                               \
	{K_URGENT, R(SUICIDE), PEER, "encore|toujours ~0 en ~0 vie ~0 ? ~10 " PEER_PLEA},              \
	{K_URGENT, R(SUICIDE), PEER, PEER_STILL_EN " ~0 ? ~10 " PEER_PLEA},                            \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 with ~0 us ~0 ? ~10 " PEER_PLEA},                       \
	{K_URGENT, R(SUICIDE), PEER, "are|r|ru ~0 you|u ~0 safe|there|ok|okay ~0 ? ~10 " PEER_PLEA},  \
	{K_URGENT, R(SUICIDE), PEER, "u ~0 there|ther ~0 ? ~10 " PEER_PLEA},                          \
	{K_URGENT, R(SUICIDE), PEER, "t|tu|es ~1 ou|la ~0 ? ~10 " PEER_PLEA},                          \
	{K_URGENT, R(SUICIDE), PEER, "ou ~0 es|t ~0 tu|es ~0 ? ~10 " PEER_PLEA},                       \
	{K_URGENT, R(SUICIDE), PEER, "where ~0 are|r ~0 you|u ~2 ? ~10 " PEER_PLEA},                   \
	{K_URGENT, R(SUICIDE), PEER, "where ~0 u ~0 at ~0 ? ~10 " PEER_PLEA},                          \
	{K_URGENT, R(SUICIDE), PEER, "wya ~0 ? ~10 " PEER_PLEA},                                       \
	{K_URGENT, R(SUICIDE), PEER, PEER_PLEA " ~6 " PEER_STILL " ~0 ?"},                             \
	{K_URGENT, R(SUICIDE), PEER, PEER_PLEA " ~6 " PEER_STILL_EN " ~0 ?"},                          \
	{K_URGENT, R(SUICIDE), PEER, "signe ~0 de ~0 vie"},                                            \
	{K_URGENT, R(SUICIDE), PEER, "sign ~0 of ~0 life"},                                            \
	/* ... or asked whether alive, or what was taken after the check */                         \
	{K_URGENT, R(SUICIDE), PEER, "t|tu|es ~1 vivant|vivante|vivants ~0 ?"},                        \
	{K_URGENT, R(SUICIDE), PEER, "encore|toujours ~0 en ~0 vie ~0 ?"},                             \
	{K_URGENT, R(SUICIDE), PEER, "you|u ~0 still ~0 alive ~0 ?"},                                  \
	{K_URGENT, R(SUICIDE), PEER, "are|r ~0 you|u ~0 alive ~0 ?"},                                  \
	{K_URGENT, R(SUICIDE), PEER, PEER_STILL " ~0 ? ~10 t|tu|combien ~1 as|pris|avale"},            \
	{K_URGENT, R(SUICIDE), PEER, PEER_STILL_EN " ~0 ? ~10 what|did|how ~1 did|you|u|many|much"},   \
	{K_URGENT, R(SUICIDE), PEER, "still ~0 with ~0 us ~0 ? ~10 what|did|how ~1 did|you|u|many|much"}, \
	{K_URGENT, R(SUICIDE), PEER, "many|much ~0 did|have ~0 you|u ~0 take|taken|took|swallow* ~12 " PEER_PLEA}, \
	/* cues of suicide beside it: a goodbye, a farewell sign (these even beside an errand) ... */ \
	{K_URGENT, R(SUICIDE), PEERCUE, "adieu|adieux|goodbye|farewell"},                              \
	{K_URGENT, R(SUICIDE), PEERCUE, "merci ~0 pour ~0 tout"},                                      \
	{K_URGENT, R(SUICIDE), PEERCUE, "thanks|thank ~0 you ~0 for ~0 everything"},                   \
	{K_URGENT, R(SUICIDE), PEERCUE, "supprime|supprimer|deleted|deleting ~3 tes|ses|your|his|her|all ~1 photos|posts|compte|account|messages"}, \
	/* ... what the other wrote last */                                                         \
	{K_URGENT, R(SUICIDE), PEERCUE | WEAK, "ton|ta|son|sa|your|his|her ~0 dernier|derniere|last ~0 post|message|msg|publication|statut|status"}, \
	{K_URGENT, R(SUICIDE), PEERCUE | WEAK, "ton|ta|your ~0 post|message|msg ~4 peur|inquiete|scared|scary|worried|worrying|frightening"}, \
	/* what was taken, asked: "did you take them?", "what did u swallow", "t'as avalé quoi" */     \
	{K_URGENT, R(OVERDOSE), PEERCUE, "did ~0 you|u ~0 take|swallow ~0 them|it|everything ~0 ?"},    \
	{K_URGENT, R(OVERDOSE), PEERCUE, "what ~0 did|have ~0 you|u ~0 take|taken|swallow|swallowed ~0 ?"}, \
	{K_URGENT, R(OVERDOSE), PEERCUE, "t|tu ~0 as ~0 pris|avale ~0 quoi|combien ~0 ?"},             \
	{K_URGENT, R(OVERDOSE), PEERCUE, "t|tu ~0 as ~0 avale ~0 quoi|combien|les|tout"},               \
	{K_URGENT, R(OVERDOSE), PEERCUE, "combien ~1 de ~0 cachets|comprimes|pilules|medicaments|medocs"}, \
	{K_URGENT, R(OVERDOSE), PEERCUE, "how ~0 many ~0 pills|tablets ~0 have|did"},                  \
	/* help called, a desperate plea: no answer, as unresponsive */                             \
	{K_URGENT, R(UNCONSCIOUS), PEERCUE, "samu|pompiers|secours|ambulance|911|999|112|police|gendarmes"}, \
	{K_URGENT, R(UNCONSCIOUS), PEERCUE, "n ~0 importe ~0 quoi"},                                   \
	{K_URGENT, R(UNCONSCIOUS), PEERCUE, "meme|juste ~0 un ~0 mot|point"},                         \
	{K_URGENT, R(UNCONSCIOUS), PEERCUE, "one|a ~0 word|dot"},                                     \
	{K_URGENT, R(UNCONSCIOUS), END | PEERCUE, "anything"},                                         \
	/* worry, what the other wrote or said: only the score weighs them */                       \
	{K_URGENT, 0, PEERCUE, "peur|inquiet|inquiete|inquietes|inquietude|panique|scared|worried|terrified|frightened|afraid"}, \
	{K_URGENT, 0, PEERCUE, "t|tu ~0 m ~0 as|a ~0 ecrit|dit ~0 que|adieu"},                         \
	{K_URGENT, 0, PEERCUE, "ce ~0 que ~0 t|tu ~0 as|a ~0 ecrit"},                                  \
	{K_URGENT, 0, PEERCUE, "what ~0 you|u ~0 wrote|said|posted"},                                  \
	{K_URGENT, 0, PEERCUE, "you|u ~0 said|wrote ~0 you|u|that"},                                   \
	/* errands of everyday life: the check and its plea are logistics */                        \
	{K_URGENT, 0, PEERVETO, "rdv|rendez|appointment|appt|rendezvous|match|game|games|partie|raid|jeu|quiz|" \
	                        "micro|mic|muted|zoom|visio|slides|ecran|screen|bus|train|gare|station|parking|" \
	                        "photo|photos|album|vote|sondage|poll|cours|course|class|resto|pub|cine|cinema|" \
	                        "movie|film|diner|dinner|gouter|pizza|potluck|reunion|meeting|wifi|recette|recipe|" \
	                        "mp|dm|thread|fil|covoit|lift|table|school|ecole|party|fete|soiree|livraison|delivery"}, \
	/* a whole insulin pen put in ("he'd put his whole pen in"): the act is said, not a stock kept, \
	 * a pen dropped or a supply for a trip (R12's probes, session 24) */                        \
	{K_URGENT, R(OVERDOSE), NEG, "put ~2 whole|entire ~1 pen|stock|supply|stash ~0 in|into"},       \
	/* the means at hand and not going back, told of someone ("he's in the hospital car park with all \
	 * his meds and isn't going home."), the sentence ending there: not "... till monday" */      \
	{K_URGENT, R(SUICIDE), END, "with|avec ~0 all|tous|toutes ~1 his|her|their|my|ses|mes ~0 " MEDS " ~8 not|isn|" \
	                            "isnt|won|wont|never|pas|plus|jamais ~2 going|coming|go|come|rentrer|rentrera|" \
	                            "rentre|revenir|reviendra ~1 home|back|maison"},                   \

#endif
