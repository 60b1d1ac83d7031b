/*
 * api_account.c - sign-up, log-in, log-out and the logged-in account (/api/v1/me).
 * Rules: handles are pseudonyms, e-mail addresses are sealed at rest (auth.h), log-in is
 * rate-limited per account and per client address, an unknown login costs the same time as a
 * wrong password, the CSRF token is bound to the session.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "api/api_media.h"
#include "core/clock.h"
#include "core/log.h"
#include "mail/mail_token.h"
#include "entraide/privacy.h"
#include "learn/learn.h"

static const char *const locales[] = {"fr", "en", NULL};
static const char *const post_modes[] = {"anonymise", "delete", NULL};

const struct json_field api_account_create_fields[] = {
	{"handle", JF_STRING, true, 0, 64, NULL},
	{"email", JF_STRING, true, 0, AUTH_EMAIL_MAX, NULL},
	{"password", JF_STRING, true, 0, AUTH_PASSWORD_MAX, NULL},
	{"locale", JF_STRING, false, 0, 0, locales},
	{"handle_confirmed", JF_BOOL, false, 0, 0, NULL},
	{"invitation", JF_STRING, false, 0, 64, NULL}, /* sign-up by invitation (issue 17) */
	{"age_band", JF_STRING, false, 0, 0, learn_bands}, /* issue 21: optional in the API */
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_session_create_fields[] = {
	{"login", JF_STRING, true, 1, AUTH_EMAIL_MAX, NULL},
	{"password", JF_STRING, true, 1, AUTH_PASSWORD_MAX, NULL},
	{"otp", JF_STRING, false, 0, 32, NULL}, /* two-factor code or recovery code (api_twofa.c) */
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_me_patch_fields[] = {
	{"locale", JF_STRING, false, 0, 0, locales},
	{"age_band", JF_STRING, false, 0, 0, learn_bands},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_me_password_fields[] = {
	{"current_password", JF_STRING, true, 1, AUTH_PASSWORD_MAX, NULL},
	{"new_password", JF_STRING, true, 0, AUTH_PASSWORD_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_me_delete_fields[] = {
	{"password", JF_STRING, true, 1, AUTH_PASSWORD_MAX, NULL},
	{"posts", JF_STRING, true, 0, 0, post_modes},
	{NULL, 0, false, 0, 0, NULL},
};

/* "member" then the granted roles, each once, in enum role order. */
static void write_roles(struct buf *b, unsigned roles)
{
	buf_putc(b, '[');
	bool first = true;
	for (unsigned bit = ROLE_MEMBER; bit <= ROLE_SPACE_MODERATOR; bit <<= 1) {
		if (!(roles & bit))
			continue;
		buf_puts(b, first ? "\"" : ",\"");
		buf_puts(b, policy_role_name(bit));
		buf_putc(b, '"');
		first = false;
	}
	buf_putc(b, ']');
}

/* ,"age_band":"15-17" (null: not said yet, the front end asks) and whether the account waits
 * for a parent's confirmation (issue 21). */
static void write_age(struct api_req *q, struct buf *b)
{
	char band[LEARN_BAND_MAX];
	bool limited = false;
	if (learn_age_band_get(q->db, q->s.account.id, band, &limited) || !band[0]) {
		buf_puts(b, ",\"age_band\":null,\"age_limited\":false");
		return;
	}
	buf_printf(b, ",\"age_band\":\"%s\",\"age_limited\":%s", band, limited ? "true" : "false");
}

static void write_me(struct api_req *q, struct buf *b)
{
	const struct api_session *s = &q->s;
	char csrf[AUTH_TOKEN_CHARS + 1];
	auth_csrf(q->app->keys, s->token, csrf);
	buf_puts(b, "{\"handle\":");
	buf_json_cstr(b, s->account.handle);
	buf_puts(b, ",\"roles\":");
	write_roles(b, s->roles);
	buf_puts(b, ",\"institutions\":[");
	bool first = true;
	for (size_t i = 0; i < s->n_granted; i++) {
		if (!s->granted[i].institution[0])
			continue;
		buf_puts(b, first ? "{\"slug\":" : ",{\"slug\":");
		buf_json_cstr(b, s->granted[i].institution);
		buf_puts(b, ",\"name\":");
		buf_json_cstr(b, s->granted[i].institution_name);
		buf_puts(b, ",\"role\":");
		buf_json_cstr(b, s->granted[i].role);
		buf_putc(b, '}');
		first = false;
	}
	char created[CLOCK_ISO_LEN];
	clock_iso(s->account.created_at, created);
	bool confirmed = false;
	(void)mail_email_confirmed(q->db, s->account.id, &confirmed); /* false on error */
	buf_printf(b, "],\"locale\":\"%s\",\"csrf_token\":\"%s\",\"created_at\":\"%s\","
		   "\"email_confirmed\":%s,\"totp_missing\":%s",
		   s->account.locale, csrf, created, confirmed ? "true" : "false",
		   s->totp_missing ? "true" : "false");
	write_age(q, b);
	buf_putc(b, '}');
}

/* Words for suggested handles: no name, town or region (checked again at run time). */
static const char *const suggest_words[2][16] = {
	{"colibri", "tilleul", "mesange", "luciole", "galet", "nuage", "bambou", "ecureuil",
	 "lavande", "peuplier", "loutre", "mouette", "sapin", "ardoise", "comete", "boussole"},
	{"heron", "willow", "pebble", "otter", "maple", "comet", "lantern", "sparrow", "harbour",
	 "meadow", "acorn", "kestrel", "thistle", "puffin", "ember", "compass"},
};

/* Whether a suggestion may be offered: passes the check and is free. */
static bool suggestion_ok(struct api_req *q, const char *cand)
{
	char key[STORE_HANDLE_MAX + 1];
	struct ent_priv_handle_check c;
	struct store_account a;
	return !api_handle_key(cand, key) && !ent_priv_handle_check(cand, strlen(cand), &c) &&
	       c.verdict == ENT_PRIV_HANDLE_OK && store_account_by_handle(q->db, key, &a) == ENT_ENOTFOUND;
}

/* Fills q->problem_more with up to three free handles that say nothing of the member,
 * keeping an ordinary word of theirs when there is one ("alice.media" -> "media.colibri"). */
static void suggest_handles(struct api_req *q, const char *handle, const char *found)
{
	const char *const *w = suggest_words[q->lang == HTTP_LANG_EN];
	char kept[STORE_HANDLE_MAX + 1] = "";
	for (const char *p = handle; *p && !kept[0];) {
		size_t n = 0;
		while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
			n++;
		if (n >= 3 && n < 20) {
			char word[20];
			for (size_t i = 0; i < n; i++)
				word[i] = (char)(p[i] | 0x20);
			word[n] = '\0';
			struct ent_priv_handle_check c;
			if (!strstr(found, word) && ent_priv_handle_word_ok(word) &&
			    !ent_priv_handle_check(word, n, &c) && c.verdict == ENT_PRIV_HANDLE_OK)
				memcpy(kept, word, n + 1);
		}
		p += n ? n : 1;
	}
	struct buf b;
	buf_init(&b, sizeof q->problem_more);
	buf_puts(&b, "\"suggestions\":[");
	int n_out = 0;
	for (int tries = 0; tries < 12 && n_out < 3; tries++) {
		char cand[STORE_HANDLE_MAX + 1];
		const char *a = w[randombytes_uniform(16)], *c = w[randombytes_uniform(16)];
		if (n_out == 0 && kept[0])
			snprintf(cand, sizeof cand, "%s.%s", kept, a);
		else if (n_out == 2)
			snprintf(cand, sizeof cand, "%s%u", a, 100 + randombytes_uniform(900));
		else if (a != c)
			snprintf(cand, sizeof cand, "%s_%s", a, c);
		else
			continue;
		if (!suggestion_ok(q, cand)) {
			if (n_out == 0)
				kept[0] = '\0';
			continue;
		}
		buf_puts(&b, n_out++ ? ",\"" : "\"");
		buf_puts(&b, cand);
		buf_putc(&b, '"');
	}
	buf_putc(&b, ']');
	if (!buf_err(&b) && b.len < sizeof q->problem_more)
		memcpy(q->problem_more, b.p, b.len + 1);
	buf_clear(&b);
}

/* R1 at sign-up: a handle that identifies is refused (422 handle-identifying); one that may
 * (a first name alone...) needs handle_confirmed (422 handle-confirm). Both answers say what
 * was found and suggest other handles. */
static enum ent_err check_handle(struct api_req *q, const char *handle)
{
	char key[STORE_HANDLE_MAX + 1];
	struct ent_priv_handle_check c;
	if (api_handle_key(handle, key) || ent_priv_handle_check(handle, strlen(handle), &c))
		return ENT_OK; /* the syntax is refused by api_account_create */
	if (c.verdict == ENT_PRIV_HANDLE_OK)
		return ENT_OK;
	if (c.verdict == ENT_PRIV_HANDLE_CONFIRM && json_is_true(json_object_get(q->body, "handle_confirmed")))
		return ENT_OK;
	q->slug = c.verdict == ENT_PRIV_HANDLE_IDENTIFYING ? "handle-identifying" : "handle-confirm";
	suggest_handles(q, handle, c.found);
	return api_invalid_found(q, "handle", c.reason, c.found, strlen(c.found));
}

/* Queues the link that confirms the new account's address; the account works without it, so
 * a failure is logged, not returned (the member can ask again). */
static void send_confirmation(struct api_req *q, const char *handle)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	enum ent_err err = api_handle_key(handle, key);
	if (!err)
		err = store_account_by_handle(q->db, key, &a);
	if (!err)
		err = api_mail_confirm_send(q, a.id);
	if (err)
		log_err("confirmation e-mail not queued", err, NULL);
}

enum ent_err api_account_create_h(struct api_req *q)
{
	struct api_app *app = q->app;
	char addr[64];
	struct api_settings set;
	enum ent_err err = api_settings_get(app, q->db, &set);
	if (err)
		return err;
	if (!strcmp(set.registration, "closed"))
		return ENT_EPERM;
	bool invited = !strcmp(set.registration, "invitation");
	http_client_key(q->http, addr);
	q->retry_after = auth_limiter_check(app->signup_addr, addr, strlen(addr), clock_now());
	if (q->retry_after)
		return ENT_ERATE;
	size_t plen;
	const char *handle = api_str(q, "handle", NULL);
	const char *password = api_str(q, "password", &plen);
	const char *locale = api_str(q, "locale", NULL);
	const char *which;
	err = check_handle(q, handle);
	if (err)
		return err;
	/* the hash first, on the hashing threads: nothing is written before it is made */
	struct api_pw_result res = {.hash_err = ENT_OK};
	const char *reason;
	if (!api_password_ok(password, plen, &reason)) {
		struct api_pw_work w = {.new_pw = password, .new_len = plen};
		bool pending;
		err = api_password_work(q, &w, &res, &pending);
		if (err || pending)
			return err;
		if (res.hash_err)
			return res.hash_err;
	}
	unsigned char invitation[AUTH_HASH_BYTES];
	if (invited && !api_str(q, "invitation", NULL))
		return api_invalid(q, "invitation", "required");
	if (invited && api_invitation_use(q->db, api_str(q, "invitation", NULL), invitation))
		return api_invalid(q, "invitation", "not-valid");
	err = api_account_create(app, q->db, q, handle, api_str(q, "email", NULL), password, plen,
				 res.new_hash[0] ? res.new_hash : NULL, locale, &which);
	if (err && invited) /* the invitation was not used after all */
		api_invitation_give_back(q->db, invitation);
	if (err == ENT_EEXIST && which && !strcmp(which, "handle"))
		q->slug = "handle-taken";
	if (err)
		return err;
	auth_limiter_hit(app->signup_addr, addr, strlen(addr), clock_now());
	send_confirmation(q, handle);
	const char *band = api_str(q, "age_band", NULL);
	if (band) {
		char key[STORE_HANDLE_MAX + 1];
		struct store_account a;
		err = api_handle_key(handle, key);
		if (!err)
			err = store_account_by_handle(q->db, key, &a);
		if (!err)
			err = learn_age_band_set(q->db, a.id, band);
		if (err)
			return err;
	}
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"handle\":");
	buf_json_cstr(&b, handle);
	buf_printf(&b, ",\"roles\":[\"member\"],\"locale\":\"%s\",\"age_band\":",
		   locale && !strcmp(locale, "en") ? "en" : "fr");
	if (band)
		buf_printf(&b, "\"%s\"}", band);
	else
		buf_puts(&b, "null}");
	api_reply(q, 201, &b);
	return ENT_OK;
}

/* Finds the account named by login (handle or e-mail); ENT_ENOTFOUND when none. */
static enum ent_err find_login(struct api_req *q, const char *login, size_t len,
			       struct store_account *a)
{
	if (memchr(login, '@', len)) {
		char norm[AUTH_EMAIL_MAX + 1];
		unsigned char h[AUTH_HASH_BYTES];
		if (auth_email_normalize(login, len, norm))
			return ENT_ENOTFOUND;
		auth_email_hash(q->app->keys, norm, h);
		return store_account_by_email(q->db, h, sizeof h, a);
	}
	char key[STORE_HANDLE_MAX + 1];
	if (api_handle_key(login, key))
		return ENT_ENOTFOUND;
	return store_account_by_handle(q->db, key, a);
}

/* The rate-limit key of an account (by id) or of an unknown login (by its text), from one
 * client address: failures lock that address out of that account, never the owner logging
 * in from elsewhere (issue 17: ten wrong passwords from anywhere locked any account). The
 * address's own limit (login_addr) still counts its failures over every account. */
static void limit_key(const struct store_account *a, const char *login, const char *addr, char *out,
		      size_t cap)
{
	if (a)
		snprintf(out, cap, "id:%lld|%s", (long long)a->id, addr);
	else
		snprintf(out, cap, "login:%s|%s", login, addr);
}

/* Checks password against the account's, within the log-in rate limits, then hashes new_pw
 * into new_hash when set (w.new_pw). The Argon2id work runs on serve's hashing threads:
 * *pending means return ENT_OK at once, the handler is called again with the result. */
static enum ent_err check_password(struct api_req *q, const struct store_account *a,
				   const char *login, const char *pw, size_t len,
				   struct api_pw_work *w, struct api_pw_result *res, bool *pending)
{
	struct api_app *app = q->app;
	char akey[400], addr[64];
	int64_t now = clock_now();
	http_client_key(q->http, addr);
	limit_key(a, login, addr, akey, sizeof akey);
	if (!q->http->async) { /* the first call; the second brings the result */
		unsigned w1 = auth_limiter_check(app->login_account, akey, strlen(akey), now);
		unsigned w2 = auth_limiter_check(app->login_addr, addr, strlen(addr), now);
		if (w1 || w2) {
			q->retry_after = w1 > w2 ? w1 : w2;
			return ENT_ERATE;
		}
	}
	w->check = true;
	w->check_hash = a ? a->password_hash : NULL;
	w->pw = pw;
	w->pw_len = len;
	enum ent_err err = api_password_work(q, w, res, pending);
	if (err || *pending)
		return err;
	if (res->check_err) {
		auth_limiter_hit(app->login_account, akey, strlen(akey), now);
		auth_limiter_hit(app->login_addr, addr, strlen(addr), now);
		return ENT_EAUTH;
	}
	auth_limiter_reset(app->login_account, akey, strlen(akey));
	return res->hash_err;
}

enum ent_err api_session_create(struct api_req *q)
{
	size_t llen, plen;
	const char *login = api_str(q, "login", &llen);
	const char *pw = api_str(q, "password", &plen);
	struct api_session *s = &q->s;
	if (q->has_session) {
		/* Logging in again replaces the session this browser had. */
		enum ent_err e = store_session_delete(q->db, s->id);
		if (e && e != ENT_ENOTFOUND)
			return e;
		q->has_session = false;
		memset(s, 0, sizeof *s);
	}
	enum ent_err err = find_login(q, login, llen, &s->account);
	if (err && err != ENT_ENOTFOUND)
		return err;
	struct api_pw_work w = {0};
	struct api_pw_result res;
	bool pending;
	err = check_password(q, err ? NULL : &s->account, login, pw, plen, &w, &res, &pending);
	if (err || pending)
		return err;
	if (s->account.suspended) {
		/* a suspension with an end is lifted by the first log-in after it */
		bool lifted;
		int64_t until;
		err = store_account_lift_ended(q->db, s->account.id, clock_now(), &lifted);
		if (err)
			return err;
		if (!lifted) {
			if (!store_account_suspended_until(q->db, s->account.id, &until) && until) {
				char iso[24];
				clock_iso(until, iso);
				snprintf(q->problem_more, sizeof q->problem_more, "\"suspended_until\":\"%s\"", iso);
			}
			return ENT_EPERM;
		}
		s->account.suspended = false;
	}
	err = api_twofa_login(q, &s->account, api_str(q, "otp", NULL));
	if (err)
		return err;
	char token[AUTH_TOKEN_CHARS + 1];
	unsigned char hash[AUTH_HASH_BYTES];
	int64_t now = clock_now();
	auth_token_new(s->token, token);
	auth_token_hash(s->token, hash);
	err = store_session_insert(q->db, hash, sizeof hash, s->account.id, now, now + API_SESSION_TTL);
	if (!err)
		err = api_load_roles(q->db, s);
	if (!err)
		err = api_twofa_gate(q->db, q->app->keys, s);
	if (!err)
		err = api_set_cookie(q, token);
	if (err)
		return err;
	char csrf[AUTH_TOKEN_CHARS + 1];
	auth_csrf(q->app->keys, s->token, csrf);
	struct buf b;
	buf_init(&b, 1024);
	buf_printf(&b, "{\"csrf_token\":\"%s\",\"handle\":", csrf);
	buf_json_cstr(&b, s->account.handle);
	buf_puts(&b, ",\"roles\":");
	write_roles(&b, s->roles);
	buf_printf(&b, ",\"locale\":\"%s\",\"totp_missing\":%s", s->account.locale,
		   s->totp_missing ? "true" : "false");
	write_age(q, &b);
	buf_putc(&b, '}');
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_session_delete(struct api_req *q)
{
	enum ent_err err = store_session_delete(q->db, q->s.id);
	if (err && err != ENT_ENOTFOUND)
		return err;
	http_reply_empty(q->http, 204);
	return api_set_cookie(q, NULL);
}

enum ent_err api_me_get(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 16 * 1024);
	write_me(q, &b);
	api_reply(q, 200, &b);
	return ENT_OK;
}

enum ent_err api_me_patch(struct api_req *q)
{
	const char *locale = api_str(q, "locale", NULL);
	if (locale) {
		enum ent_err err = store_account_set_locale(q->db, q->s.account.id, locale);
		if (err)
			return err;
		snprintf(q->s.account.locale, sizeof q->s.account.locale, "%s", locale);
		q->lang = strcmp(locale, "en") == 0 ? HTTP_LANG_EN : HTTP_LANG_FR;
	}
	const char *band = api_str(q, "age_band", NULL);
	if (band) {
		enum ent_err err = learn_age_band_set(q->db, q->s.account.id, band);
		if (err)
			return err;
	}
	return api_me_get(q);
}

enum ent_err api_me_password(struct api_req *q)
{
	size_t clen, nlen;
	const char *cur = api_str(q, "current_password", &clen);
	const char *pw = api_str(q, "new_password", &nlen);
	const char *reason;
	if (api_password_ok(pw, nlen, &reason))
		return api_invalid(q, "new_password", reason);
	struct api_pw_work w = {.new_pw = pw, .new_len = nlen};
	struct api_pw_result res;
	bool pending;
	enum ent_err err = check_password(q, &q->s.account, NULL, cur, clen, &w, &res, &pending);
	if (err || pending)
		return err;
	err = store_account_set_password(q->db, q->s.account.id, res.new_hash);
	if (!err)
		err = store_session_delete_others(q->db, q->s.account.id, q->s.id);
	if (!err)
		http_reply_empty(q->http, 204);
	return err;
}

enum ent_err api_me_delete(struct api_req *q)
{
	size_t plen;
	const char *pw = api_str(q, "password", &plen);
	const char *posts = api_str(q, "posts", NULL);
	struct api_pw_work w = {0};
	struct api_pw_result res;
	bool pending;
	enum ent_err err = check_password(q, &q->s.account, NULL, pw, plen, &w, &res, &pending);
	if (err || pending)
		return err;
	/* Deletion is real (R6): the account's pictures leave the disk now, the search index is
	 * rewritten without its words and the WAL truncated, before the answer; a tombstone keeps
	 * it deleted when an older backup is restored. */
	if (!err)
		err = api_account_delete(q->app, q->db, q->s.account.id,
					 strcmp(posts, "delete") == 0 ? STORE_POSTS_DELETE
								      : STORE_POSTS_ANONYMISE);
	if (err)
		return err;
	http_reply_empty(q->http, 204);
	return api_set_cookie(q, NULL);
}

enum ent_err api_account_find_login(struct api_req *q, const char *login, size_t len,
				    struct store_account *a)
{
	return find_login(q, login, len, a);
}
