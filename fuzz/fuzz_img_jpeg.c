/* fuzz_img_jpeg.c - libFuzzer harness over the jpeg container walk and its decoder (see
 * fuzz_img_container.h). */
#include "fuzz_img_container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_container(img_jpeg_scan, img_jpeg_decode, data, size);
}
