/*
 * mail_digest.c - opt-in e-mail digests (migration 0021): a member who gave the consent
 * "email_digest" chose daily or weekly; once they have unread notifications, one message "you
 * have something new on entraide" is queued, with a link to their notifications and nothing of
 * what is new, then none before a day or a week (nothing new: looked at again hourly). Run by
 * the sender thread (mail_smtp.c).
 * Not responsible for: the consent's history (api_consent.c), sending (mail_smtp.c).
 */
#include <string.h>

#include "mail/mail.h"

#define DIGEST_BATCH 64
#define DIGEST_QUIET_RECHECK 3600 /* nothing new: look again in an hour */

static const struct store_stmt Q_SET = {
	"digest.set",
	"INSERT INTO email_digests (account_id, frequency, next_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (account_id) DO UPDATE SET frequency = ?2, next_at = ?3"};
static const struct store_stmt Q_CONSENT = {
	"digest.consent",
	"INSERT INTO consents (account_id, purpose, given_at) SELECT ?1, 'email_digest', ?2 "
	"WHERE NOT EXISTS (SELECT 1 FROM consents WHERE account_id = ?1 AND "
	"purpose = 'email_digest' AND withdrawn_at IS NULL)"};
static const struct store_stmt Q_OFF = {
	"digest.off", "DELETE FROM email_digests WHERE account_id = ?1"};
static const struct store_stmt Q_WITHDRAW = {
	"digest.withdraw",
	"UPDATE consents SET withdrawn_at = ?2 WHERE account_id = ?1 AND purpose = 'email_digest' "
	"AND withdrawn_at IS NULL"};
static const struct store_stmt Q_GET = {
	"digest.get",
	"SELECT d.frequency FROM email_digests d WHERE d.account_id = ?1 AND EXISTS (SELECT 1 FROM "
	"consents c WHERE c.account_id = ?1 AND c.purpose = 'email_digest' AND c.withdrawn_at IS NULL)"};
static const struct store_stmt Q_DUE = {
	"digest.due",
	"SELECT d.account_id, d.frequency, coalesce(n.unread, 0) + coalesce((SELECT "
	"sum(t.n_visible - f.read_visible) FROM follows f JOIN threads t ON t.id = f.thread_id "
	"WHERE f.account_id = d.account_id), 0), "
	"a.email_confirmed_at IS NOT NULL AND EXISTS (SELECT 1 FROM consents c WHERE "
	"c.account_id = d.account_id AND c.purpose = 'email_digest' AND c.withdrawn_at IS NULL) "
	"FROM email_digests d JOIN accounts a ON a.id = d.account_id "
	"LEFT JOIN notification_counts n ON n.account_id = d.account_id "
	"WHERE d.next_at <= ?1 ORDER BY d.next_at LIMIT ?2"};
static const struct store_stmt Q_NEXT = {
	"digest.next", "UPDATE email_digests SET next_at = ?2 WHERE account_id = ?1"};

static int64_t period(const char *frequency)
{
	return frequency && !strcmp(frequency, "daily") ? 86400 : 7 * 86400;
}

/* Runs stmt with ?1 = a and, when it has one, ?2 = b (b < 0: none). */
static enum ent_err run2(struct store_conn *db, const struct store_stmt *stmt, int64_t a, int64_t b)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, a);
	if (b >= 0)
		store_q_bind_int(st, 2, b);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err mail_digest_set(struct store_conn *db, int64_t account_id, const char *frequency,
			     int64_t now)
{
	if (frequency && strcmp(frequency, "daily") && strcmp(frequency, "weekly"))
		return ENT_EINVAL;
	enum ent_err err = store_tx_begin(db);
	struct store_q *st;
	if (!err && !frequency) { /* off: the consent is withdrawn (its history kept) */
		err = run2(db, &Q_OFF, account_id, -1);
		if (!err)
			err = run2(db, &Q_WITHDRAW, account_id, now);
	} else if (!err) {
		err = run2(db, &Q_CONSENT, account_id, now);
	}
	if (!err && frequency)
		err = store_q_open(db, &Q_SET, &st);
	if (!err && frequency) {
		store_q_bind_int(st, 1, account_id);
		store_q_bind_text(st, 2, frequency, strlen(frequency));
		store_q_bind_int(st, 3, now); /* the first one as soon as something is new */
		err = store_q_exec(st);
		store_q_close(st);
	}
	if (err) {
		store_tx_rollback(db);
		return err;
	}
	return store_tx_commit(db);
}

enum ent_err mail_digest_get(struct store_conn *db, int64_t account_id, char frequency[8])
{
	struct store_q *st;
	frequency[0] = '\0';
	enum ent_err err = store_q_open(db, &Q_GET, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, account_id);
	bool row;
	err = store_q_step(st, &row);
	if (!err && row) {
		const char *f = store_q_text(st, 0, NULL);
		strcpy(frequency, f && !strcmp(f, "daily") ? "daily" : "weekly");
	}
	store_q_close(st);
	return err;
}

enum ent_err mail_digest_run(struct store_conn *db, const struct auth_keys *keys, int64_t now,
			     unsigned *queued)
{
	struct due {
		int64_t id, next;
		bool send;
	} due[DIGEST_BATCH];
	size_t n = 0;
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_DUE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, now);
	store_q_bind_int(st, 2, DIGEST_BATCH);
	bool row;
	while (n < DIGEST_BATCH && !(err = store_q_step(st, &row)) && row) {
		bool news = store_q_int(st, 2) > 0, allowed = store_q_int(st, 3) != 0;
		due[n].id = store_q_int(st, 0);
		due[n].send = news && allowed;
		due[n].next = now + (due[n].send ? period(store_q_text(st, 1, NULL)) : DIGEST_QUIET_RECHECK);
		n++;
	}
	store_q_close(st);
	for (size_t i = 0; !err && i < n; i++) {
		err = store_tx_begin(db);
		if (!err && due[i].send)
			err = mail_enqueue(db, keys, &(struct mail_msg){.account_id = due[i].id,
									 .tmpl = MAIL_DIGEST,
									 .link = "/notifications"});
		if (!err)
			err = run2(db, &Q_NEXT, due[i].id, due[i].next);
		if (err)
			store_tx_rollback(db);
		else
			err = store_tx_commit(db);
		if (!err && due[i].send)
			++*queued;
	}
	return err;
}
