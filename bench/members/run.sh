#!/bin/sh
# bench/members/run.sh - logged-in members at scale (issue 13): many distinct member sessions
# on the thread page, the space page, notifications and search, then replies alone and a mixed
# load (90 % reads, 10 % replies), against nginx serving the same bytes in the same run; the
# server's peak resident memory.
#
#   make BUILD=build bench-members      (or: bench/members/run.sh BUILD_DIR)
#   POSTS=100000 MEMBERS=2000 FOLLOWS=50 NOTIFICATIONS=1000000 REACTIONS=200000
#   DURATION=10s CONNECTIONS=64 ROUNDS=3 BENCH_DATA=DIR (keep and reuse the generated data)
#   MODES="thread space notifications search replies mixed" (a subset: only those runs)
#   ENGINES="sqlite pg pg2" (default sqlite): also on PostgreSQL, one node and two nodes behind
#   nginx, in the same rounds (bench/members/engines.sh; a throwaway cluster, pg_stat_statements)
#
# Data: demo, then bench/community's comm_gen (POSTS posts, threads of 50), then members_gen
# (MEMBERS accounts with live sessions, each following FOLLOWS threads, NOTIFICATIONS in all,
# REACTIONS on random posts). The full size takes several minutes to generate on a shared
# 2-core machine; smaller sizes (POSTS=20000 MEMBERS=500 NOTIFICATIONS=100000) take seconds.
# wrk -t2 -cCONNECTIONS --latency with bench/members/members.lua (one member per request,
# walking all sessions), ROUNDS times in turn. nginx serves, for each read endpoint, the bytes
# one member got. Replies go through the publishing check. Not part of `make check`.
# Each round measures the data as generated: on SQLite (the default engine) the server is
# stopped after a round, the database copied back from the generated one and the server
# started again (the OS keeps the files cached). The replies mode alone adds some 50,000
# posts and their notifications in 10 s: without the copy, the rounds after the first would
# measure a database two to three times the stated size. AFTER_REPLIES=1 adds, in each
# round, one more mixed run after the replies (mixed_after in the tables) to see that
# effect. On PostgreSQL the data is generated once and grows over the rounds.
set -eu
ENGINES=${ENGINES:-sqlite}
case " $ENGINES " in *" pg"*)
	# In a throwaway PostgreSQL cluster (stopped and removed at the end), unless already in one.
	if [ -z "${ENTRAIDE_PG_URL:-}" ]; then
		exec "$(cd "$(dirname "$0")/../.." && pwd)/scripts/pg-test-cluster.sh" run "$0" "$@"
	fi
	;;
esac
B=${1:-build}
BIN=$B/entraide
POSTS=${POSTS:-100000}
MEMBERS=${MEMBERS:-2000}
FOLLOWS=${FOLLOWS:-50}
NOTIFICATIONS=${NOTIFICATIONS:-1000000}
REACTIONS=${REACTIONS:-200000}
DURATION=${DURATION:-10s}
CONN=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
NGINX=${NGINX:-/usr/sbin/nginx}
for t in wrk curl "$NGINX" "$BIN" "$B/bench/comm_gen" "$B/bench/members_gen"; do
	command -v "$t" >/dev/null 2>&1 || { echo "bench: $t not found" >&2; exit 2; }
done
. "$(dirname "$0")/../lib.sh"
SCRIPT=$(cd "$(dirname "$0")" && pwd)/members.lua
with_pg=false
case " $ENGINES " in *" pg"*) with_pg=true; . "$(dirname "$0")/engines.sh" ;; esac

# BENCH_DATA=DIR keeps the generated data there and reuses it on the next run (it is copied,
# so each run starts from the same database); delete DIR after changing the sizes or the schema.
if [ -n "${BENCH_DATA:-}" ] && [ -f "$BENCH_DATA/data/entraide.db" ]; then
	cp -r "$BENCH_DATA/data" "$BENCH_DATA/sessions.txt" "$BENCH_DATA/hot" "$tmp/"
	echo "data reused from $BENCH_DATA; database $(du -h "$tmp/data/entraide.db" | cut -f1)"
else
	"$BIN" demo --data "$tmp/data" >/dev/null 2>&1
	t0=$(date +%s)
	"$B/bench/comm_gen" "$tmp/data" "$POSTS" 50 >"$tmp/hot" 2>/dev/null
	"$B/bench/members_gen" "$tmp/data" "$MEMBERS" "$FOLLOWS" "$NOTIFICATIONS" "$REACTIONS" "$tmp/sessions.txt"
	echo "generated $POSTS posts, $MEMBERS members x $FOLLOWS follows, $NOTIFICATIONS notifications," \
		"$REACTIONS reactions in $(( $(date +%s) - t0 )) s; database $(du -h "$tmp/data/entraide.db" | cut -f1)"
	if [ -n "${BENCH_DATA:-}" ]; then
		mkdir -p "$BENCH_DATA"
		cp -r "$tmp/data" "$tmp/sessions.txt" "$tmp/hot" "$BENCH_DATA/"
	fi
