#!/usr/bin/env python3
"""time_cli.py - end-to-end throughput of `entraide redact --jsonl` (JSON in, JSON out, the
default mask policy) on a corpus of {"id","text"} lines: runs it once as a child process
(pinned to one core with taskset when there is one), output thrown away, and prints MB/s of
text (the UTF-8 bytes of the "text" fields, as the in-process figure counts them) per second
of the child's CPU time and of wall-clock time, best of ROUNDS.

usage: time_cli.py ENTRAIDE_BIN CORPUS.jsonl [ROUNDS]
"""
import json
import resource
import shutil
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, corpus = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    text_bytes = 0
    posts = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
            posts += 1
    cmd = [binary, "redact", "--jsonl"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0"] + cmd
    best_cpu = best_wall = 0.0
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        with open(corpus, "rb") as src:
            subprocess.run(cmd, stdin=src, stdout=subprocess.DEVNULL, check=True)
        wall = time.monotonic() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = max(best_cpu, text_bytes / 1e6 / cpu)
        best_wall = max(best_wall, text_bytes / 1e6 / wall)
    print("entraide redact --jsonl: %.1f MB/s cpu, %.1f MB/s wall (%d posts, %.1f MB of text, best of %d)"
          % (best_cpu, best_wall, posts, text_bytes / 1e6, rounds))


if __name__ == "__main__":
    main()
