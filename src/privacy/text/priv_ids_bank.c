/*
 * priv_ids_bank.c - an IBAN whose check digits are wrong. People copy their IBAN by hand, or
 * make one up for a post ("voici mon IBAN : FR76 1027 8060 3100 0205 8831 472"), and a wrong key
 * does not make it less theirs; try_iban() (priv_ids.c) has already refused it on mod 97. It
 * is taken here when it keeps the printed shape of an IBAN, which no lot number, price or
 * reference has: a country's letters and two digits, then groups of four with one space
 * between, the last group of one to four, and in all exactly as many characters as that
 * country's IBANs have (FR 27, GB 22...). A compact string of the right length with a wrong
 * key is not taken: it could be anything.
 */
#include <string.h>

#include "privacy/text/priv_ids.h"

/* The IBAN length of the countries whose residents write here (SEPA, the UK and their
 * neighbours); a country not listed is found only with a right key. */
static const struct {
	char cc[3];
	unsigned char len;
} iban_len[] = {
	{"AD", 24}, {"AT", 20}, {"BE", 16}, {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18},
	{"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22}, {"GR", 27}, {"HR", 21}, {"HU", 28},
	{"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MA", 28},
	{"MC", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PT", 25}, {"RO", 24}, {"SE", 24},
	{"SI", 19}, {"SK", 24}, {"SM", 27}, {"TN", 24},
};

static size_t country_len(const char *s)
{
	for (size_t k = 0; k < sizeof iban_len / sizeof iban_len[0]; k++)
		if (s[0] == iban_len[k].cc[0] && s[1] == iban_len[k].cc[1])
			return iban_len[k].len;
	return 0;
}

int priv_iban_gap(const struct pctx *c, size_t k)
{
	size_t g = c->tk[k].s - c->tk[k - 1].e;
	const char *b = c->t + c->tk[k - 1].e;
	return g <= 1 || (g == 2 && memcmp(b, "\xc2\xa0", 2) == 0) || (g == 3 && memcmp(b, "\xe2\x80\xaf", 3) == 0);
}

int priv_iban_printed(struct pctx *c, size_t i, size_t last)
{
	size_t want = country_len(c->t + c->tk[i].s), len = 0;
	if (!want || last < i + 3)
		return 0;
	for (size_t k = i; k <= last; k++) {
		size_t tl = tk_len(c, k);
		/* groups of four, the last of one to four, in capitals or digits */
		if (tl > 4 || (k < last && tl != 4))
			return 0;
		for (size_t b = c->tk[k].s; b < c->tk[k].e; b++)
			if (!((c->t[b] >= 'A' && c->t[b] <= 'Z') || (c->t[b] >= '0' && c->t[b] <= '9')))
				return 0;
		/* one space (or no-break space) between groups (a dash is a token of its own: try_iban
		 * stops there) */
		if (k > i && (c->tk[k].s == c->tk[k - 1].e || !priv_iban_gap(c, k) ||
			      (c->tk[k].s - c->tk[k - 1].e == 1 && c->t[c->tk[k].s - 1] != ' ')))
			return 0;
		len += tl;
	}
	if (len != want)
		return 0;
	priv_add_tok(c, i, last, ENT_PRIV_ID, 0.9f, "iban_key");
	return 1;
}
