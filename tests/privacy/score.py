#!/usr/bin/env python3
"""score.py - our own de-identification scorer (Python 3 standard library only).

usage: score.py GOLD.jsonl PRED.jsonl [--min KEY=VALUE ...]

Same definitions as the team's shared scorer (../shared/tools/score_phi.py), written again
so that `make check` can score our held-out set when ../shared is absent:
  direct = NAME, CONTACT, ID; quasi = LOCATION, DATE, AGE; all figures over UTF-8 bytes.
  <group>_recall     gold bytes of the group covered by any predicted span
  <group>_precision  bytes predicted with a type of the group that lie inside any gold span
  <TYPE>_recall      gold bytes of TYPE covered by any predicted span
  direct_doc_full    share of texts holding a direct identifier in which every direct
                     identifier is found (>= 90% of its bytes covered)
Prints a table and a last line of KEY=VALUE; exit 1 when a --min bar is not met.
"""
import json
import sys

TYPES = ["NAME", "CONTACT", "ID", "LOCATION", "DATE", "AGE"]
DIRECT = {"NAME", "CONTACT", "ID"}
QUASI = {"LOCATION", "DATE", "AGE"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    args = [a for a in argv[1:]]
    mins = {}
    while "--min" in args:
        i = args.index("--min")
        k, _, v = args[i + 1].partition("=")
        mins[k] = float(v)
        del args[i:i + 2]
    gold, pred = load(args[0]), {p.get("id"): p for p in load(args[1])}
    c = {k: 0 for k in ("dg", "dc", "qg", "qc", "dp", "dpi", "qp", "qpi", "docs", "full")}
    per = {t: [0, 0] for t in TYPES}
    misses = []
    for g in gold:
        p = pred.get(g["id"], {})
        if "error" in p:
            misses.append((g["id"], "error " + p["error"]))
        n = len(g["text"].encode("utf-8"))
        gold_at = [None] * n
        for s in g["spans"]:
            for b in range(s["start"], s["end"]):
                gold_at[b] = s["type"]
        cov = [False] * n
        for s in p.get("spans", []):
            grp = DIRECT if s.get("type") in DIRECT else QUASI if s.get("type") in QUASI else None
            for b in range(max(0, s["start"]), min(n, s["end"])):
                cov[b] = True
                if grp is DIRECT:
                    c["dp"] += 1
                    c["dpi"] += gold_at[b] is not None
                elif grp is QUASI:
                    c["qp"] += 1
                    c["qpi"] += gold_at[b] is not None
        has_direct, all_found = False, True
        for s in g["spans"]:
            got = sum(cov[b] for b in range(s["start"], s["end"]))
            size = s["end"] - s["start"]
            per[s["type"]][0] += size
            per[s["type"]][1] += got
            key = "d" if s["type"] in DIRECT else "q"
            c[key + "g"] += size
            c[key + "c"] += got
            if got < 0.9 * size:
                misses.append((g["id"], "missed %s %r" % (s["type"], g["text"].encode("utf-8")[s["start"]:s["end"]].decode("utf-8", "replace"))))
            if s["type"] in DIRECT:
                has_direct = True
                all_found &= got >= 0.9 * size
        if has_direct:
            c["docs"] += 1
            c["full"] += all_found

    def r(a, b):
        return a / b if b else 1.0

    figs = {
        "direct_recall": r(c["dc"], c["dg"]), "direct_precision": r(c["dpi"], c["dp"]),
        "quasi_recall": r(c["qc"], c["qg"]), "quasi_precision": r(c["qpi"], c["qp"]),
        "direct_doc_full": r(c["full"], c["docs"]),
    }
    for t in TYPES:
        figs[t + "_recall"] = r(per[t][1], per[t][0])
    print("documents: %d   documents with a direct identifier: %d" % (len(gold), c["docs"]))
    print("%-9s %8s %8s" % ("type", "bytes", "recall"))
    for t in TYPES:
        print("%-9s %8d %8.4f" % (t, per[t][0], figs[t + "_recall"]))
    if "-v" in args:
        for m in misses:
            print("  %s: %s" % m)
    print(" ".join("%s=%.4f" % (k, figs[k]) for k in ("direct_recall", "direct_precision", "quasi_recall",
                                                       "quasi_precision", "direct_doc_full")))
    bad = [k for k, v in mins.items() if figs.get(k, -1) < v]
    for k in bad:
        print("below the bar: %s=%.4f < %.4f" % (k, figs.get(k, -1), mins[k]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
