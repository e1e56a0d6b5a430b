#!/usr/bin/env bash
# graphs/ must be what scripts/make-graphs.sh makes from examples/ with this build: the maps, GraphML and
# JSON of each example and the HTML report of all of them (its bytes are deterministic, script included).
set -euo pipefail
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
bash "$root/scripts/make-graphs.sh" "$bin" "$tmp"
[[ -s "$tmp/examples-report.html" ]] || { echo "make-graphs.sh made no examples-report.html" >&2; exit 1; }
if ! diff -r -q "$root/graphs" "$tmp"; then
  echo "graphs/ is out of date: run scripts/make-graphs.sh build/bin/agencygraph and commit graphs/" >&2
  exit 1
fi
