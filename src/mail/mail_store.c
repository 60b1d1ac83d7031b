/*
 * mail_store.c - the e-mail queue in the database (mail_queue, migration 0020): queueing,
 * what the sender takes and marks, what the administrator sees, the purge. Addresses and
 * links are sealed (auth_seal) while they wait and erased once the message is done.
 * Not responsible for: sending (mail_smtp.c), the messages' words (mail_text.c).
 */
#include <string.h>

#include "core/clock.h"
#include "mail/mail.h"
#include "mail/mail_store.h"

static const char *const names[MAIL_N_TEMPLATES] = {
	[MAIL_CONFIRM_EMAIL] = "confirm_email",
	[MAIL_PASSWORD_RESET] = "password_reset",
	[MAIL_PARENT_CONFIRM] = "parent_confirm",
	[MAIL_DIGEST] = "digest",
};

static const struct store_stmt Q_ENQUEUE = {
	"mail.enqueue",
	"INSERT INTO mail_queue (account_id, template, locale, to_enc, link_enc, next_at, created_at) "
	"VALUES (?1, ?2, coalesce(?3, (SELECT locale FROM accounts WHERE id = ?1), 'fr'), ?4, ?5, "
	"?6, ?6)"};
static const struct store_stmt Q_DUE = {
	"mail.due",
	"SELECT q.id, q.template, q.locale, q.to_enc, a.email_enc, q.link_enc, q.attempts "
	"FROM mail_queue q LEFT JOIN accounts a ON a.id = q.account_id "
	"WHERE q.status = 'pending' AND q.next_at <= ?1 ORDER BY q.next_at LIMIT ?2"};
static const struct store_stmt Q_DONE = {
	"mail.done",
	"UPDATE mail_queue SET status = ?2, to_enc = NULL, link_enc = NULL, done_at = ?3, "
	"attempts = attempts + 1, last_error = ?4 WHERE id = ?1"};
static const struct store_stmt Q_RETRY = {
	"mail.retry",
	"UPDATE mail_queue SET attempts = attempts + 1, next_at = ?2, last_error = ?3 WHERE id = ?1"};
static const struct store_stmt Q_LIST = {
	"mail.list",
	"SELECT id, template, locale, status, attempts, created_at, next_at, coalesce(done_at, 0), "
	"coalesce(last_error, '') FROM mail_queue "
	"WHERE id > coalesce((SELECT max(id) FROM mail_queue), 0) - ?1 ORDER BY id DESC LIMIT ?1"};
static const struct store_stmt Q_COUNT = {
	"mail.count", "SELECT count(*) FROM mail_queue WHERE status = ?1"};
static const struct store_stmt Q_PURGE = {
	"mail.purge", "DELETE FROM mail_queue WHERE created_at < ?1"};

const char *mail_template_name(enum mail_template t)
{
	return (unsigned)t < MAIL_N_TEMPLATES ? names[t] : NULL;
}

static bool template_of(const char *name, enum mail_template *t)
{
	for (unsigned i = 0; i < MAIL_N_TEMPLATES; i++)
		if (name && !strcmp(name, names[i])) {
			*t = (enum mail_template)i;
			return true;
		}
	return false;
}

