#!/usr/bin/python3
"""Baseline for tests/bench/bench.sh: the pipeline as a researcher would script it today.

Regular expressions pull the labelled brackets (（牵头单位：…；责任单位：…）) out of every numbered
task, names are split on 、 and commas with a trailing 等 dropped, and python3-igraph computes the
measures agencygraph reports: burden (lead + 0.5 co), betweenness, PageRank, Louvain communities
(community_multilevel) and a GraphML file. It is written to be straightforward, not slow, and it does
not attempt the harder cases (shared suffixes, role verbs, labels on their own lines).

usage: baseline_python.py CORPUS_DIR OUT.graphml
Run with Debian's /usr/bin/python3 (python3-igraph). Prints the wall time of each step on stderr, so
that bench.sh can set igraph's betweenness and PageRank beside ours on the same corpus.
"""
import collections
import os
import re
import sys
import time

import igraph

TASK = re.compile(r"^\s*(\d+)[.．、]")
# From the first labelled bracket to the last closing bracket of the paragraph: greedy, so names with
# brackets inside (咸宁职教(集团)学校) survive.
ANNOTATION = re.compile(r"[(（〔【\[]\s*((?:牵头单位|责任单位|配合单位)\s*[:：].*)[)）〕】\]]")
LABEL = re.compile(r"(牵头单位|责任单位|配合单位)\s*[:：]")
TITLE = [re.compile(r"(\d{4})年([^\s《(（]{2,12}?[省市县区])《"),
         re.compile(r"^([^\s《(（]{2,12}?[省市县区])人民政府")]


def read_text(path):
    data = open(path, "rb").read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def jurisdiction_of(lines):
    for line in lines[:40]:
        for pattern in TITLE:
            m = pattern.search(line)
            if m:
                return m.group(m.lastindex)
    return ""


def split_names(text):
    names = []
    for name in re.split(r"[、,，]", text):
        name = name.strip()
        name = re.sub(r"等(单位)?$", "", name)
        if name:
            names.append(name)
    return names


def extract(path):
    lines = read_text(path).splitlines()
    place = jurisdiction_of(lines) or os.path.basename(path)
    for line in lines:
        if not TASK.match(line):
            continue
        m = ANNOTATION.search(line)
        if not m:
            continue
        leads, co = [], []
        # Label positions split the annotation into role parts.
        labels = list(LABEL.finditer(m.group(1)))
        for i, label in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(m.group(1))
            part = m.group(1)[label.end():end].rstrip(";；, ，")
            (leads if label.group(1) == "牵头单位" else co).extend(split_names(part))
        yield place, leads, co


class Steps:
    """Wall seconds per step, printed as `step <name> <seconds>` lines at the end."""

    def __init__(self):
        self.times = []
        self.last = time.perf_counter()

    def done(self, name):
        now = time.perf_counter()
        self.times.append((name, now - self.last))
        self.last = now

    def print(self):
        for name, seconds in self.times:
            print(f"step {name} {seconds:.3f}", file=sys.stderr)


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    steps = Steps()
    ids = {}
    names, places = [], []
    lead_count = collections.Counter()
    co_count = collections.Counter()
    weights = collections.Counter()
    tasks = 0
    for file in sorted(os.listdir(corpus)):
        if not file.endswith(".txt"):
            continue
        for place, leads, co in extract(os.path.join(corpus, file)):
            tasks += 1
            vertex = []
            for name in leads + co:
                key = (place, name)
                if key not in ids:
                    ids[key] = len(names)
                    names.append(name)
                    places.append(place)
                vertex.append(ids[key])
            lv, cv = vertex[:len(leads)], vertex[len(leads):]
            for v in lv:
                lead_count[v] += 1
            for v in cv:
                co_count[v] += 1
            for a in lv:
                for b in cv:
                    if a != b:
                        weights[(a, b)] += 1

    steps.done("extract")
    g = igraph.Graph(n=len(names), edges=list(weights.keys()), directed=True)
    g.vs["name"] = names
    g.vs["jurisdiction"] = places
    g.vs["lead_tasks"] = [lead_count[v] for v in range(len(names))]
    g.vs["co_tasks"] = [co_count[v] for v in range(len(names))]
    g.vs["burden"] = [lead_count[v] + 0.5 * co_count[v] for v in range(len(names))]
    g.es["weight"] = list(weights.values())
    steps.done("build")
    g.vs["betweenness"] = g.betweenness(directed=True)
    steps.done("betweenness")
    g.vs["pagerank"] = g.pagerank(weights="weight", damping=0.85)
    steps.done("pagerank")
    undirected = g.as_undirected(combine_edges="sum")
    communities = undirected.community_multilevel(weights="weight")
    g.vs["community"] = communities.membership
    steps.done("louvain")
    g.write_graphml(out)
    steps.done("write")
    steps.print()
    print(f"baseline: {tasks} tasks, {g.vcount()} agencies, {g.ecount()} links, "
          f"{len(communities)} communities (modularity {communities.modularity:.3f})", file=sys.stderr)


if __name__ == "__main__":
    main()
