#!/usr/bin/python3
"""Builds the DOC, XLS and PDF fixtures of tests/data/formats/ from the DOCX and XLSX fixtures that
make_fixtures.py writes, and from the seed and generated texts.

Run once, from the repository root, with Debian's Python, python3-docx, python3-xlwt and LibreOffice
(`apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui`):

    /usr/bin/python3 tests/data/formats/make_binary_fixtures.py

The fixtures are committed; the test suite never runs this script or LibreOffice. What it writes:

- doc/<example>.doc: seeds/<example>.docx saved by LibreOffice as Word 97-2003 (numbers typed in the
  text: the .doc reader does not draw automatic list numbers);
- doc/tongshan-2023-fields.doc: the 通山 excerpt whose task 61 has its lead inside a HYPERLINK field whose
  instruction names another unit (牵头单位:县审计局), and task 62 a page-number field: the instruction
  must be left out, the result kept;
- doc/xianning-2023-table.doc: tables/xianning-2023-table.docx (a header on two rows, a cell across
  two columns, section rows across the table, cells merged down six and two rows);
- doc/gen-<style>.doc: each generated text as a Word document with typed numbers, saved as .doc;
- xls/xianning-2023-table.xls: tables/xianning-2023-table.xlsx saved by LibreOffice as Excel 97-2003
  (three sheets, the last hidden, merged ranges);
- xls/xianning-2023-xlwt.xls: the same tasks written by python3-xlwt, with the lead merged down
  rows and a two-row header (write_merge: MERGEDCELLS records), 序号 as numbers;
- xls/gen-<style>.xls: generated/gen-<style>.xlsx saved as Excel 97-2003;
- pdf/<example>.pdf: seeds/<example>.docx exported to PDF by LibreOffice (paragraphs wrap over lines);
- pdf/xianning-2023-table.pdf: the ruled table (Table Grid style); pdf/jingzhou-2020-table.pdf: a
  table without rules, its 序号 drawn by automatic numbering;
- pdf/merged-lead-page-break.pdf: a ruled table (Table Grid) of sixteen tasks whose rows may not break
  (w:cantSplit) and are tall enough that nine fill the first page: the lead 市教育局 merged down tasks
  6-11 across the page break after task 9, and shorter merges on each page (MERGED_TASKS below);
  pdf/merged-lead-unruled.pdf: the same table without rules (no table style);
  pdf/merged-lead-repeated-header.pdf: the ruled table with its header row repeated at the top of the
  second page (w:tblHeader);
- pdf/tongshan-2023-two-columns.pdf: the 通山 excerpt on a page of two columns;
- pdf/tongshan-2023-scanned-page.pdf: the 通山 excerpt, then a page holding only an image (a scan);
  pdf/scanned-only.pdf: nothing but that image;
- bad/encrypted.pdf: xianning-2023-table.docx exported with an open password (RC4, LibreOffice);
- bad/encrypted-flag.doc: doc/tongshan-2023-excerpt.doc with the FIB's fEncrypted bit set by hand,
  and bad/encrypted-filepass.xls: xls/gen-bracket.xls with its WRITEACCESS record turned into a
  FILEPASS record: neither is really encrypted (LibreOffice cannot be told a password for these
  formats from the command line), but each carries the mark a reader must refuse the file by.

Not reproducible byte for byte: LibreOffice writes the time of conversion and random document
identifiers into .doc, .xls and PDF files; the text, tables and layout are the same every run.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import docx
import xlwt
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
import make_fixtures as mf  # noqa: E402  (the DOCX helpers: word_document, lines_of, xianning_rows)

GENERATED = ["bracket", "first-listed", "mixed", "own-lines", "prose", "role-verb"]


def convert(source, target_format, out_dir, filter_options=None):
    """Saves `source` as `target_format` into out_dir with LibreOffice; returns the new path."""
    scratch = tempfile.mkdtemp()
    try:
        spec = target_format if filter_options is None else f"{target_format}:{filter_options}"
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{scratch}/profile",
                        "--convert-to", spec, "--outdir", scratch, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        extension = target_format.split(":")[0]
        made = os.path.join(scratch, os.path.splitext(os.path.basename(source))[0] + "." + extension)
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, os.path.basename(made))
        shutil.move(made, target)
        return target
    finally:
        shutil.rmtree(scratch)


def convert_as(source, target_format, target, filter_options=None):
    made = convert(source, target_format, os.path.dirname(target), filter_options)
    if made != target:
        os.replace(made, target)


# ---- images: a scanned page ----

def png(width, height):
    """A grey PNG with dark stripes, as a scanned page's image stands for one."""
    rows = b"".join(b"\x00" + bytes((40 if (y // 8) % 3 == 0 and 8 < x < width - 8 else 235) for x in range(width))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def scanned_docx(path, lines):
    """`lines` as paragraphs (none: an image-only document), then a page holding only an image."""
    image = os.path.join(os.path.dirname(path), "scan.png")
    with open(image, "wb") as f:
        f.write(png(120, 160))
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if lines:
        document.add_page_break()
    document.add_picture(image, width=Inches(4))
    document.save(path)
    os.remove(image)


def two_column_docx(path, lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    section = document.sections[0]._sectPr
    section.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="720"/>'))
    document.save(path)


def fields_docx(path, lines):
    """Task 61's lead as the result of a HYPERLINK field, task 62 with a PAGE field after its text."""
    document = docx.Document()
    placed = set()
    for line in lines:
        if line.startswith("61.") and "牵头单位:县科经局" in line:
            head, tail = line.split("牵头单位:县科经局", 1)
            paragraph = document.add_paragraph(head + "牵头单位:")
            paragraph._p.append(parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=\' HYPERLINK "http://example.org/牵头单位:县审计局" \'>'
                '<w:r><w:t>县科经局</w:t></w:r></w:fldSimple>'))
            paragraph.add_run(tail)
            placed.add(61)
        elif line.startswith("62."):
            paragraph = document.add_paragraph(line)
            paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
            placed.add(62)
        else:
            document.add_paragraph(line)
    if placed != {61, 62}:
        raise SystemExit(f"fields: placed in {sorted(placed)} only")
    document.save(path)


# ---- a ruled table whose merged lead crosses a page break ----

# (id, task, lead, co, deadline); a lead of None is covered by the merged lead cell above it.
MERGED_TASKS = [
    ("1", "推进重大项目谋划储备。", "市发改委", "各县市区人民政府", "2023年底"),
    ("2", "加强财政资金统筹。", "市财政局", "各县市区人民政府", ""),
    ("3", "落实减税降费政策。", None, "市税务局", ""),
    ("4", "推动制造业数字化转型。", "市经信局", "市科技局", ""),
    ("5", "扩大外贸进出口规模。", "市商务局", "咸宁海关", "2023年6月"),
    ("6", "优化区域优质教育资源配置。", "市教育局", "各县市区人民政府", ""),
    ("7", "实施学前教育学位扩充行动。", None, "市财政局", ""),
    ("8", "推进义务教育优质均衡发展。", None, "市自然资源和规划局", ""),
    ("9", "推动基础教育教联体共建。", None, "各县市区人民政府", ""),
    ("10", "加快普通高中育人方式改革。", None, "市城发集团", ""),
    ("11", "支持特殊教育普惠发展。", None, "市残联", ""),
    ("12", "提升基层医疗服务能力。", "市卫健委", "市医保局", ""),
    ("13", "健全养老服务体系。", "市民政局", "市卫健委", ""),
    ("14", "加强困难群众兜底保障。", None, "市财政局", ""),
    ("15", "稳定和扩大就业。", "市人社局", "各县市区人民政府", "2023年底"),
    ("16", "推进老旧小区改造。", "市住建局", "各县市区人民政府", ""),
]
MERGED_TITLE = "2023年重点工作任务分解表"


def merged_lead_docx(path, ruled, repeat_header=False):
    """MERGED_TASKS as a table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限), each run of leads
    of None merged into the lead above it; rows that may not break, 0.85 inch tall at least, so that
    the page break falls between tasks 9 and 10, inside 市教育局's merged cell."""
    document = docx.Document()
    document.add_paragraph(MERGED_TITLE)
    table = document.add_table(rows=1 + len(MERGED_TASKS), cols=5)
    if ruled:
        table.style = "Table Grid"
    for c, text in enumerate(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]):
        table.cell(0, c).text = text
    for r, row in enumerate(MERGED_TASKS, start=1):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        if r > 0:
            properties.append(parse_xml(f'<w:trHeight {nsdecls("w")} w:val="1224" w:hRule="atLeast"/>'))
        elif repeat_header:
            properties.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    first = None
    for r, row in enumerate(MERGED_TASKS + [("", "", "end", "", "")], start=1):
        if row[2] is None:
            continue
        if first is not None and r - first > 1:
            table.cell(first, 2).merge(table.cell(r - 1, 2)).text = MERGED_TASKS[first - 1][2]
        first = r
    document.save(path)


# ---- Excel 97-2003 by xlwt: merged cells ----

def xianning_xlwt(path):
    rows = mf.xianning_rows()
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("任务分解表")
    wrap = xlwt.easyxf("alignment: wrap on, vert top")
    sheet.write_merge(0, 0, 0, 4, mf.XIANNING_TITLE)
    # The header on two rows: 责任单位 across 牵头单位 | 配合单位, the others down both rows.
    for column, text in ((0, "序号"), (1, "工作任务"), (4, "完成时限")):
        sheet.write_merge(1, 2, column, column, text)
    sheet.write_merge(1, 1, 2, 3, "责任单位")
    sheet.write(2, 2, "牵头单位")
    sheet.write(2, 3, "配合单位")
    r = 3
    for row in rows[:5]:
        sheet.write(r, 0, int(row[0]))
        sheet.write(r, 1, row[1], wrap)
        sheet.write(r, 2, row[2])
        sheet.write(r, 3, row[3], wrap)
        if row[4]:
            sheet.write(r, 4, row[4])
        r += 1
    for heading in (mf.XIANNING_SECTION, mf.XIANNING_SUBSECTION):
        sheet.write_merge(r, r, 0, 4, heading)
        r += 1
    first = r
    for row in rows[5:]:
        sheet.write(r, 0, int(row[0]))
        sheet.write(r, 1, row[1], wrap)
        if row[0] not in ("57", "58"):
            sheet.write(r, 3, row[3], wrap)
        r += 1
    sheet.write_merge(first, first + 5, 2, 2, "市教育局")            # the lead down six rows
    sheet.write_merge(first, first + 1, 3, 3, "各县市区人民政府")    # a co cell down two
    book.save(path)


# ---- hand-marked "encrypted" files ----

def set_doc_encrypted(source, target):
    data = bytearray(open(source, "rb").read())
    for offset in range(512, len(data), 512):  # the FIB starts the WordDocument stream, at a sector
        if data[offset:offset + 2] == b"\xec\xa5":
            data[offset + 0x0B] |= 0x01  # fEncrypted: bit 8 of the flags word at 0x0A
            break
    else:
        raise SystemExit(f"{source}: no FIB found")
    open(target, "wb").write(bytes(data))


def set_xls_filepass(source, target):
    data = open(source, "rb").read()
    marker = re.search(rb"\x5c\x00\x70\x00", data)  # WRITEACCESS, 112 bytes, in the globals
    if not marker:
        raise SystemExit(f"{source}: no WRITEACCESS record")
    patched = data[:marker.start()] + b"\x2f\x00" + data[marker.start() + 2:]
    open(target, "wb").write(patched)


def main():
    for folder in ("doc", "xls", "pdf", "bad"):
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    scratch = tempfile.mkdtemp()
    try:
        for name in mf.EXAMPLES:
            seed = os.path.join(HERE, "seeds", name + ".docx")
            convert(seed, "doc", os.path.join(HERE, "doc"))
            convert(seed, "pdf", os.path.join(HERE, "pdf"))
        convert(os.path.join(HERE, "tables", "xianning-2023-table.docx"), "doc", os.path.join(HERE, "doc"))
        convert(os.path.join(HERE, "tables", "xianning-2023-table.xlsx"), "xls", os.path.join(HERE, "xls"))
        convert(os.path.join(HERE, "tables", "xianning-2023-table.docx"), "pdf", os.path.join(HERE, "pdf"))
        convert(os.path.join(HERE, "tables", "jingzhou-2020-table.docx"), "pdf", os.path.join(HERE, "pdf"))
        xianning_xlwt(os.path.join(HERE, "xls", "xianning-2023-xlwt.xls"))
        for style in GENERATED:
            base = os.path.join(HERE, "generated", "gen-" + style)
            typed = os.path.join(scratch, "gen-" + style + ".docx")
            mf.word_document(mf.lines_of(mf.read_text(base + ".txt")), typed)
            convert(typed, "doc", os.path.join(HERE, "doc"))
            convert(base + ".xlsx", "xls", os.path.join(HERE, "xls"))
        for ruled, repeat, name in ((True, False, "merged-lead-page-break"), (False, False, "merged-lead-unruled"),
                                    (True, True, "merged-lead-repeated-header")):
            merged = os.path.join(scratch, name + ".docx")
            merged_lead_docx(merged, ruled, repeat)
            convert(merged, "pdf", os.path.join(HERE, "pdf"))
        tongshan = mf.lines_of(mf.read_text(os.path.join(ROOT, "examples", "tongshan-2023-excerpt.txt")))
        two = os.path.join(scratch, "tongshan-2023-two-columns.docx")
        two_column_docx(two, tongshan)
        convert(two, "pdf", os.path.join(HERE, "pdf"))
        fields = os.path.join(scratch, "tongshan-2023-fields.docx")
        fields_docx(fields, tongshan)
        convert(fields, "doc", os.path.join(HERE, "doc"))
        scanned = os.path.join(scratch, "tongshan-2023-scanned-page.docx")
        scanned_docx(scanned, tongshan)
        convert(scanned, "pdf", os.path.join(HERE, "pdf"))
        only = os.path.join(scratch, "scanned-only.docx")
        scanned_docx(only, [])
        convert(only, "pdf", os.path.join(HERE, "pdf"))
        convert_as(os.path.join(HERE, "tables", "xianning-2023-table.docx"), "pdf",
                   os.path.join(HERE, "bad", "encrypted.pdf"),
                   'writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                   '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        set_doc_encrypted(os.path.join(HERE, "doc", "tongshan-2023-excerpt.doc"),
                          os.path.join(HERE, "bad", "encrypted-flag.doc"))
        set_xls_filepass(os.path.join(HERE, "xls", "gen-bracket.xls"), os.path.join(HERE, "bad", "encrypted-filepass.xls"))
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
