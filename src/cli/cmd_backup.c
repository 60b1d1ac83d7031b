/*
 * cmd_backup.c - `entraide backup`: an online copy of the database (an SQLite file, on either
 * engine) that expires, and its restore, which deletes again every account deleted since the copy was made (tombstones,
 * api_backup.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_data.h"
#include "core/clock.h"

#define DEFAULT_EXPIRES_DAYS 30

static void help(FILE *f)
{
	fprintf(f,
		"usage: entraide backup [--data DIR | --database URI] [--expires DAYS] FILE\n"
		"       entraide backup restore [--data DIR | --database URI] [--now=WHEN] [--force] FILE\n\n"
		"backup copies the database to FILE (mode 0600), safe while the server runs. FILE is\n"
		"an SQLite database whatever the engine: on SQLite, SQLite's online backup; on\n"
		"PostgreSQL (--database), every table read in one consistent snapshot (nodes keep\n"
		"serving) and written into a new SQLite file. The format is the same, so a copy made\n"
		"on either engine restores onto either. The copy expires after DAYS (default %d): it\n"
		"still holds the accounts deleted after it was made, so keep it no longer than that,\n"
		"and restore refuses it once expired. Keys (DIR/keys) and media (DIR/media) are\n"
		"files, not in FILE: copy them too, and the keys with the same care as the database.\n\n"
		"restore (the server stopped: every node on PostgreSQL) replaces the database with\n"
		"FILE (on PostgreSQL, every row replaced in one transaction: nothing changes if it\n"
		"fails), then deletes again every account deleted since FILE was made: the live\n"
		"database's list of deleted accounts (keyed hashes, no personal data) is carried into\n"
		"the restored one and applied, with each member's choice for their posts. --force\n"
		"restores an expired copy; --now=WHEN (YYYY-MM-DD or Unix seconds) sets the date the\n"
		"expiry is checked against. pg_dump or pg_basebackup copies do not re-apply deletions:\n"
		"see docs/operations.md.\n",
		DEFAULT_EXPIRES_DAYS);
}

static int restore(struct api_app *app, int argc, char **argv)
{
	const char *file = NULL, *when = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--now=", 6))
			when = argv[i] + 6;
		else if (!strcmp(argv[i], "--force"))
			force = true;
		else if (!file && argv[i][0] != '-')
			file = argv[i];
		else
			file = NULL, i = argc;
	}
	int64_t now = when ? cli_parse_when(when) : clock_now();
	if (!file || now < 0) {
		help(stderr);
		return CLI_EXIT_USAGE;
	}
	struct api_restore_report r;
	enum ent_err err = api_backup_restore(app, file, now, force, &r);
	if (err == ENT_ECONFLICT && r.expired) {
		fprintf(stderr, "entraide backup restore: %s expired; it may hold deleted accounts "
				"(--force to restore it anyway, deletions are still re-applied)\n", file);
		return CLI_EXIT_NO;
	}
	if (err) {
		fprintf(stderr, "entraide backup restore: %s%s%s\n", ent_strerror(err),
			r.why[0] ? ": " : "", r.why);
		return CLI_EXIT_USAGE;
	}
	printf("{\"restored\":true,\"expired\":%s,\"accounts_deleted_again\":%lld}\n",
	       r.expired ? "true" : "false", (long long)r.deleted);
	return CLI_EXIT_OK;
}

int cmd_backup(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		help(stdout);
		return CLI_EXIT_OK;
	}
	struct config cfg;
	struct api_app app;
	int rest;
	int rc = cli_start(argc, argv, "usage: entraide backup [--data DIR | --database URI] [--expires DAYS] FILE (see --help)\n",
			   1, 4, &cfg, &app, &rest);
	if (rc)
		return rc;
	if (!strcmp(argv[1], "restore")) {
		rc = restore(&app, rest, argv + 1);
		api_data_close(&app);
		return rc;
	}
	long days = DEFAULT_EXPIRES_DAYS;
	const char *file = NULL;
	for (int i = 1; i <= rest; i++) {
		char *end = NULL;
		if (!strncmp(argv[i], "--expires=", 10))
			days = strtol(argv[i] + 10, &end, 10);
		else if (!strcmp(argv[i], "--expires") && i < rest)
			days = strtol(argv[++i], &end, 10);
		else if (!file && argv[i][0] != '-')
			file = argv[i];
		else
			file = NULL, i = rest + 1;
		if (end && *end)
			days = 0;
	}
	if (!file || days < 1 || days > 36500) {
		help(stderr);
		api_data_close(&app);
		return CLI_EXIT_USAGE;
	}
	int64_t now = clock_now();
	char why[256];
	enum ent_err err = api_backup_write(&app, file, now, (unsigned)days, why, sizeof why);
	api_data_close(&app);
	if (err) {
		fprintf(stderr, "entraide backup: %s%s%s\n", ent_strerror(err), why[0] ? ": " : "",
			why);
		return CLI_EXIT_USAGE;
	}
	printf("backup written to %s, expires in %ld days\n", file, days);
	return CLI_EXIT_OK;
}
