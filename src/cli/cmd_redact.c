/*
 * cmd_redact.c - `entraide redact`: finds and masks identifiers in text read on stdin.
 *
 *   entraide redact [--lang fr|en|auto] [--policy mask|pseudonymise|report] [--jsonl]
 *
 * Plain mode reads the whole of stdin as one text and writes the redacted text (with
 * --policy report, the spans as JSON). With --jsonl each input line is an object
 * {"id", "text"[, "lang"]} and each output line, in the same order, is
 * {"id", "spans":[{"start","end","type"}], "text": REDACTED}; a line that is not valid JSON
 * or UTF-8 gets {"id"?, "error": ...} and the run goes on. Exit status 0 unless the input
 * could not be read (or bad usage). No text is ever written to stderr. Plain lines take the
 * fast path of redact_jsonl.c (no JSON trees); the others, and every error line, this one.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/redact_jsonl.h"
#include "entraide/privacy.h"

#define LINE_MAX_BYTES (ENT_PRIV_MAX_TEXT * 2)

static void usage(FILE *f)
{
	fprintf(f, "usage: entraide redact [--lang fr|en|auto] [--policy mask|pseudonymise|report] [--jsonl]\n"
		   "\n"
		   "Reads text on stdin and writes it with identifiers replaced by their category\n"
		   "([NOM], [CONTACT], [IDENTIFIANT], [LIEU], [DATE], [\xC3\x82GE]; in English [NAME]...).\n"
		   "  --lang      language of the text (default auto; with --jsonl a \"lang\" field wins)\n"
		   "  --policy    mask (default), pseudonymise (names become placeholders), report (spans only)\n"
		   "  --jsonl     one {\"id\",\"text\"} object per line in, one result object per line out\n");
}

static json_t *spans_json(const struct ent_priv_spans *sp, int detail)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < sp->n; i++) {
		const struct ent_priv_span *s = &sp->v[i];
		json_t *o = json_pack("{s:I,s:I,s:s}", "start", (json_int_t)s->start, "end",
				      (json_int_t)s->end, "type", ent_priv_type_name(s->type));
		if (o && detail) {
			json_object_set_new(o, "confidence", json_real((double)((int)(s->confidence * 100 + 0.5f)) / 100));
			json_object_set_new(o, "recogniser", json_string(s->recogniser));
		}
		if (!o || json_array_append_new(a, o)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static void print_json_line(json_t *o)
{
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII * 0) : NULL;
	if (s) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	} else {
		fputs("{\"error\":\"out of memory\"}\n", stdout);
	}
	json_decref(o);
}

static json_t *error_line(json_t *id, const char *msg)
{
	json_t *o = json_object();
	if (o && id)
		json_object_set(o, "id", id);
	if (o)
		json_object_set_new(o, "error", json_string(msg));
	return o;
}

/* Best effort: the "id" of a line that is not valid JSON as a whole (a bad text, a bad byte
 * elsewhere), so that the error line can still be matched to its input. NULL if none. */
static json_t *salvage_id(const char *line, size_t len)
{
	static const char key[] = "\"id\"";
	for (size_t i = 0; i + sizeof key - 1 < len; i++) {
		if (memcmp(line + i, key, sizeof key - 1) != 0)
			continue;
		size_t k = i + sizeof key - 1;
		while (k < len && (line[k] == ' ' || line[k] == '\t'))
			k++;
		if (k >= len || line[k] != ':')
			continue;
		k++;
		while (k < len && (line[k] == ' ' || line[k] == '\t'))
			k++;
		size_t e = k;
		if (e < len && line[e] == '"') {
			for (e++; e < len && line[e] != '"'; e++)
				if (line[e] == '\\')
					e++;
			e++;
		} else {
			while (e < len && (line[e] == '-' || (line[e] >= '0' && line[e] <= '9')))
				e++;
		}
		if (e > len || e == k)
			return NULL;
		json_t *v = json_loadb(line + k, e - k, JSON_DECODE_ANY, NULL);
		if (v && (json_is_string(v) || json_is_integer(v)))
			return v;
		json_decref(v);
		return NULL;
	}
	return NULL;
}

