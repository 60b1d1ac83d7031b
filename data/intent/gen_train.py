#!/usr/bin/env python3
"""Generates data/intent/train-gen.jsonl: templated desk messages for the intent classifier.

Templates with slots (departments, documents, relatives, symptoms, drugs, times...) are filled
at random with a fixed seed, then some messages are roughened the way people write to a desk:
no accents, all lower case, SMS spelling, a typo, no final punctuation. The hand-written
messages of train-hand.jsonl complement these (templates alone overfit). Labels follow
../shared/data/README.md section 2: urgent wins, then consultation, else the dominant purpose.

usage: python3 data/intent/gen_train.py > data/intent/train-gen.jsonl
"""
import json
import random
import sys
import unicodedata

SEED = 20261129
PER_INTENT = {"fr": 110, "en": 70}

S = {
    "fr": {
        "hello": ["Bonjour", "Bonjour,", "Bonsoir", "Bjr", "Madame, Monsieur,", "Bonjour madame", "Hello",
                  "Bonjour à l'équipe,", "Salut", "", "", "", "Bonjour, ", "Re-bonjour,"],
        "bye": ["Merci", "Merci d'avance.", "Cordialement", "Bien cordialement,", "Bonne journée", "",
                "", "", "Merci de votre retour", "Merci beaucoup", "D'avance merci", "Cdt"],
        "dept": ["cardiologie", "dermatologie", "pédiatrie", "ophtalmologie", "gynécologie", "rhumatologie",
                 "neurologie", "ORL", "radiologie", "orthopédie", "diabétologie", "endocrinologie",
                 "gastro-entérologie", "pneumologie", "urologie", "maternité", "psychiatrie", "oncologie",
                 "kinésithérapie", "médecine du sport", "chirurgie digestive", "néphrologie", "l'hôpital de jour",
                 "consultation douleur", "allergologie", "addictologie", "la consultation mémoire"],
        "rel": ["mon fils", "ma fille", "mon mari", "ma femme", "ma mère", "mon père", "mon bébé",
                "ma grand-mère", "mon grand-père", "mon conjoint", "ma compagne", "mon frère", "ma soeur",
                "mon voisin", "mon petit", "ma belle-mère"],
        "relp": ["mon fils", "ma fille", "mon bébé", "mon petit garçon", "ma petite"],
        "when": ["la semaine prochaine", "en mars", "le plus tôt possible", "un mardi matin", "après le 15",
                 "en fin de journée", "début juin", "avant les vacances", "dans les 15 jours", "un samedi si possible",
                 "lundi ou mardi", "courant avril", "vers 17h", "le matin de préférence", "cet automne"],
        "date": ["du 12 mars", "de mardi", "de demain", "du 3", "de jeudi 14h", "du 28/05", "de lundi prochain",
                 "prévu vendredi", "du 7 octobre", "de la semaine prochaine", "de 9h30", "de cet après-midi"],
        "doc": ["mon ordonnance", "mes résultats d'analyses", "le compte rendu de mon IRM", "mon dossier médical",
                "un certificat médical", "la facture de mon séjour", "une attestation d'hospitalisation",
                "le compte rendu opératoire", "ma lettre de sortie", "mes radios", "le bulletin de situation",
                "mon carnet de vaccination", "l'ordonnance de kiné", "mes résultats de biopsie",
                "une attestation de présence", "le courrier pour mon médecin traitant", "le CD de mon scanner",
                "l'arrêt de travail", "les résultats de la prise de sang", "un duplicata de facture",
                "le compte rendu des urgences", "mon certificat de vaccination", "la prescription de transport"],
        "docof": ["de mon père", "de ma mère", "de mon fils", "de ma fille", "de mon mari", "", "", ""],
        "symptom": ["des vertiges", "mal à la tête", "des nausées", "des démangeaisons", "de la fièvre",
                    "des plaques rouges", "mal au ventre", "les jambes gonflées", "une toux qui ne passe pas",
                    "des palpitations de temps en temps", "du mal à dormir", "des diarrhées", "mal au dos",
                    "une douleur au genou", "des boutons", "les yeux qui piquent", "des crampes", "des aigreurs",
                    "des fourmis dans les doigts", "une boule dans le sein", "du sang dans les selles depuis une semaine",
                    "une perte de poids", "de l'acné", "des bouffées de chaleur", "mal à l'oreille"],
        "drug": ["doliprane", "mon traitement", "mes antidépresseurs", "la pilule", "l'ibuprofène", "mon anticoagulant",
                 "le Levothyrox", "mes bêtabloquants", "l'antibiotique", "la cortisone", "mon inhalateur",
                 "le paracétamol", "mes somnifères", "le Xanax", "la metformine", "mon traitement pour la tension",
                 "les anti-inflammatoires", "l'insuline", "le sirop pour la toux", "les gouttes"],
        "dur": ["depuis 3 jours", "depuis une semaine", "depuis hier", "depuis deux mois", "depuis ce matin",
                "depuis quelques jours", "depuis la rentrée", "depuis l'opération", "depuis 10 jours"],
        "proc": ["mon opération", "l'accouchement", "le vaccin", "ma coloscopie", "la pose de ma prothèse",
                 "la chimio", "l'extraction de ma dent", "la biopsie", "la césarienne", "mon infiltration"],
        "age": ["2 ans", "6 mois", "8 ans", "15 ans", "3 ans", "18 mois", "11 ans", "4 mois"],
        "staff": ["les infirmières", "l'équipe de nuit", "le Dr Martin", "les aides-soignantes", "le personnel des urgences",
                  "l'équipe de la maternité", "le chirurgien", "la secrétaire", "les brancardiers", "le service de pédiatrie",
                  "l'anesthésiste", "toute l'équipe de cardiologie", "la sage-femme", "le kiné", "l'équipe soignante"],
        "wait": ["4 heures", "6h", "toute la nuit", "3 heures", "plus de 5 heures", "2h30", "toute la matinée"],
        "place": ["la maternité", "les urgences pédiatriques", "le service de radiologie", "le laboratoire",
                  "la cafétéria", "le bâtiment B", "l'accueil", "la pharmacie", "le service de cardiologie",
                  "l'hôpital de jour", "le centre de prélèvement", "la chapelle"],
    },
    "en": {
        "hello": ["Hello", "Hi", "Hi,", "Dear team,", "Good morning", "Hey", "Dear Sir or Madam,", "", "", "",
                  "Hello there", "Good evening,"],
        "bye": ["Thanks", "Thank you.", "Many thanks", "Best regards", "Kind regards,", "Cheers", "", "", "",
                "Thanks in advance", "thx"],
        "dept": ["cardiology", "dermatology", "paediatrics", "pediatrics", "ophthalmology", "gynaecology",
                 "rheumatology", "neurology", "ENT", "radiology", "orthopaedics", "the diabetes clinic",
                 "gastroenterology", "respiratory", "urology", "maternity", "the fracture clinic", "oncology",
                 "physio", "the memory clinic", "the pain clinic", "the eye clinic", "the sleep clinic"],
        "rel": ["my son", "my daughter", "my husband", "my wife", "my mum", "my mom", "my dad", "my baby",
                "my grandmother", "my grandad", "my partner", "my brother", "my sister", "my neighbour", "my toddler"],
        "relp": ["my son", "my daughter", "my baby", "my little boy", "my toddler"],
        "when": ["next week", "in March", "as soon as possible", "on a Tuesday morning", "after the 15th",
                 "late afternoon", "early June", "before the holidays", "within two weeks", "on a Saturday if possible",
                 "any weekday", "sometime in April", "around 5pm", "in the morning ideally"],
        "date": ["on the 12th", "on Tuesday", "tomorrow", "on the 3rd", "on Thursday at 2pm", "on 28/05",
                 "next Monday", "this Friday", "on 7 October", "next week", "at 9.30", "this afternoon"],
        "doc": ["my prescription", "my blood test results", "the report from my MRI", "my medical records",
                "a medical certificate", "the invoice for my stay", "a letter confirming my admission",
                "the operation notes", "my discharge summary", "my x-rays", "a fit note", "my vaccination record",
                "the physio referral", "my biopsy results", "a sick note for work", "the letter for my GP",
                "a copy of my scan on CD", "my test results", "a copy of the bill", "my A&E report"],
        "docof": ["for my dad", "for my mum", "for my son", "for my daughter", "", "", ""],
        "symptom": ["dizzy spells", "headaches", "nausea", "an itchy rash", "a fever", "red patches", "stomach ache",
                    "swollen ankles", "a cough that won't go away", "palpitations now and then", "trouble sleeping",
                    "diarrhoea", "back pain", "a sore knee", "spots", "sore eyes", "cramps", "heartburn",
                    "tingling fingers", "a lump in my breast", "blood in my stool for a week", "hot flushes", "earache"],
        "drug": ["paracetamol", "my medication", "my antidepressants", "the pill", "ibuprofen", "my blood thinner",
                 "levothyroxine", "my beta blockers", "the antibiotics", "the steroids", "my inhaler", "my sleeping pills",
                 "metformin", "my blood pressure tablets", "the anti-inflammatories", "insulin", "the cough syrup",
                 "the eye drops", "amoxicillin", "sertraline"],
        "dur": ["for 3 days", "for a week", "since yesterday", "for two months", "since this morning", "for a few days",
                "since the operation", "for 10 days"],
        "proc": ["my operation", "the birth", "the vaccine", "my colonoscopy", "my hip replacement", "chemo",
                 "my tooth extraction", "the biopsy", "my c-section", "the injection"],
        "age": ["2", "6 months old", "8", "15", "3", "18 months old", "11", "4 months old"],
        "staff": ["the nurses", "the night team", "Dr Patel", "the healthcare assistants", "the A&E staff",
                  "the maternity team", "the surgeon", "the receptionist", "the porters", "the children's ward",
                  "the anaesthetist", "the whole cardiology team", "the midwife", "the physio", "the ward staff"],
        "wait": ["4 hours", "6 hours", "all night", "3 hours", "over 5 hours", "two and a half hours", "all morning"],
        "place": ["maternity", "the children's A&E", "radiology", "the lab", "the cafe", "building B", "reception",
                  "the pharmacy", "the cardiology ward", "the day unit", "the blood test centre", "the chapel"],
    },
}

