#!/usr/bin/env python3
"""onnx_keep.py IN.onnx OUT.onnx OUTPUT... - writes a copy of an ONNX model that computes only
the named graph outputs: the nodes none of them needs, and the weights, inputs, outputs and
shape records of those nodes, are left out. Everything kept is copied byte for byte.

Its wire-format helpers are what tools/onnx_xnn.py reads the BlazeFace model with at build
time; the command itself is kept for looking at a model (it once made the detector's tile net
for OpenCV's DNN module, which ran every layer up to the last output asked for).

A walk of protobuf's wire format over the few fields of onnx.proto it needs, so that the build
needs no ONNX package: ModelProto.graph (7); GraphProto.node (1), initializer (5), input (11),
output (12), value_info (13); NodeProto.input (1), output (2); TensorProto.name (8);
ValueInfoProto.name (1).
"""
import os
import sys


def varint(buf, i):
    """The varint at buf[i:] and the index after it."""
    v = shift = 0
    while True:
        if i >= len(buf):
            raise ValueError('truncated varint')
        b = buf[i]
        i += 1
        v |= (b & 0x7F) << shift
        if not b & 0x80:
            return v, i
        shift += 7


def put_varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def fields(buf):
    """(field number, wire type, value, raw bytes of the whole field) for each field of a
    message; value is the payload's bytes for length-delimited fields, else None."""
    i = 0
    while i < len(buf):
        start = i
        key, i = varint(buf, i)
        num, wt = key >> 3, key & 7
        val = None
        if wt == 0:
            _, i = varint(buf, i)
        elif wt == 1:
            i += 8
        elif wt == 5:
            i += 4
        elif wt == 2:
            n, i = varint(buf, i)
            val = buf[i:i + n]
            i += n
        else:
            raise ValueError('unsupported wire type %d' % wt)
        if i > len(buf):
            raise ValueError('field runs past its message')
        yield num, wt, val, buf[start:i]


def strings(msg, num):
    return [v.decode() for n, wt, v, _ in fields(msg) if n == num and wt == 2]


def delimited(num, payload):
    return put_varint(num << 3 | 2) + put_varint(len(payload)) + payload


def keep(graph, wanted):
    nodes = [(v, strings(v, 1), strings(v, 2)) for n, wt, v, _ in fields(graph) if n == 1]
    missing = set(wanted) - {o for _, _, outs in nodes for o in outs}
    if missing:
        raise ValueError('no node makes ' + ', '.join(sorted(missing)))
    need, kept = set(wanted), set()
    for k in range(len(nodes) - 1, -1, -1):  # ONNX nodes are in topological order
        _, ins, outs = nodes[k]
        if need & set(outs):
            kept.add(k)
            need.update(ins)
    out, k = bytearray(), 0
    for n, wt, v, raw in fields(graph):
        if n == 1:
            if k in kept:
                out += raw
            k += 1
        elif n == 5:
            if set(strings(v, 8)) & need:
                out += raw
        elif n in (11, 13):
            if set(strings(v, 1)) & need:
                out += raw
        elif n == 12:
            if set(strings(v, 1)) & set(wanted):
                out += raw
        else:
            out += raw
    return bytes(out), len(nodes), len(kept)


def write_atomic(path, data):
    """path holds data whole or is left as it was (a build step interrupted halfway)."""
    with open(path + '.tmp', 'wb') as f:
        f.write(data)
    os.replace(path + '.tmp', path)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split('\n')[0])
    data = open(sys.argv[1], 'rb').read()
    out, graphs = bytearray(), 0
    try:
        for n, wt, v, raw in fields(data):
            if n == 7 and wt == 2:
                g, total, kept = keep(v, sys.argv[3:])
                out += delimited(7, g)
                graphs += 1
            else:
                out += raw
    except (ValueError, UnicodeDecodeError) as e:
        sys.exit('onnx_keep: %s: %s' % (sys.argv[1], e))
    if graphs != 1:
        sys.exit('onnx_keep: %s has %d graphs' % (sys.argv[1], graphs))
    write_atomic(sys.argv[2], out)
    print('onnx_keep: %s: %d of %d nodes' % (sys.argv[2], kept, total))


if __name__ == '__main__':
    main()
