/* auth_keys.h - the layout of struct auth_keys (internal to src/auth/). */
#ifndef ENT_AUTH_KEYS_H
#define ENT_AUTH_KEYS_H

#include <sodium.h>

struct auth_keys {
	unsigned char email_seal[crypto_secretbox_KEYBYTES];
	unsigned char email_lookup[crypto_generichash_KEYBYTES];
	unsigned char csrf[crypto_generichash_KEYBYTES];
	unsigned char tombstone[crypto_generichash_KEYBYTES];
};

#endif
