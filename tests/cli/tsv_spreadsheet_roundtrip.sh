#!/usr/bin/env bash
# The TSV workflow through a real spreadsheet: `parse --format tsv` opened in LibreOffice Calc (names
# that look like formulas stay text, a leading quote is read as text), edited as a coder edits it
# (a row deleted, a role changed, a row added), saved back as TSV by Calc, and given to
# --corrections. Skipped (77) without LibreOffice or python3-openpyxl. $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
py=/usr/bin/python3
command -v soffice >/dev/null || { echo "soffice not installed: skipped"; exit 77; }
# LibreOffice without Calc (only Writer, as the fixture scripts install it) cannot open a TSV.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || { echo "LibreOffice Calc not installed: skipped"; exit 77; }
"$py" -c "import openpyxl" 2>/dev/null || { echo "python3-openpyxl not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"
# Calc keeps its profile here, not in $HOME, so that runs never share or lock one.
calc() { soffice "-env:UserInstallation=file://$tmp/profile" --headless "$@" >/dev/null 2>&1; }

printf '1.=HYPERLINK("http://example.com")推进工作。(牵头单位:市发改委;责任单位:市财政局、"两新"工委)\n2.@危险开头的任务。(牵头单位:+市教育局;责任单位:市科技局)\n' >hostile.txt
"$cli" parse --format tsv hostile.txt >tasks.tsv
"$cli" parse hostile.txt >before.json

# TSV -> xlsx as a user opens it: TAB separated, quote as text delimiter, UTF-8, from line 1.
calc --infilter="CSV:9,34,76,1" --convert-to xlsx tasks.tsv || fail "Calc could not open the TSV"
"$py" - tasks.xlsx <<'PY' || fail "Calc read the TSV wrongly"
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c for c in r] for r in sheet.iter_rows()]
header = [c.value for c in rows[0]]
col = {name: i for i, name in enumerate(header)}
for r in rows[1:]:
    for c in r:
        assert c.data_type != "f", ("a cell became a formula", c.value)
texts = {r[col["text"]].value for r in rows[1:]}
assert texts == {"'=HYPERLINK(\"http://example.com\")推进工作。", "'@危险开头的任务。"}, texts
agencies = [r[col["agency"]].value for r in rows[1:]]
assert agencies == ["市发改委", "市财政局", "\"两新\"工委", "'+市教育局", "市科技局"], agencies
PY

# The coder's edits, in the sheet: 市财政局 deleted, 市科技局 made a lead, 市档案馆 added to task 1.
"$py" - tasks.xlsx <<'PY' || fail "editing the sheet"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.active
header = [c.value for c in sheet[1]]
col = {name: i + 1 for i, name in enumerate(header)}
for row in range(2, sheet.max_row + 1):
    if sheet.cell(row, col["agency"]).value == "市科技局":
        sheet.cell(row, col["role"]).value = "lead"
for row in range(2, sheet.max_row + 1):
    if sheet.cell(row, col["agency"]).value == "市财政局":
        sheet.delete_rows(row)
        break
new = sheet.max_row + 1
for name in header:
    sheet.cell(new, col[name]).value = sheet.cell(2, col[name]).value
sheet.cell(new, col["role"]).value = "co"
sheet.cell(new, col["agency"]).value = "市档案馆"
book.save(sys.argv[1])
PY
# xlsx -> TSV as Calc saves it (its CSV filter with TAB separators, UTF-8; Calc quotes text cells).
mkdir back
calc --convert-to "csv:Text - txt - csv (StarCalc):9,34,76,1" --outdir back tasks.xlsx || fail "Calc could not save TSV"
"$cli" parse --corrections back/tasks.csv hostile.txt >after.json 2>err.txt || fail "corrections from Calc: $(cat err.txt)"
grep -q "back/tasks.csv: 2 tasks corrected, 0 added, 0 dropped, 0 as they were" err.txt || fail "summary: $(cat err.txt)"
"$py" - before.json after.json <<'PY' || fail "the edits made in Calc were not applied"
import json, sys
before, after = (json.load(open(p, encoding="utf-8"))["documents"][0]["tasks"] for p in sys.argv[1:3])
assert after[0]["leads"] == ["市发改委"] and after[0]["co"] == ["\"两新\"工委", "市档案馆"], after[0]
assert after[1]["leads"] == ["+市教育局", "市科技局"] and after[1]["co"] == [], after[1]
assert [t["text"] for t in after] == [t["text"] for t in before]
PY
echo "tsv_spreadsheet_roundtrip: ok"
