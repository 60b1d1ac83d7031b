/*
 * comm_check.c - the publishing check (R1): every post and reply goes through the text
 * de-identification engine (include/entraide/privacy.h) before it is stored for others.
 * Direct identifiers (names, contacts, numbers) block publication; quasi identifiers
 * (places, dates, ages) must be acknowledged. The decision itself is the API's (api_space.c);
 * this file runs the engine and describes what it found.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"

static struct ent_priv_engine *engine;
static enum ent_err engine_err;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void engine_make(void)
{
	engine_err = ent_priv_engine_new(&engine);
}

enum ent_err comm_engine(const struct ent_priv_engine **out)
{
	pthread_once(&engine_once, engine_make);
	*out = engine;
	return engine_err;
}

static enum ent_priv_lang lang_of(const char *lang)
{
	if (lang && !strcmp(lang, "fr"))
		return ENT_PRIV_FR;
	if (lang && !strcmp(lang, "en"))
		return ENT_PRIV_EN;
	return ENT_PRIV_AUTO;
}

enum ent_err comm_check_run(const char *text, size_t len, const char *lang, struct comm_check *out)
{
	memset(out, 0, sizeof *out);
	const struct ent_priv_engine *eng;
	enum ent_err err = comm_engine(&eng);
	if (!err)
		err = ent_priv_scan(eng, text, len, lang_of(lang), &out->spans);
	if (err)
		return err;
	for (size_t i = 0; i < out->spans.n; i++) {
		if (ent_priv_is_direct(out->spans.v[i].type))
			out->n_direct++;
		else
			out->n_quasi++;
	}
	return ENT_OK;
}

void comm_check_clear(struct comm_check *c)
{
	ent_priv_spans_clear(&c->spans);
	c->n_direct = c->n_quasi = 0;
}

enum ent_err comm_check_redact(const char *text, size_t len, const char *lang, char **out,
			       size_t *out_len)
{
	*out = NULL;
	const struct ent_priv_engine *eng;
	struct ent_priv_result res = {0};
	enum ent_err err = comm_engine(&eng);
	if (!err)
		err = ent_priv_redact(eng, text, len, lang_of(lang), ENT_PRIV_MASK, &res);
	if (err)
		return err;
	*out = res.text;
	*out_len = res.len;
	res.text = NULL;
	ent_priv_result_clear(&res);
	return ENT_OK;
}

static const char *category(enum ent_priv_type t)
{
	static const char *const names[ENT_PRIV__NTYPES] = {"name", "contact", "id", "location",
							     "date", "age"};
	return (unsigned)t < ENT_PRIV__NTYPES ? names[t] : "other";
}

void comm_check_json(struct buf *b, const struct comm_check *c, const char *field, const char *text)
{
	buf_puts(b, "\"findings\":[");
	for (size_t i = 0; i < c->spans.n; i++) {
		const struct ent_priv_span *s = &c->spans.v[i];
		buf_printf(b, "%s{\"field\":\"%s\",\"start\":%zu,\"end\":%zu,\"category\":\"%s\",\"kind\":\"%s\",\"excerpt\":",
			   i ? "," : "", field, s->start, s->end, category(s->type),
			   ent_priv_is_direct(s->type) ? "direct" : "quasi");
		buf_json_str(b, text + s->start, s->end - s->start);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}
