/*
 * auth_limiter.c - bounded in-memory rate limiter (log-in failures, sign-ups); see auth.h.
 * Fixed windows per key: the window opens at a key's first event and lasts `window` seconds.
 * Keys are hashed with a per-process random key; a key probes 8 slots from its hash and, when
 * all are taken by live keys, replaces the least recently seen one.
 * Shared (auth_limiter_share, several nodes): the counts are the database's, through the
 * callbacks; the table here is only used when a call to them fails.
 */
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "auth/auth_keys.h"

#define PROBES 8

struct slot {
	unsigned char key[16];
	unsigned count;
	int64_t start; /* 0 = free */
	int64_t seen;
};

struct auth_limiter {
	pthread_mutex_t lock;
	unsigned n, max, window;
	unsigned char hkey[crypto_shorthash_KEYBYTES];
	struct slot *slots;
	const struct auth_limiter_shared *sh; /* NULL: in memory only */
	const char *name;
};

enum ent_err auth_limiter_new(unsigned slots, unsigned max, unsigned window, struct auth_limiter **out)
{
	struct auth_limiter *l = calloc(1, sizeof *l);
	if (!l || slots < PROBES)
		goto fail;
	l->slots = calloc(slots, sizeof *l->slots);
	if (!l->slots)
		goto fail;
	pthread_mutex_init(&l->lock, NULL);
	l->n = slots;
	l->max = max;
	l->window = window;
	randombytes_buf(l->hkey, sizeof l->hkey);
	*out = l;
	return ENT_OK;
fail:
	free(l);
	return slots < PROBES ? ENT_EINVAL : ENT_ENOMEM;
}

void auth_limiter_free(struct auth_limiter *l)
{
	if (!l)
		return;
	pthread_mutex_destroy(&l->lock);
	free(l->slots);
	free(l);
}

/* The slot of key, or NULL; with create, a free, expired or least recently seen slot. */
static struct slot *find(struct auth_limiter *l, const unsigned char h[16], int64_t now, bool create)
{
	uint64_t first;
	memcpy(&first, h, sizeof first);
	struct slot *victim = NULL;
	for (unsigned i = 0; i < PROBES; i++) {
		struct slot *s = &l->slots[(first + i) % l->n];
		if (s->start && now - s->start >= (int64_t)l->window)
			memset(s, 0, sizeof *s); /* expired */
		if (s->start && memcmp(s->key, h, 16) == 0)
			return s;
		if (!s->start) {
			if (!victim || victim->start)
				victim = s;
		} else if (!victim || (victim->start && s->seen < victim->seen)) {
			victim = s;
		}
	}
	if (!create)
		return NULL;
	memset(victim, 0, sizeof *victim);
	memcpy(victim->key, h, 16);
	return victim;
}

static void key_hash(struct auth_limiter *l, const char *key, size_t len, unsigned char h[16])
{
	crypto_generichash(h, 16, (const unsigned char *)key, len, l->hkey, sizeof l->hkey);
}

void auth_limiter_share(struct auth_limiter *l, const char *name,
			const struct auth_limiter_shared *sh, const struct auth_keys *keys)
{
	static const char label[] = "entraide shared rate limits 1";
	crypto_generichash(l->hkey, sizeof l->hkey, (const unsigned char *)label, sizeof label - 1,
			   keys->csrf, sizeof keys->csrf);
	l->name = name;
	l->sh = sh;
}

/* The shared count's answer in *wait, or false when it could not be had (then in memory). */
static bool shared_take(struct auth_limiter *l, const unsigned char h[16], int64_t now,
			unsigned max, unsigned n, unsigned *wait)
{
	return l->sh && !l->sh->take(l->sh->ctx, l->name, h, now, l->window, max, n, wait);
}

unsigned auth_limiter_check(struct auth_limiter *l, const char *key, size_t len, int64_t now)
{
	unsigned char h[16];
	unsigned wait = 0;
	key_hash(l, key, len, h);
	if (shared_take(l, h, now, l->max, 0, &wait))
		return wait;
	pthread_mutex_lock(&l->lock);
	struct slot *s = find(l, h, now, false);
	if (s && s->count >= l->max) {
		int64_t left = s->start + l->window - now;
		wait = left < 1 ? 1 : (unsigned)left;
	}
	pthread_mutex_unlock(&l->lock);
	return wait;
}

unsigned auth_limiter_take(struct auth_limiter *l, const char *key, size_t len, int64_t now,
			   unsigned n)
{
	unsigned char h[16];
	unsigned wait = 0;
	key_hash(l, key, len, h);
	/* more than max at once never fits: the wait of the key's window (opened if need be) */
	if (shared_take(l, h, now, l->max, n > l->max ? 0 : n, &wait))
		return n > l->max && !wait ? l->window : wait;
	pthread_mutex_lock(&l->lock);
	struct slot *s = find(l, h, now, true);
	if (!s->start)
		s->start = now;
	if (n > l->max || s->count > l->max - n) {
		int64_t left = s->start + l->window - now;
		wait = left < 1 ? 1 : (unsigned)left;
	} else {
		s->count += n;
	}
	s->seen = now;
	pthread_mutex_unlock(&l->lock);
	return wait;
}

void auth_limiter_hit(struct auth_limiter *l, const char *key, size_t len, int64_t now)
{
	unsigned char h[16];
	unsigned wait;
	key_hash(l, key, len, h);
	if (shared_take(l, h, now, UINT_MAX, 1, &wait))
		return;
	pthread_mutex_lock(&l->lock);
	struct slot *s = find(l, h, now, true);
	if (!s->start)
		s->start = now;
	s->count++;
	s->seen = now;
	pthread_mutex_unlock(&l->lock);
}

void auth_limiter_reset(struct auth_limiter *l, const char *key, size_t len)
{
	unsigned char h[16];
	key_hash(l, key, len, h);
	if (l->sh && !l->sh->reset(l->sh->ctx, l->name, h))
		return;
	pthread_mutex_lock(&l->lock);
	struct slot *s = find(l, h, 0, false);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&l->lock);
}
