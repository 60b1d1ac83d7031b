#!/bin/sh
# tests/check.sh MAKE BUILD - runs every test suite of `make check` in order, goes on after a
# failing suite so one run shows every failure, and ends with one summary line (and the time).
# Each suite's make runs JOBS jobs at once (default: one per core): compiling, linking and the
# evaluations (their outputs kept apart); the test runners decide their own concurrency
# (Makefile: api-test, e2e).
set -u
MAKE_CMD="$1 -j${JOBS:-$(nproc 2>/dev/null || echo 1)}"
BUILD=$2
check_start=$(date +%s)
passed=0
failed=0
failures=""

step() {
	name=$1
	shift
	echo "=== $name"
	start=$(date +%s)
	if "$@"; then
		passed=$((passed + 1))
		echo "=== $name: ok ($(($(date +%s) - start)) s)"
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "=== $name: FAILED ($(($(date +%s) - start)) s)"
	fi
}

step build $MAKE_CMD --no-print-directory BUILD="$BUILD" all
step unit $MAKE_CMD --no-print-directory BUILD="$BUILD" unit
step unit-asan-ubsan $MAKE_CMD --no-print-directory BUILD="$BUILD" asan-unit
if ls fuzz/fuzz_*.c >/dev/null 2>&1; then
	step fuzz-replay $MAKE_CMD --no-print-directory BUILD="$BUILD" fuzz-replay
fi
if ls tests/api/*.test.mjs >/dev/null 2>&1; then
	step api $MAKE_CMD --no-print-directory BUILD="$BUILD" api-test
fi
if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
	step browser $MAKE_CMD --no-print-directory BUILD="$BUILD" e2e
fi
for extra in $($MAKE_CMD --no-print-directory -s print-CHECK_EXTRA 2>/dev/null); do
	step "$extra" $MAKE_CMD --no-print-directory BUILD="$BUILD" "$extra"
done
step eval $MAKE_CMD --output-sync=target --no-print-directory BUILD="$BUILD" eval

[ -n "$failures" ] && echo "failed suites:$failures"
echo "check: $passed passed, $failed failed ($(($(date +%s) - check_start)) s)"
[ "$failed" -eq 0 ]
