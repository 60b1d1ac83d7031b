/* test_desk_store.c - the desk's tables on a real SQLite store: queue order (urgent, then
 * consultation, then oldest; resolved last), first-response and resolution times, reopening
 * by a requester's message, notes kept from requesters, canned replies, events after an id,
 * public replies, and the dashboard's figures (per-week counts, median and p90). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"
#include "store/store_account.h"
#include "unit/testdb.h"

static struct testdb db;
static struct store_conn *c;
static struct desk_inst inst;
static int64_t alice, manager;
static const int64_t NOW = 1767960000; /* a Friday */

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&db, "desk", TESTDB_RUN))
		return -1;
	c = db.c;
	if (store_institution_ensure(c, "chu", "CHU") || desk_inst_find(c, "chu", &inst))
		return -1;
	alice = testdb_account(c, "alice", 1);
	manager = testdb_account(c, "accueil", 2);
	return alice && manager ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return testdb_close(&db);
}

static int64_t add_request(const char *type, int priority, int64_t at)
{
	struct desk_request_new r = {
		.institution_id = inst.id, .requester_id = alice, .form = "free", .type = type,
		.intent = type, .flag = priority == 2 ? "urgent" : priority == 1 ? "consultation" : "",
		.lang = "fr", .confidence = 900, .priority = priority, .details_enc = "x",
		.details_len = 1, .now = at,
	};
	int64_t id = 0;
	assert_int_equal(desk_request_insert(c, &r, &id), ENT_OK);
	return id;
}

struct ids {
	int64_t v[32];
	size_t n;
};

static void collect(const struct desk_request *r, void *arg)
{
	struct ids *ids = arg;
	if (ids->n < 32)
		ids->v[ids->n++] = r->id;
}

static int64_t appt, consult, urgent, info;

static void queue_order(void **state)
{
	(void)state;
	appt = add_request("appointment", 0, NOW - 5 * 86400);
	info = add_request("info", 0, NOW - 4 * 86400);
	consult = add_request("consultation", 1, NOW - 3 * 86400);
	urgent = add_request("urgent", 2, NOW - 3600);
	struct ids ids = {0};
	struct desk_filter f = {.institution_id = inst.id};
	assert_int_equal(desk_request_each(c, &f, collect, &ids), ENT_OK);
	assert_int_equal(ids.n, 4);
	assert_true(ids.v[0] == urgent && ids.v[1] == consult && ids.v[2] == appt && ids.v[3] == info);
	/* A requester's own list: newest first. */
	struct desk_filter mine = {.requester_id = alice};
	ids.n = 0;
	assert_int_equal(desk_request_each(c, &mine, collect, &ids), ENT_OK);
	assert_true(ids.v[0] == urgent && ids.v[3] == appt);
	/* Filters. */
	struct desk_filter by_type = {.institution_id = inst.id, .type = "info"};
	ids.n = 0;
	assert_int_equal(desk_request_each(c, &by_type, collect, &ids), ENT_OK);
	assert_true(ids.n == 1 && ids.v[0] == info);
}

static void times_statuses_and_notes(void **state)
{
	(void)state;
	struct desk_request r;
	assert_int_equal(desk_message_insert(c, appt, manager, "note", "n", 1, NOW - 5 * 86400 + 60), ENT_OK);
	assert_int_equal(desk_request_get(c, appt, &r, NULL), ENT_OK);
	assert_int_equal(r.first_response_at, 0);
	assert_string_equal(r.status, "new");
	assert_int_equal(desk_message_insert(c, appt, manager, "reply", "r", 1, NOW - 5 * 86400 + 600), ENT_OK);
	assert_int_equal(desk_request_get(c, appt, &r, NULL), ENT_OK);
	assert_int_equal(r.first_response_at - r.created_at, 600);
	assert_string_equal(r.status, "in_progress");
	/* A second reply does not move the first response. */
	assert_int_equal(desk_message_insert(c, appt, manager, "reply", "r", 1, NOW), ENT_OK);
	assert_int_equal(desk_request_get(c, appt, &r, NULL), ENT_OK);
	assert_int_equal(r.first_response_at - r.created_at, 600);
	assert_int_equal(desk_request_update(c, appt, "resolved", manager, 1, NOW - 5 * 86400 + 3600), ENT_OK);
	assert_int_equal(desk_request_get(c, appt, &r, NULL), ENT_OK);
	assert_int_equal(r.resolved_at - r.created_at, 3600);
	assert_true(r.identity_checked);
	assert_string_equal(r.assignee, "accueil");
	/* Resolved requests go to the end of the queue. */
	struct ids ids = {0};
	struct desk_filter f = {.institution_id = inst.id};
	assert_int_equal(desk_request_each(c, &f, collect, &ids), ENT_OK);
	assert_int_equal(ids.v[3], appt);
	struct desk_filter open = {.institution_id = inst.id, .status = "open"};
	ids.n = 0;
	assert_int_equal(desk_request_each(c, &open, collect, &ids), ENT_OK);
	assert_int_equal(ids.n, 3);
	/* The requester writes again: reopened. */
	assert_int_equal(desk_message_insert(c, appt, alice, "message", "m", 1, NOW), ENT_OK);
	assert_int_equal(desk_request_get(c, appt, &r, NULL), ENT_OK);
	assert_string_equal(r.status, "in_progress");
	assert_int_equal(r.resolved_at, 0);
}

