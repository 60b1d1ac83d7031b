/* policy.c - the authorization decision and role names; see policy.h. */
#include "policy/policy.h"

#include <string.h>

static const struct {
	unsigned bit;
	const char *name;
} roles[] = {
	{ROLE_ANON, "anonymous"},
	{ROLE_MEMBER, "member"},
	{ROLE_PROFESSIONAL, "professional"},
	{ROLE_EDITOR, "editor"},
	{ROLE_COMMUNITY_MANAGER, "community_manager"},
	{ROLE_MODERATOR, "moderator"},
	{ROLE_ADMINISTRATOR, "administrator"},
	{ROLE_INSTITUTION_ADMIN, "institution_admin"},
	{ROLE_SPACE_MODERATOR, "space_moderator"},
};

enum ent_err policy_check(unsigned allowed, unsigned flags, const struct policy_caller *who)
{
	if (!who->has_session) {
		/* Without a session only routes open to anonymous callers and not asking for a
		 * session pass; everything else asks the caller to log in. */
		if ((allowed & ROLE_ANON) && !(flags & POLICY_SESSION))
			return ENT_OK;
		return ENT_EAUTH;
	}
	unsigned mine = who->roles & ~(unsigned)ROLE_ANON;
	if (!(allowed & mine))
		return ENT_EPERM;
	if ((flags & POLICY_CSRF) && !who->csrf_ok)
		return ENT_ECSRF;
	return ENT_OK;
}

int policy_rank(unsigned bits)
{
	if (bits & ROLE_ADMINISTRATOR)
		return 3;
	if (bits & ROLE_MODERATOR)
		return 2;
	return 1;
}

bool policy_outranks(unsigned actor, unsigned target)
{
	return policy_rank(actor) > policy_rank(target);
}

enum ent_err policy_account_action(unsigned actor, bool self, unsigned target)
{
	if (self)
		return ENT_ECONFLICT;
	return policy_outranks(actor, target) ? ENT_OK : ENT_EPERM;
}

const char *policy_role_name(unsigned role)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].bit == role)
			return roles[i].name;
	return NULL;
}

unsigned policy_role_parse(const char *name)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].name, name) == 0)
			return roles[i].bit;
	return 0;
}

bool policy_role_needs_institution(unsigned role)
{
	return role == ROLE_EDITOR || role == ROLE_COMMUNITY_MANAGER || role == ROLE_INSTITUTION_ADMIN;
}
