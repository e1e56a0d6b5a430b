#!/usr/bin/python3
"""Builds the DOCX and XLSX fixtures of tests/data/formats/ from the seed texts and generated documents.

Run once, from the repository root, with Debian's Python and python3-docx / python3-openpyxl:

    /usr/bin/python3 tests/data/formats/make_fixtures.py --cli build/bin/agencygraph \
        --gencorpus build/bin/agencygraph-gencorpus

The fixtures are committed; the test suite never runs this script. What it writes:

- seeds/<example>.docx: each seed text (examples/*.txt) as a Word document, one paragraph per non-empty
  line, as typed (numbers in the text);
- autonumbered/<example>.docx: the same, with every typed list number (52. / 一、 / （四）) taken out of
  the text and drawn by Word's automatic numbering instead (numbering.xml written here: decimal,
  chineseCounting, start values, restarts through w:startOverride, and for 荆州 a two-level list whose
  task level never restarts, w:lvlRestart 0);
- generated/<name>.txt, .docx, .xlsx: a few documents of `agencygraph-gencorpus --formats all` (one
  per annotation style), the text as written, as an autonumbered Word document, and as a workbook
  table (序号 | 工作任务 | 牵头单位 | 责任单位) built from the generator's planted answer;
- tables/xianning-2023-table.docx and .xlsx: tasks 52-62 of 咸宁市 2023 as the table of
  tests/data/html/xianning-2023-table.html (a header on two rows, 责任单位 across 牵头单位 | 配合单位,
  section rows across the table, 市教育局 merged down six rows, a co cell down two), the workbook on
  three sheets (the last hidden) with shared and inline strings and numbers for 序号;
- tables/jingzhou-2020-table.docx: 荆州's first 23 tasks as a table whose 序号 column is automatic
  numbering, with one lead cell merged down;
- tracked/tongshan-2023-tracked.docx: the 通山 excerpt with tracked changes: inserted text that must be
  read and deleted text (other units, a wrong task number) that must not;
- bad/zip-bomb.docx: a package whose document.xml unpacks to 50 MB of spaces (1,000:1).

Every package is rewritten with fixed timestamps, so that running the script again gives the same bytes.
"""

import argparse
import copy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EXAMPLES = ["tongshan-2023-excerpt", "xianning-2023-p1", "xianning-2023-p2", "lueyang-2023-work-report",
            "jingzhou-2020"]
FIXED_TIME = (2024, 5, 21, 0, 0, 0)


def read_text(path):
    data = open(path, "rb").read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise SystemExit(f"{path}: neither UTF-8 nor GB18030")


