/* learn_age.c - members' age bands (R8) and the under-15 limit; see learn.h. */
#include <stdio.h>
#include <string.h>

#include "learn/learn.h"

const char *const learn_bands[LEARN_N_BANDS + 1] = {"13-14", "15-17", "18-24", "25-plus", NULL};

static const struct store_stmt Q_GET = {
	"learn.age_get", "SELECT band, limited FROM account_age_bands WHERE account_id = ?1"};
static const struct store_stmt Q_SET = {
	"learn.age_set",
	"INSERT INTO account_age_bands (account_id, band, limited) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (account_id) DO UPDATE SET band = excluded.band, "
	"limited = CASE WHEN excluded.limited = 1 AND account_age_bands.band <> '13-14' THEN 1 "
	"ELSE account_age_bands.limited END"};
static const struct store_stmt Q_LIMITED = {
	"learn.age_limited", "SELECT limited FROM account_age_bands WHERE account_id = ?1"};
static const struct store_stmt Q_CONFIRM = {
	"learn.age_confirm", "UPDATE account_age_bands SET limited = 0 WHERE account_id = ?1"};

int learn_band_index(const char *band)
{
	for (int i = 0; band && learn_bands[i]; i++)
		if (!strcmp(band, learn_bands[i]))
			return i;
	return -1;
}

enum ent_err learn_age_band_get(struct store_conn *c, int64_t account_id, char out[LEARN_BAND_MAX],
				bool *limited)
{
	struct store_q *q;
	out[0] = '\0';
	if (limited)
		*limited = false;
	enum ent_err err = store_q_first_int(c, &Q_GET, account_id, &q);
	if (err)
		return err == ENT_ENOTFOUND ? ENT_OK : err;
	/* only the known bands are ever stored (CHECK) */
	int i = learn_band_index(store_q_text(q, 0, NULL));
	if (i >= 0)
		snprintf(out, LEARN_BAND_MAX, "%s", learn_bands[i]);
	if (limited)
		*limited = store_q_bool(q, 1);
	store_q_close(q);
	return ENT_OK;
}

enum ent_err learn_age_band_set(struct store_conn *c, int64_t account_id, const char *band)
{
	int i = learn_band_index(band);
	if (i < 0)
		return ENT_EINVAL;
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_SET, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	store_q_bind_text(q, 2, learn_bands[i], strlen(learn_bands[i]));
	store_q_bind_int(q, 3, i == 0);
	return store_q_run(q);
}

bool learn_age_limited(struct store_conn *c, int64_t account_id)
{
	struct store_q *q;
	enum ent_err err = store_q_first_int(c, &Q_LIMITED, account_id, &q);
	if (err) /* no band: not limited; an error: limited, to be safe */
		return err != ENT_ENOTFOUND;
	bool limited = store_q_bool(q, 0);
	store_q_close(q);
	return limited;
}

enum ent_err learn_age_confirm(struct store_conn *c, int64_t account_id)
{
	struct store_q *q;
	enum ent_err err = store_q_open(c, &Q_CONFIRM, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account_id);
	return store_q_run(q);
}
