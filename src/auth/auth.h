/*
 * auth.h - passwords, session tokens, CSRF tokens, e-mail protection, log-in rate limits.
 *
 * Keys: one random master key per instance (DIR/keys/master.key, 0600, 32 bytes), from which
 * sub-keys are derived (crypto_kdf) for: sealing e-mail addresses (secretbox), the keyed
 * lookup hash of e-mail addresses, and CSRF tokens. Keys live in sodium_malloc'd memory.
 * Session tokens are 32 random bytes sent base64url-encoded; the database keeps only their
 * BLAKE2b hash. A session's CSRF token is a keyed hash of its token, so nothing more is stored
 * and it dies with the session. All comparisons of secrets are constant-time.
 * Not responsible for: storing accounts or sessions (store_account.c), HTTP (api/).
 */
#ifndef ENT_AUTH_H
#define ENT_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"

#define AUTH_TOKEN_BYTES 32
#define AUTH_TOKEN_CHARS 43  /* base64url without padding of 32 bytes */
#define AUTH_HASH_BYTES 32
#define AUTH_PWHASH_MAX 128  /* crypto_pwhash_STRBYTES */
#define AUTH_PASSWORD_MIN 10  /* characters (bytes are checked too) */
#define AUTH_PASSWORD_MAX 256 /* bytes */
#define AUTH_EMAIL_MAX 254
#define AUTH_SEALED_MAX (AUTH_EMAIL_MAX + 64)

struct auth_keys;

/* Loads DIR/master.key, creating it (0600, in a 0700 dir) when absent. */
enum ent_err auth_keys_load(const char *keys_dir, struct auth_keys **out);
/* Keys from a fixed 32-byte master key (tests). */
enum ent_err auth_keys_from(const unsigned char master[32], struct auth_keys **out);
void auth_keys_free(struct auth_keys *k);

/* Must be called once before anything else here (sodium_init). */
enum ent_err auth_init(void);

/* Argon2id hash of password[0..len) into out (NUL-terminated, < AUTH_PWHASH_MAX). */
enum ent_err auth_password_hash(const char *password, size_t len, char out[AUTH_PWHASH_MAX]);
/* ENT_OK when password matches hash, ENT_EAUTH when not. */
enum ent_err auth_password_verify(const char *hash, const char *password, size_t len);
/* Spends the time of one verification against a fixed hash, for unknown logins. */
void auth_password_dummy(const char *password, size_t len);
/* Lowers the Argon2id cost (unit tests and ASan runs only). */
void auth_password_set_cheap(bool cheap);

/* A fresh session token: raw bytes and its text form (NUL-terminated). */
enum ent_err auth_token_new(unsigned char raw[AUTH_TOKEN_BYTES], char text[AUTH_TOKEN_CHARS + 1]);
/* Decodes a token's text form; ENT_EAUTH when it is not one. */
enum ent_err auth_token_parse(const char *text, size_t len, unsigned char raw[AUTH_TOKEN_BYTES]);
/* The BLAKE2b hash under which a token is stored. */
void auth_token_hash(const unsigned char raw[AUTH_TOKEN_BYTES], unsigned char out[AUTH_HASH_BYTES]);
/* The CSRF token of the session whose token is raw (text form). */
void auth_csrf(const struct auth_keys *k, const unsigned char raw[AUTH_TOKEN_BYTES],
	       char out[AUTH_TOKEN_CHARS + 1]);
/* Constant-time check of a presented CSRF token. */
bool auth_csrf_ok(const struct auth_keys *k, const unsigned char raw[AUTH_TOKEN_BYTES],
		  const char *presented, size_t len);

/* E-mail: normalised form (trimmed, lower-cased ASCII) into out; ENT_EINVAL when it does not
 * look like an address (one '@', non-empty parts, a dot in the domain, no spaces/controls). */
enum ent_err auth_email_normalize(const char *email, size_t len, char out[AUTH_EMAIL_MAX + 1]);
/* Keyed hash of a normalised address, for lookup. */
void auth_email_hash(const struct auth_keys *k, const char *norm, unsigned char out[AUTH_HASH_BYTES]);
/* Seals a normalised address: out = nonce || secretbox; *out_len its size. */
enum ent_err auth_email_seal(const struct auth_keys *k, const char *norm, unsigned char *out,
			     size_t cap, size_t *out_len);
/* Seals len bytes (a link, a TOTP secret) with the same key as addresses: out = nonce ||
 * secretbox, AUTH_SEAL_OVERHEAD bytes longer than the input. ENT_ETOOBIG when cap is short. */
