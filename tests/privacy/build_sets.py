#!/usr/bin/env python3
"""build_sets.py - turns tests/privacy/texts.txt (inline {T:...} markup) into tuning.jsonl and
tuning-8.jsonl (the lines after "## tuning-8", held out until the twentieth session) in the
schema of the shared dev set, with UTF-8 byte offsets computed here.

usage: python3 tests/privacy/build_sets.py   (run from the repository root; rewrites both files)
       python3 tests/privacy/build_sets.py NAME   (NAME.txt, one set, into NAME.jsonl: numwords)
"""
import json
import os
import re
import sys

TYPES = {"N": "NAME", "C": "CONTACT", "I": "ID", "L": "LOCATION", "D": "DATE", "A": "AGE"}
MARK = re.compile(r"\{([NCIDLA]):([^{}]+)\}")


def parse(text):
    out, spans, pos = [], [], 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        start = len("".join(out).encode("utf-8"))
        out.append(m.group(2))
        end = start + len(m.group(2).encode("utf-8"))
        spans.append({"start": start, "end": end, "type": TYPES[m.group(1)]})
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else "texts"
    sets = {"tuning": [], "tuning-8": []} if src == "texts" else {src: []}
    # id letters of texts.txt's two parts: tuning-8 keeps the "h" of its held-out days, so
    # that its ids (and the bytes of tuning-8.jsonl) stay what they were
    letter = {"tuning": "t", "tuning-8": "h"}
    cur = "tuning" if src == "texts" else src
    with open(os.path.join(here, src + ".txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## tuning-8") and src == "texts":
                cur = "tuning-8"
                continue
            if not line.strip() or line.startswith("#"):
                continue
            head, _, text = line.partition(" | ")
            text = text.replace("\\n", "\n")  # a written \n is a line break
            lang, genre = head.split()
            plain, spans = parse(text)
            n = len(sets[cur]) + 1
            sets[cur].append({"id": "own-%s-%s-%03d" % (letter[cur] if src == "texts" else cur, lang, n), "lang": lang, "genre": genre,
                              "text": plain, "spans": spans})
    for name, rows in sets.items():
        with open(os.path.join(here, name + ".jsonl"), "w", encoding="utf-8") as o:
            for r in rows:
                o.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("%s: %d texts" % (name, len(rows)))


if __name__ == "__main__":
    main()
