/*
 * json.h - reading untrusted JSON: bounded parsing and declared-field validation (kcgi's habit).
 *
 * json_parse_bounded() refuses bodies that are too deep before jansson sees them, then parses
 * strictly (no duplicate keys, no NUL in strings, valid UTF-8 only). json_validate() checks an
 * object against a NULL-name-terminated array of declared fields: unknown fields, missing
 * required fields, wrong types and out-of-range lengths are all reported, each as
 * {field, reason}, so a handler only ever sees fields that passed.
 * Writing: small answers go straight into a struct buf with buf_json_str; a long document
 * made of many items (the data export) dumps each item with json_dump_buf as it goes.
 */
#ifndef ENT_CORE_JSON_H
#define ENT_CORE_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "entraide/err.h"

enum json_field_type {
	JF_STRING = 1,
	JF_INT,
	JF_BOOL,
	JF_ARRAY, /* min_len/max_len count elements; the handler checks each one */
	JF_STRINGS, /* an array of strings: min_len..max_len items (0 = no bound); with one_of,
		     * each one of them and no item twice */
};

struct json_field {
	const char *name;
	enum json_field_type type;
	bool required;
	size_t min_len;             /* strings: bytes (arrays: elements), 0 = no minimum */
	size_t max_len;             /* strings: bytes, 0 = no maximum */
	const char *const *one_of;  /* strings: NULL-terminated allowed values, or NULL */
};

/* Reasons reported by json_validate (stable strings, part of the API contract). */
#define JSON_REASON_UNKNOWN "unknown-field"
#define JSON_REASON_REQUIRED "required"
#define JSON_REASON_TYPE "wrong-type"
#define JSON_REASON_SHORT "too-short"
#define JSON_REASON_LONG "too-long"
#define JSON_REASON_VALUE "not-allowed"

struct json_error {
	const char *field;  /* borrowed from the field table or from the parsed object */
	const char *reason; /* one of JSON_REASON_* or a handler's own stable reason */
};

/* Parses data[0..len) into *out (caller json_decref()s it). Returns ENT_ETOODEEP when arrays
 * and objects nest deeper than max_depth, ENT_EJSON when it is not one well-formed JSON value. */
enum ent_err json_parse_bounded(const char *data, size_t len, int max_depth, json_t **out);

/* Checks obj against fields. Appends at most max_errs errors to errs (n_errs counts them) and
 * returns ENT_EINVAL when there is at least one; ENT_OK otherwise. A non-object is one error
 * with field "" and reason wrong-type. */
enum ent_err json_validate(json_t *obj, const struct json_field *fields, struct json_error *errs,
			   size_t max_errs, size_t *n_errs);

/* Appends v as compact JSON (keys in insertion order, UTF-8 as is) to b. */
enum ent_err json_dump_buf(const json_t *v, struct buf *b);
/* A JSON string of s[0..n); invalid UTF-8 is replaced by U+FFFD (never NULL but on no memory). */
json_t *json_text(const char *s, size_t n);

/* Borrowed string value of obj[name], or NULL when absent or not a string. */
const char *json_str(json_t *obj, const char *name, size_t *len);

#endif