def lines_of(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


# Parts of python-docx's template that no reader here needs and that make each document 40 KB.
DROPPED_PARTS = ["word/stylesWithEffects.xml", "word/webSettings.xml", "word/fontTable.xml",
                 "word/theme/theme1.xml", "docProps/thumbnail.jpeg", "customXml/item1.xml",
                 "customXml/_rels/item1.xml.rels", "customXml/itemProps1.xml", "xl/theme/theme1.xml"]


def drop_references(data, part):
    """Removes the relationships and content-type overrides that point to a dropped part."""
    file = part.rsplit("/", 1)[-1].encode()
    data = re.sub(rb"<Relationship [^>]*Target=\"[^\"]*" + re.escape(file) + rb"\"[^>]*/>", b"", data)
    return re.sub(rb"<Override [^>]*PartName=\"/" + re.escape(part.encode()) + rb"\"[^>]*/>", b"", data)


# The styles the fixtures use; the template's other 150 make styles.xml 340 KB.
KEPT_STYLES = [b"Normal", b"DefaultParagraphFont", b"TableNormal", b"NoList", b"TableGrid"]


def keep_used_style(match):
    style_id = re.search(rb'w:styleId="([^"]*)"', match.group(0))
    return match.group(0) if style_id and style_id.group(1) in KEPT_STYLES else b""


def normalise_zip(path):
    """Rewrites a package with fixed timestamps and fixed document properties, without the
    template's parts that nothing reads and without Word's list of latent styles."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    dropped = [name for name, _ in entries if name in DROPPED_PARTS]
    entries = [(name, data) for name, data in entries if name not in DROPPED_PARTS]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name.endswith(".rels") or name == "[Content_Types].xml":
                for part in dropped:
                    data = drop_references(data, part)
            if name == "word/styles.xml":
                data = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", data, flags=re.S)
                data = re.sub(rb"<w:style [^>]*>.*?</w:style>", keep_used_style, data, flags=re.S)
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                              rb"<dcterms:\1\2>2024-05-21T00:00:00Z<", data)
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


# ---- Chinese numerals ----

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_value(text):
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零三 -> 103."""
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


# ---- Word: numbering ----

class Numbering:
    """Writes numbering.xml: abstract numberings with their levels, and instances (w:num)."""

    def __init__(self, document):
        self.element = document.part.numbering_part.element
        for child in list(self.element):
            self.element.remove(child)
        self.abstracts = []
        self.instances = []

    def add_abstract(self, levels):
        """levels: list of dicts with format, text, start, restart (None: default)."""
        abstract_id = len(self.abstracts)
        xml = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">',
               '<w:multiLevelType w:val="multilevel"/>']
        for ilvl, level in enumerate(levels):
            xml.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{level.get("start", 1)}"/>'
                       f'<w:numFmt w:val="{level["format"]}"/>')
            if level.get("restart") is not None:
                xml.append(f'<w:lvlRestart w:val="{level["restart"]}"/>')
            xml.append(f'<w:lvlText w:val="{level["text"]}"/><w:lvlJc w:val="left"/>'
                       f'<w:pPr><w:ind w:left="0" w:firstLine="{420 * (ilvl + 1)}"/></w:pPr></w:lvl>')
        xml.append("</w:abstractNum>")
        self.abstracts.append(parse_xml("".join(xml)))
        return abstract_id

    def add_instance(self, abstract_id, start_overrides=None):
        num_id = len(self.instances) + 1
        xml = [f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>']
        for ilvl, start in (start_overrides or {}).items():
            xml.append(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>')
        xml.append("</w:num>")
        self.instances.append(parse_xml("".join(xml)))
        return num_id

    def finish(self):
        # Schema order: every abstractNum before every num.
        for element in self.abstracts + self.instances:
            self.element.append(element)


def set_numbering(paragraph, num_id, ilvl=0):
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                                f'<w:numId w:val="{num_id}"/></w:numPr>'))


# Typed list numbers and the automatic numbering that draws them.
NUMBER_KINDS = [
    # (pattern, numFmt, value of the matched number, lvlText from the delimiter)
    (re.compile(r"^(\d+)([.．、])"), "decimal", int, lambda m: "%1" + m.group(2)),
    (re.compile(r"^([一二三四五六七八九十百]+)、"), "chineseCounting", chinese_value, lambda m: "%1、"),
    (re.compile(r"^[（(]([一二三四五六七八九十百]+)[)）]"), "chineseCounting", chinese_value, lambda m: "（%1）"),
]


