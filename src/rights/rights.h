/*
 * rights.h - data rights (issue 18): what a member's copy of their data reads, in pages.
 *
 * The export (api_export.c) walks these sections one page at a time (keyset pages: a page
 * starts after the last key of the one before, so each is one indexed read whatever the
 * account's size), then the member's pictures and desk documents one file at a time. Every
 * statement is keyed on the account: nothing of another account is read but what the member
 * could already read (a community manager's handle in their desk conversation).
 * Not responsible for: rendering (api_export.c), who may call (the route table), sealing.
 */
#ifndef ENT_RIGHTS_H
#define ENT_RIGHTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/zip.h"
#include "store/store.h"

#define RIGHTS_COLS_MAX 11
#define RIGHTS_HASH_MAX 128

/* Column types: i int, n int or null, t text, d date (Unix seconds) or null, b bool, f the
 * path of a file inside the archive (text). */
struct rights_col {
	const char *name;
	char type;
};

struct rights_section {
	const char *key;      /* of data.json, id of index.html */
	const char *title[2]; /* fr, en */
	struct rights_col cols[RIGHTS_COLS_MAX + 1];
};

extern const struct rights_section rights_sections[];
extern const size_t rights_n_sections;

/* One row: values in the section's column order, text borrowed during the callback. */
struct rights_row {
	struct {
		bool null;
		int64_t i;
		const char *s;
		size_t len;
	} v[RIGHTS_COLS_MAX];
};

/* Where a walk stands: the last key read, rows so far, whether it is over. */
struct rights_cursor {
	int64_t k1, k2;
	size_t rows;
	bool done;
};

/* Calls fn for the next page (at most limit rows) of section i of account, after cur, and
 * advances cur. session marks the caller's current session in "sessions". */
enum ent_err rights_section_page(struct store_conn *c, size_t i, int64_t account, int64_t session,
				 struct rights_cursor *cur, size_t limit,
				 void (*fn)(const struct rights_row *row, void *arg), void *arg);

/* The account's sealed e-mail (appended to email_enc) and when it was created. */
enum ent_err rights_account(struct store_conn *c, int64_t account, struct buf *email_enc,
			    int64_t *created_at);

/* The requester's next desk request after id *id (0 to start): *id becomes it, 0 at the end. */
enum ent_err rights_next_desk_request(struct store_conn *c, int64_t account, int64_t *id);

/* The account's next picture after id *id: its file's hash and its path in the archive. */
enum ent_err rights_next_media(struct store_conn *c, int64_t account, int64_t *id,
			       char hash[RIGHTS_HASH_MAX], char path[ZIP_NAME_MAX + 1]);

/* The next document file delivered to the account on one of its desk requests, after message
 * *message (0 to start): the message, its request, and its path in the archive (the same as
 * in the "desk_files" section). *message becomes 0 at the end. */
enum ent_err rights_next_desk_file(struct store_conn *c, int64_t account, int64_t *message,
				   int64_t *request, char path[ZIP_NAME_MAX + 1]);

#endif
