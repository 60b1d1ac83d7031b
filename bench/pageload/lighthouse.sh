#!/bin/sh
# lighthouse.sh - Lighthouse's mobile profile on the home page, a thread, the public desk page
# and a community manager's desk queue (issue 15), ROUNDS times each, against a fresh demo.
# Not part of `make check` (Lighthouse is not a dependency of the project): install it once
# outside the tree, e.g. `npm install --prefix /tmp/lh lighthouse`, and give its path:
#
#   LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse bench/pageload/lighthouse.sh [build]
#
# Prints one line per run: page, the four category scores, FCP, LCP, TBT and CLS; then the
# median performance score per page. Chromium is Debian's (CHROMIUM_PATH overrides).
set -eu
BUILD=${1:-build}
BIN=$BUILD/entraide
LH=${LIGHTHOUSE:?set LIGHTHOUSE to the lighthouse binary (see the header)}
PORT=${PORT:-8097}
ROUNDS=${ROUNDS:-3}
CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export CHROME_PATH
d=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$d"' EXIT
"$BIN" demo --data "$d/data" >/dev/null
"$BIN" serve --data "$d/data" --listen 127.0.0.1:$PORT 2>"$d/log" &
pid=$!
for i in $(seq 50); do curl -fs http://127.0.0.1:$PORT/healthz >/dev/null 2>&1 && break; sleep 0.1; done
# the demo's community manager (docs/desk.md): the session cookie for the queue
curl -fs -c "$d/jar" -H 'Content-Type: application/json' \
	-d '{"login":"accueil.chu","password":"demo-entraide-2026"}' \
	http://127.0.0.1:$PORT/api/v1/session >/dev/null
cookie="entraide_session=$(awk '$6 == "entraide_session" {print $7}' "$d/jar")"
uptime
for r in $(seq "$ROUNDS"); do
	for page in / /t/1 /desk/chu-exemple /desk/chu-exemple/queue; do
		out="$d/r$r$(echo "$page" | tr / _).json"
		if [ "$page" = /desk/chu-exemple/queue ]; then
			"$LH" "http://127.0.0.1:$PORT$page" --quiet --output=json --output-path="$out" \
				--chrome-flags="--headless=new --no-sandbox" \
				"--extra-headers={\"Cookie\":\"$cookie\"}" >/dev/null 2>&1
		else
			"$LH" "http://127.0.0.1:$PORT$page" --quiet --output=json --output-path="$out" \
				--chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1
		fi
		python3 - "$out" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, a = r['categories'], r['audits']
s = ' '.join(f"{k}={round(v['score'] * 100) if v['score'] is not None else '-'}" for k, v in c.items())
v = lambda k: a[k]['displayValue']
print(f"{sys.argv[2]:26} {s} FCP {v('first-contentful-paint')} LCP {v('largest-contentful-paint')} "
      f"TBT {v('total-blocking-time')} CLS {v('cumulative-layout-shift')} (final URL {r['finalDisplayedUrl']})")
PY
	done
done | tee "$d/all.txt"
echo "median performance:"
awk '{for (i = 2; i <= NF; i++) if ($i ~ /^performance=/) {split($i, x, "="); print $1, x[2]}}' "$d/all.txt" |
	sort -k1,1 -k2n | awk '{p[$1] = p[$1] " " $2; n[$1]++} END {for (k in p) {split(substr(p[k], 2), v, " "); print k, v[int((n[k] + 1) / 2)], "of", n[k]}}'
uptime