T = {
    "appointment": {
        "fr": [
            "{hello} je voudrais prendre rendez-vous en {dept} {when}. {bye}",
            "{hello} est-il possible d'avoir un rendez-vous en {dept} pour {rel} {when} ? {bye}",
            "{hello} je dois annuler mon rendez-vous {date} en {dept}, je ne pourrai pas venir. {bye}",
            "Pouvez-vous déplacer mon rdv {date} ? J'ai un empêchement. {bye}",
            "{hello} je souhaite reporter la consultation de {rel} prévue {date}. {bye}",
            "Je confirme ma présence au rendez-vous {date} en {dept}.",
            "{hello} je n'ai pas reçu de confirmation pour mon rendez-vous {date}, est-il bien enregistré ?",
            "il me faudrait un créneau pour une échographie {when} svp",
            "{rel} doit revoir le chirurgien en {dept} pour un contrôle, comment fixer une date ? {bye}",
            "Quelles sont vos disponibilités en {dept} {when} ? Je voudrais réserver une consultation.",
            "je ne pourrai pas être là {date}, merci de libérer mon créneau et de m'en proposer un autre",
            "{hello} serait-il possible d'avancer mon rendez-vous en {dept} ? Une place s'est peut-être libérée ?",
            "Mon médecin traitant m'oriente vers la {dept}, je voudrais un premier rendez-vous. {bye}",
            "rdv annulé par le service, je voudrais en reprendre un {when}",
            "{hello} j'aimerais un rendez-vous pour une prise de sang {when}, à jeun si possible.",
            "Je voudrais décaler l'IRM {date} d'une semaine, est-ce faisable ?",
            "Bonjour, c'est pour inscrire {rel} à la consultation de {dept} {when}.",
            "{hello} pouvez-vous me rappeler pour fixer mon rendez-vous de suivi en {dept} ? {bye}",
            "j'ai raté l'appel pour mon rdv en {dept}, on peut en refixer un ?",
            "{hello} il faut que je prenne rendez-vous avec l'anesthésiste avant mon opération, {when} si possible.",
            "Est-ce que je peux réserver en ligne pour la {dept} ou faut-il appeler ? Je cherche une date {when}.",
            "Merci d'annuler tous les rendez-vous de {rel}, nous déménageons.",
            "{hello} je voudrais changer l'heure de mon rendez-vous {date}, plutôt l'après-midi. {bye}",
            "Une place {when} en {dept} pour {rel} ? C'est pour le suivi habituel.",
            "je confirme pour {rel} le rdv {date}, on sera là",
            "{hello} suite à ma consultation, le docteur m'a demandé de reprendre rendez-vous dans 3 mois. Pouvez-vous me donner une date ? {bye}",
        ],
        "en": [
            "{hello} I'd like to book an appointment in {dept} {when}. {bye}",
            "{hello} could I get an appointment for {rel} in {dept} {when}? {bye}",
            "{hello} I need to cancel my appointment {date} in {dept}, I can't make it. {bye}",
            "Can you move my appointment {date}? Something came up. {bye}",
            "{hello} I'd like to reschedule {rel}'s appointment {date}. {bye}",
            "Just confirming I'll be at my {dept} appointment {date}.",
            "{hello} I haven't had a confirmation for my appointment {date}, is it booked? {bye}",
            "need a slot for an ultrasound {when} pls",
            "{hello} is there any availability in {dept} {when}? {bye}",
            "I won't be able to come {date}, please free up my slot and offer me another one",
            "{hello} my GP referred me to {dept}, how do I book the first appointment? {bye}",
            "Could I bring my appointment forward? I'm free {when}.",
            "Please cancel all upcoming appointments for {rel}, we are moving away.",
            "{hello} I'd like to change the time of my appointment {date} to the afternoon. {bye}",
            "{hello} the consultant asked me to book a follow-up in three months, can you give me a date? {bye}",
            "I missed your call about my {dept} appointment, can we set a new one?",
            "{hello} can I book a blood test {when}? {bye}",
            "confirming {rel}'s appointment {date}, we'll be there",
            "{hello} I need a pre-op appointment with the anaesthetist {when}. {bye}",
            "Is it possible to book online for {dept} or do I have to call? Looking for {when}.",
        ],
    },
    "document_request": {
        "fr": [
            "{hello} pourriez-vous m'envoyer une copie de {doc} ? Je l'ai perdue. {bye}",
            "{hello} je souhaite obtenir {doc} {docof} suite à l'hospitalisation en {dept}. {bye}",
            "Comment récupérer {doc} ? {bye}",
            "{hello} j'ai besoin de {doc} pour mon employeur, pouvez-vous me l'envoyer par mail ? {bye}",
            "Pouvez-vous me transmettre {doc} {docof} ? {bye}",
            "il me manque {doc} pour ma mutuelle, vous pouvez me le renvoyer svp",
            "{hello} je voudrais recevoir {doc} {docof}, quelle est la démarche ? {bye}",
            "Merci de renvoyer {doc}, la pharmacie ne l'a pas acceptée car elle était illisible.",
            "{hello} quelle est la procédure pour demander le dossier médical de ma mère décédée ? {bye}",
            "je n'ai toujours pas reçu {doc} {docof}, est-ce que vous pouvez le poster ?",
            "{hello} mon médecin traitant n'a pas reçu {doc}, pouvez-vous le lui faxer ? {bye}",
            "Est-il possible d'avoir {doc} sur mon espace patient ? {bye}",
            "{hello} la CPAM me demande {doc}, où puis-je le demander ? {bye}",
            "besoin de {doc} en urgence pour un dossier administratif, merci",
            "{hello} pourriez-vous me faire parvenir un double de {doc} ? L'original est abîmé. {bye}",
            "Je souhaiterais une copie de l'ensemble de mon dossier, y compris {doc}. {bye}",
            "{hello} mon assurance réclame {doc} {docof} pour le remboursement. {bye}",
            "on m'a dit que {doc} serait envoyé par courrier mais rien reçu, c'est possible de l'avoir par mail ?",
            "{hello} je dois présenter {doc} au travail lundi, pouvez-vous l'éditer ? {bye}",
            "Pouvez-vous déposer {doc} sur la messagerie sécurisée ? {bye}",
            "{hello} je voudrais un certificat médical de non contre-indication au sport pour {rel}, est-ce que le service peut le refaire ? {bye}",
            "Mon ordonnance de renouvellement arrive à la fin, le médecin peut-il m'en renvoyer une copie ? {bye}",
        ],
        "en": [
            "{hello} could you send me a copy of {doc}? I've lost it. {bye}",
            "{hello} I'd like to get {doc} {docof} after the stay in {dept}. {bye}",
            "How do I get hold of {doc}? {bye}",
            "{hello} I need {doc} for my employer, can you email it? {bye}",
            "Please could you forward {doc} {docof}? {bye}",
            "my insurer needs {doc}, can you resend it please",
            "{hello} what's the process to request my late father's medical records? {bye}",
            "Still haven't received {doc} {docof}, could you post it?",
            "{hello} my GP never got {doc}, can you send it to the surgery? {bye}",
            "Can {doc} be uploaded to the patient portal? {bye}",
            "{hello} I need {doc} urgently for some paperwork, thanks",
            "{hello} could I have a duplicate of {doc}? The original got damaged. {bye}",
            "I'd like a full copy of my file, including {doc}. {bye}",
            "{hello} I was told {doc} would come by post but nothing arrived, can I get it by email? {bye}",
            "{hello} work wants {doc} by Monday, could you print one for me? {bye}",
            "My repeat prescription has run out, could the doctor send me a new copy of it? {bye}",
        ],
    },
    "consultation": {
        "fr": [
            "{hello} est-ce que je peux arrêter {drug} ? J'ai {symptom} {dur}. {bye}",
            "{hello} {relp} de {age} a {symptom} {dur}, que dois-je faire ? {bye}",
            "Est-il normal d'avoir {symptom} après {proc} ?",
            "combien de doliprane je peux donner à {relp} de {age} ?",
            "{hello} j'ai oublié de prendre {drug} hier soir, est-ce que je dois doubler la dose aujourd'hui ?",
            "{hello} puis-je prendre {drug} en même temps que l'ibuprofène ? {bye}",
            "j'ai {symptom} {dur}, est-ce grave docteur ?",
            "{hello} ma cicatrice est rouge et chaude depuis {proc}, faut-il s'inquiéter ? {bye}",
            "Je suis enceinte de 5 mois, puis-je prendre {drug} ? {bye}",
            "{hello} depuis que j'ai commencé {drug}, j'ai {symptom}. Dois-je diminuer la dose ? {bye}",
            "{hello} d'après vous, {symptom} {dur}, c'est une allergie ou autre chose ? {bye}",
            "Mes analyses montrent un taux de cholestérol un peu élevé, est-ce que je dois commencer un traitement ?",
            "{hello} {rel} a {symptom} {dur}, faut-il l'emmener chez le médecin ou ça va passer ? {bye}",
            "Je prends {drug}, est-ce que je peux boire de l'alcool ce week-end ?",
            "{hello} est-ce que {symptom} peut être un effet secondaire de {drug} ? {bye}",
            "Que me conseillez-vous pour {symptom} ? {bye}",
            "{hello} mon résultat de prise de sang indique une CRP à 40, qu'est-ce que ça veut dire pour moi ?",
            "Dois-je continuer {drug} pendant la grossesse ? {bye}",
            "{hello} après {proc}, j'ai {symptom}, est-ce que c'est normal ou je dois m'inquiéter ?",
            "c normal d'avoir {symptom} {dur} ? jsuis inquiete",
            "{hello} mon fils a 38,5 de fièvre, je lui donne du paracétamol ou de l'ibuprofène ? {bye}",
            "{hello} je voudrais savoir si je peux reprendre le sport {dur} après {proc}. {bye}",
            "Puis-je espacer les prises de {drug}, je les supporte mal ? {bye}",
            "{hello} est-ce que je devrais passer à une dose plus faible de {drug} ? J'ai {symptom}.",
            "{hello} j'ai {symptom} {dur}, pensez-vous que ce soit lié à mon diabète ? {bye}",
            "Mon médecin m'a prescrit {drug}, mais est-ce vraiment utile dans mon cas ? {bye}",
        ],
        "en": [
            "{hello} can I stop {drug}? I've had {symptom} {dur}. {bye}",
            "{hello} {relp} is {age} and has had {symptom} {dur}, what should I do? {bye}",
            "Is it normal to have {symptom} after {proc}?",
            "how much paracetamol can I give {relp}, who is {age}?",
            "{hello} I forgot {drug} last night, should I take a double dose today? {bye}",
            "{hello} can I take {drug} together with ibuprofen? {bye}",
            "I've had {symptom} {dur}, is it serious?",
            "{hello} my scar has gone red and warm since {proc}, should I be worried? {bye}",
            "I'm 20 weeks pregnant, is it safe to take {drug}? {bye}",
            "{hello} since starting {drug} I get {symptom}. Should I lower the dose? {bye}",
            "{hello} do you think {symptom} {dur} could be an allergy? {bye}",
            "{hello} {rel} has had {symptom} {dur}, does he need antibiotics or will it pass? {bye}",
            "I'm on {drug}, is it ok to drink alcohol at a wedding this weekend?",
            "{hello} could {symptom} be a side effect of {drug}? {bye}",
            "What would you recommend for {symptom}? {bye}",
            "{hello} my blood results say my ferritin is low, what does that mean for me and what should I take?",
            "{hello} after {proc} I have {symptom}, is that normal or should I worry?",
            "{hello} when can I go back to running after {proc}? {bye}",
            "{hello} should I switch to a lower dose of {drug}? I keep getting {symptom}.",
            "My doctor put me on {drug} but do I really need it? {bye}",
        ],
    },
    "urgent": {
        "fr": [
            "{hello} {rel} a une douleur dans la poitrine qui serre très fort depuis 20 minutes, que faire ?",
            "URGENT {rel} a la bouche de travers et n'arrive plus à parler",
            "{relp} respire très mal et ses lèvres deviennent bleues, aidez-moi",
            "je saigne énormément depuis l'accouchement et ça ne s'arrête pas",
            "{rel} est tombé et ne réagit plus, il est inconscient",
            "je n'en peux plus, j'ai envie d'en finir ce soir",
            "je pense à me tuer, je ne vois plus d'issue",
            "{relp} a avalé des comprimés de ma boîte de somnifères il y a 10 minutes",
            "son visage et sa gorge gonflent après une piqûre de guêpe, il a du mal à respirer",
            "Venez vite s'il vous plaît, {rel} est par terre et ne bouge plus",
            "{rel} fait une crise d'épilepsie qui ne s'arrête pas depuis 5 minutes",
            "{relp} a 40 de fièvre, la nuque raide et des taches violettes sur la peau",
            "ma femme a perdu les eaux à 32 semaines et saigne beaucoup, on fait quoi",
            "{rel} s'est coupé profondément avec une scie, le sang gicle",
            "j'ai pris toute la boîte de mes médicaments, je suis désolée",
            "{rel} vient de faire un malaise, il est tout blanc et ne répond pas quand je lui parle",
            "aidez moi {relp} s'étouffe avec un bonbon",
            "mon père a le bras droit qui ne répond plus et il parle bizarrement depuis une heure",
            "j'ai une douleur horrible dans la poitrine et le bras gauche engourdi, je suis seul chez moi",
            "je veux mourir, j'ai préparé les médicaments",
            "{rel} a fait une réaction allergique, sa langue gonfle et il a du mal à respirer",
            "je suis en train de faire un infarctus je crois, la douleur descend dans la mâchoire",
            "{relp} est tombé du balcon, il saigne de la tête",
            "{rel} a bu de la javel par erreur",
            "je viens de me scarifier et ça saigne beaucoup",
            "il y a un homme inconscient devant l'entrée des urgences, personne ne vient",
        ],
        "en": [
            "{hello} {rel} has crushing chest pain right now and is sweating, what do we do",
            "URGENT {rel}'s face is drooping and she can't speak properly",
            "{relp} is not breathing properly and his lips are turning blue, help",
            "I'm bleeding heavily after the birth and it won't stop",
            "{rel} collapsed and is unresponsive",
            "I can't go on anymore, I want to end it all tonight",
            "I'm thinking about killing myself",
            "{relp} swallowed some of my sleeping pills ten minutes ago",
            "his face and throat are swelling after a bee sting and he's struggling to breathe",
            "please come quickly, {rel} is on the floor and not moving",
            "{rel} is having a seizure that won't stop",
            "{relp} has a high fever, a stiff neck and a purple rash that doesn't fade",
            "{rel} cut his arm deeply with a saw and blood is spurting",
            "I took the whole packet of my tablets, I'm sorry",
            "help {relp} is choking on a grape",
            "I think I'm having a heart attack, the pain goes into my jaw",
            "I don't want to live anymore, I have the pills ready",
            "{rel} drank bleach by mistake",
            "there's a man unconscious outside the A&E entrance and nobody is coming",
            "{rel} suddenly can't lift his right arm and his speech is slurred",
        ],
    },
    "complaint": {
        "fr": [
            "{hello} j'ai attendu {wait} aux urgences sans aucune information, c'est inadmissible.",
            "Je tiens à me plaindre de l'accueil à {place}, la personne était très désagréable.",
            "{hello} mon rendez-vous {date} a été annulé sans prévenir, j'avais pris un jour de congé. Je suis furieux.",
            "On m'a facturé une chambre particulière que je n'avais pas demandée, je conteste cette facture.",
            "{hello} impossible de joindre le secrétariat de {dept}, personne ne décroche depuis une semaine !",
            "la chambre de {rel} était sale et personne n'a changé les draps en 3 jours",
            "{hello} {staff} a été méprisant avec ma mère âgée, c'est honteux. {bye}",
            "Le parking est hors de prix et toujours plein, on tourne 30 minutes avant chaque consultation.",
            "{hello} les affaires de {rel} ont été perdues pendant son transfert, personne ne sait où elles sont.",
            "Je suis très déçue de la prise en charge de {rel} à {place}. Aucune explication, aucune écoute.",
            "{hello} ça fait trois mails que j'envoie pour mon dossier et toujours aucune réponse, c'est scandaleux",
            "Les repas servis à {rel} étaient froids et immangeables tous les jours.",
            "{hello} la sortie de {rel} a été très mal organisée : pas d'ordonnance, pas d'explication.",
            "j'ai attendu {wait} en salle d'attente alors que j'avais rendez-vous, personne ne s'est excusé",
            "Votre standard m'a raccroché au nez deux fois. Bravo le service client.",
            "{hello} je dépose une réclamation : on m'a fait payer un dépassement d'honoraires sans me prévenir.",
            "le bruit dans le couloir toute la nuit, impossible de dormir pour {rel}, c'est inacceptable",
            "{hello} {staff} ne s'est même pas présenté et a parlé de mon état devant tout le monde. {bye}",
            "Deux heures de retard pour une consultation de 5 minutes, je n'ai jamais vu ça.",
            "{hello} on m'a envoyé une facture alors que j'ai une prise en charge à 100 %, je refuse de payer.",
            "Je voudrais signaler le manque d'hygiène dans les toilettes de {place}.",
            "{hello} on nous a renvoyés chez nous après {wait} d'attente sans avoir vu de médecin. {bye}",
        ],
        "en": [
            "{hello} I waited {wait} in A&E with no information at all, it's unacceptable.",
            "I want to complain about reception at {place}, the person was really rude.",
            "{hello} my appointment {date} was cancelled without notice and I had taken the day off work. Furious.",
            "I was charged for a private room I never asked for and I dispute this bill.",
            "{hello} impossible to reach the {dept} secretary, nobody has picked up the phone all week!",
            "{rel}'s room was dirty and nobody changed the sheets for three days",
            "{hello} {staff} was dismissive with my elderly mother, it's disgraceful. {bye}",
            "Parking is a rip-off and always full, we drive around for half an hour before every appointment.",
            "{hello} {rel}'s belongings were lost during the transfer and nobody knows where they are.",
            "Very disappointed with how {rel} was treated at {place}. No explanation, nobody listening.",
            "{hello} third email about my file and still no answer, this is a disgrace",
            "The meals {rel} got were cold and inedible every single day.",
            "{hello} {rel}'s discharge was a mess: no prescription, no explanation.",
            "I sat in the waiting room for {wait} despite having an appointment, no apology from anyone",
            "{hello} I'd like to make a formal complaint: I was billed for something the NHS should cover.",
            "Staff talked about my condition in front of everyone in the waiting room. Not ok.",
        ],
    },
    "praise": {
        "fr": [
            "{hello} un grand merci à {staff} pour leur gentillesse pendant le séjour de {rel}. {bye}",
            "Je tenais à remercier {staff}, vous avez été formidables.",
            "Bravo à {staff} de {place}, une prise en charge au top !",
            "{hello} merci pour votre patience et votre écoute, {rel} se sent beaucoup mieux. {bye}",
            "Merci infiniment à {staff} qui ont accompagné la naissance de notre fille ❤️",
            "{hello} je voulais juste dire que l'accueil à {place} était parfait, rapide et souriant.",
            "Toute ma reconnaissance à {staff}, {rel} a été soigné avec beaucoup d'humanité.",
            "Super équipe en {dept}, merci pour tout !!",
            "{hello} merci d'avoir pris le temps de tout m'expliquer avant l'opération, j'étais rassurée. {bye}",
            "Félicitations à {staff} pour votre professionnalisme, continuez comme ça.",
            "merci merci merci à {staff} 🙏",
            "{hello} nous remercions chaleureusement {staff} pour l'accompagnement de notre père en fin de vie.",
            "Très belle expérience en {dept}, personnel aux petits soins. {bye}",
            "{hello} un mot pour saluer le travail de {staff}, malgré la fatigue vous restez souriants.",
            "Service impeccable du début à la fin, merci à {staff} !",
            "{hello} {staff} a été d'une douceur incroyable avec {relp}, merci du fond du coeur.",
            "je voulais remercier {staff} pour leur réactivité, tout s'est très bien passé",
        ],
        "en": [
            "{hello} huge thanks to {staff} for their kindness during {rel}'s stay. {bye}",
            "I just wanted to thank {staff}, you were amazing.",
            "Well done to {staff} at {place}, brilliant care!",
            "{hello} thank you for your patience and for listening, {rel} feels so much better. {bye}",
            "So grateful to {staff} who helped deliver our daughter ❤️",
            "{hello} reception at {place} was perfect, quick and friendly.",
            "Great team in {dept}, thanks for everything!!",
            "{hello} thank you for taking the time to explain everything before my surgery, I felt reassured.",
            "Compliments to {staff} for your professionalism, keep it up.",
            "thank you thank you thank you {staff} 🙏",
            "{hello} we are deeply grateful to {staff} for caring for our father at the end of his life.",
            "Top notch service from start to finish, thanks to {staff}!",
            "{hello} {staff} was incredibly gentle with {relp}, thank you from the bottom of my heart.",
        ],
    },
    "info": {
        "fr": [
            "{hello} quels sont les horaires de visite à {place} ? {bye}",
            "Où peut-on se garer pour venir à {place} ?",
            "{hello} le service de {dept} se trouve dans quel bâtiment ? {bye}",
            "Combien coûte une chambre individuelle ? {bye}",
            "{hello} quels documents faut-il apporter pour une hospitalisation en {dept} ? {bye}",
            "Est-ce que l'hôpital est accessible en tram ou en bus ?",
            "{hello} y a-t-il le wifi dans les chambres ? {bye}",
            "À quelle heure ouvre le centre de prélèvement le samedi ?",
            "{hello} peut-on apporter des fleurs à {rel} en {dept} ? {bye}",
            "Est-ce qu'il y a une pharmacie ouverte la nuit dans l'hôpital ?",
            "{hello} les enfants ont-ils le droit de rendre visite à {place} ? {bye}",
            "Faut-il être à jeun pour une prise de sang classique ? {bye}",
            "{hello} comment se rendre à {place} depuis la gare ? {bye}",
            "Le parking est-il gratuit pour les personnes handicapées ?",
            "{hello} proposez-vous des ateliers d'éducation thérapeutique pour le diabète ? {bye}",
            "La cafétéria est ouverte jusqu'à quelle heure ?",
            "{hello} est-ce que je peux dormir sur place pour accompagner {relp} ? {bye}",
            "Quel est le numéro du standard de {dept} ?",
            "{hello} acceptez-vous la carte vitale et la mutuelle pour le tiers payant ? {bye}",
            "Y a-t-il un interprète pour les patients qui ne parlent pas français ?",
            "{hello} où se trouve l'entrée de {place}, on ne la trouve pas sur le plan ? {bye}",
            "Quels sont les tarifs de la télévision dans les chambres ?",
            "{hello} le service de {dept} prend-il les nouveaux patients ? {bye}",
            "Existe-t-il une consultation de sevrage tabagique dans votre établissement ?",
        ],
        "en": [
            "{hello} what are the visiting hours on {place}? {bye}",
            "Where can we park when coming to {place}?",
            "{hello} which building is {dept} in? {bye}",
            "How much does a private room cost? {bye}",
            "{hello} what should I bring for a planned admission to {dept}? {bye}",
            "Can I get to the hospital by bus or tram?",
            "{hello} is there wifi on the wards? {bye}",
            "What time does the blood test centre open on Saturdays?",
            "{hello} can I bring flowers for {rel} on the ward? {bye}",
            "Is there a pharmacy open at night in the hospital?",
            "{hello} are children allowed to visit {place}? {bye}",
            "{hello} how do I get to {place} from the train station? {bye}",
            "Is parking free for blue badge holders?",
            "What time does the cafe close?",
            "{hello} can a parent stay overnight with {relp}? {bye}",
            "Do you offer interpreters for patients who don't speak English?",
            "{hello} do you run stop smoking clinics? {bye}",
            "Where's the entrance to {place}? Can't find it on the map.",
        ],
    },
    "other": {
        "fr": [
            "Gagnez un iPhone 15 en cliquant sur ce lien !!!",
            "{hello} quel temps fera-t-il ce week-end à Lyon ?",
            "Salut Julie, on se voit toujours ce soir pour le ciné ?",
            "{hello} je vends ma voiture, 120 000 km, bon état, intéressés ?",
            "test test",
            "Qui a gagné le match hier soir ?",
            "{hello} je cherche la recette de la tarte tatin de ma grand-mère",
            "Notre agence SEO peut doubler la visibilité de votre site, contactez-nous.",
            "lol",
            "C'est bien la pizzeria ? Je voudrais commander deux margheritas.",
            "{hello} investissez dans le bitcoin et devenez riche en 30 jours",
            "J'ai perdu mon chat roux dans le quartier, si quelqu'un le voit...",
            "Pourquoi les poules traversent la route ? 😂",
            "{hello} je voudrais des infos sur les horaires de la piscine municipale",
            "Vous savez quand sort le prochain film Marvel ?",
            "Message pour Kevin : rappelle ta mère",
            "{hello} votre mairie organise-t-elle le vide-grenier cette année ?",
            "Abonnez-vous à ma chaîne YouTube !",
            "aaaaaaa",
            "{hello} erreur de destinataire, désolée, ce message était pour mon assurance auto",
            "Quelqu'un veut acheter des places de concert pour samedi ?",
            "Je voudrais connaître les horaires d'ouverture de la déchetterie",
            "{hello} c'est pour un sondage sur les habitudes de consommation, avez-vous 5 minutes ?",
            "Vive les vacances !!!",
        ],
        "en": [
            "Win a free iPhone by clicking this link!!!",
            "{hello} what's the weather going to be like this weekend?",
            "Hey Sam, are we still on for drinks tonight?",
            "{hello} selling my bike, good condition, anyone interested?",
            "test",
            "Who won the game last night?",
            "Our SEO agency can triple your website traffic, get in touch.",
            "lol ok",
            "Is this the pizza place? I'd like to order two large pepperonis.",
            "Invest in crypto now and get rich in 30 days",
            "Lost my ginger cat near the park, let me know if you see him",
            "Why did the chicken cross the road? 😂",
            "Sorry, wrong chat, this was meant for my landlord",
            "When is the next Marvel film out?",
            "Subscribe to my YouTube channel!",
            "{hello} do you know what time the council tip opens?",
            "Anyone want two concert tickets for Saturday?",
            "asdfghjkl",
        ],
    },
}

