/*
 * cli_image_remote.h - how many workers the `entraide` program's own picture pool starts
 * (cli_image_remote.c: ent_img_sanitize() of this program runs in entraide-imaged workers).
 */
#ifndef ENT_CLI_IMAGE_REMOTE_H
#define ENT_CLI_IMAGE_REMOTE_H

/* Workers of the pool, started on the first picture (default 1, at most 64). A call after
 * that first picture changes nothing. */
void cli_image_workers(unsigned n);
/* Stops the pool, if a picture started it, and waits for its workers to exit: called before
 * the program exits, so that no worker outlives it unreaped (and a parent's accounting, such
 * as /usr/bin/time or a benchmark's, sees their CPU time). No picture may be in flight. */
void cli_image_stop(void);

#endif
