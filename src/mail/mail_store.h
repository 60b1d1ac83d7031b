/* mail_store.h - the queue's statements for the sender (internal to src/mail/). */
#ifndef ENT_MAIL_STORE_H
#define ENT_MAIL_STORE_H

#include "mail/mail.h"

struct mail_due {
	int64_t id;
	enum mail_template tmpl;
	char locale[3];
	char to[AUTH_EMAIL_MAX + 1]; /* "" when it could not be opened (the message is given up) */
	char link[MAIL_LINK_MAX + 1];
	unsigned attempts;
};

/* Up to max pending messages due at now, oldest due first, with address and link opened. */
enum ent_err mail_due_list(struct store_conn *db, const struct auth_keys *keys, int64_t now,
			   struct mail_due *out, size_t max, size_t *n);
/* Sent (sent true) or given up: address and link erased. */
enum ent_err mail_mark_done(struct store_conn *db, int64_t id, bool sent, int64_t now,
			    const char *error);
/* One more failed try; due again at next_at. */
enum ent_err mail_mark_retry(struct store_conn *db, int64_t id, int64_t next_at, const char *error);

#endif
