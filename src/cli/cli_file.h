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

/* The same in two halves, for a batch that flushes many files at once (one fsync per file
 * each waits for the disk while the next could be written). */
struct cli_staged {
	char *path; /* the final name; owned */
	char *tmp;  /* the temporary file beside it; owned */
	int fd;     /* open on tmp until committed */
};

/* Writes p[0..len) to a new temporary file beside path (mode 0644), not yet flushed; fills
 * *s. On failure nothing is left behind and *s owns nothing. */
int cli_file_stage(const char *path, const uint8_t *p, size_t len, struct cli_staged *s,
		   const char **why);

/* Flushes the data of s[0..n) to disk (with dir and n > 1, one syncfs of their file system on
 * Linux; else one fsync each), then renames each over its path, then flushes dir (the
 * directory holding them; NULL: not flushed, as cli_file_write_atomic). ok[i] is 1 when s[i]
 * is in place and, with dir, durable; 0 when its data or name could not be written (nothing
 * left behind) or dir could not be flushed (then every file may be in place, not durable).
 * Releases every s[i]. Returns the number of ok[i] set. */
size_t cli_file_commit(struct cli_staged *s, size_t n, const char *dir, int *ok);

/* Removes a staged file that will not be committed and releases s. */
void cli_file_discard(struct cli_staged *s);

#endif
