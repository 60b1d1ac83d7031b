/*
 * cli.h - the subcommands of the entraide binary.
 *
 * Each subcommand lives in its own file (cmd_<name>.c) and is registered once in the table
 * of main.c. A subcommand receives argv with argv[0] set to its own name, parses its own
 * options, prints its own `--help`, and returns the process exit status: 0 success, 1 a
 * negative answer where the command defines one (verify), 2 bad usage or unusable input.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#define CLI_EXIT_OK 0
#define CLI_EXIT_NO 1
#define CLI_EXIT_USAGE 2

int cmd_serve(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_admin(int argc, char **argv);
/* `entraide admin migrate-db ...` (cmd_migrate_db.c): argv[0] is "migrate-db". */
int cmd_admin_migrate_db(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_redact(int argc, char **argv);
int cmd_sanitize(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* True when argv holds -h or --help (before a "--"). */
int cli_wants_help(int argc, char **argv);

#endif
