/*
 * msg.h - direct messages (issue 20, rules R2 and R6): who may write to whom, the checks the
 * server can make on what it stores (sizes and encodings of ciphertexts, never their content),
 * and the tables (migrations 0700-0799, msg_store.c).
 *
 * The server holds public keys, ciphertexts, nonces, senders, recipients and times: never a
 * plaintext, a preview, or anything searchable about what was written. Encryption, signatures
 * and the privacy checks before sealing happen in the browser (web/static/messages/).
 *
 * Every store function takes the calling thread's connection; strings in structs are copies.
 * Not responsible for: roles (the API loads them), HTTP.
 */
#ifndef ENT_MSG_H
#define ENT_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"
#include "store/store.h"
#include "store/store_account.h"

#define MSG_MEMBERS_MIN 2
#define MSG_MEMBERS_MAX 8
#define MSG_KEY_BYTES 32          /* X25519 and Ed25519 public keys */
#define MSG_KEY_B64 43            /* base64url, no padding, of 32 bytes */
#define MSG_NONCE_BYTES 24        /* crypto_secretbox (XSalsa20-Poly1305) */
#define MSG_SEALED_BYTES 80       /* crypto_box_seal of a 32-byte message key */
#define MSG_MAC_BYTES 16
#define MSG_BODY_MAX (6u * 1024 * 1024)    /* decoded ciphertext: a photo fits */
#define MSG_BODY_B64_MAX (MSG_BODY_MAX / 3 * 4 + 4)
#define MSG_BACKUP_MAX 1024       /* decoded sealed private keys */
#define MSG_SALT_BYTES 16         /* crypto_pwhash_SALTBYTES */
#define MSG_PAGE_DEFAULT 50
#define MSG_PAGE_MAX 100
#define MSG_UNREAD_CAP 99         /* the header shows "99+" past it */

/* Disappearing messages: the only periods offered (seconds; 0 = kept). */
#define MSG_DAY 86400
bool msg_disappear_ok(int64_t seconds);
/* "off", "1d", "7d", "30d" <-> seconds; NULL / -1 for anything else. */
int64_t msg_disappear_parse(const char *s);
const char *msg_disappear_name(int64_t seconds);

/* True when s[0..len) is base64url without padding and decodes to between min and max bytes
 * (inclusive); *out_len (optional) gets the decoded length. */
bool msg_b64_ok(const char *s, size_t len, size_t min, size_t max, size_t *out_len);

/* Who one party is, for the pairing rule. */
struct msg_party {
	int64_t id;
	bool professional;  /* holds the professional role */
	bool young;         /* youngest age band (13-14): only with members of their communities */
	bool limited;       /* under 15 without a parent's confirmation yet (issue 21): none */
};

/* Why two people may not share a conversation (stable strings, part of the API contract). */
#define MSG_NO_MEMBER_TO_PRO "member-to-professional" /* R2: no online consultation */
#define MSG_NO_PRO_TO_MEMBER "professional-to-member" /* R2 the other way round */
#define MSG_NO_BLOCKED "blocked"
#define MSG_NO_YOUNG "youngest-age-band"   /* the writer is 13-14, the other shares no community */
#define MSG_NO_LIMITED "age-limited"        /* the writer waits for a parent's confirmation */
#define MSG_NO_UNREACHABLE "unreachable"    /* the other is young: why is not told (a child's age) */

/* The pairing rule between the writer and another party: nobody under 15 before a parent's
 * confirmation, then member <-> member and professional <-> professional only. Returns NULL
 * when allowed, else one of MSG_NO_*. Blocks and communities are store questions
 * (msg_blocked, msg_share_community): see msg_needs_community. */
const char *msg_pair_refusal(const struct msg_party *writer, const struct msg_party *other);
/* True when the two may write only if they share a community (either is 13-14); the refusal
 * when they share none is msg_community_refusal(writer). */
bool msg_needs_community(const struct msg_party *writer, const struct msg_party *other);
const char *msg_community_refusal(const struct msg_party *writer);
/* True for the reasons about age (problem type "messages-limited" rather than "forbidden"). */
bool msg_refusal_is_age(const char *reason);

/* --- tables (msg_store.c) --- */

struct msg_keys {
	char box_pk[MSG_KEY_B64 + 1];   /* X25519 */
	char sign_pk[MSG_KEY_B64 + 1];  /* Ed25519 */
	int64_t version;                /* 1, then +1 at each change */
	int64_t changed_at;
};

/* The keys of account; ENT_ENOTFOUND when none were published. */
enum ent_err msg_keys_get(struct store_conn *c, int64_t account, struct msg_keys *out);
/* Publishes keys (validated by the caller); a change of either key adds a version and records
 * it in msg_key_changes. *changed tells whether anything changed. out gets the stored keys. */
enum ent_err msg_keys_put(struct store_conn *c, int64_t account, const char *box_pk,
			  const char *sign_pk, int64_t now, bool *changed, struct msg_keys *out);
