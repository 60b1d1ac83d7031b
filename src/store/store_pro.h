/* store_pro.h - what the professional network (issue 7) does when an account is deleted. */
#ifndef ENT_STORE_PRO_H
#define ENT_STORE_PRO_H

#include "store/store_account.h"

/* Deletion hook (store_account_delete): STORE_POSTS_DELETE erases the account's cases (with
 * their answers, photos and consent record) and its answers to other cases;
 * STORE_POSTS_ANONYMISE keeps them and the foreign keys set their author to NULL. The
 * account's verification requests and their events go with the account (cascade). */
enum ent_err store_pro_account_delete(struct store_conn *c, int64_t account_id,
				      enum store_posts_mode mode);

#endif
