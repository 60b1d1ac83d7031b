/* media_store.h - uploaded pictures (issue 4): the media rows and the files to remove (media.h
 * holds the files themselves). The functions keep their store_media_ names. */
#ifndef ENT_MEDIA_STORE_H
#define ENT_MEDIA_STORE_H

#include "store/store_account.h"

#define STORE_MEDIA_HASH_HEX 64

struct store_media {
	int64_t id, account_id, bytes, created_at;
	char hash[STORE_MEDIA_HASH_HEX + 1];
	char format[8]; /* "jpeg", "png", "webp" */
	int width, height;
};

/* Inserts m (its id is set) and takes its hash off the list of files to remove. Run it in
 * the transaction that writes the file, so a purge cannot remove the file in between. */
enum ent_err store_media_insert(struct store_conn *c, struct store_media *m);
/* The row of id; ENT_ENOTFOUND when there is none. */
enum ent_err store_media_get(struct store_conn *c, int64_t id, struct store_media *m);
/* Up to cap hashes of files no row references any more (hex, NUL-terminated); *n set. */
enum ent_err store_media_gone(struct store_conn *c, char (*out)[STORE_MEDIA_HASH_HEX + 1],
			      size_t cap, size_t *n);
/* True when a row references hash, an upload's or a case photo's (a purge must then keep
 * the file). */
enum ent_err store_media_referenced(struct store_conn *c, const char *hash, bool *yes);
/* Takes hash off the list of files to remove (once the file is gone). */
enum ent_err store_media_gone_done(struct store_conn *c, const char *hash);
/* Deletion hook (store_account_delete): the account's pictures go whatever the mode; the
 * files nobody else uploaded are listed in media_gone for the server to remove. */
enum ent_err store_media_account_delete(struct store_conn *c, int64_t account_id,
					enum store_posts_mode mode);

#endif
