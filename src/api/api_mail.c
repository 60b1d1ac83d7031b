/*
 * api_mail.c - what members and administrators do with e-mail (issue 17):
 *
 *   POST /api/v1/password-resets {"login"}            202 whether or not the account exists;
 *        an account with a confirmed address gets a link PUBLIC_URL/password-reset/TOKEN
 *        (single-use, 30 minutes); limited per client address (429) and per account (quietly:
 *        a 429 there would say the account exists)
 *   POST /api/v1/password-resets/{token} {"password"} 204: the new password, every session of
 *        the account ended; the token works once (410 link-invalid after)
 *   POST /api/v1/email-confirmations/{token}           204: the address is confirmed
 *   POST /api/v1/me/email-confirmation                 202: a new confirmation link
 *   GET  /api/v1/admin/mail-queue                      the queue, without address nor link
 *   GET, PUT {"frequency"}, DELETE /api/v1/me/email-digest   opt-in digests (daily, weekly):
 *        PUT records the consent "email_digest", DELETE withdraws it
 *
 * Sign-up asks for the first confirmation link (api_mail_confirm_send). Messages are queued
 * (src/mail/), never sent while a request waits.
 * Not responsible for: the messages' words (mail_text.c), sending them (mail_smtp.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "core/clock.h"
#include "core/log.h"
#include "mail/mail.h"
#include "mail/mail_token.h"

#define QUEUE_LIST_MAX 200

const struct json_field api_reset_ask_fields[] = {
	{"login", JF_STRING, true, 1, AUTH_EMAIL_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
static const char *const frequencies[] = {"daily", "weekly", NULL};
const struct json_field api_digest_fields[] = {
	{"frequency", JF_STRING, true, 0, 0, frequencies},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_reset_use_fields[] = {
	{"password", JF_STRING, true, 0, AUTH_PASSWORD_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* Makes a token and queues its link (path prefix + token). */
static enum ent_err send_link(struct api_req *q, int64_t account_id, enum mail_token_purpose p)
{
	char token[AUTH_TOKEN_CHARS + 1], link[96];
	enum ent_err err = store_tx_begin(q->db);
	if (err)
		return err;
	err = mail_token_new(q->db, account_id, p, clock_now(), token);
	snprintf(link, sizeof link, "%s%s",
		 p == MAIL_TOKEN_RESET ? "/password-reset/" : "/confirm-email/", token);
	if (!err)
		err = mail_enqueue(q->db, q->app->keys,
				   &(struct mail_msg){.account_id = account_id,
						      .tmpl = p == MAIL_TOKEN_RESET ? MAIL_PASSWORD_RESET
										    : MAIL_CONFIRM_EMAIL,
						      .link = link});
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	return store_tx_commit(q->db);
}

enum ent_err api_mail_confirm_send(struct api_req *q, int64_t account_id)
{
	return send_link(q, account_id, MAIL_TOKEN_CONFIRM);
}

enum ent_err api_password_reset_ask(struct api_req *q)
{
	struct api_app *app = q->app;
	size_t len;
	const char *login = api_str(q, "login", &len);
	char addr[64], akey[32];
	int64_t now = clock_now();
	http_client_key(q->http, addr);
	q->retry_after = auth_limiter_check(app->reset_addr, addr, strlen(addr), now);
	if (q->retry_after)
		return ENT_ERATE;
	auth_limiter_hit(app->reset_addr, addr, strlen(addr), now);
	struct store_account a;
	enum ent_err err = api_account_find_login(q, login, len, &a);
	bool confirmed = false;
	if (!err)
		err = mail_email_confirmed(q->db, a.id, &confirmed);
	if (!err && confirmed && !a.suspended) {
		snprintf(akey, sizeof akey, "id:%lld", (long long)a.id);
		if (!auth_limiter_take(app->reset_account, akey, strlen(akey), now, 1))
			err = send_link(q, a.id, MAIL_TOKEN_RESET);
	}
	if (err && err != ENT_ENOTFOUND)
		return err;
	/* the same answer for an unknown login, an unconfirmed address, a limit reached */
	http_reply_empty(q->http, 202);
	return ENT_OK;
}

/* Opens a transaction and uses the path's {token} for purpose (its account into *id); end it
 * with end_tx. */
static enum ent_err use_token(struct api_req *q, enum mail_token_purpose p, int64_t now,
			      int64_t *id)
{
	const char *token = api_param(q, "token");
	enum ent_err err = store_tx_begin(q->db);
	if (err)
		return err;
	return mail_token_use(q->db, p, token, strlen(token), now, id);
}

/* Commits use_token's transaction, or rolls it back on err (an unknown, used or expired
 * token is 410 link-invalid). */
static enum ent_err end_tx(struct api_req *q, enum ent_err err)
{
	if (!err)
		return store_tx_commit(q->db);
	store_tx_rollback(q->db); /* a no-op when none was opened */
	if (err == ENT_ENOTFOUND)
		q->slug = "link-invalid";
	return err;
}

