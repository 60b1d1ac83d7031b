/*
 * mail.h - e-mail: a queue in the database, the messages' texts (French, English), and the
 * thread of `serve` that sends them over SMTP with libcurl.
 *
 * Sending never blocks a request: a handler calls mail_enqueue() (one INSERT, in the caller's
 * transaction if it has one) and returns; the sender thread takes due messages, writes each
 * from its template at that moment, sends it, and retries with backoff (mail_backoff) up to
 * MAIL_ATTEMPTS times. Once a message is sent or given up, its address and link are erased
 * from its row (only the template, the status and the times stay, for the administrator,
 * until the retention purge: MAIL_KEEP_DAYS).
 *
 * What a message may say (R6, no health content): only that there is something to do or to
 * see on entraide, and a link. Never a post, a condition, a space or institution name, a desk
 * message, a handle. That is why callers choose a template and give a link, never text.
 *
 *     mail_enqueue(q->db, q->app->keys, &(struct mail_msg){
 *             .account_id = id, .tmpl = MAIL_PARENT_CONFIRM, .to = parent_address,
 *             .link = "/parent-confirm/TOKEN"});
 *
 * Not responsible for: tokens (mail_token.h), who may ask for a message (src/api/).
 */
#ifndef ENT_MAIL_H
#define ENT_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "entraide/err.h"
#include "store/store.h"

#define MAIL_ATTEMPTS 8     /* tries before a message is given up */
#define MAIL_KEEP_DAYS 7    /* queue rows (without address nor link once done) are purged after */
#define MAIL_LINK_MAX 512   /* a link's path */
#define MAIL_URL_MAX 256    /* public_url */

enum mail_template {
	MAIL_CONFIRM_EMAIL,  /* "confirm your address": link /confirm-email/TOKEN */
	MAIL_PASSWORD_RESET, /* "reset your password": link /password-reset/TOKEN, 30 minutes */
	MAIL_PARENT_CONFIRM, /* "confirm your child's account" (issue 21): to = the parent */
	MAIL_DIGEST,         /* "you have something new on entraide": link /notifications */
	MAIL_N_TEMPLATES
};

struct mail_msg {
	int64_t account_id;      /* the account it is about; 0 = none (then to is required) */
	enum mail_template tmpl;
	const char *locale;      /* "fr" or "en"; NULL = the account's language (else French) */
	const char *to;          /* the address; NULL = the account's own (read when sending) */
	const char *link;        /* a path starting with '/', sent as public_url + link */
};

/* Queues m (checked: a known template, a link path, an address when to is given). Borrowed
 * strings; nothing kept. Wakes the sender. ENT_EINVAL for a bad message. */
enum ent_err mail_enqueue(struct store_conn *db, const struct auth_keys *keys,
			  const struct mail_msg *m);

/* Name of a template ("password_reset"), NULL when out of range. */
const char *mail_template_name(enum mail_template t);

/* Seconds to wait before try number `attempts + 1` after `attempts` failed tries: 30 s
 * doubling, at most 6 hours. */
int64_t mail_backoff(unsigned attempts);

/* The whole message (headers and body, CRLF lines) of template t in locale for address to
 * with url (public_url + link) into out (cap bytes, NUL-terminated). ENT_ETOOBIG when it does
 * not fit, ENT_EINVAL for a bad template or an address with a line break. */
enum ent_err mail_compose(enum mail_template t, const char *locale, const char *from,
			  const char *to, const char *url, int64_t now, char *out, size_t cap);

/* --- the queue as the administrator sees it (no address, no link) --- */

struct mail_row {
	int64_t id, created_at, next_at, done_at; /* done_at 0 while pending */
	char tmpl[32];
	char locale[3];
	char status[8];
	unsigned attempts;
	char last_error[64];
};
struct mail_counts {
	int64_t pending, sent, failed;
};
/* The rows among the newest max ids, newest first, and the counts by status. */
enum ent_err mail_queue_list(struct store_conn *db, struct mail_row *rows, size_t max,
			     size_t *n, struct mail_counts *counts);
/* Deletes the rows created before `before` (the retention purge); *n the rows deleted. */
enum ent_err mail_queue_purge(struct store_conn *db, int64_t before, int64_t *n);

/* --- opt-in digests (mail_digest.c) --- */

/* Turns the account's digest on with frequency "daily" or "weekly" (and records the consent
 * "email_digest"), or off (frequency NULL: the consent is withdrawn, its history kept). */
enum ent_err mail_digest_set(struct store_conn *db, int64_t account_id, const char *frequency,
			     int64_t now);
/* The account's frequency into frequency ("" when off or the consent was withdrawn). */
enum ent_err mail_digest_get(struct store_conn *db, int64_t account_id, char frequency[8]);
/* Queues the digests due at now (members with unread notifications, a confirmed address and
 * the consent); *queued counted. Run by the sender thread. */
enum ent_err mail_digest_run(struct store_conn *db, const struct auth_keys *keys, int64_t now,
			     unsigned *queued);

/* --- the sender (serve) --- */

struct mail_smtp {
	char url[MAIL_URL_MAX];        /* smtp://host:port or smtps://host:port */
	char user[128];                /* "" = no authentication */
	char *password;                /* sodium_malloc'd, or NULL; taken by mail_sender_start */
	bool starttls;                 /* require STARTTLS (smtp://) */
	char from[256];                /* the From address */
	char public_url[MAIL_URL_MAX]; /* links start with it, without a trailing slash */
};
struct mail_sender;
/* Starts the sender thread over store. opts is copied (its password taken). */
enum ent_err mail_sender_start(struct store *store, const struct auth_keys *keys,
			       struct mail_smtp *opts, struct mail_sender **out);
/* Stops it (a message being sent finishes) and frees it; NULL is a no-op. */
void mail_sender_stop(struct mail_sender *s);
/* Wakes the sender (after an enqueue); any thread, cheap, safe without a sender. */
void mail_wake(void);
/* Tries every due message once now, on db (the sender's loop body); *sent, *failed counted. */
enum ent_err mail_send_due(struct mail_sender *s, struct store_conn *db, int64_t now,
			   unsigned *sent, unsigned *failed);

#endif
