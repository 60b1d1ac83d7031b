#!/usr/bin/env python3
"""Writes N synthetic desk messages as JSONL {"id","text"} for the classify benchmark.

usage: gen_messages.py [N] > messages.jsonl      (default N = 100000, fixed seed)

Messages are random mixes of greetings, requests, symptoms, complaints and sign-offs in
French and English, 5 to 80 words, with accents, emoji and SMS spelling: the shape of desk
traffic, not its meaning (the benchmark measures speed, not accuracy).
"""
import json
import random
import sys

OPEN = ["Bonjour,", "Bonsoir", "bjr", "Madame, Monsieur,", "Hello", "Hi,", "Dear team,", ""]
BODY = [
    "je voudrais prendre rendez-vous en cardiologie la semaine prochaine",
    "pourriez-vous m'envoyer une copie de mon ordonnance",
    "est-ce que je peux arrêter mon traitement, j'ai des vertiges depuis trois jours",
    "mon père a une douleur dans la poitrine depuis vingt minutes",
    "j'ai attendu cinq heures aux urgences sans aucune information, c'est inadmissible",
    "un grand merci à toute l'équipe de la maternité pour leur gentillesse",
    "quels sont les horaires de visite en pédiatrie et où peut-on se garer",
    "gagnez un iPhone en cliquant sur ce lien 🎁",
    "I'd like to book an appointment with the diabetes clinic",
    "could you send me my blood test results please",
    "is it normal to still have pain two weeks after the operation?",
    "my daughter swallowed some pills, what do I do",
    "the receptionist was really rude to my mother",
    "thank you so much to the night nurses ❤️",
    "what time does the cafe close on Sundays?",
    "jsuis trop degouté du parking c abusé",
    "ma fille de 4 ans a de la fièvre et des boutons, c'est contagieux ?",
    "facture reçue deux fois pour la même consultation",
    "le compte rendu de mon IRM n'est toujours pas arrivé chez mon médecin",
]
CLOSE = ["Merci", "Cordialement", "Merci d'avance.", "Thanks", "Kind regards", "", "", "🙏"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(42)
    out = sys.stdout
    for i in range(n):
        parts = [rng.choice(OPEN)] + rng.sample(BODY, rng.randint(1, 4)) + [rng.choice(CLOSE)]
        text = " ".join(p for p in parts if p)
        out.write(json.dumps({"id": "b%06d" % i, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
