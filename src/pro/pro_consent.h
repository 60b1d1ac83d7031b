/*
 * pro_consent.h - the patients' consents a professional recorded for their cases
 * (pro_case_consents), as listed on the professional's privacy page: withdrawing one (the
 * patient changed their mind) deletes the case with its answers and photos, since the consent
 * was what allowed it.
 * Not responsible for: recording a consent with its case (pro_case.h), erasing the deleted
 * photos' files (api_erase_soon).
 */
#ifndef ENT_PRO_CONSENT_H
#define ENT_PRO_CONSENT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* One case's consent; strings borrowed for the duration of the call. */
struct pro_consent {
	int64_t case_id;
	const char *title, *who, *how, *given_on;
	bool recorded; /* whether recorded_at is set */
	int64_t recorded_at;
};
typedef enum ent_err (*pro_consent_fn)(void *arg, const struct pro_consent *c);
/* The consents recorded by account, by case. */
enum ent_err pro_consents_each(struct store_conn *c, int64_t account, pro_consent_fn fn, void *arg);
/* Deletes case case_id when its consent was recorded by account; ENT_ENOTFOUND otherwise (no
 * such case, or recorded by someone else). */
enum ent_err pro_consent_withdraw(struct store_conn *c, int64_t account, int64_t case_id);

#endif
