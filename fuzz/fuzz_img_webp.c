/* fuzz_img_webp.c - libFuzzer harness over the webp container walk and its decoder (see
 * fuzz_img_container.h). */
#include "fuzz_img_container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_container(img_webp_scan, img_webp_decode, data, size);
}
