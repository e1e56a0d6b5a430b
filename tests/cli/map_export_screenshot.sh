#!/usr/bin/env bash
# The SVG of seed 004 opened in headless Chromium renders to a screenshot (look at it: the labels must
# be legible; AGENCYGRAPH_SCREENSHOT=path keeps it). Exits 77 (ctest: Skipped) where Chromium is not installed.
set -euo pipefail
bin="$1"; root="$2"
if ! command -v chromium >/dev/null; then echo "skipped: chromium not installed"; exit 77; fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
"$bin" map examples/jingzhou-2020.txt -o "$tmp/map.svg"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
  --screenshot="$tmp/map.png" --window-size=1600,1200 "file://$tmp/map.svg" >/dev/null 2>&1
[[ -s "$tmp/map.png" ]] || { echo "no screenshot" >&2; exit 1; }
# A blank or failed page compresses to a few kilobytes; the drawn map is far larger.
size=$(stat -c %s "$tmp/map.png")
(( size > 100000 )) || { echo "screenshot of $size bytes: the map did not render" >&2; exit 1; }
if [[ -n "${AGENCYGRAPH_SCREENSHOT:-}" ]]; then cp "$tmp/map.png" "$AGENCYGRAPH_SCREENSHOT"; fi
echo "ok: screenshot $size bytes"
