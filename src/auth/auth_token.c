/* auth_token.c - session tokens, CSRF tokens and e-mail protection; see auth.h. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "auth/auth.h"
#include "auth/auth_keys.h"

enum ent_err auth_token_new(unsigned char raw[AUTH_TOKEN_BYTES], char text[AUTH_TOKEN_CHARS + 1])
{
	randombytes_buf(raw, AUTH_TOKEN_BYTES);
	sodium_bin2base64(text, AUTH_TOKEN_CHARS + 1, raw, AUTH_TOKEN_BYTES,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return ENT_OK;
}

enum ent_err auth_token_parse(const char *text, size_t len, unsigned char raw[AUTH_TOKEN_BYTES])
{
	size_t n = 0;
	const char *end = NULL;
	if (len != AUTH_TOKEN_CHARS)
		return ENT_EAUTH;
	if (sodium_base642bin(raw, AUTH_TOKEN_BYTES, text, len, NULL, &n, &end,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != AUTH_TOKEN_BYTES || end != text + len)
		return ENT_EAUTH;
	return ENT_OK;
}

void auth_token_hash(const unsigned char raw[AUTH_TOKEN_BYTES], unsigned char out[AUTH_HASH_BYTES])
{
	crypto_generichash(out, AUTH_HASH_BYTES, raw, AUTH_TOKEN_BYTES, NULL, 0);
}

static void csrf_raw(const struct auth_keys *k, const unsigned char raw[AUTH_TOKEN_BYTES],
		     unsigned char mac[32])
{
	crypto_generichash(mac, 32, raw, AUTH_TOKEN_BYTES, k->csrf, sizeof k->csrf);
}

void auth_csrf(const struct auth_keys *k, const unsigned char raw[AUTH_TOKEN_BYTES],
	       char out[AUTH_TOKEN_CHARS + 1])
{
	unsigned char mac[32];
	csrf_raw(k, raw, mac);
	sodium_bin2base64(out, AUTH_TOKEN_CHARS + 1, mac, sizeof mac,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool auth_csrf_ok(const struct auth_keys *k, const unsigned char raw[AUTH_TOKEN_BYTES],
		  const char *presented, size_t len)
{
	unsigned char want[32], got[32];
	if (!presented || len != AUTH_TOKEN_CHARS)
		return false;
	if (auth_token_parse(presented, len, got) != ENT_OK)
		return false;
	csrf_raw(k, raw, want);
	return sodium_memcmp(want, got, sizeof want) == 0;
}

enum ent_err auth_email_normalize(const char *email, size_t len, char out[AUTH_EMAIL_MAX + 1])
{
	while (len && isspace((unsigned char)email[0]))
		email++, len--;
	while (len && isspace((unsigned char)email[len - 1]))
		len--;
	if (len < 3 || len > AUTH_EMAIL_MAX)
		return ENT_EINVAL;
	size_t at = len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)email[i];
		if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '\\')
			return ENT_EINVAL;
		if (c == '@') {
			if (at != len)
				return ENT_EINVAL;
			at = i;
		}
		out[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	out[len] = '\0';
	if (at == 0 || at >= len - 1)
		return ENT_EINVAL;
	const char *dot = strchr(out + at + 1, '.');
	if (!dot || dot == out + at + 1 || out[len - 1] == '.')
		return ENT_EINVAL;
	return ENT_OK;
}

void auth_email_hash(const struct auth_keys *k, const char *norm, unsigned char out[AUTH_HASH_BYTES])
{
	crypto_generichash(out, AUTH_HASH_BYTES, (const unsigned char *)norm, strlen(norm),
			   k->email_lookup, sizeof k->email_lookup);
}

void auth_tombstone(const struct auth_keys *k, const void *email_hash, size_t len,
		    int64_t created_at, unsigned char out[AUTH_HASH_BYTES])
{
	unsigned char when[8];
	for (int i = 0; i < 8; i++)
		when[i] = (unsigned char)((uint64_t)created_at >> (8 * i));
	crypto_generichash_state st;
	crypto_generichash_init(&st, k->tombstone, sizeof k->tombstone, AUTH_HASH_BYTES);
	crypto_generichash_update(&st, email_hash, len);
	crypto_generichash_update(&st, when, sizeof when);
	crypto_generichash_final(&st, out, AUTH_HASH_BYTES);
}

enum ent_err auth_email_seal(const struct auth_keys *k, const char *norm, unsigned char *out,
			     size_t cap, size_t *out_len)
{
	size_t n = strlen(norm);
	size_t need = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n;
	if (n > AUTH_EMAIL_MAX || need > cap)
		return ENT_ETOOBIG;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	if (crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, (const unsigned char *)norm, n,
				  out, k->email_seal) != 0)
		return ENT_ECRYPTO;
	*out_len = need;
	return ENT_OK;
}

enum ent_err auth_email_open(const struct auth_keys *k, const unsigned char *in, size_t len,
			     char out[AUTH_EMAIL_MAX + 1])
{
	size_t over = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
	if (len < over || len - over > AUTH_EMAIL_MAX)
		return ENT_ECRYPTO;
	if (crypto_secretbox_open_easy((unsigned char *)out, in + crypto_secretbox_NONCEBYTES,
				       len - crypto_secretbox_NONCEBYTES, in, k->email_seal) != 0)
		return ENT_ECRYPTO;
	out[len - over] = '\0';
	return ENT_OK;
}

_Static_assert(AUTH_SEAL_OVERHEAD == crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES,
	       "auth.h: AUTH_SEAL_OVERHEAD");

enum ent_err auth_seal(const struct auth_keys *k, const void *p, size_t len, unsigned char *out,
		       size_t cap, size_t *out_len)
{
	if (len > cap || cap - len < AUTH_SEAL_OVERHEAD)
		return ENT_ETOOBIG;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	if (crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, p, len, out, k->email_seal) != 0)
		return ENT_ECRYPTO;
	*out_len = len + AUTH_SEAL_OVERHEAD;
	return ENT_OK;
}

enum ent_err auth_unseal(const struct auth_keys *k, const unsigned char *in, size_t len, void *out,
			 size_t cap, size_t *out_len)
{
	if (len < AUTH_SEAL_OVERHEAD)
		return ENT_ECRYPTO;
	if (len - AUTH_SEAL_OVERHEAD > cap)
		return ENT_ETOOBIG;
	if (crypto_secretbox_open_easy(out, in + crypto_secretbox_NONCEBYTES,
				       len - crypto_secretbox_NONCEBYTES, in, k->email_seal) != 0)
		return ENT_ECRYPTO;
	*out_len = len - AUTH_SEAL_OVERHEAD;
	return ENT_OK;
}
