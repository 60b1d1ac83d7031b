/*
 * api_twofa.c - two-factor authentication (TOTP, RFC 6238) for members (issue 17):
 *
 *   GET    /api/v1/me/totp             {"enabled","required"}
 *   POST   /api/v1/me/totp/enrolment   a new secret: {"secret" (base32), "uri" (otpauth://)}
 *   POST   /api/v1/me/totp {"code"}    the first code turns it on: {"recovery_codes":[10]},
 *                                      shown once; the account's other sessions end
 *   DELETE /api/v1/me/totp {"code"}    turns it off (a code or a recovery code); refused
 *                                      (403) while the instance requires it of this account
 *   log-in (api_account.c)             an account with it on gives "otp": a code or a recovery
 *                                      code (401 otp-required, otp-invalid)
 *
 * Offered to everyone; required of staff (administrators, moderators, community managers,
 * professionals, and any role of an institution's administration) when the instance setting
 * is on (the default; `entraide demo` turns it off): until they turn it on, their session
 * holds the member's rights only (api_twofa_gate) and /me says "totp_missing".
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "api/api_handlers.h"
#include "core/clock.h"
#include "twofa/twofa.h"

/* Roles that need the second factor when the instance requires it: every granted role but an
 * editor's (who signs articles only). */
#define TWOFA_ROLES (ROLE_ALL_ACCOUNTS & ~(ROLE_MEMBER | ROLE_EDITOR))

