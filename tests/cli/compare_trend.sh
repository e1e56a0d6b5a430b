#!/usr/bin/env bash
# compare and trend end to end: two small documents worked out by hand (tests/unit/test_compare.cpp
# gives the working) with a succession file, the examples as two places, a generated corpus of the same
# places over five years, --year, and the errors a user meets (a bad succession file, one side only).
set -euo pipefail
bin="$1"; root="$2"
gencorpus="$(dirname "$bin")/agencygraph-gencorpus"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail() { echo "compare_trend: $*" >&2; exit 1; }

cat >"$tmp/2017.txt" <<'DOC'
2017年江城市《政府工作报告》重点任务责任分解方案
1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市国土资源局)
2.任务乙。(牵头单位:市国土资源局;责任单位:市财政局)
3.任务丙。(责任单位:市教育局)
4.任务丁。(牵头单位:市发改委;责任单位:市教育局)
DOC
cat >"$tmp/2019.txt" <<'DOC'
2019年江城市《政府工作报告》重点任务责任分解方案
1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市自然资源和规划局)
2.任务乙。(牵头单位:市自然资源和规划局;责任单位:市财政局、市人社局)
3.任务丙。(牵头单位:市人社局;责任单位:市发改委)
DOC
printf '# 江城市\n市国土资源局\t市自然资源和规划局\t2019\n' >"$tmp/successions.tsv"

# Agencies: burden and rank by hand. 发改委 2 (rank 1) -> 1.5 (rank 1); 自然资源 (printed 国土资源局 in 2017)
# 1.5 (2) -> 1.5 (1); 财政局 1 (4) -> 1 (4); 教育局 1.5 disappears; 人社局 1.5 appears.
"$bin" compare "$tmp/2017.txt" "$tmp/2019.txt" --successions "$tmp/successions.tsv" --format csv >"$tmp/agencies.csv"
/usr/bin/python3 - "$tmp/agencies.csv" <<'PY'
import csv, sys
rows = {r["name"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))}
want = {
    "市发改委": ("stayed", "2", "1.5", "-0.5", "1", "1", "0"),
    "市自然资源和规划局": ("stayed", "1.5", "1.5", "0", "2", "1", "1"),
    "市财政局": ("stayed", "1", "1", "0", "4", "4", "0"),
    "市教育局": ("disappeared", "1.5", "", "-1.5", "2", "", ""),
    "市人社局": ("appeared", "", "1.5", "1.5", "", "1", ""),
}
assert set(rows) == set(want), sorted(rows)
for name, values in want.items():
    r = rows[name]
    got = (r["presence"], r["burden_a"], r["burden_b"], r["burden_change"], r["rank_a"], r["rank_b"], r["rank_change"])
    assert got == values, (name, got, values)
assert rows["市自然资源和规划局"]["as_printed"] == "市国土资源局", rows["市自然资源和规划局"]
PY
"$bin" compare "$tmp/2017.txt" "$tmp/2019.txt" --successions "$tmp/successions.tsv" --format csv --table links >"$tmp/links.csv"
grep -q '^市发改委,江城市,市教育局,江城市,lead_to_co,disappeared,1,,-1,4,' "$tmp/links.csv" || fail "the lost link 发改委->教育局 (task 4)"
grep -q '^市人社局,江城市,市发改委,江城市,lead_to_co,appeared,,1,1,,3' "$tmp/links.csv" || fail "the gained link 人社局->发改委 (task 3)"
"$bin" compare "$tmp/2017.txt" "$tmp/2019.txt" --format csv --table figures >"$tmp/figures.csv"
grep -q '^density,0.6666666666666666,0.8333333333333334,0.16666666666666674' "$tmp/figures.csv" || fail "density 4/6 -> 5/6"
grep -q '^degree_centralisation,0.6666666666666666,0.3333333333333333,' "$tmp/figures.csv" || fail "centralisation"
grep -q '^multi_unit_share,0.75,1,0.25' "$tmp/figures.csv" || fail "multi-unit share"
"$bin" compare "$tmp/2017.txt" "$tmp/2019.txt" --width 120 >"$tmp/table.txt"
grep -q "Agencies, matched by jurisdiction and name: 2 on both sides, 2 only in B (appeared), 2 only in A" "$tmp/table.txt" \
  || fail "table summary without successions"

