/*
 * cmd_migrate_db.c - `entraide admin migrate-db --from DIR --to postgresql://...`: moves an
 * instance's database from SQLite (DIR/entraide.db, opened read-only) into an empty
 * PostgreSQL database (store_copy.h says how), then prints what it copied, table by table.
 * Media and keys stay in DIR: the moved instance runs as `entraide serve --data DIR
 * --database postgresql://...`.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "store/store.h"
#include "store/store_backend.h"
#include "store/store_copy.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: entraide admin migrate-db --from DIR --to postgresql://...\n\n"
		"Copies the SQLite database of the instance in DIR (DIR/entraide.db, read only)\n"
		"into an empty PostgreSQL database: applies the migrations there, refuses a\n"
		"database that holds rows already, copies every table in one transaction, sets the\n"
		"id sequences, checks the row count of every table on both sides (a difference\n"
		"aborts: nothing is kept), runs ANALYZE and prints what it copied. Stop the server\n"
		"first: rows written after the copy began are not in it. Run it as the owner of the\n"
		"tables (their triggers are switched off during the copy).\n"
		"Media and keys stay in DIR: run `entraide serve --data DIR --database URI`.\n");
}

int cmd_admin_migrate_db(int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	for (int i = 1; i < argc; i++) {
		const char **slot = !strncmp(argv[i], "--from", 6) ? &from
				    : !strncmp(argv[i], "--to", 4) ? &to
								     : NULL;
		const char *eq = strchr(argv[i], '=');
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		if (slot && eq && (eq - argv[i] == 6 || eq - argv[i] == 4))
			*slot = eq + 1;
		else if (slot && !eq && (!strcmp(argv[i], "--from") || !strcmp(argv[i], "--to")) &&
			 i + 1 < argc)
			*slot = argv[++i];
		else
			from = to = NULL, i = argc;
	}
	if (!from || !to || !*from || !*to) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (!store_path_is_pg(to)) {
		fprintf(stderr, "entraide admin migrate-db: --to takes a postgresql:// URI\n");
		return CLI_EXIT_USAGE;
	}
	char path[4096], why[512];
	if ((size_t)snprintf(path, sizeof path, "%s/entraide.db", from) >= sizeof path) {
		fprintf(stderr, "entraide admin migrate-db: --from: path too long\n");
		return CLI_EXIT_USAGE;
	}
	static struct store_copy_report r;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	enum ent_err err = store_copy_sqlite_to_pg(path, to, &r, why, sizeof why);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (err) {
		fprintf(stderr, "entraide admin migrate-db: %s (%s); the PostgreSQL database holds "
				"no copied row\n", why, ent_strerror(err));
		return err == ENT_ENOTFOUND || err == ENT_ECONFLICT ? CLI_EXIT_USAGE : CLI_EXIT_NO;
	}
	size_t copied = 0;
	printf("copied from %s (schema version %d), each count checked on both sides:\n", path,
	       r.version);
	for (size_t i = 0; i < r.n; i++)
		if (!r.t[i].why)
			printf("  %-28s %10lld rows\n", r.t[i].name, (long long)r.t[i].rows), copied++;
	printf("left out:\n");
	for (size_t i = 0; i < r.n; i++)
		if (r.t[i].why)
			printf("  %-28s %10lld rows: %s\n", r.t[i].name, (long long)r.t[i].rows,
			       r.t[i].why);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!r.analyzed)
		printf("warning: ANALYZE failed on the target: run it (psql -c ANALYZE) before "
		       "serving\n");
	printf("%zu tables, %lld rows in %.1f s. Media and keys stay in %s: run\n"
	       "  entraide serve --data %s --database URI\n",
	       copied, (long long)r.rows, s, from, from);
	return CLI_EXIT_OK;
}
