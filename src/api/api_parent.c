/*
 * api_parent.c - a parent's agreement for an under-15 account (issue 21; loi Informatique et
 * Libertés, art. 45). An account that declared 13-14 is limited (no direct messages, no public
 * profile: learn_age_limited) until a parent confirms:
 *
 *   POST /api/v1/me/parent-confirmation {"parent_email"}  202: a single-use link
 *        PUBLIC_URL/parent-confirm/TOKEN is queued to that address (MAIL_PARENT_CONFIRM, in
 *        the account's language, 7 days); 409 when the account is not limited, 422 for the
 *        account's own address, 429 after 3 links in an hour.
 *   POST /api/v1/parent-confirmations/{token}             204: the limit is lifted; 410
 *        link-invalid for an unknown, used or expired token.
 *
 * What is kept about the parent: nothing. The address is sealed in the mail queue until the
 * message is sent or given up, then erased (mail.h); parent_tokens keeps the hash of the
 * link's token and its times only (0603).
 * Not responsible for: the tokens' table (learn_parent.c), what the limit refuses (the
 * subsystems call learn_age_limited).
 */
#include <stdio.h>
#include <string.h>

#include "api/api_handlers.h"
#include "core/clock.h"
#include "learn/learn.h"
#include "mail/mail.h"

const struct json_field api_parent_request_fields[] = {
	{"parent_email", JF_STRING, true, 3, AUTH_EMAIL_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

/* Whether norm is the address of the account itself: a child cannot be its own parent. */
static bool own_address(struct api_req *q, const char *norm)
{
	unsigned char h[AUTH_HASH_BYTES];
	struct store_account a;
	auth_email_hash(q->app->keys, norm, h);
	return !store_account_by_email(q->db, h, sizeof h, &a) && a.id == q->s.account.id;
}

enum ent_err api_parent_request(struct api_req *q)
{
	char band[LEARN_BAND_MAX], norm[AUTH_EMAIL_MAX + 1], akey[40];
	char text[LEARN_TOKEN_CHARS + 1], link[LEARN_TOKEN_CHARS + 32];
	bool limited = false;
	size_t len;
	const char *to = api_str(q, "parent_email", &len);
	int64_t id = q->s.account.id, now = clock_now();
	enum ent_err err = learn_age_band_get(q->db, id, band, &limited);
	if (err)
		return err;
	if (!limited) { /* nothing to confirm */
		q->slug = "conflict";
		return ENT_ECONFLICT;
	}
	if (auth_email_normalize(to, len, norm))
		return api_invalid(q, "parent_email", "not-an-email");
	if (own_address(q, norm))
		return api_invalid(q, "parent_email", "own-address");
	snprintf(akey, sizeof akey, "parent:%lld", (long long)id);
	q->retry_after = auth_limiter_take(q->app->reset_account, akey, strlen(akey), now, 1);
	if (q->retry_after)
		return ENT_ERATE;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = learn_parent_token_new(q->db, id, now, text);
	if (!err) {
		snprintf(link, sizeof link, "/parent-confirm/%s", text);
		err = mail_enqueue(q->db, q->app->keys, &(struct mail_msg){
			.account_id = id, .tmpl = MAIL_PARENT_CONFIRM, .to = norm, .link = link});
	}
	if (err) {
		store_tx_rollback(q->db);
		return err;
	}
	err = store_tx_commit(q->db);
	if (!err)
		http_reply_empty(q->http, 202);
	return err;
}

enum ent_err api_parent_confirm(struct api_req *q)
{
	const char *token = api_param(q, "token");
	int64_t id = 0;
	enum ent_err err = store_tx_begin(q->db);
	if (!err)
		err = learn_parent_token_use(q->db, token, strlen(token), clock_now(), &id);
	if (!err)
		err = store_tx_commit(q->db);
	if (err) {
		store_tx_rollback(q->db);
		if (err == ENT_ENOTFOUND)
			q->slug = "link-invalid";
		return err;
	}
	http_reply_empty(q->http, 204);
	return ENT_OK;
}
