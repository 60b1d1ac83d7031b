/*
 * api_campaign.c - prevention campaigns for age bands (issue 21, R8): editors create them,
 * visitors and members are shown those meant for them, views and clicks are counted per
 * campaign, band and day (never per account), and the editors read the counts with every
 * figure below 10 shown as "<10" (JSON and CSV).
 * A read never writes: the page posts what it showed (POST .../seen) once it is visible.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_desk.h"
#include "api/api_learn.h"
#include "community/comm.h"
#include "core/clock.h"
#include "learn/learn.h"

static const char *const langs[] = {"fr", "en", NULL};
static const char *const audiences[] = {"13-14", "15-17", "18-24", "25-plus", "everyone", NULL};
static const char *const kinds[] = {"view", "click", NULL};

const struct json_field api_campaign_create_fields[] = {
	{"title", JF_STRING, true, 3, LEARN_TITLE_MAX, NULL},
	{"body", JF_STRING, true, 1, LEARN_BODY_MAX, NULL},
	{"language", JF_STRING, true, 0, 0, langs},
	{"age_bands", JF_STRINGS, true, 1, 5, audiences},
	{"starts_at", JF_STRING, true, 10, 20, NULL},
	{"ends_at", JF_STRING, true, 10, 20, NULL},
	{"topic", JF_STRING, false, 0, 0, learn_topics},
	{"institution", JF_STRING, false, 1, 63, NULL},
	{NULL, 0, false, 0, 0, NULL},
};
const struct json_field api_campaign_seen_fields[] = {
	{"kind", JF_STRING, true, 0, 0, kinds},
	{NULL, 0, false, 0, 0, NULL},
};

const char *api_learn_editor_institution(struct api_req *q, const char *named)
{
	const char *first = NULL;
	for (size_t i = 0; i < q->s.n_granted; i++) {
		const struct store_role *r = &q->s.granted[i];
		if (strcmp(r->role, "editor") != 0 || !r->institution[0])
			continue;
		if (named && !strcmp(named, r->institution))
			return r->institution;
		if (!first)
			first = r->institution;
	}
	return named ? NULL : first;
}

bool api_learn_may_edit(struct api_req *q, const char *slug)
{
	if (!q->has_session)
		return false;
	if (q->s.roles & ROLE_ADMINISTRATOR)
		return true;
	if (!slug[0])
		return (q->s.roles & ROLE_EDITOR) != 0;
	return api_learn_editor_institution(q, slug) != NULL;
}

static void write_bands(struct buf *b, unsigned bands)
{
	buf_putc(b, '[');
	bool first = true;
	for (int i = 0; i < LEARN_N_BANDS; i++) {
		if (!(bands & (1u << i)))
			continue;
		buf_printf(b, "%s\"%s\"", first ? "" : ",", learn_bands[i]);
		first = false;
	}
	if (bands & LEARN_EVERYONE)
		buf_printf(b, "%s\"everyone\"", first ? "" : ",");
	buf_putc(b, ']');
}

static void write_campaign(struct buf *b, const struct learn_campaign *k)
{
	char s[24], e[24];
	clock_iso(k->starts_at, s);
	clock_iso(k->ends_at, e);
	buf_printf(b, "{\"id\":%lld,\"title\":", (long long)k->id);
	buf_json_cstr(b, k->title);
	buf_printf(b, ",\"language\":\"%s\",\"topic\":\"%s\",\"age_bands\":", k->language, k->topic);
	write_bands(b, k->bands);
	buf_printf(b, ",\"starts_at\":\"%s\",\"ends_at\":\"%s\",\"institution\":", s, e);
	if (k->inst_slug[0]) {
		buf_puts(b, "{\"slug\":");
		buf_json_cstr(b, k->inst_slug);
		buf_puts(b, ",\"name\":");
		buf_json_cstr(b, k->inst_name);
		buf_putc(b, '}');
	} else {
		buf_puts(b, "null");
	}
	if (k->html) {
		buf_puts(b, ",\"html\":");
		buf_json_cstr(b, k->html);
	}
	buf_putc(b, '}');
}

enum ent_err api_campaign_create(struct api_req *q)
{
	const char *inst = api_str(q, "institution", NULL);
	const char *mine = api_learn_editor_institution(q, inst);
	if (inst && !mine && !(q->s.roles & ROLE_ADMINISTRATOR))
		return ENT_EPERM;
	if (inst && !mine)
		mine = inst; /* an administrator names any institution */
	struct learn_campaign_new n = {
		.author_id = q->s.account.id,
		.institution = mine,
		.title = api_str(q, "title", NULL),
		.body = api_str(q, "body", NULL),
		.language = api_str(q, "language", NULL),
		.topic = api_str(q, "topic", NULL),
		.now = clock_now(),
	};
	if (!n.topic)
		n.topic = "other";
	enum ent_err err = ENT_OK;
	if (learn_time_parse(api_str(q, "starts_at", NULL), &n.starts_at))
		err = api_invalid(q, "starts_at", "not-a-date");
	if (learn_time_parse(api_str(q, "ends_at", NULL), &n.ends_at))
		err = api_invalid(q, "ends_at", "not-a-date");
	else if (!err && n.ends_at <= n.starts_at)
		err = api_invalid(q, "ends_at", "before-start");
	json_t *bands = json_object_get(q->body, "age_bands");
	for (size_t i = 0; i < json_array_size(bands); i++) {
		const char *v = json_string_value(json_array_get(bands, i));
		int bi = learn_band_index(v);
		n.bands |= bi >= 0 ? 1u << bi : LEARN_EVERYONE;
	}
	if (err)
		return err;
	char *html = NULL;
	err = comm_md_render(n.body, strlen(n.body), &html);
	if (err)
		return err;
	n.html = html;
	int64_t id = 0;
	err = learn_campaign_insert(q->db, &n, &id);
	struct learn_campaign k;
	if (!err)
		err = learn_campaign_get(q->db, id, &k);
	if (err) {
		free(html);
		return inst && err == ENT_ECONFLICT ? ENT_ENOTFOUND : err;
	}
	k.html = html;
	struct buf b;
	buf_init(&b, 256 * 1024);
	write_campaign(&b, &k);
	learn_campaign_clear(&k);
	api_reply(q, 201, &b);
	return ENT_OK;
}

