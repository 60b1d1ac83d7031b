#!/bin/sh
# bench/http/run.sh - requests per second and p99 latency of entraide against nginx, same run.
#
#   bench/http/run.sh [BIN]   (default build/entraide; DURATION=10s CONNECTIONS=64 ROUNDS=3)
#
# Starts `entraide serve` on demo data (request logs off), logs in as a demo account to get a
# session cookie, and nginx (Debian's nginx-light) on another loopback port with a temporary
# configuration serving static files of the same sizes as the two entraide responses. Then
# wrk -t2 -c64 -d10s --latency on GET /healthz and GET /api/v1/me (with the cookie), and on
# the two nginx files, ROUNDS times in turn (so a burst of load elsewhere on the machine hits
# both servers alike). Prints the median req/s and p99 of the rounds and the ratio to nginx.
# Everything lives in a temporary directory, removed at the end. Not part of `make check`.
set -eu
BIN=${1:-${ENTRAIDE_BIN:-build/entraide}}
DURATION=${DURATION:-10s}
CONN=${CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
ROUNDS=${ROUNDS:-3}
NGINX=${NGINX:-/usr/sbin/nginx}
for t in wrk curl "$NGINX" "$BIN"; do
	command -v "$t" >/dev/null 2>&1 || { echo "bench: $t not found" >&2; exit 2; }
done

. "$(dirname "$0")/../lib.sh"

"$BIN" demo --data "$tmp/data" >/dev/null 2>&1
port=$(bench_port)
"$BIN" serve --data "$tmp/data" --listen "127.0.0.1:$port" --log-requests=false \
	>/dev/null 2>"$tmp/serve.log" &
srv_pid=$!
base="http://127.0.0.1:$port"
bench_wait_url "$base/healthz"
curl -fs -c "$tmp/jar" -H 'content-type: application/json' \
	-d '{"login":"alice","password":"demo-entraide-2026"}' "$base/api/v1/session" >/dev/null
cookie=$(awk '$6 == "entraide_session" { print $6 "=" $7 }' "$tmp/jar")
[ -n "$cookie" ] || { echo "bench: log-in failed" >&2; exit 1; }

# nginx serves files of the same sizes as the two responses.
mkdir -p "$tmp/www"
curl -fs "$base/healthz" >"$tmp/www/healthz.json"
curl -fs -H "Cookie: $cookie" "$base/api/v1/me" >"$tmp/www/me.json"
bench_nginx_start healthz.json

echo "entraide HTTP benchmark: wrk -t$THREADS -c$CONN -d$DURATION --latency, $ROUNDS rounds, $(nproc) CPUs, $(date -u +%Y-%m-%d)"
: >"$tmp/results"
r=1
while [ $r -le "$ROUNDS" ]; do
	bench_wrk healthz "$base/healthz" >>"$tmp/results"
	bench_wrk ngx_healthz "$ngx_base/healthz.json" >>"$tmp/results"
	bench_wrk me "$base/api/v1/me" "Cookie: $cookie" >>"$tmp/results"
	bench_wrk ngx_me "$ngx_base/me.json" >>"$tmp/results"
	r=$((r + 1))
done

median() { bench_median "$tmp/results" "$1" "$2"; }
bad=$(awk '($1 == "healthz" || $1 == "me") && $4 != 0 { n += $4 } END { print n + 0 }' "$tmp/results")

printf '\nper round (req/s p99_ms non2xx):\n'
sed 's/^/  /' "$tmp/results"
printf '\n| endpoint | body bytes | entraide req/s | entraide p99 ms | nginx req/s | nginx p99 ms | ratio req/s |\n'
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
for pair in "healthz:GET /healthz:healthz.json" "me:GET /api/v1/me:me.json"; do
	name=${pair%%:*}
	rest=${pair#*:}
	label=${rest%%:*}
	file=${rest#*:}
	e_rps=$(median "$name" 2)
	n_rps=$(median "ngx_$name" 2)
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(wc -c <"$tmp/www/$file")" \
		"$e_rps" "$(median "$name" 3)" "$n_rps" "$(median "ngx_$name" 3)" \
		"$(awk "BEGIN{printf \"%.2f\", $e_rps/$n_rps}")"
done
[ "$bad" = 0 ] || echo "warning: $bad non-2xx responses from entraide" >&2
