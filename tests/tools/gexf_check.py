#!/usr/bin/python3
"""Checks a GEXF file agencygraph wrote: its structure against the rules of the GEXF 1.2draft (or 1.3)
schema that the file relies on, then a read-back through NetworkX's read_gexf, and, given the JSON export
of the same network, that both say the same.

This is NOT the official XSD: that schema is not packaged in Debian and nothing is downloaded at test
time. The structural rules checked here are those of gexf.xsd, data.xsd, dynamics.xsd and viz.xsd of
GEXF 1.2draft that an agencygraph file uses: element nesting and order, required attributes, the
enumerations (edge types, modes, time formats, attribute types), typed values, colour channels,
non-negative sizes, x/y/z positions, spells with start <= end, and dynamic values inside their element's
spells. Beyond the schema it checks what Gephi's timeline needs: spells of one element do not overlap,
and a link only exists in years when both its agencies do.

usage: gexf_check.py FILE.gexf [--json NETWORK.json] [--two-mode]
exits 1 with one line per problem.
"""
import json
import math
import sys
import xml.etree.ElementTree as ET

NAMESPACES = {"1.2": "http://www.gexf.net/1.2draft", "1.3": "http://gexf.net/1.3"}
ATTRIBUTE_TYPES = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"}
TIME_FORMATS = {"integer", "double", "date", "dateTime"}

problems = []


def problem(text):
    problems.append(text)


def number(text, where):
    try:
        value = float(text)
    except (TypeError, ValueError):
        problem(f"{where}: {text!r} is not a number")
        return None
    if math.isinf(value):
        problem(f"{where}: {text!r} is not finite")
    return value


def typed(value, kind, where):
    """The attvalue's value as its declared type says, or a problem."""
    if kind in ("integer", "long"):
        try:
            return int(value)
        except ValueError:
            problem(f"{where}: {value!r} is not an {kind}")
    elif kind in ("double", "float"):
        try:
            return float(value)  # NaN and INF are valid xs:double
        except ValueError:
            problem(f"{where}: {value!r} is not a {kind}")
    elif kind == "boolean":
        if value not in ("true", "false", "1", "0"):
            problem(f"{where}: {value!r} is not a boolean")
        return value in ("true", "1")
    return value


def spells_of(element, ns, where, time_range):
    """The element's spells as (start, end) pairs, checked."""
    spells = []
    for container in element.findall(f"{{{ns}}}spells"):
        children = list(container)
        if not children:
            problem(f"{where}: <spells> without a <spell>")
        for spell in children:
            if spell.tag != f"{{{ns}}}spell":
                problem(f"{where}: <spells> holds {spell.tag}")
                continue
            start, end = spell.get("start"), spell.get("end")
            if start is None or end is None:
                problem(f"{where}: a spell without start and end (NetworkX needs both)")
                continue
            s, e = number(start, where), number(end, where)
            if s is None or e is None:
                continue
            if s > e:
                problem(f"{where}: spell start {start} after end {end}")
            if time_range and (s < time_range[0] or e > time_range[1]):
                problem(f"{where}: spell [{start}, {end}] outside the graph's [{time_range[0]}, {time_range[1]}]")
            spells.append((s, e))
    spells.sort()
    for (s1, e1), (s2, e2) in zip(spells, spells[1:]):
        if s2 <= e1:
            problem(f"{where}: spells [{s1}, {e1}] and [{s2}, {e2}] overlap")
    return spells


def inside(spells, start, end):
    return any(s <= start and end <= e for s, e in spells)


