#!/bin/sh
# bench/privacy_text/run.sh [BUILD] - generates the two corpora, times entraide's engine (in
# process, and end to end through `entraide redact --jsonl`) and redact-pii on each (one core
# each: taskset when available), three times each, interleaved, and prints the medians of the
# CPU figures and their ratios.
#   sparse: generated posts (gen_corpus.py), few identifiers
#   dense:  our own annotated posts repeated and varied (gen_dense.py), identifiers in most
# Not part of `make check`; run by `make BUILD=... bench-privacy-text`. RUNS=3 by default.
set -eu
build=${1:-build}
here=$(dirname "$0")
runs=${RUNS:-3}
mkdir -p "$build/bench"
sparse=$build/bench/posts.txt
dense=$build/bench/dense
[ -f "$sparse" ] || python3 "$here/gen_corpus.py" "$sparse" "${BENCH_MB:-20}"
[ -f "$sparse.jsonl" ] || python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[1] + ".jsonl", "w", encoding="utf-8") as o:
    for i, line in enumerate(f):
        o.write(json.dumps({"id": i, "text": line.rstrip("\n")}, ensure_ascii=False) + "\n")
' "$sparse"
# (both files: a build directory may hold the text alone, e.g. from another script's run)
{ [ -f "$dense.txt" ] && [ -f "$dense.jsonl" ]; } || python3 "$here/gen_dense.py" "$dense" "${BENCH_MB:-20}"
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
cpu_of() { sed 's/^[^:]*: \([0-9.]*\) MB.*/\1/'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for corpus in sparse dense; do
	if [ $corpus = sparse ]; then txt=$sparse jsonl=$sparse.jsonl; else txt=$dense.txt jsonl=$dense.jsonl; fi
	echo "--- $corpus corpus ($runs runs each, interleaved)"
	a_all="" c_all="" b_all=""
	r=0
	while [ $r -lt "$runs" ]; do
		ours=$($pin "$build/bench/bench_priv_text" "$txt" 1)
		cli=$(python3 "$here/time_cli.py" "$build/entraide" "$jsonl" 1)
		theirs=$($pin node "$here/bench_redact_pii.mjs" "$txt" "${PEER_MB:-2}")
		echo "$ours"
		echo "$cli"
		echo "$theirs"
		a_all="$a_all $(echo "$ours" | cpu_of)"
		c_all="$c_all $(echo "$cli" | cpu_of)"
		b_all="$b_all $(echo "$theirs" | cpu_of)"
		r=$((r + 1))
	done
	a=$(echo "$a_all" | median)
	c=$(echo "$c_all" | median)
	b=$(echo "$b_all" | median)
	echo "medians (MB/s cpu): in process $a, end to end $c, redact-pii $b"
	echo "ratio (cpu) to redact-pii: in process $(python3 -c "print('%.1f' % ($a / $b))")x, end to end $(python3 -c "print('%.1f' % ($c / $b))")x"
done
echo "(machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%F))"
