/*
 * test_route_table.c - walks the whole route table with every kind of caller and checks the
 * one authorization decision against what the table declares; checks the table's own rules
 * (CSRF on state changes, no duplicates) and that docs/openapi.json documents exactly the
 * routes of the table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "api/api.h"

static const unsigned single_roles[] = {ROLE_MEMBER, ROLE_PROFESSIONAL, ROLE_EDITOR,
					ROLE_COMMUNITY_MANAGER, ROLE_MODERATOR, ROLE_ADMINISTRATOR,
					ROLE_INSTITUTION_ADMIN, ROLE_SPACE_MODERATOR};

static bool state_changing(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

/* The expected decision, from the declaration alone. */
static enum ent_err expected(const struct api_route *r, unsigned caller, bool session, bool csrf)
{
	if (!session)
		return (r->roles & ROLE_ANON) && !(r->flags & POLICY_SESSION) ? ENT_OK : ENT_EAUTH;
	if (!(r->roles & caller))
		return ENT_EPERM;
	if ((r->flags & POLICY_CSRF) && !csrf)
		return ENT_ECSRF;
	return ENT_OK;
}

static void walk_every_route_with_every_role(void **state)
{
	size_t checked = 0;
	for (size_t i = 0; i < api_n_routes; i++) {
		const struct api_route *r = &api_routes[i];
		struct policy_caller anon = {ROLE_ANON, false, false};
		assert_int_equal(policy_check(r->roles, r->flags, &anon), expected(r, ROLE_ANON, false, false));
		for (size_t k = 0; k < sizeof single_roles / sizeof single_roles[0]; k++) {
			for (int csrf = 0; csrf < 2; csrf++) {
				/* every account is a member; the role under test comes on top */
				unsigned roles = ROLE_MEMBER | single_roles[k];
				struct policy_caller who = {roles, true, csrf != 0};
				enum ent_err got = policy_check(r->roles, r->flags, &who);
				assert_int_equal(got, expected(r, roles, true, csrf != 0));
				checked++;
			}
		}
	}
	assert_true(checked >= api_n_routes * 12);
}

static void default_deny(void **state)
{
	struct policy_caller admin = {ROLE_MEMBER | ROLE_ADMINISTRATOR, true, true};
	struct policy_caller anon = {ROLE_ANON, false, false};
	assert_int_equal(policy_check(0, 0, &admin), ENT_EPERM);
	assert_int_equal(policy_check(0, 0, &anon), ENT_EAUTH);
	assert_int_equal(policy_check(ROLE_MODERATOR, 0, &admin), ENT_EPERM);
	/* a session on an anonymous-only route is not denied by being logged in */
	struct policy_caller member = {ROLE_MEMBER, true, false};
	assert_int_equal(policy_check(ROLE_EVERYONE, 0, &member), ENT_OK);
}

static void spot_checks(void **state)
{
	bool known;
	struct http_params p;
	int i = api_route_find("GET", "/api/v1/me", &known, &p);
	assert_true(i >= 0);
	struct policy_caller anon = {ROLE_ANON, false, false};
	assert_int_equal(policy_check(api_routes[i].roles, api_routes[i].flags, &anon), ENT_EAUTH);
	i = api_route_find("DELETE", "/api/v1/session", &known, &p);
	assert_true(i >= 0);
	struct policy_caller no_csrf = {ROLE_MEMBER, true, false};
	assert_int_equal(policy_check(api_routes[i].roles, api_routes[i].flags, &no_csrf), ENT_ECSRF);
	i = api_route_find("POST", "/api/v1/accounts", &known, &p);
	assert_true(i >= 0);
	assert_int_equal(policy_check(api_routes[i].roles, api_routes[i].flags, &anon), ENT_OK);
	struct http_req hr = {.params = {.n = 2, .name = {"slug}/x/{id}", "id}"}, .value = {"diabete", "42"}}};
	struct api_req q = {.http = &hr};
	assert_string_equal(api_param(&q, "slug"), "diabete");
	assert_string_equal(api_param(&q, "id"), "42");
	assert_null(api_param(&q, "sl"));
	assert_int_equal(api_route_find("PUT", "/api/v1/me", &known, &p), -1);
	assert_true(known);
	assert_int_equal(api_route_find("GET", "/api/v1/nothing", &known, &p), -1);
	assert_false(known);
}

/* The first route of the table that takes method and path, as api_route_find did before it
 * had an index: every pattern in order. */
