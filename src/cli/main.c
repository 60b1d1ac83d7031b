/*
 * main.c - entry point of the entraide binary: finds the subcommand and runs it.
 * Knows nothing about what the subcommands do; their table is the only thing to edit
 * when one is added.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_image_remote.h"
#include "cli/cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{"serve", cmd_serve, "serve the HTTP API and the web front end"},
	{"demo", cmd_demo, "fill a data directory with demo content and print the demo accounts"},
	{"admin", cmd_admin, "operator tasks: accounts, roles, suspension"},
	{"backup", cmd_backup, "copy the database of a running or stopped instance to a file"},
	{"redact", cmd_redact, "find and mask identifiers in text read on stdin"},
	{"sanitize", cmd_sanitize, "strip metadata from an image, apply orientation, cover faces"},
	{"classify", cmd_classify, "classify desk messages by intent"},
	{"verify", cmd_verify, "check the signature of an exported validated article"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fprintf(f, "usage: entraide COMMAND [OPTIONS]\n\ncommands:\n");
	fprintf(f, "  %-9s %s\n", "help", "list the commands (this text)");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'entraide COMMAND --help' describes one command.\n");
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		if (argc > 2) {
			for (size_t i = 0; i < N_COMMANDS; i++) {
				if (strcmp(argv[2], commands[i].name) == 0) {
					char *help_argv[] = {argv[2], "--help", NULL};
					return commands[i].run(2, help_argv);
				}
			}
		}
		usage(stdout);
		return CLI_EXIT_OK;
	}
	for (size_t i = 0; i < N_COMMANDS; i++) {
		if (strcmp(name, commands[i].name) == 0) {
			int rc = commands[i].run(argc - 1, argv + 1);
			cli_image_stop(); /* the picture workers, if any ran, end before we do */
			return rc;
		}
	}
	fprintf(stderr, "entraide: unknown command '%s'\n", name);
	usage(stderr);
	return CLI_EXIT_USAGE;
}
