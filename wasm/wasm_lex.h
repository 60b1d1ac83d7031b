/*
 * wasm_lex.h - the text engine's word tables in the browser build (wasm/wasm_lex.c).
 */
#ifndef ENT_WASM_LEX_H
#define ENT_WASM_LEX_H

#include "entraide/err.h"

/* Builds priv_lex_tab and priv_lex_bucket from the packed keys, as the native build holds
 * them. ENT_EINTERNAL when the packed keys are malformed or the tables differ from the
 * generator's digest, ENT_ENOMEM. Called once, before any scan. */
enum ent_err wasm_lex_unpack(void);

#endif
