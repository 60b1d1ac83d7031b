/*
 * api_course.c - courses (issue 21, R7): anyone reads them, members answer the quizzes at
 * their own pace (graded here: the explanations come with the answer, never before), their
 * progress is theirs alone, and a professional who passed every lesson of a course receives a
 * certificate signed with the institution's key, in the format of exported articles (so
 * `entraide verify` checks it offline). Editors write courses as course documents (the
 * format of content/courses/, learn_load.c). Short lessons are offered at four places
 * (GET /api/v1/course-offers?at=...): offered, never imposed.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_community.h"
#include "api/api_learn.h"
#include "community/comm.h"
#include "core/clock.h"
#include "learn/learn.h"

const struct json_field api_course_doc_fields[] = {
	{"document", JF_STRING, true, 2, LEARN_DOC_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_course_answer_fields[] = {
	{"answers", JF_STRINGS, true, 1, LEARN_QUESTIONS_MAX, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static void offers_json(struct buf *b, unsigned bits)
{
	buf_putc(b, '[');
	bool first = true;
	for (unsigned i = 0; learn_offers[i]; i++) {
		if (!(bits & (1u << i)))
			continue;
		buf_printf(b, "%s\"%s\"", first ? "" : ",", learn_offers[i]);
		first = false;
	}
	buf_putc(b, ']');
}

static void course_head(struct buf *b, const struct learn_course *k)
{
	buf_puts(b, "{\"slug\":");
	buf_json_cstr(b, k->slug);
	buf_puts(b, ",\"key\":");
	buf_json_cstr(b, k->key);
	buf_printf(b, ",\"language\":\"%s\",\"title\":", k->language);
	buf_json_cstr(b, k->title);
	buf_puts(b, ",\"summary\":");
	buf_json_cstr(b, k->summary);
	buf_printf(b, ",\"audience\":\"%s\",\"minutes\":%d,\"lessons_count\":%d,\"shipped\":%s",
		   k->audience, k->minutes, k->n_lessons, k->shipped ? "true" : "false");
}

struct list {
	struct api_req *q;
	struct buf *b;
	size_t n;
	enum ent_err err;
};

static void list_one(const struct learn_course *k, void *arg)
{
	struct list *x = arg;
	if (x->n++)
		buf_putc(x->b, ',');
	course_head(x->b, k);
	if (x->q->has_session) {
		int passed = 0;
		enum ent_err err = learn_progress_of(x->q->db, x->q->s.account.id, k->id, &passed, NULL, NULL);
		if (err)
			x->err = err;
		buf_printf(x->b, ",\"passed\":%d", passed);
	}
	buf_putc(x->b, '}');
}

enum ent_err api_courses_list(struct api_req *q)
{
	const char *lang = api_query(q, "language");
	if (lang && strcmp(lang, "fr") && strcmp(lang, "en"))
		return api_invalid(q, "language", JSON_REASON_VALUE);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"courses\":[");
	struct list x = {q, &b, 0, ENT_OK};
	enum ent_err err = learn_course_list(q->db, lang, list_one, &x);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err ? err : x.err);
}

/* The quiz as a learner sees it before answering: questions and answers' texts only. */
static void quiz_public(struct buf *b, const char *quiz)
{
	json_t *qz = json_loads(quiz, 0, NULL);
	buf_putc(b, '[');
	for (size_t i = 0; i < json_array_size(qz); i++) {
		json_t *qq = json_array_get(qz, i), *as = json_object_get(qq, "answers");
		buf_puts(b, i ? ",{\"question\":" : "{\"question\":");
		buf_json_cstr(b, json_string_value(json_object_get(qq, "question")));
		buf_puts(b, ",\"answers\":[");
		for (size_t j = 0; j < json_array_size(as); j++) {
			buf_puts(b, j ? ",{\"text\":" : "{\"text\":");
			buf_json_cstr(b, json_string_value(json_object_get(json_array_get(as, j), "text")));
			buf_putc(b, '}');
		}
		buf_puts(b, "]}");
	}
	buf_putc(b, ']');
	json_decref(qz);
}

struct detail {
	struct buf *b;
	size_t n;
	json_t *progress; /* lesson slug -> [score, questions] */
};

