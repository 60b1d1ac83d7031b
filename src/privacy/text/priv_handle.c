/*
 * priv_handle.c - does a handle (a pseudonym) say who the member is? (rule R1 at sign-up)
 *
 * A handle is short, lower-case and glued ("lea.martin69", "leamartin"): the text engine's
 * rules, made for sentences, read any capitalised word as a name and miss glued ones, so
 * handles get their own rules over the same word tables (priv_lex.h):
 *   refused  - a first name beside a surname or a second first name ("lea.martin",
 *              "martin_lea", "leamartin"), unless both are ordinary French words;
 *            - something of an e-mail address (a mail provider: "lea.gmail", "jo.orange.fr");
 *            - a phone number (nine digits or more, separators allowed: "06.12.34.56.78");
 *            - a first name or surname with a year of birth, a full date or a postcode
 *              ("lea1985", "dupont75011");
 *   pointed out (kept if the member confirms)
 *            - a first name alone that is no ordinary French word ("alice.media", "lea"),
 *              or a surname alone ("dupont");
 *            - two first names that are both ordinary French words ("rose.blanche");
 *            - a year of birth, a date or a postcode alone ("pixel1987").
 * Everything else is accepted: ordinary words ("petit.ange", "media"), numbers that are no
 * year ("colibri427"). Not responsible for the handle's syntax (api_handle_key).
 */
#include <string.h>

#include "core/export.h"
#include "entraide/privacy.h"
#include "privacy/text/priv_lex.h"

#define MAX_TOKENS 24
#define NOT_A_NAME (LX_MONTH | LX_DAY | LX_NOTNAME | LX_REGION | LX_TITLE | LX_KIN | LX_EPONYM)

struct tok {
	size_t start, len;
	bool digits;
	uint32_t lex;
	size_t split; /* for a glued "leamartin": where the second name starts (0: not glued) */
};

static const char *const mail_providers[] = {
	"gmail", "googlemail", "hotmail", "yahoo", "outlook", "wanadoo", "laposte", "icloud",
	"protonmail", "proton", "gmx", "orange", "free", "sfr", "aol", "live", "msn", "yandex",
	"neuf", "bbox", "numericable", "mail", "email", NULL};
static const char *const mail_tlds[] = {"fr", "com", "net", "org", "eu", "be", "ch", "uk", "ca", "me", NULL};
static const char *const strong_providers[] = {"gmail", "googlemail", "hotmail", "yahoo", "outlook",
					       "wanadoo", "laposte", "icloud", "protonmail", "gmx", NULL};

static bool in_list(const char *const *list, const char *w)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(list[i], w))
			return true;
	return false;
}