class AutoNumberer:
    """Takes typed numbers off lines and gives the paragraphs automatic numbers that print the same.

    One abstract numbering per kind of number (format and text); consecutive numbers stay in one
    instance, a number that is not the next starts a new instance with w:startOverride (a restart).
    With two_level, Chinese headings (一、) and decimal tasks (1.) are levels 0 and 1 of one list
    whose task level never restarts (w:lvlRestart 0), as 荆州's tasks run 1-114 across its sections.
    """

    def __init__(self, document, two_level=False):
        self.numbering = Numbering(document)
        self.two_level = two_level
        self.kinds = {}   # (format, text) -> [abstract_id, level, num_id, next value]
        self.shared = None

    def split(self, line):
        for pattern, number_format, value_of, text_of in NUMBER_KINDS:
            match = pattern.match(line)
            if match:
                return (number_format, text_of(match)), value_of(match.group(1)), line[match.end():]
        return None, None, line

    def kind(self, key, value):
        if key not in self.kinds:
            number_format, text = key
            if self.two_level and key in (("chineseCounting", "%1、"), ("decimal", "%1.")):
                if self.shared is None:
                    self.shared = self.numbering.add_abstract([
                        {"format": "chineseCounting", "text": "%1、"},
                        {"format": "decimal", "text": "%2.", "restart": 0}])
                level = 0 if number_format == "chineseCounting" else 1
                self.kinds[key] = [self.shared, level, None, None]
            else:
                abstract = self.numbering.add_abstract([{"format": number_format, "text": text, "start": value}])
                self.kinds[key] = [abstract, 0, None, None]
        return self.kinds[key]

    def paragraph(self, document, line):
        key, value, rest = self.split(line)
        paragraph = document.add_paragraph(rest if key else line)
        if key:
            state = self.kind(key, value)
            abstract, level, num_id, expected = state
            if num_id is None or value != expected:
                overrides = {level: value} if num_id is not None or self.two_level else None
                num_id = self.numbering.add_instance(abstract, overrides)
            set_numbering(paragraph, num_id, level)
            state[2], state[3] = num_id, value + 1
        return paragraph


def word_document(lines, path, autonumber=False, two_level=False):
    """Lines as paragraphs; runs of lines holding TABs (a TSV table) as a Word table."""
    document = docx.Document()
    numberer = AutoNumberer(document, two_level) if autonumber else None
    k = 0
    while k < len(lines):
        if "\t" in lines[k]:
            rows = []
            while k < len(lines) and "\t" in lines[k]:
                rows.append(lines[k].split("\t"))
                k += 1
            width = max(len(row) for row in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            continue
        if numberer:
            numberer.paragraph(document, lines[k])
        else:
            document.add_paragraph(lines[k])
        k += 1
    if numberer:
        numberer.numbering.finish()
    document.save(path)
    normalise_zip(path)


# ---- Word: tables ----

def fill(cell, text):
    cell.text = text


def xianning_rows():
    """Tasks 52-62 of the HTML table fixture: (id, task, lead, co, deadline)."""
    return [
        ("52", "培育特色产业集群，强化县域造血功能。", "市经信局", "市发改委，各县市区人民政府", "2023年底"),
        ("53", "支持嘉鱼县打造强县工程示范区。", "嘉鱼县人民政府", "市发改委、市财政局、市自然资源和规划局\n市农业农村局、市乡村振兴局", ""),
        ("54", "支持通城县打造中部地区制造业强县。", "通城县人民政府", "市发改委、市经信局、市财政局", ""),
        ("55", "支持崇阳县打造“两山”理念实践创新示范样板县。", "崇阳县人民政府",
         "市发改委、市财政局、市自然资源和规划局、市生态环境局、市林业局", ""),
        ("56", "支持通山县打造国家新型能源之都。", "通山县人民政府",
         "市发改委、市财政局、市自然资源和规划局、市生态环境局，咸宁供电公司", ""),
        ("57", "优化区域优质教育资源配置。", "市教育局", "各县市区人民政府", ""),
        ("58", "实施学前教育学位扩充行动，公办幼儿园在园幼儿占比超过46%。", "市教育局", "各县市区人民政府", ""),
        ("59", "加快义务教育优质均衡发展和城乡一体化，推进义务教育“双减”巩固提升，实施城区义务教育提升计划。",
         "市教育局", "市财政局、市自然资源和规划局，各县市区人民政府", ""),
        ("60", "推动基础教育教联体共建，每个县市区至少建设1个示范性教联体。", "市教育局", "各县市区人民政府", ""),
        ("61", "加快普通高中育人方式改革，推动省级示范性高中教学质量在全省争先进位，支持普通高中多样化特色化发展，加快建设市第一高中。",
         "市教育局", "市城发集团，各县市区人民政府", ""),
        ("62", "支持特殊教育普惠发展。", "市教育局", "市残联，各县市区人民政府", ""),
    ]


XIANNING_TITLE = "(湖北省)2023年咸宁市《政府工作报告》确定的主要目标任务责任分解方案"
XIANNING_SECTION = "（四）突出改革创新，千方百计推进科教人才兴市。"
XIANNING_SUBSECTION = "办好人民满意教育。"


def xianning_table_docx(path):
    document = docx.Document()
    document.add_paragraph(XIANNING_TITLE)
    document.add_paragraph("为确保《政府工作报告》确定的目标任务落到实处，现将主要目标任务分解如下：")
    rows = xianning_rows()
    # header (2 rows) + 52-56 + section + subsection + 57-62
    table = document.add_table(rows=2 + 5 + 2 + 6, cols=5)
    table.style = "Table Grid"
    for c, text in enumerate(["序号", "工作任务", "责任单位", "责任单位", "完成时限"]):
        fill(table.cell(0, c), text)
    fill(table.cell(1, 2), "牵头单位")
    fill(table.cell(1, 3), "配合单位")
    table.cell(0, 0).merge(table.cell(1, 0))          # vMerge: 序号 on both header rows
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 4).merge(table.cell(1, 4))
    spanning = table.cell(0, 2).merge(table.cell(0, 3))  # gridSpan: 责任单位 over 牵头单位 | 配合单位
    spanning.text = "责任单位"
    r = 2
    for row in rows[:5]:
        for c, text in enumerate(row):
            fill(table.cell(r, c), text)
        r += 1
    for heading in (XIANNING_SECTION, XIANNING_SUBSECTION):
        merged = table.cell(r, 0).merge(table.cell(r, 4))  # one cell across the table
        merged.text = heading
        r += 1
    first = r
    for row in rows[5:]:
        for c, text in enumerate(row):
            if c in (2,):
                continue
            if c == 3 and row[0] == "58":
                continue
            fill(table.cell(r, c), text)
        r += 1
    lead = table.cell(first, 2).merge(table.cell(first + 5, 2))  # 市教育局 down six rows
    lead.text = "市教育局"
    co = table.cell(first, 3).merge(table.cell(first + 1, 3))  # 各县市区人民政府 down two rows
    co.text = "各县市区人民政府"
    document.save(path)
    normalise_zip(path)


