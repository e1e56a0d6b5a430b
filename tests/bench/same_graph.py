#!/usr/bin/python3
"""Betweenness and PageRank of agencygraph and of python3-igraph on the very same graph, in one run.

bench.sh times the whole job of each side, and their graphs differ (the baseline's regex finds other
agencies). This script answers the narrower question the scale issue asks, "betweenness and PageRank
no slower than igraph's on the same graph": it runs

  agencygraph export CORPUS --format csv --measures betweenness,pagerank --timings

`--repeat` times (our times are analyse()'s own steps, from --timings), loads the exported nodes and
links into igraph as the simple digraph agencygraph analyses (a lead_to_co link is an arc, a symmetric
link two opposite arcs; parallel arcs merged with their weights summed; no self-loops), times igraph's
Graph.betweenness(directed=True) and Graph.pagerank(weights, damping 0.85) as many times, and checks
that both sides computed the same values. igraph runs on one thread; agencygraph on all cores (its
default), which the output states.

usage: same_graph.py CORPUS_DIR [--bin DIR] [--repeat N] [--keep DIR]
  --bin DIR     where agencygraph is (default build/bin, or $AGENCYGRAPH_BIN)
  --repeat N    runs of each side (default 3); the table gives the fastest and the slowest
  --keep DIR    write the CSV export there and keep it (default: a temporary directory)
Run with Debian's /usr/bin/python3 (python3-igraph).
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time

import igraph

csv.field_size_limit(1 << 30)  # a hub's task list runs to megabytes


def our_runs(binary, corpus, out_dir, repeat):
    """Runs our export `repeat` times; returns {measure: [seconds, ...]} and the thread count."""
    times = {"betweenness": [], "pagerank": []}
    for _ in range(repeat):
        run = subprocess.run([binary, "export", corpus, "--format", "csv", "-o", out_dir, "--quiet", "--timings",
                              "--measures", "betweenness,pagerank"], capture_output=True, text=True, check=False)
        if run.returncode not in (0, 1):  # 1: some input was reported as unreadable, the rest is done
            sys.exit(f"same_graph.py: agencygraph export failed ({run.returncode}):\n{run.stderr}")
        for measure in times:
            found = re.search(rf"^\s+{measure}\s+([0-9.]+)\s*$", run.stderr, re.MULTILINE)
            if not found:
                sys.exit(f"same_graph.py: no '{measure}' line in agencygraph's --timings:\n{run.stderr}")
            times[measure].append(float(found.group(1)))
    return times


def load(out_dir):
    """Our nodes (ids in vertex order, our betweenness and PageRank) and the simple digraph's arcs."""
    with open(os.path.join(out_dir, "nodes.csv"), encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    index = {row["Id"]: i for i, row in enumerate(nodes)}
    arcs = {}
    with open(os.path.join(out_dir, "edges.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            s, t, w = index[row["Source"]], index[row["Target"]], float(row["Weight"])
            if s == t or w <= 0:
                continue
            pairs = [(s, t)] if row["Type"] == "Directed" else [(s, t), (t, s)]
            for pair in pairs:
                arcs[pair] = arcs.get(pair, 0.0) + w
    ours = {"betweenness": [float(r["betweenness"]) for r in nodes], "pagerank": [float(r["pagerank"]) for r in nodes]}
    return len(nodes), arcs, ours


def timed(function, repeat):
    seconds, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
    return seconds, result


def largest_relative_difference(a, b):
    scale = max(max(abs(x) for x in a), 1e-300)
    return max(abs(x - y) for x, y in zip(a, b)) / scale


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--bin", default=os.environ.get("AGENCYGRAPH_BIN", "build/bin"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep")
    args = parser.parse_args()
    binary = os.path.join(args.bin, "agencygraph")
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = args.keep or scratch
        os.makedirs(out_dir, exist_ok=True)
        ours = our_runs(binary, args.corpus, out_dir, args.repeat)
        n, arcs, our_values = load(out_dir)

    graph = igraph.Graph(n=n, edges=list(arcs), directed=True)
    graph.es["weight"] = list(arcs.values())
    theirs = {}
    theirs["betweenness"], betweenness = timed(lambda: graph.betweenness(directed=True), args.repeat)
    theirs["pagerank"], pagerank = timed(
        lambda: graph.pagerank(directed=True, damping=0.85, weights="weight"), args.repeat)
    # Ours is divided by (n-1)(n-2), the directed normalisation (docs/analysis.md); igraph's is not.
    scale = (n - 1) * (n - 2) if n > 2 else 1
    differences = {
        "betweenness": largest_relative_difference([b / scale for b in betweenness], our_values["betweenness"]),
        "pagerank": largest_relative_difference(pagerank, our_values["pagerank"]),
    }

    print(f"same graph: {n} agencies, {len(arcs)} arcs (the simple digraph of the export)")
    print(f"agencygraph on {os.cpu_count()} cores (its default), igraph {igraph.__version__} on one; "
          f"{args.repeat} runs each, fastest-slowest wall seconds")
    print(f"{'measure':<12} {'agencygraph':>16} {'igraph':>16} {'igraph/ours':>12} {'largest difference':>20}")
    for measure in ("betweenness", "pagerank"):
        a, b = ours[measure], theirs[measure]
        # --timings prints milliseconds at best: no ratio of times below that
        ratio = f"{min(b) / min(a):.1f}x" if min(a) >= 0.001 and min(b) >= 0.001 else "-"
        print(f"{measure:<12} {min(a):>7.3f}-{max(a):<8.3f} {min(b):>7.3f}-{max(b):<8.3f} "
              f"{ratio:>12} {differences[measure]:>20.1e}")
    # Equal up to rounding (and PageRank up to the two solvers' tolerances); a real difference is a bug.
    if differences["betweenness"] > 1e-9 or differences["pagerank"] > 1e-6:
        sys.exit("same_graph.py: agencygraph and igraph disagree (largest differences relative to the largest value)")


if __name__ == "__main__":
    main()
