"""The HTML report in a real browser: headless Chromium, network off, driven through DevTools.

  report_browser.py AGENCYGRAPH OUTPUT_DIR INPUT...

Makes the report of INPUT with AGENCYGRAPH, and what it must show independently of the report's code:
from `agencygraph parse` (tasks with their leads and co-responsible units) it works out each agency's
tasks and roles, its partners and the tasks of each link (lead -> co, co-leads, peers for a task
without a lead), as docs/analysis.md defines them; betweenness comes from NetworkX on those links.
Then it opens the report offline, types a name into the search box, clicks the agency in the results
and on the map, checks the panel's tasks and partners, clicks a link on the map and checks its tasks,
sorts the ranking, and checks that no request left the page and that the console holds no error.
A second report, of a document whose names and task texts are markup, must show them as text.
Screenshots go to OUTPUT_DIR.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

import cdp

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)
    return condition


def parse_documents(agencygraph, inputs):
    out = subprocess.run([agencygraph, "parse", "--quiet", *inputs], check=True, capture_output=True).stdout
    return json.loads(out)["documents"]


class Expected:
    """The network as docs/analysis.md defines it, worked out from `parse` alone."""

    def __init__(self, documents):
        self.tasks = []  # (agency -> role) per task, with number and text
        self.links = collections.defaultdict(list)  # (a, b, kind) -> task indices; symmetric kinds sorted
        for doc in documents:
            key = doc["jurisdiction"] or ""  # the test inputs all name their place
            for task in doc["tasks"]:
                leads, co = [], []
                for name in task["leads_canonical"]:
                    if (key, name) not in leads:
                        leads.append((key, name))
                for name in task["co_canonical"]:
                    if (key, name) not in leads and (key, name) not in co:
                        co.append((key, name))
                roles = {a: "lead" for a in leads}
                roles.update({a: "co" for a in co})
                if not leads and len(co) == 1:
                    roles = {co[0]: "owner"}
                t = len(self.tasks)
                self.tasks.append({"number": task["id"], "text": task["text"], "roles": roles})
                if leads:
                    for a in leads:
                        for b in co:
                            self.links[(a, b, "lead_to_co")].append(t)
                    for i, a in enumerate(leads):
                        for b in leads[i + 1:]:
                            self.links[tuple(sorted((a, b))) + ("co_lead",)].append(t)
                elif len(co) > 1:
                    for i, a in enumerate(co):
                        for b in co[i + 1:]:
                            self.links[tuple(sorted((a, b))) + ("peer",)].append(t)

    def agency_tasks(self, agency):
        return sorted((t["number"], t["text"], t["roles"][agency]) for t in self.tasks if agency in t["roles"])

    def partners(self, agency):
        shared = collections.defaultdict(set)
        for (a, b, _), tasks in self.links.items():
            if agency in (a, b):
                shared[b if a == agency else a].update(tasks)
        return {p: len(ts) for p, ts in shared.items()}

    def link_tasks(self, a, b, kind):
        return sorted((self.tasks[t]["number"], self.tasks[t]["text"]) for t in self.links[(a, b, kind)])

    def counts(self):
        lead = collections.Counter()
        for t in self.tasks:
            for a, role in t["roles"].items():
                if role == "lead":
                    lead[a] += 1
        return lead

    def betweenness(self):
        import networkx as nx
        g = nx.DiGraph()
        for t in self.tasks:
            g.add_nodes_from(t["roles"])
        for (a, b, kind) in self.links:
            g.add_edge(a, b)
            if kind != "lead_to_co":
                g.add_edge(b, a)
        return nx.betweenness_centrality(g)


def agency_key(browser, v):
    label, jurisdiction = browser.evaluate(
        "(() => { const d = window.agencygraph.data; const a = d.agencies[%d]; "
        "return [a[0], d.jurisdictions[a[1]]]; })()" % v)
    return jurisdiction, label.split("（")[0]


def index_of(browser, agency):
    """The page's index of an agency (only to find it on the page; what it shows is checked apart)."""
    return browser.evaluate(
        "(() => { const d = window.agencygraph.data; return d.agencies.findIndex((a) => "
        "d.jurisdictions[a[1]] === %s && (a[0] === %s || a[0].startsWith(%s + '（'))); })()"
        % (json.dumps(agency[0]), json.dumps(agency[1]), json.dumps(agency[1])))


