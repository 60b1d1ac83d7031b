/*
 * cmd_classify.c - `entraide classify [--jsonl] [--lang fr|en]`: the desk's intent classifier on
 * stdin, one answer per input line, in the same order.
 *
 * With --jsonl each line is {"id", "text"} (other keys ignored) and the answer is
 * {"id","intent","confidence"} plus "rule" when an explicit rule decided; a line that cannot be
 * read gets {"id"?,"error":"..."} and the run goes on. Without --jsonl each line is a message
 * and the answer is its intent alone ("error" for a line that is not UTF-8). Lines longer than
 * LINE_CAP are answered with an error, never buffered whole. Exit 0 unless stdin cannot be read.
 * Errors never echo the text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "entraide/intent.h"

#define LINE_CAP (1u << 20)

struct reader {
	FILE *f;
	char *line;
	size_t len;
	int too_long;
};

/* Reads one line (without its newline) into r->line. Returns 0 at end of input, -1 on error. */
static int read_line(struct reader *r)
{
	int c, any = 0;
	r->len = 0;
	r->too_long = 0;
	while ((c = getc_unlocked(r->f)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		if (r->len < LINE_CAP)
			r->line[r->len++] = (char)c;
		else
			r->too_long = 1;
	}
	if (c == EOF && ferror(r->f))
		return -1;
	if (r->len && r->line[r->len - 1] == '\r')
		r->len--;
	return any;
}

static void put_json_string(FILE *out, const char *s, size_t n)
{
	putc_unlocked('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			putc_unlocked('\\', out);
			putc_unlocked(c, out);
		} else if (c < 0x20) {
			fprintf(out, "\\u%04x", c);
		} else {
			putc_unlocked(c, out);
		}
	}
	putc_unlocked('"', out);
}

/* Writes `"id":...,` when the line had a usable id. */
static void put_id(FILE *out, json_t *id)
{
	if (!id)
		return;
	if (json_is_string(id)) {
		fputs("\"id\":", out);
		put_json_string(out, json_string_value(id), json_string_length(id));
		putc_unlocked(',', out);
	} else if (json_is_integer(id)) {
		fprintf(out, "\"id\":%" JSON_INTEGER_FORMAT ",", json_integer_value(id));
	}
}

static void put_error(FILE *out, json_t *id, const char *msg)
{
	putc_unlocked('{', out);
	put_id(out, id);
	fprintf(out, "\"error\":\"%s\"}\n", msg);
}

static void classify_jsonl(const struct reader *r, const char *lang, FILE *out)
{
	json_error_t jerr;
	json_t *o, *id = NULL, *text;
	struct ent_intent_result res;
	enum ent_err err;

	if (r->too_long) {
		put_error(out, NULL, "line too long");
		return;
	}
	o = json_loadb(r->line, r->len, JSON_ALLOW_NUL, &jerr);
	if (!o) {
		put_error(out, NULL, "invalid JSON");
		return;
	}
	if (!json_is_object(o)) {
		put_error(out, NULL, "not a JSON object");
		goto out;
	}
	id = json_object_get(o, "id");
	text = json_object_get(o, "text");
	if (!json_is_string(text)) {
		put_error(out, id, "missing text");
		goto out;
	}
	if (!lang) {
		json_t *l = json_object_get(o, "lang");
		lang = json_is_string(l) ? json_string_value(l) : NULL;
	}
	err = ent_intent_classify(json_string_value(text), json_string_length(text), lang, &res);
	if (err) {
		put_error(out, id, ent_errname(err));
		goto out;
	}
	putc_unlocked('{', out);
	put_id(out, id);
	fprintf(out, "\"intent\":\"%s\",\"confidence\":%.4f", ent_intent_name(res.intent), (double)res.confidence);
	if (res.rule != ENT_INTENT_RULE_NONE)
		fprintf(out, ",\"rule\":\"%s\"", ent_intent_rule_name(res.rule));
	fputs("}\n", out);
out:
	json_decref(o);
}

static void classify_plain(const struct reader *r, const char *lang, FILE *out)
{
	struct ent_intent_result res;
	if (r->too_long || ent_intent_classify(r->line, r->len, lang, &res) != ENT_OK) {
		fputs("error\n", out);
		return;
	}
	fprintf(out, "%s\n", ent_intent_name(res.intent));
}

static void usage(FILE *f)
{
	fprintf(f, "usage: entraide classify [--jsonl] [--lang fr|en]\n\n"
	           "Reads desk messages on stdin, one per line, and writes one answer per line in the\n"
	           "same order: the intent (appointment, document_request, consultation, urgent,\n"
	           "complaint, praise, info, other).\n"
	           "  --jsonl     lines are {\"id\",\"text\"[,\"lang\"]}; answers are\n"
	           "              {\"id\",\"intent\",\"confidence\"[,\"rule\"]} or {\"id\",\"error\"}\n"
	           "  --lang L    language of every message (fr or en); default: the line's \"lang\",\n"
	           "              else detected\n"
	           "Exit status: 0, or 2 on bad usage or unreadable input.\n");
}

int cmd_classify(int argc, char **argv)
{
	int jsonl = 0, rc = CLI_EXIT_OK, got;
	const char *lang = NULL;
	struct reader r = {.f = stdin};
	static char outbuf[1 << 16];

	if (cli_wants_help(argc, argv)) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--jsonl") == 0) {
			jsonl = 1;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc &&
		           (strcmp(argv[i + 1], "fr") == 0 || strcmp(argv[i + 1], "en") == 0)) {
			lang = argv[++i];
		} else {
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	r.line = malloc(LINE_CAP);
	if (!r.line) {
		fprintf(stderr, "entraide classify: out of memory\n");
		return CLI_EXIT_USAGE;
	}
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	while ((got = read_line(&r)) > 0) {
		if (jsonl) {
			if (r.len == 0 && !r.too_long)
				continue; /* blank lines separate nothing in JSONL */
			classify_jsonl(&r, lang, stdout);
		} else {
			classify_plain(&r, lang, stdout);
		}
	}
	if (got < 0) {
		fprintf(stderr, "entraide classify: cannot read the input\n");
		rc = CLI_EXIT_USAGE;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "entraide classify: cannot write the output\n");
		rc = CLI_EXIT_USAGE;
	}
	free(r.line);
	return rc;
}
