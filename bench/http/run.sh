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

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

"$BIN" demo --data "$tmp/data" >/dev/null 2>&1
port=$(free_port)
"$BIN" serve --data "$tmp/data" --listen "127.0.0.1:$port" --log-requests=false \
	>/dev/null 2>"$tmp/serve.log" &
srv_pid=$!
base="http://127.0.0.1:$port"
i=0
until curl -fs "$base/healthz" >/dev/null; do
	i=$((i + 1))
	[ $i -gt 100 ] && { echo "bench: server did not start" >&2; exit 1; }
	sleep 0.1
done
curl -fs -c "$tmp/jar" -H 'content-type: application/json' \
	-d '{"login":"alice","password":"demo-entraide-2026"}' "$base/api/v1/session" >/dev/null
cookie=$(awk '$6 == "entraide_session" { print $6 "=" $7 }' "$tmp/jar")
[ -n "$cookie" ] || { echo "bench: log-in failed" >&2; exit 1; }

# nginx serves files of the same sizes as the two responses.
mkdir -p "$tmp/www"
curl -fs "$base/healthz" >"$tmp/www/healthz.json"
curl -fs -H "Cookie: $cookie" "$base/api/v1/me" >"$tmp/www/me.json"
chmod 644 "$tmp/www"/*.json
chmod 755 "$tmp/www"
nport=$(free_port)
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
	server {
		listen 127.0.0.1:$nport;
		root $tmp/www;
	}
}
CONF
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx-error.log" &
ngx_pid=$!
i=0
until curl -fs "http://127.0.0.1:$nport/healthz.json" >/dev/null; do
	i=$((i + 1))
	[ $i -gt 100 ] && { echo "bench: nginx did not start" >&2; cat "$tmp/nginx-error.log" >&2; exit 1; }
	sleep 0.1
done

# run NAME URL [HEADER] -> "req/s p99_ms" on stdout
run() {
	if [ -n "${3:-}" ]; then
		wrk -t"$THREADS" -c"$CONN" -d"$DURATION" --latency -H "$3" "$2" >"$tmp/$1.txt"
	else
		wrk -t"$THREADS" -c"$CONN" -d"$DURATION" --latency "$2" >"$tmp/$1.txt"
	fi
	awk '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000;
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0;
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000;
			return v;
		}
		/Requests\/sec:/ { rps = $2 }
		/^ +99%/ { p99 = ms($2) }
		/Non-2xx/ { bad = $NF }
		END { printf "%.0f %.3f %s\n", rps, p99, bad ? bad : 0 }' "$tmp/$1.txt"
}

echo "entraide HTTP benchmark: wrk -t$THREADS -c$CONN -d$DURATION --latency, $ROUNDS rounds, $(nproc) CPUs, $(date -u +%Y-%m-%d)"
: >"$tmp/results"
r=1
while [ $r -le "$ROUNDS" ]; do
	echo "healthz $(run healthz "$base/healthz")" >>"$tmp/results"
	echo "ngx_healthz $(run ngx_healthz "http://127.0.0.1:$nport/healthz.json")" >>"$tmp/results"
	echo "me $(run me "$base/api/v1/me" "Cookie: $cookie")" >>"$tmp/results"
	echo "ngx_me $(run ngx_me "http://127.0.0.1:$nport/me.json")" >>"$tmp/results"
	r=$((r + 1))
done

# median NAME FIELD (2 = req/s, 3 = p99 ms)
median() {
	awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$tmp/results" | sort -g |
		awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
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
