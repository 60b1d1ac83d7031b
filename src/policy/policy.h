/*
 * policy.h - who may call what: roles and the one authorization decision.
 *
 * Roles are bits. Every route declares the set of roles it allows (ROLE_ANON for callers
 * without a session); an empty set allows nobody (default deny). policy_check() is the only
 * place that decides, and every request passes through it before its handler runs.
 * Not responsible for: finding the caller's roles (api/ reads the session), or finer rules
 * about a particular object (which later issues add as policy_<thing>() functions here).
 */
#ifndef ENT_POLICY_H
#define ENT_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "entraide/err.h"

enum role {
	ROLE_ANON = 1u << 0,              /* no session */
	ROLE_MEMBER = 1u << 1,            /* every account */
	ROLE_PROFESSIONAL = 1u << 2,
	ROLE_EDITOR = 1u << 3,            /* attached to an institution */
	ROLE_COMMUNITY_MANAGER = 1u << 4, /* attached to an institution */
	ROLE_MODERATOR = 1u << 5,
	ROLE_ADMINISTRATOR = 1u << 6,
	ROLE_INSTITUTION_ADMIN = 1u << 7, /* attached to an institution: its staff, its
	                                   * professionals' verifications (issue 17) */
	ROLE_SPACE_MODERATOR = 1u << 8,   /* assigned to one or more spaces by the administrator
	                                   * (space_moderators, issue 17): moderates those only */
};
#define ROLE_ALL_ACCOUNTS (ROLE_MEMBER | ROLE_PROFESSIONAL | ROLE_EDITOR | ROLE_COMMUNITY_MANAGER | \
			   ROLE_MODERATOR | ROLE_ADMINISTRATOR | ROLE_INSTITUTION_ADMIN | \
			   ROLE_SPACE_MODERATOR)
#define ROLE_EVERYONE (ROLE_ANON | ROLE_ALL_ACCOUNTS)
#define ROLE_STAFF (ROLE_EDITOR | ROLE_COMMUNITY_MANAGER)
#define ROLE_N 9

/* Route requirements beyond roles. */
enum policy_flag {
	POLICY_SESSION = 1u << 0, /* a valid session is required (401 without) */
	POLICY_CSRF = 1u << 1,    /* X-CSRF-Token bound to the session is required (403 csrf) */
};

struct policy_caller {
	unsigned roles;   /* ROLE_ANON alone without a session; else ROLE_MEMBER | granted roles */
	bool has_session;
	bool csrf_ok;     /* the request carried the right CSRF token */
};

/* The decision: ENT_OK, ENT_EAUTH (needs a session), ENT_ECSRF, or ENT_EPERM. A caller
 * without a session on a route that does not admit ROLE_ANON gets ENT_EAUTH. */
enum ent_err policy_check(unsigned allowed, unsigned flags, const struct policy_caller *who);

/* Acting on an account (suspending it, lifting its suspension): staff act only on ranks below
 * theirs. Ranks: administrator 3, moderator 2, every other account 1 (members, professionals,
 * editors, community managers). A moderator can suspend a member or an editor, not another
 * moderator nor an administrator; an administrator can act on moderators, not on another
 * administrator (that stays with the command line, `entraide admin`). */
int policy_rank(unsigned roles);
bool policy_outranks(unsigned actor, unsigned target);
/* The one rule for acting on an account, whoever acts (the moderators' routes and the
 * administrator's accounts page both decide here): ENT_ECONFLICT on one's own account,
 * ENT_EPERM unless actor outranks target, else ENT_OK. */
enum ent_err policy_account_action(unsigned actor, bool self, unsigned target);

/* "member", "professional", ... for one role bit; NULL for anything else. */
const char *policy_role_name(unsigned role);
/* The bit of a role name, or 0. "anonymous" is ROLE_ANON. */
unsigned policy_role_parse(const char *name);
/* True for roles that must name an institution (editor, community_manager,
 * institution_admin). */
bool policy_role_needs_institution(unsigned role);

#endif