def check_structure(path, two_mode):
    tree = ET.parse(path)  # well-formed XML, or an exception
    root = tree.getroot()
    version = root.get("version")
    if version not in NAMESPACES:
        problem(f"<gexf> version {version!r}: expected 1.2 or 1.3")
        return None
    ns = NAMESPACES[version]
    viz = ns + "/viz"
    if root.tag != f"{{{ns}}}gexf":
        problem(f"root element {root.tag}, expected {{{ns}}}gexf")
    children = [child.tag for child in root]
    expected = [f"{{{ns}}}meta", f"{{{ns}}}graph"]
    if children != expected and children != expected[1:]:
        problem(f"<gexf> holds {children}: expected an optional <meta> then one <graph>")
    meta = root.find(f"{{{ns}}}meta")
    if meta is not None:
        for child in meta:
            if child.tag not in (f"{{{ns}}}creator", f"{{{ns}}}keywords", f"{{{ns}}}description"):
                problem(f"<meta> holds {child.tag}")
    graph = root.find(f"{{{ns}}}graph")
    if graph is None:
        return None
    if graph.get("defaultedgetype") not in ("directed", "undirected", "mutual"):
        problem(f"<graph> defaultedgetype {graph.get('defaultedgetype')!r}")
    mode = graph.get("mode", "static")
    if mode not in ("static", "dynamic"):
        problem(f"<graph> mode {mode!r}")
    time_range = None
    if mode == "dynamic":
        if graph.get("timeformat") not in TIME_FORMATS:
            problem(f"dynamic <graph> timeformat {graph.get('timeformat')!r}: expected one of {sorted(TIME_FORMATS)}")
        start, end = number(graph.get("start"), "<graph> start"), number(graph.get("end"), "<graph> end")
        if start is not None and end is not None:
            if start > end:
                problem(f"<graph> start {start} after end {end}")
            time_range = (start, end)
    # Order: <attributes> first, then <nodes>, then <edges> (1.3 requires it; 1.2draft allows it).
    order = [child.tag.split("}")[1] for child in graph]
    rank = {"attributes": 0, "nodes": 1, "edges": 2}
    if any(tag not in rank for tag in order) or [rank[t] for t in order] != sorted(rank[t] for t in order):
        problem(f"<graph> children {order}: expected attributes*, nodes, edges")
    declared = {"node": {}, "edge": {}}
    for attributes in graph.findall(f"{{{ns}}}attributes"):
        cls = attributes.get("class")
        amode = attributes.get("mode", "static")
        if cls not in declared:
            problem(f"<attributes> class {cls!r}")
            continue
        if amode not in ("static", "dynamic"):
            problem(f"<attributes> mode {amode!r}")
        if amode == "dynamic" and mode != "dynamic":
            problem("dynamic <attributes> in a static graph")
        for attribute in attributes:
            aid, title, kind = attribute.get("id"), attribute.get("title"), attribute.get("type")
            if aid is None or title is None or kind is None:
                problem(f"<attribute> without id, title or type: {attribute.attrib}")
                continue
            if kind not in ATTRIBUTE_TYPES:
                problem(f"<attribute {aid}> type {kind!r}")
            if aid in declared[cls]:
                problem(f"{cls} attribute {aid!r} declared twice")
            if any(t == title for _, _, t in declared[cls].values()):
                problem(f"{cls} attribute title {title!r} declared twice")
            declared[cls][aid] = (kind, amode, title)

    node_children = {f"{{{ns}}}{t}" for t in ("attvalues", "spells", "nodes", "edges", "parents")} | {
        f"{{{viz}}}{t}" for t in ("color", "position", "size", "shape")}
    edge_children = {f"{{{ns}}}{t}" for t in ("attvalues", "spells")} | {
        f"{{{viz}}}{t}" for t in ("color", "thickness", "shape")}

    def attvalues(element, cls, where, spells):
        values = {}
        for container in element.findall(f"{{{ns}}}attvalues"):
            for attvalue in container:
                if attvalue.tag != f"{{{ns}}}attvalue":
                    problem(f"{where}: <attvalues> holds {attvalue.tag}")
                    continue
                key, value = attvalue.get("for"), attvalue.get("value")
                if key is None or value is None:
                    problem(f"{where}: <attvalue> without for or value")
                    continue
                if key not in declared[cls]:
                    problem(f"{where}: <attvalue for={key!r}> of no declared {cls} attribute")
                    continue
                kind, amode, title = declared[cls][key]
                parsed = typed(value, kind, f"{where} {title}")
                start, end = attvalue.get("start"), attvalue.get("end")
                if amode == "static":
                    if start is not None or end is not None:
                        problem(f"{where}: static attribute {key} with a time")
                    if title in values:
                        problem(f"{where}: {title} given twice")
                    values[title] = parsed
                else:
                    s, e = number(start, f"{where} {key} start"), number(end, f"{where} {key} end")
                    if s is None or e is None:
                        continue
                    if s > e:
                        problem(f"{where}: {key} start {start} after end {end}")
                    if spells and not inside(spells, s, e):
                        problem(f"{where}: {key} at [{start}, {end}] outside the element's spells {spells}")
                    values.setdefault(title, []).append((parsed, s, e))
        return values

    nodes_element = graph.find(f"{{{ns}}}nodes")
    nodes = {}
    if nodes_element is None:
        problem("<graph> without <nodes>")
    else:
        listed = list(nodes_element)
        if nodes_element.get("count") is not None and int(nodes_element.get("count")) != len(listed):
            problem(f"<nodes count={nodes_element.get('count')}> holds {len(listed)} nodes")
        for node in listed:
            nid = node.get("id")
            where = f"node {nid}"
            if nid is None:
                problem("a node without an id")
                continue
            if nid in nodes:
                problem(f"{where}: id used twice")
            if node.get("label") is None:
                problem(f"{where}: no label")
            for child in node:
                if child.tag not in node_children:
                    problem(f"{where}: unexpected child {child.tag}")
            spells = spells_of(node, ns, where, time_range)
            values = attvalues(node, "node", where, spells)
            color = node.find(f"{{{viz}}}color")
            if color is not None:
                for channel in "rgb":
                    text = color.get(channel)
                    if text is None or not text.isdigit() or int(text) > 255:
                        problem(f"{where}: viz:color {channel}={text!r}")
            size = node.find(f"{{{viz}}}size")
            if size is not None:
                value = number(size.get("value"), f"{where} viz:size")
                if value is not None and value < 0:
                    problem(f"{where}: negative viz:size")
            position = node.find(f"{{{viz}}}position")
            if position is not None:
                for axis in "xyz":  # z is required by the 1.2draft schema
                    number(position.get(axis), f"{where} viz:position {axis}")
            nodes[nid] = {"label": node.get("label"), "spells": spells, "values": values,
                          "viz": color is not None and size is not None, "position": position is not None}
    edges_element = graph.find(f"{{{ns}}}edges")
    edges = {}
    if edges_element is not None:
        listed = list(edges_element)
        if edges_element.get("count") is not None and int(edges_element.get("count")) != len(listed):
            problem(f"<edges count={edges_element.get('count')}> holds {len(listed)} edges")
        for edge in listed:
            eid = edge.get("id")
            where = f"edge {eid}"
            if eid is None:
                problem("an edge without an id")
                continue
            if eid in edges:
                problem(f"{where}: id used twice")
            source, target = edge.get("source"), edge.get("target")
            if source not in nodes or target not in nodes:
                problem(f"{where}: an end that is no node ({source} -> {target})")
                continue
            if edge.get("type") not in (None, "directed", "undirected", "mutual"):
                problem(f"{where}: type {edge.get('type')!r}")
            if edge.get("kind") is not None and version != "1.3":
                problem(f"{where}: the kind attribute is GEXF 1.3's")
            weight = number(edge.get("weight", "1"), f"{where} weight")
            for child in edge:
                if child.tag not in edge_children:
                    problem(f"{where}: unexpected child {child.tag}")
            spells = spells_of(edge, ns, where, time_range)
            for s, e in spells:
                for end_id in (source, target):
                    if nodes[end_id]["spells"] and not inside(nodes[end_id]["spells"], s, e):
                        problem(f"{where}: present in [{s}, {e}] when its end {end_id} is not")
            edges[eid] = {"source": source, "target": target, "weight": weight, "spells": spells,
                          "values": attvalues(edge, "edge", where, spells)}
    return {"version": version, "mode": mode, "nodes": nodes, "edges": edges, "time_range": time_range,
            "directed": graph.get("defaultedgetype") == "directed"}


