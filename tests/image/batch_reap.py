#!/usr/bin/env python3
"""batch_reap.py - `entraide sanitize --batch` waits for its picture workers before it exits.

The pictures are sanitized in entraide-imaged workers (src/cli/cli_image_remote.c). Until
2026-12-06 the program exited without stopping them: they died unreaped, and a parent's
accounting (/usr/bin/time, bench/image) did not see their CPU time. Here the program is run
under os.wait4, whose resource usage counts a child and the descendants it waited for: the
workers' start-up (face models loaded and warmed up) alone is a few tenths of a CPU second,
the program's own work a few hundredths. Also checks every output is written and the exit
status, and that each worker runs one thread: Debian's OpenCV is built with TBB, whose worker
thread (started by OpenCV's first parallel loop, in the warm-up, and kept) ran beside each
picture worker and spun in sched_yield, ~10% of its CPU, until the worker set OpenCV's threads
to one itself (img_worker.c). Usage: batch_reap.py BUILD/entraide
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PICTURES = ['a.jpg', 'b.jpg', 'g_rgba.png']
# What the workers alone cost when they are waited for (0.4-0.7 s measured); the program
# without them used 0.03 s.
MIN_CPU_S = 0.15
# Samples (5 ms apart) in which a worker may show a second thread: glibc's thread set-up
# before the seccomp filter starts and joins one at once (img_worker.c); a thread that stays
# is the bug.
MAX_TWO_THREAD_SAMPLES = 4


def children(pid):
    """Pids of pid's children (from /proc, while it runs)."""
    out = []
    try:
        for t in os.listdir(f'/proc/{pid}/task'):
            with open(f'/proc/{pid}/task/{t}/children') as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def threads(pid):
    try:
        return len(os.listdir(f'/proc/{pid}/task'))
    except OSError:
        return 0


def main():
    exe = sys.argv[1]
    corpus = os.path.join(HERE, '..', '..', 'fuzz', 'corpus', 'image_decode')
    with tempfile.TemporaryDirectory() as out:
        args = [exe, 'sanitize', '--batch', out] + [os.path.join(corpus, p) for p in PICTURES]
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seen, extra = set(), {}
        # waitid with WNOWAIT: the program is left unreaped for wait4 below
        while os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
            for w in children(child.pid):
                seen.add(w)
                if threads(w) > 1:
                    extra[w] = extra.get(w, 0) + 1
            time.sleep(0.005)
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
        if not seen:
            problems.append('no picture worker seen while the program ran')
        for w, n in extra.items():
            if n > MAX_TWO_THREAD_SAMPLES:
                problems.append(f'a picture worker ran more than one thread ({n} samples 5 ms '
                                f'apart): OpenCV\'s own threads (TBB) beside the pool\'s')
        if cpu < MIN_CPU_S:
            problems.append(f'{cpu:.3f} CPU-s counted for the program and the workers it waited '
                            f'for (< {MIN_CPU_S}): the workers were not reaped')
        if problems:
            print('sanitize --batch: FAILED\n  ' + '\n  '.join(problems))
            return 1
        print(f'sanitize --batch: {len(PICTURES)} pictures written, workers reaped '
              f'({cpu:.2f} CPU-s counted), {len(seen)} worker(s) with one thread each')
        return 0


if __name__ == '__main__':
    sys.exit(main())
