/*
 * img_faces.cc - face detection glue (C++ only because OpenCV and dlib are C++), behind the
 * C functions declared in include/entraide/image.h and img.h.
 *
 * Detectors come from Debian packages and are read at run time: opencv-data's Haar and LBP
 * cascades under /usr/share/opencv4, and dlib's HOG frontal face detector (built into
 * libdlib, no model file). Which of them run by default was chosen by measurement
 * (bench/image/README.md): see img_faces_default(). Every detection is enlarged to cover
 * from the hairline to the chin and the ears: a bigger solid box is better than a leak.
 * Not responsible for drawing: img_orient.c fills the boxes.
 */
#include <algorithm>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

extern "C" {
#include "core/export.h"
#include "privacy/image/img.h"

/* $(BUILD)/gen/img_face_model.c, made by tools/gen_face_model.cc from the installed libdlib */
extern const unsigned char img_face_model[];
extern const size_t img_face_model_len;
}

#define CASCADES "/usr/share/opencv4/"

namespace {

struct cascade_def {
	unsigned bit;
	const char *path;
	enum ent_img_source src;
	int min_neighbors;
	bool mirror;
};

const cascade_def cascade_defs[] = {
	{IMG_DET_HAAR_DEFAULT, CASCADES "haarcascades/haarcascade_frontalface_default.xml",
	 ENT_IMG_SRC_HAAR_FRONTAL, 6, false},
	{IMG_DET_HAAR_ALT, CASCADES "haarcascades/haarcascade_frontalface_alt.xml",
	 ENT_IMG_SRC_HAAR_FRONTAL, 4, false},
	{IMG_DET_HAAR_ALT2, CASCADES "haarcascades/haarcascade_frontalface_alt2.xml",
	 ENT_IMG_SRC_HAAR_FRONTAL, 4, false},
	{IMG_DET_HAAR_PROFILE, CASCADES "haarcascades/haarcascade_profileface.xml",
	 ENT_IMG_SRC_HAAR_PROFILE, 5, true},
	{IMG_DET_LBP, CASCADES "lbpcascades/lbpcascade_frontalface.xml", ENT_IMG_SRC_LBP, 4, false},
	{IMG_DET_LBP_IMPROVED, CASCADES "lbpcascades/lbpcascade_frontalface_improved.xml",
	 ENT_IMG_SRC_LBP, 4, false},
	{IMG_DET_LBP_PROFILE, CASCADES "lbpcascades/lbpcascade_profileface.xml", ENT_IMG_SRC_LBP, 4,
	 true},
};

/* Detection runs on a copy no longer than this on its longest side. */
const int DETECT_SIDE = 1024;

} // namespace

struct ent_img_faces {
	unsigned set = 0;
	std::vector<std::pair<const cascade_def *, cv::CascadeClassifier>> cascades;
	dlib::frontal_face_detector hog;
	std::mutex mu;
};

extern "C" unsigned img_faces_default(void)
{
	/* Measured (bench/image/README.md): dlib's HOG finds every face of the test pictures
	 * with no false cover; the improved LBP cascade is a cheap second opinion that adds
	 * no false cover either. The Haar cascades add false covers (and the profile one
	 * 0.5 s a picture) for no face that dlib missed. */
	return IMG_DET_DLIB | IMG_DET_LBP_IMPROVED;
}

extern "C" enum ent_err img_faces_new_set(struct ent_img_faces **out, unsigned set, const char **why)
{
	*out = nullptr;
	if (why)
		*why = nullptr;
	try {
		auto *f = new ent_img_faces;
		f->set = set;
		for (const auto &d : cascade_defs) {
			if (!(set & d.bit))
				continue;
			cv::CascadeClassifier cc;
			if (!cc.load(d.path)) {
				if (why)
					*why = d.path;
				delete f;
				return ENT_ENOTFOUND;
			}
			f->cascades.emplace_back(&d, std::move(cc));
		}
		if (set & IMG_DET_DLIB) {
			/* The plain serialised model loads in ~2 ms; dlib's own built-in copy is
			 * decompressed on every call (~2 s), so it is only the fallback. */
			try {
				std::istringstream is(std::string((const char *)img_face_model,
								  img_face_model_len));
				dlib::deserialize(f->hog, is);
			} catch (const dlib::serialization_error &) {
				f->hog = dlib::get_frontal_face_detector();
			}
		}
		*out = f;
		return ENT_OK;
	} catch (const std::bad_alloc &) {
		return ENT_ENOMEM;
	} catch (...) {
		if (why)
			*why = "face detector models could not be loaded";
		return ENT_ENOTFOUND;
	}
}

