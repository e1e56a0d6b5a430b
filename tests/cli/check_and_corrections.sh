#!/usr/bin/env bash
# End-to-end: `agencygraph check`, `parse --format tsv` and `--corrections` as a coder uses them.
# $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
ex=$root/examples
synthetic=$root/tests/data/check/skipped-and-unread.txt
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- check ---
# The examples: every decomposition is read in full; the work report has no annotated task.
"$cli" check --width 200 "$ex/jingzhou-2020.txt" "$ex/tongshan-2023-excerpt.txt" "$ex/lueyang-2023-work-report.txt" \
  >"$tmp/check.txt" || fail "check examples: exit $?"
grep -q 'jingzhou-2020.txt  *114  ok: 114 tasks, nothing skipped$' "$tmp/check.txt" || fail "jingzhou verdict: $(cat "$tmp/check.txt")"
grep -q 'tongshan-2023-excerpt.txt  *18  ok: 18 tasks, nothing skipped$' "$tmp/check.txt" || fail "tongshan verdict"
grep -q 'lueyang-2023-work-report.txt  *0  no annotated tasks: a work report or an unknown layout$' "$tmp/check.txt" \
  || fail "lueyang verdict"
grep -q '^3 documents, 132 tasks: 2 ok, 0 to check, 1 without annotated tasks$' "$tmp/check.txt" || fail "check summary"
# Nothing to show: no detail tables.
[ "$(wc -l <"$tmp/check.txt")" -eq 6 ] || fail "check examples: expected header, rule, 3 rows, summary: $(cat "$tmp/check.txt")"

# A document with a numbered paragraph the parser skipped (line 5) and a line with role words
# outside every task (line 2): both listed with their line, and the verdict counts them.
"$cli" check --width 200 "$synthetic" >"$tmp/synthetic.txt" || fail "check synthetic: exit $?"
grep -q "skipped-and-unread.txt: check: 1 paragraph skipped, 1 line with role words not read$" "$tmp/synthetic.txt" \
  || fail "synthetic verdict: $(cat "$tmp/synthetic.txt")"
grep -q '^line 2  role word not read: 牵头  *县文旅局牵头抓好全县文旅工作，各乡镇配合做好相关工作。$' "$tmp/synthetic.txt" || fail "unread line"
grep -q '^line 5  skipped: numbered paragraph without a responsibility annotation.*2\.加快乡村振兴。$' "$tmp/synthetic.txt" \
  || fail "skipped line"

# A saved web page: lines are the page's own (line 6 holds two paragraphs; the first was skipped).
"$cli" check --width 200 "$root/tests/data/check/skipped-and-unread.html" >"$tmp/html.txt" || fail "check html: exit $?"
grep -q '^line 3  role word not read: 牵头  *市文旅局牵头抓好全市文旅工作$' "$tmp/html.txt" || fail "html unread line: $(cat "$tmp/html.txt")"
grep -q '^line 6  skipped: .*2\.推进乙。$' "$tmp/html.txt" || fail "html skipped line: $(cat "$tmp/html.txt")"

# JSON: the same, for scripts.
"$cli" check --format json "$synthetic" "$ex/lueyang-2023-work-report.txt" >"$tmp/check.json"
"$py" - "$tmp/check.json" <<'PY' || fail "check JSON"
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
d, report = out["documents"]
assert d["status"] == "check" and d["tasks"] == 2, d
assert [(s["line"], s["text"]) for s in d["skipped"]] == [(5, "2.加快乡村振兴。")], d["skipped"]
assert [(u["line"], u["role_word"]) for u in d["unread_lines"]] == [(2, "牵头")], d["unread_lines"]
assert report["status"] == "no_tasks" and report["tasks"] == 0
assert out["summary"] == {"documents": 2, "tasks": 2, "ok": 0, "check": 1, "no_tasks": 1}, out["summary"]
PY

# Exit codes: an unreadable input is reported and the rest still checked (1); usage errors (2).
set +e
"$cli" check "$tmp/missing.txt" "$synthetic" >"$tmp/partial.txt" 2>"$tmp/err.txt"; code=$?
"$cli" check >/dev/null 2>&1; code2=$?
"$cli" check --format xml "$synthetic" >/dev/null 2>&1; code3=$?
set -e
[ $code -eq 1 ] || fail "missing input: exit $code"
grep -q "missing.txt: cannot open" "$tmp/err.txt" || fail "missing input message"
grep -q "skipped-and-unread.txt" "$tmp/partial.txt" || fail "the readable input was not checked"
[ $code2 -eq 2 ] || fail "no input: exit $code2"
[ $code3 -eq 2 ] || fail "bad format: exit $code3"
echo "check: ok"

