/* cmd_backup.c - placeholder until the backup subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_backup(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide backup: not built yet\n");
	return CLI_EXIT_USAGE;
}
