/*
 * api_demo_communities.c - demo spaces (French and English patient communities, a carers'
 * space for members, a professional space, the demo institution's page), threads with
 * replies, and validated articles signed by the demo institution. Idempotent: a space that
 * already exists is left as it is; articles are published only when the institution has none.
 * The texts are written for the demo and hold no identifier (they would not pass the check).
 */
#include <string.h>

#include "api/api_community.h"
#include "api/api_demo.h"
#include "core/clock.h"

#define DEMO_PASSWORD "demo-entraide-2026"

struct demo_thread {
	const char *title;
	const char *posts[5]; /* by the authors below in turn; NULL-terminated */
};

struct demo_space {
	const char *slug, *name, *description, *language, *visibility, *kind;
	const char *authors[3];
	struct demo_thread threads[3];
};

static const struct demo_space spaces[] = {
	{"diabete-type-1", "Diabète de type 1",
	 "Entraide entre personnes qui vivent avec un diabète de type 1, et leurs proches.", "fr",
	 "public", "community", {"alice", "papillon_bleu", "marc.t1"},
	 {{"Pompe à insuline : vos retours après quelques mois ?",
	   {"Bonjour à toutes et à tous. On nous propose de passer à la pompe à insuline pour notre "
	    "fille. Qu'est-ce qui a changé pour vous au quotidien ? Les nuits sont-elles plus "
	    "calmes ?",
	    "Pour moi, les nuits ont vraiment changé : moins d'hypoglycémies nocturnes grâce au débit "
	    "de base réglé heure par heure. Les premières semaines demandent de la patience pour les "
	    "réglages.",
	    "Même expérience ici. Pensez à garder des stylos en secours, et à noter vos questions "
	    "pour l'équipe de diabétologie : c'est elle qui ajuste les réglages.",
	    NULL}},
	  {"Hypoglycémies pendant le sport",
	   {"Je cours deux fois par semaine et je fais souvent des hypos en fin de séance. Comment "
	    "vous organisez-vous ?",
	    "J'ai toujours du sucre rapide sur moi et je contrôle avant de partir. Mon équipe m'a "
	    "aidée à adapter les doses les jours d'entraînement.",
	    NULL}},
	  {"Annonce du diagnostic : comment avez-vous tenu le coup ?",
	   {"Le diagnostic est tombé il y a trois semaines. Tout va très vite, beaucoup "
	    "d'informations d'un coup. Comment avez-vous vécu les premiers mois ?",
	    "Les premiers mois sont les plus durs. Ça devient une routine, promis. Ce forum m'a "
	    "beaucoup aidé à me sentir moins seul.",
	    "N'hésitez pas à demander l'éducation thérapeutique à l'hôpital, c'est précieux.",
	    NULL}}}},
	{"sclerose-en-plaques", "Sclérose en plaques",
	 "Vivre avec la SEP : fatigue, traitements, travail, vie de famille.", "fr", "members",
	 "community", {"papillon_bleu", "alice", "marc.t1"},
	 {{"Fatigue : vos astuces pour tenir la journée",
	   {"La fatigue est mon plus gros souci. Je fractionne mes journées, mais ce n'est pas "
	    "toujours possible au travail. Vous faites comment ?",
	    "Des pauses courtes et régulières, et j'ai demandé un aménagement de poste avec la "
	    "médecine du travail. Ça a vraiment aidé.",
	    NULL}},
	  {NULL, {NULL}},
	  {NULL, {NULL}}}},
	{"long-covid", "Long COVID (English)",
	 "Peer support for people living with long COVID and those who care for them.", "en",
	 "public", "community", {"sam", "marc.t1", "alice"},
	 {{"Pacing: what worked for you?",
	   {"I keep crashing after good days. How do you pace yourself without giving up "
	    "everything you enjoy?",
	    "Heart-rate based pacing helped me a lot. Planning rest before I feel tired was the "
	    "hardest habit to learn.",
	    "Same here. Keeping a simple activity diary showed me my patterns.",
	    NULL}},
	  {NULL, {NULL}},
	  {NULL, {NULL}}}},
	{"aidants", "Aidants familiaux",
	 "Pour celles et ceux qui accompagnent un proche malade ou dépendant.", "fr", "members",
	 "community", {"alice", "papillon_bleu", "sam"},
	 {{"Trouver du répit sans culpabiliser",
	   {"J'accompagne mon père depuis deux ans et je suis épuisée. Avez-vous eu recours à "
	    "l'accueil de jour ?",
	    "Oui, et j'ai mis du temps à accepter. Aujourd'hui je sais que prendre soin de moi, "
	    "c'est aussi prendre soin de lui.",
	    NULL}},
	  {NULL, {NULL}},
	  {NULL, {NULL}}}},
	{"pro-dermatologie", "Dermatologie (professionnels)",
	 "Espace réservé aux professionnels vérifiés : cas dé-identifiés, avis entre pairs.", "fr",
	 "professionals", "professional", {"dr.martin", "dr.martin", "dr.martin"},
	 {{"Lésion pigmentée atypique : avis sur la conduite à tenir",
	   {"Cas dé-identifié : lésion pigmentée asymétrique de 8 mm, évolution récente selon le "
	    "patient. Dermoscopie en faveur d'une exérèse ? Vos critères habituels ?",
	    NULL}},
	  {NULL, {NULL}},
	  {NULL, {NULL}}}},
};

