/*
 * cli_sanitize.h - the parts of `entraide sanitize` (cmd_sanitize.c parses the options and
 * loads the face detector): one file (cli_sanitize.c: read, sanitize, write, report) and the
 * batch over worker threads (cli_sanitize_batch.c).
 */
#ifndef ENT_CLI_SANITIZE_H
#define ENT_CLI_SANITIZE_H

#include <stdio.h>

#include "entraide/image.h"

/* Prints "entraide sanitize: what" on stderr; returns CLI_EXIT_USAGE. */
int sanitize_fail(const char *what);

struct cli_staged;

/* Sanitizes in_path into out_path; prints the report (JSON on out when json, else text on
 * err) or the one-line reason on err (naming the file when batch). With stage, the output is
 * only staged there (cli_file.h), for the caller to commit. Returns the exit status. */
int sanitize_one(const char *in_path, const char *out_path, const struct ent_img_opts *o, int json,
		 int batch, FILE *out, FILE *err, struct cli_staged *stage);

/* --batch: every file of files[0..n) into outdir/<its name>, one worker thread per online core
 * (each with its own face detector when o covers faces); the reports in the order of files,
 * each printed once its output is in place and flushed to disk (outputs are flushed and
 * renamed into place in groups: docs/privacy-images.md). Returns CLI_EXIT_OK when every file
 * was written. */
int sanitize_batch(const char **files, int n, const char *outdir, const struct ent_img_opts *o,
		   int json);

#endif
