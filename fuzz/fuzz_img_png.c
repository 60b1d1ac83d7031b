/* fuzz_img_png.c - libFuzzer harness over the png container walk and its decoder (see
 * fuzz_img_container.h). */
#include "fuzz_img_container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_container(img_png_scan, img_png_decode, data, size);
}
