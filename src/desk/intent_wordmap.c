/* intent_wordmap.c - words and prefixes to values, by open addressing over FNV-1a hashes. */
#include "desk/intent_wordmap.h"

static uint32_t step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

static int add(struct intent_wordmap *m, const char *s, size_t n, int is_prefix, uint16_t value)
{
	uint32_t h = 2166136261u;
	if (n == 0 || n > 63 || 2 * (m->n_used + 1) > m->n_slots)
		return 0;
	for (size_t i = 0; i < n; i++)
		h = step(h, (unsigned char)s[i]);
	h |= 1u;
	size_t k = h & (m->n_slots - 1);
	while (m->slots[k].hash)
		k = (k + 1) & (m->n_slots - 1);
	m->slots[k] = (struct intent_wordmap_slot){
		.hash = h, .value = value, .len = (uint8_t)n, .is_prefix = (uint8_t)is_prefix};
	m->n_used++;
	if (is_prefix)
		m->prefix_lens |= 1ull << n;
	return 1;
}

const char *intent_wordmap_add_list(struct intent_wordmap *m, const char *list, uint16_t value)
{
	const char *s = list;
	for (;;) {
		const char *e = s;
		while (*e && *e != '|' && *e != ' ')
			e++;
		int pre = e > s && e[-1] == '*';
		if (!add(m, s, (size_t)(e - s) - (size_t)pre, pre, value))
			return NULL;
		if (*e != '|')
			return e;
		s = e + 1;
	}
}

static void probe(const struct intent_wordmap *m, uint32_t h, size_t n, int is_prefix,
                  void (*fn)(uint16_t value, void *ctx), void *ctx)
{
	h |= 1u;
	for (size_t k = h & (m->n_slots - 1); m->slots[k].hash; k = (k + 1) & (m->n_slots - 1)) {
		const struct intent_wordmap_slot *sl = &m->slots[k];
		if (sl->hash == h && sl->len == n && sl->is_prefix == is_prefix)
			fn(sl->value, ctx);
	}
}

void intent_wordmap_find(const struct intent_wordmap *m, const char *w, size_t wl,
                         void (*fn)(uint16_t value, void *ctx), void *ctx)
{
	uint32_t h = 2166136261u;
	if (wl == 0 || wl > 63)
		return;
	for (size_t i = 0; i < wl; i++) {
		h = step(h, (unsigned char)w[i]);
		if ((m->prefix_lens >> (i + 1)) & 1)
			probe(m, h, i + 1, 1, fn, ctx);
	}
	probe(m, h, wl, 0, fn, ctx);
}
