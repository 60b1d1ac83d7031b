/*
 * pro_case.h - cases of the professional network in the store (migration 0301): the case,
 * its consent record, its answers and its photos with their review.
 *
 * Plain data in, plain data out: the API decides who may see what (a pending photo to its
 * author only, the consent record to nobody but its author). Every function takes the
 * calling thread's connection.
 */
#ifndef ENT_PRO_CASE_H
#define ENT_PRO_CASE_H

#include "core/buf.h"
#include "store/store.h"
#include "store/store_account.h"

#define PRO_TITLE_MAX 160
#define PRO_BODY_MAX 20000

struct pro_case {
	int64_t id;
	int64_t author_id;
	char author[STORE_HANDLE_MAX + 1];
	char title[PRO_TITLE_MAX + 1];
	char space[64];            /* professional space slug (issue 5), "" when none */
	char *body;                /* owned: pro_case_clear() */
	char status[8];            /* open, closed */
	int64_t helpful_id;        /* 0 when none */
	int64_t n_answers;
	int64_t created_at, first_answer_at, closed_at; /* 0 when not yet */
};
void pro_case_clear(struct pro_case *c);

struct pro_case_new {
	int64_t author_id;
	const char *title, *body;
	const char *space;         /* slug of a professional space, or NULL */
	const char *consent_who, *consent_how, *consent_on;
	int64_t now;
};

struct pro_answer {
	int64_t id;
	char author[STORE_HANDLE_MAX + 1];
	const char *body;          /* borrowed for the callback */
	int64_t created_at;
};

struct pro_photo {
	int64_t id, case_id, author_id;
	char mime[16];
	int width, height, n_faces, n_masks;
	char status[10];           /* pending, approved, refused */
	char reason[512];
	char case_title[PRO_TITLE_MAX + 1];
	int64_t created_at;
};

struct pro_photo_new {
	int64_t case_id, author_id;
	const char *mime;
	const void *data;
	size_t len;
	int width, height, n_faces, n_masks;
	int64_t now;
};

/* ENT_OK when slug names a space whose visibility is professionals, else ENT_ENOTFOUND. */
enum ent_err pro_space_check(struct store_conn *c, const char *slug);
/* Creates the case and its consent record in one transaction. */
enum ent_err pro_case_insert(struct store_conn *c, const struct pro_case_new *n, int64_t *id);
/* ENT_ENOTFOUND when there is no such case. out must be cleared with pro_case_clear(). */
enum ent_err pro_case_get(struct store_conn *c, int64_t id, struct pro_case *out);
/* Calls fn for the newest cases (body NULL), at most 200. */
enum ent_err pro_case_each(struct store_conn *c, void (*fn)(const struct pro_case *k, void *arg),
			   void *arg);
/* Median seconds from a case to its first answer over answered cases (*n of them). */
enum ent_err pro_case_median_first_answer(struct store_conn *c, long long *median, size_t *n);
/* The consent record, for the case's author only: who, how, given_on; ENT_ENOTFOUND. */
enum ent_err pro_case_consent(struct store_conn *c, int64_t case_id, char who[24], char how[16],
			      char on[16]);
enum ent_err pro_case_set_status(struct store_conn *c, int64_t id, const char *status, int64_t now);
/* Marks answer_id helpful: ENT_ENOTFOUND when it is not an answer of this case. */
enum ent_err pro_case_set_helpful(struct store_conn *c, int64_t id, int64_t answer_id);

enum ent_err pro_answer_insert(struct store_conn *c, int64_t case_id, int64_t author_id,
			       const char *body, int64_t now, int64_t *id);
enum ent_err pro_answer_each(struct store_conn *c, int64_t case_id,
			     void (*fn)(const struct pro_answer *a, void *arg), void *arg);

/* --- photos (pro_photo.c): the row here, the picture a content-addressed file under the data
 * directory data_dir (media/media.h) --- */

/* The row and the file of n->data in one transaction (not inside another). */
enum ent_err pro_photo_insert(struct store_conn *c, const char *data_dir,
			      const struct pro_photo_new *n, int64_t *id);
enum ent_err pro_photo_get(struct store_conn *c, int64_t id, struct pro_photo *out);
/* Appends the picture's bytes to out (from its file, or from the row when it was stored
 * before 0401 and not moved yet). */
enum ent_err pro_photo_data(struct store_conn *c, const char *data_dir, int64_t id,
			    struct buf *out);
/* Photos of a case (case_id > 0) or pending photos of every case (case_id 0), oldest first. */
enum ent_err pro_photo_each(struct store_conn *c, int64_t case_id,
			    void (*fn)(const struct pro_photo *p, void *arg), void *arg);
/* The review: approved or refused (with reason); data non-NULL replaces the picture (masks
 * added by the reviewer). ENT_ECONFLICT when the photo is not pending any more. */
struct pro_photo_review {
	int64_t id, reviewer_id;
	const char *status, *reason;
	const void *data;
	size_t len;
	int n_masks;
	int64_t now;
};
enum ent_err pro_photo_review(struct store_conn *c, const char *data_dir,
			      const struct pro_photo_review *r);
/* Moves the pictures of photos stored before 0401 out of the database into their files (the
 * row keeps its bytes until its file is written: stopped anywhere, a second call finishes,
 * and a call with nothing left changes nothing). *moved says how many. Not inside a
 * transaction. */
enum ent_err pro_photo_move_files(struct store_conn *c, const char *data_dir, size_t *moved);

#endif