static void one_line(const struct ent_priv_engine *eng, const char *line, size_t len,
		     enum ent_priv_lang lang, int lang_forced, enum ent_priv_policy policy)
{
	json_error_t jerr;
	json_t *in = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in || !json_is_object(in)) {
		json_t *id = in ? NULL : salvage_id(line, len);
		print_json_line(error_line(id, in ? "line is not a JSON object" : "invalid JSON or UTF-8"));
		json_decref(id);
		json_decref(in);
		return;
	}
	json_t *id = json_object_get(in, "id");
	json_t *text = json_object_get(in, "text");
	if (!json_is_string(text)) {
		print_json_line(error_line(id, "missing \"text\" string"));
		json_decref(in);
		return;
	}
	const char *l = json_string_value(json_object_get(in, "lang"));
	enum ent_priv_lang use = lang;
	if (!lang_forced && l && ent_priv_lang_parse(l, &use) != ENT_OK)
		use = lang;
	struct ent_priv_result res;
	enum ent_err err = ent_priv_redact(eng, json_string_value(text), json_string_length(text), use,
					   policy, &res);
	if (err) {
		print_json_line(error_line(id, ent_strerror(err)));
		json_decref(in);
		return;
	}
	json_t *o = json_object();
	if (o) {
		if (id)
			json_object_set(o, "id", id);
		json_object_set_new(o, "spans", spans_json(&res.spans, 0));
		json_object_set_new(o, "text", json_stringn(res.text, res.len));
	}
	print_json_line(o);
	ent_priv_result_clear(&res);
	json_decref(in);
}

/* stdin read in blocks of this size (more when a line is longer), not through getline(): one
 * read(2) and no copy per line; and the fast path's lines written out in blocks of about the
 * same size. Small enough that a block is still in the cache when its lines are scanned. */
#define IO_BLOCK (64 * 1024)

/* The lines of standard input, each handed out in place in buf. */
struct line_reader {
	char *buf;
	size_t cap, start, end, scanned; /* unread bytes: buf[start..end); no '\n' in [start..scanned) */
	int eof, err;
};

/* Writes out's bytes to stdout (then empties it); with sync, flushes stdout too. */
static void flush_out(struct redact_jsonl_buf *out, int sync)
{
	if (out->len)
		fwrite(out->v, 1, out->len, stdout); /* a write error shows in ferror/fflush at the end */
	out->len = 0;
	if (sync)
		fflush(stdout);
}

/* The next line (its '\n' included when it has one) in *line, *len; 0 at the end of the input
 * or on a read error (r->err). Before it waits for input, what was answered is written out,
 * so that a program feeding lines one by one gets each answer. */
static int next_line(struct line_reader *r, struct redact_jsonl_buf *out, char **line, size_t *len)
{
	for (;;) {
		/* (buf is NULL before the first read: no pointer arithmetic on it then) */
		char *nl = r->end > r->scanned ? memchr(r->buf + r->scanned, '\n', r->end - r->scanned) : NULL;
		if (nl || (r->eof && r->start < r->end)) {
			size_t e = nl ? (size_t)(nl - r->buf) + 1 : r->end;
			*line = r->buf + r->start;
			*len = e - r->start;
			r->start = r->scanned = e;
			return 1;
		}
		r->scanned = r->end;
		if (r->eof || r->err)
			return 0;
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->scanned -= r->start;
			r->start = 0;
		}
		if (r->cap - r->end < IO_BLOCK / 2) {
			size_t cap = r->cap ? r->cap * 2 : IO_BLOCK;
			char *nb = realloc(r->buf, cap);
			if (!nb) {
				r->err = 1;
				return 0;
			}
			r->buf = nb;
			r->cap = cap;
		}
		flush_out(out, 1);
		ssize_t got = read(STDIN_FILENO, r->buf + r->end, r->cap - r->end);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			r->err = 1;
		else if (got == 0)
			r->eof = 1;
		else
			r->end += (size_t)got;
	}
}