#define AUTH_SEAL_OVERHEAD 40
enum ent_err auth_seal(const struct auth_keys *k, const void *p, size_t len, unsigned char *out,
		       size_t cap, size_t *out_len);
/* Opens what auth_seal made into out (cap bytes; ENT_ETOOBIG when short), *out_len its size.
 * ENT_ECRYPTO when it was not sealed by this instance. */
enum ent_err auth_unseal(const struct auth_keys *k, const unsigned char *in, size_t len, void *out,
			 size_t cap, size_t *out_len);
/* The tombstone of a deleted account: a keyed hash (its own sub-key) of the account's e-mail
 * lookup hash and creation time. Only this instance can recompute it from an account row of
 * an old backup; it says nothing by itself. */
void auth_tombstone(const struct auth_keys *k, const void *email_hash, size_t len,
		    int64_t created_at, unsigned char out[AUTH_HASH_BYTES]);
/* Opens a sealed address into out (NUL-terminated). */
enum ent_err auth_email_open(const struct auth_keys *k, const unsigned char *in, size_t len,
			     char out[AUTH_EMAIL_MAX + 1]);

/* TOTP (RFC 6238, liboath): 6 digits, 30-second steps, HMAC-SHA1 for the members' apps. */
#define AUTH_TOTP_SECRET 20
#define AUTH_TOTP_STEP 30
#define AUTH_TOTP_DIGITS 6
#define AUTH_TOTP_URI_MAX 512
enum auth_totp_alg { AUTH_TOTP_SHA1, AUTH_TOTP_SHA256, AUTH_TOTP_SHA512 };
/* The code of secret at time t (digits 6..8) into out. */
enum ent_err auth_totp_code(const unsigned char *secret, size_t len, int64_t t, unsigned digits,
			    enum auth_totp_alg alg, char out[9]);
/* Checks a 6-digit code at now, one step either side, refusing the steps up to last_step
 * (a code is accepted once); *step the step it matched. ENT_EAUTH when it does not. */
enum ent_err auth_totp_check(const unsigned char *secret, size_t len, int64_t now,
			     int64_t last_step, const char *code, int64_t *step);
/* The base32 text of a secret (for the authenticator app) into out. */
enum ent_err auth_base32(const unsigned char *p, size_t len, char *out, size_t cap);

/* In-memory rate limiter: at most `max` events per `window` seconds per key, in a bounded
 * table (the least recently seen key is forgotten when it is full). Keys are hashed before
 * they are kept, so it holds no handle or address in clear. Thread-safe. */
struct auth_limiter;
enum ent_err auth_limiter_new(unsigned slots, unsigned max, unsigned window, struct auth_limiter **out);
void auth_limiter_free(struct auth_limiter *l);
/* 0 when key may proceed, else the seconds to wait (for Retry-After). Does not count. */
unsigned auth_limiter_check(struct auth_limiter *l, const char *key, size_t len, int64_t now);
/* Counts n events (uploads, kilobytes) for key when they fit under max in key's current
 * window, and returns 0; otherwise counts nothing and returns the seconds to wait. */
unsigned auth_limiter_take(struct auth_limiter *l, const char *key, size_t len, int64_t now,
			   unsigned n);
/* Counts one event (a failure, a sign-up) for key. */
void auth_limiter_hit(struct auth_limiter *l, const char *key, size_t len, int64_t now);
/* Forgets key (after a successful log-in). */
void auth_limiter_reset(struct auth_limiter *l, const char *key, size_t len);

/* Several nodes (issue 16): a limiter whose counts live elsewhere (the database), so that
 * every node of an instance counts the same events. take counts n events of the key hashed
 * h when they fit under max in h's window (always when max is UINT_MAX), and sets *wait to 0;
 * otherwise counts nothing and sets *wait to the seconds until the window ends; with n = 0
 * it only reads. reset forgets h. A failure (ENT_*) makes that one call count in memory, as
 * an unshared limiter does. */
struct auth_limiter_shared {
	enum ent_err (*take)(void *ctx, const char *name, const unsigned char h[16], int64_t now,
			     unsigned window, unsigned max, unsigned n, unsigned *wait);
	enum ent_err (*reset)(void *ctx, const char *name, const unsigned char h[16]);
	void *ctx;
};
/* Shares l under name (a literal, unique per limiter) through sh (borrowed, lives as long
 * as l): from then on its keys are hashed with a key derived from the instance's keys, the
 * same on every node, instead of a per-process one. */
struct auth_keys;
void auth_limiter_share(struct auth_limiter *l, const char *name,
			const struct auth_limiter_shared *sh, const struct auth_keys *keys);

#endif
