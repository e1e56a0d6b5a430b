"""How fast a report opens and answers in headless Chromium: a benchmark, never a test.

  report_load.py REPORT.html [--runs N] [--query TEXT] [--screenshot PNG]

Opens the report from disk with the network off, N times in a fresh tab each (default 3), and prints
per run: the time from navigation start to the page's 'agencygraph-ready' mark (set after the data is
parsed and the map set up: the map can be used), to the agencies (search, filters), the measures
(ranking) and every task read (the panels wait for them), to the load event, and then the page's own
measures of a search (typing TEXT, default the first two characters of the most-burdened agency's
name, to the results listed), of opening that agency's panel (click to panel drawn), of a link panel,
and of the ranking (tab click to first page drawn), plus the JavaScript heap in use. Wall times of
each interaction as seen from here (DevTools round trips included) are printed too.

Method and figures: docs/performance.md.
"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import cdp  # noqa: E402


def measure(browser, name):
    return browser.evaluate("(() => { const m = performance.getEntriesByName(%r, 'measure'); "
                            "return m.length ? m[m.length - 1].duration : null; })()" % name)


def run(report, query, screenshot, nice):
    with tempfile.TemporaryDirectory() as profile:
        browser = cdp.Browser(profile, timeout=300, prefix=("nice", "-n", str(nice)) if nice else ())
        try:
            browser.call("Page.enable")
            browser.call("Runtime.enable")
            browser.call("Network.enable")
            browser.call("Network.emulateNetworkConditions",
                         {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
            browser.call("Page.navigate", {"url": "file://" + os.path.abspath(report)})
            browser.wait_for("document.documentElement && document.documentElement.dataset.ready === 'true' && document.readyState === 'complete'",
                             "the report to be ready", timeout=120)
            ready = browser.evaluate("performance.getEntriesByName('agencygraph-ready')[0].startTime")
            browser.wait_for("document.documentElement.dataset.tasks === 'true'", "every task to be read", timeout=300)
            browser.wait_for("performance.getEntriesByType('navigation')[0].loadEventEnd > 0", "the load event")
            loaded = browser.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            marks = browser.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))")
            if not query:
                query = browser.evaluate("(() => { const d = window.agencygraph.data; const b = d.measures.burden; "
                                         "let best = 0; for (let v = 1; v < b.length; v++) if (b[v] > b[best]) best = v; "
                                         "return d.agencies[best][0].slice(0, 2); })()")
            start = time.monotonic()
            browser.evaluate("document.getElementById('search').focus()")
            browser.call("Input.insertText", {"text": query})
            browser.wait_for("document.querySelector('#search-results li[data-agency]') !== null", "results")
            search_wall = time.monotonic() - start
            start = time.monotonic()
            browser.click("document.querySelector('#search-results li[data-agency]')")
            browser.wait_for("document.getElementById('panel').dataset.agency !== undefined", "the panel")
            panel_wall = time.monotonic() - start
            partner = browser.evaluate("(() => { const b = document.querySelector('#panel table.partners td.num button'); "
                                       "return b !== null; })()")
            link_ms = None
            if partner:
                browser.click("document.querySelector('#panel table.partners td.num button')")
                browser.wait_for("document.getElementById('panel').dataset.link !== undefined", "the link panel")
                link_ms = measure(browser, "link-panel")
            if screenshot:
                browser.screenshot(screenshot)
            start = time.monotonic()
            browser.click("document.querySelector('#tabs button[data-view=\"ranking\"]')")
            browser.wait_for("document.querySelector('#view-ranking tbody tr') !== null", "the ranking")
            ranking_wall = time.monotonic() - start
            start = time.monotonic()
            browser.click("document.querySelector('#view-ranking th[data-key=\"betweenness\"]')")
            browser.wait_for("document.querySelector('#view-ranking th[data-key=\"betweenness\"]')"
                             ".getAttribute('aria-sort') === 'descending'", "the sorted ranking")
            sort_wall = time.monotonic() - start
            heap = browser.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
            return {"ready_ms": ready, "load_ms": loaded, "agencies_ms": marks.get("agencygraph-agencies"),
                    "measures_ms": marks.get("agencygraph-measures"),
                    "tasks_ms": marks.get("agencygraph-tasks"), "query": query, "search_ms": measure(browser, "search"),
                    "search_wall_s": search_wall, "agency_panel_ms": measure(browser, "agency-panel"),
                    "panel_wall_s": panel_wall, "link_panel_ms": link_ms, "ranking_wall_s": ranking_wall,
                    "sort_wall_s": sort_wall, "heap_mb": heap / 1e6 if heap else None}
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="")
    parser.add_argument("--screenshot", default="")
    parser.add_argument("--nice", type=int, default=0,
                        help="run Chromium under nice -n N (negative: ahead of a busy machine's other work)")
    args = parser.parse_args()
    print("report: %s, %.1f MB" % (args.report, os.path.getsize(args.report) / 1e6))
    for i in range(args.runs):
        r = run(args.report, args.query, args.screenshot if i == 0 else "", args.nice)
        print("run %d: ready %.0f ms, agencies %.0f ms, measures %.0f ms, every task %.0f ms, load event %.0f ms; search %r %.0f ms in page (%.2f s wall); agency panel "
              "%.0f ms (%.2f s wall); link panel %s ms; ranking tab %.2f s wall, sorted by betweenness %.2f s wall; "
              "JS heap %s MB" % (i + 1, r["ready_ms"], r["agencies_ms"], r["measures_ms"], r["tasks_ms"], r["load_ms"], r["query"], r["search_ms"], r["search_wall_s"],
                                 r["agency_panel_ms"], r["panel_wall_s"],
                                 "%.0f" % r["link_panel_ms"] if r["link_panel_ms"] is not None else "-",
                                 r["ranking_wall_s"], r["sort_wall_s"],
                                 "%.0f" % r["heap_mb"] if r["heap_mb"] else "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