static const struct {
	const char *lang, *title, *body;
} articles[] = {
	{"fr", "Pompes à insuline : ce qu'il faut savoir",
	 "La **pompe à insuline** délivre l'insuline en continu par un cathéter placé sous la "
	 "peau. Elle permet d'adapter le débit de base heure par heure et de réduire les "
	 "hypoglycémies nocturnes.\n\n"
	 "## Pour qui ?\n\nLa décision se prend avec l'équipe de diabétologie, après une "
	 "éducation thérapeutique.\n\n"
	 "## Au quotidien\n\n- Gardez toujours un stylo d'insuline en secours.\n"
	 "- Changez le site de perfusion tous les deux à trois jours.\n"
	 "- En cas de glycémie élevée inexpliquée, vérifiez le cathéter.\n"},
	{"fr", "Hypoglycémie : reconnaître les signes et réagir",
	 "Tremblements, sueurs, faim brutale, troubles de la concentration : ce sont les signes "
	 "d'une **hypoglycémie**.\n\n"
	 "1. Contrôlez la glycémie si possible.\n2. Prenez 15 g de sucre rapide.\n"
	 "3. Contrôlez à nouveau après 15 minutes.\n\n"
	 "En cas de perte de connaissance, appelez le **15** (ou le 112)."},
	{"en", "Long COVID: pacing and returning to activity",
	 "Post-exertional symptoms are common in long COVID. **Pacing** means planning activity "
	 "and rest to stay within your energy limits.\n\n"
	 "- Increase activity slowly, and only when symptoms are stable.\n"
	 "- Rest before you feel exhausted.\n- Talk to your doctor before starting a programme."},
};

static const struct store_stmt Q_SPACE_ADD = {
	"demo.space_add",
	"INSERT INTO spaces (slug, name, description, language, visibility, kind, institution_id, "
	"created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	"(SELECT id FROM institutions WHERE slug = ?7), ?8) ON CONFLICT (slug) DO NOTHING RETURNING id"};
static const struct store_stmt Q_ARTICLE_COUNT = {
	"demo.article_count",
	"SELECT count(*) FROM articles a JOIN institutions i ON i.id = a.institution_id WHERE i.slug = ?1"};

static enum ent_err account_id(struct store_conn *db, const char *handle, int64_t *id)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	enum ent_err err = api_handle_key(handle, key);
	if (!err)
		err = store_account_by_handle(db, key, &a);
	if (!err)
		*id = a.id;
	return err;
}

