/* api_handlers.h - the handlers and field tables of every resource, for the route table. */
#ifndef ENT_API_HANDLERS_H
#define ENT_API_HANDLERS_H

#include "api/api.h"

/* api_system.c */
enum ent_err api_healthz(struct api_req *q);
enum ent_err api_metrics(struct api_req *q);
enum ent_err api_instance(struct api_req *q);

/* api_mail.c: password reset, e-mail confirmation, the queue for administrators */
extern const struct json_field api_reset_ask_fields[];
extern const struct json_field api_reset_use_fields[];
enum ent_err api_password_reset_ask(struct api_req *q);
enum ent_err api_password_reset_use(struct api_req *q);
enum ent_err api_email_confirm(struct api_req *q);
enum ent_err api_email_confirm_resend(struct api_req *q);
enum ent_err api_admin_mail_queue(struct api_req *q);
extern const struct json_field api_digest_fields[];
enum ent_err api_digest_get(struct api_req *q);
enum ent_err api_digest_put(struct api_req *q);
enum ent_err api_digest_delete(struct api_req *q);
/* Queues a confirmation link for the account's address (sign-up). */
enum ent_err api_mail_confirm_send(struct api_req *q, int64_t account_id);

/* api_twofa.c: two-factor authentication */
extern const struct json_field api_totp_code_fields[];
enum ent_err api_totp_get(struct api_req *q);
enum ent_err api_totp_enrol(struct api_req *q);
enum ent_err api_totp_confirm(struct api_req *q);
enum ent_err api_totp_disable(struct api_req *q);
/* At log-in, after the password: ENT_OK when the account has no second factor or otp is
 * right; ENT_EAUTH (otp-required, otp-invalid) or ENT_ERATE otherwise. */
enum ent_err api_twofa_login(struct api_req *q, const struct store_account *a, const char *otp);
/* Holds back the staff roles of s (totp_missing) when the instance requires a second factor
 * the account has not turned on. Called wherever roles are loaded. */
enum ent_err api_twofa_gate(struct store_conn *db, const struct auth_keys *keys,
			    struct api_session *s);

/* api_account.c */
/* The account named by login (a handle or an e-mail address); ENT_ENOTFOUND when none. */
enum ent_err api_account_find_login(struct api_req *q, const char *login, size_t len,
				    struct store_account *a);
extern const struct json_field api_account_create_fields[];
extern const struct json_field api_session_create_fields[];
extern const struct json_field api_me_patch_fields[];
extern const struct json_field api_me_password_fields[];
extern const struct json_field api_me_delete_fields[];
enum ent_err api_account_create_h(struct api_req *q);
enum ent_err api_session_create(struct api_req *q);
enum ent_err api_session_delete(struct api_req *q);
enum ent_err api_me_get(struct api_req *q);
enum ent_err api_me_patch(struct api_req *q);
enum ent_err api_me_password(struct api_req *q);
enum ent_err api_me_delete(struct api_req *q);
enum ent_err api_me_export(struct api_req *q); /* api_export.c */
enum ent_err api_consents_get(struct api_req *q); /* api_consent.c */
enum ent_err api_consent_give(struct api_req *q);
enum ent_err api_consent_withdraw(struct api_req *q);
enum ent_err api_case_consent_withdraw(struct api_req *q);
enum ent_err api_admin_register(struct api_req *q); /* api_register.c */

/* administration (issue 17): api_admin.h */
#include "api/api_admin.h"

/* the professional network: api_pro.h */
#include "api/api_pro.h"
#include "api/api_message.h"

/* communities: api_community.h */
#include "api/api_community.h"

/* learning and prevention: api_learn.h */
#include "api/api_learn.h"

#endif