static void lesson_one(const struct learn_lesson *l, void *arg)
{
	struct detail *x = arg;
	buf_puts(x->b, x->n++ ? ",{\"slug\":" : "{\"slug\":");
	buf_json_cstr(x->b, l->slug);
	buf_puts(x->b, ",\"title\":");
	buf_json_cstr(x->b, l->title);
	buf_printf(x->b, ",\"minutes\":%d,\"offered_at\":", l->minutes);
	offers_json(x->b, l->offered_at);
	buf_puts(x->b, ",\"html\":");
	buf_json_cstr(x->b, l->html);
	buf_puts(x->b, ",\"quiz\":");
	quiz_public(x->b, l->quiz);
	json_t *p = x->progress ? json_object_get(x->progress, l->slug) : NULL;
	if (p)
		buf_printf(x->b, ",\"result\":{\"score\":%lld,\"questions\":%lld}",
			   (long long)json_integer_value(json_array_get(p, 0)),
			   (long long)json_integer_value(json_array_get(p, 1)));
	buf_putc(x->b, '}');
}

static void progress_one(const char *slug, int score, int questions, void *arg)
{
	json_object_set_new(arg, slug, json_pack("[i,i]", score, questions));
}

static void translations(struct api_req *q, struct buf *b, const struct learn_course *k);

enum ent_err api_course_get(struct api_req *q)
{
	struct learn_course k;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	course_head(&b, &k);
	struct detail x = {&b, 0, NULL};
	int passed = 0;
	if (q->has_session) {
		x.progress = json_object();
		err = learn_progress_of(q->db, q->s.account.id, k.id, &passed, progress_one, x.progress);
		buf_printf(&b, ",\"passed\":%d", passed);
		struct learn_certificate cert;
		enum ent_err ce = err ? ENT_OK : learn_certificate_get(q->db, q->s.account.id, k.id, &cert);
		if (ce && ce != ENT_ENOTFOUND)
			err = ce;
		buf_printf(&b, ",\"certificate\":%s", ce ? "false" : "true");
	}
	translations(q, &b, &k);
	buf_puts(&b, ",\"lessons\":[");
	if (!err)
		err = learn_lessons_of(q->db, k.id, lesson_one, &x);
	buf_puts(&b, "]}");
	json_decref(x.progress);
	return api_reply_or_drop(q, &b, err);
}

struct trans {
	struct buf *b;
	const struct learn_course *k;
	size_t n;
};

static void trans_one(const struct learn_course *o, void *arg)
{
	struct trans *t = arg;
	if (strcmp(o->key, t->k->key) || o->id == t->k->id)
		return;
	buf_printf(t->b, "%s{\"language\":\"%s\",\"slug\":", t->n++ ? "," : "", o->language);
	buf_json_cstr(t->b, o->slug);
	buf_putc(t->b, '}');
}

/* ,"translations":[{language, slug}] (the same key in the other language). */
static void translations(struct api_req *q, struct buf *b, const struct learn_course *k)
{
	buf_puts(b, ",\"translations\":[");
	struct trans t = {b, k, 0};
	learn_course_list(q->db, strcmp(k->language, "fr") ? "fr" : "en", trans_one, &t);
	buf_putc(b, ']');
}

/* Parses "0,2" into a bit set of answer indexes below n; false when malformed. */
static bool parse_choice(const char *s, size_t n, unsigned *out)
{
	*out = 0;
	while (*s) {
		if (*s < '0' || *s > '9' || (size_t)(*s - '0') >= n)
			return false;
		*out |= 1u << (*s - '0');
		s++;
		if (*s == ',')
			s++;
		else if (*s)
			return false;
	}
	return *out != 0;
}

