/*
 * faces_set.cc OUTDIR - builds the face evaluation set at test time from pictures shipped in
 * Debian packages (libdlib19.1's examples; nothing third-party is stored in the repository),
 * and writes OUTDIR/manifest.tsv: file, kind, width, height, then the faces as
 * "x,y,w,h;x,y,w,h" (empty for pictures without a face).
 *
 * Faces come from dlib's annotated examples/faces pictures (dlib's own boxes), its 55 tight
 * portraits examples/johns (face = most of the crop), and examples/faces/bald_guys.jpg, a
 * collage of 24 faces with varied skin tones, a phone against a mouth and a three-quarter
 * profile (boxes where dlib's HOG and BlazeFace agreed, each checked by eye). From them:
 *   plain      the pictures themselves;
 *   small      faces 22-45 px high pasted (soft oval edge) into 1024x768 street scenes, and
 *              50-100 px into a 2400x1800 one;
 *   occluded   faces 110-180 px high with a hand (skin-toned ellipse), a phone (dark
 *              rectangle over one side) or a surgical mask (light blue, nose to chin);
 *   dark       dlib pictures at a quarter of the light, with sensor noise;
 *   tilt       faces turned 15-30 degrees in the image plane;
 *   group      3x4 and 4x4 grids of faces 60-90 px high, jittered;
 * and pictures without a face: crops and resizes of dlib's car and dog pictures (the
 * evaluation script adds ImageMagick's built-in pictures and plasma fractals).
 * Deterministic: one fixed seed.
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

const std::string DL = "/usr/share/doc/libdlib19.1/examples/";

struct picture {
	std::string path;
	std::vector<cv::Rect> faces;
};

/* A face to paste: the picture, the crop around the face, the face box inside the crop. */
struct source {
	cv::Mat crop;
	cv::Rect face;
};

std::mt19937 rng(20261204);

int uni(int a, int b)
{
	return std::uniform_int_distribution<int>(a, b)(rng);
}

std::vector<picture> dlib_annotated()
{
	std::vector<picture> v;
	for (const char *x : {"training.xml", "testing.xml"}) {
		std::ifstream in(DL + "faces/" + x);
		std::string line;
		std::regex img("<image file='([^']+)'"),
			box("<box top='(-?\\d+)' left='(-?\\d+)' width='(\\d+)' height='(\\d+)'");
		std::smatch m;
		while (std::getline(in, line)) {
			if (std::regex_search(line, m, img))
				v.push_back({DL + "faces/" + m[1].str(), {}});
			else if (!v.empty() && std::regex_search(line, m, box) &&
				 line.find("ignore='1'") == std::string::npos)
				v.back().faces.push_back(cv::Rect(std::stoi(m[2]), std::stoi(m[1]),
								  std::stoi(m[3]), std::stoi(m[4])));
		}
	}
	return v;
}

/* bald_guys.jpg (1986x1545): 24 faces. */
picture bald_guys()
{
	static const int b[][4] = {
		{1444, 1345, 134, 134}, {316, 455, 146, 146},  {550, 432, 193, 193},
		{46, 998, 148, 148},    {58, 75, 177, 177},    {1821, 436, 117, 117},
		{60, 1293, 198, 198},   {1115, 1078, 146, 146}, {1640, 700, 110, 110},
		{766, 822, 185, 185},   {1053, 756, 194, 194}, {60, 702, 165, 165},
		{1076, 1305, 185, 185}, {548, 98, 196, 196},   {329, 246, 115, 115},
		{52, 385, 175, 175},    {360, 808, 258, 258},  {754, 1243, 189, 189},
		{333, 56, 119, 119},    {868, 401, 187, 187},  {1450, 110, 300, 300},
		{859, 100, 179, 179},   {1792, 1310, 160, 160}, {333, 1217, 253, 253},
	};
	picture p{DL + "faces/bald_guys.jpg", {}};
	for (auto &r : b)
		p.faces.push_back(cv::Rect(r[0], r[1], r[2], r[3]));
	return p;
}

