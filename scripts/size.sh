#!/usr/bin/env bash
# Prints the size of what a first visit downloads (raw and gzip -9), from the release build in dist/.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0; total_gz=0
printf '%-32s %12s %12s\n' "file" "raw bytes" "gzip -9"
for f in $(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort); do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-32s %12d %12d\n' "${f#./}" "$raw" "$gz"
done
printf '%-32s %12d %12d\n' "TOTAL (first visit)" "$total_raw" "$total_gz"
