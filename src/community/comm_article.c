/* comm_article.c - institutions' keys sealed, articles signed and published; see
 * comm_article.h. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_keys.h"
#include "community/comm_article.h"
#include "core/clock.h"
#include "store/store_search.h"

/* The key that seals institutions' secret keys; wipe it after use. */
static void seal_key(const struct auth_keys *k, unsigned char out[32])
{
	crypto_kdf_derive_from_key(out, 32, 1, "entsign1", k->email_seal);
}

enum ent_err comm_inst_key(struct store_conn *c, const struct auth_keys *keys, const char *slug,
			   bool create, struct comm_inst_key *out)
{
	enum ent_err err = comm_inst_get(c, slug, out);
	if (err || out->has_key)
		return err;
	if (!create)
		return ENT_ENOTFOUND;
	unsigned char k[32];
	seal_key(keys, k);
	err = comm_key_new(k, out->pk, out->sealed);
	sodium_memzero(k, sizeof k);
	if (!err)
		err = comm_inst_key_add(c, out, clock_now());
	out->has_key = !err;
	return err;
}

static enum ent_err sign(const struct auth_keys *keys, const struct comm_inst_key *ik,
			 const struct comm_article *a, unsigned char sig[COMM_SIG_BYTES])
{
	unsigned char k[32];
	seal_key(keys, k);
	enum ent_err err = comm_sign(k, ik->sealed, sizeof ik->sealed, a, sig);
	sodium_memzero(k, sizeof k);
	return err;
}

enum ent_err comm_inst_sign(struct store_conn *c, const struct auth_keys *keys, const char *slug,
			    const struct comm_article *a, unsigned char pk[COMM_PK_BYTES],
			    unsigned char sig[COMM_SIG_BYTES])
{
	struct comm_inst_key ik;
	enum ent_err err = comm_inst_key(c, keys, slug, true, &ik);
	if (err)
		return err;
	err = sign(keys, &ik, a, sig);
	memcpy(pk, ik.pk, COMM_PK_BYTES);
	return err;
}

/* The stems of the title and the body, for the index. */
static enum ent_err terms(const struct comm_article_new *n, struct buf *out)
{
	enum ent_err err = comm_terms(n->title, strlen(n->title), n->language, out);
	if (!err) {
		buf_putc(out, ' ');
		err = comm_terms(n->body, strlen(n->body), n->language, out);
	}
	return err;
}

enum ent_err comm_article_publish(struct store_conn *c, const struct auth_keys *keys,
				  const struct comm_article_new *n, int64_t *id)
{
	struct comm_inst_key ik;
	char date[CLOCK_DAY_LEN];
	clock_day(n->now, date);
	struct comm_article a = {n->institution, "editor", 1, date, date, n->language, n->title, n->body};
	unsigned char sig[COMM_SIG_BYTES];
	char *html = NULL;
	struct buf t_buf;
	buf_init(&t_buf, 4 * COMM_ARTICLE_MAX);
	*id = 0;
	enum ent_err err = store_tx_begin(c);
	if (err)
		return err;
	err = comm_inst_key(c, keys, n->institution, true, &ik);
	if (!err)
		err = sign(keys, &ik, &a, sig);
	if (!err)
		err = comm_md_render(n->body, strlen(n->body), &html);
	if (!err)
		err = comm_article_insert(c, ik.id, n, date, html, sig, id);
	if (!err)
		err = terms(n, &t_buf);
	if (!err)
		err = store_search_article_index(c, *id, t_buf.p, t_buf.len);
	if (!err)
		err = store_tx_commit(c);
	else
		store_tx_rollback(c);
	free(html);
	buf_clear(&t_buf);
	return err;
}