enum ent_err api_course_answer(struct api_req *q)
{
	struct learn_course k;
	struct learn_lesson l;
	struct buf quiz;
	buf_init(&quiz, LEARN_BODY_MAX * 4);
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err)
		err = learn_lesson_get(q->db, k.id, api_param(q, "lesson"), &l, &quiz);
	json_t *qz = err ? NULL : json_loadb(quiz.p, quiz.len, 0, NULL);
	buf_clear(&quiz);
	if (err)
		return err;
	json_t *given = json_object_get(q->body, "answers");
	size_t nq = json_array_size(qz);
	if (json_array_size(given) != nq) {
		json_decref(qz);
		return api_invalid(q, "answers", "count");
	}
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_puts(&b, "{\"results\":[");
	int score = 0;
	for (size_t i = 0; i < nq; i++) {
		json_t *qq = json_array_get(qz, i), *as = json_object_get(qq, "answers");
		unsigned chosen, right = 0;
		if (!parse_choice(json_string_value(json_array_get(given, i)), json_array_size(as), &chosen)) {
			buf_clear(&b);
			json_decref(qz);
			return api_invalid(q, "answers", JSON_REASON_VALUE);
		}
		for (size_t j = 0; j < json_array_size(as); j++)
			if (json_is_true(json_object_get(json_array_get(as, j), "correct")))
				right |= 1u << j;
		score += chosen == right;
		buf_printf(&b, "%s{\"correct\":%s,\"answers\":[", i ? "," : "", chosen == right ? "true" : "false");
		for (size_t j = 0; j < json_array_size(as); j++) {
			json_t *a = json_array_get(as, j);
			buf_puts(&b, j ? ",{\"text\":" : "{\"text\":");
			buf_json_cstr(&b, json_string_value(json_object_get(a, "text")));
			buf_printf(&b, ",\"correct\":%s,\"chosen\":%s,\"explanation\":",
				   right & (1u << j) ? "true" : "false", chosen & (1u << j) ? "true" : "false");
			buf_json_cstr(&b, json_string_value(json_object_get(a, "explanation")));
			buf_putc(&b, '}');
		}
		buf_puts(&b, "]}");
	}
	json_decref(qz);
	int passed = 0;
	err = learn_progress_set(q->db, q->s.account.id, k.id, l.id, score, (int)nq, clock_now());
	if (!err)
		err = learn_progress_of(q->db, q->s.account.id, k.id, &passed, NULL, NULL);
	buf_printf(&b, "],\"score\":%d,\"questions\":%zu,\"passed\":%s,\"course\":{\"passed\":%d,"
		   "\"lessons\":%d}}", score, nq, score == (int)nq ? "true" : "false", passed, k.n_lessons);
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, 200, &b);
	return ENT_OK;
}

static void mine_one(const struct learn_course *k, void *arg)
{
	struct list *x = arg;
	int passed = 0;
	enum ent_err err = learn_progress_of(x->q->db, x->q->s.account.id, k->id, &passed, NULL, NULL);
	if (err)
		x->err = err;
	if (!passed)
		return;
	buf_printf(x->b, "%s{\"slug\":", x->n++ ? "," : "");
	buf_json_cstr(x->b, k->slug);
	buf_puts(x->b, ",\"title\":");
	buf_json_cstr(x->b, k->title);
	buf_printf(x->b, ",\"language\":\"%s\",\"passed\":%d,\"lessons\":%d}", k->language, passed,
		   k->n_lessons);
}

enum ent_err api_my_courses(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 256 * 1024);
	buf_puts(&b, "{\"courses\":[");
	struct list x = {q, &b, 0, ENT_OK};
	enum ent_err err = learn_course_list(q->db, NULL, mine_one, &x);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err ? err : x.err);
}

enum ent_err api_my_course_reset(struct api_req *q)
{
	struct learn_course k;
	enum ent_err err = learn_course_get(q->db, api_param(q, "slug"), &k);
	if (!err)
		err = learn_progress_reset(q->db, q->s.account.id, k.id);
	if (!err)
		http_reply_empty(q->http, 204);
	return err;
}

struct offer {
	struct buf *b;
	size_t n;
};

static void offer_one(const struct learn_course *k, const struct learn_lesson *l, void *arg)
{
	struct offer *o = arg;
	buf_puts(o->b, o->n++ ? ",{\"course\":" : "{\"course\":");
	buf_json_cstr(o->b, k->slug);
	buf_puts(o->b, ",\"course_title\":");
	buf_json_cstr(o->b, k->title);
	buf_puts(o->b, ",\"lesson\":");
	buf_json_cstr(o->b, l->slug);
	buf_puts(o->b, ",\"title\":");
	buf_json_cstr(o->b, l->title);
	buf_printf(o->b, ",\"minutes\":%d,\"audience\":\"%s\"}", l->minutes, k->audience);
}

enum ent_err api_course_offers(struct api_req *q)
{
	unsigned bit = learn_offer_bit(api_query(q, "at"));
	if (!bit)
		return api_invalid(q, "at", JSON_REASON_VALUE);
	bool past = false;
	enum ent_err err = learn_offer_past(q->db, q->has_session ? q->s.account.id : 0, bit, &past);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64 * 1024);
	buf_puts(&b, "{\"offers\":[");
	struct offer o = {&b, 0};
	if (!past)
		err = learn_offers_at(q->db, bit, q->lang == HTTP_LANG_EN ? "en" : "fr", offer_one, &o);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}
