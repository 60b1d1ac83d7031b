/*
 * comm_q.h - small helpers the community store files share (comm_*_store.c) on top of
 * store_util.c's: statements whose parameters are all integers, read as one row, one integer
 * or row by row. Private to src/community/: handlers call the domain functions of
 * comm_*_store.h, never these.
 * Not responsible for: the statements themselves (each store file declares its own).
 */
#ifndef ENT_COMM_Q_H
#define ENT_COMM_Q_H

#include <stdint.h>

#include "store/store.h"

/* Opens stmt and binds v[0..n) as ?1..?n; nothing is left open on error. */
enum ent_err comm_q_open_ints(struct store_conn *c, const struct store_stmt *stmt, int n,
			      const int64_t *v, struct store_q **q);
/* comm_q_open_ints, then the first row left open for the caller to read and close (*q);
 * ENT_ENOTFOUND (closed) when there is none. */
enum ent_err comm_q_first(struct store_conn *c, const struct store_stmt *stmt, int n,
			  const int64_t *v, struct store_q **q);
/* The first column of stmt's first row as an integer into *out; 0 when there is no row. */
enum ent_err comm_q_int(struct store_conn *c, const struct store_stmt *stmt, int n,
			const int64_t *v, int64_t *out);
/* Steps an opened, bound statement and calls row for each row (its columns are readable
 * during the call), then closes it; a non-zero return from row stops and is returned. */
enum ent_err comm_q_rows(struct store_q *q, enum ent_err (*row)(struct store_q *q, void *arg),
			 void *arg);
/* comm_q_open_ints, then comm_q_rows. */
enum ent_err comm_q_each(struct store_conn *c, const struct store_stmt *stmt, int n,
			 const int64_t *v, enum ent_err (*row)(struct store_q *q, void *arg),
			 void *arg);

#endif
