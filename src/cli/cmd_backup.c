/*
 * cmd_backup.c - `entraide backup`: an online copy of the database that expires, and its
 * restore, which deletes again every account deleted since the copy was made (tombstones,
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
		"usage: entraide backup [--data DIR] [--expires DAYS] FILE\n"
		"       entraide backup restore [--data DIR] [--now=WHEN] [--force] FILE\n\n"
		"backup copies the database to FILE (mode 0600) with SQLite's online backup: safe\n"
		"while the server runs. The copy expires after DAYS (default %d): it still holds the\n"
		"accounts deleted after it was made, so keep it no longer than that, and restore\n"
		"refuses it once expired. Keys (DIR/keys) and media (DIR/media) are files: copy them\n"
		"too, and the keys with the same care as the database.\n\n"
		"restore (server stopped) replaces DIR's database with FILE, then deletes again every\n"
		"account deleted since FILE was made: the live database's list of deleted accounts\n"
		"(keyed hashes, no personal data) is carried into the restored one and applied, with\n"
		"each member's choice for their posts. --force restores an expired copy; --now=WHEN\n"
		"(YYYY-MM-DD or Unix seconds) sets the date the expiry is checked against.\n",
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
		fprintf(stderr, "entraide backup restore: %s\n", ent_strerror(err));
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
	int rc = cli_start(argc, argv, "usage: entraide backup [--data DIR] [--expires DAYS] FILE (see --help)\n",
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
	enum ent_err err = api_backup_write(&app, file, now, (unsigned)days);
	api_data_close(&app);
	if (err) {
		fprintf(stderr, "entraide backup: %s\n", ent_strerror(err));
		return CLI_EXIT_USAGE;
	}
	printf("backup written to %s, expires in %ld days\n", file, days);
	return CLI_EXIT_OK;
}
