/* store_account.c - accounts, institutions, roles, sessions; see store_account.h. */
#include "store/store_account.h"

#include "store/store_community.h"
#include "media/media_store.h"
#include "store/store_pro.h"
#include "store/store_tombstone.h"
#include <stdio.h>
#include <string.h>

#include "core/clock.h"

/* Runs inside store_account_delete's transaction, before the account row is deleted, so the
 * subsystems that keep an account's content (posts: issue 5, desk: issue 6, ...) can anonymise
 * or delete it. Each later subsystem adds its function here. */
typedef enum ent_err (*account_delete_hook)(struct store_conn *c, int64_t account_id,
					     enum store_posts_mode mode);
static const account_delete_hook delete_hooks[] = {
	store_community_account_delete, /* issue 5: posts erased or anonymised */
	store_pro_account_delete, /* issue 7: cases, answers, photos */
	store_media_account_delete, /* issue 4: uploaded pictures (files purged by api_media.c) */
	NULL, /* keep: terminates the list */
};

#define ACCOUNT_COLS "id, handle, password_hash, locale, suspended_at IS NOT NULL, created_at"

static const struct store_stmt Q_INSERT = {
	"account.insert",
	"INSERT INTO accounts (handle, handle_key, email_hash, email_enc, password_hash, locale, "
	"created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"};
static const struct store_stmt Q_BY_HANDLE = {
	"account.by_handle", "SELECT " ACCOUNT_COLS " FROM accounts WHERE handle_key = ?1"};
static const struct store_stmt Q_BY_EMAIL = {
	"account.by_email", "SELECT " ACCOUNT_COLS " FROM accounts WHERE email_hash = ?1"};
static const struct store_stmt Q_EACH = {
	"account.each", "SELECT " ACCOUNT_COLS " FROM accounts ORDER BY handle_key"};
static const struct store_stmt Q_COUNT = {"account.count", "SELECT count(*) FROM accounts"};
static const struct store_stmt Q_SET_LOCALE = {
	"account.set_locale", "UPDATE accounts SET locale = ?2 WHERE id = ?1"};
static const struct store_stmt Q_SET_PASSWORD = {
	"account.set_password", "UPDATE accounts SET password_hash = ?2 WHERE id = ?1"};
static const struct store_stmt Q_SUSPEND = {
	"account.suspend",
	"UPDATE accounts SET suspended_at = CASE WHEN ?2 = 1 THEN coalesce(suspended_at, ?3) END, "
	"suspended_until = CASE WHEN ?2 = 1 THEN ?4 END WHERE id = ?1"};
static const struct store_stmt Q_LIFT_ENDED = {
	"account.lift_ended",
	"UPDATE accounts SET suspended_at = NULL, suspended_until = NULL "
	"WHERE id = ?1 AND suspended_until IS NOT NULL AND suspended_until <= ?2"};
static const struct store_stmt Q_SUSPENDED_UNTIL = {
	"account.suspended_until",
	"SELECT suspended_until FROM accounts WHERE id = ?1 AND suspended_at IS NOT NULL"};
static const struct store_stmt Q_DELETE = {"account.delete", "DELETE FROM accounts WHERE id = ?1"};

static const struct store_stmt Q_ROLES = {
	"role.of_account",
	"SELECT r.role, coalesce(i.slug, ''), coalesce(i.name, '') FROM account_roles r "
	"LEFT JOIN institutions i ON i.id = r.institution_id WHERE r.account_id = ?1 "
	"ORDER BY r.role, i.slug"};
static const struct store_stmt Q_GRANT = {
	"role.grant",
	"INSERT INTO account_roles (account_id, role, institution_id, granted_at) "
	"VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_REVOKE = {
	"role.revoke",
	"DELETE FROM account_roles WHERE account_id = ?1 AND role = ?2 AND "
	"coalesce(institution_id, 0) = coalesce(?3, 0)"};
static const struct store_stmt Q_INST_ID = {
	"institution.id", "SELECT id FROM institutions WHERE slug = ?1"};
