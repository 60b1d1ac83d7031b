/*
 * api_conversation.c - private conversations (issue 20): who may write to whom, opening a
 * conversation of 2 to 8 people, the list with unread counts, a conversation's settings
 * (disappearing messages) and read marks.
 *
 * Who may write to whom: member <-> member and professional <-> professional, never a member
 * to a professional (R2: no online consultation; the refusal points to the institution's
 * desk) nor the other way round; nobody with someone who blocked them or whom they blocked;
 * nobody under 15 before a parent's confirmation (issue 21), and 13-14 accounts only with
 * people who take part in one of their communities (msg_share_community). A refusal about a
 * young other party says "unreachable", never why: a child's age is not told to strangers.
 * Every refusal is a 403 problem with "reason" (msg.h) and an explanation.
 * Not responsible for: the messages themselves (api_message.c), keys (api_message_keys.c).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "api/api_handlers.h"
#include "core/clock.h"
#include "learn/learn.h"
#include "pro/pro_store.h"

static const char *const periods[] = {"off", "1d", "7d", "30d", NULL};

const struct json_field api_conversation_create_fields[] = {
	{"with", JF_ARRAY, true, 1, MSG_MEMBERS_MAX - 1, NULL},
	{"disappear", JF_STRING, false, 0, 0, periods},
	{NULL, 0, false, 0, 0, NULL},
};

const struct json_field api_conversation_patch_fields[] = {
	{"disappear", JF_STRING, true, 0, 0, periods},
	{NULL, 0, false, 0, 0, NULL},
};

const struct json_field api_conversation_read_fields[] = {
	{"last", JF_INT, true, 0, 0, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static bool has_role(const struct store_role *roles, size_t n, const char *role)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(roles[i].role, role))
			return true;
	return false;
}

/* Fills the age of party p (issue 21's bands): limited before a parent's confirmation
 * (learn_age_limited: closed when the read fails), young in the 13-14 band. */
static enum ent_err party_age(struct api_req *q, struct msg_party *p)
{
	char band[LEARN_BAND_MAX];
	enum ent_err err = learn_age_band_get(q->db, p->id, band, NULL);
	p->young = !err && learn_band_index(band) == 0;
	p->limited = learn_age_limited(q->db, p->id);
	return err;
}

enum ent_err api_msg_self(struct api_req *q, struct msg_party *out)
{
	*out = (struct msg_party){.id = q->s.account.id,
				  .professional = (q->s.roles & ROLE_PROFESSIONAL) != 0};
	return party_age(q, out);
}

enum ent_err api_msg_party(struct api_req *q, const char *handle, struct msg_party *out,
			   struct store_account *acc)
{
	char k[STORE_HANDLE_MAX + 1];
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	if (!handle || api_handle_key(handle, k))
		return ENT_ENOTFOUND;
	enum ent_err err = store_account_by_handle(q->db, k, acc);
	if (!err)
		err = store_roles_of(q->db, acc->id, roles, STORE_ROLES_MAX, &n);
	if (err)
		return err;
	*out = (struct msg_party){.id = acc->id,
				  .professional = has_role(roles, n, "professional")};
	return party_age(q, out);
}

