/*
 * img_bfnet.cc - BlazeFace's network defined as an XNNPACK subgraph (Debian's libxnnpack,
 * the CPU engine of TensorFlow Lite), from the operation list tools/onnx_xnn.py writes at build
 * time. XNNPACK runs this depthwise network several times faster than OpenCV 4.6's DNN module
 * (bench/image/README.md): ReLUs fused into the convolutions and additions, NHWC throughout,
 * kernels for this CPU's vector width. One thread (no pthreadpool): the picture workers
 * already keep every core busy, and a worker's seccomp filter allows no new thread.
 *
 * The operation list is the build's own output, but it is still checked as it is read (sizes,
 * value ids, weight offsets): a wrong file must fail to load, not read out of bounds.
 */
#include "privacy/image/img_bfnet.h"

#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

#include <xnnpack.h>

namespace {

enum { OP_CONV = 1, OP_DWCONV = 2, OP_ADD = 3, OP_MAXPOOL = 4, OP_PADCH = 5 };

struct op_rec {
	uint32_t kind, in0, in1, out, cin, cout, kh, kw, stride, pt, pl, pb, pr, relu, w, b;
};

struct shape {
	size_t h = 0, w = 0, c = 0;
};

void check(enum xnn_status s, const char *what)
{
	if (s == xnn_status_out_of_memory)
		throw std::bad_alloc();
	if (s != xnn_status_success)
		throw std::runtime_error(what);
}

/* Deletes the subgraph when the definition is done (or failed). */
struct subgraph_guard {
	xnn_subgraph_t g = nullptr;
	~subgraph_guard()
	{
		if (g)
			xnn_delete_subgraph(g);
	}
};

uint32_t word(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4); /* the build writes little-endian; so is every target we build for */
	return v;
}

} // namespace

bf_net::~bf_net()
{
	if (rt_)
		xnn_delete_runtime(rt_);
}