static const struct store_stmt Q_INST_ENSURE = {
	"institution.ensure",
	"INSERT INTO institutions (slug, name, created_at) "
	"VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"};

static const struct store_stmt Q_SESSION_INSERT = {
	"session.insert",
	"INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)"};
static const struct store_stmt Q_SESSION_FIND = {
	"session.find",
	"SELECT s.id, s.expires_at, a.id, a.handle, a.password_hash, a.locale, "
	"a.suspended_at IS NOT NULL, a.created_at, "
	"(EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id) OR "
	"EXISTS (SELECT 1 FROM space_moderators m WHERE m.account_id = a.id)) FROM sessions s JOIN accounts a ON "
	"a.id = s.account_id WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.suspended_at IS NULL"};
static const struct store_stmt Q_SESSION_TOUCH = {
	"session.touch", "UPDATE sessions SET expires_at = ?2 WHERE id = ?1"};
static const struct store_stmt Q_SESSION_DELETE = {
	"session.delete", "DELETE FROM sessions WHERE id = ?1"};
static const struct store_stmt Q_SESSION_DELETE_OTHERS = {
	"session.delete_others", "DELETE FROM sessions WHERE account_id = ?1 AND id <> ?2"};
static const struct store_stmt Q_SESSION_COUNT = {
	"session.count_open", "SELECT count(*) FROM sessions WHERE expires_at > ?1"};
static const struct store_stmt Q_SESSION_PURGE = {
	"session.purge_expired", "DELETE FROM sessions WHERE expires_at <= ?1"};

static void copy_text(char *dst, size_t cap, struct store_q *q, int col)
{
	size_t n;
	const char *s = store_q_text(q, col, &n);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Reads ACCOUNT_COLS starting at column `at`. */
static void read_account(struct store_q *q, int at, struct store_account *a)
{
	a->id = store_q_int(q, at);
	copy_text(a->handle, sizeof a->handle, q, at + 1);
	copy_text(a->password_hash, sizeof a->password_hash, q, at + 2);
	copy_text(a->locale, sizeof a->locale, q, at + 3);
	a->suspended = store_q_bool(q, at + 4);
	a->created_at = store_q_int(q, at + 5);
}

/* Opens stmt, binds one text or blob, fetches one account. */
static enum ent_err account_by(struct store_conn *c, const struct store_stmt *stmt, const void *key,
			       size_t len, bool blob, struct store_account *out)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	err = blob ? store_q_bind_blob(q, 1, key, len) : store_q_bind_text(q, 1, key, len);
	if (!err)
		err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		read_account(q, 0, out);
	store_q_close(q);
	return err;
}

enum ent_err store_account_by_handle(struct store_conn *c, const char *key, struct store_account *out)
{
	return account_by(c, &Q_BY_HANDLE, key, strlen(key), false, out);
}

enum ent_err store_account_by_email(struct store_conn *c, const unsigned char *hash, size_t len,
				    struct store_account *out)
{
	return account_by(c, &Q_BY_EMAIL, hash, len, true, out);
}

enum ent_err store_account_insert(struct store_conn *c, const struct store_account_new *a, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INSERT, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, a->handle, strlen(a->handle));
	store_q_bind_text(q, 2, a->handle_key, strlen(a->handle_key));
	store_q_bind_blob(q, 3, a->email_hash, a->email_hash_len);
	store_q_bind_blob(q, 4, a->email_enc, a->email_enc_len);
	store_q_bind_text(q, 5, a->password_hash, strlen(a->password_hash));
	store_q_bind_text(q, 6, a->locale, strlen(a->locale));
	store_q_bind_int(q, 7, clock_now());
	err = store_q_exec(q);
	store_q_close(q);
	if (!err && id) {
		struct store_account acc;
		err = store_account_by_handle(c, a->handle_key, &acc);
		*id = acc.id;
	}
	return err;
}

/* Runs an update/delete statement with an id and an optional second parameter; ENT_ENOTFOUND
 * when no row changed. */
