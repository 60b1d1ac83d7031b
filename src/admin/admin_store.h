/*
 * admin_store.h - what the administration pages read and write beyond accounts and spaces
 * (issue 17): institutions, their staff, accounts found by handle, and the instance's
 * settings, pages and invitations. Plain data in, plain
 * data out; src/api/ decides who may call what (administrators, institution administrators).
 * Not responsible for: granting roles (store_account.h), the desk's settings (desk.h).
 */
#ifndef ENT_ADMIN_STORE_H
#define ENT_ADMIN_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "store/store.h"
#include "store/store_account.h"

#define ADMIN_INST_NAME_MAX 120
#define ADMIN_SEARCH_MAX 50 /* accounts one search returns */

struct admin_inst {
	int64_t id;
	char slug[64];
	char name[ADMIN_INST_NAME_MAX + 8];
	char teleconsult_url[512];
	int64_t staff;      /* accounts holding a role of the institution */
	int64_t pending;    /* verification requests naming it, pending */
	int64_t created_at;
};

struct admin_staff {
	char handle[STORE_HANDLE_MAX + 1];
	char role[24];
	int64_t granted_at;
};

struct admin_account {
	struct store_account a;
	int64_t suspended_until; /* 0: not suspended or until lifted */
};

/* ENT_EEXIST when the slug is taken. */
enum ent_err admin_inst_add(struct store_conn *c, const char *slug, const char *name, int64_t now,
			    int64_t *id);
/* ENT_ENOTFOUND for an unknown slug. */
enum ent_err admin_inst_load(struct store_conn *c, const char *slug, struct admin_inst *out);
enum ent_err admin_inst_rename(struct store_conn *c, int64_t id, const char *name);
/* Every institution by slug (at most 1000). */
enum ent_err admin_inst_each(struct store_conn *c,
			     void (*fn)(const struct admin_inst *i, void *arg), void *arg);
/* The staff of an institution: every role bound to it, by handle then role. */
enum ent_err admin_staff_each(struct store_conn *c, int64_t inst_id,
			      void (*fn)(const struct admin_staff *s, void *arg), void *arg);
/* Accounts whose handle starts with prefix (lower case; "" = all), by handle, at most limit
 * (<= ADMIN_SEARCH_MAX), after the handle key `after` ("" from the start). */
enum ent_err admin_account_search(struct store_conn *c, const char *prefix, const char *after,
				  int64_t limit,
				  void (*fn)(const struct admin_account *a, void *arg), void *arg);

/* --- the instance's settings, pages and invitations (admin_settings.c, migration 0511) --- */

#define ADMIN_PAGE_MAX (32 * 1024) /* bytes of the terms or the privacy policy */

struct admin_settings {
	char name[128];        /* "" = the configuration's */
	char registration[12]; /* open, closed, invitation; "" = the configuration's */
	char locales[8];       /* "fr,en", "fr", "en"; "" = both */
};

/* The settings row, or all "" when the administrator never saved it. */
enum ent_err admin_settings_load(struct store_conn *c, struct admin_settings *out);
/* Writes the row ("" columns stored as NULL: back to the configuration's value). */
enum ent_err admin_settings_save(struct store_conn *c, const struct admin_settings *s, int64_t now);
/* Appends the text of page ("terms" or "privacy") to out; ENT_ENOTFOUND when it has none. */
enum ent_err admin_page_get(struct store_conn *c, const char *page, struct buf *out,
			    int64_t *updated_at);
/* Which pages have a text. */
enum ent_err admin_pages_present(struct store_conn *c, bool *terms, bool *privacy);
/* Sets the page's text; "" removes the page. */
enum ent_err admin_page_set(struct store_conn *c, const char *page, const char *text, int64_t now);
/* Records an invitation by the hash of its code. */
enum ent_err admin_invitation_add(struct store_conn *c, const unsigned char *hash, size_t len,
				  int64_t by, int64_t now, int64_t expires_at);
/* Uses an invitation (once, before it expires); ENT_ENOTFOUND when there is no such live one.
 * admin_invitation_give_back undoes it when the sign-up failed after all. */
enum ent_err admin_invitation_take(struct store_conn *c, const unsigned char *hash, size_t len,
				   int64_t now);
enum ent_err admin_invitation_give_back(struct store_conn *c, const unsigned char *hash,
					size_t len);

#endif
