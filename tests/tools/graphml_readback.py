#!/usr/bin/python3
"""Reads agencygraph's GraphML back with NetworkX and igraph and compares it with the JSON export of the
same network: vertex and edge counts, labels, weights and attributes must survive both readers.

usage: graphml_readback.py NETWORK.graphml NETWORK.json [TASKS.csv]
With the tasks table the GraphML's task ids were written with (export --provenance ids, the default),
each agency's and link's `tasks` must be the JSON's task indices and the table's rows the JSON's tasks.
exit 0: all equal; 1: a difference (printed); 77: networkx or igraph is not installed (skip).
"""
import csv
import json
import math
import sys

try:
    import igraph
    import networkx as nx
except ImportError as error:  # the test is skipped where Debian's python3-networkx/igraph are missing
    print(f"skipped: {error}")
    sys.exit(77)

graphml_path, json_path = sys.argv[1], sys.argv[2]
tasks_path = sys.argv[3] if len(sys.argv) > 3 else None
with open(json_path, encoding="utf-8") as f:
    expected = json.load(f)
agencies = {a["id"]: a for a in expected["agencies"]}
links = {l["id"]: l for l in expected["links"]}
problems = []


def same(a, b):
    if isinstance(b, float) or isinstance(a, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def check_node(reader, node_id, data):
    want = agencies[node_id]
    checks = {"label": want["label"], "name": want["name"], "kind": want["kind"],
              "lead_tasks": want["lead_tasks"], "co_tasks": want["co_tasks"], "owner_tasks": want["owner_tasks"]}
    checks.update({k: v for k, v in want["metrics"].items()})
    for key, value in checks.items():
        if key not in data or not same(data[key], value):
            problems.append(f"{reader}: node {node_id} {key}: {data.get(key)!r} != {value!r}")
    for key in ("r", "g", "b", "size", "x", "y"):
        if key not in data:
            problems.append(f"{reader}: node {node_id} has no {key}")
    if tasks_path and data.get("tasks") != ";".join(str(t) for t in want["tasks"]):
        problems.append(f"{reader}: node {node_id} tasks {data.get('tasks')!r} != ids {want['tasks']}")


# NetworkX: parallel links of different kinds make it a multigraph; the edge id is the key.
g = nx.read_graphml(graphml_path)
if g.number_of_nodes() != len(agencies):
    problems.append(f"networkx: {g.number_of_nodes()} nodes, expected {len(agencies)}")
if g.number_of_edges() != len(links):
    problems.append(f"networkx: {g.number_of_edges()} edges, expected {len(links)}")
for node_id, data in g.nodes(data=True):
    check_node("networkx", node_id, data)
edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
seen = 0
for u, v, key, data in edges:
    link = links.get(key) if key in links else next(
        (l for l in links.values() if l["source"] == u and l["target"] == v and l["kind"] == data.get("kind")), None)
    if link is None:
        problems.append(f"networkx: unexpected edge {u} -> {v} {key}")
        continue
    seen += 1
    if (u, v) != (link["source"], link["target"]) or not same(data["weight"], link["weight"]) or data["kind"] != link["kind"]:
        problems.append(f"networkx: edge {key}: {u}->{v} {data} != {link}")
    if tasks_path and data.get("tasks") != ";".join(str(t) for t in link["tasks"]):
        problems.append(f"networkx: edge {key} tasks {data.get('tasks')!r} != ids {link['tasks']}")
if seen != len(links):
    problems.append(f"networkx: matched {seen} edges of {len(links)}")
if g.graph.get("title") != expected["title"]:
    problems.append(f"networkx: title {g.graph.get('title')!r}")

# igraph
h = igraph.Graph.Read_GraphML(graphml_path)
if h.vcount() != len(agencies) or h.ecount() != len(links):
    problems.append(f"igraph: {h.vcount()} vertices, {h.ecount()} edges; expected {len(agencies)}, {len(links)}")
if not h.is_directed():
    problems.append("igraph: not directed")
for vertex in h.vs:
    check_node("igraph", vertex["id"], vertex.attributes())
for edge in h.es:
    u, v = h.vs[edge.source]["id"], h.vs[edge.target]["id"]
    match = [l for l in links.values() if l["source"] == u and l["target"] == v and l["kind"] == edge["kind"]]
    if len(match) != 1 or not same(edge["weight"], match[0]["weight"]):
        problems.append(f"igraph: edge {u}->{v} {edge.attributes()}")

# The tasks table the ids refer to: row i is the JSON's task i.
if tasks_path:
    with open(tasks_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(expected["tasks"]):
        problems.append(f"tasks table: {len(rows)} rows, JSON {len(expected['tasks'])} tasks")
    for i, (row, task) in enumerate(zip(rows, expected["tasks"])):
        document = expected["documents"][task["document"]]
        want = {"task": str(i), "document": str(task["document"] + 1), "number": task["id"], "source": task["source"],
                "line": str(task["line"]), "text": task["text"], "title": document["title"] or "",
                "section": " / ".join(task["section"])}
        for key, value in want.items():
            if row[key] != value:
                problems.append(f"tasks table row {i}: {key} {row[key]!r} != {value!r}")

for p in problems[:30]:
    print(p)
print(f"{len(problems)} problems; {len(agencies)} agencies, {len(links)} links read back by NetworkX and igraph")
sys.exit(1 if problems else 0)
