/*
 * priv_name.h - the parts of the person-name finder (inside src/privacy/text/ only): the
 * predicates over tokens that the rule table of priv_name.c reads. priv_name_ctx.c holds
 * those about the words around a word (the context), priv_name_shape.c those about the word
 * itself and how far a name runs. Every predicate only reads the scan, except
 * pn_join_inverted, pn_initials_name (they add spans) and pn_unshout (it changes the flags).
 */
#ifndef ENT_PRIV_NAME_H
#define ENT_PRIV_NAME_H

#include "privacy/text/priv_text.h"

/* Lexicon flags of a word that is never a name without a title. */
#define NOT_A_NAME (LX_MONTH | LX_DAY | LX_NOTNAME | LX_REGION | LX_TITLE | LX_KIN | LX_HOSP | \
		    LX_HOSP_EN | LX_GREET | LX_STREET | LX_MEDCTX)

/* --- the context (priv_name_ctx.c) --- */

/* English auxiliaries that are also given names ("will", "may"...): lowercase after "my son"
 * they are verbs. The AUX list of priv_words.txt, read as tk_lex2(c, i, LX2_AUX). */
/* "Guillain-Barré", "Charcot-Marie-Tooth", "Lennox-Gastaut": token i glued by hyphens to an
 * eponym, before or after it (a disease's other names, however ordinary or given a word they
 * are). */
static inline int pn_eponym_part(const struct pctx *c, size_t i)
{
	for (size_t k = i; k >= 2 && tk_ch(c, k - 1, '-') && tk_glued(c, k - 2) && tk_glued(c, k - 1); k -= 2)
		if (c->tk[k - 2].lex & LX_EPONYM)
			return 1;
	for (size_t k = i; tk_ch(c, k + 1, '-') && tk_glued(c, k) && tk_glued(c, k + 1) && k + 2 < c->n_tk; k += 2)
		if (c->tk[k + 2].lex & LX_EPONYM)
			return 1;
	return 0;
}
/* "Gilles de la Tourette": one or two particles after token i, then a capitalised eponym (a
 * disease named after a whole name: no person, no town). */
static inline int pn_eponym_particles(const struct pctx *c, size_t i)
{
	if (!tk_lex2(c, i + 1, LX2_PART))
		return 0;
	size_t m = tk_lex2(c, i + 2, LX2_PART) ? i + 3 : i + 2;
	return m < c->n_tk && (c->tk[m].lex & LX_EPONYM) && tk_is(c, m, TK_CAP);
}
/* "my", "ma", "notre"...: a possessive right before token i. */
int pn_possessive(const struct pctx *c, size_t i);
/* An eponym used as such: "maladie de Crohn", "Crohn's disease", "syndrome de Down". */
int pn_eponym_use(const struct pctx *c, size_t i);
/* A pet word right before ("mon chat Félix") or an animal emoji after ("Bazza 🐶"): no person. */
int pn_pet_before(const struct pctx *c, size_t i);
/* "ma nièce Prune", "my sister Hazel": a capitalised ordinary word right after a word that
 * names a relative (not a carer, not "son", which is French "his" too) is a name: nothing
 * else writes a capital there. */
int pn_relative_cap_word(const struct pctx *c, size_t i);
/* When the context says a name is expected: is token i one? */
int pn_name_like_ctx(const struct pctx *c, size_t i);
/* "Sun-hee", "Seo-yeon", "Min-jun": a romanised given name of two syllables, a capitalised
 * one of two to four letters glued by a hyphen to a lowercase one that the text's language
 * does not know as a word (a name list may hold it). */
int pn_syllable_pair(const struct pctx *c, size_t i);
/* "d'une petite Seo-yeon, née le", "a little Min-jun, born today": a romanised given name
 * (pn_syllable_pair) after 'petite' / 'petit' / 'little' without a possessive, closed by a
 * pause or told of a birth or an age (not "a little Co-amox left", "a little Kit-kat after
 * chemo"). */
