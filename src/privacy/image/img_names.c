/*
 * img_names.c - what the picture sanitizer's callers need without decoding anything: the
 * format of a buffer from its magic bytes, the names used in reports, and freeing a result.
 * Kept apart from img_sanitize.c so that a program which only hands pictures to the worker
 * binary (`entraide serve`: see src/cli/cli_image_remote.c) links none of the codecs.
 */
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "entraide/image.h"

ENT_EXPORT enum ent_img_format ent_img_sniff(const uint8_t *in, size_t len)
{
	if (!in)
		return ENT_IMG_NONE;
	if (len >= 3 && in[0] == 0xFF && in[1] == 0xD8 && in[2] == 0xFF)
		return ENT_IMG_JPEG;
	if (len >= 8 && !memcmp(in, "\x89PNG\r\n\x1a\n", 8))
		return ENT_IMG_PNG;
	if (len >= 12 && !memcmp(in, "RIFF", 4) && !memcmp(in + 8, "WEBP", 4))
		return ENT_IMG_WEBP;
	if (len >= 12 && !memcmp(in + 4, "ftyp", 4)) {
		static const char brands[][5] = {"heic", "heix", "heim", "heis", "hevc",
						 "hevx", "mif1", "msf1", "avif"};
		for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++)
			if (!memcmp(in + 8, brands[i], 4))
				return ENT_IMG_HEIF;
	}
	return ENT_IMG_NONE;
}

ENT_EXPORT const char *ent_img_format_name(enum ent_img_format f)
{
	switch (f) {
	case ENT_IMG_JPEG: return "jpeg";
	case ENT_IMG_PNG: return "png";
	case ENT_IMG_WEBP: return "webp";
	case ENT_IMG_HEIF: return "heif";
	default: return "none";
	}
}

ENT_EXPORT const char *ent_img_removed_name(unsigned bit)
{
	static const char *names[] = {"exif", "gps", "makernote", "thumbnail", "xmp", "iptc",
				      "icc", "comment", "text", "time", "trailer", "orientation",
				      "other"};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		if (bit == 1u << i)
			return names[i];
	return "?";
}

ENT_EXPORT const char *ent_img_source_name(enum ent_img_source s)
{
	switch (s) {
	case ENT_IMG_SRC_MASK: return "mask";
	case ENT_IMG_SRC_HAAR_FRONTAL: return "haar-frontal";
	case ENT_IMG_SRC_HAAR_PROFILE: return "haar-profile";
	case ENT_IMG_SRC_LBP: return "lbp";
	case ENT_IMG_SRC_DLIB_HOG: return "dlib-hog";
	case ENT_IMG_SRC_BLAZEFACE: return "blazeface";
	}
	return "?";
}

ENT_EXPORT void ent_img_result_clear(struct ent_img_result *res)
{
	if (!res)
		return;
	free(res->data);
	free(res->regions);
	memset(res, 0, sizeof *res);
}
