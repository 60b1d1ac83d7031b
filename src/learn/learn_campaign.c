/* learn_campaign.c - prevention campaigns and their aggregate counters (R8); see learn.h.
 * The counters are keyed by campaign, band and day only: no statement here ever takes an
 * account id, so nothing can link an account to what it was shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "learn/learn.h"
#include "core/clock.h"

const char *const learn_topics[] = {"tobacco-vaping", "alcohol", "mental-health", "sexual-health",
				    "screens", "vaccination", "nutrition", "drugs", "other", NULL};

#define CAMPAIGN_COLS                                                                              \
	"k.id, coalesce(k.institution_id, 0), k.title, k.language, k.topic, k.bands, k.starts_at, " \
	"k.ends_at, k.created_at, coalesce(i.slug, ''), coalesce(i.name, '')"

static const struct store_stmt Q_INSERT = {
	"learn.campaign_insert",
	"INSERT INTO campaigns (institution_id, author_id, title, body, html, language, topic, bands, "
	"starts_at, ends_at, created_at) VALUES ((SELECT id FROM institutions WHERE slug = ?1), ?2, ?3, "
	"?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
	"RETURNING id"};
static const struct store_stmt Q_GET = {
	"learn.campaign_get",
	"SELECT " CAMPAIGN_COLS " FROM campaigns k LEFT JOIN institutions i ON i.id = k.institution_id "
	"WHERE k.id = ?1"};
static const struct store_stmt Q_CURRENT = {
	"learn.campaign_current",
	"SELECT " CAMPAIGN_COLS ", k.html FROM campaigns k "
	"LEFT JOIN institutions i ON i.id = k.institution_id "
	"WHERE k.language = ?1 AND k.ends_at > ?2 AND k.starts_at <= ?2 AND (k.bands & ?3) <> 0 "
	"ORDER BY k.ends_at LIMIT 20"};
static const struct store_stmt Q_OF = {
	"learn.campaign_of",
	"SELECT " CAMPAIGN_COLS " FROM campaigns k LEFT JOIN institutions i ON i.id = k.institution_id "
	"WHERE k.institution_id = (SELECT id FROM institutions WHERE slug = ?1) ORDER BY k.id DESC LIMIT 200"};
static const struct store_stmt Q_RUNNING = {
	"learn.campaign_running",
	"SELECT 1 FROM campaigns WHERE id = ?1 AND starts_at <= ?2 AND ends_at > ?2"};
static const struct store_stmt Q_COUNT = {
	"learn.campaign_count",
	"INSERT INTO campaign_counts (campaign_id, band, day, views, clicks) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (campaign_id, band, day) DO UPDATE SET views = campaign_counts.views + excluded.views, "
	"clicks = campaign_counts.clicks + excluded.clicks"};
static const struct store_stmt Q_REACH = {
	"learn.campaign_reach",
	"SELECT band, day, views, clicks FROM campaign_counts WHERE campaign_id = ?1 ORDER BY band, day"};

void learn_campaign_clear(struct learn_campaign *c)
{
	free(c->body);
	free(c->html);
	c->body = c->html = NULL;
}

static void read_campaign(struct store_q *q, struct learn_campaign *k)
{
	memset(k, 0, sizeof *k);
	k->id = store_q_int(q, 0);
	k->institution_id = store_q_int(q, 1);
	store_q_text_copy(q, 2, k->title, sizeof k->title);
	store_q_text_copy(q, 3, k->language, sizeof k->language);
	store_q_text_copy(q, 4, k->topic, sizeof k->topic);
	k->bands = (unsigned)store_q_int(q, 5);
	k->starts_at = store_q_int(q, 6);
	k->ends_at = store_q_int(q, 7);
	k->created_at = store_q_int(q, 8);
	store_q_text_copy(q, 9, k->inst_slug, sizeof k->inst_slug);
	store_q_text_copy(q, 10, k->inst_name, sizeof k->inst_name);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum ent_err learn_time_parse(const char *s, int64_t *out)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 10 || s[4] != '-' || s[7] != '-')
		return ENT_EINVAL;
	struct tm tm = {0};
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2), h = 0, mi = 0, sec = 0;
	if (n > 10) {
		/* THH:MMZ or THH:MM:SSZ */
		if (!(n == 17 || n == 20) || s[10] != 'T' || s[13] != ':' || s[n - 1] != 'Z')
			return ENT_EINVAL;
		h = digits(s + 11, 2);
		mi = digits(s + 14, 2);
		if (n == 20 && s[16] != ':')
			return ENT_EINVAL;
		sec = n == 20 ? digits(s + 17, 2) : 0;
	}
	if (y < 2000 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec > 59)
		return ENT_EINVAL;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	if (back.tm_mday != d) /* 31 February */
		return ENT_EINVAL;
	*out = (int64_t)t;
	return ENT_OK;
}