int pn_little_pair(const struct pctx *c, size_t i);
/* "bubba", "missy", "fella", "loulou", "choupette": a common English or French nickname for
 * a child (a given-name list may hold it), not a name after "my little" (priv_name_word.c). */
int pn_nickname_word(const struct pctx *c, size_t i);
/* A farewell opening a sentence, as "RIP", its last word at token p, then the name at token i
 * (right after, or after a comma) closing it: "Rest easy Phoenix", "Fly high, Jordan.",
 * "Sleep tight Sunny", "Repose en paix Lucas" (priv_name_word.c). */
int pn_farewell_before(const struct pctx *c, size_t p, size_t i);
/* The apostrophe at token a and a glued 's' closing the word: an English possessive
 * ("Sun-hee's"), not "l'" nor "Jane's-" glued on. */
static inline int pn_possessive_s(const struct pctx *c, size_t a)
{
	return tk_apos(c, a) && tk_glued(c, a) && tk_eq(c, a + 1, "s") &&
	       !(tk_glued(c, a + 1) && (tk_is(c, a + 2, TK_WORD) || tk_ch(c, a + 2, '-')));
}
/* "my niece is called Addison", "elle s'appelle Charcot": a person's given name that is also
 * an eponym, right after a person (a relative or a pronoun) is said to be called so, and no
 * possessive nor medical word after it (not "a disease called Addison's"). */
int pn_eponym_named(const struct pctx *c, size_t i);
/* "doesn't", "Don't": the word before an apostrophe and a glued "t" (a verb). Inline: it is
 * asked of most words, and most are no contraction (the cheapest tests first). */
static inline int pn_contraction(const struct pctx *c, size_t i)
{
	return tk_glued(c, i) && tk_glued(c, i + 1) && tk_eq(c, i + 2, "t") && tk_apos(c, i + 1);
}
/* "jvoudrais", "jprends": SMS French "j'" glued to a verb. */
int pn_sms_j(const struct pctx *c, size_t i);
/* "je suis raymond petit 83 ans", "i'm bill, 62,": a name-list word after a self-introduction,
 * then an age. */
int pn_intro_age(const struct pctx *c, size_t i);
/* "ma ptite jade", "mon petit loulou": a possessive and a diminutive right before. */
int pn_diminutive_before(const struct pctx *c, size_t i);
/* After a title, almost any word is the name: "Dr House", "Dr Rose", "dr martin". */
int pn_name_like_title(const struct pctx *c, size_t i);
/* "N'Diaye", "O'Brien", "D'Souza": one capital letter glued by an apostrophe to a name. */
int pn_letter_apos_name(const struct pctx *c, size_t i);
/* Title just before token i ("Dr", "Dr.", "M.", "Mme", "Nurse")? */
int pn_title_before(const struct pctx *c, size_t i);
/* "tell aunty maria", "its auntie bisi": a lowercase name after a relative word used as a
 * title, when the name is a hunspell first name or no word of the text's language. */
int pn_kin_title_lower(const struct pctx *c, size_t i);
/* "nurse prudence": a lowercase carer's title, then a first name. */
int pn_carer_lower(const struct pctx *c, size_t i);
/* "Fi - just a heads up", "Ade, GMC 7340562 is": a given name opening the text, then a comma
 * or a dash: the person it is written to. */
int pn_vocative_start(const struct pctx *c, size_t i);
int pn_vocative_question(const struct pctx *c, size_t i);
int pn_lower_nick_age(const struct pctx *c, size_t i);
/* Relative or colleague just before ("ma fille Chloé", "my son, Jack", "mon mari (Rémi)"). */
int pn_kin_before(const struct pctx *c, size_t i);
/* "mon fils aime le foot", "ma fille adore les chats": a lowercase first name that is also a
 * word of the text's language, followed by an article or an adverb, is the verb. */
int pn_verb_like(const struct pctx *c, size_t i);
/* "my son hunter has ADHD", "ma fille ambre a 3 ans": a lowercase given name that is also an
 * ordinary word, right after a relative and right before a verb. */
