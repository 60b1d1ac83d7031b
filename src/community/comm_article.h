/*
 * comm_article.h - validated information (R5): articles signed by their institution, the
 * institutions' signing keys, and their storage.
 *
 * Each institution's Ed25519 key pair is made on first use; the secret key is stored sealed
 * with a key derived (crypto_kdf, context "entsign1") from the instance's e-mail sealing key,
 * itself derived from the master key (auth.h), so a stolen database alone does not let anyone
 * sign. comm_article.c seals, signs and publishes (its own transaction); comm_article_store.c
 * holds the statements.
 * Not responsible for: who may publish (the route table, api_article.c), the canonical form
 * and the signature itself (comm_sign.c), rendering (api_article.c).
 */
#ifndef ENT_COMM_ARTICLE_H
#define ENT_COMM_ARTICLE_H

#include <stdbool.h>
#include <stdint.h>

#include "community/comm.h"
#include "store/store.h"

struct auth_keys;

/* An institution and its key pair (has_key false: none made yet). */
struct comm_inst_key {
	int64_t id;
	char name[128];
	bool has_key;
	unsigned char pk[COMM_PK_BYTES];
	unsigned char sealed[COMM_SEALED_BYTES];
};

/* --- comm_article.c --- */

/* The institution slug with its key pair, made and stored when it has none yet and create
 * is true; ENT_ENOTFOUND for an unknown institution, or one without a key when !create. */
enum ent_err comm_inst_key(struct store_conn *c, const struct auth_keys *keys, const char *slug,
			   bool create, struct comm_inst_key *out);
/* Signs a with the key of institution slug (made on first use); its public key in pk. */
enum ent_err comm_inst_sign(struct store_conn *c, const struct auth_keys *keys, const char *slug,
			    const struct comm_article *a, unsigned char pk[COMM_PK_BYTES],
			    unsigned char sig[COMM_SIG_BYTES]);

/* What an editor publishes (strings borrowed). author 0: none (the demo). */
struct comm_article_new {
	const char *institution; /* slug */
	int64_t author;
	const char *language; /* fr|en */
	const char *title;
	const char *body; /* Markdown */
	int64_t now;      /* dated (YYYY-MM-DD, UTC) and stored as of now */
};
/* Signs, renders, stores and indexes an article in one transaction; its id in *id.
 * ENT_EUTF8 when the body is not UTF-8. */
enum ent_err comm_article_publish(struct store_conn *c, const struct auth_keys *keys,
				  const struct comm_article_new *n, int64_t *id);

/* --- comm_article_store.c --- */

/* The institution slug and its key, if any: ENT_ENOTFOUND for an unknown institution. */
enum ent_err comm_inst_get(struct store_conn *c, const char *slug, struct comm_inst_key *out);
/* Stores the key pair of institution k->id. */
enum ent_err comm_inst_key_add(struct store_conn *c, const struct comm_inst_key *k, int64_t now);

/* An article as stored: a (its strings borrowed, as below), the institution's name, the
 * rendered HTML, the signature and the institution's public key. */
struct comm_article_row {
	int64_t id;
	struct comm_article a;
	const char *inst_name;
	const char *html;
	const unsigned char *sig; /* COMM_SIG_BYTES */
	const unsigned char *pk;  /* COMM_PK_BYTES */
};
/* Strings and bytes are borrowed for the duration of the call. */
typedef enum ent_err (*comm_article_fn)(void *arg, const struct comm_article_row *r);

/* Inserts an article (its HTML and signature made by the caller) and returns its id. Call
 * inside a transaction. */
enum ent_err comm_article_insert(struct store_conn *c, int64_t inst, const struct comm_article_new *n,
				 const char *date, const char *html,
				 const unsigned char sig[COMM_SIG_BYTES], int64_t *id);
/* Articles of id < before, newest first, at most limit; list rows carry no body, HTML,
 * signature nor key (NULL), nor author role (""). */
enum ent_err comm_articles_page(struct store_conn *c, int64_t before, int64_t limit,
				comm_article_fn fn, void *arg);
/* Article id; ENT_ENOTFOUND when there is none, ENT_EINTERNAL when its signature or key is
 * missing or malformed. */
enum ent_err comm_article_get(struct store_conn *c, int64_t id, comm_article_fn fn, void *arg);

#endif
