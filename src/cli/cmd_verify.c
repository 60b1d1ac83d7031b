/*
 * cmd_verify.c - `entraide verify FILE [--key KEYFILE]`: checks offline that an exported
 * validated article (GET /api/v1/articles/{id}/export) carries a valid Ed25519 signature of
 * its institution.
 *
 * The key comes from KEYFILE (the institution's /.well-known/entraide/institutions/{slug}.json,
 * or the bare base64 key) when given; else the key embedded in the export is used, and the
 * output says so, since only a key obtained from the institution proves who signed.
 * Exit status: 0 valid, 1 invalid (signature, key or institution mismatch), 2 unreadable or
 * malformed input, or bad usage.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "community/comm.h"

#define FILE_MAX (1024 * 1024)

static void usage(FILE *f)
{
	fprintf(f, "usage: entraide verify FILE [--key KEYFILE]\n"
		   "\n"
		   "Checks the signature of an exported validated article (the JSON of\n"
		   "GET /api/v1/articles/{id}/export). KEYFILE is the institution's public key as\n"
		   "published at /.well-known/entraide/institutions/{slug}.json (or its base64 value).\n"
		   "Exit status: 0 valid, 1 invalid, 2 unreadable.\n");
}

static json_t *load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char data[FILE_MAX + 1];
	size_t n = fread(data, 1, sizeof data, f);
	int bad = ferror(f) || n > FILE_MAX;
	fclose(f);
	if (bad)
		return NULL;
	return json_loadb(data, n, JSON_REJECT_DUPLICATES, NULL);
}

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* Reads a key: a JSON document with "public_key" (and "institution"), or bare base64. */
static int read_key(const char *path, unsigned char pk[COMM_PK_BYTES], char *inst, size_t cap)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char data[4096];
	size_t n = fread(data, 1, sizeof data - 1, f);
	fclose(f);
	data[n] = '\0';
	const char *b64 = data;
	json_t *o = json_loadb(data, n, 0, NULL);
	inst[0] = '\0';
	if (o) {
		b64 = str(o, "public_key");
		if (str(o, "institution"))
			snprintf(inst, cap, "%s", str(o, "institution"));
	}
	size_t len = b64 ? strcspn(b64, " \r\n\t") : 0, got = 0;
	int rc = b64 && comm_b64_decode(b64, len, pk, COMM_PK_BYTES, &got) == ENT_OK &&
			 got == COMM_PK_BYTES ? 0 : -1;
	json_decref(o);
	return rc;
}

int cmd_verify(int argc, char **argv)
{
	const char *file = NULL, *keyfile = NULL;
	if (cli_wants_help(argc, argv)) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--key") && i + 1 < argc)
			keyfile = argv[++i];
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else {
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	if (!file) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	json_t *o = load(file);
	if (!o || !json_is_object(o)) {
		fprintf(stderr, "entraide verify: %s: unreadable or not JSON\n", file);
		json_decref(o);
		return CLI_EXIT_USAGE;
	}
	json_t *ver = json_object_get(o, "version");
	struct comm_article a = {str(o, "institution"), str(o, "author_role"),
				 json_is_integer(ver) ? json_integer_value(ver) : -1, str(o, "date"),
				 str(o, "reviewed"), str(o, "language"), str(o, "title"), str(o, "body")};
	const char *fmt = str(o, "format"), *sig64 = str(o, "signature"), *pk64 = str(o, "public_key");
	if (!fmt || strcmp(fmt, COMM_EXPORT_FORMAT) || !a.institution || !a.author_role ||
	    a.version < 0 || !a.date || !a.reviewed || !a.language || !a.title || !a.body || !sig64) {
		fprintf(stderr, "entraide verify: %s: not an exported article (%s)\n", file,
			COMM_EXPORT_FORMAT);
		json_decref(o);
		return CLI_EXIT_USAGE;
	}
	unsigned char sig[COMM_SIG_BYTES], pk[COMM_PK_BYTES];
	size_t n = 0;
	int rc = CLI_EXIT_NO;
	char inst[64] = "";
	if (keyfile) {
		if (read_key(keyfile, pk, inst, sizeof inst)) {
			fprintf(stderr, "entraide verify: %s: unreadable key\n", keyfile);
			json_decref(o);
			return CLI_EXIT_USAGE;
		}
	} else if (!pk64 || comm_b64_decode(pk64, strlen(pk64), pk, sizeof pk, &n) || n != sizeof pk) {
		printf("invalid: no usable public key in the export\n");
		goto out;
	}
	if (inst[0] && strcmp(inst, a.institution)) {
		printf("invalid: the key belongs to %s, the article names %s\n", inst, a.institution);
		goto out;
	}
	if (comm_b64_decode(sig64, strlen(sig64), sig, sizeof sig, &n) || n != sizeof sig) {
		printf("invalid: malformed signature\n");
		goto out;
	}
	if (comm_verify(pk, &a, sig) != ENT_OK) {
		printf("invalid: the signature does not match the article\n");
		goto out;
	}
	printf("valid: signed by %s (%s key), version %lld, reviewed %s\n", a.institution,
	       keyfile ? "given" : "embedded", (long long)a.version, a.reviewed);
	rc = CLI_EXIT_OK;
out:
	json_decref(o);
	return rc;
}
