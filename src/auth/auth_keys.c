/* auth_keys.c - the instance master key and the sub-keys derived from it; see auth.h. */
#include <errno.h>
#include <fcntl.h>
#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/auth_keys.h"
#include "core/export.h"

enum ent_err auth_init(void)
{
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		return ENT_ECRYPTO;
	return ENT_OK;
}

enum ent_err auth_keys_from(const unsigned char master[32], struct auth_keys **out)
{
	struct auth_keys *k = sodium_malloc(sizeof *k);
	if (!k)
		return ENT_ENOMEM;
	static const char ctx[crypto_kdf_CONTEXTBYTES] = {'e', 'n', 't', 'r', 'a', 'i', 'd', 'e'};
	if (crypto_kdf_derive_from_key(k->email_seal, sizeof k->email_seal, 1, ctx, master) ||
	    crypto_kdf_derive_from_key(k->email_lookup, sizeof k->email_lookup, 2, ctx, master) ||
	    crypto_kdf_derive_from_key(k->csrf, sizeof k->csrf, 3, ctx, master) ||
	    crypto_kdf_derive_from_key(k->tombstone, sizeof k->tombstone, 4, ctx, master)) {
		sodium_free(k);
		return ENT_ECRYPTO;
	}
	sodium_mprotect_readonly(k);
	*out = k;
	return ENT_OK;
}

void auth_keys_free(struct auth_keys *k)
{
	if (k)
		sodium_free(k); /* wipes */
}

static enum ent_err read_all(int fd, unsigned char *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return ENT_EIO;
		got += (size_t)r;
	}
	return ENT_OK;
}

static enum ent_err write_all(int fd, const unsigned char *p, size_t n)
{
	size_t put = 0;
	while (put < n) {
		ssize_t w = write(fd, p + put, n - put);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return ENT_EIO;
		put += (size_t)w;
	}
	return ENT_OK;
}

enum ent_err auth_keys_load(const char *keys_dir, struct auth_keys **out)
{
	char path[1100];
	if ((size_t)snprintf(path, sizeof path, "%s/master.key", keys_dir) >= sizeof path)
		return ENT_ETOOBIG;
	if (mkdir(keys_dir, 0700) != 0 && errno != EEXIST)
		return ENT_EIO;
	unsigned char *master = sodium_malloc(32);
	if (!master)
		return ENT_ENOMEM;
	enum ent_err err;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0) {
		err = read_all(fd, master, 32);
		close(fd);
	} else if (errno == ENOENT) {
		randombytes_buf(master, 32);
		/* O_EXCL: two processes starting at once must not write two different keys. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0 && errno == EEXIST) {
			sodium_free(master);
			return auth_keys_load(keys_dir, out);
		}
		err = fd < 0 ? ENT_EIO : write_all(fd, master, 32);
		if (fd >= 0 && fsync(fd) != 0)
			err = ENT_EIO;
		if (fd >= 0)
			close(fd);
	} else {
		err = ENT_EIO;
	}
	if (!err)
		err = auth_keys_from(master, out);
	sodium_free(master);
	return err;
}