int pn_kin_word_name(const struct pctx *c, size_t i);
/* "text Chantelle on 07700...", "can u tell ravi?", "remercie Aurélien": a verb that takes a
 * person, then a capitalised word no dictionary knows (or a given name), or a lowercase given
 * name that is no word of the text's language. */
int pn_person_verb_name(const struct pctx *c, size_t i);
/* Greeting at the start of a line or after another greeting: "Bonjour Julie", "Hi Jen". */
int pn_greeting_before(const struct pctx *c, size_t i);
/* "je m'appelle X", "my name is X", "moi c'est X", "I'm X", "signé X". */
int pn_intro_before(const struct pctx *c, size_t i);
/* What pn_intro_before tests first: a word before the name of length n, folded first byte b,
 * that it may compare there (see the pre-tests below): the first letters of its words by
 * length, bit b - 'a' of first[n]. */
static inline int pn_intro_before_word(unsigned n, unsigned b)
{
#define FB(l) (1u << ((l) - 'a'))
	static const uint32_t first[10] = {
		[1] = FB('s') | FB('d') | FB('c') | FB('m'),                     /* s d c m */
		[2] = FB('p') | FB('d') | FB('o') | FB('i') | FB('a'),           /* pt de of is im am */
		[3] = FB('n') | FB('i') | FB('e'),                               /* nom ici its est */
		[4] = FB('n') | FB('s'),                                         /* name suis */
		[5] = FB('c') | FB('u') | FB('f') | FB('n') | FB('s') | FB('j'), /* child usage fille named nomme signe jsuis */
		[6] = FB('e') | FB('s') | FB('c') | FB('p') | FB('n'),           /* enfant signee called prenom nommee */
		[7] = FB('s') | FB('p') | FB('m') | FB('a'),                     /* surname patient marital appelle */
		[8] = FB('p') | FB('r') | FB('l') | FB('f') | FB('a'),           /* patiente prenomme resident lastname forename appelles appelait */
		[9] = FB('n') | FB('f') | FB('a') | FB('p'),                     /* naissance firstname appellent prenommee */
	};
#undef FB
	unsigned l = b - 'a';
	return n < sizeof first / sizeof first[0] && l < 26 && ((first[n] >> l) & 1);
}
/* "MY WIFE CHARITY MWANGI", "my father ram naresh gupta": a relative, a lowercase given
 * name that may be a word, then a surname no dictionary knows. */
int pn_kin_given_surname(const struct pctx *c, size_t i);
/* "shoutout to Jo and Al", "merci à Samia": a capitalised given name after thanks to. */
int pn_thanks_to(const struct pctx *c, size_t i);
/* Token p is the "to" of "thank you to", "shoutout to" or the "à" of "merci à": the word
 * after it is a person, not a place (read by the places pass too). */
int pn_thanks_prep(const struct pctx *c, size_t p);
/* "Please call me, Lorraine, on ...": a given name set off by commas after "me" / "moi". */
int pn_me_apposition(const struct pctx *c, size_t i);
/* "merci à : titi, béa, jojo et manu": three lowercase nicknames or more, thanked; adds
 * their spans and returns the last one's token, or 0. */
size_t pn_thanks_series(struct pctx *c, size_t i);
/* After the rules (priv_name_series.c): lists of lowercase nicknames opening the message or
 * after "surtout" in thanks; a capitalised word no list knows right before a name found. */
void pn_late(struct pctx *c);
/* After the rules (priv_name_nick.c): the one a text opens by addressing, nicknames cut from
 * a given name as a verb's subject, word-names after a compound relative ("kev, t'as vu",
 * "omg Soph just messaged", "ma belle-mère marguerite refuse"). */
void pn_nick_late(struct pctx *c);
/* Token i is a given name by the lists or its shape ("margot", "gaz", "kev", "robbo",
 * "lolo"; priv_name_nick.c), and pn_cut_name: one no list holds, cut from a given name
 * ("kev" -> "kevin", "robbo" -> "rob"). */
int pn_nick_named(const struct pctx *c, size_t i);
/* Read by pn_nick_late (priv_name_kin.c): token i is a name beside a relative, after "big" /
 * "le grand", before a carer's trade; and, after pn_repeat, word-names after a relative
 * (pn_kin_words). */
