/*
 * img_heif.c - HEIC/HEIF with libheif: the primary image only, decoded with its irot/imir
 * transformations applied (in HEIF those boxes, not the EXIF tag, say how to turn the
 * picture), after the ispe size has been checked. Exif/XMP items, thumbnails, depth maps
 * and auxiliary images are reported and left behind; the output is never HEIF.
 */
#include <stdlib.h>
#include <string.h>

#include <libheif/heif.h>

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

static void note_metadata(struct img_ctx *c, const struct heif_image_handle *h)
{
	heif_item_id ids[32];
	int n = heif_image_handle_get_list_of_metadata_block_IDs(h, NULL, ids, 32);
	for (int i = 0; i < n; i++) {
		const char *type = heif_image_handle_get_metadata_type(h, ids[i]);
		const char *ct = heif_image_handle_get_metadata_content_type(h, ids[i]);
		size_t sz = heif_image_handle_get_metadata_size(h, ids[i]);
		if (type && !strcmp(type, "Exif")) {
			c->removed |= ENT_IMG_RM_EXIF;
			if (sz > 4 && sz <= 4u * 1024 * 1024) {
				uint8_t *b = malloc(sz);
				if (b && !heif_image_handle_get_metadata(h, ids[i], b).code) {
					/* 4-byte offset to the TIFF header, then the block */
					struct img_cur cur;
					uint32_t off;
					img_cur_init(&cur, b, sz);
					if (img_cur_u32(&cur, 1, &off) && img_cur_skip(&cur, off))
						img_exif_note(c, cur.p + cur.pos, img_cur_left(&cur), 0);
				}
				free(b);
			}
		} else if (ct && (strstr(ct, "xmp") || strstr(ct, "rdf+xml"))) {
			c->removed |= ENT_IMG_RM_XMP;
		} else {
			c->removed |= ENT_IMG_RM_OTHER;
		}
	}
	if (heif_image_handle_get_number_of_thumbnails(h) > 0)
		c->removed |= ENT_IMG_RM_THUMBNAIL;
	if (heif_image_handle_get_number_of_depth_images(h) > 0 ||
	    heif_image_handle_get_number_of_auxiliary_images(h, 0) > 0)
		c->removed |= ENT_IMG_RM_OTHER;
}

enum ent_err img_heif_decode(struct img_ctx *c, const uint8_t *in, size_t len, struct img_px *out)
{
	enum ent_err err = ENT_OK;
	struct heif_image_handle *h = NULL;
	struct heif_image *img = NULL;
	struct heif_context *ctx = heif_context_alloc();
	if (!ctx)
		return img_fail(c, ENT_ENOMEM, "out of memory");
	heif_context_set_maximum_image_size_limit(ctx, (int)c->max_side);
	struct heif_error he = heif_context_read_from_memory_without_copy(ctx, in, len, NULL);
	if (he.code) {
		err = img_fail(c, he.code == heif_error_Memory_allocation_error ? ENT_ETOOBIG : ENT_EFORMAT,
			       "HEIF container is corrupt or not supported");
		goto out;
	}
	he = heif_context_get_primary_image_handle(ctx, &h);
	if (he.code) {
		err = img_fail(c, ENT_EFORMAT, "HEIF has no primary image");
		goto out;
	}
	int iw = heif_image_handle_get_ispe_width(h), ih = heif_image_handle_get_ispe_height(h);
	if (iw <= 0 || ih <= 0) {
		err = img_fail(c, ENT_EFORMAT, "HEIF image has no size");
		goto out;
	}
	err = img_check_dims(c, (uint64_t)iw, (uint64_t)ih);
	if (err)
		goto out;
	note_metadata(c, h);
	if (heif_image_handle_get_color_profile_type(h) == heif_color_profile_type_prof ||
	    heif_image_handle_get_color_profile_type(h) == heif_color_profile_type_rICC) {
		size_t n = heif_image_handle_get_raw_color_profile_size(h);
		c->removed |= ENT_IMG_RM_ICC;
		if (n >= 132 && n <= 4u * 1024 * 1024 && (c->icc_owned = malloc(n))) {
			if (!heif_image_handle_get_raw_color_profile(h, c->icc_owned).code) {
				c->icc = c->icc_owned;
				c->icc_len = n;
			}
		}
	}
	int alpha = heif_image_handle_has_alpha_channel(h);
	he = heif_decode_image(h, &img, heif_colorspace_RGB,
			       alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, NULL);
	if (he.code || !img) {
		err = img_fail(c, ENT_EFORMAT, "HEIF image data is corrupt or not supported");
		goto out;
	}
	int w = heif_image_get_width(img, heif_channel_interleaved);
	int hh = heif_image_get_height(img, heif_channel_interleaved);
	int stride = 0;
	const uint8_t *src = heif_image_get_plane_readonly(img, heif_channel_interleaved, &stride);
	if (!src || w <= 0 || hh <= 0 || stride < w * (alpha ? 4 : 3)) {
		err = img_fail(c, ENT_EFORMAT, "HEIF decoder returned no pixels");
		goto out;
	}
	err = img_check_dims(c, (uint64_t)w, (uint64_t)hh);
	if (err)
		goto out;
	err = img_px_alloc(c, out, w, hh, alpha ? 4 : 3);
	if (err)
		goto out;
	for (int y = 0; y < hh; y++)
		memcpy(out->px + (size_t)y * out->stride, src + (size_t)y * stride, out->stride);
out:
	heif_image_release(img);
	heif_image_handle_release(h);
	heif_context_free(ctx);
	return err;
}