static void current_one(const struct learn_campaign *k, void *arg)
{
	struct buf *b = arg;
	if (b->len && b->p[b->len - 1] == '}')
		buf_putc(b, ',');
	write_campaign(b, k);
}

/* The caller's band ("" for visitors and accounts that gave none). */
static enum ent_err caller_band(struct api_req *q, char band[LEARN_BAND_MAX])
{
	band[0] = '\0';
	return q->has_session ? learn_age_band_get(q->db, q->s.account.id, band, NULL) : ENT_OK;
}

enum ent_err api_campaign_current(struct api_req *q)
{
	char band[LEARN_BAND_MAX];
	enum ent_err err = caller_band(q, band);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"campaigns\":[");
	err = learn_campaign_current(q->db, q->lang == HTTP_LANG_EN ? "en" : "fr",
				     learn_audience_bits(band), clock_now(), current_one, &b);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

static int64_t id_param(struct api_req *q)
{
	const char *s = api_param(q, "id");
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && v > 0 ? v : 0;
}

enum ent_err api_campaign_seen(struct api_req *q)
{
	int64_t id = id_param(q);
	if (!id)
		return ENT_ENOTFOUND;
	bool click = !strcmp(api_str(q, "kind", NULL), "click");
	int64_t now = clock_now();
	char band[LEARN_BAND_MAX];
	struct learn_campaign k;
	/* only a running campaign takes from the caller's budget (api_limits.c): made-up ids
	 * cannot push real keys out of the limiter */
	enum ent_err err = learn_campaign_get(q->db, id, &k);
	if (!err && (now < k.starts_at || now >= k.ends_at))
		err = ENT_ENOTFOUND;
	if (!err)
		err = api_limit_seen(q, id, click);
	if (!err)
		err = caller_band(q, band);
	if (!err)
		err = learn_campaign_count(q->db, id, band, click, now);
	if (!err)
		http_reply_empty(q->http, 204);
	return err;
}