extern "C" ENT_EXPORT enum ent_err ent_img_faces_new(struct ent_img_faces **out, const char **why)
{
	return img_faces_new_set(out, img_faces_default(), why);
}

extern "C" ENT_EXPORT void ent_img_faces_free(struct ent_img_faces *f)
{
	delete f;
}

extern "C" void img_faces_enlarge(struct ent_img_rect *r, enum ent_img_source src, int w, int h)
{
	/* Grow each box to the hairline, past the chin and out to the ears. Ratios measured
	 * against hand-drawn hairline-to-chin boxes (../shared/data/faces): dlib's box is
	 * about the face but starts at the brows; the LBP box is a smaller, centred square;
	 * Haar boxes are a little larger. Each stays inside the face grown by 50%. */
	double side = 0.2, top = 0.35, bottom = 0.2;
	if (src == ENT_IMG_SRC_LBP) {
		side = 0.3;
		top = 0.45;
		bottom = 0.3;
	} else if (src == ENT_IMG_SRC_HAAR_FRONTAL || src == ENT_IMG_SRC_HAAR_PROFILE) {
		side = 0.15;
		top = 0.3;
		bottom = 0.15;
	}
	double x0 = r->x - side * r->w, x1 = r->x + r->w * (1 + side);
	double y0 = r->y - top * r->h, y1 = r->y + r->h * (1 + bottom);
	x0 = std::max(0.0, x0);
	y0 = std::max(0.0, y0);
	x1 = std::min((double)w, x1);
	y1 = std::min((double)h, y1);
	r->x = (int)x0;
	r->y = (int)y0;
	r->w = std::max(0, (int)(x1 + 0.999) - r->x);
	r->h = std::max(0, (int)(y1 + 0.999) - r->y);
}

static void add(std::vector<ent_img_region> &v, const cv::Rect &rc, double inv, enum ent_img_source s)
{
	ent_img_region r;
	r.rect.x = (int)(rc.x * inv);
	r.rect.y = (int)(rc.y * inv);
	r.rect.w = (int)(rc.width * inv + 0.999);
	r.rect.h = (int)(rc.height * inv + 0.999);
	r.source = s;
	v.push_back(r);
}

static std::vector<ent_img_region> detect(ent_img_faces *f, unsigned set, const uint8_t *px, int w,
					  int h, int ch, size_t stride)
{
	std::vector<ent_img_region> found;
	int type = ch == 1 ? CV_8UC1 : ch == 3 ? CV_8UC3 : CV_8UC4;
	cv::Mat src(h, w, type, const_cast<uint8_t *>(px), stride), grey;
	if (ch == 1)
		grey = src;
	else
		cv::cvtColor(src, grey, ch == 3 ? cv::COLOR_RGB2GRAY : cv::COLOR_RGBA2GRAY);
	double scale = 1.0;
	if (std::max(w, h) > DETECT_SIDE) {
		scale = (double)DETECT_SIDE / std::max(w, h);
		cv::Mat small;
		cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
		grey = small;
	}
	double inv = 1.0 / scale;
	cv::Mat eq, flipped;
	cv::equalizeHist(grey, eq);
	int min_side = std::max(20, std::min(eq.cols, eq.rows) / 40);
	for (auto &c : f->cascades) {
		if (!(set & c.first->bit))
			continue;
		std::vector<cv::Rect> rs;
		c.second.detectMultiScale(eq, rs, 1.1, c.first->min_neighbors, 0,
					  cv::Size(min_side, min_side));
		for (auto &r : rs)
			add(found, r, inv, c.first->src);
		if (c.first->mirror) {
			if (flipped.empty())
				cv::flip(eq, flipped, 1);
			rs.clear();
			c.second.detectMultiScale(flipped, rs, 1.1, c.first->min_neighbors, 0,
						  cv::Size(min_side, min_side));
			for (auto &r : rs)
				add(found, cv::Rect(eq.cols - r.x - r.width, r.y, r.width, r.height), inv,
				    c.first->src);
		}
	}
	if (set & f->set & IMG_DET_DLIB) {
		dlib::cv_image<unsigned char> img(grey);
		/* dlib's HOG window is 80 px: look at small pictures twice as large. */
		double up = std::max(grey.cols, grey.rows) < 640 ? 2.0 : 1.0;
		std::vector<dlib::rectangle> dets;
		if (up > 1.0) {
			dlib::array2d<unsigned char> big;
			dlib::assign_image(big, img);
			dlib::pyramid_up(big);
			dets = f->hog(big);
		} else {
			dets = f->hog(img);
		}
		for (auto &d : dets) {
			cv::Rect r((int)(d.left() / up), (int)(d.top() / up), (int)(d.width() / up),
				   (int)(d.height() / up));
			add(found, r, inv, ENT_IMG_SRC_DLIB_HOG);
		}
	}
	return found;
}

