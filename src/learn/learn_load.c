/*
 * learn_load.c - the course document: the JSON format of content/courses/<slug>.<lang>.json,
 * which editors also edit (PUT /api/v1/courses/{slug}):
 *   {"key","slug","language","title","summary","audience":"everyone"|"professionals",
 *    "minutes","lessons":[{"slug","title","minutes","offered_at":[...],"body": Markdown,
 *    "quiz":[{"question","answers":[{"text","correct","explanation"}]}]}]}
 * Parsed with jansson and checked field by field; the first problem found is reported with
 * its path ("lessons[1].quiz[0].answers") and a stable reason. "minutes" of the course is the
 * sum of its lessons' (the file's value is not trusted).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "learn/learn.h"

const char *const learn_offers[] = {"first-post", "first-case-photo", "desk", "identifiers-found",
				    NULL};

unsigned learn_offer_bit(const char *name)
{
	for (unsigned i = 0; name && learn_offers[i]; i++)
		if (!strcmp(name, learn_offers[i]))
			return 1u << i;
	return 0;
}

struct check {
	const char **field, **reason;
	char *buf;
	size_t cap;
};

/* Records the problem: field of the document (li < 0), of lesson li (qi < 0) or of its
 * question qi. */
static enum ent_err bad(struct check *k, const char *reason, int li, int qi, const char *field)
{
	if (li < 0)
		snprintf(k->buf, k->cap, "%s", field);
	else if (qi < 0)
		snprintf(k->buf, k->cap, "lessons[%d].%s", li, field);
	else
		snprintf(k->buf, k->cap, "lessons[%d].quiz[%d].%s", li, qi, field);
	*k->field = k->buf;
	*k->reason = reason;
	return ENT_EINVAL;
}

static bool slug_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 3 || n > LEARN_SLUG_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* A non-empty string of at most max bytes, or NULL. */
static const char *text(json_t *o, const char *name, size_t max)
{
	json_t *v = json_object_get(o, name);
	size_t n = json_is_string(v) ? json_string_length(v) : 0;
	return n && n <= max ? json_string_value(v) : NULL;
}

static enum ent_err parse_quiz(struct check *k, json_t *quiz, int li, struct learn_doc_lesson *l)
{
	if (!json_is_array(quiz) || json_array_size(quiz) < 1 ||
	    json_array_size(quiz) > LEARN_QUESTIONS_MAX)
		return bad(k, "count", li, -1, "quiz");
	l->n_quiz = json_array_size(quiz);
	for (size_t qi = 0; qi < l->n_quiz; qi++) {
		json_t *q = json_array_get(quiz, qi);
		struct learn_doc_question *dq = &l->quiz[qi];
		dq->question = text(q, "question", 1000);
		json_t *as = json_object_get(q, "answers");
		if (!dq->question)
			return bad(k, "required", li, (int)qi, "question");
		if (!json_is_array(as) || json_array_size(as) < 2 || json_array_size(as) > LEARN_ANSWERS_MAX)
			return bad(k, "count", li, (int)qi, "answers");
		dq->n_answers = json_array_size(as);
		bool any = false;
		for (size_t ai = 0; ai < dq->n_answers; ai++) {
			json_t *a = json_array_get(as, ai);
			struct learn_doc_answer *da = &dq->answers[ai];
			da->text = text(a, "text", 1000);
			da->explanation = text(a, "explanation", 2000);
			json_t *c = json_object_get(a, "correct");
			if (!da->text || !da->explanation || !json_is_boolean(c))
				return bad(k, "required", li, (int)qi, "answers");
			da->correct = json_is_true(c);
			any |= da->correct;
		}
		if (!any)
			return bad(k, "no-correct-answer", li, (int)qi, "answers");
	}
	l->quiz_json = json_dumps(quiz, JSON_COMPACT | JSON_ENSURE_ASCII);
	return l->quiz_json ? ENT_OK : ENT_ENOMEM;
}

static enum ent_err parse_lesson(struct check *k, json_t *o, int li, struct learn_doc_lesson *l)
{
	l->slug = text(o, "slug", LEARN_SLUG_MAX);
	l->title = text(o, "title", LEARN_TITLE_MAX);
	l->body = text(o, "body", LEARN_BODY_MAX);
	json_t *m = json_object_get(o, "minutes"), *off = json_object_get(o, "offered_at");
	if (!slug_ok(l->slug))
		return bad(k, "bad-slug", li, -1, "slug");
	if (!l->title)
		return bad(k, "required", li, -1, "title");
	if (!l->body)
		return bad(k, "required", li, -1, "body");
	if (!json_is_integer(m) || json_integer_value(m) < 1 || json_integer_value(m) > 60)
		return bad(k, "value", li, -1, "minutes");
	l->minutes = (int)json_integer_value(m);
	if (off && !json_is_array(off))
		return bad(k, "type", li, -1, "offered_at");
	for (size_t i = 0; i < json_array_size(off); i++) {
		unsigned bit = learn_offer_bit(json_string_value(json_array_get(off, i)));
		if (!bit)
			return bad(k, "value", li, -1, "offered_at");
		l->offered_at |= bit;
	}
	if (l->offered_at && l->minutes > 2)
		return bad(k, "offered-lesson-too-long", li, -1, "minutes");
	return parse_quiz(k, json_object_get(o, "quiz"), li, l);
}

