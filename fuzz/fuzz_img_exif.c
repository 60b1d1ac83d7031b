/*
 * fuzz_img_exif.c - libFuzzer harness over the EXIF (TIFF IFD) walk: the block as it comes,
 * and as img_exif_note sees it after an "Exif\0\0" prefix. Every offset in it goes through
 * the bounded cursor; a read outside the block is an ASan report. Seeds: fuzz/corpus/img_exif/.
 */
#include <stddef.h>
#include <stdint.h>

#include "privacy/image/img.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct img_exif_info info;
	struct ent_img_opts o = {0};
	struct img_ctx c;
	if (img_exif_parse(data, size, &info) == ENT_OK &&
	    (info.orientation < 1 || info.orientation > 8 || info.n_entries > 4096))
		__builtin_trap();
	img_ctx_init(&c, &o);
	img_exif_note(&c, data, size, 1);
	if (!(c.removed & ENT_IMG_RM_EXIF))
		__builtin_trap();
	img_ctx_clear(&c);
	return 0;
}
