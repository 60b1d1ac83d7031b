/* store_util.c - small helpers written with the neutral store functions (see store.h). */
#include <string.h>

#include "store/store.h"

enum ent_err store_q_first_text(struct store_conn *c, const struct store_stmt *stmt,
				const char *key, struct store_q **q)
{
	bool has = false;
	enum ent_err err = store_q_open(c, stmt, q);
	if (err)
		return err;
	store_q_bind_text(*q, 1, key, strlen(key));
	err = store_q_step(*q, &has);
	if (!err && !has)
		err = ENT_ENOTFOUND;
	if (err)
		store_q_close(*q);
	return err;
}

enum ent_err store_q_exec_changed(struct store_conn *c, struct store_q *q)
{
	enum ent_err err = store_q_exec(q);
	store_q_close(q);
	if (!err && store_changes(c) == 0)
		err = ENT_ENOTFOUND;
	return err;
}
