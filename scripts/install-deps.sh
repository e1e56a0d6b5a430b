#!/usr/bin/env bash
# Installs what agencygraph needs from Debian packages; a no-op when everything is there.
#   install-deps.sh          build + run dependencies
#   install-deps.sh --test   also what the test suite uses (NetworkX/igraph read-back, Chromium screenshots,
#                            python3-websocket to drive Chromium through DevTools in the report's browser test,
#                            clang and its sanitizer and libFuzzer runtimes for scripts/sanitize.sh)
set -euo pipefail
packages=(g++ cmake make pkg-config libboost-graph-dev libgraphviz-dev libicu-dev nlohmann-json3-dev
          doctest-dev libcli11-dev libfmt-dev libgoogle-perftools-dev libzip-dev libpugixml-dev libgsf-1-dev
          libpoppler-cpp-dev libpoppler-private-dev fonts-noto-cjk)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(python3 python3-networkx python3-igraph python3-websocket libbenchmark-dev chromium valgrind
            clang libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
