#!/usr/bin/env bash
# The examples' report explored in headless Chromium through the DevTools protocol, network off
# (tests/tools/report_browser.py says what it checks). Screenshots go to report_browser.out/ in the
# test's working directory, or to $AGENCYGRAPH_TEST_OUTPUT. Exits 77 (ctest: Skipped) where Chromium,
# python3-websocket or python3-networkx is missing.
set -euo pipefail
bin="$1"; root="$2"
if ! command -v chromium >/dev/null; then echo "skipped: chromium not installed"; exit 77; fi
if ! /usr/bin/python3 -c 'import websocket, networkx' 2>/dev/null; then
  echo "skipped: python3-websocket or python3-networkx not installed"; exit 77
fi
out="$(realpath -m "${AGENCYGRAPH_TEST_OUTPUT:-$PWD/report_browser.out}")"
cd "$root"
# The inputs of graphs/examples-report.html (scripts/make-graphs.sh).
timeout 600 /usr/bin/python3 tests/tools/report_browser.py "$bin" "$out" \
  examples/jingzhou-2020.txt examples/xianning-2023-p1.txt examples/xianning-2023-p2.txt \
  examples/tongshan-2023-excerpt.txt examples/lueyang-2023-work-report.txt