def check_networkx(path, parsed):
    import networkx as nx

    graph = nx.read_gexf(path, version="1.2draft") if parsed["version"] == "1.2" else None
    if graph is None:
        return None  # NetworkX 2.8 reads 1.1draft and 1.2draft only
    if graph.number_of_nodes() != len(parsed["nodes"]):
        problem(f"NetworkX read {graph.number_of_nodes()} nodes, the file has {len(parsed['nodes'])}")
    if graph.number_of_edges() != len(parsed["edges"]):
        problem(f"NetworkX read {graph.number_of_edges()} edges, the file has {len(parsed['edges'])}")
    for nid, node in parsed["nodes"].items():
        data = graph.nodes[nid]
        if data.get("label") != node["label"]:
            problem(f"NetworkX: node {nid} label {data.get('label')!r}, file {node['label']!r}")
        for key, value in node["values"].items():
            got = data.get(key)
            if isinstance(value, list):
                if sorted(got or []) != sorted(value):
                    problem(f"NetworkX: node {nid} {key} {got!r}, file {value!r}")
            elif not (got == value or (isinstance(value, float) and math.isnan(value) and math.isnan(got))):
                problem(f"NetworkX: node {nid} {key} {got!r}, file {value!r}")
        if node["spells"] and sorted(data.get("spells", [])) != node["spells"]:
            problem(f"NetworkX: node {nid} spells {data.get('spells')!r}, file {node['spells']!r}")
    return graph