unsigned learn_audience_bits(const char *band)
{
	int i = learn_band_index(band);
	return LEARN_EVERYONE | (i >= 0 ? 1u << i : 0);
}

enum ent_err learn_campaign_insert(struct store_conn *c, const struct learn_campaign_new *n,
				   int64_t *id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_INSERT, &q);
	if (err)
		return err;
	if (n->institution)
		store_q_bind_text(q, 1, n->institution, strlen(n->institution));
	else
		store_q_bind_null(q, 1);
	store_q_bind_int(q, 2, n->author_id);
	store_q_bind_text(q, 3, n->title, strlen(n->title));
	store_q_bind_text(q, 4, n->body, strlen(n->body));
	store_q_bind_text(q, 5, n->html, strlen(n->html));
	store_q_bind_text(q, 6, n->language, strlen(n->language));
	store_q_bind_text(q, 7, n->topic, strlen(n->topic));
	store_q_bind_int(q, 8, n->bands);
	store_q_bind_int(q, 9, n->starts_at);
	store_q_bind_int(q, 10, n->ends_at);
	store_q_bind_int(q, 11, n->now);
	err = store_q_row_int(q, id);
	return err == ENT_ENOTFOUND ? ENT_EDB : err;
}

enum ent_err learn_campaign_get(struct store_conn *c, int64_t id, struct learn_campaign *out)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_GET, id, &q);
	if (err)
		return err;
	read_campaign(q, out);
	store_q_close(q);
	return ENT_OK;
}

/* Steps q to the end, calling fn with each campaign; with_html: column 11 is the HTML. */
static enum ent_err each(struct store_q *q, bool with_html,
			 void (*fn)(const struct learn_campaign *k, void *arg), void *arg)
{
	enum ent_err err;
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct learn_campaign k;
		read_campaign(q, &k);
		if (with_html)
			k.html = (char *)store_q_text(q, 11, NULL);
		fn(&k, arg);
	}
	store_q_close(q);
	return err;
}

enum ent_err learn_campaign_current(struct store_conn *c, const char *language, unsigned bits,
				    int64_t now,
				    void (*fn)(const struct learn_campaign *k, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CURRENT, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, language, strlen(language));
	store_q_bind_int(q, 2, now);
	store_q_bind_int(q, 3, bits);
	return each(q, true, fn, arg);
}

enum ent_err learn_campaign_of(struct store_conn *c, const char *institution,
			       void (*fn)(const struct learn_campaign *k, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_OF, &q);
	if (err)
		return err;
	store_q_bind_text(q, 1, institution, strlen(institution));
	return each(q, false, fn, arg);
}

enum ent_err learn_campaign_count(struct store_conn *c, int64_t id, const char *band, bool click,
				  int64_t now)
{
	struct store_q *q;
	enum ent_err err = store_q_open_int(c, &Q_RUNNING, id, &q);
	if (err)
		return err;
	store_q_bind_int(q, 2, now);
	if ((err = store_q_row(q)))
		return err;
	store_q_close(q);
	int i = learn_band_index(band);
	const char *b = i >= 0 ? learn_bands[i] : "none";
	char day[CLOCK_DAY_LEN];
	clock_day(now, day);
	err = store_q_open(c, &Q_COUNT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	store_q_bind_text(q, 2, b, strlen(b));
	store_q_bind_text(q, 3, day, strlen(day));
	store_q_bind_int(q, 4, !click);
	store_q_bind_int(q, 5, click);
	return store_q_run(q);
}

enum ent_err learn_campaign_reach(struct store_conn *c, int64_t id,
				  void (*fn)(const struct learn_reach_row *r, void *arg), void *arg)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_REACH, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, id);
	bool row;
	while (!(err = store_q_step(q, &row)) && row) {
		struct learn_reach_row r;
		store_q_text_copy(q, 0, r.band, sizeof r.band);
		store_q_text_copy(q, 1, r.day, sizeof r.day);
		r.views = store_q_int(q, 2);
		r.clicks = store_q_int(q, 3);
		fn(&r, arg);
	}
	store_q_close(q);
	return err;
}

void learn_small_count(struct buf *b, int64_t n, bool json)
{
	if (n < LEARN_SMALL)
		buf_puts(b, json ? "\"<10\"" : "<10");
	else
		buf_printf(b, "%lld", (long long)n);
}
