#!/usr/bin/env python3
"""tests/image/fixtures.py ENTRAIDE [SHARED] - our own photo fixtures, made at test time.

Builds pictures in a temporary directory with ImageMagick, exiftool, cwebp, webpmux and
heif-enc (and a hand-written Adobe RGB ICC profile), runs `ENTRAIDE sanitize` on each, and
checks the result: refused files give exit 2, one line on stderr and no output; sanitized
ones keep no canary string, no tag outside a small allowlist (exiftool), the displayed
size (orientation applied), the pixels (PSNR against a reference turned by ImageMagick).
When SHARED/tools/check_sanitized.sh exists it judges every output as well.
These differ from ../shared's fixtures on purpose: other sizes, other canaries, CMYK,
Adobe RGB, grey+alpha, 1x1, webpmux-made EXIF, trailing data on PNG and WebP.
"""
import json, math, os, shutil, struct, subprocess, sys, tempfile, zlib

BIN = os.path.abspath(sys.argv[1])
SHARED = sys.argv[2] if len(sys.argv) > 2 else ''
CHECKER = os.path.join(SHARED, 'tools/check_sanitized.sh') if SHARED else ''
T = tempfile.mkdtemp(prefix='entraide-img-fixtures.')
CAN = 'ENTRAIDE-CANARY-DUPONT-7731'
failures = []
manifest = []


def run(*a, **kw):
    return subprocess.run([str(x) for x in a], capture_output=True, **kw)


def must(*a):
    r = run(*a)
    if r.returncode:
        sys.exit('fixtures: %s failed: %s' % (a[0], r.stderr.decode(errors='replace')[:300]))


def p(name):
    return os.path.join(T, name)