int64_t mail_backoff(unsigned attempts)
{
	int64_t s = 30;
	for (unsigned i = 0; i < attempts && s < 6 * 3600; i++)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

static bool link_ok(const char *link)
{
	if (!link || link[0] != '/' || strlen(link) > MAIL_LINK_MAX)
		return false;
	for (const unsigned char *p = (const unsigned char *)link; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return false; /* a link is one word: no space, no line break */
	return true;
}

enum ent_err mail_enqueue(struct store_conn *db, const struct auth_keys *keys,
			  const struct mail_msg *m)
{
	const char *name = mail_template_name(m->tmpl);
	if (!name || !link_ok(m->link) || (!m->account_id && !m->to) ||
	    (m->locale && strcmp(m->locale, "fr") && strcmp(m->locale, "en")))
		return ENT_EINVAL;
	unsigned char to_enc[AUTH_EMAIL_MAX + AUTH_SEAL_OVERHEAD], link_enc[MAIL_LINK_MAX + AUTH_SEAL_OVERHEAD];
	size_t to_len = 0, link_len;
	enum ent_err err;
	if (m->to) {
		char norm[AUTH_EMAIL_MAX + 1];
		err = auth_email_normalize(m->to, strlen(m->to), norm);
		if (!err)
			err = auth_seal(keys, norm, strlen(norm), to_enc, sizeof to_enc, &to_len);
		if (err)
			return err == ENT_ETOOBIG ? ENT_EINVAL : err;
	}
	err = auth_seal(keys, m->link, strlen(m->link), link_enc, sizeof link_enc, &link_len);
	if (err)
		return err;
	struct store_q *st;
	err = store_q_open(db, &Q_ENQUEUE, &st);
	if (err)
		return err;
	if (m->account_id)
		store_q_bind_int(st, 1, m->account_id);
	else
		store_q_bind_null(st, 1);
	store_q_bind_text(st, 2, name, strlen(name));
	if (m->locale)
		store_q_bind_text(st, 3, m->locale, 2);
	else
		store_q_bind_null(st, 3);
	if (m->to)
		store_q_bind_blob(st, 4, to_enc, to_len);
	else
		store_q_bind_null(st, 4);
	store_q_bind_blob(st, 5, link_enc, link_len);
	store_q_bind_int(st, 6, clock_now());
	err = store_q_exec(st);
	store_q_close(st);
	if (!err)
		mail_wake();
	return err;
}

/* Opens a sealed text into out (cap includes the NUL); "" when it cannot be. */
static void open_text(const struct auth_keys *keys, struct store_q *st, int col, char *out,
		      size_t cap)
{
	size_t len = 0, n = 0;
	const void *p = store_q_blob(st, col, &len);
	out[0] = '\0';
	if (p && !auth_unseal(keys, p, len, out, cap - 1, &n))
		out[n] = '\0';
	if (memchr(out, '\0', n)) /* a NUL inside: not one of ours */
		out[0] = '\0';
}

enum ent_err mail_due_list(struct store_conn *db, const struct auth_keys *keys, int64_t now,
			   struct mail_due *out, size_t max, size_t *n)
{
	struct store_q *st;
	*n = 0;
	enum ent_err err = store_q_open(db, &Q_DUE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, now);
	store_q_bind_int(st, 2, (int64_t)max);
	bool row;
	while (*n < max && !(err = store_q_step(st, &row)) && row) {
		struct mail_due *d = &out[*n];
		memset(d, 0, sizeof *d);
		d->id = store_q_int(st, 0);
		if (!template_of(store_q_text(st, 1, NULL), &d->tmpl))
			d->tmpl = MAIL_N_TEMPLATES; /* unknown: given up by the sender */
		const char *loc = store_q_text(st, 2, NULL);
		memcpy(d->locale, loc && !strcmp(loc, "en") ? "en" : "fr", 3);
		if (!store_q_is_null(st, 3)) {
			open_text(keys, st, 3, d->to, sizeof d->to);
		} else if (!store_q_is_null(st, 4)) {
			size_t len;
			const unsigned char *p = store_q_blob(st, 4, &len);
			if (auth_email_open(keys, p, len, d->to))
				d->to[0] = '\0';
		}
		open_text(keys, st, 5, d->link, sizeof d->link);
		d->attempts = (unsigned)store_q_int(st, 6);
		(*n)++;
	}
	store_q_close(st);
	return err;
}

static void bind_text_or_null(struct store_q *st, int i, const char *s)
{
	if (s)
		store_q_bind_text(st, i, s, strlen(s));
	else
		store_q_bind_null(st, i);
}

enum ent_err mail_mark_done(struct store_conn *db, int64_t id, bool sent, int64_t now,
			    const char *error)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_DONE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	store_q_bind_text(st, 2, sent ? "sent" : "failed", sent ? 4 : 6);
	store_q_bind_int(st, 3, now);
	bind_text_or_null(st, 4, error);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err mail_mark_retry(struct store_conn *db, int64_t id, int64_t next_at, const char *error)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_RETRY, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	store_q_bind_int(st, 2, next_at);
	bind_text_or_null(st, 3, error);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

static void copy(char *dst, size_t cap, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s ? s : "", n);
	dst[n] = '\0';
}

static enum ent_err count(struct store_conn *db, const char *status, int64_t *n)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_COUNT, &st);
	if (err)
		return err;
	store_q_bind_text(st, 1, status, strlen(status));
	bool row;
	err = store_q_step(st, &row);
	*n = !err && row ? store_q_int(st, 0) : 0;
	store_q_close(st);
	return err;
}

enum ent_err mail_queue_list(struct store_conn *db, struct mail_row *rows, size_t max,
			     size_t *n, struct mail_counts *counts)
{
	struct store_q *st;
	*n = 0;
	enum ent_err err = count(db, "pending", &counts->pending);
	if (!err)
		err = count(db, "sent", &counts->sent);
	if (!err)
		err = count(db, "failed", &counts->failed);
	if (!err)
		err = store_q_open(db, &Q_LIST, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, (int64_t)max);
	bool row;
	while (*n < max && !(err = store_q_step(st, &row)) && row) {
		struct mail_row *r = &rows[*n];
		r->id = store_q_int(st, 0);
		copy(r->tmpl, sizeof r->tmpl, store_q_text(st, 1, NULL));
		copy(r->locale, sizeof r->locale, store_q_text(st, 2, NULL));
		copy(r->status, sizeof r->status, store_q_text(st, 3, NULL));
		r->attempts = (unsigned)store_q_int(st, 4);
		r->created_at = store_q_int(st, 5);
		r->next_at = store_q_int(st, 6);
		r->done_at = store_q_int(st, 7);
		copy(r->last_error, sizeof r->last_error, store_q_text(st, 8, NULL));
		(*n)++;
	}
	store_q_close(st);
	return err;
}

enum ent_err mail_queue_purge(struct store_conn *db, int64_t before, int64_t *n)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_PURGE, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, before);
	err = store_q_exec(st);
	store_q_close(st);
	*n = err ? 0 : store_changes(db);
	return err;
}
