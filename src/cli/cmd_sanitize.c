/* cmd_sanitize.c - placeholder until the sanitize subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_sanitize(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide sanitize: not built yet\n");
	return CLI_EXIT_USAGE;
}