int pn_kin_beside(const struct pctx *c, size_t i);
void pn_kin_words(struct pctx *c);
int pn_cut_name(const struct pctx *c, size_t i);
/* What no given name is, whatever list holds it (the late passes of priv_name_nick.c,
 * priv_name_kin.c, priv_name_signer.c). */
#define PN_NEVER (LX_DAY | LX_TITLE | LX_KIN | LX_GREET | LX_SIGNOFF | LX_INTRO | LX_EPONYM | LX_STOPFR | LX_STOPEN | \
		  LX_REGION | LX_HOSP | LX_HOSP_EN | LX_STREET | LX_MEDCTX | LX_IDLABEL)
/* A given name of hunspell's or faker's lists, or of humannames' that no dictionary holds, and
 * no word never a name nor a texting word (priv_name_nick.c). */
int pn_nick_given(const struct pctx *c, size_t i);
/* Folded first letters as bits (bit l & 31): token k's starts with one of mask's, a test that
 * turns most words away before a list is compared (the late passes). */
#define PN_LB(l) (1u << ((l) & 31))
static inline int pn_first_in(const struct pctx *c, size_t k, uint32_t mask)
{
	unsigned l = (unsigned char)tk_fold(c, k)[0];
	return l >= 'a' && l <= 'z' && ((mask >> (l & 31)) & 1);
}
/* Token k is a dash: '-', an en dash or an em dash (priv_name_nick.c). */
int pn_dash(const struct pctx *c, size_t k);
/* Signers (priv_name_signer.c): the last line, opening at token i, answers the line before (a
 * colon, a full stop and a word that is no first name): no signature ("c'est :\nRelpax", "one
 * word.\nHope"); a lowercase signer at token i ("cheers, will", "bises\nghislaine, aidante");
 * the initial and the given name and surname that close a text (pn_signers adds them). */
int pn_signature_answer(const struct pctx *c, size_t i);
int pn_lower_signer(const struct pctx *c, size_t i);
void pn_signers(struct pctx *c);
/* After the rules (priv_name_word.c): given names that are also words, after a sign-off closing
 * the text ("Regards, Sunny") or before an age ("la petite Mai (6 ans)"). */
void pn_word_names(struct pctx *c);
/* After the rules (priv_name_postal.c): a given name and one or two capitalised words right
 * before the house number of an address span ("Bernard Chauvin, 8 allée des Tilleuls"). */
void pn_postal_names(struct pctx *c);
/* A capitalised month right after a capitalised title, no day or year after it: a surname ("le
 * Dr Juin"; priv_name_word.c). */
int pn_title_month(const struct pctx *c, size_t i);
/* A month or an auxiliary that is a name after "my <relative>" and before a verb only a person
 * takes there ("my mum may has"; priv_name_word.c). */
int pn_kin_month_name(const struct pctx *c, size_t i, const char *const *verbs);
/* "pierre est sorti", "MARINE A REPRIS": a first name opening a sentence before a verb, in a
 * lowercase text or one in capitals. */
int pn_lower_name_verb(const struct pctx *c, size_t i);
/* "Hi, Jess here": a name introducing itself after a greeting. */
int pn_here_after(const struct pctx *c, size_t i);
/* "lulu", "jojo", "titi": a doubled syllable of a consonant and a, i, o or u, without an accent
 * ("tete" is "tête"), that a name list holds: a nickname even when the language knows it as a
 * word. */
int pn_doubled_nickname(const struct pctx *c, size_t i);
/* "avec lea", "chez zoe", "with mia": a lowercase given name after a word that introduces a
 * companion. Only names that the text's language does not know as a word count ("lea" is
 * English, not French). */
int pn_companion_name(const struct pctx *c, size_t i);
/* "chez Nancy", "chez Laval", "avec Albert": a capitalised given name or surname right after
 * "chez" (at someone's), or "avec", is a person even when it is also a town (after "avec",
 * only a town that is a first name). */
