# bench/members/engines.sh - the PostgreSQL part of bench/members/run.sh (issue 16), sourced by
# it when ENGINES names pg (one node) or pg2 (two nodes behind nginx) beside sqlite.
# run.sh runs inside scripts/pg-test-cluster.sh (ENTRAIDE_PG_URL: an empty database of a
# throwaway cluster, Unix socket only). The generated SQLite data is moved there with
# `entraide admin migrate-db` (timed: the tool on the full benchmark data), then:
#   pg   one `serve --database` node (its data directory: the same keys and media)
#   pg2  that node and a second one on the same database, behind Debian's nginx as a
#        load balancer (round robin, keep-alive to both) on loopback
# Each wrk run also samples where the time went: the CPU time of the entraide process(es) and
# of the cluster's server processes, and entraide_db_seconds_total (/metrics: time inside the
# database calls, waiting on PostgreSQL included), each per request.

pg_pm=""
pg1_pid=""
pg2_pid=""
lb_pid=""
engines_cleanup() {
	for p in $pg1_pid $pg2_pid; do kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	[ -n "$lb_pid" ] && kill -QUIT "$lb_pid" 2>/dev/null && wait "$lb_pid" 2>/dev/null
	bench_cleanup
}
trap engines_cleanup EXIT INT TERM

psql_q() {
	"$ENTRAIDE_PG_BIN/psql" -X -q -h "$ENTRAIDE_PG_HOST" -U entraide -d entraide -At "$@"
}

# pg_tune: pg_stat_statements in the throwaway cluster, to see where the time goes; restarts it
# (as the user that owns it). Skipped, saying so, when that fails. The cluster keeps the
# settings scripts/pg-test-cluster.sh starts it with (shared_buffers 32MB, fsync off: given on
# its command line, they win over ALTER SYSTEM); the run prints them.
pg_tune() {
	as_owner=""
	[ "$(id -u)" -eq 0 ] && as_owner="runuser -u postgres --"
	if psql_q -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" &&
		$as_owner "$ENTRAIDE_PG_BIN/pg_ctl" -D "$ENTRAIDE_PG_HOST/data" -w -m fast restart >/dev/null 2>&1 &&
		psql_q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"; then
		pg_stat=true
	else
		echo "bench: could not restart the cluster with pg_stat_statements: without it" >&2
		pg_stat=false
	fi
}

# pg_top: the statements PostgreSQL spent the most time in, since the nodes started.
pg_top() {
	$pg_stat || return 0
	echo
	echo "PostgreSQL: the 12 statements with the most execution time (pg_stat_statements, all runs)"
	psql_q -F ' | ' -c "SELECT calls, round(total_exec_time::numeric / 1000, 1) AS total_s,
		round(mean_exec_time::numeric, 3) AS mean_ms, rows,
		regexp_replace(left(query, 110), '\s+', ' ', 'g') FROM pg_stat_statements
		ORDER BY total_exec_time DESC LIMIT 12"
}

# pg_move: the generated data into the cluster's database (media and keys copied beside).
pg_move() {
	pg_tune
	mkdir -p "$tmp/data_pg"
	cp -r "$tmp/data/keys" "$tmp/data/media" "$tmp/data_pg/"
	t0=$(date +%s.%N)
	"$BIN" admin migrate-db --from "$tmp/data" --to "$ENTRAIDE_PG_URL" >"$tmp/migrate.txt" 2>"$tmp/migrate.err" ||
		{ cat "$tmp/migrate.err" >&2; exit 1; }
	echo "migrate-db: $(grep ' tables, ' "$tmp/migrate.txt" | sed 's/\. Media.*//') (wall $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $t0 }") s)"
	pg_pm=$(head -1 "$ENTRAIDE_PG_HOST/data/postmaster.pid" 2>/dev/null || true)
	$pg_stat && psql_q -c "SELECT pg_stat_statements_reset()" >/dev/null
	psql_q -c "SELECT 'postgresql ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', database ' || pg_size_pretty(pg_database_size(current_database()))"
}

