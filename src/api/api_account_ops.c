/*
 * api_account_ops.c - account operations shared by the HTTP handlers and the CLI (admin,
 * demo): checking handles and passwords, creating accounts, loading roles, opening the data
 * directory. Both paths go through here, so both apply the same rules.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "api/api.h"
#include "community/comm_store.h"
#include "core/log.h"
#include "pro/pro_case.h"

enum ent_err api_handle_key(const char *handle, char key[STORE_HANDLE_MAX + 1])
{
	size_t n = strlen(handle);
	if (n < 3 || n > STORE_HANDLE_MAX)
		return ENT_EINVAL;
	for (size_t i = 0; i < n; i++) {
		char c = handle[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		      c == '-'))
			return ENT_EINVAL;
		key[i] = c;
	}
	key[n] = '\0';
	return ENT_OK;
}

enum ent_err api_password_ok(const char *pw, size_t len, const char **reason)
{
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)pw[i] & 0xC0) != 0x80)
			chars++;
	if (len > AUTH_PASSWORD_MAX) {
		*reason = JSON_REASON_LONG;
		return ENT_EINVAL;
	}
	if (chars < AUTH_PASSWORD_MIN) {
		*reason = JSON_REASON_SHORT;
		return ENT_EINVAL;
	}
	return ENT_OK;
}

enum ent_err api_account_create(struct api_app *app, struct store_conn *db, struct api_req *q,
				const char *handle, const char *email, const char *password,
				size_t password_len, const char *pwhash_made, const char *locale,
				const char **which)
{
	char key[STORE_HANDLE_MAX + 1];
	char norm[AUTH_EMAIL_MAX + 1];
	const char *reason = NULL;
	enum ent_err err = ENT_OK;
	*which = NULL;
	if (api_handle_key(handle, key))
		err = api_invalid(q, "handle", strlen(handle) < 3 ? JSON_REASON_SHORT
					     : strlen(handle) > STORE_HANDLE_MAX ? JSON_REASON_LONG
										 : "bad-characters");
	if (auth_email_normalize(email, strlen(email), norm))
		err = api_invalid(q, "email", "not-an-email");
	if (api_password_ok(password, password_len, &reason))
		err = api_invalid(q, "password", reason);
	if (err)
		return err;

	struct store_account existing;
	unsigned char ehash[AUTH_HASH_BYTES];
	unsigned char sealed[AUTH_SEALED_MAX];
	size_t sealed_len;
	char pwhash[AUTH_PWHASH_MAX];
	auth_email_hash(app->keys, norm, ehash);
	err = store_account_by_handle(db, key, &existing);
	if (err != ENT_ENOTFOUND) {
		if (!err)
			*which = "handle";
		return err ? err : ENT_EEXIST;
	}
	err = store_account_by_email(db, ehash, sizeof ehash, &existing);
	if (err != ENT_ENOTFOUND) {
		if (!err)
			*which = "email";
		return err ? err : ENT_EEXIST;
	}
	err = auth_email_seal(app->keys, norm, sealed, sizeof sealed, &sealed_len);
	if (!err && pwhash_made)
		snprintf(pwhash, sizeof pwhash, "%s", pwhash_made);
	else if (!err)
		err = auth_password_hash(password, password_len, pwhash);
	if (err)
		return err;
	struct store_account_new a = {
		.handle = handle,
		.handle_key = key,
		.email_hash = ehash,
		.email_hash_len = sizeof ehash,
		.email_enc = sealed,
		.email_enc_len = sealed_len,
		.password_hash = pwhash,
		.locale = locale && !strcmp(locale, "en") ? "en" : "fr",
	};
	err = store_account_insert(db, &a, NULL);
	if (err == ENT_EEXIST)
		*which = "handle"; /* lost a race; say no more than that it is taken */
	return err;
}

enum ent_err api_load_roles(struct store_conn *db, struct api_session *s)
{
	enum ent_err err = store_roles_of(db, s->account.id, s->granted, STORE_ROLES_MAX, &s->n_granted);
	s->roles = ROLE_MEMBER;
	for (size_t i = 0; !err && i < s->n_granted; i++)
		s->roles |= policy_role_parse(s->granted[i].role);
	bool spaces = false; /* assigned to spaces by the administrator (0512) */
	if (!err)
		err = comm_moderates_any(db, s->account.id, &spaces);
	if (spaces)
		s->roles |= ROLE_SPACE_MODERATOR;
	return err;
}

enum ent_err api_may_act_on_account(struct api_req *q, int64_t target)
{
	struct api_session t;
	memset(&t, 0, sizeof t);
	t.account.id = target;
	enum ent_err err = api_load_roles(q->db, &t);
	return err ? err : policy_account_action(q->s.roles, target == q->s.account.id, t.roles);
}

static enum ent_err make_dir(const char *path)
{
	if (mkdir(path, 0700) == 0 || errno == EEXIST)
		return ENT_OK;
	return ENT_EIO;
}

/* Case photos stored in the database before 0401 go to their files, once (a no-op after). */
static enum ent_err move_case_photos(struct store *store, const char *dir)
{
	struct store_conn *db;
	size_t moved = 0;
	enum ent_err err = store_conn_get(store, &db);
	if (!err)
		err = pro_photo_move_files(db, dir, &moved);
	if (!err && moved) {
		char n[32];
		snprintf(n, sizeof n, "\"photos\":%zu", moved);
		log_line(LOG_INFO, "case photos moved to files", n);
	}
	return err;
}

enum ent_err api_data_open(struct api_app *app, const char *dir)
{
	char path[CONFIG_PATH_MAX + 32];
	enum ent_err err = auth_init();
	if (!err)
		err = make_dir(dir);
	snprintf(path, sizeof path, "%s/media", dir);
	if (!err)
		err = make_dir(path);
	snprintf(path, sizeof path, "%s/keys", dir);
	if (!err)
		err = auth_keys_load(path, &app->keys);
	snprintf(path, sizeof path, "%s/entraide.db", dir);
	if (!err) /* --database: PostgreSQL, and no entraide.db is made */
		err = store_open(&app->store, app->cfg.database[0] ? app->cfg.database : path);
	if (!err)
		err = move_case_photos(app->store, dir);
	if (err) {
		log_err("cannot open the data directory", err, NULL);
		api_data_close(app);
	}
	return err;
}

void api_data_close(struct api_app *app)
{
	store_close(app->store);
	app->store = NULL;
	auth_keys_free(app->keys);
	app->keys = NULL;
}
