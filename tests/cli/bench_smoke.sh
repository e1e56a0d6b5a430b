#!/usr/bin/env bash
# The benchmark harness still works: tests/bench/bench.sh --smoke (30 generated documents) runs both
# agencygraph and the Python/igraph baseline, and both write a GraphML file with vertices in it; and
# bench.sh's tests/bench/same_graph.py, which times betweenness and PageRank of both on our graph,
# fails the run if igraph computes other values than ours there (about 3,000 agencies).
# Times are printed, never asserted.   $1: the agencygraph CLI.  $2: the repository root.
set -euo pipefail
cli=$1
root=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

bash "$root/tests/bench/bench.sh" --smoke --bin "$(dirname "$cli")" --out "$out" --keep-graphml
for side in ours python; do
  graphml=$out/$side.graphml
  if [[ ! -s $graphml ]]; then
    echo "bench_smoke: $side wrote no GraphML ($graphml)" >&2
    exit 1
  fi
  nodes=$(grep -c '<node ' "$graphml" || true)
  if ((nodes == 0)); then
    echo "bench_smoke: $graphml has no vertices" >&2
    exit 1
  fi
  echo "bench_smoke: $side: $nodes vertices"
done