enum ent_err learn_doc_parse(const char *src, size_t len, struct learn_doc *d, const char **field,
			     char *field_buf, size_t field_cap, const char **reason)
{
	memset(d, 0, sizeof *d);
	struct check k = {field, reason, field_buf, field_cap};
	json_error_t je;
	json_t *root = json_loadb(src, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return ENT_EJSON;
	d->root = root;
	if (!json_is_object(root))
		return bad(&k, "type", -1, -1, "document");
	d->key = text(root, "key", LEARN_SLUG_MAX);
	d->slug = text(root, "slug", LEARN_SLUG_MAX);
	d->language = text(root, "language", 2);
	d->title = text(root, "title", LEARN_TITLE_MAX);
	d->summary = text(root, "summary", LEARN_SUMMARY_MAX);
	d->audience = text(root, "audience", 13);
	if (!d->key || !d->key[0] || strspn(d->key, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(d->key))
		return bad(&k, "required", -1, -1, "key");
	if (!slug_ok(d->slug))
		return bad(&k, "bad-slug", -1, -1, "slug");
	if (!d->language || (strcmp(d->language, "fr") && strcmp(d->language, "en")))
		return bad(&k, "value", -1, -1, "language");
	if (!d->title)
		return bad(&k, "required", -1, -1, "title");
	if (!d->summary)
		return bad(&k, "required", -1, -1, "summary");
	if (!d->audience || (strcmp(d->audience, "everyone") && strcmp(d->audience, "professionals")))
		return bad(&k, "value", -1, -1, "audience");
	json_t *ls = json_object_get(root, "lessons");
	if (!json_is_array(ls) || json_array_size(ls) < 1 || json_array_size(ls) > LEARN_LESSONS_MAX)
		return bad(&k, "count", -1, -1, "lessons");
	d->n_lessons = json_array_size(ls);
	for (size_t i = 0; i < d->n_lessons; i++) {
		enum ent_err err = parse_lesson(&k, json_array_get(ls, i), (int)i, &d->lessons[i]);
		if (err)
			return err;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(d->lessons[j].slug, d->lessons[i].slug))
				return bad(&k, "duplicate", (int)i, -1, "slug");
		d->minutes += d->lessons[i].minutes;
	}
	return ENT_OK;
}

void learn_doc_clear(struct learn_doc *d)
{
	for (size_t i = 0; i < LEARN_LESSONS_MAX; i++)
		free(d->lessons[i].quiz_json);
	json_decref(d->root);
	memset(d, 0, sizeof *d);
}

struct doc_out {
	json_t *lessons;
	enum ent_err err;
};

static void doc_lesson(const struct learn_lesson *l, void *arg)
{
	struct doc_out *o = arg;
	json_t *offered = json_array();
	for (unsigned i = 0; learn_offers[i]; i++)
		if (l->offered_at & (1u << i))
			json_array_append_new(offered, json_string(learn_offers[i]));
	json_t *quiz = json_loads(l->quiz, 0, NULL);
	if (!quiz)
		o->err = ENT_EINTERNAL;
	json_array_append_new(o->lessons,
			      json_pack("{s:s, s:s, s:i, s:o, s:s, s:o}", "slug", l->slug, "title",
					l->title, "minutes", l->minutes, "offered_at", offered, "body",
					l->body, "quiz", quiz ? quiz : json_array()));
}

enum ent_err learn_doc_write(struct store_conn *c, const struct learn_course *k, struct buf *out)
{
	struct doc_out o = {json_array(), ENT_OK};
	enum ent_err err = learn_lessons_of(c, k->id, doc_lesson, &o);
	if (!err)
		err = o.err;
	if (err) {
		json_decref(o.lessons);
		return err;
	}
	json_t *doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:o}", "key", k->key, "slug",
				k->slug, "language", k->language, "title", k->title, "summary",
				k->summary, "audience", k->audience, "minutes", k->minutes, "lessons",
				o.lessons);
	char *s = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(doc);
	if (!s)
		return ENT_ENOMEM;
	buf_puts(out, s);
	free(s);
	return buf_err(out);
}
