/*
 * comm_sign.c - signatures of validated articles (R5): Ed25519 with libsodium over a
 * canonical form of the article, so that anyone holding the institution's public key can
 * check an exported article offline (`entraide verify`).
 *
 * The canonical form is text, fields in a fixed order, each length-prefixed:
 *     entraide-article/1\n
 *     institution <len>:<slug>\n  author_role ...  version ...  date ...  reviewed ...
 *     language ...  title ...  body <len>:<markdown>\n
 * The secret key is kept sealed (secretbox, random nonce) under a key the caller derives from
 * the instance master key; it is opened in sodium_malloc'd memory only to sign, then wiped.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "community/comm.h"

static void field(struct buf *b, const char *name, const char *v)
{
	v = v ? v : "";
	buf_printf(b, "%s %zu:", name, strlen(v));
	buf_puts(b, v);
	buf_putc(b, '\n');
}

enum ent_err comm_canonical(const struct comm_article *a, struct buf *out)
{
	char version[24];
	snprintf(version, sizeof version, "%lld", (long long)a->version);
	buf_puts(out, COMM_EXPORT_FORMAT "\n");
	field(out, "institution", a->institution);
	field(out, "author_role", a->author_role);
	field(out, "version", version);
	field(out, "date", a->date);
	field(out, "reviewed", a->reviewed);
	field(out, "language", a->language);
	field(out, "title", a->title);
	field(out, "body", a->body);
	return buf_err(out);
}

enum ent_err comm_key_new(const unsigned char seal_key[32], unsigned char pk[COMM_PK_BYTES],
			  unsigned char sealed[COMM_SEALED_BYTES])
{
	unsigned char *sk = sodium_malloc(COMM_SK_BYTES);
	if (!sk)
		return ENT_ENOMEM;
	enum ent_err err = ENT_OK;
	if (crypto_sign_keypair(pk, sk) != 0)
		err = ENT_ECRYPTO;
	if (!err) {
		randombytes_buf(sealed, crypto_secretbox_NONCEBYTES);
		if (crypto_secretbox_easy(sealed + crypto_secretbox_NONCEBYTES, sk, COMM_SK_BYTES,
					  sealed, seal_key) != 0)
			err = ENT_ECRYPTO;
	}
	sodium_free(sk);
	return err;
}

enum ent_err comm_sign(const unsigned char seal_key[32], const unsigned char *sealed, size_t sealed_len,
		       const struct comm_article *a, unsigned char sig[COMM_SIG_BYTES])
{
	if (sealed_len != COMM_SEALED_BYTES)
		return ENT_ECRYPTO;
	unsigned char *sk = sodium_malloc(COMM_SK_BYTES);
	if (!sk)
		return ENT_ENOMEM;
	struct buf c;
	buf_init(&c, COMM_ARTICLE_MAX + 4096);
	enum ent_err err = comm_canonical(a, &c);
	if (!err && crypto_secretbox_open_easy(sk, sealed + crypto_secretbox_NONCEBYTES,
					       sealed_len - crypto_secretbox_NONCEBYTES, sealed,
					       seal_key) != 0)
		err = ENT_ECRYPTO;
	if (!err && crypto_sign_detached(sig, NULL, (const unsigned char *)c.p, c.len, sk) != 0)
		err = ENT_ECRYPTO;
	sodium_free(sk);
	buf_clear(&c);
	return err;
}

enum ent_err comm_verify(const unsigned char pk[COMM_PK_BYTES], const struct comm_article *a,
			 const unsigned char sig[COMM_SIG_BYTES])
{
	struct buf c;
	buf_init(&c, COMM_ARTICLE_MAX + 4096);
	enum ent_err err = comm_canonical(a, &c);
	if (!err && crypto_sign_verify_detached(sig, (const unsigned char *)c.p, c.len, pk) != 0)
		err = ENT_ECRYPTO;
	buf_clear(&c);
	return err;
}

enum ent_err comm_b64_encode(const unsigned char *p, size_t n, char *out, size_t cap)
{
	if (cap < sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL))
		return ENT_ETOOBIG;
	sodium_bin2base64(out, cap, p, n, sodium_base64_VARIANT_ORIGINAL);
	return ENT_OK;
}

enum ent_err comm_b64_decode(const char *s, size_t len, unsigned char *out, size_t cap, size_t *n)
{
	if (sodium_base642bin(out, cap, s, len, NULL, n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
		return ENT_EFORMAT;
	return ENT_OK;
}
