/*
 * priv_ids.h - the identifier passes' parts (inside src/privacy/text/ only).
 */
#ifndef PRIV_IDS_H
#define PRIV_IDS_H

#include "privacy/text/priv_text.h"

/* priv_ids_ref.c: a number a sentence refers back to after naming a record's label ("mine
 * (4471-0082)", "c'est le 40017723"), the last four digits named after a label ("SSN last 4 is
 * 1206"). Run at the end of priv_find_words_ids. */
void priv_find_ids_ref(struct pctx *c);

#endif
