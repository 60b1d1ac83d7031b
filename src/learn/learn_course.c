/* learn_course.c - courses, lessons, progress and certificates in the store; see learn.h.
 * Progress and certificates are read and written by their member's id only. */
#include <stdio.h>
#include <string.h>

#include "learn/learn.h"

#define COURSE_COLS                                                                            \
	"c.id, coalesce(c.institution_id, 0), c.key, c.slug, c.language, c.audience, c.title, " \
	"c.summary, c.minutes, c.shipped, "                                                   \
	"(SELECT count(*) FROM course_lessons l WHERE l.course_id = c.id), "                   \
	"coalesce((SELECT slug FROM institutions i WHERE i.id = c.institution_id), '')"
#define LESSON_COLS "l.id, l.position, l.minutes, l.offered_at, l.slug, l.title, l.body, l.html, l.quiz"

static const struct store_stmt Q_FIND = {
	"learn.course_find", "SELECT id FROM courses WHERE key = ?1 AND language = ?2"};
static const struct store_stmt Q_INSERT = {
	"learn.course_insert",
	"INSERT INTO courses (key, slug, language, title, summary, audience, minutes, institution_id, "
	"shipped, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	"(SELECT id FROM institutions WHERE slug = ?8), ?9, ?10, ?10) RETURNING id"};
static const struct store_stmt Q_UPDATE = {
	"learn.course_update",
	"UPDATE courses SET slug = ?2, title = ?3, summary = ?4, audience = ?5, minutes = ?6, "
	"shipped = ?7, updated_at = ?8 WHERE id = ?1"};
/* lessons are renumbered out of the way first, so positions never collide while replaced */
static const struct store_stmt Q_LESSON_SHIFT = {
	"learn.lesson_shift", "UPDATE course_lessons SET position = -1 - position WHERE course_id = ?1"};
static const struct store_stmt Q_LESSON_UPSERT = {
	"learn.lesson_upsert",
	"INSERT INTO course_lessons (course_id, position, slug, title, minutes, offered_at, body, html, "
	"quiz) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (course_id, slug) DO UPDATE SET "
	"position = excluded.position, title = excluded.title, minutes = excluded.minutes, "
	"offered_at = excluded.offered_at, body = excluded.body, html = excluded.html, "
	"quiz = excluded.quiz"};
static const struct store_stmt Q_LESSON_DROP = {
	"learn.lesson_drop", "DELETE FROM course_lessons WHERE course_id = ?1 AND position < 0"};
static const struct store_stmt Q_LIST = {
	"learn.course_list",
	"SELECT " COURSE_COLS " FROM courses c WHERE ?1 IS NULL OR c.language = ?1 "
	"ORDER BY c.language, c.slug"};
static const struct store_stmt Q_GET = {
	"learn.course_get", "SELECT " COURSE_COLS " FROM courses c WHERE c.slug = ?1"};
static const struct store_stmt Q_LESSONS = {
	"learn.lessons_of",
	"SELECT " LESSON_COLS " FROM course_lessons l WHERE l.course_id = ?1 ORDER BY l.position"};
static const struct store_stmt Q_LESSON = {
	"learn.lesson_get",
	"SELECT " LESSON_COLS " FROM course_lessons l WHERE l.course_id = ?1 AND l.slug = ?2"};
static const struct store_stmt Q_OFFERS = {
	"learn.offers_at",
	"SELECT " COURSE_COLS ", " LESSON_COLS " FROM course_lessons l JOIN courses c ON c.id = l.course_id "
	"WHERE l.offered_at <> 0 AND (l.offered_at & ?1) <> 0 AND c.language = ?2 "
	"ORDER BY l.id LIMIT 3"};
static const struct store_stmt Q_PROGRESS_SET = {
	"learn.progress_set",
	"INSERT INTO course_progress (account_id, lesson_id, course_id, score, questions, done_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account_id, lesson_id) DO UPDATE SET "
	"score = excluded.score, questions = excluded.questions, done_at = excluded.done_at"};
static const struct store_stmt Q_PROGRESS_OF = {
	"learn.progress_of",
	"SELECT l.slug, p.score, p.questions FROM course_progress p "
	"JOIN course_lessons l ON l.id = p.lesson_id WHERE p.account_id = ?1 AND p.course_id = ?2"};
static const struct store_stmt Q_PROGRESS_RESET = {
	"learn.progress_reset", "DELETE FROM course_progress WHERE account_id = ?1 AND course_id = ?2"};
static const struct store_stmt Q_CERT_GET = {
	"learn.certificate_get",
	"SELECT x.id, i.slug, x.holder, x.date, x.signature FROM course_certificates x "
	"JOIN institutions i ON i.id = x.institution_id WHERE x.account_id = ?1 AND x.course_id = ?2"};
static const struct store_stmt Q_CERT_INSERT = {
	"learn.certificate_insert",
	"INSERT INTO course_certificates (account_id, course_id, institution_id, holder, date, "
	"signature, created_at) VALUES (?1, ?2, (SELECT id FROM institutions WHERE slug = ?3), ?4, "
	"?5, ?6, ?7)"};
