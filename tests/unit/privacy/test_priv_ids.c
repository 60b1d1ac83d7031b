/* test_priv_ids.c - check algorithms of the identifier recognisers, positives and near misses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "privacy/text/priv_text.h"

#define S(x) x, strlen(x)

static void nir_key_and_corsica(void **state)
{
	(void)state;
	assert_true(priv_nir_ok(S("185057512345673")));
	assert_false(priv_nir_ok(S("185057512345674"))); /* wrong key */
	assert_true(priv_nir_ok(S("185052A12345633")));  /* 2A counts as 19 */
	assert_true(priv_nir_ok(S("285072B04512396")));  /* 2B counts as 18 */
	assert_false(priv_nir_ok(S("285072B04512397")));
	assert_true(priv_nir_ok(S("185052A12345660")));  /* 2A as 19 minus 1,000,000 (INSEE) */
	assert_false(priv_nir_ok(S("985057512345673"))); /* no such sex digit */
	assert_false(priv_nir_ok(S("18505751234567")));  /* too short */
	assert_false(priv_nir_ok(S("185052C12345633")));
}

static void iban_mod97(void **state)
{
	(void)state;
	assert_true(priv_iban_ok(S("FR7630006000011234567890189")));
	assert_true(priv_iban_ok(S("GB82WEST12345698765432")));
	assert_false(priv_iban_ok(S("FR7630006000011234567890188")));
	assert_false(priv_iban_ok(S("FR76300060")));
	assert_false(priv_iban_ok(S("7630006000011234567890189FR")));
}

static void luhn_rpps_cards(void **state)
{
	(void)state;
	assert_true(priv_luhn_ok(S("10123456781")));
	assert_false(priv_luhn_ok(S("10123456782")));
	assert_true(priv_luhn_ok(S("4970101234567893")));
	assert_true(priv_luhn_ok(S("4532015112830366")));
	assert_false(priv_luhn_ok(S("4532015112830367")));
	assert_false(priv_luhn_ok(S("45320151128303a6")));
}

static void nhs_mod11(void **state)
{
	(void)state;
	assert_true(priv_nhs_ok(S("9434765919")));
	assert_true(priv_nhs_ok(S("4010232137")));
	assert_false(priv_nhs_ok(S("9434765918")));
	assert_false(priv_nhs_ok(S("0000000000")));
	assert_false(priv_nhs_ok(S("943476591")));
}

static void ssn_rules(void **state)
{
	(void)state;
	assert_true(priv_ssn_ok(S("123456789")));
	assert_false(priv_ssn_ok(S("000456789"))); /* area 000 */
	assert_false(priv_ssn_ok(S("666456789"))); /* area 666 */
	assert_false(priv_ssn_ok(S("923456789"))); /* area 9xx */
	assert_false(priv_ssn_ok(S("123006789"))); /* group 00 */
	assert_false(priv_ssn_ok(S("123450000"))); /* serial 0000 */
}

static void shapes(void **state)
{
	(void)state;
	assert_true(priv_shape(S("AB123CD"), "AA999AA"));
	assert_false(priv_shape(S("ab123cd"), "AA999AA"));
	assert_false(priv_shape(S("AB123C"), "AA999AA"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nir_key_and_corsica), cmocka_unit_test(iban_mod97),
		cmocka_unit_test(luhn_rpps_cards),     cmocka_unit_test(nhs_mod11),
		cmocka_unit_test(ssn_rules),           cmocka_unit_test(shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
