/*
 * desk_seal.c - desk conversations sealed at rest (R6): XSalsa20-Poly1305 (crypto_secretbox)
 * under a key derived with crypto_kdf from the instance master key (DATA/keys/master.key, the
 * same key the foundation derives the e-mail keys from, with a context of our own), so a copy
 * of the database alone reveals no word of a request. The key lives in sodium_malloc'd memory
 * for the life of the process.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <unistd.h>

#include "desk/desk.h"

#define DESK_KDF_ID 1

static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char *desk_key; /* crypto_secretbox_KEYBYTES, set once */

static enum ent_err read_master(const char *path, unsigned char master[32])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ENT_EIO;
	size_t got = 0;
	while (got < 32) {
		ssize_t n = read(fd, master + got, 32 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	return got == 32 ? ENT_OK : ENT_EIO;
}

enum ent_err desk_seal_init(const char *data_dir)
{
	enum ent_err err = ENT_OK;
	pthread_mutex_lock(&key_lock);
	if (desk_key)
		goto out;
	char path[1100];
	if ((size_t)snprintf(path, sizeof path, "%s/keys/master.key", data_dir) >= sizeof path) {
		err = ENT_ETOOBIG;
		goto out;
	}
	if (sodium_init() < 0) {
		err = ENT_ECRYPTO;
		goto out;
	}
	unsigned char *master = sodium_malloc(32);
	unsigned char *k = sodium_malloc(crypto_secretbox_KEYBYTES);
	if (!master || !k) {
		sodium_free(master);
		sodium_free(k);
		err = ENT_ENOMEM;
		goto out;
	}
	static const char ctx[crypto_kdf_CONTEXTBYTES] = {'e', 'n', 't', 'd', 'e', 's', 'k', '1'};
	err = read_master(path, master);
	if (!err && crypto_kdf_derive_from_key(k, crypto_secretbox_KEYBYTES, DESK_KDF_ID, ctx, master))
		err = ENT_ECRYPTO;
	sodium_free(master);
	if (err) {
		sodium_free(k);
		goto out;
	}
	sodium_mprotect_readonly(k);
	desk_key = k;
out:
	pthread_mutex_unlock(&key_lock);
	return err;
}

static const unsigned char *key_get(void)
{
	pthread_mutex_lock(&key_lock);
	const unsigned char *k = desk_key;
	pthread_mutex_unlock(&key_lock);
	return k;
}

enum ent_err desk_seal(const char *plain, size_t len, struct buf *out)
{
	const unsigned char *k = key_get();
	if (!k)
		return ENT_ECRYPTO;
	if (len > DESK_SEALED_MAX)
		return ENT_ETOOBIG;
	size_t at = out->len;
	size_t n = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
	/* Grow the buffer by n bytes, then write in place. */
	for (size_t i = 0; i < n; i++)
		buf_putc(out, 0);
	if (buf_err(out))
		return buf_err(out);
	unsigned char *p = (unsigned char *)out->p + at;
	randombytes_buf(p, crypto_secretbox_NONCEBYTES);
	if (crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES, (const unsigned char *)plain, len, p,
				  k))
		return ENT_ECRYPTO;
	return ENT_OK;
}

enum ent_err desk_open(const void *sealed, size_t len, struct buf *out)
{
	const unsigned char *k = key_get();
	if (!k)
		return ENT_ECRYPTO;
	if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES || len > DESK_SEALED_MAX + 64)
		return ENT_ECRYPTO;
	const unsigned char *s = sealed;
	size_t n = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	size_t at = out->len;
	for (size_t i = 0; i < n; i++)
		buf_putc(out, 0);
	if (buf_err(out))
		return buf_err(out);
	if (crypto_secretbox_open_easy((unsigned char *)out->p + at, s + crypto_secretbox_NONCEBYTES,
				       len - crypto_secretbox_NONCEBYTES, s, k)) {
		out->len = at;
		out->p[at] = '\0';
		return ENT_ECRYPTO;
	}
	return ENT_OK;
}
