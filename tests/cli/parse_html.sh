#!/usr/bin/env bash
# End-to-end: `agencygraph parse` on saved web pages (HTML), as a user runs it. $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
data=$root/tests/data/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Seed 001's tasks 52-62 as an HTML table page: every task, with the page's own line numbers.
"$cli" parse "$data/xianning-2023-table.html" >"$tmp/page.json" 2>"$tmp/err.txt" || fail "html page exit $?"
[ ! -s "$tmp/err.txt" ] || fail "html page: unexpected stderr: $(cat "$tmp/err.txt")"
/usr/bin/python3 - "$tmp/page.json" <<'PY' || fail "html page: wrong tasks"
import json, sys
document = json.load(open(sys.argv[1]))["documents"][0]
assert document["jurisdiction"] == "咸宁市" and document["year"] == 2023, document
tasks = {t["id"]: t for t in document["tasks"]}
assert sorted(tasks, key=int) == [str(n) for n in range(52, 63)], sorted(tasks)
assert tasks["52"]["line"] == 28 and tasks["56"]["line"] == 33 and tasks["62"]["line"] == 46
assert tasks["60"]["leads"] == ["市教育局"], tasks["60"]   # from a cell spanning six rows
assert tasks["52"]["co"] == ["市发改委", "各县市区人民政府"], tasks["52"]
assert document["skipped"] == [], document["skipped"]
PY

# The same page on stdin is recognised by its content, not by a file name.
"$cli" parse - <"$data/xianning-2023-table.html" >"$tmp/stdin.json"
[ "$(grep -c '"leads":' "$tmp/stdin.json")" -eq 11 ] || fail "html on stdin: expected 11 tasks"

# Seed 003 (a work report, no annotations) as a page: exit 0, no tasks, one line on stderr saying so.
"$cli" parse "$data/lueyang-2023-work-report.html" >"$tmp/report.json" 2>"$tmp/err.txt" || fail "report page exit $?"
grep -q '"tasks": \[\]' "$tmp/report.json" || fail "report page has tasks"
[ "$(wc -l <"$tmp/err.txt")" -eq 1 ] || fail "report page: expected one line on stderr, got: $(cat "$tmp/err.txt")"
grep -q 'lueyang-2023-work-report.html: no responsibility annotations' "$tmp/err.txt" || fail "report page message"

# A damaged page (cut off in a row) is still read up to the cut, exit 0.
{ head -n 42 "$data/xianning-2023-table.html"; printf '<tr><td>59</td><td>加快义务教育&ldq'; } >"$tmp/cut.html"
"$cli" parse "$tmp/cut.html" >"$tmp/cut.json" 2>/dev/null || fail "cut page exit $?"
grep -q '"id": "58"' "$tmp/cut.json" || fail "cut page: task 58, before the cut, lost"
echo "parse_html: ok"
