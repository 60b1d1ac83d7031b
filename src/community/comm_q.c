/* comm_q.c - see comm_q.h. */
#include "community/comm_q.h"

enum ent_err comm_q_open_ints(struct store_conn *c, const struct store_stmt *stmt, int n,
			      const int64_t *v, struct store_q **q)
{
	enum ent_err err = store_q_open(c, stmt, q);
	if (err)
		return err;
	for (int i = 0; !err && i < n; i++)
		err = store_q_bind_int(*q, i + 1, v[i]);
	if (err) {
		store_q_close(*q);
		*q = NULL;
	}
	return err;
}

enum ent_err comm_q_first(struct store_conn *c, const struct store_stmt *stmt, int n,
			  const int64_t *v, struct store_q **q)
{
	enum ent_err err = comm_q_open_ints(c, stmt, n, v, q);
	return err ? err : store_q_row(*q);
}

enum ent_err comm_q_int(struct store_conn *c, const struct store_stmt *stmt, int n,
			const int64_t *v, int64_t *out)
{
	struct store_q *q;
	enum ent_err err = comm_q_first(c, stmt, n, v, &q);
	*out = 0;
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	*out = store_q_int(q, 0);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err comm_q_rows(struct store_q *q, enum ent_err (*row)(struct store_q *q, void *arg),
			 void *arg)
{
	bool has = false;
	enum ent_err err;
	while (!(err = store_q_step(q, &has)) && has)
		if ((err = row(q, arg)))
			break;
	store_q_close(q);
	return err;
}

enum ent_err comm_q_each(struct store_conn *c, const struct store_stmt *stmt, int n,
			 const int64_t *v, enum ent_err (*row)(struct store_q *q, void *arg),
			 void *arg)
{
	struct store_q *q;
	enum ent_err err = comm_q_open_ints(c, stmt, n, v, &q);
	return err ? err : comm_q_rows(q, row, arg);
}
