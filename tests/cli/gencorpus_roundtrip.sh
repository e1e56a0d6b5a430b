#!/usr/bin/env bash
# Round trip through the synthetic corpus: generate ~50 documents with a fixed seed, parse them, and
# compare every task's leads and co-responsible units with what the generator planted.
#   $1: the agencygraph CLI; agencygraph-gencorpus sits next to it.  $2: the repository root.
set -euo pipefail
cli=$1
gencorpus=$(dirname "$cli")/agencygraph-gencorpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# planted.json goes beside the corpus, not into it: the corpus directory holds documents only.
"$gencorpus" --out "$tmp/corpus" --documents 50 --seed 20240521 --formats basic --planted "$tmp/planted.json"
status=0
"$cli" parse "$tmp/corpus" >"$tmp/parse.json" 2>"$tmp/parse.err" || status=$?
if ((status != 0)); then
  echo "agencygraph parse exited $status on a generated corpus:" >&2
  head -20 "$tmp/parse.err" >&2
  exit 1
fi
"$gencorpus" --check "$tmp/planted.json" "$tmp/parse.json" --max-report 30

# Every format of DOMAIN.md (labels on own lines, inline, role verbs, prose, first-listed, CRLF, BOM, ...).
"$gencorpus" --out "$tmp/all" --documents 80 --seed 9 --formats all --planted "$tmp/planted-all.json"
"$cli" parse "$tmp/all" >"$tmp/parse-all.json" 2>/dev/null
"$gencorpus" --check "$tmp/planted-all.json" "$tmp/parse-all.json" --max-report 30
