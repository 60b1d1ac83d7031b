#!/usr/bin/env python3
"""misses.py - what the engine misses or adds on our tuning texts, text by text.

usage: python3 tests/privacy/misses.py [BIN] [FILTER] [SET.jsonl]
  BIN     the entraide binary (default build/entraide)
  FILTER  only lines holding this word (MISS, EXTRA, TYPE, NAME, ID...); "" for all
  SET     a tuning set in the dev set's schema (tuning-2.jsonl...) instead of texts.txt

Reads tests/privacy/texts.txt up to "## tuning-8" (tuning.jsonl's texts; the part after it,
held out until the twentieth session, is read as tuning-8.jsonl). Refuses a file named
heldout*: the held-out sets (heldout-5.jsonl...) are scored (make check-privacy-text), never
read one by one, or they stop being held out.
Prints each text with its misses (gold bytes not covered), extras (predicted bytes outside
every gold span) and type confusions, then the bytes missed per type.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_sets import parse  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    binp = sys.argv[1] if len(sys.argv) > 1 else "build/entraide"
    only = sys.argv[2] if len(sys.argv) > 2 else None
    only = only or None
    if len(sys.argv) > 3:
        if "heldout" in os.path.basename(sys.argv[3]):
            sys.exit("misses.py: held-out texts are scored, never read")
        with open(sys.argv[3], encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    else:
        rows = read_texts(here)
    run(binp, only, rows)


def read_texts(here):
    rows = []
    with open(os.path.join(here, "texts.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## tuning-8"):
                break
            if not line.strip() or line.startswith("#"):
                continue
            head, _, text = line.partition(" | ")
            lang, _genre = head.split()
            plain, spans = parse(text.replace("\\n", "\n"))
            rows.append({"id": str(len(rows)), "lang": lang, "text": plain, "spans": spans})
    return rows


def run(binp, only, rows):
    inp = "".join(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"]}, ensure_ascii=False) + "\n"
                  for r in rows)
    out = subprocess.run([binp, "redact", "--jsonl", "--policy", "report"], input=inp.encode(),
                         capture_output=True, check=True).stdout.decode()
    preds = {}
    for line in out.splitlines():
        o = json.loads(line)
        preds[o["id"]] = o.get("spans", [])
    total, missed = {}, {}
    for r in rows:
        b = r["text"].encode()
        pred = preds.get(r["id"], [])
        covered, gold = set(), set()
        for p in pred:
            covered.update(range(p["start"], p["end"]))
        for g in r["spans"]:
            gold.update(range(g["start"], g["end"]))
        notes = []
        for g in r["spans"]:
            frag = b[g["start"]:g["end"]].decode(errors="replace")
            m = sum(1 for x in range(g["start"], g["end"]) if x not in covered)
            total[g["type"]] = total.get(g["type"], 0) + g["end"] - g["start"]
            missed[g["type"]] = missed.get(g["type"], 0) + m
            if m:
                notes.append("  MISS %s %r" % (g["type"], frag))
            else:
                got = [p["type"] for p in pred if p["start"] < g["end"] and p["end"] > g["start"]]
                if g["type"] not in got:
                    notes.append("  TYPE %s %r got %s" % (g["type"], frag, got))
        for p in pred:
            if any(x not in gold for x in range(p["start"], p["end"])):
                notes.append("  EXTRA %s %r" % (p["type"], b[p["start"]:p["end"]].decode(errors="replace")))
        if only:
            notes = [n for n in notes if only in n]
        if notes:
            print("[%s] %s" % (r["id"], r["text"].replace("\n", "\\n")))
            print("\n".join(notes))
    print("bytes missed:", ", ".join("%s %d/%d" % (k, missed[k], total[k]) for k in sorted(total)))
    direct = sum(total.get(k, 0) for k in ("NAME", "CONTACT", "ID"))
    lost = sum(missed.get(k, 0) for k in ("NAME", "CONTACT", "ID"))
    print("direct recall %.4f" % (1 - lost / direct if direct else 1))


if __name__ == "__main__":
    main()
