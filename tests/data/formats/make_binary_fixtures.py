#!/usr/bin/python3
"""Builds the DOC, XLS and PDF fixtures of tests/data/formats/ from the DOCX and XLSX fixtures that
make_fixtures.py writes, and from the seed and generated texts.

Run once, from the repository root, with Debian's Python, python3-docx, python3-xlwt, python3-olefile and LibreOffice
(`apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui`):

    /usr/bin/python3 tests/data/formats/make_binary_fixtures.py

The fixtures are committed; the test suite never runs this script or LibreOffice. What it writes:

- doc/<example>.doc: seeds/<example>.docx saved by LibreOffice as Word 97-2003 (numbers typed in the
  text);
- doc/autonumbered/<example>.doc: autonumbered/<example>.docx (every list number drawn by automatic
  numbering: decimal and chineseCounting, start values, restarts) saved as Word 97-2003, which keeps
  the numbering in its list tables (LST, LFO) and each paragraph's sprmPIlfo and sprmPIlvl; not
  荆州, whose numbering LibreOffice cannot carry over (instances sharing one abstract numbering's
  counters, w:startOverride and w:lvlRestart 0: it draws that DOCX's numbers wrongly itself);
- doc/xianning-2023-p1-style-numbered.doc: the 咸宁 text whose tasks (52.-62.) are numbered through a
  paragraph style (w:numPr in the style, none on the paragraphs), as WPS numbers them, saved as .doc;
  LibreOffice writes the numbering on each paragraph too (sprmPIlfo), which is renamed here to a property
  no reader knows, so that only the style's (in the style sheet, STSH) numbers the tasks;
- bad/list-count-lies.doc: doc/gen-bracket-two-levels.doc with its list table counting 32767 lists;
- doc/jingzhou-2020-table.doc: tables/jingzhou-2020-table.docx, whose 序号 column is automatic numbering;
- autonumbered/gen-bracket-two-levels.docx and doc/gen-bracket-two-levels.doc: the generated bracket
  text with its sections (（一）) and tasks (1.) numbered by two levels of one list, the task level
  never restarting (w:lvlRestart 0), as task numbers run on across sections. LibreOffice drops
  w:lvlRestart (it restarts the tasks at each section, in the .doc it writes and on screen), so the
  .doc's task level is given back what the DOCX says by hand: fNoRestart with ilvlRestartLim 0, as
  Word writes it; doc/gen-bracket-two-levels-restarting.doc is LibreOffice's .doc as written;
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
- xls/cell-kinds.xls: by python3-xlwt, every kind of cell the .xls reader reads (numbers, a MULRK
  row, dates, formulas' saved values, a boolean, rich text, a merged range, shared strings that
  cross CONTINUE records), and its first sheet alone as a seed of fuzz_xls
  (tests/fuzz/corpus/fuzz_xls/cell-kinds.xls); `make_binary_fixtures.py cell-kinds` writes these alone;
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
import olefile
import xlwt
from docx.enum.style import WD_STYLE_TYPE
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


def two_level_docx(path, lines):
    """`lines` as paragraphs, （一） and 1. taken off the text and drawn by levels 0 and 1 of one list."""
    document = docx.Document()
    splitter = mf.AutoNumberer(document)  # for its split(); its Numbering is replaced by this one
    numbering = mf.Numbering(document)
    abstract = numbering.add_abstract([{"format": "chineseCounting", "text": "（%1）"},
                                       {"format": "decimal", "text": "%2.", "restart": 0}])
    num_id = numbering.add_instance(abstract)
    numbering.finish()
    levels = {("chineseCounting", "（%1）"): 0, ("decimal", "%1."): 1}
    expected = [1, 1]
    for line in lines:
        key, value, rest = splitter.split(line)
        if key not in levels:
            document.add_paragraph(line)
            continue
        level = levels[key]
        if value != expected[level]:
            raise SystemExit(f"two levels: {line[:20]} is not number {expected[level]} of its level")
        expected[level] += 1
        mf.set_numbering(document.add_paragraph(rest), num_id, level)
    if expected[0] < 3 or expected[1] < 3:
        raise SystemExit("two levels: fewer than two sections or tasks numbered")
    document.save(path)
    mf.normalise_zip(path)


def style_numbered_docx(path, lines):
    """`lines` as paragraphs, the typed task numbers (52.) drawn by a paragraph style's numbering."""
    document = docx.Document()
    splitter = mf.AutoNumberer(document)  # for its split(); its Numbering is replaced by this one
    numbering = mf.Numbering(document)
    first = next(value for key, value, _ in map(splitter.split, lines) if key == ("decimal", "%1."))
    num_id = numbering.add_instance(numbering.add_abstract([{"format": "decimal", "text": "%1.", "start": first}]))
    numbering.finish()
    style = document.styles.add_style("任务", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>'))
    expected = first
    for line in lines:
        key, value, rest = splitter.split(line)
        if key != ("decimal", "%1."):
            document.add_paragraph(line)
            continue
        if value != expected:
            raise SystemExit(f"style numbered: {line[:20]} is not task {expected}")
        expected += 1
        document.add_paragraph(rest, style="任务")
    document.save(path)  # not normalised: a scratch file, whose added style must stay


def sprm_size(grpprl, at):
    """The operand size of the Sprm whose opcode is at grpprl[at] ([MS-DOC] 2.2.5.1: spra)."""
    opcode = struct.unpack_from("<H", grpprl, at)[0]
    spra = opcode >> 13
    if spra == 6:
        if opcode == 0xD608:
            return 2 + max(struct.unpack_from("<H", grpprl, at + 2)[0], 1) - 1
        return 1 + grpprl[at + 2]
    return {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}[spra]


def hide_paragraph_lists(source, target):
    """Copies the .doc at `source` to `target` with every paragraph's sprmPIlfo (in the PAPX pages of
    WordDocument) renamed to 0x4FFF, an unknown property with an operand of the same size."""
    shutil.copyfile(source, target)
    ole = olefile.OleFileIO(target, write_mode=True)
    word = bytearray(ole.openstream("WordDocument").read())
    name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
    table = ole.openstream(name).read()
    at = 32 + 2 + 2 * struct.unpack_from("<H", word, 32)[0]
    at += 2 + 4 * struct.unpack_from("<H", word, at)[0]
    fc, lcb = struct.unpack_from("<II", word, at + 2 + 8 * 13)  # PlcBtePapx
    bins = (lcb - 4) // 8
    renamed = 0
    for k in range(bins):
        page = (struct.unpack_from("<I", table, fc + 4 * (bins + 1) + 4 * k)[0] & 0x3FFFFF) * 512
        runs = word[page + 511]
        for r in range(runs):
            papx = page + 2 * word[page + 4 * (runs + 1) + 13 * r]
            if papx == page:
                continue
            begin, size = (papx + 1, 2 * word[papx] - 1) if word[papx] else (papx + 2, 2 * word[papx + 1])
            sprm, end = begin + 2, begin + size  # after the istd
            while sprm + 2 <= end:
                if struct.unpack_from("<H", word, sprm)[0] == 0x460B:
                    struct.pack_into("<H", word, sprm, 0x4FFF)
                    renamed += 1
                sprm += 2 + sprm_size(word, sprm)
    if renamed == 0:
        raise SystemExit(f"{source}: no paragraph's sprmPIlfo found")
    ole.write_stream("WordDocument", bytes(word))
    ole.close()


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


# ---- Excel 97-2003 by xlwt: every kind of cell the .xls reader reads ----

# The long shared strings: the first starts before the SST record's 8,224 bytes end and goes on in
# a CONTINUE record; the second, of 8-bit characters, crosses into the next one.
CELL_KINDS_LONG_WIDE = "".join("第{}项任务由市发展改革委牵头落实。".format(k) for k in range(1, 181))
CELL_KINDS_LONG_NARROW = "".join("Task {:04d} led by the municipal office. ".format(k) for k in range(1, 241))


def biff_records(stream):
    """The (type, data) records of a BIFF stream."""
    out, at = [], 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        out.append((kind, stream[at + 4:at + 4 + size]))
        at += 4 + size
    return out


def with_formula_results(stream, results):
    """The BIFF stream xlwt wrote, its FORMULA records given the values Excel would have saved:
    xlwt writes every formula's value as the empty string. `results` maps (row, column) to a number,
    a string (then a STRING record follows the FORMULA, [MS-XLS] 2.4.268) or a bool. The sheets'
    offsets in BOUNDSHEET move by the bytes added before them."""
    records = biff_records(stream)
    rebuilt, sheet_offsets, old_at, new_at, moved = [], [], 0, 0, {}
    for kind, data in records:
        moved[old_at] = new_at
        old_at += 4 + len(data)
        if kind == 0x0006:
            row, column = struct.unpack_from("<HH", data)
            value = results[(row, column)]
            if isinstance(value, bool):
                cached = struct.pack("<BBBBHH", 1, 0, int(value), 0, 0, 0xFFFF)
            elif isinstance(value, str):
                cached = struct.pack("<BBBBHH", 0, 0, 0, 0, 0, 0xFFFF)
            else:
                cached = struct.pack("<d", value)
            data = data[:6] + cached + data[14:]
            rebuilt.append((kind, data))
            new_at += 4 + len(data)
            if isinstance(value, str) and not isinstance(value, bool):
                text = value.encode("utf-16-le")
                string = struct.pack("<HB", len(value), 1) + text
                rebuilt.append((0x0207, string))
                new_at += 4 + len(string)
            continue
        rebuilt.append((kind, data))
        new_at += 4 + len(data)
    out = []
    for kind, data in rebuilt:
        if kind == 0x0085:  # BOUNDSHEET: lbPlyPos, the offset of the sheet's BOF
            (offset,) = struct.unpack_from("<I", data)
            data = struct.pack("<I", moved[offset]) + data[4:]
        out.append(struct.pack("<HH", kind, len(data)) + data)
    return b"".join(out)


def cell_kinds_xlwt(path, long_strings=True):
    """xls/cell-kinds.xls: numbers (RK integers, RK hundredths, NUMBER), a row of numbers xlwt
    writes as one MULRK record, dates and times under built-in, custom and Chinese number formats,
    formulas with a number, a string and a boolean value, a boolean cell, a rich-text string, a
    merged range, and on a second sheet two strings long enough to cross CONTINUE records. The
    unit test (test_formats_xls.cpp) asserts the texts Excel shows for these inputs. Without
    `long_strings`, the first sheet alone: the seed of fuzz_xls (tests/fuzz/corpus/fuzz_xls)."""
    import datetime
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("单元格")
    for column, text in enumerate(("序号", "工作任务", "数值", "完成时限", "公式")):
        sheet.write(0, column, text)
    sheet.write(1, 0, 52)                     # RK integer: 52
    sheet.write(1, 1, "落实减税降费政策")
    sheet.write(1, 2, 12.34)                  # RK, a hundred times: 12.34
    sheet.write(1, 3, datetime.date(2023, 12, 31), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    sheet.write(1, 4, xlwt.Formula('"任务"&"分解"'))  # a string value: 任务分解
    sheet.write(2, 0, 53)
    sheet.write(2, 1, "推进数字政府建设")
    sheet.write(2, 2, 1234567.891)            # NUMBER: 1234567.891
    sheet.write(2, 3, datetime.date(2024, 2, 29), xlwt.easyxf(num_format_str="M/D/YY"))  # built-in 14
    sheet.write(2, 4, xlwt.Formula("1+2"))    # a number value: 3
    sheet.write(3, 0, 54)
    sheet.write(3, 1, True)                   # BOOLERR: TRUE
    sheet.write(3, 3, datetime.datetime(2023, 6, 30, 8, 30), xlwt.easyxf(num_format_str="YYYY-MM-DD hh:mm"))
    sheet.write(3, 4, xlwt.Formula("1>2"))    # a boolean value: FALSE
    sheet.write(4, 3, datetime.time(17, 45, 30), xlwt.easyxf(num_format_str="hh:mm:ss"))
    sheet.write(5, 3, datetime.date(2025, 1, 1), xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"'))
    for column, number in enumerate((1, 2, 3, 0.5, -7)):  # one MULRK record: 1 2 3 0.5 -7
        sheet.write(6, column, number)
    bold = xlwt.easyfont("bold true")
    sheet.write_rich_text(7, 1, [("富", bold), "文本"])  # a shared string with formatting runs
    sheet.write_merge(8, 9, 0, 1, "市教育局")            # merged over two rows and two columns
    sheet.write(8, 2, "牵头")
    sheet.write(9, 2, "配合")
    if long_strings:
        long_sheet = book.add_sheet("长文本")
        for row in range(120):
            long_sheet.write(row, 0, "短文本{:03d}".format(row))
        long_sheet.write(120, 0, CELL_KINDS_LONG_WIDE)
        long_sheet.write(121, 0, CELL_KINDS_LONG_NARROW)
        long_sheet.write(122, 0, "最后一行")
    stream = with_formula_results(book.get_biff_data(), {(1, 4): "任务分解", (2, 4): 3.0, (3, 4): False})
    from xlwt import CompoundDoc
    CompoundDoc.XlsDoc().save(path, stream)


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


def open_list_table(source, target):
    """Copies the .doc at `source` to `target`, opened for writing: (file, table stream name, its
    bytes, fcPlfLst: where the list table starts in it)."""
    shutil.copyfile(source, target)
    ole = olefile.OleFileIO(target, write_mode=True)
    word = ole.openstream("WordDocument").read()
    name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
    at = 32 + 2 + 2 * struct.unpack_from("<H", word, 32)[0]
    at += 2 + 4 * struct.unpack_from("<H", word, at)[0]
    return ole, name, bytearray(ole.openstream(name).read()), struct.unpack_from("<I", word, at + 2 + 8 * 73)[0]


def set_list_count(source, target, count):
    ole, name, table, fc_lists = open_list_table(source, target)
    struct.pack_into("<h", table, fc_lists, count)  # cLst
    ole.write_stream(name, bytes(table))
    ole.close()


def set_level_never_restarts(source, target, level):
    """Copies the .doc at `source` to `target` with `level` of its first list never restarting."""
    ole, name, table, fc_lists = open_list_table(source, target)
    lists = struct.unpack_from("<h", table, fc_lists)[0]
    lvl = fc_lists + 2 + 28 * lists  # the first list's LVLs follow the LSTFs
    for _ in range(level):
        cch = struct.unpack_from("<H", table, lvl + 28 + table[lvl + 24] + table[lvl + 25])[0]
        lvl += 28 + table[lvl + 24] + table[lvl + 25] + 2 + 2 * cch
    table[lvl + 5] |= 0x08  # fNoRestart
    table[lvl + 26] = 0     # ilvlRestartLim: no level restarts it
    ole.write_stream(name, bytes(table))
    ole.close()


def set_xls_filepass(source, target):
    data = open(source, "rb").read()
    marker = re.search(rb"\x5c\x00\x70\x00", data)  # WRITEACCESS, 112 bytes, in the globals
    if not marker:
        raise SystemExit(f"{source}: no WRITEACCESS record")
    patched = data[:marker.start()] + b"\x2f\x00" + data[marker.start() + 2:]
    open(target, "wb").write(patched)


def main():
    if sys.argv[1:] == ["cell-kinds"]:  # this fixture alone, which needs python3-xlwt only
        cell_kinds_xlwt(os.path.join(HERE, "xls", "cell-kinds.xls"))
        cell_kinds_xlwt(os.path.join(ROOT, "tests", "fuzz", "corpus", "fuzz_xls", "cell-kinds.xls"), long_strings=False)
        cell_kinds_xlwt(os.path.join(ROOT, "tests", "fuzz", "corpus", "fuzz_xls", "cell-kinds.xls"), long_strings=False)
        return
    for folder in ("doc", "xls", "pdf", "bad"):
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    scratch = tempfile.mkdtemp()
    try:
        for name in mf.EXAMPLES:
            seed = os.path.join(HERE, "seeds", name + ".docx")
            convert(seed, "doc", os.path.join(HERE, "doc"))
            convert(seed, "pdf", os.path.join(HERE, "pdf"))
        for name in mf.EXAMPLES:
            if name != "jingzhou-2020":
                convert(os.path.join(HERE, "autonumbered", name + ".docx"), "doc",
                        os.path.join(HERE, "doc", "autonumbered"))
        convert(os.path.join(HERE, "tables", "jingzhou-2020-table.docx"), "doc", os.path.join(HERE, "doc"))
        two_levels = os.path.join(HERE, "autonumbered", "gen-bracket-two-levels.docx")
        two_level_docx(two_levels, mf.lines_of(mf.read_text(os.path.join(HERE, "generated", "gen-bracket.txt"))))
        restarting = os.path.join(HERE, "doc", "gen-bracket-two-levels-restarting.doc")
        convert_as(two_levels, "doc", restarting)
        set_level_never_restarts(restarting, os.path.join(HERE, "doc", "gen-bracket-two-levels.doc"), 1)
        styled = os.path.join(scratch, "xianning-2023-p1-style-numbered.docx")
        style_numbered_docx(styled, mf.lines_of(mf.read_text(os.path.join(ROOT, "examples", "xianning-2023-p1.txt"))))
        hide_paragraph_lists(convert(styled, "doc", scratch), os.path.join(HERE, "doc", "xianning-2023-p1-style-numbered.doc"))
        set_list_count(os.path.join(HERE, "doc", "gen-bracket-two-levels.doc"),
                       os.path.join(HERE, "bad", "list-count-lies.doc"), 0x7FFF)
        convert(os.path.join(HERE, "tables", "xianning-2023-table.docx"), "doc", os.path.join(HERE, "doc"))
        convert(os.path.join(HERE, "tables", "xianning-2023-table.xlsx"), "xls", os.path.join(HERE, "xls"))
        convert(os.path.join(HERE, "tables", "xianning-2023-table.docx"), "pdf", os.path.join(HERE, "pdf"))
        convert(os.path.join(HERE, "tables", "jingzhou-2020-table.docx"), "pdf", os.path.join(HERE, "pdf"))
        xianning_xlwt(os.path.join(HERE, "xls", "xianning-2023-xlwt.xls"))
        cell_kinds_xlwt(os.path.join(HERE, "xls", "cell-kinds.xls"))
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
