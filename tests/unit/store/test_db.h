/* test_db.h - where a store test keeps its database: an SQLite file in the test's temporary
 * folder, or, under `make pg-unit` (tests/run_unit.sh inside scripts/pg-test-cluster.sh), the
 * empty PostgreSQL database ENTRAIDE_TEST_DATABASE names, so the same tests run on both. */
#ifndef ENT_TEST_DB_H
#define ENT_TEST_DB_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* The PostgreSQL URI of this run, NULL on SQLite. */
static inline const char *test_db_pg(void)
{
	const char *u = getenv("ENTRAIDE_TEST_DATABASE");
	return u && *u ? u : NULL;
}

/* The database to open: dir/file on SQLite, the run's database on PostgreSQL. */
static inline void test_db_path(char *out, size_t n, const char *dir, const char *file)
{
	if (test_db_pg())
		snprintf(out, n, "%s", test_db_pg());
	else
		snprintf(out, n, "%s/%s", dir, file);
}

#endif