# --- parse --format tsv ---
cd "$tmp"
cp "$ex/jingzhou-2020.txt" "$ex/xianning-2023-p1.txt" "$ex/xianning-2023-p2.txt" "$synthetic" .
docs=(jingzhou-2020.txt xianning-2023-p1.txt xianning-2023-p2.txt skipped-and-unread.txt)
"$cli" parse --format tsv "${docs[@]}" >tasks.tsv
"$cli" parse "${docs[@]}" >tasks.json
"$py" - tasks.tsv tasks.json <<'PY' || fail "TSV rows"
import json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
lines = raw[3:].decode("utf-8").split("\n")
assert lines[-1] == "" and "\r" not in raw.decode("utf-8")
header, rows = lines[0].split("\t"), [l.split("\t") for l in lines[1:-1]]
assert header == ["file", "line", "place", "title", "task", "role", "agency", "canonical", "kind", "text"], header
assert all(len(r) == 10 for r in rows)
parsed = json.load(open(sys.argv[2], encoding="utf-8"))
expected = [(t["source"], str(t["line"]), t["id"], a["role"], a["name"], a["canonical"], a["kind"])
            for d in parsed["documents"] for t in d["tasks"] for a in t["agencies"]]
got = [(r[0], r[1], r[4], r[5], r[6], r[7], r[8]) for r in rows]
assert got == expected, (len(got), len(expected))
PY
echo "parse --format tsv: ok"

# --- --corrections ---
# The TSV given back unchanged changes nothing: same JSON, same GraphML (streamed path).
"$cli" parse --corrections tasks.tsv "${docs[@]}" >same.json 2>err.txt
cmp -s tasks.json same.json || fail "unchanged corrections changed the parse"
grep -q "^tasks.tsv: 0 tasks corrected, 0 added, 0 dropped, 166 as they were$" err.txt || fail "summary: $(cat err.txt)"
"$cli" export "${docs[@]}" --format graphml -o plain.graphml
"$cli" export "${docs[@]}" --format graphml -o corrected.graphml --corrections tasks.tsv --quiet
cmp -s plain.graphml corrected.graphml || fail "unchanged corrections changed the GraphML"
# As Excel saves "Unicode text": UTF-16LE with a BOM and CRLF.
tail -c +4 tasks.tsv | sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE >utf16.tsv
printf '\xff\xfe' | cat - utf16.tsv >excel.tsv
"$cli" export "${docs[@]}" --format graphml -o excel.graphml --corrections excel.tsv --quiet
cmp -s plain.graphml excel.graphml || fail "UTF-16 corrections changed the GraphML"

# A coder's edits: task 1 of jingzhou loses one unit and gains another, task 2 gets a new lead
# (a role changed), the skipped paragraph 2 of the synthetic document becomes a task, and its
# task 3 is dropped.
"$py" - tasks.tsv edited.tsv <<'PY' || fail "editing the TSV"
import sys
raw = open(sys.argv[1], encoding="utf-8-sig").read().split("\n")
header, rows = raw[0], [l.split("\t") for l in raw[1:] if l]
out = []
t1 = [r for r in rows if r[0] == "jingzhou-2020.txt" and r[4] == "1"]
assert len(t1) >= 2, t1
for r in rows:
    if r is t1[-1]:
        continue  # deleted: the last unit of task 1
    if r[0] == "jingzhou-2020.txt" and r[4] == "2" and r[5] == "co":
        r = r[:5] + ["lead"] + r[6:]
    if r[0] == "skipped-and-unread.txt" and r[4] == "3":
        continue
    out.append(r)
    if r is t1[0]:
        out.append(r[:5] + ["co", "市档案馆", "", "", r[9]])
out.append(["skipped-and-unread.txt", "5", "", "", "2", "lead", "县农业农村局", "", "", ""])
out.append(["skipped-and-unread.txt", "6", "", "", "3", "none", "", "", "", ""])
open(sys.argv[2], "w", encoding="utf-8").write(header + "\n" + "".join("\t".join(r) + "\n" for r in out))
PY
"$cli" parse --corrections edited.tsv "${docs[@]}" >edited.json 2>err.txt
grep -q "^edited.tsv: 2 tasks corrected, 1 added, 1 dropped, 163 as they were$" err.txt || fail "edit summary: $(cat err.txt)"
"$py" - tasks.json edited.json <<'PY' || fail "edits not applied"
import json, sys
before, after = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
def task(doc, source, id):
    [t] = [t for d in doc["documents"] for t in d["tasks"] if t["source"] == source and t["id"] == id]
    return t
