/* cmd_redact.c - placeholder until the redact subcommand lands: says so and fails. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_redact(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "entraide redact: not built yet\n");
	return CLI_EXIT_USAGE;
}
