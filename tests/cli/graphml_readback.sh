#!/usr/bin/env bash
# The GraphML of a real document reads back in NetworkX and igraph (Debian's /usr/bin/python3) with the
# counts, labels, weights and attributes of the JSON export, and its task ids (--provenance ids, the
# default) with the rows of the tasks table written beside it. Prints "skipped" and exits 77 (ctest: Skipped) where
# python3-networkx or python3-igraph is missing (scripts/install-deps.sh --test installs them).
set -euo pipefail
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
"$bin" export examples/jingzhou-2020.txt --format graphml -o "$tmp/n.graphml"
"$bin" export examples/jingzhou-2020.txt --format json -o "$tmp/n.json"
status=0
test -s "$tmp/n.tasks.csv" || { echo "no tasks table beside the GraphML" >&2; exit 1; }
/usr/bin/python3 tests/tools/graphml_readback.py "$tmp/n.graphml" "$tmp/n.json" "$tmp/n.tasks.csv" || status=$?
if [[ $status == 77 ]]; then echo "skipped: networkx/igraph not installed"; exit 77; fi
exit $status
