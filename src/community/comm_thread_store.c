/* comm_thread_store.c - spaces as readers see them, threads and their pages; see
 * comm_thread_store.h. */
#include <stdint.h>
#include <string.h>

#include "community/comm_q.h"
#include "community/comm_thread_store.h"
#include "core/buf.h"
#include "core/clock.h"

const char *const comm_reaction_names[COMM_N_REACTIONS] = {"soutien", "merci", "utile"};

/* --- spaces --- */

#define SPACE_COLS \
	"s.id, s.slug, s.name, s.language, s.visibility, s.indexable, s.retention_days, " \
	"s.archived_at IS NOT NULL"

static const struct store_stmt Q_SPACE_BY_SLUG = {
	"comm.space_by_slug", "SELECT " SPACE_COLS " FROM spaces s WHERE s.slug = ?1"};
static const struct store_stmt Q_SPACE_OF_THREAD = {
	"comm.space_of_thread",
	"SELECT " SPACE_COLS ", t.title FROM threads t JOIN spaces s ON s.id = t.space_id WHERE t.id = ?1"};

static void read_space(struct store_q *q, struct comm_space *out)
{
	out->id = store_q_int(q, 0);
	store_q_text_copy(q, 1, out->slug, sizeof out->slug);
	store_q_text_copy(q, 2, out->name, sizeof out->name);
	store_q_text_copy(q, 3, out->language, sizeof out->language);
	if (!policy_space_visibility_parse(store_q_text(q, 4, NULL), &out->visibility))
		out->visibility = SPACE_PROFESSIONALS; /* unknown: the narrowest */
	out->indexable = store_q_bool(q, 5);
	out->retention_days = store_q_int(q, 6);
	out->archived = store_q_bool(q, 7);
}

enum ent_err comm_space_find(struct store_conn *c, const char *slug, struct comm_space *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_text(c, &Q_SPACE_BY_SLUG, slug, &q);
	if (err)
		return err;
	read_space(q, out);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err comm_thread_space(struct store_conn *c, int64_t thread, struct comm_space *out,
			       char *title, size_t title_cap)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_SPACE_OF_THREAD, thread, &q);
	if (err)
		return err;
	read_space(q, out);
	if (title)
		store_q_text_copy(q, 8, title, title_cap);
	store_q_close(q);
	return ENT_OK;
}

static const struct store_stmt Q_SPACES = {
	"comm.spaces",
	"SELECT s.slug, s.name, s.description, s.language, s.visibility, s.kind, s.indexable, "
	"s.retention_days, (SELECT count(*) FROM threads t WHERE t.space_id = s.id), i.slug "
	"FROM spaces s LEFT JOIN institutions i ON i.id = s.institution_id "
	"WHERE s.slug > ?1 AND s.archived_at IS NULL AND (s.visibility = 'public' OR (?2 AND s.visibility = 'members') "
	"OR (?3 AND s.visibility = 'professionals')) ORDER BY s.slug LIMIT ?4"};

enum ent_err comm_spaces_each(struct store_conn *c, const char *after, bool members,
			      bool professionals, int64_t limit,
			      void (*fn)(const struct comm_space_item *s, void *arg), void *arg)
{
	struct store_q *q;
	bool row;
	enum ent_err err = store_q_open(c, &Q_SPACES, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, after, strlen(after));
	store_q_bind_bool(q, 2, members);
	store_q_bind_bool(q, 3, professionals);
	store_q_bind_int(q, 4, limit);
	while (!(err = store_q_step(q, &row)) && row) {
		struct comm_space_item s = {
			.slug = store_q_text(q, 0, NULL), .name = store_q_text(q, 1, NULL),
			.description = store_q_text(q, 2, NULL), .language = store_q_text(q, 3, NULL),
			.visibility = store_q_text(q, 4, NULL), .kind = store_q_text(q, 5, NULL),
			.indexable = store_q_bool(q, 6), .retention_days = store_q_int(q, 7),
			.threads = store_q_int(q, 8),
			.institution = store_q_is_null(q, 9) ? NULL : store_q_text(q, 9, NULL)};
		fn(&s, arg);
	}
	store_q_close(q);
	return err;
}

static const struct store_stmt Q_SPACE_DESC = {
	"comm.space_desc", "SELECT description, kind FROM spaces WHERE id = ?1"};

