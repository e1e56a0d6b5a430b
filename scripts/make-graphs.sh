#!/usr/bin/env bash
# Regenerates graphs/ from examples/: for each example document its SVG map, GraphML (with the tasks
# table its task ids refer to, NAME.tasks.csv), GEXF and JSON; one HTML report of all the
# examples (examples-report.html), and a trend chart of a generated corpus.
# The two 咸宁市 pages are one document and make one network. tests/cli/graphs_current.sh fails when
# graphs/ is out of date; run this after any change that alters an output, and commit the result.
#   scripts/make-graphs.sh [path/to/agencygraph] [output directory, default graphs/]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/build/bin/agencygraph}")"
out="$(realpath -m "${2:-$root/graphs}")"
mkdir -p "$out"
cd "$root"  # inputs by relative path: the outputs name examples/… wherever the repository lives

# name | options | inputs. The 略阳县 work report names no tasks and has no network to draw.
graphs=(
  "jingzhou-2020||examples/jingzhou-2020.txt"
  "xianning-2023||examples/xianning-2023-p1.txt examples/xianning-2023-p2.txt"
  "tongshan-2023-excerpt|--jurisdiction 通山县|examples/tongshan-2023-excerpt.txt"
)
for entry in "${graphs[@]}"; do
  IFS='|' read -r name options inputs <<<"$entry"
  # shellcheck disable=SC2086  # options and inputs are word lists
  "$bin" map $inputs $options -o "$out/$name.svg"
  # shellcheck disable=SC2086
  "$bin" export $inputs $options --format graphml -o "$out/$name.graphml"
  # shellcheck disable=SC2086
  "$bin" export $inputs $options --format json -o "$out/$name.json"
  # shellcheck disable=SC2086
  "$bin" export $inputs $options --format gexf -o "$out/$name.gexf"
done

# One report of every example, the work report included (its row says it holds no task).
"$bin" report --quiet examples/jingzhou-2020.txt examples/xianning-2023-p1.txt examples/xianning-2023-p2.txt \
  examples/tongshan-2023-excerpt.txt examples/lueyang-2023-work-report.txt -o "$out/examples-report.html"
# A trend over five years of the same two places, from the synthetic corpus (agencygraph-gencorpus beside
# the command), with the succession table of the departments it renames from 2021.
gencorpus="$(dirname "$bin")/agencygraph-gencorpus"
if [[ -x $gencorpus ]]; then
  corpus="$(mktemp -d)"
  trap 'rm -rf "$corpus"' EXIT
  "$gencorpus" --out "$corpus/documents" --documents 10 --seed 11 --jurisdictions 2 --years 2019-2023 \
    --planted "$corpus/planted.json" --successions "$corpus/successions.tsv" 2>/dev/null
  "$bin" trend "$corpus/documents" --by year --successions "$corpus/successions.tsv" --chart "$out/trend-2019-2023.svg" \
    --quiet >/dev/null
fi