def show_all(browser, container):
    """Clicks the panel's "show more" buttons under `container` until everything is listed."""
    for _ in range(1000):
        if not browser.evaluate("(() => { const b = [...document.querySelectorAll(%s)].find((e) => !e.hidden); "
                                "if (!b) return false; b.click(); return true; })()"
                                % json.dumps(container + " > button.more")):
            return


def panel_tasks(browser, container):
    show_all(browser, container)
    return browser.evaluate(
        "[...document.querySelectorAll(%s)].map((e) => [e.dataset.number, e.querySelector('.text').textContent, "
        "[...e.querySelectorAll('.role')].map((r) => r.className.replace('role role-', ''))])"
        % json.dumps(container + " > .task"))


def open_report(browser, path):
    browser.call("Page.enable")
    browser.call("Runtime.enable")
    browser.call("Log.enable")
    browser.call("Network.enable")
    browser.call("Network.emulateNetworkConditions",
                 {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    url = "file://" + os.path.abspath(path)
    browser.call("Page.navigate", {"url": url})
    # Ready (the map shown), then every block after the script read: the checks compare what it holds.
    browser.wait_for("document.readyState === 'complete' && document.documentElement && "
                     "document.documentElement.dataset.ready === 'true' && document.documentElement.dataset.tasks === 'true'",
                     "the report to be ready and every task read")
    return url


def check_quiet(browser, url, what):
    """No request but the page itself, no console error, no exception, no dialog."""
    for method, params in browser.events:
        if method == "Network.requestWillBeSent":
            request = params["request"]["url"]
            check(request == url or request.startswith("data:"), "%s: the page requested %s" % (what, request))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert", "warning"):
            check(False, "%s: console %s: %s" % (what, params["type"], json.dumps(params.get("args"))[:300]))
        elif method == "Runtime.exceptionThrown":
            check(False, "%s: exception: %s" % (what, json.dumps(params["exceptionDetails"])[:500]))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            check(False, "%s: log %s: %s" % (what, params["entry"]["level"], params["entry"]["text"]))
        elif method == "Page.javascriptDialogOpening":
            check(False, "%s: a dialog opened: %s" % (what, params.get("message")))


def explore(agencygraph, out_dir, inputs, work):
    report = os.path.join(work, "report.html")
    subprocess.run([agencygraph, "report", "--quiet", *inputs, "-o", report], check=True)
    expected = Expected(parse_documents(agencygraph, inputs))
    browser = cdp.Browser(os.path.join(work, "profile"))
    try:
        url = open_report(browser, report)

        # The agency with the most tasks that also has partners; searched by a part of its name.
        per_agency = collections.Counter(a for t in expected.tasks for a in t["roles"])
        agency = max((a for a in per_agency if expected.partners(a)), key=lambda a: (per_agency[a], a))
        v = index_of(browser, agency)
        check(v >= 0, "agency %s is in the page's data" % (agency,))
        name = agency[1]
        query = name[1:] if len(name) > 2 else name  # any part of the name finds it
        browser.evaluate("document.getElementById('search').focus()")
        browser.call("Input.insertText", {"text": query})
        browser.wait_for("document.querySelector('#search-results li[data-agency=\"%d\"]') !== null" % v,
                         "the search results to list %s" % name)
        results = browser.evaluate("[...document.querySelectorAll('#search-results li[data-agency]')]"
                                   ".map((e) => Number(e.dataset.agency))")
        for r in results:
            check(query in agency_key(browser, r)[1] or query in browser.evaluate(
                "window.agencygraph.data.agencies[%d][8].join('|')" % r), "search result %d matches %s" % (r, query))
        browser.click("document.querySelector('#search-results li[data-agency=\"%d\"]')" % v)
        browser.wait_for("document.getElementById('panel').dataset.agency === '%d'" % v, "the agency panel")

        got = sorted((n, text, roles[0]) for n, text, roles in panel_tasks(browser, "#panel .tasks"))
        check(got == expected.agency_tasks(agency),
              "panel tasks of %s: %d listed, %d expected" % (name, len(got), len(expected.agency_tasks(agency))))
        counts = browser.evaluate("['lead', 'co', 'owner'].map((r) => Number(document.querySelector("
                                  "'#panel .count-' + r).textContent))")
        roles = collections.Counter(role for _, _, role in expected.agency_tasks(agency))
        check(counts == [roles["lead"], roles["co"], roles["owner"]], "lead/co/alone counts %s" % counts)
        show_all(browser, "#panel table.partners")
        partners = browser.evaluate("[...document.querySelectorAll('#panel table.partners tr[data-agency]')]"
                                    ".map((r) => [Number(r.dataset.agency), Number(r.children[1].textContent)])")
        got_partners = {agency_key(browser, p): n for p, n in partners}
        check(got_partners == expected.partners(agency), "partners of %s and their shared tasks" % name)
        print("agency %s: %d tasks, %d partners checked" % (name, len(got), len(got_partners)))
        shared = [n for _, n in partners]
        check(shared == sorted(shared, reverse=True), "partners sorted by shared tasks")

        # The same agency clicked on the map, where the search centred it.
        node_id = browser.evaluate("window.agencygraph.data.map.nodes.find((n) => n[0] === %d)[1]" % v)
        browser.evaluate("document.querySelector('#panel .close').click()")
        x, y = browser.evaluate("(() => { const r = document.getElementById(%s).getBoundingClientRect(); "
                                "return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(node_id))
        check(browser.evaluate("document.elementFromPoint(%f, %f).closest('.node').id" % (x, y)) == node_id,
              "the centred agency is under its box on the map")
        browser.click_at(x, y)
        browser.wait_for("document.getElementById('panel').dataset.agency === '%d'" % v, "the panel after a map click")
        browser.screenshot(os.path.join(out_dir, "report-agency.png"))

        # Hovering the agency highlights it with its partners on the map, and only them. (The panel took
        # room from the map since the click, so the agency's box has moved.)
        browser.evaluate("document.querySelector('#panel .close').click()")
        x, y = browser.evaluate("(() => { const r = document.getElementById(%s).getBoundingClientRect(); "
                                "return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(node_id))
        browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        near = browser.wait_for("(() => { const n = [...document.querySelectorAll('#map-svg .node.near')]; "
                                "return n.length ? n.map((e) => e.id) : null; })()", "the partners highlighted")
        map_partners = browser.evaluate(
            "(() => { const ids = new Map(window.agencygraph.data.map.nodes.map((n) => [n[0], n[1]])); const out = new Set(); "
            "for (const [a, b] of window.agencygraph.data.map.links) { if (a === %d && ids.has(b)) out.add(ids.get(b)); "
            "if (b === %d && ids.has(a)) out.add(ids.get(a)); } return [...out]; })()" % (v, v))
        check(sorted(near) == sorted(map_partners + [node_id]), "hover highlights the agency and its %d partners on "
              "the map (%d highlighted)" % (len(map_partners), len(near)))

        # A link of that agency on the map: clicked at a point of its line that nothing covers.
        links = browser.evaluate("window.agencygraph.data.map.links.filter((l) => l[0] === %d || l[1] === %d)" % (v, v))
        clicked = None
        for frm, to, kind, link_id in sorted(links, key=lambda l: -len(expected.links[
                (agency_key(browser, l[0]), agency_key(browser, l[1]), ["lead_to_co", "co_lead", "peer"][l[2]])])):
            point = browser.evaluate(
                "(() => { const g = document.getElementById(%s); const p = g.querySelector('path'); "
                "const len = p.getTotalLength(); for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) { "
                "const q = p.getPointAtLength(len * f); const m = p.getScreenCTM(); "
                "const x = m.a * q.x + m.c * q.y + m.e, y = m.b * q.x + m.d * q.y + m.f; "
                "const hit = document.elementFromPoint(x, y); "
                "if (hit && hit.closest('.edge') === g) return [x, y]; } return null; })()" % json.dumps(link_id))
            if point:
                clicked = (frm, to, kind)
                browser.click_at(*point)
                break
        if check(clicked is not None, "some link of %s can be clicked on the map" % name):
            frm, to, kind = clicked
            browser.wait_for("document.getElementById('panel').dataset.link === '%d %d'" % (frm, to), "the link panel")
            container = "#panel .link-tasks[data-from=\"%d\"][data-to=\"%d\"][data-kind=\"%d\"]" % (frm, to, kind)
            got = sorted((n, text) for n, text, _ in panel_tasks(browser, container))
            want = expected.link_tasks(agency_key(browser, frm), agency_key(browser, to),
                                       ["lead_to_co", "co_lead", "peer"][kind])
            check(got == want and want, "tasks of the clicked link: %d listed, %d expected" % (len(got), len(want)))
            print("link %s -> %s (%s): %d tasks checked" % (agency_key(browser, frm)[1], agency_key(browser, to)[1],
                                                             ["lead_to_co", "co_lead", "peer"][kind], len(got)))
            first = browser.evaluate("document.querySelector('#panel .link-tasks').dataset.from + ' ' + "
                                     "document.querySelector('#panel .link-tasks').dataset.to")
            check(first == "%d %d" % (frm, to), "the clicked link is listed first")
            browser.screenshot(os.path.join(out_dir, "report-link.png"))

        # Pan and zoom: the wheel, a drag, the keyboard and the buttons all move the view.
        view = "document.getElementById('map-svg').getAttribute('viewBox').split(' ').map(Number)"
        before = browser.evaluate(view)
        browser.call("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": 300, "y": 500, "deltaX": 0, "deltaY": -300})
        after = browser.wait_for("(() => { const v = %s; return v[2] < %f ? v : null; })()" % (view, before[2]),
                                 "the wheel to zoom in")
        browser.call("Input.dispatchMouseEvent", {"type": "mousePressed", "x": 300, "y": 500, "button": "left",
                                                  "buttons": 1, "clickCount": 1})
        for step in range(1, 6):
            browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 300 + 20 * step, "y": 500,
                                                      "button": "left", "buttons": 1})
        browser.call("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": 400, "y": 500, "button": "left",
                                                  "buttons": 0, "clickCount": 1})
        dragged = browser.evaluate(view)
        check(dragged[0] < after[0] and dragged[2] == after[2], "a drag to the right pans the view left %s -> %s"
              % (after, dragged))
        browser.evaluate("document.getElementById('map').focus()")
        for key, code in (("+", "Equal"), ("ArrowRight", "ArrowRight")):
            browser.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code})
            browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code})
        keyed = browser.evaluate(view)
        check(keyed[2] < dragged[2] and keyed[0] != dragged[0], "+ zooms in and the arrow pans %s -> %s" % (dragged, keyed))
        browser.click("document.getElementById('zoom-fit')")
        with open(report, encoding="utf-8") as f:
            page = f.read()
        svg_tag = page[page.index('<svg id="map-svg"'):]
        home = [float(x) for x in svg_tag[svg_tag.index('viewBox="') + 9:].split('"')[0].split()]
        fitted = browser.evaluate(view)
        check(all(abs(a - b) < 0.01 for a, b in zip(fitted, home)), "the whole-map button shows the whole map %s" % home)

        # The kind filter dims the agencies of other kinds on the map.
        kind = browser.evaluate("window.agencygraph.data.agencies[%d][2]" % v)
        browser.evaluate("(() => { const s = document.getElementById('filter-kind'); s.value = '%d'; "
                         "s.dispatchEvent(new Event('change')); })()" % kind)
        wrong = browser.evaluate(
            "window.agencygraph.data.map.nodes.filter(([a, id]) => document.getElementById(id).classList.contains("
            "'filtered-out') === (window.agencygraph.data.agencies[a][2] === %d)).length" % kind)
        check(wrong == 0, "the kind filter dims exactly the other kinds (%d wrong)" % wrong)
        browser.evaluate("(() => { const s = document.getElementById('filter-kind'); s.value = ''; "
                         "s.dispatchEvent(new Event('change')); })()")

        # The ranking, sorted by clicking its headers.
        browser.click("document.querySelector('#tabs button[data-view=\"ranking\"]')")
        browser.wait_for("document.querySelector('#view-ranking tbody tr') !== null", "the ranking")
        lead = expected.counts()
        browser.click("document.querySelector('#view-ranking th[data-key=\"lead\"]')")
        browser.wait_for("document.querySelector('#view-ranking th[data-key=\"lead\"]').getAttribute('aria-sort')"
                         " === 'descending'", "the ranking sorted by lead tasks")
        rows = browser.evaluate("[...document.querySelectorAll('#view-ranking tbody tr')].map((r) => "
                                "[Number(r.dataset.agency), Number(r.children[5].textContent)])")
        want = sorted(lead.values(), reverse=True)[:len(rows)]
        check([n for _, n in rows] == want + [0] * (len(rows) - len(want)), "ranking by lead tasks, descending")
        for r, n in rows[:10]:
            check(lead[agency_key(browser, r)] == n, "lead tasks of ranking row %d" % r)
        browser.click("document.querySelector('#view-ranking th[data-key=\"lead\"]')")
        browser.wait_for("document.querySelector('#view-ranking th[data-key=\"lead\"]').getAttribute('aria-sort')"
                         " === 'ascending'", "the ranking sorted by lead tasks, ascending")
        ascending = browser.evaluate("[...document.querySelectorAll('#view-ranking tbody tr')]"
                                     ".map((r) => Number(r.children[5].textContent))")
        check(ascending == sorted(ascending) and ascending[0] == 0, "ranking by lead tasks, ascending")
        browser.click("document.querySelector('#view-ranking th[data-key=\"betweenness\"]')")
        browser.wait_for("document.querySelector('#view-ranking th[data-key=\"betweenness\"]')"
                         ".getAttribute('aria-sort') === 'descending'", "the ranking sorted by betweenness")
        rows = browser.evaluate("[...document.querySelectorAll('#view-ranking tbody tr')].map((r) => "
                                "Number(r.dataset.agency))")
        betweenness = expected.betweenness()
        shown = [betweenness[agency_key(browser, r)] for r in rows]
        check(all(a >= b - 1e-12 for a, b in zip(shown, shown[1:])), "ranking by betweenness, descending")
        check(abs(shown[0] - max(betweenness.values())) < 1e-9, "the top betweenness is NetworkX's highest")
        rank_shown = browser.evaluate("window.agencygraph.ranks('betweenness')[%d]" % rows[0])
        check(rank_shown == 1, "the top agency by betweenness has rank 1")

        # Every other tab renders.
        for tab in ("clusters", "documents"):
            browser.click("document.querySelector('#tabs button[data-view=\"%s\"]')" % tab)
            browser.wait_for("document.querySelector('#view-%s tbody tr') !== null" % tab, "the %s table" % tab)
        documents = browser.evaluate("[...document.querySelectorAll('#view-documents tbody tr')].length")
        check(documents == len(inputs), "one documents row per input (%d)" % documents)
        browser.screenshot(os.path.join(out_dir, "report-documents.png"))
        browser.click("document.querySelector('#tabs button[data-view=\"map\"]')")
        browser.evaluate("document.getElementById('zoom-fit').click()")
        browser.screenshot(os.path.join(out_dir, "report-map.png"))
        check_quiet(browser, url, "examples' report")
    finally:
        browser.close()