static void count_msg(const struct desk_message *m, void *arg)
{
	(void)m;
	(*(int *)arg)++;
}

static void notes_stay_with_managers(void **state)
{
	(void)state;
	int all = 0, visible = 0;
	assert_int_equal(desk_message_each(c, appt, true, count_msg, &all), ENT_OK);
	assert_int_equal(desk_message_each(c, appt, false, count_msg, &visible), ENT_OK);
	assert_int_equal(all, 4);
	assert_int_equal(visible, 3);
}

static void count_event(int64_t id, int64_t request_id, const char *what, void *arg)
{
	(void)id;
	(void)request_id;
	(void)what;
	(*(int *)arg)++;
}

static void canned_events_public(void **state)
{
	(void)state;
	int64_t id, last;
	struct buf b;
	buf_init(&b, 1024);
	assert_int_equal(desk_canned_insert(c, inst.id, "t", "Bonjour {handle}", NOW, &id), ENT_OK);
	assert_int_equal(desk_canned_insert(c, inst.id, "t", "again", NOW, &id), ENT_EEXIST);
	assert_int_equal(desk_canned_get(c, inst.id, id, &b), ENT_OK);
	assert_string_equal(b.p, "Bonjour {handle}");
	assert_int_equal(desk_canned_get(c, inst.id + 1, id, &b), ENT_ENOTFOUND);
	buf_clear(&b);
	assert_int_equal(desk_event_last(c, inst.id, &last), ENT_OK);
	assert_int_equal(desk_event_add(c, inst.id, appt, "reply", NOW + 1), ENT_OK);
	assert_int_equal(desk_event_add(c, inst.id, info, "created", NOW + 1), ENT_OK);
	int n = 0;
	assert_int_equal(desk_event_each(c, inst.id, last, count_event, &n), ENT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(desk_public_insert(c, inst.id, alice, "Attente trop longue", NOW, &id), ENT_OK);
	assert_int_equal(desk_public_reply(c, inst.id + 1, id, manager, "x", NOW), ENT_ENOTFOUND);
	assert_int_equal(desk_public_reply(c, inst.id, id, manager, "Désolés", NOW), ENT_OK);
}

static void dashboard_figures(void **state)
{
	(void)state;
	assert_int_equal(desk_message_insert(c, consult, manager, "reply", "r", 1, NOW - 3 * 86400 + 7200), ENT_OK);
	assert_int_equal(desk_message_insert(c, info, manager, "reply", "r", 1, NOW - 4 * 86400 + 1200), ENT_OK);
	struct desk_stats s;
	assert_int_equal(desk_stats_get(c, inst.id, NOW, &s), ENT_OK);
	assert_int_equal(s.total, 4);
	assert_int_equal(s.redirected, 1);
	assert_int_equal(s.urgent, 1);
	assert_int_equal(s.n_responded, 3);
	/* First responses: 600, 1200, 7200 s. */
	assert_true(s.median_first_response == 1200);
	assert_true(s.p90_first_response == 7200);
	int64_t sum = 0;
	for (int w = 0; w < DESK_WEEKS; w++)
		for (int t = 0; t < ENT_INTENT__COUNT; t++)
			sum += s.per_week[w][t];
	assert_int_equal(sum, 4);
	assert_int_equal(s.per_week[DESK_WEEKS - 1][ENT_INTENT_URGENT], 1);
	assert_int_equal((s.week0 - 4 * 86400) % 604800, 0); /* a Monday */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(queue_order),
		cmocka_unit_test(times_statuses_and_notes),
		cmocka_unit_test(notes_stay_with_managers),
		cmocka_unit_test(canned_events_public),
		cmocka_unit_test(dashboard_figures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