extern "C" enum ent_err img_faces_detect_raw(struct ent_img_faces *f, unsigned set, const uint8_t *px,
					     int w, int h, int channels, size_t stride,
					     struct ent_img_region *out, size_t cap, size_t *n)
{
	*n = 0;
	if (!f || !px || w <= 0 || h <= 0 || (channels != 1 && channels != 3 && channels != 4) ||
	    stride < (size_t)w * channels)
		return ENT_EINVAL;
	try {
		std::lock_guard<std::mutex> lock(f->mu);
		auto found = detect(f, set, px, w, h, channels, stride);
		for (auto &r : found) {
			if (*n >= cap)
				break;
			out[(*n)++] = r;
		}
		return ENT_OK;
	} catch (const std::bad_alloc &) {
		return ENT_ENOMEM;
	} catch (...) {
		return ENT_EINTERNAL;
	}
}

static bool overlaps(const ent_img_rect &a, const ent_img_rect &b)
{
	int ix = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
	int iy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
	if (ix <= 0 || iy <= 0)
		return false;
	long inter = (long)ix * iy;
	long small = std::min((long)a.w * a.h, (long)b.w * b.h);
	return inter * 2 > small; /* the same face seen by two detectors */
}

extern "C" ENT_EXPORT enum ent_err ent_img_faces_detect(struct ent_img_faces *f, const uint8_t *px,
							int w, int h, int channels, size_t stride,
							struct ent_img_region *out, size_t cap,
							size_t *n)
{
	if (!n)
		return ENT_EINVAL;
	*n = 0;
	if (!f)
		return ENT_EINVAL;
	try {
		std::vector<ent_img_region> raw(256);
		size_t k = 0;
		enum ent_err err = img_faces_detect_raw(f, f->set, px, w, h, channels, stride, raw.data(),
							raw.size(), &k);
		if (err)
			return err;
		raw.resize(k);
		for (auto &r : raw)
			img_faces_enlarge(&r.rect, r.source, w, h);
		/* Merge boxes of one face into their union. */
		std::vector<ent_img_region> merged;
		for (auto &r : raw) {
			bool done = false;
			for (auto &m : merged) {
				if (!overlaps(m.rect, r.rect))
					continue;
				int x0 = std::min(m.rect.x, r.rect.x), y0 = std::min(m.rect.y, r.rect.y);
				int x1 = std::max(m.rect.x + m.rect.w, r.rect.x + r.rect.w);
				int y1 = std::max(m.rect.y + m.rect.h, r.rect.y + r.rect.h);
				m.rect = {x0, y0, x1 - x0, y1 - y0};
				done = true;
				break;
			}
			if (!done)
				merged.push_back(r);
		}
		for (auto &m : merged) {
			if (*n >= cap)
				break;
			out[(*n)++] = m;
		}
		return ENT_OK;
	} catch (const std::bad_alloc &) {
		return ENT_ENOMEM;
	} catch (...) {
		return ENT_EINTERNAL;
	}
}