static const struct store_stmt Q_SIGNER = {
	"learn.signer",
	"SELECT slug FROM institutions WHERE id = ?1 UNION ALL "
	"SELECT slug FROM (SELECT slug FROM institutions ORDER BY id LIMIT 1) AS first"};

static void read_course(struct store_q *q, struct learn_course *k)
{
	memset(k, 0, sizeof *k);
	k->id = store_q_int(q, 0);
	k->institution_id = store_q_int(q, 1);
	store_q_text_copy(q, 2, k->key, sizeof k->key);
	store_q_text_copy(q, 3, k->slug, sizeof k->slug);
	store_q_text_copy(q, 4, k->language, sizeof k->language);
	store_q_text_copy(q, 5, k->audience, sizeof k->audience);
	store_q_text_copy(q, 6, k->title, sizeof k->title);
	store_q_text_copy(q, 7, k->summary, sizeof k->summary);
	k->minutes = (int)store_q_int(q, 8);
	k->shipped = store_q_bool(q, 9);
	k->n_lessons = (int)store_q_int(q, 10);
	store_q_text_copy(q, 11, k->institution, sizeof k->institution);
}

static void read_lesson(struct store_q *q, int at, struct learn_lesson *l)
{
	memset(l, 0, sizeof *l);
	l->id = store_q_int(q, at);
	l->position = (int)store_q_int(q, at + 1);
	l->minutes = (int)store_q_int(q, at + 2);
	l->offered_at = (unsigned)store_q_int(q, at + 3);
	store_q_text_copy(q, at + 4, l->slug, sizeof l->slug);
	store_q_text_copy(q, at + 5, l->title, sizeof l->title);
	l->body = store_q_text(q, at + 6, NULL);
	l->html = store_q_text(q, at + 7, NULL);
	l->quiz = store_q_text(q, at + 8, NULL);
}

enum ent_err learn_course_exists(struct store_conn *c, const char *key, const char *language,
				 bool *exists)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_FIND, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 1, key);
	store_q_bind_cstr(q, 2, language);
	err = store_q_step(q, exists);
	store_q_close(q);
	return err;
}

static enum ent_err course_row(struct store_conn *c, const struct learn_doc *d,
			       const char *institution, bool shipped, int64_t now, int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_FIND, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 1, d->key);
	store_q_bind_cstr(q, 2, d->language);
	err = store_q_row_int(q, id);
	bool row = !err;
	if (err && err != ENT_ENOTFOUND)
		return err;
	err = store_q_open(c, row ? &Q_UPDATE : &Q_INSERT, &q);
	if (err)
		return err;
	if (row) {
		store_q_bind_int(q, 1, *id);
		store_q_bind_cstr(q, 2, d->slug);
		store_q_bind_cstr(q, 3, d->title);
		store_q_bind_cstr(q, 4, d->summary);
		store_q_bind_cstr(q, 5, d->audience);
		store_q_bind_int(q, 6, d->minutes);
		store_q_bind_int(q, 7, shipped);
		store_q_bind_int(q, 8, now);
		return store_q_run(q);
	}
	store_q_bind_cstr(q, 1, d->key);
	store_q_bind_cstr(q, 2, d->slug);
	store_q_bind_cstr(q, 3, d->language);
	store_q_bind_cstr(q, 4, d->title);
	store_q_bind_cstr(q, 5, d->summary);
	store_q_bind_cstr(q, 6, d->audience);
	store_q_bind_int(q, 7, d->minutes);
	store_q_bind_cstr(q, 8, institution);
	store_q_bind_int(q, 9, shipped);
	store_q_bind_int(q, 10, now);
	err = store_q_row_int(q, id);
	return err == ENT_ENOTFOUND ? ENT_OK : err;
}

