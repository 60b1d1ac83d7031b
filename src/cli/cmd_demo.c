/* cmd_demo.c - placeholder until the demo subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_demo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide demo: not built yet\n");
	return CLI_EXIT_USAGE;
}
