/*
 * auth_totp.c - time-based one-time codes (RFC 6238) through liboath: the code of a secret at
 * a time, the check of a typed code (one step of clock drift either side, each step accepted
 * once), the base32 form of a secret for authenticator apps. See auth.h.
 * Not responsible for: storing secrets or deciding who needs them (src/twofa/).
 */
#include <liboath/oath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"

enum ent_err auth_totp_code(const unsigned char *secret, size_t len, int64_t t, unsigned digits,
			    enum auth_totp_alg alg, char out[9])
{
	int flags = alg == AUTH_TOTP_SHA256 ? OATH_TOTP_HMAC_SHA256
		  : alg == AUTH_TOTP_SHA512 ? OATH_TOTP_HMAC_SHA512
					    : 0;
	if (digits < 6 || digits > 8)
		return ENT_EINVAL;
	return oath_totp_generate2((const char *)secret, len, (time_t)t, AUTH_TOTP_STEP, 0, digits,
				   flags, out) == OATH_OK
		       ? ENT_OK
		       : ENT_ECRYPTO;
}

enum ent_err auth_totp_check(const unsigned char *secret, size_t len, int64_t now,
			     int64_t last_step, const char *code, int64_t *step)
{
	size_t n = strlen(code);
	if (n != AUTH_TOTP_DIGITS || strspn(code, "0123456789") != n)
		return ENT_EAUTH;
	/* every candidate step is computed and compared, so the time taken does not say which */
	bool found = false;
	for (int64_t d = -1; d <= 1; d++) {
		int64_t at = now + d * AUTH_TOTP_STEP, s = at / AUTH_TOTP_STEP;
		char want[9];
		if (auth_totp_code(secret, len, at, AUTH_TOTP_DIGITS, AUTH_TOTP_SHA1, want))
			return ENT_ECRYPTO;
		unsigned diff = 0;
		for (size_t i = 0; i < n; i++)
			diff |= (unsigned)(want[i] ^ code[i]);
		if (!diff && s > last_step && !found) {
			*step = s;
			found = true;
		}
	}
	return found ? ENT_OK : ENT_EAUTH;
}

enum ent_err auth_base32(const unsigned char *p, size_t len, char *out, size_t cap)
{
	char *b = NULL;
	size_t n = 0;
	if (oath_base32_encode((const char *)p, len, &b, &n) != OATH_OK)
		return ENT_ENOMEM;
	while (n && b[n - 1] == '=')
		n--; /* authenticator apps take it without padding */
	enum ent_err err = n < cap ? ENT_OK : ENT_ETOOBIG;
	if (!err) {
		memcpy(out, b, n);
		out[n] = '\0';
	}
	free(b);
	return err;
}
