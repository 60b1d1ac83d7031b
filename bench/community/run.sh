#!/bin/sh
# bench/community/run.sh - the thread page API and a search on a community of 100,000 posts,
# against nginx serving static files of the same sizes, in the same run; the server's peak
# resident memory.
#
#   make BUILD=build bench-community     (or: bench/community/run.sh BUILD_DIR)
#   POSTS=100000 DURATION=10s CONNECTIONS=64 ROUNDS=3
#
# Demo data, then bench/community/gen_posts.c adds POSTS posts (threads of 50) to a public
# space. wrk -t2 -c64 --latency on GET /api/v1/threads/{id} (a visitor's first page: 50 posts,
# labels, the related articles found by FTS5) and GET /api/v1/search?q=pompe+insuline, and on
# the two nginx files, ROUNDS times in turn. Prints median req/s and p99, the ratio to nginx,
# and VmHWM of the server. Temporary files are removed. Not part of `make check`.
set -eu
B=${1:-build}
BIN=$B/entraide
GEN=$B/bench/comm_gen
POSTS=${POSTS:-100000}
DURATION=${DURATION:-10s}
CONN=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
NGINX=${NGINX:-/usr/sbin/nginx}
for t in wrk curl "$NGINX" "$BIN" "$GEN"; do
	command -v "$t" >/dev/null 2>&1 || { echo "bench: $t not found" >&2; exit 2; }
done
. "$(dirname "$0")/../lib.sh"

"$BIN" demo --data "$tmp/data" >/dev/null 2>&1
t0=$(date +%s)
thread=$("$GEN" "$tmp/data" "$POSTS" 50 2>/dev/null)
echo "generated $POSTS posts in $(( $(date +%s) - t0 )) s; database $(du -h "$tmp/data/entraide.db" | cut -f1)"
p=$(bench_port)
"$BIN" serve --data "$tmp/data" --listen "127.0.0.1:$p" --log-requests=false >/dev/null 2>"$tmp/serve.log" &
srv_pid=$!
base="http://127.0.0.1:$p"
bench_wait_url "$base/healthz"
THREAD_URL="$base/api/v1/threads/$thread"
SEARCH_URL="$base/api/v1/search?q=pompe+insuline"
mkdir -p "$tmp/www"
curl -fs "$THREAD_URL" >"$tmp/www/thread.json"
curl -fs "$SEARCH_URL" >"$tmp/www/search.json"
bench_nginx_start thread.json

echo "wrk -t2 -c$CONN -d$DURATION --latency, $ROUNDS rounds, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
r=0
while [ $r -lt "$ROUNDS" ]; do
	bench_wrk thread "$THREAD_URL" >>"$tmp/res"
	bench_wrk ngx_thread "$ngx_base/thread.json" >>"$tmp/res"
	bench_wrk search "$SEARCH_URL" >>"$tmp/res"
	bench_wrk ngx_search "$ngx_base/search.json" >>"$tmp/res"
	r=$((r + 1))
done
med() { bench_median "$tmp/res" "$1" "$2"; }
sed 's/^/  round: /' "$tmp/res"
printf '\n| endpoint | body bytes | entraide req/s | entraide p99 ms | nginx req/s | nginx p99 ms | ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n'
for n in thread search; do
	e=$(med $n 2); g=$(med ngx_$n 2)
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(wc -c <"$tmp/www/$n.json")" "$e" "$(med $n 3)" \
		"$g" "$(med ngx_$n 3)" "$(awk "BEGIN { printf \"%.2f\", $e / $g }")"
done
echo "server peak RSS (VmHWM): $(awk '/VmHWM/ { printf "%.1f MB", $2 / 1024 }' /proc/$srv_pid/status)"
bad=$(awk '($1 == "thread" || $1 == "search") { n += $4 } END { print n + 0 }' "$tmp/res")
[ "$bad" = 0 ] || echo "warning: $bad non-2xx responses from entraide" >&2
