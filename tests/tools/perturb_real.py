#!/usr/bin/python3
"""Scores the real set (tests/data/real) again as other copies of the same pages would print it.

The same documents reach users through other tools: a browser puts an empty line after every
paragraph, Windows ends lines with CR LF, a page's editor leaves zero-width spaces after 、, a copy
converts punctuation to full width, a file is saved in GB18030, a department labels its columns
部门 where another says 单位. None of that changes what a task says, so none of it may change what
the parser finds. Each variant rewrites every document's text (code and data files, whose syntax a
variant would break, are kept as they are where noted), scores it with score_real.py, and compares
it with the documents as published.

    perturb_real.py BIN [--set DIR] [--variants a,b] [--check]

Prints one line per variant: overall F1 and macro F1, and the documents whose F1 fell by more than
0.05. With --check, exits 1 when any variant's overall F1 falls by more than 0.005 or a document's
by more than 0.05 (the variants listed in CHECKED, which the parser reads; the others are printed
for information).
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = os.path.join(ROOT, "tests", "data", "real")
SCORER = os.path.join(ROOT, "tests", "tools", "score_real.py")

TO_HALF = str.maketrans({"：": ":", "（": "(", "）": ")", "，": ",", "；": ";"})
TO_FULL = str.maketrans({":": "：", "(": "（", ")": "）", ",": "，", ";": "；"})


def wrapped(text, width=38):
    """Prose lines cut every `width` characters, as a PDF's text layer breaks them."""
    out = []
    for line in text.split("\n"):
        while len(line) > width and "  " not in line and "|" not in line:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def as_page(text):
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return "<html><body>\n" + body + "\n</body></html>\n"


def spaced_labels(text):
    return re.sub(r"(牵头单位|责任单位|配合单位|牵头部门|责任部门)", lambda m: " ".join(m.group(1)), text)


# name: (rewrite, applies to code and data too)
VARIANTS = {
    "half-width": (lambda t: t.translate(TO_HALF), True),
    "full-width": (lambda t: t.translate(TO_FULL), False),
    "empty-lines": (lambda t: "\n\n".join(t.split("\n")), True),
    "crlf": (lambda t: t.replace("\n", "\r\n"), True),
    "trailing-spaces": (lambda t: "\n".join(line + "  " for line in t.split("\n")), True),
    "zero-width": (lambda t: t.replace("、", "、\u200b"), True),
    "departments": (lambda t: t.replace("牵头单位", "牵头部门").replace("责任单位", "责任部门").replace("配合单位", "协办单位"), True),
    "gb18030": (None, True),
    "indent": (lambda t: "\n".join(("\u3000\u3000" + line if line.strip() else line) for line in t.split("\n")), False),
    "nbsp": (lambda t: t.replace(" ", "\u00a0"), False),
    "page": (as_page, False),
    "ratio-colon": (lambda t: t.replace("：", "∶"), True),
    "wrapped-38": (wrapped, False),
    "spaced-labels": (spaced_labels, False),
}
CHECKED = ["half-width", "full-width", "empty-lines", "crlf", "trailing-spaces", "zero-width", "departments", "gb18030"]


def is_code(text):
    """JSON, JavaScript, HTML, SQL or a TSV: a variant that rewrites punctuation would break it."""
    return bool(re.search(r'[{}<>\t]|","|INSERT INTO|CREATE TABLE', text))


def score(binary, directory):
    out = subprocess.run(["/usr/bin/python3", SCORER, binary, directory, "--json"], capture_output=True, text=True,
                         check=True).stdout
    result = json.loads(out)
    return result["total"], {d["document"]: d["f1"] for d in result["documents"] if d["gold_tasks"]}


def write_variant(name, real, directory):
    rewrite, everywhere = VARIANTS[name]
    for entry in sorted(os.listdir(real)):
        source = os.path.join(real, entry)
        if entry.endswith(".gold.json"):
            shutil.copy(source, directory)
            continue
        if not entry.endswith(".txt"):
            continue
        text = open(source, encoding="utf-8").read()
        target = os.path.join(directory, entry)
        if name == "gb18030":
            try:
                open(target, "wb").write(text.encode("gb18030"))
                continue
            except UnicodeEncodeError:
                pass
        elif everywhere or not is_code(text):
            text = rewrite(text)
        open(target, "w", encoding="utf-8", newline="").write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--set", default=REAL, help="a directory of rNN.txt and rNN.gold.json (default: tests/data/real)")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    base_total, base = score(args.binary, args.set)
    print(f"{'as published':16s} F1 {base_total['f1']:.3f} macro {base_total['macro_f1']:.3f}")
    failed = []
    for name in args.variants.split(","):
        with tempfile.TemporaryDirectory() as directory:
            write_variant(name, args.set, directory)
            total, documents = score(args.binary, directory)
        drops = sorted(((base[d] - f1, d) for d, f1 in documents.items() if base.get(d, 0) - f1 > 0.05), reverse=True)
        shown = " ".join(f"{d} {base[d]:.2f}->{base[d] - drop:.2f}" for drop, d in drops[:12])
        more = f" and {len(drops) - 12} more" if len(drops) > 12 else ""
        print(f"{name:16s} F1 {total['f1']:.3f} macro {total['macro_f1']:.3f}  fell: {shown or 'none'}{more}")
        if args.check and name in CHECKED and (drops or total["f1"] < base_total["f1"] - 0.005):
            failed.append(name)
    if failed:
        print("variants the parser must read alike but does not: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
