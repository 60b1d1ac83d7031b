#!/bin/sh
# tests/run_fuzz_replay.sh BINDIR CORPUSDIR - replays each harness's stored corpus once.
# Harness fuzz_NAME reads CORPUSDIR/NAME/; a harness with no corpus still runs one empty input.
set -u
bindir=$1
corpus=$2
passed=0
failed=0
for h in "$bindir"/fuzz_*; do
	[ -x "$h" ] || continue
	name=$(basename "$h")
	name=${name#fuzz_}
	dir="$corpus/$name"
	mkdir -p "$dir"
	if timeout 600 "$h" -runs=0 "$dir" >/tmp/fuzz-replay.$$ 2>&1; then
		passed=$((passed + 1))
		echo "ok   fuzz_$name ($(find "$dir" -type f | wc -l) inputs)"
	else
		failed=$((failed + 1))
		echo "FAIL fuzz_$name"
		tail -30 /tmp/fuzz-replay.$$
	fi
	rm -f /tmp/fuzz-replay.$$
done
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
