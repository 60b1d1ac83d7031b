/* mail_token.c - single-use e-mail tokens and confirmed addresses; see mail_token.h. */
#include <string.h>

#include "mail/mail_token.h"

static const char *const purposes[] = {[MAIL_TOKEN_CONFIRM] = "confirm", [MAIL_TOKEN_RESET] = "reset"};

static const struct store_stmt Q_DROP = {
	"mail_token.drop", "DELETE FROM email_tokens WHERE account_id = ?1 AND purpose = ?2"};
static const struct store_stmt Q_INSERT = {
	"mail_token.insert",
	"INSERT INTO email_tokens (token_hash, account_id, purpose, created_at, expires_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)"};
static const struct store_stmt Q_USE = {
	"mail_token.use",
	"DELETE FROM email_tokens WHERE token_hash = ?1 AND purpose = ?2 AND expires_at > ?3 "
	"RETURNING account_id"};
static const struct store_stmt Q_PURGE = {
	"mail_token.purge", "DELETE FROM email_tokens WHERE expires_at <= ?1"};
static const struct store_stmt Q_CONFIRMED = {
	"mail_token.confirmed", "SELECT email_confirmed_at IS NOT NULL FROM accounts WHERE id = ?1"};
static const struct store_stmt Q_CONFIRM = {
	"mail_token.confirm",
	"UPDATE accounts SET email_confirmed_at = coalesce(email_confirmed_at, ?2) WHERE id = ?1"};

static enum ent_err by_account(struct store_conn *db, const struct store_stmt *stmt, int64_t id,
			       const char *purpose)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	store_q_bind_text(st, 2, purpose, strlen(purpose));
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err mail_token_new(struct store_conn *db, int64_t account_id,
			    enum mail_token_purpose purpose, int64_t now,
			    char text[AUTH_TOKEN_CHARS + 1])
{
	const char *p = purposes[purpose];
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	enum ent_err err = auth_token_new(raw, text);
	if (!err)
		err = by_account(db, &Q_DROP, account_id, p);
	if (err)
		return err;
	auth_token_hash(raw, hash);
	struct store_q *st;
	err = store_q_open(db, &Q_INSERT, &st);
	if (err)
		return err;
	store_q_bind_blob(st, 1, hash, sizeof hash);
	store_q_bind_int(st, 2, account_id);
	store_q_bind_text(st, 3, p, strlen(p));
	store_q_bind_int(st, 4, now);
	store_q_bind_int(st, 5, now + (purpose == MAIL_TOKEN_RESET ? MAIL_RESET_TTL : MAIL_CONFIRM_TTL));
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err mail_token_use(struct store_conn *db, enum mail_token_purpose purpose,
			    const char *text, size_t len, int64_t now, int64_t *account_id)
{
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	if (auth_token_parse(text, len, raw))
		return ENT_ENOTFOUND;
	auth_token_hash(raw, hash);
	const char *p = purposes[purpose];
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_USE, &st);
	if (err)
		return err;
	store_q_bind_blob(st, 1, hash, sizeof hash);
	store_q_bind_text(st, 2, p, strlen(p));
	store_q_bind_int(st, 3, now);
	bool row;
	err = store_q_step(st, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err)
		*account_id = store_q_int(st, 0);
	store_q_close(st);
	if (!err) /* the other links of the account for the same purpose die with it */
		err = by_account(db, &Q_DROP, *account_id, p);
	return err;
}

enum ent_err mail_token_purge(struct store_conn *db, int64_t now, int64_t *n)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_PURGE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, now);
	err = store_q_exec(st);
	store_q_close(st);
	*n = err ? 0 : store_changes(db);
	return err;
}

enum ent_err mail_email_confirmed(struct store_conn *db, int64_t account_id, bool *confirmed)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_CONFIRMED, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, account_id);
	bool row;
	err = store_q_step(st, &row);
	*confirmed = !err && row && store_q_bool(st, 0);
	store_q_close(st);
	return err;
}

enum ent_err mail_email_confirm(struct store_conn *db, int64_t account_id, int64_t now)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_CONFIRM, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, account_id);
	store_q_bind_int(st, 2, now);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}
