/*
 * msg_report.h - a conversation reported to the moderators (issue 20, migration 0701).
 *
 * The server cannot read a message. When a member reports a conversation, their browser
 * reveals, for each message they choose, the message key that was sealed to them (32 bytes):
 * the server opens its own stored ciphertext with it, and checks the signature inside with the
 * sender's Ed25519 key of the version the message was sent with. So the words moderators read
 * are the words the sender's key signed in that conversation: a reporter cannot put words in
 * someone's mouth, and nothing else of the conversation is revealed (each message has its own
 * key). This is the only way moderators ever read a message. The words are deleted when the
 * report is resolved.
 *
 * Not responsible for: who may call (the route table; the reporter must be a member of the
 * conversation: the API checks it with msg_conv_get), HTTP.
 */
#ifndef ENT_MSG_REPORT_H
#define ENT_MSG_REPORT_H

#include "message/msg.h"

#define MSG_REPORT_ITEMS_MAX 20   /* messages forwarded with one report */
#define MSG_REPORT_SIGNED_MAX (16u * 1024) /* signed bytes kept for checking again, no photo */
#define MSG_SIG_B64 86            /* an Ed25519 signature, base64url */
#define MSG_REPORT_NOTE_MAX 1000  /* the reporter's note, bytes */
#define MSG_REPORT_PAGE_MAX 50    /* reports in one page of the queue */

/* Why a revealed key was refused (stable strings, the API's field errors). */
#define MSG_OPEN_BAD_KEY "does-not-open"         /* the key does not open that ciphertext */
#define MSG_OPEN_BAD_SIGNATURE "signature-invalid" /* not signed by the sender's key */
#define MSG_OPEN_NOT_A_MESSAGE "not-a-message"   /* signed, but not a message document */
#define MSG_OPEN_OTHER_CONVERSATION "other-conversation" /* signed for another conversation */

/* A message as opened with a revealed key. Owned strings: msg_opened_clear frees them. */
struct msg_opened {
	char *text;       /* the message's words ("t") */
	char *signed_doc; /* the signed bytes (JSON), NULL when a photo came with them */
	bool photo;
	char signature[MSG_SIG_B64 + 1];
};
void msg_opened_clear(struct msg_opened *o);

/* Opens a stored message (nonce and body as stored, base64url) with key (base64url, 32
 * bytes), checks the signature with sign_pk (base64url) and that the document names conv
 * when it names one. NULL when it holds (out filled), else one of MSG_OPEN_*. ENT_ENOMEM is
 * told by *oom. */
const char *msg_report_open(const char *nonce, const char *body, const char *key,
			    const char *sign_pk, int64_t conv, struct msg_opened *out, bool *oom);

/* One stored message of conv (not expired at now). Owned strings: msg_stored_clear. */
struct msg_stored {
	int64_t id, sender_id, sender_key, created_at;
	char *nonce, *body;
};
void msg_stored_clear(struct msg_stored *m);
enum ent_err msg_message_get(struct store_conn *c, int64_t conv, int64_t id, int64_t now,
			     struct msg_stored *out);
/* The Ed25519 public key account published as version (ENT_ENOTFOUND if none). */
enum ent_err msg_sign_key_at(struct store_conn *c, int64_t account, int64_t version,
			     char out[MSG_KEY_B64 + 1]);

/* Adds an open report of conv (in the caller's transaction); "danger" goes first. */
enum ent_err msg_report_add(struct store_conn *c, int64_t conv, int64_t reporter,
			    const char *reason, const char *note, int64_t now, int64_t *id);
/* Adds one checked message to report (in the same transaction). */
enum ent_err msg_report_item_add(struct store_conn *c, int64_t report, const struct msg_stored *m,
				 const char *sign_pk, const struct msg_opened *o);

/* The open reports, queue order (danger first, then oldest), after the queue key `after`. */
struct msg_report {
	int64_t id, conversation, queue_key, created_at;
	const char *reason, *note, *reporter; /* reporter NULL when the account is gone */
};
struct msg_report_item {
	int64_t message, sender_key, sent_at;
	bool photo;
	const char *sender, *sign_pk, *signature, *signed_doc, *text; /* signed_doc may be NULL */
};
/* Calls on_report for each open report (up to limit), then on_item for each of its messages
 * (oldest first). Strings are borrowed for the call. *n counts the reports. */
enum ent_err msg_report_page(struct store_conn *c, int64_t after, int64_t limit,
			     void (*on_report)(void *arg, const struct msg_report *r),
			     void (*on_item)(void *arg, const struct msg_report_item *i), void *arg,
			     int64_t *n);
/* Resolves an open report (resolution: "handled" or "dismissed") and deletes the words it
 * forwarded. ENT_ENOTFOUND when there is no such open report. */
enum ent_err msg_report_resolve(struct store_conn *c, int64_t id, const char *resolution,
				int64_t now);

#endif