const struct json_field api_totp_code_fields[] = {
	{"code", JF_STRING, true, 1, 32, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

enum ent_err api_twofa_gate(struct store_conn *db, const struct auth_keys *keys,
			    struct api_session *s)
{
	s->totp_missing = false;
	if (!(s->roles & TWOFA_ROLES))
		return ENT_OK;
	bool required;
	struct twofa_state st;
	enum ent_err err = twofa_required(db, &required);
	if (!err && required)
		err = twofa_get(db, keys, s->account.id, &st);
	if (err || !required)
		return err;
	sodium_memzero(st.secret, sizeof st.secret);
	if (!st.enabled) {
		s->roles &= ~TWOFA_ROLES;
		s->totp_missing = true;
	}
	return ENT_OK;
}

/* Checks code (six digits, or a recovery code) for the account whose state is st. */
static enum ent_err check_code(struct store_conn *db, int64_t account_id,
			       const struct twofa_state *st, const char *code)
{
	int64_t step;
	if (!auth_totp_check(st->secret, sizeof st->secret, clock_now(), st->last_step, code, &step))
		return twofa_step_used(db, account_id, step);
	if (strlen(code) == AUTH_TOTP_DIGITS)
		return ENT_EAUTH;
	return twofa_recovery_use(db, account_id, code);
}

enum ent_err api_twofa_login(struct api_req *q, const struct store_account *a, const char *otp)
{
	struct twofa_state st;
	enum ent_err err = twofa_get(q->db, q->app->keys, a->id, &st);
	if (err || !st.enabled) {
		sodium_memzero(st.secret, sizeof st.secret);
		return err;
	}
	if (!otp || !otp[0]) {
		q->slug = "otp-required";
		err = ENT_EAUTH;
	} else {
		char key[40];
		int64_t now = clock_now();
		snprintf(key, sizeof key, "otp:%lld", (long long)a->id);
		q->retry_after = auth_limiter_check(q->app->login_account, key, strlen(key), now);
		err = q->retry_after ? ENT_ERATE : check_code(q->db, a->id, &st, otp);
		if (err == ENT_EAUTH) {
			auth_limiter_hit(q->app->login_account, key, strlen(key), now);
			q->slug = "otp-invalid";
		}
	}
	sodium_memzero(st.secret, sizeof st.secret);
	return err;
}

/* Whether the instance requires it of this session's account. */
static bool required_here(struct api_req *q)
{
	bool required = false;
	unsigned held = ROLE_MEMBER;
	for (size_t i = 0; i < q->s.n_granted; i++)
		held |= policy_role_parse(q->s.granted[i].role);
	/* a space moderator has no granted row: the session's bit, unless the gate took it */
	held |= q->s.roles;
	return ((held & TWOFA_ROLES) || q->s.totp_missing) && !twofa_required(q->db, &required) && required;
}

enum ent_err api_totp_get(struct api_req *q)
{
	struct twofa_state st;
	enum ent_err err = twofa_get(q->db, q->app->keys, q->s.account.id, &st);
	sodium_memzero(st.secret, sizeof st.secret);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 128);
	buf_printf(&b, "{\"enabled\":%s,\"required\":%s}", st.enabled ? "true" : "false",
		   required_here(q) ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

/* Appends s to b with every byte but [A-Za-z0-9._-] percent-encoded (the otpauth label). */
static void put_escaped(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '_' || *p == '-')
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

enum ent_err api_totp_enrol(struct api_req *q)
{
	unsigned char secret[AUTH_TOTP_SECRET];
	char b32[64];
	enum ent_err err = twofa_begin(q->db, q->app->keys, q->s.account.id, clock_now(), secret);
	if (!err)
		err = auth_base32(secret, sizeof secret, b32, sizeof b32);
	sodium_memzero(secret, sizeof secret);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024);
	buf_printf(&b, "{\"secret\":\"%s\",\"uri\":\"otpauth://totp/entraide:", b32);
	put_escaped(&b, q->s.account.handle);
	buf_printf(&b, "?secret=%s&issuer=entraide&algorithm=SHA1&digits=%d&period=%d\","
		       "\"digits\":%d,\"period\":%d}",
		   b32, AUTH_TOTP_DIGITS, AUTH_TOTP_STEP, AUTH_TOTP_DIGITS, AUTH_TOTP_STEP);
	sodium_memzero(b32, sizeof b32);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_totp_confirm(struct api_req *q)
{
	const char *code = api_str(q, "code", NULL);
	struct twofa_state st;
	enum ent_err err = twofa_get(q->db, q->app->keys, q->s.account.id, &st);
	int64_t step = 0;
	if (!err && (!st.exists || st.enabled))
		err = ENT_ECONFLICT; /* enrol first; or it is on already */
	if (!err && auth_totp_check(st.secret, sizeof st.secret, clock_now(), 0, code, &step))
		err = api_invalid(q, "code", "wrong");
	sodium_memzero(st.secret, sizeof st.secret);
	char codes[TWOFA_RECOVERY_CODES][TWOFA_RECOVERY_CHARS + 2];
	if (!err)
		err = twofa_enable(q->db, q->s.account.id, clock_now(), step, codes);
	if (!err) { /* a session opened without the second factor does not outlive it */
		err = store_session_delete_others(q->db, q->s.account.id, q->s.id);
		if (err == ENT_ENOTFOUND)
			err = ENT_OK;
	}
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"enabled\":true,\"recovery_codes\":[");
	for (int i = 0; i < TWOFA_RECOVERY_CODES; i++)
		buf_printf(&b, "%s\"%s\"", i ? "," : "", codes[i]);
	buf_puts(&b, "]}");
	sodium_memzero(codes, sizeof codes);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_totp_disable(struct api_req *q)
{
	if (required_here(q))
		return ENT_EPERM;
	struct twofa_state st;
	enum ent_err err = twofa_get(q->db, q->app->keys, q->s.account.id, &st);
	if (!err && !st.enabled)
		err = ENT_ECONFLICT;
	if (!err && check_code(q->db, q->s.account.id, &st, api_str(q, "code", NULL)))
		err = api_invalid(q, "code", "wrong");
	sodium_memzero(st.secret, sizeof st.secret);
	if (!err)
		err = twofa_disable(q->db, q->s.account.id);
	if (!err)
		http_reply_empty(q->http, 204);
	return err;
}
