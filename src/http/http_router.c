/* http_router.c - path patterns with {param} segments, and the request language. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/http.h"

bool http_path_match(const char *pattern, const char *path, struct http_params *params)
{
	params->n = 0;
	const char *p = pattern, *u = path;
	while (*p && *u) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close || params->n >= HTTP_MAX_PARAMS)
				return false;
			size_t seg = strcspn(u, "/");
			if (seg == 0 || seg >= sizeof params->value[0])
				return false;
			params->name[params->n] = p + 1; /* up to '}' */
			memcpy(params->value[params->n], u, seg);
			params->value[params->n][seg] = '\0';
			params->n++;
			p = close + 1;
			u += seg;
			continue;
		}
		if (*p != *u)
			return false;
		p++, u++;
	}
	return *p == '\0' && *u == '\0';
}

enum http_lang http_lang_from_accept(const char *al)
{
	double best_fr = -1, best_en = -1;
	int pos = 0, pos_fr = 1 << 30, pos_en = 1 << 30;
	if (!al)
		return HTTP_LANG_FR;
	const char *s = al;
	while (*s) {
		while (*s == ' ' || *s == ',')
			s++;
		if (!*s)
			break;
		size_t n = strcspn(s, ",");
		const char *end = s + n;
		size_t tag = strcspn(s, ";, ");
		if (tag > (size_t)(end - s))
			tag = (size_t)(end - s);
		double q = 1.0;
		const char *semi = memchr(s, ';', (size_t)(end - s));
		if (semi) {
			const char *qp = strstr(semi, "q=");
			if (qp && qp < end)
				q = strtod(qp + 2, NULL);
		}
		bool fr = tag >= 2 && strncasecmp(s, "fr", 2) == 0 && (tag == 2 || s[2] == '-');
		bool en = tag >= 2 && strncasecmp(s, "en", 2) == 0 && (tag == 2 || s[2] == '-');
		if (fr && q > best_fr)
			best_fr = q, pos_fr = pos;
		if (en && q > best_en)
			best_en = q, pos_en = pos;
		pos++;
		s = end;
	}
	if (best_en > 0 && (best_en > best_fr || (best_en == best_fr && pos_en < pos_fr)))
		return HTTP_LANG_EN;
	return HTTP_LANG_FR;
}
