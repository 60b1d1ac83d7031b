/*
 * demo_communities.c - demo spaces (French and English patient communities, a carers'
 * space for members, a professional space, the demo institution's page), threads with
 * replies, and validated articles signed by the demo institution. Idempotent: a space that
 * already exists is left as it is; articles are published only when the institution has none.
 * The texts are written for the demo and hold no identifier (they would not pass the check).
 */
#include <string.h>

#include "api/api_community.h"
#include "community/comm_space_store.h"
#include "cli/demo/demo.h"
#include "core/clock.h"
#include "store/store_community.h"


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

/* Creates the space when missing; *id 0 when it already existed. */
static enum ent_err add_space(struct store_conn *db, const char *slug, const char *name,
			      const char *desc, const char *lang, const char *vis, const char *kind,
			      const char *inst, int64_t *id)
{
	struct comm_space_row row = {0};
	snprintf(row.slug, sizeof row.slug, "%s", slug);
	snprintf(row.name, sizeof row.name, "%s", name);
	snprintf(row.description, sizeof row.description, "%s", desc);
	snprintf(row.language, sizeof row.language, "%s", lang);
	snprintf(row.visibility, sizeof row.visibility, "%s", vis);
	snprintf(row.kind, sizeof row.kind, "%s", kind);
	snprintf(row.institution, sizeof row.institution, "%s", inst ? inst : "");
	return comm_space_ensure(db, &row, clock_now(), id);
}

static enum ent_err fill_space(struct store_conn *db, const struct demo_space *s, int64_t space_id)
{
	int64_t authors[3];
	enum ent_err err = ENT_OK;
	for (int i = 0; !err && i < 3; i++)
		err = demo_account_id(db, s->authors[i], &authors[i]);
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

enum ent_err demo_communities(struct api_app *app, struct store_conn *db, FILE *out)
{
	static const char *const members[] = {"papillon_bleu", "marc.t1"};
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < sizeof members / sizeof members[0]; i++) {
		char email[96];
		snprintf(email, sizeof email, "%s@demo.entraide.invalid", members[i]);
		err = demo_account(app, db, members[i], email, DEMO_PASSWORD, "fr", NULL, NULL);
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
		err = add_space(db, DEMO_INSTITUTION, "CHU Exemple",
				"La page de l'établissement : informations validées et actualités.", "fr",
				"public", "institution", DEMO_INSTITUTION, &id);
	if (!err)
		err = store_tx_commit(db);
	else
		store_tx_rollback(db);
	int64_t n = 0, editor = 0;
	if (!err)
		err = store_community_article_count(db, DEMO_INSTITUTION, &n);
	if (!err)
		err = demo_account_id(db, "redaction.chu", &editor);
	for (size_t i = 0; !err && n == 0 && i < sizeof articles / sizeof articles[0]; i++)
		err = api_article_publish(app, db, DEMO_INSTITUTION, editor, articles[i].lang,
					  articles[i].title, articles[i].body, &id);
	if (err)
		return err;
	fprintf(out, "Communautés / communities: diabete-type-1 (public), long-covid (public, en), "
		     "sclerose-en-plaques, aidants (membres), pro-dermatologie (professionnels); "
		     "articles signés par %s\n", DEMO_INSTITUTION);
	return ENT_OK;
}
