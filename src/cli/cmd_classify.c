/* cmd_classify.c - placeholder until the classify subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_classify(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide classify: not built yet\n");
	return CLI_EXIT_USAGE;
}