static uint32_t lex_of(const char *s, size_t n)
{
	char w[64];
	if (n == 0 || n >= sizeof w)
		return 0;
	memcpy(w, s, n);
	w[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			w[i] = (char)(w[i] + 32);
	return priv_lex_word(w);
}

/* A first name (hunspell-fr's prénoms) that is never something else here. humannames (LX_HN)
 * is left out: it holds most English words ("media", "dragon"). */
static bool given(uint32_t lex)
{
	return (lex & LX_PRN) && !(lex & NOT_A_NAME);
}

static bool surname(uint32_t lex)
{
	return (lex & LX_PATR) && !(lex & NOT_A_NAME);
}

static bool ordinary_fr(uint32_t lex)
{
	return (lex & LX_WFR) != 0;
}

/* A glued "leamartin": a word no list knows, made of a first name and a name (3 letters at
 * least each). Returns where the second starts, 0 when none. */
static size_t glued_name(const char *s, size_t n)
{
	if (n < 6 || lex_of(s, n) & (LX_PRN | LX_PATR | LX_WORD | LX_HN))
		return 0;
	for (size_t i = 3; i + 3 <= n; i++) {
		uint32_t a = lex_of(s, i), b = lex_of(s + i, n - i);
		if ((given(a) && (given(b) || surname(b))) || (surname(a) && given(b)))
			return i;
	}
	return 0;
}

static int number_of(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n && i < 9; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool valid_day_month(int d, int m)
{
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* What a run of digits may say: a year of birth, a full date of birth, a postcode. */
static const char *number_kind(const char *s, size_t n)
{
	int v = number_of(s, n);
	if (n == 4 && v >= 1920 && v <= 2019)
		return "birth-year";
	if (n == 8) {
		int y1 = number_of(s + 4, 4), y2 = number_of(s, 4);
		if ((valid_day_month(number_of(s, 2), number_of(s + 2, 2)) && y1 >= 1920 && y1 <= 2019) ||
		    (y2 >= 1920 && y2 <= 2019 && valid_day_month(number_of(s + 6, 2), number_of(s + 4, 2))))
			return "birth-date";
	}
	if (n == 5 && priv_is_postcode_fr((unsigned)v))
		return "postcode";
	return NULL;
}

static void add_found(struct ent_priv_handle_check *out, const char *s, size_t n)
{
	size_t at = strlen(out->found);
	if (at && at + 1 < sizeof out->found)
		out->found[at++] = ' ';
	if (at + n >= sizeof out->found)
		n = sizeof out->found - 1 - at;
	for (size_t i = 0; i < n; i++)
		out->found[at + i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out->found[at + n] = '\0';
}

/* Records a finding unless a graver one is already there. */
static void verdict(struct ent_priv_handle_check *out, enum ent_priv_handle_verdict v,
		    const char *reason)
{
	if (v > out->verdict) {
		out->verdict = v;
		out->reason = reason;
		out->found[0] = '\0';
	}
}

static size_t tokenize(const char *h, size_t n, struct tok *t)
{
	size_t nt = 0;
	for (size_t i = 0; i < n && nt < MAX_TOKENS;) {
		char c = h[i];
		bool dig = c >= '0' && c <= '9';
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		if (!dig && !alpha) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && ((h[j] >= '0' && h[j] <= '9') == dig) &&
		       (dig || (h[j] >= 'a' && h[j] <= 'z') || (h[j] >= 'A' && h[j] <= 'Z')))
			j++;
		t[nt] = (struct tok){i, j - i, dig, dig ? 0 : lex_of(h + i, j - i), 0};
		if (!dig)
			t[nt].split = glued_name(h + i, j - i);
		nt++;
		i = j;
	}
	return nt;
}

static void check_contacts(const char *h, const struct tok *t, size_t nt,
			   struct ent_priv_handle_check *out)
{
	char w[64];
	for (size_t i = 0; i < nt; i++) {
		if (t[i].digits || t[i].len >= sizeof w)
			continue;
		for (size_t k = 0; k < t[i].len; k++)
			w[k] = (char)(h[t[i].start + k] | 0x20);
		w[t[i].len] = '\0';
		bool tld_next = false;
		if (i + 1 < nt && !t[i + 1].digits && t[i + 1].len < 4) {
			char x[4] = {0};
			for (size_t k = 0; k < t[i + 1].len; k++)
				x[k] = (char)(h[t[i + 1].start + k] | 0x20);
			tld_next = in_list(mail_tlds, x);
		}
		if (in_list(strong_providers, w) || (in_list(mail_providers, w) && tld_next)) {
			verdict(out, ENT_PRIV_HANDLE_IDENTIFYING, "email");
			if (out->reason && !strcmp(out->reason, "email"))
				add_found(out, h + t[i].start, t[i].len);
		}
	}
	/* digits joined across separators: "06.12.34.56.78", "0612345678" */
	for (size_t i = 0; i < nt; i++) {
		if (!t[i].digits)
			continue;
		size_t j = i, digits = 0;
		while (j < nt && t[j].digits) {
			digits += t[j].len;
			j++;
		}
		if (digits >= 9) {
			verdict(out, ENT_PRIV_HANDLE_IDENTIFYING, "phone");
			if (!strcmp(out->reason, "phone"))
				add_found(out, h + t[i].start, t[j - 1].start + t[j - 1].len - t[i].start);
		}
		i = j - 1;
	}
}

ENT_EXPORT enum ent_err ent_priv_handle_check(const char *handle, size_t len,
					      struct ent_priv_handle_check *out)
{
	memset(out, 0, sizeof *out);
	if (!handle || len == 0 || len > ENT_PRIV_HANDLE_MAX)
		return ENT_EINVAL;
	struct tok t[MAX_TOKENS];
	size_t nt = tokenize(handle, len, t);
	check_contacts(handle, t, nt, out);
	if (out->verdict == ENT_PRIV_HANDLE_IDENTIFYING)
		return ENT_OK;

	/* names: pairs of neighbouring words, glued pairs, then words alone */
	bool any_name = false;
	size_t name_at = 0;
	for (size_t i = 0; i < nt; i++) {
		if (t[i].digits)
			continue;
		const char *s = handle + t[i].start;
		if (t[i].split) {
			uint32_t a = lex_of(s, t[i].split), b = lex_of(s + t[i].split, t[i].len - t[i].split);
			bool words = ordinary_fr(a) && ordinary_fr(b) && !surname(a) && !surname(b);
			verdict(out, words ? ENT_PRIV_HANDLE_CONFIRM : ENT_PRIV_HANDLE_IDENTIFYING, "full-name");
			if (!strcmp(out->reason, "full-name")) {
				add_found(out, s, t[i].split);
				add_found(out, s + t[i].split, t[i].len - t[i].split);
			}
			any_name = true;
			name_at = i;
			continue;
		}
		size_t j = i + 1;
		while (j < nt && t[j].digits)
			j++;
		uint32_t a = t[i].lex, b = j < nt ? t[j].lex : 0;
		if (j < nt && !t[j].split &&
		    ((given(a) && (given(b) || surname(b))) || (surname(a) && given(b)))) {
			bool words = ordinary_fr(a) && ordinary_fr(b) && !surname(a) && !surname(b);
			verdict(out, words ? ENT_PRIV_HANDLE_CONFIRM : ENT_PRIV_HANDLE_IDENTIFYING, "full-name");
			if (!strcmp(out->reason, "full-name")) {
				add_found(out, s, t[i].len);
				add_found(out, handle + t[j].start, t[j].len);
			}
			any_name = true;
			name_at = i;
			i = j;
			continue;
		}
		if ((given(a) && !ordinary_fr(a)) || (surname(a) && !ordinary_fr(a) && !(a & LX_PRN))) {
			verdict(out, ENT_PRIV_HANDLE_CONFIRM, given(a) ? "first-name" : "surname");
			if (!strcmp(out->reason, given(a) ? "first-name" : "surname"))
				add_found(out, s, t[i].len);
			any_name = true;
			name_at = i;
		}
	}

	/* numbers that narrow a person down: refused beside a name, pointed out alone */
	for (size_t i = 0; i < nt; i++) {
		if (!t[i].digits)
			continue;
		const char *kind = number_kind(handle + t[i].start, t[i].len);
		if (!kind)
			continue;
		if (any_name) {
			verdict(out, ENT_PRIV_HANDLE_IDENTIFYING, "name-and-number");
			if (!strcmp(out->reason, "name-and-number")) {
				out->found[0] = '\0';
				add_found(out, handle + t[name_at].start, t[name_at].len);
				add_found(out, handle + t[i].start, t[i].len);
			}
		} else {
			verdict(out, ENT_PRIV_HANDLE_CONFIRM, kind);
			if (!strcmp(out->reason, kind))
				add_found(out, handle + t[i].start, t[i].len);
		}
	}
	return ENT_OK;
}

ENT_EXPORT bool ent_priv_handle_word_ok(const char *word)
{
	uint32_t lex = lex_of(word, strlen(word));
	return !(lex & (LX_PRN | LX_PATR | LX_TOWN | LX_CITY | LX_REGION));
}
