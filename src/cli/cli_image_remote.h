/*
 * cli_image_remote.h - how many workers the `entraide` program's own picture pool starts
 * (cli_image_remote.c: ent_img_sanitize() of this program runs in entraide-imaged workers).
 */
#ifndef ENT_CLI_IMAGE_REMOTE_H
#define ENT_CLI_IMAGE_REMOTE_H

/* Workers of the pool, started on the first picture (default 1, at most 64). A call after
 * that first picture changes nothing. */
void cli_image_workers(unsigned n);

#endif