static enum ent_err exec_id(struct store_conn *c, const struct store_stmt *stmt, int64_t id,
			    const char *text, const int64_t *num)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	if (text)
		store_q_bind_text(q, 2, text, strlen(text));
	else if (num)
		store_q_bind_int(q, 2, *num);
	return store_q_exec_changed(c, q);
}

enum ent_err store_account_set_locale(struct store_conn *c, int64_t id, const char *locale)
{
	return exec_id(c, &Q_SET_LOCALE, id, locale, NULL);
}

enum ent_err store_account_set_password(struct store_conn *c, int64_t id, const char *hash)
{
	return exec_id(c, &Q_SET_PASSWORD, id, hash, NULL);
}

enum ent_err store_account_set_suspended(struct store_conn *c, int64_t id, bool suspended)
{
	return store_account_suspend(c, id, suspended, 0);
}

enum ent_err store_account_lift_ended(struct store_conn *c, int64_t id, int64_t now, bool *lifted)
{
	struct store_q *q;
	*lifted = false;
	enum ent_err err = store_q_open(c, &Q_LIFT_ENDED, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_int(q, 2, now);
	err = store_q_exec(q);
	store_q_close(q);
	if (!err)
		*lifted = store_changes(c) > 0;
	return err;
}

enum ent_err store_account_suspended_until(struct store_conn *c, int64_t id, int64_t *until)
{
	struct store_q *q;
	bool row;
	*until = 0;
	enum ent_err err = store_q_open(c, &Q_SUSPENDED_UNTIL, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err && !store_q_is_null(q, 0))
		*until = store_q_int(q, 0);
	store_q_close(q);
	return err;
}

enum ent_err store_account_suspend(struct store_conn *c, int64_t id, bool suspended, int64_t until)
{
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open(c, &Q_SUSPEND, &q);
	if (!err) {
		store_q_bind_int(q, 1, id);
		store_q_bind_int(q, 2, suspended);
		store_q_bind_int(q, 3, clock_now());
		if (until)
			store_q_bind_int(q, 4, until);
		else
			store_q_bind_null(q, 4);
		err = store_q_exec(q);
		store_q_close(q);
		if (!err && store_changes(c) == 0)
			err = ENT_ENOTFOUND;
	}
	if (!err && suspended) {
		err = store_session_delete_others(c, id, 0);
		if (err == ENT_ENOTFOUND)
			err = ENT_OK;
	}
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err store_account_delete(struct store_conn *c, int64_t id, enum store_posts_mode mode)
{
	return store_account_delete_recorded(c, id, mode, NULL);
}

enum ent_err store_account_delete_recorded(struct store_conn *c, int64_t id,
					   enum store_posts_mode mode, const struct store_tombstone *t)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	if (t)
		err = store_tombstone_add(c, t);
	for (size_t i = 0; !err && delete_hooks[i]; i++)
		err = delete_hooks[i](c, id, mode);
	if (!err)
		err = exec_id(c, &Q_DELETE, id, NULL, NULL); /* roles, sessions: ON DELETE CASCADE */
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err store_account_each(struct store_conn *c,
				void (*fn)(const struct store_account *a, void *arg), void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, &Q_EACH, &q);
	if (err)
		return err;
	while (!(err = store_q_step(q, &row)) && row) {
		struct store_account a;
		read_account(q, 0, &a);
		fn(&a, arg);
	}
	store_q_close(q);
	return err;
}

static enum ent_err count(struct store_conn *c, const struct store_stmt *stmt, const int64_t *arg,
			  int64_t *n)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	if (arg)
		store_q_bind_int(q, 1, *arg);
	err = store_q_step(q, &row);
	*n = (!err && row) ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return err;
}

enum ent_err store_account_count(struct store_conn *c, int64_t *n)
{
	return count(c, &Q_COUNT, NULL, n);
}