void bf_net::load(const unsigned char *p, size_t n, int width, int height)
{
	if (rt_)
		throw std::runtime_error("BlazeFace net loaded twice");
	if (width <= 0 || width % 16 || height <= 0 || height % 16 || width > 4096 || height > 4096)
		throw std::runtime_error("BlazeFace net size must be a multiple of 16");
	check(xnn_initialize(nullptr), "XNNPACK does not run on this CPU");
	if (n < 16 || memcmp(p, "BFX1", 4))
		throw std::runtime_error("BlazeFace net has an unknown format");
	const uint32_t n_ops = word(p + 4), n_heads = word(p + 8), n_floats = word(p + 12);
	const size_t ops_at = 16, heads_at = ops_at + (size_t)n_ops * 64,
		     w_at = heads_at + (size_t)n_heads * 4;
	if (n_ops == 0 || n_ops > 1000 || n_heads == 0 || n_heads > 8 || n_floats > (1u << 24) ||
	    n != w_at + (size_t)n_floats * 4)
		throw std::runtime_error("BlazeFace net has a wrong size");
	w_.resize(n_floats);
	memcpy(w_.data(), p + w_at, (size_t)n_floats * 4);

	/* value 0 is the input, op i makes value i + 1; XNNPACK ids are made as values are */
	std::vector<shape> sh(n_ops + 1);
	std::vector<uint32_t> id(n_ops + 1, XNN_INVALID_VALUE_ID);
	std::vector<uint32_t> head_of(n_ops + 1, UINT32_MAX);
	for (uint32_t i = 0; i < n_heads; i++) {
		uint32_t v = word(p + heads_at + 4 * i);
		if (v == 0 || v > n_ops || head_of[v] != UINT32_MAX)
			throw std::runtime_error("BlazeFace net has a wrong head");
		head_of[v] = i;
	}
	subgraph_guard sg;
	check(xnn_create_subgraph(1 + n_heads, 0, &sg.g), "XNNPACK subgraph");
	sh[0] = {(size_t)height, (size_t)width, 3};
	size_t dims[4] = {1, (size_t)height, (size_t)width, 3};
	check(xnn_define_tensor_value(sg.g, xnn_datatype_fp32, 4, dims, nullptr, 0,
				      XNN_VALUE_FLAG_EXTERNAL_INPUT, &id[0]),
	      "XNNPACK input");
	outs_.resize(n_heads);
	const float inf = std::numeric_limits<float>::infinity();
	auto weights = [&](uint32_t off, size_t count) -> const float * {
		if (off > n_floats || count > n_floats - off)
			throw std::runtime_error("BlazeFace net weights out of range");
		return w_.data() + off;
	};
	auto constant = [&](const float *data, size_t nd, const size_t *d) {
		uint32_t v;
		check(xnn_define_tensor_value(sg.g, xnn_datatype_fp32, nd, d, data, XNN_INVALID_VALUE_ID,
					      0, &v),
		      "XNNPACK weights");
		return v;
	};
	for (uint32_t i = 0; i < n_ops; i++) {
		op_rec r;
		const unsigned char *q = p + ops_at + (size_t)i * 64;
		uint32_t *f = &r.kind;
		for (int k = 0; k < 16; k++)
			f[k] = word(q + 4 * k); /* the struct is 16 uint32_t in file order */
		if (r.out != i + 1 || r.in0 > i || (r.kind == OP_ADD && r.in1 > i))
			throw std::runtime_error("BlazeFace net has a wrong value order");
		const shape in = sh[r.in0];
		if (in.c != r.cin || r.cout == 0 || r.cout > 4096)
			throw std::runtime_error("BlazeFace net has wrong channels");
		shape o = in;
		o.c = r.cout;
		const float lo = r.relu ? 0.0f : -inf;
		if (r.kind == OP_CONV || r.kind == OP_DWCONV) {
			if (r.kh == 0 || r.kw == 0 || r.kh > 7 || r.kw > 7 || r.stride == 0 || r.stride > 2 ||
			    r.pt > 3 || r.pl > 3 || r.pb > 3 || r.pr > 3 || in.h + r.pt + r.pb < r.kh ||
			    in.w + r.pl + r.pr < r.kw)
				throw std::runtime_error("BlazeFace net has a wrong convolution");
			o.h = (in.h + r.pt + r.pb - r.kh) / r.stride + 1;
			o.w = (in.w + r.pl + r.pr - r.kw) / r.stride + 1;
		} else if (r.kind == OP_MAXPOOL) {
			o.h = in.h / 2;
			o.w = in.w / 2;
		} else if (r.kind == OP_ADD) {
			const shape b = sh[r.in1];
			if (b.h != in.h || b.w != in.w || b.c != in.c || r.cout != r.cin)
				throw std::runtime_error("BlazeFace net adds maps of two shapes");
		} else if (r.kind == OP_PADCH) {
			if (r.cout < r.cin)
				throw std::runtime_error("BlazeFace net has a wrong padding");
		} else {
			throw std::runtime_error("BlazeFace net has an unknown operation");
		}
		if (o.h == 0 || o.w == 0)
			throw std::runtime_error("BlazeFace net's maps vanish at this side");
		sh[i + 1] = o;
		size_t od[4] = {1, o.h, o.w, o.c};
		const bool is_head = head_of[i + 1] != UINT32_MAX;
		check(xnn_define_tensor_value(sg.g, xnn_datatype_fp32, 4, od, nullptr,
					      is_head ? 1 + head_of[i + 1] : XNN_INVALID_VALUE_ID,
					      is_head ? XNN_VALUE_FLAG_EXTERNAL_OUTPUT : 0, &id[i + 1]),
		      "XNNPACK value");
		if (is_head) {
			out_map &m = outs_[head_of[i + 1]];
			m.gw = (int)o.w;
			m.gh = (int)o.h;
			m.ch = (int)o.c;
			m.data.resize(o.h * o.w * o.c);
		}
		/* depthwise convolutions of the model have no bias: XNNPACK's own "none" */
		uint32_t bias = XNN_INVALID_VALUE_ID;
		if ((r.kind == OP_CONV || r.kind == OP_DWCONV) && r.b != UINT32_MAX) {
			size_t bd[1] = {r.cout};
			bias = constant(weights(r.b, r.cout), 1, bd);
		}
		if (r.kind == OP_CONV) {
			size_t wd[4] = {r.cout, r.kh, r.kw, r.cin};
			uint32_t w = constant(weights(r.w, (size_t)r.cout * r.kh * r.kw * r.cin), 4, wd);
			check(xnn_define_convolution_2d(sg.g, r.pt, r.pr, r.pb, r.pl, r.kh, r.kw, r.stride,
							r.stride, 1, 1, 1, r.cin, r.cout, lo, inf, id[r.in0],
							w, bias, id[i + 1], 0),
			      "XNNPACK convolution");
		} else if (r.kind == OP_DWCONV) {
			if (r.cout != r.cin)
				throw std::runtime_error("BlazeFace net has a wrong depthwise convolution");
			size_t wd[4] = {1, r.kh, r.kw, r.cin};
			uint32_t w = constant(weights(r.w, (size_t)r.kh * r.kw * r.cin), 4, wd);
			check(xnn_define_depthwise_convolution_2d(sg.g, r.pt, r.pr, r.pb, r.pl, r.kh, r.kw,
								  r.stride, r.stride, 1, 1, 1, r.cin, lo,
								  inf, id[r.in0], w, bias, id[i + 1], 0),
			      "XNNPACK depthwise convolution");
		} else if (r.kind == OP_ADD) {
			check(xnn_define_add2(sg.g, lo, inf, id[r.in0], id[r.in1], id[i + 1], 0), "XNNPACK add");
		} else if (r.kind == OP_MAXPOOL) {
			check(xnn_define_max_pooling_2d(sg.g, 0, 0, 0, 0, 2, 2, 2, 2, 1, 1, -inf, inf, id[r.in0],
							id[i + 1], 0),
			      "XNNPACK max pooling");
		} else {
			size_t pre[4] = {0, 0, 0, 0}, post[4] = {0, 0, 0, r.cout - r.cin};
			check(xnn_define_static_constant_pad(sg.g, pre, post, 0.0f, id[r.in0], id[i + 1], 0),
			      "XNNPACK padding");
		}
	}
	for (auto &m : outs_)
		if (m.gw == 0)
			throw std::runtime_error("BlazeFace net's head is not made");
	/* XNNPACK's kernels may read up to XNN_EXTRA_BYTES past the end of an input */
	in_.assign((size_t)width * height * 3 + XNN_EXTRA_BYTES / sizeof(float), 0.0f);
	/* no thread pool: runs on the calling thread */
	check(xnn_create_runtime_v2(sg.g, nullptr, 0, &rt_), "XNNPACK runtime");
	std::vector<xnn_external_value> ext;
	ext.push_back({0, in_.data()});
	for (uint32_t i = 0; i < n_heads; i++)
		ext.push_back({1 + i, outs_[i].data.data()});
	check(xnn_setup_runtime(rt_, ext.size(), ext.data()), "XNNPACK setup");
	w_px_ = width;
	h_px_ = height;
}

void bf_net::run()
{
	if (!rt_)
		throw std::runtime_error("BlazeFace net not loaded");
	check(xnn_invoke_runtime(rt_), "XNNPACK run");
}

const float *bf_net::head(size_t i, int *gw, int *gh, int *ch) const
{
	const out_map &m = outs_.at(i);
	*gw = m.gw;
	*gh = m.gh;
	*ch = m.ch;
	return m.data.data();
}
