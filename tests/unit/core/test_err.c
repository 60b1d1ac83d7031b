/* test_err.c - every status has a name and a description. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "entraide/err.h"

static void every_error_is_named(void **state)
{
	(void)state;
	for (int e = 0; e < ENT_ERR__COUNT; e++) {
		assert_non_null(ent_strerror((enum ent_err)e));
		assert_int_equal(strncmp(ent_errname((enum ent_err)e), "ENT_", 4), 0);
		assert_string_not_equal(ent_strerror((enum ent_err)e), "unknown error");
	}
	assert_string_equal(ent_strerror(ENT_ERR__COUNT), "unknown error");
	assert_string_equal(ent_strerror((enum ent_err)-1), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_error_is_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
