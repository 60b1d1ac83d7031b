/* cmd_serve.c - placeholder until the serve subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_serve(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide serve: not built yet\n");
	return CLI_EXIT_USAGE;
}
