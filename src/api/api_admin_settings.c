/*
 * api_admin_settings.c - the instance's settings in the browser (issue 17): its name, the
 * languages it offers, whether sign-up is open, closed or by invitation, its terms of use and
 * privacy policy; and the invitations the administrator hands out. What the administrator
 * saved wins over the configuration (file, environment, flags); what they never set keeps the
 * configuration's value. Rows: src/admin/admin_settings.c.
 */
#include <stdio.h>
#include <string.h>

#include "admin/admin_store.h"
#include "api/api_admin.h"
#include "api/api_community.h"
#include "core/clock.h"

#define INVITATION_DAYS 14

static const char *const registrations[] = {"open", "closed", "invitation", NULL};
static const char *const locale_sets[] = {"fr,en", "fr", "en", NULL};
static const char *const pages[] = {"terms", "privacy", NULL};

const struct json_field api_admin_settings_fields[] = {
	{"name", JF_STRING, false, 2, 120, NULL},
	{"registration", JF_STRING, false, 0, 0, registrations},
	{"locales", JF_STRING, false, 0, 0, locale_sets},
	{"terms", JF_STRING, false, 0, ADMIN_PAGE_MAX, NULL},
	{"privacy", JF_STRING, false, 0, ADMIN_PAGE_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

enum ent_err api_settings_get(struct api_app *app, struct store_conn *db, struct api_settings *out)
{
	struct admin_settings s;
	enum ent_err err = admin_settings_load(db, &s);
	if (err)
		return err;
	snprintf(out->name, sizeof out->name, "%s", s.name[0] ? s.name : app->cfg.name);
	snprintf(out->registration, sizeof out->registration, "%s",
		 s.registration[0] ? s.registration : app->cfg.registration_open ? "open" : "closed");
	snprintf(out->locales, sizeof out->locales, "%s", s.locales[0] ? s.locales : "fr,en");
	return ENT_OK;
}

/* "terms":"..." or "terms":null. */
static enum ent_err page_json(struct store_conn *db, struct buf *b, const char *page)
{
	buf_printf(b, ",\"%s\":", page);
	enum ent_err err = admin_page_get(db, page, b, NULL);
	if (err == ENT_ENOTFOUND) {
		buf_puts(b, "null");
		err = ENT_OK;
	}
	return err;
}

static enum ent_err reply_settings(struct api_req *q)
{
	struct api_settings s;
	enum ent_err err = api_settings_get(q->app, q->db, &s);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 4 * ADMIN_PAGE_MAX);
	buf_puts(&b, "{\"name\":");
	buf_json_cstr(&b, s.name);
	buf_printf(&b, ",\"registration\":\"%s\",\"locales\":\"%s\"", s.registration, s.locales);
	for (size_t i = 0; !err && pages[i]; i++)
		err = page_json(q->db, &b, pages[i]);
	buf_putc(&b, '}');
	return api_reply_or_drop(q, &b, err);
}

enum ent_err api_admin_settings_get(struct api_req *q)
{
	return reply_settings(q);
}

enum ent_err api_admin_settings_patch(struct api_req *q)
{
	struct admin_settings s;
	struct api_settings now;
	enum ent_err err = api_settings_get(q->app, q->db, &now);
	if (err)
		return err;
	/* what is saved is what the page showed: the effective values, changed where asked */
	snprintf(s.name, sizeof s.name, "%s", api_str(q, "name", NULL) ? api_str(q, "name", NULL) : now.name);
	snprintf(s.registration, sizeof s.registration, "%s",
		 api_str(q, "registration", NULL) ? api_str(q, "registration", NULL) : now.registration);
	snprintf(s.locales, sizeof s.locales, "%s",
		 api_str(q, "locales", NULL) ? api_str(q, "locales", NULL) : now.locales);
	int64_t t = clock_now();
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = admin_settings_save(q->db, &s, t);
	for (size_t i = 0; !err && pages[i]; i++) {
		const char *text = api_str(q, pages[i], NULL);
		if (text)
			err = admin_page_set(q->db, pages[i], text, t);
	}
	err = api_admin_commit(q, err, "settings-edit", "instance", 1, s.registration);
	return err ? err : reply_settings(q);
}

enum ent_err api_admin_invitation_create(struct api_req *q)
{
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	char code[AUTH_TOKEN_CHARS + 1];
	enum ent_err err = auth_token_new(raw, code);
	if (err)
		return err;
	auth_token_hash(raw, hash);
	int64_t now = clock_now(), until = now + INVITATION_DAYS * 86400;
	err = store_tx_begin(q->db);
	if (err)
		return err;
	err = admin_invitation_add(q->db, hash, sizeof hash, q->s.account.id, now, until);
	err = api_admin_commit(q, err, "invitation-create", "instance", 1, "");
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 512);
	buf_printf(&b, "{\"code\":\"%s\",\"expires_at\":", code);
	api_admin_time(&b, until);
	buf_putc(&b, '}');
	api_reply(q, 201, &b);
	return ENT_OK;
}

enum ent_err api_invitation_use(struct store_conn *db, const char *code, unsigned char hash[AUTH_HASH_BYTES])
{
	unsigned char raw[AUTH_TOKEN_BYTES];
	if (!code || auth_token_parse(code, strlen(code), raw))
		return ENT_ENOTFOUND;
	auth_token_hash(raw, hash);
	return admin_invitation_take(db, hash, AUTH_HASH_BYTES, clock_now());
}

void api_invitation_give_back(struct store_conn *db, const unsigned char hash[AUTH_HASH_BYTES])
{
	(void)admin_invitation_give_back(db, hash, AUTH_HASH_BYTES);
}

enum ent_err api_instance_page(struct api_req *q)
{
	const char *page = api_param(q, "page");
	bool known = false;
	for (size_t i = 0; page && pages[i]; i++)
		known |= !strcmp(page, pages[i]);
	if (!known)
		return ENT_ENOTFOUND;
	struct buf b;
	buf_init(&b, 2 * ADMIN_PAGE_MAX);
	int64_t at = 0;
	buf_printf(&b, "{\"page\":\"%s\",\"text\":", page);
	enum ent_err err = admin_page_get(q->db, page, &b, &at);
	if (!err) {
		buf_puts(&b, ",\"updated_at\":");
		api_admin_time(&b, at);
		buf_putc(&b, '}');
	}
	return api_reply_or_drop(q, &b, err);
}

enum ent_err api_instance_pages_json(struct store_conn *db, struct buf *b)
{
	bool terms, privacy;
	enum ent_err err = admin_pages_present(db, &terms, &privacy);
	if (!err)
		buf_printf(b, ",\"pages\":{\"terms\":%s,\"privacy\":%s}", terms ? "true" : "false",
			   privacy ? "true" : "false");
	return err;
}
