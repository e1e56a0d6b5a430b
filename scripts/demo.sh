#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the bundled examples: the coordination
# map of the 荆州市 2020 decomposition, the most-burdened agencies of all examples, and GraphML.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p out
ag=build/bin/agencygraph
"$ag" map examples/jingzhou-2020.txt -o out/jingzhou-2020.svg
"$ag" map examples/xianning-2023-p1.txt examples/xianning-2023-p2.txt -o out/xianning-2023.svg
echo "== the most-burdened agencies of every example (lead 1, alone 1, co 0.5) =="
"$ag" rank examples/ --jurisdiction 通山县 --top 15
"$ag" export examples/ --jurisdiction 通山县 --format graphml -o out/examples.graphml
echo "wrote out/jingzhou-2020.svg, out/xianning-2023.svg (coordination maps) and out/examples.graphml (Gephi)"
