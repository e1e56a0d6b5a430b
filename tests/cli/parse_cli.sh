#!/usr/bin/env bash
# End-to-end: `agencygraph parse` as a user runs it. $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
ex=$root/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Seed 003, the narrative work report: exit 0, no tasks, one line on stderr saying so.
"$cli" parse "$ex/lueyang-2023-work-report.txt" >"$tmp/out.json" 2>"$tmp/err.txt" || fail "seed 003 exit $?"
grep -q '"tasks": \[\]' "$tmp/out.json" || fail "seed 003 has tasks"
[ "$(wc -l <"$tmp/err.txt")" -eq 1 ] || fail "seed 003: expected one line on stderr, got: $(cat "$tmp/err.txt")"
grep -q 'lueyang-2023-work-report.txt: no responsibility annotations' "$tmp/err.txt" || fail "seed 003 message"

# Seeds 001 and 002 together are one document with both pages' tasks.
"$cli" parse "$ex/xianning-2023-p1.txt" "$ex/xianning-2023-p2.txt" >"$tmp/xn.json"
[ "$(grep -c '"title":' "$tmp/xn.json")" -eq 1 ] || fail "xianning pages not merged"
[ "$(grep -c '"leads":' "$tmp/xn.json")" -eq 50 ] || fail "xianning merged: expected 50 tasks"

# A directory is walked; a missing file is reported as file: problem, exit 1, the rest still parsed.
set +e
"$cli" parse "$ex" "$tmp/missing.txt" >"$tmp/all.json" 2>"$tmp/err.txt"
code=$?
set -e
[ $code -eq 1 ] || fail "missing file: exit $code, expected 1"
grep -q "^$tmp/missing.txt: cannot open" "$tmp/err.txt" || fail "missing file message: $(cat "$tmp/err.txt")"
[ "$(grep -c '"leads":' "$tmp/all.json")" -eq 182 ] || fail "examples dir: expected 182 tasks"

# stdin, given as -
"$cli" parse - <"$ex/jingzhou-2020.txt" >"$tmp/stdin.json"
grep -q '"sources": \[\s*"-"' "$tmp/stdin.json" || grep -q '"-"' "$tmp/stdin.json" || fail "stdin source"
[ "$(grep -c '"leads":' "$tmp/stdin.json")" -eq 114 ] || fail "stdin: expected 114 tasks"

# Usage errors exit 2: no input, unknown option.
set +e
"$cli" parse >/dev/null 2>&1; code=$?
"$cli" parse --no-such-option "$ex/jingzhou-2020.txt" >/dev/null 2>&1; code2=$?
set -e
[ $code -eq 2 ] || fail "no input: exit $code, expected 2"
[ $code2 -eq 2 ] || fail "unknown option: exit $code2, expected 2"

# Same input, same bytes.
"$cli" parse "$ex" >"$tmp/again.json" 2>/dev/null || true
cmp -s "$tmp/all.json" "$tmp/again.json" || fail "output not deterministic"
echo "parse_cli: ok"

# --aliases: a user TSV merges spellings; a malformed line is reported with file and line, exit 1.
printf '# local names\n九管会\t九宫山风景区管委会\n' >"$tmp/aliases.tsv"
"$cli" parse --aliases "$tmp/aliases.tsv" "$ex/tongshan-2023-excerpt.txt" >"$tmp/al.json"
grep -q '"canonical": "九宫山风景区管委会"' "$tmp/al.json" || fail "user alias not applied"
grep -q '"name": "九管会"' "$tmp/al.json" || fail "printed name lost"
printf 'no tab here\n' >"$tmp/bad.tsv"
set +e
"$cli" parse --aliases "$tmp/bad.tsv" "$ex/tongshan-2023-excerpt.txt" >/dev/null 2>"$tmp/err.txt"
code=$?
set -e
[ $code -eq 1 ] || fail "bad alias file: exit $code"
grep -q "bad.tsv:1: " "$tmp/err.txt" || fail "bad alias file message: $(cat "$tmp/err.txt")"
echo "parse_cli aliases: ok"
