/*
 * test_pro_routes.c - default deny on the professional network's routes: every case, photo and
 * review route admits verified professionals only, the verification decisions administrators
 * only; walked with every role (alone and on top of member), with and without a session and
 * a CSRF token, through the one decision (policy_check) the server uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "api/api.h"

static const unsigned roles[] = {ROLE_MEMBER, ROLE_PROFESSIONAL, ROLE_EDITOR,
				 ROLE_COMMUNITY_MANAGER, ROLE_MODERATOR, ROLE_ADMINISTRATOR,
				 ROLE_INSTITUTION_ADMIN};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The roles a route of ours admits, or 0 for the routes every account may call. The
 * verification decisions admit institution administrators too: the handler then checks that
 * the request names their institution (tests/api/administration.test.mjs). */
static unsigned only_role(const struct api_route *r)
{
	if (starts(r->pattern, "/api/v1/cases") || starts(r->pattern, "/api/v1/photos/") ||
	    starts(r->pattern, "/api/v1/photo-reviews"))
		return ROLE_PROFESSIONAL;
	if (starts(r->pattern, "/api/v1/verifications/") ||
	    (!strcmp(r->pattern, "/api/v1/verifications") && !strcmp(r->method, "GET")))
		return ROLE_ADMINISTRATOR | ROLE_INSTITUTION_ADMIN;
	return 0;
}

static void walk(void **state)
{
	(void)state;
	size_t n_pro = 0, n_admin = 0;
	for (size_t i = 0; i < api_n_routes; i++) {
		const struct api_route *r = &api_routes[i];
		unsigned only = only_role(r);
		if (!only)
			continue;
		n_pro += only == ROLE_PROFESSIONAL;
		n_admin += (only & ROLE_ADMINISTRATOR) != 0;
		assert_int_equal(r->roles, only);
		assert_true(r->flags & POLICY_SESSION);
		struct policy_caller anon = {ROLE_ANON, false, false};
		assert_int_equal(policy_check(r->roles, r->flags, &anon), ENT_EAUTH);
		for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
			/* every role but the ones admitted, even all the others together, is refused */
			unsigned who = ROLE_MEMBER | roles[k];
			struct policy_caller c = {who, true, true};
			enum ent_err want = roles[k] & only ? ENT_OK : ENT_EPERM;
			assert_int_equal(policy_check(r->roles, r->flags, &c), want);
		}
		struct policy_caller all_others = {ROLE_ALL_ACCOUNTS & ~only, true, true};
		assert_int_equal(policy_check(r->roles, r->flags, &all_others), ENT_EPERM);
	}
	assert_true(n_pro >= 11);
	assert_true(n_admin >= 4);
}

/* The routes every account may call, where the handler decides (R2, own request, badge). */
static void account_routes(void **state)
{
	(void)state;
	static const char *const m[][2] = {{"POST", "/api/v1/verifications"},
					   {"GET", "/api/v1/me/verification"},
					   {"GET", "/api/v1/accounts/x/badge"},
					   {"POST", "/api/v1/conversations"}};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		bool known;
		struct http_params p;
		int k = api_route_find(m[i][0], m[i][1], &known, &p);
		assert_true(k >= 0);
		assert_int_equal(api_routes[k].roles, ROLE_ALL_ACCOUNTS);
		struct policy_caller anon = {ROLE_ANON, false, false};
		assert_int_equal(policy_check(api_routes[k].roles, api_routes[k].flags, &anon), ENT_EAUTH);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk),
		cmocka_unit_test(account_routes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
