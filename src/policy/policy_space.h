/*
 * policy_space.h - who may read and write in a space (issue 5), in one place.
 *
 * A space is public (anyone, even without an account), members (any account) or
 * professionals (verified professionals only). The communities API, search, the related
 * articles panel and the professional network's spaces (issue 7) all decide through these two
 * functions, so a visibility rule changes here and nowhere else.
 */
#ifndef ENT_POLICY_SPACE_H
#define ENT_POLICY_SPACE_H

#include <stdbool.h>

#include "policy/policy.h"

enum space_visibility { SPACE_PUBLIC, SPACE_MEMBERS, SPACE_PROFESSIONALS };

/* "public", "members", "professionals" -> the enum; false for anything else. */
bool policy_space_visibility_parse(const char *s, enum space_visibility *out);
const char *policy_space_visibility_name(enum space_visibility v);

/* roles: the caller's role bits (ROLE_ANON alone without a session). */
bool policy_space_can_read(enum space_visibility v, unsigned roles);
/* Writing (threads, replies, reactions, reports) needs an account and the right to read. */
bool policy_space_can_write(enum space_visibility v, unsigned roles);
/* Moderating a space's posts (its reports, hiding, restoring): the instance's moderators in
 * every space they can read; a space moderator in the spaces assigned to them (assigned) that
 * they can read. Nobody else. */
bool policy_space_can_moderate(enum space_visibility v, unsigned roles, bool assigned);

#endif
