/*
 * cmd_image_worker.c - `entraide image-worker`: the sandboxed picture decoder that `serve`
 * starts (src/privacy/image/img_pool.c), one per pool slot, with its socket as fd 3. Not
 * meant to be run by hand: it refuses to start when fd 3 is not a socket.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "privacy/image/img_pool.h"

int cmd_image_worker(int argc, char **argv)
{
	uint64_t memory = 0;
	int nice_value = 0;
	if (cli_wants_help(argc, argv)) {
		printf("usage: entraide image-worker [--memory BYTES] [--nice N]\n\n"
		       "Started by `entraide serve` with a socket as fd 3: decodes, covers and\n"
		       "re-encodes pictures one at a time under a seccomp filter.\n");
		return CLI_EXIT_OK;
	}
	for (int i = 1; i < argc; i++) {
		char *end = NULL;
		if (!strcmp(argv[i], "--memory") && i + 1 < argc)
			memory = strtoull(argv[++i], &end, 10);
		else if (!strcmp(argv[i], "--nice") && i + 1 < argc)
			nice_value = (int)strtol(argv[++i], &end, 10);
		if (!end || *end) {
			fprintf(stderr, "entraide image-worker: bad argument '%s'\n", argv[i]);
			return CLI_EXIT_USAGE;
		}
	}
	struct stat st;
	if (fstat(3, &st) || !S_ISSOCK(st.st_mode)) {
		fprintf(stderr, "entraide image-worker: started by `entraide serve` only\n");
		return CLI_EXIT_USAGE;
	}
	return img_worker_main(3, memory, nice_value);
}
