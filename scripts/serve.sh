#!/usr/bin/env bash
# `make serve` after set-up: serves the app on http://127.0.0.1:8080 (Trunk.toml [serve]).
#
# 1. The release is built first, with no file watcher running: the long first compile writes
#    thousands of files under target/, which is what once crashed Trunk's watcher (issue 18).
# 2. `trunk serve` then serves it and rebuilds on every change to the app's sources
#    (Trunk.toml [watch] names them; target/, node_modules/ and dist/ are never watched).
# 3. Should Trunk still stop on its own, the last build stays served, without live reload, by
#    Python's static server, with a message saying so. Ctrl+C stops either.
#
# TRUNK_SERVE_PORT and TRUNK_BUILD_DIST (Trunk's own variables) move the port and the output
# folder; the end-to-end test of this script uses them to run beside the others.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

port=${TRUNK_SERVE_PORT:-8080}
dist=${TRUNK_BUILD_DIST:-dist}

trunk build --release

# Ctrl+C reaches Trunk and this script alike: stop, do not fall back.
trap 'exit 130' INT TERM
status=0
trunk serve --release || status=$?
case "$status" in
  0 | 130 | 143) exit "$status" ;;
esac

printf '\n\033[1m==> Trunk stopped (exit status %s). The last build in %s/ is still served on\n' "$status" "$dist"
printf '    http://127.0.0.1:%s/ by a static server, without live reload: run make serve again\n' "$port"
printf '    to rebuild on changes. Ctrl+C to stop.\033[0m\n'
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dist"
