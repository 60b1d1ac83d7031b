/* store_pro.c - the professional network's account deletion hook; see store_pro.h. */
#include "store/store_pro.h"

static const struct store_stmt Q_DEL_CASES = {
	"pro.delete_cases", "DELETE FROM pro_cases WHERE author_id = ?1"};
static const struct store_stmt Q_DEL_ANSWERS = {
	"pro.delete_answers", "DELETE FROM pro_case_answers WHERE author_id = ?1"};
static const struct store_stmt Q_DEL_PHOTOS = {
	"pro.delete_photos", "DELETE FROM pro_case_photos WHERE author_id = ?1"};

enum ent_err store_pro_account_delete(struct store_conn *c, int64_t account_id,
				      enum store_posts_mode mode)
{
	if (mode != STORE_POSTS_DELETE)
		return ENT_OK;
	const struct store_stmt *const all[] = {&Q_DEL_CASES, &Q_DEL_ANSWERS, &Q_DEL_PHOTOS};
	enum ent_err err = ENT_OK;
	for (size_t i = 0; !err && i < sizeof all / sizeof all[0]; i++) {
		struct store_q *q;
		err = store_q_open(c, all[i], &q);
		if (err)
			break;
		store_q_bind_int(q, 1, account_id);
		err = store_q_exec(q);
		store_q_close(q);
	}
	return err;
}