enum ent_err store_roles_of(struct store_conn *c, int64_t account_id, struct store_role *out,
			    size_t max, size_t *n)
{
	struct store_q *q;
	bool row;
	*n = 0;
	enum ent_err err = store_q_open(c, &Q_ROLES, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	while (!(err = store_q_step(q, &row)) && row && *n < max) {
		struct store_role *r = &out[(*n)++];
		copy_text(r->role, sizeof r->role, q, 0);
		copy_text(r->institution, sizeof r->institution, q, 1);
		copy_text(r->institution_name, sizeof r->institution_name, q, 2);
	}
	store_q_close(q);
	return err;
}

static enum ent_err institution_id(struct store_conn *c, const char *slug, int64_t *id)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, &Q_INST_ID, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		*id = store_q_int(q, 0);
	store_q_close(q);
	return err;
}

/* Grant or revoke: the same binding, a different statement. */
static enum ent_err role_change(struct store_conn *c, const struct store_stmt *stmt,
				int64_t account_id, const char *role, const char *institution)
{
	int64_t inst = 0;
	struct store_q *q;
	enum ent_err err = institution ? institution_id(c, institution, &inst) : ENT_OK;
	if (!err)
		err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	store_q_bind_text(q, 2, role, strlen(role));
	if (institution)
		store_q_bind_int(q, 3, inst);
	else
		store_q_bind_null(q, 3);
	if (stmt == &Q_GRANT)
		store_q_bind_int(q, 4, clock_now());
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_role_grant(struct store_conn *c, int64_t account_id, const char *role,
			      const char *institution)
{
	return role_change(c, &Q_GRANT, account_id, role, institution);
}

enum ent_err store_role_revoke(struct store_conn *c, int64_t account_id, const char *role,
			       const char *institution)
{
	enum ent_err err = role_change(c, &Q_REVOKE, account_id, role, institution);
	if (!err && store_changes(c) == 0)
		err = ENT_ENOTFOUND;
	return err;
}

enum ent_err store_institution_ensure(struct store_conn *c, const char *slug, const char *name)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INST_ENSURE, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, slug, strlen(slug));
	store_q_bind_text(q, 2, name, strlen(name));
	store_q_bind_int(q, 3, clock_now());
	err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_session_insert(struct store_conn *c, const unsigned char *hash, size_t len,
				  int64_t account_id, int64_t now, int64_t expires_at)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SESSION_INSERT, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, len);
	store_q_bind_int(q, 2, account_id);
	store_q_bind_int(q, 3, now);
	store_q_bind_int(q, 4, expires_at);
	err = store_q_exec(q);
	store_q_close(q);
	/* Expired sessions are cleared now and then, when someone logs in. */
	if (!err && (now & 15) == 0 && !store_q_open(c, &Q_SESSION_PURGE, &q)) {
		store_q_bind_int(q, 1, now);
		(void)store_q_exec(q);
		store_q_close(q);
	}
	return err;
}

enum ent_err store_session_purge(struct store_conn *c, int64_t now, int64_t *n)
{
	return store_tx_exec_int(c, &Q_SESSION_PURGE, now, n);
}

enum ent_err store_session_find(struct store_conn *c, const unsigned char *hash, size_t len,
				int64_t now, struct store_session *out)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, &Q_SESSION_FIND, &q);
	if (err)
		return err;
	store_q_bind_blob(q, 1, hash, len);
	store_q_bind_int(q, 2, now);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		out->id = store_q_int(q, 0);
		out->expires_at = store_q_int(q, 1);
		read_account(q, 2, &out->account);
		out->has_roles = store_q_bool(q, 8);
	}
	store_q_close(q);
	return err;
}

enum ent_err store_session_touch(struct store_conn *c, int64_t id, int64_t expires_at)
{
	return exec_id(c, &Q_SESSION_TOUCH, id, NULL, &expires_at);
}

enum ent_err store_session_delete(struct store_conn *c, int64_t id)
{
	return exec_id(c, &Q_SESSION_DELETE, id, NULL, NULL);
}

enum ent_err store_session_delete_others(struct store_conn *c, int64_t account_id, int64_t keep)
{
	enum ent_err err = exec_id(c, &Q_SESSION_DELETE_OTHERS, account_id, NULL, &keep);
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

enum ent_err store_session_count_open(struct store_conn *c, int64_t now, int64_t *n)
{
	return count(c, &Q_SESSION_COUNT, &now, n);
}
