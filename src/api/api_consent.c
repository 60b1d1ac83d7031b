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

static const char *const purposes[] = {"email_digest", NULL};

static const struct store_stmt Q_LIST = {
	"consent.list",
	"SELECT id, purpose, given_at, withdrawn_at FROM consents WHERE account_id = ?1 ORDER BY id"};
static const struct store_stmt Q_CASES = {
	"consent.cases",
	"SELECT c.case_id, p.title, c.who, c.how, c.given_on, c.recorded_at FROM pro_case_consents c "
	"JOIN pro_cases p ON p.id = c.case_id WHERE c.recorded_by = ?1 ORDER BY c.case_id"};
static const struct store_stmt Q_GIVE = {
	"consent.give",
	"INSERT INTO consents (account_id, purpose, given_at) SELECT ?1, ?2, ?3 WHERE NOT EXISTS "
	"(SELECT 1 FROM consents WHERE account_id = ?1 AND purpose = ?2 AND withdrawn_at IS NULL)"};
static const struct store_stmt Q_WITHDRAW = {
	"consent.withdraw",
	"UPDATE consents SET withdrawn_at = ?3 WHERE account_id = ?1 AND purpose = ?2 "
	"AND withdrawn_at IS NULL"};
static const struct store_stmt Q_CASE_DROP = {
	"consent.case_drop",
	"DELETE FROM pro_cases WHERE id = ?2 AND EXISTS (SELECT 1 FROM pro_case_consents c "
	"WHERE c.case_id = ?2 AND c.recorded_by = ?1)"};

static const char *purpose_param(struct api_req *q)
{
	const char *p = api_param(q, "purpose");
	for (size_t i = 0; p && purposes[i]; i++)
		if (!strcmp(p, purposes[i]))
			return purposes[i];
	return NULL;
}

static void iso_or_null(struct buf *b, struct store_q *st, int col)
{
	if (store_q_is_null(st, col)) {
		buf_puts(b, "null");
		return;
	}
	char iso[24];
	clock_iso(store_q_int(st, col), iso);
	buf_printf(b, "\"%s\"", iso);
}

enum ent_err api_consents_get(struct api_req *q)
{
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, &Q_LIST, &st);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	store_q_bind_int(st, 1, q->s.account.id);
	buf_puts(&b, "{\"purposes\":[\"email_digest\"],\"consents\":[");
	bool row;
	size_t n = 0;
	while (!(err = store_q_step(st, &row)) && row) {
		buf_printf(&b, "%s{\"id\":%lld,\"purpose\":", n++ ? "," : "", (long long)store_q_int(st, 0));
		buf_json_cstr(&b, store_q_text(st, 1, NULL));
		buf_puts(&b, ",\"given_at\":");
		iso_or_null(&b, st, 2);
		buf_puts(&b, ",\"withdrawn_at\":");
		iso_or_null(&b, st, 3);
		buf_putc(&b, '}');
	}
	store_q_close(st);
	buf_puts(&b, "],\"case_consents\":[");
	if (!err)
		err = store_q_open(q->db, &Q_CASES, &st);
	if (!err) {
		store_q_bind_int(st, 1, q->s.account.id);
		n = 0;
		while (!(err = store_q_step(st, &row)) && row) {
			buf_printf(&b, "%s{\"case\":%lld,\"title\":", n++ ? "," : "",
				   (long long)store_q_int(st, 0));
			buf_json_cstr(&b, store_q_text(st, 1, NULL));
			buf_puts(&b, ",\"who\":");
			buf_json_cstr(&b, store_q_text(st, 2, NULL));
			buf_puts(&b, ",\"how\":");
			buf_json_cstr(&b, store_q_text(st, 3, NULL));
			buf_puts(&b, ",\"given_on\":");
			buf_json_cstr(&b, store_q_text(st, 4, NULL));
			buf_puts(&b, ",\"recorded_at\":");
			iso_or_null(&b, st, 5);
			buf_putc(&b, '}');
		}
		store_q_close(st);
	}
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

/* Gives (give) or withdraws the consent named by {purpose}; both are idempotent. */
static enum ent_err change(struct api_req *q, bool give)
{
	const char *purpose = purpose_param(q);
	if (!purpose)
		return ENT_ENOTFOUND;
	struct store_q *st;
	enum ent_err err = store_q_open(q->db, give ? &Q_GIVE : &Q_WITHDRAW, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_text(st, 2, purpose, strlen(purpose));
	store_q_bind_int(st, 3, clock_now());
	err = store_q_exec(st);
	store_q_close(st);
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
	struct store_q *st;
	if (!err)
		err = store_q_open(q->db, &Q_CASE_DROP, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, q->s.account.id);
	store_q_bind_int(st, 2, id);
	err = store_q_exec(st);
	store_q_close(st);
	if (!err && store_changes(q->db) == 0)
		err = ENT_ENOTFOUND; /* no such case, or its consent was recorded by someone else */
	if (err)
		return err;
	api_erase_soon(); /* the case's words and photos leave the files too */
	http_reply_empty(q->http, 204);
	return ENT_OK;
}
