/*
 * gen_members.c - adds logged-in members to a community made by bench/community's comm_gen
 * (issue 13):
 *
 *   members_gen DATA_DIR MEMBERS FOLLOWS NOTIFICATIONS REACTIONS OUT
 *
 * MEMBERS accounts (membre00001...), each with a live session, following FOLLOWS threads of
 * the space "banc-d-essai" (most read to the end, one in five a few posts behind), with
 * NOTIFICATIONS reply notifications in all (spread over the members and their follows: each
 * follow starts that many posts before the thread's end, migration 0104) and REACTIONS
 * reactions on random posts. Counters are kept by the schema's triggers, as in
 * production. Writes OUT: one line per member, "SESSION_TOKEN CSRF_TOKEN THREAD_ID" (a thread
 * the member follows), for the wrk script. Deterministic (fixed seed). Accounts share one
 * password hash (hashing 2,000 passwords would take minutes); nobody logs in with it.
 * Not part of the server: bench/members/run.sh and tests/plans/run.sh run it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_community.h"
#include "auth/auth.h"
#include "core/clock.h"
#include "store/store_account.h"

static const struct store_stmt Q_THREADS = {
	"bench.threads",
	"SELECT t.id, t.last_post_id, t.n_posts FROM threads t JOIN spaces s ON s.id = t.space_id "
	"WHERE s.slug = 'banc-d-essai' ORDER BY t.id"};
static const struct store_stmt Q_FOLLOW = {
	"bench.follow",
	"INSERT INTO follows (account_id, thread_id, last_read_id, read_visible, notify_from) "
	"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING"};
static const struct store_stmt Q_REACT = {
	"bench.reaction",
	"INSERT INTO reactions (post_id, account_id, kind, created_at) VALUES (?1, ?2, ?3, ?4) "
	"ON CONFLICT DO NOTHING"};

struct thread {
	int64_t id, last, n;
};

static enum ent_err exec_ints(struct store_conn *db, const struct store_stmt *stmt, const int64_t *v,
			      int n, const char *text)
{
	struct store_q *st;
	enum ent_err err = store_q_open(db, stmt, &st);
	if (err)
		return err;
	for (int i = 0; i < n; i++)
		if (text && i == 2)
			store_q_bind_text(st, 3, text, strlen(text));
		else if (v[i] < 0)
			store_q_bind_null(st, i + 1);
		else
			store_q_bind_int(st, i + 1, v[i]);
	err = store_q_exec(st);
	store_q_close(st);
	return err;
}

static enum ent_err load_threads(struct store_conn *db, struct thread **out, size_t *n_out)
{
	size_t n = 0, cap = 1024;
	struct thread *t = malloc(cap * sizeof *t);
	struct store_q *st;
	bool row = false;
	enum ent_err err = t ? store_q_open(db, &Q_THREADS, &st) : ENT_ENOMEM;
	if (err) {
		free(t);
		return err;
	}
	while (!err && !(err = store_q_step(st, &row)) && row) {
		if (n == cap) {
			struct thread *g = realloc(t, 2 * cap * sizeof *t);
			if (!g) {
				err = ENT_ENOMEM;
				break;
			}
			t = g;
			cap *= 2;
		}
		t[n++] = (struct thread){store_q_int(st, 0), store_q_int(st, 1), store_q_int(st, 2)};
	}
	store_q_close(st);
	if (!err && !n)
		err = ENT_ENOTFOUND;
	if (err)
		free(t);
	*out = t;
	*n_out = n;
	return err;
}

/* One member: account, session (written to out), follows, notifications. */
static enum ent_err one_member(struct api_app *app, struct store_conn *db, long i, const char *pw,
			       const struct thread *th, size_t n_th, long follows, long notifs,
			       unsigned *seed, FILE *out)
{
	char handle[32];
	snprintf(handle, sizeof handle, "membre%05ld", i);
	unsigned char email_hash[32], email_enc[48];
	for (size_t k = 0; k < sizeof email_hash; k++)
		email_hash[k] = (unsigned char)rand_r(seed);
	memcpy(email_enc, email_hash, sizeof email_hash);
	memset(email_enc + 32, 0, 16);
	struct store_account_new a = {handle, handle, email_hash, sizeof email_hash, email_enc,
				      sizeof email_enc, pw, i % 5 ? "fr" : "en"};
	int64_t id = 0, now = clock_now();
	enum ent_err err = store_account_insert(db, &a, &id);
	unsigned char raw[AUTH_TOKEN_BYTES], hash[AUTH_HASH_BYTES];
	char token[AUTH_TOKEN_CHARS + 1], csrf[AUTH_TOKEN_CHARS + 1];
	if (!err)
		err = auth_token_new(raw, token);
	if (!err) {
		auth_token_hash(raw, hash);
		err = store_session_insert(db, hash, sizeof hash, id, now, now + 14 * 86400);
	}
	if (err)
		return err;
	auth_csrf(app->keys, raw, csrf);
	const struct thread *first = NULL;
	size_t base = (size_t)rand_r(seed) % n_th;
	for (long f = 0; !err && f < follows; f++) {
		const struct thread *t = &th[(base + (size_t)f * 7919) % n_th];
		int64_t behind = rand_r(seed) % 5 == 0 ? 1 + rand_r(seed) % 5 : 0;
		if (behind >= t->n)
			behind = 0;
		/* this follow's reply notifications: the thread's last `window` posts (all by the
		 * generator's authors), the read marker never before their start */
		int64_t window = notifs / follows + (f < notifs % follows);
		if (window > t->n - 1)
			window = t->n - 1;
		if (window < behind)
			window = behind;
		/* the generated posts are all visible: n_posts of them */
		int64_t v[5] = {id, t->id, t->last - behind, t->n - behind, t->last - window};
		err = exec_ints(db, &Q_FOLLOW, v, 5, NULL);
		if (!first)
			first = t;
	}
	if (!err)
		fprintf(out, "%s %s %lld\n", token, csrf, (long long)(first ? first->id : th[0].id));
	return err;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: members_gen DATA_DIR MEMBERS FOLLOWS NOTIFICATIONS REACTIONS OUT\n");
		return 2;
	}
	long members = atol(argv[2]), follows = atol(argv[3]), notifs = atol(argv[4]),
	     reactions = atol(argv[5]);
	if (members <= 0 || follows < 0 || notifs < 0 || reactions < 0)
		return 2;
	FILE *out = fopen(argv[6], "w");
	if (!out) {
		fprintf(stderr, "members_gen: cannot write %s\n", argv[6]);
		return 1;
	}
	struct api_app app = {0};
	struct store_conn *db = NULL;
	struct thread *th = NULL;
	size_t n_th = 0;
	char pw[AUTH_PWHASH_MAX];
	enum ent_err err = api_data_open(&app, argv[1]);
	if (!err)
		err = store_conn_get(app.store, &db);
	if (!err)
		err = load_threads(db, &th, &n_th);
	if (!err) {
		auth_password_set_cheap(true);
		err = auth_password_hash("banc-d-essai-2026", 17, pw);
	}
	unsigned seed = 4242;
	int64_t now = clock_now(), first_member = 0;
	for (long i = 1; !err && i <= members; i++) {
		err = store_tx_begin(db);
		if (err)
			break;
		long share = notifs / members + (i <= notifs % members);
		err = one_member(&app, db, i, pw, th, n_th, follows, share, &seed, out);
		if (!err)
			err = store_tx_commit(db);
		else
			store_tx_rollback(db);
		if (!err && i == 1) {
			struct store_account acc;
			err = store_account_by_handle(db, "membre00001", &acc);
			first_member = acc.id;
		}
	}
	static const char *const kinds[] = {"soutien", "merci", "utile"};
	int64_t first_post = th ? th[0].last - th[0].n + 1 : 0, last_post = th ? th[n_th - 1].last : 0;
	for (long done = 0; !err && done < reactions;) {
		err = store_tx_begin(db);
		for (long k = 0; !err && k < 10000 && done < reactions; k++, done++) {
			int64_t v[4] = {first_post + rand_r(&seed) % (last_post - first_post + 1),
					first_member + rand_r(&seed) % members, 0, now};
			err = exec_ints(db, &Q_REACT, v, 4, kinds[rand_r(&seed) % 3]);
		}
		if (!err)
			err = store_tx_commit(db);
		else
			store_tx_rollback(db);
	}
	if (err)
		fprintf(stderr, "members_gen: %s\n", ent_strerror(err));
	free(th);
	fclose(out);
	api_data_close(&app);
	return err ? 1 : 0;
}
