/* twofa_store.c - TOTP secrets, recovery codes, the instance setting; see twofa.h. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "twofa/twofa.h"

static const struct store_stmt Q_REQUIRED = {
	"twofa.required", "SELECT totp_required FROM security_settings WHERE id = 1"};
static const struct store_stmt Q_SET_REQUIRED = {
	"twofa.set_required",
	"INSERT INTO security_settings (id, totp_required) VALUES (1, ?1) "
	"ON CONFLICT (id) DO UPDATE SET totp_required = ?1"};
static const struct store_stmt Q_GET = {
	"twofa.get", "SELECT secret_enc, enabled_at IS NOT NULL, last_step FROM account_totp "
		     "WHERE account_id = ?1"};
static const struct store_stmt Q_BEGIN = {
	"twofa.begin",
	"INSERT INTO account_totp (account_id, secret_enc) VALUES (?1, ?2) "
	"ON CONFLICT (account_id) DO UPDATE SET secret_enc = ?2, last_step = 0 "
	"WHERE account_totp.enabled_at IS NULL"};
static const struct store_stmt Q_ENABLE = {
	"twofa.enable",
	"UPDATE account_totp SET enabled_at = ?2, last_step = ?3 WHERE account_id = ?1 AND "
	"enabled_at IS NULL"};
static const struct store_stmt Q_STEP = {
	"twofa.step", "UPDATE account_totp SET last_step = ?2 WHERE account_id = ?1 AND last_step < ?2"};
static const struct store_stmt Q_CODES_DROP = {
	"twofa.codes_drop", "DELETE FROM totp_recovery_codes WHERE account_id = ?1"};
static const struct store_stmt Q_CODE_ADD = {
	"twofa.code_add", "INSERT INTO totp_recovery_codes (code_hash, account_id) VALUES (?2, ?1)"};
static const struct store_stmt Q_CODE_USE = {
	"twofa.code_use", "DELETE FROM totp_recovery_codes WHERE account_id = ?1 AND code_hash = ?2"};
static const struct store_stmt Q_DISABLE = {
	"twofa.disable", "DELETE FROM account_totp WHERE account_id = ?1"};

/* Runs stmt with ?1 = a and, when b_len, ?2 = the blob b, else ?2 = n when n >= 0. */
static enum ent_err exec(struct store_conn *db, const struct store_stmt *stmt, int64_t a,
			 const void *b, size_t b_len, int64_t n)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, a);
	if (b_len)
		store_q_bind_blob(st, 2, b, b_len);
	else if (n >= 0)
		store_q_bind_int(st, 2, n);
	return store_q_run(st);
}

enum ent_err twofa_required(struct store_conn *db, bool *required)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_REQUIRED, &st);
	if (err)
		return err;
	bool row;
	err = store_q_step(st, &row);
	*required = err || !row || store_q_int(st, 0) != 0; /* on unless said otherwise */
	store_q_close(st);
	return err;
}

enum ent_err twofa_set_required(struct store_conn *db, bool required)
{
	return exec(db, &Q_SET_REQUIRED, required ? 1 : 0, NULL, 0, -1);
}

enum ent_err twofa_get(struct store_conn *db, const struct auth_keys *keys, int64_t account_id,
		       struct twofa_state *out)
{
	memset(out, 0, sizeof *out);
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_GET, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, account_id);
	bool row;
	err = store_q_step(st, &row);
	if (!err && row) {
		size_t len, n = 0;
		const unsigned char *p = store_q_blob(st, 0, &len);
		err = auth_unseal(keys, p, len, out->secret, sizeof out->secret, &n);
		if (!err && n != AUTH_TOTP_SECRET)
			err = ENT_ECRYPTO;
		out->exists = !err;
		out->enabled = !err && store_q_bool(st, 1);
		out->last_step = store_q_int(st, 2);
	}
	store_q_close(st);
	return err;
}

