#!/usr/bin/env python3
"""batch_reap.py - `entraide sanitize --batch` waits for its picture workers before it exits.

The pictures are sanitized in entraide-imaged workers (src/cli/cli_image_remote.c). Until
2026-12-06 the program exited without stopping them: they died unreaped, and a parent's
accounting (/usr/bin/time, bench/image) did not see their CPU time. Here the program is run
under os.wait4, whose resource usage counts a child and the descendants it waited for: the
workers' start-up (face models loaded and warmed up) alone is a few tenths of a CPU second,
the program's own work a few hundredths. Also checks every output is written and the exit
status. Usage: batch_reap.py BUILD/entraide
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PICTURES = ['a.jpg', 'b.jpg', 'g_rgba.png']
# What the workers alone cost when they are waited for (0.4-0.7 s measured); the program
# without them used 0.03 s.
MIN_CPU_S = 0.15


def main():
    exe = sys.argv[1]
    corpus = os.path.join(HERE, '..', '..', 'fuzz', 'corpus', 'image_decode')
    with tempfile.TemporaryDirectory() as out:
        args = [exe, 'sanitize', '--batch', out] + [os.path.join(corpus, p) for p in PICTURES]
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        problems = []
        if child.returncode != 0:
            problems.append(f'exit status {child.returncode}: {err.decode(errors="replace")[-500:]}')
        for p in PICTURES:
            if not os.path.getsize(os.path.join(out, p)):
                problems.append(f'{p}: empty output')
        if cpu < MIN_CPU_S:
            problems.append(f'{cpu:.3f} CPU-s counted for the program and the workers it waited '
                            f'for (< {MIN_CPU_S}): the workers were not reaped')
        if problems:
            print('sanitize --batch: FAILED\n  ' + '\n  '.join(problems))
            return 1
        print(f'sanitize --batch: {len(PICTURES)} pictures written, workers reaped '
              f'({cpu:.2f} CPU-s counted)')
        return 0


if __name__ == '__main__':
    sys.exit(main())