static const char *explanation(const char *reason, enum http_lang lang)
{
	bool en = lang == HTTP_LANG_EN;
	if (!strcmp(reason, MSG_NO_MEMBER_TO_PRO))
		return en ? "Health professionals do not answer members privately: entraide is not an "
			    "online consultation. Ask the institution's desk, which offers an "
			    "appointment, its teleconsultation service, or to see your own doctor."
			  : "Les professionnels de santé ne répondent pas aux membres en privé : "
			    "entraide n'est pas une consultation en ligne. Adressez-vous au guichet de "
			    "l'établissement, qui propose un rendez-vous, son service de "
			    "téléconsultation ou de consulter votre médecin.";
	if (!strcmp(reason, MSG_NO_PRO_TO_MEMBER))
		return en ? "Professionals write privately only to professionals: a member's questions "
			    "go to an institution's desk, never to a private conversation."
			  : "Les professionnels n'écrivent en privé qu'à des professionnels : les "
			    "questions d'un membre passent par le guichet d'un établissement, jamais "
			    "par une conversation privée.";
	if (!strcmp(reason, MSG_NO_LIMITED))
		return en ? "Your account is under 15: direct messages open once a parent has "
			    "confirmed their agreement by e-mail (French data protection law, article "
			    "45). Meanwhile, the communities are open to you."
			  : "Votre compte a moins de 15 ans : les messages privés s'ouvriront quand un "
			    "parent aura confirmé son accord par e-mail (loi Informatique et Libertés, "
			    "article 45). Les communautés vous restent ouvertes en attendant.";
	if (!strcmp(reason, MSG_NO_YOUNG))
		return en ? "Accounts aged 13 to 14 write privately only to members of their own "
			    "communities: this person takes part in none of yours."
			  : "Les comptes de 13 à 14 ans n'écrivent en privé qu'aux membres de leurs "
			    "communautés : cette personne ne participe à aucune des vôtres.";
	if (!strcmp(reason, MSG_NO_UNREACHABLE))
		return en ? "This person cannot receive direct messages from you."
			  : "Cette personne ne peut pas recevoir de messages privés de votre part.";
	return en ? "You cannot write to this person: one of you blocked the other."
		  : "Vous ne pouvez pas écrire à cette personne : l'un de vous a bloqué l'autre.";
}

/* The 403 refusal, with the desk of the professional's institution for R2. */
static void refuse(struct api_req *q, const char *reason, int64_t pro_id)
{
	struct buf x;
	buf_init(&x, 4096);
	bool r2 = !strcmp(reason, MSG_NO_MEMBER_TO_PRO) || !strcmp(reason, MSG_NO_PRO_TO_MEMBER);
	buf_printf(&x, "\"rule\":%s,\"reason\":\"%s\",\"explanation\":", r2 ? "\"R2\"" : "null",
		   reason);
	buf_json_cstr(&x, explanation(reason, q->lang));
	if (!strcmp(reason, MSG_NO_MEMBER_TO_PRO)) {
		struct pro_verification v;
		buf_puts(&x, ",\"desk\":");
		if (!pro_verif_approved(q->db, pro_id, &v) && v.institution[0]) {
			buf_puts(&x, "{\"institution\":");
			buf_json_cstr(&x, v.institution);
			buf_puts(&x, ",\"name\":");
			buf_json_cstr(&x, v.institution_name);
			buf_puts(&x, ",\"href\":");
			char href[96];
			snprintf(href, sizeof href, "/desk/%s", v.institution);
			buf_json_cstr(&x, href);
			buf_putc(&x, '}');
		} else {
			buf_puts(&x, "{\"institution\":null,\"name\":null,\"href\":\"/desk\"}");
		}
	}
	http_problem(q->http, msg_refusal_is_age(reason) ? "messages-limited" : "forbidden", q->lang,
		     buf_err(&x) ? NULL : x.p);
	q->http->is_api = true;
	buf_clear(&x);
}

enum ent_err api_msg_may_write(struct api_req *q, const struct msg_party *w,
			       const struct msg_party *o, bool caller, bool *refused)
{
	*refused = false;
	const char *why = msg_pair_refusal(w, o);
	bool yes = false;
	enum ent_err err = why ? ENT_OK : msg_blocked(q->db, w->id, o->id, &yes);
	if (!err && yes)
		why = MSG_NO_BLOCKED;
	if (!err && !why && msg_needs_community(w, o)) {
		err = msg_share_community(q->db, w->id, o->id, &yes);
		if (!err && !yes)
			why = msg_community_refusal(w);
	}
	if (err)
		return err;
	/* between two others of a group, the caller learns nothing of their ages */
	if (why && !caller && msg_refusal_is_age(why))
		why = MSG_NO_UNREACHABLE;
	if (why) {
		refuse(q, why, o->professional ? o->id : w->id);
		*refused = true;
	}
	return ENT_OK;
}

