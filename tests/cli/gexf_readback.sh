#!/usr/bin/env bash
# GEXF exports read back: the structure checked against the rules of the GEXF 1.2draft schema the files
# rely on (tests/tools/gexf_check.py; not the official XSD, which Debian does not package), NetworkX 2.8's
# read_gexf, and the JSON export of the same network. A real document (static), a generated corpus of
# the same places over five years (dynamic: spells and yearly values), the two-mode graph, and GEXF 1.3
# (structure only: NetworkX 2.8 reads up to 1.2draft). Exits 77 (ctest: Skipped) without python3-networkx.
set -euo pipefail
bin="$1"; root="$2"
gencorpus="$(dirname "$bin")/agencygraph-gencorpus"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
if ! /usr/bin/python3 -c "import networkx" 2>/dev/null; then echo "skipped: networkx not installed"; exit 77; fi
check() { /usr/bin/python3 tests/tools/gexf_check.py "$@"; }

"$bin" export examples/jingzhou-2020.txt --format gexf -o "$tmp/j.gexf" -q
"$bin" export examples/jingzhou-2020.txt --format json -o "$tmp/j.json" -q
check "$tmp/j.gexf" --json "$tmp/j.json"
grep -q 'mode="static"' "$tmp/j.gexf"
grep -q '<viz:position ' "$tmp/j.gexf"   # the map's layout, as `map` draws it
grep -q '<viz:color ' "$tmp/j.gexf"
if grep -q 'for="tasks"' "$tmp/j.gexf"; then echo "GEXF carries task lists by default (--provenance none)" >&2; exit 1; fi

"$gencorpus" --out "$tmp/years" --documents 10 --seed 7 --jurisdictions 2 --years 2019-2023 \
  --planted "$tmp/planted.json" 2>/dev/null
"$bin" export "$tmp/years" --format gexf -o "$tmp/y.gexf" -q
"$bin" export "$tmp/years" --format json -o "$tmp/y.json" -q
check "$tmp/y.gexf" --json "$tmp/y.json"
grep -q 'mode="dynamic" timeformat="double" start="2019" end="2023"' "$tmp/y.gexf"
"$bin" export "$tmp/years" --format gexf --provenance ids -o "$tmp/y-ids.gexf" -q
check "$tmp/y-ids.gexf"
test -s "$tmp/y-ids.tasks.csv"

"$bin" export "$tmp/years" --format gexf --two-mode -o "$tmp/two.gexf" -q
check "$tmp/two.gexf" --two-mode

"$bin" export "$tmp/years" --format gexf --gexf-version 1.3 -o "$tmp/y13.gexf" -q
check "$tmp/y13.gexf"
grep -q 'xmlns="http://gexf.net/1.3"' "$tmp/y13.gexf"

# Same input, same bytes.
"$bin" export "$tmp/years" --format gexf -o "$tmp/y2.gexf" -q
cmp "$tmp/y.gexf" "$tmp/y2.gexf"
echo "GEXF read back"