# pg_node PORT: starts a node on the cluster's database; its pid in node_pid.
pg_node() {
	"$BIN" serve --data "$tmp/data_pg" --database "$ENTRAIDE_PG_URL" --listen "127.0.0.1:$1" \
		--log-requests=false --write-limits 0 >/dev/null 2>>"$tmp/serve-pg.log" &
	node_pid=$!
}

pg_start() {
	pp1=$(bench_port)
	pg_node "$pp1"
	pg1_pid=$node_pid
	pg1_base="http://127.0.0.1:$pp1"
	bench_wait_url "$pg1_base/healthz"
	case " $ENGINES " in *" pg2 "*) ;; *) return 0 ;; esac
	pp2=$(bench_port)
	pg_node "$pp2"
	pg2_pid=$node_pid
	bench_wait_url "http://127.0.0.1:$pp2/healthz"
	pg2_base_node="http://127.0.0.1:$pp2"
	lport=$(bench_port)
	user_line=""
	[ "$(id -u)" -eq 0 ] && user_line="user nobody nogroup;"
	mkdir -p "$tmp/lb"
	cat >"$tmp/lb/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $tmp/lb/nginx.pid;
error_log $tmp/lb/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/lb/body;
	proxy_temp_path $tmp/lb/proxy;
	fastcgi_temp_path $tmp/lb/fastcgi;
	uwsgi_temp_path $tmp/lb/uwsgi;
	scgi_temp_path $tmp/lb/scgi;
	keepalive_requests 100000;
	upstream entraide { server 127.0.0.1:$pp1; server 127.0.0.1:$pp2; keepalive 64; }
	server {
		listen 127.0.0.1:$lport;
		location / {
			proxy_pass http://entraide;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host \$host;
		}
	}
}
CONF
	"$NGINX" -c "$tmp/lb/nginx.conf" -p "$tmp/lb" -e "$tmp/lb/error.log" &
	lb_pid=$!
	pg2_base="http://127.0.0.1:$lport"
	bench_wait_url "$pg2_base/healthz"
}

# CPU seconds (user + system) of the given pids.
cpu_of() {
	for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done |
		awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.3f", t / hz }'
}
# The cluster's server processes: the postmaster and its children (the connections).
pg_pids() {
	[ -n "$pg_pm" ] && echo "$pg_pm" $(ps -o pid= --ppid "$pg_pm")
}
db_s() {
	for u in "$@"; do curl -fs "$u/metrics"; done | awk '/^entraide_db_seconds_total/ { t += $2 } END { printf "%.3f", t }'
}

# engine_wrk NAME ENGINE MODE: one wrk run of MODE on ENGINE, its line added to $tmp/res and
# its time per request (entraide CPU, PostgreSQL CPU, database wall, microseconds) to
# $tmp/prof.
engine_wrk() {
	case $2 in
	sqlite) url=$base pids=$srv_pid nodes=$base ;;
	pg) url=$pg1_base pids=$pg1_pid nodes=$pg1_base ;;
	pg2) url=$pg2_base pids="$pg1_pid $pg2_pid" nodes="$pg1_base $pg2_base_node" ;;
	esac
	e0=$(cpu_of $pids) q0=$(cpu_of $(pg_pids)) d0=$(db_s $nodes)
	line=$(MODE=$3 WRK_SCRIPT=$SCRIPT bench_wrk "$1" "$url/")
	e1=$(cpu_of $pids) q1=$(cpu_of $(pg_pids)) d1=$(db_s $nodes)
	echo "$line" >>"$tmp/res"
	set -- $line
	n=$(awk -v r="$2" -v d="$DURATION" 'BEGIN { sub(/s$/, "", d); print r * d }')
	awk -v n="$1" -v c="$n" -v e="$e1 - $e0" -v ea="$e0" -v eb="$e1" -v qa="$q0" -v qb="$q1" \
		-v da="$d0" -v db="$d1" 'BEGIN { if (c < 1) c = 1;
		printf "%s %.0f %.0f %.0f\n", n, (eb - ea) * 1e6 / c, (qb - qa) * 1e6 / c, (db - da) * 1e6 / c }' >>"$tmp/prof"
}
