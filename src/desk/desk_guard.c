/*
 * desk_guard.c - what the sender of a desk request sees at once, and the ready reply the
 * community manager is offered (rules R2 and R3).
 *
 * R3: an urgent message shows the emergency numbers before anything else (15 SAMU, 112, 114
 * by SMS for deaf and hard-of-hearing people, 3114 suicide prevention; 999, 911, 988 in
 * English), with supportive wording: a need, never a violation. When the classifier's rule
 * says suicide, the suicide-prevention line comes first.
 * R2: a consultation request gets the allowed ways at once (an appointment at the desk, the
 * institution's teleconsultation link when it has one, one's own doctor), never an answer;
 * the ready reply for community managers gives no medical advice either.
 * Not responsible for: classifying (entraide/intent.h) or wording in the browser (the front
 * end renders its own catalogue from these stable keys; the texts here are for the API and
 * the community manager's reply).
 */
#include <stdio.h>
#include <string.h>

#include "desk/desk.h"

const char *desk_flag_of(const char *type)
{
	return !strcmp(type, "urgent") ? "urgent" : !strcmp(type, "consultation") ? "consultation" : "";
}

int desk_priority_of(const char *type)
{
	return !strcmp(type, "urgent") ? 2 : !strcmp(type, "consultation") ? 1 : 0;
}

const char *desk_type_of(const char *form, enum ent_intent intent)
{
	if (intent == ENT_INTENT_URGENT || intent == ENT_INTENT_CONSULTATION)
		return ent_intent_name(intent);
	static const struct {
		const char *form, *type;
	} map[] = {
		{"appointment", "appointment"}, {"document", "document_request"},
		{"question", "info"},           {"complaint", "complaint"},
		{"thanks", "praise"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(form, map[i].form))
			return map[i].type;
	return ent_intent_name(intent);
}

struct number {
	const char *number, *fr, *en;
	bool sms;
};

static const struct number numbers_fr[] = {
	{"15", "SAMU : urgence médicale", "SAMU: medical emergency", false},
	{"112", "Numéro d’urgence européen", "European emergency number", false},
	{"114", "Par SMS, pour les personnes sourdes ou malentendantes",
	 "By text message, for deaf and hard-of-hearing people", true},
	{"3114", "Prévention du suicide, 24 h/24", "Suicide prevention, day and night", false},
};
static const struct number numbers_en[] = {
	{"999", "", "Emergency (United Kingdom)", false},
	{"911", "", "Emergency (United States, Canada)", false},
	{"988", "", "Suicide and crisis lifeline (United States)", false},
	{"112", "", "Emergency (Europe, and France)", false},
	{"116 123", "", "Samaritans (United Kingdom, Ireland): someone to talk to, day and night", false},
};
#define N_NUMBERS(v) (sizeof(v) / sizeof(v)[0])

static void put_number(struct buf *b, const struct number *n, bool en, bool *first)
{
	buf_puts(b, *first ? "{\"number\":" : ",{\"number\":");
	*first = false;
	buf_json_cstr(b, n->number);
	buf_puts(b, ",\"label\":");
	buf_json_cstr(b, en ? n->en : n->fr);
	buf_printf(b, ",\"sms\":%s}", n->sms ? "true" : "false");
}

static void put_numbers(struct buf *b, enum ent_intent_rule rule, bool en)
{
	const struct number *v = en ? numbers_en : numbers_fr;
	size_t n = en ? N_NUMBERS(numbers_en) : N_NUMBERS(numbers_fr);
	const char *crisis = en ? "988" : "3114";
	bool first = true;
	buf_putc(b, '[');
	if (rule == ENT_INTENT_RULE_SUICIDE)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(v[i].number, crisis))
				put_number(b, &v[i], en, &first);
	for (size_t i = 0; i < n; i++)
		if (rule != ENT_INTENT_RULE_SUICIDE || strcmp(v[i].number, crisis))
			put_number(b, &v[i], en, &first);
	buf_putc(b, ']');
}

enum ent_err desk_guidance_json(struct buf *b, const char *type, enum ent_intent_rule rule, bool en,
				const struct desk_inst *inst)
{
	if (!strcmp(type, "urgent")) {
		buf_puts(b, "{\"kind\":\"urgent\",\"numbers\":");
		put_numbers(b, rule, en);
		buf_puts(b, ",\"message\":");
		buf_json_cstr(b, en ? "What you describe may be an emergency. Call now: you are right to "
				      "ask for help. Your message has also been sent to the desk, at the "
				      "top of its queue."
				    : "Ce que vous décrivez peut être une urgence. Appelez maintenant : vous "
				      "avez raison de demander de l’aide. Votre message est aussi transmis "
				      "à l’accueil, en tête de sa file.");
		buf_puts(b, ",\"rule\":");
		buf_json_cstr(b, ent_intent_rule_name(rule));
		buf_putc(b, '}');
	} else if (!strcmp(type, "consultation")) {
		buf_puts(b, "{\"kind\":\"consultation\",\"message\":");
		buf_json_cstr(b, en ? "Your question needs a consultation with a doctor who can examine "
				      "you: the desk cannot answer it by message. Here is what you can "
				      "do now."
				    : "Votre question demande une consultation avec un médecin qui peut "
				      "vous examiner : l’accueil ne peut pas y répondre par message. Voici "
				      "ce que vous pouvez faire dès maintenant.");
		buf_puts(b, ",\"alternatives\":[{\"kind\":\"appointment\",\"href\":");
		buf_printf(b, "\"/desk/%s?form=appointment\"}", inst->slug);
		if (inst->teleconsult_url[0]) {
			buf_puts(b, ",{\"kind\":\"teleconsultation\",\"href\":");
			buf_json_cstr(b, inst->teleconsult_url);
			buf_putc(b, '}');
		}
		buf_puts(b, ",{\"kind\":\"own_doctor\"}],\"if_worse\":");
		put_numbers(b, ENT_INTENT_RULE_NONE, en);
		buf_putc(b, '}');
	} else {
		buf_puts(b, "{\"kind\":\"received\"}");
	}
	return buf_err(b);
}

