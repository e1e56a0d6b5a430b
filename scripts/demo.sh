#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p out
build/bin/agencygraph parse examples/ > out/examples.json
echo "wrote out/examples.json" >&2
