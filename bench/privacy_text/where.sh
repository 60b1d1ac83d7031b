#!/bin/sh
# bench/privacy_text/where.sh BENCH_BIN [CORPUS] - where the engine's time goes on real
# hardware: `perf record -e cpu-clock` (a software clock: it works in a virtual machine without
# hardware counters, where `perf stat -e instructions` answers "not supported") on one
# bench_priv_text run of ROUNDS rounds (4 by default) pinned to one core, and the functions
# above 0.5 % of the samples. cost.sh counts instructions and simulated mispredicts; this shows
# what they miss: on the dense corpus the key table's look-ups (lookup_batch, priv_lex_get) are
# 4 % of the instructions and 9 to 10 % of the samples (cache and TLB misses in an 8 MB table).
# Compare two builds by their shares in runs made back to back: the machine's load moves the
# MB/s, much less the shares. Needs perf. CORPUS defaults to build/bench/dense.txt.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BENCH_BIN [CORPUS]" >&2; exit 2; }
command -v perf >/dev/null 2>&1 || { echo "perf missing" >&2; exit 2; }
bin=$1
corpus=${2:-${BUILD:-build}/bench/dense.txt}
[ -f "$corpus" ] || { echo "$corpus missing: run make bench-privacy-text first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 1"
# shellcheck disable=SC2086
$pin perf record -q -e cpu-clock -F 5000 -o "$tmp/perf.data" "$bin" "$corpus" "${ROUNDS:-4}"
perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
	awk '/^ +[0-9.]+%/ { p = $1; sub("%", "", p); if (p + 0 >= 0.5) print }'