int pn_person_after_chez(const struct pctx *c, size_t i);
/* Token k closes a line or an item: the end of the text, a line break before it, or ',', ';',
 * ')', or a full stop that ends the text or its line ("Merci,\nS. Moreau", "Pts: B. Hughes,
 * T. Mahlangu, F. Quinn."). */
int pn_item_closes(const struct pctx *c, size_t k);
/* A germ's second word no list knows, by its Latin ending ("K. Oxytoca", "E. Faecium",
 * "C. Glabrata", "L. Rhamnosus", "C. Neoformans"), or one of the few that end otherwise. */
int pn_latin_species(const struct pctx *c, size_t k);
/* The capital letter i (followed by '.') is no person's initial: a germ's genus before its
 * species ("H. Pylori", "E. Coli", however capitalised), or the letter of a vitamin, a type, a
 * plan, a stage or an answer ("Vitamin D. Ergocalciferol", "Type B. Aortic dissection",
 * "Answer: C. Tachycardia"). */
int pn_initial_of_thing(const struct pctx *c, size_t i);

/* --- the one written to, carers' trades (priv_name_address.c) --- */

/* The one a message is written to: "AJ — pt in bed 12", "Folake if you're reading this",
 * "sunny ur a star", "manu t'es grave". */
int pn_address(const struct pctx *c, size_t i);
/* The pre-tests: what pn_address, pn_self_intro and pn_intro_before test first, from the
 * length and first letter of one word (most words have neither: "the", "and", "my"). Each must
 * let through every word its function compares there, or that function silently stops finding
 * the names after it; tests/unit/privacy/test_priv_name_guards.c reads those words out of the
 * functions' source and fails on any word its pre-test would turn away. */

/* A word of length n, folded first byte l, that second_person (and pn_address) may compare right
 * after the name: "ur", "youre", "you", "u", "is", "if", "t", "tu". (Without a branch on the
 * word: a table of first letters by length, bit l & 31.) */
static inline int pn_address_lead_word(unsigned n, unsigned l)
{
	static const uint32_t first[6] = {0, 1u << ('u' & 31) | 1u << ('t' & 31),
					  1u << ('u' & 31) | 1u << ('i' & 31) | 1u << ('t' & 31), 1u << ('y' & 31), 0,
					  1u << ('y' & 31)};
	return (n < 6) & (l >= 'a') & (l <= 'z') & (unsigned)(first[n < 6 ? n : 0] >> (l & 31));
}
/* What pn_address tests first: a token after word i, and the text's first word, a
 * punctuation token after it (a dash) or a word after it that pn_address_lead_word lets
 * through. */
static inline int pn_address_lead(const struct pctx *c, size_t i)
{
	size_t k = i + 1;
	if (k >= c->n_tk)
		return 0;
	unsigned n = c->tk[k].flen, l = (unsigned char)c->fold[c->tk[k].fo];
	return (i == 0) | ((c->tk[k].f & TK_PUNCT) != 0) | pn_address_lead_word(n, l);
}
/* The writer introducing themselves as a message opens: "mark here,", "Hi all, Sunny from Bath
 * here", "Bonsoir, ici titi,", "Coucou c'est Patience", "yo its ty,". */
int pn_self_intro(const struct pctx *c, size_t i);
/* A word of length n, folded first letter f0, that pn_self_intro may compare right before the
 * name ("s", "ici", "its", "est", "suis", "jsuis"). */
static inline int pn_self_intro_lead_word(unsigned n, char f0)
{
	return (n == 3 && (f0 == 'i' || f0 == 'e')) || ((n == 1 || n == 4) && f0 == 's') || (n == 5 && f0 == 'j');
}
/* ... and one it may compare right after the name, without a word before it lets through
 * ("here", "from"). */
static inline int pn_self_intro_next_word(unsigned n, char f0)
{
	return n == 4 && (f0 == 'h' || f0 == 'f');
}
/* What pn_self_intro tests first (i + 1 < n_tk): the word after i or the one before it (token
 * i - 1) of the length and first letter of one it compares there. */
