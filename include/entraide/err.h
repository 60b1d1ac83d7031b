/*
 * err.h - the one status type of entraide.
 *
 * Every fallible function returns enum ent_err; ENT_OK is zero so call sites read
 *     err = f(...); if (err) goto out;
 * The HTTP layer maps each value to a status and a problem type in one table
 * (src/http/http_problem.c); handlers never pick a status by hand.
 * Messages from ent_strerror() are for operators: static English text, never user content.
 */
#ifndef ENTRAIDE_ERR_H
#define ENTRAIDE_ERR_H

#ifdef __cplusplus
extern "C" {
#endif

enum ent_err {
	ENT_OK = 0,
	ENT_ENOMEM,       /* an allocation failed */
	ENT_EINVAL,       /* an argument or input value is not acceptable */
	ENT_EUTF8,        /* text is not valid UTF-8 */
	ENT_EJSON,        /* input is not well-formed JSON */
	ENT_ETOOBIG,      /* input is larger than the configured limit */
	ENT_ETOODEEP,     /* nesting deeper than the configured limit */
	ENT_EFORMAT,      /* input bytes are not of a supported format, or are corrupt */
	ENT_ETRUNCATED,   /* input ends before its format says it should */
	ENT_ETIMEOUT,     /* work exceeded its time budget */
	ENT_EIO,          /* reading or writing a file or socket failed */
	ENT_ENOTFOUND,    /* no such object (or not visible to the caller) */
	ENT_EEXIST,       /* the object already exists */
	ENT_ECONFLICT,    /* the request conflicts with the current state */
	ENT_EAUTH,        /* not authenticated, or wrong credentials */
	ENT_EPERM,        /* authenticated but not allowed */
	ENT_ECSRF,        /* state-changing request without a valid CSRF token */
	ENT_ERATE,        /* rate limit reached */
	ENT_EDB,          /* the database failed */
	ENT_ECRYPTO,      /* a cryptographic operation failed */
	ENT_EUNSUPPORTED, /* valid but not supported by this build */
	ENT_EINTERNAL,    /* a bug: a state that should not happen */
	ENT_EBUSY,        /* every worker is taken: try again shortly (503 with Retry-After) */
	ENT_ERR__COUNT
};

/* Static, English, operator-facing description of err. Never NULL. */
const char *ent_strerror(enum ent_err err);

/* Stable machine name of err ("ENT_EUTF8"), for logs and tests. Never NULL. */
const char *ent_errname(enum ent_err err);

#ifdef __cplusplus
}
#endif
#endif
