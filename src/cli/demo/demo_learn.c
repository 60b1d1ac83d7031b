/*
 * demo_learn.c - the demo of learning and prevention (issue 21): a young member (lou,
 * 15-17) and the demo prevention campaigns of CHU Exemple (content/courses/campaigns.json,
 * embedded at build time), running from yesterday for 90 days. Idempotent: a campaign whose
 * title the institution already has is left as it is.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo/demo.h"
#include "community/comm.h"
#include "core/clock.h"
#include "http/http.h"
#include "api/api_learn.h"
#include "learn/learn.h"

extern const struct http_embedded learn_content_files[];

/* The embedded content file at path ("/campaigns.json"), or NULL. */
static const struct http_embedded *content_file(const char *path)
{
	for (const struct http_embedded *f = learn_content_files; f->path; f++)
		if (!strcmp(f->path, path))
			return f;
	return NULL;
}

struct titles {
	json_t *seen;
};

static void seen_title(const struct learn_campaign *k, void *arg)
{
	json_object_set_new(((struct titles *)arg)->seen, k->title, json_true());
}

static enum ent_err one_campaign(struct store_conn *db, json_t *c, int64_t author, int64_t now,
				 struct titles *t, int *added)
{
	const char *title = json_string_value(json_object_get(c, "title"));
	const char *body = json_string_value(json_object_get(c, "body"));
	const char *lang = json_string_value(json_object_get(c, "language"));
	const char *topic = json_string_value(json_object_get(c, "topic"));
	json_t *bands = json_object_get(c, "age_bands");
	if (!title || !body || !lang || !json_is_array(bands))
		return ENT_EFORMAT;
	if (json_object_get(t->seen, title))
		return ENT_OK;
	struct learn_campaign_new n = {
		.author_id = author, .institution = DEMO_INSTITUTION, .title = title, .body = body,
		.language = lang, .now = now, .starts_at = now - 86400, .ends_at = now + 90 * 86400,
	};
	n.topic = "other";
	for (size_t i = 0; topic && learn_topics[i]; i++)
		if (!strcmp(topic, learn_topics[i]))
			n.topic = learn_topics[i];
	for (size_t i = 0; i < json_array_size(bands); i++) {
		int b = learn_band_index(json_string_value(json_array_get(bands, i)));
		if (b < 0)
			return ENT_EFORMAT;
		n.bands |= 1u << b;
	}
	if (!n.bands)
		n.bands = LEARN_EVERYONE; /* no band named: for everyone */
	char *html = NULL;
	enum ent_err err = comm_md_render(body, strlen(body), &html);
	int64_t id;
	n.html = html;
	if (!err)
		err = learn_campaign_insert(db, &n, &id);
	free(html);
	if (!err)
		(*added)++;
	return err;
}

enum ent_err demo_learn(struct api_app *app, struct store_conn *db, FILE *out)
{
	enum ent_err err = demo_account(app, db, "lou", "lou@demo.entraide.invalid",
					    DEMO_PASSWORD, "fr", NULL, NULL);
	char key[STORE_HANDLE_MAX + 1];
	struct store_account lou, ed;
	if (!err)
		err = api_handle_key("lou", key);
	if (!err)
		err = store_account_by_handle(db, key, &lou);
	if (!err)
		err = learn_age_band_set(db, lou.id, "15-17");
	if (!err)
		err = store_account_by_handle(db, "redaction.chu", &ed);
	const struct http_embedded *f = content_file("/campaigns.json");
	if (err || !f)
		return err ? err : ENT_ENOTFOUND;
	json_error_t je;
	json_t *list = json_loadb(f->data, f->len, 0, &je);
	if (!json_is_array(list)) {
		json_decref(list);
		return ENT_EFORMAT;
	}
	int shipped = 0;
	err = api_learn_ship(app, db, &shipped); /* the shipped courses, also added by serve */
	if (err) {
		json_decref(list);
		return err;
	}
	fprintf(out, "Formations / courses: %d ajoutées (added), /learn\n", shipped);
	struct titles t = {json_object()};
	int added = 0;
	err = learn_campaign_of(db, DEMO_INSTITUTION, seen_title, &t);
	int64_t now = clock_now();
	for (size_t i = 0; !err && i < json_array_size(list); i++)
		err = one_campaign(db, json_array_get(list, i), ed.id, now, &t, &added);
	json_decref(t.seen);
	json_decref(list);
	if (err)
		return err;
	fprintf(out, "Prévention / prevention: %d campagnes ajoutées (added); lou (15-17 ans) voit "
		     "celles de sa tranche / sees those of their band\n", added);
	return ENT_OK;
}
