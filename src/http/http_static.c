/*
 * http_static.c - the web front end as static files: embedded in the binary at build time
 * (mk/web.mk), or read from a directory (`serve --web DIR`). Paths under /static/ are files;
 * any other path gets the single-page shell (index.html), except files that exist at the top
 * of web/ (robots.txt, favicon.ico...).
 * Not responsible for: deciding which paths are the front end's (src/api/api_dispatch.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static bool find_embedded(const char *path, struct http_req *r, const char **etag)
{
	for (const struct http_embedded *f = http_web_files; f->path; f++) {
		if (strcmp(f->path, path) == 0) {
			r->out_static = f->data;
			r->out_static_len = f->len;
			*etag = f->etag;
			return true;
		}
	}
	return false;
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

static bool load(const char *dir, const char *path, struct http_req *r, const char **etag)
{
	*etag = NULL;
	if (!safe_path(path))
		return false;
	return dir ? read_disk(dir, path, r) : find_embedded(path, r, etag);
}

enum ent_err http_static_serve(struct http_req *r, const char *dir)
{
	const char *path = r->path;
	bool is_static = strncmp(path, "/static/", 8) == 0;
	const char *etag;
	if (is_static || (strchr(path + 1, '/') == NULL && strcmp(path, "/") != 0 &&
			  strcmp(path, "/index.html") != 0 && load(dir, path, r, &etag))) {
		if (is_static && !load(dir, path, r, &etag))
			return ENT_ENOTFOUND;
	} else {
		if (!load(dir, "/index.html", r, &etag))
			return ENT_ENOTFOUND;
		path = "/index.html";
	}
	r->content_type = type_of(path);
	/* The module URLs do not change between versions, so browsers must revalidate every
	 * file (no-cache); the entity tag makes that a 304 without a body when nothing changed. */
	enum ent_err err = http_add_header(r, "Cache-Control", "no-cache");
	if (!err && etag)
		err = http_add_header(r, "ETag", etag);
	if (err)
		return err;
	const char *inm = http_header(r, "If-None-Match");
	if (etag && inm && strstr(inm, etag)) {
		r->status = 304;
		r->out_static = NULL;
		r->out_static_len = 0;
		return ENT_OK;
	}
	r->status = 200;
	return ENT_OK;
}
