#!/usr/bin/env bash
# `map` and `export` on seed 004 (examples/jingzhou-2020.txt): the SVG parses as XML and carries every
# agency name as text, the output is the same bytes on a second run, and each export format holds one
# record per agency and per link.
set -euo pipefail
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
doc=examples/jingzhou-2020.txt
"$bin" map "$doc" -o "$tmp/map.svg"
"$bin" map "$doc" -o "$tmp/again.svg"
cmp "$tmp/map.svg" "$tmp/again.svg" || { echo "map is not deterministic" >&2; exit 1; }
"$bin" map "$doc" -o "$tmp/map.png"
"$bin" map "$doc" -o "$tmp/map.pdf"
"$bin" map "$doc" --format dot --layout neato -o "$tmp/map.gv"
"$bin" map "$doc" --top-agencies 15 --labels 10 -o "$tmp/top.svg"
"$bin" export "$doc" --format json -o "$tmp/n.json"
"$bin" export "$doc" --format graphml -o "$tmp/n.graphml"
"$bin" export "$doc" --format graphml --two-mode -o "$tmp/two.graphml"
"$bin" export "$doc" --format dot -o "$tmp/n.dot"
"$bin" export "$doc" --format csv -o "$tmp/csv"
head -c 4 "$tmp/map.png" | grep -q PNG
head -c 4 "$tmp/map.pdf" | grep -q %PDF
grep -q 'pos="' "$tmp/map.gv"
if "$bin" map "$doc" --layout twopi -o "$tmp/x.svg" 2>/dev/null; then echo "unknown layout accepted" >&2; exit 1; fi

/usr/bin/python3 - "$tmp" <<'PY'
import csv, json, sys, xml.etree.ElementTree as ET
tmp = sys.argv[1]
net = json.load(open(f"{tmp}/n.json", encoding="utf-8"))
labels = [a["label"] for a in net["agencies"]]
ns = {"s": "http://www.w3.org/2000/svg"}
svg = ET.parse(f"{tmp}/map.svg").getroot()
texts = {"".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")}
missing = [l for l in labels if l not in texts]
assert not missing, f"agencies without a label in the SVG: {missing}"
assert svg.get("viewBox") and svg.get("width") == "100%", svg.attrib
title = svg.find("s:title", ns)
assert title is not None and "荆州市" in title.text, "no document title"
ids = {g.get("id") for g in svg.iter("{http://www.w3.org/2000/svg}g")}
assert all(a["id"] in ids for a in net["agencies"]), "node ids"
assert all(l["id"] in ids for l in net["links"]), "link ids"
top = ET.parse(f"{tmp}/top.svg").getroot()
assert sum(1 for g in top.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node") == 15
for path in ("n.graphml", "two.graphml"):
    ET.parse(f"{tmp}/{path}")
nodes = list(csv.DictReader(open(f"{tmp}/csv/nodes.csv", encoding="utf-8-sig", newline="")))
edges = list(csv.DictReader(open(f"{tmp}/csv/edges.csv", encoding="utf-8-sig", newline="")))
assert len(nodes) == len(net["agencies"]) and len(edges) == len(net["links"]), (len(nodes), len(edges))
assert [n["Label"] for n in nodes] == labels
assert {e["Type"] for e in edges} <= {"Directed", "Undirected"}
assert sum(float(e["Weight"]) for e in edges) == sum(l["weight"] for l in net["links"])
print(f"ok: {len(labels)} agencies, {len(edges)} links")
PY
# The DOT export parses in Graphviz where its command-line tools are installed.
if command -v dot >/dev/null; then dot -Tcanon "$tmp/n.dot" >/dev/null; fi

# --measures: only the chosen measures are computed and written; the rest have no key at all, and the
# values written equal those of the full export (they do not depend on what else was computed).
"$bin" export "$doc" --format graphml --measures burden,pagerank,louvain -o "$tmp/some.graphml"
python3 - "$tmp" <<'PY'
import re, sys
tmp = sys.argv[1]
full, some = (open(f"{tmp}/{name}", encoding="utf-8").read() for name in ("n.graphml", "some.graphml"))
keys = lambda text: set(re.findall(r'<key id="(n_[a-z_]+)"', text))
missing = {"n_betweenness", "n_betweenness_weighted", "n_closeness", "n_harmonic", "n_eigenvector", "n_core",
           "n_component", "n_articulation", "n_in_degree", "n_out_degree", "n_in_strength", "n_out_strength"}
assert keys(full) - keys(some) == missing, sorted(keys(full) - keys(some))
for key in ("n_burden", "n_pagerank", "n_cluster"):
    assert re.findall(f'<data key="{key}">([^<]*)<', full) == re.findall(f'<data key="{key}">([^<]*)<', some), key
print("ok: --measures")
PY
if "$bin" export "$doc" --format graphml --measures burden,nonsense -o "$tmp/bad.graphml" 2>"$tmp/bad.err"; then
  echo "map_export: an unknown measure was accepted" >&2; exit 1
fi
grep -q "unknown measure 'nonsense'" "$tmp/bad.err"
