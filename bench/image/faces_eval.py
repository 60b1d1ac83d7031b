#!/usr/bin/env python3
"""faces_eval.py BUILD - which face detectors (and unions of them) find the most faces, at
what false-cover rate. Pictures come from Debian packages only:
  positives: ../shared/data/faces (hand-drawn boxes, when present), dlib's examples/faces
             (its own annotations, training.xml + testing.xml), dlib's examples/johns
             (55 tight portraits, one face each);
  negatives: images with no human face: dlib's dogs.jpg and mmod_cars_test_image*.jpg,
             skimage_chelsea.png (shared), ImageMagick's built-in rose:, granite:, netscape:,
             and the plasma pictures of ../shared/data/image-fixtures.
Runs BUILD/bench/faces_eval once over everything and prints a Markdown table.
A detection matches a face when its centre lies in the face box and its width is within
0.4x..2.5x of the box's; detections matching no face are false covers.
"""
import glob, json, os, re, subprocess, sys, tempfile, itertools

build = sys.argv[1] if len(sys.argv) > 1 else 'build'
here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get('SHARED', os.path.join(here, '..', '..', '..', 'shared'))
DL = '/usr/share/doc/libdlib19.1/examples'

gt = {}      # path -> list of boxes, or None for "one face, box unknown (portrait)"
neg = []
mf = os.path.join(shared, 'data/faces/manifest.jsonl')
if os.path.exists(mf):
    for l in open(mf):
        e = json.loads(l)
        p = os.path.join(shared, 'data/faces', e['file'])
        if e['faces']:
            gt[p] = [tuple(b) for b in e['faces']]
        else:
            neg.append(p)
for x in ('training.xml', 'testing.xml'):
    f = os.path.join(DL, 'faces', x)
    if not os.path.exists(f):
        continue
    cur = None
    for l in open(f):
        m = re.search(r"<image file='([^']+)'", l)
        if m:
            cur = os.path.join(DL, 'faces', m.group(1))
            gt.setdefault(cur, [])
        m = re.search(r"<box top='(-?\d+)' left='(-?\d+)' width='(\d+)' height='(\d+)'", l)
        if m and cur and "ignore='1'" not in l:
            t, le, w, h = map(int, m.groups())
            gt[cur].append((le, t, w, h))
# the shared set holds two dlib pictures under other names: keep the hand-drawn boxes only
for p in list(gt):
    if p.startswith(DL) and any(os.path.basename(p) in q for q in gt if q.startswith(shared)):
        del gt[p]
johns = sorted(glob.glob(os.path.join(DL, 'johns/*/*.jpg')))
for p in johns:
    gt[p] = None
for p in ('faces/dogs.jpg', 'mmod_cars_test_image.jpg', 'mmod_cars_test_image2.jpg'):
    if os.path.exists(os.path.join(DL, p)):
        neg.append(os.path.join(DL, p))
tmp = tempfile.mkdtemp(prefix='faces-eval.')
for b in ('rose', 'granite', 'netscape'):
    out = os.path.join(tmp, b + '.png')
    if subprocess.run(['convert', b + ':', '-resize', '400x400', out], capture_output=True).returncode == 0:
        neg.append(out)
fx = os.path.join(shared, 'data/image-fixtures')
for p in sorted(glob.glob(fx + '/*')):
    b = os.path.basename(p)
    if re.match(r'(jpeg_(baseline|progressive)_full|jpeg_orient_[1-8]\.|png_rgb8|webp_lossy_meta|heic)', b):
        neg.append(p)

paths = list(gt) + neg
r = subprocess.run([os.path.join(build, 'bench/faces_eval')], input='\n'.join(paths) + '\n',
                   capture_output=True, text=True)
dets, ms, size = {}, {}, {}
for l in r.stdout.splitlines():
    f = l.split('\t')
    if f[1] == 'size':
        size[f[0]] = (int(f[2]), int(f[3]))
    elif f[1] == 'ms':
        ms.setdefault(f[2], []).append(float(f[3]))
    else:
        dets.setdefault((f[0], f[1]), []).append(tuple(map(int, f[2:6])))
names = sorted(ms)

def match(d, b):
    cx, cy = d[0] + d[2] / 2, d[1] + d[3] / 2
    return b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3] and 0.4 * b[2] <= d[2] <= 2.5 * b[2]

def score(combo):
    found = total = fp_pos = fp_neg = neg_hit = 0
    for p, boxes in gt.items():
        ds = [d for n in combo for d in dets.get((p, n), [])]
        if boxes is None:  # portrait: the face fills the middle
            w, h = size.get(p, (150, 150))
            boxes = [(int(w * .2), int(h * .15), int(w * .6), int(h * .7))]
        total += len(boxes)
        found += sum(1 for b in boxes if any(match(d, b) for d in ds))
        fp_pos += sum(1 for d in ds if not any(match(d, b) for b in boxes))
    for p in neg:
        ds = [d for n in combo for d in dets.get((p, n), [])]
        fp_neg += len(ds)
        neg_hit += 1 if ds else 0
    t = sum(sum(ms[n]) for n in combo) / max(1, len(ms[combo[0]]))
    return found, total, fp_pos, fp_neg, neg_hit, t

print('positives: %d pictures (%d with boxes, %d portraits), negatives: %d pictures\n' %
      (len(gt), sum(1 for v in gt.values() if v is not None), len(johns), len(neg)))
print('| detectors | faces found | recall | false covers on face pictures | false covers on %d pictures without faces (pictures hit) | ms/picture |' % len(neg))
print('| --- | --- | --- | --- | --- | --- |')
combos = [(n,) for n in names]
for extra in (('haar_alt2', 'dlib_hog'), ('haar_default', 'dlib_hog'), ('lbp_improved', 'dlib_hog'),
              ('haar_alt2', 'haar_profile', 'dlib_hog'), ('haar_alt', 'haar_profile', 'dlib_hog'),
              ('haar_alt2', 'lbp_profile', 'dlib_hog'), ('haar_alt2', 'haar_alt', 'haar_profile', 'dlib_hog'),
              tuple(names)):
    combos.append(extra)
for c in combos:
    f, t, fpp, fpn, nh, tm = score(c)
    print('| %s | %d/%d | %.0f%% | %d | %d (%d) | %.0f |' % (' + '.join(c), f, t, 100.0 * f / t, fpp, fpn, nh, tm))
if '-v' in sys.argv:
    for (p, n), ds in sorted(dets.items()):
        print(p, n, ds, gt.get(p))