static inline int pn_self_intro_lead(const struct pctx *c, size_t i)
{
	unsigned n = c->tk[i + 1].flen;
	if (pn_self_intro_next_word(n, n ? tk_fold(c, i + 1)[0] : 0))
		return 1;
	if (i == 0)
		return 0;
	n = c->tk[i - 1].flen;
	return pn_self_intro_lead_word(n, n ? tk_fold(c, i - 1)[0] : 0);
}
/* The first letters (bit l & 31) of every word after a name that pn_address_lead_word or
 * pn_self_intro_next_word lets through, and of every word before one that
 * pn_self_intro_lead_word lets through (and "is", "est": pn_word_name_marked): what
 * rule_gate() in priv_name.c asks before it lets r_address be called at all (tested against
 * the pre-tests by test_priv_name_guards.c). */
#define PN_ADDRESS_NEXT_FIRST                                                                       \
	(1u << ('u' & 31) | 1u << ('y' & 31) | 1u << ('i' & 31) | 1u << ('t' & 31) | 1u << ('h' & 31) | \
	 1u << ('f' & 31))
#define PN_ADDRESS_PREV_FIRST (1u << ('i' & 31) | 1u << ('e' & 31) | 1u << ('s' & 31) | 1u << ('j' & 31))
/* A word-name that a relative, a trade or an age set beside it: "Sunny (notre fille, 6 ans)",
 * "Ange, mon homme,", "Mai, bénévole", "My brother Sunday is 19", "Dad is Sonny.". */
int pn_word_name_marked(const struct pctx *c, size_t i);
/* A given name in capitals opening a sentence of a text that is not: "ROSE!!!", "CLAIRE ET
 * ANGE,", "MARIE-LOU est née", "ANGE TU ES OÙ". Returns the name's last token + 1 (a
 * compound: "MARIE-LOU"), or 0. */
size_t pn_caps_name(const struct pctx *c, size_t i);
/* "l'infirmière Rakotomalala", "la diét Aisha": a carer's trade right before a capitalised
 * name, even one no list holds. */
int pn_trade_before(const struct pctx *c, size_t i);
/* "grace was the best HCA": a given name, a copula and a carer's trade. */
int pn_copula_trade(const struct pctx *c, size_t i);
/* "Patience, l'aide-soignante de nuit", "Jenny the district nurse": a given name, an article
 * and a carer's trade after it. */
int pn_trade_after(const struct pctx *c, size_t i);

/* --- the word itself and the extent of a name (priv_name_shape.c; names in capitals:
 * pn_unshout, pn_surname_initial, pn_allcap_pair, pn_allcap_particles, pn_allcap_age in
 * priv_name_caps.c) --- */

/* Confidence that a capitalised word with no context is a name (0: it is not). */
float pn_name_alone(const struct pctx *c, size_t i);
/* "Floc'h", "Le Gac'h": the Breton c'h glued to the word j. */
int pn_breton_ch(const struct pctx *c, size_t j);
/* Extends a name over the next words: "Eugénie André", "Jean-Pierre DUPONT", "Claire D.",
 * "Marie de La Fontaine". Returns the last token of the name. */
size_t pn_extend(const struct pctx *c, size_t j, int strong);
/* "Guadalupe (Lupe to everyone)", "Oluwaseun ("Seun")", "Conceição - Sãozinha": a nickname
 * in brackets, quotes or after a dash right after a name already found. */
int pn_nickname_after_name(const struct pctx *c, size_t i);
/* "anyone know tomasz? tomasz wisniewski": two lowercase words that are names in the lists
 * and words in no dictionary, one after the other. */
int pn_lower_name_pair(const struct pctx *c, size_t i);
/* A signature: the last words of the text, after a sign-off, a dash or a line break. */
int pn_signature(const struct pctx *c, size_t i, size_t j);
/* "Soën (4 ans)", "Kélyan, 7 ans,", "Thaïs a 3 ans", "Nolhan is 6": a capitalised word that
 * no list knows as an ordinary word, followed by an age. */