/* Calls fn for each recorded version of account's keys, newest first, at most cap. */
enum ent_err msg_keys_history(struct store_conn *c, int64_t account, size_t cap,
			      void (*fn)(void *arg, const struct msg_keys *k), void *arg);

struct msg_backup {
	char salt[32], nonce[40];
	char *sealed;            /* heap, msg_backup_clear() frees it */
	int64_t opslimit, memlimit, updated_at;
};
enum ent_err msg_backup_get(struct store_conn *c, int64_t account, struct msg_backup *out);
enum ent_err msg_backup_put(struct store_conn *c, int64_t account, const struct msg_backup *b);
enum ent_err msg_backup_delete(struct store_conn *c, int64_t account);
void msg_backup_clear(struct msg_backup *b);

/* Blocks: blocker no longer receives anything from blocked, and blocked cannot write to them. */
enum ent_err msg_block(struct store_conn *c, int64_t blocker, int64_t blocked, int64_t now);
enum ent_err msg_unblock(struct store_conn *c, int64_t blocker, int64_t blocked);
/* The accounts blocker blocks (the first 1000, by id); handle borrowed for the call. */
struct msg_block_row {
	const char *handle;
	int64_t since;
};
typedef enum ent_err (*msg_block_fn)(void *arg, const struct msg_block_row *b);
enum ent_err msg_blocks_each(struct store_conn *c, int64_t blocker, msg_block_fn fn, void *arg);
/* True when either blocked the other. */
enum ent_err msg_blocked(struct store_conn *c, int64_t a, int64_t b, bool *yes);
/* True when a and b take part in a common community: a space in which both follow a thread
 * (writing in a thread follows it). The spaces are the communities; they have no member list. */
enum ent_err msg_share_community(struct store_conn *c, int64_t a, int64_t b, bool *yes);

struct msg_conv {
	int64_t id, disappear_s, created_at, read_id, sort_key, last_id;
	int n_members;
	int64_t members[MSG_MEMBERS_MAX];               /* account ids, ascending */
	char handles[MSG_MEMBERS_MAX][STORE_HANDLE_MAX + 1];
};

/* The two-person conversation of a and b, if any (ENT_ENOTFOUND). */
enum ent_err msg_conv_find_pair(struct store_conn *c, int64_t a, int64_t b, int64_t *id);
/* Creates a conversation of ids[0..n) (the creator first); pair conversations are unique. */
enum ent_err msg_conv_create(struct store_conn *c, const int64_t *ids, int n, int64_t disappear_s,
			     int64_t now, int64_t *id);
/* Loads conversation id as seen by account: ENT_ENOTFOUND unless account is one of its members. */
enum ent_err msg_conv_get(struct store_conn *c, int64_t id, int64_t account, struct msg_conv *out);
enum ent_err msg_conv_set_disappear(struct store_conn *c, int64_t id, int64_t seconds);
/* Moves account's read marker forward to last (at most the last message). */
enum ent_err msg_conv_read(struct store_conn *c, int64_t id, int64_t account, int64_t last);
/* Unread messages of conv for account (messages of others after its marker, not expired). */
enum ent_err msg_conv_unread(struct store_conn *c, int64_t id, int64_t account, int64_t now,
			     int64_t *n);
/* Every unread message of account, over all its conversations. */
enum ent_err msg_unread_total(struct store_conn *c, int64_t account, int64_t now, int64_t *n);
/* The same count, stopped at cap (the header's badge: cheap whatever the backlog). */
enum ent_err msg_unread_capped(struct store_conn *c, int64_t account, int64_t now, int64_t cap,
			       int64_t *n);
/* account's conversations by last activity, newest first, keyset on sort_key (< before);
 * fills up to cap into out (members and handles included), *n set. */
enum ent_err msg_conv_list(struct store_conn *c, int64_t account, int64_t before, size_t cap,
			   struct msg_conv *out, size_t *n);

/* One message as stored. Strings borrowed from the statement (valid until the next step). */
struct msg_message {
	int64_t id, sender_id, sender_key, created_at, expires_at; /* expires_at 0 = kept */
	const char *sender, *nonce, *body, *sealed;
};
struct msg_envelope {
	int64_t account;
	const char *sealed;
};
/* Stores a message and its envelopes (one per member, the sender included) in the caller's
 * transaction; moves every member's sort key. */
enum ent_err msg_message_add(struct store_conn *c, int64_t conv, int64_t sender,
			     int64_t sender_key, const char *nonce, const char *body,
			     const struct msg_envelope *env, int n_env, int64_t now,
			     int64_t expires_at, int64_t *id);
/* Messages of conv older than before, newest first, not expired at now, each with account's
 * envelope; fn is called per message. *more tells whether there are more. */
enum ent_err msg_message_page(struct store_conn *c, int64_t conv, int64_t account, int64_t before,
			      int64_t now, size_t limit,
			      void (*fn)(void *arg, const struct msg_message *m), void *arg,
			      bool *more);
/* Deletes the messages whose time is up (disappearing messages); *n counts them. */
enum ent_err msg_purge_expired(struct store_conn *c, int64_t now, int64_t *n);

#endif
