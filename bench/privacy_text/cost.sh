#!/bin/sh
# bench/privacy_text/cost.sh BENCH_BIN... - what the engine costs, in figures a loaded machine
# does not move: runs each bench_priv_text binary (e.g. one linked with main's libentraide.a,
# one with yours) under callgrind with its branch simulator on the first KB kilobytes (400 by
# default, whole lines) of each corpus `make bench-privacy-text` wrote, and prints instructions
# per byte and mispredicted conditional branches per byte (valgrind's simple predictor: a real
# core misses fewer, but the two move together). Compare both columns, not instructions
# alone: on issue 19's tokenizer change the instructions fell 2 %, the simulated mispredicts
# 14 % and the time 9 % (a byte costs ~215 instructions and ~130 cycles at ~23 MB/s).
# Needs valgrind. KB=... for another size, BUILD=... for another build directory.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BENCH_BIN..." >&2; exit 2; }
build=${BUILD:-build}
kb=${KB:-400}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for corpus in dense posts; do
	src=$build/bench/$corpus.txt
	[ -f "$src" ] || { echo "$src missing: run make bench-privacy-text first" >&2; exit 2; }
	head -c $((kb * 1000)) "$src" | sed '$d' > "$tmp/$corpus.txt"
	bytes=$(wc -c < "$tmp/$corpus.txt")
	for bin in "$@"; do
		valgrind --tool=callgrind --branch-sim=yes --callgrind-out-file="$tmp/out" "$bin" \
			"$tmp/$corpus.txt" 1 > /dev/null 2>&1
		# the totals line: Ir Bc Bcm Bi Bim
		callgrind_annotate --show-percs=no "$tmp/out" 2>/dev/null | awk -v b="$bytes" -v c="$corpus" -v n="$bin" '
			/PROGRAM TOTALS/ { gsub(",", ""); ir = $1; bcm = $3
				printf "%-6s %-40s %6.1f M instr  %6.1f instr/byte  %6.2f M mispredicts  %5.2f per byte\n",
					c, n, ir / 1e6, ir / b, bcm / 1e6, bcm / b }'
	done
done
