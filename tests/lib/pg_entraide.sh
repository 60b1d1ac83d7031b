#!/bin/sh
# tests/lib/pg_entraide.sh - the entraide binary as the API tests run it on PostgreSQL (make
# pg-api-test; tests/lib/server.mjs hands this script out as BIN there): a command whose
# --data DIR holds a file pg-database (the name of that directory's test database in the
# run's cluster, written by server.mjs) runs on that database, as `--database` would make it;
# so `entraide admin --data DIR ...` in a test reaches the server started on DIR.
# ENTRAIDE_REAL_BIN is the binary; ENTRAIDE_PG_HOST the cluster's socket folder.
data=""
prev=""
for a in "$@"; do
	[ "$prev" = "--data" ] && data=$a
	case $a in --data=*) data=${a#--data=} ;; esac
	prev=$a
done
if [ -n "$data" ] && [ -f "$data/pg-database" ]; then
	ENTRAIDE_DATABASE="postgresql:///$(cat "$data/pg-database")?host=$ENTRAIDE_PG_HOST&user=entraide"
	export ENTRAIDE_DATABASE
fi
exec "$ENTRAIDE_REAL_BIN" "$@"
