#!/usr/bin/env bash
# Prints the size of what a first visit downloads before its first map (raw and gzip -9), from the
# release build in dist/: the page, Leaflet, the styles and public/first-map.js with the demonstration
# zone's sketch (the first visit draws it before asking for the app). Apart: the app's own module,
# which boot.js asks for once the first map is drawn; the detection worker's files, which the app
# fetches only after its own map; the
# workbook reader's, fetched only when an Excel workbook is imported, and the vector background's
# renderer (vendor/protomaps), fetched only when a PMTiles background is kept.
set -euo pipefail
cd "$(dirname "$0")/../dist"
row() { printf '%-40s %12s %12s\n' "$@"; }
sum() {
  local raw=0 gz=0 f r g
  for f in "$@"; do
    r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
    raw=$((raw + r)); gz=$((gz + g))
    row "${f#./}" "$r" "$g"
  done
  echo "$raw $gz"
}
row "file" "raw bytes" "gzip -9"
mapfile -t first < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name 'first-map-demo.json' \) ! -name 'symbiose-app*' ! -name 'symbiose-worker*' ! -name 'symbiose-xlsx*' ! -path './protomaps/*' | sort)
mapfile -t app < <(find . -type f -name 'symbiose-app*' | sort)
mapfile -t later < <(find . -type f -name 'symbiose-worker*' | sort)
mapfile -t reader < <(find . -type f -name 'symbiose-xlsx*' | sort)
mapfile -t vector < <(find ./protomaps -type f -name '*.js' | sort)
out=$(sum "${first[@]}"); echo "$out" | head -n -1
read -r raw gz <<<"$(echo "$out" | tail -1)"
row "TOTAL (first visit, before the first map)" "$raw" "$gz"
out=$(sum "${app[@]}"); echo "$out" | head -n -1
read -r raw gz <<<"$(echo "$out" | tail -1)"
row "TOTAL (the app, after the first map)" "$raw" "$gz"
out=$(sum "${later[@]}"); echo "$out" | head -n -1
read -r raw gz <<<"$(echo "$out" | tail -1)"
row "TOTAL (detection worker, after the map)" "$raw" "$gz"
out=$(sum "${reader[@]}"); echo "$out" | head -n -1
read -r raw gz <<<"$(echo "$out" | tail -1)"
row "TOTAL (workbook reader, on import)" "$raw" "$gz"
out=$(sum "${vector[@]}"); echo "$out" | head -n -1
read -r raw gz <<<"$(echo "$out" | tail -1)"
row "TOTAL (vector background, when kept)" "$raw" "$gz"
