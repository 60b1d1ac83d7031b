/* cmd_backup.c - `entraide backup --data DIR FILE`: online copy of the database. */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/cli_data.h"

int cmd_backup(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		printf("usage: entraide backup [--data DIR] FILE\n\n"
		       "Copies the database to FILE (mode 0600) with SQLite's online backup: safe while\n"
		       "the server runs. Keys (DIR/keys) and media (DIR/media) are files: copy them too.\n");
		return CLI_EXIT_OK;
	}
	struct config cfg;
	struct api_app app;
	int rest;
	int rc = cli_start(argc, argv, "usage: entraide backup [--data DIR] FILE\n", 1, 1, &cfg, &app,
			   &rest);
	if (rc)
		return rc;
	enum ent_err err = store_backup(app.store, argv[1]);
	api_data_close(&app);
	if (err) {
		fprintf(stderr, "entraide backup: %s\n", ent_strerror(err));
		return CLI_EXIT_USAGE;
	}
	printf("backup written to %s\n", argv[1]);
	return CLI_EXIT_OK;
}