static int linear_find(const char *method, const char *path, bool *known)
{
	struct http_params p;
	*known = false;
	for (size_t i = 0; i < api_n_routes; i++) {
		if (!http_path_match(api_routes[i].pattern, path, &p))
			continue;
		if (!strcmp(api_routes[i].method, method) ||
		    (!strcmp(method, "HEAD") && !strcmp(api_routes[i].method, "GET")))
			return (int)i;
		*known = true;
	}
	return -1;
}

/* Every route's pattern, its parameters filled, and a few paths that no route takes: the
 * indexed look-up gives what the walk of the whole table gives, for every method. */
static void index_same_as_walk(void **state)
{
	static const char *methods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
	static const char *others[] = {"/", "/api/v1/", "/api/v1/zzz", "/api/v1/{x}", "/healthz",
				       "/static/app.js", "/api/v2/me", "/api/v1/\xc3\xa9t\xc3\xa9"};
	char path[512];
	for (size_t i = 0; i < api_n_routes + sizeof others / sizeof others[0]; i++) {
		if (i < api_n_routes) {
			size_t n = 0;
			for (const char *c = api_routes[i].pattern; *c && n < sizeof path - 4; c++) {
				if (*c == '{') {
					c = strchr(c, '}');
					memcpy(path + n, "x1", 2);
					n += 2;
					continue;
				}
				path[n++] = *c;
			}
			path[n] = '\0';
		} else {
			snprintf(path, sizeof path, "%s", others[i - api_n_routes]);
		}
		for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
			bool known, want_known;
			struct http_params p;
			int want = linear_find(methods[m], path, &want_known);
			assert_int_equal(api_route_find(methods[m], path, &known, &p), want);
			assert_int_equal(known, want_known);
			if (i < api_n_routes && !strcmp(methods[m], api_routes[i].method))
				assert_true(want >= 0);
		}
	}
}

static void table_rules(void **state)
{
	for (size_t i = 0; i < api_n_routes; i++) {
		const struct api_route *r = &api_routes[i];
		assert_non_null(r->handler);
		assert_true(r->summary && r->summary[0]);
		assert_true(r->pattern[0] == '/');
		/* a state-changing route that needs a session needs the CSRF token */
		if (state_changing(r->method) && (r->flags & POLICY_SESSION))
			assert_true(r->flags & POLICY_CSRF);
		/* routes closed to anonymous callers ask for a session (401, not 403) */
		if (!(r->roles & ROLE_ANON))
			assert_true(r->flags & POLICY_SESSION);
		if (!state_changing(r->method))
			assert_null(r->fields);
		for (size_t j = i + 1; j < api_n_routes; j++)
			assert_false(!strcmp(r->method, api_routes[j].method) &&
				     !strcmp(r->pattern, api_routes[j].pattern));
	}
}

static void openapi_matches_table(void **state)
{
	json_error_t e;
	json_t *doc = json_load_file("docs/openapi.json", 0, &e);
	if (!doc)
		fail_msg("docs/openapi.json: %s (line %d)", e.text, e.line);
	assert_string_equal(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	json_t *paths = json_object_get(doc, "paths");
	assert_true(json_is_object(paths));
	/* every route is documented */
	for (size_t i = 0; i < api_n_routes; i++) {
		char m[16];
		size_t k = 0;
		for (; api_routes[i].method[k] && k < sizeof m - 1; k++)
			m[k] = (char)(api_routes[i].method[k] | 0x20);
		m[k] = '\0';
		json_t *op = json_object_get(json_object_get(paths, api_routes[i].pattern), m);
		if (!op)
			fail_msg("route %s %s is not in docs/openapi.json", api_routes[i].method,
				 api_routes[i].pattern);
	}
	/* every documented operation is a route */
	const char *path;
	json_t *item;
	json_object_foreach(paths, path, item) {
		const char *method;
		json_t *op;
		json_object_foreach(item, method, op) {
			if (!strcmp(method, "parameters") || !strcmp(method, "summary") ||
			    !strcmp(method, "description"))
				continue;
			bool found = false;
			for (size_t i = 0; i < api_n_routes && !found; i++)
				found = !strcasecmp(api_routes[i].method, method) &&
					!strcmp(api_routes[i].pattern, path);
			if (!found)
				fail_msg("docs/openapi.json documents %s %s, which is not a route", method, path);
		}
	}
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_every_route_with_every_role),
		cmocka_unit_test(default_deny),
		cmocka_unit_test(spot_checks),
		cmocka_unit_test(table_rules),
		cmocka_unit_test(index_same_as_walk),
		cmocka_unit_test(openapi_matches_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
