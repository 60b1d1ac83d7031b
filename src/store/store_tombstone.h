/*
 * store_tombstone.h - deletions that outlive backups (issue 18): the list of deleted accounts
 * (a keyed hash each, no personal data; see 0003_data_rights.sql), what an account's hash is
 * made from, and the expiry a backup copy carries.
 * Not responsible for: the key of the hash (auth_tombstone), restoring (api_backup.c).
 */
#ifndef ENT_STORE_TOMBSTONE_H
#define ENT_STORE_TOMBSTONE_H

#include "store/store_account.h"

#define STORE_TOMB_BYTES 32
#define STORE_EHASH_MAX 64

/* What an account's tombstone hash is made from: its e-mail lookup hash and creation time. */
struct store_tomb_source {
	int64_t account_id, created_at;
	unsigned char email_hash[STORE_EHASH_MAX];
	size_t email_hash_len;
};
enum ent_err store_tomb_source_get(struct store_conn *c, int64_t account_id,
				   struct store_tomb_source *out);
/* Every account's source (for restore). */
enum ent_err store_tomb_source_each(struct store_conn *c,
				    void (*fn)(const struct store_tomb_source *s, void *arg), void *arg);

struct store_tombstone {
	unsigned char hash[STORE_TOMB_BYTES];
	enum store_posts_mode mode;
	int64_t deleted_at;
};
/* Records a deletion (a second record of the same hash is ignored). */
enum ent_err store_tombstone_add(struct store_conn *c, const struct store_tombstone *t);
enum ent_err store_tombstone_each(struct store_conn *c,
				  void (*fn)(const struct store_tombstone *t, void *arg), void *arg);

/* Deletes the account as store_account_delete does and records t, in one transaction. */
enum ent_err store_account_delete_recorded(struct store_conn *c, int64_t id,
					   enum store_posts_mode mode, const struct store_tombstone *t);

/* The expiry a backup copy carries (0 and 0 in a live database). */
enum ent_err store_backup_info_set(struct store_conn *c, int64_t created_at, int64_t expires_at);
enum ent_err store_backup_info_get(struct store_conn *c, int64_t *created_at, int64_t *expires_at);
enum ent_err store_backup_info_clear(struct store_conn *c);

#endif
