#!/bin/sh
# tests/run_unit.sh DIR - runs every unit test program under DIR, each in its own process with
# a time limit, and prints one summary line. A program passes when it exits 0.
# Inside scripts/pg-test-cluster.sh run (ENTRAIDE_PG_HOST set: make pg-unit), each program gets
# an empty PostgreSQL database of its own, named by ENTRAIDE_TEST_DATABASE.
set -u
dir=$1
limit=${UNIT_TIMEOUT:-120}
passed=0
failed=0
n=0
for t in $(find "$dir" -type f -name 'test_*' ! -name '*.o' | sort); do
	if [ -n "${ENTRAIDE_PG_HOST:-}" ]; then
		n=$((n + 1))
		ENTRAIDE_TEST_DATABASE=$("$(dirname "$0")/../scripts/pg-test-cluster.sh" createdb "unit_$n") ||
			exit 1
		export ENTRAIDE_TEST_DATABASE
	fi
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