enum ent_err comm_space_about(struct store_conn *c, int64_t id,
			      void (*fn)(const char *description, const char *kind, void *arg),
			      void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_SPACE_DESC, id, &q);
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	fn(store_q_text(q, 0, NULL), store_q_text(q, 1, NULL), arg);
	store_q_close(q);
	return ENT_OK;
}

/* --- threads --- */

static const struct store_stmt Q_SPACE_THREADS = {
	"comm.space_threads",
	"SELECT t.id, t.title, t.n_posts, t.last_post_id, t.created_at, a.handle, t.last_post_at "
	"FROM threads t LEFT JOIN accounts a ON a.id = t.author_id "
	"WHERE t.space_id = ?1 AND t.last_post_id < ?2 ORDER BY t.last_post_id DESC LIMIT ?3"};

static const char *text_or_null(struct store_q *q, int col)
{
	return store_q_is_null(q, col) ? NULL : store_q_text(q, col, NULL);
}

struct thread_cb {
	void (*fn)(const struct comm_thread_item *t, void *arg);
	void *arg;
};

static enum ent_err thread_row(struct store_q *q, void *arg)
{
	const struct thread_cb *cb = arg;
	int64_t created = store_q_int(q, 4);
	struct comm_thread_item t = {
		.id = store_q_int(q, 0), .title = store_q_text(q, 1, NULL),
		.n_posts = store_q_int(q, 2), .last_post_id = store_q_int(q, 3),
		.created_at = created,
		.last_post_at = store_q_is_null(q, 6) ? created : store_q_int(q, 6),
		.author = text_or_null(q, 5)};
	cb->fn(&t, cb->arg);
	return ENT_OK;
}

enum ent_err comm_space_threads_each(struct store_conn *c, int64_t space, int64_t before,
				     int64_t limit,
				     void (*fn)(const struct comm_thread_item *t, void *arg),
				     void *arg)
{
	struct thread_cb cb = {fn, arg};
	return comm_q_each(c, &Q_SPACE_THREADS, 3, (int64_t[]){space, before, limit}, thread_row,
			   &cb);
}

static const struct store_stmt Q_THREAD_INSERT = {
	"comm.thread_insert",
	"INSERT INTO threads (space_id, author_id, title, created_at) VALUES (?1, ?2, ?3, ?4) "
	"RETURNING id"};

enum ent_err comm_thread_insert(struct store_conn *c, int64_t space_id, int64_t author_id,
				const char *title, size_t len, int64_t *id)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_THREAD_INSERT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, space_id);
	store_q_bind_int(q, 2, author_id);
	store_q_bind_text(q, 3, title, len);
	store_q_bind_int(q, 4, clock_now());
	err = store_q_step(q, &row);
	*id = !err && row ? store_q_int(q, 0) : 0;
	store_q_close(q);
	return !err && !*id ? ENT_EDB : err;
}

/* --- the page of a thread --- */

/* A post's reaction counts are its reaction_counts column, packed in one integer of 21 bits
 * a kind (REACT_BITS) and kept by the triggers of migration 0107: a walk of the post's
 * reactions per post was a third of the page's statement time (issue 13). The primary key
 * allows one reaction of a kind per member and post, so a count stays under 2^21 below two
 * million members. */
#define REACT_BITS 21

/* The authors' handles are read once per author of the page (post_author), not joined on
 * each row: a page of fifty posts has about eight authors on bench/members' data, and the
 * join's seek into accounts on every row cost more than the eight look-ups (issue 13). */
static const struct store_stmt Q_THREAD_POSTS = {
	"comm.thread_posts",
	"SELECT p.id, p.html, p.label, p.created_at, p.edited_at, p.deleted_at, "
	"p.hidden_at, p.author_id, p.reaction_counts, p.quote_id, p.body "
	"FROM posts p WHERE p.thread_id = ?1 AND p.id > ?2 AND (p.hidden_at IS NULL OR ?4) "
	"ORDER BY p.id LIMIT ?3"};
static const struct store_stmt Q_AUTHOR_HANDLE = {
	"comm.author_handle", "SELECT handle FROM accounts WHERE id = ?1"};
