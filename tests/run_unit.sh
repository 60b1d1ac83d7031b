#!/bin/sh
# tests/run_unit.sh DIR - runs every unit test program under DIR, each in its own process with
# a time limit, and prints one summary line. A program passes when it exits 0.
set -u
dir=$1
limit=${UNIT_TIMEOUT:-120}
passed=0
failed=0
for t in $(find "$dir" -type f -name 'test_*' ! -name '*.o' | sort); do
	log=$(mktemp)
	timeout "$limit" "$t" >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   ${t#"$dir"/}"
	else
		failed=$((failed + 1))
		echo "FAIL ${t#"$dir"/} (exit $rc)"
		sed 's/^/     /' "$log" | tail -40
	fi
	rm -f "$log"
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