std::vector<source> sources(const std::vector<picture> &pics)
{
	std::vector<source> v;
	std::vector<cv::String> johns;
	cv::glob(DL + "johns/*.jpg", johns, true);
	std::sort(johns.begin(), johns.end());
	for (auto &j : johns) {
		cv::Mat m = cv::imread(j);
		if (!m.empty())
			v.push_back({m, cv::Rect(8, 4, m.cols - 16, m.rows - 8)});
	}
	for (auto &p : pics) {
		cv::Mat m = cv::imread(p.path);
		for (auto &f : p.faces) {
			if (f.height < 60)
				continue;
			int gx = f.width * 3 / 10, gy = f.height * 3 / 10;
			cv::Rect c(f.x - gx, f.y - gy, f.width + 2 * gx, f.height + 2 * gy);
			c &= cv::Rect(0, 0, m.cols, m.rows);
			v.push_back({m(c).clone(), cv::Rect(f.x - c.x, f.y - c.y, f.width, f.height)});
		}
	}
	return v;
}

/* Pastes s scaled so the face is fh px high with its top-left at (x, y) of the face box,
 * inside a soft oval touching the crop's sides (its corners fade into the scene). Returns
 * the face box. */
cv::Rect paste(cv::Mat &scene, const source &s, int fh, int x, int y, double angle = 0)
{
	double k = (double)fh / s.face.height;
	cv::Mat c;
	cv::resize(s.crop, c, cv::Size(), k, k, k < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
	cv::Mat mask(c.size(), CV_32F, cv::Scalar(0));
	cv::ellipse(mask, cv::Point(c.cols / 2, c.rows / 2), cv::Size(c.cols / 2, c.rows / 2), 0,
		    0, 360, cv::Scalar(1), -1);
	int blur = std::max(3, (c.cols / 10) | 1);
	cv::GaussianBlur(mask, mask, cv::Size(blur, blur), 0);
	cv::Rect face((int)(s.face.x * k), (int)(s.face.y * k), (int)(s.face.width * k), (int)(s.face.height * k));
	if (angle != 0) {
		cv::Point2f ctr(face.x + face.width / 2.0f, face.y + face.height / 2.0f);
		cv::Mat rot = cv::getRotationMatrix2D(ctr, angle, 1.0);
		cv::warpAffine(c, c, rot, c.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
		cv::warpAffine(mask, mask, rot, mask.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
	}
	int ox = x - face.x, oy = y - face.y;
	for (int r = 0; r < c.rows; r++) {
		int sy = oy + r;
		if (sy < 0 || sy >= scene.rows)
			continue;
		for (int q = 0; q < c.cols; q++) {
			int sx = ox + q;
			if (sx < 0 || sx >= scene.cols)
				continue;
			float a = mask.at<float>(r, q);
			cv::Vec3b &d = scene.at<cv::Vec3b>(sy, sx);
			const cv::Vec3b &p = c.at<cv::Vec3b>(r, q);
			for (int ch = 0; ch < 3; ch++)
				d[ch] = cv::saturate_cast<uchar>(a * p[ch] + (1 - a) * d[ch]);
		}
	}
	cv::Rect out(x, y, face.width, face.height);
	if (angle != 0) { /* the turned face's bounding box */
		double ra = std::abs(angle) * CV_PI / 180;
		int w = (int)(face.width * std::cos(ra) + face.height * std::sin(ra));
		int h = (int)(face.width * std::sin(ra) + face.height * std::cos(ra));
		out = cv::Rect(x + face.width / 2 - w / 2, y + face.height / 2 - h / 2, w, h);
	}
	return out & cv::Rect(0, 0, scene.cols, scene.rows);
}

cv::Mat background(const std::vector<cv::Mat> &bgs, int w, int h)
{
	const cv::Mat &b = bgs[uni(0, (int)bgs.size() - 1)];
	/* a random crop of the right aspect, then resized */
	double ar = (double)w / h;
	int cw = b.cols, ch = (int)(cw / ar);
	if (ch > b.rows) {
		ch = b.rows;
		cw = (int)(ch * ar);
	}
	cw = std::max(16, cw * uni(60, 100) / 100);
	ch = std::max(16, (int)(cw / ar));
	cv::Rect r(uni(0, b.cols - cw), uni(0, b.rows - ch), cw, ch);
	cv::Mat out;
	cv::resize(b(r), out, cv::Size(w, h), 0, 0, cv::INTER_LINEAR);
	return out;
}

/* Places n boxes of height fh(i) without overlap (gives up on a box after 200 tries). */
template <class F> std::vector<cv::Rect> place(int w, int h, int n, F fh)
{
	std::vector<cv::Rect> v;
	for (int i = 0; i < n; i++) {
		int s = fh(i);
		for (int t = 0; t < 200; t++) {
			cv::Rect r(uni(4, w - s - 4), uni(4, h - s * 5 / 4 - 4), s, s * 5 / 4);
			cv::Rect grown(r.x - s / 2, r.y - s / 2, r.width + s, r.height + s);
			bool clash = false;
			for (auto &o : v)
				clash = clash || (grown & o).area() > 0;
			if (!clash) {
				v.push_back(r);
				break;
			}
		}
	}
	return v;
}

struct writer {
	std::string dir;
	std::ofstream tsv;
	void put(const std::string &name, const std::string &kind, const cv::Mat &img,
		 const std::vector<cv::Rect> &faces)
	{
		std::vector<int> q = {cv::IMWRITE_JPEG_QUALITY, 92};
		cv::imwrite(dir + "/" + name, img, q);
		tsv << name << '\t' << kind << '\t' << img.cols << '\t' << img.rows << '\t';
		for (size_t i = 0; i < faces.size(); i++)
			tsv << (i ? ";" : "") << faces[i].x << ',' << faces[i].y << ',' << faces[i].width << ','
			    << faces[i].height;
		tsv << '\n';
	}
};

} // namespace

int main(int argc, char **argv)
{
	if (argc != 2) {
		std::fprintf(stderr, "usage: faces_set OUTDIR\n");
		return 2;
	}
	std::vector<picture> pics = dlib_annotated();
	if (pics.empty()) {
		std::fprintf(stderr, "faces_set: %s not found (libdlib19.1 examples)\n", DL.c_str());
		return 2;
	}
	pics.push_back(bald_guys());
	std::vector<source> src = sources(pics);
	std::vector<cv::Mat> bgs;
	for (const char *b : {"mmod_cars_test_image.jpg", "mmod_cars_test_image2.jpg", "faces/dogs.jpg"}) {
		cv::Mat m = cv::imread(DL + b);
		if (!m.empty())
			bgs.push_back(m);
	}
	if (src.size() < 20 || bgs.size() < 3) {
		std::fprintf(stderr, "faces_set: pictures missing under %s\n", DL.c_str());
		return 2;
	}
	std::shuffle(src.begin(), src.end(), rng);
	size_t next = 0;
	auto face = [&]() -> const source & { return src[next++ % src.size()]; };
	writer w{argv[1], std::ofstream(std::string(argv[1]) + "/manifest.tsv")};

	for (auto &p : pics) { /* plain */
		cv::Mat m = cv::imread(p.path);
		std::string base = p.path.substr(p.path.rfind('/') + 1);
		w.put("plain_" + base, "plain", m, p.faces);
	}
	for (int i = 0; i < 6; i++) { /* small faces in street scenes */
		cv::Mat s = background(bgs, 1024, 768);
		auto boxes = place(s.cols, s.rows, 5, [&](int) { return uni(28, 56); });
		std::vector<cv::Rect> faces;
		for (auto &b : boxes)
			faces.push_back(paste(s, face(), b.height * 4 / 5, b.x, b.y));
		w.put("small_" + std::to_string(i) + ".jpg", "small", s, faces);
	}
	{ /* a large photo */
		cv::Mat s = background(bgs, 2400, 1800);
		auto boxes = place(s.cols, s.rows, 6, [&](int) { return uni(60, 120); });
		std::vector<cv::Rect> faces;
		for (auto &b : boxes)
			faces.push_back(paste(s, face(), b.height * 4 / 5, b.x, b.y));
		w.put("small_large.jpg", "small", s, faces);
	}
	for (int i = 0; i < 10; i++) { /* occluded */
		cv::Mat s = background(bgs, 640, 480);
		auto boxes = place(s.cols, s.rows, 2, [&](int) { return uni(130, 200); });
		std::vector<cv::Rect> faces;
		for (size_t k = 0; k < boxes.size(); k++) {
			cv::Rect f = paste(s, face(), boxes[k].height * 4 / 5, boxes[k].x, boxes[k].y);
			faces.push_back(f);
			int kind = (int)((i * 2 + k) % 3);
			if (kind == 0) { /* a hand over the mouth and cheek */
				cv::ellipse(s, cv::Point(f.x + f.width * uni(35, 65) / 100, f.y + f.height * 4 / 5),
					    cv::Size(f.width * 2 / 5, f.height / 4), uni(-20, 20), 0, 360,
					    cv::Scalar(uni(60, 150), uni(90, 170), uni(140, 220)), -1, cv::LINE_AA);
			} else if (kind == 1) { /* a phone against one side */
				int pw = f.width * uni(30, 40) / 100;
				int px = (i & 1) ? f.x - pw / 4 : f.x + f.width - pw * 3 / 4;
				cv::rectangle(s, cv::Rect(px, f.y + f.height / 5, pw, f.height * 3 / 4),
					      cv::Scalar(30, 30, 35), -1, cv::LINE_AA);
			} else { /* a surgical mask, nose to chin */
				cv::rectangle(s, cv::Rect(f.x + f.width / 12, f.y + f.height * 11 / 20, f.width * 5 / 6,
							  f.height * 2 / 5),
					      cv::Scalar(235, 215, 170), -1, cv::LINE_AA);
			}
		}
		w.put("occluded_" + std::to_string(i) + ".jpg", "occluded", s, faces);
	}
	for (size_t i = 0; i < pics.size() && i < 6; i++) { /* low light */
		cv::Mat m = cv::imread(pics[i].path), d, noise(m.size(), CV_16SC3);
		cv::randn(noise, 0, 4);
		m.convertTo(d, CV_16SC3, 0.25);
		d += noise;
		d.convertTo(d, CV_8UC3);
		std::string base = pics[i].path.substr(pics[i].path.rfind('/') + 1);
		w.put("dark_" + base, "dark", d, pics[i].faces);
	}
	for (int i = 0; i < 4; i++) { /* turned in the image plane */
		cv::Mat s = background(bgs, 800, 600);
		auto boxes = place(s.cols, s.rows, 2, [&](int) { return uni(100, 150); });
		std::vector<cv::Rect> faces;
		for (size_t k = 0; k < boxes.size(); k++) {
			double a = uni(15, 30) * ((i + k) % 2 ? 1 : -1);
			faces.push_back(paste(s, face(), boxes[k].height * 4 / 5, boxes[k].x, boxes[k].y, a));
		}
		w.put("tilt_" + std::to_string(i) + ".jpg", "tilt", s, faces);
	}
	for (int i = 0; i < 2; i++) { /* groups */
		int cols = 4, rows = 3 + i;
		cv::Mat s = background(bgs, 900, 200 + rows * 130);
		std::vector<cv::Rect> faces;
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++) {
				int fh = uni(60, 90);
				faces.push_back(paste(s, face(), fh, 60 + c * 210 + uni(-20, 20), 60 + r * 130 + uni(-10, 10)));
			}
		w.put("group_" + std::to_string(i) + ".jpg", "group", s, faces);
	}
	for (int i = 0; i < 8; i++) { /* no face */
		int sw = i < 4 ? 1024 : 640, sh = i < 4 ? 768 : 480;
		w.put("none_" + std::to_string(i) + ".jpg", "none", background(bgs, sw, sh), {});
	}
	return w.tsv.good() ? 0 : 1;
}
