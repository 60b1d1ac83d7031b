/*
 * demo_desk.c - the demo's relation desk: the CHU Exemple's desk with a teleconsultation
 * link, canned replies, and a realistic queue over the last weeks (appointments, document
 * copies, a consultation request redirected, an emergency, complaints, thanks), some answered,
 * some resolved, so the queue and the dashboard have something to show. Idempotent: nothing
 * is added when the desk already holds requests.
 */
#include <string.h>

#include "cli/demo/demo.h"
#include "api/api_desk.h"
#include "core/clock.h"

static const struct {
	const char *title, *body;
} canned[] = {
	{"Rendez-vous confirmé",
	 "Bonjour {handle}, votre rendez-vous est confirmé. Vous recevrez un rappel la veille. "
	 "L’accueil de {institution} (demande n° {request})"},
	{"Copie de document disponible",
	 "Bonjour {handle}, votre document est disponible ci-dessous, dans votre espace privé. "
	 "L’accueil de {institution}"},
	{"Réclamation bien reçue",
	 "Bonjour {handle}, merci de nous avoir écrit. Votre réclamation est transmise au service "
	 "des relations avec les usagers, qui vous répondra sous huit jours. L’accueil de {institution}"},
};

static const struct {
	const char *who, *form, *text, *detail; /* detail: extra JSON members or "" */
	int days_ago, answer_after_min, resolve_after_min; /* -1 = not yet */
} queue[] = {
	{"alice", "appointment", "Je voudrais un rendez-vous de suivi en cardiologie.",
	 ",\"action\":\"book\",\"department\":\"Cardiologie\",\"preferred_times\":\"mardi matin\"", 40, 35, 300},
	{"sam", "document", "Could I have a copy of my blood test results please?",
	 ",\"document\":\"results\"", 33, 90, 1440},
	{"alice", "question", "Le parking visiteurs est-il ouvert le dimanche ?", "", 27, 20, 60},
	{"sam", "complaint", "I waited three hours in the emergency room without any news.", "", 20, 240, -1},
	{"alice", "free", "Est-ce que je peux arrêter mon traitement, j’ai des vertiges ?", "", 15, 10, 30},
	{"alice", "appointment", "Je dois déplacer mon IRM de jeudi.",
	 ",\"action\":\"move\",\"department\":\"Radiologie\",\"preferred_times\":\"la semaine prochaine\"", 9, 55, -1},
	{"sam", "thanks", "Many thanks to the maternity team, you were wonderful.", "", 6, 180, 200},
	{"alice", "document", "Bonjour, je voudrais une copie de mon ordonnance de sortie.",
	 ",\"document\":\"prescription\"", 3, -1, -1},
	{"sam", "free", "Should I double my insulin dose tonight?", "", 2, -1, -1},
	{"alice", "free", "Mon père a une douleur dans la poitrine en ce moment", "", 1, 5, -1},
	{"sam", "question", "Where can I find the visiting hours of the paediatric ward?", "", 0, -1, -1},
};

static enum ent_err seal_json(const char *text, const char *detail, struct buf *out)
{
	struct buf plain;
	buf_init(&plain, DESK_SEALED_MAX);
	buf_puts(&plain, "{\"text\":");
	buf_json_cstr(&plain, text);
	buf_puts(&plain, detail);
	buf_putc(&plain, '}');
	enum ent_err err = buf_err(&plain);
	if (!err)
		err = desk_seal(plain.p, plain.len, out);
	buf_clear(&plain);
	return err;
}

