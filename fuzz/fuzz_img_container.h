/*
 * fuzz_img_container.h - the body the per-container harnesses share (fuzz_img_jpeg.c,
 * fuzz_img_png.c, fuzz_img_webp.c): the bounded-cursor walk (img_<fmt>_scan), then, when it
 * passes, the decode under small limits. No encode and no faces, so the fuzzer spends its time
 * in the walk and the codec. Seeds: fuzz/corpus/img_<fmt>/ (valid files and the container
 * cases of tests/image/hostile/).
 */
#ifndef FUZZ_IMG_CONTAINER_H
#define FUZZ_IMG_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "privacy/image/img.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef enum ent_err (*fuzz_scan_fn)(struct img_ctx *, const uint8_t *, size_t);
typedef enum ent_err (*fuzz_decode_fn)(struct img_ctx *, const uint8_t *, size_t, struct img_px *);

static int fuzz_container(fuzz_scan_fn scan, fuzz_decode_fn decode, const uint8_t *data,
			  size_t size)
{
	struct ent_img_opts o = {.max_pixels = 1u << 20, .max_side = 2048, .time_budget_ms = 2000};
	struct img_ctx c;
	struct img_px px = {0};
	img_ctx_init(&c, &o);
	if (scan(&c, data, size) == ENT_OK) {
		img_ctx_clear(&c);
		img_ctx_init(&c, &o);
		if (decode(&c, data, size, &px) == ENT_OK && (!px.px || px.w <= 0 || px.h <= 0))
			__builtin_trap();
		img_px_free(&px);
	}
	img_ctx_clear(&c);
	return 0;
}

#endif
