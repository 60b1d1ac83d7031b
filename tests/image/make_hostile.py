#!/usr/bin/env python3
"""tests/image/make_hostile.py [OUTDIR] - hostile container cases, made from small valid seeds.

Writes tests/image/hostile/ (the default OUTDIR): for every container the sanitizer walks
(WebP RIFF chunks, PNG chunks, JPEG segments, EXIF IFDs inside each, HEIF boxes read by
libheif), files with a length past the end, lengths 0 and 1, odd sizes with and without
their padding, offsets pointing backwards or outside, sizes near 2^32. The files are kept in
the tree: the API test uploads each one (tests/api/media_hostile.test.mjs) and the fuzz
corpora start from them (fuzz/corpus/img_*/). Deterministic: running it again changes
nothing. The first file is the reported crash (42 bytes: a RIFF chunk of odd size whose
padding byte lies past the RIFF size).
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'hostile')
SEEDS = os.path.join(ROOT, 'fuzz/corpus/image_decode')


def seed(name):
    with open(os.path.join(SEEDS, name), 'rb') as f:
        return f.read()


files = {}


def out(name, data):
    files[name] = data


le32 = lambda v: struct.pack('<I', v & 0xFFFFFFFF)
be32 = lambda v: struct.pack('>I', v & 0xFFFFFFFF)
be16 = lambda v: struct.pack('>H', v & 0xFFFF)


# --- EXIF blocks (big-endian TIFF), used inside every container ---
def tiff(ifd0=8, count=1, tag=0x0112, typ=3, val=6 << 16, nxt=0):
    return (b'MM\0*' + be32(ifd0) + be16(count) + be16(tag) + be16(typ) + be32(1) + be32(val)
            + be32(nxt))


EXIFS = {
    'ifd0_outside': tiff(ifd0=0xFFFFFFF0),
    'ifd0_backwards': tiff(ifd0=2),
    'ifd_self_loop': tiff(nxt=8),
    'gps_outside': tiff(tag=0x8825, typ=4, val=0xFFFFFFFF),
    'gps_backwards': tiff(tag=0x8825, typ=4, val=4),
    'count_ffff': tiff(count=0xFFFF),
    'next_near_2_32': tiff(nxt=0xFFFFFFFC),
    'cut': tiff()[:11],
}

# --- WebP ---
def riff(size, body, trailer=b''):
    return b'RIFF' + le32(size) + b'WEBP' + body + trailer


def chunk(t, n, data, pad=None):
    pad = (len(data) & 1) if pad is None else pad
    return t + le32(n) + data + (b'\0' if pad else b'')


out('webp_odd_chunk_pad_past_riff.webp',  # the reported crash, 42 bytes
    riff(33, chunk(b'XMP ', 21, b'A' * 21, pad=0), b'\0'))
out('webp_odd_chunk_pad_past_riff_notrailer.webp', riff(33, chunk(b'XMP ', 21, b'A' * 21, pad=0)))
lossy = seed('i_lossy.webp')
vp8 = lossy[12:]
out('webp_odd_exif_pad_past_riff.webp',
    riff(4 + len(vp8) + 8 + 21, vp8 + chunk(b'EXIF', 21, tiff()[:21], pad=0)))
out('webp_odd_exif_padded.webp',
    riff(4 + len(vp8) + 8 + 22, vp8 + chunk(b'EXIF', 21, tiff()[:21], pad=1)))
out('webp_chunk_len_0.webp', riff(4 + len(vp8) + 8, vp8 + chunk(b'XMP ', 0, b'')))
out('webp_chunk_len_1.webp', riff(4 + len(vp8) + 10, vp8 + chunk(b'XMP ', 1, b'x', pad=1)))
out('webp_chunk_len_past_end.webp', riff(4 + len(vp8) + 12, vp8 + chunk(b'XMP ', 9, b'xxxx')))
for v in (0xFFFFFFFF, 0xFFFFFFF8, 0x80000000):
    out('webp_chunk_len_%08x.webp' % v, riff(4 + len(vp8) + 12, vp8 + chunk(b'ICCP', v, b'xxxx')))
    out('webp_riff_size_%08x.webp' % v, riff(v, vp8))
out('webp_riff_size_small.webp', riff(5, vp8))
out('webp_chunk_header_cut.webp', riff(4 + len(vp8) + 3, vp8 + b'EXI'))
for k, e in EXIFS.items():
    out('webp_exif_%s.webp' % k, riff(4 + len(vp8) + 8 + len(e) + (len(e) & 1),
                                      vp8 + chunk(b'EXIF', len(e), e)))

# --- PNG ---
png = seed('g_rgba.png')
sig, ihdr = png[:8], png[8:33]
rest = png[33:]


def pchunk(t, n, data, crc=True):
    return be32(n) + t + data + (b'\0\0\0\0' if crc else b'')


iend = pchunk(b'IEND', 0, b'')
out('png_chunk_len_past_end.png', sig + ihdr + pchunk(b'tEXt', 40, b'x' * 8))
for v in (0xFFFFFFFF, 0xFFFFFFF4, 0x80000000, 0x7FFFFFFF):
    out('png_chunk_len_%08x.png' % v, sig + ihdr + pchunk(b'zTXt', v, b'x' * 16) + rest)
out('png_chunk_len_0.png', sig + ihdr + pchunk(b'tEXt', 0, b'') + rest)
out('png_chunk_len_1.png', sig + ihdr + pchunk(b'tIME', 1, b'x') + rest)
out('png_ihdr_len_0.png', sig + pchunk(b'IHDR', 0, b'') + iend)
out('png_ihdr_len_1.png', sig + pchunk(b'IHDR', 1, b'\1') + iend)
out('png_no_crc_at_end.png', png[:-4])
out('png_no_iend.png', png[:-12])
for k, e in EXIFS.items():
    out('png_exif_%s.png' % k, sig + ihdr + pchunk(b'eXIf', len(e), e) + rest)

# --- JPEG ---
jpg = seed('a.jpg')
body = jpg[2:]


def seg(m, n, data):
    return b'\xFF' + bytes([m]) + be16(n) + data


for n in (0, 1):
    out('jpeg_seg_len_%d.jpg' % n, b'\xFF\xD8' + seg(0xFE, n, b'') + body)
out('jpeg_seg_len_past_end.jpg', b'\xFF\xD8' + seg(0xE1, 0x4000, b'Exif\0\0' + tiff()))
out('jpeg_seg_len_ffff.jpg', b'\xFF\xD8' + seg(0xE2, 0xFFFF, b'ICC_PROFILE\0'))
out('jpeg_seg_len_odd.jpg', b'\xFF\xD8' + seg(0xFE, 3, b'x') + body)
out('jpeg_len_field_cut.jpg', b'\xFF\xD8\xFF\xE1\x00')
out('jpeg_only_fill.jpg', b'\xFF\xD8' + b'\xFF' * 40)
out('jpeg_no_eoi.jpg', jpg[:-2])
out('jpeg_entropy_ends_ff.jpg', jpg[:-2] + b'\xFF')
for k, e in EXIFS.items():
    x = b'Exif\0\0' + e
    out('jpeg_exif_%s.jpg' % k, b'\xFF\xD8' + seg(0xE1, len(x) + 2, x) + body)

# --- HEIF (boxes walked by libheif) ---
heic = seed('m.heic')
ftyp_len = struct.unpack('>I', heic[:4])[0]
after = heic[ftyp_len:]
for v in (0, 1, 7, 0xFFFFFFFF, 0xFFFFFFF0):
    out('heif_meta_size_%08x.heic' % v, heic[:ftyp_len] + be32(v) + after[4:])
out('heif_largesize_huge.heic', heic[:ftyp_len] + be32(1) + after[4:8] + b'\xFF' * 8 + after[8:])
out('heif_ftyp_size_past_end.heic', be32(0x10000) + heic[4:])
out('heif_cut_half.heic', heic[: len(heic) // 2])

os.makedirs(OUT, exist_ok=True)
for name, data in files.items():
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)
print('%d files in %s' % (len(files), OUT))