enum ent_err twofa_begin(struct store_conn *db, const struct auth_keys *keys, int64_t account_id,
			 int64_t now, unsigned char secret[AUTH_TOTP_SECRET])
{
	(void)now;
	unsigned char sealed[AUTH_TOTP_SECRET + AUTH_SEAL_OVERHEAD];
	size_t n;
	randombytes_buf(secret, AUTH_TOTP_SECRET);
	enum ent_err err = auth_seal(keys, secret, AUTH_TOTP_SECRET, sealed, sizeof sealed, &n);
	if (!err)
		err = exec(db, &Q_BEGIN, account_id, sealed, n, -1);
	if (!err && store_changes(db) == 0)
		err = ENT_ECONFLICT; /* already enabled */
	return err;
}

/* The hash under which a recovery code is kept: of its letters and digits, lower-cased. */
static void code_hash(const char *code, unsigned char out[AUTH_HASH_BYTES])
{
	char norm[64];
	size_t n = 0;
	for (const char *p = code; *p && n < sizeof norm - 1; p++)
		if (isalnum((unsigned char)*p))
			norm[n++] = (char)tolower((unsigned char)*p);
	crypto_generichash(out, AUTH_HASH_BYTES, (const unsigned char *)norm, n, NULL, 0);
	sodium_memzero(norm, sizeof norm);
}

enum ent_err twofa_enable(struct store_conn *db, int64_t account_id, int64_t now, int64_t step,
			  char codes[TWOFA_RECOVERY_CODES][TWOFA_RECOVERY_CHARS + 2])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; /* no 0/o, 1/l/i */
	struct store_q *st;
	enum ent_err err = store_tx_begin(db);
	if (!err)
		err = store_q_open(db, &Q_ENABLE, &st);
	if (!err) {
		store_q_bind_int(st, 1, account_id);
		store_q_bind_int(st, 2, now);
		store_q_bind_int(st, 3, step);
		err = store_q_exec(st);
		store_q_close(st);
		if (!err && store_changes(db) == 0)
			err = ENT_ECONFLICT;
	}
	if (!err)
		err = exec(db, &Q_CODES_DROP, account_id, NULL, 0, -1);
	for (int i = 0; !err && i < TWOFA_RECOVERY_CODES; i++) {
		char *c = codes[i];
		for (int k = 0, at = 0; k < TWOFA_RECOVERY_CHARS; k++) {
			if (k == TWOFA_RECOVERY_CHARS / 2)
				c[at++] = '-';
			c[at++] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		}
		c[TWOFA_RECOVERY_CHARS + 1] = '\0';
		unsigned char h[AUTH_HASH_BYTES];
		code_hash(c, h);
		err = exec(db, &Q_CODE_ADD, account_id, h, sizeof h, -1);
	}
	if (err) {
		store_tx_rollback(db);
		return err;
	}
	return store_tx_commit(db);
}

enum ent_err twofa_step_used(struct store_conn *db, int64_t account_id, int64_t step)
{
	return exec(db, &Q_STEP, account_id, NULL, 0, step);
}

enum ent_err twofa_recovery_use(struct store_conn *db, int64_t account_id, const char *code)
{
	unsigned char h[AUTH_HASH_BYTES];
	code_hash(code, h);
	enum ent_err err = exec(db, &Q_CODE_USE, account_id, h, sizeof h, -1);
	if (!err && store_changes(db) == 0)
		err = ENT_EAUTH;
	return err;
}

enum ent_err twofa_disable(struct store_conn *db, int64_t account_id)
{
	enum ent_err err = store_tx_begin(db);
	if (!err)
		err = exec(db, &Q_DISABLE, account_id, NULL, 0, -1);
	if (!err)
		err = exec(db, &Q_CODES_DROP, account_id, NULL, 0, -1);
	if (err) {
		store_tx_rollback(db);
		return err;
	}
	return store_tx_commit(db);
}
