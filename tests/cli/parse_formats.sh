#!/usr/bin/env bash
# End-to-end: Word, Excel and PDF files (Office Open XML and 97-2003) among text and HTML in one directory, as a user downloads them,
# through `parse`, `rank` and `export`; bad files reported one line each while the rest is read.
# $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
data=$root/tests/data/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# One folder of downloads: a notice page (HTML), its Word and Excel attachments, a text file, a
# Word file saved under a .txt name and a text file under a .docx name.
mkdir "$tmp/downloads"
cp "$root/tests/data/html/lueyang-2023-work-report.html" "$tmp/downloads/01-notice.html"
cp "$data/autonumbered/jingzhou-2020.docx" "$tmp/downloads/02-附件1.docx"
cp "$data/tables/xianning-2023-table.xlsx" "$tmp/downloads/03-附件2.xlsx"
cp "$data/generated/gen-bracket.docx" "$tmp/downloads/04-attachment.txt"
cp "$root/examples/tongshan-2023-excerpt.txt" "$tmp/downloads/05-text.docx"
cp "$data/doc/gen-role-verb.doc" "$tmp/downloads/06-附件3.doc"
cp "$data/xls/gen-first-listed.xls" "$tmp/downloads/07-附件4.xls"
cp "$data/pdf/tongshan-2023-two-columns.pdf" "$tmp/downloads/08-附件5.pdf"
cp "$data/doc/gen-prose.doc" "$tmp/downloads/09-a-doc-named.pdf"
"$cli" parse "$tmp/downloads" >"$tmp/all.json" 2>"$tmp/err.txt" || fail "downloads: exit $?"
/usr/bin/python3 - "$tmp/all.json" <<'PY' || fail "downloads: wrong documents"
import json, sys
documents = json.load(open(sys.argv[1]))["documents"]
by_source = {d["sources"][0].rsplit("/", 1)[-1]: d for d in documents}
assert sorted(by_source) == ["01-notice.html", "02-附件1.docx", "03-附件2.xlsx", "04-attachment.txt", "05-text.docx",
                             "06-附件3.doc", "07-附件4.xls", "08-附件5.pdf", "09-a-doc-named.pdf"], sorted(by_source)
jingzhou = by_source["02-附件1.docx"]
assert jingzhou["jurisdiction"] == "荆州市" and len(jingzhou["tasks"]) == 114, jingzhou["jurisdiction"]
first = jingzhou["tasks"][0]
assert first["id"] == "1" and first["leads"] == ["市扶贫办"], first   # the number drawn by Word's numbering
assert first["place"].startswith("paragraph "), first
table = by_source["03-附件2.xlsx"]
assert [t["id"] for t in table["tasks"]] == [str(n) for n in range(52, 63)]
assert table["tasks"][8]["leads"] == ["市教育局"] and table["tasks"][8]["place"] == "'分解表 二'!B9", table["tasks"][8]
assert len(by_source["04-attachment.txt"]["tasks"]) == 9
assert "place" in by_source["04-attachment.txt"]["tasks"][0]          # read as Word, by its content
assert len(by_source["05-text.docx"]["tasks"]) == 18
assert "place" not in by_source["05-text.docx"]["tasks"][0]           # read as text
assert by_source["01-notice.html"]["tasks"] == []
assert [by_source[name]["format"] for name in sorted(by_source)] == ["html", "docx", "xlsx", "docx", "text",
                                                                    "doc", "xls", "pdf", "doc"]
doc = by_source["06-附件3.doc"]
assert len(doc["tasks"]) == 7 and doc["tasks"][0]["place"].startswith("paragraph "), doc["tasks"][0]
xls = by_source["07-附件4.xls"]
assert len(xls["tasks"]) == 10 and xls["tasks"][0]["place"] == "任务分解表!A4", xls["tasks"][0]
pdf = by_source["08-附件5.pdf"]
assert len(pdf["tasks"]) == 18 and pdf["tasks"][0]["place"] == "p.1", pdf["tasks"][0]
assert len(by_source["09-a-doc-named.pdf"]["tasks"]) == 8
PY
# The only line on stderr: the notice page has no annotations.
[ "$(wc -l <"$tmp/err.txt")" -eq 1 ] || fail "downloads: stderr: $(cat "$tmp/err.txt")"
grep -q '01-notice.html: no responsibility annotations' "$tmp/err.txt" || fail "downloads: $(cat "$tmp/err.txt")"

# The network commands read the same folder.
"$cli" rank "$tmp/downloads" --top 3 --format csv >"$tmp/rank.csv" 2>/dev/null || fail "rank exit $?"
[ "$(wc -l <"$tmp/rank.csv")" -eq 4 ] || fail "rank: $(cat "$tmp/rank.csv")"
"$cli" export "$tmp/downloads" --format graphml -o "$tmp/net.graphml" 2>/dev/null || fail "export exit $?"
grep -q '市教育局' "$tmp/net.graphml" || fail "export: the workbook's agencies missing"

# Bad files among good ones: exit 1, one line each naming file and problem, the good ones parsed.
mkdir "$tmp/mixed"
cp "$data/seeds/xianning-2023-p1.docx" "$tmp/mixed/1-good.docx"
head -c 3000 "$data/seeds/xianning-2023-p2.docx" >"$tmp/mixed/2-truncated.docx"
cp "$data/bad/zip-bomb.docx" "$tmp/mixed/3-bomb.docx"
cp "$data/pdf/scanned-only.pdf" "$tmp/mixed/4-scan.pdf"
printf 'PK\003\004 not really a zip' >"$tmp/mixed/5-fake.xlsx"
cp "$data/generated/gen-prose.xlsx" "$tmp/mixed/6-good.xlsx"
set +e
"$cli" parse "$tmp/mixed" >"$tmp/mixed.json" 2>"$tmp/err.txt"
code=$?
set -e
[ $code -eq 1 ] || fail "mixed: exit $code, expected 1"
[ "$(wc -l <"$tmp/err.txt")" -eq 4 ] || fail "mixed: expected 4 lines on stderr, got: $(cat "$tmp/err.txt")"
grep -qx "$tmp/mixed/2-truncated.docx: damaged or truncated ZIP archive (not a zip archive)" "$tmp/err.txt" || fail "truncated: $(cat "$tmp/err.txt")"
grep -q "^$tmp/mixed/3-bomb.docx: word/document.xml: would expand .* (a ZIP bomb?): not read$" "$tmp/err.txt" || fail "bomb: $(cat "$tmp/err.txt")"
grep -qx "$tmp/mixed/4-scan.pdf: no text on any page (a scanned document?): OCR is not built in" "$tmp/err.txt" || fail "pdf: $(cat "$tmp/err.txt")"
grep -qx "$tmp/mixed/5-fake.xlsx: damaged or truncated ZIP archive (not a zip archive)" "$tmp/err.txt" || fail "fake: $(cat "$tmp/err.txt")"
[ "$(grep -c '"leads":' "$tmp/mixed.json")" -eq $((25 + 8)) ] || fail "mixed: the good files' tasks"
echo "parse_formats: ok"
