/* testdb.h - the temporary database a C unit test works on, made and removed the same way by
 * every test: a folder /tmp/entraide-TAG-XXXXXX (kept for files beside the database: media,
 * keys), the database in it (or, under `make pg-unit`, the run's PostgreSQL database: see
 * store/test_db.h), the test thread's connection, and accounts made with fixed fake hashes.
 * Header only (each unit test is one program built from one file; include it with -Itests).
 * Not responsible for: a test's own tables and rows. */
#ifndef ENT_TESTDB_H
#define ENT_TESTDB_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_account.h"
#include "unit/store/test_db.h"

struct testdb {
	char dir[64];   /* the temporary folder */
	char path[512]; /* the database: dir/entraide.db, or the PostgreSQL URI */
	struct store *st;
	struct store_conn *c;
};

/* Which database a test wants: the run's (an SQLite file, or PostgreSQL under `make pg-unit`),
 * or an SQLite file always (what only the SQLite back end has: FTS5, the file itself). */
enum testdb_engine { TESTDB_RUN, TESTDB_SQLITE };

/* Makes the folder and names the database; opens nothing. 0, or -1 on failure. */
static inline int testdb_dir(struct testdb *t, const char *tag, enum testdb_engine e)
{
	memset(t, 0, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "/tmp/entraide-%s-XXXXXX", tag);
	if (!mkdtemp(t->dir))
		return -1;
	if (e == TESTDB_RUN)
		test_db_path(t->path, sizeof t->path, t->dir, "entraide.db");
	else
		snprintf(t->path, sizeof t->path, "%s/entraide.db", t->dir);
	return 0;
}

/* testdb_dir, then opens the database (migrations applied) and the thread's connection. */
static inline int testdb_open(struct testdb *t, const char *tag, enum testdb_engine e)
{
	if (testdb_dir(t, tag, e))
		return -1;
	return store_open(&t->st, t->path) || store_conn_get(t->st, &t->c) ? -1 : 0;
}

/* Closes the database if open and removes the folder with everything in it. 0, or -1. */
static inline int testdb_close(struct testdb *t)
{
	store_close(t->st);
	t->st = NULL;
	t->c = NULL;
	if (!t->dir[0])
		return 0;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	t->dir[0] = '\0';
	return system(cmd) == 0 ? 0 : -1;
}

/* A member named handle whose e-mail hash and sealed address are the byte tag repeated (tags
 * must differ between accounts of one test); its id, 0 on failure. */
static inline int64_t testdb_account(struct store_conn *c, const char *handle, unsigned char tag)
{
	unsigned char h[32], enc[40];
	memset(h, tag, sizeof h);
	memset(enc, tag, sizeof enc);
	struct store_account_new a = {handle, handle, h, sizeof h, enc, sizeof enc, "$argon2id$x", "fr"};
	int64_t id = 0;
	return store_account_insert(c, &a, &id) ? 0 : id;
}

#endif
