/*
 * store_sqlite_ckpt.h - the SQLite back end's checkpointer (store_sqlite_ckpt.c), private to
 * src/store/: one thread per store copies the write-ahead log back into the database file,
 * instead of the connection that happens to commit past the threshold.
 */
#ifndef ENT_STORE_SQLITE_CKPT_H
#define ENT_STORE_SQLITE_CKPT_H

#include "entraide/err.h"

struct sq_ckpt;

/* Starts the thread for the database at path (opened by the thread on its first checkpoint;
 * path is copied). ENT_ENOMEM when it could not start: watch nothing then, SQLite's own
 * checkpoints stay. */
enum ent_err sq_ckpt_start(const char *path, struct sq_ckpt **out);
/* Installs on db (a connection of the same database, the engine's handle: only the SQLite
 * back end's files name its type) the hook that wakes the thread once the log holds 1000
 * pages; it replaces SQLite's automatic checkpoint on db. */
void sq_ckpt_watch(struct sq_ckpt *k, void *db);
/* Stops and joins the thread, closes its connection, frees k. NULL: nothing. */
void sq_ckpt_stop(struct sq_ckpt *k);

#endif