SMS = [("rendez-vous", "rdv"), ("Rendez-vous", "rdv"), ("bonjour", "bjr"), ("Bonjour", "bjr"),
       ("s'il vous plaît", "svp"), ("s'il te plaît", "stp"), ("beaucoup", "bcp"), ("pourquoi", "pq"),
       ("quand", "qd"), ("je suis", "jsuis"), ("Je suis", "jsuis"), ("c'est", "c"), ("aujourd'hui", "ajd"),
       ("quelque chose", "qqch"), ("j'ai", "jai"), ("J'ai", "jai"), ("est-ce que", "esk"),
       ("please", "pls"), ("you", "u"), ("thanks", "thx"), ("Thanks", "thx"), ("are", "r"),
       ("I'm", "im"), ("don't", "dont"), ("can't", "cant"), ("tonight", "tonite")]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def typo(rng, s):
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    k = rng.randrange(1, len(w) - 1)
    if rng.random() < 0.5:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    else:
        w = w[:k] + w[k + 1:]
    words[i] = w
    return " ".join(words)


def roughen(rng, s):
    r = rng.random()
    if r < 0.25:
        s = strip_accents(s)
    if rng.random() < 0.2:
        s = s.lower()
    if rng.random() < 0.15:
        for a, b in SMS:
            s = s.replace(a, b)
    if rng.random() < 0.15:
        s = typo(rng, s)
    if rng.random() < 0.2:
        s = s.rstrip(" .!?")
    return s


def fill(rng, tpl, lang):
    out = tpl
    for _ in range(8):
        start = out.find("{")
        if start < 0:
            break
        end = out.find("}", start)
        key = out[start + 1:end]
        out = out[:start] + rng.choice(S[lang][key]) + out[end + 1:]
    out = " ".join(out.split())
    return out[0].upper() + out[1:] if out and rng.random() < 0.8 else out


def main():
    rng = random.Random(SEED)
    seen = set()
    n = 0
    for intent, by_lang in T.items():
        for lang, tpls in by_lang.items():
            made = 0
            tries = 0
            while made < PER_INTENT[lang] and tries < 10000:
                tries += 1
                tpl = tpls[made % len(tpls)] if made < len(tpls) else rng.choice(tpls)
                text = roughen(rng, fill(rng, tpl, lang))
                if not text or text in seen:
                    continue
                seen.add(text)
                made += 1
                n += 1
                rec = {"id": "gen-%s-%04d" % (lang, n), "lang": lang, "text": text, "intent": intent}
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
