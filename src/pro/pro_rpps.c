/*
 * pro_rpps.c - RPPS numbers (Répertoire partagé des professionnels de santé): 11 digits, the
 * last one a Luhn check digit over the first ten, the same key as card numbers. The check
 * runs before anything is stored so a mistyped number is refused at once (422).
 * Not responsible for: whether the number belongs to the person (an administrator decides).
 */
#include <stdlib.h>

#include "pro/pro.h"

enum ent_err pro_rpps_check(const char *s, size_t len, const char **reason)
{
	*reason = PRO_RPPS_REASON_FORMAT;
	if (!s || len != PRO_RPPS_DIGITS)
		return ENT_EFORMAT;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return ENT_EFORMAT;
	/* Luhn: from the rightmost digit (the key), double every second digit. */
	unsigned sum = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned d = (unsigned)(s[len - 1 - k] - '0');
		if (k % 2 == 1) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	if (sum % 10 != 0) {
		*reason = PRO_RPPS_REASON_CHECK;
		return ENT_EFORMAT;
	}
	*reason = NULL;
	return ENT_OK;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

long long pro_median(long long *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_ll);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
