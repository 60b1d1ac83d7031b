/*
 * api_conversation.c - opening a private conversation, and rule R2: a member cannot message a
 * professional privately (no online consultation). The refusal is a problem+json that says
 * why and points to the institution's desk, where questions get the allowed alternatives.
 * Direct messages themselves (end-to-end encrypted) are not built yet: an allowed pair gets
 * {"allowed":true,"messaging":"not-available"}.
 */
#include <string.h>

#include "api/api_handlers.h"
#include "api/api_pro.h"
#include "pro/pro_store.h"

const struct json_field api_conversation_create_fields[] = {
	{"with", JF_STRING, true, 1, 64, NULL},
	{NULL, 0, false, 0, 0, NULL},
};

static bool is_professional(const struct store_role *roles, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(roles[i].role, "professional"))
			return true;
	return false;
}

/* R2: the refusal, with the desk of the professional's institution when known. */
static void refuse_r2(struct api_req *q, const struct pro_verification *v, bool has_v)
{
	struct buf x;
	buf_init(&x, 4096);
	buf_puts(&x, "\"rule\":\"R2\",\"reason\":\"member-to-professional\",\"explanation\":");
	buf_json_cstr(&x, q->lang == HTTP_LANG_EN
		      ? "Health professionals do not answer members privately: entraide is not an "
			"online consultation. Ask the institution's desk, which offers an "
			"appointment, its teleconsultation service, or to see your own doctor."
		      : "Les professionnels de santé ne répondent pas aux membres en privé : "
			"entraide n'est pas une consultation en ligne. Adressez-vous au guichet de "
			"l'établissement, qui propose un rendez-vous, son service de "
			"téléconsultation ou de consulter votre médecin.");
	buf_puts(&x, ",\"desk\":");
	if (has_v && v->institution[0]) {
		buf_puts(&x, "{\"institution\":");
		buf_json_cstr(&x, v->institution);
		buf_puts(&x, ",\"name\":");
		buf_json_cstr(&x, v->institution_name);
		buf_puts(&x, ",\"href\":");
		char href[96];
		snprintf(href, sizeof href, "/desk/%s", v->institution);
		buf_json_cstr(&x, href);
		buf_putc(&x, '}');
	} else {
		buf_puts(&x, "{\"institution\":null,\"name\":null,\"href\":\"/desk\"}");
	}
	http_problem(q->http, "forbidden", q->lang, buf_err(&x) ? NULL : x.p);
	q->http->is_api = true;
	buf_clear(&x);
}

enum ent_err api_conversation_create(struct api_req *q)
{
	char k[STORE_HANDLE_MAX + 1];
	struct store_account a;
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	const char *with = api_str(q, "with", NULL);
	if (api_handle_key(with, k))
		return ENT_ENOTFOUND;
	enum ent_err err = store_account_by_handle(q->db, k, &a);
	if (!err)
		err = store_roles_of(q->db, a.id, roles, STORE_ROLES_MAX, &n);
	if (err)
		return err;
	if (a.id == q->s.account.id)
		return api_invalid(q, "with", "yourself");
	if (is_professional(roles, n) && !(q->s.roles & ROLE_PROFESSIONAL)) {
		struct pro_verification v;
		err = pro_verif_approved(q->db, a.id, &v);
		if (err && err != ENT_ENOTFOUND)
			return err;
		refuse_r2(q, &v, !err);
		return ENT_OK;
	}
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "{\"with\":");
	buf_json_cstr(&b, a.handle);
	buf_puts(&b, ",\"allowed\":true,\"messaging\":\"not-available\"}");
	api_reply(q, 200, &b);
	return ENT_OK;
}
