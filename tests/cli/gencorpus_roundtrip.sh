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

# Every format of DOMAIN.md (labels on own lines, inline, role verbs, prose, first-listed, CRLF, BOM,
# HTML tables, ...).
"$gencorpus" --out "$tmp/all" --documents 80 --seed 9 --formats all --planted "$tmp/planted-all.json"
# ... saved web pages among them (tasks in HTML tables with merged cells).
ls "$tmp/all"/*.html >/dev/null 2>&1 || { echo "--formats all wrote no HTML page" >&2; exit 1; }
"$cli" parse "$tmp/all" >"$tmp/parse-all.json" 2>/dev/null
"$gencorpus" --check "$tmp/planted-all.json" "$tmp/parse-all.json" --max-report 30

# The layouts of docs/layouts.md (--layouts): annotations on the lines after a task, comma-grouped
# role lists, tables in columns of spaces and between pipes, JavaScript/JSON/SQL, numbering variants,
# leaders (compared too), declared conventions, tables one cell per line.
layouts=after-line,comma-groups,space-table,cell-lines,pipe-table,structured,numbering,leaders,conventions
"$gencorpus" --out "$tmp/layouts" --documents 120 --seed 17 --layouts "$layouts" --tasks-per-doc 5-40 \
  --planted "$tmp/planted-layouts.json" 2>/dev/null
for ext in js json sql; do
  ls "$tmp/layouts"/*."$ext" >/dev/null 2>&1 || { echo "--layouts wrote no .$ext file" >&2; exit 1; }
done
"$cli" parse "$tmp/layouts" >"$tmp/parse-layouts.json" 2>/dev/null
"$gencorpus" --check "$tmp/planted-layouts.json" "$tmp/parse-layouts.json" --max-report 30

# --jurisdictions K: every document comes from the same K places (a larger corpus adds years, not
# places), and a smaller corpus with the same seed and K is still a prefix of a larger one.
"$gencorpus" --out "$tmp/places" --documents 40 --seed 5 --jurisdictions 3 --planted "$tmp/planted-places.json" 2>/dev/null
"$gencorpus" --out "$tmp/places-small" --documents 15 --seed 5 --jurisdictions 3 --planted "$tmp/planted-small.json" 2>/dev/null
"$cli" parse "$tmp/places" >"$tmp/parse-places.json" 2>/dev/null
"$gencorpus" --check "$tmp/planted-places.json" "$tmp/parse-places.json" --max-report 30
/usr/bin/python3 - "$tmp/planted-places.json" <<'PY'
import json, sys
documents = json.load(open(sys.argv[1]))["documents"].values()
places = {d["jurisdiction"] for d in documents if d["jurisdiction"]}
assert 1 <= len(places) <= 3, f"--jurisdictions 3 gave {len(places)} places: {sorted(places)}"
PY
for f in "$tmp/places-small"/*; do
  cmp -s "$f" "$tmp/places/$(basename "$f")" || { echo "--jurisdictions: $(basename "$f") differs from the larger corpus's" >&2; exit 1; }
done