fi
hot=$(cat "$tmp/hot")
$with_pg && pg_move
p=$(bench_port)
base="http://127.0.0.1:$p"
# The generated data, kept to start each round from it (SQLite only; see the header).
$with_pg || cp -r "$tmp/data" "$tmp/data.gen"
# --write-limits 0: the replies mode posts far faster than a person (its budget would answer 429)
serve() {
	"$BIN" serve --data "$tmp/data" --listen "127.0.0.1:$p" --log-requests=false --write-limits 0 >/dev/null 2>>"$tmp/serve.log" &
	srv_pid=$!
	bench_wait_url "$base/healthz"
	sleep 2
}
# The server's peak resident memory (VmHWM) over every round's process, in kB.
peak_kb=0
hwm() { awk -v p="$peak_kb" '/VmHWM/ { print ($2 > p) ? $2 : p }' /proc/$srv_pid/status; }
# A round after the first: the server stopped, the generated data back, the server again.
fresh_data() {
	peak_kb=$(hwm)
	kill -TERM "$srv_pid" && wait "$srv_pid" 2>/dev/null || true
	rm -rf "$tmp/data" && cp -r "$tmp/data.gen" "$tmp/data"
	serve
}
serve
rss() { awk '/^(VmRSS|RssAnon|RssFile)/ { printf "%s %.1f MB  ", $1, $2 / 1024 }' /proc/$srv_pid/status; }
echo "server at idle (started, one /healthz): $(rss)"
$with_pg && pg_start

# The bytes one member gets, for nginx.
set -- $(head -1 "$tmp/sessions.txt")
cookie="Cookie: entraide_session=$1"
QUERY=${QUERY:-pompe+insuline}
mkdir -p "$tmp/www"
curl -fs -H "$cookie" "$base/api/v1/threads/$hot" >"$tmp/www/thread.json"
curl -fs -H "$cookie" "$base/api/v1/spaces/banc-d-essai" >"$tmp/www/space.json"
curl -fs -H "$cookie" "$base/api/v1/notifications" >"$tmp/www/notifications.json"
curl -fs -H "$cookie" "$base/api/v1/search?q=$QUERY" >"$tmp/www/search.json"
bench_nginx_start thread.json

echo "wrk -t2 -c$CONN -d$DURATION --latency, $ROUNDS rounds, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
export SESSIONS="$tmp/sessions.txt" HOT="$hot" QUERY
# MODES: which runs, in this order (default all); the read pages each with their nginx run.
MODES=${MODES:-thread space notifications search mixed replies}
case " $MODES " in *" replies "*) [ "${AFTER_REPLIES:-0}" = 1 ] && MODES="$MODES mixed_after" ;; esac
r=0
while [ $r -lt "$ROUNDS" ]; do
	[ $r -gt 0 ] && ! $with_pg && fresh_data
	for m in $MODES; do
		if [ "$m" = mixed_after ]; then
			MODE=mixed WRK_SCRIPT=$SCRIPT bench_wrk "$m" "$base/" >>"$tmp/res"
			continue
		fi
		if $with_pg; then
			for e in $ENGINES; do
				case $e in sqlite) n=$m ;; *) n=${e}_$m ;; esac
				engine_wrk "$n" "$e" "$m"
			done
		else
			MODE=$m WRK_SCRIPT=$SCRIPT bench_wrk "$m" "$base/" >>"$tmp/res"
		fi
		case $m in replies | mixed) ;; *) bench_wrk "ngx_$m" "$ngx_base/$m.json" >>"$tmp/res" ;; esac
	done
	r=$((r + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { bench_median "$tmp/res" "$1" "$2"; }
sed 's/^/  round: /' "$tmp/res"
printf '\n| endpoint | body bytes | entraide req/s | entraide p99 ms | nginx req/s | nginx p99 ms | ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n'
for n in thread space notifications search; do
	case " $MODES " in *" $n "*) ;; *) continue ;; esac
	e=$(med $n 2); g=$(med ngx_$n 2)
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(wc -c <"$tmp/www/$n.json")" "$e" "$(med $n 3)" \
		"$g" "$(med ngx_$n 3)" "$(awk "BEGIN { printf \"%.2f\", $e / $g }")"
done
for n in mixed replies mixed_after; do
	case " $MODES " in *" $n "*) ;; *) continue ;; esac
	printf '| %s | - | %s | %s | - | - | - |\n' "$n" "$(med $n 2)" "$(med $n 3)"
done
echo "server peak RSS (VmHWM, the highest of the rounds' processes): $(awk "BEGIN { printf \"%.1f MB\", $(hwm) / 1024 }"); now: $(rss)"
if $with_pg; then
	printf '\n| endpoint | engine | req/s | p99 ms | ratio to nginx | entraide CPU us/req | PostgreSQL CPU us/req | in database us/req |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n'
	for m in $MODES; do
		for e in $ENGINES; do
			case $e in sqlite) n=$m ;; *) n=${e}_$m ;; esac
			case $m in replies | mixed) ratio=- ;; *) ratio=$(awk "BEGIN { printf \"%.2f\", $(med $n 2) / $(med ngx_$m 2) }") ;; esac
			printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$m" "$e" "$(med $n 2)" "$(med $n 3)" "$ratio" \
				"$(bench_median "$tmp/prof" "$n" 2)" "$(bench_median "$tmp/prof" "$n" 3)" "$(bench_median "$tmp/prof" "$n" 4)"
		done
	done
	for p in $pg1_pid $pg2_pid; do
		echo "entraide node $p on PostgreSQL, peak RSS (VmHWM): $(awk '/VmHWM/ { printf "%.1f MB", $2 / 1024 }' /proc/$p/status)"
	done
	echo "PostgreSQL server processes RSS now: $(ps -o rss= -p "$(pg_pids | tr ' ' ',')" | awk '{ t += $1 } END { printf "%.1f MB", t / 1024 }')"
	pg_top
fi
bad=$(awk '$1 !~ /^ngx_/ { n += $4 } END { print n + 0 }' "$tmp/res")
[ "$bad" = 0 ] || echo "warning: $bad non-2xx responses from entraide" >&2
