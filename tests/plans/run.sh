#!/bin/sh
# tests/plans/run.sh BUILD_DIR - the query-plan test of `make check` (issue 13): demo data, then
# the benchmark generators add a scaled-down community (bench/community: PLAN_POSTS posts,
# default 2,000; bench/members: 100 members with sessions, follows, 20,000 notifications,
# 5,000 reactions; a few seconds), then check_plans runs EXPLAIN QUERY PLAN on every named
# statement of src/.
# PLAN_VERBOSE=1 prints every plan.
set -eu
B=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$B/entraide" demo --data "$tmp/data" >/dev/null 2>&1
"$B/bench/comm_gen" "$tmp/data" "${PLAN_POSTS:-2000}" 50 >/dev/null
"$B/bench/members_gen" "$tmp/data" 100 20 20000 5000 "$tmp/sessions.txt"
if [ "${PLAN_VERBOSE:-0}" = 1 ]; then
	"$B/tests/plans/check_plans" -v "$tmp/data/entraide.db"
else
	"$B/tests/plans/check_plans" "$tmp/data/entraide.db"
fi
