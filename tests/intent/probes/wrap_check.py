#!/usr/bin/env python3
"""wrap_check.py BIN FILE... - does a peer post's friendly wrapper hide a crisis?

Each message of the given sets (schema of the shared dev set) is classified twice by
`BIN classify --jsonl`: as written, and wrapped in an opening and a closing of the kind members
write in a community ("coucou tout le monde, j'espere que vous allez bien." ... "bisous a tous
et merci de me lire"), picked with a fixed seed from the lists below, in the message's language.
It prints, per file and in total, the crises caught and the false urgents both ways, then every
crisis caught as written and missed once wrapped: a wrapper says nothing about danger, so each
of those is a miss the classifier owes to its greeting words.

The wrappers were written for this check by the twenty-third session's lead, apart from the
reviewers' (tests/intent/probes/r12-s23.jsonl) and the blind writer's (wrapped-s23.jsonl);
a rule tuned on those can be judged here. Standard library only.
"""
import json
import random
import subprocess
import sys

OPEN = {
    "fr": ["coucou tout le monde, j'espere que vous allez bien",
           "bonsoir la communaute, ca fait longtemps que je lis sans ecrire",
           "hello les amis, je passe vite fait",
           "salut a tous, premiere fois que je poste ici",
           "bonjour bonjour, journee bizarre aujourd'hui",
           "coucou les filles, petit message du soir"],
    "en": ["hey everyone, hope you're all doing ok",
           "evening all, been lurking here for months",
           "hi lovely people, quick one from me",
           "hello group, first time posting here",
           "hiya all, weird day today",
           "hey fam, little update from me tonight"],
}
CLOSE = {
    "fr": ["bisous a tous et merci de me lire",
           "prenez soin de vous, gros calins",
           "voila voila, bonne soiree a vous tous",
           "merci d'exister vous tous, a bientot",
           "des bisous, vous etes les meilleurs",
           "bon courage a tout le monde et bonne nuit"],
    "en": ["love to you all and thanks for reading",
           "take care everyone, big hugs",
           "anyway that's me, have a good night all",
           "thanks for being here guys, speak soon",
           "sending love to everyone here",
           "hugs to all and good night"],
}


def classify(binary, messages):
    lines = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in messages)
    out = subprocess.run([binary, "classify", "--jsonl"], input=lines.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    return [json.loads(l)["intent"] for l in out.splitlines() if l.strip()]


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: wrap_check.py BIN FILE...")
    binary, files = sys.argv[1], sys.argv[2:]
    rng = random.Random(7)
    total = [0, 0, 0, 0, 0, 0]  # crises, caught, caught wrapped, calm, false urgent, wrapped
    lost = []
    for path in files:
        gold = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        wrapped = []
        for m in gold:
            lang = "fr" if m.get("lang", "fr").startswith("fr") else "en"
            w = dict(m)
            w["text"] = "%s. %s %s" % (rng.choice(OPEN[lang]), m["text"], rng.choice(CLOSE[lang]))
            wrapped.append(w)
        plain, wrap = classify(binary, gold), classify(binary, wrapped)
        row = [0, 0, 0, 0, 0, 0]
        for m, w, p, q in zip(gold, wrapped, plain, wrap):
            if m["intent"] == "urgent":
                row[0] += 1
                row[1] += p == "urgent"
                row[2] += q == "urgent"
                if p == "urgent" and q != "urgent":
                    lost.append((m.get("id", "?"), q, w["text"]))
            else:
                row[3] += 1
                row[4] += p == "urgent"
                row[5] += q == "urgent"
        print("%-50s crises %d/%d, wrapped %d/%d; false urgents %d/%d, wrapped %d/%d"
              % (path, row[1], row[0], row[2], row[0], row[4], row[3], row[5], row[3]))
        total = [a + b for a, b in zip(total, row)]
    print("%-50s crises %d/%d, wrapped %d/%d; false urgents %d/%d, wrapped %d/%d"
          % ("total", total[1], total[0], total[2], total[0], total[4], total[3], total[5], total[3]))
    for ident, label, text in lost:
        print("lost when wrapped: %s -> %s: %s" % (ident, label, text))


if __name__ == "__main__":
    main()