def check_against_json(parsed, network, two_mode):
    """The GEXF and the JSON export of one network agree: agencies, labels, measures, links, weights, and
    the spells and yearly values follow from the JSON's tasks and documents. Values are named by their
attribute's title, as NetworkX and Gephi name them (the ids are numbers)."""
    agencies = {a["id"]: a for a in network["agencies"]}
    if two_mode:
        return
    if set(agencies) != set(parsed["nodes"]):
        problem(f"agencies differ: only in JSON {sorted(set(agencies) - set(parsed['nodes']))[:5]}, "
                f"only in GEXF {sorted(set(parsed['nodes']) - set(agencies))[:5]}")
        return
    links = {l["id"]: l for l in network["links"]}
    if set(links) != set(parsed["edges"]):
        problem("links differ between the JSON and the GEXF")
        return
    tasks = network.get("tasks")
    year_of_document = [d["year"] for d in network["documents"]]
    years = sorted({y for y in year_of_document if y is not None})
    dynamic = len(years) >= 2
    if dynamic != (parsed["mode"] == "dynamic"):
        problem(f"the documents span {years}, the GEXF graph is {parsed['mode']}")
    for aid, agency in agencies.items():
        node = parsed["nodes"][aid]
        if node["label"] != agency["label"]:
            problem(f"node {aid}: label {node['label']!r}, JSON {agency['label']!r}")
        for key, value in agency["metrics"].items():
            got = node["values"].get(key)
            if value is None:
                continue
            if isinstance(value, bool) or isinstance(value, int):
                if got != value:
                    problem(f"node {aid}: {key} {got!r}, JSON {value!r}")
            elif not math.isclose(got, value, rel_tol=1e-12, abs_tol=1e-15):
                problem(f"node {aid}: {key} {got!r}, JSON {value!r}")
        if dynamic and tasks is not None:
            # The yearly burden from the JSON's tasks: lead 1, owner 1, co 0.5 (the defaults).
            expected = {}
            for t in agency["tasks"]:
                task = tasks[t]
                year = year_of_document[task["document"]]
                if year is None:
                    continue
                role = 1.0 if aid in task["leads"] or task["owner"] == aid else 0.5
                expected[year] = expected.get(year, 0) + role
            got = {int(s): v for v, s, e in node["values"].get("yearly_burden", [])}
            if got != expected:
                problem(f"node {aid}: yearly burden {got}, from the JSON's tasks {expected}")
            present = sorted(expected)
            covered = sorted(y for y in years if inside(node["spells"], y, y))
            if covered != present:
                problem(f"node {aid}: spells cover {covered}, the agency has tasks in {present}")
    for lid, link in links.items():
        edge = parsed["edges"][lid]
        if edge["weight"] != link["weight"]:
            problem(f"edge {lid}: weight {edge['weight']}, JSON {link['weight']}")
        if dynamic and tasks is not None:
            expected = {}
            for t in link["tasks"]:
                year = year_of_document[tasks[t]["document"]]
                if year is not None:
                    expected[year] = expected.get(year, 0) + 1
            got = {int(s): v for v, s, e in edge["values"].get("yearly_weight", [])}
            if got != expected:
                problem(f"edge {lid}: yearly weight {got}, from the JSON's tasks {expected}")


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[0]
    json_path = argv[argv.index("--json") + 1] if "--json" in argv else None
    two_mode = "--two-mode" in argv
    parsed = check_structure(path, two_mode)
    if parsed is not None and not problems:
        check_networkx(path, parsed)
        if json_path:
            with open(json_path, encoding="utf-8") as f:
                check_against_json(parsed, json.load(f), two_mode)
    for text in problems[:50]:
        print(f"{path}: {text}", file=sys.stderr)
    if problems:
        return 1
    print(f"{path}: GEXF {parsed['version']} {parsed['mode']}, {len(parsed['nodes'])} nodes, "
          f"{len(parsed['edges'])} edges: structure, NetworkX read-back" + (" and JSON agree" if json_path else " ok"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