HOSTILE = """2023年咸宁市测试分解方案
1.推进<img src=x onerror="alert(1)">项目</script><script>alert(2)</script>建设<!--。(牵头单位:市发改委;责任单位:市<b>财政</b>局、咸安区人民政府)
2.稳定财政收入\u2028行\u2029段。(牵头单位:市发改委;责任单位:市<img src=y onerror=alert(3)>局)
"""


def hostile(agencygraph, out_dir, work):
    source = os.path.join(work, "hostile.txt")
    with open(source, "w", encoding="utf-8") as f:
        f.write(HOSTILE)
    report = os.path.join(work, "hostile.html")
    subprocess.run([agencygraph, "report", "--quiet", source, "-o", report], check=True)
    texts = [t["text"] for d in parse_documents(agencygraph, [source]) for t in d["tasks"]]
    browser = cdp.Browser(os.path.join(work, "profile-hostile"))
    try:
        url = open_report(browser, report)
        check(browser.evaluate("document.querySelectorAll('img, script:not([type]), b').length") == 1,
              "hostile report: no element made from data (one script, no img or b)")
        v = browser.evaluate("window.agencygraph.data.agencies.findIndex((a) => a[0] === '市发改委')")
        browser.evaluate("document.getElementById('search').focus()")
        browser.call("Input.insertText", {"text": "发改委"})
        browser.wait_for("document.querySelector('#search-results li[data-agency=\"%d\"]') !== null" % v,
                         "search in the hostile report")
        browser.click("document.querySelector('#search-results li[data-agency=\"%d\"]')" % v)
        browser.wait_for("document.getElementById('panel').dataset.agency === '%d'" % v, "hostile panel")
        shown = sorted(text for _, text, _ in panel_tasks(browser, "#panel .tasks"))
        check(shown == sorted(texts), "hostile task texts shown as text: %s" % shown)
        check(browser.evaluate("document.querySelectorAll('img, script:not([type]), b').length") == 1,
              "hostile report: the panel made no element from data")
        names = browser.evaluate("window.agencygraph.data.agencies.map((a) => a[0])")
        check(any("<img" in n for n in names), "the hostile agency name is kept as written: %s" % names)
        browser.screenshot(os.path.join(out_dir, "report-hostile.png"))
        check_quiet(browser, url, "hostile report")
    finally:
        browser.close()