def jingzhou_table_docx(path, text_lines):
    """荆州's title and its first section's tasks (1-23) as a table, 序号 by automatic numbering."""
    pattern = re.compile(r"^(\d+)\.(.*)\((牵头单位:(.*?)[;,])?责任单位:(.*)\)$")
    title = text_lines[0]
    tasks = []
    for line in text_lines:
        match = pattern.match(line)
        if match and int(match.group(1)) <= 23:
            tasks.append((match.group(2), match.group(4) or "", match.group(5)))
    if len(tasks) != 23:
        raise SystemExit(f"jingzhou: {len(tasks)} of tasks 1-23 found")
    document = docx.Document()
    numbering = Numbering(document)
    abstract = numbering.add_abstract([{"format": "decimal", "text": "%1"}])
    num_id = numbering.add_instance(abstract)
    numbering.finish()
    document.add_paragraph(title)
    document.add_paragraph("一、坚决打好三大攻坚战,决胜全面建成小康社会")
    table = document.add_table(rows=1 + len(tasks), cols=4)
    for c, text in enumerate(["序号", "工作任务", "牵头单位", "责任单位"]):
        fill(table.cell(0, c), text)
    for r, (task, lead, co) in enumerate(tasks, start=1):
        set_numbering(table.cell(r, 0).paragraphs[0], num_id)
        fill(table.cell(r, 1), task)
        fill(table.cell(r, 2), lead)
        fill(table.cell(r, 3), co)
    # The first two consecutive tasks with the same lead (7 and 8, 市生态环境局) get one lead cell
    # merged down both rows.
    for r in range(1, len(tasks)):
        if tasks[r - 1][1] and tasks[r - 1][1] == tasks[r][1]:
            merged = table.cell(r, 2).merge(table.cell(r + 1, 2))
            merged.text = tasks[r - 1][1]
            break
    else:
        raise SystemExit("jingzhou: no two consecutive tasks with the same lead")
    document.save(path)
    normalise_zip(path)
    return len(tasks)


