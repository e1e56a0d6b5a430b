#!/usr/bin/python3
"""Writes the small PDF seeds of tests/fuzz/corpus/fuzz_pdf: a page of body text in two columns and a
page holding a task table without rules (header 序号 | 工作任务 | 牵头单位 | 责任单位 in a CID
font that is not embedded: a ToUnicode map gives its characters' text, so the file stays small),
uncompressed so that mutations reach the text operators; and a ruled task table (ruled-table.pdf) whose
borders are stroked lines and thin filled rectangles, the lead cell merged down two rows (no border
between them in its column), so that mutations reach the reading of rules. Run once; the seeds are
committed."""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz_pdf")


CHARS = []  # the CJK characters used, by CID - 1


def utf16(text):
    """`text` as two-byte CIDs of font F2 (Identity-H), each character's CID its place in CHARS."""
    cids = []
    for ch in text:
        if ch not in CHARS:
            CHARS.append(ch)
        cids.append(CHARS.index(ch) + 1)
    return "<" + "".join(f"{cid:04X}" for cid in cids) + ">"


def to_unicode():
    entries = "\n".join(f"<{k + 1:04X}> <{ord(ch):04X}>" for k, ch in enumerate(CHARS))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Agencygraph def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(CHARS)} beginbfchar\n{entries}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end")


def pdf(pages):
    cmap = to_unicode()
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /ToUnicode 5 0 R "
               "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity "
               "/DW 1000 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>",
               f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream"]
    kids = []
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{content}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def text(x, y, font, content, size=10):
    return f"BT /{font} {size} Tf {x} {y} Td {content} Tj ET"


def columns():
    lines = []
    for column, x in ((0, 72), (1, 320)):
        for row in range(24):
            words = f"({column * 24 + row + 1}. task text of the line, long enough to run to the edge)"
            lines.append(text(x, 720 - 14 * row, "F1", words, 9))
    return "\n".join(lines)


def table():
    header = ["序号", "工作任务", "牵头单位", "责任单位"]
    xs = [72, 120, 330, 430]
    lines = [text(x, 720, "F2", utf16(h)) for x, h in zip(xs, header)]
    rows = [("1", "推进老旧小区改造。", "市住建局", "市财政局、市自然资源和规划局"),
            ("2", "加快建设学校。", "市教育局", "各县市区人民政府")]
    y = 700
    for number, task, lead, co in rows:
        lines.append(text(xs[0], y, "F1", f"({number})"))
        lines += [text(x, y, "F2", utf16(t)) for x, t in zip(xs[1:], (task, lead, co))]
        y -= 20
    return "\n".join(lines)


def ruled_table():
    """Four tasks under a header, every cell ruled but the lead column between tasks 2 and 3 (one
    牵头单位 cell over both): the column borders stroked, the row borders filled rectangles."""
    xs = [66, 115, 325, 425, 560]
    header = ["序号", "工作任务", "牵头单位", "责任单位"]
    rows = [("1", "推进老旧小区改造。", "市住建局", "市财政局"),
            ("2", "加快建设学校。", "市教育局", "各县市区人民政府"),
            ("3", "支持特殊教育普惠发展。", "", "市残联"),
            ("4", "健全养老服务体系。", "市民政局", "市卫健委")]
    top, step = 730, 20
    lines = [text(x + 4, top - 14, "F2", utf16(h)) for x, h in zip(xs, header)]
    for k, (number, task, lead, co) in enumerate(rows):
        y = top - step * (k + 1) - 14
        lines.append(text(xs[0] + 4, y, "F1", f"({number})"))
        lines += [text(x + 4, y, "F2", utf16(t)) for x, t in zip(xs[1:], (task, lead, co)) if t]
    bottom = top - step * (len(rows) + 1)
    lines.append("0.5 w 0 0 0 RG")
    lines += [f"{x} {top} m {x} {bottom} l S" for x in xs]
    for k in range(len(rows) + 2):
        y = top - step * k
        if k == 3:  # between tasks 2 and 3: not across the lead column
            lines.append(f"{xs[0]} {y - 0.25} {xs[2] - xs[0]} 0.5 re {xs[3]} {y - 0.25} {xs[4] - xs[3]} 0.5 re f")
        else:
            lines.append(f"{xs[0]} {y - 0.25} {xs[4] - xs[0]} 0.5 re f")
    return "\n".join(lines)


def main():
    os.makedirs(HERE, exist_ok=True)
    with open(os.path.join(HERE, "two-pages.pdf"), "wb") as f:
        pages = [columns(), table()]  # table() fills CHARS before pdf() writes the ToUnicode map
        f.write(pdf(pages))
    with open(os.path.join(HERE, "ruled-table.pdf"), "wb") as f:
        f.write(pdf([ruled_table()]))


if __name__ == "__main__":
    main()
