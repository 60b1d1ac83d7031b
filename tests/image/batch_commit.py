#!/usr/bin/env python3
"""batch_commit.py - `entraide sanitize --batch` puts its outputs in place in groups.

Since 2026-12-06 a batch no longer flushes each output to disk as it is made: it writes each to a
temporary file beside its name, and once a group of files done in order is complete (64, or the
last ones) flushes them together, renames them into place, flushes the directory and only then
prints their reports (src/cli/cli_sanitize_batch.c, docs/privacy-images.md). Checked here on 70
pictures (two groups) with a broken file and a name that cannot be written among them:
- the exit status is 2 and every other picture has its output, non-empty, under its own name;
- the reports come in the order of the arguments, one JSON line per written picture, and a line
  naming each of the two failures on stderr (the one whose rename failed has no JSON report:
  its report is replaced once the commit fails);
- no temporary file is left in the output directory.
Usage: batch_commit.py BUILD/entraide
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', '..', 'fuzz', 'corpus', 'image_decode')
# two pictures of different sizes, so that the order of the reports shows
PICTURES = ['a.jpg', 'b.jpg']
N = 70
BROKEN = 9     # a file that is not a picture
BLOCKED = 66   # its output name is taken by a directory: the rename fails (second group)


def main():
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, 'src'), os.path.join(tmp, 'out')
        os.mkdir(src)
        os.mkdir(out)
        names = [f'p{i:03d}.jpg' for i in range(N)]
        for i, n in enumerate(names):
            if i == BROKEN:
                with open(os.path.join(src, n), 'wb') as f:
                    f.write(b'not a picture at all')
            else:
                shutil.copy(os.path.join(CORPUS, PICTURES[i % 3 == 0]), os.path.join(src, n))
        os.mkdir(os.path.join(out, names[BLOCKED]))
        r = subprocess.run([exe, 'sanitize', '--faces', 'keep', '--json', '--batch', out] +
                           [os.path.join(src, n) for n in names],
                           capture_output=True, timeout=300)
        problems = []
        if r.returncode != 2:
            problems.append(f'exit status {r.returncode}, expected 2')
        reports = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
        if len(reports) != N - 2:
            problems.append(f'{len(reports)} JSON reports, expected {N - 2}')
        else:
            sizes = {}
            for i, r_ in zip([i for i in range(N) if i not in (BROKEN, BLOCKED)], reports):
                sizes.setdefault(i % 3 == 0, set()).add((r_['width'], r_['height']))
            if len(sizes[True]) != 1 or len(sizes[False]) != 1 or sizes[True] == sizes[False]:
                problems.append(f'reports out of the order of the files: {sizes}')
        err = r.stderr.decode(errors='replace')
        for i in (BROKEN, BLOCKED):
            if names[i] not in err:
                problems.append(f'{names[i]}: no failure line on stderr')
        if 'cannot write the output file' not in err:
            problems.append('the failed rename is not reported as a write failure')
        for i, n in enumerate(names):
            p = os.path.join(out, n)
            if i == BROKEN:
                if os.path.exists(p):
                    problems.append(f'{n}: output written for a file that is not a picture')
            elif i == BLOCKED:
                if not os.path.isdir(p) or os.listdir(p):
                    problems.append(f'{n}: the directory in the way was changed')
            elif not os.path.isfile(p) or not os.path.getsize(p):
                problems.append(f'{n}: no output')
        left = [f for f in os.listdir(out) if '.tmp-' in f]
        if left:
            problems.append(f'temporary files left: {left[:5]}')
        verdict = ('FAILED\n  ' + '\n  '.join(problems) if problems else
                   f'{N - 2} of {N} pictures in place in order, 2 failures reported, '
                   'no temporary file left')
        print('sanitize --batch commit: ' + verdict)
        return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main())
