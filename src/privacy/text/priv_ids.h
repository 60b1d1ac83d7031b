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
/* Is label k, if it is one of the labels that are also words or common letters (SIN, NAS, CNI,
 * CIN, IHI, TFN: "what a sin", "ma cni de 2015"), written in capitals before a code of 8 or more
 * letters and digits starting at token i? 1 for every other label. (priv_ids_ref.c) */
int priv_weak_label_ok(const struct pctx *c, size_t k, size_t i);
/* An IBAN printed in groups of four from token i to token last, its country's length, whose
 * key try_iban() refused ("FR76 1027 8060 3100 0205 8831 472"): added as an ID. (priv_ids_bank.c) */
int priv_iban_printed(struct pctx *c, size_t i, size_t last);
/* What lies between an IBAN's groups k-1 and k is nothing, one byte, or one no-break space
 * (U+00A0, U+202F: "FR76\u00a03000...", what a word processor or a bank's page puts there). */
int priv_iban_gap(const struct pctx *c, size_t k);

#endif