static int run_jsonl(const struct ent_priv_engine *eng, enum ent_priv_lang lang, int lang_forced,
		     enum ent_priv_policy policy)
{
	struct line_reader rd = {0};
	struct redact_jsonl_buf in = {0}, out = {0};
	char *line;
	size_t len;
	while (next_line(&rd, &out, &line, &len)) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (!len)
			continue;
		if (len <= LINE_MAX_BYTES && redact_jsonl_fast(eng, line, len, lang, lang_forced, policy, &in, &out)) {
			if (out.len >= IO_BLOCK)
				flush_out(&out, 0);
			continue;
		}
		flush_out(&out, 0); /* the general path writes through stdio: the lines before go first */
		if (len > LINE_MAX_BYTES)
			print_json_line(error_line(NULL, "line too long"));
		else
			one_line(eng, line, len, lang, lang_forced, policy);
	}
	flush_out(&out, 0);
	free(rd.buf);
	free(in.v);
	free(out.v);
	if (rd.err) {
		fprintf(stderr, "entraide redact: cannot read standard input\n");
		return CLI_EXIT_USAGE;
	}
	return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_USAGE;
}

static int run_plain(const struct ent_priv_engine *eng, enum ent_priv_lang lang,
		     enum ent_priv_policy policy)
{
	size_t cap = 64 * 1024, len = 0;
	char *buf = malloc(cap);
	int rc = CLI_EXIT_USAGE;
	while (buf) {
		size_t got = fread(buf + len, 1, cap - len, stdin);
		len += got;
		if (got == 0)
			break;
		if (len == cap) {
			if (cap > ENT_PRIV_MAX_TEXT) {
				fprintf(stderr, "entraide redact: input larger than %zu bytes\n", (size_t)ENT_PRIV_MAX_TEXT);
				goto out;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb)
				goto out;
			buf = nb;
			cap *= 2;
		}
	}
	if (!buf || ferror(stdin)) {
		fprintf(stderr, "entraide redact: cannot read standard input\n");
		goto out;
	}
	struct ent_priv_result res;
	enum ent_err err = ent_priv_redact(eng, buf, len, lang, policy, &res);
	if (err) {
		fprintf(stderr, "entraide redact: %s\n", ent_strerror(err));
		goto out;
	}
	if (policy == ENT_PRIV_REPORT) {
		json_t *o = json_object();
		if (o) {
			json_object_set_new(o, "lang", json_string(res.spans.lang == ENT_PRIV_EN ? "en" : "fr"));
			json_object_set_new(o, "spans", spans_json(&res.spans, 1));
		}
		print_json_line(o);
	} else {
		fwrite(res.text, 1, res.len, stdout);
	}
	ent_priv_result_clear(&res);
	rc = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_USAGE;
out:
	free(buf);
	return rc;
}

int cmd_redact(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	enum ent_priv_lang lang = ENT_PRIV_AUTO;
	enum ent_priv_policy policy = ENT_PRIV_MASK;
	int jsonl = 0, lang_forced = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (strcmp(a, "--jsonl") == 0) {
			jsonl = 1;
			continue;
		}
		if ((strcmp(a, "--lang") == 0 || strcmp(a, "--policy") == 0) && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(a, "--lang=", 7) == 0 || strncmp(a, "--policy=", 9) == 0)
			v = strchr(a, '=') + 1;
		if (v && strncmp(a, "--lang", 6) == 0 && ent_priv_lang_parse(v, &lang) == ENT_OK) {
			lang_forced = lang != ENT_PRIV_AUTO;
			continue;
		}
		if (v && strncmp(a, "--policy", 8) == 0 && ent_priv_policy_parse(v, &policy) == ENT_OK)
			continue;
		fprintf(stderr, "entraide redact: bad option '%s'\n", a);
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	struct ent_priv_engine *eng = NULL;
	enum ent_err err = ent_priv_engine_new(&eng);
	if (err) {
		fprintf(stderr, "entraide redact: %s\n", ent_strerror(err));
		return CLI_EXIT_USAGE;
	}
	int rc = jsonl ? run_jsonl(eng, lang, lang_forced, policy) : run_plain(eng, lang, policy);
	ent_priv_engine_free(eng);
	return rc;
}
