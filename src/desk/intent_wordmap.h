/*
 * intent_wordmap.h - a fixed-size multi-map from words and word prefixes to small values,
 * for the intent classifier's word classes and the first slot of its rules.
 *
 * Entries come from lists written "word|prefix*|word" (normalised spelling). A lookup hashes
 * the token once, byte by byte, probing the prefix lengths that some entry uses, so its cost
 * does not grow with the number of entries. Built once (the owner calls it under
 * pthread_once), then read-only and safe to share between threads. Not responsible for
 * normalising text (intent_feat.c) or for what the values mean.
 */
#ifndef ENT_DESK_INTENT_WORDMAP_H
#define ENT_DESK_INTENT_WORDMAP_H

#include <stddef.h>
#include <stdint.h>

struct intent_wordmap_slot {
	uint32_t hash; /* 0: empty */
	uint16_t value;
	uint8_t len;
	uint8_t is_prefix;
};

struct intent_wordmap {
	struct intent_wordmap_slot *slots; /* caller's storage, zeroed, n_slots a power of two */
	size_t n_slots;
	size_t n_used;
	uint64_t prefix_lens; /* bit L: some prefix entry has length L */
};

/*
 * Adds every alternative of list (up to its end, a space or a NUL) with value. Returns a pointer
 * just past the list, or NULL when the map would be more than half full or an entry is empty or
 * longer than 63 bytes.
 */
const char *intent_wordmap_add_list(struct intent_wordmap *m, const char *list, uint16_t value);

/* Calls fn(value, ctx) for every entry that matches token w (exactly, or as a prefix). */
void intent_wordmap_find(const struct intent_wordmap *m, const char *w, size_t wl,
                         void (*fn)(uint16_t value, void *ctx), void *ctx);

#endif