int pn_followed_by_age(const struct pctx *c, size_t i);
/* "#TeamLéa", "#ForEmma", "#PrayForNoah", "#LeaStrong": a hashtag that rallies around a given
 * name. Token i follows the '#'. Returns 1 when the whole hashtag is a name. */
int pn_hashtag_name(const struct pctx *c, size_t i);
/* "Tom Fisher and I": a capitalised given name right before a name found on its own (the
 * given name alone, an ordinary word at a sentence start, was not enough). Returns the first
 * token of the name. */
size_t pn_given_before(const struct pctx *c, size_t i);
/* "Harris, Julie", "Roberts, Gary": a given name (tokens i..j) right after a surname already
 * found and a comma is the same person written surname first. Adds the whole span; the
 * longer span wins over both parts when overlaps are resolved. */
void pn_join_inverted(struct pctx *c, size_t i, size_t j);
/* A text written in capitals ("JE SUIS AUX URGENCES AVEC CHLOE") says nothing with its case:
 * its words are read as if lowercase, where only the context and the lists decide. The
 * flags are changed in the scan's own token array; the names pass is the last to read it. */
void pn_unshout(struct pctx *c);
/* A patient's initials after a title or a field word: "pt J.M. 8yo", "Mme A.-C. 45 ans". */
int pn_initials_name(struct pctx *c, size_t i);
/* A surname in capitals with an initial, as lists and bed states write them: "HUSSAIN A",
 * "J SMITH". Returns the number of tokens, or 0. */
int pn_surname_initial(const struct pctx *c, size_t i);
/* "Okonkwo, Chidinma", "Rahman, Mohammed Abdul", "Ruiz, Maria Elena": a surname no dictionary
 * knows, a comma and a hunspell first name (and maybe a second given name), not a list. */
int pn_surname_comma_given(const struct pctx *c, size_t i);
/* "EMMA DUBOIS", "DUBOIS Emma" in capitals inside a text that is not: a hunspell first name and
 * a surname (or a word no list knows), both in capitals. */
int pn_allcap_pair(const struct pctx *c, size_t i);
/* A given name that is also an acronym of medicine or care in capitals ("ANCA", "ELSA",
 * "LADA"; priv_name_caps.c). */
int pn_acronym(const struct pctx *c, size_t i);
/* The first token of the pair in capitals opening on i, with a hyphened given name before it
 * ("MARIE-CLAIRE DUBOIS"; priv_name_caps.c). */
size_t pn_allcap_start(const struct pctx *c, size_t i);
/* A value in capitals after a lowercase form label ("patient KOWALSKI", "name DONNA";
 * priv_name_caps.c); p is the label, i the value. */
int pn_label_caps(const struct pctx *c, size_t p, size_t i);
/* "DA SILVA Fernando", "VAN DER BERGHE Nathalie": up to two particles in capitals before the
 * surname in capitals at token i belong to it. Returns the first token. */
size_t pn_allcap_particles(const struct pctx *c, size_t i);
/* "bed 9 (IVY PARK-SINCLAIR, 58)", "DESTINY O'NEILL, 19,": two or three words in capitals from
 * token i in a text that is not, one of them a listed name, then an age after a comma or a
 * bracket. True with *end the last token of the name. */
int pn_allcap_age(const struct pctx *c, size_t i, size_t *end);

/* --- repeated mentions and lists (priv_name_repeat.c) --- */

/* "Julie, Kélyan et Soën": a capitalised unknown word listed right after a name. */
int pn_listed_after_name(const struct pctx *c, size_t i);

/* After the rules: a free word that repeats a word of a NAME span is the same person
 * ("Over to you, Seun!"), unless its case or its place says it is the ordinary word. */
void pn_repeat(struct pctx *c);
/* A name no list holds, from the words around it (priv_name_anchor.c): identity lines, wishes,
 * records, the writer introducing themselves. Token i is a capitalised word no list knows; the
 * name's first and last tokens go to *first and *last. */
int pn_anchor_name(struct pctx *c, size_t i, size_t *first, size_t *last);

#endif
