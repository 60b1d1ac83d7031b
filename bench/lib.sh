# bench/lib.sh - what the HTTP benchmarks share: a temporary directory cleaned up on exit, free
# loopback ports, waiting for a URL, nginx serving static files from $tmp/www, one wrk run
# reduced to "NAME req/s p99_ms non2xx", and the median of several rounds.
# Sourced (`. bench/lib.sh`) after the caller has set NGINX, CONN, DURATION and (optionally)
# THREADS. Defines $tmp, $srv_pid (to be set by the caller), $ngx_pid and $ngx_base.

tmp=$(mktemp -d)
chmod 755 "$tmp"
srv_pid=""
ngx_pid=""
bench_cleanup() {
	[ -n "$srv_pid" ] && kill -TERM "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
	[ -n "$ngx_pid" ] && kill -QUIT "$ngx_pid" 2>/dev/null && wait "$ngx_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap bench_cleanup EXIT INT TERM

bench_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# bench_wait_url URL: waits up to 20 s for URL to answer 2xx.
bench_wait_url() {
	i=0
	until curl -fs "$1" >/dev/null; do
		i=$((i + 1))
		[ $i -gt 200 ] && { echo "bench: $1 did not answer" >&2; exit 1; }
		sleep 0.1
	done
}

# bench_nginx_start FILE: serves $tmp/www with Debian's nginx on a free loopback port (as nobody
# when root), waits until FILE answers; sets ngx_pid and ngx_base.
bench_nginx_start() {
	chmod 644 "$tmp/www"/*
	chmod 755 "$tmp/www"
	nport=$(bench_port)
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
	server { listen 127.0.0.1:$nport; root $tmp/www; }
}
CONF
	"$NGINX" -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx-error.log" &
	ngx_pid=$!
	ngx_base="http://127.0.0.1:$nport"
	bench_wait_url "$ngx_base/$1"
}

# bench_wrk NAME URL [HEADER]: one wrk run; prints "NAME req/s p99_ms non2xx". With
# WRK_SCRIPT set, wrk runs that Lua script (-s).
bench_wrk() {
	bw_name=$1
	bw_url=$2
	bw_header=${3:-}
	set --
	[ -n "$bw_header" ] && set -- -H "$bw_header"
	[ -n "${WRK_SCRIPT:-}" ] && set -- "$@" -s "$WRK_SCRIPT"
	wrk -t"${THREADS:-2}" -c"$CONN" -d"$DURATION" --latency "$@" "$bw_url" >"$tmp/$bw_name.txt"
	set -- "$bw_name"
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

# bench_median FILE NAME FIELD: median over the rounds in FILE (2 = req/s, 3 = p99 ms).
bench_median() {
	awk -v n="$2" -v f="$3" '$1 == n { print $f }' "$1" | sort -g |
		awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