/* The quoted post of a page's post, read only for the posts that quote one: the two LEFT
 * JOINs it was (posts, accounts) cost every row about 1,800 instructions even when nothing
 * is quoted, a fifth of the page's statement (issue 13, callgrind on bench/members' data). */
static const struct store_stmt Q_POST_QUOTE = {
	"comm.post_quote",
	"SELECT qa.handle, substr(qp.body, 1, 280), qp.deleted_at IS NULL AND qp.hidden_at IS NULL "
	"FROM posts qp LEFT JOIN accounts qa ON qa.id = qp.author_id WHERE qp.id = ?1"};
static const struct store_stmt Q_THREAD_COUNT = {
	"comm.thread_count", "SELECT n_posts FROM threads WHERE id = ?1"};

/* The handles of a page's authors, read once each: the memo's first AUTHOR_MEMO authors are
 * kept, a further one is read again at each of its posts. On SQLite in the same read
 * transaction as the posts, so the page is the one the join gave; on PostgreSQL (whose
 * statement has all its rows before the first callback) each in a snapshot of its own: an
 * account deleted meanwhile reads as none, one renamed with its new handle (ids are never
 * reused). */
#define AUTHOR_MEMO 32
#define NO_HANDLE SIZE_MAX

struct post_cb {
	struct store_conn *c;
	enum ent_err (*fn)(const struct comm_post_view *p, void *arg);
	void *arg;
	size_t n_authors;
	struct {
		int64_t id;
		size_t at; /* in names, or NO_HANDLE: no such account (NULL, as the LEFT JOIN) */
	} authors[AUTHOR_MEMO];
	struct buf names; /* the handles, each NUL-terminated */
};

/* The offset in cb->names of account id's handle, or NO_HANDLE when it is gone. */
static enum ent_err post_author(struct post_cb *cb, int64_t id, size_t *at)
{
	for (size_t i = 0; i < cb->n_authors; i++)
		if (cb->authors[i].id == id) {
			*at = cb->authors[i].at;
			return ENT_OK;
		}
	struct store_q *q;
	enum ent_err err = store_q_first_int(cb->c, &Q_AUTHOR_HANDLE, id, &q);
	if (err && err != ENT_ENOTFOUND)
		return err;
	*at = NO_HANDLE;
	if (!err) {
		if (!store_q_is_null(q, 0)) {
			*at = cb->names.len;
			buf_puts(&cb->names, store_q_text(q, 0, NULL));
			buf_putc(&cb->names, '\0');
		}
		store_q_close(q);
		if ((err = buf_err(&cb->names)))
			return err;
	}
	if (cb->n_authors < AUTHOR_MEMO) {
		cb->authors[cb->n_authors].id = id;
		cb->authors[cb->n_authors++].at = *at;
	}
	return ENT_OK;
}

static enum ent_err post_row(struct store_q *q, void *arg)
{
	struct post_cb *cb = arg;
	struct comm_post_view p = {
		.id = store_q_int(q, 0),
		.html = store_q_text(q, 1, NULL), .label = store_q_text(q, 2, NULL),
		.created_at = store_q_int(q, 3), .edited = !store_q_is_null(q, 4),
		.deleted = !store_q_is_null(q, 5), .hidden = !store_q_is_null(q, 6),
		.author_id = store_q_is_null(q, 7) ? 0 : store_q_int(q, 7),
		.quote_id = store_q_is_null(q, 9) ? 0 : store_q_int(q, 9),
		.body = store_q_text(q, 10, NULL)};
	if (p.author_id) {
		size_t at;
		enum ent_err err = post_author(cb, p.author_id, &at);
		if (err)
			return err;
		p.author = at == NO_HANDLE ? NULL : cb->names.p + at;
	}
	uint64_t packed = (uint64_t)store_q_int(q, 8);
	for (int i = 0; i < COMM_N_REACTIONS; i++)
		p.reactions[i] = (int64_t)((packed >> (REACT_BITS * i)) & ((1u << REACT_BITS) - 1));
	if (!p.quote_id)
		return cb->fn(&p, cb->arg);
	/* the quote's row stays open (its texts readable) until fn has written the post */
	struct store_q *qq;
	enum ent_err err = comm_q_first(cb->c, &Q_POST_QUOTE, 1, &p.quote_id, &qq);
	if (err == ENT_ENOTFOUND)
		return cb->fn(&p, cb->arg);
	if (err)
		return err;
	p.quote_author = text_or_null(qq, 0);
	p.quote_excerpt = store_q_int(qq, 2) ? store_q_text(qq, 1, NULL) : NULL;
	err = cb->fn(&p, cb->arg);
	store_q_close(qq);
	return err;
}

