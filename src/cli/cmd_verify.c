/* cmd_verify.c - placeholder until the verify subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_verify(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide verify: not built yet\n");
	return CLI_EXIT_USAGE;
}
