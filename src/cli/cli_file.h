/*
 * cli_file.h - whole files for the subcommands that read and write them (sanitize).
 * Errors come back as -1 with a short English reason in *why (a static string that names no
 * path nor content: the caller adds the operator's own path when it prints it).
 */
#ifndef ENT_CLI_FILE_H
#define ENT_CLI_FILE_H

#include <stddef.h>
#include <stdint.h>

/* Reads the regular file at path, at most max bytes (refused before reading when larger, or
 * when it grows while read). *out (malloc'd, the caller frees it) and *len on success. */
int cli_file_read(const char *path, size_t max, uint8_t **out, size_t *len, const char **why);

/* Writes p[0..len) to path atomically: a temporary file beside it (mode 0644), flushed to
 * disk, then renamed over path; on failure nothing is left behind. */
int cli_file_write_atomic(const char *path, const uint8_t *p, size_t len, const char **why);

#endif
