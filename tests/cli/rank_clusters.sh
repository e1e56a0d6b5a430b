#!/usr/bin/env bash
# rank and clusters on the bundled 荆州市 2020 decomposition (seed 004): formats, exit codes, and the
# top agencies by burden against numbers computed independently from the hand-checked gold file.
set -euo pipefail
cli=$1
root=$2
doc="$root/examples/jingzhou-2020.txt"
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Expected counts, from tests/data/gold/seeds.gold.json with the default policy (no lead and one
# unit: owner; no lead and several units: co each; a name counts once per task, lead wins):
#   /usr/bin/python3 - <<'PY'
#   import json, collections
#   doc = json.load(open('tests/data/gold/seeds.gold.json'))['documents']['004_e3f154de4a952553.txt']
#   lead, co, own = collections.Counter(), collections.Counter(), collections.Counter()
#   for t in doc['tasks']:
#       L = list(dict.fromkeys(t['leads'])); C = [c for c in dict.fromkeys(t['co']) if c not in L]
#       if not L and len(C) == 1: own[C[0]] += 1; continue
#       lead.update(L); co.update(C)
#   b = {n: lead[n] + own[n] + 0.5 * co[n] for n in set(lead) | set(co) | set(own)}
#   for n in sorted(b, key=lambda n: (-b[n], n.encode()))[:5]: print(n, lead[n], co[n], own[n], b[n])
#   PY
# gives 荆州开发区管委会 0 99 0 49.5; 纪南文旅区管委会 0 94 0 47.0; 荆州高新区管委会 0 94 0 47.0;
# 各县市区政府 (labelled by its canonical name 各县市区人民政府) 0 91 0 45.5; 市发改委 9 17 1 18.5. The two at 47 tie and share rank 2, ordered by label.
# By lead tasks alone (--weights lead=1,co=0,owner=0) the top is 市发改委 (9), then 市经信局 and
# 市农业农村局 (8 each).

# --- rank as CSV: BOM, RFC 4180 rows with CRLF, the gold top 5 ---
"$cli" rank "$doc" --format csv --top 5 > "$tmp/rank.csv"
[[ "$(head -c 3 "$tmp/rank.csv" | od -An -tx1 | tr -d ' ')" == "efbbbf" ]] || fail "CSV does not start with a UTF-8 BOM"
grep -q $'\r$' "$tmp/rank.csv" || fail "CSV rows do not end in CRLF"
[[ $(wc -l < "$tmp/rank.csv") -eq 6 ]] || fail "--top 5 should give a header and 5 rows"
# rank,agency,lead,co,owner,burden (the kind column depends on the classifier, not checked here)
got=$(tail -n +2 "$tmp/rank.csv" | tr -d '\r' | cut -d, -f1,2,6,7,8,9)
expected="1,荆州开发区管委会,0,99,0,49.5
2,纪南文旅区管委会,0,94,0,47
2,荆州高新区管委会,0,94,0,47
4,各县市区人民政府,0,91,0,45.5
5,市发改委,9,17,1,18.5"
[[ "$got" == "$expected" ]] || fail "top 5 by burden: got
$got"
[[ "$(sed -n 2p "$tmp/rank.csv" | cut -d, -f4)" == "荆州市" ]] || fail "jurisdiction column"

# --- user weights ---
got=$("$cli" rank "$doc" --format csv --top 3 --weights lead=1,co=0,owner=0 | tail -n +2 | tr -d '\r' | cut -d, -f1,2,9)
expected="1,市发改委,9
2,市农业农村局,8
2,市经信局,8"
[[ "$got" == "$expected" ]] || fail "--weights lead=1,co=0,owner=0: got
$got"

# --- rank as JSON: parses; --top 0 lists every agency; sorted by the measure, ranks consistent ---
for by in burden pagerank betweenness core in_degree; do
  "$cli" rank "$doc" --format json --top 0 --by "$by" > "$tmp/rank-$by.json"
  "$py" - "$tmp/rank-$by.json" "$by" <<'PY' || fail "rank --by $by JSON"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
by = sys.argv[2]
a = d["agencies"]
assert d["measure"] == by
assert len(a) == d["agencies_total"] > 50, len(a)
values = [x[by] for x in a]
assert values == sorted(values, reverse=True), "not sorted by the measure"
for i, x in enumerate(a):
    assert x["burden"] == x["lead"] + x["owner"] + 0.5 * x["co"]
    if i and values[i] == values[i - 1]:
        assert x["rank"] == a[i - 1]["rank"] and x["agency"] > a[i - 1]["agency"], "ties: shared rank, by label"
    else:
        assert x["rank"] == i + 1
assert len({x["agency"] for x in a}) == len(a), "labels are unique"
PY
done

# --- the table fits the requested width, measured in display columns (汉字 count two) ---
"$cli" rank "$doc" --top 0 --width 72 --by closeness > "$tmp/rank.txt"
"$py" - "$tmp/rank.txt" <<'PY' || fail "table wider than 72 columns"
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
assert lines[0].split()[:2] == ["rank", "agency"], lines[0]
assert all(width(l) <= 72 for l in lines), max(lines, key=width)
assert any("…" in l for l in lines), "long names should be cut with an ellipsis at 72 columns"
PY
"$cli" rank "$doc" --width 200 | grep -q "荆州开发区管委会" || fail "table misses the top agency"

# --- excluding collectives drops them and leaves the others' counts alone ---
"$cli" rank "$doc" --format csv --top 0 --exclude-collectives > "$tmp/nocoll.csv"
! grep -q ",collective," "$tmp/nocoll.csv" || fail "--exclude-collectives left a collective"
! grep -q "各县市区人民政府" "$tmp/nocoll.csv" || fail "--exclude-collectives left 各县市区人民政府"
grep -q $'^1,荆州开发区管委会,荆州开发区管委会,荆州市,[a-z_]*,0,99,0,49.5\r$' "$tmp/nocoll.csv" \
  || fail "--exclude-collectives changed 荆州开发区管委会's counts"

# --- clusters: JSON parses, communities partition the agencies, the structure is consistent ---
"$cli" clusters "$doc" --format json > "$tmp/clusters.json"
"$py" - "$tmp/clusters.json" "$tmp/rank-burden.json" <<'PY' || fail "clusters JSON"
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
r = json.load(open(sys.argv[2], encoding="utf-8"))
labels = {x["agency"] for x in r["agencies"]}
members = [m for com in c["communities"] for m in com["members"]]
assert sorted(members) == sorted(labels), "communities must partition the agencies"
assert c["agencies"] == len(labels)
sizes = [com["size"] for com in c["communities"]]
assert sizes == sorted(sizes, reverse=True) and sizes == [len(com["members"]) for com in c["communities"]]
assert [com["community"] for com in c["communities"]] == list(range(1, len(sizes) + 1))
assert 0 < c["modularity"] < 1
assert c["components"] >= 1
for com in c["communities"]:
    assert com["lead"] is None or com["lead"] in com["members"]
    assert com["internal_tasks"] <= 114
    if com["size"] == 1:
        assert com["internal_tasks"] == 0 and com["lead"] is None
assert set(c["articulation_points"]) <= labels
assert all(a in labels and b in labels and a < b for a, b in c["bridges"])
# A bridge endpoint with another link is an articulation point.
PY
"$cli" clusters "$doc" > "$tmp/clusters.txt"
grep -q "modularity" "$tmp/clusters.txt" || fail "clusters table: no modularity"
grep -q "^community 1: " "$tmp/clusters.txt" || fail "clusters table: no community 1"
grep -q "bridging agencies (articulation points):" "$tmp/clusters.txt" || fail "clusters table: no articulation points"

# --- same input, same bytes ---
"$cli" clusters "$doc" --format json | cmp -s - "$tmp/clusters.json" || fail "clusters output differs between runs"
"$cli" rank "$doc" --format csv --top 5 | cmp -s - "$tmp/rank.csv" || fail "rank output differs between runs"

# --- usage errors exit 2 ---
expect_usage_error() {
  local code=0
  "$cli" "$@" > /dev/null 2>&1 || code=$?
  [[ $code -eq 2 ]] || fail "expected exit 2 from: $* (got $code)"
}
expect_usage_error rank "$doc" --by fame
expect_usage_error rank "$doc" --format xml
expect_usage_error rank "$doc" --weights lead=x
expect_usage_error rank "$doc" --weights boss=1
expect_usage_error rank "$doc" --top -1
expect_usage_error rank
expect_usage_error clusters "$doc" --resolution -1
expect_usage_error clusters "$doc" --format csv

# --- a document that names no agencies: nothing to rank, non-zero exit ---
code=0
"$cli" rank "$root/examples/lueyang-2023-work-report.txt" > /dev/null 2> "$tmp/err.txt" || code=$?
[[ $code -eq 1 ]] || fail "rank on a work report should exit 1 (got $code)"
grep -q "no agencies" "$tmp/err.txt" || fail "rank on a work report should say there is nothing to rank"
echo "rank_clusters: ok"