enum ent_err api_campaign_list(struct api_req *q)
{
	const char *inst = api_learn_editor_institution(q, NULL);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"institution\":");
	if (inst)
		buf_json_cstr(&b, inst);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\"topics\":[");
	for (size_t i = 0; learn_topics[i]; i++)
		buf_printf(&b, "%s\"%s\"", i ? "," : "", learn_topics[i]);
	buf_puts(&b, "],\"campaigns\":[");
	enum ent_err err = inst ? learn_campaign_of(q->db, inst, current_one, &b) : ENT_OK;
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}

struct reach {
	struct buf *b;
	bool csv;
	size_t n;
	int64_t views, clicks;
};

static void reach_row(const struct learn_reach_row *r, void *arg)
{
	struct reach *x = arg;
	x->views += r->views;
	x->clicks += r->clicks;
	if (x->csv) {
		buf_printf(x->b, "%s,%s,", r->day, r->band);
		learn_small_count(x->b, r->views, false);
		buf_putc(x->b, ',');
		learn_small_count(x->b, r->clicks, false);
		buf_puts(x->b, "\r\n");
		return;
	}
	buf_printf(x->b, "%s{\"band\":\"%s\",\"day\":\"%s\",\"views\":", x->n++ ? "," : "", r->band,
		   r->day);
	learn_small_count(x->b, r->views, true);
	buf_puts(x->b, ",\"clicks\":");
	learn_small_count(x->b, r->clicks, true);
	buf_putc(x->b, '}');
}

/* The campaign of the path, when the caller may read its counts. */
static enum ent_err reach_campaign(struct api_req *q, struct learn_campaign *k)
{
	int64_t id = id_param(q);
	enum ent_err err = id ? learn_campaign_get(q->db, id, k) : ENT_ENOTFOUND;
	if (!err && !api_learn_may_edit(q, k->inst_slug))
		err = ENT_EPERM;
	return err;
}

/* Writes the campaign's counts into b: JSON ({"campaign","threshold","rows","total"}) or CSV
 * (day,band,views,clicks then a total line). */
static enum ent_err write_reach(struct api_req *q, struct buf *b, bool csv)
{
	struct learn_campaign k;
	enum ent_err err = reach_campaign(q, &k);
	if (err)
		return err;
	if (csv) {
		buf_puts(b, "day,band,views,clicks\r\n");
	} else {
		buf_puts(b, "{\"campaign\":");
		write_campaign(b, &k);
		buf_printf(b, ",\"threshold\":%d,\"rows\":[", LEARN_SMALL);
	}
	struct reach x = {b, csv, 0, 0, 0};
	err = learn_campaign_reach(q->db, k.id, reach_row, &x);
	buf_puts(b, csv ? "total,all," : "],\"total\":{\"views\":");
	learn_small_count(b, x.views, !csv);
	buf_puts(b, csv ? "," : ",\"clicks\":");
	learn_small_count(b, x.clicks, !csv);
	buf_puts(b, csv ? "\r\n" : "}}");
	return err;
}

enum ent_err api_campaign_reach(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	return api_reply_or_drop(q, &b, write_reach(q, &b, false));
}

enum ent_err api_campaign_reach_csv(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 4 * 1024 * 1024);
	enum ent_err err = write_reach(q, &b, true);
	if (err || buf_err(&b)) {
		buf_clear(&b);
		return err ? err : ENT_ENOMEM;
	}
	api_desk_reply_as(q, 200, "text/csv; charset=utf-8", &b);
	return ENT_OK;
}
