#!/usr/bin/python3
"""Scores `agencygraph parse` against hand-labelled gold (tests/data/real/rNN.gold.json).

Role-aware: the unit is a (task, role, agency) triple. A predicted task is paired with a gold task
by its number (brackets and full-width forms ignored; the k-th task of a number with the k-th gold
task of that number), else, for gold tasks identified by a label instead of a number, by the label
standing at the start of the predicted task's text or section. Names are compared after NFKC
(full-width to half-width) with spaces removed. A grouped name counts either as printed
(荆州开发区) or with the shared suffix distributed (荆州开发区管委会), as the gold's README allows.

Prints one line per document and the totals; with --json, the same as JSON. With --floor F and
--doc-floor D, exits 1 when the overall F1 is below F or a document (with gold tasks) below D; with
--floors FILE, when the overall F1 or any document's is below the floor recorded there. The floors
only rise: raise them when the parser improves (tests/data/real/floors.json says how).
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict


def norm_name(name):
    return "".join(unicodedata.normalize("NFKC", name).split())


def norm_id(task_id):
    s = unicodedata.normalize("NFKC", str(task_id)).strip()
    return s.strip("()[]【】〔〕 .、")


def name_matches(pred, gold, gold_names):
    """pred equals gold, or is gold with a shared suffix taken from another gold name of the list."""
    if pred == gold:
        return True
    if not pred.startswith(gold) or len(pred) == len(gold):
        return False
    suffix = pred[len(gold):]
    return any(other != gold and other.endswith(suffix) and len(other) > len(suffix) for other in gold_names)


def match_names(preds, golds):
    """Number of pred names that match a distinct gold name."""
    golds = [norm_name(g) for g in golds]
    used = [False] * len(golds)
    hits = 0
    for p in (norm_name(x) for x in preds):
        for k, g in enumerate(golds):
            if not used[k] and name_matches(p, g, golds):
                used[k] = True
                hits += 1
                break
    return hits


def pair_tasks(pred_tasks, gold_tasks):
    by_id = defaultdict(list)
    for t in pred_tasks:
        by_id[norm_id(t["id"])].append(t)
    taken = set()
    pairs = []
    seen = defaultdict(int)
    unpaired = []
    for g in gold_tasks:
        key = norm_id(g["id"])
        k = seen[key]
        seen[key] += 1
        if k < len(by_id[key]):
            pairs.append((g, by_id[key][k]))
            taken.add(id(by_id[key][k]))
        else:
            unpaired.append(g)
    for g in unpaired:
        label = norm_name(str(g["id"]))
        match = None
        for t in pred_tasks:
            if id(t) in taken:
                continue
            where = [norm_name(t.get("text", ""))] + [norm_name(s) for s in t.get("section", [])]
            if label and any(w.startswith(label) or label in w[: len(label) + 8] for w in where):
                match = t
                break
        pairs.append((g, match))
        if match is not None:
            taken.add(id(match))
    extra = [t for t in pred_tasks if id(t) not in taken]
    return pairs, extra


def score_document(pred_doc_tasks, gold):
    tp = fp = fn = 0
    found = 0
    pairs, extra = pair_tasks(pred_doc_tasks, gold["tasks"])
    for g, p in pairs:
        n_gold = len(g["leads"]) + len(g["co"])
        if p is None:
            fn += n_gold
            continue
        if p.get("leads") or p.get("co"):
            found += 1
        n_pred = len(p.get("leads", [])) + len(p.get("co", []))
        hits = match_names(p.get("leads", []), g["leads"]) + match_names(p.get("co", []), g["co"])
        tp += hits
        fp += n_pred - hits
        fn += n_gold - hits
    for p in extra:
        fp += len(p.get("leads", [])) + len(p.get("co", []))
    return {"tp": tp, "fp": fp, "fn": fn, "found": found, "gold_tasks": len(gold["tasks"]),
            "extra_tasks": len(extra)}


def f1(s):
    p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
    r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def parse(cli, path, extra_args):
    out = subprocess.run([cli, "parse", *extra_args, path], capture_output=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{path}: agencygraph parse exited {out.returncode}: {out.stderr.decode(errors='replace')}")
    tasks = []
    for d in json.loads(out.stdout)["documents"]:
        tasks.extend(d["tasks"])
    return tasks


def document_file(directory, name):
    """The document a gold file labels: name.txt, else the one other file named name.* (an office file)."""
    text = os.path.join(directory, name + ".txt")
    if os.path.exists(text):
        return text
    others = [f for f in os.listdir(directory) if f.startswith(name + ".") and not f.endswith(".gold.json")]
    if len(others) != 1:
        raise SystemExit(f"{directory}: no single document for {name}.gold.json ({others})")
    return os.path.join(directory, others[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("gold_dir")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--floor", type=float, default=None)
    ap.add_argument("--doc-floor", type=float, default=None)
    ap.add_argument("--floors", help="JSON {\"overall\": F, \"documents\": {\"rNN\": F}}: exit 1 below any")
    args = ap.parse_args()
    names = sorted(f[: -len(".gold.json")] for f in os.listdir(args.gold_dir) if f.endswith(".gold.json"))
    total = defaultdict(int)
    rows = []
    macro = []
    for name in names:
        gold = json.load(open(os.path.join(args.gold_dir, name + ".gold.json"), encoding="utf-8"))
        predicted = parse(args.cli, document_file(args.gold_dir, name), [])
        if gold.get("only_listed_ids"):  # the gold labels some of the document's tasks, by id
            listed = {t["id"] for t in gold["tasks"]}
            predicted = [t for t in predicted if t["id"] in listed]
        s = score_document(predicted, gold)
        for k, v in s.items():
            total[k] += v
        p, r, f = f1(s)
        if gold["tasks"]:
            macro.append(f)
        rows.append({"document": name, **s, "precision": p, "recall": r, "f1": f})
    p, r, f = f1(total)
    summary = {"documents": rows, "total": {**total, "precision": p, "recall": r, "f1": f,
                                             "macro_f1": sum(macro) / len(macro) if macro else 0.0}}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{row['document']}  tasks {row['found']:3}/{row['gold_tasks']:<3} extra {row['extra_tasks']:2}  "
                  f"P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}")
        t = summary["total"]
        print(f"overall  tasks {t['found']}/{t['gold_tasks']}  P {t['precision']:.3f} R {t['recall']:.3f} "
              f"F1 {t['f1']:.3f}  macro F1 {t['macro_f1']:.3f}")
    failed = False
    if args.floors:
        floors = json.load(open(args.floors, encoding="utf-8"))
        if f < floors["overall"] - 1e-9:
            print(f"overall F1 {f:.3f} is below its floor {floors['overall']:.3f}", file=sys.stderr)
            failed = True
        for row in rows:
            floor = floors["documents"].get(row["document"])
            if floor is None:
                print(f"{row['document']}: no floor recorded in {args.floors}", file=sys.stderr)
                failed = True
            elif row["f1"] < floor - 1e-9:
                print(f"{row['document']}: F1 {row['f1']:.3f} is below its floor {floor:.3f}", file=sys.stderr)
                failed = True
    if args.floor is not None and f < args.floor:
        print(f"overall F1 {f:.3f} is below the floor {args.floor:.3f}", file=sys.stderr)
        failed = True
    if args.doc_floor is not None:
        for row in rows:
            if row["gold_tasks"] and row["f1"] < args.doc_floor:
                print(f"{row['document']}: F1 {row['f1']:.3f} is below the floor {args.doc_floor:.3f}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
