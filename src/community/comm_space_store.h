/*
 * comm_space_store.h - the spaces themselves in the store (issue 17): created, edited,
 * archived and listed by the administrator. Plain data in, plain data out: src/api/ checks
 * the caller and the values, these functions only read and write rows.
 * Not responsible for: threads and posts (api_space.c), who may read a space (policy_space.h).
 */
#ifndef ENT_COMM_SPACE_STORE_H
#define ENT_COMM_SPACE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

#define COMM_SPACE_SLUG_MAX 63
#define COMM_SPACE_NAME_MAX 120
#define COMM_SPACE_DESC_MAX 1000
#define COMM_SPACE_RETENTION_MAX 36500

struct comm_space_row {
	int64_t id;
	char slug[COMM_SPACE_SLUG_MAX + 1];
	char name[COMM_SPACE_NAME_MAX + 1];
	char description[COMM_SPACE_DESC_MAX + 1];
	char language[3];       /* fr, en */
	char visibility[16];    /* public, members, professionals */
	char kind[16];          /* community, professional, institution */
	char institution[64];   /* slug, "" when none */
	bool indexable;
	int64_t retention_days; /* 0: kept until its author deletes it */
	int64_t threads;        /* read only */
	int64_t created_at;
	int64_t archived_at;    /* 0: live */
};

/* Inserts a community space from row (slug, name, description, language, visibility,
 * indexable, retention_days); ENT_EEXIST when the slug is taken. */
enum ent_err comm_space_add(struct store_conn *c, const struct comm_space_row *row, int64_t now,
			    int64_t *id);
/* Inserts the space of row (slug, name, description, language, visibility, kind and the
 * institution's slug, "" for none; the other columns take their defaults) unless its slug is
 * taken; *id is the new space's id, 0 when the slug was taken (nothing changed). */
enum ent_err comm_space_ensure(struct store_conn *c, const struct comm_space_row *row, int64_t now,
			       int64_t *id);
/* The space with that slug, archived or not; ENT_ENOTFOUND. */
enum ent_err comm_space_load(struct store_conn *c, const char *slug, struct comm_space_row *out);
/* Writes back name, description, language, visibility, indexable and retention_days of the
 * space row->id (the slug never changes: links point to it). */
enum ent_err comm_space_save(struct store_conn *c, const struct comm_space_row *row);
/* Archives (at > 0) or brings back (at == 0) a space; ENT_ENOTFOUND. */
enum ent_err comm_space_set_archived(struct store_conn *c, int64_t id, int64_t at);
/* Every space, archived ones included, by slug (at most 1000). */
enum ent_err comm_space_each(struct store_conn *c,
			     void (*fn)(const struct comm_space_row *row, void *arg), void *arg);

/* The moderators assigned to a space (0512): the administrator adds and removes them; they
 * moderate that space only (comm_store.h answers the moderation's questions). */
#define COMM_SPACE_MODERATORS_MAX 100
/* Assigns account to space; ENT_EEXIST when already assigned, ENT_ECONFLICT past
 * COMM_SPACE_MODERATORS_MAX. Call inside a transaction. */
enum ent_err comm_space_moderator_add(struct store_conn *c, int64_t space, int64_t account, int64_t now);
/* ENT_ENOTFOUND when the account was not assigned to the space. */
enum ent_err comm_space_moderator_remove(struct store_conn *c, int64_t space, int64_t account);
/* The handles of a space's moderators, oldest account first (at most
 * COMM_SPACE_MODERATORS_MAX: a bounded list). */
enum ent_err comm_space_moderators_each(struct store_conn *c, int64_t space,
					void (*fn)(const char *handle, void *arg), void *arg);

#endif
