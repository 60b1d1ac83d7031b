/*
 * http_gzip.c - compresses a response body for a client that accepts gzip (the API's JSON:
 * a thread page of 23 KB goes out as about 5 KB). Deflate level 1: on a phone the bytes
 * cost more than the server's microseconds, and level 1 keeps most of the gain.
 * Not responsible for: deciding which responses are compressed (http_server.c) or the static
 * files (compressed at build time, http_static.c).
 */
#include <stdlib.h>
#include <zlib.h>

#include "http/http.h"

bool http_gzip(const void *in, size_t len, char **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	z_stream z = {0};
	/* 15 + 16: a gzip wrapper, not zlib's; memLevel 8 is zlib's default */
	if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return false;
	size_t cap = deflateBound(&z, (uLong)len);
	char *buf = malloc(cap);
	if (!buf) {
		deflateEnd(&z);
		return false;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)buf;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	size_t n = cap - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END || n >= len) { /* not smaller: send it as it is */
		free(buf);
		return false;
	}
	*out = buf;
	*out_len = n;
	return true;
}