enum ent_err api_password_reset_use(struct api_req *q)
{
	size_t plen;
	const char *pw = api_str(q, "password", &plen);
	const char *reason;
	if (api_password_ok(pw, plen, &reason))
		return api_invalid(q, "password", reason);
	struct api_pw_work w = {.new_pw = pw, .new_len = plen};
	struct api_pw_result res;
	bool pending;
	enum ent_err err = api_password_work(q, &w, &res, &pending); /* off the HTTP thread */
	if (err || pending)
		return err;
	if (res.hash_err)
		return res.hash_err;
	const char *hash = res.new_hash;
	int64_t id = 0, now = clock_now();
	err = use_token(q, MAIL_TOKEN_RESET, now, &id);
	if (!err)
		err = store_account_set_password(q->db, id, hash);
	if (!err) {
		err = store_session_delete_others(q->db, id, 0); /* every session ends */
		if (err == ENT_ENOTFOUND)
			err = ENT_OK;
	}
	if (!err) /* the link came to that address: it is confirmed */
		err = mail_email_confirm(q->db, id, now);
	err = end_tx(q, err);
	if (err)
		return err;
	char akey[32];
	snprintf(akey, sizeof akey, "id:%lld", (long long)id);
	auth_limiter_reset(q->app->login_account, akey, strlen(akey));
	http_reply_empty(q->http, 204);
	return ENT_OK;
}

enum ent_err api_email_confirm(struct api_req *q)
{
	int64_t id = 0, now = clock_now();
	enum ent_err err = use_token(q, MAIL_TOKEN_CONFIRM, now, &id);
	if (!err)
		err = mail_email_confirm(q->db, id, now);
	err = end_tx(q, err);
	if (!err)
		http_reply_empty(q->http, 204);
	return err;
}

enum ent_err api_email_confirm_resend(struct api_req *q)
{
	bool confirmed;
	char akey[32];
	int64_t now = clock_now();
	enum ent_err err = mail_email_confirmed(q->db, q->s.account.id, &confirmed);
	if (err)
		return err;
	if (confirmed) {
		q->slug = "conflict";
		return ENT_ECONFLICT;
	}
	snprintf(akey, sizeof akey, "confirm:%lld", (long long)q->s.account.id);
	q->retry_after = auth_limiter_take(q->app->reset_account, akey, strlen(akey), now, 1);
	if (q->retry_after)
		return ENT_ERATE;
	err = send_link(q, q->s.account.id, MAIL_TOKEN_CONFIRM);
	if (!err)
		http_reply_empty(q->http, 202);
	return err;
}

enum ent_err api_admin_mail_queue(struct api_req *q)
{
	struct mail_row *rows = calloc(QUEUE_LIST_MAX, sizeof *rows);
	if (!rows)
		return ENT_ENOMEM;
	size_t n = 0;
	struct mail_counts c;
	enum ent_err err = mail_queue_list(q->db, rows, QUEUE_LIST_MAX, &n, &c);
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_printf(&b, "{\"smtp_configured\":%s,\"keep_days\":%d,\"counts\":{\"pending\":%lld,"
		       "\"sent\":%lld,\"failed\":%lld},\"messages\":[",
		   q->app->cfg.smtp[0] ? "true" : "false", MAIL_KEEP_DAYS, (long long)c.pending,
		   (long long)c.sent, (long long)c.failed);
	for (size_t i = 0; !err && i < n; i++) {
		const struct mail_row *r = &rows[i];
		char created[24], next[24], done[24];
		clock_iso(r->created_at, created);
		clock_iso(r->next_at, next);
		clock_iso(r->done_at, done);
		buf_printf(&b, "%s{\"id\":%lld,\"template\":", i ? "," : "", (long long)r->id);
		buf_json_cstr(&b, r->tmpl);
		buf_printf(&b, ",\"locale\":\"%s\",\"status\":", r->locale);
		buf_json_cstr(&b, r->status);
		buf_printf(&b, ",\"attempts\":%u,\"created_at\":\"%s\",\"next_at\":%s%s%s,"
			       "\"done_at\":%s%s%s,\"last_error\":",
			   r->attempts, created, r->done_at ? "null" : "\"", r->done_at ? "" : next,
			   r->done_at ? "" : "\"", r->done_at ? "\"" : "null", r->done_at ? done : "",
			   r->done_at ? "\"" : "");
		if (r->last_error[0])
			buf_json_cstr(&b, r->last_error);
		else
			buf_puts(&b, "null");
		buf_putc(&b, '}');
	}
	buf_puts(&b, "]}");
	free(rows);
	return api_reply_or_drop(q, &b, err);
}

enum ent_err api_digest_get(struct api_req *q)
{
	char f[8];
	enum ent_err err = mail_digest_get(q->db, q->s.account.id, f);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 256);
	if (f[0])
		buf_printf(&b, "{\"frequency\":\"%s\"}", f);
	else
		buf_puts(&b, "{\"frequency\":null}");
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_digest_put(struct api_req *q)
{
	enum ent_err err = mail_digest_set(q->db, q->s.account.id, api_str(q, "frequency", NULL),
					   clock_now());
	return err ? err : api_digest_get(q);
}

enum ent_err api_digest_delete(struct api_req *q)
{
	enum ent_err err = mail_digest_set(q->db, q->s.account.id, NULL, clock_now());
	return err ? err : api_digest_get(q);
}