def derivation(agencygraph, inputs, work):
    """The page derives each link's tasks from the tasks (docs/report.md); for every link of the network,
    under each no-lead policy and with collectives left out, that must give the link's tasks exactly as
    `agencygraph export --format json` lists them."""
    browser = cdp.Browser(os.path.join(work, "profile-derivation"))
    try:
        for k, options in enumerate([[], ["--no-lead", "none"], ["--no-lead", "first-listed", "--exclude-collectives"]]):
            report = os.path.join(work, "derivation-%d.html" % k)
            exported = os.path.join(work, "derivation-%d.json" % k)
            subprocess.run([agencygraph, "report", "--quiet", *options, *inputs, "-o", report], check=True)
            subprocess.run([agencygraph, "export", "--quiet", *options, *inputs, "--format", "json", "-o", exported],
                           check=True)
            with open(exported, encoding="utf-8") as f:
                network = json.load(f)
            index = {a["id"]: i for i, a in enumerate(network["agencies"])}
            want = sorted([index[l["source"]], index[l["target"]], l["kind"], l["tasks"]] for l in network["links"])
            open_report(browser, report)
            pairs = sorted({tuple(sorted((index[l["source"]], index[l["target"]]))) for l in network["links"]})
            got = browser.evaluate(
                "(() => { const g = window.agencygraph, kinds = g.data.linkKinds, out = []; for (const [a, b] of %s) "
                "for (const l of g.linksBetween(a, b)) out.push([l.from, l.to, kinds[l.kind], l.tasks]); return out; })()"
                % json.dumps(pairs))
            check(sorted(got) == want, "options %s: the page's links and their tasks are the network's (%d links, "
                  "%d derived)" % (options, len(want), len(got)))
            print("options %s: %d links and their tasks derived as exported" % (options or "(default)", len(want)))
            browser.events.clear()
    finally:
        browser.close()


def main():
    agencygraph, out_dir, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        explore(agencygraph, out_dir, inputs, work)
        hostile(agencygraph, out_dir, work)
        derivation(agencygraph, inputs, work)
    if FAILURES:
        print("%d checks failed" % len(FAILURES), file=sys.stderr)
        return 1
    print("ok: report explored in Chromium; screenshots in " + out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
