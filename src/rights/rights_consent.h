/*
 * rights_consent.h - a member's own consents (consents table): given and withdrawn by
 * purpose, the history kept until the account goes. Giving a consent already given, or
 * withdrawing one not given, changes nothing.
 * Not responsible for: which purposes exist and what each enables (api_consent.c,
 * mail_digest.c), the patients' consents of professionals' cases (pro_consent.h).
 */
#ifndef ENT_RIGHTS_CONSENT_H
#define ENT_RIGHTS_CONSENT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* One consent; purpose borrowed for the duration of the call. */
struct rights_consent {
	int64_t id;
	const char *purpose;
	bool given, withdrawn; /* whether given_at, withdrawn_at are set */
	int64_t given_at, withdrawn_at;
};
typedef enum ent_err (*rights_consent_fn)(void *arg, const struct rights_consent *c);
/* The consents of account, oldest first. */
enum ent_err rights_consents_each(struct store_conn *c, int64_t account, rights_consent_fn fn,
				  void *arg);
/* Gives consent to purpose unless it is given already. */
enum ent_err rights_consent_give(struct store_conn *c, int64_t account, const char *purpose,
				 int64_t now);
/* Withdraws the consent to purpose, if given. */
enum ent_err rights_consent_withdraw(struct store_conn *c, int64_t account, const char *purpose,
				     int64_t now);

#endif
