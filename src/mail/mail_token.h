/*
 * mail_token.h - the single-use tokens sent by e-mail (e-mail confirmation, password reset)
 * and whether an account's address is confirmed (migration 0020). A token is 32 random bytes
 * sent base64url-encoded in a link; only its BLAKE2b hash is stored; using it deletes it.
 * Not responsible for: sending the link (mail.h), what the token allows (src/api/).
 */
#ifndef ENT_MAIL_TOKEN_H
#define ENT_MAIL_TOKEN_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "store/store.h"

enum mail_token_purpose { MAIL_TOKEN_CONFIRM, MAIL_TOKEN_RESET };
#define MAIL_RESET_TTL (30 * 60)          /* a reset link: 30 minutes */
#define MAIL_CONFIRM_TTL (7 * 24 * 3600)  /* a confirmation link: 7 days */

/* A new token for account_id (its text form into text); the account's earlier tokens of the
 * same purpose are deleted, so only the last link sent works. */
enum ent_err mail_token_new(struct store_conn *db, int64_t account_id,
			    enum mail_token_purpose purpose, int64_t now,
			    char text[AUTH_TOKEN_CHARS + 1]);
/* Uses a token: when it exists for purpose and has not expired, deletes it (once: two uses
 * at once get one success) and sets *account_id; ENT_ENOTFOUND otherwise. */
enum ent_err mail_token_use(struct store_conn *db, enum mail_token_purpose purpose,
			    const char *text, size_t len, int64_t now, int64_t *account_id);
/* Deletes the expired tokens (the retention purge). */
enum ent_err mail_token_purge(struct store_conn *db, int64_t now, int64_t *n);

/* Whether the account's address is confirmed. */
enum ent_err mail_email_confirmed(struct store_conn *db, int64_t account_id, bool *confirmed);
/* Marks it confirmed (kept when already). */
enum ent_err mail_email_confirm(struct store_conn *db, int64_t account_id, int64_t now);

#endif