static enum ent_err add_request(struct store_conn *db, const struct desk_inst *inst, size_t i,
				int64_t manager, int64_t now)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	struct ent_intent_result res;
	const char *text = queue[i].text;
	enum ent_err err = api_handle_key(queue[i].who, key);
	if (!err)
		err = store_account_by_handle(db, key, &a);
	if (!err)
		err = ent_intent_classify(text, strlen(text), a.locale, &res);
	if (err)
		return err;
	const char *type = desk_type_of(queue[i].form, res.intent);
	int64_t at = now - (int64_t)queue[i].days_ago * 86400 - 3600;
	struct buf sealed;
	buf_init(&sealed, DESK_SEALED_MAX + 64);
	err = seal_json(text, queue[i].detail, &sealed);
	int64_t id = 0;
	if (!err) {
		struct desk_request_new r = {
			.institution_id = inst->id, .requester_id = a.id, .form = queue[i].form,
			.type = type, .intent = ent_intent_name(res.intent),
			.flag = !strcmp(type, "urgent") ? "urgent" : !strcmp(type, "consultation") ? "consultation" : "",
			.lang = a.locale, .confidence = (int)(res.confidence * 1000),
			.priority = !strcmp(type, "urgent") ? 2 : !strcmp(type, "consultation") ? 1 : 0,
			.details_enc = sealed.p, .details_len = sealed.len, .now = at,
		};
		err = desk_request_insert(db, &r, &id);
	}
	if (!err && queue[i].answer_after_min >= 0) {
		bool en = !strcmp(a.locale, "en");
		const char *tmpl = desk_ready_reply(type, en);
		if (!tmpl)
			tmpl = en ? "Hello {handle}, thank you for your message; we are on it. The desk of "
				    "{institution}"
				  : "Bonjour {handle}, merci pour votre message, nous nous en occupons. "
				    "L’accueil de {institution}";
		struct buf reply, box;
		buf_init(&reply, 8192);
		buf_init(&box, DESK_SEALED_MAX + 64);
		err = desk_fill(tmpl, a.handle, inst, id, en, &reply);
		if (!err)
			err = seal_json(reply.p, "", &box);
		if (!err)
			err = desk_message_insert(db, id, manager, "reply", box.p, box.len,
						  at + queue[i].answer_after_min * 60);
		buf_clear(&reply);
		buf_clear(&box);
	}
	if (!err && queue[i].resolve_after_min >= 0)
		err = desk_request_update(db, id, "resolved", manager, -1,
					  at + queue[i].resolve_after_min * 60);
	buf_clear(&sealed);
	return err;
}

static void count_request(const struct desk_request *r, void *arg)
{
	(void)r;
	(*(int64_t *)arg)++;
}

enum ent_err demo_desk(struct api_app *app, struct store_conn *db, FILE *out)
{
	struct desk_inst inst;
	char key[STORE_HANDLE_MAX + 1];
	struct store_account manager;
	enum ent_err err = desk_seal_init(app->cfg.data);
	if (!err)
		err = desk_inst_find(db, DEMO_INSTITUTION, &inst);
	if (!err)
		err = api_handle_key("accueil.chu", key);
	if (!err)
		err = store_account_by_handle(db, key, &manager);
	if (err)
		return err;
	int64_t n = 0; /* the desk's requests: the demo adds its queue to an empty desk only */
	struct desk_filter any = {.institution_id = inst.id};
	err = desk_request_each(db, &any, count_request, &n);
	if (err)
		return err;
	int64_t now = clock_now(), id;
	if (!n)
		err = desk_inst_set_teleconsult(db, inst.id,
						"https://teleconsultation.chu-exemple.invalid/", now);
	for (size_t i = 0; !err && !n && i < sizeof canned / sizeof canned[0]; i++)
		err = desk_canned_insert(db, inst.id, canned[i].title, canned[i].body, now, &id);
	for (size_t i = 0; !err && !n && i < sizeof queue / sizeof queue[0]; i++)
		err = add_request(db, &inst, i, manager.id, now);
	if (!err)
		fprintf(out, "Accueil / desk: /desk/%s (file / queue: /desk/%s/queue, dashboard: "
			     "/desk/%s/dashboard)\n", DEMO_INSTITUTION, DEMO_INSTITUTION,
			DEMO_INSTITUTION);
	return err;
}