# ---- Word: tracked changes ----

def run_xml(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def tracked_paragraph(document, pieces):
    """pieces: (kind, text) with kind '' (plain), 'ins' or 'del'."""
    body = []
    for n, (kind, text) in enumerate(pieces):
        if kind == "ins":
            body.append(f'<w:ins w:id="{n}" w:author="审核" w:date="2023-03-01T00:00:00Z">{run_xml(text)}</w:ins>')
        elif kind == "del":
            body.append(f'<w:del w:id="{n}" w:author="审核" w:date="2023-03-01T00:00:00Z">'
                        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')
        else:
            body.append(run_xml(text))
    element = parse_xml(f'<w:p {nsdecls("w")}>{"".join(body)}</w:p>')
    document.element.body.insert(len(document.element.body) - 1, element)


def tongshan_tracked_docx(path, text_lines):
    """Every task line gets a deleted wrong number in front of its inserted right one; task 61's co
    list a deleted unit; task 65's lead an inserted one replacing a deleted one; task 70's annotation
    its closing bracket inserted."""
    document = docx.Document()
    changed = set()
    for line in text_lines:
        match = re.match(r"^(\d+)\.(.*)$", line)
        if not match:
            document.add_paragraph(line)
            continue
        number, rest = match.group(1), match.group(2)
        pieces = [("del", f"{int(number) + 100}."), ("ins", f"{number}.")]
        if number == "61" and "责任单位:" in rest:
            head, tail = rest.split("责任单位:", 1)
            pieces += [("", head + "责任单位:"), ("del", "县财政局、"), ("", tail)]
            changed.add(number)
        elif number == "65" and "牵头单位:县教育局" in rest:
            head, tail = rest.split("牵头单位:县教育局", 1)
            pieces += [("", head + "牵头单位:"), ("del", "县人社局"), ("ins", "县教育局"), ("", tail)]
            changed.add(number)
        elif number == "70" and rest.endswith(")"):
            pieces += [("", rest[:-1]), ("ins", ")")]
            changed.add(number)
        else:
            pieces.append(("", rest))
        tracked_paragraph(document, pieces)
    if changed != {"61", "65", "70"}:
        raise SystemExit(f"tongshan: changes placed in {sorted(changed)} only")
    document.save(path)
    normalise_zip(path)


# ---- Excel ----

def title_row(sheet, title, width):
    sheet.cell(row=1, column=1, value=title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)


def xianning_table_xlsx(path):
    rows = xianning_rows()
    book = openpyxl.Workbook()
    first = book.active
    first.title = "分解表一"
    second = book.create_sheet("分解表 二")   # a name a reference must quote
    third = book.create_sheet("附表")
    third.sheet_state = "hidden"

    def header(sheet, top):
        for c, text in enumerate(["序号", "工作任务", "责任单位", None, "完成时限"], start=1):
            if text:
                sheet.cell(row=top, column=c, value=text)
        sheet.cell(row=top + 1, column=3, value="牵头单位")
        sheet.cell(row=top + 1, column=4, value="配合单位")
        for c in (1, 2, 5):
            sheet.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
        sheet.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)

    def task(sheet, r, row, lead=True, co=True):
        sheet.cell(row=r, column=1, value=int(row[0]))  # a number cell
        sheet.cell(row=r, column=2, value=row[1])
        if lead:
            sheet.cell(row=r, column=3, value=row[2])
        if co:
            sheet.cell(row=r, column=4, value=row[3])
        if row[4]:
            sheet.cell(row=r, column=5, value=row[4])

    # Sheet one: the title across the table, the two-row header, tasks 52-56.
    title_row(first, XIANNING_TITLE, 5)
    header(first, 2)
    for r, row in enumerate(rows[:5], start=4):
        task(first, r, row)
    # Sheet two, from column B (column A empty): section rows across the table, 57-60 with the
    # lead merged down four rows and 各县市区人民政府 down two.
    header_top = 3
    for c, text in enumerate(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], start=2):
        second.cell(row=header_top, column=c, value=text)
    second.cell(row=4, column=2, value=XIANNING_SECTION)
    second.merge_cells(start_row=4, start_column=2, end_row=4, end_column=6)
    second.cell(row=5, column=2, value=XIANNING_SUBSECTION)
    second.merge_cells(start_row=5, start_column=2, end_row=5, end_column=6)
    for r, row in enumerate(rows[5:9], start=6):
        second.cell(row=r, column=2, value=int(row[0]))
        second.cell(row=r, column=3, value=row[1])
        if r == 6:
            second.cell(row=r, column=4, value=row[2])
        if r != 7:
            second.cell(row=r, column=5, value=row[3])
    second.merge_cells(start_row=6, start_column=4, end_row=9, end_column=4)
    second.merge_cells(start_row=6, start_column=5, end_row=7, end_column=5)
    # Sheet three, hidden: 61-62, the lead merged down both.
    header(third, 1)
    for r, row in enumerate(rows[9:], start=3):
        task(third, r, row, lead=(r == 3))
    third.merge_cells(start_row=3, start_column=3, end_row=4, end_column=3)
    book.save(path)
    shared_strings(path, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"],
                   rich={"市教育局": "<r><t>市教</t></r><r><rPr><b/></rPr><t>育局</t></r>"
                                     "<rPh sb=\"0\" eb=\"2\"><t>shi jiao</t></rPh>"})
    normalise_zip(path)