enum ent_err comm_thread_n_posts(struct store_conn *c, int64_t thread, int64_t *out)
{
	return comm_q_int(c, &Q_THREAD_COUNT, 1, &thread, out);
}

enum ent_err comm_thread_page(struct store_conn *c, int64_t thread, int64_t after, int64_t limit,
			      bool with_hidden,
			      enum ent_err (*fn)(const struct comm_post_view *p, void *arg),
			      void *arg)
{
	struct post_cb cb = {.c = c, .fn = fn, .arg = arg};
	struct store_q *q;
	enum ent_err err = comm_q_open_ints(c, &Q_THREAD_POSTS, 3, (int64_t[]){thread, after, limit},
					    &q);
	if (!err)
		err = store_q_bind_bool(q, 4, with_hidden);
	if (err)
		return err;
	buf_init(&cb.names, 64 * 1024);
	err = comm_q_rows(q, post_row, &cb);
	buf_clear(&cb.names);
	return err;
}

/* One statement (one read transaction: each costs file locks): the follow row first, then
 * the reactions given on the page's posts. */
static const struct store_stmt Q_ME = {
	"comm.me",
	"SELECT 0, last_read_id, '' FROM follows WHERE account_id = ?1 AND thread_id = ?4 "
	"UNION ALL SELECT 1, r.post_id, r.kind FROM reactions r JOIN posts p ON p.id = r.post_id "
	"WHERE r.account_id = ?1 AND r.post_id >= ?2 AND r.post_id <= ?3 AND p.thread_id = ?4"};

static bool reaction_of(const char *name, enum comm_reaction *out)
{
	for (int k = 0; k < COMM_N_REACTIONS; k++)
		if (!strcmp(name, comm_reaction_names[k])) {
			*out = (enum comm_reaction)k;
			return true;
		}
	return false;
}

static void add_given(struct comm_thread_me *me, int64_t post, const char *kind)
{
	enum comm_reaction k;
	size_t i = 0;
	if (!reaction_of(kind, &k))
		return;
	while (i < me->n && me->given[i].post != post)
		i++;
	if (i == me->n) {
		if (me->n == COMM_ME_POSTS_MAX)
			return;
		me->given[i].post = post;
		me->given[i].n_kinds = 0;
		me->n++;
	}
	if (me->given[i].n_kinds < COMM_N_REACTIONS)
		me->given[i].kinds[me->given[i].n_kinds++] = k;
}

static enum ent_err me_row(struct store_q *q, void *arg)
{
	struct comm_thread_me *me = arg;
	if (store_q_int(q, 0) == 0) {
		me->following = true;
		me->last_read = store_q_int(q, 1);
	} else {
		add_given(me, store_q_int(q, 1), store_q_text(q, 2, NULL));
	}
	return ENT_OK;
}

enum ent_err comm_thread_me(struct store_conn *c, int64_t account, int64_t thread, int64_t first,
			    int64_t last, struct comm_thread_me *out)
{
	out->following = false;
	out->last_read = 0;
	out->n = 0;
	return comm_q_each(c, &Q_ME, 4, (int64_t[]){account, first ? first : 1, last, thread},
			   me_row, out);
}

/* --- the home page --- */

static const struct store_stmt Q_COUNTS = {
	"comm.counts",
	"SELECT (SELECT count(*) FROM spaces WHERE visibility = 'public'), "
	"(SELECT count(*) FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.visibility = 'public'), "
	"(SELECT count(*) FROM articles)"};

enum ent_err comm_counts(struct store_conn *c, int64_t *spaces, int64_t *threads,
			 int64_t *articles)
{
	struct store_q *q;
	enum ent_err err = comm_q_first(c, &Q_COUNTS, 0, NULL, &q);
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	*spaces = store_q_int(q, 0);
	*threads = store_q_int(q, 1);
	*articles = store_q_int(q, 2);
	store_q_close(q);
	return ENT_OK;
}
