/*
 * fuzz_image_decode.c - libFuzzer harness over the photo sanitizer's decode path: the
 * buffer entry point with faces kept (no models needed), small limits so the fuzzer
 * spends its time in the parsers rather than in big allocations, and every output format.
 */
#include <stddef.h>
#include <stdint.h>

#include "entraide/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ent_img_opts o = {
		.faces_mode = ENT_IMG_FACES_KEEP,
		.max_pixels = 4u * 1000u * 1000u,
		.max_side = 4096,
		.time_budget_ms = 5000,
	};
	struct ent_img_rect mask = {1, 1, 3, 3};
	struct ent_img_result r = {0};
	/* The last byte picks the output format, so encoders see decoded pixels too. */
	if (size > 0) {
		o.out_format = (enum ent_img_format)(data[size - 1] % 4);
		o.masks = &mask;
		o.n_masks = data[size - 1] & 0x10 ? 1 : 0;
	}
	if (ent_img_sanitize(data, size, &o, &r) == ENT_OK && (!r.data || r.len == 0))
		__builtin_trap();
	ent_img_result_clear(&r);
	return 0;
}
