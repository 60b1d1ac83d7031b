#!/bin/sh
# bench/intent/run.sh [BIN] - times `entraide classify --jsonl` on 100,000 generated messages,
# pinned to one core, with hyperfine; prints the mean time and messages per second.
# The messages are generated into bench/results/ (ignored by git), never committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/entraide}
n=${N:-100000}
out=$root/bench/results
mkdir -p "$out"
msgs=$out/intent-messages.tmp
python3 "$here/gen_messages.py" "$n" > "$msgs"
pin=""
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
hyperfine --warmup 1 --runs ${RUNS:-5} --export-json "$out/intent-hyperfine.tmp" \
	"$pin $bin classify --jsonl < $msgs > /dev/null"
python3 - "$out/intent-hyperfine.tmp" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
n = int(sys.argv[2])
cpu = r["user"] + r["system"]
print("classify --jsonl: %d messages, wall mean %.3f s (min %.3f s): %.0f messages/s on one core"
      % (n, r["mean"], r["min"], n / r["mean"]))
print("CPU time (user+sys) mean %.3f s: %.0f messages/s per busy core" % (cpu, n / cpu))
PY
