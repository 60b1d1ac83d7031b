/*
 * gen_posts.c - fills a data directory with a large community for the benchmark:
 *
 *   comm_gen DATA_DIR N_POSTS [POSTS_PER_THREAD]
 *
 * Adds a public space "banc-d-essai" (French) with N_POSTS posts in threads of
 * POSTS_PER_THREAD (default 50), written by the demo accounts, through the same store
 * functions as the API (Markdown rendered, stemmed into the search index, follows and
 * notifications), one transaction per thread. Texts are assembled from sentences about
 * diabetes so that searches find many of them. Prints the id of the last thread.
 * Not part of the server: bench/community/run.sh builds and runs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_community.h"
#include "core/clock.h"

static const char *const sentences[] = {
	"La pompe à insuline a changé mes nuits, moins d'hypoglycémies.",
	"Je contrôle ma glycémie avant chaque séance de sport.",
	"Le capteur de glucose se décolle parfois avec la chaleur.",
	"Mon équipe de diabétologie m'a aidée à ajuster les doses.",
	"Les premiers mois après le diagnostic ont été difficiles.",
	"Gardez toujours du sucre rapide dans votre sac.",
	"L'éducation thérapeutique à l'hôpital m'a beaucoup appris.",
	"La fatigue revient souvent en fin de journée.",
	"Je note mes questions pour la prochaine consultation.",
	"Le resucrage après l'effort demande un peu d'organisation.",
	"Les repas au restaurant restent un casse-tête pour compter les glucides.",
	"Merci pour vos messages, ça aide à se sentir moins seul.",
};
#define N_SENT (sizeof sentences / sizeof sentences[0])

static const struct store_stmt Q_SPACE = {
	"bench.space",
	"INSERT INTO spaces (slug, name, description, language, visibility, kind, created_at) "
	"VALUES ('banc-d-essai', 'Banc d''essai', 'Communauté générée pour le banc d''essai.', 'fr', "
	"'public', 'community', ?1) ON CONFLICT (slug) DO UPDATE SET name = name RETURNING id"};
static const struct store_stmt Q_AUTHORS = {
	"bench.authors", "SELECT id FROM accounts ORDER BY id LIMIT 8"};

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: comm_gen DATA_DIR N_POSTS [POSTS_PER_THREAD]\n");
		return 2;
	}
	long n_posts = atol(argv[2]), per = argc > 3 ? atol(argv[3]) : 50;
	if (n_posts <= 0 || per <= 0)
		return 2;
	struct api_app app = {0};
	struct store_conn *db;
	enum ent_err err = api_data_open(&app, argv[1]);
	if (!err)
		err = store_conn_get(app.store, &db);
	if (err) {
		fprintf(stderr, "comm_gen: %s\n", ent_strerror(err));
		return 1;
	}
	int64_t authors[8], n_authors = 0, space = 0, thread = 0;
	struct store_q *st;
	bool row = false;
	err = store_q_open(db, &Q_AUTHORS, &st);
	while (!err && !(err = store_q_step(st, &row)) && row && n_authors < 8)
		authors[n_authors++] = store_q_int(st, 0);
	store_q_close(st);
	if (!err)
		err = store_q_open(db, &Q_SPACE, &st);
	if (!err) {
		store_q_bind_int(st, 1, clock_now());
		err = store_q_step(st, &row);
		space = row ? store_q_int(st, 0) : 0;
		store_q_close(st);
	}
	if (!err && (!n_authors || !space))
		err = ENT_ENOTFOUND;
	unsigned seed = 12345;
	char title[128], body[1024];
	for (long done = 0; !err && done < n_posts;) {
		err = store_tx_begin(db);
		if (err)
			break;
		snprintf(title, sizeof title, "Discussion %ld : %s", done / per + 1,
			 sentences[(done / per) % N_SENT]);
		struct comm_new_post p = {0};
		err = comm_thread_insert(db, space, authors[0], title, strlen(title), &p.thread_id);
		for (long i = 0; !err && i < per && done < n_posts; i++, done++) {
			size_t len = 0;
			int k = 2 + (int)(rand_r(&seed) % 4);
			for (int s = 0; s < k; s++)
				len += (size_t)snprintf(body + len, sizeof body - len, "%s%s", s ? " " : "",
							sentences[rand_r(&seed) % N_SENT]);
			p.title = i == 0 ? title : NULL;
			p.body = body;
			p.len = len;
			err = comm_post_insert(db, authors[(size_t)(done % n_authors)], "fr", &p);
		}
		thread = p.thread_id;
		if (!err)
			err = store_tx_commit(db);
		else
			store_tx_rollback(db);
	}
	if (err)
		fprintf(stderr, "comm_gen: %s\n", ent_strerror(err));
	else
		printf("%lld\n", (long long)thread);
	api_data_close(&app);
	return err ? 1 : 0;
}