enum ent_err api_msg_conv_json(struct api_req *q, const struct msg_conv *v, int64_t now,
			       struct buf *b)
{
	int64_t unread = 0;
	enum ent_err err = msg_conv_unread(q->db, v->id, q->s.account.id, now, &unread);
	if (err)
		return err;
	char iso[24];
	clock_iso(v->created_at, iso);
	buf_printf(b, "{\"id\":%lld,\"created_at\":\"%s\",\"disappear\":\"%s\",\"unread\":%lld,"
		      "\"last\":%lld,\"read\":%lld,\"members\":[",
		   (long long)v->id, iso, msg_disappear_name(v->disappear_s), (long long)unread,
		   (long long)v->last_id, (long long)v->read_id);
	for (int i = 0; i < v->n_members; i++) {
		struct msg_keys k;
		buf_puts(b, i ? ",{\"handle\":" : "{\"handle\":");
		buf_json_cstr(b, v->handles[i]);
		buf_printf(b, ",\"me\":%s,\"keys\":", v->members[i] == q->s.account.id ? "true" : "false");
		err = msg_keys_get(q->db, v->members[i], &k);
		if (err == ENT_ENOTFOUND) {
			buf_puts(b, "null}");
			continue;
		}
		if (err)
			return err;
		buf_printf(b, "{\"box\":\"%s\",\"sign\":\"%s\",\"version\":%lld}}", k.box_pk,
			   k.sign_pk, (long long)k.version);
	}
	buf_puts(b, "]}");
	return ENT_OK;
}

/* Reads "with": distinct handles of others, each one a party; field errors recorded. */
static enum ent_err read_with(struct api_req *q, struct msg_party *p, int *n, bool *refused)
{
	json_t *with = json_object_get(q->body, "with");
	struct msg_party self;
	enum ent_err err0 = api_msg_self(q, &self);
	*n = 0;
	if (err0)
		return err0;
	size_t i;
	json_t *v;
	json_array_foreach(with, i, v) {
		struct store_account a;
		if (!json_is_string(v))
			return api_invalid(q, "with", JSON_REASON_TYPE);
		enum ent_err err = api_msg_party(q, json_string_value(v), &p[*n], &a);
		if (err)
			return err;
		if (a.id == self.id)
			return api_invalid(q, "with", "yourself");
		for (int j = 0; j < *n; j++)
			if (p[j].id == a.id)
				return api_invalid(q, "with", "duplicate");
		err = api_msg_may_write(q, &self, &p[*n], true, refused);
		if (err || *refused)
			return err;
		(*n)++;
	}
	/* In a group, every two others must be allowed together as well. */
	for (int a = 0; a < *n; a++)
		for (int b = a + 1; b < *n; b++) {
			enum ent_err err = api_msg_may_write(q, &p[a], &p[b], false, refused);
			if (err || *refused)
				return err;
		}
	return ENT_OK;
}

enum ent_err api_conversation_create(struct api_req *q)
{
	struct msg_party p[MSG_MEMBERS_MAX];
	int n;
	bool refused = false;
	enum ent_err err = read_with(q, p, &n, &refused);
	if (err || refused)
		return err;
	const char *d = api_str(q, "disappear", NULL);
	int64_t now = clock_now(), id = 0;
	int status = 200;
	if (n == 1)
		err = msg_conv_find_pair(q->db, q->s.account.id, p[0].id, &id);
	if (n > 1 || err == ENT_ENOTFOUND) {
		int64_t ids[MSG_MEMBERS_MAX];
		ids[0] = q->s.account.id;
		for (int i = 0; i < n; i++)
			ids[i + 1] = p[i].id;
		err = msg_conv_create(q->db, ids, n + 1, d ? msg_disappear_parse(d) : 0, now, &id);
		if (err == ENT_EEXIST && n == 1) /* opened by the other one meanwhile */
			err = msg_conv_find_pair(q->db, q->s.account.id, p[0].id, &id);
		else if (!err)
			status = 201;
	}
	struct msg_conv v;
	if (!err)
		err = msg_conv_get(q->db, id, q->s.account.id, &v);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64 * 1024);
	buf_puts(&b, "{\"allowed\":true,\"conversation\":");
	err = api_msg_conv_json(q, &v, now, &b);
	buf_putc(&b, '}');
	if (err) {
		buf_clear(&b);
		return err;
	}
	api_reply(q, status, &b);
	return ENT_OK;
}

