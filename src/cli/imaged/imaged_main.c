/*
 * imaged_main.c - `entraide-imaged`, the sandboxed picture decoder: the one program that links
 * the codecs and face detectors (OpenCV, dlib, libheif, libjpeg, libpng, libwebp, lcms2).
 * The picture pool (src/privacy/image/img_pool.c) of `entraide serve`, and of any command
 * that sanitizes a picture (src/cli/cli_image_remote.c), starts it with its socket as fd 3,
 * as `entraide-imaged image-worker [--memory BYTES] [--nice N]`; it then loads its
 * detectors, caps its memory, enters its seccomp filter and takes one job at a time
 * (img_worker.c). Not meant to be run by hand: it refuses to start when fd 3 is not a socket.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "privacy/image/img_pool.h"

#define EXIT_USAGE 2

int main(int argc, char **argv)
{
	uint64_t memory = 0;
	int nice_value = 0;
	int i = 1;
	if (i < argc && !strcmp(argv[i], "image-worker"))
		i++;
	for (; i < argc; i++) {
		char *end = NULL;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			printf("usage: entraide-imaged image-worker [--memory BYTES] [--nice N]\n\n"
			       "Started by `entraide serve` (and `entraide sanitize`) with a socket as\n"
			       "fd 3: decodes, covers and re-encodes pictures one at a time under a\n"
			       "seccomp filter.\n");
			return 0;
		}
		if (!strcmp(argv[i], "--memory") && i + 1 < argc)
			memory = strtoull(argv[++i], &end, 10);
		else if (!strcmp(argv[i], "--nice") && i + 1 < argc)
			nice_value = (int)strtol(argv[++i], &end, 10);
		if (!end || *end) {
			fprintf(stderr, "entraide-imaged: bad argument '%s'\n", argv[i]);
			return EXIT_USAGE;
		}
	}
	struct stat st;
	if (fstat(3, &st) || !S_ISSOCK(st.st_mode)) {
		fprintf(stderr, "entraide-imaged: started by `entraide serve` only\n");
		return EXIT_USAGE;
	}
	return img_worker_main(3, memory, nice_value);
}