def shared_strings(path, sheet_parts, rich):
    """Moves the inline strings (t="inlineStr", as this openpyxl writes every string) of some
    sheets into a shared-strings part (t="s"), as Excel writes them; `rich` gives some strings as
    rich-text runs with a phonetic guide (rPh) that is not part of the text."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    parts = dict(entries)
    table = []

    def share(match):
        before, after, inner = match.group(1), match.group(2), match.group(3)
        if inner not in table:
            table.append(inner)
        return b"<c" + before + b't="s"' + after + b"><v>" + str(table.index(inner)).encode() + b"</v></c>"

    for sheet in sheet_parts:
        parts[sheet], count = re.subn(rb'<c([^>]*)t="inlineStr"([^>]*)><is>(.*?)</is></c>', share, parts[sheet])
        if count == 0:
            raise SystemExit(f"{path}: no inline strings in {sheet}")
    items = []
    for inner in table:
        text = re.sub(rb"&#(\d+);", lambda m: chr(int(m.group(1))).encode(), inner)
        plain = re.fullmatch(rb"<t>(.*)</t>", text, re.S)
        if plain and plain.group(1).decode() in rich:
            text = rich[plain.group(1).decode()].encode()
        items.append(b"<si>" + text + b"</si>")
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        + f' count="{len(items)}" uniqueCount="{len(items)}">'.encode() + b"".join(items) + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml" Id="rId99"/></Relationships>')
    names = [name for name, _ in entries] + ["xl/sharedStrings.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(name, parts[name])


def planted_table_xlsx(path, planted, texts):
    """A generated document as a workbook: its title across row 1, then 序号 | 工作任务 | 牵头单位 | 责任单位."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分解表"
    if planted.get("title"):
        title_row(sheet, planted["title"], 4)
    top = 3
    for c, text in enumerate(["序号", "工作任务", "牵头单位", "责任单位"], start=1):
        sheet.cell(row=top, column=c, value=text)
    for r, task in enumerate(planted["tasks"], start=top + 1):
        sheet.cell(row=r, column=1, value=task["id"])
        sheet.cell(row=r, column=2, value=texts[str(task["id"])])
        sheet.cell(row=r, column=3, value="、".join(task["leads"]))
        sheet.cell(row=r, column=4, value="、".join(task["co"]))
    for c, width in zip("ABCD", (6, 60, 24, 40)):
        sheet.column_dimensions[c].width = width
    book.save(path)
    normalise_zip(path)


