/*
 * http_gzip.c - compresses a response body for a client that accepts gzip (the API's JSON:
 * a thread page of 23 KB goes out as about 5 KB). Deflate level 1: on a phone the bytes
 * cost more than the server's microseconds, and level 1 keeps most of the gain.
 * Not responsible for: deciding which responses are compressed (http_server.c) or the static
 * files (compressed at build time, http_static.c).
 */
#include <pthread.h>
#include <stdlib.h>
#include <zlib.h>

#include "http/http.h"

/* One compressor per server thread, made on its first use and reset for each body: a fresh
 * deflate state is about 270 KB, and allocating it per response (mmap, page faults) made a
 * gzipped answer cost about 2 ms instead of about 0.1 ms. Freed when its thread ends. */
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static bool key_ok;

static void stream_free(void *p)
{
	deflateEnd(p);
	free(p);
}

static void key_make(void)
{
	key_ok = pthread_key_create(&key, stream_free) == 0;
}

static z_stream *stream_get(void)
{
	pthread_once(&key_once, key_make);
	if (!key_ok)
		return NULL;
	z_stream *z = pthread_getspecific(key);
	if (z)
		return deflateReset(z) == Z_OK ? z : NULL;
	z = calloc(1, sizeof *z);
	if (!z)
		return NULL;
	/* 15 + 16: a gzip wrapper, not zlib's; memLevel 8 is zlib's default */
	if (deflateInit2(z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		free(z);
		return NULL;
	}
	if (pthread_setspecific(key, z) != 0) {
		stream_free(z);
		return NULL;
	}
	return z;
}

bool http_gzip(const void *in, size_t len, char **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	z_stream *z = stream_get();
	if (!z)
		return false;
	size_t cap = deflateBound(z, (uLong)len);
	char *buf = malloc(cap);
	if (!buf)
		return false;
	z->next_in = (Bytef *)in;
	z->avail_in = (uInt)len;
	z->next_out = (Bytef *)buf;
	z->avail_out = (uInt)cap;
	int rc = deflate(z, Z_FINISH);
	size_t n = cap - z->avail_out;
	if (rc != Z_STREAM_END || n >= len) { /* not smaller: send it as it is */
		free(buf);
		return false;
	}
	*out = buf;
	*out_len = n;
	return true;
}
