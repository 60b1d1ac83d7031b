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
tmp=$(mktemp -d)
chmod 755 "$tmp"
srv_pid=""
ngx_pid=""
cleanup() {
	[ -n "$srv_pid" ] && kill -TERM "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
	[ -n "$ngx_pid" ] && kill -QUIT "$ngx_pid" 2>/dev/null && wait "$ngx_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_url() {
	i=0
	until curl -fs "$1" >/dev/null; do
		i=$((i + 1)); [ $i -gt 200 ] && { echo "bench: $1 did not answer" >&2; exit 1; }
		sleep 0.1
	done
}

"$BIN" demo --data "$tmp/data" >/dev/null 2>&1
t0=$(date +%s)
thread=$("$GEN" "$tmp/data" "$POSTS" 50 2>/dev/null)
echo "generated $POSTS posts in $(( $(date +%s) - t0 )) s; database $(du -h "$tmp/data/entraide.db" | cut -f1)"
p=$(port)
"$BIN" serve --data "$tmp/data" --listen "127.0.0.1:$p" --log-requests=false >/dev/null 2>"$tmp/serve.log" &
srv_pid=$!
base="http://127.0.0.1:$p"
wait_url "$base/healthz"
THREAD_URL="$base/api/v1/threads/$thread"
SEARCH_URL="$base/api/v1/search?q=pompe+insuline"
mkdir -p "$tmp/www"
curl -fs "$THREAD_URL" >"$tmp/www/thread.json"
curl -fs "$SEARCH_URL" >"$tmp/www/search.json"
chmod 644 "$tmp/www"/*.json
chmod 755 "$tmp/www"
np=$(port)
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user nobody nogroup;"
cat >"$tmp/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/ngx_body;
	proxy_temp_path $tmp/ngx_proxy;
	fastcgi_temp_path $tmp/ngx_fastcgi;
	uwsgi_temp_path $tmp/ngx_uwsgi;
	scgi_temp_path $tmp/ngx_scgi;
	keepalive_requests 100000;
	default_type application/json;
	server { listen 127.0.0.1:$np; root $tmp/www; }
}
CONF
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx-error.log" &
ngx_pid=$!
wait_url "http://127.0.0.1:$np/thread.json"

# bench NAME URL -> "NAME req/s p99_ms non2xx"
bench() {
	wrk -t2 -c"$CONN" -d"$DURATION" --latency "$2" >"$tmp/$1.txt"
	awk -v n="$1" '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000;
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0;
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000;
			return v;
		}
		/Requests\/sec:/ { rps = $2 }
		/^ +99%/ { p99 = ms($2) }
		/Non-2xx/ { bad = $NF }
		END { printf "%s %.0f %.3f %d\n", n, rps, p99, bad }' "$tmp/$1.txt"
}
echo "wrk -t2 -c$CONN -d$DURATION --latency, $ROUNDS rounds, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
r=0
while [ $r -lt "$ROUNDS" ]; do
	bench thread "$THREAD_URL" >>"$tmp/res"
	bench ngx_thread "http://127.0.0.1:$np/thread.json" >>"$tmp/res"
	bench search "$SEARCH_URL" >>"$tmp/res"
	bench ngx_search "http://127.0.0.1:$np/search.json" >>"$tmp/res"
	r=$((r + 1))
done
med() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$tmp/res" | sort -g |
	awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
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
