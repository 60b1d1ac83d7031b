#!/usr/bin/env python3
"""faces_eval.py BUILD [SHARED] [-v] - how well each face detector, and what the sanitizer
covers, does on a face set built at test time (BUILD/tests/faces_set, from pictures in
Debian packages), plus ../shared/data/faces when SHARED is given.

Pictures without a face: the set's own (crops of dlib's car and dog pictures) plus
ImageMagick's built-in rose:, granite:, netscape: and plasma fractals made here.

Per detector (raw boxes from BUILD/bench/faces_eval): recall of faces at least 20 px high
(a detection matches a face when its centre lies in the face box and its width is
0.4x-2.5x the box's), per kind of picture, false covers on pictures with faces and on
pictures without, milliseconds of CPU time per picture. Then what `sanitize` fills ("cover": every
detector of the default set, boxes enlarged and merged): a face counts as covered when the
filled rectangles hide at least 80% of its box.

Exit status 1 when a face (any size) is left uncovered or a picture without a face gets a
cover: those are the bars (PRIV-IMG-03). KNOWN_MISSES lists the faces of the set that the
default detectors are known to leave uncovered, each with why; they are printed, counted
in the results and do not fail the run (a new miss does, and so does a known miss that
gets covered: then the list must shrink).
"""
import json, os, subprocess, sys, tempfile, shutil

build = sys.argv[1] if len(sys.argv) > 1 else 'build'
shared = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith('-') else ''
verbose = '-v' in sys.argv
MIN_H = 20
KNOWN_MISSES = set()
# (It held a 33x36 face pasted without hair into a dark car window, small_4.jpg, until the
# CNN looked at dark pictures both as they are and brightened: the brightened, smoothed copy
# had lost it.)
tmp = tempfile.mkdtemp(prefix='entraide-faces.')
try:
    r = subprocess.run([os.path.join(build, 'tests/faces_set'), tmp], capture_output=True, text=True)
    if r.returncode:
        sys.exit('faces_eval: faces_set failed: ' + r.stderr.strip())
    pics = {}   # path -> (kind, [boxes])
    for l in open(os.path.join(tmp, 'manifest.tsv')):
        f = l.rstrip('\n').split('\t')
        boxes = [tuple(map(int, b.split(','))) for b in f[4].split(';') if b]
        pics[os.path.join(tmp, f[0])] = (f[1], boxes)
    mf = os.path.join(shared, 'data/faces/manifest.jsonl') if shared else ''
    if mf and os.path.exists(mf):
        for l in open(mf):
            e = json.loads(l)
            pics[os.path.join(shared, 'data/faces', e['file'])] = (
                'shared' if e['faces'] else 'none', [tuple(b) for b in e['faces']])
    made = [('rose', 'rose:', '400x400'), ('granite', 'granite:', '400x400'),
            ('netscape', 'netscape:', '400x400')]
    made += [('plasma%d' % s, 'plasma:fractal', sz) for s, sz in ((1, '640x480'), (2, '1024x768'),
                                                               (3, '800x800'), (4, '1600x1200'))]
    for name, what, size in made:
        out = os.path.join(tmp, name + '.png')
        a = ['convert']
        if what.startswith('plasma'):
            a += ['-size', size, '-seed', name[-1], what, '-blur', '0x1']
        else:
            a += [what, '-resize', size]
        if subprocess.run(a + [out], capture_output=True).returncode == 0:
            pics[out] = ('none', [])

    # The profile cascades and haar_alt are left out: slow, and they found no face the
    # others missed (bench/image/README.md); FACES_EVAL_ONLY overrides.
    env = dict(os.environ)
    env.setdefault('FACES_EVAL_ONLY', 'blazeface dlib_hog lbp lbp_improved haar_alt2 haar_default')
    r = subprocess.run([os.path.join(build, 'bench/faces_eval')], input='\n'.join(pics) + '\n',
                       capture_output=True, text=True, env=env)
    if r.returncode:
        sys.exit('faces_eval: detector tool failed: ' + r.stderr.strip())
    dets, ms = {}, {}
    for l in r.stdout.splitlines():
        f = l.split('\t')
        if f[1] == 'size':
            continue
        if f[1] == 'ms':
            ms.setdefault(f[2], []).append(float(f[3]))
        else:
            dets.setdefault((f[0], f[1]), []).append(tuple(map(int, f[2:6])))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

names = [n for n in sorted(ms) if n != 'cover']
kinds = sorted({k for k, b in pics.values() if b})