b1, a1 = task(before, "jingzhou-2020.txt", "1"), task(after, "jingzhou-2020.txt", "1")
removed = (b1["co"] or b1["leads"])[-1]
assert removed not in a1["co"] + a1["leads"], a1
assert "市档案馆" in a1["co"], a1
b2, a2 = task(before, "jingzhou-2020.txt", "2"), task(after, "jingzhou-2020.txt", "2")
assert a2["co"] == [] and a2["leads"] == b2["leads"] + b2["co"], (b2, a2)
new = task(after, "skipped-and-unread.txt", "2")
assert new["leads"] == ["县农业农村局"] and new["line"] == 5, new
[doc] = [d for d in after["documents"] if d["sources"] == ["skipped-and-unread.txt"]]
assert [t["id"] for t in doc["tasks"]] == ["1", "2"], doc["tasks"]
assert [(s["line"], s["reason"]) for s in doc["skipped"]] == \
    [(6, "task 3 dropped: the corrections (edited.tsv:%d) give it no agencies" % (len(open("edited.tsv").read().split("\n")) - 1))], doc["skipped"]
PY
# Every command that reads documents takes the corrections: the added agency is in the network.
"$cli" rank "${docs[@]}" --corrections edited.tsv --top 0 --format csv --quiet >rank.csv
grep -q ',市档案馆,' rank.csv || fail "rank --corrections"
"$cli" rank "${docs[@]}" --top 0 --format csv >rank-plain.csv
! grep -q ',市档案馆,' rank-plain.csv || fail "市档案馆 without corrections?"
"$cli" clusters "${docs[@]}" --corrections edited.tsv --quiet >/dev/null || fail "clusters --corrections"
"$cli" map "${docs[@]}" --corrections edited.tsv --quiet -o map.svg || fail "map --corrections"
"$cli" check "${docs[@]}" --corrections edited.tsv --quiet --width 200 >check-edited.txt
grep -q "skipped-and-unread.txt  *2  check: 1 paragraph skipped, 1 line with role words not read" check-edited.txt \
  || fail "check --corrections: $(cat check-edited.txt)"

# Rows for a task the document no longer has, and for a file not among the inputs: warnings
# naming the corrections file and line, exit 0, everything else applied.
cp edited.tsv stale.tsv
printf 'jingzhou-2020.txt\t999\t\t\t999\tlead\t市财政局\t\t\t\nelsewhere.txt\t1\t\t\t1\tco\t市财政局\t\t\t\n' >>stale.tsv
n=$(wc -l <stale.tsv)
"$cli" parse --corrections stale.tsv "${docs[@]}" >stale.json 2>err.txt || fail "stale corrections: exit $?"
grep -q "^stale.tsv:$((n - 1)): task 999 of jingzhou-2020.txt (line 999) is not in the document, which has no line 999" err.txt \
  || fail "stale task warning: $(cat err.txt)"
grep -q "^stale.tsv:$n: elsewhere.txt is not among the inputs" err.txt || fail "unknown file warning: $(cat err.txt)"
# (The dropped task's reason names the corrections file it came from.)
sed 's/(stale.tsv:/(edited.tsv:/' stale.json | cmp -s edited.json - || fail "stale rows changed the result"

# A bad row: reported with file and line, exit 1; its task is left as parsed, the rest applied.
cp edited.tsv bad.tsv
printf 'jingzhou-2020.txt\t3\t\t\t2\tleed\t市财政局\t\t\t\n' >>bad.tsv
set +e
"$cli" parse --corrections bad.tsv "${docs[@]}" >bad.json 2>err.txt; code=$?
set -e
[ $code -eq 1 ] || fail "bad row: exit $code"
grep -q "^bad.tsv:$(wc -l <bad.tsv): role 'leed' is not lead, co or none (task 2 of jingzhou-2020.txt is left as parsed)$" err.txt \
  || fail "bad row message: $(cat err.txt)"
"$py" - tasks.json bad.json <<'PY' || fail "bad row: other corrections lost, or its task changed"
import json, sys
before, after = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
def task(doc, id):
    [t] = [t for d in doc["documents"] for t in d["tasks"] if t["source"] == "jingzhou-2020.txt" and t["id"] == id]
    return t
assert task(after, "2") == task(before, "2")
assert "市档案馆" in task(after, "1")["co"]
PY
# A file that is not a corrections file at all stops the run before any work (exit 1).
set +e
"$cli" parse --corrections "$synthetic" "${docs[@]}" >/dev/null 2>err.txt; code=$?
set -e
[ $code -eq 1 ] || fail "not a corrections file: exit $code"
grep -q "skipped-and-unread.txt:1: the header row has no column" err.txt || fail "header message: $(cat err.txt)"
echo "corrections: ok"
