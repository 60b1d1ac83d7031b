/*
 * msg_rules.c - the pure checks of direct messages: the pairing rule (R2), the disappearing
 * periods, and the encodings the server accepts for what it stores. No SQL, no HTTP.
 */
#include <string.h>

#include "message/msg.h"

bool msg_disappear_ok(int64_t s)
{
	return s == 0 || s == MSG_DAY || s == 7 * MSG_DAY || s == 30 * MSG_DAY;
}

static const struct {
	const char *name;
	int64_t s;
} periods[] = {{"off", 0}, {"1d", MSG_DAY}, {"7d", 7 * MSG_DAY}, {"30d", 30 * MSG_DAY}};

int64_t msg_disappear_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof periods / sizeof periods[0]; i++)
		if (!strcmp(s, periods[i].name))
			return periods[i].s;
	return -1;
}

const char *msg_disappear_name(int64_t s)
{
	for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
		if (periods[i].s == s)
			return periods[i].name;
	return NULL;
}

static bool b64url_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

bool msg_b64_ok(const char *s, size_t len, size_t min, size_t max, size_t *out_len)
{
	if (!s || len % 4 == 1)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!b64url_char(s[i]))
			return false;
	/* The unused low bits of the last character must be zero (one encoding per value). */
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	if (len % 4) {
		int v = (int)(strchr(alphabet, s[len - 1]) - alphabet);
		if ((len % 4 == 2 && (v & 0x0f)) || (len % 4 == 3 && (v & 0x03)))
			return false;
	}
	size_t n = len / 4 * 3 + (len % 4 ? len % 4 - 1 : 0);
	if (n < min || n > max)
		return false;
	if (out_len)
		*out_len = n;
	return true;
}

const char *msg_pair_refusal(const struct msg_party *w, const struct msg_party *o)
{
	if (w->limited)
		return MSG_NO_LIMITED;
	if (o->limited)
		return MSG_NO_UNREACHABLE;
	if (w->professional && !o->professional)
		return MSG_NO_PRO_TO_MEMBER;
	if (!w->professional && o->professional)
		return MSG_NO_MEMBER_TO_PRO;
	return NULL;
}

bool msg_needs_community(const struct msg_party *w, const struct msg_party *o)
{
	return w->young || o->young;
}

const char *msg_community_refusal(const struct msg_party *w)
{
	return w->young ? MSG_NO_YOUNG : MSG_NO_UNREACHABLE;
}

bool msg_refusal_is_age(const char *reason)
{
	return !strcmp(reason, MSG_NO_YOUNG) || !strcmp(reason, MSG_NO_LIMITED) ||
	       !strcmp(reason, MSG_NO_UNREACHABLE);
}
