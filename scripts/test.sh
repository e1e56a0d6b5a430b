#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs the whole test suite; then the
# same suite built with ASan and UBSan, and every fuzz target for a short fixed time (scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGENCYGRAPH_WERROR=ON -DAGENCYGRAPH_BENCHMARKS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
bash scripts/sanitize.sh
