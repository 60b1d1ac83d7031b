#!/bin/sh
# bench/image/run.sh [BUILD] - images per second of `entraide sanitize` against mat2 and
# `exiftool -all=` on the same pictures in the same run, then what each tool leaves behind.
#
# Pictures: every "sanitize" fixture of ../shared/data/image-fixtures and the pictures of
# ../shared/data/faces, copied to a temp dir per tool (mat2 and exiftool work in place or
# next to the file). Best of 3 rounds each:
#   entraide-batch   `sanitize --batch` (faces covered; one worker thread per core)
#   mat2-batch       `mat2 FILE...`, every file in one call (mat2's fastest way)
#   entraide-keep-batch  `sanitize --batch --faces keep`
# and with BENCH_ALL=1 also one process per file for entraide, entraide-keep, mat2 and
# `exiftool -all=`. Then the server's upload rate (bench/media/upload.mjs, 2 clients).
# Needs mat2, exiftool, python3, node; ../shared for the pictures and its checker.
set -eu
BUILD=${1:-build}
BIN=$(cd "$(dirname "$BUILD/entraide")" && pwd)/entraide
SHARED=${SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
FIX=$SHARED/data/image-fixtures
CHECK=$SHARED/tools/check_sanitized.sh
[ -x "$BIN" ] || { echo "bench: build $BIN first" >&2; exit 2; }
[ -d "$FIX" ] || { echo "bench: $FIX not found" >&2; exit 2; }
T=$(mktemp -d /tmp/entraide-img-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir "$T/src"
: >"$T/details"
python3 - "$FIX" "$SHARED/data/faces" "$T/src" <<'PY'
import json, os, shutil, sys
for d in sys.argv[1:3]:
    for l in open(os.path.join(d, 'manifest.jsonl')):
        e = json.loads(l)
        if e['expected'] == 'sanitize' and not e['file'].endswith('_named_as.jpg'):
            shutil.copy(os.path.join(d, e['file']), sys.argv[3])
PY
N=$(ls "$T/src" | wc -l)
MB=$(du -sm "$T/src" | cut -f1)

now() { date +%s.%N; }

# CPU seconds of a batch: `entraide` hands its pictures to worker processes (entraide-imaged)
# that die with it unreaped, so the rusage /usr/bin/time reads leaves them out; perf stat's
# task-clock counts every descendant. Without perf the entraide figures are the parent's only.
PERF=
perf stat -x, -e task-clock -o /dev/null true >/dev/null 2>&1 && PERF=1

# tool NAME: sets up $T/NAME fresh and runs the tool on every file; prints seconds, and for
# the batch tools the CPU seconds (user + system) of the call after them.
round() {
	name=$1
	rm -rf "$T/$name"
	cp -r "$T/src" "$T/$name"
	mkdir -p "$T/$name.out"
	t0=$(now)
	case $name in
	entraide-batch | entraide-keep-batch | mat2-batch)
		case $name in
		entraide-batch) set -- "$BIN" sanitize --batch "$T/$name.out" "$T/$name"/* ;;
		entraide-keep-batch) set -- "$BIN" sanitize --faces keep --batch "$T/$name.out" "$T/$name"/* ;;
		mat2-batch) set -- mat2 "$T/$name"/* ;;
		esac
		if [ -n "$PERF" ]; then
			perf stat -x, -e task-clock -o "$T/cpu" "$@" >/dev/null 2>&1 || true
			t1=$(now)
			echo "$(echo "$t1 - $t0" | bc) $(awk -F, '/task-clock/ { printf "%.2f", $1 / 1000 }' "$T/cpu")"
		else
			/usr/bin/time -f '%U %S' -o "$T/cpu" "$@" >/dev/null 2>&1 || true
			t1=$(now)
			echo "$(echo "$t1 - $t0" | bc) $(awk 'END { print $1 + $2 }' "$T/cpu")"
		fi
		return
		;;
	esac
	for f in "$T/$name"/*; do
		b=$(basename "$f")
		case $name in
		entraide) "$BIN" sanitize "$f" "$T/$name.out/$b" 2>/dev/null || true ;;
		entraide-keep) "$BIN" sanitize --faces keep "$f" "$T/$name.out/$b" 2>/dev/null || true ;;
		mat2) mat2 --lightweight "$f" >/dev/null 2>&1 || mat2 "$f" >/dev/null 2>&1 || true ;;
		mat2-full) mat2 "$f" >/dev/null 2>&1 || true ;;
		exiftool) exiftool -q -q -all= -o "$T/$name.out/$b" "$f" >/dev/null 2>&1 || true ;;
		esac
	done
	t1=$(now)
	echo "$t1 - $t0" | bc
}

echo "bench: $N pictures ($MB MB) on $(uname -m), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$PERF" ] || echo "bench: no perf: entraide's CPU seconds leave its worker processes out"
echo "| tool | best of 3 (s) | images/s | CPU s (that round) | outputs |"
echo "| --- | --- | --- | --- | --- |"
TOOLS="entraide-batch mat2-batch entraide-keep-batch"
[ -z "${BENCH_ALL:-}" ] || TOOLS="$TOOLS entraide entraide-keep mat2-full exiftool"
for tool in $TOOLS; do
	best=
	cpu=-
	for i in 1 2 3; do
		r=$(round $tool)
		s=${r%% *}
		if [ -z "$best" ] || [ "$(echo "$s < $best" | bc)" = 1 ]; then
			best=$s
			case $r in *' '*) cpu=${r#* } ;; esac
		fi
	done
	eval "best_$(echo $tool | tr - _)=$best"
	eval "cpu_$(echo $tool | tr - _)=$cpu"
	case $tool in
	mat2*) outs=$(ls "$T/$tool" | grep -c '\.cleaned\.' || true) ;;
	*) outs=$(ls "$T/$tool.out" | wc -l) ;;
	esac
	printf '| %s | %.2f | %.1f | %s | %s/%s |\n' "$tool" "$best" "$(echo "$N / $best" | bc -l)" "$cpu" "$outs" "$N"
done

echo
printf 'entraide-batch / mat2-batch (images/s, same run): %.2fx\n' "$(echo "$best_mat2_batch / $best_entraide_batch" | bc -l)"
printf 'entraide-keep-batch / mat2-batch: %.2fx\n' "$(echo "$best_mat2_batch / $best_entraide_keep_batch" | bc -l)"
# On a shared machine the wall-clock ratio moves with the others' load; CPU time does not
# (entraide spreads over every core, mat2 uses one: on an idle machine with n cores the wall
# ratio tends to n x the CPU ratio when the batch keeps every core busy). On a machine kept
# busy by other sessions the wall ratio is about the CPU ratio: Linux shares the CPU between
# sessions (sched_autogroup), so entraide's threads together get what mat2's one gets.
printf 'CPU seconds, mat2-batch / entraide-batch: %.2f (faces), %.2f (keep); load average now %s\n' \
	"$(echo "$cpu_mat2_batch / $cpu_entraide_batch" | bc -l)" "$(echo "$cpu_mat2_batch / $cpu_entraide_keep_batch" | bc -l)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)"

# The server: uploads per second to POST /api/v1/media (faces covered).
if command -v node >/dev/null 2>&1; then
	echo
	echo "Server uploads (bench/media/upload.mjs):"
	ENTRAIDE_BIN="$BIN" node "$(dirname "$0")/../media/upload.mjs" 3 || echo "upload bench failed"
fi

# What each tool leaves: the shared checker's reasons on every output, by kind.
echo
echo "What the checker still finds in the outputs (files failing / reasons):"
CHECKED="entraide-batch mat2-batch"
[ -z "${BENCH_ALL:-}" ] || CHECKED="entraide mat2-full exiftool"
for tool in $CHECKED; do
	fails=0
	: >"$T/$tool.reasons"
	for f in "$T/src"/*; do
		b=$(basename "$f")
		case $tool in
		mat2*) o=$(ls "$T/$tool/${b%.*}.cleaned."* 2>/dev/null | head -1) ;;
		*) o="$T/$tool.out/$b" ;;
		esac
		[ -n "$o" ] && [ -f "$o" ] || { echo "no output" >>"$T/$tool.reasons"; fails=$((fails + 1)); continue; }
		set -- --manifest "$SHARED/data/image-fixtures/manifest.jsonl"
		[ -f "$SHARED/data/faces/$b" ] && set -- --manifest "$SHARED/data/faces/manifest.jsonl" --faces-blurred
		if ! "$CHECK" "$@" "$f" "$o" >"$T/one" 2>&1; then
			fails=$((fails + 1))
			grep -v '^FAIL\|^PASS\|^check' "$T/one" | sed 's/^ *//; s/:.*//' >>"$T/$tool.reasons" || true
			echo "  $tool $b: $(tr '\n' ' ' <"$T/one" | cut -c1-300)" >>"$T/details"
		fi
	done
	echo "- $tool: $fails/$N fail; $(sort "$T/$tool.reasons" | uniq -c | sort -rn | awk '{c=$1; $1=""; printf "%s x%s;", $0, c}')"
done
[ -z "${BENCH_DETAILS:-}" ] || cat "$T/details"

