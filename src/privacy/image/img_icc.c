/*
 * img_icc.c - colour: an embedded ICC profile is applied to the pixels (to sRGB) with lcms2,
 * then dropped, so the output needs no profile and looks the same. A profile that is
 * already sRGB (description says so and the primaries match) costs nothing; a profile
 * lcms2 cannot read is ignored (it is dropped all the same). CMYK JPEGs become RGB here.
 */
#include <lcms2.h>
#include <math.h>
#include <string.h>

#include "privacy/image/img.h"

/* sRGB primaries adapted to D50, as in the ICC sRGB profiles. */
static const double srgb_xyz[3][3] = {
	{0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}};

static int is_srgb(cmsHPROFILE h)
{
	char desc[128] = "";
	cmsGetProfileInfoASCII(h, cmsInfoDescription, "en", "US", desc, sizeof desc);
	if (!strstr(desc, "sRGB"))
		return 0;
	static const cmsTagSignature sig[3] = {cmsSigRedColorantTag, cmsSigGreenColorantTag,
					       cmsSigBlueColorantTag};
	for (int i = 0; i < 3; i++) {
		const cmsCIEXYZ *xyz = cmsReadTag(h, sig[i]);
		if (!xyz)
			return 0;
		if (fabs(xyz->X - srgb_xyz[i][0]) > 0.01 || fabs(xyz->Y - srgb_xyz[i][1]) > 0.01 ||
		    fabs(xyz->Z - srgb_xyz[i][2]) > 0.01)
			return 0;
	}
	return 1;
}

static enum ent_err transform(struct img_ctx *c, cmsHPROFILE src, cmsUInt32Number in_fmt,
			      const struct img_px *in, cmsUInt32Number out_fmt, struct img_px *out,
			      cmsUInt32Number flags)
{
	cmsHPROFILE srgb = cmsCreate_sRGBProfileTHR(NULL);
	if (!srgb)
		return img_fail(c, ENT_ENOMEM, "colour profile: out of memory");
	cmsHTRANSFORM t = cmsCreateTransformTHR(NULL, src, in_fmt, srgb, out_fmt,
						INTENT_PERCEPTUAL, flags);
	cmsCloseProfile(srgb);
	if (!t)
		return ENT_EFORMAT; /* unusable profile: caller falls back */
	for (int y = 0; y < in->h; y++) {
		cmsDoTransform(t, in->px + (size_t)y * in->stride, out->px + (size_t)y * out->stride,
			       (cmsUInt32Number)in->w);
		if ((y & 127) == 0 && img_check_time(c)) {
			cmsDeleteTransform(t);
			return ENT_ETIMEOUT;
		}
	}
	cmsDeleteTransform(t);
	return ENT_OK;
}

enum ent_err img_icc_to_srgb(struct img_ctx *c, struct img_px *p)
{
	if (!c->icc || c->icc_len < 132 || p->ch == 1)
		return ENT_OK; /* grey profiles: grey stays grey, close enough to sRGB's curve */
	cmsHPROFILE h = cmsOpenProfileFromMemTHR(NULL, c->icc, (cmsUInt32Number)c->icc_len);
	if (!h)
		return ENT_OK;
	enum ent_err err = ENT_OK;
	if (cmsGetColorSpace(h) == cmsSigRgbData && !is_srgb(h)) {
		cmsUInt32Number fmt = p->ch == 4 ? TYPE_RGBA_8 : TYPE_RGB_8;
		err = transform(c, h, fmt, p, fmt, p, p->ch == 4 ? cmsFLAGS_COPY_ALPHA : 0);
		if (err == ENT_EFORMAT)
			err = ENT_OK;
	}
	cmsCloseProfile(h);
	return err;
}

enum ent_err img_cmyk_to_rgb(struct img_ctx *c, const struct img_px *cmyk, int adobe,
			     struct img_px *rgb)
{
	enum ent_err err = img_px_alloc(c, rgb, cmyk->w, cmyk->h, 3);
	if (err)
		return err;
	if (c->icc && c->icc_len >= 132) {
		cmsHPROFILE h = cmsOpenProfileFromMemTHR(NULL, c->icc, (cmsUInt32Number)c->icc_len);
		if (h && cmsGetColorSpace(h) == cmsSigCmykData) {
			/* Adobe applications write CMYK JPEGs inverted (0 = full ink). */
			err = transform(c, h, adobe ? TYPE_CMYK_8_REV : TYPE_CMYK_8, cmyk, TYPE_RGB_8,
					rgb, 0);
			cmsCloseProfile(h);
			if (err != ENT_EFORMAT) {
				if (err)
					img_px_free(rgb);
				return err;
			}
		} else if (h) {
			cmsCloseProfile(h);
		}
	}
	for (int y = 0; y < cmyk->h; y++) {
		const uint8_t *s = cmyk->px + (size_t)y * cmyk->stride;
		uint8_t *d = rgb->px + (size_t)y * rgb->stride;
		for (int x = 0; x < cmyk->w; x++, s += 4, d += 3) {
			unsigned k = adobe ? s[3] : 255u - s[3];
			for (int i = 0; i < 3; i++) {
				unsigned v = adobe ? s[i] : 255u - s[i];
				d[i] = (uint8_t)((v * k + 127) / 255);
			}
		}
	}
	return ENT_OK;
}
