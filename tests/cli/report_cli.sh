#!/usr/bin/env bash
# `agencygraph report` from the command line: one self-contained file, same bytes on every run, the
# documents it could not read named on stderr with a non-zero exit while the rest is still reported,
# and a report (documents, no map) for inputs that name no agency.
set -euo pipefail
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" report examples/jingzhou-2020.txt -o "$tmp/a.html"
"$bin" report examples/jingzhou-2020.txt -o "$tmp/b.html"
cmp -s "$tmp/a.html" "$tmp/b.html" || fail "two runs gave different bytes"
"$bin" report examples/jingzhou-2020.txt -o - > "$tmp/c.html"
cmp -s "$tmp/a.html" "$tmp/c.html" || fail "stdout differs from the file"
grep -q '<meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'; script-src '"'sha256-" "$tmp/a.html" \
  || fail "no strict CSP"
grep -q '<svg id="map-svg"' "$tmp/a.html" || fail "no inline map"
grep -q '荆州市' "$tmp/a.html" || fail "no Chinese text"
# Nothing outside the file: no URL but the SVG namespaces.
outside="$(grep -oE 'https?://[^" ]+' "$tmp/a.html" | grep -vE '^http://www\.w3\.org/(2000/svg|1999/xlink)$' || true)"
[[ -z "$outside" ]] || fail "the report names addresses outside itself: $outside"

# An unreadable input: named on stderr, exit 1, the readable one still reported, and the page lists it.
set +e
"$bin" report --quiet examples/jingzhou-2020.txt "$tmp/missing.txt" -o "$tmp/d.html" 2> "$tmp/err"
code=$?
set -e
[[ $code -eq 1 ]] || fail "exit $code for a missing input, expected 1"
grep -q "missing.txt" "$tmp/err" || fail "the missing input is not named on stderr"
grep -q 'missing.txt' "$tmp/d.html" || fail "the report does not list the missing input"
grep -q '<svg id="map-svg"' "$tmp/d.html" || fail "the readable input's map is lost"

# The work report names no agency: the report still says what was read, with no map.
"$bin" report examples/lueyang-2023-work-report.txt -o "$tmp/e.html"
grep -q 'lueyang-2023-work-report.txt' "$tmp/e.html" || fail "the document row is missing"
if grep -q '<svg id="map-svg"' "$tmp/e.html"; then fail "a map with no agency"; fi

# Usage errors exit 2.
set +e
"$bin" report examples/jingzhou-2020.txt 2>/dev/null
code=$?
set -e
[[ $code -eq 2 ]] || fail "exit $code without -o, expected 2"
echo "ok"
