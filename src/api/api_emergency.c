/*
 * api_emergency.c - rule R3 in communities (issue 12). A thread or a reply goes through the
 * desk's intent classifier when it is written. When it reads as an emergency it is still
 * published (peer support matters; a crisis is a need, never a violation), its author sees the
 * emergency numbers of the message's language first, with supportive words, and the post is
 * queued at the top of the moderators' queue, marked, with the steps to follow; the moderators
 * on duty are notified. Members' "someone may be in danger" reports share that top tier.
 *
 * Queue order (reports.queue_key, smallest first): tier 0 - a danger report or a post a safety
 * rule caught (oldest first); tier 1 - a post the model alone called urgent, by falling
 * confidence, so a doubtful alarm never pushes a sure one down; tier 2 - other reports.
 */
#include <string.h>

#include "api/api_emergency.h"
#include "community/comm.h"
#include "core/clock.h"
#include "desk/desk.h"

#define TIER1 ((int64_t)1 << 50)
#define TIER2 ((int64_t)1 << 53)
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

static const struct store_stmt Q_ALERT = {
	"comm.alert_insert",
	"INSERT INTO reports (post_id, reporter_id, reason, created_at, source, rule, confidence, queue_key) "
	"VALUES (?1, NULL, 'emergency-detected', ?2, 'classifier', ?3, ?4, 9007199254740992) RETURNING id"};
static const struct store_stmt Q_KEY = {
	"comm.report_key", "UPDATE reports SET queue_key = ?2 WHERE id = ?1"};
static const struct store_stmt Q_NOTIFY_MODS = {
	"comm.notify_moderators",
	"INSERT INTO notifications (account_id, kind, thread_id, post_id, created_at) "
	"SELECT DISTINCT r.account_id, 'moderation', ?1, ?2, ?3 FROM account_roles r "
	"JOIN accounts a ON a.id = r.account_id WHERE r.role = 'moderator' AND a.suspended_at IS NULL"};

enum ent_err comm_report_set_key(struct store_conn *db, int64_t id, int64_t key)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_KEY, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, id);
	store_q_bind_int(st, 2, key);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err comm_notify_moderators(struct store_conn *db, int64_t thread_id, int64_t post_id)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, &Q_NOTIFY_MODS, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, thread_id);
	store_q_bind_int(st, 2, post_id);
	store_q_bind_int(st, 3, clock_now());
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

enum ent_err comm_emergency_queue(struct store_conn *db, int64_t thread_id, int64_t post_id,
				  const struct comm_emergency *e)
{
	if (!e->urgent)
		return ENT_OK;
	struct store_q *st;
	bool row = false;
	const char *rule = ent_intent_rule_name(e->rule);
	enum ent_err err = store_q_open(db, &Q_ALERT, &st);
	if (err)
		return err;
	store_q_bind_int(st, 1, post_id);
	store_q_bind_int(st, 2, clock_now());
	store_q_bind_text(st, 3, rule, strlen(rule));
	store_q_bind_int(st, 4, e->confidence);
	err = store_q_step(st, &row);
	int64_t id = !err && row ? store_q_int(st, 0) : 0;
	store_q_close(st);
	if (!err && !id)
		err = ENT_EDB;
	if (!err) {
		int conf = e->confidence < 0 ? 0 : e->confidence > 1000 ? 1000 : e->confidence;
		int64_t key = e->rule != ENT_INTENT_RULE_NONE ? id : TIER1 + ((int64_t)(1000 - conf) << 36) + id;
		err = comm_report_set_key(db, id, key);
	}
	if (!err)
		err = comm_notify_moderators(db, thread_id, post_id);
	return err;
}

int64_t comm_report_queue_key(const char *reason, int64_t report_id)
{
	return strcmp(reason, "danger") == 0 ? report_id : TIER2 + report_id;
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