/* Creates the space when missing; *id 0 when it already existed. */
static enum ent_err add_space(struct store_conn *db, const char *slug, const char *name,
			      const char *desc, const char *lang, const char *vis, const char *kind,
			      const char *inst, int64_t *id)
{
	struct store_q *st;
	bool row = false;
	enum ent_err err = store_q_open(db, &Q_SPACE_ADD, &st);
	if (err)
		return err;
	const char *v[] = {slug, name, desc, lang, vis, kind};
	for (int i = 0; i < 6; i++)
		store_q_bind_text(st, i + 1, v[i], strlen(v[i]));
	if (inst)
		store_q_bind_text(st, 7, inst, strlen(inst));
	else
		store_q_bind_null(st, 7);
	store_q_bind_int(st, 8, clock_now());
	err = store_q_step(st, &row);
	*id = !err && row ? store_q_int(st, 0) : 0;
	store_q_close(st);
	return err;
}

static enum ent_err fill_space(struct store_conn *db, const struct demo_space *s, int64_t space_id)
{
	int64_t authors[3];
	enum ent_err err = ENT_OK;
	for (int i = 0; !err && i < 3; i++)
		err = account_id(db, s->authors[i], &authors[i]);
	for (int t = 0; !err && t < 3 && s->threads[t].title; t++) {
		const struct demo_thread *th = &s->threads[t];
		struct comm_new_post p = {0};
		err = comm_thread_insert(db, space_id, authors[0], th->title, strlen(th->title), &p.thread_id);
		for (int i = 0; !err && i < 5 && th->posts[i]; i++) {
			p.title = i == 0 ? th->title : NULL;
			p.body = th->posts[i];
			p.len = strlen(th->posts[i]);
			err = comm_post_insert(db, authors[i % 3], s->language, &p);
		}
	}
	return err;
}

enum ent_err api_demo_communities(struct api_app *app, struct store_conn *db, FILE *out)
{
	static const char *const members[] = {"papillon_bleu", "marc.t1"};
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < sizeof members / sizeof members[0]; i++) {
		char email[96];
		snprintf(email, sizeof email, "%s@demo.entraide.invalid", members[i]);
		err = api_demo_account(app, db, members[i], email, DEMO_PASSWORD, "fr", NULL, NULL);
	}
	if (err)
		return err;
	err = store_tx_begin(db);
	if (err)
		return err;
	int64_t id;
	for (size_t i = 0; !err && i < sizeof spaces / sizeof spaces[0]; i++) {
		const struct demo_space *s = &spaces[i];
		err = add_space(db, s->slug, s->name, s->description, s->language, s->visibility,
				s->kind, NULL, &id);
		if (!err && id)
			err = fill_space(db, s, id);
	}
	if (!err)
		err = add_space(db, API_DEMO_INSTITUTION, "CHU Exemple",
				"La page de l'établissement : informations validées et actualités.", "fr",
				"public", "institution", API_DEMO_INSTITUTION, &id);
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	struct store_q *st;
	bool row = false;
	int64_t n = 0, editor = 0;
	if (!err)
		err = store_q_open(db, &Q_ARTICLE_COUNT, &st);
	if (!err) {
		store_q_bind_text(st, 1, API_DEMO_INSTITUTION, strlen(API_DEMO_INSTITUTION));
		err = store_q_step(st, &row);
		n = row ? store_q_int(st, 0) : 0;
		store_q_close(st);
	}
	if (!err)
		err = account_id(db, "redaction.chu", &editor);
	for (size_t i = 0; !err && n == 0 && i < sizeof articles / sizeof articles[0]; i++)
		err = api_article_publish(app, db, API_DEMO_INSTITUTION, editor, articles[i].lang,
					  articles[i].title, articles[i].body, &id);
	if (err)
		return err;
	fprintf(out, "Communautés / communities: diabete-type-1 (public), long-covid (public, en), "
		     "sclerose-en-plaques, aidants (membres), pro-dermatologie (professionnels); "
		     "articles signés par %s\n", API_DEMO_INSTITUTION);
	return ENT_OK;
}
