#!/usr/bin/env python3
"""gen_corpus.py - writes a large corpus of short generated posts for the text engine's
benchmark, one post per line (French and English, with and without identifiers, emoji,
SMS spelling). Deterministic: the same seed gives the same file.

usage: gen_corpus.py OUT.txt [MEGABYTES]   (default 20)
"""
import random
import sys

FR = [
    "Ma fille {first} a {age} ans et fait des crises d'asthme la nuit, on est suivis au CHU de {town}.",
    "Bonjour, je voudrais déplacer mon rdv du {day}/{month}. Merci de me rappeler au 06 {p1} {p2} {p3} {p4}.",
    "Diabétique depuis 12 ans, sous insuline, HbA1c à 7,2 %. Quelqu'un a testé la pompe ? 🙏",
    "mon fils {lfirst} a la varicelle, ya des boutons partout, la creme marche pas #galère",
    "Le Dr {last} m'a dit que c'était une maladie de Crohn, traitement par Humira depuis mars.",
    "Encore 4h d'attente aux urgences... personne ne nous explique rien 😡",
    "J'habite à {town}, quelqu'un connaît un bon kiné pour la rééducation du genou ?",
    "Merci à toute l'équipe de la clinique des Cèdres pour la prise en charge de mon mari ❤️",
    "Mon IPP est {ipp}, pouvez-vous m'envoyer mon compte rendu à {mail} ?",
    "Dépistage du cancer colorectal à partir de 50 ans, parlez-en à votre médecin.",
]
EN = [
    "My son {first} ({age}) was diagnosed with T1D last month, we're at {etown} General Hospital.",
    "Hi, can I move my appointment on {day}/{month}? Call me on 07700 9{p2}{p3}{p4}. Thanks, {first}",
    "Type 2 for 10 years, metformin and diet. HbA1c 6.8%. Happy to answer questions 💪",
    "Dr {last} said it's probably Crohn's disease, starting Humira next week.",
    "Waited 6 hours in A&E last night, absolutely shattered #NHS",
    "Living in {etown} with long Covid since 2021, some days I can't get out of bed.",
    "Huge thanks to the nurses on ward 7, you were amazing with my mum ❤️",
    "My NHS number is 943 476 5919, can you email the letter to {mail}?",
    "Flu jab done, takes 5 minutes, go get yours! #FluFighter",
    "Anyone else on the waiting list for a knee replacement? It's been 14 months.",
]
FIRST = ["Chloé", "Lucas", "Emma", "Nathan", "Léa", "Hugo", "Inès", "Jack", "Olivia", "Noah", "Amelia", "Karim"]
LAST = ["Martin", "Bernard", "Dubois", "Bouvier", "Nguyen", "Patel", "Smith", "Jones", "Lefèvre", "Moreau"]
TOWNS = ["Nantes", "Rennes", "Lyon", "Toulouse", "Angers", "Brest", "Lille", "Grenoble"]
ETOWNS = ["Leeds", "Bristol", "Manchester", "Norwich", "Cardiff", "Sheffield"]


def main():
    out = sys.argv[1]
    size = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 20 * 10**6
    rnd = random.Random(42)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            tpl = rnd.choice(FR if rnd.random() < 0.6 else EN)
            first = rnd.choice(FIRST)
            line = tpl.format(first=first, lfirst=first.lower(), last=rnd.choice(LAST), age=rnd.randint(2, 90),
                              town=rnd.choice(TOWNS), etown=rnd.choice(ETOWNS), day=rnd.randint(1, 28),
                              month="%02d" % rnd.randint(1, 12), p1="%02d" % rnd.randint(10, 99),
                              p2="%02d" % rnd.randint(10, 99), p3="%02d" % rnd.randint(10, 99),
                              p4="%02d" % rnd.randint(10, 99), ipp=rnd.randint(10**7, 10**8),
                              mail="%s.%s@example.org" % (first.lower(), rnd.choice(LAST).lower()))
            line += "\n"
            f.write(line)
            written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
