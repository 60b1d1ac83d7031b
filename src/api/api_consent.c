/*
 * api_consent.c - consents, listed on the member's privacy page, each withdrawable:
 *
 *   - the member's own (consents table): e-mail digests today (research use is not offered);
 *     given with PUT, withdrawn with DELETE, the history kept until the account goes;
 *   - the patients' consents a professional recorded for their cases (pro_case_consents):
 *     withdrawing one (the patient changed their mind) deletes the case with its answers and
 *     photos, since the consent was what allowed it.
 *
 * Not responsible for: what a consent enables (e-mail digests: api_mail.c, mail_digest.c).
 */
#include <string.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "core/clock.h"
#include "pro/pro_consent.h"
#include "rights/rights_consent.h"

static const char *const purposes[] = {"email_digest", NULL};

static const char *purpose_param(struct api_req *q)
{
	const char *p = api_param(q, "purpose");
	for (size_t i = 0; p && purposes[i]; i++)
		if (!strcmp(p, purposes[i]))
			return purposes[i];
	return NULL;
}

/* A time, or null when unset (api_json_time writes null for 0). */
static void iso_or_null(struct buf *b, bool set, int64_t t)
{
	api_json_time(b, set ? t : 0);
}

struct list {
	struct buf *b;
	size_t n;
};

static enum ent_err write_consent(void *arg, const struct rights_consent *c)
{
	struct list *l = arg;
	struct buf *b = l->b;
	buf_printf(b, "%s{\"id\":%lld,\"purpose\":", l->n++ ? "," : "", (long long)c->id);
	buf_json_cstr(b, c->purpose);
	buf_puts(b, ",\"given_at\":");
	iso_or_null(b, c->given, c->given_at);
	buf_puts(b, ",\"withdrawn_at\":");
	iso_or_null(b, c->withdrawn, c->withdrawn_at);
	buf_putc(b, '}');
	return ENT_OK;
}

static enum ent_err write_case(void *arg, const struct pro_consent *c)
{
	struct list *l = arg;
	struct buf *b = l->b;
	buf_printf(b, "%s{\"case\":%lld,\"title\":", l->n++ ? "," : "", (long long)c->case_id);
	buf_json_cstr(b, c->title);
	buf_puts(b, ",\"who\":");
	buf_json_cstr(b, c->who);
	buf_puts(b, ",\"how\":");
	buf_json_cstr(b, c->how);
	buf_puts(b, ",\"given_on\":");
	buf_json_cstr(b, c->given_on);
	buf_puts(b, ",\"recorded_at\":");
	iso_or_null(b, c->recorded, c->recorded_at);
	buf_putc(b, '}');
	return ENT_OK;
}

enum ent_err api_consents_get(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"purposes\":[\"email_digest\"],\"consents\":[");
	struct list mine = {&b, 0}, cases = {&b, 0};
	enum ent_err err = rights_consents_each(q->db, q->s.account.id, write_consent, &mine);
	buf_puts(&b, "],\"case_consents\":[");
	if (!err)
		err = pro_consents_each(q->db, q->s.account.id, write_case, &cases);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

/* Gives (give) or withdraws the consent named by {purpose}; both are idempotent. */
static enum ent_err change(struct api_req *q, bool give)
{
	const char *purpose = purpose_param(q);
	if (!purpose)
		return ENT_ENOTFOUND;
	enum ent_err err = give ? rights_consent_give(q->db, q->s.account.id, purpose, clock_now())
			       : rights_consent_withdraw(q->db, q->s.account.id, purpose, clock_now());
	return err ? err : api_consents_get(q);
}

enum ent_err api_consent_give(struct api_req *q)
{
	return change(q, true);
}

enum ent_err api_consent_withdraw(struct api_req *q)
{
	return change(q, false);
}

enum ent_err api_case_consent_withdraw(struct api_req *q)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	if (!err) /* ENT_ENOTFOUND: no such case, or its consent was recorded by someone else */
		err = pro_consent_withdraw(q->db, q->s.account.id, id);
	if (err)
		return err;
	api_erase_soon(); /* the case's words and photos leave the files too */
	http_reply_empty(q->http, 204);
	return ENT_OK;
}
