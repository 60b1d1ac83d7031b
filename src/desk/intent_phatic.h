/*
 * intent_phatic.h - the friendly wrapper of a community post: greetings and addresses to the
 * group at its start, thanks, hugs, kisses and sign-offs at its end.
 *
 * The text model only ever saw greeting and thanks words in calm training posts, so a wrapper
 * such as "coucou tout le monde ... bisous a tous" pulled P(urgent) of a crisis from 0.9 to 0.07
 * while every rule signal stayed (twenty-third session); it also made calm posts urgent. The
 * wrapper says nothing about danger, so the classifier decides on the core without it
 * (intent.c). The words are classes in the style of the rule tables, matched as word
 * sequences whatever the punctuation (or none) and emoji between them: a closing glued to the
 * last sentence without a full stop is stripped too.
 * Not responsible for: the decision (intent.c).
 */
#ifndef ENT_DESK_INTENT_PHATIC_H
#define ENT_DESK_INTENT_PHATIC_H

#include <stddef.h>

/* The core of text[0..len): *off receives its start, the return value its length (len and 0
 * when nothing phatic was found). Never empty when text has a word outside the wrapper.
 * wide also strips a short clause (up to 8 words, ending at punctuation) after a greeting and
 * one after a sign-off word ("bonsoir a tous, <clause>." ... "bisous, <clause>"), whatever its
 * words: the caller keeps it only when the rules find no cue of danger in what it removed. */
size_t intent_phatic_core(const char *text, size_t len, int wide, size_t *off);

#endif
