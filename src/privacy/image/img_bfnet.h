/*
 * img_bfnet.h - BlazeFace's network run by XNNPACK (img_bfnet.cc), for img_faces.cc.
 *
 * The model comes as tools/onnx_xnn.py writes it at build time (a flat list of operations and
 * their weights in XNNPACK's layouts); a net is made for one input size, NHWC float RGB
 * in [-1, 1]. C++ only: errors are thrown (std::runtime_error, std::bad_alloc), as in the rest
 * of img_faces.cc.
 */
#ifndef ENTRAIDE_IMG_BFNET_H
#define ENTRAIDE_IMG_BFNET_H

#include <cstddef>
#include <cstdint>
#include <vector>

struct xnn_runtime;

class bf_net {
public:
	bf_net() = default;
	bf_net(const bf_net &) = delete;
	bf_net &operator=(const bf_net &) = delete;
	~bf_net();
	/* Defines the net for inputs of w x h pixels (multiples of 16). */
	void load(const unsigned char *blob, size_t n, int w, int h);
	int width() const { return w_px_; }
	int height() const { return h_px_; }
	/* width * height * 3 floats to fill before run() */
	float *input() { return in_.data(); }
	void run();
	size_t heads() const { return outs_.size(); }
	/* head i's map after run(): gw x gh cells (NHWC), ch channels each */
	const float *head(size_t i, int *gw, int *gh, int *ch) const;

private:
	struct out_map {
		std::vector<float> data;
		int gw = 0, gh = 0, ch = 0;
	};
	xnn_runtime *rt_ = nullptr;
	int w_px_ = 0, h_px_ = 0;
	std::vector<float> in_;
	std::vector<out_map> outs_;
	/* the weights: XNNPACK keeps pointers to them for the runtime's life */
	std::vector<float> w_;
};

#endif
