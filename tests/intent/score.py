#!/usr/bin/env python3
"""Scores intent predictions against tests/intent/heldout.jsonl (or any gold JSONL).

usage: score.py GOLD.jsonl PRED.jsonl [--min KEY=VALUE ...] [--max KEY=VALUE ...] [--blind]

Standard library only, so `make check` needs nothing from ../shared. Prints accuracy, macro-F1
over the eight intents, per-intent precision/recall/F1, the confusion matrix and the messages
missed (not with --blind: a held-out set is scored, never read), then the line
`accuracy=... macro_f1=... urgent_recall=... consultation_recall=... false_urgent_rate=...`
(false_urgent_rate: share of the non-urgent messages labelled urgent; also counted).
Exit 1 when a --min bar is not reached, 2 on bad usage.
"""
import json
import sys

INTENTS = ["appointment", "document_request", "consultation", "urgent", "complaint", "praise", "info", "other"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    args, mins, maxs, blind = [], [], [], False
    i = 0
    while i < len(argv):
        if argv[i] == "--min" and i + 1 < len(argv):
            k, _, v = argv[i + 1].partition("=")
            mins.append((k, float(v)))
            i += 2
        elif argv[i] == "--max" and i + 1 < len(argv):
            k, _, v = argv[i + 1].partition("=")
            maxs.append((k, float(v)))
            i += 2
        elif argv[i] == "--blind":
            blind = True
            i += 1
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold = load(args[0])
    pred = {p.get("id"): p.get("intent") for p in load(args[1])}
    conf = {g: {p: 0 for p in INTENTS + ["(none)"]} for g in INTENTS}
    missed = []
    for g in gold:
        p = pred.get(g["id"])
        p = p if p in INTENTS else "(none)"
        conf[g["intent"]][p] += 1
        if p != g["intent"]:
            missed.append((g["id"], g["intent"], p, g["text"]))
    fig = {"accuracy": sum(conf[c][c] for c in INTENTS) / max(len(gold), 1)}
    f1s = []
    for c in INTENTS:
        tp = conf[c][c]
        n_gold = sum(conf[c].values())
        n_pred = sum(conf[g][c] for g in INTENTS)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        fig[c + "_precision"], fig[c + "_recall"], fig[c + "_f1"] = p, r, f
        f1s.append(f)
    fig["macro_f1"] = sum(f1s) / len(f1s)
    n_calm = sum(sum(conf[c].values()) for c in INTENTS if c != "urgent")
    n_false = sum(conf[c]["urgent"] for c in INTENTS if c != "urgent")
    fig["false_urgent_rate"] = n_false / n_calm if n_calm else 0.0
    fig["false_urgent"] = n_false
    print("messages: %d   accuracy: %.4f   macro-F1: %.4f" % (len(gold), fig["accuracy"], fig["macro_f1"]))
    print("%-18s %9s %9s %9s" % ("intent", "precision", "recall", "f1"))
    for c in INTENTS:
        print("%-18s %9.4f %9.4f %9.4f" % (c, fig[c + "_precision"], fig[c + "_recall"], fig[c + "_f1"]))
    print("confusion (rows gold, columns predicted in the order above, then none)")
    for c in INTENTS:
        print("%-18s" % c + "".join("%5d" % conf[c][p] for p in INTENTS + ["(none)"]))
    for mid, g, p, text in ([] if blind else missed):
        print("missed %s gold=%s pred=%s: %s" % (mid, g, p, text))
    print("false urgent: %d of %d non-urgent messages" % (n_false, n_calm))
    print("accuracy=%.4f macro_f1=%.4f urgent_recall=%.4f consultation_recall=%.4f false_urgent_rate=%.4f" % (
        fig["accuracy"], fig["macro_f1"], fig["urgent_recall"], fig["consultation_recall"],
        fig["false_urgent_rate"]))
    ok = True
    for k, v in mins:
        if k not in fig:
            print("unknown figure %r" % k, file=sys.stderr)
            return 2
        if fig[k] < v:
            print("FAIL %s=%.4f < %.4f" % (k, fig[k], v), file=sys.stderr)
            ok = False
    for k, v in maxs:
        if k not in fig:
            print("unknown figure %r" % k, file=sys.stderr)
            return 2
        if fig[k] > v:
            print("FAIL %s=%.4f > %.4f" % (k, fig[k], v), file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
