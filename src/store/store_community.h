/* store_community.h - what the communities (issue 5) do when an account is deleted. */
#ifndef ENT_STORE_COMMUNITY_H
#define ENT_STORE_COMMUNITY_H

#include "store/store_account.h"

/* Deletion hook (store_account_delete): STORE_POSTS_DELETE erases the account's posts (text,
 * rendered HTML, history, search entries; the post stays as "deleted" so replies keep their
 * place); STORE_POSTS_ANONYMISE keeps them, and the foreign key then sets their author to
 * NULL ("former member"). The deletion time is the clock's (clock_now). With
 * STORE_POSTS_DELETE the titles of the account's threads go too: a thread with no remaining
 * post is deleted, the others keep an empty title. */
enum ent_err store_community_account_delete(struct store_conn *c, int64_t account_id,
					    enum store_posts_mode mode);

/* How many articles the institution with that slug has signed (0 for an unknown slug). */
enum ent_err store_community_article_count(struct store_conn *c, const char *inst_slug,
					   int64_t *n);

#endif
