#!/bin/sh
# bench/privacy_text/run.sh [BUILD] - generates the corpus, times entraide's engine and
# redact-pii on it (one core each: taskset when available), prints both and the ratio.
# Not part of `make check`; run by `make BUILD=... bench-privacy-text`.
set -eu
build=${1:-build}
here=$(dirname "$0")
corpus=$build/bench/posts.txt
mkdir -p "$build/bench"
[ -f "$corpus" ] || python3 "$here/gen_corpus.py" "$corpus" "${BENCH_MB:-20}"
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
ours=$($pin "$build/bench/bench_priv_text" "$corpus" 3)
echo "$ours"
theirs=$($pin node "$here/bench_redact_pii.mjs" "$corpus" "${PEER_MB:-2}")
echo "$theirs"
# the ratio compares CPU-time throughputs (the first figure of each line)
a=$(echo "$ours" | sed 's/^entraide: \([0-9.]*\) MB.*/\1/')
b=$(echo "$theirs" | sed 's/^redact-pii: \([0-9.]*\) MB.*/\1/')
echo "ratio (cpu): $(python3 -c "print('%.1f' % ($a / $b))")x  (machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%F))"
