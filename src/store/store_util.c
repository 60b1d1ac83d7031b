/* store_util.c - small helpers written with the neutral store functions (see store.h). */
#include <string.h>

#include "store/store.h"

enum ent_err store_q_row(struct store_q *q)
{
	bool has = false;
	enum ent_err err = store_q_step(q, &has);
	if (!err && !has)
		err = ENT_ENOTFOUND;
	if (err)
		store_q_close(q);
	return err;
}

enum ent_err store_q_row_int(struct store_q *q, int64_t *v)
{
	enum ent_err err = store_q_row(q);
	if (err)
		return err;
	*v = store_q_int(q, 0);
	store_q_close(q);
	return ENT_OK;
}

bool store_q_bool(struct store_q *q, int col)
{
	return store_q_int(q, col) != 0;
}

enum ent_err store_q_first_text(struct store_conn *c, const struct store_stmt *stmt,
				const char *key, struct store_q **q)
{
	enum ent_err err = store_q_open(c, stmt, q);
	if (err)
		return err;
	store_q_bind_cstr(*q, 1, key);
	return store_q_row(*q);
}

enum ent_err store_q_open_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			      struct store_q **q)
{
	enum ent_err err = store_q_open(c, stmt, q);
	if (err)
		return err;
	err = store_q_bind_int(*q, 1, v);
	if (err) {
		store_q_close(*q);
		*q = NULL;
	}
	return err;
}

enum ent_err store_q_first_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			       struct store_q **q)
{
	enum ent_err err = store_q_open_int(c, stmt, v, q);
	return err ? err : store_q_row(*q);
}

enum ent_err store_q_run(struct store_q *q)
{
	enum ent_err err = store_q_exec(q);
	store_q_close(q);
	return err;
}

enum ent_err store_exec_ints(struct store_conn *c, const struct store_stmt *stmt, int n,
			     const int64_t *v)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	for (int i = 0; !err && i < n; i++)
		err = store_q_bind_int(q, i + 1, v[i]);
	if (err) {
		store_q_close(q);
		return err;
	}
	return store_q_run(q);
}

enum ent_err store_exec_text(struct store_conn *c, const struct store_stmt *stmt, const char *text)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	err = store_q_bind_text(q, 1, text, strlen(text));
	if (err) {
		store_q_close(q);
		return err;
	}
	return store_q_run(q);
}

enum ent_err store_q_exec_changed(struct store_conn *c, struct store_q *q)
{
	enum ent_err err = store_q_run(q);
	if (!err && store_changes(c) == 0)
		err = ENT_ENOTFOUND;
	return err;
}

enum ent_err store_q_bind_cstr(struct store_q *q, int idx, const char *s)
{
	return s ? store_q_bind_text(q, idx, s, strlen(s)) : store_q_bind_null(q, idx);
}

void store_q_text_copy(struct store_q *q, int col, char *dst, size_t cap)
{
	size_t n = 0;
	const char *s = store_q_text(q, col, &n);
	if (!cap)
		return;
	if (!s)
		n = 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, s, n);
	dst[n] = '\0';
}

enum ent_err store_tx_exec_int(struct store_conn *c, const struct store_stmt *stmt, int64_t v,
			       int64_t *changed)
{
	struct store_q *q;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = store_q_open_int(c, stmt, v, &q);
	if (!err)
		err = store_q_run(q);
	if (!err && changed)
		*changed += store_changes(c);
	if (err) {
		store_tx_rollback(c);
		return err;
	}
	return store_tx_commit(c);
}

enum ent_err store_q_each(struct store_q *q, store_row_fn row, void *arg)
{
	bool has;
	enum ent_err err;
	while (!(err = store_q_step(q, &has)) && has && !(err = row(q, arg)))
		;
	store_q_close(q);
	return err;
}
