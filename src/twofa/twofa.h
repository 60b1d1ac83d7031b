/*
 * twofa.h - two-factor authentication of accounts (issue 17, migration 0022): the sealed TOTP
 * secret of an account (enrolling, then enabled), its single-use recovery codes, and the
 * instance setting that makes it required for staff. Codes themselves: auth_totp_* (auth.h).
 * Not responsible for: HTTP, who counts as staff (api_twofa.c).
 */
#ifndef ENT_TWOFA_H
#define ENT_TWOFA_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "store/store.h"

#define TWOFA_RECOVERY_CODES 10
#define TWOFA_RECOVERY_CHARS 10 /* typed as xxxxx-xxxxx */

struct twofa_state {
	bool exists, enabled;
	unsigned char secret[AUTH_TOTP_SECRET];
	int64_t last_step;
};

/* Whether staff need two-factor authentication on this instance. */
enum ent_err twofa_required(struct store_conn *db, bool *required);
enum ent_err twofa_set_required(struct store_conn *db, bool required);

/* The account's state (secret opened); st->exists false when it never enrolled. */
enum ent_err twofa_get(struct store_conn *db, const struct auth_keys *keys, int64_t account_id,
		       struct twofa_state *st);
/* A new secret for an account that has none enabled (ENT_ECONFLICT otherwise), kept sealed
 * until a code confirms it. */
enum ent_err twofa_begin(struct store_conn *db, const struct auth_keys *keys, int64_t account_id,
			 int64_t now, unsigned char secret[AUTH_TOTP_SECRET]);
/* Turns it on (step: the confirming code's) and replaces the recovery codes by
 * TWOFA_RECOVERY_CODES new ones, written into codes (text, shown once). */
enum ent_err twofa_enable(struct store_conn *db, int64_t account_id, int64_t now, int64_t step,
			  char codes[TWOFA_RECOVERY_CODES][TWOFA_RECOVERY_CHARS + 2]);
/* Records the step of an accepted code (codes are accepted once). */
enum ent_err twofa_step_used(struct store_conn *db, int64_t account_id, int64_t step);
/* Uses a recovery code (case, spaces and dashes ignored): ENT_OK once, ENT_EAUTH after. */
enum ent_err twofa_recovery_use(struct store_conn *db, int64_t account_id, const char *code);
/* Turns it off: secret and recovery codes deleted. */
enum ent_err twofa_disable(struct store_conn *db, int64_t account_id);

#endif
