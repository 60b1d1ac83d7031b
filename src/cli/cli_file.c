/* cli_file.c - whole files read and written by the subcommands; see cli_file.h. */
#define _GNU_SOURCE /* syncfs */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_file.h"

int cli_file_read(const char *path, size_t max, uint8_t **out, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	*out = NULL;
	*len = 0;
	if (fd < 0) {
		*why = "cannot open the input file";
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = "input is not a regular file";
		close(fd);
		return -1;
	}
	if ((uint64_t)st.st_size > max) {
		*why = "file is larger than allowed";
		close(fd);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	uint8_t *buf = malloc(cap);
	if (!buf) {
		*why = "out of memory";
		close(fd);
		return -1;
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*why = "cannot read the input file";
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) { /* grew while we read: refuse rather than chase it */
			*why = "input file changed while being read";
			free(buf);
			close(fd);
			return -1;
		}
	}
	close(fd);
	*out = buf;
	*len = n;
	return 0;
}

int cli_file_stage(const char *path, const uint8_t *p, size_t len, struct cli_staged *s,
		   const char **why)
{
	size_t n = strlen(path);
	s->fd = -1;
	s->path = malloc(n + 1);
	s->tmp = malloc(n + 16);
	if (!s->path || !s->tmp) {
		free(s->path);
		free(s->tmp);
		s->path = s->tmp = NULL;
		*why = "out of memory";
		return -1;
	}
	memcpy(s->path, path, n + 1);
	memcpy(s->tmp, path, n);
	memcpy(s->tmp + n, ".tmp-XXXXXX", 12);
	s->fd = mkstemp(s->tmp);
	if (s->fd < 0) {
		free(s->path);
		free(s->tmp);
		s->path = s->tmp = NULL;
		*why = "cannot create the output file";
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(s->fd, p + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off != len || fchmod(s->fd, 0644) != 0) {
		cli_file_discard(s);
		*why = "cannot write the output file";
		return -1;
	}
	return 0;
}

void cli_file_discard(struct cli_staged *s)
{
	if (s->fd >= 0)
		close(s->fd);
	if (s->tmp)
		unlink(s->tmp);
	free(s->tmp);
	free(s->path);
	s->fd = -1;
	s->tmp = s->path = NULL;
}

size_t cli_file_commit(struct cli_staged *s, size_t n, const char *dir, int *ok)
{
	size_t done = 0;
	/* Every file's data first, then the names: a name never points at a file whose data
	 * may still be lost. */
	int all = 0;
#ifdef __linux__
	/* One flush of the file system they are on for a group (every output of a batch goes to
	 * one directory): each fsync after the first still waited ~1-5 ms for the disk. */
	all = n > 1 && dir && s[0].fd >= 0 && syncfs(s[0].fd) == 0;
#endif
	for (size_t i = 0; i < n; i++) {
		ok[i] = s[i].fd >= 0 && (all || fsync(s[i].fd) == 0);
		if (s[i].fd >= 0 && close(s[i].fd) != 0)
			ok[i] = 0;
		s[i].fd = -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (ok[i] && rename(s[i].tmp, s[i].path) != 0)
			ok[i] = 0;
		if (!ok[i] && s[i].tmp)
			unlink(s[i].tmp);
		free(s[i].tmp);
		free(s[i].path);
		s[i].tmp = s[i].path = NULL;
		done += (size_t)ok[i];
	}
	/* the renames themselves */
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dir && (dfd < 0 || fsync(dfd) != 0)) {
		for (size_t i = 0; i < n; i++)
			ok[i] = 0;
		done = 0;
	}
	if (dfd >= 0)
		close(dfd);
	return done;
}

int cli_file_write_atomic(const char *path, const uint8_t *p, size_t len, const char **why)
{
	struct cli_staged s;
	int ok = 0;
	if (cli_file_stage(path, p, len, &s, why))
		return -1;
	if (!cli_file_commit(&s, 1, NULL, &ok)) {
		*why = "cannot write the output file";
		return -1;
	}
	return 0;
}
