/* test_desk.c - the desk's pure parts: the type a request is queued as, the guidance the
 * sender sees at once (R3 numbers first, R2 alternatives), placeholders, percentiles, the
 * seal round trip, and the accessible charts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/desk.h"

static const struct desk_inst inst = {1, "chu-exemple", "CHU Exemple", "https://tc.invalid/x", DESK_FORMS};

static void urgent_and_consultation_win_over_forms(void **state)
{
	(void)state;
	assert_string_equal(desk_type_of("thanks", ENT_INTENT_URGENT), "urgent");
	assert_string_equal(desk_type_of("appointment", ENT_INTENT_CONSULTATION), "consultation");
	assert_string_equal(desk_type_of("appointment", ENT_INTENT_INFO), "appointment");
	assert_string_equal(desk_type_of("document", ENT_INTENT_OTHER), "document_request");
	assert_string_equal(desk_type_of("question", ENT_INTENT_OTHER), "info");
	assert_string_equal(desk_type_of("free", ENT_INTENT_COMPLAINT), "complaint");
}

static json_t *guidance(const char *type, enum ent_intent_rule rule, bool en)
{
	struct buf b;
	buf_init(&b, 16384);
	assert_int_equal(desk_guidance_json(&b, type, rule, en, &inst), ENT_OK);
	json_t *j = json_loads(b.p, 0, NULL);
	assert_non_null(j);
	buf_clear(&b);
	return j;
}

static const char *number_at(json_t *g, size_t i)
{
	return json_string_value(json_object_get(json_array_get(json_object_get(g, "numbers"), i), "number"));
}

static void r3_numbers_first_in_the_senders_language(void **state)
{
	(void)state;
	json_t *g = guidance("urgent", ENT_INTENT_RULE_CHEST_PAIN, false);
	assert_string_equal(json_string_value(json_object_get(g, "kind")), "urgent");
	assert_string_equal(number_at(g, 0), "15");
	assert_string_equal(number_at(g, 2), "114");
	assert_true(json_is_true(json_object_get(json_array_get(json_object_get(g, "numbers"), 2), "sms")));
	assert_string_equal(number_at(g, 3), "3114");
	json_decref(g);
	g = guidance("urgent", ENT_INTENT_RULE_SUICIDE, false);
	assert_string_equal(number_at(g, 0), "3114");
	json_decref(g);
	g = guidance("urgent", ENT_INTENT_RULE_SUICIDE, true);
	assert_string_equal(number_at(g, 0), "988");
	json_decref(g);
	g = guidance("urgent", ENT_INTENT_RULE_NONE, true);
	assert_string_equal(number_at(g, 0), "999");
	assert_string_equal(number_at(g, 1), "911");
	json_decref(g);
}

static void r2_alternatives_never_an_answer(void **state)
{
	(void)state;
	json_t *g = guidance("consultation", ENT_INTENT_RULE_NONE, false);
	json_t *alt = json_object_get(g, "alternatives");
	assert_int_equal(json_array_size(alt), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(alt, 1), "href")),
			    "https://tc.invalid/x");
	json_decref(g);
	g = guidance("appointment", ENT_INTENT_RULE_NONE, false);
	assert_string_equal(json_string_value(json_object_get(g, "kind")), "received");
	json_decref(g);
	assert_non_null(desk_ready_reply("consultation", false));
	assert_non_null(desk_ready_reply("urgent", true));
	assert_null(desk_ready_reply("appointment", false));
}

static void placeholders_are_filled(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	assert_int_equal(desk_fill("{handle}/{institution}/{request}/{teleconsultation}/{other}",
				   "alice", &inst, 42, false, &b), ENT_OK);
	assert_string_equal(b.p, "alice/CHU Exemple/42/https://tc.invalid/x/{other}");
	buf_clear(&b);
}

static void percentiles_by_nearest_rank(void **state)
{
	(void)state;
	double v[] = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
	assert_true(desk_percentile(v, 10, 50) == 50);
	assert_true(desk_percentile(v, 10, 90) == 90);
	assert_true(desk_percentile(v, 1, 90) == 10);
	assert_true(desk_percentile(v, 0, 50) == -1);
}

static void seal_round_trip_and_tamper(void **state)
{
	(void)state;
	char dir[] = "/tmp/desk-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/keys", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/keys/master.key", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	unsigned char key[32];
	for (int i = 0; i < 32; i++)
		key[i] = (unsigned char)(i * 7 + 1);
	assert_int_equal(write(fd, key, 32), 32);
	close(fd);
	assert_int_equal(desk_seal_init(dir), ENT_OK);
	struct buf s, o;
	buf_init(&s, 4096);
	buf_init(&o, 4096);
	const char *msg = "{\"text\":\"copie de mon ordonnance\"}";
	assert_int_equal(desk_seal(msg, strlen(msg), &s), ENT_OK);
	for (size_t i = 0; i + 10 <= s.len; i++)
		assert_int_not_equal(memcmp(s.p + i, "ordonnance", 10), 0);
	assert_int_equal(desk_open(s.p, s.len, &o), ENT_OK);
	assert_string_equal(o.p, msg);
	buf_clear(&o);
	s.p[s.len - 1] ^= 1;
	assert_int_equal(desk_open(s.p, s.len, &o), ENT_ECRYPTO);
	assert_int_equal(desk_open(s.p, 5, &o), ENT_ECRYPTO);
	buf_clear(&s);
	buf_clear(&o);
	unlink(path);
	snprintf(path, sizeof path, "%s/keys", dir);
	rmdir(path);
	rmdir(dir);
}

static void charts_are_accessible_svg(void **state)
{
	(void)state;
	struct desk_stats st;
	memset(&st, 0, sizeof st);
	st.week0 = 1767571200; /* a Monday */
	st.per_week[7][ENT_INTENT_APPOINTMENT] = 5;
	st.per_week[7][ENT_INTENT_URGENT] = 1;
	st.median_first_response = 1800;
	st.p90_first_response = 7200;
	struct buf b;
	buf_init(&b, 65536);
	assert_int_equal(desk_chart_weeks(&b, &st, false), ENT_OK);
	assert_non_null(strstr(b.p, "role=\"img\""));
	assert_non_null(strstr(b.p, "<title id=\"chart-weeks-title\">"));
	assert_non_null(strstr(b.p, "<desc id=\"chart-weeks-desc\">"));
	buf_clear(&b);
	assert_int_equal(desk_chart_response(&b, &st, true), ENT_OK);
	assert_non_null(strstr(b.p, "Median: 30 min"));
	assert_non_null(strstr(b.p, "2.0 h"));
	buf_clear(&b);
}

/* The forms a desk offers: whole names of its list only. */
static void forms_offered(void **state)
{
	(void)state;
	assert_true(desk_form_offered(&inst, "appointment"));
	assert_true(desk_form_offered(&inst, "free"));
	struct desk_inst some = inst;
	snprintf(some.forms, sizeof some.forms, "%s", "appointment,question");
	assert_true(desk_form_offered(&some, "appointment"));
	assert_true(desk_form_offered(&some, "question"));
	assert_false(desk_form_offered(&some, "document"));
	assert_false(desk_form_offered(&some, "quest"));
	assert_false(desk_form_offered(&some, "appointment,question"));
	assert_false(desk_form_offered(&some, ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(urgent_and_consultation_win_over_forms),
		cmocka_unit_test(forms_offered),
		cmocka_unit_test(r3_numbers_first_in_the_senders_language),
		cmocka_unit_test(r2_alternatives_never_an_answer),
		cmocka_unit_test(placeholders_are_filled),
		cmocka_unit_test(percentiles_by_nearest_rank),
		cmocka_unit_test(seal_round_trip_and_tamper),
		cmocka_unit_test(charts_are_accessible_svg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
