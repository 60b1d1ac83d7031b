/*
 * fuzz_pro_input.c - what the professional network parses from the outside before storing
 * anything: an RPPS number (pro_rpps_check) and the masks drawn on a photo's preview
 * (media_masks_parse). The first byte picks the target. Checks what must always hold: a valid
 * RPPS is 11 digits, parsed masks are inside the cap with positive sizes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "media/media.h"
#include "pro/pro.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 64 * 1024)
		return 0;
	size_t n = size - 1;
	char *s = malloc(n + 1);
	if (!s)
		return 0;
	memcpy(s, data + 1, n);
	s[n] = '\0';
	if (data[0] % 2 == 0) {
		const char *reason;
		if (pro_rpps_check(s, n, &reason) == ENT_OK) {
			if (n != PRO_RPPS_DIGITS || reason)
				abort();
			for (size_t i = 0; i < n; i++)
				if (s[i] < '0' || s[i] > '9')
					abort();
		} else if (!reason) {
			abort();
		}
	} else {
		struct ent_img_rect r[MEDIA_MASKS_MAX];
		size_t k = 0;
		if (media_masks_parse(s, r, MEDIA_MASKS_MAX, &k) == ENT_OK) {
			if (k > MEDIA_MASKS_MAX)
				abort();
			for (size_t i = 0; i < k; i++)
				if (r[i].w <= 0 || r[i].h <= 0 || r[i].x < 0 || r[i].y < 0)
					abort();
		}
	}
	free(s);
	return 0;
}