enum ent_err desk_emergency_json(struct buf *b, enum ent_intent_rule rule, bool en)
{
	bool crisis = rule == ENT_INTENT_RULE_SUICIDE;
	buf_printf(b, "{\"kind\":\"%s\",\"language\":\"%s\",\"rule\":", crisis ? "suicide" : "urgent",
		   en ? "en" : "fr");
	buf_json_cstr(b, ent_intent_rule_name(rule));
	buf_puts(b, ",\"heading\":");
	buf_json_cstr(b, en ? "You are not alone" : "Vous n’êtes pas seul·e");
	buf_puts(b, ",\"message\":");
	if (crisis)
		buf_json_cstr(b, en ? "Thank you for writing here. If you are thinking about ending your life, "
				      "please talk to someone now: these lines answer day and night, for free. "
				      "If you are in danger right now, call 999, 911 or 112. Your message is "
				      "published, and the moderators have seen it too."
				    : "Merci d’avoir écrit ici. Si vous pensez à mettre fin à vos jours, parlez-en "
				      "maintenant : le 3114 vous répond jour et nuit, gratuitement. En danger "
				      "immédiat, appelez le 15 ou le 112. Votre message est publié, et les "
				      "modérateurs l’ont vu aussi.");
	else
		buf_json_cstr(b, en ? "Thank you for writing here. What you describe may be an emergency: "
				      "people can help you right now, day and night. Your message is published, "
				      "and the moderators have seen it too."
				    : "Merci d’avoir écrit ici. Ce que vous décrivez peut être une urgence : des "
				      "personnes peuvent vous aider tout de suite, jour et nuit. Votre message "
				      "est publié, et les modérateurs l’ont vu aussi.");
	buf_puts(b, ",\"numbers\":");
	put_numbers(b, rule, en);
	buf_putc(b, '}');
	return buf_err(b);
}

static const char ready_consult_fr[] =
	"Bonjour {handle}, merci pour votre message. Votre question demande l’avis d’un médecin qui "
	"peut vous examiner : nous ne pouvons pas y répondre par messagerie. Vous pouvez prendre "
	"rendez-vous avec le service concerné depuis l’accueil de {institution}, utiliser notre "
	"téléconsultation ({teleconsultation}) ou contacter votre médecin traitant. Si votre état "
	"s’aggrave, appelez le 15. L’accueil de {institution} (demande n° {request})";
static const char ready_consult_en[] =
	"Hello {handle}, thank you for your message. Your question needs the advice of a doctor who "
	"can examine you: we cannot answer it by message. You can book an appointment with the "
	"department through the desk of {institution}, use our teleconsultation service "
	"({teleconsultation}) or contact your own doctor. If you feel worse, call 112 or your local "
	"emergency number. The desk of {institution} (request {request})";
static const char ready_urgent_fr[] =
	"Bonjour {handle}, nous avons bien lu votre message. Si la situation est urgente, appelez "
	"le 15 ou le 112 maintenant (114 par SMS ; 3114 si vous pensez au suicide). Nous restons "
	"disponibles pour la suite. L’accueil de {institution} (demande n° {request})";
static const char ready_urgent_en[] =
	"Hello {handle}, we have read your message. If this is an emergency, please call 112, 999 or "
	"911 now (988 if you are thinking about suicide). We are here for what comes next. The desk "
	"of {institution} (request {request})";

const char *desk_ready_reply(const char *type, bool en)
{
	if (!strcmp(type, "consultation"))
		return en ? ready_consult_en : ready_consult_fr;
	if (!strcmp(type, "urgent"))
		return en ? ready_urgent_en : ready_urgent_fr;
	return NULL;
}

enum ent_err desk_fill(const char *tmpl, const char *handle, const struct desk_inst *inst,
		       int64_t request_id, bool en, struct buf *out)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)request_id);
	const char *tele = inst->teleconsult_url[0] ? inst->teleconsult_url
			   : en			   ? "ask the desk for the link"
						   : "demandez le lien à l’accueil";
	const struct {
		const char *name, *value;
	} vars[] = {
		{"{handle}", handle},
		{"{institution}", inst->name},
		{"{request}", num},
		{"{teleconsultation}", tele},
	};
	for (const char *p = tmpl; *p;) {
		bool done = false;
		for (size_t i = 0; !done && i < sizeof vars / sizeof vars[0]; i++) {
			size_t n = strlen(vars[i].name);
			if (!strncmp(p, vars[i].name, n)) {
				buf_puts(out, vars[i].value);
				p += n;
				done = true;
			}
		}
		if (!done)
			buf_putc(out, *p++);
	}
	return buf_err(out);
}
