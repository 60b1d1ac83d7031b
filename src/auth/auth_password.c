/* auth_password.c - Argon2id password hashes (libsodium crypto_pwhash_str); see auth.h. */
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <string.h>

#include "auth/auth.h"

static atomic_bool cheap;

void auth_password_set_cheap(bool on)
{
	atomic_store(&cheap, on);
}

static void limits(unsigned long long *ops, size_t *mem)
{
	if (atomic_load(&cheap)) {
		*ops = crypto_pwhash_OPSLIMIT_MIN;
		*mem = crypto_pwhash_MEMLIMIT_MIN;
	} else {
		/* Interactive limits (2 passes, 64 MiB): about 0.1 s per log-in on one core. */
		*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	}
}

enum ent_err auth_password_hash(const char *password, size_t len, char out[AUTH_PWHASH_MAX])
{
	unsigned long long ops;
	size_t mem;
	limits(&ops, &mem);
	if (len > AUTH_PASSWORD_MAX)
		return ENT_EINVAL;
	return crypto_pwhash_str(out, password, len, ops, mem) == 0 ? ENT_OK : ENT_ENOMEM;
}

enum ent_err auth_password_verify(const char *hash, const char *password, size_t len)
{
	if (len > AUTH_PASSWORD_MAX)
		return ENT_EAUTH;
	return crypto_pwhash_str_verify(hash, password, len) == 0 ? ENT_OK : ENT_EAUTH;
}

static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[AUTH_PWHASH_MAX];

static void make_dummy(void)
{
	unsigned char pw[16];
	randombytes_buf(pw, sizeof pw);
	if (auth_password_hash((const char *)pw, sizeof pw, dummy_hash) != ENT_OK)
		dummy_hash[0] = '\0';
}

void auth_password_dummy(const char *password, size_t len)
{
	pthread_once(&dummy_once, make_dummy);
	if (dummy_hash[0])
		(void)auth_password_verify(dummy_hash, password, len);
}