# ---- bad files ----

def zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in [
            ("[Content_Types].xml",
             b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
            ("_rels/.rels",
             b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
            ("word/document.xml",
             b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
             + b" " * (50 << 20) + b"</w:t></w:r></w:p></w:body></w:document>"),
        ]:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data, compresslevel=9)


# ---- generated documents ----

def generated(cli, gencorpus, out):
    scratch = tempfile.mkdtemp()
    try:
        corpus = os.path.join(scratch, "corpus")
        subprocess.run([gencorpus, "--out", corpus, "--documents", "12", "--seed", "20240521", "--tasks-per-doc",
                        "6-10", "--formats", "all", "--gb18030-share", "0"], check=True, stdout=subprocess.DEVNULL)
        planted = json.load(open(os.path.join(corpus, "planted.json"), encoding="utf-8"))["documents"]
        chosen = {}
        for name, document in sorted(planted.items()):
            style = document["format"]
            if name.endswith(".txt") and style not in chosen:
                chosen[style] = name
        for style, name in sorted(chosen.items()):
            text = read_text(os.path.join(corpus, name))
            base = os.path.join(out, f"gen-{style}")
            with open(base + ".txt", "w", encoding="utf-8") as f:
                f.write(text)
            word_document(lines_of(text), base + ".docx", autonumber=True)
            parsed = json.loads(subprocess.run([cli, "parse", base + ".txt"], check=True, capture_output=True).stdout)
            texts = {t["id"]: t["text"] for t in parsed["documents"][0]["tasks"]}
            planted_table_xlsx(base + ".xlsx", planted[name], texts)
            with open(base + ".planted.json", "w", encoding="utf-8") as f:
                json.dump(planted[name], f, ensure_ascii=False, indent=1)
                f.write("\n")
    finally:
        shutil.rmtree(scratch)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build/bin/agencygraph"))
    parser.add_argument("--gencorpus", default=os.path.join(ROOT, "build/bin/agencygraph-gencorpus"))
    args = parser.parse_args()
    for folder in ("seeds", "autonumbered", "generated", "tables", "tracked", "bad"):
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    for name in EXAMPLES:
        lines = lines_of(read_text(os.path.join(ROOT, "examples", name + ".txt")))
        word_document(lines, os.path.join(HERE, "seeds", name + ".docx"))
        word_document(lines, os.path.join(HERE, "autonumbered", name + ".docx"), autonumber=True,
                      two_level=name == "jingzhou-2020")
    xianning_table_docx(os.path.join(HERE, "tables", "xianning-2023-table.docx"))
    xianning_table_xlsx(os.path.join(HERE, "tables", "xianning-2023-table.xlsx"))
    jingzhou_lines = lines_of(read_text(os.path.join(ROOT, "examples", "jingzhou-2020.txt")))
    jingzhou_table_docx(os.path.join(HERE, "tables", "jingzhou-2020-table.docx"), jingzhou_lines)
    tongshan_lines = lines_of(read_text(os.path.join(ROOT, "examples", "tongshan-2023-excerpt.txt")))
    tongshan_tracked_docx(os.path.join(HERE, "tracked", "tongshan-2023-tracked.docx"), tongshan_lines)
    zip_bomb(os.path.join(HERE, "bad", "zip-bomb.docx"))
    generated(args.cli, args.gencorpus, os.path.join(HERE, "generated"))


if __name__ == "__main__":
    main()
