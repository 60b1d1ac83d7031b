#!/usr/bin/env python3
"""gen_dense.py - writes the dense corpus of the text engine's benchmark: posts as full of
identifiers as real ones (a name, a place or a number in most of them, about 130 bytes each),
made from our own annotated texts (tests/privacy/tuning.jsonl and tuning-8.jsonl, written by
people who never read the engine) repeated and varied: copy after copy, each annotated name
becomes another name, the digits of phones, dates, ages and addresses other digits, the
letters before an e-mail's @ other letters (identifiers with checksums stay as they are), so
the engine seldom scans the same post twice. Deterministic: the same seed gives the same
files. Density is printed (and compared with ../shared/data/phi-dev.jsonl when present).

usage: gen_dense.py OUT_BASE [MEGABYTES] [SEED.jsonl...]
  writes OUT_BASE.txt (one post per line, for bench_priv_text and redact-pii) and
  OUT_BASE.jsonl ({"id","text"} per line, the same posts, for `entraide redact --jsonl`; the
  language is guessed, as bench_priv_text asks)
"""
import json
import os
import random
import sys

FIRST = ["Chloé", "Lucas", "Emma", "Nathan", "Léa", "Hugo", "Inès", "Jack", "Olivia", "Noah", "Amelia",
         "Karim", "Yasmine", "Théo", "Manon", "Sophie", "Oliver", "Grace", "Mohamed", "Aïcha", "Jules",
         "Camille", "Harry", "Isla", "Gabriel", "Louise", "Thomas", "Priya", "Zoé", "Baptiste"]
LAST = ["Martin", "Bernard", "Dubois", "Bouvier", "Nguyen", "Patel", "Smith", "Jones", "Lefèvre", "Moreau",
        "Girard", "Fontaine", "Roux", "Mercier", "O'Brien", "Taylor", "Williams", "Benali", "Da Silva",
        "Lambert", "Fournier", "Evans", "Khan", "Rousseau", "Chevalier", "Brown", "Garnier", "Faure"]
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()


def vary_chars(s, rnd):
    """Same shape: each digit becomes another digit, each ASCII letter another letter of its case."""
    out = []
    for ch in s:
        if ch.isdigit() and ch.isascii():
            out.append(rnd.choice("0123456789"))
        elif ch in LOWER:
            out.append(rnd.choice(LOWER))
        elif ch in UPPER:
            out.append(rnd.choice(UPPER))
        else:
            out.append(ch)
    return "".join(out)


def vary_digits(s, rnd):
    return "".join(rnd.choice("0123456789") if c.isdigit() and c.isascii() else c for c in s)


def vary_name(s, rnd):
    """Another name with as many words, written the same way (capitals, lower case)."""
    words = s.split(" ")
    if len(words) > 3 or not all(w[:1].isalpha() for w in words):
        return s
    picks = [rnd.choice(FIRST)] + [rnd.choice(LAST) for _ in words[1:]]
    if len(words) == 1 and rnd.random() < 0.5:
        picks = [rnd.choice(LAST)]
    if s.islower():
        picks = [p.lower() for p in picks]
    elif s.isupper():
        picks = [p.upper() for p in picks]
    return " ".join(picks)


def vary(text, spans, rnd):
    b = text.encode("utf-8")
    out = bytearray()
    at = 0
    for s in sorted(spans, key=lambda x: x["start"]):
        if s["start"] < at:
            continue
        out += b[at:s["start"]]
        piece = b[s["start"]:s["end"]].decode("utf-8", errors="replace")
        if s["type"] == "NAME":
            piece = vary_name(piece, rnd)
        elif s["type"] == "CONTACT" and "@" in piece and "/" not in piece:
            local, _, domain = piece.partition("@")
            piece = vary_chars(local, rnd) + "@" + vary_digits(domain, rnd)
        elif s["type"] == "ID":
            pass  # identifiers carry checksums (NIR, IBAN, NHS...): a varied copy would be no identifier
        else:  # phones, addresses, places, dates, ages: the digits change, the words stay
            piece = vary_digits(piece, rnd)
        out += piece.encode("utf-8")
        at = s["end"]
    out += b[at:]
    return out.decode("utf-8").replace("\r", " ").replace("\n", " ")


def density(items):
    n = len(items)
    size = sum(len(o["text"].encode("utf-8")) for o in items)
    spans = sum(len(o.get("spans", [])) for o in items)
    with_id = sum(1 for o in items if o.get("spans"))
    return "%d texts, %.0f bytes each, %.2f identifiers each (%.1f per kB), %.0f %% with one" % (
        n, size / n, spans / n, spans * 1000 / size, 100 * with_id / n)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    size = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 20 * 10**6
    here = os.path.dirname(os.path.abspath(__file__))
    seeds = sys.argv[3:] or [os.path.join(here, "..", "..", "tests", "privacy", n) for n in ("tuning.jsonl", "tuning-8.jsonl")]
    items = []
    for path in seeds:
        with open(path, encoding="utf-8") as f:
            items += [json.loads(line) for line in f if line.strip()]
    print("dense corpus seeds: " + density(items))
    dev = os.path.join(here, "..", "..", "..", "shared", "data", "phi-dev.jsonl")
    if os.path.exists(dev):
        with open(dev, encoding="utf-8") as f:
            print("shared dev set:     " + density([json.loads(line) for line in f if line.strip()]))
    rnd = random.Random(19)
    written = 0
    n = 0
    with open(base + ".txt", "w", encoding="utf-8") as txt, open(base + ".jsonl", "w", encoding="utf-8") as js:
        while written < size:
            o = items[n % len(items)]
            text = vary(o["text"], o.get("spans", []), rnd) if n >= len(items) else o["text"].replace("\n", " ")
            txt.write(text + "\n")
            js.write(json.dumps({"id": "d%d" % n, "text": text}, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8")) + 1
            n += 1
    print("wrote %d posts, %.1f MB" % (n, written / 1e6))


if __name__ == "__main__":
    main()