def match(d, b):
    cx, cy = d[0] + d[2] / 2, d[1] + d[3] / 2
    return (b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3]
            and 0.4 * b[2] <= d[2] <= 2.5 * b[2])


def score(combo):
    found, total, by_kind, fp_pos, fp_neg, neg_hit = 0, 0, {}, 0, 0, 0
    for p, (kind, boxes) in pics.items():
        ds = [d for n in combo for d in dets.get((p, n), [])]
        if not boxes:
            fp_neg += len(ds)
            neg_hit += 1 if ds else 0
            continue
        fp_pos += sum(1 for d in ds if not any(match(d, b) for b in boxes))
        for b in boxes:
            if b[3] < MIN_H:
                continue
            ok = any(match(d, b) for d in ds)
            total += 1
            found += ok
            k = by_kind.setdefault(kind, [0, 0])
            k[0] += ok
            k[1] += 1
    t = sum(sum(ms[n]) for n in combo) / max(1, len(pics))
    return found, total, by_kind, fp_pos, fp_neg, neg_hit, t


def covered(b, rects):
    """Share of box b hidden by the union of rects (counted on a grid of the box)."""
    n = hit = 0
    for j in range(10):
        for i in range(10):
            x = b[0] + (i + 0.5) * b[2] / 10
            y = b[1] + (j + 0.5) * b[3] / 10
            n += 1
            hit += any(r[0] <= x < r[0] + r[2] and r[1] <= y < r[1] + r[3] for r in rects)
    return hit / n


n_face_pics = sum(1 for k, b in pics.values() if b)
n_neg = len(pics) - n_face_pics
n_faces = sum(len(b) for k, b in pics.values())
print('faces_eval: %d pictures with %d faces (%d at least %d px high), %d pictures without a face\n'
      % (n_face_pics, n_faces, sum(1 for k, bs in pics.values() for b in bs if b[3] >= MIN_H), MIN_H, n_neg))
print('| detectors | recall (faces >= %d px) | %s | false covers, face pictures | false covers, %d pictures without faces (pictures hit) | ms/picture |'
      % (MIN_H, ' | '.join(kinds), n_neg))
print('|' + ' --- |' * (6 + len(kinds) - 1))
combos = [(n,) for n in names]
if 'blazeface' in names and 'dlib_hog' in names:
    combos += [('dlib_hog', 'lbp_improved'), ('blazeface', 'dlib_hog'),
               ('blazeface', 'dlib_hog', 'lbp_improved'), tuple(names)]
for c in combos:
    f, t, bk, fpp, fpn, nh, tm = score(c)
    per = ' | '.join('%d/%d' % tuple(bk.get(k, (0, 0))) for k in kinds)
    print('| %s | %d/%d (%.1f%%) | %s | %d | %d (%d) | %.0f |' % (' + '.join(c), f, t, 100.0 * f / max(1, t),
                                                              per, fpp, fpn, nh, tm))

missed, false_neg = [], []
for p, (kind, boxes) in pics.items():
    rects = dets.get((p, 'cover'), [])
    if not boxes and rects:
        false_neg.append((p, rects))
    for b in boxes:
        c = covered(b, rects)
        if c < 0.8:
            missed.append((p, b, c))
known = [m for m in missed if (os.path.basename(m[0]), m[1]) in KNOWN_MISSES]
missed = [m for m in missed if (os.path.basename(m[0]), m[1]) not in KNOWN_MISSES]
fixed = KNOWN_MISSES - {(os.path.basename(m[0]), m[1]) for m in known}
print('\ncover (what sanitize fills, default detectors): %d/%d faces covered (>= 80%% of the box), '
      '%d/%d pictures without a face covered; %.0f ms/picture'
      % (n_faces - len(missed) - len(known), n_faces, len(false_neg), n_neg,
         sum(ms.get('cover', [0])) / max(1, len(pics))))
for p, b, c in known:
    print('  known miss %s face %s (%.0f%% hidden)' % (os.path.basename(p), b, 100 * c))
for p, b in sorted(fixed):
    print('  KNOWN MISS NOW COVERED (remove it from KNOWN_MISSES): %s face %s' % (p, b))
for p, b, c in missed:
    print('  NOT COVERED %s face %s (%.0f%% hidden)' % (os.path.basename(p), b, 100 * c))
for p, rects in false_neg:
    print('  FALSE COVER %s %s' % (os.path.basename(p), rects))
if verbose:
    for (p, n), ds in sorted(dets.items()):
        print(os.path.basename(p), n, ds, pics[p][1])
sys.exit(1 if missed or false_neg or fixed else 0)
