/* cmd_admin.c - placeholder until the admin subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_admin(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide admin: not built yet\n");
	return CLI_EXIT_USAGE;
}
