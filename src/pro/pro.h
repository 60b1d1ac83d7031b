/*
 * pro.h - the professional network: RPPS numbers, verification of professionals, and the
 * de-identified case discussions of verified professionals (issue 7).
 *
 * This header holds the pure checks (no SQL, no HTTP); pro_store.h holds the tables.
 * Not responsible for: who may call what (the route table and policy/), the text check
 * (privacy.h) or the photos (media/media.h), which the API combines.
 */
#ifndef ENT_PRO_H
#define ENT_PRO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entraide/err.h"
#include "entraide/privacy.h"

#define PRO_RPPS_DIGITS 11

/* Stable reasons of pro_rpps_check (part of the API contract, field "rpps"). */
#define PRO_RPPS_REASON_FORMAT "not-11-digits"
#define PRO_RPPS_REASON_CHECK "bad-check-digit"

/* Checks an RPPS number: exactly 11 ASCII digits (no spaces, no signs) whose last digit is
 * the Luhn check digit of the first ten. Returns ENT_OK, or ENT_EFORMAT with *reason set to
 * one of PRO_RPPS_REASON_* (static). s need not be NUL-terminated; NULL is a format error. */
enum ent_err pro_rpps_check(const char *s, size_t len, const char **reason);

/* Median of n values (sorted in place); 0 when n is 0. For the median time to first answer. */
long long pro_median(long long *v, size_t n);

/* --- the de-identification check, as cases use it (pro_text.c); photos: media/media.h --- */

/* The text engine, created once on first use and shared by every thread (it is safe to
 * share). The error of the first creation is returned each time. */
enum ent_err pro_text_engine(const struct ent_priv_engine **out);


#endif