/* ?before= as any integer (sort keys are negative before the first message). */
static enum ent_err before_arg(struct api_req *q, int64_t *out)
{
	const char *s = api_query(q, "before");
	*out = INT64_MAX;
	if (!s)
		return ENT_OK;
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v == INT64_MIN || v == INT64_MAX)
		return api_invalid(q, "before", "not-an-integer");
	*out = v;
	return ENT_OK;
}

enum ent_err api_conversations_list(struct api_req *q)
{
	int64_t before, limit, now = clock_now(), total = 0;
	enum ent_err err = before_arg(q, &before);
	if (!err)
		err = api_query_int(q, "limit", 20, 50, &limit);
	if (!err)
		err = msg_unread_total(q->db, q->s.account.id, now, &total);
	if (err)
		return err;
	struct msg_conv v[51];
	size_t n = 0;
	err = msg_conv_list(q->db, q->s.account.id, before, (size_t)limit + 1, v, &n);
	if (err)
		return err;
	bool more = n > (size_t)limit;
	if (more)
		n = (size_t)limit;
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_printf(&b, "{\"unread\":%lld,\"conversations\":[", (long long)total);
	for (size_t i = 0; !err && i < n; i++) {
		if (i)
			buf_putc(&b, ',');
		err = api_msg_conv_json(q, &v[i], now, &b);
	}
	return api_page_end(q, &b, err, more, n ? v[n - 1].sort_key : 0);
}

/* The header's badge: at most MSG_UNREAD_CAP counted, "more" past it. */
enum ent_err api_messages_unread(struct api_req *q)
{
	int64_t n = 0;
	enum ent_err err = msg_unread_capped(q->db, q->s.account.id, clock_now(), MSG_UNREAD_CAP + 1,
					     &n);
	if (err)
		return err;
	struct buf b;
	buf_init(&b, 64);
	buf_printf(&b, "{\"unread\":%lld,\"more\":%s}",
		   (long long)(n > MSG_UNREAD_CAP ? MSG_UNREAD_CAP : n),
		   n > MSG_UNREAD_CAP ? "true" : "false");
	api_reply(q, 200, &b);
	return ENT_OK;
}

/* The {id} conversation as the caller sees it: ENT_ENOTFOUND unless a member. */
static enum ent_err conv_of(struct api_req *q, struct msg_conv *v)
{
	int64_t id;
	enum ent_err err = api_path_id(q, "id", &id);
	return err ? err : msg_conv_get(q->db, id, q->s.account.id, v);
}

static enum ent_err reply_conv(struct api_req *q, const struct msg_conv *v)
{
	struct buf b;
	buf_init(&b, 64 * 1024);
	return api_reply_or_drop(q, &b, api_msg_conv_json(q, v, clock_now(), &b));
}

enum ent_err api_conversation_get(struct api_req *q)
{
	struct msg_conv v;
	enum ent_err err = conv_of(q, &v);
	return err ? err : reply_conv(q, &v);
}

enum ent_err api_conversation_patch(struct api_req *q)
{
	struct msg_conv v;
	enum ent_err err = conv_of(q, &v);
	if (err)
		return err;
	int64_t s = msg_disappear_parse(api_str(q, "disappear", NULL));
	err = msg_conv_set_disappear(q->db, v.id, s);
	if (err)
		return err;
	v.disappear_s = s;
	return reply_conv(q, &v);
}

enum ent_err api_conversation_read(struct api_req *q)
{
	struct msg_conv v;
	enum ent_err err = conv_of(q, &v);
	if (err)
		return err;
	json_int_t last = json_integer_value(json_object_get(q->body, "last"));
	if (last < 0)
		return api_invalid(q, "last", "negative");
	err = msg_conv_read(q->db, v.id, q->s.account.id, (int64_t)last);
	if (!err)
		err = msg_conv_get(q->db, v.id, q->s.account.id, &v);
	return err ? err : reply_conv(q, &v);
}
