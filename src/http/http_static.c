/*
 * http_static.c - the web front end as static files: embedded in the binary at build time
 * (mk/web.mk), or read from a directory (`serve --web DIR`; the files the build makes, the
 * privacy module's WebAssembly, still come from the binary). Paths under /static/ are files;
 * any other path gets the single-page shell (index.html), except files that exist at the top
 * of web/ (robots.txt, favicon.ico...).
 * Not responsible for: deciding which paths are the front end's (src/api/api_dispatch.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "http/http.h"

static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".json", "application/json"},
	{".webmanifest", "application/manifest+json"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".jpg", "image/jpeg"},
	{".jpeg", "image/jpeg"},
	{".webp", "image/webp"},
	{".ico", "image/x-icon"},
	{".woff2", "font/woff2"},
	{".txt", "text/plain; charset=utf-8"},
	{".map", "application/json"},
	{".wasm", "application/wasm"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* Only plain names: [A-Za-z0-9._-] segments, none empty or starting with a dot. */
static bool safe_path(const char *p)
{
	if (p[0] != '/' || strlen(p) > 200)
		return false;
	for (const char *s = p; *s; s++) {
		if (*s == '/') {
			if (s[1] == '/' || s[1] == '.' || s[1] == '\0')
				return false;
			continue;
		}
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

static const struct http_embedded *find_in(const struct http_embedded *table, const char *path)
{
	for (const struct http_embedded *f = table; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}

static bool read_disk(const char *dir, const char *path, struct http_req *r)
{
	char full[2048];
	size_t dl = strlen(dir);
	if (dl + strlen(path) + 1 > sizeof full)
		return false;
	memcpy(full, dir, dl);
	strcpy(full + dl, path);
	int fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < 20 * 1024 * 1024;
	buf_clear(&r->out);
	char chunk[8192];
	while (ok) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = n == 0;
			break;
		}
		ok = buf_append(&r->out, chunk, (size_t)n) == ENT_OK;
	}
	close(fd);
	if (!ok)
		buf_clear(&r->out);
	return ok;
}

/* Loads path into r (a borrowed embedded body, or r->out from dir); *emb is the embedded
 * file, NULL when read from dir. */
static bool load(const char *dir, const char *path, struct http_req *r,
		 const struct http_embedded **emb)
{
	*emb = NULL;
	if (!safe_path(path))
		return false;
	/* The files the build makes (the privacy module's WebAssembly) are never in web/: a
	 * directory served instead of web/ gets them from the binary too. */
	if (dir && read_disk(dir, path, r))
		return true;
	*emb = dir ? NULL : find_in(http_web_files, path);
	if (!*emb)
		*emb = find_in(http_web_gen_files, path);
	if (!*emb)
		return false;
	r->out_static = (*emb)->data;
	r->out_static_len = (*emb)->len;
	return true;
}

bool http_accepts_gzip(const char *ae)
{
	if (!ae)
		return false;
	for (const char *p = ae; *p;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		size_t n = strcspn(p, ",; \t");
		bool match = (n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
			     (n == 6 && strncasecmp(p, "x-gzip", 6) == 0) || (n == 1 && *p == '*');
		p += n;
		size_t rest = strcspn(p, ",");
		bool zero = false;
		const char *q = p;
		while (q < p + rest) { /* ;q=0, ;q=0.0, ;q=0.000 refuse it */
			while (q < p + rest && (*q == ';' || *q == ' ' || *q == '\t'))
				q++;
			if (p + rest - q >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
				const char *v = q + 2;
				zero = *v == '0';
				for (v++; zero && v < p + rest && *v != ';' && *v != ' '; v++)
					zero = *v == '.' || *v == '0';
			}
			q += strcspn(q, ";");
			if (q > p + rest)
				q = p + rest;
		}
		if (match && !zero)
			return true;
		p += rest;
	}
	return false;
}

/* A path parameter written into a preload as it is: a plain name (what encodeURIComponent
 * leaves as it is, so the URL is the one the page asks). */
static bool plain_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-'))
			return false;
	return true;
}

/* One first GET of a page (a line of http_shell_route.data, {name} from the path) as a
 * <link rel="preload" as="fetch">; nothing when a parameter is not a plain name. crossorigin
 * (anonymous: same-origin credentials) is what the page's fetch() asks, so it takes this
 * answer instead of asking again. */
static enum ent_err data_link(struct buf *out, const char *line, size_t len, const struct http_params *p)
{
	char url[512];
	size_t u = 0;
	for (size_t i = 0; i < len;) {
		const char *piece = line + i;
		size_t n = 1;
		if (line[i] == '{') {
			size_t close = i + 1;
			while (close < len && line[close] != '}')
				close++;
			piece = NULL;
			for (size_t k = 0; k < p->n && !piece; k++)
				if (strncmp(p->name[k], line + i + 1, close - i - 1) == 0 && p->name[k][close - i - 1] == '}')
					piece = p->value[k];
			if (!piece || !plain_name(piece))
				return ENT_OK;
			n = strlen(piece);
			i = close + 1;
		} else {
			i++;
		}
		if (u + n >= sizeof url)
			return ENT_OK;
		memcpy(url + u, piece, n);
		u += n;
	}
	url[u] = '\0';
	return buf_printf(out, "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"%s\">\n", url);
}

/* What the shell of this path preloads beyond its own modules (issue 15), so that the page's
 * modules, stylesheets and first GETs are all asked as the shell arrives, not after app.js
 * has run: the first route of routes.js matching the path (as routes.js's match(): one
 * trailing slash allowed) gives its links and its first GETs (these only without a query
 * string, which changes what the page asks). Nothing for a members' page to a visitor (who is
 * sent to log in) or a visitors' page to a member (sent home). */
static enum ent_err route_links(struct http_req *r, bool member, struct buf *out)
{
	char path[256];
	size_t n = strlen(r->path);
	if (n >= sizeof path)
		return ENT_OK;
	memcpy(path, r->path, n + 1);
	if (n > 1 && path[n - 1] == '/')
		path[n - 1] = '\0';
	struct http_params params;
	for (const struct http_shell_route *rt = http_web_files_routes; rt->pattern; rt++) {
		if (!http_path_match(rt->pattern, path, &params))
			continue;
		if ((rt->access == 1 && !member) || (rt->access == 2 && member))
			return ENT_OK;
		enum ent_err err = buf_puts(out, rt->links);
		if (err || http_query_count(r) > 0)
			return err;
		for (const char *line = rt->data; !err && *line;) {
			size_t len = strcspn(line, "\n");
			err = data_link(out, line, len, &params);
			line += len + (line[len] == '\n');
		}
		return err;
	}
	return ENT_OK;
}

/* The shell rewritten for this request: in English, <html lang>, the skip link (the first
 * bytes a screen reader or a translator reads, before the scripts draw the rest in the same
 * language) and the preload of the language's catalogue (the only one the page fetches); for
 * a member, <html data-member>, so that the page asks who is there (GET /api/v1/me) only when
 * someone may be: a visitor's page makes no request that fails; before </head>, head_end
 * ("</head>" after the path's preloads). */
static enum ent_err shell_rewrite(struct http_req *r, bool english, bool member, const char *head_end)
{
	static const char *const html_tag[2][2] = {
		{"<html lang=\"fr\">", "<html lang=\"fr\" data-member>"},
		{"<html lang=\"en\">", "<html lang=\"en\" data-member>"},
	};
	const struct {
		const char *fr, *en;
	} swap[] = {
		{"<html lang=\"fr\">", html_tag[english][member]},
		{"Aller au contenu principal", english ? "Skip to main content" : "Aller au contenu principal"},
		{"/static/i18n/fr.js", english ? "/static/i18n/en.js" : "/static/i18n/fr.js"},
		{"</head>", head_end},
	};
	struct buf src;
	buf_init(&src, HTTP_RESP_MAX);
	enum ent_err err = r->out_static ? buf_append(&src, r->out_static, r->out_static_len)
					 : buf_append(&src, r->out.p, r->out.len);
	if (!err)
		err = buf_append(&src, "", 1); /* a terminator for strstr */
	buf_clear(&r->out);
	const char *at = src.p;
	while (!err && at && *at) {
		const char *best = NULL;
		size_t which = 0;
		for (size_t i = 0; i < sizeof swap / sizeof swap[0]; i++) {
			const char *f = strstr(at, swap[i].fr);
			if (f && (!best || f < best)) {
				best = f;
				which = i;
			}
		}
		if (!best) {
			err = buf_append(&r->out, at, strlen(at));
			break;
		}
		err = buf_append(&r->out, at, (size_t)(best - at));
		if (!err)
			err = buf_append(&r->out, swap[which].en, strlen(swap[which].en));
		at = best + strlen(swap[which].fr);
	}
	buf_clear(&src);
	r->out_static = NULL;
	r->out_static_len = 0;
	return err;
}

/* An entity tag of a rewritten shell as sent: its bytes' hash, "-gz" when http_server.c will
 * compress it for this client (text/html from HTTP_GZIP_MIN bytes). */
static void shell_etag(struct http_req *r, char tag[32])
{
	unsigned char h[12];
	crypto_generichash(h, sizeof h, (const unsigned char *)r->out.p, r->out.len, NULL, 0);
	char hex[2 * sizeof h + 1];
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	bool gz = r->out.len >= HTTP_GZIP_MIN && http_accepts_gzip(http_header(r, "Accept-Encoding"));
	snprintf(tag, 32, "\"%s%s\"", hex, gz ? "-gz" : "");
}

enum ent_err http_static_serve(struct http_req *r, const char *dir, enum http_lang lang, bool member)
{
	const char *path = r->path;
	bool is_static = strncmp(path, "/static/", 8) == 0;
	const struct http_embedded *emb;
	bool shell = false;
	if (is_static || (strchr(path + 1, '/') == NULL && strcmp(path, "/") != 0 &&
			  strcmp(path, "/index.html") != 0 && load(dir, path, r, &emb))) {
		if (is_static && !load(dir, path, r, &emb))
			return ENT_ENOTFOUND;
	} else {
		if (!load(dir, "/index.html", r, &emb))
			return ENT_ENOTFOUND;
		path = "/index.html";
		shell = true;
	}
	r->content_type = type_of(path);
	const char *etag = emb ? emb->etag : NULL;
	bool english = shell && lang == HTTP_LANG_EN;
	struct buf links;
	buf_init(&links, 64 * 1024);
	enum ent_err e = shell && emb ? route_links(r, member, &links) : ENT_OK;
	if (!e)
		e = buf_puts(&links, "</head>");
	bool rewritten = english || (shell && member) || links.len > strlen("</head>");
	char shell_tag[32];
	if (!e && rewritten)
		e = shell_rewrite(r, english, shell && member, links.p);
	buf_clear(&links);
	if (e)
		return e;
	if (rewritten) {
		shell_etag(r, shell_tag); /* the embedded tag is of the visitor's French bytes */
		etag = shell_tag;
	}
	bool gzipped = emb && emb->gz && !rewritten && http_accepts_gzip(http_header(r, "Accept-Encoding"));
	if (gzipped) {
		r->out_static = emb->gz;
		r->out_static_len = emb->gz_len;
		etag = emb->gz_etag;
	}
	/* The module URLs do not change between versions, so browsers must revalidate every
	 * file (no-cache); the entity tag makes that a 304 without a body when nothing changed.
	 * The shell's language follows Accept-Language or the session cookie; a file with a
	 * compressed copy follows Accept-Encoding: caches are told (Vary). */
	enum ent_err err = http_add_header(r, "Cache-Control", "no-cache");
	if (!err && etag)
		err = http_add_header(r, "ETag", etag);
	if (!err && gzipped)
		err = http_add_header(r, "Content-Encoding", "gzip");
	if (!err && shell)
		err = http_add_header(r, "Vary", emb && emb->gz ? "Accept-Encoding, Accept-Language, Cookie"
							: "Accept-Language, Cookie");
	else if (!err && emb && emb->gz)
		err = http_add_header(r, "Vary", "Accept-Encoding");
	if (err)
		return err;
	const char *inm = http_header(r, "If-None-Match");
	if (etag && inm && strstr(inm, etag)) {
		r->status = 304;
		r->out_static = NULL;
		r->out_static_len = 0;
		buf_clear(&r->out);
		return ENT_OK;
	}
	r->status = 200;
	return ENT_OK;
}
