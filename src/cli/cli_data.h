/*
 * cli_data.h - settings and the data directory for the subcommands that use one (serve, demo,
 * admin, backup): defaults < config file (--config or ENTRAIDE_CONFIG) < ENTRAIDE_* < flags.
 */
#ifndef ENT_CLI_DATA_H
#define ENT_CLI_DATA_H

#include <stdint.h>

#include "api/api.h"
#include "core/config.h"

/* Reads settings; flags are --<key> VALUE or --<key>=VALUE for every config key (dashes or
 * underscores), booleans alone mean true. Arguments that are not settings are moved, in order,
 * to the front of argv after argv[0]; *n_rest counts them. Prints the problem and returns
 * CLI_EXIT_USAGE on a bad setting, 0 otherwise. */
int cli_settings(int argc, char **argv, struct config *c, int *n_rest);

/* Text for --help listing the common settings. */
void cli_settings_help(void);

/* Opens the data directory of c (store + keys) into app; prints and returns CLI_EXIT_USAGE on
 * failure. */
int cli_open_data(struct api_app *app, const struct config *c);

/* cli_settings() then cli_open_data(), for subcommands that take n_rest_min..n_rest_max
 * arguments besides the settings (else prints usage and returns CLI_EXIT_USAGE). */
int cli_start(int argc, char **argv, const char *usage, int n_rest_min, int n_rest_max,
	      struct config *c, struct api_app *app, int *n_rest);

/* A moment given on the command line: "2027-06-01" (midnight UTC) or Unix seconds; -1 when it
 * is neither. */
int64_t cli_parse_when(const char *s);

struct mail_sender;
/* Starts serve's e-mail sender when app->cfg.smtp is set (*out NULL otherwise): the password
 * from smtp_password_file or ENTRAIDE_SMTP_PASSWORD; refuses credentials that would cross
 * the network in clear. Prints and returns CLI_EXIT_USAGE on a problem. (cli_mail.c) */
int cli_mail_start(struct api_app *app, struct mail_sender **out);

#endif
