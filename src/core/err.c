/* err.c - names and descriptions of enum ent_err. */
#include "entraide/err.h"
#include "core/export.h"

static const struct {
	const char *name;
	const char *text;
} errs[ENT_ERR__COUNT] = {
	[ENT_OK] = {"ENT_OK", "success"},
	[ENT_ENOMEM] = {"ENT_ENOMEM", "out of memory"},
	[ENT_EINVAL] = {"ENT_EINVAL", "invalid argument"},
	[ENT_EUTF8] = {"ENT_EUTF8", "invalid UTF-8"},
	[ENT_EJSON] = {"ENT_EJSON", "malformed JSON"},
	[ENT_ETOOBIG] = {"ENT_ETOOBIG", "input too large"},
	[ENT_ETOODEEP] = {"ENT_ETOODEEP", "input nested too deeply"},
	[ENT_EFORMAT] = {"ENT_EFORMAT", "unsupported or corrupt format"},
	[ENT_ETRUNCATED] = {"ENT_ETRUNCATED", "input truncated"},
	[ENT_ETIMEOUT] = {"ENT_ETIMEOUT", "time limit exceeded"},
	[ENT_EIO] = {"ENT_EIO", "input/output error"},
	[ENT_ENOTFOUND] = {"ENT_ENOTFOUND", "not found"},
	[ENT_EEXIST] = {"ENT_EEXIST", "already exists"},
	[ENT_ECONFLICT] = {"ENT_ECONFLICT", "conflict with current state"},
	[ENT_EAUTH] = {"ENT_EAUTH", "authentication required or failed"},
	[ENT_EPERM] = {"ENT_EPERM", "permission denied"},
	[ENT_ECSRF] = {"ENT_ECSRF", "missing or invalid CSRF token"},
	[ENT_ERATE] = {"ENT_ERATE", "rate limit reached"},
	[ENT_EDB] = {"ENT_EDB", "database error"},
	[ENT_ECRYPTO] = {"ENT_ECRYPTO", "cryptographic failure"},
	[ENT_EUNSUPPORTED] = {"ENT_EUNSUPPORTED", "not supported"},
	[ENT_EINTERNAL] = {"ENT_EINTERNAL", "internal error"},
	[ENT_EBUSY] = {"ENT_EBUSY", "busy: try again shortly"},
};

ENT_EXPORT const char *ent_strerror(enum ent_err err)
{
	if ((unsigned)err >= ENT_ERR__COUNT || !errs[err].text)
		return "unknown error";
	return errs[err].text;
}

ENT_EXPORT const char *ent_errname(enum ent_err err)
{
	if ((unsigned)err >= ENT_ERR__COUNT || !errs[err].name)
		return "ENT_E?";
	return errs[err].name;
}
