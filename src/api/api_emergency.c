/*
 * api_emergency.c - rule R3 in communities (issue 12). A thread or a reply goes through the
 * desk's intent classifier when it is written. When it reads as an emergency it is still
 * published (peer support matters; a crisis is a need, never a violation), its author sees the
 * emergency numbers of the message's language first, with supportive words, and the post is
 * queued at the top of the moderators' queue, marked, with the steps to follow; the moderators
 * on duty are notified. Members' "someone may be in danger" reports share that top tier.
 * Not responsible for: the queue and its order (comm_emergency_queue, comm_notify_store.h).
 */
#include <string.h>

#include "api/api_emergency.h"
#include "community/comm.h"
#include "desk/desk.h"

#define TEXT_MAX (COMM_TITLE_MAX + COMM_BODY_MAX + 8)

void comm_emergency_read(const char *title, size_t tlen, const char *body, size_t blen,
			 struct comm_emergency *e)
{
	struct ent_intent_result res;
	struct buf t;
	memset(e, 0, sizeof *e);
	buf_init(&t, TEXT_MAX);
	if (title && tlen) {
		buf_append(&t, title, tlen);
		buf_puts(&t, ".\n");
	}
	buf_append(&t, body, blen);
	if (!buf_err(&t) && ent_intent_classify(t.p ? t.p : "", t.len, NULL, &res) == ENT_OK) {
		e->urgent = res.intent == ENT_INTENT_URGENT;
		e->rule = res.rule;
		e->confidence = (int)(res.confidence * 1000.0f + 0.5f);
		e->en = res.lang == ENT_INTENT_LANG_EN;
	}
	buf_clear(&t);
}

enum ent_err comm_emergency_json(struct buf *b, const struct comm_emergency *e)
{
	if (!e->urgent)
		return ENT_OK;
	buf_puts(b, ",\"emergency\":");
	return desk_emergency_json(b, e->rule, e->en);
}

void comm_emergency_steps_json(struct buf *b, bool en)
{
	static const char *const fr[] = {
		"Lisez le message maintenant. Ne le masquez pas pour cette seule raison : l’entraide compte, "
		"et son auteur a déjà vu les numéros d’urgence.",
		"Répondez à l’auteur avec bienveillance, sans jugement, et rappelez les numéros : 15 ou 112, "
		"114 par SMS, 3114 pour la prévention du suicide.",
		"Si une vie est en danger immédiat et que le message permet de situer la personne, appelez "
		"le 15 ou le 112.",
		"Prévenez un autre modérateur ou l’équipe de l’établissement si vous avez un doute.",
		"Marquez le signalement comme traité et notez ce qui a été fait.",
	};
	static const char *const en_steps[] = {
		"Read the post now. Do not hide it for this reason alone: peer support matters, and its "
		"author has already been shown the emergency numbers.",
		"Reply to the author kindly, without judgement, and repeat the numbers: 999, 911 or 112; "
		"988; Samaritans 116 123.",
		"If a life is in immediate danger and the post tells where the person is, call 999, 911 or "
		"112.",
		"Tell another moderator or the institution's team if you are unsure.",
		"Mark the report as handled and note what was done.",
	};
	const char *const *v = en ? en_steps : fr;
	buf_putc(b, '[');
	for (size_t i = 0; i < 5; i++) {
		if (i)
			buf_putc(b, ',');
		buf_json_cstr(b, v[i]);
	}
	buf_putc(b, ']');
}
