/* policy_space.c - visibility of spaces; see policy_space.h. */
#include <string.h>

#include "policy/policy_space.h"

static const char *const names[] = {"public", "members", "professionals"};

bool policy_space_visibility_parse(const char *s, enum space_visibility *out)
{
	for (unsigned i = 0; s && i < sizeof names / sizeof names[0]; i++) {
		if (!strcmp(s, names[i])) {
			*out = (enum space_visibility)i;
			return true;
		}
	}
	return false;
}

const char *policy_space_visibility_name(enum space_visibility v)
{
	return (unsigned)v < sizeof names / sizeof names[0] ? names[v] : "professionals";
}

bool policy_space_can_read(enum space_visibility v, unsigned roles)
{
	switch (v) {
	case SPACE_PUBLIC:
		return true;
	case SPACE_MEMBERS:
		return (roles & ROLE_ALL_ACCOUNTS) != 0;
	case SPACE_PROFESSIONALS:
		return (roles & ROLE_PROFESSIONAL) != 0;
	}
	return false; /* default deny */
}

bool policy_space_can_write(enum space_visibility v, unsigned roles)
{
	return (roles & ROLE_ALL_ACCOUNTS) != 0 && policy_space_can_read(v, roles);
}

bool policy_space_can_moderate(enum space_visibility v, unsigned roles, bool assigned)
{
	bool moderator = (roles & ROLE_MODERATOR) || ((roles & ROLE_SPACE_MODERATOR) && assigned);
	return moderator && policy_space_can_read(v, roles);
}