enum ent_err learn_course_save(struct store_conn *c, const struct learn_doc *d, char *const *html,
			       const char *institution, bool shipped, int64_t now, int64_t *id)
{
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = course_row(c, d, institution, shipped, now, id);
	if (!err)
		err = store_exec_ints(c, &Q_LESSON_SHIFT, 1, id);
	for (size_t i = 0; !err && i < d->n_lessons; i++) {
		const struct learn_doc_lesson *l = &d->lessons[i];
		struct store_q *q;
		err = store_q_open(c, &Q_LESSON_UPSERT, &q);
		if (err)
			break;
		store_q_bind_int(q, 1, *id);
		store_q_bind_int(q, 2, (int64_t)i);
		store_q_bind_cstr(q, 3, l->slug);
		store_q_bind_cstr(q, 4, l->title);
		store_q_bind_int(q, 5, l->minutes);
		store_q_bind_int(q, 6, l->offered_at);
		store_q_bind_cstr(q, 7, l->body);
		store_q_bind_cstr(q, 8, html[i]);
		store_q_bind_cstr(q, 9, l->quiz_json);
		err = store_q_exec(q);
		store_q_close(q);
	}
	if (!err)
		err = store_exec_ints(c, &Q_LESSON_DROP, 1, id);
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err learn_course_list(struct store_conn *c, const char *language,
			       void (*fn)(const struct learn_course *k, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_LIST, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 1, language);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct learn_course k;
		read_course(q, &k);
		fn(&k, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err learn_course_get(struct store_conn *c, const char *slug, struct learn_course *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_GET, slug, &q);
	if (err)
		return err;
	read_course(q, out);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err learn_lessons_of(struct store_conn *c, int64_t course_id,
			      void (*fn)(const struct learn_lesson *l, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_LESSONS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, course_id);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct learn_lesson l;
		read_lesson(q, 0, &l);
		fn(&l, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err learn_lesson_get(struct store_conn *c, int64_t course_id, const char *slug,
			      struct learn_lesson *out, struct buf *quiz)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_LESSON, course_id, &q);
	if (err)
		return err;
	store_q_bind_cstr(q, 2, slug);
	if ((err = store_q_row(q)))
		return err;
	read_lesson(q, 0, out);
	buf_puts(quiz, out->quiz);
	out->body = out->html = out->quiz = NULL;
	err = buf_err(quiz);
	store_q_close(q);
	return err;
}

enum ent_err learn_offers_at(struct store_conn *c, unsigned bit, const char *language,
			     void (*fn)(const struct learn_course *k, const struct learn_lesson *l,
					void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_OFFERS, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, bit);
	store_q_bind_cstr(q, 2, language);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct learn_course k;
		struct learn_lesson l;
		read_course(q, &k);
		read_lesson(q, 12, &l);
		fn(&k, &l, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err learn_progress_set(struct store_conn *c, int64_t account_id, int64_t course_id,
				int64_t lesson_id, int score, int questions, int64_t now)
{
	const int64_t v[] = {account_id, lesson_id, course_id, score, questions, now};
	return store_exec_ints(c, &Q_PROGRESS_SET, 6, v);
}

enum ent_err learn_progress_of(struct store_conn *c, int64_t account_id, int64_t course_id,
			       int *passed, void (*fn)(const char *lesson_slug, int score,
						       int questions, void *arg), void *arg)
{
	struct store_q *q;
	*passed = 0;
	enum ent_err err = store_q_open(c, &Q_PROGRESS_OF, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	store_q_bind_int(q, 2, course_id);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		int score = (int)store_q_int(q, 1), questions = (int)store_q_int(q, 2);
		if (score == questions)
			(*passed)++;
		if (fn)
			fn(store_q_text(q, 0, NULL), score, questions, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err learn_progress_reset(struct store_conn *c, int64_t account_id, int64_t course_id)
{
	const int64_t v[] = {account_id, course_id};
	return store_exec_ints(c, &Q_PROGRESS_RESET, 2, v);
}

enum ent_err learn_certificate_get(struct store_conn *c, int64_t account_id, int64_t course_id,
				   struct learn_certificate *out)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_CERT_GET, account_id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, course_id);
	if ((err = store_q_row(q)))
		return err;
	size_t n = 0;
	const void *sig = store_q_blob(q, 4, &n);
	out->id = store_q_int(q, 0);
	store_q_text_copy(q, 1, out->institution, sizeof out->institution);
	store_q_text_copy(q, 2, out->holder, sizeof out->holder);
	store_q_text_copy(q, 3, out->date, sizeof out->date);
	if (n != sizeof out->signature)
		err = ENT_EINTERNAL;
	else
		memcpy(out->signature, sig, n);
	store_q_close(q);
	return err;
}

enum ent_err learn_certificate_insert(struct store_conn *c, int64_t account_id, int64_t course_id,
				      const struct learn_certificate *cert, int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CERT_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	store_q_bind_int(q, 2, course_id);
	store_q_bind_cstr(q, 3, cert->institution);
	store_q_bind_cstr(q, 4, cert->holder);
	store_q_bind_cstr(q, 5, cert->date);
	store_q_bind_blob(q, 6, cert->signature, sizeof cert->signature);
	store_q_bind_int(q, 7, now);
	return store_q_run(q);
}

enum ent_err learn_signing_institution(struct store_conn *c, int64_t course_institution,
				       char slug[64])
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_SIGNER, course_institution, &q);
	if (err)
		return err;
	store_q_text_copy(q, 0, slug, 64);
	store_q_close(q);
	return ENT_OK;
}

static const struct store_stmt Q_HAS_POST = {
	"learn.has_post", "SELECT EXISTS (SELECT 1 FROM posts WHERE author_id = ?1)"};
static const struct store_stmt Q_HAS_PHOTO = {
	"learn.has_photo", "SELECT EXISTS (SELECT 1 FROM pro_case_photos WHERE author_id = ?1)"};

enum ent_err learn_offer_past(struct store_conn *c, int64_t account_id, unsigned bit, bool *past)
{
	*past = false;
	const struct store_stmt *st = bit == 1u ? &Q_HAS_POST : bit == 2u ? &Q_HAS_PHOTO : NULL;
	if (!st || !account_id)
		return ENT_OK;
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, st, account_id, &q);
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	*past = store_q_bool(q, 0);
	store_q_close(q);
	return ENT_OK;
}
