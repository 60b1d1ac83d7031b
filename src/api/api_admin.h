/*
 * api_admin.h - administration in the browser (issue 17): spaces (api_admin_space.c),
 * institutions and their staff (api_institution.c), accounts, roles and suspensions
 * (api_admin.c). Included by api_handlers.h for the route table.
 *
 * Who may do what, on top of the route table: the administrator does everything; an
 * institution administrator sees and manages only the institutions they hold that role for
 * (their editors and community managers, and the verification requests naming them); only
 * the administrator names institution administrators. Every change is in the audit log.
 */
#ifndef ENT_API_ADMIN_H
#define ENT_API_ADMIN_H

#include "api/api.h"

/* api_admin_space.c */
extern const struct json_field api_space_create_fields[];
extern const struct json_field api_space_patch_fields[];
enum ent_err api_admin_spaces(struct api_req *q);
enum ent_err api_space_create(struct api_req *q);
enum ent_err api_space_patch(struct api_req *q);
enum ent_err api_space_archive(struct api_req *q);
enum ent_err api_space_unarchive(struct api_req *q);
enum ent_err api_space_moderator_put(struct api_req *q);
enum ent_err api_space_moderator_delete(struct api_req *q);
/* An address identifier: 2-63 of a-z, 0-9 and single inner hyphens. */
bool api_admin_slug_ok(const char *s);
/* Ends the transaction the caller began for an administration change: on success of err
 * writes the audit entry (action on kind id, note) and commits, else rolls back. Returns the
 * first error. */
enum ent_err api_admin_commit(struct api_req *q, enum ent_err err, const char *action,
			      const char *kind, int64_t id, const char *note);
/* Writes "," before every item of a list but the first. */
void api_admin_comma(struct buf *b, bool *first);
/* An ISO 8601 UTC time in quotes, or null for 0. */
void api_admin_time(struct buf *b, int64_t t);

/* api_institution.c */
extern const struct json_field api_institution_create_fields[];
extern const struct json_field api_institution_patch_fields[];
extern const struct json_field api_staff_add_fields[];
enum ent_err api_institutions_list(struct api_req *q);
enum ent_err api_institution_create(struct api_req *q);
enum ent_err api_institution_get(struct api_req *q);
enum ent_err api_institution_patch(struct api_req *q);
enum ent_err api_staff_add(struct api_req *q);
enum ent_err api_staff_remove(struct api_req *q);
/* True when the caller is the administrator, or an institution administrator of slug. */
bool api_admin_of_institution(const struct api_req *q, const char *slug);

/* api_admin_settings.c */
extern const struct json_field api_admin_settings_fields[];
enum ent_err api_admin_settings_get(struct api_req *q);
enum ent_err api_admin_settings_patch(struct api_req *q);
enum ent_err api_admin_invitation_create(struct api_req *q);
enum ent_err api_instance_page(struct api_req *q);
/* The settings in force: the administrator's where saved, else the configuration's. */
struct api_settings {
	char name[128];
	char registration[12]; /* open, closed, invitation */
	char locales[8];       /* "fr,en", "fr", "en" */
};
enum ent_err api_settings_get(struct api_app *app, struct store_conn *db, struct api_settings *out);
/* Appends ,"pages":{"terms":bool,"privacy":bool} (GET /api/v1/instance). */
enum ent_err api_instance_pages_json(struct store_conn *db, struct buf *b);
/* Uses the invitation whose code is given (sign-up by invitation): ENT_ENOTFOUND when it is
 * not a live one; hash receives what api_invitation_give_back needs if the sign-up fails. */
enum ent_err api_invitation_use(struct store_conn *db, const char *code,
				unsigned char hash[AUTH_HASH_BYTES]);
void api_invitation_give_back(struct store_conn *db, const unsigned char hash[AUTH_HASH_BYTES]);

/* api_admin.c */
extern const struct json_field api_admin_suspend_fields[];
extern const struct json_field api_admin_lift_fields[];
enum ent_err api_admin_accounts(struct api_req *q);
enum ent_err api_admin_role_put(struct api_req *q);
enum ent_err api_admin_role_delete(struct api_req *q);
enum ent_err api_admin_suspend(struct api_req *q);
enum ent_err api_admin_lift(struct api_req *q);

#endif
