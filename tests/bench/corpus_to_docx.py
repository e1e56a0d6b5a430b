#!/usr/bin/python3
"""Converts a text corpus of agencygraph-gencorpus into Word documents, for the file-format throughput
figures of docs/performance.md: every .txt of IN becomes a .docx in OUT, one paragraph per non-empty
line, typed list numbers drawn by Word's automatic numbering instead, runs of TAB-separated lines as
Word tables (tests/data/formats/make_fixtures.py's word_document, python3-docx). Other files are skipped.

    /usr/bin/python3 tests/bench/corpus_to_docx.py IN OUT
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "formats"))
import make_fixtures  # noqa: E402


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    names = sorted(name for name in os.listdir(source) if name.endswith(".txt"))
    for name in names:
        lines = make_fixtures.lines_of(make_fixtures.read_text(os.path.join(source, name)))
        make_fixtures.word_document(lines, os.path.join(target, name[:-4] + ".docx"), autonumber=True)
    print(f"{len(names)} documents written to {target}")


if __name__ == "__main__":
    main()
