/* json.c - bounded JSON parsing and field validation; see json.h. */
#include "core/json.h"

#include <string.h>

enum ent_err json_parse_bounded(const char *data, size_t len, int max_depth, json_t **out)
{
	*out = NULL;
	/* Count nesting outside strings first: jansson's own limit is far too generous. */
	int depth = 0;
	bool in_str = false;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '[' || c == '{') {
			if (++depth > max_depth)
				return ENT_ETOODEEP;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	json_error_t jerr;
	json_t *v = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	if (!v)
		return ENT_EJSON;
	*out = v;
	return ENT_OK;
}

static void add(struct json_error *errs, size_t max_errs, size_t *n, const char *field,
		const char *reason)
{
	if (*n < max_errs) {
		errs[*n].field = field;
		errs[*n].reason = reason;
	}
	(*n)++;
}

static bool is_one_of(const char *const *one_of, const char *s, size_t n)
{
	for (const char *const *o = one_of; *o; o++)
		if (strlen(*o) == n && memcmp(*o, s, n) == 0)
			return true;
	return false;
}

/* JF_STRINGS: an array of strings; with one_of, distinct and each allowed. */
static const char *check_strings(const struct json_field *f, json_t *v)
{
	if (!json_is_array(v))
		return JSON_REASON_TYPE;
	size_t n = json_array_size(v);
	if (f->min_len && n < f->min_len)
		return JSON_REASON_SHORT;
	if (f->max_len && n > f->max_len)
		return JSON_REASON_LONG;
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		if (!json_is_string(e))
			return JSON_REASON_TYPE;
		if (!f->one_of)
			continue;
		if (!is_one_of(f->one_of, json_string_value(e), json_string_length(e)))
			return JSON_REASON_VALUE;
		for (size_t j = 0; j < i; j++)
			if (json_equal(e, json_array_get(v, j)))
				return JSON_REASON_VALUE;
	}
	return NULL;
}

static const char *check_one(const struct json_field *f, json_t *v)
{
	switch (f->type) {
	case JF_STRINGS:
		return check_strings(f, v);
	case JF_INT:
		return json_is_integer(v) ? NULL : JSON_REASON_TYPE;
	case JF_BOOL:
		return json_is_boolean(v) ? NULL : JSON_REASON_TYPE;
	case JF_ARRAY:
		if (!json_is_array(v))
			return JSON_REASON_TYPE;
		if (f->min_len && json_array_size(v) < f->min_len)
			return JSON_REASON_SHORT;
		if (f->max_len && json_array_size(v) > f->max_len)
			return JSON_REASON_LONG;
		return NULL;
	case JF_STRING:
		break;
	default:
		return JSON_REASON_TYPE;
	}
	if (!json_is_string(v))
		return JSON_REASON_TYPE;
	size_t n = json_string_length(v);
	if (f->min_len && n < f->min_len)
		return JSON_REASON_SHORT;
	if (f->max_len && n > f->max_len)
		return JSON_REASON_LONG;
	if (f->one_of && !is_one_of(f->one_of, json_string_value(v), n))
		return JSON_REASON_VALUE;
	return NULL;
}

enum ent_err json_validate(json_t *obj, const struct json_field *fields, struct json_error *errs,
			   size_t max_errs, size_t *n_errs)
{
	size_t n = 0;
	if (!json_is_object(obj)) {
		add(errs, max_errs, &n, "", JSON_REASON_TYPE);
		*n_errs = n < max_errs ? n : max_errs;
		return ENT_EINVAL;
	}
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		const struct json_field *f = fields;
		while (f && f->name && strcmp(f->name, key) != 0)
			f++;
		if (!f || !f->name)
			add(errs, max_errs, &n, key, JSON_REASON_UNKNOWN);
	}
	for (const struct json_field *f = fields; f && f->name; f++) {
		v = json_object_get(obj, f->name);
		const char *reason = v ? check_one(f, v) : (f->required ? JSON_REASON_REQUIRED : NULL);
		if (reason)
			add(errs, max_errs, &n, f->name, reason);
	}
	*n_errs = n < max_errs ? n : max_errs;
	return n ? ENT_EINVAL : ENT_OK;
}

const char *json_str(json_t *obj, const char *name, size_t *len)
{
	json_t *v = json_object_get(obj, name);
	if (!json_is_string(v))
		return NULL;
	if (len)
		*len = json_string_length(v);
	return json_string_value(v);
}

static int dump_cb(const char *p, size_t n, void *b)
{
	return buf_append(b, p, n) ? -1 : 0;
}

enum ent_err json_dump_buf(const json_t *v, struct buf *b)
{
	if (json_dump_callback(v, dump_cb, b, JSON_COMPACT | JSON_ENCODE_ANY))
		return buf_err(b) ? buf_err(b) : ENT_ENOMEM;
	return buf_err(b);
}

json_t *json_text(const char *s, size_t n)
{
	json_t *j = json_stringn(s ? s : "", s ? n : 0);
	if (j)
		return j;
	/* not UTF-8: buf_json_str writes a valid JSON string with U+FFFD in its place */
	struct buf b;
	buf_init(&b, n * 3 + 16);
	buf_json_str(&b, s, n);
	j = buf_err(&b) ? NULL : json_loadb(b.p, b.len, JSON_DECODE_ANY, NULL);
	buf_clear(&b);
	return j;
}
