#!/bin/sh
# bench/privacy_text/span_diff.sh OLD_LIB NEW_LIB - are the spans of two builds of the engine
# the same? Links span_dump.c with each libentraide.a, runs both on every text we have (in
# auto, fr and en) and prints one verdict per corpus: "same" or "DIFFERENT", nothing else (no
# text is shown). Exit status 1 when a corpus differs.
#   OLD_LIB: e.g. a copy of build/libentraide.a made before the change; NEW_LIB: build/libentraide.a
# Corpora: tests/privacy (tuning sets, golden, edge; texts.txt apart), the fuzz seeds,
# ../shared's dev sets when present, and build/bench's corpora when `make bench-privacy-text`
# has written them.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 OLD_LIB NEW_LIB" >&2; exit 2; }
here=$(dirname "$0")
shared=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
libs="$(pkg-config --libs libmicrohttpd sqlite3 libsodium jansson libcmark libjpeg libpng libwebp \
	libheif lcms2 libutf8proc libpcre2-8 libpq libseccomp zlib libcurl liboath 2>/dev/null) -lstemmer \
	-lpthread -lm -lopencv_dnn -lopencv_objdetect -lopencv_imgproc -lopencv_core -ldlib -llapack -lblas -lstdc++"
# shellcheck disable=SC2086
cc -O2 -Iinclude "$here/span_dump.c" "$1" $libs -o "$tmp/old"
# shellcheck disable=SC2086
cc -O2 -Iinclude "$here/span_dump.c" "$2" $libs -o "$tmp/new"
rec() { python3 "$here/span_records.py" "$@"; }
rec "$tmp/own" tests/privacy/tuning*.jsonl tests/privacy/golden.in.jsonl tests/privacy/jsonl_edge.in.jsonl \
	fuzz/corpus/privacy_text
rec "$tmp/texts" tests/privacy/texts.txt
corpora="own texts"
if [ -d "$shared/data" ]; then
	rec "$tmp/dev" "$shared/data/phi-dev.jsonl" "$shared/data/intent-dev.jsonl"
	corpora="$corpora dev"
fi
for b in build/bench/dense.txt build/bench/posts.txt; do
	[ -f "$b" ] || continue
	name=$(basename "$b" .txt)
	rec "$tmp/$name" "$b"
	corpora="$corpora $name"
done
rc=0
for c in $corpora; do
	"$tmp/old" "$tmp/$c" > "$tmp/$c.old"
	"$tmp/new" "$tmp/$c" > "$tmp/$c.new"
	if cmp -s "$tmp/$c.old" "$tmp/$c.new"; then
		echo "$c: same ($(wc -l < "$tmp/$c.new") lines)"
	else
		echo "$c: DIFFERENT"
		rc=1
	fi
done
exit $rc
