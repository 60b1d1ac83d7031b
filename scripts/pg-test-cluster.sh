#!/bin/sh
# pg-test-cluster.sh - a throwaway PostgreSQL cluster for the tests (issue 16).
#
#   scripts/pg-test-cluster.sh run CMD [ARG...]   starts a cluster, runs CMD in it, stops it
#   scripts/pg-test-cluster.sh available          exit 0 when Debian's postgresql is installed
#   scripts/pg-test-cluster.sh createdb NAME      (under run) makes an empty database NAME and
#                                                 prints its URI
#
# The cluster lives in a temporary folder (initdb), listens on a Unix socket in that folder
# only (listen_addresses is empty: no network), trusts whoever reaches the socket (the folder
# is private to its owner) as the superuser "entraide", and is stopped and removed when CMD
# ends, fails or is interrupted. Durability is off (fsync, synchronous_commit): the data is
# thrown away. Every new database has the unaccent extension (made in template1).
# CMD sees ENTRAIDE_PG_HOST (the socket folder), ENTRAIDE_PG_BIN (PostgreSQL's programs) and
# ENTRAIDE_PG_URL (the URI of an empty database "entraide"). Run as root, the server runs as
# the postgres user (initdb refuses root). PG_BIN overrides where the programs are looked for.
set -eu

pg_bin() {
	if [ -n "${PG_BIN:-}" ]; then
		echo "$PG_BIN"
		return
	fi
	# the newest installed major version
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return
		fi
	done
	command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
	return 0
}

uri() { # NAME
	echo "postgresql:///$1?host=$ENTRAIDE_PG_HOST&user=entraide"
}

case "${1:-}" in
available)
	bin=$(pg_bin)
	[ -n "$bin" ] && [ -x "$bin/initdb" ]
	exit $?
	;;
createdb)
	[ -n "${ENTRAIDE_PG_HOST:-}" ] || { echo "pg-test-cluster: createdb outside run" >&2; exit 2; }
	"$ENTRAIDE_PG_BIN/createdb" -h "$ENTRAIDE_PG_HOST" -U entraide "$2"
	uri "$2"
	exit 0
	;;
run)
	shift
	[ $# -gt 0 ] || { echo "usage: $0 run CMD [ARG...]" >&2; exit 2; }
	;;
*)
	echo "usage: $0 run CMD [ARG...] | available | createdb NAME" >&2
	exit 2
	;;
esac

bin=$(pg_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pg-test-cluster: PostgreSQL is not installed (scripts/install-deps.sh --check)" >&2
	exit 2
fi

dir=$(mktemp -d /tmp/entraide-pg-XXXXXX)
as_owner=""
if [ "$(id -u)" -eq 0 ]; then
	chown postgres: "$dir"
	as_owner="runuser -u postgres --"
fi
chmod 700 "$dir"

stop() {
	if [ -f "$dir/data/postmaster.pid" ]; then
		$as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

$as_owner "$bin/initdb" -D "$dir/data" -U entraide --auth=trust --no-locale -E UTF8 --no-sync \
	>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# listen_addresses='': no TCP socket at all; the Unix socket sits in the private folder.
$as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-c listen_addresses= \
	-c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off \
	-c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB" start >/dev/null ||
	{ cat "$dir/server.log" >&2; exit 1; }

export ENTRAIDE_PG_HOST="$dir" ENTRAIDE_PG_BIN="$bin"
"$bin/psql" -X -q -h "$dir" -U entraide -d template1 -v ON_ERROR_STOP=1 \
	-c 'CREATE EXTENSION unaccent' >/dev/null
"$bin/createdb" -h "$dir" -U entraide entraide
ENTRAIDE_PG_URL=$(uri entraide)
export ENTRAIDE_PG_URL

rc=0
"$@" || rc=$?
exit $rc
