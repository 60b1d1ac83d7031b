/*
 * fuzz_api_input.c - what the API reads from the outside before any handler runs: the JSON
 * body (depth-limited parse, then validation against a route's declared fields), the session
 * cookie (token parse), Accept-Language, the request path against route patterns, and JSON
 * string escaping of what is echoed back. The first byte picks the target.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_handlers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 256 * 1024)
		return 0;
	uint8_t which = data[0] % 5;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	char *s = malloc(n + 1);
	if (!s)
		return 0;
	memcpy(s, p, n);
	s[n] = '\0';
	switch (which) {
	case 0: {
		json_t *v = NULL;
		struct json_error errs[API_MAX_ERRORS];
		size_t n_errs;
		if (json_parse_bounded(p, n, API_JSON_DEPTH, &v) == ENT_OK) {
			json_validate(v, api_account_create_fields, errs, API_MAX_ERRORS, &n_errs);
			json_validate(v, api_me_delete_fields, errs, API_MAX_ERRORS, &n_errs);
			json_decref(v);
		}
		break;
	}
	case 1: {
		unsigned char raw[AUTH_TOKEN_BYTES];
		auth_token_parse(s, strlen(s), raw);
		char norm[AUTH_EMAIL_MAX + 1];
		auth_email_normalize(s, strlen(s), norm);
		char key[STORE_HANDLE_MAX + 1];
		api_handle_key(s, key);
		break;
	}
	case 2:
		http_lang_from_accept(s);
		break;
	case 3: {
		struct http_params params;
		bool known;
		api_route_find("GET", s, &known, &params);
		http_path_match("/a/{x}/b/{y}", s, &params);
		break;
	}
	default: {
		struct buf b;
		buf_init(&b, 1024 * 1024);
		buf_json_str(&b, p, n);
		buf_clear(&b);
		break;
	}
	}
	free(s);
	return 0;
}
