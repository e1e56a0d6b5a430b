#!/usr/bin/python3
"""Converts the Word corpus of corpus_to_docx.py into PDF with LibreOffice, for the file-format throughput
figures of docs/performance.md: every .docx of IN becomes a .pdf in OUT (one LibreOffice process for all,
run once; the benchmark never runs LibreOffice). Needs libreoffice-writer-nogui.

    /usr/bin/python3 tests/bench/corpus_to_pdf.py IN OUT
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    names = sorted(name for name in os.listdir(source) if name.endswith(".docx"))
    profile = tempfile.mkdtemp()
    try:
        for start in range(0, len(names), 50):  # a command line of bounded length
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                            "--outdir", target] + [os.path.join(source, name) for name in names[start:start + 50]],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile)
    print(f"{len(names)} documents written to {target}")


if __name__ == "__main__":
    main()
