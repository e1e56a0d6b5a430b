#!/usr/bin/python3
"""Writes the seed corpora of fuzz_docx and fuzz_xlsx (tests/fuzz/office_fuzz_input.hpp says what an
input is) from the fixtures of tests/data/formats. Run once from the repository root:
    /usr/bin/python3 tests/fuzz/corpus/make_office_corpus.py
"""
import os
import re
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
FORMATS = os.path.join(ROOT, "tests", "data", "formats")
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def inner(xml):
    """The content of a part's root element (the targets wrap it in <w:numbering>, <sst> …)."""
    xml = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
    match = re.match(rb"<([^\s>]+)[^>]*>(.*)</\1>\s*$", xml, re.S)
    return match.group(2) if match else b""


def part(package, name):
    with zipfile.ZipFile(package) as z:
        return z.read(name) if name in z.namelist() else b""


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def main():
    for name, package in [("table", "tables/xianning-2023-table.docx"), ("tracked", "tracked/tongshan-2023-tracked.docx"),
                          ("autonumbered", "autonumbered/xianning-2023-p1.docx"),
                          ("numbered-table", "tables/jingzhou-2020-table.docx")]:
        path = os.path.join(FORMATS, package)
        write("fuzz_docx", name + ".parts", b"P" + part(path, "word/document.xml") + b"\0" +
              inner(part(path, "word/numbering.xml")) + b"\0" + inner(part(path, "word/styles.xml")))
    write("fuzz_docx", "table.file", b"Z" + open(os.path.join(FORMATS, "tables/xianning-2023-table.docx"), "rb").read())
    for name, package in [("table", "tables/xianning-2023-table.xlsx"), ("generated", "generated/gen-mixed.xlsx")]:
        path = os.path.join(FORMATS, package)
        write("fuzz_xlsx", name + ".parts", b"P" + part(path, "xl/worksheets/sheet1.xml") + b"\0" +
              part(path, "xl/worksheets/sheet2.xml") + b"\0" + inner(part(path, "xl/sharedStrings.xml")) + b"\0" +
              inner(part(path, "xl/styles.xml")))
    write("fuzz_xlsx", "table.file", b"Z" + open(os.path.join(FORMATS, "tables/xianning-2023-table.xlsx"), "rb").read())


if __name__ == "__main__":
    main()
