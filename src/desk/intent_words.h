/*
 * intent_words.h - word lists the pattern tables share (intent_patterns.c): medicines, drinks,
 * times of now, a past attempt. Moved out of the tables in the twenty-second session so that the
 * tables stay under the layout's 900 lines; only intent_patterns.c includes it.
 */
#ifndef ENT_DESK_INTENT_WORDS_H
#define ENT_DESK_INTENT_WORDS_H

/* "1h", "2h30", "20min": a short while, in one token. */
#define HOURS "1h*|2h*|3h*|4h*|5h*|10min*|15min*|20min*|30min*|45min*"

/* Drinks everything left may be taken with. */
#define ALCOHOLS                                                                                   \
	"alcool|alcohol|vodka|whisky|whiskey|wine|vin|booze|rhum|rum|gin|tequila|pastis|beer|beers|biere|bieres"

/* Medicines people take too many of, by family, common brand names included. */
#define DRUGS                                                                                      \
	"medoc*|medicament*|cachet*|comprime*|gelule*|pilule*|somnif*|anxiolyt*|xanax|lexomil|temesta|"   \
	"valium|stilnox|zolpidem|tramadol|codein*|codamol|cocodamol|codoliprane|ixprim|lamaline|izalgi|" \
	"pills|tablets|tabs|capsules|caps|sleeping|painkiller*|antidepress*|oxycodone|oxycontin|morphin*|seresta|"  \
	"lysanxia|imovane|zopiclone|diazepam|lorazepam|alprazolam|benzo*|doliprane*|paracetamol*|"        \
	"tylenol|panadol|advil|nurofen|ibuprofen*|dafalgan*|efferalgan*|aspirin*|insulin*|lithium|"       \
	"lyrica|seroplex|prozac|zoloft|sertraline|atarax|laroxyl|deroxat|fentanyl|heroin*|cocaine|coke|"  \
	"mdma|ketamine|ghb|subutex|methadone|levothyrox|kardegic|previscan|coumadine|warfarin*|xarelto|"        \
	"eliquis|digoxin*|metformin*|depakine|tegretol|risperdal|abilify|quetiapine|seroquel|olanzapine|"   \
	"zyprexa|haldol|tercian|loxapac|propranolol|avlocardyl|amlodipine|clonazepam|rivotril|mogadon"

/* A suicide attempt, or an overdose, told in the past (a repetition after it is a crisis; "3
 * tentatives d'appel" is not one, nor "attempted to book": intent_rules.c, attempt_is_suicidal). */
#define ATTEMPT "ts|tentative|attempted|overdosed|oded|tente"
/* Medicines in general words, for "all my medicines" taken. */
#define MEDS "meds|medocs|medoc|medicaments|medication|medications|medicines|pills|pill|tablets|cachets|comprimes|" \
             "gelules|pilules|boites"
/* Now, or within hours. */
#define NOW_WORDS "soir|nuit|tonight|maintenant|now|ajd|aujourd|today|demain|tomorrow"
/* the time before "finishing what I started" after a past attempt: now, or "this time" ("Tentative
 * l'an dernier. Cette fois je vais terminer ce que j'ai commencé."); without one, an exam or a
 * marathon finished next year was read as a crisis (the twentieth session's second review) */
#define NOW_FINISH "tonight|today|tomorrow|soir|nuit|ajd|aujourd|demain|time|fois"

/* A temperature read, "38.4", "38,4", "38°", "39 C" (the tokens "38" "4"): not a bare 38 ("born at
 * 38 weeks", "I'm 39", "salle 40"). */
#define READING "38|39|40|41 ~0 0|1|2|3|4|5|6|7|8|9|c|degres|degre|degrees|\xc2\xb0"
/* A baby's age in days or weeks, after "of" / "de". */
#define BABY_AGE                                                                                   \
	"1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|20|21|un|deux|trois|quatre|quinze|one|two|three|four ~0 jours|jour|" \
	"semaines|semaine|sem|days|weeks"

#endif
