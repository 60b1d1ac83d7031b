/*
 * img_scale.cc - scaling a decoded picture down to the output cap (PRIV-IMG-05), for the
 * formats whose decoders cannot scale while decoding (PNG, WebP, HEIF; JPEG uses its DCT
 * scaling in img_jpeg.c). C++ only for OpenCV's area-average resize.
 */
#include <algorithm>
#include <cmath>
#include <new>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

extern "C" {
#include "privacy/image/img.h"
}

extern "C" enum ent_err img_px_shrink(struct img_ctx *c, const struct img_px *p, uint64_t max_pixels,
				      struct img_px *out)
{
	double k = std::sqrt((double)max_pixels / ((double)p->w * (double)p->h));
	int w = std::max(1, (int)(p->w * k)), h = std::max(1, (int)(p->h * k));
	enum ent_err err = img_px_alloc(c, out, w, h, p->ch);
	if (err)
		return err;
	try {
		int type = CV_8UC(p->ch);
		cv::Mat src(p->h, p->w, type, p->px, p->stride), dst(h, w, type, out->px, out->stride);
		cv::resize(src, dst, dst.size(), 0, 0, cv::INTER_AREA);
		return ENT_OK;
	} catch (const std::bad_alloc &) {
		img_px_free(out);
		return img_fail(c, ENT_ENOMEM, "out of memory while scaling");
	} catch (...) {
		img_px_free(out);
		return img_fail(c, ENT_EINTERNAL, "scaling failed");
	}
}
