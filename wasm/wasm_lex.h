/*
 * wasm_lex.h - the text engine's word tables in the browser build (wasm/wasm_lex.c).
 */
#ifndef ENT_WASM_LEX_H
#define ENT_WASM_LEX_H

#include "entraide/err.h"

/* Builds priv_lex_tab from the packed keys, as the native build holds it. ENT_EINTERNAL when
 * the packed keys are malformed or the table differs from the generator's digest, ENT_ENOMEM. Called once, before any scan. */
enum ent_err wasm_lex_unpack(void);

#endif