# The examples as two places: matched by name alone, and said so.
"$bin" compare --a examples/xianning-2023-p1.txt examples/xianning-2023-p2.txt --b examples/jingzhou-2020.txt \
  --format json >"$tmp/places.json"
/usr/bin/python3 - "$tmp/places.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
assert c["match"] == "name", c["match"]
assert c["a"]["label"] == "咸宁市 2023" and c["b"]["label"] == "荆州市 2020", (c["a"]["label"], c["b"]["label"])
assert any("matched by name alone" in n for n in c["notes"]), c["notes"]
figures = {f["figure"]: f for f in c["figures"]}
assert figures["documents"]["a"] == 1 and figures["documents"]["b"] == 1
stayed = [a for a in c["agencies"] if a["presence"] == "stayed"]
assert any(a["name"] == "市发改委" for a in stayed), "市发改委 is on both sides"
gained = [l for l in c["links"] if l["presence"] == "appeared"]
assert gained and all(l["b"]["tasks"] and l["b"]["tasks"][0]["text"] for l in gained), "gained links carry their tasks"
PY

# Errors: a malformed succession file names file and line; one side only is a usage error.
printf '国土资源部\t自然资源部\n' >"$tmp/bad.tsv"
status=0
"$bin" compare "$tmp/2017.txt" "$tmp/2019.txt" --successions "$tmp/bad.tsv" 2>"$tmp/err" >/dev/null || status=$?
[[ $status == 1 ]] || fail "a bad succession file exited $status"
grep -q "bad.tsv:1: expected 'old name<TAB>new name<TAB>year" "$tmp/err" || fail "the error names the file and line: $(cat "$tmp/err")"
status=0
"$bin" compare "$tmp/2017.txt" 2>"$tmp/err" >/dev/null || status=$?
[[ $status == 2 ]] || fail "one side only exited $status"

# parse: --year for a document that gives none, and where each came from.
printf '1.任务。(牵头单位:县发改局;责任单位:县财政局)\n' >"$tmp/undated.txt"
"$bin" parse "$tmp/undated.txt" --year 2021 --jurisdiction 通山县 >"$tmp/parse.json"
/usr/bin/python3 - "$tmp/parse.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))["documents"][0]
assert (d["year"], d["year_source"], d["jurisdiction"], d["jurisdiction_source"]) == (2021, "option", "通山县", "option"), d
PY

# trend: two places over five years (gencorpus --years), renamed from 2021, with its succession table.
"$gencorpus" --out "$tmp/years" --documents 10 --seed 11 --jurisdictions 2 --years 2019-2023 \
  --planted "$tmp/planted.json" --successions "$tmp/years.tsv" 2>/dev/null
"$bin" trend "$tmp/years" --by year --format json --successions "$tmp/years.tsv" --chart "$tmp/trend.svg" -q >"$tmp/trend.json"
/usr/bin/python3 - "$tmp/trend.json" "$tmp/trend.svg" "$tmp/planted.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert [p["year"] for p in t["points"]] == ["2019", "2020", "2021", "2022", "2023"], t["points"]
assert t["as_of"] == 2023
planted = json.load(open(sys.argv[3], encoding="utf-8"))["documents"].values()
for p in t["points"]:
    docs = [d for d in planted if d["year"] == int(p["year"])]
    assert p["figures"]["documents"] == len(docs) == 2, (p["year"], p["figures"]["documents"])
    assert p["figures"]["tasks"] == sum(len(d["tasks"]) for d in docs), p["year"]
# The renamed departments are listed under the names of 2021 onwards in every year.
names = {a["name"] for p in t["points"] for a in p["top"]}
assert not any("国土资源局" in n or n.endswith("农业局") for n in names), names
svg = ET.parse(sys.argv[2]).getroot()
assert svg.tag == "{http://www.w3.org/2000/svg}svg"
texts = [e.text for e in svg.iter("{http://www.w3.org/2000/svg}text")]
assert "2019" in texts and "2023" in texts, texts
PY
"$bin" trend "$tmp/years" --by year --successions "$tmp/years.tsv" --chart "$tmp/trend2.svg" -q >/dev/null
cmp "$tmp/trend.svg" "$tmp/trend2.svg" || fail "the chart differs between two runs"
"$bin" trend "$tmp/years" --by jurisdiction --format csv -q >"$tmp/places.csv"
[[ $(wc -l <"$tmp/places.csv") == 3 ]] || fail "trend by jurisdiction: expected a header and 2 places"
echo "compare and trend ok"
