/*
 * store_pg_erase.h - real deletion on PostgreSQL (store_pg_erase.c), private to src/store/:
 * store_erase_freed of the PostgreSQL back end (store_pg.c hands it its connection).
 */
#ifndef ENT_STORE_PG_ERASE_H
#define ENT_STORE_PG_ERASE_H

#include <libpq-fe.h>

#include "store/store.h"

/* Tables of the schema up to this size (heap, TOAST and indexes) are rewritten after a
 * deletion; larger ones are vacuumed only (store_pg_erase.c says why). */
#define STORE_PG_REWRITE_MAX (16 * 1024 * 1024)

/* store_erase_freed (store.h) on c, whose libpq connection is pg, idle outside a transaction
 * (ENT_ECONFLICT otherwise). */
enum ent_err store_pg_erase(struct store_conn *c, PGconn *pg);

#endif
