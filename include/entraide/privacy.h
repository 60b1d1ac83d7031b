/*
 * privacy.h - text de-identification: finds what in a text identifies a person (rule R1).
 *
 * Give the engine UTF-8 text and a language, get back spans (UTF-8 byte offsets, a category,
 * a confidence and the name of the recogniser that found them), or a redacted copy of the
 * text. The engine has no dependency on the server, reads nothing at run time (its word
 * lists are compiled in) and keeps no global mutable state.
 *
 * Threads: create one engine with ent_priv_engine_new() at start-up and share it. After
 * creation the engine is read-only: any number of threads may call ent_priv_scan() and
 * ent_priv_redact() on the same engine at the same time, each with its own output structs.
 *
 * Ownership: outputs are caller-provided structs filled by the call; release them with
 * ent_priv_spans_clear() / ent_priv_result_clear() (both accept a zeroed or cleared struct).
 * Input text is borrowed and never kept. On error the output struct is left zeroed.
 *
 * Memory is bounded: a text longer than ENT_PRIV_MAX_TEXT bytes is refused (ENT_ETOOBIG),
 * and one call allocates at most a small multiple of the text's length.
 */
#ifndef ENTRAIDE_PRIVACY_H
#define ENTRAIDE_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

#include "entraide/err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest text one call accepts, in bytes. */
#define ENT_PRIV_MAX_TEXT ((size_t)1 << 20)

/* Categories. NAME, CONTACT and ID are direct identifiers (they block publication);
 * LOCATION, DATE and AGE are quasi identifiers (they are pointed out). */
enum ent_priv_type {
	ENT_PRIV_NAME,
	ENT_PRIV_CONTACT,
	ENT_PRIV_ID,
	ENT_PRIV_LOCATION,
	ENT_PRIV_DATE,
	ENT_PRIV_AGE,
	ENT_PRIV__NTYPES
};

enum ent_priv_lang {
	ENT_PRIV_AUTO, /* guess from the text (French when unsure) */
	ENT_PRIV_FR,
	ENT_PRIV_EN
};

enum ent_priv_policy {
	ENT_PRIV_MASK,        /* each span becomes its label: [NOM], [CONTACT], [IDENTIFIANT]... */
	ENT_PRIV_PSEUDONYMISE, /* names become consistent placeholders, the rest is masked */
	ENT_PRIV_REPORT       /* the text is returned unchanged; only the spans matter */
};

struct ent_priv_span {
	size_t start; /* UTF-8 byte offset of the first byte */
	size_t end;   /* byte offset one past the last byte */
	enum ent_priv_type type;
	float confidence;       /* 0..1: how sure the recogniser is */
	const char *recogniser; /* static string ("nir", "phone_fr", "name_context"...) */
};

struct ent_priv_spans {
	struct ent_priv_span *v; /* sorted by start, never overlapping; owned by the struct */
	size_t n;
	enum ent_priv_lang lang; /* the language used (the detected one for ENT_PRIV_AUTO) */
};

struct ent_priv_result {
	char *text; /* the redacted text, NUL-terminated, owned by the struct */
	size_t len; /* its length in bytes, without the NUL */
	struct ent_priv_spans spans; /* spans in the ORIGINAL text's offsets */
};

struct ent_priv_engine;

/* Creates an engine over the compiled-in word lists. ENT_ENOMEM on allocation failure. */
enum ent_err ent_priv_engine_new(struct ent_priv_engine **out);

/* Releases an engine (no call may be running on it). NULL is a no-op. */
void ent_priv_engine_free(struct ent_priv_engine *eng);

/* Finds the identifiers in text[0..len). The text need not be NUL-terminated.
 * Errors: ENT_EINVAL (NULL argument), ENT_EUTF8 (invalid UTF-8), ENT_ETOOBIG, ENT_ENOMEM. */
enum ent_err ent_priv_scan(const struct ent_priv_engine *eng, const char *text, size_t len,
			   enum ent_priv_lang lang, struct ent_priv_spans *out);

/* Scans, then writes the text with the policy applied. Same errors as ent_priv_scan(). */
enum ent_err ent_priv_redact(const struct ent_priv_engine *eng, const char *text, size_t len,
			     enum ent_priv_lang lang, enum ent_priv_policy policy,
			     struct ent_priv_result *out);

/* Frees what a scan or redact call put in the struct and zeroes it. NULL is a no-op. */
void ent_priv_spans_clear(struct ent_priv_spans *spans);
void ent_priv_result_clear(struct ent_priv_result *res);

/* "NAME", "CONTACT", "ID", "LOCATION", "DATE", "AGE" (the annotation names); "?" if unknown. */
const char *ent_priv_type_name(enum ent_priv_type type);

/* Whether a finding of this type identifies someone by itself (name, contact, identifier),
 * rather than being a quasi-identifier that does so only with others (place, date, age). */
bool ent_priv_is_direct(enum ent_priv_type type);

/* The mask label in a language: "[NOM]"/"[NAME]", "[CONTACT]", "[IDENTIFIANT]"/"[ID]",
 * "[LIEU]"/"[PLACE]", "[DATE]", "[ÂGE]"/"[AGE]". */
const char *ent_priv_type_label(enum ent_priv_type type, enum ent_priv_lang lang);

/* Parses "fr", "en" or "auto"; "mask", "pseudonymise" (or "pseudonymize") or "report".
 * ENT_EINVAL for anything else. */
enum ent_err ent_priv_lang_parse(const char *s, enum ent_priv_lang *out);
enum ent_err ent_priv_policy_parse(const char *s, enum ent_priv_policy *out);

/* Handles (pseudonyms chosen at sign-up): does the handle say who the member is? The rules
 * differ from texts' (see priv_handle.c): a first name beside a surname, a mail provider, a
 * phone number, or a name with a year of birth or a postcode is refused; a first name or a
 * surname alone, or a year alone, is pointed out and kept if the member confirms. */
#define ENT_PRIV_HANDLE_MAX 64

enum ent_priv_handle_verdict {
	ENT_PRIV_HANDLE_OK,          /* nothing found */
	ENT_PRIV_HANDLE_CONFIRM,     /* point it out; keep it if the member confirms */
	ENT_PRIV_HANDLE_IDENTIFYING  /* refuse it */
};

struct ent_priv_handle_check {
	enum ent_priv_handle_verdict verdict;
	/* why, when not OK: "full-name", "email", "phone", "name-and-number", "first-name",
	 * "surname", "birth-year", "birth-date", "postcode" (a static string) */
	const char *reason;
	char found[64]; /* the words or digits found, lower case, separated by spaces */
};

/* Checks handle[0..len) (ASCII letters, digits, '.', '_', '-'; len <= ENT_PRIV_HANDLE_MAX).
 * Reads only compiled-in tables: any thread may call it. ENT_EINVAL for an empty or too long
 * handle. */
enum ent_err ent_priv_handle_check(const char *handle, size_t len, struct ent_priv_handle_check *out);

/* True when a lower-case ASCII word is no name, town or region in the tables: a word that
 * may go into a suggested handle. */
bool ent_priv_handle_word_ok(const char *word);

#ifdef __cplusplus
}
#endif
#endif
