/*
 * store_account.h - accounts, institutions, roles and sessions in the store.
 *
 * Plain data in, plain data out: the callers (src/api/) hash passwords, seal e-mail addresses
 * and decide who may do what. Every function takes the calling thread's connection.
 */
#ifndef ENT_STORE_ACCOUNT_H
#define ENT_STORE_ACCOUNT_H

#include "store/store.h"

#define STORE_HANDLE_MAX 32

struct store_account {
	int64_t id;
	char handle[STORE_HANDLE_MAX + 1];
	char password_hash[128];
	char locale[3];
	bool suspended;
	int64_t created_at;
};

struct store_account_new {
	const char *handle, *handle_key; /* key: lower case */
	const unsigned char *email_hash;
	size_t email_hash_len;
	const unsigned char *email_enc;
	size_t email_enc_len;
	const char *password_hash;
	const char *locale;
};

struct store_role {
	char role[24];          /* "professional", "editor", ... */
	char institution[64];   /* slug, "" when none */
	char institution_name[128];
};
#define STORE_ROLES_MAX 16

struct store_session {
	int64_t id;
	int64_t expires_at;
	struct store_account account;
	bool has_roles; /* any granted role (else member only) */
};

/* What happens to an account's posts when it is deleted. */
enum store_posts_mode { STORE_POSTS_ANONYMISE, STORE_POSTS_DELETE };

/* ENT_EEXIST when the handle or e-mail is taken. */
enum ent_err store_account_insert(struct store_conn *c, const struct store_account_new *a, int64_t *id);
/* ENT_ENOTFOUND when there is no such account. */
enum ent_err store_account_by_handle(struct store_conn *c, const char *handle_key, struct store_account *out);
enum ent_err store_account_by_email(struct store_conn *c, const unsigned char *hash, size_t len,
				    struct store_account *out);
enum ent_err store_account_set_locale(struct store_conn *c, int64_t id, const char *locale);
enum ent_err store_account_set_password(struct store_conn *c, int64_t id, const char *hash);
/* Suspending also ends every session of the account. */
enum ent_err store_account_set_suspended(struct store_conn *c, int64_t id, bool suspended);
/* The same with an end: until is a time (seconds), 0 = until lifted. Suspending again
 * replaces the end and keeps the first suspended_at. */
enum ent_err store_account_suspend(struct store_conn *c, int64_t id, bool suspended, int64_t until);
/* Lifts a suspension whose end has passed (*lifted tells whether it did): run at log-in. */
enum ent_err store_account_lift_ended(struct store_conn *c, int64_t id, int64_t now, bool *lifted);
/* The end of a suspended account's suspension (0: until lifted); ENT_ENOTFOUND when the
 * account is not suspended. */
enum ent_err store_account_suspended_until(struct store_conn *c, int64_t id, int64_t *until);
/* Deletes the account, its roles and sessions, after running the deletion hooks of the other
 * subsystems (posts anonymised or deleted) in the same transaction. */
enum ent_err store_account_delete(struct store_conn *c, int64_t id, enum store_posts_mode mode);
/* Calls fn for each account, by handle. */
enum ent_err store_account_each(struct store_conn *c,
				void (*fn)(const struct store_account *a, void *arg), void *arg);
enum ent_err store_account_count(struct store_conn *c, int64_t *n);

/* Granted roles of an account (member is implicit and not listed). */
enum ent_err store_roles_of(struct store_conn *c, int64_t account_id, struct store_role *out,
			    size_t max, size_t *n);
/* institution: slug or NULL. Granting twice is not an error; revoking what is not granted is
 * ENT_ENOTFOUND. ENT_ENOTFOUND too for an unknown institution. */
enum ent_err store_role_grant(struct store_conn *c, int64_t account_id, const char *role,
			      const char *institution);
enum ent_err store_role_revoke(struct store_conn *c, int64_t account_id, const char *role,
			       const char *institution);

/* Creates the institution or leaves an existing one as it is. */
enum ent_err store_institution_ensure(struct store_conn *c, const char *slug, const char *name);

enum ent_err store_session_insert(struct store_conn *c, const unsigned char *hash, size_t len,
				  int64_t account_id, int64_t now, int64_t expires_at);
/* A live session (not expired, account not suspended) by token hash, or ENT_ENOTFOUND. */
enum ent_err store_session_find(struct store_conn *c, const unsigned char *hash, size_t len,
				int64_t now, struct store_session *out);
enum ent_err store_session_touch(struct store_conn *c, int64_t id, int64_t expires_at);
enum ent_err store_session_delete(struct store_conn *c, int64_t id);
/* Ends the account's sessions except keep (0 = all). */
enum ent_err store_session_delete_others(struct store_conn *c, int64_t account_id, int64_t keep);
enum ent_err store_session_count_open(struct store_conn *c, int64_t now, int64_t *n);
/* Deletes the sessions expired by now, in a transaction of its own; adds how many to *n. */
enum ent_err store_session_purge(struct store_conn *c, int64_t now, int64_t *n);

#endif