def picture(name, w, h, extra=()):
    must('convert', '-size', '%dx%d' % (w, h), 'plasma:fractal', '-seed', '7', '-blur', '0x1',
         '-fill', 'white', '-draw', 'rectangle 0,0 %d,%d' % (max(1, w // 4), max(1, h // 5)),
         *extra, p(name))


def tag(name, *args):
    must('exiftool', '-q', '-q', '-overwrite_original', *args, p(name))


META = ['-Artist=%s-ARTIST' % CAN, '-Make=%s-MAKE' % CAN, '-Model=%s-MODEL' % CAN,
        '-UserComment=%s-USERCOMMENT' % CAN, '-GPSLatitude=48.85', '-GPSLatitudeRef=N',
        '-GPSLongitude=2.35', '-GPSLongitudeRef=E', '-XMP-dc:Creator=%s-XMPCREATOR' % CAN,
        '-DateTimeOriginal=2020:01:02 03:04:05']


def adobe_rgb_icc():
    """A v2 matrix/TRC display profile with Adobe RGB (1998) primaries (D50), gamma 2.2."""
    def s15(v):
        return struct.pack('>i', int(round(v * 65536)))
    def xyz(x, y, z):
        return b'XYZ \0\0\0\0' + s15(x) + s15(y) + s15(z)
    curv = b'curv\0\0\0\0' + struct.pack('>IH', 1, 0x0233) + b'\0\0'
    desc_txt = b'Test wide-gamut RGB\0'
    desc = b'desc\0\0\0\0' + struct.pack('>I', len(desc_txt)) + desc_txt + b'\0' * 12 + b'\0' * 67
    cprt = b'text\0\0\0\0No copyright, use freely\0'
    tags = [(b'desc', desc), (b'wtpt', xyz(0.9642, 1.0, 0.8249)), (b'rXYZ', xyz(0.6097, 0.3111, 0.0195)),
            (b'gXYZ', xyz(0.2053, 0.6257, 0.0609)), (b'bXYZ', xyz(0.1492, 0.0632, 0.7446)),
            (b'rTRC', curv), (b'gTRC', curv), (b'bTRC', curv), (b'cprt', cprt)]
    off = 128 + 4 + 12 * len(tags)
    table, data = b'', b''
    for sig, body in tags:
        while (off + len(data)) % 4:
            data += b'\0'
        table += sig + struct.pack('>II', off + len(data), len(body))
        data += body
    size = off + len(data)
    hdr = struct.pack('>I', size) + b'lcms' + bytes([2, 0x10, 0, 0]) + b'mntrRGB XYZ ' + \
        struct.pack('>6H', 2024, 1, 1, 0, 0, 0) + b'acsp' + b'APPL' + b'\0' * 4 + b'\0' * 4 + \
        b'\0' * 4 + b'\0' * 8 + struct.pack('>I', 0) + s15(0.9642) + s15(1.0) + s15(0.8249) + b'\0' * 4
    hdr += b'\0' * (128 - len(hdr))
    return hdr + struct.pack('>I', len(tags)) + table + data


def add(name, expect='sanitize', orientation=1, size=None, canaries=(CAN,), args=(), psnr=30.0,
        shared_check=True, differs=False):
    manifest.append(dict(file=name, expected=expect, orientation=orientation, size=size,
                         canaries=list(canaries), args=list(args), psnr=psnr,
                         shared_check=shared_check, differs=differs))


# --- JPEG: every orientation on an odd size, with EXIF/GPS/XMP/COM canaries
for o in range(1, 9):
    n = 'jpeg_o%d_37x23.jpg' % o
    picture(n, 37, 23, ('-quality', '93', '-sampling-factor', '1x1', '-comment', CAN + '-COM'))
    tag(n, *META, '-Orientation=%d' % o, '-n')
    add(n, orientation=o, size=(23, 37) if o >= 5 else (37, 23), shared_check=o in (1, 5, 6))
# progressive 4:2:0 with IPTC
picture('jpeg_prog.jpg', 301, 199, ('-interlace', 'JPEG', '-quality', '92'))
tag('jpeg_prog.jpg', *META, '-IPTC:City=%s-IPTCCITY' % CAN, '-Orientation=6', '-n')
add('jpeg_prog.jpg', orientation=6, size=(199, 301))
# CMYK (ImageMagick writes Adobe-inverted CMYK with an APP14 marker)
picture('jpeg_cmyk.jpg', 64, 48, ('-colorspace', 'CMYK', '-quality', '95'))
tag('jpeg_cmyk.jpg', *META)
add('jpeg_cmyk.jpg', size=(64, 48), psnr=22.0, shared_check=False)
# 1x1 and a trailer after EOI
picture('jpeg_1x1.jpg', 1, 1)
add('jpeg_1x1.jpg', shared_check=False, size=(1, 1), canaries=())
picture('jpeg_trailer.jpg', 50, 40)
with open(p('jpeg_trailer.jpg'), 'ab') as f:
    f.write(b'<html><script>' + CAN.encode() + b'-TRAILER</script></html>')
add('jpeg_trailer.jpg', size=(50, 40))
# Adobe RGB profile: pixels must be converted, profile dropped
picture('jpeg_adobergb.jpg', 40, 30, ('-quality', '95', '-sampling-factor', '1x1'))
with open(p('adobe.icc'), 'wb') as f:
    f.write(adobe_rgb_icc())
tag('jpeg_adobergb.jpg', '-icc_profile<=%s' % p('adobe.icc'))
add('jpeg_adobergb.jpg', size=(40, 30), canaries=(), shared_check=False, differs=True)

# --- PNG: 16-bit, grey+alpha, palette with transparency, text chunks, trailer, 1x1
picture('png16.png', 33, 17, ('-depth', '16'))
tag('png16.png', *META, '-PNG:Comment=%s-PNGTEXT' % CAN)
add('png16.png', size=(33, 17))
picture('png_ga.png', 20, 20, ('-colorspace', 'Gray', '-alpha', 'set', '-channel', 'A', '-evaluate', 'set', '60%', '+channel'))
add('png_ga.png', shared_check=False, size=(20, 20), canaries=())
picture('png_pal.png', 24, 10, ('-colors', '5', '-transparent', 'white'))
add('png_pal.png', shared_check=False, size=(24, 10), canaries=())
picture('png_1x1.png', 1, 1)
add('png_1x1.png', shared_check=False, size=(1, 1), canaries=())
picture('png_exif_o8.png', 30, 12)
tag('png_exif_o8.png', *META, '-Orientation=8', '-n')
add('png_exif_o8.png', orientation=8, size=(12, 30))
picture('png_trailer.png', 16, 16)
with open(p('png_trailer.png'), 'ab') as f:
    f.write(CAN.encode() + b'-TRAILER')
add('png_trailer.png', size=(16, 16))

# --- WebP: lossy with EXIF (orientation 3) set by webpmux, lossless with alpha, trailer
picture('src.png', 45, 31)
must('cwebp', '-quiet', '-q', '90', p('src.png'), '-o', p('webp_tmp.webp'))
picture('exif_src.jpg', 8, 8)
tag('exif_src.jpg', *META, '-Orientation=3', '-n')
must('exiftool', '-q', '-q', '-b', '-exif', p('exif_src.jpg'), '-w!', p('%f.exif'))
must('webpmux', '-set', 'exif', p('exif_src.exif'), p('webp_tmp.webp'), '-o', p('webp_exif_o3.webp'))
add('webp_exif_o3.webp', orientation=3, size=(45, 31))
picture('srca.png', 21, 13, ('-alpha', 'set', '-channel', 'A', '-evaluate', 'set', '50%', '+channel'))
must('cwebp', '-quiet', '-lossless', p('srca.png'), '-o', p('webp_ll_alpha.webp'))
add('webp_ll_alpha.webp', shared_check=False, size=(21, 13), canaries=())

# --- HEIC with EXIF (orientation must be ignored: irot rules)
picture('heic_src.png', 64, 64)
must('heif-enc', '-q', '90', p('heic_src.png'), '-o', p('h.heic'))
shutil.move(p('h.heic'), p('photo.heic'))
tag('photo.heic', '-Artist=%s-ARTIST' % CAN, '-Orientation=6', '-n')
add('photo.heic', size=(64, 64))

# --- refused: bombs from the header, truncations, garbage, wrong bytes behind the name
picture('bomb_src.png', 8, 8)
b = bytearray(open(p('bomb_src.png'), 'rb').read())
b[16:24] = struct.pack('>II', 40000, 40000)
b[29:33] = struct.pack('>I', zlib.crc32(bytes(b[12:29])) & 0xFFFFFFFF)
open(p('bomb_40000.png'), 'wb').write(b)
add('bomb_40000.png', 'reject')
j = bytearray(open(p('jpeg_1x1.jpg'), 'rb').read())
i = j.find(b'\xff\xc0')
j[i + 5:i + 9] = struct.pack('>HH', 65000, 65000)
open(p('bomb_65000.jpg'), 'wb').write(j)
add('bomb_65000.jpg', 'reject')
for src, n, frac in (('png16.png', 'trunc.png', 0.6), ('webp_exif_o3.webp', 'trunc.webp', 0.5),
                     ('jpeg_prog.jpg', 'trunc.jpg', 0.7), ('photo.heic', 'trunc.heic', 0.5)):
    d = open(p(src), 'rb').read()
    open(p(n), 'wb').write(d[:int(len(d) * frac)])
    add(n, 'reject')
open(p('text.jpg'), 'w').write('not a picture ' + CAN)
add('text.jpg', 'reject')
open(p('gif.png'), 'wb').write(b'GIF89a\x01\x00\x01\x00\x00\x00\x00;')
add('gif.png', 'reject')


def dims(f):
    r = run('identify', '-format', '%w %h\n', f + '[0]')
    return tuple(map(int, r.stdout.split()[:2])) if r.returncode == 0 else None


def psnr(ref, out):
    r = run('compare', '-metric', 'PSNR', ref, out, 'null:')
    v = r.stderr.decode().split()[0] if r.stderr else '0'
    return float('inf') if v == 'inf' else float(v)


ALLOWED = {'FileType', 'FileTypeExtension', 'MIMEType', 'ImageWidth', 'ImageHeight', 'EncodingProcess',
           'BitsPerSample', 'ColorComponents', 'YCbCrSubSampling', 'JFIFVersion', 'ResolutionUnit',
           'XResolution', 'YResolution', 'BitDepth', 'ColorType', 'Compression', 'Filter', 'Interlace',
           'VP8Version', 'HorizontalScale', 'VerticalScale', 'ImageSize', 'Megapixels', 'SourceFile',
           'ExifToolVersion', 'FileName', 'Directory', 'FileSize', 'FileModifyDate', 'FileAccessDate',
           'FileInodeChangeDate', 'FilePermissions', 'WebP_Flags', 'AlphaPreprocessing', 'AlphaFiltering',
           'AlphaCompression', 'ImageLength'}

for e in manifest:
    src = p(e['file'])
    out = p('out_' + e['file'] + '.img')
    r = run(BIN, 'sanitize', *e['args'], src, out, timeout=60)
    name = e['file']
    err = r.stderr.decode(errors='replace').strip().splitlines()
    if e['expected'] == 'reject':
        if r.returncode != 2 or os.path.exists(out) or len(err) != 1 or any(
                f.startswith(os.path.basename(out) + '.tmp') for f in os.listdir(T)):
            failures.append('%s: expected exit 2, one line, no output (rc=%s, %d lines)' % (name, r.returncode, len(err)))
        continue
    if r.returncode != 0 or not os.path.exists(out):
        failures.append('%s: refused (rc=%s): %s' % (name, r.returncode, err[-1:] if err else ''))
        continue
    data = open(out, 'rb').read()
    for c in e['canaries']:
        for enc in (c.encode(), c.encode('utf-16-le'), c.encode('utf-16-be')):
            if enc in data:
                failures.append('%s: canary %s in output' % (name, c))
    if CAN.encode() in data:
        failures.append('%s: canary in output' % name)
    tags = json.loads(run('exiftool', '-j', '-a', '-u', out).stdout or b'[{}]')[0]
    extra = sorted(k for k in tags if k not in ALLOWED)
    if extra:
        failures.append('%s: tags left: %s' % (name, ', '.join(extra)))
    d = dims(out)
    if e['size'] and d != tuple(e['size']):
        failures.append('%s: size %s, want %s' % (name, d, e['size']))
    ref = p('ref_' + name + '.png')
    turn = {2: ['-flop'], 3: ['-rotate', '180'], 4: ['-flip'], 5: ['-transpose'], 6: ['-rotate', '90'],
            7: ['-transverse'], 8: ['-rotate', '270']}.get(e['orientation'], [])
    must('convert', src + '[0]', '-orient', 'TopLeft', *turn, '+repage', '-background', 'black', '-flatten', ref)
    flat = p('flat_' + name + '.png')
    must('convert', out + '[0]', '-background', 'black', '-flatten', flat)
    v = psnr(ref, flat)
    if e['differs']:
        if v > 45:
            failures.append('%s: a wide-gamut profile was not applied (PSNR %.1f)' % (name, v))
    elif v < e['psnr']:
        failures.append('%s: PSNR %.1f dB < %.1f' % (name, v, e['psnr']))
    if CHECKER and os.path.exists(CHECKER) and e['shared_check']:
        cargs = [CHECKER, '-q', '--manifest', p('none.jsonl'), '--orientation', str(e['orientation'])]
        if name.endswith('.heic'):
            cargs[-1] = '1'
        for c in e['canaries']:
            cargs += ['--canary', c]
        if e['size']:
            cargs += ['--expect', '%dx%d' % tuple(e['size'])]
        open(p('none.jsonl'), 'w').close()
        rc = run(*cargs, src, out)
        if rc.returncode != 0:
            failures.append('%s: check_sanitized: %s' % (name, (rc.stdout + rc.stderr).decode(errors='replace').strip()[-300:]))

n = len(manifest)
for f in failures:
    print('FAIL ' + f)
print('image fixtures: %d files, %d failures%s' % (n, len(failures),
      '' if CHECKER and os.path.exists(CHECKER) else ' (../shared absent: own checks only)'))
if not failures:
    shutil.rmtree(T, ignore_errors=True)
else:
    print('kept in ' + T)
sys.exit(1 if failures else 0)
