/*
 * mail_smtp.c - the sender thread of `serve`: takes the due messages of the queue, writes
 * each (mail_compose) and sends it over SMTP with libcurl (STARTTLS when asked, smtps://,
 * credentials when given), then marks it sent or due again after mail_backoff(); after
 * MAIL_ATTEMPTS tries it is given up. It wakes when a message is queued (mail_wake) and every
 * MAIL_TICK_S seconds, when it also queues the digests that are due (mail_digest.c). Logs say
 * how many went, never an address or a link.
 * Not responsible for: what is queued (callers, mail_store.c).
 */
#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/log.h"
#include "mail/mail.h"
#include "mail/mail_store.h"

#define MAIL_TICK_S 5
#define MAIL_BATCH 16
#define MAIL_MSG_MAX 4096

struct mail_sender {
	struct store *store;
	const struct auth_keys *keys;
	struct mail_smtp o;
	pthread_t thread;
	bool stop;
};

static pthread_mutex_t wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cond = PTHREAD_COND_INITIALIZER;
static atomic_bool wake_due;

void mail_wake(void)
{
	atomic_store(&wake_due, true);
	pthread_mutex_lock(&wake_lock);
	pthread_cond_broadcast(&wake_cond);
	pthread_mutex_unlock(&wake_lock);
}

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t k = size * n < u->left ? size * n : u->left;
	memcpy(buf, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* The bare address of a From value ("Name <a@b>" or "a@b"). */
static void bare_address(const char *from, char *out, size_t cap)
{
	const char *lt = strchr(from, '<');
	snprintf(out, cap, "<%s", lt ? lt + 1 : from);
	if (!lt)
		snprintf(out, cap, "<%s>", from);
}

/* Sends one message; "" in err on success, else curl's short error name. */
static bool send_one(struct mail_sender *s, const char *to, const char *msg, char *err, size_t cap)
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, cap, "curl_easy_init");
		return false;
	}
	char from[260], rcpt[AUTH_EMAIL_MAX + 3];
	bare_address(s->o.from, from, sizeof from);
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	struct upload u = {msg, strlen(msg)};
	curl_easy_setopt(c, CURLOPT_URL, s->o.url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	if (s->o.starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (s->o.user[0]) {
		curl_easy_setopt(c, CURLOPT_USERNAME, s->o.user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, s->o.password ? s->o.password : "");
		curl_easy_setopt(c, CURLOPT_SASL_IR, 1L);
	}
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK) {
		err[0] = '\0';
		return true;
	}
	/* the code and curl's own words only: no address, no server text */
	snprintf(err, cap, "curl %d, smtp %ld", (int)rc, code);
	return false;
}

enum ent_err mail_send_due(struct mail_sender *s, struct store_conn *db, int64_t now,
			   unsigned *sent, unsigned *failed)
{
	struct mail_due *due = calloc(MAIL_BATCH, sizeof *due);
	char *msg = malloc(MAIL_MSG_MAX);
	size_t n = 0;
	enum ent_err err = due && msg ? ENT_OK : ENT_ENOMEM;
	if (!err)
		err = mail_due_list(db, s->keys, now, due, MAIL_BATCH, &n);
	for (size_t i = 0; !err && i < n; i++) {
		struct mail_due *d = &due[i];
		char url[MAIL_URL_MAX + MAIL_LINK_MAX + 1], why[64] = "";
		snprintf(url, sizeof url, "%s%s", s->o.public_url, d->link);
		enum ent_err ce = !d->to[0] || !d->link[0] ? ENT_EINVAL
				 : mail_compose(d->tmpl, d->locale, s->o.from, d->to, url, now, msg,
						MAIL_MSG_MAX);
		if (ce) {
			/* nothing to retry: no address any more (account gone), or a bad row */
			snprintf(why, sizeof why, "cannot write: %s", ent_strerror(ce));
			err = mail_mark_done(db, d->id, false, now, why);
			++*failed;
		} else if (send_one(s, d->to, msg, why, sizeof why)) {
			err = mail_mark_done(db, d->id, true, now, NULL);
			++*sent;
		} else if (d->attempts + 1 >= MAIL_ATTEMPTS) {
			err = mail_mark_done(db, d->id, false, now, why);
			++*failed;
		} else {
			err = mail_mark_retry(db, d->id, now + mail_backoff(d->attempts), why);
		}
		sodium_memzero(msg, MAIL_MSG_MAX);
	}
	if (due)
		sodium_memzero(due, MAIL_BATCH * sizeof *due);
	free(due);
	free(msg);
	return err;
}

static void *run(void *arg)
{
	struct mail_sender *s = arg;
	struct store_conn *db = NULL;
	pthread_mutex_lock(&wake_lock);
	while (!s->stop) {
		if (!atomic_exchange(&wake_due, false)) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += MAIL_TICK_S;
			pthread_cond_timedwait(&wake_cond, &wake_lock, &until);
			if (s->stop)
				break;
			atomic_store(&wake_due, false);
		}
		pthread_mutex_unlock(&wake_lock);
		/* a message queued inside a transaction is seen once it commits: let it */
		struct timespec pause = {0, 100 * 1000 * 1000};
		nanosleep(&pause, NULL);
		if (!db && store_conn_get(s->store, &db))
			db = NULL;
		unsigned sent = 0, failed = 0, digests = 0;
		if (db) {
			enum ent_err err = mail_digest_run(db, s->keys, clock_now(), &digests);
			if (err)
				log_err("mail digests", err, NULL);
			err = mail_send_due(s, db, clock_now(), &sent, &failed);
			if (err)
				log_err("mail queue", err, NULL);
		}
		if (sent || failed) {
			char m[64];
			snprintf(m, sizeof m, "\"sent\":%u,\"failed\":%u", sent, failed);
			log_line(LOG_INFO, "mail", m);
		}
		pthread_mutex_lock(&wake_lock);
	}
	pthread_mutex_unlock(&wake_lock);
	return NULL;
}

enum ent_err mail_sender_start(struct store *store, const struct auth_keys *keys,
			       struct mail_smtp *opts, struct mail_sender **out)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return ENT_EINTERNAL;
	struct mail_sender *s = calloc(1, sizeof *s);
	if (!s)
		return ENT_ENOMEM;
	s->store = store;
	s->keys = keys;
	s->o = *opts;
	opts->password = NULL;
	size_t ul = strlen(s->o.public_url);
	while (ul && s->o.public_url[ul - 1] == '/')
		s->o.public_url[--ul] = '\0';
	if (pthread_create(&s->thread, NULL, run, s)) {
		if (s->o.password)
			sodium_free(s->o.password);
		free(s);
		return ENT_EINTERNAL;
	}
	*out = s;
	return ENT_OK;
}

void mail_sender_stop(struct mail_sender *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&wake_lock);
	s->stop = true;
	pthread_cond_broadcast(&wake_cond);
	pthread_mutex_unlock(&wake_lock);
	pthread_join(s->thread, NULL);
	if (s->o.password)
		sodium_free(s->o.password);
	free(s);
	curl_global_cleanup();
}
